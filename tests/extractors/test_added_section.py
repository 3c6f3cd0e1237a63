"""README, "Adding an output section": one schema edit plus one component.

A toy component (written here, as a user would write theirs) adds a section
`exclamations` to the Result: it registers its layer, emits plain records, and
runs last. Nothing else in service/ changes; the schema with the section added
validates the Result, the schema without it refuses it.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from service import bounds
from service.extractors.records import TextSpan
from service.layers import Layer, LayerOrderError, check_order
from service.pipeline import EXTRACTORS, Pipeline

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "schema" / "extraction.schema.json")
                    .read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Exclamation:
    span: TextSpan
    marks: int


class Exclamations:
    """Every run of exclamation marks, and how many marks it has."""
    name = "exclamations"
    reads = ()
    writes = ("exclamations",)
    adds_section = Layer("exclamations", list[Exclamation], "Runs of exclamation marks.")

    def __init__(self, kb, segmenter) -> None:
        pass

    def __call__(self, doc) -> None:
        found, i = [], 0
        while i < len(doc.norm):
            j = i
            while j < len(doc.norm) and doc.norm[j] == "!":
                j += 1
            if j > i:
                found.append(Exclamation(TextSpan(i, j), j - i))
            i = max(j, i + 1)
        doc.layers["exclamations"] = found


def _schema_with_the_section() -> dict:
    """The one schema edit: the section and its item."""
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["exclamations"] = {
        "type": "array",
        "items": {"type": "object", "additionalProperties": False,
                  "required": ["span", "marks"],
                  "properties": {"span": {"$ref": "#/$defs/Span"},
                                 "marks": {"type": "integer", "minimum": 1}}}}
    schema.setdefault("required", []).append("exclamations")
    return schema


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(extractors=EXTRACTORS + (Exclamations,))


def test_a_component_adds_a_section_shaped_from_its_records(pipeline):
    text = "星辰智能發表會！！現場觀眾驚呼：「太快了！」"
    result = pipeline.extract(text)
    assert result["exclamations"] == [
        {"span": {"start": 7, "end": 9, "text": "！！"}, "marks": 2},
        {"span": {"start": 20, "end": 21, "text": "！"}, "marks": 1},
    ]
    assert list(result)[-2:] == ["exclamations", "warnings"]
    jsonschema.validate(result, _schema_with_the_section())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(result, SCHEMA)   # without the edit the Result is refused


def test_an_added_section_is_cut_last_by_the_size_cap(pipeline, monkeypatch):
    text = "好！" * 400
    result = pipeline.extract(text)
    assert len(result["exclamations"]) == 400
    monkeypatch.setattr(bounds, "result_limit", lambda _text: bounds._size(result) - 500)
    bounds.cap_size(result, text)
    assert 0 < len(result["exclamations"]) < 400
    assert any("exclamations" in w for w in result["warnings"])


def test_an_added_section_may_not_reuse_a_registered_layer():
    class Shadow(Exclamations):
        name = "shadow"
        writes = ("quotes",)
        adds_section = Layer("quotes", list[Exclamation], "Clashes with the quotes layer.")
    with pytest.raises(LayerOrderError, match="already registered"):
        check_order([Shadow(None, None)])


def test_the_default_pipeline_adds_only_credited_staff(pipeline):
    # credited_staff (wave 24) was added the way this file adds exclamations
    from service.pipeline import get_pipeline
    assert get_pipeline().added_sections == ("credited_staff",)
    assert pipeline.added_sections == ("credited_staff", "exclamations")
