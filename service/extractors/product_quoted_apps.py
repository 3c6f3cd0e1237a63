"""Apps, platforms and systems named in quotes or launched by an organisation (cases in
tests/extractors/cases/product_names.yaml):

- 「晴雨快報」下載量達800萬次, 「節水先鋒」程式總下載量, 「QuakeBell」App: a quoted name right
  before its downloads, or before an app noun (App, 程式, 應用程式, 小程序) is an app. The name must
  be coined: a Chinese name no dictionary holds as one word, or a Latin name that is no generic
  word, tier or company's (“AI”应用 names nothing).
  A name in the user's voice (「我的雨量站」) or Chinese parts joined by a slash (「驗樓/驗窗錦囊」)
  is coined too.
- 「晴雨快報」已於各大平台上架, “节水先锋”现可免费下载: a quoted coined name and, in the same
  clause, a verb of putting it on sale or downloading it is an app.
- 晴康通應用程式 … 上載資料到「晴康通」: a coined Chinese name right before an app noun, unquoted
  there, that the text also writes alone in quotes (not only after a speech verb) is an app: the
  quote is the evidence it is a name (天氣應用程式 … 「天氣」 names none: a dictionary word).
- 已登記「晴雨通」, 下载“节水先锋”: a verb of registering, installing or downloading right before a
  quoted coined name (no scheme's, fund's, event's, company's or account's) is an app; 「晴雨通流動應用程式」, 「2468 Online
  App」: a quoted coined name (a number and a Latin word too) with the app noun inside the quotes.
- 登入晴雨通的流動應用程式, 登录Zorvia的App: a coined name between a login and 的 + an app noun
  is an app (no organisation's name, no phrase a determiner starts).
- 甲公司所開發的「校園智慧點名系統」, 推出的“乙平台”: a quoted name ending in a system, platform or
  app noun right after a verb of making or launching and 的 (或 了) is that product, the noun in its
  name.
- 乙公司推出的Zorvia, 丙集团发布的“星云助手”: a Latin or quoted coined name right after an
  organisation's mention (the organisations extractor's), a verb of making or launching and 的 is a
  product of that organisation.
- 應用程式cloudnest.app, 下载了……的tidepool.app: a lowercase domain-style name right after an app
  noun, or any such name whose ending is .app written against Chinese text (no web address's
  part: no slash, dot, @ or letter before it), is an app.
- 開發校園點名系統（Roll Call System, RCS）, 推出病历摘要系统（Chart Digest System）: a Chinese
  name ending in 系統, glossed right after in brackets by capitalised Latin words ending in
  System (an acronym after a comma allowed), is that system; its name
  starts right after a verb of making or using (no 的, 了 or preposition between; 4 to 18
  characters with the noun): 是X系統（X System）的簡稱 defines a kind of system, none made.
- 晴康通應用程式 … 「晴康通+」: a quoted name that is a product's name the text writes and a plus
  sign (+, ＋) is that product's successor, a product of its own of the same kind (plus_versions).
- 「地震速報」App … 「台灣地震速報」App: a name found here that ends another product's longer name
  the text also writes (a place's or a maker's word before it) is that product's short form: one
  product, under the longer one's id.

One regex search per rule over the key view, every check after a match bounded: linear in the text.
"""
from __future__ import annotations

import re

from .. import deadline
from ..nlp.document import Document
from .entities import EntityTable
from ..ids import name_id
from .product_mention import ProductMention

OPEN = "「“『"
CLOSE = "」”』"
QUOTED = rf"[{OPEN}]([^{OPEN}{CLOSE}\n]{{2,20}})[{CLOSE}]"
# Key view: Traditional reads as Simplified, Latin in lower case.
APP_NOUNS = r"(?:流动应用程序|流动应用程式|手机应用程序|手机应用程式|应用程序|应用程式|小程序|小程式|程式|app(?![a-z]))"
DOWNLOADS = r"(?:总?下载量|总?下载次数|下载总量)"
# 「X」App, 「X」程式總下載量, 「X」下載量: the quote, then an app noun or its downloads.
APP_AFTER = re.compile(QUOTED + rf" ?(?:{APP_NOUNS}|(?={DOWNLOADS}))")
# 醫健通應用程式: an unquoted name right before an app noun (the name quoted elsewhere).
BARE_APP_NOUN = re.compile(rf" ?{APP_NOUNS}")
QUOTED_RE = re.compile(QUOTED)
# where an app noun starts (key view): the noun's core, then a word that may lead it
APP_NOUN_ANCHORS = ("应用", "程式", "程序", "app")
APP_NOUN_LEADS = ("流动", "手机", "小")
# 「X」已於各大平台上架, “X”现可免费下载: the quote, then in the same clause a verb of putting an
# app on sale or downloading it.
CLAUSE_GAP = rf"[^，。；：！？,;:!?\n{OPEN}{CLOSE}]{{0,12}}?"
SHELVED = re.compile(QUOTED + CLAUSE_GAP + "(?:下载|上架)")
SHELVED_NAME = 10      # characters: a longer quote is a sentence
SPEECH_MARKS = " ：:，,"
# 已登記「X」, 下载“X”: a verb of registering for, installing or downloading, then the quote.
# (注册 registers a company or an account as often as it signs up to an app: left out.)
USE_BEFORE = re.compile(r"(?:下载|安装|登记)了? ?" + QUOTED)
# 登記「X計劃」: a scheme, a fund, a programme or an event is registered for too, no app; nor is a
# company (登记“某某传媒”), nor an account a public-account noun follows (公众号).
NOT_AN_APP_END = re.compile(r"(?:计划|方案|资助|基金|活动|比赛|课程|讲座|考试|选举|名册|登记册|补贴|津贴|券"
                            r"|公司|集团|传媒|科技|银行|协会|商会|中心|工作室)$")
ACCOUNT_AFTER = re.compile(rf"[{CLOSE}] ?(?:公众号|账号|帐号|帐户|账户|号)")
# 「X流動應用程式」: a quoted name with the app noun inside the quotes; the name is the part before.
NOUN_INSIDE = re.compile(rf"[{OPEN}]([^{OPEN}{CLOSE}\n]{{2,20}}?) ?{APP_NOUNS}[{CLOSE}]")
# 1823 Online: a number and a Latin word make a name (the word checked as a Latin name).
NUMBER_LATIN = re.compile(r"[0-9]+ ([a-z][a-z0-9]*(?: [a-z0-9]+)?)")
# 登入X的流動應用程式, 登录X的App: a login, a name, 的, then an app noun.
LOGIN_APP = re.compile(rf"(?:登入|登录) ?([\u4e00-\u9fff]{{2,8}}?|[A-Za-z][A-Za-z0-9]{{2,15}}) ?的 ?{APP_NOUNS}")
# 各銀行, 該公司, 自家: a determiner or pronoun first makes a phrase, no name.
DETERMINER_FIRST = frozenset("各每某本其该此这那自我你他她")
MAKE_VERB_WORDS = ("推出", "发布", "开发", "研发", "打造", "上线", "启用", "建置", "建立")
MAKE_VERBS = rf"(?:{'|'.join(MAKE_VERB_WORDS)})"
# 所開發的「X系統」, 推出了“X平台”: a verb, 的 or 了, then a quoted name ending in its head noun.
HEADS = r"(?:系统|平台|应用程序|应用程式|小程序|app)"
MADE_HEADED = re.compile(MAKE_VERBS + rf"(?:的|了) ?[{OPEN}]([^{OPEN}{CLOSE}\n]{{2,18}}{HEADS})[{CLOSE}]")
# 乙公司推出的Zorvia, 丙集团发布的“星云助手”: an organisation, 所 allowed, a verb, 的, the name.
# (所?{MAKE_VERBS}, written as one alternation of literal words, 所 ones first as 所? tries them, so
# that `re` skips to their first characters: an optional 所 first made it try every character;
# tests/extractors/test_scan_gates.py holds it to that definition.)
ORG_MADE = re.compile(rf"(?:{'|'.join(['所' + v for v in MAKE_VERB_WORDS] + list(MAKE_VERB_WORDS))})的 ?"
                      rf"(?:{QUOTED}|([A-Za-z][A-Za-z0-9]*(?: [A-Z0-9][A-Za-z0-9]*){{0,2}}))")
LATIN_NAME = re.compile(r"(?:[A-Z][a-z0-9]+[A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?: [A-Z0-9][A-Za-z0-9]*){0,2}")
# 應用程式cloudnest.app: a lowercase domain-style name (no web address's part on either side).
DOMAIN = r"[a-z][a-z0-9\-]{1,30}\.(?:app|com|io|net|ai|hk|tw|cn)(?![a-z0-9./_\-@])"
DOMAIN_AFTER_NOUN = re.compile(rf"{APP_NOUNS} ?({DOMAIN})")
# 的tidepool.app: a name ending .app right after Chinese text is an app by its own ending.
DOT_APP = re.compile(r"(?<=[\u4e00-\u9fff])([a-z][a-z0-9\-]{1,30}\.app)(?![a-z0-9./_\-@])")
# 校園點名系統（Roll Call System, RCS）: Chinese ending in a system noun, a bracketed Latin gloss
# (read on the normalised text: the key view lowers Latin).
GLOSSED_SYSTEM = re.compile(r"([\u4e00-\u9fff]{2,16}?系[统統]) ?[（(] ?(?:[A-Z][A-Za-z]* ){1,6}"
                            r"Systems?(?:[,，] ?[A-Z]{2,6})? ?[）)]")
# where such a name starts: after the last verb of making or using, 的, 了 or a preposition; the
# last must be the verb (the text makes or uses that system, no kind of system it defines)
MAKE_OR_USE = re.compile(rf"{MAKE_VERBS}|使用|采用|引入")
SYSTEM_NAME_FROM = re.compile(rf"(?:{MAKE_OR_USE.pattern}|负责|名为|的|了|在|与|和|及|把|将|以)")
# 地震速報App: the app noun at a name's end, left out when names are compared (key view).
APP_NOUN_END = re.compile(rf" ?{APP_NOUNS}\Z")
CJK = re.compile(r"[\u4e00-\u9fff]+")
MIXED = re.compile(r"[\u4e00-\u9fffa-z0-9][\u4e00-\u9fffa-z0-9 .\-]*[\u4e00-\u9fffa-z0-9]")
LATIN_PART = re.compile(r"[a-z0-9]+")
LATIN_ONLY = re.compile(r"[a-z][a-z0-9 .\-]*[a-z0-9]")
# After a Latin name: a capitalised or Latin word goes on (the name is longer), a company's noun
# makes it a company's name.
NAME_GOES_ON = re.compile(r"[A-Za-z0-9.\-_]| [A-Za-z0-9]")
COMPANY_AFTER = re.compile(r" ?(?:公司|集团|团队|实验室|基金|计划|项目|报告|政策|法案|条例|关税|标准)")


class QuotedApps:
    def __init__(self, has_word, is_other, tiers, known, speech_verbs=frozenset()) -> None:
        self.speech = speech_verbs    # 說, 表示 (key view): a quote right after one is speech
        self.speech_reach = max(map(len, speech_verbs), default=0)
        self.known = known            # a knowledge-base product's id
        self.has_word = has_word      # a dictionary word (key view)
        self.is_other = is_other      # a company's or a generic word (key view)
        self.tiers = tiers

    def find(self, doc: Document, mentions: list[ProductMention], orgs: EntityTable) -> list[ProductMention]:
        key, norm = doc.key, doc.norm
        taken = {i for m in mentions for i in range(m.start, m.end)}
        # the same name read elsewhere: that product
        named = {key[m.start:m.end]: m for m in mentions if m.end - m.start > 1}
        out: list[ProductMention] = []

        def add(start: int, end: int, category: str) -> None:
            if any(i in taken for i in range(start, end)):
                return
            taken.update(range(start, end))
            text = norm[start:end]
            same = named.get(key[start:end])
            if same is not None:
                out.append(ProductMention(start, end, end, same.id, same.family, same.evidence, category=same.category))
                return
            out.append(ProductMention(start, end, end, name_id(text), {"name": text, "category": category},
                                      "gloss-name", category=category))

        for m in APP_AFTER.finditer(key):
            deadline.check("products")
            if self._coined(key[m.start(1):m.end(1)]):
                add(m.start(1), m.end(1), "app")
        self._quoted_elsewhere(key, add, taken)
        for m in SHELVED.finditer(key):
            deadline.check("products")
            if m.end(1) - m.start(1) <= SHELVED_NAME and not self._spoken(key, m.start()) \
                    and self._coined(key[m.start(1):m.end(1)]):
                add(m.start(1), m.end(1), "app")
        for m in USE_BEFORE.finditer(key):
            deadline.check("products")
            name = key[m.start(1):m.end(1)]
            if len(name) <= SHELVED_NAME and not NOT_AN_APP_END.search(name) \
                    and not ACCOUNT_AFTER.match(key, m.end(1)) and self._coined(name):
                add(m.start(1), m.end(1), "app")
        # (DOT_APP holds '.app' and GLOSSED_SYSTEM 'System': a text without them skips the scan)
        for rx in (DOMAIN_AFTER_NOUN, DOT_APP) if ".app" in key else (DOMAIN_AFTER_NOUN,):
            for m in rx.finditer(key):
                deadline.check("products")
                add(m.start(1), m.end(1), "app")
        for m in GLOSSED_SYSTEM.finditer(norm) if "System" in norm else ():
            deadline.check("products")
            start, made = m.start(1), False
            for b in SYSTEM_NAME_FROM.finditer(key, start, m.end(1) - 2):
                start, made = b.end(), MAKE_OR_USE.fullmatch(b.group()) is not None
            # 是安全工地系統（Safe Site System）的簡稱: a kind defined, no system made or used
            if made and m.end(1) - start >= 4:
                add(start, m.end(1), "software")
        org_at = {i for ent in orgs.by_id.values() for s, e in ent.mentions for i in range(s, e)}
        for m in NOUN_INSIDE.finditer(key):
            deadline.check("products")
            name = key[m.start(1):m.end(1)]
            number = NUMBER_LATIN.fullmatch(name)
            # 「某某署智能手機應用程式」: an organisation's app is named by its whole quote, no core
            if not org_at.intersection(range(m.start(1), m.end(1))) \
                    and self._coined(number.group(1) if number else name):
                add(m.start(1), m.end(1), "app")
        for m in LOGIN_APP.finditer(key):
            deadline.check("products")
            name = key[m.start(1):m.end(1)]
            if name[0] not in DETERMINER_FIRST and self._coined(name) and orgs.covering(m.start(1), m.end(1)) is None:
                add(m.start(1), m.end(1), "app")
        for m in MADE_HEADED.finditer(key):
            deadline.check("products")
            name = key[m.start(1):m.end(1)]
            if not PHRASE.search(name):
                add(m.start(1), m.end(1), "software")
        ends = {e for ent in orgs.by_id.values() for _, e in ent.mentions}
        if not ends:
            return out
        for m in ORG_MADE.finditer(key):
            deadline.check("products")
            if m.start() not in ends:
                continue
            if m.group(1) is not None:
                if self._coined(m.group(1)):
                    add(m.start(1), m.end(1), "software")
                continue
            n = LATIN_NAME.match(norm, m.start(2))
            if n is None or NAME_GOES_ON.match(norm, n.end()) or COMPANY_AFTER.match(key, n.end()):
                continue
            word = key[n.start():n.end()]
            if self.is_other(word) or word in self.tiers or orgs.covering(n.start(), n.end()) is not None:
                continue
            add(n.start(), n.end(), "software")
        return out

    def plus_versions(self, doc: Document, mentions: list[ProductMention]) -> list[ProductMention]:
        """「晴康通+」 beside 晴康通: a quoted product name with a plus sign after it is the
        product's successor, of the same kind and maker. Read at the quote marks (str.find)."""
        key, norm = doc.key, doc.norm
        if "+" not in key:
            return []
        named = {key[m.start:m.end]: m for m in mentions if m.end - m.start > 1}
        taken = {i for m in mentions for i in range(m.start, m.end)}
        out: list[ProductMention] = []
        for mark in OPEN:
            at = key.find(mark)
            while at >= 0:
                q = QUOTED_RE.match(key, at)
                if q is not None and key[q.end(1) - 1] == "+":
                    same = named.get(key[q.start(1):q.end(1) - 1].rstrip())
                    if same is not None and not taken.intersection(range(q.start(1), q.end(1))):
                        text = norm[q.start(1):q.end(1)]
                        category = same.category or (same.family or {}).get("category")
                        out.append(ProductMention(q.start(1), q.end(1), q.end(1), name_id(text) + "-plus",
                                                  {"name": text, "category": category,
                                                   "vendor": (same.family or {}).get("vendor")},
                                                  "gloss-name", category=category))
                at = key.find(mark, at + 1)
        return out

    def fold_into_longer(self, doc: Document, mentions: list[ProductMention], found: list[ProductMention]) -> dict[str, str]:
        """地震速報 beside 台灣地震速報: of two products of the text, one found here under a new id and
        the other no knowledge-base product, where the name of one (an app noun after it left out:
        地震速報App) ends the other's longer name, the shorter is the longer one's short form: one
        product, under the longer one's id and named by it (returned: id -> name). A name that ends
        two longer ones: neither."""
        key = doc.key
        mine = {id(m) for m in found}
        own = {m.id for m in found} - {m.id for m in mentions if id(m) not in mine}
        if not own:
            return {}
        known = {m.id for m in mentions if m.evidence.startswith("kb") or self.known(m.id)}
        cores: dict[str, set[str]] = {}     # id -> its names, key view, an app noun after it left out
        for m in mentions:
            if m.id not in known:
                name = key[m.start:m.name_end]
                cores.setdefault(m.id, set()).add(APP_NOUN_END.sub("", name) or name)
        fold: dict[str, str] = {}
        for short, names in cores.items():
            longer = {other for other, theirs in cores.items() if other != short and (short in own or other in own)
                      and any(len(t) > len(n) >= 2 and t.endswith(n) for n in names for t in theirs)}
            if len(longer) == 1:
                fold[short] = longer.pop()
        if not fold:
            return {}
        names = {}
        for m in mentions:
            target = fold.get(m.id)
            if target is not None and target not in fold:
                m.id = target
            elif m.id in fold.values() and m.id not in names:
                names[m.id] = doc.text[m.start:m.name_end]
        return names

    def _quoted_elsewhere(self, key: str, add, taken: set[int]) -> None:
        """醫健通應用程式 … 「醫健通」: a coined Chinese name right before an app noun, unquoted there,
        that the text also writes alone in quotes (the quoted mention is the evidence it is a name)
        is an app, and so is each quoted mention (not one after a speech verb). A name quoted right
        before an app noun is APP_AFTER's, and one another reader has read with its noun
        (晴康通App) that reader's. Read from the app nouns (str.find), then the quotes at their
        marks (str.find): no regex tried at every character."""
        ends = set()
        for anchor in APP_NOUN_ANCHORS:
            at = key.find(anchor)
            while at >= 0:
                noun = next((at - len(lead) for lead in APP_NOUN_LEADS if key.startswith(lead, at - len(lead))), at)
                ends.add(noun)
                if key[noun - 1:noun] == " ":
                    ends.add(noun - 1)
                at = key.find(anchor, at + len(anchor))
        ends = sorted(e for e in ends if e >= 2 and BARE_APP_NOUN.match(key, e))
        if not ends:
            return
        names: dict[str, list[int]] = {}
        for mark in OPEN:
            at = key.find(mark)
            while at >= 0:
                q = QUOTED_RE.match(key, at)
                if q is not None:
                    name = key[q.start(1):q.end(1)]
                    if len(name) <= SHELVED_NAME and CJK.fullmatch(name):
                        names.setdefault(name, []).append(q.start(1))
                at = key.find(mark, at + 1)
        for name, quoted in names.items():
            deadline.check("products")
            bare = [e - len(name) for e in ends if key.endswith(name, 0, e)
                    and (e == len(name) or key[e - len(name) - 1] not in OPEN)
                    and not taken.intersection(range(e - len(name), e))]
            if not bare:
                continue
            quoted = [start for start in quoted if not self._spoken(key, start - 1)]
            if not quoted or any(APP_AFTER.match(key, start - 1) for start in quoted) or not self._coined(name):
                continue    # 「X」App: the quote itself is read as an app, its other mentions with it
            for at in bare:
                add(at, at + len(name), "app")
            for start in quoted:
                add(start, start + len(name), "app")

    def _spoken(self, key: str, at: int) -> bool:
        """他說「…」, 表示：“…”: a speech verb (a colon or comma after it allowed) right before the
        quote at `at`."""
        end = at
        while end > 0 and key[end - 1] in SPEECH_MARKS:
            end -= 1
        return any(key[end - n:end] in self.speech for n in range(1, min(self.speech_reach, end) + 1))

    def _coined(self, name: str) -> bool:
        """A coined name: Chinese no dictionary holds as one word and no phrase, or Latin that is
        no generic word, tier or company's (key view)."""
        if LATIN_ONLY.fullmatch(name):
            return len(name) > 2 and not self.is_other(name) and name not in self.tiers
        if name.startswith(MY) and len(name) >= len(MY) + 2 and CJK.fullmatch(name) \
                and not PHRASE.search(name[len(MY):]):
            # 我的天文台: a name in the user's voice, 我的 before a noun, is coined as a whole
            return not self.has_word(name)
        if PHRASE.search(name):
            return False
        if MIXED.fullmatch(name) and CJK.search(name) and LATIN_PART.search(name):
            # Zumio隨身版, 晴雨Zumio: Chinese with a Latin word of its own, of three letters or
            # more and no generic word's, company's or tier's (AI奧客, 5G手機, Pro版 are no names)
            return any(len(w) >= 3 and not w.isdigit() and not self.is_other(w) and w not in self.tiers
                       for w in LATIN_PART.findall(name))
        if "/" in name:
            # 強制驗樓/驗窗錦囊: Chinese parts joined by a slash, each no phrase, one no dictionary word
            parts = name.split("/")
            return all(len(p) >= 2 and CJK.fullmatch(p) for p in parts) \
                and not all(self.has_word(p) for p in parts)
        if not CJK.fullmatch(name):
            return False
        return not self.has_word(name)


# 我的天文台: an app named in its user's voice.
MY = "我的"
# Function words that make a quoted run a phrase, no name.
PHRASE = re.compile(r"[的了是在把被很不会将让]")
