"""The Recognizers-Text DateTime conformance pass rate, per file, after the run."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import timex_tally


def pytest_terminal_summary(terminalreporter):
    if timex_tally.TALLY:
        terminalreporter.section("Recognizers-Text DateTime conformance (Chinese)")
        for line in timex_tally.summary_lines():
            terminalreporter.write_line(line)
