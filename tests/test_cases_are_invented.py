"""The component case tables hold invented text, never a published article's.

The real articles under fixtures/real*/texts/ are third-party text we may not
commit (they are gitignored and rebuilt by script), so no string in
tests/extractors/cases/*.yaml may share a run of RUN or more characters
(whitespace removed) holding at least MIN_HAN Han characters with any of them.
Where no real text is present (CI) the test skips.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
CASES = REPO_ROOT / "tests" / "extractors" / "cases"
RUN = 16
MIN_HAN = 4

_SPACE = re.compile(r"\s+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def _real_texts() -> list[Path]:
    return sorted(REPO_ROOT.glob("fixtures/real*/texts/*.txt"))


@lru_cache(maxsize=1)
def _real_grams() -> frozenset[str]:
    grams: set[str] = set()
    for path in _real_texts():
        text = _squeeze(path.read_text(encoding="utf-8"))
        grams.update(text[i:i + RUN] for i in range(len(text) - RUN + 1))
    return frozenset(grams)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _shared_runs(text: str, grams: frozenset[str]) -> list[str]:
    """The maximal runs of `text` (whitespace removed) made of shared RUN-grams
    that hold at least MIN_HAN Han characters."""
    s = _squeeze(text)
    hits = [i for i in range(len(s) - RUN + 1)
            if s[i:i + RUN] in grams and len(_HAN.findall(s[i:i + RUN])) >= MIN_HAN]
    runs: list[str] = []
    start = end = None
    for i in hits:
        if start is not None and i <= end - RUN + 1:
            end = i + RUN
            continue
        if start is not None:
            runs.append(s[start:end])
        start, end = i, i + RUN
    if start is not None:
        runs.append(s[start:end])
    return runs


@pytest.mark.parametrize("table", sorted(p.name for p in CASES.glob("*.yaml")))
def test_case_strings_share_no_run_with_a_real_text(table):
    if not _real_texts():
        pytest.skip("no real text present (fixtures/real*/texts/ are rebuilt by script)")
    grams = _real_grams()
    cases = yaml.safe_load((CASES / table).read_text(encoding="utf-8")) or []
    found = []
    for index, case in enumerate(cases):
        note = case.get("note", "") if isinstance(case, dict) else ""
        for string in _strings(case):
            for run in _shared_runs(string, grams):
                found.append(f"{table} #{index} ({note}): {run}")
    assert not found, (f"{len(found)} case string(s) share a run of {RUN}+ characters "
                       f"with a real text:\n" + "\n".join(found))
