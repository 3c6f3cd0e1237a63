"""Every id one item gives for another names an item of the same Result (CONTRACT.md).

A knowledge-base organisation that the text never names but another item refers
to is listed with `inferred: true`, no aliases and no mentions."""
from __future__ import annotations

import pytest

from service import extract
from tests.conftest import unresolved_ids


def _orgs(result: dict) -> dict[str, dict]:
    return {o["id"]: o for o in result["organizations"]}


# (text, referring field, the inferred organisation id): invented people and
# sentences, known products and series whose owner the sentence never names.
INFERRED = [
    ("研究員林雨晴表示，GPT-4o 的回答速度明顯更快。", "vendor", "openai"),
    ("研究员林雨晴表示，GPT-4o 的回答速度明显更快。", "vendor", "openai"),
    ("開發者周柏翰說，他每天都用 Claude 3.5 Sonnet 寫程式。", "vendor", "anthropic"),
    ("开发者周柏翰说，他每天都用 Claude 3.5 Sonnet 写程序。", "vendor", "anthropic"),
    ("今年的SIGGRAPH 2025將於8月在溫哥華舉行。", "organizer", "acm"),
    ("今年的SIGGRAPH 2025将于8月在温哥华举行。", "organizer", "acm"),
]


@pytest.mark.parametrize("text,field,org_id", INFERRED)
def test_an_unnamed_owner_is_listed_as_inferred(text, field, org_id, assert_valid_result):
    result = extract(text)
    assert_valid_result(result, text)
    referring = result["products"] if field == "vendor" else result["events"]
    assert org_id in {item[field] for item in referring}
    org = _orgs(result)[org_id]
    assert org["inferred"] is True
    assert org["mentions"] == [] and org["aliases"] == []
    assert org["name"]


@pytest.mark.parametrize("text", [
    "OpenAI 發布了 GPT-4o，研究員林雨晴表示速度更快。",
    "OpenAI 发布了 GPT-4o，研究员林雨晴表示速度更快。",
])
def test_a_named_owner_is_not_inferred(text):
    org = _orgs(extract(text))["openai"]
    assert org["inferred"] is False
    assert org["mentions"]


def test_the_check_finds_a_dangling_reference():
    result = extract("研究員林雨晴表示，GPT-4o 的回答速度明顯更快。")
    result["organizations"] = [o for o in result["organizations"] if o["id"] != "openai"]
    assert unresolved_ids(result) == ["products[0].vendor: openai"]
