"""Microsoft Recognizers-Text Chinese specs as a conformance reference.

Specs: tests/conformance/recognizers-text (MIT, copied unchanged; see its SOURCE.md).
Each case is run on the normalised view of its Input:
  NumberModel.json   -> find_numbers(norm)                       (every numeral)
  PercentModel.json  -> find_quantities(norm), kind "percentage"
  CurrencyModel.json -> find_quantities(norm), kind "money"
  DimensionModel.json -> find_quantities(norm), kind "other" (units of measure)
A case passes when the multiset of (start, end, value[, ISO code]) is equal; their
`End` is inclusive, ours is not; values are compared as numbers (rel. 1e-12).

Comparison rules (how their resolution maps onto ours):
  * percentages "13%" -> 13; our percentage points (个百分点) also count as percent.
  * a currency they leave without an ISO code ("Dollar" for bare $) matches any
    dollar we resolve ($ is USD by our contract); "Bitcoin" is BTC.
  * a dimension's unit name maps onto our unit symbol (Kilogram -> kg, Megahertz -> MHz).

conformance_cases.yaml beside this file lists the cases out of scope for tech news,
each with its reason (skipped with it), and the in-scope cases we fail today (known
gaps: strict xfails, so a fix is noticed; they count as failures in the in-scope
pass rate). The list is read by tests/cases.py, the runner every case table uses.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import conformance_tally
from service.quantities import find_numbers, find_quantities
from tests.cases import ConformanceList
from tests.conformance.recognizers import same_items

SPEC_ROOT = Path(__file__).resolve().parent.parent / "conformance" / "recognizers-text"
NUMBERS = "Number/Chinese/NumberModel.json"
PERCENT = "Number/Chinese/PercentModel.json"
CURRENCY = "NumberWithUnit/Chinese/CurrencyModel.json"
DIMENSION = "NumberWithUnit/Chinese/DimensionModel.json"
FILES = (NUMBERS, PERCENT, CURRENCY, DIMENSION)
LISTED = ConformanceList(Path(__file__).with_name("conformance_cases.yaml"))

THEIR_ISO_FOR_UNIT = {"Bitcoin": "BTC"}
OUR_SYMBOL_FOR_DIMENSION = {
    "Kilogram": "kg", "Gram": "g", "Microgram": "μg", "Ton": "t", "Jin": "jin", "Liang": "liang",
    "Centimeter": "cm", "Meter": "m", "Kilometer": "km", "Mu": "mu",
    "Bit": "bit", "Kilobit": "kbit", "Kilobyte": "KB", "Megabyte": "MB",
    "Hertz": "Hz", "Megahertz": "MHz", "Kilowatt": "kW", "Kilocalorie": "kcal"}
DOLLARS = {"USD", "TWD", "HKD", "AUD", "CAD", "SGD"}


def _load(file: str) -> list[dict]:
    return json.loads((SPEC_ROOT / file).read_text(encoding="utf-8-sig"))


def _their_value(raw):
    return None if raw is None else float(str(raw).rstrip("%"))


def _theirs(file: str, case: dict) -> list[tuple]:
    out = []
    for r in case["Results"]:
        item = (r["Start"], r["End"] + 1, _their_value(r["Resolution"].get("value")))
        if file == CURRENCY:
            res = r["Resolution"]
            item += (res.get("isoCurrency") or THEIR_ISO_FOR_UNIT.get(res.get("unit")),)
        elif file == DIMENSION:
            item += (OUR_SYMBOL_FOR_DIMENSION[r["Resolution"]["unit"]],)
        out.append(item)
    return out


def _ours(file: str, norm: str) -> list[tuple]:
    if file == NUMBERS:
        return [(n.start, n.end, n.value.value) for n in find_numbers(norm)]
    if file == PERCENT:
        return [(q.start, q.end, q.value) for q in find_quantities(norm) if q.kind == "percentage"]
    kind = "money" if file == CURRENCY else "other"
    return [(q.start, q.end, q.value, q.unit) for q in find_quantities(norm) if q.kind == kind]


def _same_item(ours: tuple, theirs: tuple) -> bool:
    if ours[:2] != theirs[:2]:
        return False
    a, b = ours[2], theirs[2]
    if (a is None) != (b is None) or (a is not None and not math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)):
        return False
    if len(theirs) > 3 and theirs[3] != ours[3]:
        return theirs[3] is None and ours[3] in DOLLARS
    return True



def _params():
    for file in FILES:
        short = Path(file).stem
        for i, case in enumerate(_load(file)):
            listed = LISTED.entry(file, i, case["Input"])
            yield pytest.param(file, case, listed is not None and not listed.excluded, id=f"{short}-{i:03d}",
                               marks=LISTED.marks(listed))


conformance_tally.TALLY.excluded = {file: sum(f == file for f, _ in LISTED.excluded) for file in FILES}


@pytest.mark.parametrize("file, case, known_gap", list(_params()))
def test_recognizers_text_case(file, case, known_gap, normalise):
    norm = normalise(case["Input"])
    ours, theirs = _ours(file, norm), _theirs(file, case)
    passed = same_items(ours, theirs, _same_item)
    conformance_tally.TALLY.record(file, known_gap, passed)
    assert passed, f"{case['Input']!r}\n  ours:   {ours}\n  theirs: {theirs}"


def test_the_list_names_real_cases():
    assert not LISTED.problems({file: _load(file) for file in FILES})
