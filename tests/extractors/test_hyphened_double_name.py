"""People._hyphened_to_org (people.py): characters hyphened onto an organisation's name are the
first half of its double name. Where such a hyphen is gets found once per document (the ends of
what comes before it), and each open-person candidate is tested against that list, with no scan
of the whole text per candidate. Invented names."""
from __future__ import annotations

import pytest

from service.extractors import people as people_module
from service.extractors.people import People
from service.pipeline import get_pipeline


@pytest.mark.parametrize("text,half", [
    ("阿尔卡迪 - 蓝鲸科技和微软宣布合作测试新系统。阿尔卡迪表示，测试将于周五开始。", "阿尔卡迪"),
    ("阿爾卡迪－藍鯨科技與微軟宣布合作測試新系統。阿爾卡迪表示，測試將於週五開始。", "阿爾卡迪"),
])
def test_the_hyphens_before_organisations_are_found_once_per_document(text, half):
    doc = get_pipeline().process(text)
    h = text.index(half) + len(half)
    assert people_module._hyphens_of(doc.key) == [(h, h + len(text[h:]) - len(text[h:].lstrip(" -－")))]
    assert people_module._HYPHENS[0][0] is doc.key     # found once per text, kept
    orgs = doc.layers["organizations"]
    assert People._hyphened_to_org(doc, orgs, doc.key[:len(half)])
    assert not People._hyphened_to_org(doc, orgs, "微软")
    assert half not in [p["name"] for p in get_pipeline().extract(text)["participants"]]
