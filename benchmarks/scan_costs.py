"""What one lexical pass could save: every text scan of the stages before the
extractors (document building, gazetteer, quantities, time expressions), warm and
cold, beside the stages themselves and their candidates.

    python -m benchmarks.scan_costs [--repeat N]

A scan is C code walking the whole text (rjieba, an Aho-Corasick automaton, a
regex, str.translate); what the stages do per candidate (a numeral, a place a time
expression may start, a dictionary match) is Python. "warm" is the best of --repeat
runs of a scan over the same text in a row (what that text touches of the scan's
tables is in the CPU caches: a floor); "cold" evicts the caches (writes 32 MB) before
each run (a ceiling: the pipeline's other stages evict part of them between two
documents, Pipeline.extract_many less). CPU time (time.process_time), summed over the
texts of fixtures/articles and fixtures/real/texts. benchmarks/PROFILE.md reads these.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK = time.process_time
_JUNK = bytearray(32 * 1024 * 1024)


def _evict() -> None:
    """Write one byte per 64-byte line of 32 MB: more than the CPU's caches hold."""
    _JUNK[::64] = b"\x01" * (len(_JUNK) // 64)


def _best(fn, items: list, repeat: int, cold: bool) -> float:
    """ms: the sum over items of the best of repeat runs of fn(item)."""
    total = 0.0
    for item in items:
        best = float("inf")
        for _ in range(repeat):
            if cold:
                _evict()
            started = CLOCK()
            fn(item)
            best = min(best, CLOCK() - started)
        total += best
    return total * 1e3


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    from service.nlp.document import build_document, split_sentences
    from service.nlp.text import tables
    from service.pipeline import get_pipeline
    from service.quantities import scan
    from service.timex.stage import TRIGGER

    pipeline = get_pipeline()
    t = tables()
    paths = sorted((ROOT / "fixtures" / "articles").glob("*.txt")) + sorted(
        (ROOT / "fixtures" / "real" / "texts").glob("*.txt"))
    docs = []
    for path in paths:
        doc = build_document(path.read_text(encoding="utf-8"), pipeline.segmenter)
        for component in pipeline.components:
            component(doc)
        docs.append(doc)
    stage = {c.name: c for c in pipeline.components}
    gazetteer, timex = stage["gazetteer"], stage["time_expressions"]
    segmenter = pipeline.segmenter._jieba

    def quantity_starts(d):
        return [m.start() for m in scan._start_scan(scan.QUANTITY_START_RE).finditer(d.norm)]

    scans = [
        ("doc: rjieba tag (words and tags)", lambda d: segmenter.tag(d.norm)),
        ("doc: rjieba cut (words alone)", lambda d: segmenter.cut(d.norm)),
        ("doc: normalise (str.translate)", lambda d: t.normalise(d.text)),
        ("doc: script (two findall)", lambda d: t.script(d.text)),
        ("doc: sentence split", lambda d: split_sentences(d.norm)),
        ("gazetteer: curated automaton", lambda d: gazetteer._automaton.find_matches_as_indexes(d.key)),
        ("gazetteer: listed automaton", lambda d: gazetteer._listed_automaton.find_matches_as_indexes(d.key)),
        ("timex: start scan", lambda d: [m.start() for m in timex.starts.finditer(d.key)]),
        ("timex: trigger, every sentence", lambda d: [TRIGGER.search(d.key, s.start, s.end) for s in d.sentences]),
        ("quantities: numeral starts", quantity_starts),
        ("lcut (jieba.lcut, the reference)", lambda d: jieba.lcut(d.text)),
    ]
    print(f"{len(docs)} texts, {sum(len(d.text) for d in docs)} characters; CPU ms, "
          f"best of {args.repeat} per text, summed")
    print(f"{'scan':<36}{'warm':>8}{'cold':>8}")
    for name, fn in scans:
        print(f"{name:<36}{_best(fn, docs, args.repeat, False):>8.2f}"
              f"{_best(fn, docs, args.repeat, True):>8.2f}")
    print(f"\n{'stage (warm; its candidates)':<36}{'ms':>8}  candidates")
    counts = {
        "gazetteer": f"{sum(len(d.layers['gazetteer']) for d in docs)} matches",
        "quantities": f"{sum(len(list(scan._numerals(d.norm, scan.QUANTITY_START_RE))) for d in docs)} numerals, "
                      f"{sum(len(d.layers['quantities']) for d in docs)} quantities",
        "time_expressions": f"{sum(len(list(timex.starts.finditer(d.key))) for d in docs)}"
                            f" places, {sum(len(d.layers['time_expressions']) for d in docs)} expressions",
        "facts": f"{sum(len(d.layers['facts']) for d in docs)} facts",
    }
    for name, what in counts.items():
        print(f"{name:<36}{_best(stage[name], docs, args.repeat, False):>8.2f}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
