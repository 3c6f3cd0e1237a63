"""The start scan (grammar.start_pattern) and the grammar for `re` (grammar.scan_grammar)
only make time expressions cheaper: trying the `re` grammar only where the scan says an
expression may begin finds what the `regex` grammar finds trying every place (the same
spans and the same named groups, all that model.read reads), on random text built from
the grammar's own words and characters, with random sentence bounds; and where `re` and
`regex` read a character differently, the stage tries every place with `regex`
(grammar.needs_full_scan)."""
from __future__ import annotations

import json
import random
import re
import sys
from bisect import bisect_left
from pathlib import Path

import pytest
import regex
import yaml

from service import extract
from service.timex import grammar as g
from service.timex.model import _matched
from service.timex.stage import TimeExpressions
from service.kb import knowledge_base
from service.nlp.segment import Segmenter
from service.nlp.text import tables

TESTS = Path(__file__).resolve().parents[1]
CASES = TESTS / "extractors" / "cases"
SPECS = TESTS / "conformance" / "recognizers-datetime" / "DateTime" / "Chinese"


@pytest.fixture(scope="module")
def stage() -> TimeExpressions:
    return TimeExpressions(knowledge_base(), Segmenter.__new__(Segmenter))


def _pieces(stage: TimeExpressions) -> list[str]:
    """Every word an expression starts with, its parts, and text that is no time at all."""
    words = [w for group, _ in g._start_words(stage.zones) for w in group]
    parts = [w[:n] for w in words for n in range(1, len(w))]
    return [*words, *parts, *g.PART_OF_DAY, *g.UNIT, *g.MONTH_PART, "大约", "大概", "约", "左右",
            "份", "以来", "号线", "星期二", "(", ")", "，", "。", "fy", "q", "a", "b", "-", "_", "千",
            "万", "个", "元", "%", "星辰智能", "发表", "东京", "纽约", *stage.place_zones]


def _expressions() -> list[str]:
    """The key view of every expression of the case table and of every conformance input."""
    key = tables().key
    cases = yaml.safe_load((CASES / "time_expressions.yaml").read_text(encoding="utf-8"))
    out = [key(t["text"]) for case in cases for t in case.get("times") or ()]
    for path in sorted(SPECS.glob("*.json")):
        out += [key(case["Input"]) for case in json.loads(path.read_text(encoding="utf-8-sig"))]
    return out


def _text(r: random.Random, pieces: list[str], expressions: list[str]) -> str:
    """One to ten tokens: runs of one to five digits or one to four numerals, what
    follows numbers in a date or time, the grammar's words, other text, and pieces of
    real expressions; then maybe a character or two replaced by a digit or numeral."""
    out = []
    for _ in range(r.randint(1, 10)):
        x = r.random()
        if x < 0.2:
            out.append("".join(r.choice("0123456789") for _ in range(r.choice((1, 1, 2, 2, 3, 4, 4, 5)))))
        elif x < 0.3:
            out.append("".join(r.choice(NUMERALS) for _ in range(r.randint(1, 4))))
        elif x < 0.5:
            out.append(r.choice(FOLLOWERS))
        elif x < 0.7:
            out.append(r.choice(pieces))
        else:
            e = r.choice(expressions)
            a = r.randint(0, len(e) - 1)
            out.append(e[a:r.randint(a + 1, len(e))] if r.random() < 0.3 else e)
    text = "".join(out)
    for _ in range(r.choice((0, 0, 1, 2))):
        i = r.randrange(len(text))
        text = text[:i] + r.choice("0123456789" + g.CN + "年月日点到-") + text[i + 1:]
    for _ in range(r.choice((0, 0, 0, 1, 2))):    # spaces and 的 where the grammar allows them
        i = r.randrange(len(text) + 1)
        text = text[:i] + r.choice((" ", "  ", "\t", "的", "的 ")) + text[i:]
    return text


NUMERALS = [*g.CN, "两千", "十", "九十", "二十", "〇", "百"]
FOLLOWERS = [*g.AFTER_LEADING_DIGITS, *"年月日号点时分秒季 的半整", "世纪", "年代", "财年", "财季", "会计年度",
             "财政年度", "点钟", "季度", "个月", "星期", "周", "天", " 年", "年 ", "\n", "：", "/"]


def test_trying_the_starts_finds_what_trying_every_place_finds(stage):
    pieces, expressions = _pieces(stage), _expressions()
    r = random.Random(19)
    for _ in range(30_000):
        text = _text(r, pieces, expressions)
        if g.needs_full_scan(text):
            continue
        places = [m.start() for m in stage.starts.finditer(text)]   # over the whole text, as the stage
        start = r.randint(0, len(text) - 1)
        end = r.randint(start + 1, len(text))                       # a sentence inside it
        want = [(m.span(), _matched(m)) for m in stage.pattern.finditer(text, start, end)]
        got = [(m.span(), _matched(m))
               for m in stage._matches(text, start, end, places, bisect_left(places, start))]
        assert got == want, (text, start, end)


def test_every_match_starts_where_the_scan_says(stage):
    """The scan's conditions are necessary: every place the grammar matches at is one."""
    pieces, expressions = _pieces(stage), _expressions()
    r = random.Random(7)
    for _ in range(5_000):
        text = _text(r, pieces, expressions)
        if g.needs_full_scan(text):
            continue
        places = {m.start() for m in stage.starts.finditer(text)}
        for at in range(len(text)):
            if stage.pattern.match(text, at):
                assert at in places, (text, at)


@pytest.mark.parametrize("text", ["٢٠٢٤年7月", "2024年𝟕月", "𑁦年", "2024\x1c年7月", "2024年7月"])
def test_the_stage_gives_the_same_result_either_way(text, monkeypatch):
    scanned = extract(text, reference_date="2024-05-16")
    monkeypatch.setattr(g, "needs_full_scan", lambda text: True)
    assert extract(text, reference_date="2024-05-16") == scanned


def test_characters_re_and_regex_read_differently_make_a_full_scan():
    assert g.needs_full_scan("٣月") and g.needs_full_scan("𝟑月") and g.needs_full_scan("a\x1fb")
    assert not g.needs_full_scan("2024年7月30日 下午3點")
    # everywhere else in the Basic Multilingual Plane, \d and \s mean the same to both
    pairs = [(re.compile(c), regex.compile(c)) for c in (r"\d", r"\s")]
    for cp in range(0x10000):
        ch = chr(cp)
        if g.needs_full_scan(ch) or 0xD800 <= cp <= 0xDFFF:
            continue
        for ours, theirs in pairs:
            assert bool(ours.match(ch)) == bool(theirs.match(ch)), hex(cp)
    # and every digit of either outside it makes a full scan
    assert all(g.needs_full_scan(chr(cp)) for cp in (0x10D40, 0x1D7CE, sys.maxunicode))


def test_the_digit_condition_in_one_reading_is_the_composed_one(stage):
    """grammar._digit_start (what the scan tries at a digit) holds exactly where
    _digit_start_composed (a run's start or inner shapes, AFTER_LEADING_DIGITS, the
    guard) does: every run of one to six digits, after a digit or not, then zero to
    two spaces and any character that can follow; then random text."""
    fast = re.compile(g._digit_start(stage.zones))
    composed = re.compile(g._digit_start_composed(stage.zones))
    assert fast.pattern != composed.pattern     # the guard is there, so the fast form is used
    followers = [*g.AFTER_LEADING_DIGITS, *"世纪年代财季会计度日号点时分半 x0\n", "：", "%", "元", "一"]
    for before in ("", "x", "7", "12"):
        for n in range(1, 7):
            for spaces in ("", " ", "  ", "\t"):
                for c in followers:
                    for digits in ("1" * n, "2024567"[:n], "0" * n):
                        text = before + digits + spaces + c
                        at = len(before)
                        for i in range(at, at + n):
                            assert bool(fast.match(text, i)) == bool(composed.match(text, i)), (text, i)
    r = random.Random(5)
    alphabet = [*"0123456789", *g.AFTER_LEADING_DIGITS, *"世纪 元个%一", "  "]
    for _ in range(20_000):
        text = "".join(r.choice("0123456789") if r.random() < 0.5 else r.choice(alphabet)
                       for _ in range(r.randint(1, 12)))
        for i in range(len(text)):
            assert bool(fast.match(text, i)) == bool(composed.match(text, i)), (text, i)


def test_the_fast_digit_condition_is_the_one_the_scan_uses(stage):
    assert f"(?={g._digit_start(stage.zones)})" in stage.starts.pattern
    assert g._digit_start_composed(stage.zones) not in stage.starts.pattern


def test_the_trigger_reads_a_scanned_text_as_regex_does():
    """stage.TRIGGER_RE (the `re` copy the stage uses on the texts the scan serves)
    finds what TRIGGER finds, character by character over the Basic Multilingual
    Plane and on the trigger's words, wherever needs_full_scan lets the scan serve."""
    from service.timex.stage import TRIGGER, TRIGGER_RE
    for cp in range(0x10000):
        ch = chr(cp)
        if g.needs_full_scan(ch) or 0xD800 <= cp <= 0xDFFF:
            continue
        assert bool(TRIGGER_RE.search(ch)) == bool(TRIGGER.search(ch)), hex(cp)
    for text in ("五一", "双十一", "清明", "中秋", "q3", "fy", "五", "双十", "q5", "f y", "清 明"):
        assert bool(TRIGGER_RE.search(text)) == bool(TRIGGER.search(text)), text


def test_matched_reads_the_groups_groupdict_gives(stage):
    """model._matched (names zipped to groups()) gives the groups that took part, by
    name, as groupdict() does (the scan grammar's second clock under its own names)."""
    seen = 0
    for text in _expressions()[:400]:
        for pattern in (stage.grammar, stage.pattern):
            for m in pattern.finditer(text):
                want = {}
                for name, v in m.groupdict().items():
                    if v is not None:
                        want.setdefault(name.removeprefix(g.SECOND), (m.re.groupindex[name], v))
                # a name twice (hour, dup_hour): the later group's value, as groups() order gives
                for name, v in m.groupdict().items():
                    if v is not None:
                        k = name.removeprefix(g.SECOND)
                        if m.re.groupindex[name] > want[k][0]:
                            want[k] = (m.re.groupindex[name], v)
                assert _matched(m) == {k: v for k, (_, v) in want.items()}, text
                seen += 1
    assert seen > 300
