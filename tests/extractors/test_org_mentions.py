"""Mentions of open-world organisations (service/extractors/organizations.py)."""
from __future__ import annotations

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
