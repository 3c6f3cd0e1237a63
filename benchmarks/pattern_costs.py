"""What each pattern that scans a whole document costs, warm, over the corpora.

    python -m benchmarks.pattern_costs [--top N] [--all-calls]

Every compiled pattern (`re` or `regex`) the pipeline holds, in a module of `service`
or on a component (to a depth of four attributes), is wrapped for one pass over the
fixture and real-text corpora, recording each pattern that some stage runs over a
document's whole view (`finditer`, `findall`, `search`, `sub`, `split` from its
start to its end) and the views it ran over. Each such pattern is then timed alone,
unwrapped, over those views (least of 5 rounds, CPU), and listed by its cost per
corpora pass with its nanoseconds per character.

A scan costs a few ns a character when `re` can skip to the characters its pattern
starts with (a literal or a class first); a pattern that opens with an optional
group, a look-behind or an alternation of classes is tried at every character
(~50-200 ns each). Such a pattern over the whole text is the cheapest cut there is:
the same matches from a pattern that opens with a class of its first characters
(benchmarks/PROFILE.md, wave 12). --all-calls lists every pattern's calls of any
kind inside extraction instead (wrapped, so each call's figure holds ~1 µs of the
wrapper's own cost), by their total time.
The time expressions' and quantities' patterns, keyed by identity, are left alone.
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
import time
import timeit
import types

import regex

PATTERNS = (re.Pattern, regex.Pattern)
SCANS = ("finditer", "findall", "search", "sub", "subn", "split")
LEFT_ALONE = ("service.quantities", "service.timex")


class _Recorder:
    """A pattern's stand-in: forwards every attribute, records whole-view scans."""
    __slots__ = ("_pattern", "_name", "_log", "_calls")

    def __init__(self, pattern, name, log, calls) -> None:
        self._pattern, self._name, self._log, self._calls = pattern, name, log, calls

    def __getattr__(self, attr):
        value = getattr(self._pattern, attr)
        if not callable(value) or attr in ("pattern", "flags", "groups", "groupindex"):
            return value

        def call(*args, **kwargs):
            started = time.process_time()
            out = value(*args, **kwargs)
            if attr == "finditer":
                out = iter(list(out))
            entry = self._calls[(self._name, attr)]
            entry[0] += time.process_time() - started
            entry[1] += 1
            text = args[0] if args and isinstance(args[0], str) else None
            if attr in ("sub", "subn"):
                text = args[1] if len(args) > 1 and isinstance(args[1], str) else None
            bounded = len(args) > (2 if attr in ("sub", "subn") else 1) or "pos" in kwargs
            if attr in SCANS and text is not None and not bounded and len(text) > 64:
                self._log[self._name, attr].append(text)
            return out
        return call

    def __hash__(self):
        return hash(self._pattern)

    def __eq__(self, other):
        return self._pattern == getattr(other, "_pattern", other)


def _wrap_all(pipeline, log, calls) -> None:
    made: dict[int, _Recorder] = {}

    def wrapped(pattern, name):
        if id(pattern) not in made:
            made[id(pattern)] = _Recorder(pattern, name, log, calls)
        return made[id(pattern)]

    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("service") and not module_name.startswith(LEFT_ALONE):
            for key, value in list(vars(module).items()):
                if isinstance(value, PATTERNS):
                    setattr(module, key, wrapped(value, f"{module_name.removeprefix('service.')}.{key}"))
    seen: set[int] = set()

    def visit(obj, name, depth):
        if depth == 0 or id(obj) in seen or isinstance(obj, (type, types.ModuleType)):
            return
        seen.add(id(obj))
        attrs = getattr(obj, "__dict__", None)
        if not isinstance(attrs, dict):
            return
        for key, value in list(attrs.items()):
            if isinstance(value, PATTERNS):
                try:
                    setattr(obj, key, wrapped(value, f"{name}.{key}"))
                except (AttributeError, TypeError):
                    pass
            elif type(value).__module__.startswith("service"):
                visit(value, f"{name}.{key}", depth - 1)

    for component in pipeline.components:
        if not type(component).__module__.startswith(LEFT_ALONE):
            visit(component, component.name, 4)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--all-calls", action="store_true")
    args = ap.parse_args(argv)
    from benchmarks.profile_stages import corpora
    from service.pipeline import get_pipeline
    pipeline = get_pipeline()
    found = corpora()
    texts = found.get("fixtures", []) + found.get("real", [])
    for text in texts:   # first calls build lazily made tables: not the patterns' cost
        pipeline.extract(text)
    originals = {}
    log: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    calls: dict[tuple[str, str], list] = collections.defaultdict(lambda: [0.0, 0])
    # the patterns themselves, before wrapping, to time them alone
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("service"):
            for key, value in vars(module).items():
                if isinstance(value, PATTERNS):
                    originals[f"{module_name.removeprefix('service.')}.{key}"] = value
    _wrap_all(pipeline, log, calls)
    for text in texts:
        pipeline.extract(text)
    if args.all_calls:
        total = sum(t for t, _ in calls.values())
        print(f"{len(texts)} texts; every pattern call inside extraction: {total * 1e3:.1f} ms (wrapped)")
        for (name, attr), (secs, n) in sorted(calls.items(), key=lambda kv: -kv[1][0])[:args.top]:
            print(f"{secs * 1e3:8.2f} ms {n:6d} calls  {attr:9s} {name}")
        return 0
    rows = []
    for (name, attr), views in log.items():
        pattern = originals.get(name)
        if pattern is None:   # on a component: find it by name again
            obj = {c.name: c for c in pipeline.components}.get(name.split(".")[0])
            for part in name.split(".")[1:]:
                obj = getattr(obj, part, None)
            pattern = getattr(obj, "_pattern", obj)
        if not isinstance(pattern, PATTERNS):
            continue
        method = getattr(pattern, attr)
        run = ((lambda: [list(method(v)) for v in views]) if attr == "finditer" else
               (lambda: [method("", v) for v in views]) if attr in ("sub", "subn") else
               (lambda: [method(v) for v in views]))
        secs = min(timeit.repeat(run, number=1, repeat=5))
        chars = sum(map(len, views))
        rows.append((secs, secs / chars * 1e9, len(views), attr, name, type(pattern).__module__))
    rows.sort(reverse=True)
    print(f"{len(texts)} texts; whole-view scans, each pattern alone and warm, CPU, least of 5:")
    print(f"{'ms/pass':>8} {'ns/char':>8} {'views':>6}  call      engine  pattern")
    for secs, per_char, n, attr, name, engine in rows[:args.top]:
        print(f"{secs * 1e3:8.3f} {per_char:8.1f} {n:6d}  {attr:9s} {engine:7s} {name}")
    print(f"{'':>8} all {len(rows)} scans: {sum(r[0] for r in rows) * 1e3:.2f} ms a pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
