"""A number and a unit repeated without punctuation (1年1年…, 1個1個…, 1倍1倍…
and the three mixed), with punctuation (1年，1年，…, 1年。1年。…), and the other
dense number inputs found slowest, whole extraction, beside the seed of the same
length in the same run: CPU time per character and its ratio to the seed's
(issue 13; goal 1x).

Run: python -m pytest benchmarks/test_bench_number_unit.py --benchmark-only -s
(add --benchmark-timer=time.process_time on a shared machine). Nothing timed is
asserted: the ratios are printed at the end. The suite runs each input once
(--benchmark-disable) and checks only that each is read whole.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
CHARS = 4 * len(SEED)     # 21,264 characters: long enough that the fixed cost per document fades
SECONDS_PER_CHAR: dict[str, float] = {}


def _repeat(piece: str) -> str:
    return (piece * (CHARS // len(piece) + 1))[:CHARS]


def _burst() -> str:
    """The most numbers the caps let through: the window's quota of `1年。` at the start
    of every WINDOW_CHARS characters, the rest news prose with its numbers taken out
    (the seed's), so every number is read (service/nlp/density.py)."""
    from service.nlp import density
    from service.nlp.text import tables
    quota = getattr(density, "MAX_NUMBERS_PER_WINDOW", 200)
    width = getattr(density, "WINDOW_CHARS", 2000)
    norm = tables().normalise(SEED)   # numbers as the cap counts them (萬, 兩 and ４ too)
    numbers = {i for m in density.NUMBER.finditer(norm) for i in range(m.start(), m.end())}
    prose = "".join(c for i, c in enumerate(SEED) if i not in numbers)
    period = ("1年。" * quota + prose)[:width]
    return _repeat(period)


def _mixed() -> str:
    r = random.Random(13)
    return "".join(r.choice(("1年", "1個", "1倍")) for _ in range(CHARS // 2 + 1))[:CHARS]


INPUTS = {
    "seed": lambda: _repeat(SEED),      # the reference: news at its ordinary density
    "1年": lambda: _repeat("1年"),
    "1個": lambda: _repeat("1個"),
    "1倍": lambda: _repeat("1倍"),
    "1年1個1倍 mixed": _mixed,
    # with punctuation: commas keep one sentence (read up to service/nlp/density.py's cap),
    # full stops make every number a sentence of its own (no cap applies)
    "1年，": lambda: _repeat("1年，"),
    "1個，": lambda: _repeat("1個，"),
    "1年。": lambda: _repeat("1年。"),
    "3GB": lambda: _repeat("3GB"),
    "3GB，": lambda: _repeat("3GB，"),
    # the other dense number inputs found slowest (issue 13): dates and clock times
    # (each a time expression), units, Chinese numerals, digits alone
    "1日": lambda: _repeat("1日"),
    "1點": lambda: _repeat("1點"),
    "1月1日": lambda: _repeat("1月1日"),
    "1年1月": lambda: _repeat("1年1月"),
    "12年": lambda: _repeat("12年"),
    "1元": lambda: _repeat("1元"),
    "10萬元": lambda: _repeat("10萬元"),
    "1%": lambda: _repeat("1%"),
    "一年": lambda: _repeat("一年"),
    "第1": lambda: _repeat("第1"),
    "1/1": lambda: _repeat("1/1"),
    "1 (digit, space)": lambda: _repeat("1 "),
    "1111 (digits)": lambda: _repeat("1"),
    # a run of Chinese numerals: every character a numeral of its own (十十十) or a run of them
    "十十": lambda: _repeat("十"),
    "一二三四五": lambda: _repeat("一二三四五"),
    # a few units of time (a vague number the quantities read as a duration of 1 to 10)
    "幾年。": lambda: _repeat("幾年。"),
    "數周，": lambda: _repeat("數周，"),
    # the worst the caps allow: every number read, as densely as the window cap lets through
    "burst at the cap": _burst,
}


@pytest.fixture(scope="module")
def pipeline():
    from service.pipeline import get_pipeline
    p = get_pipeline()
    p.extract(SEED)   # the first extraction's one-off costs are no input's
    return p


def _timed(cpu: list[float], f, *args):
    started = time.process_time()
    try:
        return f(*args)
    finally:
        cpu.append(time.process_time() - started)


@pytest.mark.benchmark(group="number-unit")
@pytest.mark.parametrize("kind", INPUTS)
def test_number_unit_per_char(benchmark, pipeline, kind):
    text = INPUTS[kind]()
    cpu: list[float] = []   # CPU time: other processes' load on a shared machine does not count
    result = benchmark.pedantic(lambda: _timed(cpu, pipeline.extract, text), rounds=3, iterations=1, warmup_rounds=1)
    assert result["document"]["chars"] == len(text)
    if kind == "burst at the cap":   # every number read: the worst the caps allow
        assert not any("denser in numbers" in w for w in result["warnings"])
    SECONDS_PER_CHAR[kind] = min(cpu) / len(text)   # reported by teardown_module, never asserted


def teardown_module(module):
    seed = SECONDS_PER_CHAR.get("seed")
    if not seed:
        return
    print(f"\nwhole extraction, {CHARS:,} characters: microseconds of CPU time per character, "
          "and the ratio to the seed's")
    for kind, spc in SECONDS_PER_CHAR.items():
        print(f"  {kind:18s} {spc * 1e6:7.2f}  {spc / seed:6.2f}x")
