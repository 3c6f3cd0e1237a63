"""A sentence holding more numbers than prose does is read for numbers only up to
a cap, with a warning (service/nlp/density.py); prose is never cut."""
from __future__ import annotations

from pathlib import Path

from service import extraction
from service.nlp import density
from service.nlp.document import split_sentences

ROOT = Path(__file__).resolve().parent.parent
CAP = density.MAX_NUMBERS_PER_SENTENCE


def test_a_sentence_of_numbers_past_the_cap_has_its_tail_unread():
    text = "1年" * (CAP + 10)                 # one sentence of CAP + 10 numbers
    tails = density.unread_tails(text, split_sentences(text))
    assert tails == [(2 * CAP, len(text))]   # from the (CAP+1)th number on


def test_numbers_up_to_the_cap_are_all_read():
    text = "1年" * CAP
    assert density.unread_tails(text, split_sentences(text)) == []


def test_chinese_numerals_count_as_numbers():
    text = "一年" * (CAP + 1)
    assert density.unread_tails(text, split_sentences(text)) == [(2 * CAP, len(text))]


def test_the_cap_is_per_sentence():
    sentence = "營收成長了1倍" + "、1倍" * (CAP // 2) + "。"   # half the cap, then a full stop
    text = sentence * 4
    assert density.unread_tails(text, split_sentences(text)) == []


def test_masked_keeps_length_and_the_text_before_each_tail():
    text = "abc1年1年"
    out = density.masked(text, [(3, 5)])
    assert len(out) == len(text) and out[:3] == "abc" and out[5:] == "1年" and out[3:5] == density.FILLER * 2


def test_news_is_never_cut_for_numbers():
    for path in [*sorted((ROOT / "fixtures" / "articles").glob("*.txt")), *sorted((ROOT / "seeds").glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        assert density.unread_tails(text, split_sentences(text)) == [], path


def test_the_result_says_what_was_left_unread(assert_valid_result):
    text = "1年1個1倍1月1日" * 200                 # 1,800 characters, no punctuation
    result = extraction.extract(text)
    assert_valid_result(result, text)
    warning = [w for w in result["warnings"] if "numbers" in w]
    assert len(warning) == 1 and f"more than {CAP} numbers" in warning[0]
    tails = density.unread_tails(text, split_sentences(text))
    assert tails and f"sentence(s)" in warning[0] and f"character {tails[0][0]:,}" in warning[0]
    unread = [range(a, b) for a, b in tails]
    for section in ("quantitative_facts", "time_expressions"):
        items = result[section]
        assert items, section                  # the text before each cut is read
        for item in items:
            assert not any(item["span"]["start"] in r for r in unread), (section, item)
