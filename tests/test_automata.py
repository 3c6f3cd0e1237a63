"""service/nlp/automata.py: a shared automaton answers every search of a shared text
as ahocorasick_rs answers it (same matches, same order), for every match kind."""
from __future__ import annotations

import random
import threading
from pathlib import Path

import ahocorasick_rs
import pytest

from service.nlp import automata

ROOT = Path(__file__).resolve().parents[1]
KINDS = (ahocorasick_rs.MatchKind.Standard, ahocorasick_rs.MatchKind.LeftmostFirst,
         ahocorasick_rs.MatchKind.LeftmostLongest)


def _both(finder: automata.AhoCorasick, text: str, overlapping: bool = False):
    """(the shared answer, the automaton's own answer) for text."""
    automata.share(text)
    shared = finder.find_matches_as_indexes(text, overlapping=overlapping)
    return shared, finder._own.find_matches_as_indexes(text, overlapping=overlapping)


def test_invented_patterns_and_texts_every_match_kind(monkeypatch):
    """Patterns that are prefixes, suffixes and repeats of one another (a small
    alphabet makes every kind of overlap common), several automata at once, equal
    strings in one automaton and across automata."""
    # Only this test's automata share a pass, as when this file runs alone: once an
    # earlier test has built the pipeline, each trial's new automata would rebuild the
    # combined automaton over all of its patterns too (~200 s of the suite under load).
    # The pipeline's automata are checked on real texts below.
    monkeypatch.setattr(automata, "_registry", [])
    monkeypatch.setattr(automata, "_combined", None)
    monkeypatch.setattr(automata, "_local", threading.local())
    rng = random.Random(19)
    for trial in range(300):
        alphabet = "甲乙丙a" if trial % 2 else "甲乙丙丁戊ab"
        finders = []
        for _ in range(rng.randint(1, 4)):
            words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
                     for _ in range(rng.randint(1, 12))]
            finders.append(automata.AhoCorasick(words, matchkind=rng.choice(KINDS)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(automata.SHARED_FROM, 400)))
        automata.share(text)
        for finder in finders:
            shared, own = _both(finder, text)
            assert shared == own, (trial, finder._patterns, finder._kind)
            if finder._kind is ahocorasick_rs.MatchKind.Standard:
                shared, own = _both(finder, text, overlapping=True)
                assert shared == own, (trial, finder._patterns)


def test_the_pipelines_automata_on_every_fixture_text():
    """Every automaton the extractors made, over the key view of every fixture
    article and the seed: the answer read from the shared pass is its own."""
    from service.nlp.text import tables
    from service.pipeline import get_pipeline
    get_pipeline()
    finders = [ref() for ref in automata._registry]
    finders = [f for f in finders if f is not None]
    assert len(finders) >= 10
    paths = sorted((ROOT / "fixtures" / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    texts = [tables().key(p.read_text(encoding="utf-8")) for p in paths]
    assert texts
    compared = 0
    for text in texts:
        automata.share(text)
        for finder in finders:
            shared, own = _both(finder, text)
            assert shared == own, finder._patterns[:5]
            compared += len(own)
            if finder._kind is ahocorasick_rs.MatchKind.Standard:
                shared, own = _both(finder, text, overlapping=True)
                assert shared == own, finder._patterns[:5]
    assert compared > 1000


def test_short_and_unshared_texts_are_searched_alone():
    finder = automata.AhoCorasick(["乙丙", "丙"])
    short = "甲乙丙" * 3
    automata.share(short)   # too short to share: never passed
    assert finder.find_matches_as_indexes(short) == [(0, 1, 3), (0, 4, 6), (0, 7, 9)]
    long = "甲乙丙" * 100
    assert finder.find_matches_as_indexes(long) == finder._own.find_matches_as_indexes(long)
    assert id(long) not in getattr(automata._local, "texts", {})


def test_an_automaton_made_after_the_pass_searches_alone():
    first = automata.AhoCorasick(["乙"])
    text = "甲乙" * 100
    automata.share(text)
    assert first.find_matches_as_indexes(text) == first._own.find_matches_as_indexes(text)
    later = automata.AhoCorasick(["甲乙"])
    assert later.find_matches_as_indexes(text) == [(0, i, i + 2) for i in range(0, 200, 2)]


def test_overlapping_needs_standard_as_in_ahocorasick_rs():
    finder = automata.AhoCorasick(["甲"], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    text = "甲" * 200
    automata.share(text)
    with pytest.raises(ValueError):
        finder.find_matches_as_indexes(text, overlapping=True)
