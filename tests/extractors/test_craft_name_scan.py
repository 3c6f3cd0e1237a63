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
