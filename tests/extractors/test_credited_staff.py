"""The credited_staff section: the case table tests/extractors/cases/credited_staff.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline import get_pipeline
from service.yamlfiles import load_yaml

CASES = load_yaml(Path(__file__).parent / "cases" / "credited_staff.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_credited_staff(case):
    text = case["text"]
    result = get_pipeline().extract(text)
    got = [[c["name"], c["role"]] for c in result["credited_staff"]]
    assert got == [list(pair) for pair in case["staff"]]
    for c in result["credited_staff"]:
        assert text[c["span"]["start"]:c["span"]["end"]] == c["name"] == c["span"]["text"]
    people = {alias for p in result["participants"] for alias in p["aliases"]}
    assert not people & set(case.get("not_participants", []))
