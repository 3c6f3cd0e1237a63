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


def test_a_count_unit_is_the_measure_word_or_the_noun_counted():
    """Older sets write a count's unit as the measure word (家), newer ones as the noun
    (分析師): either matches, in either script, the noun as our whole `counted` phrase or
    its head of two or more characters; a noun matches only a count's `counted`."""
    expected = {"quantitative_facts": [
        {"kind": "count", "value": 16, "unit": "家"},
        {"kind": "count", "value": 42, "unit": "分析師"},
        {"kind": "count", "value": 7, "unit": "國家"},
        {"kind": "count", "value": 9, "unit": "伺服器"},
        {"kind": "money", "value": 5, "unit": "用户"},
        {"kind": "count", "value": 28, "unit": "用户"},
        {"kind": "count", "value": 3, "unit": "组"},
    ]}
    result = {"quantitative_facts": [
        {"kind": "count", "value": 16, "unit": "家", "counted": "AI企业"},
        {"kind": "count", "value": 42, "unit": "位", "counted": "分析师"},
        {"kind": "count", "value": 7, "unit": "个", "counted": None},        # nothing said after it
        {"kind": "count", "value": 9, "unit": "台", "counted": "伺服器 IP"},  # the whole phrase only
        {"kind": "money", "value": 5, "unit": "CNY", "counted": "用户"},
        {"kind": "count", "value": 28, "unit": None, "counted": "智慧型手機用戶"},  # its head noun
        {"kind": "count", "value": 3, "unit": "个", "counted": "芯片组"},   # not a one-character tail
    ]}
    scores = evaluate.evaluate_article("t", expected, result).scores["quantitative_facts"]
    assert (scores.tp, scores.fp, scores.fn) == (3, 4, 4)


def test_the_command_prints_every_section(capsys):
    assert evaluate.main([str(ARTICLES), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed["sections"]) == set(evaluate.SECTIONS)
    assert [b["band"] for b in printed["calibration"]] == ["0.9-1", "0.7-0.9", "0.5-0.7", "<0.5"]


def test_role_and_employer_are_scored_on_matched_people():
    """Role by value; employer by id, or by the name of the organisation our id points to."""
    expected = {"participants": [
        {"name": "孫嘉禾", "organization_name": "星辰智能", "role": "participant"},
        {"id": "jensen-huang", "organization": "nvidia", "role": "mentioned"},
        {"name": "王偉", "organization": None, "role": "mentioned"},
        {"name": "林宛蓉", "role": "participant"},          # not found: not scored
    ]}
    result = {
        "participants": [
            {"id": "sun-jiahe", "name": "孙嘉禾", "organization": "xingchenzhineng", "role": "participant"},
            {"id": "jensen-huang", "name": "黄仁勋", "organization": "tsmc", "role": "participant"},
            {"id": "wang-wei", "name": "王偉", "organization": None, "role": "mentioned"},
        ],
        "organizations": [{"id": "xingchenzhineng", "name": "星辰智能", "aliases": ["星辰智能"]}],
    }
    a = evaluate.evaluate_article("t", expected, result)
    assert (a.role_right, a.role_total) == (2, 3)
    assert (a.employer_right, a.employer_total) == (2, 3)
    report = evaluate.summarise([a])
    assert report["person_role_accuracy"] == round(2 / 3, 3)
    assert report["person_employer_accuracy"] == round(2 / 3, 3)


def test_an_event_named_by_what_happened_matches_by_name_overlap():
    want = {"events": [{"name": "聯發科天璣9400發表會"}]}
    near = {"event": {"id": "mediatek-dimensity-9400-launch", "name": "聯發科天璣9400登場"},
            "events": [{"id": "mediatek-dimensity-9400-launch", "name": "聯發科天璣9400登場"}]}
    far = {"event": {"id": "mediatek-earnings-call", "name": "聯發科法說會"},
           "events": [{"id": "mediatek-earnings-call", "name": "聯發科法說會"}]}
    assert evaluate.evaluate_article("t", want, near).primary_right is True
    assert evaluate.evaluate_article("t", want, far).primary_right is False
    # an event with an id in the annotation still needs that id
    assert evaluate.evaluate_article("t", {"events": [{"id": "ifa-2024", "name": "IFA 2024"}]},
                                     {"event": {"id": "x", "name": "IFA 2024"},
                                      "events": [{"id": "x", "name": "IFA 2024"}]}).primary_right is False


def test_a_report_lists_the_lowest_scoring_articles_five_by_default_or_all_with_worst_0():
    """--worst N: the N lowest-scoring articles with their misses; 0 lists every article, every miss."""
    perfect = {"organizations": [{"name": "星辰智能", "aliases": ["星辰智能"]}]}
    found = {"organizations": [{"id": "xingchenzhineng", "name": "星辰智能", "aliases": ["星辰智能"]}]}
    articles = [evaluate.evaluate_article(f"ok{i}", perfect, found) for i in range(6)]
    articles.append(evaluate.evaluate_article("miss", perfect, {"organizations": []}))
    assert [w["name"] for w in evaluate.summarise(articles)["worst"]][0] == "miss"
    assert len(evaluate.summarise(articles)["worst"]) == 5
    assert len(evaluate.summarise(articles, 2)["worst"]) == 2
    every = evaluate.summarise(articles, 0)
    assert len(every["worst"]) == 7
    many = {"organizations": [{"name": f"名{i}號公司"} for i in range(8)]}
    lost = evaluate.summarise([evaluate.evaluate_article("lost", many, {"organizations": []})], 0)
    assert evaluate.render(lost, None).count("organizations:") == 8
    assert evaluate.render(lost).count("organizations:") == evaluate.MISSES_SHOWN
