"""Person tables written by hand for the tests of one People step: each name placed at its
n-th occurrence in the text, and the table read back as the set of mention texts per person."""
from __future__ import annotations

from service.extractors.entities import EntityTable


def nth_start(text: str, form: str, nth: int) -> int:
    """Where the n-th (0-based) occurrence of form starts."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(form, at + 1)
    return at


def person_table(text: str, people: dict[str, list[tuple[str, int]]]) -> EntityTable:
    """A person table: each id with its mentions, given as (form, n-th occurrence)."""
    table = EntityTable("person")
    for id_, forms in people.items():
        for form, nth in forms:
            start = nth_start(text, form, nth)
            table.add(id_, start, start + len(form), "tagger")
    return table


def mention_texts(table: EntityTable, text: str) -> list[set[str]]:
    """Each person left, as the set of its mentions' texts, in a stable order."""
    return sorted(({text[s:e] for s, e in ent.mentions} for ent in table.by_id.values()), key=sorted)
