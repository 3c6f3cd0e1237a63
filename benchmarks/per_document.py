"""What whole extraction pays per document, and what its automata cost in the pipeline.

    python -m benchmarks.per_document [--repeat 7]

Three measurements (issue 19: why the fixture corpus sits ~3x the seed's ratio to jieba.lcut):
1. Fixed cost: each component's least CPU time over an empty-ish document ("你好。"),
   that is, what every document pays before it holds anything.
2. Per-document cost: the fixture articles extracted one by one and joined into one
   text (blank lines between), per stage (`profile_stages.measure`, each text's
   best of --repeat). What the 22 documents cost beyond the one text is work done per
   document (headline and lead rules, per-document tables) and caches refilled at the
   start of every document; the rest of the fixtures' ratio is their density (names,
   numbers and codes per character), not their count.
3. Automata: every `ahocorasick_rs` search the pipeline makes over the fixture and
   real-text corpora, timed inside whole extraction (the least of --repeat passes),
   against the same searches repeated on one warm document after another. The
   difference is what the searches pay for caches the other stages evicted (and the
   byte-to-character table `ahocorasick_rs` builds at every call on a str: one machine
   word per UTF-8 byte of the text). Since wave 11 most automata search a document's
   key view in one shared pass (service/nlp/automata.py): inside extraction counts
   that pass at each document's first search and the answers read from it; warm
   replays each search with the automaton's own (unshared) automaton.
CPU time (time.process_time); rules alone unless the `tagger` extra is installed.
"""
from __future__ import annotations

import argparse
import time

import ahocorasick_rs

from service.nlp import automata as shared_automata

from .profile_stages import corpora, measure

CLOCK = time.process_time
EMPTY = "你好。"


def fixed_costs(pipeline, repeat: int) -> dict[str, float]:
    from service.nlp.document import build_document
    best: dict[str, float] = {}
    for _ in range(repeat * 40):
        doc = build_document(EMPTY, pipeline.segmenter)
        for component in pipeline.components:
            started = CLOCK()
            component(doc)
            spent = CLOCK() - started
            best[component.name] = min(best.get(component.name, spent), spent)
    return best


AUTOMATA = (ahocorasick_rs.AhoCorasick, shared_automata.AhoCorasick)


class _TimedAutomaton:
    """An automaton whose searches add their CPU time to a shared tally."""

    def __init__(self, automaton, tally: list) -> None:
        self._automaton, self._tally = automaton, tally

    def find_matches_as_indexes(self, haystack, overlapping=False):
        started = CLOCK()
        found = self._automaton.find_matches_as_indexes(haystack, overlapping=overlapping)
        self._tally[0] += CLOCK() - started
        self._tally[1] += 1
        self._tally[2].append((self._automaton, haystack, overlapping))
        return found

    def __getattr__(self, name):
        return getattr(self._automaton, name)


def _wrap_automata(obj, tally: list, seen: set, depth: int = 0) -> int:
    """Put every automaton reachable from obj's attributes (a few levels) behind a timer."""
    wrapped = 0
    if id(obj) in seen or depth > 4:
        return 0
    seen.add(id(obj))
    attrs = getattr(obj, "__dict__", None)
    if not isinstance(attrs, dict):
        return 0
    for name, value in list(attrs.items()):
        if isinstance(value, AUTOMATA):
            setattr(obj, name, _TimedAutomaton(value, tally))
            wrapped += 1
        elif hasattr(value, "__dict__") and type(value).__module__.startswith("service."):
            wrapped += _wrap_automata(value, tally, seen, depth + 1)
    return wrapped


def automata_in_pipeline(pipeline, texts: list[str], repeat: int) -> tuple[float, float, int, int]:
    """(ms inside extraction, ms warm, searches per pass, automata timed)."""
    import sys
    tally = [0.0, 0, []]
    seen: set = set()
    wrapped = sum(_wrap_automata(c, tally, seen) for c in pipeline.components)
    for module in [m for name, m in sys.modules.items() if name.startswith("service.extractors.")]:
        for name, value in list(vars(module).items()):
            if isinstance(value, AUTOMATA):
                setattr(module, name, _TimedAutomaton(value, tally))
                wrapped += 1
    best, calls, searches = float("inf"), 0, []
    for _ in range(repeat):
        tally[0], tally[1], tally[2] = 0.0, 0, []
        for text in texts:
            pipeline.extract(text)
        if tally[0] < best:
            best, calls, searches = tally[0], tally[1], tally[2]
    warm = float("inf")
    for _ in range(repeat):
        spent = 0.0
        for automaton, haystack, overlapping in searches:
            automaton = getattr(automaton, "_own", automaton)   # a shared one's own automaton
            automaton.find_matches_as_indexes(haystack, overlapping=overlapping)   # warms it
            started = CLOCK()
            automaton.find_matches_as_indexes(haystack, overlapping=overlapping)
            spent += CLOCK() - started
        warm = min(warm, spent)
    return best * 1e3, warm * 1e3, calls, wrapped


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    from service.pipeline import Pipeline
    pipeline = Pipeline()
    found = corpora()

    fixed = fixed_costs(pipeline, args.repeat)
    print(f"## Fixed cost of a document ({EMPTY!r}), µs CPU")
    print(" ".join(f"{k} {v * 1e6:.1f}" for k, v in fixed.items()), f"| total {sum(fixed.values()) * 1e6:.1f}")

    texts = found["fixtures"]
    alone = measure(pipeline, texts, args.repeat, references=False)
    joined = measure(pipeline, ["\n\n".join(texts)], args.repeat, references=False)
    print(f"\n## fixtures: {len(texts)} documents vs one text of them all, ms CPU")
    print(f"{'stage':<18}{'one text':>10}{'documents':>11}{'extra':>9}")
    for name in joined:
        print(f"{name:<18}{joined[name] * 1e3:>10.2f}{alone[name] * 1e3:>11.2f}{(alone[name] - joined[name]) * 1e3:>+9.2f}")
    a, j = sum(alone.values()), sum(joined.values())
    print(f"{'(sum)':<18}{j * 1e3:>10.2f}{a * 1e3:>11.2f}{(a - j) * 1e3:>+9.2f}  ({a / j - 1:+.0%})")

    corpus = found["fixtures"] + found.get("real", [])
    inside, warm, calls, wrapped = automata_in_pipeline(pipeline, corpus, args.repeat)
    print(f"\n## automata over fixtures + real ({len(corpus)} documents): {wrapped} automata, "
          f"{calls} searches a pass")
    print(f"inside extraction {inside:.2f} ms, the same searches warm {warm:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
