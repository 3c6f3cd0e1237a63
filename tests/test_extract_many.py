"""Pipeline.extract_many (a batch run stage by stage) gives extract's Results, and the
command line's batches give each line the outcome it has alone."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from service import cli
from service.pipeline import get_pipeline

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
         + sorted((ROOT / "seeds").glob("*.txt"))]
# Invented: a Traditional and a Simplified item, a text with nothing in it, one without a sentence end.
TEXTS += ["星辰智能執行長孫嘉禾於2024年7月30日表示:「營收成長12%。」", "星辰智能发布新款 Orion X2 手机,售价3999元",
          "   ", "今天"]


@pytest.mark.parametrize("checked", [False, True], ids=["stage by stage", "layers checked"])
def test_a_batch_gives_the_results_of_one_document_at_a_time(monkeypatch, checked):
    pipeline = get_pipeline()
    monkeypatch.setattr(pipeline, "check_layers", checked)
    documents = [(text, f"doc-{i}" if i % 2 else None, dt.date(2024, 7, 30) if i % 3 else None)
                 for i, text in enumerate(TEXTS)]
    alone = [pipeline.extract(text, doc_id=doc_id, reference_date=ref) for text, doc_id, ref in documents]
    together = pipeline.extract_many(documents)
    assert [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in together] == \
           [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in alone]


def test_an_empty_batch():
    assert get_pipeline().extract_many([]) == []


def test_observers_see_every_component_of_every_document(monkeypatch):
    pipeline = get_pipeline()
    monkeypatch.setattr(pipeline, "check_layers", False)
    seen: list[str] = []
    monkeypatch.setattr(pipeline, "_observers", (lambda name, seconds: seen.append(name),))
    pipeline.extract_many([(text, None, None) for text in TEXTS[:3]])
    assert sorted(seen) == sorted([c.name for c in pipeline.components] * 3)


def _fail_on_boom(monkeypatch) -> None:
    """The facts stage raises on any document holding BOOM, as a failing rule would."""
    facts = next(c for c in get_pipeline().components if c.name == "facts")
    original = type(facts).__call__

    def failing(self, doc):
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(type(facts), "__call__", failing)


def test_a_failing_line_fails_alone_in_its_chunk(monkeypatch):
    """The chunk is extracted together; when one document fails the rest still get
    their Results and that line its problem, as process_line gives them alone."""
    _fail_on_boom(monkeypatch)
    lines = [json.dumps({"text": TEXTS[0], "id": "a"}).encode(), b"",
             json.dumps({"text": "星辰智能售价3999元 BOOM", "id": "b"}).encode(),
             b"{bad", json.dumps({"text": TEXTS[1], "id": "c"}).encode()]
    chunk = list(enumerate(lines, 1))
    together = cli._process_lines(chunk)
    assert together == [cli.process_line(item) for item in chunk]
    assert [(lineno, output is not None, problem is not None) for lineno, output, problem in together] == [
        (1, True, False), (2, False, False), (3, False, True), (4, False, True), (5, True, False)]
    assert together[2][2]["id"] == "b" and "boom" in together[2][2]["detail"]


def test_a_batch_is_held_in_groups_of_bounded_size(monkeypatch):
    from service import pipeline as pipeline_module
    pipeline = get_pipeline()
    monkeypatch.setattr(pipeline, "check_layers", False)
    monkeypatch.setattr(pipeline_module, "BATCH_CHARS", 40)
    groups: list[list[int]] = []
    run_group = pipeline._extract_group
    monkeypatch.setattr(pipeline, "_extract_group",
                        lambda documents: groups.append([len(d[0]) for d in documents]) or run_group(documents))
    documents = [(text, None, None) for text in ["星辰智能发布新品。" * 2, "售价3999元。", TEXTS[-4], "今天", TEXTS[0]]]
    together = pipeline.extract_many(documents)
    assert together == [pipeline.extract(text) for text, _, _ in documents]
    # a group never passes 40 characters unless one document alone does
    assert all(sum(g) <= 40 or len(g) == 1 for g in groups)
    assert sum(len(g) for g in groups) == len(documents) and len(groups) < len(documents)


def test_spark_rows_extracted_together_are_the_rows_of_each_alone(monkeypatch):
    """service/spark.py's partitions extract their rows 16 at a time (no Spark needed
    to check that: _extracted is what mapInPandas runs between the frames)."""
    from service import spark

    raws = [json.dumps({"text": text, "id": f"r{i}", "reference_date": "2024-07-30" if i % 2 else None},
                       ensure_ascii=False).encode() for i, text in enumerate(TEXTS[:20])]
    raws[3:3] = [b"", b"{bad", json.dumps({"id": "no-text"}).encode()]
    for boom in (False, True):
        if boom:
            _fail_on_boom(monkeypatch)
            raws[7] = json.dumps({"text": "星辰智能售价3999元 BOOM", "id": "boom"}).encode()
        alone = [spark.extract_line(raw, None) for raw in raws]
        together = list(spark._extracted(spark._load_line(raw, None) for raw in raws))
        assert together == alone
        assert sum(row is not None and row[1] is not None for row in together) == 20 - boom
