"""The case-table runner (tests/cases.py): a known gap that starts passing fails the
run, an excluded conformance case is skipped with its reason, and a list entry that
names no case is reported."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.cases import REPO_ROOT, ConformanceList

TABLE = """\
- note: fixed since
  value: 1
  known_gap: the rule did not exist
- note: still open
  value: 2
  known_gap: the rule is missing
- note: plain
  value: 3
"""

CONFORMANCE = """\
reasons:
  idiom: an idiom, not a number
excluded:
  - [Numbers.json, 1, "半百", idiom]
known_gaps:
  - {file: Numbers.json, input: "三十", reason: "not read yet"}
"""

TEST = """\
from pathlib import Path
import pytest
from tests.cases import ConformanceList, case_params

HERE = Path(__file__).parent
LISTED = ConformanceList(HERE / "conformance_cases.yaml")
SPEC = {"Numbers.json": [{"Input": "三十", "value": 30}, {"Input": "半百", "value": 50},
                         {"Input": "十", "value": 10}]}

@pytest.mark.parametrize("case", case_params(HERE / "table.yaml"))
def test_table(case):
    assert case["value"] == 1 or case["note"] == "plain"

def _params():
    for i, case in enumerate(SPEC["Numbers.json"]):
        listed = LISTED.entry("Numbers.json", i, case["Input"])
        yield pytest.param(case, id=case["Input"], marks=LISTED.marks(listed))

@pytest.mark.parametrize("case", list(_params()))
def test_conformance(case):
    assert case["value"] in (10, 50)
"""


def test_known_gaps_are_strict_and_exclusions_skip_with_their_reason(tmp_path):
    (tmp_path / "table.yaml").write_text(TABLE, encoding="utf-8")
    (tmp_path / "conformance_cases.yaml").write_text(CONFORMANCE, encoding="utf-8")
    (tmp_path / "test_runner_example.py").write_text(TEST, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rsxX", "-q",
         "--rootdir", str(tmp_path), "-c", "/dev/null", str(tmp_path)],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True, text=True, timeout=120)
    out = run.stdout
    assert "1 failed, 2 passed, 1 skipped, 2 xfailed" in out, out
    # The fixed case fails, and says where to remove its flag.
    assert "test_table[00-fixed since]" in out and "[XPASS(strict)] known gap (listed in " in out
    assert "remove it there once this passes" in out
    assert "SKIPPED [1]" in out and "out of scope [idiom]: an idiom, not a number" in out


def test_a_list_entry_must_name_a_case(tmp_path):
    path = tmp_path / "conformance_cases.yaml"
    path.write_text(CONFORMANCE + "  - {file: Numbers.json, input: \"百\", reason: \"gone\"}\n",
                    encoding="utf-8")
    listed = ConformanceList(path)
    spec = {"Numbers.json": [{"Input": "三十"}, {"Input": "半百"}]}
    assert listed.problems(spec) == ["known gap Numbers.json '百' names no case"]
    moved = {"Numbers.json": [{"Input": "半百"}, {"Input": "三十"}]}
    assert listed.problems(moved) == ["excluded Numbers.json #1 '半百' is not that case",
                                      "known gap Numbers.json '百' names no case"]
