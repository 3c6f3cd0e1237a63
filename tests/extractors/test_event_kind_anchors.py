"""Anchors of the one-off event patterns (event_kinds.py), with invented sentences: a project's name
may start with 上 or 相 (only the words 上述, 相关 refer back), and a deal's paper (收购协议) ends a word."""
from __future__ import annotations

import pytest

from service.extractors.event_kinds import OneOffFinder
from service.nlp.document import build_document
from service.pipeline import get_pipeline


def _doc(text):
    return build_document(text, get_pipeline().segmenter)


@pytest.mark.parametrize("text,name", [
    ("上海云岫智算中心项目签约仪式在杭州举行。", "上海云岫智算中心项目签约仪式"),
    ("相城星河儲能基地項目簽約儀式在蘇州舉行。", "相城星河儲能基地項目簽約儀式"),
    ("关山云岫数据中心项目签约仪式在苏州举行。", "关山云岫数据中心项目签约仪式"),
])
def test_a_project_named_from_a_place_starting_with_a_banned_character(text, name):
    events = get_pipeline().extract(text)["events"]
    assert [e["name"] for e in events] == [name]


@pytest.mark.parametrize("text", ["上述项目签约仪式于上周举行。", "相关项目签约仪式于上周举行。"])
def test_a_project_referred_back_to_names_no_ceremony(text):
    assert get_pipeline().extract(text)["events"] == []


@pytest.mark.parametrize("text,k,paper", [
    ("星河公司签署了收购框架协议，将于下月完成。", 9, True),
    ("双方签订收购协议后再议", 6, True),
    ("星河电子签署收购协议书，", 8, True),
    ("收购备忘录已签署", 2, True),
    ("星河电子宣布收购合同能源企业云岫节能。", 8, False),
    ("星河电子宣布收购合同制造商云岫精密。", 8, False),
])
def test_a_deal_paper_ends_a_word(text, k, paper):
    assert OneOffFinder._deal_paper(_doc(text), k) is paper


def test_a_company_bought_whose_name_starts_with_a_paper_word_is_the_subject():
    events = get_pipeline().extract("星河电子宣布收购合同能源企业云岫节能。")["events"]
    assert [e["id"] for e in events] == ["xinghedianzi-hetongnengyuanqiyeyunxiujieneng-acquisition"]
