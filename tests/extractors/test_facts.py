"""The facts case table (tests/extractors/cases/facts.yaml) through the pipeline.

A case may carry `known_gap: <reason>`: it then runs as a strict xfail (tests/cases.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline import get_pipeline
from tests.cases import case_params

CASES = Path(__file__).parent / "cases" / "facts.yaml"


@pytest.mark.parametrize("case", case_params(CASES))
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
