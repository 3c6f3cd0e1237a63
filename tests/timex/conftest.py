"""The Recognizers-Text DateTime conformance pass rate, per file, after the run."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _path in (str(HERE.parents[1]), str(HERE)):   # the repository (tests.*) and this folder
    if _path not in sys.path:
        sys.path.insert(0, _path)

import timex_tally


def pytest_terminal_summary(terminalreporter):
    if timex_tally.TALLY:
        terminalreporter.section("Recognizers-Text DateTime conformance (Chinese)")
        for line in timex_tally.TALLY.summary_lines():
            terminalreporter.write_line(line)
