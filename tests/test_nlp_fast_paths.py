"""The fast paths of document building give what the plain definitions give.

TokenList.where finds tokens by str.find over joined words and tag codes;
ScriptTables translates with lists and derives the key view from the norm view;
is_cjk is chained comparisons. Each is checked here against the definition it
replaces, on invented tokens and on random text (both scripts, full-width,
astral characters, Latin in both cases).
"""
from __future__ import annotations

import random
from itertools import accumulate

import pytest

from service.nlp.segment import Token, TokenList
from service.nlp.text import HAN_RANGES, is_cjk, tables

WORDS = ["星辰", "智能", "星辰智能", "公司", "的", "AI", "ai", "Ai", "Nvidia", "NVIDIA", " ", "，",
         "GPT", "4o", "孫嘉禾", "表示", "研究院", "é", "Éclair", "智", "能"]
TAGS = ["n", "nr", "nrt", "ns", "nt", "eng", "x", "v", "uj", "m"]


def token_list(pairs: list[tuple[str, str]], with_text: bool) -> TokenList:
    ends = list(accumulate(len(w) for w, _ in pairs))
    text = "".join(w for w, _ in pairs) if with_text else None
    return TokenList([0] + ends[:-1], ends, pairs, text=text)


def by_definition(tokens: TokenList, words=frozenset(), tags=frozenset()):
    return [(i, Token(tokens.starts[i], tokens.ends[i], w, t))
            for i, (w, t) in enumerate(tokens._tagged)
            if t in tags or (w in words if not w.isascii() else w.lower() in words)]


@pytest.mark.parametrize("seed", range(40))
def test_where_finds_what_the_definition_finds(seed):
    rnd = random.Random(seed)
    pairs = [(rnd.choice(WORDS), rnd.choice(TAGS)) for _ in range(rnd.randint(0, 60))]
    tokens = token_list(pairs, with_text=seed % 2 == 0)
    vocabulary = WORDS + ["nvidia", "gpt", "不在", ""]
    for _ in range(10):
        words = frozenset(rnd.sample(vocabulary, rnd.randint(0, 6)))
        tags = frozenset(rnd.sample(TAGS, rnd.randint(0, 3)))
        expected = by_definition(tokens, words, tags)
        assert list(tokens.where(words=words, tags=tags)) == expected
        assert list(tokens.where(words=words, tags=tags)) == expected      # from the cache
        assert list(tokens.where(words=set(words), tags=set(tags))) == expected   # unhashable


def test_tag_codes_are_shared_and_tell_tags_apart_across_documents():
    # One code table serves every document: a tag another document brought in, or
    # one no document has, finds nothing here; two new tags never share a code.
    first = token_list([("甲", "zz-new-1"), ("乙", "n")], with_text=True)
    second = token_list([("丙", "n"), ("丁", "zz-new-2"), ("戊", "zz-new-1")], with_text=True)
    assert [i for i, _ in first.where(tags=frozenset({"zz-new-2"}))] == []
    assert [i for i, _ in first.where(tags=frozenset({"zz-new-1", "never-seen"}))] == [0]
    assert [i for i, _ in second.where(tags=frozenset({"zz-new-2"}))] == [1]
    assert [i for i, _ in second.where(tags=frozenset({"zz-new-1", "n"}))] == [0, 2]


def test_where_matches_latin_words_lower_cased_and_others_exactly():
    tokens = token_list([("NVIDIA", "eng"), ("發布", "v"), ("Nvidia", "eng"), ("nvidia", "eng"),
                         ("É", "x"), ("é", "x")], with_text=True)
    assert [i for i, _ in tokens.where(words=frozenset({"nvidia"}))] == [0, 2, 3]
    assert [i for i, _ in tokens.where(words=frozenset({"NVIDIA"}))] == []   # sets hold lower case
    assert [i for i, _ in tokens.where(words=frozenset({"é"}))] == [5]       # not ASCII: exact


def test_a_word_inside_a_longer_token_is_not_that_token():
    tokens = token_list([("星辰智能", "nt"), ("智能", "n"), ("星辰", "n")], with_text=True)
    assert [i for i, _ in tokens.where(words=frozenset({"智能", "星辰"}))] == [1, 2]


def test_tokens_read_by_index_and_by_iteration_are_tokens():
    tokens = token_list([("星辰", "n"), ("AI", "eng")], with_text=False)
    assert tokens[1] == Token(2, 4, "AI", "eng") and type(tokens[1]) is Token
    assert tokens[1].word == "AI" and tokens[1].pos == "eng"
    assert list(tokens) == [Token(0, 2, "星辰", "n"), Token(2, 4, "AI", "eng")]
    assert tokens[0:2] == list(tokens)


def random_text(rnd: random.Random) -> str:
    pools = [(0x20, 0x7E), (0x3000, 0x303F), (0x3400, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFF65),
             (0x80, 0x24F), (0x370, 0x3FF), (0x20000, 0x2A6DF), (0x1F300, 0x1F64F)]
    return "".join(chr(rnd.randint(*rnd.choice(pools))) for _ in range(rnd.randint(0, 80)))


@pytest.mark.parametrize("seed", range(20))
def test_views_are_the_dict_translations(seed):
    rnd = random.Random(seed)
    t = tables()
    for _ in range(20):
        text = random_text(rnd)
        assert t.normalise(text) == text.translate(t.norm_table)
        assert t.key(text) == text.translate(t.key_table)        # right after normalise
        other = "".join(list(text))                              # an equal string, another object
        assert t.key(other) == text.translate(t.key_table)


def test_the_key_view_of_a_text_not_just_normalised_is_still_its_own():
    t = tables()
    t.normalise("ＡＢＣ電腦")
    assert t.key("ＸＹＺ臺灣") == "xyz台湾"


def test_hong_kong_standard_forms_t2s_keeps_are_simplified_too():
    t = tables()
    # 衞 (Hong Kong's form of 衛), 敍, 枱: the key view matches them as the other scripts write them
    assert t.key("防衞 衛生 敍述 枱面") == "防卫 卫生 叙述 台面"
    assert t.script("衞") == "traditional"


def test_is_cjk_is_membership_of_the_han_ranges():
    edges = [cp + d for lo, hi in HAN_RANGES for cp in (lo, hi) for d in (-1, 0, 1)]
    for cp in edges + list(range(0, 0x110000, 97)):
        assert is_cjk(chr(cp)) == any(lo <= cp <= hi for lo, hi in HAN_RANGES), hex(cp)


def test_ascii_lower_changes_only_a_to_z():
    """_ascii_lower lowers through UTF-8 bytes: the definition is A-Z lower-cased,
    every other character (other scripts' capitals, full-width letters, astral
    characters, lone surrogates) as it was."""
    from service.nlp.text import _ascii_lower
    rnd = random.Random(21)
    alphabet = ("ABCXYZabcz09 @[`{ÀÉΣДＡＺ中國星辰\U00020000\U0001F600\ud800\udfff\x00\x7f"
                "İẞǅⅫⓐ")
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert _ascii_lower(text) == "".join(
            chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text), ascii(text)


def test_nonblank_is_what_strip_keeps():
    """split_sentences keeps a piece when NONBLANK finds a character in it, where it
    asked text[start:end].strip(): the two read whitespace alike at every code point."""
    from service.nlp.document import NONBLANK
    for cp in range(0x110000):
        c = chr(cp)
        assert (NONBLANK.search(c) is not None) == bool(c.strip()), hex(cp)


def test_split_sentences_is_the_plain_loop():
    """split_sentences as first written (one _add_sentence per piece, the pattern of
    SENTENCE_END_DEFINITION), on random text of sentence ends, closing quotes, line
    breaks, blanks and long runs."""
    import re
    from service.nlp.document import SENTENCE_END_DEFINITION, _add_sentence, split_sentences
    definition = re.compile(SENTENCE_END_DEFINITION)

    def by_definition(text):
        spans, start = [], 0
        for m in definition.finditer(text):
            _add_sentence(text, start, m.end(), spans)
            start = m.end()
        if start < len(text):
            _add_sentence(text, start, len(text), spans)
        return spans

    rnd = random.Random(5)
    pieces = ["。", "！", "?", "；", "…", "」", "”", ")", "\n", "\n\n", " ", "\u3000", "\t", "，",
              "星辰智能發布", "ab cd", ". ", "x" * 300, "中" * 260, "、"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert split_sentences(text) == by_definition(text), text
    from service.nlp.document import SENTENCE_END
    marks = "。！？!?；;…”」』’\"）)】\nab 中"
    for _ in range(20000):
        text = "".join(rnd.choice(marks) for _ in range(rnd.randint(0, 30)))
        assert [m.span() for m in SENTENCE_END.finditer(text)] == \
            [m.span() for m in definition.finditer(text)], text


def _script_by_counting_all(text: str) -> str:
    from service.nlp.text import script_of_counts
    t = tables()
    return script_of_counts(len(t._traditional_re.findall(text)), len(t._simplified_re.findall(text)))


def test_script_stops_counting_only_where_the_answer_is_settled():
    """script() counts the majority script's characters up to 20 per one of the other
    (and the traditional ones first up to FEW_TRADITIONAL): the same answer as counting
    them all, at every mix around those bounds, either script the majority."""
    t = tables()
    trad_chars = sorted(t.traditional_only)[:50]
    simp_chars = sorted(t.simplified_only)[:50]
    rnd = random.Random(5)
    around = {0, 1, 2, 5, 18, 19, 20, 21, 22, 40, 62, 63, 64, 65, 66, 100, 130}
    mixes = {(t, k * t + d) for t in around for k in (19, 20, 21) for d in (-1, 0, 1, 2)}
    mixes |= {(s, t) for t, s in mixes} | {(t, s) for t in around for s in around}
    for trad, simp in sorted(mixes):
        if trad < 0 or simp < 0 or trad + simp > 3000:
            continue
        for _ in range(2):
            chars = [rnd.choice(trad_chars) for _ in range(trad)] + [rnd.choice(simp_chars) for _ in range(simp)] \
                + list("的是ab 1，")[:rnd.randint(0, 8)]
            rnd.shuffle(chars)
            text = "".join(chars)
            assert t.script(text) == _script_by_counting_all(text), (trad, simp)


def test_views_of_every_code_point_are_the_dict_translations():
    """The arrays normalise() and key() translate with give every character what the
    tables give it (lone surrogates too), and past their end."""
    t = tables()
    text = "".join(map(chr, range(0x20000)))
    assert t.normalise(text) == text.translate(t.norm_table)
    assert t.key(text) == text.translate(t.key_table)
    assert t.key("".join(list(text))) == text.translate(t.key_table)


def test_lookup_array_widens_past_two_bytes():
    from array import array
    from service.nlp.text import _lookup_array
    values = _lookup_array({3: "a", 5: 0x1F600}, array("H", range(10)))
    assert values.typecode == "I" and list(values) == [0, 1, 2, 97, 4, 0x1F600]
    assert _lookup_array({3: "a"}, array("H", range(10))).typecode == "H"
    assert "x\x03\x05y".translate(values) == "xa\U0001F600y"


@pytest.mark.parametrize("seed", range(20))
def test_retag_places_gives_what_the_comprehension_gives(seed):
    """Segmenter.tag retags a place's name tagged as a person's; the fast path finds the
    places by C-level loops and rewrites only them."""
    from service.nlp.segment import PERSON_TAGS, _retag_places
    rng = random.Random(seed)
    places = frozenset(rng.sample(WORDS, 5))
    pairs = [(rng.choice(WORDS), rng.choice(TAGS)) for _ in range(rng.randrange(0, 40))]
    expected = [(w, "ns") if t in PERSON_TAGS and w in places else (w, t) for w, t in pairs]
    assert _retag_places(list(pairs), places) == expected
