"""The mentioned-gatherings reader against its case table
(tests/extractors/cases/mentioned_gatherings.yaml): the gatherings it adds after the events the
other readers found, read from the pipeline's document."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from service.extractors.mentioned_gatherings import MentionedGatherings
from service.nlp.text import tables
from service.pipeline import get_pipeline
from tests.cases import case_params

TABLE = Path(__file__).parent / "cases" / "mentioned_gatherings.yaml"
_KB = get_pipeline().kb
READER = MentionedGatherings(everyday_places=_KB.everyday_places, places=_KB.places | _KB.capitals)


def _key(s: str) -> str:
    return "".join(tables().key(s or "").split())


@pytest.mark.parametrize("case", case_params(TABLE))
def test_mentioned_gatherings(case):
    ref = case.get("reference_date")
    doc = get_pipeline()._process(case["text"], None, dt.date.fromisoformat(ref) if ref else None)
    # (the events the other readers found, then what this reader adds to them)
    found = READER.find(doc, [e for e in doc.layers["events"] if not e.mentioned])
    wanted = case.get("gatherings") or []
    assert [_key(e.name) for e in found] == [_key(w["name"]) for w in wanted]
    for want, got in zip(wanted, found):
        assert got.date == want["date"], (got.name, got.date)
        assert got.gathering and got.mentioned and not got.about
