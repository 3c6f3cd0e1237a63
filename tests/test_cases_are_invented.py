"""The case tables in tests/extractors/cases/ hold invented text only.

Real articles (fixtures/real*/texts/*.txt) are third-party text that the
repository may not carry; they are gitignored and rebuilt by script.  A case
string sharing a run of 16 or more characters (whitespace removed, at least 4
of them Han) with one of them was copied from it and must be rewritten.
Skips when no real text is present (CI has none).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from service.yamlfiles import load_yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "extractors" / "cases"
RUN = 16
MIN_HAN = 4

_SPACE = re.compile(r"\s+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def _real_grams() -> set[str]:
    grams: set[str] = set()
    for path in sorted(ROOT.glob("fixtures/real*/texts/*.txt")):
        text = _squeeze(path.read_text(encoding="utf-8"))
        grams.update(text[i:i + RUN] for i in range(len(text) - RUN + 1))
    return grams


def _strings(node, note: str | None = None):
    """(note, string) for every string in a case tree; note = the case's note."""
    if isinstance(node, dict):
        note = node.get("note", note) if isinstance(node.get("note"), str) else note
        for value in node.values():
            yield from _strings(value, note)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, note)
    elif isinstance(node, str):
        yield note, node


def _shared_runs(text: str, grams: set[str]) -> list[str]:
    """Maximal runs of `text` (whitespace removed) made of 16-grams found in `grams`."""
    s = _squeeze(text)
    hits = [i for i in range(len(s) - RUN + 1) if s[i:i + RUN] in grams]
    runs: list[str] = []
    start = end = None
    for i in hits:
        if start is not None and i <= end - RUN + 1:   # overlaps or touches the current run
            end = i + RUN
            continue
        if start is not None:
            runs.append(s[start:end])
        start, end = i, i + RUN
    if start is not None:
        runs.append(s[start:end])
    return [r for r in runs if len(_HAN.findall(r)) >= MIN_HAN]


def offending(grams: set[str], files=None) -> list[str]:
    found = []
    for path in sorted(files or CASES.glob("*.yaml")):
        tree = load_yaml(path)
        seen = set()
        for note, string in _strings(tree):
            for run in _shared_runs(string, grams):
                if (note, run) in seen:
                    continue
                seen.add((note, run))
                found.append(f"{path.name}: [{note}] {run}")
    return found


def test_case_texts_share_no_run_with_a_real_article():
    grams = _real_grams()
    if not grams:
        pytest.skip("no real article text present (fixtures/real*/texts are rebuilt by script)")
    found = offending(grams)
    assert not found, f"{len(found)} case strings copy a real article:\n" + "\n".join(found)


if __name__ == "__main__":   # python tests/test_cases_are_invented.py [case files...]
    import sys
    hits = offending(_real_grams(), [Path(a) for a in sys.argv[1:]] or None)
    print("\n".join(hits))
    print(len(hits), "offending")
