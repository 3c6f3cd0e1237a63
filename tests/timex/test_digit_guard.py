"""The guard in front of the time grammar (grammar._no_start_in_digits) only makes
failing cheaper: with and without it the grammar finds the same expressions."""
from __future__ import annotations

import random

import regex

from service.kb import knowledge_base
from service.timex import grammar as g

ALPHABET = [*"0123456789", *g.AFTER_LEADING_DIGITS, *"一二三十元个倍% 年月日号点半分", "世纪", "年代",
            "财年", "会计年度", "下午", "今年", "第", "季度", "q3", "fy", "到", "每周", "约", "utc", "  ",
            "民国", "过去", "号线"]


def test_the_guard_changes_no_match():
    zones = dict(knowledge_base().time_zones)
    guarded = g.expression_pattern(zones)
    guard = g._no_start_in_digits(zones)
    assert guard and guarded.pattern.startswith(guard)
    bare = regex.compile(guarded.pattern[len(guard):])
    r = random.Random(13)
    for _ in range(6000):
        # half digits, so that runs of one to six digits meet every follower
        text = "".join(r.choice("0123456789") if r.random() < 0.5 else r.choice(ALPHABET)
                       for _ in range(r.randint(1, 24)))
        found = [(m.span(), m.group()) for m in guarded.finditer(text)]
        assert found == [(m.span(), m.group()) for m in bare.finditer(text)], text
