"""Military and aircraft hardware named by a model code (no list holds them all):

- F-35隱形戰鬥機, MQ-9B无人机, AAV7突擊車: a Latin code (one to four letters, digits, an optional
  letter or two) right before a category noun of military hardware or aircraft, up to four
  Chinese characters that say what kind between, names that hardware, the noun left out.
- 歼-20战机, 东风-41洲际导弹, 紅旗-9防空導彈: a Chinese series word of one or two characters (the
  segmenter's word before the hyphen, or two single characters it cut a rare word into, no
  function word among them), a hyphen and a number, then such a noun.
- 055型驱逐舰, 99A型坦克: two to four digits (a letter allowed) and 型 before such a noun, 型 kept
  in the name.
- Gates: the code starts no longer Latin or number run (iPhone 15, 5G), the words between it and
  the noun hold no function word, numeral or measure word (F-16两架战机 is a count), and the noun
  must be the category itself (无人机 yes, 无人机公司 too: the code still names the drone).
Cases: tests/extractors/cases/product_names.yaml (arms codes, wave 27). The nouns are found by one
compiled pattern over the key view; each is followed by one bounded search of the 20 characters
before it: linear in the text.
"""
from __future__ import annotations

import re

from .. import deadline
from ..ids import name_id
from ..nlp.document import Document
from .product_craft_names import FUNCTION_TAGS
from .product_grammar import Found

HAN = "\u4e00-\u9fff"
# Category nouns (key view: Simplified), longest first within each stem; a kind word before one
# (隐形, 舰载, 洲际) is read among the words between code and noun. No optional start: the
# pattern's first characters then let the engine skip ahead.
ARMS_NOUNS = re.compile(
    r"(?:战斗机|战机|轰炸机|运输机|预警机|侦察机|攻击机|教练机|加油机|反潜机|巡逻机|客机|无人机|直升机"
    r"|两栖攻击舰|驱逐舰|护卫舰|巡洋舰|登陆舰|战舰|航空母舰|航母|核潜艇|潜艇"
    r"|主战坦克|坦克|装甲车|步兵战车|步战车|突击车|战车|自行火炮|榴弹炮|火箭炮"
    r"|洲际弹道导弹|弹道导弹|巡航导弹|防空导弹|反舰导弹|导弹|防空系统|反导系统)")
REACH = 20
CODE_BEFORE = re.compile(
    rf"(?:(?P<latin>(?<![a-z0-9.\-])[a-z]{{1,4}}-?[0-9]{{1,4}}[a-z]{{0,2}}(?:-[0-9]{{1,2}}[a-z]?)?)"
    rf"|(?P<series>[{HAN}]{{1,2}})[-－—](?P<num>[0-9]{{1,3}}[a-z]{{0,2}})(?![0-9])"
    rf"|(?P<typed>(?<![a-z0-9.\-])[0-9]{{2,4}}[a-z]{{0,2}}型))"
    rf"(?P<typeword>型)? ?(?P<mod>[{HAN}]{{0,4}})\Z")
# Words between the code and the noun that make it no name: function words, numerals, measures.
HAN_RUN = re.compile(f"[{HAN}]+")
NOT_MODIFIER = re.compile(r"[的了和与及或在是为对把被将从一二两三四五六七八九十百千万架艘辆枚台部款批]")


def arms_codes(doc: Document, is_other, blocked=frozenset()) -> list[Found]:
    """`is_other(key)`: a company's or a generic word (never a code's name)."""
    key, norm = doc.key, doc.norm
    out: list[Found] = []
    for noun in ARMS_NOUNS.finditer(key):
        deadline.check("products")
        lo = max(0, noun.start() - REACH)
        m = CODE_BEFORE.search(key[lo:noun.start()])
        if m is None or NOT_MODIFIER.search(m.group("mod")):
            continue
        if m.group("typed") and m.group("typeword"):
            continue
        start = lo + m.start()
        if m.group("series") is not None:
            hyphen = lo + m.start("num") - 1
            i = doc.token_index_at(hyphen - 1)
            t = doc.tokens[i]
            if t.end != hyphen or not (1 <= t.end - t.start <= 2) or not HAN_RUN.fullmatch(key, t.start, t.end):
                continue
            start = t.start
            if t.end - t.start == 1 and i > 0:
                # 雷/隼-31: a rare two-character series word the segmenter cut in two
                p = doc.tokens[i - 1]
                if p.end == t.start and p.end - p.start == 1 and HAN_RUN.fullmatch(key, p.start, p.end) \
                        and p.pos not in FUNCTION_TAGS:
                    start = p.start
            end = lo + m.end("num")
        else:
            g = "latin" if m.group("latin") is not None else "typed"
            end = lo + m.end(g)
        if is_other(key[start:end]) or (start, end) in blocked:
            continue
        text = norm[start:end]
        out.append(Found(start, end, name_id(text), text, None, "hardware", evidence="gloss-name"))
    return out
