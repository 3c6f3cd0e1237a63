"""Dates at every edge of the calendar, through the public API (`service.extract`
and POST /v1/extract), whatever resolves them: a relative date past 0001-01-01 or
9999-12-31 is null with a warning, no date leaves the contract's pattern, and a
bad argument to extract() is an InvalidDocument."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from service import InvalidDocument, extract

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
RELATIVE_WORDS = ["今天", "明天", "後天", "昨天", "前天", "大後天", "大前天", "下週二", "上週二",
                  "本週日", "下下週一", "上個月", "下個月", "本月", "明年", "去年", "今年",
                  "明年3月", "去年12月5日", "今天早上6點", "明天下午3點半"]
FIRST, LAST = dt.date(1, 1, 1), dt.date(9999, 12, 31)


def event_text(word: str) -> str:
    return f"{word}的SIGGRAPH大會在台北舉行,黃仁勳表示:「營收成長了35%。」"


def assert_dates_in_contract(result: dict) -> None:
    for event in result["events"]:
        date = event["date"]
        if date is not None:
            assert DATE_PATTERN.match(date), date
            parts = [int(p) for p in date.split("-")]
            dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)  # a real date
        if event["year"] is not None:
            assert 1 <= event["year"] <= 9999, event["year"]
        assert not re.search(r"\d{5}", event["name"]), event["name"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(reference=st.dates(min_value=FIRST, max_value=LAST), word=st.sampled_from(RELATIVE_WORDS))
def test_any_reference_date_gives_a_valid_result(assert_valid_result, reference, word):
    text = event_text(word)
    result = extract(text, reference_date=reference)
    assert_valid_result(result, text)
    assert_dates_in_contract(result)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(reference=st.one_of(st.dates(min_value=FIRST, max_value=dt.date(1, 2, 28)),
                           st.dates(min_value=dt.date(9999, 11, 1), max_value=LAST)),
       word=st.sampled_from(RELATIVE_WORDS))
def test_the_calendar_ends_in_particular(assert_valid_result, reference, word):
    text = event_text(word)
    result = extract(text, reference_date=reference.isoformat())
    assert_valid_result(result, text)
    assert_dates_in_contract(result)


@pytest.mark.parametrize("reference,word", [
    ("9999-12-31", "明天"), ("9999-12-31", "下週二"), ("9999-12-31", "本週日"),
    ("9999-12-31", "後天"), ("9999-12-31", "下個月"), ("9999-12-31", "明年"),
    ("0001-01-01", "昨天"), ("0001-01-01", "上週二"), ("0001-01-01", "前天"),
    ("0001-01-01", "上個月"), ("0001-01-01", "去年"),
])
def test_past_the_ends_is_null_with_a_warning(client, assert_valid_result, reference, word):
    text = event_text(word)
    resp = client.post("/v1/extract", json={"text": text, "reference_date": reference})
    assert resp.status_code == 200
    result = resp.get_json()
    assert_valid_result(result, text)
    event = result["event"]
    assert event["name"] == "SIGGRAPH" and event["date"] is None and event["year"] is None
    assert any(word in w and "outside the years 1-9999" in w for w in result["warnings"]), result["warnings"]


@pytest.mark.parametrize("reference,word,date", [
    ("9999-12-30", "明天", "9999-12-31"), ("0001-01-02", "昨天", "0001-01-01"),
    ("9999-12-31", "今天", "9999-12-31"), ("0001-01-01", "今天", "0001-01-01"),
    ("9999-11-15", "下個月", "9999-12"), ("0001-02-15", "上個月", "0001-01"),
])
def test_the_last_and_first_days_still_resolve(reference, word, date):
    result = extract(event_text(word), reference_date=reference)
    assert result["event"]["date"] == date
    assert not result["warnings"]


@pytest.mark.parametrize("kwargs,field", [
    ({"text": b"\xe4\xbd\xa0\xe5\xa5\xbd"}, "text"),
    ({"text": bytearray(b"abc")}, "text"),
    ({"text": None}, "text"),
    ({"text": 42}, "text"),
    ({"text": "你好", "doc_id": b"a-1"}, "id"),
    ({"text": "你好", "reference_date": 20240730}, "reference_date"),
    ({"text": "你好", "reference_date": "2024-02-30"}, "reference_date"),
    ({"text": "你好", "reference_date": "10000-01-01"}, "reference_date"),
    ({"text": "你好", "reference_date": "0000-12-31"}, "reference_date"),
    ({"text": "你好", "reference_date": dt.datetime(2024, 7, 30)}, "reference_date"),
])
def test_extract_refuses_bad_arguments(kwargs, field):
    text = kwargs.pop("text")
    with pytest.raises(InvalidDocument) as info:
        extract(text, **kwargs)
    assert [e["field"] for e in info.value.errors] == [field]


def test_command_line_at_the_calendar_end(tmp_path, capsys):
    from service import cli
    path = tmp_path / "a.txt"
    path.write_text(event_text("明天"), encoding="utf-8")
    assert cli.main(["extract", str(path), "--reference-date", "9999-12-31"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["event"]["date"] is None and result["warnings"]
