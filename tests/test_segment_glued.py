"""A body's kind glued to a title (局局长, 局主席, 处处长) is never one word
(service/nlp/segment.py glued_titles, unglue): jieba's dictionary lists such rare
compounds at frequency 3, and they beat 局 / 局长 once the dictionary's total passes
~2.67e8, so whether a body's name met its title depended on how many words had been
added. Invented bodies and names, both scripts."""
from __future__ import annotations

import pytest

rjieba = pytest.importorskip("rjieba")

from service.nlp.segment import USER_WORD_FREQ, glued_titles, unglue
from service.nlp.text import tables

TITLES = ["局长", "主席", "处长", "副局长"]
KINDS = ["局", "处", "署", "总局"]
# (text, a token the body's title must be, a token that must not appear)
CASES = [
    ("環境及生態局局長陳大文今日到訪", "局长", "局局长"),
    ("环境及生态局局长陈大文今日到访", "局长", "局局长"),
    ("積金局主席李曉明表示", "主席", "局主席"),
    ("数据保护局主席王小东表示", "主席", "局主席"),
    ("市場監管總局局長周明遠出席", "局长", "总局局长"),
    ("该处处长赵一鸣说", "处长", "处处长"),
]


def jieba_with_total(total: int, glued: bool):
    jieba = rjieba.Jieba()
    for title in TITLES:
        jieba.add_word(title, USER_WORD_FREQ, "n")
    if glued:
        assert set(unglue(jieba, glued_titles(KINDS, TITLES), set(TITLES))) >= {"局局长", "局主席", "处处长", "总局局长"}
    # a large dictionary total: the regime in which the glued compounds win
    jieba.add_word("\ue000\ue001", total, "x")
    return jieba


def test_glued_titles_pairs_every_kind_with_every_title():
    assert glued_titles(["局", "处"], ["局长", "主席", "ceo"]) == {"局局长", "局主席", "处局长", "处主席"}


@pytest.mark.parametrize("total", [200_000_000, 400_000_000, 1_000_000_000])
@pytest.mark.parametrize("text,title,glued", CASES)
def test_body_and_title_are_cut_apart_at_any_total(text, title, glued, total):
    words = jieba_with_total(total, glued=True).cut(tables().normalise(text))
    assert title in words and glued not in words, words


def test_without_the_rule_a_large_total_glues_them():
    # The control: what unglue prevents.
    words = jieba_with_total(400_000_000, glued=False).cut("环境及生态局局长陈大文今日到访")
    assert "局局长" in words


def test_user_words_are_never_taken_out():
    jieba = rjieba.Jieba()
    jieba.add_word("局主席", USER_WORD_FREQ, "n")
    assert unglue(jieba, {"局主席", "局局长"}, {"局主席"}) == ["局局长"]
    assert "局主席" in jieba.cut("积金局主席李晓明")


def test_the_services_segmenter_reads_body_and_title():
    from service.pipeline import get_pipeline
    seg = get_pipeline().segmenter
    assert {"局局长", "局主席"} <= set(seg.unglued)
    words = [w for w, _ in seg.tag(tables().normalise("環境及生態局局長陳大文與積金局主席李曉明會面")).tagged]
    assert words.count("局长") == 1 and words.count("主席") == 1 and "局局长" not in words


# A body's one-character kind glued to the function character after it, by the
# guesser (署以: no dictionary word) or by the dictionary (局所): cut back into the kind
# and that character. 处以 (a verb) is no such pair. Invented bodies, both scripts.
SPLIT_CASES = [
    ("測繪署以未能核實資料為由拒絕申請", ["署", "以"], "署以"),
    ("测绘署以未能核实资料为由拒绝申请", ["署", "以"], "署以"),
    ("港灣局所發的通知指出", ["局", "所"], "局所"),
    ("港湾局于2月发出通知", ["局", "于"], "局于"),
]


@pytest.mark.parametrize("text,parts,glued", SPLIT_CASES)
def test_a_kind_and_a_function_character_are_cut_apart(text, parts, glued):
    from service.pipeline import get_pipeline
    words = [w for w, _ in get_pipeline().segmenter.tag(tables().normalise(text)).tagged]
    assert glued not in words and words[words.index(parts[0]):][:2] == parts, words


@pytest.mark.parametrize("text", ["法院最終處以罰款", "法院最终处以罚款"])
def test_a_verb_that_starts_with_a_kind_stays_whole(text):
    from service.pipeline import get_pipeline
    words = [w for w, _ in get_pipeline().segmenter.tag(tables().normalise(text)).tagged]
    assert "处以" in words, words
