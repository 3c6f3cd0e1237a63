"""People._glued_words: a name of a one-character surname and two more characters, the last a
word that goes on from a name (向, 被, 任 …), where the text names the person of its first two
characters too, is that person and the word. A table of cases: text (the key view,
Simplified: the rule reads doc.key), the people found before the step (each by its mentions'
text, the n-th occurrence), and the people left after it (each as the set of its mentions' texts)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from service.extractors.people import People
from tests.person_tables import mention_texts, person_table
from service.pipeline import get_pipeline

CASES = [
    ("a preposition glued to the name, the name alone later",
     "工程师孔栩向客户演示了样机。孔栩说，下月量产。",
     {"a": [("孔栩向", 0)], "b": [("孔栩", 1)]},
     [{"孔栩"}]),
    ("a passive marker glued to the name",
     "前主管魏澜被公司解聘。魏澜表示将申诉。",
     {"a": [("魏澜被", 0)], "b": [("魏澜", 1)]},
     [{"魏澜"}]),
    ("the plural marker glued to the name",
     "孔栩们连夜调试。孔栩笑称不累。",
     {"a": [("孔栩们", 0)], "b": [("孔栩", 1)]},
     [{"孔栩"}]),
    ("no two-character name in the text: the three characters stay a name",
     "工程师孔栩向客户演示了样机。",
     {"a": [("孔栩向", 0)]},
     [{"孔栩向"}]),
    ("a third character that is no glued word: two people",
     "经理孔栩明出席。孔栩表示观望。",
     {"a": [("孔栩明", 0)], "b": [("孔栩", 1)]},
     [{"孔栩明"}, {"孔栩"}]),
    ("a third character that is no glued word (某 is none): 孔某某 and 孔某 stay two people",
     "被告孔某某出庭。孔某此前否认。",
     {"a": [("孔某某", 0)], "b": [("孔某", 1)]},
     [{"孔某某"}, {"孔某"}]),
    ("a four-character form whose first three are a glued form too (周明说道 beside 周明说, 周明), "
     "the three-character one seen first: all one person",
     "工程师周明说道，样机已完成。周明说下月量产。周明笑称不累。",
     {"a": [("周明说", 1)], "b": [("周明说道", 0)], "c": [("周明", 2)]},
     [{"周明"}]),
    ("the same, the four-character form seen first",
     "工程师周明说道，样机已完成。周明说下月量产。周明笑称不累。",
     {"b": [("周明说道", 0)], "a": [("周明说", 1)], "c": [("周明", 2)]},
     [{"周明"}]),
]


@pytest.mark.parametrize("note,text,before,after", CASES, ids=[c[0] for c in CASES])
def test_glued_words(note, text, before, after):
    people = next(c for c in get_pipeline().components if isinstance(c, People))
    doc = SimpleNamespace(key=text)
    table = person_table(text, before)
    people._glued_words(doc, table)
    assert mention_texts(table, text) == sorted(after, key=sorted)
