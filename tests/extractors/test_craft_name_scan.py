"""The craft reader tries its pattern only just before each 号; it must find what a scan of
every position finds (product_craft_names._craft_matches against CRAFT.finditer)."""
from hypothesis import given, settings, strategies as st

from service.extractors.product_craft_names import CRAFT, _craft_matches

# the characters the pattern reads, and a few it does not
PIECES = st.sampled_from(list(" 0129一三十号号卫星火箭飞船载人(Ab)」”\"的了"))


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_scan_before_each_hao_finds_what_finditer_finds(text):
    assert [m.span() for m in _craft_matches(text)] == [m.span() for m in CRAFT.finditer(text)]


def test_a_number_and_spaces_before_hao_open_the_match():
    text = "发射了 十九 号飞船和 3号卫星"
    assert [text[slice(*m.span())] for m in _craft_matches(text)] == [" 十九 号", " 3号"]


# NOUN_BEFORE's and NOUN_GLOSSED's scans begin before the first craft noun, behind a look-ahead
# of the nouns' first characters: the same matches as finditer over the whole text.
from service.extractors.product_craft_names import (  # noqa: E402
    NOUN_BEFORE, NOUN_GLOSSED, _NOUN_BEFORE_SCAN, _NOUN_GLOSSED_SCAN, _from_first_noun)

NOUN_PIECES = st.sampled_from(["卫星", "载人", "飞船", "月球", "月球车", "火星", "火箭", "运载", "航母", "潜航器",
                               "探测", "霍德", "一", "3", "号", "“", "”", "「", "」", "(", "( ", " ", "a",
                               "z", "的", "太空船", "探月", "宇宙"])


@settings(max_examples=600, deadline=None)
@given(st.lists(NOUN_PIECES, max_size=30).map("".join))
def test_the_noun_scans_find_what_finditer_finds(text):
    for scan, pattern in ((_NOUN_GLOSSED_SCAN, NOUN_GLOSSED), (_NOUN_BEFORE_SCAN, NOUN_BEFORE)):
        assert [m.span() for m in _from_first_noun(scan, text)] == [m.span() for m in pattern.finditer(text)]


def test_a_first_word_before_the_noun_opens_the_match():
    glossed, quoted = "了载人飞船霍德(hodhod)", "了探月卫星“青禾一号”"
    assert [m.group() for m in _from_first_noun(_NOUN_GLOSSED_SCAN, glossed)] == ["载人飞船霍德(h"]
    assert [m.group() for m in _from_first_noun(_NOUN_BEFORE_SCAN, quoted)] == ["探月卫星“青禾一号”"]
