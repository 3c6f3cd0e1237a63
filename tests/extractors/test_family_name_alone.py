"""People._family_name_alone: a person named only by the opening characters (a family
name) of the one person the text named in full before is that person. A table of
cases: text, the people found before the step (each by its mentions' text, the n-th
occurrence), and the people left after it (each as the set of its mentions' texts)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from service.extractors.people import People
from tests.person_tables import mention_texts, person_table

CASES = [
    # (note, text, people before: id -> [(form, occurrence)], people after: [set of forms])
    ("a Japanese family name alone after the full name (Traditional)",
     "太空人野田光二將退休。1996年，野田乘坐太空梭升空。",
     {"ye-tian-guang-er": [("野田光二", 0)], "ye-tian": [("野田", 1)]},
     [{"野田光二", "野田"}]),
    ("a Japanese family name alone after the full name (Simplified)",
     "宇航员野田光二将退休。1996年，野田乘坐航天飞机升空。",
     {"ye-tian-guang-er": [("野田光二", 0)], "ye-tian": [("野田", 1)]},
     [{"野田光二", "野田"}]),
    ("a compound surname alone after the full name (Traditional)",
     "行政總裁司徒明遠指出，營收成長三成。司徒表示，明年更好。",
     {"situ-mingyuan": [("司徒明遠", 0)], "situ": [("司徒", 1)]},
     [{"司徒明遠", "司徒"}]),
    ("two people the family name opens: neither takes it (Simplified)",
     "宇航员石川浩介与工程师石川健二出席。石川表示，明年再来。",
     {"a": [("石川浩介", 0)], "b": [("石川健二", 0)], "c": [("石川", 2)]},
     [{"石川浩介"}, {"石川健二"}, {"石川"}]),
    ("the short form before the full name stays its own (Traditional)",
     "野田表示滿意。太空人野田光二將退休。",
     {"ye-tian": [("野田", 0)], "ye-tian-guang-er": [("野田光二", 0)]},
     [{"野田"}, {"野田光二"}]),
    ("a name that only shares two characters with no full name (Simplified)",
     "宇航员野田光二将退休。石川表示，明年再来。",
     {"a": [("野田光二", 0)], "c": [("石川", 0)]},
     [{"野田光二"}, {"石川"}]),
    ("a shorter name that is only the full name's opening, titled its own: two people (Simplified)",
     "总经理张伟明宣布扩产。另一家公司的经理张伟表示观望。",
     {"a": [("张伟明", 0)], "b": [("张伟", 1)]},
     [{"张伟明"}, {"张伟"}]),
    ("a shorter name that is only the full name's opening, titled its own: two people (Traditional)",
     "行政總裁司徒明遠宣布擴產。工程師司徒明表示觀望。",
     {"a": [("司徒明遠", 0)], "b": [("司徒明", 1)]},
     [{"司徒明遠"}, {"司徒明"}]),
]


@pytest.mark.parametrize("note,text,before,after", CASES, ids=[c[0] for c in CASES])
def test_family_name_alone(note, text, before, after):
    doc = SimpleNamespace(key=text)
    table = person_table(text, before)
    People._family_name_alone(doc, table)
    assert mention_texts(table, text) == sorted(after, key=sorted)
