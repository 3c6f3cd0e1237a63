"""Whole extraction beside jieba.lcut of the same texts, in one run, for the seed
and for each corpus as a whole (issue 19's goal: sum of extraction time over sum of
jieba.lcut time, <= 0.35x, aim 0.25x).

Run: python -m pytest benchmarks/test_bench_corpus.py --benchmark-only --benchmark-group-by=group
One round extracts (or cuts) every text of a corpus once. The ratios are printed at
the end of the run, of the means and of the minimums (the minimum is the figure least
disturbed by other work on a shared machine). fixtures/real/texts is not in the
repository: its benchmarks skip when it is absent. The test suite runs these once as
plain tests (--benchmark-disable).
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "seed": ROOT / "seeds",
    "fixtures": ROOT / "fixtures" / "articles",
    "real": ROOT / "fixtures" / "real" / "texts",
}
RESULTS: dict[tuple[str, str], tuple[float, float]] = {}   # (corpus, what) -> (mean, min)


def _texts(corpus: str) -> list[str]:
    paths = sorted(CORPORA[corpus].glob("*.txt")) if CORPORA[corpus].is_dir() else []
    if not paths:
        pytest.skip(f"no texts in {CORPORA[corpus].relative_to(ROOT)}")
    return [p.read_text(encoding="utf-8") for p in paths]


def _record(benchmark, corpus: str, what: str) -> None:
    stats = getattr(getattr(benchmark, "stats", None), "stats", None)
    if stats is not None:
        RESULTS[corpus, what] = (stats.mean, stats.min)


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_reference_jieba_lcut(benchmark, jieba_ready, corpus):
    texts = _texts(corpus)
    benchmark.group = f"corpus {corpus}"
    cut = benchmark(lambda: [jieba_ready.lcut(t) for t in texts])
    assert ["".join(words) for words in cut] == texts
    _record(benchmark, corpus, "jieba.lcut")


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_whole_extraction(benchmark, pipeline, corpus):
    texts = _texts(corpus)
    benchmark.group = f"corpus {corpus}"
    results = benchmark(lambda: [pipeline.extract(t) for t in texts])
    assert [r["document"]["chars"] for r in results] == [len(t) for t in texts]
    _record(benchmark, corpus, "extract")


# Documents per Pipeline.extract_many call in the batched benchmark: the command
# line's chunk (service/cli.py CHUNK_LINES), what its --jsonl runs extract together.
BATCH = 16


@pytest.mark.parametrize("corpus", [c for c in CORPORA if c != "seed"])
def test_whole_extraction_batched(benchmark, pipeline, corpus):
    """The same texts through Pipeline.extract_many in batches of BATCH (stage by
    stage; the command line's --jsonl): same Results, the tables stay in the caches."""
    texts = _texts(corpus)
    benchmark.group = f"corpus {corpus}"
    batches = [[(t, None, None) for t in texts[i:i + BATCH]] for i in range(0, len(texts), BATCH)]
    results = benchmark(lambda: [r for batch in batches for r in pipeline.extract_many(batch)])
    assert [r["document"]["chars"] for r in results] == [len(t) for t in texts]
    _record(benchmark, corpus, "extract_many")


@pytest.fixture(scope="module")
def batch_client(pipeline):
    """The app in process (Flask's test client), its access log quiet."""
    import logging

    from service import create_app
    from service.observability import ACCESS_LOGGER
    logger = logging.getLogger(ACCESS_LOGGER)
    level = logger.level
    client = create_app({"TESTING": True}).test_client()
    logger.setLevel(logging.WARNING)
    yield client
    logger.setLevel(level)


@pytest.mark.parametrize("how", ["chunks", "one by one"])
@pytest.mark.parametrize("corpus", [c for c in CORPORA if c != "seed"])
def test_http_batch(benchmark, batch_client, monkeypatch, corpus, how):
    """POST /v1/extract/batch with BATCH documents a request, in process: in chunks
    (Pipeline.extract_many, the endpoint as it runs), and with chunks of one
    document (what the endpoint did before: each document alone under the budget).
    Both in one run, so their ratio is the endpoint's gain."""
    import json

    from service import batch_plan
    if how == "one by one":
        monkeypatch.setattr(batch_plan, "CHUNK_DOCS", 1)
    texts = _texts(corpus)
    benchmark.group = f"corpus {corpus}"
    bodies = [json.dumps({"documents": [{"text": t} for t in texts[i:i + BATCH]]},
                         ensure_ascii=False).encode() for i in range(0, len(texts), BATCH)]

    def post_all():
        return [batch_client.post("/v1/extract/batch", data=body, content_type="application/json")
                for body in bodies]

    responses = benchmark(post_all)
    results = [r for resp in responses for r in resp.get_json()["results"]]
    assert [r["document"]["chars"] for r in results] == [len(t) for t in texts]
    _record(benchmark, corpus, f"http batch, {how}")


def teardown_module(module):
    for corpus in CORPORA:
        ref = RESULTS.get((corpus, "jieba.lcut"))
        for what, name in (("extract", "whole extraction"), ("extract_many", f"batches of {BATCH}"),
                           ("http batch, chunks", f"POST /v1/extract/batch of {BATCH}, in chunks"),
                           ("http batch, one by one",
                            f"POST /v1/extract/batch of {BATCH}, one by one")):
            extract = RESULTS.get((corpus, what))
            if extract is None or ref is None:
                continue
            print(f"\n{name} / jieba.lcut, {corpus}: {extract[0] / ref[0]:.3f}x of means "
                  f"({extract[0] * 1e3:.2f} ms vs {ref[0] * 1e3:.2f} ms), "
                  f"{extract[1] / ref[1]:.3f}x of minimums "
                  f"({extract[1] * 1e3:.2f} ms vs {ref[1] * 1e3:.2f} ms)")
        one, chunks = (RESULTS.get((corpus, f"http batch, {how}")) for how in ("one by one", "chunks"))
        if one is not None and chunks is not None:
            print(f"\nPOST /v1/extract/batch, {corpus}: chunks / one by one {chunks[0] / one[0]:.3f}x "
                  f"of means, {chunks[1] / one[1]:.3f}x of minimums")
