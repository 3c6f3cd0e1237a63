"""The fixture regression check: extract each fixture's text, compare with its
expected Result, and name every difference.

    python -m service.check [DIR] [--url URL] [--seeds DIR] [--update] [--verbose]

`DIR/NAME.json` is the expected Result for `DIR/NAME.txt` (or, for the golden
fixtures, `seeds/NAME.txt`). A fixture claims only the sections present as its
keys; `confidence` and keys starting with `_` are never claimed. With `--url`
the texts are posted to a running service (your deployment); without it the
pipeline runs in-process. `--update` rewrites the claimed sections of every
fixture that differs with what the service now returns, and prints what
changed: only when asked, never by default. Exit 0 when everything matches,
1 when something differs, 2 on a usage error.
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
    updated: bool = False     # --update rewrote it

    @property
    def ok(self) -> bool:
        return self.error is None and all(s.ok for s in self.sections)


def _strip_unclaimed(node):
    if isinstance(node, dict):
        return {k: _strip_unclaimed(v) for k, v in node.items()
                if k not in UNCLAIMED and not k.startswith("_")}
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
        # keys the fixture leaves out are not claimed (golden facts omit subject and entity)
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


def _text_path(golden: Path, seeds_dir: Path) -> Path:
    beside = golden.with_suffix(".txt")
    return beside if beside.exists() else seeds_dir / f"{golden.stem}.txt"


def check_fixture(golden: Path, seeds_dir: Path, extract, update: bool = False) -> FixtureReport:
    report = FixtureReport(golden.stem)
    seed = _text_path(golden, seeds_dir)
    try:
        expected = json.loads(golden.read_text(encoding="utf-8"))
        text = seed.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        report.error = f"cannot read the fixture or its seed: {exc}"
        return report
    if not isinstance(expected, dict):
        report.error = "the fixture is not a JSON object"
        return report
    try:
        result = extract(text, expected.get("_reference_date"))
    except Exception as exc:  # a service that refuses or fails: report it, go on
        report.error = f"extraction failed: {exc}"
        return report
    changed = False
    for section, want in expected.items():
        if section.startswith("_"):
            continue
        if section not in result:
            report.sections.append(SectionReport(section, [f"{section}: not in the Result"]))
            continue
        got = _strip_unclaimed(result[section])
        differences = diff(_strip_unclaimed(want), got, section)
        report.sections.append(SectionReport(section, differences))
        if update and differences:
            expected[section] = got
            changed = True
    if changed:
        golden.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        report.updated = True
    return report


def in_process_extract(text: str, reference_date: str | None = None) -> dict:
    from service.extraction import extract  # the Result exactly as the HTTP API sends it
    return extract(text, reference_date=reference_date)


def http_extract(url: str, timeout: float = 60.0):
    """An extract function that posts to a running service's /v1/extract."""
    import urllib.error
    import urllib.request

    endpoint = url.rstrip("/") + "/v1/extract"

    def extract(text: str, reference_date: str | None = None) -> dict:
        body = {"text": text}
        if reference_date:
            body["reference_date"] = reference_date
        request = urllib.request.Request(
            endpoint, data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"{endpoint} answered {exc.code}: {exc.read()[:200]!r}") from None
    return extract


def run_check(golden_dir: Path = GOLDEN_DIR, seeds_dir: Path = SEEDS_DIR,
              extract=None, update: bool = False) -> list[FixtureReport]:
    extract = extract or in_process_extract
    return [check_fixture(g, seeds_dir, extract, update)
            for g in sorted(golden_dir.glob("*.json"))]


def format_report(reports: list[FixtureReport], verbose: bool = False) -> str:
    lines = []
    for r in reports:
        if r.error:
            lines.append(f"ERROR {r.name}: {r.error}")
            continue
        status = "ok  " if r.ok else ("UPD " if r.updated else "FAIL")
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


def main(argv: list[str] | None = None) -> int:
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m service.check", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", nargs="?", type=Path, default=GOLDEN_DIR,
                        help="fixtures: NAME.json beside NAME.txt (default: fixtures/golden)")
    parser.add_argument("--url", help="a running service, e.g. http://127.0.0.1:8000")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR,
                        help="where texts without a NAME.txt beside them live (default: seeds)")
    parser.add_argument("--update", action="store_true",
                        help="rewrite the claimed sections that differ with what the service returns")
    parser.add_argument("--verbose", action="store_true", help="show every difference")
    args = parser.parse_args(argv)
    if not sorted(args.directory.glob("*.json")):
        print(f"no fixtures (*.json) in {args.directory}", file=sys.stderr)
        return 2
    extract = http_extract(args.url) if args.url else None
    reports = run_check(args.directory, args.seeds, extract, update=args.update)
    print(format_report(reports, verbose=args.verbose))
    if args.update:
        for r in reports:
            if r.updated:
                print(f"updated {r.name}: " + ", ".join(s.name for s in r.sections if not s.ok))
    if any(r.error for r in reports):
        return 2
    return 0 if all(r.ok for r in reports) or args.update else 1


if __name__ == "__main__":
    raise SystemExit(main())
