"""The unit regex (a trie of the lexicon's surfaces) matches what a flat longest-first
alternation would: every surface whole, a longer surface before its prefix, and a
blocked surface not at all."""
from __future__ import annotations

import pytest

from service.quantities.units import SUFFIX_UNIT_RE, SUFFIX_UNITS, suffix_sense


@pytest.mark.parametrize("surface", sorted(SUFFIX_UNITS))
def test_every_surface_is_matched_whole(surface):
    m = SUFFIX_UNIT_RE.match(surface + "。")
    assert m is not None and m.group() == surface
    assert suffix_sense(m.group()) == SUFFIX_UNITS[surface]


@pytest.mark.parametrize("text, unit", [
    ("元人民币", "元人民币"), ("元台币", "元台币"), ("元。", "元"),   # longest first on one path
    ("个月", "个月"), ("个多月", "个多月"), ("个人", "个"),
    ("GB/s", "GB/s"), ("GB / s", "GB / s"), ("GB。", "GB"),
    ("个 百 分 点", "个 百 分 点"), ("Tokens", "Tokens"),          # spaced and case-insensitive
])
def test_longest_surface_wins(text, unit):
    assert SUFFIX_UNIT_RE.match(text).group() == unit


@pytest.mark.parametrize("text", ["元宇宙", "年代", "个性", "GBA", "分之一", "帧率", "度电"])
def test_blocked_surfaces_do_not_match(text):
    assert SUFFIX_UNIT_RE.match(text) is None
