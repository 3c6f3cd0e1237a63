"""The learned role decision (service/extractors/role_model.py) and its trainer
(scripts/train_roles.py): the vector, the logistic score, the fit, the evidence roles.py
reads per person. Invented names, both scripts."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from service.extractors.role_model import FEATURES, INDEX, RoleModel, vector

ROOT = Path(__file__).resolve().parents[2]


def _trainer():
    spec = importlib.util.spec_from_file_location("train_roles", ROOT / "scripts" / "train_roles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vector_names_its_values_and_sets_the_bias():
    v = vector({"quoted": True, "near_event": 0.5})
    assert len(v) == len(FEATURES)
    assert v[0] == 1.0 and v[INDEX["quoted"]] == 1.0 and v[INDEX["near_event"]] == 0.5
    assert sum(v) == 2.5


def test_model_decides_by_its_weights():
    model = RoleModel({"bias": -1.0, "rule": 3.0})
    assert model.decide(vector({"rule": 1}))
    assert not model.decide(vector({}))
    assert 0.0 < model.probability(vector({})) < 0.5


def test_a_disabled_or_absent_weights_file_leaves_the_rules(tmp_path):
    assert RoleModel.load(tmp_path / "absent.json") is None
    off = tmp_path / "off.json"
    off.write_text(json.dumps({"enabled": False, "weights": {"rule": 2.0}}))
    assert RoleModel.load(off) is None
    on = tmp_path / "on.json"
    on.write_text(json.dumps({"enabled": True, "weights": {"rule": 2.0}}))
    assert RoleModel.load(on).decide(vector({"rule": 1}))


def test_fit_separates_what_one_feature_tells_and_is_deterministic():
    trainer = _trainer()
    rows = [(vector({"rule": 1, "quoted": q}), 1) for q in (0, 1)] * 5 \
        + [(vector({"outsider": 1, "quoted": q}), 0) for q in (0, 1)] * 5
    w = trainer.fit(rows, l2=0.1, steps=300)
    assert trainer.accuracy(w, rows) == 1.0
    assert w[INDEX["rule"]] > 0 > w[INDEX["outsider"]]
    assert w == trainer.fit(rows, l2=0.1, steps=300)


def _read_with_evidence(text: str, name: str):
    """The document, its Result and the person named, from a pipeline whose roles stage
    records its evidence (as the trainer asks it to)."""
    from service.pipeline import Pipeline
    from service import bounds
    from service.serialize import to_result
    pipeline = Pipeline()
    roles = next(c for c in pipeline.components if c.name == "roles")
    roles.collect_evidence = True
    doc = pipeline.process(text, reference_date=dt.date(2024, 10, 14))
    result = bounds.apply(to_result(doc, pipeline.kb, pipeline.added_sections), text)
    return doc, result, next(p for p in result["participants"] if p["name"] == name)


@pytest.mark.parametrize("text, name, participant", [
    ("星河科技今天舉行Nova X9發表會，星河科技執行長孫嘉禾在台上表示，新機將於下週開賣。", "孫嘉禾", True),
    ("星河科技今天举行Nova X9发布会。天弓市场研究资深分析师林芷瑄表示，新机定价具竞争力。", "林芷瑄", False),
])
def test_roles_reads_evidence_per_person_when_asked(text, name, participant):
    doc, result, person = _read_with_evidence(text, name)
    evidence = doc.layers["roles"].evidence[person["id"]]
    assert len(evidence) == len(FEATURES)
    # (no weights file is shipped: the rules' verdict is the role)
    assert bool(evidence[INDEX["rule"]]) is participant
    assert (person["role"] == "participant") is participant


# ------------------------------------------------------------ the employer scorer
from service.extractors import employer_model  # noqa: E402


def test_employer_model_picks_the_best_scoring_candidate_and_the_first_on_a_tie():
    model = employer_model.EmployerModel({"clause_before": 2.0, "current": 1.0})
    options = [("a", employer_model.vector({"current": 1})),
               ("b", employer_model.vector({"clause_before": 1}))]
    assert model.pick(options) == "b"
    assert employer_model.EmployerModel({}).pick(options) == "a"


def test_fit_choice_learns_which_evidence_names_the_employer():
    trainer = _trainer()
    v = employer_model.vector
    groups = [[(v({"current": 1}), 0), (v({"list_between": 1, "clause_before": 1}), 1)]] * 3 \
        + [[(v({"current": 1, "clause_before": 1}), 1), (v({"after_near": 1}), 0)]] * 3
    w = trainer.fit_choice(groups, l2=0.1, steps=300)
    assert trainer.choice_accuracy(w, groups) == 1.0
    assert w == trainer.fit_choice(groups, l2=0.1, steps=300)


@pytest.mark.parametrize("text, name, org_words", [
    ("星河科技今日宣布完成5亿元B轮融资。云岫资本副总裁、云岫创投总裁林远航表示，看好团队。", "林远航", ("云岫资本", "云岫创投")),
    ("星河科技今日宣佈完成5億元B輪融資。雲岫資本副總裁、雲岫創投總裁林遠航表示，看好團隊。", "林遠航", ("雲岫資本", "雲岫創投")),
])
def test_employer_candidates_are_the_organisations_of_the_persons_sentences(text, name, org_words):
    doc, result, person = _read_with_evidence(text, name)
    options = doc.layers["roles"].employer_evidence[person["id"]]
    # (no weights file is shipped: the rules' choice stands, and comes first)
    assert options[0][0] == person["organization"]
    names = {o["id"]: o["name"] for o in result["organizations"]}
    listed = {names.get(org) for org, _ in options}
    assert set(org_words) <= listed, listed
    first = next(vec for org, vec in options if names.get(org) == org_words[0])
    assert first[employer_model.INDEX["list_between"]] == 1.0     # (across the 、 of the titles)
