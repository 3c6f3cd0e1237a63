"""Latin names listed with a product (cases in tests/extractors/cases/product_names.yaml):

- 包括Fooma、Barlow和Windows作業系統, Quillpad、Quillpad Air、Inkly Pen等新品: a capitalised
  Latin name joined by 、 和 及 与 或 to a name another reader found is a product of the same
  kind, before it or after it, unless it is a company's (the organisations extractor's, or a
  knowledge-base alias of one), a generic word, a tier or capitals alone (AI、GPU, CES).
- ZX20、QL20 和 QL2, GX300 和 X300: a model code (capitals and digits) listed with a product whose
  name is a model code is a sibling product, though short capitals are otherwise no name here;
  never a quarter, a half or a fiscal year (H20、Q3), nor a network generation (5G).

- 旗下的闪聊、云图画册、轻拍相机等产品, 微信、甲银行及神鵰手遊等App: a Chinese list that 等 and a
  product's noun close (产品, App, 应用, 软件, 游戏, 平台 …) names products: each member of two to six
  characters (a number may end it: 梦三国2) joined by 、 和 及 与 is one, where another reader found
  a member as a product or 旗下 opens the list; never a company's member (甲银行), a phrase (of
  的 了 是 …) or a Latin one (another reader's). The first member needs a boundary before it
  (punctuation, 旗下的, 包括, 如) unless a reader found it. The noun must end its phrase (等产品线,
  等服务团队 close no list), and where no reader found a member a common word of the dictionary
  (芯片、电池) is none. (`closed_lists`)
- 旗下的闪聊、云图画册及轻拍相机，…: a list 旗下 opens with no 等 to close it: a Chinese member
  (as above) between two joiners, or between a joiner and punctuation, is a product where another
  reader found a member as one; a last member with words glued after it (及轻拍相机应用) is not
  read, its end unknown. (`owned_lists`)
- 項目包括甲傳說(亞運版)、Quorbit、星河對決2、雲端棋局及乙之戰M。: a list 包括 (包含, 例如, 比如, 像是,
  諸如) opens, no 等 closing it, clause punctuation ending its last member: where other readers found
  at least two members as products (no company's), each other member is a product of their kind —
  a Chinese one of two to six characters (a digit or a capital may end it: 夢三國2, 絕地求生M), no
  phrase and no common word of the dictionary; a Latin one no company's, generic word, tier or bare
  capitals. A bracketed note after a member ((亞運版)) is skipped. A member read no way (a phrase,
  words glued on) ends the list; the members before it still count. (`opened_lists`)

Each product mention looks at most MAX_MATES names each way, every match anchored: linear in
the text.
"""
from __future__ import annotations

import bisect
import re

from .. import deadline
from ..nlp.document import Document
from ..ids import name_id
from .entities import EntityTable
from .product_grammar import slug
from .product_mention import ProductMention

# 、, 和, 以及, 或是: what joins two names of a list (key view: 與 reads 与).
JOINER = r" ?(?:、|以及|和|与|及|或是|或) ?"
JOIN = re.compile(JOINER)
# A capitalised Latin name of one to three words, the whole Latin run (Quillpad Air, Inkly Pen
# 2, iQuill: a lower-case letter may lead a capital).
FIRST = r"(?:[A-Z]|[a-z][A-Z])[A-Za-z0-9]*"
WORD = r"(?:[A-Za-z0-9][A-Za-z0-9.]*[A-Za-z0-9]|[A-Za-z0-9])"
NAME = re.compile(rf"(?<![A-Za-z0-9.\-_@/+]){FIRST}(?: {WORD}){{0,2}}"
                  r"(?![A-Za-z0-9.\-_@/+&])(?! [A-Za-z0-9])")
# The same name ending where a separator starts (read backwards from the separator).
NAME_BEFORE = re.compile(rf"(?<![A-Za-z0-9.\-_@/+] )(?<![A-Za-z0-9.\-_@/+])({FIRST}(?: {WORD}){{0,2}})\Z")
JOIN_BEFORE = re.compile(rf"(?:{JOINER})\Z")
MAX_MATES = 4
REACH = 48      # characters read back for a name before a separator
CAPITALS_ALONE = 5     # AI, GPU, CES: capitals alone up to this length are no name here
# A model code: one to three capitals, one to four digits, a capital after them (H20, GB300, L2).
MODEL_CODE = re.compile(r"[A-Z]{1,3}[0-9]{1,4}[A-Z]?")
# Capitals and digits that name a period, not a model: Q3, H1, FY25.
PERIOD_CODE = re.compile(r"(?:Q[1-4]|H[12]|FY[0-9]{2,4})")


# 等产品, 等App, 等手遊: what closes a list of products, and the kind it gives (key view).
CLOSED_NOUNS = {"产品": None, "app": "app", "应用程序": "app", "应用程式": "app", "应用": "app", "软件": "software",
                "游戏": "other", "手游": "other", "平台": "platform", "服务": "service"}
CLOSED_END = re.compile(r"等(?:多款|多个|一系列)?(" + "|".join(sorted(CLOSED_NOUNS, key=len, reverse=True)) + ")(?![a-z])")
CLOSED_FINDER = re.compile("等")
# What may follow the noun closing a list (besides punctuation, the text's end, or a word that is
# no noun): the noun ends the phrase there, no longer noun goes on (等产品线, 等服务团队: no list
# of products).
PHRASE_END_AFTER = re.compile(r" ?(?:[^\u4e00-\u9fffa-z0-9]|都|均|也|\Z)")
# Tags of the segmenter's words that may be a product's name though the dictionary holds them.
NAME_TAGS = frozenset({"nz", "nr", "nrt", "nrfg", "ns", "nt", "eng", "x"})
# One member, read backwards from the joiner (or 等) after it: 2-6 characters, a number may end it.
PHRASE_CHARS = "的之了是在把被很不可能会将让和与及或等其该此这都也还"
# Faceu激萌, 火山引擎VESDK: a member may hold a Latin word (walked through: another reader's).
MEMBER_BEFORE = re.compile(r"((?:[a-z][a-z0-9]{0,9})?(?:(?![" + PHRASE_CHARS + r"])[\u4e00-\u9fff]){2,6}[a-z0-9]{0,10})\Z")
MEMBER_CJK = re.compile(r"(?:(?![" + PHRASE_CHARS + r"])[\u4e00-\u9fff]){2,6}[0-9]{0,2}")
MEMBER_REACH = 26
MEMBER_JOIN_BEFORE = re.compile(r"(?:、|和|与|及) ?\Z")
# What may come right before a list's first member (key view).
LIST_OPEN_BEFORE = re.compile(r"(?:[，,:：;；。!?！？(（\n]|旗下的?|包括|包含|例如|比如|如|像是) ?\Z")
OWNED_OPEN = re.compile(r"旗下的? ?\Z")
PHRASE = re.compile("[" + PHRASE_CHARS + "]")
# 旗下的 A、B及C: where a list 旗下 opens starts, and one member read forwards up to a joiner
# or a clause's punctuation (key view).
OWNED_FINDER = re.compile(r"旗下的? ?")
MEMBER_AFTER = re.compile(r"((?:[a-z][a-z0-9 ]{0,12})?(?:(?![" + PHRASE_CHARS + r"])[\u4e00-\u9fff]){0,6}[a-z0-9]{0,10})"
                          r"(?:(、|和|与|及) ?|(?=[，,。；;！!？?\n]))")
MAX_MEMBERS = 8
# 包括 A、B(亞運版)、C及D，: where a list an inclusion word opens starts (key view), one member
# read forwards up to a joiner or a clause's punctuation (a bracketed note skipped), and a
# Chinese member's shape (a digit or a capital may end it: 梦三国2, 绝地求生m).
OPENED_FINDER = re.compile(r"(?:包括|包含|例如|比如|像是|诸如)[:：]? ?")
OPENED_MEMBER = re.compile(r"((?:[a-z][a-z0-9 .\-]{0,20}[a-z0-9]|[a-z])?(?:(?![" + PHRASE_CHARS + r"])[\u4e00-\u9fff]){0,6}[a-z0-9]{0,3})"
                           r" ?(?:[(（][^()（）\n]{1,8}[)）])?(?:(、|和|与|及) ?|(?=[，,。；;！!？?\n]))")
OPENED_CJK = re.compile(r"(?:(?![" + PHRASE_CHARS + r"])[\u4e00-\u9fff]){2,6}[a-z0-9]{0,2}")
MAX_OPENED = 12
OPENED_LATIN = re.compile(r"[a-z][a-z0-9 .\-]*[a-z0-9]")


def _list_members(key: str, p: int, member, limit: int) -> list[tuple[int, int]]:
    """The spans of a list's members read from p: member's group 1 is one member, its group 2
    the joiner after it (none: punctuation ends the last member)."""
    members: list[tuple[int, int]] = []
    for _ in range(limit):
        n = member.match(key, p)
        if n is None or n.end(1) == n.start(1):
            break
        members.append((n.start(1), n.end(1)))
        if n.group(2) is None:
            break
        p = n.end()
    return members


class ListMates:
    def __init__(self, is_other, tiers, in_dictionary=lambda word: False) -> None:
        self.is_other = is_other      # a company's or a generic word (key view)
        self.tiers = tiers            # Pro, Plus, Air: a tier is no name alone
        self.in_dictionary = in_dictionary   # a word of the segmenter's dictionary

    def find(self, doc: Document, mentions: list[ProductMention], orgs: EntityTable,
             category_of) -> list[ProductMention]:
        """The names listed right before or after each mention (`category_of(m)`: its kind)."""
        taken = sorted((m.start, m.end) for m in mentions)
        ends = {e: s for s, e in taken}
        starts = {s: e for s, e in taken}
        covered = {i for s, e in taken for i in range(s, e)}     # Quill GPU: a product's name in it
        out: list[ProductMention] = []
        for m in sorted(mentions, key=lambda m: m.start):
            deadline.check("products")
            if not doc.key[m.start:m.end].isascii():
                continue     # a Chinese name's list may hold phrases: Latin names beside Latin only
            category = category_of(m)
            coded = MODEL_CODE.fullmatch(doc.norm, m.start, m.end) is not None     # H20: its mates may be codes
            p = m.end
            for _ in range(MAX_MATES):          # after it
                j = JOIN.match(doc.key, p)
                if j is None:
                    break
                if j.end() in starts:           # the next member is a product already: go on from it
                    p = starts[j.end()]
                    continue
                n = NAME.match(doc.norm, j.end())
                if n is None or not self._name(doc, n.start(), n.end(), orgs, covered, coded):
                    break
                out.append(self._mention(doc, n.start(), n.end(), category))
                starts[n.start()] = n.end()
                p = n.end()
            p = m.start
            for _ in range(MAX_MATES):          # before it
                j = JOIN_BEFORE.search(doc.key, max(0, p - 6), p)
                if j is None:
                    break
                if j.start() in ends:
                    p = ends[j.start()]
                    continue
                n = NAME_BEFORE.search(doc.norm, max(0, j.start() - REACH), j.start())
                if n is None or not self._name(doc, n.start(1), n.end(1), orgs, covered, coded):
                    break
                out.append(self._mention(doc, n.start(1), n.end(1), category))
                ends[n.end(1)] = n.start(1)
                p = n.start(1)
        return out

    def _name(self, doc: Document, start: int, end: int, orgs: EntityTable, covered: set[int],
              coded: bool = False) -> bool:
        word = doc.key[start:end]
        text = doc.norm[start:end]
        sibling = coded and MODEL_CODE.fullmatch(text) is not None and PERIOD_CODE.fullmatch(text) is None
        if len(word) < 2 or (text.isupper() and len(text) <= CAPITALS_ALONE and not sibling):
            return False      # AI、GPU, a letter: no name (H20、L20: a code beside a code is one)
        last = word.rsplit(" ", 1)[-1]
        if self.is_other(word) or word in self.tiers or self.is_other(last) or last in self.tiers \
                or any(i in covered for i in range(start, end)):
            return False      # Quill GPU: a block word or a tier ends it, or a product's name is in it
        if " " not in word:
            return orgs.covering(start, end) is None
        # Apple Pencil: a maker's word may lead a longer name, which is no company's whole name
        org = orgs.covering(start, end)
        return org is None or all((s, e) != (start, end) for s, e in org.mentions)

    def closed_lists(self, doc: Document, mentions: list[ProductMention], orgs: EntityTable,
                     category_of) -> list[ProductMention]:
        """闪聊、云图画册、轻拍相机等产品: the Chinese members of a list 等 and a product's noun close."""
        key = doc.key
        found = {(m.start, m.end): m for m in mentions}
        ends = {m.end: m for m in mentions}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        by_start = sorted(mentions, key=lambda m: m.start)     # (the kind's fallback: bisected)
        starts = [m.start for m in by_start]
        out: list[ProductMention] = []
        for g in CLOSED_FINDER.finditer(key):
            deadline.check("products")
            c = CLOSED_END.match(key, g.start())
            if c is None or not self._ends_phrase(doc, c.end()):
                continue    # (研发、销售等服务团队, 芯片、电池等产品线: the noun goes on, no list of products)
            members: list[tuple[int, int]] = []
            owned = False
            p = g.start()
            for _ in range(MAX_MEMBERS):
                hit = ends.get(p)
                n = MEMBER_BEFORE.search(key, max(0, p - MEMBER_REACH), p)
                if n is not None and (hit is None or (key[hit.start].isascii() and n.start(1) < hit.start)):
                    s = n.start(1)      # 火山引擎VESDK: a Latin name another reader found, in a longer member
                elif hit is not None:
                    s = hit.start
                else:
                    break
                members.append((s, p))
                j = MEMBER_JOIN_BEFORE.search(key, max(0, s - 3), s)
                if j is None:
                    opened = LIST_OPEN_BEFORE.search(key, max(0, s - 4), s) is not None or s == 0
                    if not opened and (s, p) not in found:
                        members.pop()      # its start unknown: a word may run into it
                    owned = OWNED_OPEN.search(key, max(0, s - 4), s) is not None
                    break
                p = j.start()
            # 旗下的芯片、电池等产品: where no reader found a member (旗下 alone opens the list), a
            # member the segmenter reads as one common word of its dictionary is a word, no name
            # (饿了么、优酷、大麦等应用: a reader's names vouch for their mates); what is kept gives the
            # list its evidence.
            read = any(i in covered for s, e in members for i in range(s, e))
            if not read:
                members = [(s, e) for s, e in members if not self._common_word(doc, s, e, found, covered)]
            evidence = read or owned and len(members) >= 2
            if not evidence or len(members) < 2:
                continue
            kind = CLOSED_NOUNS[c.group(1)] or self._nearest_category(by_start, starts, g.start(), category_of) or "app"
            for s, e in members:
                word = key[s:e]
                if not MEMBER_CJK.fullmatch(word) or (s, e) in found or any(i in covered for i in range(s, e)) or PHRASE.search(word) \
                        or orgs.covering(s, e) is not None or self.is_other(word):
                    continue
                out.append(self._mention(doc, s, e, kind))
        return out

    def owned_lists(self, doc: Document, mentions: list[ProductMention], orgs: EntityTable,
                    category_of) -> list[ProductMention]:
        """旗下的闪聊、云图画册及轻拍相机，: the Chinese members of a list 旗下 opens, no 等 closing it."""
        key = doc.key
        found = {(m.start, m.end): m for m in mentions}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        out: list[ProductMention] = []
        for g in OWNED_FINDER.finditer(key):
            deadline.check("products")
            # each member read ends at a joiner or punctuation; one with words glued after
            # it (及轻拍相机应用) matches not and ends the list, its end unknown
            members = _list_members(key, g.end(), MEMBER_AFTER, MAX_MEMBERS)
            found_one = [(s, e) for s, e in members if (s, e) in found]
            if not found_one or len(members) < 2 or len(found_one) == len(members):
                continue
            m0 = found[found_one[0]]
            kind = category_of(m0) or "app"
            for s, e in members:
                word = key[s:e]
                if not MEMBER_CJK.fullmatch(word) or (s, e) in found or any(i in covered for i in range(s, e)) \
                        or PHRASE.search(word) or orgs.covering(s, e) is not None or self.is_other(word):
                    continue
                out.append(self._mention(doc, s, e, kind))
        return out

    def opened_lists(self, doc: Document, mentions: list[ProductMention], orgs: EntityTable,
                     category_of) -> list[ProductMention]:
        """包括甲傳說(亞運版)、Quorbit、星河對決2及乙之戰M，: the members of a list an inclusion word
        opens, no 等 closing it, where other readers found two members as products."""
        key = doc.key
        found = {(m.start, m.end): m for m in mentions}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        starts = {m.start: m for m in mentions}
        out: list[ProductMention] = []
        for g in OPENED_FINDER.finditer(key):
            deadline.check("products")
            members = _list_members(key, g.end(), OPENED_MEMBER, MAX_OPENED)
            found_in = [starts[s] for s, e in members if s in starts and starts[s].end <= e]
            if len(found_in) < 2 or len(members) < 3 or len(found_in) == len(members):
                continue
            kind = category_of(found_in[0])
            for s, e in members:
                word = key[s:e]
                if (s, e) in found or any(i in covered for i in range(s, e)) or orgs.covering(s, e) is not None \
                        or self.is_other(word):
                    continue
                if word.isascii():
                    if not OPENED_LATIN.fullmatch(word) or not self._opened_latin(doc, s, e):
                        continue
                elif not OPENED_CJK.fullmatch(word) or PHRASE.search(word) \
                        or self._common_word(doc, s, e, found, covered):
                    continue
                out.append(self._mention(doc, s, e, kind))
        return out

    def _opened_latin(self, doc: Document, start: int, end: int) -> bool:
        """A Latin member of an opened list: no generic word or tier (nor its last word), and bare
        capitals only with a digit and three letters (DOTA2; not AI, GPU, 5G)."""
        word = doc.key[start:end]
        text = doc.norm[start:end]
        last = word.rsplit(" ", 1)[-1]
        if len(word) < 2 or self.is_other(last) or word in self.tiers or last in self.tiers:
            return False
        letters = sum(c.isalpha() for c in text)
        return not text.isupper() or (letters >= 3 and letters < len(text.replace(" ", "")))

    @staticmethod
    def _ends_phrase(doc: Document, e: int) -> bool:
        """Does the list's closing noun end its phrase at e: punctuation, the text's end, 都 / 均 /
        也, or a word that is no noun (a verb: 等产品上线)? Not 线, 团队, 问题, 场景, 领域 …"""
        if PHRASE_END_AFTER.match(doc.key, e):
            return True
        k = e + (doc.key[e:e + 1] == " ")
        if not doc.starts_token(k):
            return False
        return not doc.tokens[doc.token_index_at(k)].pos.startswith("n")

    def _common_word(self, doc: Document, s: int, e: int, found, covered) -> bool:
        """Is the member one word of the segmenter's dictionary (芯片, 研发), no name's tag,
        and no reader's product?"""
        if (s, e) in found or any(i in covered for i in range(s, e)):
            return False
        i = doc.token_index_at(s)
        tok = doc.tokens[i]
        return tok.start == s and tok.end == e and tok.pos not in NAME_TAGS and self.in_dictionary(doc.key[s:e])

    @staticmethod
    def _nearest_category(by_start, starts, at: int, category_of) -> str | None:
        """The kind of the nearest mention before at (within 60 characters) that has one."""
        i = bisect.bisect_left(starts, at) - 1
        while i >= 0 and starts[i] > at - 60:
            category = category_of(by_start[i])
            if category:
                return category
            i -= 1
        return None

    @staticmethod
    def _mention(doc: Document, start: int, end: int, category: str | None) -> ProductMention:
        text = doc.norm[start:end]
        return ProductMention(start, end, end, slug(text) if text.isascii() else name_id(text), {"name": text, "category": category},
                              "gloss-name", category=category)
