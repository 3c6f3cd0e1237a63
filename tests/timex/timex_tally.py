"""Per-file tally of the Recognizers-Text DateTime conformance cases (printed by conftest)."""
from __future__ import annotations

from collections import defaultdict

# file -> counters: in_scope, passed, known_gap, excluded, excluded_passing
TALLY: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))


def record(file: str, excluded: bool, known_gap: bool, passed: bool) -> None:
    c = TALLY[file]
    if excluded:
        c["excluded"] += 1
        c["excluded_passing"] += passed
    else:
        c["in_scope"] += 1
        c["passed"] += passed
        c["known_gap"] += known_gap


def summary_lines() -> list[str]:
    lines = [(f"{'file':<32}{'in-scope passed':>17}{'rate':>8}{'known gaps':>12}"
              f"{'excluded':>10}{'(of which pass)':>17}")]
    total = defaultdict(int)
    for file in sorted(TALLY):
        c = TALLY[file]
        for k, v in c.items():
            total[k] += v
        lines.append(_line(file, c))
    lines.append(_line("ALL", total))
    return lines


def _line(name: str, c) -> str:
    rate = 100 * c["passed"] / c["in_scope"] if c["in_scope"] else 0.0
    return (f"{name:<32}{c['passed']:>8} / {c['in_scope']:<6}{rate:>7.1f}%{c['known_gap']:>12}"
            f"{c['excluded']:>10}{c['excluded_passing']:>17}")
