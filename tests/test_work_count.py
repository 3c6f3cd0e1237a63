"""The counting hook the linear-work tests stand on (tests/work_count.py) tells a
linear function from a quadratic one, by calls, on any machine."""
from __future__ import annotations

import pytest

from tests.work_count import assert_linear, calls, growth


def _names(n: int) -> str:
    return "".join("甲乙丙丁戊己庚辛"[i % 8] for i in range(n))


def _each_char_once(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _each_char_against_all_before(text: str) -> int:
    # what an abbreviation looked up among every name read so far does
    return sum(1 for i, c in enumerate(text) for d in text[:i] if d == c)


def _find_from_every_char(text: str) -> int:
    # a built-in called once per character over the rest of the text: one call each
    return sum(text.find("癸", i) for i in range(len(text)))


def test_calls_counts_each_function_and_builtin():
    counted = calls(lambda: _each_char_once(_names(100)))
    assert counted["test_work_count.py:14(_each_char_once)"] == 1
    assert counted["<method 'isalpha' of 'str' objects>"] == 100


def test_a_linear_function_passes():
    assert_linear(_each_char_once, _names, 500, 2_000)


def test_a_quadratic_loop_fails_by_its_function():
    with pytest.raises(AssertionError, match="calls"):
        assert_linear(_each_char_against_all_before, _names, 100, 400)
    total, each = growth(_each_char_against_all_before, _names(100), _names(400))
    # the loop inside it (a generator resumed once per step) is named as the worst
    assert total > 12 and each[0][0] > 12 and each[0][1].startswith("test_work_count.py:")


def test_work_inside_one_builtin_call_is_not_seen():
    # The limit, written down: benchmarks/ time what one call does inside.
    assert_linear(_find_from_every_char, _names, 500, 2_000)
