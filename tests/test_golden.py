"""The golden fixtures: each seed's hand-written expected Result, compared
section by section on the sections the fixture claims."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.pipeline import get_pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = sorted((ROOT / "fixtures" / "golden").glob("*.json"))


def _without_confidence(items):
    return [{k: v for k, v in item.items() if k != "confidence"} for item in items]


@pytest.fixture(scope="module", params=GOLDEN, ids=lambda p: p.stem)
def pair(request):
    expected = json.loads(request.param.read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / f"{request.param.stem}.txt").read_text(encoding="utf-8")
    return expected, get_pipeline().extract(text), text


def test_document(pair):
    expected, result, _ = pair
    assert result["document"] == expected["document"]


def test_primary_event(pair):
    expected, result, _ = pair
    assert result["event"] == expected["event"]


def test_events(pair):
    expected, result, _ = pair
    assert result["events"] == expected["events"]


@pytest.mark.parametrize("section", ["participants", "organizations", "products"])
def test_entities(pair, section):
    expected, result, _ = pair
    if section not in expected:
        pytest.skip(f"fixture does not claim {section}")
    got = _without_confidence(result[section])
    want = expected[section]
    assert [g["id"] for g in got] == [w["id"] for w in want]
    for g, w in zip(got, want):
        assert g == w, g["id"]


@pytest.mark.parametrize("section", ["participants", "organizations"])
def test_confidence_is_evidence_not_constant(pair, section):
    _, result, _ = pair
    values = [item["confidence"] for item in result[section]]
    assert all(0 <= v <= 1 for v in values)


def test_golden_spans_are_exact(pair):
    expected, _, text = pair
    def walk(node):
        if isinstance(node, dict):
            if set(node) == {"start", "end", "text"}:
                assert text[node["start"]:node["end"]] == node["text"]
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(expected)


def test_facts(pair):
    """Facts: every claimed field of every fact, in order. `subject` and
    `entity` are not claimed by the golden file (tests/extractors/cases/facts.yaml
    checks them sentence by sentence)."""
    expected, result, _ = pair
    if "quantitative_facts" not in expected:
        pytest.skip("fixture does not claim facts")
    want = expected["quantitative_facts"]
    got = [{k: f[k] for k in want[0]} for f in result["quantitative_facts"]] if want else []
    assert [g["text"] for g in got] == [w["text"] for w in want]
    for g, w in zip(got, want):
        assert g == w, w["text"]


def test_quotes(pair):
    """Quotes: every field but confidence, in order."""
    expected, result, _ = pair
    if "quotes" not in expected:
        pytest.skip("fixture does not claim quotes")
    got = _without_confidence(result["quotes"])
    assert [g["text"] for g in got] == [w["text"] for w in expected["quotes"]]
    for g, w in zip(got, expected["quotes"]):
        assert g == w, w["text"]


def test_time_expressions(pair):
    """Every time expression of the seed, in order, every field (written by hand:
    see fixtures/golden/README.md for what is and is not one)."""
    expected, result, _ = pair
    if "time_expressions" not in expected:
        pytest.skip("fixture does not claim time_expressions")
    got, want = result["time_expressions"], expected["time_expressions"]
    assert [g["text"] for g in got] == [w["text"] for w in want]
    for g, w in zip(got, want):
        assert g == w, w["text"]
