"""The gazetteer's fast paths give what their plain definitions give.

The scan reads per-alias flags worked out at start-up instead of testing each
match's alias; LATIN_RUN is the split-alias pattern with its look-behind moved
after the first character (for stdlib `re`); Match.of_kind reads a kind -> entries
table shared by the alias's matches. Each is checked against the definition it
replaces on the fixture texts and on random text built from the knowledge base's
own aliases, Latin words, digits, spaces and Chinese characters.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from service.extractors.gazetteer import LATIN_RUN, SHORT_CJK_ALIAS, Match
from service.nlp.document import build_document
from service.pipeline import get_pipeline

ROOT = Path(__file__).resolve().parents[2]
DEFINITION_RUN = regex.compile(r"(?<![a-z0-9])[a-z0-9]{2,30}(?: [a-z0-9]{2,30})+(?![a-z0-9])")


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def scan_by_definition(gazetteer, doc, automaton, keys, entries, listed):
    """The scan as first written: every check worked out from the alias per match."""
    key = doc.key
    found = []
    for idx, start, end in automaton.find_matches_as_indexes(key):
        if idx >= len(keys):
            continue
        alias = keys[idx]
        if _latin(alias[0]) and start > 0 and _latin(key[start - 1]):
            continue
        if _latin(alias[-1]) and end < len(key) and _latin(key[end]):
            continue
        if ((len(alias) <= SHORT_CJK_ALIAS or listed) and not alias.isascii()
                and not (doc.starts_token(start) and doc.ends_token(end))):
            continue
        found.append(Match(start, end, entries[idx]))
    return found


@pytest.fixture(scope="module")
def pipeline():
    return get_pipeline()


def random_texts(gazetteer, count: int, seed: int = 7):
    rnd = random.Random(seed)
    aliases = gazetteer._keys + rnd.sample(gazetteer._listed_keys, min(2000, len(gazetteer._listed_keys)))
    pieces = ["a", "Z", "9", "x1", "ab", " ", "  ", "的", "在", "发布", "，", "-", "长", "一百",
              "Pro", "face", "book", "open", "ai"]
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(1, 12)):
            parts.append(rnd.choice(aliases) if rnd.random() < 0.5 else rnd.choice(pieces))
            if rnd.random() < 0.3:
                parts.append(rnd.choice(" 1a中"))
        yield "".join(parts)


def corpus_texts():
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]


def test_scan_finds_what_the_definition_finds(pipeline):
    g = next(c for c in pipeline.components if c.name == "gazetteer")
    texts = corpus_texts() + list(random_texts(g, 1500))
    for text in texts:
        doc = build_document(text, pipeline.segmenter)
        for automaton, keys, entries, listed in (
                (g._automaton, g._keys, g._entries, False),
                (g._listed_automaton, g._listed_keys, g._listed_entries, True)):
            assert g._scan(doc, automaton, keys, entries, listed) == \
                scan_by_definition(g, doc, automaton, keys, entries, listed), text


def test_latin_run_is_the_look_behind_pattern():
    rnd = random.Random(11)
    alphabets = ["ab0 9z-中 A", "abcdefghij ", "a b", "0123456789abc  x"]
    for i in range(60_000):
        alphabet = alphabets[i % len(alphabets)]
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 90)))
        assert [m.span() for m in LATIN_RUN.finditer(text)] == \
            [m.span() for m in DEFINITION_RUN.finditer(text)], text
    for text in corpus_texts():
        key = text.lower()
        assert [m.span() for m in LATIN_RUN.finditer(key)] == [m.span() for m in DEFINITION_RUN.finditer(key)]


def test_of_kind_is_the_entries_of_that_kind(pipeline):
    g = next(c for c in pipeline.components if c.name == "gazetteer")
    kinds = ("person", "organization", "series", "product", "place", "")
    for entries, table in zip(g._entries + g._listed_entries, g._kinds + g._listed_kinds):
        with_table, without = Match(0, 1, entries, table), Match(0, 1, entries)
        assert with_table == without and hash(with_table) == hash(without)
        for kind in kinds:
            assert with_table.of_kind(kind) == tuple(e for e in entries if e.kind == kind)
            assert without.of_kind(kind) == tuple(e for e in entries if e.kind == kind)


def test_a_match_built_by_its_slots_is_the_dataclass_s_own():
    from service.extractors.gazetteer import Match, _match
    kinds = {"company": ()}
    fast, plain = _match(3, 7, (), kinds), Match(3, 7, (), kinds)
    assert type(fast) is Match and fast == plain and hash(fast) == hash(plain)
    assert (fast.start, fast.end, fast.entries, fast.kinds) == (3, 7, (), kinds)
    with pytest.raises(AttributeError):   # still frozen
        fast.start = 4
