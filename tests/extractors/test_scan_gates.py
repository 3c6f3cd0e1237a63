"""The scan gates (service/extractors/scan_gates.py) never say "no" where their pattern matches.

Each gate lets a reader skip a whole-text scan; the reader's result is the same only
if the gate is true wherever the pattern finds something. Checked on random text
built from the patterns' own words, dots, Latin words in every case, the characters
an IGNORECASE match may fold, and Chinese characters of both scripts; and on the
fixture articles. Mutating a gate (dropping a word or a fold) makes these fail.
"""
from __future__ import annotations

import random
import re
import string
import sys
from pathlib import Path

import pytest
import regex

from service.extractors import scan_gates
from service.extractors.events import EDITION
from service.extractors.organizations import WEB_ADDRESS, WEB_TLDS
from service.extractors.people import BYLINE, TRANSLITERATED
from service.pipeline import get_pipeline

ROOT = Path(__file__).resolve().parents[2]
HAN = "艾倫克拉維茨孫嘉禾第三届屆周年首记者编辑责编作者撰文报导会日〇々"
OTHER = " ,，。;!?\n/【】-_.:0123456789"


def _texts(pieces: list[str], n: int = 3000, seed: int = 19) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14))) for _ in range(n)]


def _fixture_texts() -> list[str]:
    from service.nlp.text import tables
    out = []
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [tables().normalise(text), tables().key(text)]
    return out


def test_casefolds_to_ascii_is_every_fold_of_a_letter():
    """The characters other than A-Z/a-z an IGNORECASE ASCII letter matches, in regex."""
    letters = regex.compile(r"[a-zA-Z]", regex.IGNORECASE)
    literal = regex.compile("|".join(string.ascii_letters), regex.IGNORECASE)
    found = {chr(i) for i in range(0x80, sys.maxunicode + 1)
             if not 0xD800 <= i < 0xE000 and (letters.fullmatch(chr(i)) or literal.fullmatch(chr(i)))}
    assert found == set(scan_gates.CASEFOLDS_TO_ASCII)


def test_latin_event_gate():
    words = ("summit", "day", "expo", "devday")
    pattern = regex.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]{1,20}(?: [A-Z][A-Za-z0-9]{1,20}){0,3} "
                            r"(?:Summit|DevDay|Day|Expo)(?![A-Za-z])", regex.IGNORECASE)
    pieces = ["Nova ", "NIO ", "Apple ", "x ", "Summit", "SUMMIT", "summit", "Day", "dAY", "Expo", "DevDay",
              "\u017fummit", "\u212aeynote", "D\u0131y", " ", "會", "2024", "\u0130"]
    texts = _texts(pieces) + _fixture_texts()
    hits = 0
    for text in texts:
        if pattern.search(text):
            hits += 1
            assert scan_gates.has_ascii_word_ignorecase(text, words), text
    assert hits > 100
    # the folds count: ſummit is Summit to the pattern, and to the gate
    assert pattern.search("Nova \u017fummit") and scan_gates.has_ascii_word_ignorecase("Nova \u017fummit", words)
    assert not scan_gates.has_ascii_word_ignorecase("Nova 峰會", words)


def test_latin_gathering_gate():
    """mentioned_gatherings scans for its Latin heads (Summit, Expo…) only where the gate
    finds one of their words, in any case."""
    from service.extractors.mentioned_gatherings import MentionedGatherings
    reader = MentionedGatherings()
    assert reader._latin_words is not None
    pieces = ["Summit", "SUMMIT", "summit", "Expo", "forum", "Show", "week", "Awards", "\u017fummit",
              "\u212aeynote", "\u0130", "2024", " ", "會", "x", "Nova "]
    hits = 0
    for text in _texts(pieces) + _fixture_texts():
        if reader.latin.search(text):
            hits += 1
            assert scan_gates.has_ascii_word_ignorecase(text, reader._latin_words), text
    assert hits > 100
    assert reader.latin.search("Nova \u017fummit") and scan_gates.has_ascii_word_ignorecase("Nova \u017fummit", reader._latin_words)
    assert not scan_gates.has_ascii_word_ignorecase("Nova 峰會", reader._latin_words)


def _assert_gate_holds(pattern, words, pieces) -> None:
    """Every random or fixture text the pattern matches holds one of the gate's words
    (and the pattern matches often enough for that to mean something)."""
    hits = 0
    for text in _texts(pieces) + _fixture_texts():
        if pattern.search(text):
            hits += 1
            assert scan_gates.has_any(text, words), text
    assert hits > 100


def test_byline_gate():
    _assert_gate_holds(BYLINE, scan_gates.BYLINE_WORDS,
                       ["记者", "编辑", "责编", "作者", "撰文", "报导", "记者会", "/", "【", "】", "张三",
                        "\n", "，", "。", "文", "编"] + list(OTHER))


def test_byline_spans_are_one_whole_text_scan():
    """people._byline_spans, BYLINE run only on the lines that hold a byline word, finds
    the spans one BYLINE scan of the whole text finds (lines next to one another, a
    reporter told something at a line's start, bracketed credits)."""
    from service.extractors.people import _byline_spans
    pieces = ["记者", "编辑", "责编", "作者", "撰文", "报导", "记者会", "告诉", "本报", "/", "【", "】",
              "张三", "\n", "\n", "，", "。", "文", "编"] + list(OTHER)
    hits = 0
    for text in _texts(pieces, 6000) + _fixture_texts():
        want = [m.span() for m in BYLINE.finditer(text)]
        assert _byline_spans(text) == want, text
        hits += bool(want)
    assert hits > 100


def test_edition_gate():
    _assert_gate_holds(EDITION, scan_gates.EDITION_WORDS,
                       ["第", "届", "屆", "周年", "周", "年", "首", "十", "三", "12", " ", "会"])


def test_transliterated_gate():
    pieces = list("·•・‧.") + list(HAN) + ["a", "1", " ", "\U00020000", "\u3007"]
    hits = 0
    for text in _texts(pieces, 6000) + _fixture_texts():
        found = TRANSLITERATED.search(text) is not None
        hits += found
        if found:
            assert scan_gates.has_dot_between_han(text), text
    assert hits > 100
    assert not scan_gates.has_dot_between_han("2.5版 a.b ·艾")


def test_web_address_gate():
    pieces = ["github", "qwenlm", ".", "com", "io", "ai", "co", "info", "https://", "/", "-", "x", " ", "官网", "COM"]
    hits = 0
    for text in _texts(pieces, 8000) + _fixture_texts():
        if WEB_ADDRESS.search(text):
            hits += 1
            assert scan_gates.has_any(text, WEB_TLDS), text
    assert hits > 100


@pytest.mark.parametrize("text", [
    "據星辰日報記者王小明報導，艾倫·克拉維茨出席第三屆 Nova Summit，官網 nova.ai 同步直播。",
    "星河科技（记者 李四）第十届开发者大会 DevDay 在 expo.example.com 举行，周年庆。",
])
def test_gated_readers_read_what_they_read_ungated(text, monkeypatch):
    """With every gate forced open, a document's Result is the same."""
    pipeline = get_pipeline()
    gated = pipeline.extract(text)
    monkeypatch.setattr(scan_gates, "has_any", lambda text, words: True)
    for module in ("events", "organizations"):
        monkeypatch.setattr(f"service.extractors.{module}.has_any", lambda text, words: True)
    monkeypatch.setattr("service.extractors.people._byline_spans",   # (its gate: lines with a byline word)
                        lambda key: [m.span() for m in BYLINE.finditer(key)])
    for gate in ("HAS_WEB_TLD", "HAS_CLUB_SPORT_WORD"):   # (any_word_finder's: a match object when open)
        monkeypatch.setattr(f"service.extractors.organizations.{gate}", lambda text: True)
    monkeypatch.setattr("service.extractors.people.has_dot_between_han", lambda norm: True)
    monkeypatch.setattr("service.extractors.events.has_ascii_word_ignorecase", lambda text, words: True)
    monkeypatch.setattr("service.extractors.mentioned_gatherings.has_ascii_word_ignorecase", lambda text, words: True)
    assert pipeline.extract(text) == gated


def test_bare_member_pattern_is_its_definition():
    """product_grammar's bare_member_re, its look-behind moved after the first letter, finds
    what the pattern as first written finds (spans and groups)."""
    import re
    grammar = next(c for c in get_pipeline().components if c.name == "products").grammar_mentions.grammar
    members = sorted(grammar.member_suffixes, key=lambda w: (-len(w), w))
    definition = re.compile(r"(?<![a-z0-9.\-+])([a-z]{1,2}[0-9]{1,4}[a-z]?)((?: |-)?(?:"
                            + "|".join(map(re.escape, members)) + r")\+?)(?![a-z0-9])")
    pieces = ["s", "x", "ab", "25", "200", "1", " ", "-", ".", "+", "a", "z9", "手机"] + members[:12]
    texts = _texts(pieces, 6000) + _fixture_texts()
    hits = 0
    for text in texts:
        want = [(m.span(), m.groups()) for m in definition.finditer(text)]
        hits += len(want)
        assert [(m.span(), m.groups()) for m in grammar.bare_member_re.finditer(text)] == want, text
    assert hits > 100


def test_han_run_end_is_is_cjk_per_character():
    """nlp/han_run.py: where a run of Han characters ends, as is_cjk on each character says."""
    from service.nlp.han_run import han_run_end
    from service.nlp.text import HAN_RANGES, is_cjk
    edges = [chr(c) for lo, hi in HAN_RANGES for c in (lo - 1, lo, hi, hi + 1)]
    pieces = edges + list("孫嘉禾a1 ·、") + ["\U00020000", "\U000323af", "\U000323b0", "\u3007", "\ud800"]
    rnd = random.Random(7)
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        pos = rnd.randint(0, len(text))
        limit = pos + rnd.randint(0, 6)
        want = pos
        while want < min(limit, len(text)) and is_cjk(text[want]):
            want += 1
        assert han_run_end(text, pos, limit) == want, (text, pos, limit)


def test_given_and_surname_pattern_is_its_definition():
    """product_grammar_mentions.GIVEN_AND_SURNAME_SCAN, its look-behind after the first
    capital, finds what GIVEN_AND_SURNAME (the pattern as written) finds."""
    from service.extractors.product_grammar_mentions import GIVEN_AND_SURNAME as definition
    from service.extractors.product_grammar_mentions import GIVEN_AND_SURNAME_SCAN as GIVEN_AND_SURNAME
    pieces = ["Carol", "Surface", "A", "b", "iPhone", "X", "x", " ", "1", "星", "-", "Ab Cd"]
    hits = 0
    for text in _texts(pieces, 6000) + _fixture_texts():
        want = [(m.span(), m.groups()) for m in definition.finditer(text)]
        hits += len(want)
        assert [(m.span(), m.groups()) for m in GIVEN_AND_SURNAME.finditer(text)] == want, text
    assert hits > 100


def test_latin_run_pattern_is_its_definition():
    """product_pieces.RUN, its look-behind after the first character, finds what the pattern
    as first written finds, by finditer and by match at every offset."""
    import re
    from service.extractors.product_pieces import RUN
    definition = re.compile(r"(?<![A-Za-z0-9.+])[A-Za-z0-9][A-Za-z0-9.+]*(?:[ \-_][A-Za-z0-9][A-Za-z0-9.+]*){0,7}")
    pieces = ["Qwen", "2.5", "-", "72B", " ", "_", ".", "+", "GPT", "4o", "的", "x", "9"]
    hits = 0
    for text in _texts(pieces, 4000) + _fixture_texts()[:8]:
        want = [m.span() for m in definition.finditer(text)]
        hits += len(want)
        assert [m.span() for m in RUN.finditer(text)] == want, text
        for p in range(len(text) if len(text) < 200 else 0):
            a, b = definition.match(text, p), RUN.match(text, p)
            assert (a and a.span()) == (b and b.span()), (text, p)
    assert hits > 100


def test_quoted_apps_gates_hold_their_literals():
    """QuotedApps scans DOT_APP only where '.app' is and GLOSSED_SYSTEM only where 'System' is."""
    from service.extractors.product_quoted_apps import DOT_APP, GLOSSED_SYSTEM
    pieces = ["图书管理系统", "仓储系統", "（", "(", "）", ")", " ", "Grand ", "Ledger ", "System", "Systems",
              ", GL", "，GL", "墨云", "woodnote", ".app", ".ap", "p", "-", "x"]
    glossed = ["图书管理系统", "（", "(", "Grand ", "Ledger ", "System", "Systems", "）", ")", " ", "，GL", "x"]
    made = ["林场采用的护林巡查系统（Forest Patrol System）", "館方引入的藏品登記系統 (Relic Record Systems, RRS)",
            "下载墨云woodnote.app后", "茶馆qinghe-tea.app"]
    texts = made + _texts(pieces, 5000) + _texts(glossed, 8000, seed=23) + _fixture_texts()
    hits = [0, 0]
    for text in texts:
        if DOT_APP.search(text):
            hits[0] += 1
            assert ".app" in text
        if GLOSSED_SYSTEM.search(text):
            hits[1] += 1
            assert "System" in text
    assert min(hits) > 4


def test_quantity_scans_look_ahead_as_before():
    """The 日-days and medal-tally scans open with a look-ahead of their first character; the
    matches are those of the patterns without it."""
    from service.quantities import scan
    cases = [(scan._DAYS_RI_RE, "(?=[\\d一二三四五六七八九十两])",
              ["一连", "连续", "为期", "长达", "所以", "可以", "并以", "3", "12", "两", "三", "十", "月", "日", "夜",
               "至", "到", "期", "本", "会", " ", "4"]),
             (scan._MEDAL_TALLY_RE, "(?=\\d)",
              ["1", "16", "金", "银", "铜", "行", ".", "队", " ", "7", "0"]),
             (scan._ZOOM_RE, "(?=[0-9])",
              ["3", "10", ".", "5", " ", "x", "X", "×", "a", "-", "镜头", "变焦", "（"]),
             (scan._MIAN_RE, "(?=[\\d一二三四五六七八九十两百千零〇数])",
              ["3", "12", "十二", "两", "数", "第", "万", "面", "锦旗", "奖牌", "特别", "奖", "金", "获", "临", "方", "."])]
    for pattern, ahead, pieces in cases:
        assert pattern.pattern.startswith(ahead)
        plain = re.compile(pattern.pattern[len(ahead):])
        texts = _texts(pieces, 5000) + _fixture_texts()
        hits = 0
        for text in texts:
            new = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert new == [(m.span(), m.groups()) for m in plain.finditer(text)]
            hits += bool(new)
        assert hits > 50


def test_noun_led_scans_find_what_finditer_finds():
    """named_technologies tries its two category-noun scans (a noun, then a Latin name or a
    bracketed one) only where a noun's last character is followed by what the pattern needs
    (ExplainedNames.noun_led): the same matches as finditer over the whole text, on random
    text of the nouns, their joints and Latin words, and on the fixture articles."""
    products = {c.name: c for c in get_pipeline().components}["products"]
    explained = products.grammar_mentions.explained
    nouns = sorted(explained.category_nouns)
    pieces = nouns + [n[:-1] for n in nouns if len(n) > 1] + \
        ["原型", "原", "-", " ", "（", "(", "）", "（a", " (x", "（ qx9", "a", "x", "zorb", "qx9", "、", "v", "su", "和", "的", "9", "。"] * 8
    scans = ((explained.noun_then_name, explained.noun_end_then_name),
             (explained.noun_then_bracketed, explained.noun_end_then_bracket))
    hits = [0, 0]
    for text in _texts(pieces, 6000) + _fixture_texts():
        for i, (pattern, ends) in enumerate(scans):
            want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            hits[i] += bool(want)
            assert [(m.span(), m.groups()) for m in explained.noun_led(pattern, ends, text)] == want, text
    assert min(hits) > 100


def test_org_made_pattern_is_its_definition():
    """ORG_MADE opens with one alternation of its verbs, with and without 所 (so that `re`
    skips to their first characters); the matches are those of 所? and the verbs."""
    from service.extractors.product_quoted_apps import MAKE_VERBS, ORG_MADE, QUOTED
    defined = re.compile(rf"所?{MAKE_VERBS}的 ?(?:{QUOTED}|([A-Za-z][A-Za-z0-9]*(?: [A-Z0-9][A-Za-z0-9]*){{0,2}}))")
    pieces = ["所", "推出", "发布", "开发", "研发", "打造", "上线", "启用", "建置", "建立", "推", "发", "的", " ",
              "「", "」", "“", "”", "墨云助手", "Zorvia", " Q9", "x", "\n", "了", "推出的", "所打造的 ", "的「", "的Zorvia"]
    hits = 0
    for text in _texts(pieces, 6000) + _fixture_texts():
        want = [(m.span(), m.groups()) for m in defined.finditer(text)]
        hits += bool(want)
        assert [(m.span(), m.groups()) for m in ORG_MADE.finditer(text)] == want, text
    assert hits > 100


def _slug_parts_uncached(parts: list[str]) -> str:
    """slug_parts as it was before its parts were cached (three module-level re.sub a part)."""
    out = []
    for part in parts:
        s = re.sub(r"[^a-z0-9.]+", "-", part.lower())
        s = re.sub(r"(?<![0-9])\.|\.(?![0-9])", "-", s)
        s = re.sub(r"-{2,}", "-", s).strip("-")
        if s:
            out.append(s)
    return "-".join(out) or "x"


def test_cached_slug_parts_is_the_uncached_one():
    from service.extractors.product_pieces import slug_parts
    rnd = random.Random(33)
    chars = "aZq09.._--  +é中國"
    for _ in range(5000):
        parts = ["".join(rnd.choice(chars) for _ in range(rnd.randint(0, 7)))
                 for _ in range(rnd.randint(0, 4))]
        assert slug_parts(parts) == _slug_parts_uncached(parts), parts
    for parts in (["Vexa", "2.5"], ["Orvo", "v1.5", "pro"], [".5x", "Lumo-"], [], ["--"]):
        assert slug_parts(parts) == _slug_parts_uncached(parts), parts


@pytest.mark.parametrize("words", [WEB_TLDS, ("联赛", "进球", "球队", "升班马", "世预赛", "德比"), ("a.b", "(x", "|")])
def test_any_word_finder_answers_as_has_any(words):
    """any_word_finder's one search says what has_any's scan per word says, on random
    text of the words' own pieces (escapes too: a word may hold . ( |)."""
    finder = scan_gates.any_word_finder(words)
    pieces = list(words) + [w[:1] for w in words] + [w[1:] for w in words] + list(OTHER) + list(HAN)
    for text in _texts(pieces) + _fixture_texts():
        assert (finder(text) is not None) == scan_gates.has_any(text, words)


def test_products_letter_scans_look_ahead_as_before():
    """products' COLON_CODE (over the text) and SERIES_OF_LETTERS (over the normalised view) open
    with a look-ahead of their first capital, product_platform_use's LETTER_USED (over the
    lower-cased key view) its first alternative with one of its letter (the second opens with 的):
    the matches are those of the patterns without it, on random text of their pieces (a letter at
    the very start, after a newline, after a bracket or a colon) and on the fixture articles."""
    from service.extractors.product_platform_use import LETTER_USED
    from service.extractors.products import COLON_CODE, SERIES_OF_LETTERS
    from service.nlp.text import tables
    cases = [(COLON_CODE, "(?=[A-Z])", "text",
              ["TWINSCAN ", "NXT", "：", ":", "2000", "3400", "i", "C", "Orbis ", "QX", "(", "（", ")", "）",
               "NYSE", "GDP", "亿", "年", "\n", " ", "-", "a", "Q", "9", ".", "发布"]
              + ["NXT：2000i", "QX:3400C", "Orbis QX:340", "GDP：1000", "AB:123", "ZQ:1234", "Zeta "] * 4),
             (SERIES_OF_LETTERS, "(?=[A-Z])", "norm",
              ["A", "Play", "Mate", "x", "系列", " ", "\n", "-", "9", "手机", "a", "Z", "的"]),
             (LETTER_USED, "(?=[a-z])", "key",
              ["a", "q", "e", "w", "x", "z", "平台", "上", "市", "的", "账号", "用户", "应用程序", "app", "apps", " ", "\n",
               ".", "@", "9", "基础", "架构", "ab", "在"])]
    fixtures = {"text": [], "norm": [], "key": []}
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        fixtures["text"].append(text)
        fixtures["norm"].append(tables().normalise(text))
        fixtures["key"].append(tables().key(text))
    for pattern, ahead, view, pieces in cases:
        assert pattern.pattern.startswith(ahead) and not pattern.flags & re.IGNORECASE
        plain = re.compile(pattern.pattern[len(ahead):])
        hits = 0
        for text in _texts(pieces, 6000) + fixtures[view]:
            new = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert new == [(m.span(), m.groups()) for m in plain.finditer(text)], text
            hits += bool(new)
        assert hits > 50, (pattern.pattern, hits)
    # the letter at the very start, after a newline, after a hyphen (no match) and in a bracket (no code)
    for pattern, text in ((COLON_CODE, "NXT：2000i"), (COLON_CODE, "x\nQX:3400C"), (SERIES_OF_LETTERS, "A系列"),
                          (SERIES_OF_LETTERS, "手机\nPlay 系列"), (LETTER_USED, "q平台上"), (LETTER_USED, "甲的\nq 用户"),
                          (LETTER_USED, "甲擁有的q平台")):
        assert pattern.search(text), text
    for pattern, text in ((COLON_CODE, "(NYSE:1234)"), (SERIES_OF_LETTERS, "-A系列"), (LETTER_USED, "5g用户")):
        assert not pattern.search(text), text


def test_session_words_gate_holds():
    """lead_events reads a sitting (SESSION, SPOKEN_SESSION) only in a lead holding one of
    SESSION_WORDS whole: every match of either pattern, within any bounds, holds one, on random
    text of one of the words at a time among the patterns' other words, pieces of the words and
    marks (each word found by some match no other word explains), and on the fixture articles."""
    from service.extractors.lead_events import _SESSION_BODIES, _SESSIONS, SESSION, SESSION_WORDS, SPOKEN_SESSION
    every = list(_SESSION_BODIES) + list(_SESSIONS["panels"])   # (the bodies and panels the patterns hold)
    others = ["在", "在 ", "立法", "委员会", "事务", "议", "会", "会议", "上", "表示", "说", "讨论", "通过", "三读通过",
              "今日", "（20）", "上午", "再度", "的", "。", "\n", "，", " ", "经济", "卫生", "国", "人大", "两院", "财委",
              "财务", "院", "参众", "常委会"]
    rnd = random.Random(47)
    texts = [(None, t) for t in _fixture_texts()]
    for word in every:
        texts += [(word, t) for t in _texts([word] * 4 + others, 1500, seed=len(texts))]
    hits: dict = {}
    for word, text in texts:
        for lo, hi in [(0, len(text))] + [tuple(sorted(rnd.sample(range(len(text) + 1), 2)))
                                          for _ in range(3 if len(text) > 1 else 0)]:
            found = SESSION.search(text, lo, hi) or SPOKEN_SESSION.search(text, lo, hi)
            if found:
                held = [w for w in SESSION_WORDS if text.find(w, lo, hi) >= 0]
                assert held, (text, lo, hi)
                if held == [word]:
                    hits[word] = hits.get(word, 0) + 1
    assert all(hits.get(w, 0) > 20 for w in every), hits


def test_first_chars_is_every_first_character():
    """first_chars gives the class of the alternatives' first characters, or None wherever a
    match may start otherwise; a look-ahead of it leaves their matches as they were."""
    assert scan_gates.first_chars(["x64", "[2-6]g", "b[ug]", "a|c", "(?:vo)lte"]) == "[abcvx2-6]"
    for undecided in (["a?b"], ["x", "(x)"], ["ab|cd"], [r"\d"], ["[^a]"], ["(?!)"], [""], ["(?=a)a"], ["a*"]):
        assert scan_gates.first_chars(undecided) is None, undecided
    rnd = random.Random(45)
    for alternatives in (["arm ?v[0-9]", "x-?86", "[2-6]g", "b[ug]"], ["a|b", "(?:cd|ce)", r"\.x", "[a-c.]y"]):
        ahead = scan_gates.first_chars(alternatives)
        plain = re.compile("(?<![a-z0-9])(?:" + "|".join(alternatives) + ")")
        gated = re.compile(f"(?={ahead})" + plain.pattern)
        pieces = list("abcdeguvxy.-0123456789 ") + ["arm", "x86", "5g", "bu", "ce", ".x", "会"]
        for text in _texts(pieces, 3000, seed=rnd.randint(0, 99)):
            assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_standards_pattern_looks_ahead_as_before():
    """products' standards (Armv9, X-86, Wi-Fi 7: CONVENTIONS 12) behind the look-ahead of their
    first characters find what the pattern without it finds, in every window, on random text of
    their pieces and on the fixture articles (key view)."""
    standards = next(c for c in get_pipeline().components if c.name == "products").grammar_mentions.standards
    ahead = standards.pattern[:standards.pattern.index("(?<!")]
    assert ahead.startswith("(?=[") and not standards.flags & re.IGNORECASE
    plain = re.compile(standards.pattern[len(ahead):])
    pieces = ["arm", "armv9", "arm v10", ".2", "x86", "x-86", "_64", "amd64", "risc-v", "riscv", "wi-fi 7", "wifi6",
              "usb 3.0", "pcie 5", "lpddr5x", "ddr4", "gddr6x", "hdmi 2.1", "ufs 4", "5g", "b5g", "hbm3e", "volte",
              "ott tv", "bu", "bg", "mips64", "loongarch", "bluetooth 5", "a", "z", "9", " ", "-", "，", "手机", "\n"]
    rnd = random.Random(12)
    hits = 0
    for text in _texts(pieces, 4000) + _fixture_texts()[1::2]:
        for lo, hi in [(0, len(text))] + [tuple(sorted(rnd.sample(range(len(text) + 1), 2)))
                                          for _ in range(2 if len(text) > 1 else 0)]:
            want = [m.span() for m in plain.finditer(text, lo, hi)]
            assert [m.span() for m in standards.finditer(text, lo, hi)] == want, (text, lo, hi)
            hits += bool(want)
    assert hits > 1000
