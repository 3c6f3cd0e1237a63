"""Shared fixtures for the quantity tests, and the conformance pass-rate summary."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for _path in (str(REPO_ROOT), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import conformance_tally  # noqa: E402
from service.nlp.text import tables  # noqa: E402


@pytest.fixture(scope="session")
def normalise():
    """Production's normalised view (service.nlp.text: t2s per character, full-width
    folded), the one the pipeline builds the Document's `norm` from."""
    return tables().normalise


def pytest_terminal_summary(terminalreporter):
    if conformance_tally.TALLY:
        terminalreporter.section("Recognizers-Text conformance (Chinese)")
        for line in conformance_tally.TALLY.summary_lines():
            terminalreporter.write_line(line)
