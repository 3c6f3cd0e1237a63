"""The mentioned-deeds reader against its case table (tests/extractors/cases/mentioned_events.yaml):
the deeds it adds after the events the other readers found, read from the pipeline's document."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

import pytest

from service.extractors.mentioned_events import NEXT_YEAR_REACH, MentionedEvents
from service.nlp.text import tables
from service.pipeline import get_pipeline
from tests.cases import case_params

TABLE = Path(__file__).parent / "cases" / "mentioned_events.yaml"
READER = MentionedEvents()


def _key(s: str) -> str:
    return "".join(tables().key(s or "").split())


@pytest.mark.parametrize("case", case_params(TABLE))
def test_mentioned_deeds(case):
    ref = case.get("reference_date")
    doc = get_pipeline()._process(case["text"], None, dt.date.fromisoformat(ref) if ref else None)
    # (the events the other readers found, then what this reader adds to them)
    found = READER.find(doc, [e for e in doc.layers["events"] if not e.mentioned])
    wanted = case.get("deeds") or []
    assert len(found) == len(wanted), [e.name for e in found]
    for want, got in zip(wanted, found):
        assert _key(got.name) == _key(want["name"]), got.name
        assert got.date == want["date"], (got.name, got.date)
        assert got.year == want["year"], (got.name, got.year)
        assert not got.about


class _WatchedKey(str):
    """A text that records the ranges its rfind looks back over."""
    looked: ClassVar[list[int]] = []

    def rfind(self, sub, start=None, end=None):
        _WatchedKey.looked.append((len(self) if end is None else end) - (start or 0))
        return str.rfind(self, sub, start, end)


def test_the_next_years_sentence_is_looked_for_within_its_reach():
    """次年 read after a long clause with no full stop: the sentence's start is looked
    for within NEXT_YEAR_REACH of the verb, not back to the text's start (a look back
    a deed, the whole text each time, grew with the square of a long paragraph)."""
    text = ("星河科技发布新款手表\n星河科技今日发布新款手表" + "，续航更长，屏幕更大" * 60
            + "；云岫科技在 2020 年营收翻倍，芯片性能不断刷新行业；到次年嘉禾电子收购星衡软件。")
    doc = get_pipeline()._process(text, None, dt.date(2024, 5, 7))
    doc.key = _WatchedKey(doc.key)
    _WatchedKey.looked = []
    READER.deeds(doc, [e for e in doc.layers["events"] if not e.mentioned])
    assert _WatchedKey.looked and max(_WatchedKey.looked) <= NEXT_YEAR_REACH + 1
