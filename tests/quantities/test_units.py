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


def _with_a_flat_root(build):
    """What build() gives with the trie's first characters as one flat alternation (the
    form before _bucketed_root)."""
    from unittest import mock

    from service.quantities import units
    with mock.patch.object(units, "_bucketed_root", units._trie_pattern):
        return build()


def test_the_bucketed_root_matches_what_the_flat_one_matches():
    import random
    import re

    from service.quantities import units
    patterns = [
        (SUFFIX_UNIT_RE, re.compile(_with_a_flat_root(units.suffix_unit_pattern))),
        (re.compile(units.suffix_unit_pattern(exclude_kinds=("measure",))),
         re.compile(_with_a_flat_root(lambda: units.suffix_unit_pattern(exclude_kinds=("measure",))))),
    ]
    assert patterns[0][0].pattern != patterns[0][1].pattern   # the lexicon has enough first characters
    surfaces = sorted(SUFFIX_UNITS)
    alphabet = sorted({c for s in surfaces for c in s} | set(" 。a1"))
    rng = random.Random(19)
    texts = [s + t for s in surfaces for t in ("", "。", "a", "s", "多", "半", "币")]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for bucketed, flat in patterns:
        for text in texts:
            for pos in range(len(text)):
                a, b = bucketed.match(text, pos), flat.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (text, pos)
