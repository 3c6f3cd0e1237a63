"""The fixture regression check: extract each seed, compare with its golden Result.

`fixtures/golden/NAME.json` is the expected Result for `seeds/NAME.txt`. A fixture
claims only the sections present as its keys, and `confidence` is never claimed
(it is measured, not written). This is the comparison `tests/test_golden.py` makes,
turned into a report that names every difference.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = REPO_ROOT / "fixtures" / "golden"
SEEDS_DIR = REPO_ROOT / "seeds"
UNCLAIMED = {"confidence"}
MAX_SHOWN = 80  # characters of a value shown in a difference


@dataclass
class SectionReport:
    name: str
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


@dataclass
class FixtureReport:
    name: str
    sections: list[SectionReport] = field(default_factory=list)
    error: str | None = None  # the fixture could not be checked at all

    @property
    def ok(self) -> bool:
        return self.error is None and all(s.ok for s in self.sections)


def _strip_unclaimed(node):
    if isinstance(node, dict):
        return {k: _strip_unclaimed(v) for k, v in node.items() if k not in UNCLAIMED}
    if isinstance(node, list):
        return [_strip_unclaimed(v) for v in node]
    return node


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def _span_key(item) -> str | None:
    if isinstance(item, dict) and set(item) == {"start", "end", "text"}:
        return f"{item['start']}-{item['end']} {item['text']}"
    return None


def diff(expected, got, path: str) -> list[str]:
    """Human-readable differences between two JSON values, each naming its path."""
    if isinstance(expected, dict) and isinstance(got, dict):
        out = []
        for key in expected:
            if key not in got:
                out.append(f"{path}.{key}: missing (expected {_show(expected[key])})")
            else:
                out += diff(expected[key], got[key], f"{path}.{key}")
        out += [f"{path}.{key}: unexpected {_show(got[key])}" for key in got if key not in expected]
        return out
    if isinstance(expected, list) and isinstance(got, list):
        return _diff_list(expected, got, path)
    if expected != got or type(expected) is not type(got):
        return [f"{path}: expected {_show(expected)}, got {_show(got)}"]
    return []


def _diff_list(expected: list, got: list, path: str) -> list[str]:
    if expected == got:
        return []
    ids = [x.get("id") if isinstance(x, dict) else None for x in expected + got]
    if ids and all(isinstance(i, str) for i in ids):
        return _diff_by_key(expected, got, path, lambda x: x["id"])
    spans = [_span_key(x) for x in expected + got]
    if spans and all(spans):
        return _diff_by_key(expected, got, path, _span_key)
    if all(not isinstance(x, (dict, list)) for x in expected + got):
        missing = [x for x in expected if x not in got]
        extra = [x for x in got if x not in expected]
        out = []
        if missing:
            out.append(f"{path}: missing {_show(missing)}")
        if extra:
            out.append(f"{path}: unexpected {_show(extra)}")
        if not out:
            out.append(f"{path}: expected order {_show(expected)}, got {_show(got)}")
        return out
    out = []
    for i, (e, g) in enumerate(zip(expected, got)):
        out += diff(e, g, f"{path}[{i}]")
    if len(expected) != len(got):
        out.append(f"{path}: expected {len(expected)} items, got {len(got)}")
    return out


def _diff_by_key(expected: list, got: list, path: str, key) -> list[str]:
    want = {key(x): x for x in expected}
    have = {key(x): x for x in got}
    out = [f"{path}: missing {k}" for k in want if k not in have]
    out += [f"{path}: unexpected {k}" for k in have if k not in want]
    for k in want:
        if k in have:
            out += diff(want[k], have[k], f"{path}[{k}]")
    common_want = [k for k in want if k in have]
    common_have = [k for k in have if k in want]
    if not out and common_want != common_have:
        out.append(f"{path}: expected order {', '.join(common_want)}; "
                   f"got {', '.join(common_have)}")
    return out


def check_fixture(golden: Path, seeds_dir: Path, extract) -> FixtureReport:
    report = FixtureReport(golden.stem)
    seed = seeds_dir / f"{golden.stem}.txt"
    try:
        expected = json.loads(golden.read_text(encoding="utf-8"))
        text = seed.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        report.error = f"cannot read the fixture or its seed: {exc}"
        return report
    if not isinstance(expected, dict):
        report.error = "the fixture is not a JSON object"
        return report
    result = extract(text)
    for section, want in expected.items():
        if section not in result:
            report.sections.append(SectionReport(section, [f"{section}: not in the Result"]))
            continue
        differences = diff(_strip_unclaimed(want), _strip_unclaimed(result[section]), section)
        report.sections.append(SectionReport(section, differences))
    return report


def run_check(golden_dir: Path = GOLDEN_DIR, seeds_dir: Path = SEEDS_DIR,
              extract=None) -> list[FixtureReport]:
    if extract is None:
        from service import extract  # the Result exactly as the HTTP API sends it
    return [check_fixture(g, seeds_dir, extract) for g in sorted(golden_dir.glob("*.json"))]


def format_report(reports: list[FixtureReport], verbose: bool = False) -> str:
    lines = []
    for r in reports:
        if r.error:
            lines.append(f"ERROR {r.name}: {r.error}")
            continue
        status = "ok  " if r.ok else "FAIL"
        summary = "  ".join(f"{s.name} {'ok' if s.ok else f'{len(s.differences)} diff'}"
                            for s in r.sections)
        lines.append(f"{status} {r.name}  {summary}")
        for s in r.sections:
            shown = s.differences if verbose else s.differences[:20]
            lines += [f"       {d}" for d in shown]
            if len(shown) < len(s.differences):
                lines.append(f"       … {len(s.differences) - len(shown)} more in {s.name} "
                             "(--verbose shows all)")
    sections = [s for r in reports for s in r.sections]
    failed = [r for r in reports if not r.ok]
    lines.append(f"{len(reports) - len(failed)} of {len(reports)} fixtures match; "
                 f"{sum(s.ok for s in sections)} of {len(sections)} claimed sections match.")
    return "\n".join(lines)
