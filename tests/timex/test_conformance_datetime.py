"""Microsoft Recognizers-Text Chinese DateTime specs as a conformance reference.

Specs: tests/conformance/recognizers-datetime (MIT, see its SOURCE.md), copied into
the repository so this runs on a clean clone. Every case runs through the public
API (service.extract) with the case's Context.ReferenceDateTime (its date) as
reference_date, and passes when the multiset of expressions is equal:

  * extractor files: (start, end) of every expression;
  * parser files and DateTimeModel.json: (start, end, TIMEX3) of every expression.

Comparison rules (how their TIMEX maps onto ours):
  * Our `timex` says what the text alone says; where the text leaves a field to the
    reference date (明天 -> XXXX-XX-XX, 下个月 -> XXXX-XX), they write the resolved value.
    So ours also matches when its X's, filled from our own resolved value/start/end,
    give theirs (a relative week XXXX-WXX fills to the ISO week of our start).
  * A quarter: ours 2017-Q1, theirs (2017-01-01,2017-04-01,P3M): the same period.
  * The holiday specs ask for holidays only (明天元旦去哪里 -> 元旦): our relative
    days (明天) are left out there, as the number conformance keeps to one kind per file.
  * Their `End` is inclusive (model) or Start+Length (the others); ours is exclusive.

conformance_cases.yaml beside this file lists the cases out of scope for tech news
(and those Recognizers-Text marks NotSupported for Python), each with its reason
(skipped with it), and the in-scope cases we fail today (known gaps: strict xfails,
so a fix is noticed; they count as failures in the rate). The in-scope pass rate has
a floor (FLOOR). The list is read by tests/cases.py, the runner every case table uses.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import timex_tally

from service import extract
from tests.cases import ConformanceList
from tests.conformance.recognizers import same_items

SPEC_ROOT = Path(__file__).resolve().parents[1] / "conformance" / "recognizers-datetime" / "DateTime" / "Chinese"
FILES = tuple(sorted(p.name for p in SPEC_ROOT.glob("*.json")))
FLOOR = 0.90
LISTED = ConformanceList(Path(__file__).with_name("conformance_cases.yaml"))


def _load(file: str) -> list[dict]:
    return json.loads((SPEC_ROOT / file).read_text(encoding="utf-8-sig"))


def _span(r: dict) -> tuple[int, int]:
    if "End" in r:
        return r["Start"], r["End"] + 1
    return r["Start"], r["Start"] + r["Length"]


def _their_timex(r: dict) -> str | None:
    if "Value" in r:
        return (r["Value"] or {}).get("Timex")
    values = (r.get("Resolution") or {}).get("values") or []
    return values[0].get("timex") if values else None


def _theirs(file: str, case: dict) -> list[tuple]:
    with_timex = "Extractor" not in file
    return [(*_span(r), _their_timex(r)) if with_timex else _span(r) for r in case["Results"]]


QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def _canonical(timex: str) -> str:
    m = QUARTER.match(timex)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        start = dt.date(y, 3 * q - 2, 1)
        end = dt.date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
        return f"({start.isoformat()},{end.isoformat()},P3M)"
    return timex


def _fill(timex: str, resolved: str | None) -> str | None:
    """Our timex with its X's taken from our resolved value (same layout)."""
    if resolved is None:
        return None
    if timex.startswith("XXXX-WXX") and not timex.startswith("XXXX-WXX-") or timex == "XXXX-WXX-WE":
        iso = dt.date.fromisoformat(resolved[:10]).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + timex[8:]
    out = []
    for i, ch in enumerate(timex):
        if ch == "X":
            if i >= len(resolved) or not resolved[i].isdigit():
                return None
            out.append(resolved[i])
        else:
            out.append(ch)
    return "".join(out)


def _filled(item: dict) -> str | None:
    timex = item["timex"]
    if "X" not in timex:
        return None
    if timex.startswith("(") and item["start"] and item["end"]:
        a, b, dur = timex[1:-1].split(",")
        # Our `end` is the last day covered. Their end is exclusive where they
        # compute the period (a unit of years, months or weeks; an anchored span,
        # whose end the text does not write) and as written where the text writes it.
        end = item["end"]
        if len(end) == 10 and (not any(c.isdigit() for c in b) or dur[-1] in "YMW" and "T" not in dur):
            end = (dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat()
        fa, fb = _fill(a, item["start"]), _fill(b, end)
        return f"({fa},{fb},{dur})" if fa and fb else None
    return _fill(timex, item["value"] or item["start"])


def _ours(file: str, result: dict) -> list[tuple]:
    out = []
    for t in result["time_expressions"]:
        if file.startswith("Holiday") and t["timex"] == "XXXX-XX-XX":
            continue   # the holiday specs ask for holidays: 明天 in 明天元旦 is not one
        span = (t["span"]["start"], t["span"]["end"])
        out.append((*span, t) if "Extractor" not in file else span)
    return out


def _same_item(ours: tuple, theirs: tuple) -> bool:
    if ours[:2] != theirs[:2]:
        return False
    if len(theirs) == 2:
        return True
    item, want = ours[2], theirs[2]
    if want is None:
        return True
    want = _canonical(want)
    filled = _filled(item)
    return _canonical(item["timex"]) == want or (filled is not None and _canonical(filled) == want)



def _reference(case: dict) -> str | None:
    ref = (case.get("Context") or {}).get("ReferenceDateTime")
    return ref[:10] if ref else None


def _params():
    for file in FILES:
        for i, case in enumerate(_load(file)):
            listed = LISTED.entry(file, i, case["Input"])
            yield pytest.param(file, case, listed is not None and listed.excluded,
                               listed is not None and not listed.excluded,
                               id=f"{Path(file).stem}-{i:03d}", marks=LISTED.marks(listed))


PARAMS = list(_params())
timex_tally.TALLY.excluded = {file: sum(f == file for f, _ in LISTED.excluded) for file in FILES}


@pytest.mark.parametrize("file, case, excluded, known_gap", PARAMS)
def test_recognizers_datetime_case(file, case, excluded, known_gap):
    result = extract(case["Input"], reference_date=_reference(case))
    ours, theirs = _ours(file, result), _theirs(file, case)
    passed = same_items(ours, theirs, _same_item)
    timex_tally.TALLY.record(file, known_gap, passed)
    shown = [(o[0], o[1], o[2]["text"], o[2]["timex"], _filled(o[2])) if len(o) > 2 else o for o in ours]
    assert passed, f"{case['Input']!r}\n  ours:   {shown}\n  theirs: {theirs}"


def test_the_list_names_real_cases():
    assert not LISTED.problems({file: _load(file) for file in FILES})


def test_in_scope_pass_rate_stays_above_the_floor():
    """Known gaps are the in-scope failures: the rate is 1 - gaps / in scope."""
    in_scope = [p for p in PARAMS if not p.values[2]]
    gaps = [p for p in in_scope if p.values[3]]
    assert len(in_scope) >= 300, len(in_scope)
    rate = 1 - len(gaps) / len(in_scope)
    assert rate >= FLOOR, f"{rate:.1%} of {len(in_scope)} in-scope cases (floor {FLOOR:.0%})"
    assert Counter(p.values[0] for p in in_scope)  # every file contributes
