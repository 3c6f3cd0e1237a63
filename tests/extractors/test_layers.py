"""Declared, typed layers (service/layers.py): the start-up check refuses an order
that breaks a declared read, a second writer and an unregistered layer; with
checking on (tests/conftest.py) a component touching a layer it did not declare
fails."""
from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from service import serialize
from service.extractors.records import Fact, Quote, TimeExpression
from service.layers import (LAYERS, CheckedLayers, LayerOrderError, UndeclaredLayer, check_order,
                            checking)
from service.pipeline import EXTRACTORS, get_pipeline

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
# Caches people write only when a rule asks for them.
ON_DEMAND = {"bylines", "governments", "police_force"}


class _Component:
    """A stand-in that declares layers and touches the ones it is told to."""

    def __init__(self, name, reads=(), writes=(), extends=(), touch=None):
        self.name, self.reads, self.writes, self.extends = name, reads, writes, extends
        self.touch = touch

    def __call__(self, doc) -> None:
        if self.touch is not None:
            self.touch(doc)


def _components():
    return list(get_pipeline().components)


def _named(name: str):
    return next(c for c in _components() if c.name == name)


def test_the_pipeline_passes_its_own_check():
    check_order(_components())
    assert [c.name for c in _components()] == [cls.name for cls in EXTRACTORS]


def test_the_suite_runs_with_checking_on():
    assert checking() and os.environ["ZNE_CHECK_LAYERS"] == "1"
    assert get_pipeline().check_layers


def test_facts_before_products_is_rejected():
    """Facts read the products layer: moved before products, the pipeline does
    not start (it once started and changed the facts of 22 of 23 articles)."""
    order = _components()
    facts = order.pop(next(i for i, c in enumerate(order) if c.name == "facts"))
    order.insert(next(i for i, c in enumerate(order) if c.name == "products"), facts)
    with pytest.raises(LayerOrderError, match=r"'facts' reads layer 'products' before it is "
                                              r"written \('products' writes it later\)"):
        check_order(order)


@pytest.mark.parametrize("reader,layer", [
    ("events", "dates"), ("people", "claimed"), ("roles", "quotes"), ("products", "quantities"),
])
def test_every_declared_read_needs_its_writer_first(reader, layer):
    order = [c for c in _components() if layer not in c.writes]
    with pytest.raises(LayerOrderError, match=rf"'{reader}' reads layer '{layer}'.*no component writes it"):
        check_order(order[:[c.name for c in order].index(reader) + 1])


def test_two_writers_are_rejected():
    second = _Component("rival", reads=("gazetteer",), writes=("claimed",))
    with pytest.raises(LayerOrderError, match=r"layer 'claimed' has two writers: 'products' and 'rival'"):
        check_order([*_components(), second])


def test_an_unregistered_layer_is_rejected():
    stray = _Component("stray", writes=("scratch",))
    with pytest.raises(LayerOrderError, match=r"'stray' declares layer 'scratch'.*does not register"):
        check_order([*_components(), stray])


def test_only_a_registered_extender_may_extend():
    assert LAYERS["organizations"].extended_by == ("people",)
    intruder = _Component("intruder", extends=("organizations",))
    with pytest.raises(LayerOrderError, match=r"'intruder' extends layer 'organizations', "
                                              r"whose only writer is 'organizations'"):
        check_order([*_components(), intruder])


def test_every_layer_has_exactly_one_writer_and_every_registered_layer_is_written():
    writers = {}
    for c in _components():
        for layer in c.writes:
            writers.setdefault(layer, []).append(c.name)
    added = {c.adds_section.name for c in _components() if getattr(c, "adds_section", None)}
    assert sorted(writers) == sorted([*LAYERS, *added])
    assert all(len(w) == 1 for w in writers.values()), writers


# ---------------------------------------------------------------- checked access

def _run_with(components, text="星辰智能執行長孫嘉禾表示看好。"):
    clone = copy.copy(get_pipeline())
    clone.components = components
    return clone.process(text)


def test_reading_an_undeclared_layer_fails():
    sneak = _Component("sneak", writes=("roles",), touch=lambda doc: doc.layers.get("products"))
    with pytest.raises(UndeclaredLayer, match=r"'sneak' reads layer 'products' without declaring it"):
        _run_with([*_components()[:-1], sneak])


def test_writing_an_undeclared_layer_fails():
    def touch(doc):
        doc.layers["claimed"] = {}
    sneak = _Component("sneak", reads=("claimed",), writes=("roles",), touch=touch)
    with pytest.raises(UndeclaredLayer, match=r"'sneak' writes layer 'claimed' without declaring it"):
        _run_with([*_components()[:-1], sneak])


def test_a_layer_of_the_wrong_type_fails():
    def touch(doc):
        doc.layers["roles"] = [{"participants": []}]
    wrong = _Component("wrong", writes=("roles",), touch=touch)
    with pytest.raises(TypeError, match=r"'wrong' wrote layer 'roles', which is a list"):
        _run_with([*_components()[:-1], wrong])
    assert "holds a dict" in LAYERS["facts"].mismatch([{"kind": "money"}])


def test_the_real_components_touch_only_what_they_declare():
    """facts' undeclared read of products was the bug; every component now runs
    checked over the seed (the conftest turns checking on for the whole suite)."""
    doc = get_pipeline().process(SEED)
    assert isinstance(doc.layers, CheckedLayers)
    added = {c.adds_section.name for c in _components() if getattr(c, "adds_section", None)}
    assert set(LAYERS) - ON_DEMAND <= set(doc.layers) <= set(LAYERS) | added


# ---------------------------------------------------------------- typed records

def test_extractors_leave_typed_records_and_no_private_keys():
    doc = get_pipeline().process(SEED)
    assert doc.layers["facts"] and all(isinstance(f, Fact) for f in doc.layers["facts"])
    assert doc.layers["quotes"] and all(isinstance(q, Quote) for q in doc.layers["quotes"])
    assert all(isinstance(t, TimeExpression) for t in doc.layers["time_expressions"])
    result = serialize.to_result(doc, get_pipeline().kb)
    for event in result["events"]:
        assert not any(k.startswith("_") for k in event), event.keys()


def test_serialize_shapes_a_quote_from_its_offsets():
    text = "孫嘉禾說:「好。」"
    doc = get_pipeline().process(text)
    quote = Quote(start=6, end=8, speaker="sun-jiahe", speaker_name=(0, 3), cue=(3, 4),
                  speaker_span=(0, 3), confidence=0.5)
    assert serialize.quotes(doc, [quote]) == [{
        "text": "好。", "span": {"start": 6, "end": 8, "text": "好。"},
        "speaker": "sun-jiahe", "speaker_name": "孫嘉禾",
        "cue": "說", "cue_span": {"start": 3, "end": 4, "text": "說"},
        "speaker_span": {"start": 0, "end": 3, "text": "孫嘉禾"}, "confidence": 0.5}]


# ---------------------------------------------------------------- the README and new sections

def test_the_readme_layer_tables_are_in_step_with_the_code():
    from service.layers import markdown
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- layers:begin -->\n", "<!-- layers:end -->"
    assert begin in readme and end in readme
    table = readme.split(begin, 1)[1].split(end, 1)[0]
    assert table == markdown(EXTRACTORS), "run `python -m service.layers` and paste its tables"


def test_every_section_is_registered_written_bounded_and_scored():
    """The built-in sections stay registered, written, bounded and scored (README, "Adding an output section")."""
    from service import bounds, evaluate
    written = {layer for c in _components() for layer in c.writes}
    for section, (layer, shape) in serialize.SECTIONS.items():
        assert layer in LAYERS and layer in written, (section, layer)
        assert callable(shape)
        assert section in bounds.SECTIONS_IN_ORDER, section
        assert section in evaluate.SECTIONS and section in evaluate.MATCHERS, section
