"""Work counted, not timed: how many calls a piece of code makes, by function.

The project's rule for speed: tests never assert wall-clock or CPU times (a shared
machine makes them flaky, and a generous bound catches little); benchmarks/ times
things, as ratios against a reference measured in the same run. What a test can
assert is work that grows with the input: the calls counted by the profiler the
standard library ships (cProfile: every Python function and every built-in or
method call, `str.find` or a pattern's `search`, once each). The count is the same
on a busy machine and an idle one, so the bound can be tight: a loop over every
mention of every name at each name shows as one function called 16 times as often
for 4 times the text, whatever the load.

    counts = calls(lambda: pipeline.extract(text))   # {"module.py:12(name)": calls}
    assert_linear(lambda text: pipeline.extract(text), make, 10_000, 40_000)

What it cannot see: the steps inside one built-in call (one `str.find` over the whole
text counts as one call). benchmarks/ times those (test_bench_growth.py).
"""
from __future__ import annotations

import cProfile
import gc
import pstats
from collections.abc import Callable
from pathlib import Path

# A function with less than this share of the calls at the larger size is not judged
# one by one (a table built, a rule a bigger text reaches a few more times): only a
# real part of the work is a trend.
MIN_SHARE = 0.002
# Calls in all may grow this much faster than the text, one function's calls SLACK
# times (the counts do not vary with load, so the bounds are tight); a quadratic step
# grows as fast again as the text.
TOTAL_SLACK = 1.15
SLACK = 1.5


def calls(run: Callable[[], object]) -> dict[str, int]:
    """Calls made while run() runs, by function ("file.py:line(name)" or a built-in's
    name), as cProfile counts them."""
    # Garbage left by earlier work (a compiled pattern's parse tree, whose nodes have
    # __del__) is collected now, not by a collection the counted run happens to trigger.
    gc.collect()
    profile = cProfile.Profile()
    profile.enable()
    try:
        run()
    finally:
        profile.disable()
    counted: dict[str, int] = {}
    for (path, line, name), (_, ncalls, *_rest) in pstats.Stats(profile).stats.items():
        where = f"{Path(path).name}:{line}({name})" if line else name
        counted[where] = counted.get(where, 0) + ncalls
    return counted


def growth(run: Callable, small: str, large: str,
           prepare: Callable = lambda text: text) -> tuple[float, list[tuple[float, str]]]:
    """(calls on large / calls on small, [(growth, function)] worst first), after one
    run of each so that caches filled on first use count for neither. run is given
    prepare(text), made before the counting starts (a stage's document)."""
    run(prepare(small))
    run(prepare(large))
    few_input, many_input = prepare(small), prepare(large)
    few, many = calls(lambda: run(few_input)), calls(lambda: run(many_input))
    total = sum(many.values()) / max(sum(few.values()), 1)
    floor = MIN_SHARE * sum(many.values())
    each = sorted(((n / max(few.get(f, 0), 1), f) for f, n in many.items() if n >= floor), reverse=True)
    return total, each


def assert_linear(run: Callable, make: Callable[[int], str], small: int, large: int,
                  slack: float = SLACK, prepare: Callable = lambda text: text) -> None:
    """run(make(large)) calls no function more than slack times as often per character
    as run(make(small)) does, nor makes more calls in all."""
    small_text, large_text = make(small), make(large)
    times = len(large_text) / len(small_text)
    total, each = growth(run, small_text, large_text, prepare)
    assert total <= times * TOTAL_SLACK, f"{times:.0f}x the text made {total:.1f}x the calls"
    worst = [f"{f}: {g:.1f}x" for g, f in each if g > times * slack]
    assert not worst, f"{times:.0f}x the text, calls per function grew: " + ", ".join(worst[:5])
