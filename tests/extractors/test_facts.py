"""The facts case table (tests/extractors/cases/facts.yaml) through the pipeline."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service.pipeline import get_pipeline

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "facts.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c['note'][:40]}" for i, c in enumerate(CASES)])
def test_facts(case):
    result = get_pipeline().extract(case["text"])
    facts = result["quantitative_facts"]
    wanted = case["facts"]
    assert len(facts) == len(wanted), [f["text"] for f in facts]
    for want, got in zip(wanted, facts):
        for field, value in want.items():
            if field == "subject_contains":
                assert got["subject"] and value in got["subject"], got["subject"]
            elif isinstance(value, float):
                assert got[field] == pytest.approx(value)
            else:
                assert got[field] == value, (field, got)
        s = got["sentence"]
        assert s["start"] <= got["span"]["start"] and got["span"]["end"] <= s["end"]
        assert 0 < got["confidence"] <= 1
