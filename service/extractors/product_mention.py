"""A product mention while products are being found: the shared `Mention`
(service/nlp/spans.py) of kind "product", whose `ref` is the `ProductName` it
reads as: the id it names, where the name stops, the family record it builds on
and the evidence that found it.

The finders read those as attributes of the mention (`m.id`, `m.name_end`), so
`ProductMention` forwards them to its ref.
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from ..nlp.spans import Mention


@dataclass(slots=True)
class ProductName:
    name_end: int            # where the name stops (before a glued size)
    id: str
    family: dict | None      # the knowledge-base record or stem it builds on
    evidence: str            # a key of entities.EVIDENCE_WEIGHTS: kb-alias, kb-short, kb-family, stem, pattern, grammar…
    category: str | None = None
    cue: bool = False
    subname: str | None = None   # Scout of Llama 4 Scout: a later bare Scout names it too


def _forwarded(field: str) -> property:
    # attrgetter reads ref.field in C: ~7,000 reads per corpus pass
    return property(attrgetter(f"ref.{field}"),
                    lambda self, value: setattr(self.ref, field, value))


class ProductMention(Mention):
    __slots__ = ()

    def __init__(self, start: int, end: int, name_end: int, id: str, family: dict | None,
                 evidence: str, category: str | None = None, cue: bool = False,
                 subname: str | None = None) -> None:
        super().__init__(start, end, "product",
                         ProductName(name_end, id, family, evidence, category, cue, subname))

    name_end = _forwarded("name_end")
    id = _forwarded("id")
    family = _forwarded("family")
    evidence = _forwarded("evidence")
    category = _forwarded("category")
    cue = _forwarded("cue")
    subname = _forwarded("subname")
