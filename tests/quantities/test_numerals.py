"""parse_number: one numeral expression -> NumberValue (value, min, max, approximate)."""
from __future__ import annotations

import math

import pytest

from service.quantities import NumberValue, parse_number

E = NumberValue   # exact
def V(lo, hi):    # vague: value null, bounds
    return NumberValue(None, lo, hi, True)
def A(value, lo, hi):   # stated value with bounds (3000多)
    return NumberValue(value, lo, hi, True)


CASES = [
    # Arabic
    ("1,234.5", E(1234.5)), ("5,000", E(5000)), ("1.2", E(1.2)), ("2024", E(2024)), ("0125", E(125)),
    (".5", E(0.5)), ("-10000", E(-10000)), ("1,050,000,000", E(1050000000)), ("4.800", E(4.8)),
    ("１２３", E(123)), ("３．５", E(3.5)),
    # Chinese
    ("十五", E(15)), ("一百五十二", E(152)), ("六百零九亿", E(60900000000)), ("一万二", E(12000)),
    ("四百五", E(450)), ("两千三百五", E(2350)), ("一千零一", E(1001)), ("一百零一万一千", E(1011000)),
    ("五亿零六", E(500000006)), ("四亿五千六百四十二万零一十五", E(456420015)),
    ("五兆六十二亿四万五千二", E(5006200045200)), ("四万万", E(400000000)), ("千三", E(1300)),
    ("零十", E(10)), ("一百零十万", E(1100000)), ("负三十二", E(-32)), ("十点二三三", E(10.233)),
    ("两千三点一", E(2300.1)), ("零点五", E(0.5)), ("二〇二四", E(2024)), ("一九九一", E(1991)),
    ("拾万零五十六", E(100056)), ("十万柒仟捌佰伍拾肆", E(107854)),
    ("三千 八百 九十六 万 四千 九百 六十五", E(38964965)),
    ("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二", E(4569831148725382)),
    # Traditional numeral characters are accepted too
    ("六百零九億", E(60900000000)), ("兩萬", E(20000)), ("負四十五億零四百零四萬", E(-4504040000)),
    # mixed
    ("1.2兆", E(1200000000000)), ("5,000万", E(50000000)), ("3.5万亿", E(3500000000000)),
    ("609亿", E(60900000000)), ("4.78万亿", E(4780000000000)), ("10万万", E(1000000000)),
    ("7万5千4百", E(75400)), ("7 万5 千4 百", E(75400)), ("3万4000", E(34000)), ("2千零30万", E(20300000)),
    ("1,100.9亿", E(110090000000)), ("1000  万", E(10000000)),
    # Latin magnitudes
    ("128k", E(128000)), ("128K", E(128000)), ("8B", E(8000000000)), ("405 B", E(405000000000)),
    ("1.8T", E(1800000000000)), ("2M", E(2000000)),
    # vague
    ("十几", V(11, 19)), ("二十几", V(21, 29)), ("二十几万", V(210000, 290000)), ("数十", V(10, 100)),
    ("几十", V(10, 100)), ("上百", V(100, None)), ("上千", V(1000, None)), ("数千", V(1000, 10000)),
    ("几十亿", V(1000000000, 10000000000)), ("数百万", V(1000000, 10000000)), ("二三十", V(20, 30)),
    ("一两百", V(100, 200)), ("三五", V(3, 5)),
    # about (多/余): the value as stated, bounds to the next step
    ("3000多", A(3000, 3000, 4000)), ("三千多", A(3000, 3000, 4000)), ("十多万", A(100000, 100000, 200000)),
    ("500余万", A(5000000, 5000000, 6000000)), ("一百多", A(100, 100, 200)), ("3500多", A(3500, 3500, 3600)),
    ("十 余 万", A(100000, 100000, 200000)),
    # fractions
    ("三分之一", E(1 / 3)), ("百分之十五", E(0.15)), ("千分之五", E(0.005)), ("五分之一", E(0.2)),
    ("16分之5", E(0.3125)), ("三百五又三分之一", E(350 + 1 / 3)), ("负一又二分之一", E(-1.5)),
]

NOT_ONE_NUMERAL = ["", "万", "万万", "亿万", "五十千", "一切", "abc", "Llama", "1.2.3", "六点三十", "3 5"]


@pytest.mark.parametrize("text, want", CASES, ids=[c[0] for c in CASES])
def test_parse_number(text, want):
    got = parse_number(text)
    assert got is not None, text
    for field in ("value", "min", "max"):
        a, b = getattr(got, field), getattr(want, field)
        assert (a is None) == (b is None), f"{text}: {field} {a!r} != {b!r}"
        if a is not None:
            assert math.isclose(a, b, rel_tol=1e-12), f"{text}: {field} {a!r} != {b!r}"
    assert got.approximate == want.approximate


@pytest.mark.parametrize("text", NOT_ONE_NUMERAL)
def test_not_one_numeral(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, kind", [("2024", int), ("1.0", int), ("1.5", float), ("1.2兆", int),
                                        ("十五", int), ("三分之一", float)])
def test_integral_values_are_ints(text, kind):
    assert type(parse_number(text).value) is kind
