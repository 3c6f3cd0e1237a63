"""scan._ri_matches tries the 日 patterns only just before a numeral's 日: it must give
exactly the matches of a finditer over the whole text (a case table, then texts drawn
from the characters the patterns read)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from service.quantities import scan

CASES = ["以10至40日开发", "一连5日", "5日4夜", "股价一日急跌九成", "销量三日大增", "14日内不能预约",
         "3月14日内", "两日", "放宽至60日前", "90日内", "60日线", "10至40日", "30-60日", "日日日",
         "持续约30日", "缩短至3日", "延至5日", "所以2日起", "第三十日", "٣日内", "123日", "2日3日4日"]
ALPHABET = "0123456789一二三四五六七八九十两日至到内夜月第以连续为期急跌涨-~.，所可 "


def _same(norm: str) -> None:
    days = scan._numeral_days(norm)
    for pattern in scan._RI_REACH:
        assert [(m.span(), m.groups()) for m in scan._ri_matches(pattern, norm, days)] == \
               [(m.span(), m.groups()) for m in pattern.finditer(norm)], (pattern.pattern, norm)


@pytest.mark.parametrize("text", CASES)
def test_days_cases_match_finditer(text):
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=24))
def test_days_drawn_texts_match_finditer(text):
    _same(text)
