"""The readers build NumberMatch, NumberValue and Quantity with tuple.__new__ (one of each
per number of a dense text), which fills fields by position: these cases read every field
by name, so a field added or moved in the NamedTuple fails here, not silently elsewhere."""
from __future__ import annotations

from typing import ClassVar
from unittest import mock

from hypothesis import given, settings, strategies as st

from service.quantities import find_quantities, numerals, scan
from service.quantities.numerals import NumberMatch, NumberValue, _read_simple, scan_number
from service.quantities.scan import _exact_ints, _scaled


def test_simple_arabic_number_fields():
    m = _read_simple("售價2024元", 2)
    assert m._asdict() == {"start": 2, "end": 6, "text": "2024", "value": NumberValue(2024),
                           "weak": False, "digits_only": True, "has_big_multiplier": False,
                           "magnitude_suffix": None, "denominator": None, "numerator": None}
    assert type(m) is NumberMatch and type(m.value) is NumberValue
    d = _read_simple("約3.5吋", 1)
    assert (d.text, d.value, d.digits_only) == ("3.5", NumberValue(3.5), False)


def test_lone_chinese_digit_fields():
    m = _read_simple("三家", 0)
    assert m._asdict() == {"start": 0, "end": 1, "text": "三", "value": NumberValue(3),
                           "weak": True, "digits_only": False, "has_big_multiplier": False,
                           "magnitude_suffix": None, "denominator": None, "numerator": None}
    assert scan_number("三家", 0) == m


def test_quantity_fields():
    q, = find_quantities("星辰科技成立了12年")
    assert q._asdict() == {"kind": "duration", "value": 12, "approximate": False, "min": None,
                           "max": None, "unit": "years", "start": 7, "end": 10, "text": "12年",
                           "rule": "<number> <duration unit>"}


def test_scaled_by_one_keeps_exact_values_only():
    assert _scaled(NumberValue(7, 5, 9, True), 1) == NumberValue(7, 5, 9, True)
    assert _scaled(NumberValue(7), 1.0) == NumberValue(7)
    # floats and integers past 2**53 go through the rounding as before
    assert not _exact_ints(NumberValue(0.1234567890123456))
    assert _scaled(NumberValue(0.1234567890123456), 1) == NumberValue(0.123456789012)
    assert not _exact_ints(NumberValue(2**60))
    assert _scaled(NumberValue(2**60), 1.0) == NumberValue(int(round(2**60 * 1.0, 12)))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 .,万亿千百十多余分之又kKMBT%年个的\t\u00a0三零〇两壹-点几", min_size=1, max_size=12))
def test_the_spaced_fast_path_reads_what_the_full_reader_reads(text):
    # scan_number tries _read_simple first: where it answers for a number set off by a
    # space, the full reader must agree. (The unspaced fast path, older, differs on
    # digits_only before a Chinese digit: 0三.)
    for pos in range(len(text)):
        fast = _read_simple(text, pos)
        if fast is None or numerals._SIMPLE_ARABIC.match(text, pos):
            continue
        with mock.patch.object(numerals, "_read_simple", lambda text, pos: None):
            full = scan_number(text, pos)
        assert fast == full and [type(v) for v in fast.value] == [type(v) for v in full.value], (text, pos)


def test_a_number_set_off_by_a_space_takes_the_fast_path():
    assert _read_simple("達到 50 %", 3) == scan_number("達到 50 %", 3)
    assert _read_simple("達到 50 %", 3).end == 5
    assert _read_simple("售價 8 万", 3) is None and scan_number("售價 8 万", 3).value.value == 80000


def _full_reading(text: str, pos: int):
    """scan_number with both fast paths off: the full reader's NumberMatch."""
    with mock.patch.object(numerals, "_read_simple", lambda text, pos: None), \
            mock.patch.object(numerals, "_read_scaled", lambda text, pos: None):
        return numerals.scan_number(text, pos)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="0123456789 .,万亿兆千百十多余分之又kKMBTGbOP%年个瓦恤钟的\t\u00a0三零〇两-点几", min_size=1, max_size=14))
def test_the_scaled_fast_path_reads_what_the_full_reader_reads(text):
    # 500万, 4.3亿, 128K: where _read_scaled answers, the full reader gives the same
    # NumberMatch, field by field and type by type (an int stays an int).
    for pos in range(len(text)):
        fast = numerals._read_scaled(text, pos) if text[pos].isdigit() else None
        if fast is None:
            continue
        full = _full_reading(text, pos)
        assert fast == full and [type(v) for v in fast.value] == [type(v) for v in full.value], (text, pos)


def test_scaled_numbers_take_the_fast_path():
    for text, value in (("融資500万美元", 5_000_000), ("4.3亿用户", 430_000_000), ("128K上下文", 128_000),
                        ("1.8T参数", 1_800_000_000_000), ("72B模型", 72_000_000_000), ("0.5亿", 50_000_000),
                        ("85 亿美元", 8_500_000_000), ("4.3亿,李", 430_000_000), ("405 B模型", 405_000_000_000),
                        ("上午10点", 10), ("45分钟", 45), ("9300,天", 9300), ("50TOPS", 50), ("4 TOPS", 4),
                        ("2.0点", 2), ("3T恤", 3)):
        pos = next(i for i, c in enumerate(text) if c.isdigit())
        fast = numerals._read_scaled(text, pos)
        assert fast is not None and fast.value.value == value and fast == _full_reading(text, pos), text
    # what the full reader must see to: more numeral, a metric unit, a word after the letter
    for text in ("500万5千", "3.5万亿", "10亿多", "200万 ", "0万", "5G网络", "7B 模型", "1,000万",
                 "3分之一", "3分 之一", "1,999美元", "15兆瓦", "5亿又"):
        assert numerals._read_scaled(text, 0) is None, text
        assert scan_number(text, 0) == _full_reading(text, 0), text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 .-一二两十百万亿上数几负年个元的a/:w", min_size=1, max_size=24))
def test_the_start_scan_finds_the_places_of_the_start_pattern(text):
    # one pass reports a run of digits once (each digit a start) and every other place
    # where the start pattern matches; _numerals then reads what reading each place did
    for starts in (scan.NUMBER_START_RE, scan.QUANTITY_START_RE):
        places = set()
        for m in scan._start_scan(starts).finditer(text):
            s, e = m.span()
            assert e == s + 1 or text[s:e].isdigit()
            places.update(range(s, e))
        assert places == {p for p in range(len(text)) if starts.match(text, p)}, text
        assert list(scan._numerals(text, starts)) == _numerals_place_by_place(text, starts), text


def _numerals_place_by_place(text, starts):
    """_numerals as first written: starts.match at every character, skipping those
    inside the numeral read before (and inside a web address)."""
    urls = [(m.start(), m.end()) for m in scan._URL_RE.finditer(text)]
    found, pos = [], 0
    for start in range(len(text)):
        if start < pos or not starts.match(text, start):
            continue
        inside = next((e for s, e in urls if s <= start < e), None)
        if inside is not None:
            pos = inside
            continue
        nm = scan_number(text, start)
        if nm is not None:
            found.append(nm)
            pos = nm.end
    return found


def test_a_numeral_that_ends_inside_a_run_of_digits_leaves_its_rest_to_read():
    text = "编号" + "1" * 40 + "个"
    nms = list(scan._numerals(text, scan.QUANTITY_START_RE))
    assert nms == _numerals_place_by_place(text, scan.QUANTITY_START_RE) and len(nms) == 2
    url = "见 https://x.cn/a123b 共3个"
    assert [n.text for n in scan._numerals(url, scan.QUANTITY_START_RE)] == ["3"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 .,-/万亿千百十多余约左右以上位数×xF/ISO个年元美%的三两一\n", min_size=1, max_size=20))
def test_plain_numbers_skipped_without_a_reader_are_what_the_reader_rejects(text):
    # _find_quantities decides a plain number is no quantity without building a _Reader;
    # for every numeral it so decides, the reader says the same.
    for nm in scan._numerals(text, scan.QUANTITY_START_RE):
        s, e = nm.start, nm.end
        unit = scan.SUFFIX_UNIT_RE.match(text, scan._gap(text, e))
        for floor in {0, max(0, s - 2)}:
            skipped = (unit is None and nm.denominator is None and nm.magnitude_suffix is None
                       and not nm.has_big_multiplier
                       and (s == 0 or text[s - 1] not in scan.PREFIX_CURRENCY_LAST_CHARS)
                       and scan._BARE_BLOCKERS.match(text, e) is None
                       and scan._PREFIX_UNIT_LAST_CHAR_RE.search(text, max(floor, s - 4), s) is None)
            if skipped:
                assert scan._Reader(text, nm, floor).quantity() is None, (text, nm)


def test_the_few_pattern_finds_what_its_plain_form_finds():
    import random
    import re
    plain = re.compile(r"好?[几数](?=[" + "".join(map(re.escape, scan._DURATION_FIRST_CHARS)) + "])")
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("好几数年个月周天据字a 。") for _ in range(rng.randint(1, 12)))
        assert ([m.span() for m in scan._FEW_RE.finditer(text)]
                == [m.span() for m in plain.finditer(text)]), text


class _WatchedText(str):
    """A text that records each tail it is sliced to (text[i:], a copy of the rest)."""
    tails: ClassVar[list[int]] = []

    def __getitem__(self, k):
        if isinstance(k, slice) and k.stop is None and (k.start or 0) > 0:
            _WatchedText.tails.append(len(self) - k.start)
        return str.__getitem__(self, k)


def test_a_spaced_minute_reads_the_next_character_without_copying_the_rest():
    """12分 钟: the character after it is read by index, not by copying the text's rest
    (a copy per spaced minute grew with the square of a text full of them)."""
    _WatchedText.tails = []
    found = find_quantities(_WatchedText("仅需12分 钟即可充满。" + "比赛继续进行。" * 500))
    assert [(q.kind, q.value) for q in found][:1] == [("duration", 12)]
    assert _WatchedText.tails == []
