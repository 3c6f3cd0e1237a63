"""People._tagged skips chinese_name_at where _taken_or_unsurnamed says every answer it
could give is dropped: None where no surname starts, and any name it finds overlaps a
mention the table already holds. Checked at every position of a few texts, against a
table holding the people the pass found (its mentions cover the names the walk finds)."""
from __future__ import annotations

import pytest

from service.extractors.people import People
from service.nlp.document import build_document
from service.pipeline import get_pipeline

TEXTS = [
    "王偉表示，公司將在明年推出新產品。而孫嘉禾說：長谷川也會出席。",
    "經理王則表示，鄭立衡只說了一句話；周愷出了新書，孫寧孫女士和張誠張總都在。",
    "總統拜登3月訪問台灣，歐陽明遠指出，佐佐木表示支持。",
]


@pytest.fixture(scope="module")
def pipeline():
    return get_pipeline()


@pytest.mark.parametrize("text", TEXTS)
def test_skipped_positions_give_dropped_answers(pipeline, text):
    people = next(c for c in pipeline.components if isinstance(c, People))
    doc = build_document(text, pipeline.segmenter)
    for component in pipeline.components:
        component(doc)
    table = doc.layers["people"]
    covered = 0   # skips for a mention, not for a missing surname
    for pos in range(len(text)):
        if not people._taken_or_unsurnamed(doc, table, pos):
            continue
        covered += bool(people._surname_len(doc.key, pos))
        end = people.chinese_name_at(doc, pos)
        assert end is None or table.covering(pos, end) is not None, (text, pos, end)
    assert covered


@pytest.mark.parametrize("text", ["研究所森田健一說", "民眾平岩佐知子說", "松下電器表示", "說", "王偉表示"])
def test_japanese_family_before_as_the_loop_looks(pipeline, text):
    """_japanese_speakers reads a speech verb only when a family name starts where its
    loop looks (two or three characters of given name, two or three of family name)."""
    people = next(c for c in pipeline.components if isinstance(c, People))
    surnames = people.kb.japanese_surnames
    for end in range(len(text) + 1):
        slow = any(end - g - f >= 0 and text[end - g - f:end - g] in surnames for g in (2, 3) for f in (2, 3))
        assert people._japanese_family_before(text, end) == slow
