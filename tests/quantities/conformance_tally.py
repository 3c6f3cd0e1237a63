"""Per-file tally of the Recognizers-Text conformance cases, printed by conftest."""
from __future__ import annotations

from collections import defaultdict

# file -> counters: in_scope, passed, known_gap, excluded, excluded_passing
TALLY: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))


def record(file: str, excluded: bool, known_gap: bool, passed: bool) -> None:
    counters = TALLY[file]
    if excluded:
        counters["excluded"] += 1
        counters["excluded_passing"] += passed
    else:
        counters["in_scope"] += 1
        counters["passed"] += passed
        counters["known_gap"] += known_gap


def summary_lines() -> list[str]:
    lines = [f"{'file':<42}{'in-scope passed':>17}{'rate':>8}{'known gaps':>12}"
             f"{'excluded':>10}{'(of which pass)':>17}"]
    for file in sorted(TALLY):
        c = TALLY[file]
        rate = 100 * c["passed"] / c["in_scope"] if c["in_scope"] else 0.0
        lines.append(f"{file:<42}{c['passed']:>8} / {c['in_scope']:<6}{rate:>7.1f}%{c['known_gap']:>12}"
                     f"{c['excluded']:>10}{c['excluded_passing']:>17}")
    return lines
