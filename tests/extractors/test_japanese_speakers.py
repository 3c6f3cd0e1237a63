"""People._japanese_speakers: the readings of a Japanese name glued to a speech verb are
tried shortest given name first; one whose shape passes but that _add_open refuses (a
byline, a credit, half an organisation's hyphened name) leaves the longer readings to be
tried, it does not end the search. Both scripts (the rule reads the key view)."""
from __future__ import annotations

import pytest

from service.extractors.people import People
from service.nlp.text import tables
from service.pipeline import get_pipeline


@pytest.mark.parametrize("text,refused,wanted", [
    ("星海研究所平岩佐知子說：「鯨魚會跟著漁船移動。」", "岩佐知子", "平岩佐知子"),
    ("星海研究所平岩佐知子说：“鲸鱼会跟着渔船移动。”", "岩佐知子", "平岩佐知子"),
])
def test_refused_reading_leaves_longer_ones(monkeypatch, text, refused, wanted):
    original = People._add_open
    refused_key = tables().key(refused)

    def add_open(self, doc, table, start, end, evidence):
        if evidence == "transliteration" and doc.key[start:end] == refused_key:
            return None    # (as a byline or a hyphened organisation's half would refuse it)
        return original(self, doc, table, start, end, evidence)

    monkeypatch.setattr(People, "_add_open", add_open)
    names = [p["name"] for p in get_pipeline().extract(text)["participants"]]
    assert tables().key(wanted) in [tables().key(n) for n in names], names
