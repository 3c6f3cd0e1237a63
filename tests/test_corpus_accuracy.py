"""The fixture corpus's accuracy report, guarded by floors (fixtures/articles/floors.json)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service import evaluate

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"
FLOORS = json.loads((ARTICLES / "floors.json").read_text(encoding="utf-8"))
CALIBRATION_FLOOR = 0.9   # the contract: items at 0.9 or more are right 90% of the time


@pytest.fixture(scope="module")
def report():
    return evaluate.evaluate(ARTICLES)


def test_corpus_is_large_and_in_both_scripts():
    corpus = evaluate.load_corpus(ARTICLES)
    assert len(corpus) >= 20
    scripts = [expected["document"]["script"] for _, _, expected in corpus]
    assert scripts.count("traditional") >= 10 and scripts.count("simplified") >= 10
    for name, text, expected in corpus:
        assert 500 <= len(text) <= 1500, name
        assert expected.get("_checked"), f"{name}: no record of the second read"


@pytest.mark.parametrize("section", evaluate.SECTIONS)
def test_section_f1_stays_above_its_floor(report, section):
    assert report["sections"][section]["f1"] >= FLOORS[section], report["sections"][section]


@pytest.mark.parametrize("metric", ["primary_event_accuracy", "quote_speaker_accuracy",
                                    "person_role_accuracy", "person_employer_accuracy"])
def test_accuracies_stay_above_their_floors(report, metric):
    assert report[metric] >= FLOORS[metric]


def test_high_confidence_means_right(report):
    top = report["calibration"][0]
    assert top["band"] == "0.9-1" and top["items"] >= 100
    assert top["right"] >= CALIBRATION_FLOOR, report["calibration"]


def test_matching_is_on_substance():
    """Ids or names in any script for entities; value and unit for facts;
    text overlap and speaker for quotes."""
    expected = {
        "participants": [{"name": "孫嘉禾"}, {"id": "jensen-huang"}],
        "quantitative_facts": [{"kind": "money", "value": 60900000000, "unit": "USD"}],
        "quotes": [{"text": "我們明年會推出新模型。", "speaker_name": "孫嘉禾"}],
    }
    result = {
        "participants": [{"id": "jensen-huang", "name": "黄仁勋"}, {"id": "sun-jiahe", "name": "孙嘉禾"},
                         {"id": "x", "name": "王偉"}],
        "quantitative_facts": [{"kind": "money", "value": 6.09e10, "unit": "USD", "text": "609亿美元"}],
        "quotes": [{"text": "我们明年会推出新模型", "speaker": "sun-jiahe", "speaker_name": "孙嘉禾"}],
    }
    a = evaluate.evaluate_article("t", expected, result)
    assert (a.scores["participants"].tp, a.scores["participants"].fp, a.scores["participants"].fn) == (2, 1, 0)
    assert a.scores["quantitative_facts"].tp == 1
    assert a.scores["quotes"].tp == 1 and a.speaker_right == 1


def test_the_command_prints_every_section(capsys):
    assert evaluate.main([str(ARTICLES), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed["sections"]) == set(evaluate.SECTIONS)
    assert [b["band"] for b in printed["calibration"]] == ["0.9-1", "0.7-0.9", "0.5-0.7", "<0.5"]
