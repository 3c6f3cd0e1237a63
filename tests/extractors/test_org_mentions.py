"""Mentions of open-world organisations (service/extractors/organizations.py)."""
from __future__ import annotations

import pytest

from service import extract


def _mentions(text: str, name: str) -> list[str]:
    org = next(o for o in extract(text)["organizations"] if o["name"] == name)
    return [m["text"] for m in org["mentions"]]


def test_open_world_organisation_recurs_as_a_whole_word():
    text = "根據研調機構Vantix近期發布的報告，出貨量回升。Vantix並指出需求仍強，但Vantixon不是它。"
    assert _mentions(text, "Vantix") == ["Vantix", "Vantix"]


def test_open_world_organisation_recurs_simplified():
    text = "青禾机器人今日发布新机，青禾机器人的股价随即上涨。"
    assert _mentions(text, "青禾机器人") == ["青禾机器人", "青禾机器人"]


@pytest.mark.parametrize("text, full, placed", [
    ("瑞典南港青禾實驗室發布報告。南港青禾實驗室表示，青禾實驗室成立於2020年。", "瑞典南港青禾實驗室", "南港青禾實驗室"),
    ("瑞典南港青禾实验室发布报告。南港青禾实验室表示，青禾实验室成立于2020年。", "瑞典南港青禾实验室", "南港青禾实验室"),
])
def test_a_placed_form_merged_away_is_not_merged_into(text, full, placed):
    """Three forms, each the last with a place before it: the longest takes the middle
    one, whose own shorter form then had nowhere to go (a KeyError stopped the document)."""
    assert _mentions(text, full) == [full, placed]
