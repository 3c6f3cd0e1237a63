"""Time every stage of whole extraction, beside jieba.lcut of the same texts.

    python -m benchmarks.profile_stages [--repeat N] [--cprofile STAGE] [--batch N]

Stages: the document's parts (normalise, key view, script, sentence split,
tagging), then each component in pipeline order, then serialising. Each text is
run --repeat times and the best run of each stage is kept (the machine is shared:
the minimum is the least disturbed figure); times are CPU time of the process
(time.process_time) unless --wall, so other work on the machine disturbs them less.
--batch 1 and --batch 16 instead run --repeat rounds over each whole corpus, one
document at a time or in batches of 16 as Pipeline.extract_many runs them (stage by
stage), and keep each stage's least round: the two ways side by side.
Corpora: the seed, fixtures/articles,
fixtures/real/texts (skipped when absent). benchmarks/PROFILE.md reads these.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK = time.process_time


def corpora() -> dict[str, list[str]]:
    found = {
        "seed": sorted((ROOT / "seeds").glob("*.txt")),
        "fixtures": sorted((ROOT / "fixtures" / "articles").glob("*.txt")),
        "real": sorted((ROOT / "fixtures" / "real" / "texts").glob("*.txt")),
    }
    return {name: [p.read_text(encoding="utf-8") for p in paths]
            for name, paths in found.items() if paths}


def stage_times(pipeline, text: str) -> dict[str, float]:
    """Seconds per stage for one run of text (mirrors Pipeline.extract: a batch of one)."""
    return batch_stage_times(pipeline, [text])


def measure(pipeline, texts: list[str], repeat: int, *, references: bool = True) -> dict[str, float]:
    """Sum over texts of the best time of each stage, plus (with references) whole
    extraction and jieba.lcut."""
    import jieba
    totals: dict[str, float] = {}
    for text in texts:
        best: dict[str, float] = {}
        for _ in range(repeat):
            for name, secs in stage_times(pipeline, text).items():
                best[name] = min(best.get(name, secs), secs)
            if not references:
                continue
            started = CLOCK()
            pipeline.extract(text)
            whole = CLOCK() - started
            best["extract"] = min(best.get("extract", whole), whole)
            started = CLOCK()
            jieba.lcut(text)
            ref = CLOCK() - started
            best["jieba.lcut"] = min(best.get("jieba.lcut", ref), ref)
        for name, secs in best.items():
            totals[name] = totals.get(name, 0.0) + secs
    return totals


def batch_stage_times(pipeline, texts: list[str]) -> dict[str, float]:
    """Seconds per stage for one run of texts as Pipeline.extract_many runs them:
    every document built, then each component over every document, then each
    serialised (the sum over the texts)."""
    from service import bounds
    from service.nlp import automata
    from service.nlp.document import Document, split_sentences
    from service.nlp.text import tables
    from service.serialize import to_result

    t = tables()
    out: dict[str, float] = {}
    clock = CLOCK

    def timed(name, fn, *args):
        started = clock()
        value = fn(*args)
        out[name] = out.get(name, 0.0) + clock() - started
        return value

    docs = []
    for text in texts:
        norm = timed("doc.normalise", t.normalise, text)
        key = timed("doc.key", t.key, text)
        automata.share(key)   # as build_document does: the automata search it in one pass
        script = timed("doc.script", t.script, text)
        sentences = timed("doc.sentences", split_sentences, norm)
        tokens = timed("doc.tag", pipeline.segmenter.tag, norm)
        docs.append(timed("doc.object", lambda: Document(text=text, norm=norm, key=key, script=script,
                                                         sentences=sentences, tokens=tokens)))
    for component in pipeline.components:
        for doc in docs:
            timed(component.name, component, doc)
    for doc in docs:
        timed("serialize", lambda: bounds.apply(to_result(doc, pipeline.kb, pipeline.added_sections), doc.text))
    return out


def measure_rounds(pipeline, texts: list[str], repeat: int, batch: int) -> dict[str, float]:
    """Like measure, but each of repeat rounds runs the whole corpus in order (as
    benchmarks/test_bench_corpus.py does), one document at a time (batch 1) or in
    batches (Pipeline.extract_many); per stage, the least of the rounds' sums."""
    import jieba
    best: dict[str, float] = {}

    def keep(name, secs):
        best[name] = min(best.get(name, secs), secs)

    batches = [texts[i:i + batch] for i in range(0, len(texts), batch)]
    for _ in range(repeat):
        sums: dict[str, float] = {}
        for chunk in batches:
            parts = (batch_stage_times(pipeline, chunk) if batch > 1
                     else stage_times(pipeline, chunk[0]))
            for name, secs in parts.items():
                sums[name] = sums.get(name, 0.0) + secs
        for name, secs in sums.items():
            keep(name, secs)
        started = CLOCK()
        for chunk in batches:
            pipeline.extract_many([(t, None, None) for t in chunk]) if batch > 1 else pipeline.extract(chunk[0])
        keep("extract", CLOCK() - started)
        started = CLOCK()
        for text in texts:
            jieba.lcut(text)
        keep("jieba.lcut", CLOCK() - started)
    return best


def report(name: str, texts: list[str], totals: dict[str, float]) -> None:
    chars = sum(len(t) for t in texts)
    ref = totals["jieba.lcut"]
    print(f"\n## {name}: {len(texts)} text(s), {chars} chars")
    print(f"extract {totals['extract'] * 1e3:.2f} ms, jieba.lcut {ref * 1e3:.2f} ms, "
          f"ratio {totals['extract'] / ref:.3f}x")
    stages = [k for k in totals if k not in ("extract", "jieba.lcut")]
    staged = sum(totals[k] for k in stages)
    print(f"{'stage':<18}{'ms':>9}{'share':>8}{'x lcut':>9}")
    for k in stages:
        print(f"{k:<18}{totals[k] * 1e3:>9.2f}{totals[k] / staged:>8.1%}{totals[k] / ref:>9.3f}")
    print(f"{'(sum of stages)':<18}{staged * 1e3:>9.2f}")


def profile_stage(pipeline, texts: list[str], stage: str, limit: int, repeat: int,
                  sort: str = "tottime") -> None:
    """cProfile of one stage (a component name, 'doc' for the document, 'serialize',
    'all'),
    after one warm-up run of every text (first calls compile lazily built patterns)."""
    from service import bounds
    from service.nlp.document import build_document
    from service.serialize import to_result
    for text in texts:
        pipeline.extract(text)
    prof = cProfile.Profile(time.process_time)   # CPU time: other work on the machine does not count
    for text in texts * repeat:
        if stage == "all":
            prof.runcall(pipeline.extract, text)
            continue
        doc = (prof.runcall if stage == "doc" else lambda f, *a: f(*a))(
            build_document, text, pipeline.segmenter)
        for component in pipeline.components:
            if component.name == stage:
                prof.runcall(component, doc)
            elif stage != "doc":
                component(doc)
        if stage == "serialize":
            prof.runcall(lambda: bounds.apply(to_result(doc, pipeline.kb, pipeline.added_sections), text))
    pstats.Stats(prof).sort_stats(sort).print_stats(limit)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cprofile", metavar="STAGE")
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--limit", type=int, default=25)
    ap.add_argument("--sort", default="tottime", help="cProfile order: tottime or cumulative")
    ap.add_argument("--wall", action="store_true", help="time.perf_counter, not CPU time")
    ap.add_argument("--batch", type=int, default=0, metavar="N",
                    help="rounds over each whole corpus, documents one at a time (1) or in "
                         "batches of N as Pipeline.extract_many runs them; per stage the "
                         "least round (default: each text's best of --repeat runs in a row)")
    args = ap.parse_args(argv)
    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    from service.pipeline import get_pipeline
    pipeline = get_pipeline()
    found = corpora()
    if args.corpus == "corpora":   # fixtures and real texts as one corpus
        found = {"corpora": found.get("fixtures", []) + found.get("real", [])}
    elif args.corpus:
        found = {args.corpus: found[args.corpus]}
    if args.cprofile:
        for name, texts in found.items():
            print(f"\n## cProfile {args.cprofile} on {name}")
            profile_stage(pipeline, texts, args.cprofile, args.limit, args.repeat, args.sort)
        return 0
    measured = {}
    for name, texts in found.items():
        measured[name] = (measure_rounds(pipeline, texts, args.repeat, args.batch) if args.batch
                          else measure(pipeline, texts, args.repeat))
        report(name, texts, measured[name])
    if "fixtures" in measured and "real" in measured:   # issue 19: the corpora as a whole
        both = {k: measured["fixtures"][k] + measured["real"].get(k, 0.0) for k in measured["fixtures"]}
        report("corpora (fixtures + real)", found["fixtures"] + found["real"], both)
    return 0


if __name__ == "__main__":
    sys.exit(main())
