"""What the Recognizers-Text conformance suites (numbers and units in
tests/quantities, date and time in tests/timex) share: matching our items
against a case's results as multisets, and the per-file pass-rate tally that
each suite's conftest prints after the run. Which cases a suite excludes or holds
as known gaps is listed in its conformance_cases.yaml (tests/cases.py reads it)."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable


def same_items(ours: list, theirs: list, same_item: Callable[[object, object], bool]) -> bool:
    """Every item of ours matches one of theirs, one to one, in any order."""
    left = list(theirs)
    if len(ours) != len(left):
        return False
    for item in ours:
        match = next((t for t in left if same_item(item, t)), None)
        if match is None:
            return False
        left.remove(match)
    return True


class Tally:
    """Per spec file: in-scope cases and how many pass, known gaps, and the number of
    cases the suite's list excludes (skipped, so never run)."""

    def __init__(self, name_width: int, with_total: bool) -> None:
        self.files: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.excluded: dict[str, int] = {}
        self.name_width = name_width
        self.with_total = with_total

    def __bool__(self) -> bool:
        return bool(self.files)

    def record(self, file: str, known_gap: bool, passed: bool) -> None:
        c = self.files[file]
        c["in_scope"] += 1
        c["passed"] += passed
        c["known_gap"] += known_gap

    def summary_lines(self) -> list[str]:
        lines = [f"{'file':<{self.name_width}}{'in-scope passed':>17}{'rate':>8}{'known gaps':>12}"
                 f"{'excluded':>10}"]
        total: dict[str, int] = defaultdict(int)
        for file in sorted(set(self.files) | set(self.excluded)):
            c = {**self.files[file], "excluded": self.excluded.get(file, 0)}
            for k, v in c.items():
                total[k] += v
            lines.append(self._line(file, c))
        if self.with_total:
            lines.append(self._line("ALL", total))
        return lines

    def _line(self, name: str, c) -> str:
        c = defaultdict(int, c)
        rate = 100 * c["passed"] / c["in_scope"] if c["in_scope"] else 0.0
        return (f"{name:<{self.name_width}}{c['passed']:>8} / {c['in_scope']:<6}{rate:>7.1f}%"
                f"{c['known_gap']:>12}{c['excluded']:>10}")
