"""The shared token-range helpers and clause splitter against the plain walks
they replaced, on every range of a few invented texts (both scripts)."""
from __future__ import annotations

import pytest

from service.nlp.clauses import CLAUSE_PUNCT, CLAUSES, ClauseSplitter
from service.nlp.document import build_document
from service.nlp.spans import token_range, token_range_back, tokens_in

TEXTS = [
    "星辰智能執行長孫嘉禾表示,營收成長了35%。",
    "光羽科技在台北發表新款AR眼鏡「曜石」,售價1,245元;明年上市!",
    "1年1個1倍3%5元",
]


@pytest.fixture(scope="module")
def docs():
    from service.pipeline import get_pipeline
    segmenter = get_pipeline().segmenter
    return [build_document(t, segmenter) for t in TEXTS]


def _walk_forward(doc, start, end):
    """The hand-written walk the extractors had: from the token covering start."""
    i, out = doc.token_index_at(start), []
    while i < len(doc.tokens) and doc.tokens[i].start < end:
        out.append(i)
        i += 1
    return out


def _walk_back(doc, start, end):
    i, out = (doc.token_index_at(end - 1) if end > start else -1), []
    while i >= 0 and doc.tokens[i].start >= start:
        out.append(i)
        i -= 1
    return out


def test_token_ranges_match_the_walks(docs):
    for doc in docs:
        n = len(doc.text)
        for start in range(n + 1):
            for end in range(start, n + 2):
                assert list(token_range(doc, start, end)) == _walk_forward(doc, start, end), (doc.text, start, end)
                assert list(token_range_back(doc, start, end)) == _walk_back(doc, start, end), (doc.text, start, end)
                assert [t.start for t in tokens_in(doc, start, end)] == \
                    [doc.tokens[i].start for i in _walk_forward(doc, start, end)]


def _scan_start(text, pos, lo, delims):
    i = pos - 1
    while i >= lo and text[i] not in delims:
        i -= 1
    return i + 1


def _scan_end(text, pos, hi, delims):
    while pos < hi and text[pos] not in delims:
        pos += 1
    return min(pos, hi)


@pytest.mark.parametrize("splitter", [CLAUSES, ClauseSplitter("（）()“”「」『』—")])
def test_clause_bounds_match_a_character_scan(splitter):
    for text in TEXTS + ["", "a,b。c\nd（e）f“g”—h", "，，,,"]:
        n = len(text)
        index = splitter.index(text)
        for pos in range(n + 1):
            for lo in range(0, pos + 1):
                assert splitter.start(text, pos, lo) == _scan_start(text, pos, lo, splitter.delimiters)
            for hi in range(pos, n + 1):
                assert splitter.end(text, pos, hi) == _scan_end(text, pos, hi, splitter.delimiters)
            for end in range(pos, n + 1):
                for window in (0, 1, 3, 60):
                    lo, hi = max(0, pos - window), min(n, end + window)
                    expected = (_scan_start(text, pos, lo, splitter.delimiters) if pos > lo else min(lo, pos),
                                _scan_end(text, end, hi, splitter.delimiters))
                    assert splitter.around(text, pos, end, window) == expected
                    assert index.around(pos, end, window) == expected   # the one-pass index agrees


def test_every_splitter_shares_the_clause_punctuation():
    assert set(CLAUSE_PUNCT) <= ClauseSplitter("、").delimiters
    assert "、" not in CLAUSES.delimiters
