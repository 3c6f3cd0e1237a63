"""SHARE_CLASS (product_platform_use.py): a Hong Kong stock short name's marker after a name
(HKEX's naming conventions: S, W, B, P, R and their pairs) marks the listed company's stock;
a Han character may follow it (-W涨), but 端 makes the letter a side of a business (B端, C端).
Invented names, both scripts, read in the key view as the rules read them."""
from __future__ import annotations

import pytest

from service.extractors.product_platform_use import SHARE_CLASS
from service.nlp.text import tables

MARKED = [
    ("星河互娱-W涨2%", "星河互娱", "-w"),
    ("星河互娛-W漲2%", "星河互娛", "-w"),
    ("云杉集团-SW持平", "云杉集团", "-sw"),
    ("雲杉集團-SWR持平", "雲杉集團", "-swr"),
    ("岚石科技-P今日挂牌", "岚石科技", "-p"),
    ("嵐石科技-P今日掛牌", "嵐石科技", "-p"),
    ("禾川生物-SB跌3%", "禾川生物", "-sb"),
    ("禾川生物 - B，", "禾川生物", " - b"),
]
UNMARKED = [
    ("星河互娱-B端商家增长三成", "星河互娱"),
    ("星河互娛-C端用戶增長三成", "星河互娛"),
    ("星河互娱-Switch版", "星河互娱"),
]


def _match(text, name):
    key = tables().key(text)
    return SHARE_CLASS.match(key, len(name))


@pytest.mark.parametrize("text,name,marker", MARKED)
def test_a_marker_after_the_name(text, name, marker):
    m = _match(text, name)
    assert m is not None and m.group() == marker


@pytest.mark.parametrize("text,name", UNMARKED)
def test_no_marker(text, name):
    assert _match(text, name) is None
