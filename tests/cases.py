"""One runner for every case table (Duckling-style: a rule's examples live as data).

* `case_params(table)`: the cases of a hand-written YAML table as pytest params, each
  with an id (its index and note). A case may carry `known_gap: <reason>`; it then
  runs as a strict xfail, so the gap stays visible and a fix fails the run until
  the flag is removed.
* `ConformanceList(path)`: for a third-party conformance suite, the cases we exclude
  (out of scope, each with a reason: skipped) and our known gaps (strict xfails),
  listed in one YAML file beside the suite.

pyproject sets xfail_strict, so no xfail anywhere can pass unnoticed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from service.yamlfiles import load_yaml

REPO_ROOT = Path(__file__).resolve().parent.parent


def load_table(path: Path) -> list[dict]:
    # libyaml's safe loader (as the service reads its data): the same values as
    # yaml.safe_load, about six times faster on the case tables read at collection.
    return load_yaml(Path(path))


def known_gap(reason: str, listed_in: Path) -> pytest.MarkDecorator:
    where = Path(listed_in).resolve()
    where = where.relative_to(REPO_ROOT) if where.is_relative_to(REPO_ROOT) else where
    return pytest.mark.xfail(
        strict=True, reason=f"known gap (listed in {where}; remove it there once this passes): {reason}")


def case_params(table: Path, *, id_prefix: str = "", cases: list[dict] | None = None) -> list:
    """Each case of `table` (or the given `cases`, read from it) as a pytest param."""
    cases = load_table(table) if cases is None else cases
    params = []
    for i, case in enumerate(cases):
        marks = [known_gap(case["known_gap"], table)] if case.get("known_gap") else []
        params.append(pytest.param(case, id=f"{id_prefix}{i:02d}-{case['note'][:40]}", marks=marks))
    return params


@dataclass(frozen=True)
class Listed:
    reason: str
    excluded: bool


class ConformanceList:
    """Excluded cases and known gaps of a conformance suite, keyed by spec file and case.

    Excluded rows are [file, index, Input, reason name] (the Input is checked against
    the spec, so a moved case cannot be excluded by accident); known gaps are
    {file, input, reason} and apply to every case of that file with that Input.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        data = load_table(self.path)
        self.reasons: dict[str, str] = data["reasons"]
        self.excluded: dict[tuple[str, int], tuple[str, str]] = {}
        for file, index, text, reason in data["excluded"]:
            assert reason in self.reasons, f"{self.path.name}: unknown reason {reason!r}"
            assert (file, index) not in self.excluded, f"{self.path.name}: {file} #{index} twice"
            self.excluded[(file, index)] = (text, reason)
        self.known_gaps: dict[tuple[str, str], str] = {
            (g["file"], g["input"]): g["reason"] for g in data["known_gaps"]}

    def entry(self, file: str, index: int, text: str) -> Listed | None:
        if (file, index) in self.excluded:
            listed_text, name = self.excluded[(file, index)]
            assert listed_text == text, (f"{self.path.name}: {file} #{index} is {text!r}, "
                                         f"listed as {listed_text!r}")
            return Listed(f"out of scope [{name}]: {self.reasons[name]}", excluded=True)
        if (file, text) in self.known_gaps:
            return Listed(self.known_gaps[(file, text)], excluded=False)
        return None

    def marks(self, entry: Listed | None) -> list:
        if entry is None:
            return []
        if entry.excluded:
            return [pytest.mark.skip(reason=entry.reason)]
        return [known_gap(entry.reason, self.path)]

    def problems(self, cases_by_file: dict[str, list[dict]]) -> list[str]:
        """Entries that name no case, or a case both excluded and a known gap."""
        wrong = []
        for (file, index), (text, _) in self.excluded.items():
            cases = cases_by_file.get(file, [])
            if index >= len(cases) or cases[index]["Input"] != text:
                wrong.append(f"excluded {file} #{index} {text!r} is not that case")
            elif (file, text) in self.known_gaps:
                wrong.append(f"{file} {text!r} is both excluded and a known gap")
        for file, text in self.known_gaps:
            if not any(c["Input"] == text for c in cases_by_file.get(file, [])):
                wrong.append(f"known gap {file} {text!r} names no case")
        unused = set(self.reasons) - {reason for _, reason in self.excluded.values()}
        wrong += [f"reason {name!r} excludes no case" for name in sorted(unused)]
        return wrong
