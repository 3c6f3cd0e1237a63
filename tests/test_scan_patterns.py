"""Whole-text scans made cheaper give what their definitions give (wave 12, issue 19).

Each fast form here stands for a plain one that was slower over a whole document
(benchmarks/pattern_costs.py lists what each such scan costs): a pattern opening with
a class of its first characters, the standard library's engine for a class of
literal characters, a count of the whole text that spares the count of each
sentence. Each is checked against the plain form on random text built from the
pieces the pattern reads, in both scripts, with astral characters.
"""
from __future__ import annotations

import random
import re

import pytest
import regex

from service.extractors import events, mentioned_events
from service.extractors.event_kinds import CLAUSE_END
from service.extractors.product_explained_names import INCLUDING, INCLUDING_DEFINITION
from service.nlp import density
from service.nlp.document import split_sentences

OTHER = ["星辰", "智能", "a", "B", " ", "\n", "𠀋", "。", "的", "z9"]


def _text(rnd: random.Random, pieces: list[str], size: int) -> str:
    return "".join(rnd.choice(pieces) for _ in range(size))


@pytest.mark.parametrize("seed", range(60))
def test_including_finds_what_its_definition_finds(seed):
    rnd = random.Random(seed)
    pieces = ["，", ",", " ", "包括", "包含", "例如", "比如", "像是", "包", "括", "含", "例", "比",
              "如", "像", "是", ":", "：", "，包括", ", 例如"] + OTHER
    plain = re.compile(INCLUDING_DEFINITION)
    for _ in range(20):
        text = _text(rnd, pieces, rnd.randint(0, 40))
        assert [m.span() for m in INCLUDING.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        start = rnd.randint(0, len(text))
        assert [m.span() for m in INCLUDING.finditer(text, start)] == \
            [m.span() for m in plain.finditer(text, start)], (text, start)


@pytest.mark.parametrize("module", [events, mentioned_events])
def test_clause_marks_are_where_regex_finds_them(module):
    rnd = random.Random(7)
    plain = regex.compile("[" + regex.escape("".join(sorted(CLAUSE_END))) + "]")
    pieces = sorted(CLAUSE_END) + OTHER + ["\\", "]", "^", "-"]
    for _ in range(300):
        text = _text(rnd, pieces, rnd.randint(0, 60))
        assert [m.start() for m in module.CLAUSE_MARK.finditer(text)] == \
            [m.start() for m in plain.finditer(text)], text


def _unread_tails_counting_every_sentence(norm, sentences):
    """unread_tails before the whole-text count: every sentence counted, the window
    checked whatever the text's count."""
    tails = {}
    for s in sentences:
        if s.end - s.start < density._SHORTEST_DENSE:
            continue
        if len(density.NUMBER_START.findall(norm, s.start, s.end)) < density.MAX_NUMBERS_PER_SENTENCE:
            continue
        for i, m in enumerate(density.NUMBER.finditer(norm, s.start, s.end)):
            if i == density.MAX_NUMBERS_PER_SENTENCE:
                tails[s.end] = m.start()
                break
    if density._window_may_overflow(norm):
        density._window_cap([m.start() for m in density.NUMBER_START.finditer(norm)], sentences, tails)
    return sorted((start, end) for end, start in tails.items())


@pytest.mark.parametrize("seed", range(40))
def test_unread_tails_with_the_whole_text_count_first(seed):
    rnd = random.Random(seed)
    numbers = ["1", "12", "2024", "一", "十", "两", "几", "数", "数年", "数周", "年", "个", "月", "日"]
    for _ in range(6):
        density_share = rnd.choice([0.05, 0.3, 0.6, 0.9])
        size = rnd.choice([40, 200, 900, 3000])
        text = "".join(rnd.choice(numbers) if rnd.random() < density_share else rnd.choice(OTHER + ["，", "；"])
                       for _ in range(size))
        sentences = split_sentences(text)
        assert density.unread_tails(text, sentences) == _unread_tails_counting_every_sentence(text, sentences)
