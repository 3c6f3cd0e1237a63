"""The segmenter's dictionary total is pinned (service/nlp/segment.py, PINNED_TOTAL):
adding or removing user words must not re-cut sentences that contain none of them.

jieba charges every word of a route log(total); each add_word raises the total, so
without the pin a sentence near a tie is cut differently once enough unrelated
words are added. Each case runs on a fresh rjieba instance with its own register
of added words, so the process's segmenter is left as it was.
"""
from __future__ import annotations

import pytest

rjieba = pytest.importorskip("rjieba")

from service.nlp import segment
from service.nlp.segment import USER_WORD_FREQ, _add_pinned

# Near a tie in jieba's dictionary: 的/确实/在理 against 的确/实在/理.
NEAR_TIE = "他说的确实在理"
# Invented words (names, titles, products) that no sentence below contains.
BASE_WORDS = [("林晓岚", "nr"), ("華鼎資訊", "nt"), ("首席数据官", "n"), ("星澜X9", "n")]
# Unrelated invented words, enough to move an unpinned total visibly.
MORE_WORDS = [("\ue300" + chr(0xE400 + i), "n") for i in range(150)] + [("陳冠廷", "nr"), ("营运总监", "n")]
SENTENCES = [NEAR_TIE, "首席数据官林晓岚说星澜X9销量增长", "陈美华将出任该集团副总裁", "華鼎資訊推出新款伺服器"]


def cuts(jieba) -> list[list[str]]:
    return [jieba.cut(s) for s in SENTENCES] + [jieba.cut(s, False) for s in SENTENCES]


def test_unpinned_total_recuts_an_unrelated_sentence():
    # The control: what the pin prevents. If this stops failing without the pin,
    # NEAR_TIE no longer tests anything and needs replacing.
    jieba = rjieba.Jieba()
    for word, tag in BASE_WORDS:
        jieba.add_word(word, USER_WORD_FREQ, tag)
    before = cuts(jieba)
    for word, tag in MORE_WORDS:
        jieba.add_word(word, USER_WORD_FREQ, tag)
    assert cuts(jieba) != before


def test_pinned_total_keeps_unrelated_cuts():
    jieba, added = rjieba.Jieba(), {}
    assert _add_pinned(jieba, BASE_WORDS, added) > 0
    before = cuts(jieba)
    assert _add_pinned(jieba, BASE_WORDS + MORE_WORDS, added) > 0
    assert cuts(jieba) == before
    # the user words themselves are kept whole
    assert "首席数据官" in jieba.cut(SENTENCES[1]) and "林晓岚" in jieba.cut(SENTENCES[1])


def test_removing_words_keeps_unrelated_cuts():
    # A process built with fewer words cuts as one built with more.
    small, big = rjieba.Jieba(), rjieba.Jieba()
    _add_pinned(small, BASE_WORDS, {})
    _add_pinned(big, BASE_WORDS + MORE_WORDS, {})
    assert cuts(small) == cuts(big)


def test_words_already_in_the_dictionary_are_counted_from_their_old_frequency():
    # 经理 and 总监 are dictionary words: re-added at USER_WORD_FREQ they raise the
    # total by less than a new word; the pin must still hold.
    jieba, added = rjieba.Jieba(), {}
    _add_pinned(jieba, BASE_WORDS, added)
    before = cuts(jieba)
    _add_pinned(jieba, BASE_WORDS + [("经理", "n"), ("总监", "n")] + MORE_WORDS, added)
    assert 0 < added["经理"] < USER_WORD_FREQ and added["林晓岚"] == 0
    assert cuts(jieba) == before


def test_base_total_is_the_default_dictionarys():
    jieba_py = pytest.importorskip("jieba")
    from pathlib import Path
    dict_txt = Path(jieba_py.__file__).parent / "dict.txt"
    # a word listed twice keeps its last frequency (jieba-rs replaces the record)
    freqs = dict(line.split()[:2] for line in dict_txt.read_text(encoding="utf-8").splitlines() if line.strip())
    assert sum(map(int, freqs.values())) == segment.BASE_TOTAL


def test_the_services_words_leave_headroom():
    # Fails when the knowledge base's words outgrow the pin: raise PINNED_TOTAL
    # (every cut re-baselines: measure all sections) before adding more.
    from service.pipeline import get_pipeline
    headroom = get_pipeline().segmenter.headroom
    assert headroom >= 20 * USER_WORD_FREQ, headroom


def test_frequency_is_the_count_the_dictionary_stores():
    # a word the service added reads USER_WORD_FREQ (whatever it had before); a word it
    # took out (unglue) reads 0, not suggest_freq's estimate; another its count (or one more)
    from service.pipeline import get_pipeline
    seg = get_pipeline().segmenter
    assert all(seg.frequency(w) == USER_WORD_FREQ for w in list(segment._ADDED)[:50])
    assert seg.unglued and all(seg.frequency(w) == 0 for w in seg.unglued)
    assert any(seg._jieba.suggest_freq(w) > 0 for w in seg.unglued)   # what it read before
    assert 150 <= seg.frequency("许可") < USER_WORD_FREQ and seg.frequency("\u4e00\u4e00\u4e00\u4e00") == 0
