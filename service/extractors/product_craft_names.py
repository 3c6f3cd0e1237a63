"""Craft named by a word and 号: spacecraft, rockets, satellites, ships (no list holds them).

- 神舟十九号载人飞船, 长征五号运载火箭, 嫦娥6號探測器, 猎鹰 9 号火箭, 聯合號（Soyuz）太空船,
  「乘龍號（Crew Dragon）」太空船: a name word, an optional number (digits or Chinese numerals)
  and 号 written right before a craft noun (飞船, 火箭, 探测器, 卫星, 舰 …) is a craft, the noun
  left out; a Latin gloss in parentheses between them is the craft's other name.
- The name word is one word of the segmenter of two or more Chinese characters ending right
  before the number (or 号): 俄羅斯聯合號 is 聯合號; a single character (卫星群一号) names nothing
  here, and a word that is a company's or a generic one is no craft's name.
- The name is a proper-name run (wave 26): the word before the number is no verb (采用1号卫星 is
  "uses satellite No. 1") and no function word (the segmenter's tags); single-character pieces
  the segmenter cut a rare name into are taken back in from the left (鹊/羽三号 is 鹊羽三号), up
  to a function word or punctuation; inside quotes the name runs from the quote mark
  (「新谢波德号」, which the segmenter cuts 新谢/波德), and a longer name read so or quoted
  elsewhere in the document lends its start to the same name written bare.
- A model letter right after 号 (a Heavenly Stem or one capital: 长征三号乙, 长征二号F) is part of
  the name; a name the segmenter holds whole with its number and 号 (长征三号) is read as one word;
  a quoted name ending in a number and 号 right after a craft noun (卫星“青禾一号”) is a craft too
  (wave 39).
- A name glossed in Latin right after a craft noun (通信卫星霍德（Hodhod）, 卫星帕尔斯1（Pars-1）,
  太空船「飛龍」（Dragon）, 火箭世界號（NURI）) is a craft (wave 39b): the gloss opens with a capital
  and the name is whole words of the segmenter that are proper names, single characters or digits
  (卫星定位系统（GPS）, 火箭系统（HIMARS）, 卫星国际移动通信（IMT） are terms, no names), or ends in 号.
- 号 must start a word (讯号, 帐号, 型号 are words of their own) and the noun must follow at once:
  「土星五号」项目 (a project's code name), 國道325號 (a road) and 天通一号卫星通话 (卫星 modifying
  a service) name no craft.
Cases: tests/extractors/cases/product_names.yaml (craft names, wave 25). One compiled pattern over
the key view: linear in the text.
"""
from __future__ import annotations

import re

from .. import deadline
from ..ids import name_id
from ..nlp.document import Document
from .product_grammar import Found

HAN = "\u4e00-\u9fff"
NUMBER = r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})"
# The craft nouns (key view: Simplified, so one script does), longest first within each stem.
CRAFT_NOUNS = (r"(?:载人|货运|无人|探月|探火|月球|火星)?"
               r"(?:宇宙飞船|太空船|飞船|运载火箭|火箭|探测器|着陆器|巡视器|轨道器|返回器|航天器"
               r"|卫星|空间站|太空站|月球车|火星车|科考船|驱逐舰|护卫舰|航空母舰|航母|潜艇|潜航器)")
# Noun-noun compounds where the craft noun modifies what follows (卫星通话, 火箭发动机 stays a craft).
MODIFIES_NEXT = re.compile(r"(?:通话|通信|电话|信号|网络|服务|导航|定位|消息|互联网|终端|业务|频段|公司|项目|计划)")
# 长征三号乙, 长征二号F: a model letter right after 号 (a Heavenly Stem or one capital) is part of the name.
VARIANT = r"(?P<variant>[甲乙丙丁]|[a-h](?![a-z0-9]))?"
CRAFT = re.compile(rf" ?{NUMBER}? ?号{VARIANT}(?P<gloss>\([A-Za-z][A-Za-z0-9 .\-]{{0,30}}\))?[」”\"]?(?={CRAFT_NOUNS})")
CRAFT_NOUN_AT = re.compile(CRAFT_NOUNS)
HAN_CHAR = re.compile(f"[{HAN}]")
HAN_WORD = re.compile(f"[{HAN}]+")
BARE_HAO = re.compile(r" ?号")     # 号 with no number before it (联合号)


# Segmenter tags of words that start no name: prepositions, conjunctions, particles, adverbs,
# pronouns, numerals, classifiers, direction words, interjections, punctuation.
FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "m", "q",
                           "f", "y", "e", "o", "x", "zg", "k"})
OPEN_QUOTES = "「『“\"《"
MAX_NAME = 8
# A quoted name ending in 号 (「新谢奥德号」): lends its start to the same name written bare.
QUOTED_NAME = re.compile(rf"[「『“\"]([{HAN}]{{2,8}}号)[」』”\"]")
# 卫星“青禾一号”, 火箭「飞鸾七号」: a quoted name ending in a number and 号 right after a craft noun.
NOUN_BEFORE = re.compile(rf"(?:{CRAFT_NOUNS})[「『“\"]([{HAN}]{{2,8}}{NUMBER}号)[」』”\"]")

# 卫星霍德（Hodhod）: a name right after a craft noun, glossed in Latin (key view: lower case).
NOUN_GLOSSED = re.compile(rf"(?:{CRAFT_NOUNS}) ?[「『“\"]?([{HAN}]{{1,8}}[0-9]{{0,3}})[」』”\"]? ?\( ?[a-z]")
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "ns"})
# NOUN_BEFORE and NOUN_GLOSSED open with CRAFT_NOUNS' optional first word, so `re` tried their
# 30 alternatives at every character (NOUN_GLOSSED ~70 ns a character over every text holding a
# parenthesis). A match starts at most the first word's length before a craft noun: the scans
# run from there, with a look-ahead of the words' first characters (tests/extractors/
# test_craft_name_scan.py holds them to finditer over the whole text).
_FIRST_WORDS, _NOUN_WORDS = (part.strip("(?:)").split("|") for part in CRAFT_NOUNS.split(")?", 1))
_ANY_NOUN = re.compile("|".join(_NOUN_WORDS))
_LONGEST_FIRST = max(map(len, _FIRST_WORDS))
_OPENS = "(?=[" + "".join(sorted({w[0] for w in _FIRST_WORDS + _NOUN_WORDS})) + "])"
_NOUN_BEFORE_SCAN = re.compile(_OPENS + NOUN_BEFORE.pattern)
_NOUN_GLOSSED_SCAN = re.compile(_OPENS + NOUN_GLOSSED.pattern)


def _from_first_noun(pattern: re.Pattern, key: str):
    """pattern.finditer(key) for a pattern opening with CRAFT_NOUNS (and no look-behind),
    begun where its first match can start."""
    m = _ANY_NOUN.search(key)
    return () if m is None else pattern.finditer(key, max(m.start() - _LONGEST_FIRST, 0))


# 侦察卫星2号, 中型衛星3號: a kind word, a craft noun, then a number and 号 (wave 41); the kind word
# is the one segmenter word right before the noun; 号 followed by a place word is a numbered place.
KIND_NUMBERED = re.compile(rf"(?:卫星|探测器|飞船)({NUMBER})号(?![线楼院位机门口厅馆房床车道码])")


def _glossed_name(doc: Document, start: int, end: int) -> bool:
    """Whether key[start:end] is whole words that read as a name (see NOUN_GLOSSED)."""
    if not (doc.starts_token(start) and doc.ends_token(end)):
        return False
    tokens = doc.tokens
    tagged = tokens.tagged if hasattr(tokens, "tagged") else [(t.word, t.pos) for t in tokens]
    i, j = doc.token_index_at(start), doc.token_index_at(end - 1)
    if doc.key[end - 1] == "号":
        w, t = tagged[i]
        return i < j and t not in FUNCTION_TAGS and not t.startswith("v")
    for w, t in tagged[i:j + 1]:
        if not (t in PROPER_TAGS or w.isdigit() or (len(w) == 1 and HAN_CHAR.fullmatch(w) and t not in FUNCTION_TAGS)):
            return False
    return True


def _name_start(doc: Document, i: int, has_number: bool) -> int | None:
    """Start of the proper-name run whose last word is token i, or None when there is none."""
    key = doc.key
    tokens = doc.tokens
    tagged = tokens.tagged if hasattr(tokens, "tagged") else [(t.word, t.pos) for t in tokens]
    word, tag = tagged[i]
    if tag in FUNCTION_TAGS or (has_number and tag.startswith("v")):
        return None
    start = doc.tokens[i].start
    # single-character pieces of a rare name, cut off by the segmenter
    j = i
    while j > 0 and start - doc.tokens[j - 1].start <= MAX_NAME:
        w, t = tagged[j - 1]
        if len(w) != 1 or t in FUNCTION_TAGS or t.startswith("v") or not HAN_CHAR.fullmatch(w):
            break
        j -= 1
        start = doc.tokens[j].start
    # inside quotes, the name runs from the quote mark
    q = start - 1
    while q >= 0 and start - q <= MAX_NAME and HAN_CHAR.match(key[q]):
        q -= 1
    if q >= 0 and q < start - 1 and key[q] in OPEN_QUOTES:
        start = q + 1
    if len(word) < 2 and start == doc.tokens[i].start:
        return None
    return start


def _craft_matches(key: str):
    """CRAFT's matches, as finditer gives them, tried only just before each 号: a pattern that
    opens with optional parts is tried at every position otherwise (a third of a millisecond
    on the seed, where 号 is rare)."""
    last_end = 0
    at = key.find("号")
    while at != -1:
        # leftmost start first, as finditer would; the number and spaces take at most 5 characters
        for start in range(max(last_end, at - 5), at + 1):
            m = CRAFT.match(key, start)
            if m is not None:
                yield m
                last_end = m.end()
                break
        at = key.find("号", max(at + 1, last_end))


def craft_names(doc: Document, is_other, blocked=frozenset()) -> list[Found]:
    """`is_other(key)`: a company's or a generic word (never a craft's name)."""
    key, norm = doc.key, doc.norm
    out: list[Found] = []
    for m in _craft_matches(key):
        deadline.check("products")
        if m.start() == 0:
            continue
        i = doc.token_index_at(m.start() - 1)
        t = doc.tokens[i]
        if t.end != m.start():
            # 长征三号乙: the segmenter holds the name, its number and 号 as one word
            if not (t.start + 2 <= m.start() and t.end == key.find("号", m.start()) + 1
                    and HAN_WORD.fullmatch(key, t.start, m.start())
                    and BARE_HAO.match(key, m.start()) is None):
                continue
            start, word_end = t.start, m.start()
        elif not HAN_WORD.fullmatch(key, t.start, t.end):
            continue
        else:
            start, word_end = _name_start(doc, i, BARE_HAO.match(key, m.start()) is None), t.end
        if start is None or is_other(key[start:word_end]):
            continue
        noun = CRAFT_NOUN_AT.match(key, m.end())
        if noun is None or MODIFIES_NEXT.match(key, noun.end()) is not None:
            continue
        if m.group("variant") and m.group("variant").isascii() and not norm[m.start("variant")].isupper():
            continue   # 号a: no model letter
        name_end = m.start("gloss") if m.group("gloss") else m.end()
        while name_end > start and key[name_end - 1] in "」”\" ":
            name_end -= 1
        if (start, name_end) in blocked:
            continue
        out.append(Found(start, name_end, "", "", None, "hardware", evidence="gloss-name"))
    if "号" in key and ("“" in key or "「" in key or "『" in key or '"' in key):
        spans = {(f.start, f.end) for f in out}
        for m in _from_first_noun(_NOUN_BEFORE_SCAN, key):
            deadline.check("products")
            start, end = m.span(1)
            if (start, end) in spans or (start, end) in blocked or is_other(key[start:end]):
                continue
            out.append(Found(start, end, "", "", None, "hardware", evidence="gloss-name"))
        out.sort(key=lambda f: f.start)
    if "号" in key:
        out = _kind_numbered(doc, out, is_other, blocked)
    if "(" in key:
        spans = {(f.start, f.end) for f in out}
        added = False
        for m in _from_first_noun(_NOUN_GLOSSED_SCAN, key):
            deadline.check("products")
            start, end = m.span(1)
            if (start, end) in spans or (start, end) in blocked or not norm[m.end() - 1].isupper():
                continue
            if MODIFIES_NEXT.match(key, start) or is_other(key[start:end]) or not _glossed_name(doc, start, end):
                continue
            out.append(Found(start, end, "", "", None, "hardware", evidence="gloss-name"))
            added = True
        if added:
            out.sort(key=lambda f: f.start)
    return _named(doc, out)


def _kind_numbered(doc: Document, out: list[Found], is_other, blocked) -> list[Found]:
    """侦察卫星2号: the kind word right before the craft noun, the noun, a number and 号 (see
    KIND_NUMBERED); the kind word is a content word of two or more characters, no place's or
    person's name, and the noun a word of its own."""
    key = doc.key
    tokens = doc.tokens
    tagged = tokens.tagged if hasattr(tokens, "tagged") else [(t.word, t.pos) for t in tokens]
    spans = {(f.start, f.end) for f in out}
    added = False
    for m in KIND_NUMBERED.finditer(key):
        deadline.check("products")
        noun_start = m.start()
        if noun_start == 0 or not doc.starts_token(noun_start) or not doc.starts_token(m.start(1)):
            continue
        i = doc.token_index_at(noun_start - 1)
        w, t = tagged[i]
        if (doc.tokens[i].end != noun_start or len(w) < 2 or not HAN_WORD.fullmatch(w)
                or t in FUNCTION_TAGS or t in PROPER_TAGS or t.startswith("n") and t != "n"):
            continue
        start, end = doc.tokens[i].start, m.end()
        if (start, end) in spans or (start, end) in blocked or is_other(w):
            continue
        out.append(Found(start, end, "", "", None, "hardware", evidence="gloss-name"))
        added = True
    if added:
        out.sort(key=lambda f: f.start)
    return out


def _named(doc: Document, found: list[Found]) -> list[Found]:
    """A name read longer elsewhere in the document (from a quote mark) lends its start to the
    same name written bare; then each name gets its text and id."""
    key, norm = doc.key, doc.norm
    if not found:
        return found
    names = {key[f.start:f.end] for f in found} | set(QUOTED_NAME.findall(key))
    out = []
    for f in found:
        start = f.start
        for name in names:
            n = len(name) - (f.end - f.start)
            if n > 0 and start - n >= 0 and key[start - n:f.end] == name:
                start -= n
                break
        text = norm[start:f.end]
        out.append(Found(start, f.end, name_id(text), text, None, "hardware", evidence="gloss-name"))
    return out
