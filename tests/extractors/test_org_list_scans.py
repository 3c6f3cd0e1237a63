"""Organisations' list readers, made cheaper in wave 8 (issue 19), give what their first forms gave.

`_counted_kind_matches` tries the counted-kind pattern only where a count and 大/家/个 stand:
checked against the pattern's own finditer on random text built from its pieces (key view:
Simplified, lower case). `_NamePrefixes` works its table out on the first look-up, from the
mentions the table held when it was made: checked against the table built up front, after
the table has grown. Names are invented.
"""
from __future__ import annotations

import random

import pytest

from service.extractors.entities import EntityTable
from service.extractors.organizations import COUNTED_KIND_START, MAX_LIST_ITEM, _NamePrefixes
from service.pipeline import get_pipeline


@pytest.fixture(scope="module")
def orgs():
    return next(c for c in get_pipeline().components if c.name == "organizations")


def test_counted_kind_matches_are_finditer(orgs):
    kinds = sorted(orgs.kb.lex["org_kind_nouns"])[:12]
    pieces = (list("两二三四五六七八九十一23456789大家个间") + kinds
              + ["青禾", "星辰", "、", "和", "，", "。", " ", "ab", "x"])
    rnd = random.Random(19)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 16))) for _ in range(4000)]
    texts += ["青禾、星辰和云帆三大品牌", "甲、乙两家公司，丙丁2家公司", "三家三大品牌"]
    found = 0
    for text in texts:
        want = [m.span() for m in orgs.counted_kind.finditer(text)]
        assert [m.span() for m in orgs._counted_kind_matches(text)] == want, text
        found += bool(want)
    assert found > 100   # the random texts do hold matches


def test_counted_kind_opening_is_the_patterns():
    assert COUNTED_KIND_START.match("三大") and COUNTED_KIND_START.match("7个")
    assert not COUNTED_KIND_START.match("一家") and not COUNTED_KIND_START.match("三位")


def _eager(key: str, table: EntityTable) -> dict[str, str]:
    longer: dict[str, str] = {}
    for ent in table.by_id.values():
        for s0, e0 in ent.mentions:
            for n in range(2, min(e0 - s0, MAX_LIST_ITEM)):
                longer.setdefault(key[s0:s0 + n], ent.id)
    return longer


def test_name_prefixes_read_the_table_as_it_was():
    key = "青禾科技与星辰智能和青禾资本合作，云帆动力"
    table = EntityTable("organization")
    table.add("qinghe-tech", 0, 4, "suffix")
    table.add("xingchen", 5, 9, "suffix")
    want = _eager(key, table)
    prefixes = _NamePrefixes(key, table)
    table.add("qinghe-capital", 10, 14, "org-list")   # grows after: not read
    table.add("xingchen", 17, 21, "org-list")
    assert {w: prefixes.get(w) for w in want} == want
    assert prefixes.get("青禾") == "qinghe-tech" and prefixes.get("星辰智") == "xingchen"
    assert prefixes.get("云帆") is None and prefixes.get("青禾资") is None
