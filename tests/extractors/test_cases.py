"""Runs the hand-written case tables in tests/extractors/cases/ through the
whole pipeline (Duckling-style: the rules' examples live as data).

A case may carry `known_gap: <reason>`: it then runs as a strict xfail, so the
gap stays visible and fixing it forces the flag's removal (tests/cases.py).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from service.nlp.text import tables
from service.pipeline import get_pipeline
from tests.cases import case_params

CASES = Path(__file__).parent / "cases"


def _load(name: str):
    return case_params(CASES / name)


def _key(s: str) -> str:
    return tables().key(s).strip()


def _extract(case: dict) -> dict:
    ref = case.get("reference_date")
    ref = dt.date.fromisoformat(str(ref)) if ref else None
    return get_pipeline().extract(case["text"], reference_date=ref)


def _named(items: list[dict], name: str, prefix: bool = False) -> dict | None:
    want = _key(name)
    for item in items:   # a form written exactly as wanted first (聯合國 before 聯合國安理會)
        if want in [_key(item["name"])] + [_key(a) for a in item.get("aliases", [])]:
            return item
    for item in items:
        forms = [_key(item["name"])] + [_key(a) for a in item.get("aliases", [])]
        if prefix and any(f.startswith(want) or want.startswith(f) for f in forms):
            return item
    return None


def _describe(items: list[dict]) -> list[str]:
    return [f"{i['name']} ({i['id']})" for i in items]


@pytest.mark.parametrize("case", _load("people.yaml"))
def test_people(case):
    result = _extract(case)
    people = result["participants"]
    for want in case.get("people") or []:
        person = _named(people, want["name"])
        assert person is not None, f"{want['name']} not found in {_describe(people)}"
        if "id" in want:
            assert person["id"] == want["id"]
        if "organization" in want:
            assert person["organization"] == want["organization"]
        if "organization_name" in want:
            org = next((o for o in result["organizations"] if o["id"] == person["organization"]), None)
            assert org is not None, f"{want['name']} has no organisation ({person['organization']})"
            assert _named([org], want["organization_name"], prefix=True), org["name"]
        if "title" in want:
            assert person["title"] == want["title"]
        if want.get("name_first"):   # the name given is this form, not another alias
            assert _key(person["name"]) == _key(want["name"]), person["name"]
        if "aliases" in want:   # forms the person must carry besides the name
            assert set(want["aliases"]) <= set(person["aliases"]), person["aliases"]
        if "not_aliases" in want:   # forms that are another person's, never merged into this one
            assert not {_key(a) for a in want["not_aliases"]} & {_key(a) for a in [person["name"]] + person["aliases"]}, \
                person["aliases"]
        if "role" in want:
            assert person["role"] == want["role"], (person["role"], result["event"] and result["event"]["name"])
    assert len(people) == len(case.get("people") or []), _describe(people)
    for banned in case.get("not_people") or []:
        assert _named(people, banned) is None, f"{banned} came out as a person"


@pytest.mark.parametrize("case", _load("organizations.yaml"))
def test_organizations(case):
    result = _extract(case)
    # The table is about names in the text; an inferred owner is named nowhere.
    orgs = [o for o in result["organizations"] if not o["inferred"]]
    for want in case.get("organizations") or []:
        org = _named(orgs, want["name"], prefix=True)
        assert org is not None, f"{want['name']} not found in {_describe(orgs)}"
        if "id" in want:
            assert org["id"] == want["id"]
        if "mentions" in want:   # every surface form, in text order
            text = case["text"]
            assert [text[m["start"]:m["end"]] for m in org["mentions"]] == want["mentions"]
        if "aliases" in want:   # every surface form, mentions' and others the text writes
            assert org["aliases"] == want["aliases"]
    assert len(orgs) == len(case.get("organizations") or []), _describe(orgs)
    for banned in case.get("not_organizations") or []:
        assert _named(orgs, banned) is None, f"{banned} came out as an organisation"


@pytest.mark.parametrize("case", _load("events.yaml"))
def test_events(case):
    result = _extract(case)
    events = result["events"]
    wanted = case.get("events") or []
    assert len(events) == len(wanted), [e["id"] for e in events]
    if "event" in case:     # null: the article names events but is about none of them
        assert case["event"] is None and result["event"] is None, result["event"]
    elif wanted:
        assert result["event"] == events[0]
    for want, got in zip(wanted, events):
        if want.get("series"):
            assert got["id"].startswith(want["series"]), (got["id"], want["series"])
        else:
            assert got["series"] is None
            assert _key(got["name"]) == _key(want["name"]), got["name"]
        if "id" in want:
            assert got["id"] == want["id"], (got["id"], want["id"])
        for field in ("year", "date", "time", "utc_offset", "edition", "location"):
            if field in want:
                assert got[field] == want[field], (field, got[field], want[field])
        for text in want.get("mentions_contain") or []:   # (the words of the text naming it)
            assert text in [m["text"] for m in got["mentions"]], [m["text"] for m in got["mentions"]]
        if "participants" in want:
            ids = {p["name"]: p["id"] for p in result["participants"]}
            expected = {ids.get(x, x) for x in want["participants"]}
            assert set(got["participants"]) == expected
    for want in case.get("people") or []:      # roles and employers at the article's event
        person = _named(result["participants"], want["name"])
        assert person is not None, f"{want['name']} not found in {_describe(result['participants'])}"
        assert person["role"] == want["role"], (want["name"], person["role"])
        if "organization" in want:
            assert person["organization"] == want["organization"], (want["name"], person["organization"])
        if "organization_name" in want:
            org = next((o for o in result["organizations"] if o["id"] == person["organization"]), None)
            assert org is not None and _named([org], want["organization_name"]), (want["name"], org)
    for text in case.get("warnings_contain") or []:
        assert any(text in w for w in result["warnings"]), result["warnings"]


@pytest.mark.parametrize("case", _load("time_expressions.yaml"))
def test_time_expressions(case):
    result = _extract(case)
    got = result["time_expressions"]
    wanted = case.get("times") or []
    assert [t["text"] for t in got] == [w["text"] for w in wanted], [t["text"] for t in got]
    for want, t in zip(wanted, got):
        span = t["span"]
        assert case["text"][span["start"]:span["end"]] == t["text"] == span["text"]
        for field in ("kind", "timex", "grain"):
            assert t[field] == want[field], (want["text"], field, t[field], want[field])
        assert t["utc_offset"] == want.get("utc_offset"), (want["text"], t["utc_offset"])
        assert t["fiscal"] is want.get("fiscal", False), want["text"]
        # The value a date, time or set resolves to, or the bounds of a period; the
        # others null (a case that gives none of them expects all three null).
        for field in ("value", "start", "end"):
            assert t[field] == want.get(field), (want["text"], field, t[field], want.get(field))
    for text in case.get("warnings_contain") or []:
        assert any(text in w for w in result["warnings"]), result["warnings"]
