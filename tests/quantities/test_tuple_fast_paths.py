"""The readers build NumberMatch, NumberValue and Quantity with tuple.__new__ (one of each
per number of a dense text), which fills fields by position: these cases read every field
by name, so a field added or moved in the NamedTuple fails here, not silently elsewhere."""
from __future__ import annotations

from unittest import mock

from hypothesis import given, settings, strategies as st

from service.quantities import find_quantities, numerals
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
