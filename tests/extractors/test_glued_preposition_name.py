"""People._glued_preposition: after a title, a transliterated name whose last character the
segmenter glued to the preposition after it (卡斯维 / 德向) takes that character back; a name
that ends before a preposition on its own keeps its end. Invented names and texts."""
from __future__ import annotations

import pytest

from service.pipeline import get_pipeline

CASES = [
    # (note, text, name expected, name that must not be found)
    ("a name glued to 向 (Simplified)", "内阁大臣斯特雷德向记者表示，预算不变。", "斯特雷德", "斯特雷"),
    ("a name glued to 向 (Traditional)", "國防大臣斯特雷德向記者表示，預算不變。", "斯特雷德", "斯特雷"),
    ("a name glued to 在 (Simplified)", "渔业部长卡斯维德在议会发言。", "卡斯维德", "卡斯维"),
    ("a name glued to 對 (Traditional)", "漁業部長卡斯維德對此回應。", "卡斯維德", "卡斯維"),
    # negative: the preposition its own word, the name keeps its end
    ("a name before 向 alone (Simplified)", "局长斯特雷向记者表示，预算不变。", "斯特雷", "斯特雷向"),
    ("a Chinese name before 向 (Traditional)", "董事長王小明向記者表示，預算不變。", "王小明", "王小明向"),
]


@pytest.mark.parametrize("note,text,name,not_name", CASES, ids=[c[0] for c in CASES])
def test_glued_preposition(note, text, name, not_name):
    got = [p["name"] for p in get_pipeline().extract(text)["participants"]]
    assert name in got, (note, got)
    assert not_name not in got, (note, got)
