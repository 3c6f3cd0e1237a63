"""service/nlp/needles.py gives what the Aho-Corasick automaton it replaces gives
(for a few needles it finds them with str.find), and entities.combine's memo gives
what the noisy-or gives."""
import itertools

import ahocorasick_rs
from hypothesis import given, settings, strategies as st

from service.extractors import entities
from service.nlp import needles

# A small alphabet so needles overlap, nest and repeat: 華為 inside 華為雲, ab inside aab.
TEXT = st.text(alphabet="ab華為雲 ", max_size=40)
NEEDLES = st.lists(st.text(alphabet="ab華為雲 ", min_size=1, max_size=4), min_size=0, max_size=12,
                   unique=True)


def automaton_leftmost_longest(patterns, text):
    if not patterns:
        return []
    finder = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return list(finder.find_matches_as_indexes(text))


def automaton_occurrences(patterns, text):
    found = {n: [] for n in patterns}
    if not patterns:
        return found
    finder = ahocorasick_rs.AhoCorasick(list(patterns))
    for index, start, end in finder.find_matches_as_indexes(text, overlapping=True):
        spans = found[patterns[index]]
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return found


@settings(max_examples=3000, deadline=None)
@given(NEEDLES, TEXT)
def test_leftmost_longest_is_the_automatons(patterns, text):
    assert list(needles.leftmost_longest(patterns, text)) == automaton_leftmost_longest(patterns, text)


@settings(max_examples=3000, deadline=None)
@given(NEEDLES, TEXT)
def test_occurrences_are_the_automatons(patterns, text):
    calls = []
    got = needles.occurrences(patterns, text, lambda: calls.append(1))
    want = automaton_occurrences(patterns, text)
    assert got == want and list(got) == list(want)
    assert len(calls) >= sum(map(len, got.values()))


def test_few_needles_take_the_find_path_and_many_the_automaton(monkeypatch):
    built = []
    real = ahocorasick_rs.AhoCorasick
    monkeypatch.setattr(needles.ahocorasick_rs, "AhoCorasick", lambda *a, **k: built.append(1) or real(*a, **k))
    few = ["華為", "華為雲", "a"]
    assert list(needles.leftmost_longest(few, "華為雲a華為")) == [(1, 0, 3), (2, 3, 4), (0, 4, 6)]
    assert needles.occurrences(few, "華為雲華為") == {"華為": [(0, 2), (3, 5)], "華為雲": [(0, 3)], "a": []}
    assert built == []
    many = ["".join(p) for p in itertools.product("ab", repeat=4)]
    assert len(many) > needles.FEW
    assert list(needles.leftmost_longest(many, "abab")) == [(many.index("abab"), 0, 4)]
    assert needles.occurrences(many, "abab")["abab"] == [(0, 4)]
    assert len(built) == 2


def test_combine_memo_is_the_noisy_or():
    keys = sorted(entities.EVIDENCE_WEIGHTS)
    for size in (0, 1, 2, 3):
        for chosen in itertools.combinations(keys, size):
            want = round(entities.noisy_or(entities.EVIDENCE_WEIGHTS[e] for e in chosen), 3)
            assert entities.combine(set(chosen)) == want
            assert entities.combine(set(reversed(chosen))) == want   # the memo's answer
