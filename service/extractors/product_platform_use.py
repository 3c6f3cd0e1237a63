"""Apps, services and platforms named by how the text uses them (CONVENTIONS 15; cases in
tests/extractors/cases/product_names.yaml):

- Steam 用户, Zorbit專頁, 在twitter留言, 在 Steamcharts 上, DropX的用户, Chirper 群組: a Latin name that users,
  accounts, posts, chat groups or trending lists belong to, or that something happens on (在 … 上), is a
  platform, though no list holds it; every other mention of the name as a word is the same
  platform (Steam 年终回顾数据显示); with a capitalised word after it, it leads a product of
  its own (Steam Deck).
- 於 Zorbit 購買, 在Zorbit公開發售: a Latin name that 在 or 于 puts a purchase or a sale on is a
  platform (`BUY_VERBS`).
- 在 Chirper 发文, 于Chirper指, 在Chirper确认: a Latin name that 在 or 于 puts a post, a
  statement or a confirmation on is a platform too; a single capital only with a post's verb
  (在Q发文, 在Q上贴文: a network named by one letter), read at that mention only (the merge in
  products.py may still add the letter's other whole-word mentions, Model Q's Q among them).
- 於Q平台上接受提問, 在Q平台（前身为Chirper）上宣布, 在Q（前Chirper）分享: a single capital 在 or 于
  puts right before 平台 is a network whatever is done there (no car platform something is
  built on: 在E平台上打造新车), and one a former name glosses (前, 前身为, 旧称, 原 …) with a post's
  or a statement's verb after (上 between allowed) is one too (`LETTER_PLACED`).
- 前身为Chirper的「Q」等社群平台, 前身為Chirper的Q上: a single capital after a former name (前身为 …
  的), then 上, 等 … 平台 or a user's or a post's word, is a renamed network.
- 在微博上, 微博热搜: the same words keep a known app's name a product where the
  organisations extractor read it as the company (`used_as_platform`); so does a platform's
  or an app's noun right before it (短影音平台TikTok, 社群平台微博) or right after it (TikTok平台),
  unless a company's word or deed follows the name (平台TikTok宣布收购: the company acting).
- 抖音、新浪微博, 透過新浪微博, 在新浪微博上傳影片: the knowledge base's name of a company
  that runs an app, read as the company, names the app where it is listed beside an app
  another reader found or made a channel (`apps_read_as_companies`); the company stays.

- 微軟旗下的Zorbit，原本主攻職場用戶, 甲集团旗下 Zorbit 的下载量: a Latin name right after
  旗下 (的 between allowed) is an app or platform when the words after it in its sentence speak
  of its users, downloads, accounts or app stores (用户, 下载, 上架, 帐号, 会员, 贴文 …: `OWNED_USE`)
  before any word of a company (公司, 团队, 创办, 员工, 营收 …: `OWNED_COMPANY`), which makes it
  the owner's subsidiary (旗下的Zorbit公司, 旗下Zorbit，由…創辦). Such a name may be the company's
  too (the knowledge base's or the organisations extractor's): the text then names both, and
  the product is listed beside the organisation (CONVENTIONS 15). Never a generic word, a tier,
  or a name a capitalised word continues (旗下 Zorbit Pay: the longer name is another reader's).
  (`owned`)

Never a company's name (the knowledge base's or a generic word: Apple 用户, AI 用户), a tier
(Plus 用户, Pro 用户), or capitals alone (RPG 玩家, 在 CES 上: a genre, an event).
The cues are found in one Aho-Corasick pass and read around with anchored regexes: linear
in the text.
"""
from __future__ import annotations

import re

from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass

from .. import deadline
from ..nlp.document import Document
from ..ids import name_id
from .product_grammar import Found, slug

# A Hong Kong stock short name's marker after a name (快手-W, 网易-S, 百度集团-SW; key view:
# half-width, lower case): the listed company's stock, never its app (organizations.py,
# product_mentions.py). The markers are HKEX's naming conventions: S a secondary listing, W
# weighted voting rights, B a pre-revenue biotech, P a pre-commercial specialist technology
# company (Chapter 18C), R a renminbi counter, and their pairs (SW, SB, SWR); longest first.
# A Han character may follow (快手-W涨2%), but not 端: 快手-B端 is its business side.
SHARE_CLASS = re.compile(r" ?- ?(?:swr|sw|sb|w|s|b|p|r)(?![a-z]|端)")
# Words after a name that say people use it (key view: Traditional is read as Simplified).
# 专页, 粉专, 粉丝专页: a page kept on it (Facebook專頁, 臉書粉專).
USE_WORDS = ("用户", "玩家", "账号", "账户", "帐号", "帐户", "留言", "发文", "发帖", "帖文", "贴文", "热搜", "群组", "群聊",
             "专页", "粉专", "粉丝专页")
USE_AFTER = re.compile(r" ?(?:的)?(?:" + "|".join(USE_WORDS) + ")")
# 在 … 上, 于 … 上: something happens on it.
ON_BEFORE = ("在", "于")
ON_AFTER = re.compile(r" ?上(?!市|线|涨|升|半|述|次|午|周|月|年|任|台|场|限|映)")
# 在 Chirper 发文, 于Chirper指: a post or a statement made on it, with 在 or 于 right before the name.
POST_VERBS = ("发文", "发帖", "帖文", "贴文", "推文", "写道", "留言", "贴出", "转发")
SAY_VERBS = ("表示", "指出", "指", "称", "确认", "宣布", "回应", "透露", "说", "直播")
SAID_AFTER = re.compile(r" ?(?:" + "|".join(sorted(POST_VERBS + SAY_VERBS, key=len, reverse=True)) + ")")
POST_AFTER = re.compile(r" ?上? ?(?:" + "|".join(POST_VERBS) + ")")
# 在Q平台发文, 在 Q 上表示, 于Q平台上的帖子: a single capital with 平台 or 上 after it (or both),
# then a post's or a statement's verb (发表, 发起, 分享 too) or a post's noun after 的 (key view).
LETTER_STAGE = re.compile(r" ?(?:平台 ?上?|上)")
LETTER_SAID = re.compile(r" ?(?:" + "|".join(sorted(POST_VERBS + SAY_VERBS + ("发表", "发起", "分享"), key=len, reverse=True))
                         + r"|的 ?(?:帖子|贴文|帖文|发文|推文|账号|帐号))")
SAID_CUES = frozenset(POST_VERBS + SAY_VERBS)
# 於 Zorbit 購買門票, 在Zorbit公開發售: a Latin name that 在 or 于 puts a purchase or a sale on is a
# platform too (the cue right after the name, one space allowed).
BUY_VERBS = ("购买", "购票", "订购", "订票", "预订", "下单", "发售", "公开发售", "售卖")
PLACEHOLDERS = frozenset("ABCD")    # 平台A: the capitals a text uses for an unnamed one
CUES = tuple(dict.fromkeys(USE_WORDS + ("上", "平台") + POST_VERBS + SAY_VERBS + BUY_VERBS))   # (what a finder looks for first)
CUE_FINDER = ahocorasick_rs.AhoCorasick(CUES, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
# A Latin name ending right before a cue (one space allowed): Steam, Steamcharts, twitter.
# Hugging Face, Google Play: capitalised words after the first are part of the name.
NAME_BEFORE = re.compile(r"(?<![A-Za-z0-9.\-_@/])([A-Za-z][A-Za-z0-9]{2,19}(?: [A-Z][A-Za-z0-9]{1,19}){0,2}) ?(?:的)?\Z")
RUNS_ON = re.compile(r" ([A-Z][a-z]+)(?![A-Za-z0-9])")     # Steam Deck: the first word of a longer name
REACH = 48
# Q（原Chirper）, Q (原 Chirper): a single capital and a gloss of its former name, ending at the cue
# (one space allowed; read backwards from the closing bracket only, within RENAMED_REACH). The
# normalised and key views are half-width: a full-width （） arrives as ().
RENAMED_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Z]) ?\( ?原 ?(?:名|称|稱)? ?[^()\n]{2,16}\) ?\Z")
RENAMED_REACH = 26
# 前身为Chirper的「Q」等社群平台, 前身為Chirper的Q上: a single capital a former-name phrase comes
# before, then a network's use (上, 等 … 平台/社群/社交, a user's or a post's word): a renamed network.
FORMERLY = "前身"
FORMERLY_AS = re.compile(r"前身(?:为|是) ?[^,。;!?\n「」“”]{1,16}?的 ?[「“]? ?([a-z]) ?[」”]?")
NETWORK_AFTER = re.compile(r" ?(?:上(?!市|线|涨|升|半|述|次|午|周|月|年|任|台|场|限|映|海)|等[^,。;!?\n]{0,6}?(?:平台|社群|社交)|"
                           r"(?:的)?(?:" + "|".join(USE_WORDS) + "))")
# 在Q平台上接受访问, 于 Q 平台陈情: a single capital 在 or 于 puts right before 平台 is a network,
# whatever is done there; 在Q（前Chirper）分享, 于Q（前身为Chirper）上表示: one a former name
# glosses (前, 前身为, 旧称 or 原 …), then a post's or a statement's verb (上 between allowed).
LETTER_PLACED = re.compile(r"(?:在|于) ?([a-z]) ?(?:平台|\( ?(?:前身(?:为|是)|前|旧称|原 ?(?:名|称)?) ?[^()\n]{2,16}\) ?(?:上 ?)?"
                           r"(?:" + "|".join(sorted(POST_VERBS + SAY_VERBS + ("发表", "发起", "分享"), key=len, reverse=True))
                           + r"))")
# Q帳號, Q用户, Q應用程式, Q平台上, Q平台的用户: a single capital whose accounts, users or app the
# text speaks of, or that something happens on as a platform (平台上), is a network with no 在 or
# 于 before it; no letter a Latin word or a number runs into (Model Q用户, 5G用户), no placeholder,
# no car platform something is built on (E平台上打造); 平台 then a statement alone is none (W平台回应).
# 甲擁有的Q平台: 的 right before the letter and 平台 after it is one too (a car platform's building
# or its base after it is none: 乙的E平台基礎上).
# (the key view is lower-cased: the first alternative opens with a look-ahead of its letter, so its
# look-behind is tried only at a letter; the second opens with 的)
LETTER_USED = re.compile(r"(?=[a-z])(?<![a-z0-9.\-_@/&+])([a-z]) ?(?:(平台) ?(?:上(?!市|线|涨|升|半|述|次|午|周|月|年|任|台|场|限|映|海)|"
                         r"的? ?(?:账号|帐号|账户|帐户|用户))|的? ?(?:账号|帐号|账户|帐户|用户|应用程序|应用程式|app(?![a-z])))"
                         r"|的 ?([a-z]) ?(平台)(?! ?(?:基础|上? ?的? ?架构))")
# the former name a listed letter's gloss gives holds a Latin word (S（原型車）和T: a prototype's
# gloss, no network's)
LATIN_GLOSS = r"[^()\n]{0,10}?[a-z]{2}[^()\n]{0,14}?"
RENAMED_GLOSS = r"\( ?(?:前身(?:为|是)|前|旧称|原 ?(?:名|称)?) ?" + LATIN_GLOSS + r"\)"
# Dcard占13%、Q（原Chirper/Yapster）占9%: a single capital a former name glosses, listed (a join
# before the letter or soon after the gloss); Chirper（Chirper，現稱Q）: the letter a gloss gives
# as the present name (W（原Yapster）回應 alone is none: no list, no gloss naming it).
LETTER_LISTED = re.compile(r"(?:、|和|与|及) ?([a-z]) ?" + RENAMED_GLOSS
                           + r"|(?<![a-z0-9.\-_@/&+])([a-z]) ?" + RENAMED_GLOSS + r" ?[^,。;!?\n()]{0,8}?(?:、|和|与|及)"
                           # the comma first, its two words checked behind: a leading [^()]{2,16} would be tried at every character
                           r"|(?<=[^()\n]{2}), ?(?:现称|现名|现为|今称|今名) ?([a-z]) ?\)")
# Words one of which each pattern needs (a substring test is far cheaper than the pattern's
# attempt at every letter or character of a text that holds none).
LETTER_USED_WORDS = ("平台", "账", "帐", "用户", "应用程", "app")
LETTER_LISTED_WORDS = ("(前", "( 前", "(原", "( 原", "(旧称", "( 旧称", "现称", "现名", "现为", "今称", "今名")
# 在E平台上打造三款新车: a car maker's platform a model is built on, no network (a building verb
# after it, or a vehicle's word in the clause).
BUILT_ON = re.compile(r" ?上? ?(?:打造|开发|研发|推出|生产|制造|构建|搭建|衍生|量产|设计|诞生|[^,。;!?\n]{0,10}?(?:车|架构))")
MAX_NAMES = 8
# 旗下的Zorbit, 旗下 Zorbit: the Latin name right after 旗下 (key view).
OWNED = "旗下"
OWNED_NAME = re.compile(r"(?:的|之)? ?([a-z][a-z0-9]{1,19}(?:[ .\-][a-z0-9]{1,19}){0,2})(?![a-z0-9.\-])")
# The words after the name, to the sentence's end: users, downloads, accounts say an app; a
# company's word first says the owner's company (key view: Traditional reads as Simplified).
OWNED_REACH = 30
OWNED_WORDS = re.compile(r"用户|下载|上架|帐号|账号|会员|贴文|发文|订阅|玩家|app(?![a-z])|应用程序|"
                         r"(公司|集团|团队|工作室|实验室|创办|创立|创始|成立|员工|营收|股价|子公司|部门|总部|ceo|执行长|首席)")
OWNED_STOP = re.compile(r"[。!?;\n]")


def _named_capital(ch: str) -> bool:
    """A capital that may name a network: no placeholder (平台A)."""
    return "A" <= ch <= "Z" and ch not in PLACEHOLDERS


def _words_before(key: str, end: int, test):
    """(start, test(word)) for the words of 4, 3 and 2 characters ending at end, longest first,
    that `test` accepts (a known app's or company's Chinese name glued to the cue after it)."""
    for n in (4, 3, 2):
        start = end - n
        if start < 1:
            continue
        value = test(key[start:end])
        if value:
            yield start, value


def _placed_capital(doc: Document, start: int) -> bool:
    """在Q, 于 Q: a single capital at start (no placeholder), no Latin word or address running
    into it, 在 or 于 right before it (one space allowed)."""
    key = doc.key
    if not _named_capital(doc.norm[start]):
        return False
    if start > 0 and key[start - 1].isascii() and (key[start - 1].isalnum() or key[start - 1] in ".-_@/"):
        return False
    before = start - (key[start - 1:start] == " ")
    return key[before - 1:before] in ON_BEFORE


class PlatformUse:
    def __init__(self, is_other, tiers, is_known=lambda word: False, is_app=lambda word: False,
                 is_company=lambda word: None, product_of=lambda word: None) -> None:
        self.is_app = is_app          # a known app's, platform's or service's Chinese name
        self.is_company = is_company  # a knowledge-base company's Chinese name (key view): its id, or None
        # the knowledge base's product of that name, the network the company runs (推特): its id, or None
        self.product_of = product_of
        self.is_other = is_other      # a company's or a generic word (key view)
        self.is_known = is_known      # a product the knowledge base holds: read as such already
        self.tiers = tiers            # Plus, Pro, Max: a tier's users, no platform's

    def find(self, doc: Document, blocked=frozenset(), companies=frozenset()) -> list[Found]:
        """`blocked`: spans no output may take; `companies`: those of them the knowledge base gives
        to an organisation only (推特 in 在推特发文), which a company's network posted on may take
        still: the text names both, the company and the network it runs (CONVENTIONS 15)."""
        norm, key = doc.norm, doc.key
        names: dict[str, str] = {}     # key -> as written, names a cue made platforms
        known: set[tuple[int, int]] = set()     # 在微博上: a known app's Chinese name, where it is
        letters: set[tuple[int, int]] = set()   # 在Q发文: a single capital, that mention only
        posted: dict[tuple[int, int], str] = {}   # 在甲网上发文: a company's Chinese name posted on, its id
        for idx, at, _ in CUE_FINDER.find_matches_as_indexes(key):
            if len(names) >= MAX_NAMES:
                break
            cue = CUES[idx]
            deadline.check("products")
            p = at - (key[at - 1:at] == " ")
            p -= key[p - 1:p] == "的"
            p -= key[p - 1:p] == " "
            if cue == "平台":     # 在Q平台发文: a cue for a single capital only
                if p > 0 and key[p - 1].isascii() and key[p - 1].isalnum() and "的" not in key[p:at] \
                        and self._letter(doc, p - 1, at, cue):
                    letters.add((p - 1, p))
                continue
            if p > 1 and key[p - 1] == ")":   # (half-width view: （） arrives as ())
                # 在 Q（原Chirper）上回应: a single capital a former name glosses
                g = RENAMED_BEFORE.search(norm, max(0, p - RENAMED_REACH), p)
                if g is not None and self._renamed_letter(doc, g.start(1), at, cue):
                    letters.add((g.start(1), g.end(1)))
                continue
            if p > 0 and key[p - 1].isascii() and key[p - 1].isalnum():
                if self._letter(doc, p - 1, at, cue):
                    letters.add((p - 1, p))
                    continue
                # a Latin name may end here: read it backwards (the only regex per cue)
                n = NAME_BEFORE.search(norm, max(0, at - REACH), at)
                if n is not None and self._platform(doc, n.start(1), n.end(1), at, cue):
                    names.setdefault(key[n.start(1):n.end(1)], norm[n.start(1):n.end(1)])
            elif p > 1 and "\u4e00" <= key[p - 1] <= "\u9fff":
                known.update(self._known_app(doc, at, cue))
                if cue in SAID_CUES:
                    posted.update(self._posted_on_company(doc, at, cue))
        at = key.find(FORMERLY)
        while at >= 0 and len(letters) < MAX_NAMES:
            deadline.check("products")
            f = FORMERLY_AS.match(key, at)
            at = key.find(FORMERLY, at + len(FORMERLY))
            if f is None:
                continue
            s = f.start(1)
            if _named_capital(norm[s]) and NETWORK_AFTER.match(key, f.end()) \
                    and not (s + 1 < len(key) and key[s + 1].isascii() and key[s + 1].isalnum()):
                letters.add((s, s + 1))
        for g in LETTER_PLACED.finditer(key):
            if len(letters) >= MAX_NAMES:
                break
            deadline.check("products")
            s = g.start(1)
            if g.group(0).endswith("平台") and BUILT_ON.match(key, g.end()):
                continue
            if _named_capital(norm[s]) and not (key[s - 1].isascii() and (key[s - 1].isalnum() or key[s - 1] in ".-_@/")):
                letters.add((s, s + 1))
        for g in LETTER_USED.finditer(key) if any(w in key for w in LETTER_USED_WORDS) else ():
            if len(letters) >= MAX_NAMES:
                break
            deadline.check("products")
            s = g.start(1) if g.group(1) else g.start(3)
            if (g.group(2) or g.group(4)) and BUILT_ON.match(key, g.end()):
                continue
            if _named_capital(norm[s]) and not (s > 1 and key[s - 1] == " " and key[s - 2].isascii()
                                                and key[s - 2].isalnum()):
                letters.add((s, s + 1))
        for g in LETTER_LISTED.finditer(key) if any(w in key for w in LETTER_LISTED_WORDS) else ():
            if len(letters) >= MAX_NAMES:
                break
            deadline.check("products")
            s = next(g.start(i) for i in (1, 2, 3) if g.group(i))
            if _named_capital(norm[s]) and not (s > 0 and key[s - 1].isascii() and key[s - 1].isalnum()):
                letters.add((s, s + 1))
        out: list[Found] = [Found(s, e, key[s:e], norm[s:e], None, "app", evidence="gloss-name")
                            for s, e in sorted(known) if (s, e) not in blocked]
        out += [Found(s, e, key[s:e], norm[s:e], None, "platform", evidence="gloss-name")
                for s, e in sorted(letters) if (s, e) not in blocked]
        out += [Found(s, e, self.product_of(key[s:e]) or name_id(norm[s:e]), norm[s:e], company, "platform",
                      evidence="gloss-name")
                for (s, e), company in sorted(posted.items())
                if (s, e) not in known and ((s, e) not in blocked or (s, e) in companies)]
        for name in names:
            # Every mention of the name as a whole word, not the first word of a longer name
            # (Steam Deck): str.find over the key view.
            at = key.find(name)
            while at >= 0:
                end = at + len(name)
                whole = not (at > 0 and key[at - 1].isascii() and (key[at - 1].isalnum() or key[at - 1] in ".-_@/")) \
                    and not (end < len(key) and key[end].isascii() and key[end].isalnum())
                longer = RUNS_ON.match(norm, end)
                if whole and longer is not None and longer.group(1).lower() not in self.tiers \
                        and not self.is_other(longer.group(1).lower()):
                    # Steam Deck: the platform's name leads a product of its own
                    text = norm[at:longer.end()]
                    out.append(Found(at, longer.end(), slug(text), text, None, "other", evidence="gloss-name"))
                elif whole and longer is None and (at, end) not in blocked:
                    text = norm[at:end]
                    out.append(Found(at, end, slug(text), text, None, "platform", evidence="gloss-name"))
                at = key.find(name, end)
        return out

    def owned(self, doc: Document, is_generic, blocked=frozenset()) -> list[Found]:
        """微軟旗下的Zorbit，原本主攻職場用戶: a Latin name after 旗下 whose sentence then speaks of
        its users or downloads before any company's word (`is_generic(key)`: a generic word)."""
        key, norm = doc.key, doc.norm
        out: list[Found] = []
        at = key.find(OWNED)
        while at >= 0 and len(out) < MAX_NAMES:
            deadline.check("products")
            n = OWNED_NAME.match(key, at + len(OWNED))
            at = key.find(OWNED, at + len(OWNED))
            if n is None:
                continue
            s, e = n.span(1)
            word = key[s:e]
            if is_generic(word) or word in self.tiers or any(is_generic(w) or w in self.tiers for w in word.split(" ")) \
                    or RUNS_ON.match(norm, e) or (s, e) in blocked or norm[s:e].isupper() and len(word) < 3:
                continue
            stop = OWNED_STOP.search(key, e, e + OWNED_REACH)
            w = OWNED_WORDS.search(key, e, stop.start() if stop else e + OWNED_REACH)
            if w is None or w.group(1):
                continue     # nothing of an app's, or a company's word first
            out.append(Found(s, e, slug(norm[s:e]), norm[s:e], None, "platform", evidence="gloss-name"))
        return out

    def _known_app(self, doc: Document, at: int, cue: str):
        """在微博上, 微博热搜: a known app's Chinese name right before the cue (的 or a space
        between), which the segmenter may have glued to it (微博上): its span."""
        key = doc.key
        end = at - (key[at - 1:at] == " ")
        end -= key[end - 1:end] == "的"
        for start, _ in _words_before(key, end, self.is_app):
            if cue == "上" and not (key[start - 1:start] in ON_BEFORE and ON_AFTER.match(key, end)):
                continue
            yield start, end
            return

    def _posted_on_company(self, doc: Document, at: int, cue: str):
        """在甲网发文, 于甲网上表示: a knowledge-base company's Chinese name that 在 or 于 comes right
        before and a post's verb right after, or 上 and a statement's verb, names its
        network, as the company runs it (CONVENTIONS 15: the text names both): its span."""
        key = doc.key
        end = at - (key[at - 1:at] == " ")
        on = key[end - 1:end] == "上"
        if not on and cue not in POST_VERBS:
            return     # 在甲公司表示: a statement made at the company, no post on a network
        end -= on
        end -= key[end - 1:end] == " "
        for start, company in _words_before(key, end, self.is_company):
            before = start - (key[start - 1:start] == " ")
            if key[before - 1:before] in ON_BEFORE:
                yield (start, end), company
            return

    @staticmethod
    def _letter(doc: Document, start: int, at: int, cue: str) -> bool:
        """在Q发文, 于 Q 上贴文: a single capital 在 or 于 comes before and a post's verb after
        (上 between allowed) is a network's name."""
        if not _placed_capital(doc, start):
            return False
        post = POST_AFTER.match(doc.key, start + 1)
        if post is not None and (cue == "上" or post.end() == at + len(cue)):
            return True
        # 在Q平台发文, 在 Q 上表示, 于Q平台上的帖子: 平台 or 上 staged, then a post or a statement
        stage = LETTER_STAGE.match(doc.key, start + 1)
        return cue in ("上", "平台") and stage is not None and stage.end() > at \
            and LETTER_SAID.match(doc.key, stage.end()) is not None

    @staticmethod
    def _renamed_letter(doc: Document, start: int, at: int, cue: str) -> bool:
        """在 Q（原Chirper）上回应称, 于Q（原 Chirper）发文: a single capital that 在 or 于 comes
        before and a gloss of its former name (原 …) after, then 上 with a post's or a statement's
        verb, or a post's verb: a network renamed to one letter."""
        if not _placed_capital(doc, start):
            return False
        if cue == "上":
            return SAID_AFTER.match(doc.key, at + 1) is not None
        return cue in POST_VERBS

    def _platform(self, doc: Document, start: int, end: int, at: int, cue: str) -> bool:
        key, norm = doc.key, doc.norm
        word = key[start:end]
        if self.is_other(word) or word in self.tiers or self.is_known(word) \
                or any(self.is_other(w) or w in self.tiers for w in word.split(" ")):
            return False     # Gen AI 用户: a generic word in it
        if norm[start:end].isupper() and norm[start:end].isalpha():
            return False     # RPG 玩家, 在 CES 上: a genre's or an event's capitals, no platform
        before = start - (key[start - 1:start] == " ")
        if cue in SAID_CUES and key[before - 1:before] in ON_BEFORE:
            said = SAID_AFTER.match(key, end)     # 在 Chirper 发文, 于Chirper指
            if said is not None and said.end() == at + len(cue):
                return True
        if cue in BUY_VERBS:     # 於 Zorbit 購買, 在Zorbit公開發售: the cue right after the name
            return key[before - 1:before] in ON_BEFORE and at - end <= 1 and key[end:at].strip() == ""
        if cue != "上":
            return USE_AFTER.match(key, end) is not None and USE_AFTER.match(key, end).end() == at + len(cue)
        # 在 Steamcharts 上: the preposition right before the name, 上 right after it, no capitals alone
        return key[before - 1:before] in ON_BEFORE and ON_AFTER.match(key, end) is not None \
            and ON_AFTER.match(key, end).end() == at + 1


# 短影音平台TikTok, 社群平台 Zumio, 旗下应用Zumio: a platform's or an app's noun right before the
# name (a space allowed); Zumio平台, 微博平台上: one right after it (key view).
PLATFORM_NOUN_BEFORE = ("平台", "社交媒体", "社群媒体", "社交网站", "社群网站", "应用程序", "应用程式", "应用")
# 平台 Zumio 宣布, 平台Zumio收购: a statement or a deal the name makes is the company's (key view).
COMPANY_DEED_AFTER = re.compile(r" ?(?:已|将|则|也|今天|日前|近日)?(?:宣布|表示|指出|声明|回应|收购|并购|起诉|控告|裁员|上市|融资)")
PLATFORM_NOUN_AFTER = re.compile(r" ?(?:平台|应用程序|应用程式|app(?![a-z]))")


def used_as_platform(key: str, start: int, end: int) -> bool:
    """在微博上, 微博热搜, 微博用户, 社群平台微博, 微博平台: a known app's name used as one, where
    the organisations extractor read it as the company (a company's word after the name keeps
    it the company: 平台Zumio公司)."""
    if USE_AFTER.match(key, end) is not None:
        return True
    before = start - (key[start - 1:start] == " ")
    if key[before - 1:before] in ON_BEFORE and ON_AFTER.match(key, end) is not None:
        return True
    if COMPANY_AFTER.match(key, end) is not None or COMPANY_DEED_AFTER.match(key, end) is not None:
        return False     # 平台Zumio公司, 学习平台 Zumio 宣布收购: the company that runs it acts
    return PLATFORM_NOUN_AFTER.match(key, end) is not None \
        or any(key.endswith(w, 0, before) for w in PLATFORM_NOUN_BEFORE)


def used_by_its_users(key: str, start: int, end: int) -> bool:
    """小红书帐户, 在小红书上, 爱奇艺用户: the platform's own words after the name (its users,
    accounts, posts) or 在 … 上 around it, for a name the knowledge base shares between a
    company and its app; a platform's noun before it is not enough (视频平台爱奇艺向法院起诉:
    the company, described)."""
    if USE_AFTER.match(key, end) is not None:
        return True
    before = start - (key[start - 1:start] == " ")
    return key[before - 1:before] in ON_BEFORE and ON_AFTER.match(key, end) is not None


# 透過抖音發布, 通过快手直播: a channel the words before the name make of it (key view).
THROUGH_BEFORE = ("透过", "通过", "经由", "借由")
# 在快手发布贴文, 在抖音上发布影片: a post 在 puts on it (发布 with what is posted, or a post's verb).
POSTED_AFTER = re.compile(r" ?上? ?(?:发布|发表|上传|分享|张贴|贴出)(?:了)?(?:一?[则条篇段支部个]?)?"
                          r"[^，。,;；!?！？\n]{0,6}?(?:贴文|帖文|帖子|动态|影片|视频|短片|短视频|直播|消息|文章|图片|照片|笔记)")
APP_KINDS = frozenset({"app", "platform", "service"})


def apps_read_as_companies(doc: Document, mentions, record_of) -> list[tuple[int, int, dict]]:
    """抖音及新浪微博, 透過新浪微博發布, 在新浪微博发布贴文: a knowledge-base name of a company
    that runs an app (`record_of(match)`: the app's record, its category an app's, a platform's
    or a service's, or None), which the organisations extractor read as the company, names
    the app where the text lists it beside an app another reader found (joined by 、 和 及 与
    或, either side) or makes it a channel (透過 / 通过 before it, or 在 before it and a post
    published after it). Only the knowledge base's names of such companies; never a name a
    product reader took already. Each match is read once with anchored patterns: linear."""
    key = doc.key
    apps = [m for m in mentions if (m.category or (m.family or {}).get("category")) in APP_KINDS]
    app_ends = {m.end for m in apps}
    app_starts = {m.start for m in apps}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out: list[tuple[int, int, dict]] = []
    for g in doc.layers["gazetteer"]:
        deadline.check("products")
        if not g.of_kind("organization") or key[g.start:g.end].isascii() \
                or any(i in taken for i in range(g.start, g.end)):
            continue
        record = record_of(g)
        if record is None or record.get("category") not in APP_KINDS:
            continue
        before = g.start - (key[g.start - 1:g.start] == " ")
        listed = False
        j = JOIN_BEFORE_APP.search(key, max(0, before - 4), g.start)
        if j is not None and j.start() in app_ends:
            listed = True
        j = JOIN_AFTER_APP.match(key, g.end)
        if j is not None and j.end() in app_starts:
            listed = True
        channel = any(key.endswith(w, 0, before) for w in THROUGH_BEFORE) \
            or (key[before - 1:before] in ON_BEFORE and POSTED_AFTER.match(key, g.end) is not None)
        if (listed or channel) and COMPANY_AFTER.match(key, g.end) is None:
            out.append((g.start, g.end, record))
    return out


# 通过新浪微博的子公司: a company's word after the name keeps it the company (key view).
COMPANY_AFTER = re.compile(r" ?(?:的|之)?(?:子公司|公司|集团|股份|股价|股东|旗下|团队|员工|创办|董事|高层|营收|ceo|执行长|总裁)")
JOIN_BEFORE_APP = re.compile(r"(?:、|以及|和|与|及|或) ?\Z")
JOIN_AFTER_APP = re.compile(r" ?(?:、|以及|和|与|及|或) ?")


# 朋友圈: an app's place people post to whose name is also an everyday word (product_lexicon.yaml:
# posting_places), read only where someone posts there or reads its posts (key view):
# 在朋友圈发文, 在其个人朋友圈上, 发了条朋友圈, 更新朋友圈, 刷朋友圈 (the words right before it), or
# 他的朋友圈消息, 车主的朋友圈中 (的 right before it and its posts' words right after). Never
# 火爆朋友圈, 刷屏朋友圈, 刷爆了朋友圈, 拓展朋友圈 (going viral, a circle of partners), nor 微信朋友圈 (the
# app's name before it: another reader's).
POSTED_PLACE_BEFORE = re.compile(r"(?:(?:在|于)(?:其|他|她|自己|个人|其个人|他们|她们)?(?:的)?|"
                                 r"(?:发|晒|刷|更新|转发到|分享到|发到|晒到|发布到|发布在|贴到)(?:了)?(?:一?条)?) ?\Z")
OWNER_BEFORE = re.compile(r"的 ?\Z")
POSTS_AFTER = re.compile(r" ?(?:消息|动态|截图|中|里|上|称|写道|表示|显示|发文|晒出|更新|内容|评论区|留言)")
PLACE_REACH = 8
# The owner before 的 is a person: a name, a pronoun, or a word for someone (店主, 车主, 网友,
# 博主, 记者) — never a country's or anyone else's circle of friends (在中国的朋友圈中).
PERSON_NOUN_ENDS = frozenset("主友者人员师家长客手生")


def _own_word(doc: Document, pos: int, is_word) -> bool:
    """Is the verb or 在/于 at pos a word of its own: a token's start, or the tail the segmenter
    glued to a word before it into no dictionary word (小二在, 車主在)? Not the 于 of 关于/对于/由于,
    the 发 of 引发/开发 (is_word: the segmenter's dictionary, key view)."""
    if doc.starts_token(pos):
        return True
    tok = doc.tokens[doc.token_index_at(pos)]
    return tok.end == pos + 1 and not is_word(doc.key[tok.start:tok.end])


def _person_owner(doc: Document, end: int) -> bool:
    """Is the word ending at end (before 的) a person's name, a pronoun or a word for someone?"""
    while end > 0 and doc.key[end - 1] == " ":
        end -= 1
    if end <= 0 or not doc.ends_token(end):
        return False
    tok = doc.tokens[doc.token_index_at(end - 1)]
    if tok.pos.startswith(("nr", "r")):
        return True
    return tok.pos == "n" and doc.key[end - 1] in PERSON_NOUN_ENDS   # (广安人的: 人 a word alone)


def posting_places(doc: Document, places: dict, blocked=frozenset(), is_word=lambda word: False) -> list[Found]:
    """在朋友圈发文, 他的朋友圈消息: an app's posting place (`places`: key -> (vendor, category))
    named where someone posts there or reads its posts; each mention read with anchored
    patterns over a few characters before and after it: linear."""
    key, norm = doc.key, doc.norm
    out: list[Found] = []
    for name, (vendor, category) in places.items():
        at = key.find(name)
        while at >= 0:
            deadline.check("products")
            end = at + len(name)
            lo = max(0, at - PLACE_REACH)
            posted = POSTED_PLACE_BEFORE.search(key, lo, at)
            owner = OWNER_BEFORE.search(key, lo, at)
            if (at, end) not in blocked and (
                    posted is not None and _own_word(doc, posted.start(), is_word)
                    or owner is not None and POSTS_AFTER.match(key, end) is not None
                    and _person_owner(doc, owner.start())):
                out.append(Found(at, end, name_id(norm[at:end]), norm[at:end], vendor, category, evidence="gloss-name"))
            at = key.find(name, end)
    return out
