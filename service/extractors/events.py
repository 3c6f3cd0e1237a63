"""Events: a known series (SIGGRAPH, WAIC, Computex), a named gathering the
text marks with a suffix (2025星辰智能開發者大會) or a one-off event of a kind
(a launch, an earnings call, a release announced on a date: event_kinds.py),
with its year, date, time, zone, edition, location, organiser and the people
in the sentences about it.

The primary event, the one the article is chiefly about, is the one mentioned
most, a mention in the lead (the headline and two paragraphs) counting extra
(a date and participants break ties; then the earliest). A release that no
gathering names joins the named event its sentence names, or else the one its
organiser (or the organiser's parent or child) holds: Meta's Quest 3S at Meta
Connect. An article that names no event has none: a one-off event counts only
when the lead names it, or a noun names it more than once. A release or an
announcement the lead tells without a date is of the article's date. An article
whose top event is named once, outside the headline, on a later day than the
article's (前不久，高通宣布将于12月1日举行…) is about no event: `event` is null
beside its `events`; so is one whose only event is an organisation at its gathering
outside the lead (美团在财报电话会上). A gathering's noun nothing names (印尼国际车展)
leaves its name to the suffixes; an announcement is named by what it says when that is
short (張一鳴宣布年底卸任), and a gathering named after it as the place of something else
does not take its place. An article none of these gives an event of its own may still
tell one deed in its headline and lead (a settlement, a statement, results, a
discontinuation, a fine, an attack or an outage suffered): lead_events.py reads it
from the document's structure.

A gathering named once after the lead (a known series too: 今年在Computex上公布的功能 in
the last paragraph), or only as the time of something else (在IFA
前夕宣布推出…), is no article's news while another event is, and hosts no release; a
gathering named by descriptive words is one when the text holds it (正在北京召開), and
who holds it (X在美國舉辦…論壇) organises it. A release or deed whose verb (or whose
organiser or product, opening a clause) the headline holds is told by that headline
clause too: it is one of its mentions, as readers name the news by its headline.

After these come the deeds the body mentions beside them (收購, 簽署…法案, 遭黑客攻擊, 裁定,
裁員…, one clause each: mentioned_events.py), never the article's own event.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass, field

from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass
import re
import regex

from .scan_gates import EDITION_WORDS, has_any, has_ascii_word_ignorecase
from ..ids import name_id
from ..kb import KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from ..nlp.spans import Mention, tokens_in
from ..timex.model import Timex, event_date
from .context import left_name_tokens, line_breaks
from .entities import EntityTable
from .event_kinds import CLAUSE_END, HOLD, SERIES_GAP, OneOff, OneOffFinder, web_forum
from . import lead_events
from .lead_events import LeadEvents, weekday_alone, weekday_date
from .headline_deed import HeadlineDeed, reports as headline_reports
from .mentioned_events import MentionedEvents
from .mentioned_gatherings import occasion_heads, with_holder
from ..quantities.numerals import small_number
from .records import Event
from .. import deadline
from .roles import event_kinds_data

YEAR_BEFORE = regex.compile(r"(\d{4})\s?年?\s?$")
YEAR_AFTER = regex.compile(r"\s?[’']?(\d{4})(?!\d)")
EDITION = regex.compile(r"第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[届屆]|(\d{1,3}|[一二三四五六七八九十]{1,3})\s*周年|(首)[届屆]")
LOCATION = regex.compile(r"[在于]\s*((?:(?![在于])\p{Han}){2,8}?)\s*(?:举行|举办|召开|开幕|登场|揭幕)")
PLAUSIBLE_YEARS = range(1950, 2101)
YEAR_GLUED = regex.compile(r"(?:19|20)\d{2}(?=[A-Za-z])")
# A suffix right after these is a session (主论坛, 分论坛), not an event.
SESSION_MARKS = ("主", "分")
# Words between a gathering's name and its suffix that describe it (联合研讨会, 国际论坛).
SUFFIX_MODIFIERS = frozenset({"联合", "国际", "学术", "年度", "全球", "高峰", "专题", "技术", "产业", "线上"})
# How far before an event's name a year of its edition may be written (去年海南的…).
RELATIVE_YEAR_REACH = 6
# What a mention in the lead (the headline and two paragraphs) adds to an event's score.
LEAD_BONUS = 2
# How much longer than the kind's name (organiser, verb, object) the lead reader's name of
# the same deed may be to replace it (小米入禀控告云岫协会 for 小米起诉云岫协会).
LEAD_NAME_STRETCH = 1.5
HELD_BEFORE = HOLD + ("设有", "设立")   # 期間亦設有人才供需見面會
INVESTED = regex.compile(r"(?:投资|入股|注资|收购|并购)[^，,。；;：:\n]*$")
INVESTED_REACH = 12
LONGER_NAME = regex.compile(r" [A-Z][a-z]+")
LATIN_WORD_BEFORE = regex.compile(r"[A-Za-z][A-Za-z0-9]*$")
# Tags of words that name rather than describe (as organisations use them).
PROPER_POS = frozenset({"nr", "nrt", "nrfg", "nt", "nz", "b", "zg", "j", "eng"})
# Tags of a place: ns, or a transliterated name (庫比蒂諾 is nrt).
PLACE_POS = frozenset({"ns", "nrt", "nr", "nz", "eng"})
# A gathering named only by its opening (2024星河智慧城市展今日在台中開幕): the verb, what
# may stand between it and the name, and the last character of a gathering's name.
OPENING_VERB = regex.compile(r"(?:正式|盛大|隆重|圆满)?(?:开幕|揭幕|开展|开跑|闭幕|落幕|结束|召开|举行|举办)")
# (结束 only after 圆满: 圓滿結束 closes a gathering, 結束 alone ends anything)
OPENING_FINDER = ahocorasick_rs.AhoCorasick(["开幕", "揭幕", "开展", "开跑", "闭幕", "落幕", "圆满结束",
                                             "召开", "举行", "举办"])   # (中国发展高层论坛正在北京召开)
# 為期4天的科技周暨創科成果展圓滿結束: how long it lasts, before the name
DURATION_BEFORE = regex.compile(r"为期\s*[\d一二三四五六七八九十两]{1,3}\s*[天日周个月]{1,2}的\s*")
OPENING_TIME = regex.compile(r"(?:今日|今天|昨日|昨天|日前|本周[一二三四五六日]?|周[一二三四五六日]|将|已|也|正)$")
OPENING_PLACE = regex.compile(r"[在于](?:(?![在于])[\p{Han}A-Za-z0-9]){2,16}$")
HELD_VERBS = ("召开", "举行", "举办")
HELD_ALONE = regex.compile(r"了?\s*(?:[，,。；;！!？?\n]|$)")    # (a held verb with no object after it)
# A verb of holding right before a gathering's name (a year, an edition, 的 between them).
HOLDER_BEFORE = regex.compile(r"(?:举办|主办|召开|举行)了?\s*(?:的)?\s*(?:(?:19|20)\d{2}\s*年?(?:度)?|年度|第\s*[\d一二三四五六七八九十]{1,3}\s*届)?\s*$")
HOLDER_REACH = 24
DEICTIC = frozenset({"该", "本次", "此次", "这次", "这场", "这届", "此", "本", "这", "那", "上述", "该次", "那次",
                     "今年", "去年", "明年", "本届", "这个", "那个", "此届"})
GATHERING_ENDS = frozenset("展节赛会周坛")   # (论坛: a forum)
OPENED_LEAD = regex.compile(r"(?:(?:今年|本届|本年度|年度)的?|第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*届|首届)+")
OPENED_NAME = regex.compile(r"(?:(?:19|20)\d{2}\s?年?)?[\p{Han}A-Za-z0-9 ]{3,20}$")


PLACED_READ = 4
# How many days before the article's date an event named once, outside the headline, may be
# and still be the article's news (_long_before).
PAST_REACH = 30
# Kinds of results made public (event_kinds.yaml): background when the lead does not name them.
RESULTS_KINDS = frozenset({"earnings-call", "earnings-release"})
# Words of results in a headline (the key view, lower case and Simplified: 亞馬遜第四季度淨利潤 reads
# 净利润, Q3 reads q3): the results are its news. A bare 四季 is a quarter only after a year or
# 第 (2024年第四季, 第三季) or before 财报 / 业绩, not in a name (四季酒店).
RESULTS_WORDS = regex.compile(r"季度|财季|(?:[0-9]\s?年?\s?|年|第)[一二三四1-4]季|[一二三四1-4]季(?:财报|业绩)"
                              r"|(?<![a-z])q[1-4](?![0-9])|财报|业绩|营收|净利|利润|收入|财年|年报|季报")
# Marks of a deed suffered in a headline clause (星河遭罚, 星河被判赔): the company named is no organiser.
SUFFERED = ("被", "遭")
# A headline that asks (_asked_about): its question marks, and how far it is read.
QUESTION_MARKS = "？?"
QUESTION = regex.compile(r"[？?]")
MAX_HEADLINE_ASKED = 120
NEGATIONS = frozenset({"不", "没", "没有", "未", "别", "无"})
# A market report's headline (_market_report): a market, an index or a board of shares opening it,
# then in its first clause how it moved or which session it sums up (港股收评, 恒指跌超2％,
# 美股三大指数集体低开, 中概股普涨). Its news is the market, no event; the deeds it names
# (a launch a share rose on) are why prices moved. Read on the key view (恆指 → 恒指, 漲 → 涨).
MARKET_HEADLINE = regex.compile(
    r"(?:【[^】\n]{1,12}】)?\s*(?:港股|A股|美股|沪指|深成指|恒指|恒生(?:科技)?指数|创业板指?|科创50|两市|"
    r"三大(?:股)?指数?|纳指|道指|标普500?|(?:热门)?中概股|欧股|日股|台股|韩股)"
    r"[^，,：:！!？?。\s\n]{0,12}?(?:收评|午评|早评|盘前|盘后|收盘|开盘|[涨跌]|走强|走弱|震荡|低开|高开|下挫|"
    r"拉升|回升|反弹|分化|走低|走高|新高|新低|失守|探底)")
# Hearsay and doubt in the headline's clause that names the top event (_doubted): 据悉考虑收购,
# 或对…开出罚单, 传将裁员 tell a rumour or a possibility, no deed (Simplified view: 據悉 is 据悉).
DOUBT = frozenset({"据悉", "消息称", "据报", "传", "传出", "或", "或将", "考虑", "拟", "恐", "料", "预计",
                   "有望", "可能"})
# 或 is 'may' only before what it modals: a verb, an adverb, a preposition or a time
# (或将收购, 或不发布, 或对…开出, 或明年推出); before a name or a noun it joins two
# (苹果或三星推出…: 'or'), no doubt of the deed.
MAY = "或"
MAY_BEFORE_TAGS = ("v", "d", "p", "t")
# Days a deed the lead tells with its day may be before the article's (or its dateline's)
# and still be the news it reports (_news_of_the_day), as a dateline may (lead_events.py).
NEWS_LAG = lead_events.DATELINE_LAG
# A gathering the lead tells as planned (将在…会议上, 预计…): not held (_gathering_in_lead), looked
# for back to its sentence's start, up to this far.
PLANNED_GATHERING = regex.compile(r"将|预计|计划|拟|准备|有望|可能")
SENTENCE_ENDS = ("。", "！", "？", "\n", "；")
GATHERING_PLAN_REACH = 40
# Days before the article's a gathering the lead dates may be held and still be its occasion.
GATHERING_LAG = 7
# A press conference's words (Simplified view): the occasion of the headline's news when the body
# tells one with its day (_press_conference).
# a deed done at a gathering, told in the sentence that names it: 举办…大会，发布了…
DONE_AT_GATHERING = ("发布", "推出", "发表", "首发", "亮相")
PRESS_CONFERENCES = ("记者会", "发布会", "说明会", "记者招待会", "简报会")
# A date followed by these is the news' dateline (12月20日早间消息，), not the day of its event.
DATELINE = regex.compile(r"\s*(?:早间|晚间|午间|凌晨|上午|下午|晚上)?\s*(?:消息|电|讯|报道)")
# What an announcement says, right after its verb and up to its clause's end (宣布年底卸任).
# (up to a clause of 24 characters, blanks between Latin and Han words kept:
# 小鹏汇天宣布其飞行汽车旅航者X2 获民航总局的批准)
ANNOUNCED = regex.compile(r"[\p{Han}A-Za-z0-9](?:[\p{Han}A-Za-z0-9]| (?=[\p{Han}A-Za-z0-9])){1,23}")
ANNOUNCED_CLAUSE = regex.compile(r"[，,]?\s?([\p{Han}A-Za-z0-9“「《][^，,。；;：:！？!?\n]{1,29})")
# (the verb that says it; 消息一经宣布，就引发…: the clause after tells what followed, not what was said;
# 宣布，俄乌冲突爆发后: a time, the saying after it)
# (a clause set off after the verb and too long for that, its subject described before a last 的:
# 宣布，为了验证…而推进开发的全球首颗木制人造卫星已经完成: what follows that 的, when short, is what was
# said; not 宣布获得来自…的意向订单, a verb's object with no comma, whose 的 leaves a bare noun)
ANNOUNCED_LONG = regex.compile(r"[，,]\s?([^，,。；;：:！？!?\n]{31,80})")
# (no closing mark: the 的 of a quoted title, 「關於修訂…的議定書」, is the title's own)
ANNOUNCED_HEAD = regex.compile(r"[\p{Han}A-Za-z0-9“「《][^，,。；;：:！？!?\n的”」』》]{3,19}")
ANNOUNCING = ("宣布", "官宣")
ANNOUNCING_WRITTEN = ("宣布", "宣佈", "官宣")
NOT_SAID_OPENERS = frozenset(("就", "便", "即", "才", "也", "都", "又", "还"))


def _opens_what_followed(doc, pos: int) -> bool:
    """Does the clause at pos open with one of NOT_SAID_OPENERS as a word of its own (就引发…)?
    Not 即将 (one word) nor 还将/也将 (an opener before 将): what is planned is what was said."""
    i = doc.token_index_from(pos)
    if i >= len(doc.tokens) or doc.tokens[i].start != pos:
        return False
    tok = doc.tokens[i]
    return doc.key[tok.start:tok.end] in NOT_SAID_OPENERS and doc.key[tok.end:tok.end + 1] != "将"
SAID_TIME_MARKS = ("后", "时", "以来", "之后", "之际", "期间", "前")


def _named_by_head(doc, event) -> bool:
    """Is the event named by the head after a long said clause's last 的 (_announced_head)? Such a
    name yields to the headline's clause that tells the deed, as the bare verb does."""
    for start, end in event.mentions:
        if doc.key.endswith(ANNOUNCING, start, end):
            head = _announced_head(doc, end)
            if head is not None and event.name.endswith(head):
                return True
    return False


def _announced_head(doc, pos: int) -> str | None:
    """宣布，为了验证…而推进开发的全球首颗木制人造卫星已经完成: a said clause too long to name an
    event whole is named by what follows its last 的, when that is short, holds a verb and ends the clause."""
    clause = ANNOUNCED_LONG.match(doc.norm, pos)
    if clause is None or not (clause.end() == len(doc.norm) or doc.norm[clause.end()] in CLAUSE_END) \
            or _opens_what_followed(doc, clause.start(1)):
        return None
    last = doc.norm.rfind("的", clause.start(1), clause.end())
    if last < 0:
        return None
    head = ANNOUNCED_HEAD.fullmatch(doc.norm, last + 1, clause.end())
    if head is None or doc.key.endswith(SAID_TIME_MARKS, head.start(), head.end()):
        return None
    if not any(tok.pos == "v" for tok in tokens_in(doc, head.start(), head.end())):
        return None     # (…達成的反壟斷協議，決定…: a noun, not what was said)
    return doc.text[head.start():head.end()].rstrip(" _")


# (patterns compiled at load, not looked up in regex's cache per call)
_YEAR_AT = regex.compile(r"(?:19|20)\d{2}")
_YEAR_WORD_AT = regex.compile(r"((?:19|20)\d{2})\s?年?\s?")


@dataclass
class EventName:
    """What an event mention (a shared nlp.spans.Mention) refers to."""
    series: str | None      # KB series id
    key: str                # name key, without the year
    year: int | None
    oneoff: OneOff | None = None


def event_mention(start: int, end: int, series: str | None, key: str, year: int | None,
                  oneoff: OneOff | None = None) -> Mention:
    kind = "series" if series else "one-off" if oneoff is not None else "name"
    return Mention(start, end, kind, EventName(series, key, year, oneoff))


@dataclass
class EventDraft:
    series: str | None
    key: str
    year: int | None
    mentions: list[Mention] = field(default_factory=list)
    date_expr: Timex | None = None
    year_expr: Timex | None = None   # 今年的SIGGRAPH: a year without a date
    edition: int | None = None
    kind: str | None = None             # a one-off event's kind slug
    organizer: str | None = None        # a one-off event's organiser
    lead: bool = False                  # a release in the headline or lead joined it
    background: bool = False            # named once, outside the lead: never the article's event


# A name with a year, a number or a Latin word names its gathering itself (2024星河科技论坛):
# only a described one (能源发展论坛) takes its holder in front.
ORG_TO_DAY = regex.compile(r"(?:公司|集团)?")


class Events:
    name = "events"
    reads = ("gazetteer", "organizations", "claimed", "products", "people", "dates")
    writes = ("events",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.kb = kb
        self.stop = kb.lex["name_stop_words"]
        self.in_dictionary = segmenter.has_word
        self.generic = kb.lex["generic_org_words"]
        self.suffixes = sorted(kb.lex["event_suffixes"], key=len, reverse=True)
        self.suffix_finder = ahocorasick_rs.AhoCorasick(
            self.suffixes, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        # Longest first, then in code-point order: the same pattern in every process.
        latin = "|".join(regex.escape(s) for s in sorted(kb.lex["event_suffixes_latin"],
                                                         key=lambda w: (-len(w), w)))
        self.latin_event = regex.compile(
            rf"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]{{1,20}}(?: [A-Z][A-Za-z0-9]{{1,20}}){{0,3}} (?:{latin})(?![A-Za-z])",
            regex.IGNORECASE)
        # A Latin event name holds one of these words, in any case (scan_gates.py); None: no gate.
        words = tuple(w.lower() for w in kb.lex["event_suffixes_latin"])
        self._latin_words = words if all(w.isascii() and w for w in words) else None
        self.oneoffs = OneOffFinder(event_kinds_data())
        # (a headline that asks or explains in words, 如何, 一文看懂: asks as a question mark does)
        self.asked_words = tuple(event_kinds_data().get("asked_words") or ())
        self.titles = frozenset(kb.key(t) for t in kb.titles)
        self.occasions = occasion_heads()   # (a bare 记者会 takes no holder in front)
        self.lead_events = LeadEvents(kb.speech_verbs, kb.org_suffixes)
        self.headline_deed = HeadlineDeed(self.lead_events, self.oneoffs.verb_kind,
                                          (self.oneoffs.document, self.oneoffs.listing_object))
        self.mentioned = MentionedEvents(everyday_places=kb.everyday_places,
                                         places=kb.places | kb.capitals)

    # -- mentions --------------------------------------------------------
    def _year_around(self, doc: Document, start: int, end: int,
                     years_by_end: dict | None = None) -> tuple[int, int, int | None]:
        before = YEAR_BEFORE.search(doc.norm[max(0, start - 6):start])
        if before and int(before.group(1)) in PLAUSIBLE_YEARS:
            return start - len(before.group(0)), end, int(before.group(1))
        after = YEAR_AFTER.match(doc.norm, end)
        if after and int(after.group(1)) in PLAUSIBLE_YEARS:
            return start, after.end(), int(after.group(1))
        # 在去年海南的世界新能源汽车大会上: a year a few words before, the reference date's
        # when relative, is that edition's (not the name's: the words between are not).
        for i in range(start, max(0, start - RELATIVE_YEAR_REACH) - 1, -1):
            if i < start and doc.norm[i] in CLAUSE_END:
                break
            e = (years_by_end or {}).get(i)
            if e is not None:
                year = e.year if e.year is not None else (
                    doc.reference_date.year + e.year_shift if doc.reference_date is not None else None)
                if year in PLAUSIBLE_YEARS:     # (else the year-of-context path warns)
                    return start, end, year
                break
        return start, end, None

    @staticmethod
    def _years_by_end(doc: Document) -> dict:
        """The year-only expressions (2021年, 去年) by where they end."""
        return {e.end: e for e in doc.layers.get("dates", [])
                if e.month is None and e.month_shift is None and e.day is None and e.day_shift is None
                and (e.year is not None or e.year_shift is not None)}

    def _someone_elses(self, doc: Document, orgs: EntityTable, start: int, series_id: str) -> bool:
        """Zhipu DevDay is not OpenAI's DevDay: a series name right after
        another organiser's name (or an unknown Latin name) is their event."""
        pos = start - 1 if start > 0 and doc.norm[start - 1] == " " else start
        if pos <= 0 or not (doc.norm[pos - 1].isascii() and doc.norm[pos - 1].isalpha()
                            or orgs.covering(pos - 1, pos)):
            return False
        owner = orgs.covering(pos - 1, pos)
        organizer = (self.kb.series.get(series_id) or {}).get("organizer")
        if owner is not None:
            return owner.id != organizer and organizer is not None
        word = LATIN_WORD_BEFORE.search(doc.norm, max(0, pos - 30), pos)
        return bool(word) and not word.group().isdigit()

    def _mentions(self, doc: Document) -> list[Mention]:
        found: list[Mention] = []
        claimed = doc.layers.get("claimed", {})
        orgs_table: EntityTable = doc.layers["organizations"]
        foreign: set[int] = set()   # offsets of series names that are someone else's event
        years = self._years_by_end(doc)
        # (the series' matches picked out first: the deadline is asked per series named, the
        # work between two checks stays bounded)
        for m, series in [(m, s) for m in doc.layers["gazetteer"] if (s := m.of_kind("series"))]:
            deadline.check("events")
            if self._someone_elses(doc, orgs_table, m.start, series[0].id):
                foreign.update(range(m.start, m.end))
                continue
            start, end, year = self._year_around(doc, m.start, m.end, years)
            found.append(event_mention(start, end, series[0].id, series[0].id, year))
        orgs: EntityTable = doc.layers["organizations"]
        series_at = {i for m in found for i in range(m.start, m.end)}
        oneoffs = self.oneoffs.find(doc, orgs, series_at, doc.layers.get("people"), self._employer)
        # (a bare noun nothing names, 印尼国际车展 after words no table knows, leaves the
        # gathering's name to the suffixes below, and gives way to it)
        oneoff_at = {i for o in oneoffs if not o.verb and not self._bare(o) for i in range(o.start, o.end)}
        bare_oneoffs = [o for o in oneoffs if self._bare(o)]
        oneoffs = [o for o in oneoffs if not self._bare(o)]
        suffix_from = len(found)
        for idx, s_start, s_end in self.suffix_finder.find_matches_as_indexes(doc.key):
            deadline.check("events")
            if s_start in claimed or s_start in oneoff_at:
                continue
            if (inside := orgs.covering(s_end - 1, s_end)) is not None and any(
                    a < s_end < b for a, b in inside.mentions):
                continue    # 「星河論壇報」: the suffix is inside an organisation's name that goes on
            i = doc.token_index_at(s_start)
            if not doc.starts_token(s_start):
                # 联合研讨会, 学术研讨会: a word ending in the suffix names the gathering too
                tok = doc.tokens[i]
                if tok.end != s_end or tok.start in claimed or tok.start in oneoff_at \
                        or not self.in_dictionary(tok.word):
                    continue
            k = i
            while k > 0 and i - k < 3 and doc.tokens[k - 1].word in SUFFIX_MODIFIERS:
                k -= 1      # 2024臺歐盟6G SNS聯合研討會: joint, international, annual
            start = left_name_tokens(doc, k, self.stop)
            if start is None or any(p in claimed for p in range(start, s_start)):
                continue
            if doc.key[s_start:s_end] == "大会" and s_start - start == 1 and "\u4e00" <= doc.key[start] <= "\u9fff" \
                    and s_end < len(doc.key) and doc.starts_token(s_end) \
                    and doc.tokens[doc.token_index_at(s_end)].pos in ("v", "d", "ad", "vd", "vn") \
                    and self._short_name_with_da(doc, start):
                continue    # 港大會持續跟進: a university's short name (X大) then 会, "will", before its verb
            if doc.key[s_start - 1:s_start] in SESSION_MARKS:
                continue    # 大会主论坛, 分论坛: a session of an event, not one
            if web_forum(doc.key, start, s_start, s_end):
                continue    # 黑客论坛的一名成员: a website, no gathering
            toks = doc.tokens[doc.token_index_at(start):i]
            # 官宣2022OPPO开发者大会: a verb or a year before the name is not part of it
            while len(toks) > 1 and (toks[0].pos.startswith("v") or toks[0].word.isdigit()
                                     or not toks[0].word.strip()
                                     or doc.key[toks[0].start:toks[0].end] in self.titles):   # (委員東布羅夫斯基斯視像會談)
                toks = toks[1:]
                start = toks[0].start
            if any(p in series_at for p in range(max(0, start - SERIES_GAP), s_start)) \
                    and not any(c in CLAUSE_END for c in doc.norm[max(0, start - SERIES_GAP):start]):
                continue    # IFA 2024柏林展會: the series names it
            if YEAR_GLUED.match(doc.norm, start, s_start):
                start += 4      # 2022OPPO开发者大会: the year is read by _year_around
            named_by_org = orgs.covering(start, start + 1) is not None
            if not named_by_org and all(t.word.lower() in self.generic or not t.word.strip() for t in toks):
                continue
            full_start, full_end, year = self._year_around(doc, start, s_end, years)
            # 產業發展主論坛 is a session, 2025星辰開發者大會 an event: a name needs
            # a year, an organiser or a word that names rather than describes
            proper = any(t.pos in PROPER_POS or not self.in_dictionary(t.word) for t in toks)
            # 期間舉行產學研合作路演對接會: held by the article's words, a described name names it
            held = doc.key.endswith(HELD_BEFORE, 0, start) and len(toks) > 1
            if year is None and not named_by_org and not proper and not held:
                continue
            found.append(event_mention(full_start, full_end, None, doc.key[start:s_end], year))
        named_at = {i: m for m in found[suffix_from:] for i in range(m.start, m.end)}
        dropped = set()
        for o in bare_oneoffs:
            m = next((named_at[i] for i in range(o.start, o.end) if i in named_at), None)
            if m is None:
                oneoffs.append(o)
            elif o.org_span is not None and m.start <= o.org_span[0]:
                oneoffs.append(o)       # 华为新机发布会: the organiser's own, named with it
                dropped.add(id(m))
        if dropped:
            found = [m for m in found if id(m) not in dropped]
        found += [event_mention(o.start, o.end, None, f"{o.kind}:{o.organizer}", o.year, o) for o in oneoffs]
        oneoff_at = {i for o in oneoffs if not o.verb for i in range(o.start, o.end)}
        found += self._opened(doc, claimed, (series_at, oneoff_at, found), years)
        latin_events = self.latin_event.finditer(doc.norm) if self._latin_words is None \
            or has_ascii_word_ignorecase(doc.norm, self._latin_words) else ()
        for m in latin_events:
            deadline.check("events")
            if any(p in claimed and p not in foreign for p in range(m.start(), m.end())):
                continue
            if m.group().lower().endswith(" day") and not all(w[:1].isupper() for w in m.group().split()):
                continue    # NIO Day, Nova Day: a name in capitals (not every day, a new day)
            if LONGER_NAME.match(doc.norm, m.end()):
                continue    # Zero Day Initiative: the words begin a longer name, an organisation's
            if INVESTED.search(doc.key, max(0, m.start() - INVESTED_REACH), m.start()):
                continue    # 投資人造奶製品Perfect Day: what is invested in is a company, not an event
            start, end, year = self._year_around(doc, m.start(), m.end(), years)
            found.append(event_mention(start, end, None, doc.key[m.start():m.end()], year))
        found.sort(key=lambda x: x.start)
        return self._without_appositives(doc, self._without_glossed(doc, found))

    def _short_name_with_da(self, doc: Document, start: int) -> bool:
        """Is the character at start with 大 after it a known short name (北大, 臺大, 港大): a word
        of the segmenter's dictionary, an organisation's alias, or a character the segmenter
        reads as an abbreviation (港, tagged j)? Not any one character (村大会将于下月召开,
        厂大会已于昨日开幕: a gathering)."""
        word = doc.key[start:start + 2]
        if self.in_dictionary(word) or any(e.kind == "organization" for e in self.kb.aliases.get(word, ())):
            return True
        tok = doc.tokens[doc.token_index_at(start)]
        return tok.start == start and tok.end == start + 1 and tok.pos == "j"

    @staticmethod
    def _placed_after(doc: Document, marks: list[int], by_sentence: dict, t: EventDraft, pos: int) -> bool:
        """Is every mention of t in pos's sentence a place named after pos, in another clause?
        (A few are read: a sentence naming an event a thousand times is no announcement's.)"""
        if id(t) not in by_sentence:    # (each draft's mentions by sentence, once)
            starts: dict[int, list[int]] = {}
            for x in t.mentions:
                starts.setdefault(doc.sentence_index(x.start), []).append(x.start)
            by_sentence[id(t)] = starts
        here = by_sentence[id(t)].get(doc.sentence_index(pos), ())[:PLACED_READ]
        return bool(here) and all(x > pos and _placed(doc, x) and _other_clause(doc, marks, pos, x) for x in here)

    @staticmethod
    def _org_dated(doc: Document, m: Mention, day_ends: dict[int, int]) -> bool:
        """星河电4月18日法说会: its organiser's name, a day, the noun of its kind; an event held.
        day_ends: the end of the shortest date giving a day, by its start."""
        o = m.ref.oneoff
        if o.verb or not o.strong or o.bare or o.org_span is None:
            return False
        # (the organiser's name, then only a company's word before the day: 星河科技公司4月18日)
        day = ORG_TO_DAY.match(doc.key, o.org_span[1]).end()
        return m.start <= day and day_ends.get(day, m.end) < m.end

    @staticmethod
    def _bare(o: OneOff) -> bool:
        """A gathering's noun with nothing naming it (在发布会上, 印尼国际车展 to the one-off reader)."""
        # (an organiser found some words before, 小米获准为2025年星河世界博览会, names it no more)
        far = o.org_span is None or o.org_span[1] < o.start
        return not o.verb and o.bare and not o.held and far and o.subject is None \
            and o.title is None and not o.doer

    def _opened(self, doc: Document, claimed, taken_by, years: dict) -> list[Mention]:
        """2024星河智慧城市展今日在台中開幕: a name ending as a gathering's does (展, 節, 賽,
        會, 週), opening its clause, right before an opening verb (a day, a place between)."""
        out = []
        people = doc.layers.get("people")
        date_ends = taken = None
        key = doc.key
        for _, vs, ve in OPENING_FINDER.find_matches_as_indexes(key):
            deadline.check("events")
            v = OPENING_VERB.search(key, max(0, vs - 2), ve)   # with its adverb (盛大開幕)
            if key.endswith(HELD_VERBS, vs, ve) and not HELD_ALONE.match(key, ve):
                continue    # (星河理事會昨日舉行會議: what is held is the object; the name holds it)
            if taken is None:   # (built only for a text with an opening verb)
                series_at, oneoff_at, found = taken_by
                taken = series_at | oneoff_at | {i for m in found for i in range(m.start, m.end)}
                date_ends = {e.end: e.start for e in doc.layers.get("dates", [])}
            j = v.start()
            for _ in range(3):      # a day, a place, a time word, in any order
                k = j
                t = OPENING_TIME.search(key, max(0, j - 4), j)
                if t is not None:
                    k = t.start()
                elif k in date_ends and date_ends[k] < k:
                    k = date_ends[k]
                else:
                    place = OPENING_PLACE.search(key, max(0, j - 17), j)
                    if place is not None:
                        k = place.start()
                if k == j:
                    break
                j = k
            name = OPENED_NAME.search(key, max(0, j - 26), j)
            duration = DURATION_BEFORE.search(key, max(0, name.start() - 12), j) if name is not None else None
            if name is None or j == v.start() and duration is None:
                continue    # (a day or a place before the verb, or how long it lasted before the name)
            start = name.start()
            if duration is not None and duration.end() < j:
                start = duration.end()
                if duration.start() > 0 and key[duration.start() - 1] not in CLAUSE_END \
                        and key[duration.start() - 1] not in " \n":
                    continue
            while start < j and key[start] == " ":
                start += 1
            # (a name opens its clause: what precedes it is punctuation or a line break)
            if duration is None and start > 0 and key[start - 1] not in CLAUSE_END and key[start - 1] not in " \n":
                continue
            end = j
            while end > start and key[end - 1] == " ":
                end -= 1
            if key[end - 1] not in GATHERING_ENDS or any(p in taken or p in claimed for p in range(start, end)):
                continue
            if people is not None and people.covering(start, end) is not None:
                continue
            full_start, full_end, year = self._year_around(doc, start, end, years)
            if YEAR_GLUED.match(doc.norm, start) or _YEAR_AT.match(key[start:end]):
                y = _YEAR_WORD_AT.match(key[start:end])
                year, start = int(y.group(1)), start + len(y.group(0))
                full_start = name.start()
            lead = OPENED_LEAD.match(key, start, end)
            if lead is not None and lead.end() > start:
                start = lead.end()      # 第五屆, 今年的: the edition and the time are no part of the key
            first = doc.tokens[doc.token_index_at(start)]
            if first.word in DEICTIC:
                continue    # (该论坛在北京举行, 此次大會: the words point back; they name nothing)
            last = doc.tokens[doc.token_index_at(end - 1)]
            if end - start < 3 or (last.pos.startswith("v") and last.end - last.start > 1
                                   and not last.word.endswith("会")):
                continue    # (經濟發展 ends in 展 and names no gathering; 年會 is tagged a verb)
            out.append(event_mention(full_start, end, None, key[start:end], year))
        return out

    def _employer(self, person) -> str | None:
        """The organisation a person does an event's verb for: the text's, else the knowledge base's."""
        if person.organization is not None:
            return person.organization
        record = self.kb.people.get(person.id) if person.kb else None
        return record.get("organization") if record else None

    @staticmethod
    def _without_glossed(doc: Document, found: list[Mention]) -> list[Mention]:
        """柏林消費性電子展（IFA 2024）: a series the parentheses name glosses the words
        before them, which then name no series of their own; the words in parentheses
        after a gathering's name (戴爾科技論壇（2024 Dell Technologies Forum）) gloss it."""
        drop = set()
        for a, b in itertools.pairwise(found):
            if doc.norm[a.end:b.start].strip() not in ("(", "（"):
                continue
            if a.ref.oneoff and not a.ref.oneoff.verb and b.ref.series and not b.ref.oneoff:
                drop.add(id(a))     # (柏林国际电子消费品展览会（IFA）: the series names the show)
                continue
            if a.ref.oneoff or b.ref.oneoff:
                continue
            if a.ref.series and b.ref.series and a.ref.series != b.ref.series:
                drop.add(id(a))
            elif not (a.ref.series and b.ref.series):
                # 戴爾科技論壇（2024 Dell Technologies Forum）: the gloss names the same
                # gathering; a known series is kept, else the words of the text.
                drop.add(id(b) if a.ref.series or not b.ref.series else id(a))
        return [m for m in found if id(m) not in drop]

    def _without_appositives(self, doc: Document, found: list[Mention]) -> list[Mention]:
        """Meta年度大會Meta Connect 2024: a description right beside a known
        series names the same event; keep the series."""
        keep = []
        for i, m in enumerate(found):
            deadline.check("events")
            if m.ref.series is None and m.ref.oneoff is None:
                neighbours = found[max(0, i - 1):i] + found[i + 1:i + 2]
                if any(n.ref.series is not None and (0 <= n.start - m.end <= 1 or 0 <= m.start - n.end <= 1)
                       for n in neighbours):
                    continue
            keep.append(m)
        return keep

    # -- grouping ----------------------------------------------------------
    def _group(self, mentions: list[Mention]) -> list[EventDraft]:
        """One draft per (name, year); a mention without a year joins the draft of
        the same name with a year mentioned nearest to it, else a yearless draft."""
        drafts: dict[tuple[str, int | None], EventDraft] = {}
        # Indexes that keep this linear: the drafts with a year by name, and each
        # draft's mention starts, sorted (a bisect finds its nearest mention).
        dated: dict[str, list[EventDraft]] = {}
        starts: dict[int, list[int]] = {}
        oneoffs = [m for m in mentions if m.ref.oneoff is not None]
        mentions = [m for m in mentions if m.ref.oneoff is None]
        for m in mentions:
            deadline.check("events")
            if m.ref.year is not None:
                d = drafts.get((m.ref.key, m.ref.year))
                if d is None:
                    d = drafts[(m.ref.key, m.ref.year)] = EventDraft(m.ref.series, m.ref.key, m.ref.year)
                    dated.setdefault(m.ref.key, []).append(d)
                    starts[id(d)] = []
                d.mentions.append(m)
                bisect.insort(starts[id(d)], m.start)

        def distance(d: EventDraft, offset: int) -> int:
            s = starts[id(d)]
            i = bisect.bisect_left(s, offset)
            return min(abs(s[j] - offset) for j in (i - 1, i) if 0 <= j < len(s))

        for m in mentions:
            deadline.check("events")
            if m.ref.year is not None:
                continue
            same = dated.get(m.ref.key)
            if same:
                best = min(same, key=lambda d: distance(d, m.start))
                best.mentions.append(m)
                bisect.insort(starts[id(best)], m.start)
            else:
                drafts.setdefault((m.ref.key, None), EventDraft(m.ref.series, m.ref.key, None)).mentions.append(m)
        return list(drafts.values()), self._group_oneoffs(oneoffs)

    @staticmethod
    def _group_oneoffs(mentions: list[Mention]) -> list[EventDraft]:
        """One draft per kind and organiser; a mention with neither organiser nor
        subject (在发布会上) joins the first draft of its kind."""
        drafts: dict[tuple[str, str | None], EventDraft] = {}
        bare = []
        for m in mentions:
            o = m.ref.oneoff
            if o.organizer is None and o.subject is None and o.title is None and not o.doer or o.doer_words:
                bare.append(m)      # (判決…，判決雲岫賠償: the court's second word is the same ruling)
                continue
            key = (o.kind, o.organizer or (name_id(m.ref.key) if o.doer else None))
            d = drafts.get(key)
            if d is None:
                d = drafts[key] = EventDraft(None, m.ref.key, None, kind=o.kind, organizer=o.organizer)
            d.mentions.append(m)
        # 努比亞Z50正式發布 (the maker read from the product) and 努比亞今晚正式發布Z50 (named
        # in the text): one kind done to one subject is one event, the text's organiser first.
        by_subject: dict[tuple[str, str], tuple] = {}
        # Indexes that keep this linear: when each (kind, subject) came into by_subject,
        # and the subjects of each kind by each of their tails after a hyphen (nubia-z50
        # under z50), in that order; a draft's match is the first entry any of its
        # subjects meets, not a scan of every entry per draft.
        entered: dict[tuple[str, str], int] = {}
        by_tail: dict[tuple[str, str], list[str]] = {}

        def enter(kind: str, x: str) -> bool:
            """Index a (kind, subject) new to by_subject (True), or say it is there (False)."""
            if (kind, x) in entered:
                return False
            entered[(kind, x)] = len(entered)
            for i, c in enumerate(x):
                if c == "-":
                    by_tail.setdefault((kind, x[i + 1:]), []).append(x)
            return True

        for key, d in list(drafts.items()):
            subjects = {m.ref.oneoff.subject for m in d.mentions if m.ref.oneoff.subject and not m.ref.oneoff.title}
            # (Z50 written alone is the short form of nubia-z50)
            kind = key[0]
            met = [(kind, y) for x in subjects for y in _subject_matches(x, by_tail.get((kind, x), ()))
                   if (kind, y) in entered]
            other = by_subject[min(met, key=entered.__getitem__)] if met else None
            if other is None or other[0] not in drafts:
                for x in subjects:
                    if enter(kind, x):
                        by_subject[(kind, x)] = (key, d)
                continue
            okey, od = other
            named_here = any(m.ref.oneoff.org_span for m in d.mentions)
            named_there = any(m.ref.oneoff.org_span for m in od.mentions)
            keep, drop = (d, okey) if named_here and not named_there else (od, key)
            if keep is d:
                drafts[key] = d
            # (unsorted here: every draft's mentions are sorted by start once, below)
            keep.mentions += drafts.pop(drop).mentions
            for x in subjects:
                enter(kind, x)
                by_subject[(kind, x)] = (key if keep is d else okey, keep)
        # Nova Phone拍卖 (headline) and 小米…的独家拍卖: a one-off with no organiser joins
        # the article's only one of its kind that has one.
        organised: dict[str, list[EventDraft]] = {}
        for (kind, org), d in drafts.items():
            if d.organizer is not None:
                organised.setdefault(kind, []).append(d)
        for key in [k for k, d in drafts.items() if d.organizer is None
                    and not any(m.ref.oneoff.doer for m in d.mentions)]:
            hosts = organised.get(key[0], [])
            if len(hosts) == 1:
                hosts[0].mentions += drafts.pop(key).mentions
        first_of_kind: dict[str, EventDraft] = {}
        for (kind, _), d in drafts.items():
            first_of_kind.setdefault(kind, d)
        for m in bare:
            d = first_of_kind.get(m.ref.oneoff.kind)
            if d is None:
                d = drafts[(m.ref.oneoff.kind, None)] = EventDraft(None, m.ref.key, None, kind=m.ref.oneoff.kind)
                first_of_kind[m.ref.oneoff.kind] = d
            d.mentions.append(m)
        for d in drafts.values():
            d.mentions.sort(key=lambda m: m.start)
            d.year = next((m.ref.year for m in d.mentions if m.ref.year is not None), None)
        return list(drafts.values())

    def _settle_oneoffs(self, doc: Document, named: list[EventDraft],
                        oneoffs: list[EventDraft]) -> list[EventDraft]:
        """Keep the one-off events the article is about; a release no gathering names
        joins the named event its organiser holds."""
        lead = self.oneoffs.lead_end(doc)
        kept = []
        # The shortest date that gives a day, by where it starts (asked per mention below).
        day_ends: dict[int, int] = {}
        for e in doc.layers.get("dates", ()):
            if e.has_date and e.end < day_ends.get(e.start, e.end + 1):
                day_ends[e.start] = e.end
        # The first event each organiser holds, and by each organiser's parent: a
        # release looks its host up here (a scan of every event was quadratic).
        hosts: dict[str, EventDraft] = {}
        hosts_by_parent: dict[str, EventDraft] = {}

        def add_host(d: EventDraft) -> None:
            org = self._organizer_of(doc, d)
            if org is not None:
                hosts.setdefault(org, d)
                parent = (self.kb.organizations.get(org) or {}).get("parent")
                if parent:
                    hosts_by_parent.setdefault(parent, d)

        for n in named:
            if not all(_time_mark(doc, m.end) for m in n.mentions):
                add_host(n)
        # The named event of each sentence: a release said only in sentences naming an
        # event (2022 OPPO开发者大会定档8月30日，将发布ColorOS 13) happens there.
        event_of_sentence: dict[int, EventDraft] = {}
        for n in named:
            for m in n.mentions:
                if not _time_mark(doc, m.end):     # (在IFA前夕宣布推出…: not at IFA)
                    event_of_sentence.setdefault(doc.sentence_index(m.start), n)
        gathering_of_sentence: dict[int, EventDraft] = {}   # (of the one-offs kept, for a round)
        marks = None    # (the clauses' punctuation, found once if an announcement asks)
        by_sentence: dict = {}
        # Gatherings first, so that a release can join one; announcements last, hosting nothing.
        oneoffs = sorted(oneoffs, key=lambda d: (d.kind in self.oneoffs.needs_round,
                                                 all(m.ref.oneoff.verb for m in d.mentions),
                                                 d.kind == "announcement"))
        for d in oneoffs:
            if d.kind in self.oneoffs.needs_round:
                # 召开媒体沟通会，宣布完成B轮融资: a round told in a gathering's sentences is its news
                there = [event_of_sentence.get(k, gathering_of_sentence.get(k))
                         for k in (doc.sentence_index(m.start) for m in d.mentions)]
                if all(there):
                    there[0].lead = there[0].lead or any(m.start < lead for m in d.mentions)
                    continue
            named_by_noun = any(not m.ref.oneoff.verb and (not m.ref.oneoff.bare or m.ref.oneoff.held)
                                for m in d.mentions)
            in_lead = any(m.start < lead for m in d.mentions)
            # (周啟航10月下旬在一場專題演講中: a gathering its person holds is named by them)
            held_by_person = any(not m.ref.oneoff.verb and m.ref.oneoff.doer for m in d.mentions)
            if not in_lead and not (named_by_noun and len(d.mentions) > 1) and not held_by_person:
                if any(not m.ref.oneoff.verb and m.ref.oneoff.org_span and m.ref.oneoff.org_span[1] == m.start - 1
                       and doc.norm[m.start - 1] in "在于於" for m in d.mentions) \
                        or (named_by_noun and d.kind not in self.oneoffs.needs_round
                            and any(not m.ref.oneoff.verb and m.ref.oneoff.strong and m.ref.oneoff.subject
                                    for m in d.mentions)) \
                        or (named_by_noun and d.kind not in self.oneoffs.needs_round
                            and any(self._org_dated(doc, m, day_ends) for m in d.mentions)):
                    # (鴻蒙系統發布會, 美团在财报电话会上: an event, though not the article's)
                    d.background = True     # 美团在财报电话会上: an event, though not the article's
                    kept.append(d)
                continue
            if not named_by_noun:
                there = [event_of_sentence.get(doc.sentence_index(m.start)) for m in d.mentions]
                if d.kind == "announcement":
                    # 亿航智能宣布获得订单，并于4月9日在印尼国际车展举行签约仪式: a gathering named
                    # after the announcement, in another clause, is where something else happened
                    marks = marks if marks is not None else _clause_marks(doc)
                    there = [t if t is not None and not self._placed_after(doc, marks, by_sentence, t, m.start)
                             else None for t, m in zip(there, d.mentions)]
                if all(there):
                    there[0].lead = there[0].lead or in_lead
                    continue
            # A ruling, an announcement or a meeting with the press is its own event: it
            # joins a gathering only in the gathering's own sentence (above).
            if not named_by_noun and d.organizer is not None and d.kind not in self.oneoffs.doer_alone:
                parent = (self.kb.organizations.get(d.organizer) or {}).get("parent")
                host = (hosts.get(d.organizer) or hosts_by_parent.get(d.organizer)
                        or (hosts.get(parent) if parent else None))
                if host is not None and d.kind == "launch" and host.year is not None and doc.reference_date is not None \
                        and host.year < doc.reference_date.year \
                        and any(m.ref.oneoff.verb and m.ref.oneoff.date_span for m in d.mentions):
                    host = None     # (将于2月2日上市 told after 2023年的WWDC: a release dated by its own day
                    #                 is not done at a gathering of a past year)
                if host is not None:
                    host.lead = host.lead or in_lead
                    continue
            # 輝達發表了…: a release of nothing named is no event of its own; 小米在电话会议上
            # (a noun after its organiser) is one when no other event of theirs is named.
            if not named_by_noun and not any(m.ref.oneoff.subject or m.ref.oneoff.doer
                                             or (not m.ref.oneoff.verb and m.ref.oneoff.org_span)
                                             for m in d.mentions):
                continue
            kept.append(d)
            if d.kind != "announcement" and not all(_time_mark(doc, m.end) for m in d.mentions):
                add_host(d)
                for m in d.mentions:
                    gathering_of_sentence.setdefault(doc.sentence_index(m.start), d)
        return self._announcements_released(doc, named, kept, lead)

    @staticmethod
    def _join_subjectless(doc: Document, oneoffs: list[EventDraft]) -> list[EventDraft]:
        """OpenAI於13日發布春季更新資訊，宣布推出新AI模型GPT-4o: a release of nothing named
        whose every sentence releases something named (the same kind, by no other organiser)
        is that release, told with its day."""
        named_at: dict[int, EventDraft] = {}
        for d in oneoffs:
            for m in d.mentions:
                if m.ref.oneoff.verb and m.ref.oneoff.subject is not None:
                    named_at.setdefault(doc.sentence_index(m.start), d)
        if not named_at:
            return oneoffs
        out = []
        for d in oneoffs:
            if all(m.ref.oneoff.verb and m.ref.oneoff.subject is None for m in d.mentions):
                hosts = {id(h): h for h in (named_at.get(doc.sentence_index(m.start)) for m in d.mentions)}
                host = next(iter(hosts.values())) if len(hosts) == 1 else None
                if host is not None and host is not d and host.kind == d.kind \
                        and (d.organizer is None or d.organizer == host.organizer):
                    host.mentions = sorted(host.mentions + d.mentions, key=lambda m: m.start)
                    continue
            out.append(d)
        return out

    @staticmethod
    def _announcements_released(doc: Document, named: list[EventDraft],
                                kept: list[EventDraft], lead: int) -> list[EventDraft]:
        """An announcement is the article's event only when it names no other: 今日，飞腾官方
        宣布…. One whose sentence releases something (一汽红旗宣布…E-QM5正式上市) is that
        release, made by the announcer; beside a gathering or a release it is how they were told."""
        others = [d for d in kept if d.kind != "announcement"]
        released: dict[int, EventDraft] = {}
        for d in others:
            for m in d.mentions:
                if m.ref.oneoff is not None and m.ref.oneoff.verb:
                    released.setdefault(doc.sentence_index(m.start), d)
        for d in kept:
            if d.kind != "announcement":
                continue
            for m in d.mentions:
                r = released.get(doc.sentence_index(m.start))
                if r is None:
                    continue
                first = next(x.ref.oneoff for x in r.mentions if x.ref.oneoff.verb)
                # (星河宣布有关北辰收购星河股份: the company a deed is done to announces it, and
                # is not its doer)
                if first.org_span is None and m.ref.oneoff.org_span is not None \
                        and (m.ref.oneoff.organizer is None or m.ref.oneoff.organizer != first.subject):
                    first.org_span = m.ref.oneoff.org_span
                    r.organizer = r.organizer or m.ref.oneoff.organizer
                r.lead = True
        # (a gathering named only outside the lead, 有望为2025年大阪世博会提供服务, is background)
        # (and one named in another clause of the announcement's sentence, 宣布获得订单，并于
        # 4月9日在2022年印尼国际车展举行签约仪式, is where something else took place)
        if others:
            return others
        said = sorted(m.start for d in kept if d.kind == "announcement" for m in d.mentions)
        marks = _clause_marks(doc) if said and named else []

        def elsewhere(pos: int) -> bool:
            # (the earliest announcement of pos's sentence before it is the likeliest parted from it)
            i = bisect.bisect_left(said, doc.sentence_at(pos).start)
            return i < len(said) and said[i] < pos and _placed(doc, pos) \
                and _other_clause(doc, marks, said[i], pos)

        named_in_lead = any(m.start < lead and not elsewhere(m.start) for n in named for m in n.mentions)
        return kept if not named_in_lead else others

    # -- the pass --------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        # (a wire item's dateline, （中央社舊金山22日綜合外電報導）, is the day its 今天 means:
        # its events are read against that day, the article's own date restored after)
        published = doc.reference_date
        doc.reference_date = lead_events.dateline_day(doc) or published
        try:
            self._read(doc)
        finally:
            doc.reference_date = published

    def _read(self, doc: Document) -> None:
        told_deed = None    # (the deed the headline and lead tell, when it became the top event)
        named, oneoffs = self._group(self._mentions(doc))
        drafts = named + self._settle_oneoffs(doc, named, self._join_subjectless(doc, oneoffs))
        self._attach_dates(doc, drafts)
        self._attach_editions(doc, drafts)
        ctx = _BuildContext(doc) if drafts else None
        events = [self._build(doc, d, ctx) for d in drafts]
        background = {id(e) for e, d in zip(events, drafts) if d.background}
        lead_end = self.oneoffs.lead_end(doc) if events else 0
        # (a gathering no kind names, named once, after the lead: 在黑客論壇上出售 in the fourth
        # paragraph, 今年在Computex上公布的功能 in the last, is where something aside happened,
        # not the article's news; a series too)
        aside = {id(e) for e, d in zip(events, drafts) if d.kind is None
                 and len(d.mentions) == 1 and d.mentions[0].start >= lead_end and not d.lead}
        # (and one named only to say when something else happened, 在IFA前夕宣布推出…, is no
        # article's news while another event is)
        aside |= {id(e) for e, d in zip(events, drafts) if all(_time_mark(doc, m.end) for m in d.mentions)}
        # (and one told only inside a clause of time, 在…发布聊天机器人…近两年后，监管机构…: what
        # the sentence's news came after, no article's news while another event is)
        aside |= {id(e) for e, d in zip(events, drafts)
                  if d.mentions and all(_time_clause(doc, m.start, m.end) for m in d.mentions)}
        kinds = {id(e): d.kind for e, d in zip(events, drafts)}
        # (a hearing dated to an earlier day and not in the headline, 该案于1月17日开审 under a
        # verdict: background to what came of it, no article's news)
        aside |= {id(e) for e in events if kinds.get(id(e)) in self.oneoffs.dated_news
                  and self._before_article(doc, e)
                  and any(doc.key[s:t].endswith(self.oneoffs.dated_news[kinds[id(e)]]) for s, t in e.mentions)
                  and not any(_in_headline(doc, s) for s, _ in e.mentions)}
        events.sort(key=lambda e: (id(e) in aside, -e.score, e.mentions[0][0]))
        if events and kinds.get(id(events[0])) in self.oneoffs.lead_named:
            # (a lawsuit the headline and lead tell is named by the lead's reader, as its
            # passive and sourced forms are: 小米入禀控告云岫协会)
            told = self.lead_events.find(doc, judged=True)
            if told is not None and len(told.name) <= LEAD_NAME_STRETCH * len(events[0].name) \
                    and any(ts <= s and e <= te for s, e in events[0].mentions for ts, te in told.mentions):
                # (the same verb, read as the lead's deed, and named about as shortly: the
                # kind's mentions are its too; a long clause leaves the kind's short name)
                told.mentions = sorted(set(told.mentions) | set(events[0].mentions))
                events[0] = told
        # (a headline that asks and tells no deed, or a top event long past and named once in
        # the body: evidence the article is about no event, so no other reader is asked for one)
        # (the headline's own evidence, that it asks or tells in doubt, also says no deed of the
        # body is the news; a top event long past says nothing of the lead's other deeds)
        headline_doubt = bool(events) and (self._asked_about(doc, events[0]) or self._doubted(doc, events[0])) \
            or self._market_report(doc)
        long_past = not headline_doubt and bool(events) and self._long_before(doc, events[0])
        # (results the lead does not name and no sentence dates, 英特尔2022年四季度财报 cited in the
        # fifth paragraph of an essay on its foundry: background to the article, no news of its own)
        # (it leaves the headline's and the lead's deeds to be read, as a top event not the news does)
        results_aside = not headline_doubt and not long_past and bool(events) \
            and kinds.get(id(events[0])) in RESULTS_KINDS and self._results_aside(doc, events[0], lead_end)
        no_event = headline_doubt or long_past
        if events and (self._only_announced(doc, events[0]) or id(events[0]) in background
                       or id(events[0]) in aside or no_event or results_aside):
            events[0].about = False
        if events and events[0].about and not no_event and kinds.get(id(events[0])) in self.oneoffs.answered \
                and self._below_headline(doc, events[0]):
            # (an authority's ruling or fine the headline does not name, the headline telling a deed
            # of its own that the lead retells: the headline's deed is the news, the ruling what it
            # answers or its background: 星河提交紧急动议 over a body that tells the ruling)
            # (a deed whose doer the text names as no organisation nor person, 美政府力邀…, is too
            # weak to take the primary: one wrong event would only replace another)
            told = self.headline_deed.find(doc)
            if told is not None and self.headline_deed.named_doer(doc, told) \
                    and not self._same_outcome(doc, told, events[0], kinds.get(id(events[0]))):
                if self._suffered(doc, told):
                    # (字节跳动…被判赔…: the company named suffers the authority's deed, no
                    # organiser of it; its staff who answer are not taking part in it)
                    told.organizer = None
                events.insert(0, told)
                told_deed = told
        if events and events[0].about and not no_event and told_deed is None \
                and kinds.get(id(events[0])) is None and self._named_once_below(doc, events[0]):
            # (a gathering the body names once, outside the headline, under a headline that tells a
            # deed the body retells: 甲大学、乙公司等5家单位联合发布… after 大会在武汉召开: the deed,
            # not its setting, is the news. Neither is bounded here by the lead's end: the retelling
            # is wherever lead_events reads it, up to its RETOLD_PARAGRAPHS, so a deed retold in the
            # third paragraph still wins. With no newline headline_end would be -1, but
            # _named_once_below is false for such a text, so it never is here)
            told = self.lead_events.find(doc)
            headline_end = doc.key.find("\n")
            if told is not None and any(s < headline_end for s, _ in told.mentions) \
                    and any(s > headline_end for s, _ in told.mentions) \
                    and not any(ts <= s < te for s, _ in events[0].mentions for ts, te in told.mentions) \
                    and not self._held_with(doc, events[0], told, headline_end):
                # (比亚迪召开了…发布会: a deed of holding the gathering is the gathering itself;
                # 星河在杭州举办开发者日，发布了…: a deed told in the sentence that holds the
                # gathering was done at it, and the gathering stays the news)
                events.insert(0, told)
                told_deed = told
        if (not events or not events[0].about) and not no_event:
            # No kind names the article's event: its headline and lead may tell one deed.
            told = self.lead_events.find(doc) or self.headline_deed.find(doc)
            if told is not None:
                events.insert(0, told)
                told_deed = told
        elif long_past:
            # (the top event long past is background; a deed the headline tells, by a doer it
            # names, on a day of the article's reach, is the news it is background to:
            # 星河与云岫签订联合开发协议 over a body recalling a purchase of last year)
            told = self.headline_deed.find(doc)
            if told is not None and self.headline_deed.named_doer(doc, told) and self._recent(doc, told):
                events.insert(0, told)
                told_deed = told
                no_event = False
        # (the evidence of no event leaves the top event's mentions as they were: it only says
        # the article is not about it)
        if events and (events[0].about or no_event) and events[0].release:
            before = events[0].mentions
            events[0].mentions = headline_told(doc, before, self._subjects(doc, events[0]))
            added = [m for m in events[0].mentions if m not in before]
            if added and (events[0].name.endswith(ANNOUNCING_WRITTEN) or _named_by_head(doc, events[0])):
                # (星河宣布 over 星河今天宣布，旗下…購入…廠房 under 星河購廠房: an announcing whose
                # words are too long to name it is named by the headline's clause that tells them)
                events[0].name = doc.text[added[0][0]:added[0][1]].strip()
        # The deeds the body mentions beside these (mentioned_events.py), after them.
        mentioned = self.mentioned.find(doc, events)
        if mentioned and (not events or not events[0].about) and not headline_doubt:
            # (no reader names the article's event, but the headline tells a deed the body's reader
            # found there, done, and the lead tells the same deed again: that deed is the news)
            headline_end = doc.key.find("\n")
            lead_end = self.oneoffs.lead_end(doc)
            first = None
            if not no_event:
                first = next((e for e in mentioned if e.mentions and e.mentions[0][1] <= headline_end
                              and (e.year is None or doc.reference_date is None
                                   or e.year >= doc.reference_date.year)), None)
                if first is None or not self.mentioned.retold(doc, first, headline_end, lead_end):
                    # (an attack suffered, told by the lead's first paragraph, under a headline of the
                    # attack's words: 加密货币交易平台 Bybit 被黑客入侵 under 黑客窃取将近 15 亿美元)
                    first = self.mentioned.suffered_in_lead(doc, mentioned, headline_end,
                                                            self.oneoffs.lead_end(doc, 1))
            if first is None:
                first = self._news_of_the_day(doc, mentioned, headline_end, lead_end)
            if first is None and not no_event:
                first = self._gathering_in_lead(doc, mentioned, headline_end, lead_end)
            if first is None and not no_event:
                first = self._press_conference(doc, mentioned, headline_end)
            if first is not None:
                mentioned.remove(first)
                first.about = True
                events.insert(0, first)
        if told_deed is not None and events and events[0] is told_deed and mentioned and not headline_doubt:
            # (the deed, told with no day, is what its speaker said at a gathering the lead tells
            # as held: 在日前星河举行的开发者大会上，星河董事长林某表示…: the gathering is the news)
            held = self._speaker_gathering(doc, told_deed, mentioned)
            if held is None and self._day_aside(doc, told_deed):
                # (the deed's day is only the wire's dateline, or one still to come (6月26日投入運作
                # under an article of 2 May): a press conference the headline's or the lead's first
                # sentence's subject held on a day the body states is the occasion the item reports)
                key = doc.key
                headline_end = key.find("\n")
                body = len(key) - len(key[headline_end:].lstrip())
                held = self._press_conference(doc, mentioned, headline_end,
                                              names_end=doc.sentence_at(body).end if body < len(key) else headline_end)
            if held is not None:
                mentioned.remove(held)
                held.about = True
                events[0] = held
        if events and events[0].about:
            self._lead_weekday(doc, events[0])
        events += mentioned
        for e in events:
            e.name = _dayless(_balanced(doc, e))
        doc.layers["events"] = events

    @staticmethod
    def _lead_weekday(doc: Document, event: Event) -> None:
        """星河裁员 over 3月1日讯，当地时间周二，星河宣布…: the article's news dated by nothing but
        the article's day or the wire's dateline takes the past weekday its lead sentence gives."""
        ref = doc.reference_date
        if ref is None or event.date != ref.isoformat():
            return
        key = doc.key
        told = event.date_text
        if told is not None and DATELINE.match(key, told["end"]) is None:
            return      # (dated by its own day, not the wire's)
        headline_end = key.find("\n")
        body = len(key) - len(key[headline_end:].lstrip()) if headline_end >= 0 else len(key)
        if body >= len(key):
            return
        lead = doc.sentence_at(body)
        if not any(s < lead.end for s, _ in event.mentions):
            return      # (the lead does not tell it)
        wired = told is not None    # (a weekday only after the wire's day: 据报道，当地时间周三 alone keeps the article's day)
        for e in doc.layers.get("dates", ()):
            if not lead.start <= e.start < lead.end or (told is not None and e.start < told["end"]):
                continue
            if e.has_date and DATELINE.match(key, e.end) is not None:
                wired = True
                continue    # (the wire's day, 3月1日讯)
            if e.has_date:
                return  # (a day of its own first: not this rule's)
            if weekday_alone(e) and wired:
                day = weekday_date(doc, e)
                if day < ref:
                    event.date, event.date_text, event.year = day.isoformat(), doc.span(e.start, e.end), day.year
                return

    @staticmethod
    def _day_aside(doc: Document, deed: Event) -> bool:
        """Is the deed's day no evidence it happened on the article's day: none stated, only
        the dateline's (（中央社首爾3日綜合外電報導）, 3月24日消息，), or one after the article's?"""
        if deed.date_text is None:
            return True
        start, end = deed.date_text["start"], deed.date_text["end"]
        key = doc.key
        if DATELINE.match(key, end) is not None:
            return True
        headline_end = key.find("\n")
        line = lead_events.DATELINE.search(key, max(0, headline_end), min(len(key), headline_end + lead_events.DATELINE_REACH))
        if line is not None and line.start() <= start and end <= line.end():
            return True
        ref = doc.reference_date
        if ref is None or deed.date is None or len(deed.date) != 10:
            return False
        try:
            return dt.date.fromisoformat(deed.date) > ref
        except ValueError:
            return False

    @staticmethod
    def _press_conference(doc: Document, mentioned: list[Event], headline_end: int,
                          names_end: int | None = None) -> Event | None:
        """梁某：可取交通卡數據… under a body that says 梁某今日在某大學召開記者會: a press
        conference the body tells after the headline, on a day it states (今日, 昨天, 2日) that is
        the article's or up to GATHERING_LAG days before, in a sentence that names someone or an
        organisation the headline names, is the occasion of the headline's news when no reader
        names another. The first such, else None."""
        ref = doc.reference_date
        if ref is None or headline_end <= 0:
            return None     # (a headline of data may be what was said there: no gate of reports)
        key = doc.key
        named = [e for table in ("people", "organizations") for e in doc.layers[table].ordered()
                 if any(t <= (headline_end if names_end is None else names_end) for _, t in e.mentions)]
        for e in mentioned:
            if not e.mentions or e.mentions[0][0] <= headline_end or e.date_text is None \
                    or e.date is None or len(e.date) != 10:
                continue
            s, t = e.mentions[0]
            if not any(key.endswith(w, s, t) for w in PRESS_CONFERENCES):
                continue
            if not _within_days(ref, e.date, GATHERING_LAG):
                continue
            sentence = doc.sentence_at(s)
            if any(sentence.start <= a and b <= sentence.end for x in named for a, b in x.mentions):
                return e
        return None

    def _speaker_gathering(self, doc: Document, deed: Event, mentioned: list[Event]) -> Event | None:
        """A gathering the lead tells as held (_gathering_in_lead) in the sentence that retells
        the headline's deed, before it, with a speaker's verb between them (在…大会上表示, 出席…
        仪式时指出): the deed is words said there. Only for a deed the lead gives no day."""
        key = doc.key
        if deed.date_text is not None and DATELINE.match(key, deed.date_text["end"]) is None:
            return None     # (a day the lead states; a dateline, 3月24日消息，, is none)
        headline_end = doc.key.find("\n")
        lead_end = self.oneoffs.lead_end(doc)
        held = self._gathering_in_lead(doc, mentioned, headline_end, lead_end)
        if held is None or not held.mentions:
            return None
        g_start, g_end = held.mentions[0]
        sentence = doc.sentence_at(g_start)
        told = [s for s, e in deed.mentions if sentence.start <= s and g_end <= s and e <= sentence.end]
        if not told:
            return None
        toks = doc.tokens
        for i in range(doc.token_index_from(g_end), len(toks.starts)):
            if toks.starts[i] >= told[0]:
                break
            if key[toks.starts[i]:toks.ends[i]] in self.lead_events.speech:
                return held
        return None

    @staticmethod
    def _news_of_the_day(doc: Document, mentioned: list[Event], headline_end: int,
                         lead_end: int) -> Event | None:
        """星海市长林某23日主持召开“第三次数字经济推进会” in a wire item's lead: a deed done or a
        gathering held, told in the lead's paragraphs with the day it happened, that day the
        article's (or its dateline's) or up to NEWS_LAG days before, is the news the item
        reports when no reader names another. A day the text does not state (the article's,
        given by default) is no evidence, nor is such a deed under a headline of figures or a
        report (headline_deed.reports). The first such, else None."""
        ref = doc.reference_date
        if ref is None or headline_end <= 0 or headline_reports(doc, headline_end):
            return None     # (加密货币市场全线下跌 over a lead's attack of yesterday: news of figures)
        for e in mentioned:
            if e.date_text is None or e.date is None or len(e.date) != 10 or not e.mentions \
                    or not headline_end < e.mentions[0][0] < lead_end:
                continue
            if _within_days(ref, e.date, NEWS_LAG):
                return e
        return None

    def _gathering_in_lead(self, doc: Document, mentioned: list[Event], headline_end: int,
                           lead_end: int) -> Event | None:
        """字节跳动内部举办新一期全员会，CEO 在会上提出… under 字节梁汝波：今年的目标是…: a gathering
        the lead's paragraphs tell as held or attended (the gatherings reader's frames: 在X上,
        出席X, 召开X), when no reader names the article's event, is the occasion of the
        headline's words, the article's event. A gathering's noun (gathering_heads.yaml) names
        it, in the reader's own gatherings or in a deed of holding one (召开国际会议); under a
        headline of figures or a report (headline_deed.reports) it is none, nor is one its
        sentence tells as planned (预计公司将在9月的董事会会议上提出…), nor one the lead dates more
        than GATHERING_LAG days before the article's day (background) or after it. The first such."""
        if headline_end <= 0 or headline_reports(doc, headline_end):
            return None
        key, ref = doc.key, doc.reference_date
        heads = self.mentioned.gatherings.finder
        for e in mentioned:
            if not e.mentions or not headline_end < e.mentions[0][0] < lead_end:
                continue
            s, t = e.mentions[0]
            if not (e.gathering or heads.find_matches_as_indexes(key[s:t])):
                continue
            if e.date_text is not None and e.date is not None and len(e.date) == 10 and ref is not None:
                # (a day the lead states: within a week before the article's, else background)
                if not _within_days(ref, e.date, GATHERING_LAG):
                    continue
            # (the sentence's words before it hold no plan)
            lo = max(key.rfind(c, max(0, s - GATHERING_PLAN_REACH), s) for c in SENTENCE_ENDS) + 1
            if PLANNED_GATHERING.search(key, max(lo, s - GATHERING_PLAN_REACH), s) is None:
                return e
        return None

    @staticmethod
    def _subjects(doc: Document, event: Event) -> list[tuple[int, int]]:
        """Where the organiser and the products the event's name holds are named."""
        out = []
        orgs: EntityTable = doc.layers["organizations"]
        if event.organizer is not None and event.organizer in orgs.by_id:
            out += orgs.by_id[event.organizer].mentions
        for p in doc.layers.get("products", ()):
            out += [(s, e) for s, e in p.mentions if e > s and doc.text[s:e] in event.name]
        return out

    @staticmethod
    def _only_announced(doc: Document, event: Event) -> bool:
        """前不久，高通宣布将于12月1日举行骁龙技术峰会 in an article about a benchmark: an
        event named once, outside the headline, on a day after the article's, is news
        of a plan, not what the article is about."""
        if len(event.mentions) != 1 or doc.reference_date is None or event.date is None \
                or len(event.date) != 10:
            return False
        headline_end = doc.norm.find("\n")
        if headline_end < 0 or event.mentions[0][0] < headline_end:
            return False
        return event.date > doc.reference_date.isoformat()

    def _same_outcome(self, doc: Document, told: Event, answered: Event, kind: str | None) -> bool:
        """马斯克官司胜诉 over a body telling the court's ruling of the day before, 星河遭官方要求下架
        over the regulator's order: a headline telling the kind's outcome or suffering it (胜诉, 遭),
        within PAST_REACH days of the kind's deed, tells that deed; its other deed is no news of its own."""
        outcomes = self.oneoffs.outcomes.get(kind or "", ())
        key = doc.key
        headline_end = key.find("\n")
        # (anywhere in the headline: 一周前赴美上市　星河遭官方要求下架 tells the order suffered too)
        if not outcomes or headline_end < 0 or not has_any(key[:headline_end], outcomes):
            return False
        if answered.date is None or told.date is None:
            return True
        try:
            first = dt.date.fromisoformat(answered.date if len(answered.date) == 10 else answered.date[:7] + "-01")
            then = dt.date.fromisoformat(told.date if len(told.date) == 10 else told.date[:7] + "-01")
        except ValueError:
            return True
        return (then - first).days <= PAST_REACH

    @staticmethod
    def _suffered(doc: Document, event: Event) -> bool:
        """Does the headline clause that names the deed tell it suffered (被, 遭: 星河遭罚,
        星河被判赔)?"""
        headline_end = doc.key.find("\n")
        return any(has_any(doc.key[s:e], SUFFERED) for s, e in event.mentions if e <= headline_end)

    @staticmethod
    def _below_headline(doc: Document, event: Event) -> bool:
        """Is the event named only outside the headline?"""
        headline_end = doc.norm.find("\n")
        return bool(event.mentions) and 0 <= headline_end <= min(s for s, _ in event.mentions)

    @staticmethod
    def _held_with(doc: Document, gathering: Event, told: Event, headline_end: int) -> bool:
        """举办…开发者大会，发布了…: the sentence naming the gathering in the body goes on to a
        deed done at it (see DONE_AT_GATHERING), so the gathering is the setting the headline's
        deed belongs to, whichever later sentence the deed reader retold."""
        key = doc.key
        for start, end in gathering.mentions:
            if start > headline_end:
                after = key[end:doc.sentence_at(start).end]
                if any(verb in after for verb in DONE_AT_GATHERING):
                    return True
        return False

    @staticmethod
    def _named_once_below(doc: Document, event: Event) -> bool:
        """Is the event named once, and not in the headline?"""
        return len(event.mentions) == 1 and not _in_headline(doc, event.mentions[0][0])

    @staticmethod
    def _results_aside(doc: Document, event: Event, lead_end: int) -> bool:
        """Results (an earnings report or call) no sentence dates, named only after the lead
        (the headline and two paragraphs): an analysis citing them, not news of them."""
        headline_end = doc.key.find("\n")
        return event.date is None and all(s >= lead_end for s, _ in event.mentions) \
            and not (headline_end > 0 and RESULTS_WORDS.search(doc.key, 0, headline_end))

    @staticmethod
    def _long_before(doc: Document, event: Event) -> bool:
        """星河剪辑 2024 年收入近百亿元 over a body that says, once, the app was launched in
        May: an event named once, outside the headline, dated (by its day or its month) more
        than PAST_REACH days before the article's, is background to news of another kind,
        as one on a later day is news of a plan (_only_announced)."""
        if doc.reference_date is None or not Events._named_once_below(doc, event):
            return False
        day = _event_day(event, month_end=True)
        return day is not None and (doc.reference_date - day).days > PAST_REACH

    @staticmethod
    def _before_article(doc: Document, event: Event) -> bool:
        """Is the event dated to a day before the article's?"""
        day = _event_day(event)
        return doc.reference_date is not None and day is not None and day < doc.reference_date

    @staticmethod
    def _recent(doc: Document, event: Event) -> bool:
        """Is the event dated to a day no later than the article's and within PAST_REACH
        days before it?"""
        day = _event_day(event)
        return doc.reference_date is not None and day is not None \
            and 0 <= (doc.reference_date - day).days <= PAST_REACH

    @staticmethod
    def _market_report(doc: Document) -> bool:
        """港股收评：恒指跌1.7%，星河集团涨超6%: a headline opened by a market that moves is a
        market report, about no event (MARKET_HEADLINE)."""
        return MARKET_HEADLINE.match(doc.key, 0, min(len(doc.key), MAX_HEADLINE_ASKED)) is not None

    def _asked_about(self, doc: Document, event: Event) -> bool:
        """「云端情人」真实版？ over a body that names, once, a launch of last week: a headline
        that asks a question and tells no deed in any clause it does not ask in is analysis
        or commentary; an event it does not name, named once in the body, is its background."""
        if not self._named_once_below(doc, event):
            return False
        key = doc.key
        headline_end = key.find("\n", 0, MAX_HEADLINE_ASKED + 1)
        if headline_end <= 0:
            return False
        headline = key[:headline_end]
        if QUESTION.search(headline) is None:
            if not has_any(headline, self.asked_words):
                return False
            # (asked in words only, 星河为何押注…: a deed the lead tells with its day, 3月5日举行
            # 发布会, is the news the analysis follows)
            if event.date_text is not None and event.mentions[0][0] < self.oneoffs.lead_end(doc):
                return False
        # (a clause that asks by its mark or its words, 星河为何押注…, is no deed told)
        return not any(self._acts(doc, s, e) for s, e in self.headline_deed.clauses(doc, 0, headline_end)
                       if key[e:e + 1] not in QUESTION_MARKS and not has_any(key[s:e], self.asked_words))

    def _doubted(self, doc: Document, event: Event) -> bool:
        """星河据悉考虑收购云岫 / 监管机构或对星河开出罚单: the headline's clause that names the
        event tells it on hearsay or in doubt (a word of DOUBT before the end of its mention):
        news of a rumour, not of a deed."""
        headline_end = doc.key.find("\n")
        if headline_end <= 0 or not any(s < headline_end for s, _ in event.mentions):
            return False
        clauses = self.headline_deed.clauses(doc, 0, headline_end)
        for s, e in event.mentions:
            if s >= headline_end:
                continue
            clause = next(((a, b) for a, b in clauses if a <= s < b), None)
            if clause is not None and self._doubt_between(doc, clause[0], e):
                return True
        return False

    @staticmethod
    def _doubt_between(doc: Document, start: int, end: int) -> bool:
        """Is a word of DOUBT among the tokens starting in [start, end)? (或 only as 'may':
        the token after it a verb, an adverb, a preposition or a time.)"""
        toks, key = doc.tokens, doc.key
        starts, ends, tagged = toks.starts, toks.ends, toks.tagged
        last = doc.token_index_from(end)
        for i in range(doc.token_index_from(start), last):
            w = key[starts[i]:ends[i]]
            if w not in DOUBT:
                continue
            if w != MAY or (i + 1 < len(starts) and tagged[i + 1][1].startswith(MAY_BEFORE_TAGS)):
                return True
        return False

    def _acts(self, doc: Document, start: int, end: int) -> bool:
        """Does a verb act in the clause: one tagged a verb, not a state's (是, 有) nor one of
        saying, and not negated (不怕…关税 tells no deed)?"""
        toks, key = doc.tokens, doc.key
        starts, ends, tagged = toks.starts, toks.ends, toks.tagged
        before = ""
        for i in range(doc.token_index_from(start), len(starts)):
            if starts[i] >= end:
                return False
            w = key[starts[i]:ends[i]]
            if tagged[i][1].startswith("v") and w not in lead_events.STATE_VERBS \
                    and w not in self.lead_events.speech and before not in NEGATIONS:
                return True
            before = w
        return False

    def _sentence_of(self, doc: Document, m: Mention) -> int:
        return doc.sentence_index(m.start)

    def _by_sentence(self, doc: Document, drafts) -> dict[int, tuple[list[int], list, int]]:
        """Per sentence: its mentions sorted by start (with their starts apart, to
        bisect), each as (start, rank, mention, draft), and the longest one's length."""
        index: dict[int, list] = {}
        rank = 0
        for d in drafts:
            for m in d.mentions:
                deadline.check("events")
                index.setdefault(doc.sentence_index(m.start), []).append((m.start, rank, m, d))
                rank += 1
        out = {}
        for k, entries in index.items():
            entries.sort(key=lambda e: e[0])
            out[k] = ([e[0] for e in entries], entries, max(e[2].end - e[2].start for e in entries))
        return out

    def _nearest_draft(self, doc: Document, index: dict, offset: int) -> EventDraft | None:
        """The event mentioned nearest to offset in the same sentence (the first
        listed on a tie). Walks out from offset and stops where no mention can be
        nearer, so a sentence with thousands of mentions costs a few steps."""
        found = index.get(doc.sentence_index(offset))
        if found is None:
            return None
        starts, entries, longest = found
        best: tuple[int, int, EventDraft] | None = None  # (distance, rank, draft)
        i = bisect.bisect_left(starts, offset)
        for indices in (range(i - 1, -1, -1), range(i, len(entries))):
            for j in indices:
                start, rank, m, d = entries[j]
                # A mention's distance is at least |start - offset| - its length.
                if best is not None and abs(start - offset) - longest > best[0]:
                    break
                distance = min(abs(m.start - offset), abs(m.end - offset))
                if best is None or (distance, rank) < best[:2]:
                    best = (distance, rank, d)
        return best[2] if best is not None else None

    def _attach_dates(self, doc: Document, drafts: list[EventDraft]) -> None:
        index = self._by_sentence(doc, drafts)
        # 4月12日消息，小米11日宣布: the date right before a verb is its own, before any nearer one
        # (but a gathering named by its noun is dated by its own words: the day of a deed announced
        # there, 今日召开发布会宣布…将于6月26日正式上线, is the deed's, not the gathering's)
        own = {}
        for d in drafts:
            head = d.mentions[0].ref.oneoff if d.mentions else None
            held = head is not None and not head.verb
            for m in d.mentions:
                o = m.ref.oneoff
                if o is not None and o.date_span is not None and not (held and o is not head):
                    own.setdefault(o.date_span, d)
        for expr in doc.layers["dates"] if own else ():
            d = own.get((expr.start, expr.end))
            if d is not None and d.date_expr is None and dates_a_day(doc, expr):
                d.date_expr = expr
        for expr in doc.layers["dates"]:
            deadline.check("events")
            d = self._nearest_draft(doc, index, expr.start)
            if d is None:
                continue
            if dates_a_day(doc, expr) and (d.date_expr is None or self._dateline_gives_way(doc, d.date_expr, expr)):
                d.date_expr = expr
            elif expr.month is None and d.year_expr is None \
                    and (expr.year is not None or expr.year_shift is not None):
                d.year_expr = expr

    def _period_before(self, doc: Document, d: EventDraft, expr) -> bool:
        """Is the draft results (an earnings call or results made public) named with the year of
        the period it reports on, the year before the article's, and dated by a day written
        without a year?"""
        return d.kind in (self.oneoffs.results, "earnings-call") and d.year is not None \
            and doc.reference_date is not None and doc.reference_date.year == d.year + 1 \
            and expr.year is None and expr.year_shift is None and expr.day is not None \
            and expr.month is not None and not expr.relative

    @staticmethod
    def _dateline_gives_way(doc: Document, dateline, expr) -> bool:
        """北京时间12月20日早间消息，据报道，当地时间周一…联合宣布: the news' dateline
        gives way to a later day its sentence gives the event."""
        return DATELINE.match(doc.key, dateline.end) is not None and expr.start > dateline.end \
            and doc.sentence_index(expr.start) == doc.sentence_index(dateline.start) \
            and DATELINE.match(doc.key, expr.end) is None

    def _attach_editions(self, doc: Document, drafts: list[EventDraft]) -> None:
        if not has_any(doc.norm, EDITION_WORDS):
            return    # no 届, 屆 or 周年: EDITION finds nothing
        index = self._by_sentence(doc, drafts)
        for m in EDITION.finditer(doc.norm):
            deadline.check("events")
            d = self._nearest_draft(doc, index, m.start())
            if d is not None and d.edition is None:
                d.edition = 1 if m.group(3) else small_number(m.group(1) or m.group(2))

    def _year_context(self, doc: Document, offset: int, ctx: _BuildContext) -> int | None:
        """The nearest explicit year written before offset in its paragraph, else the
        reference year (else the nearest before it anywhere)."""
        i = bisect.bisect_left(ctx.date_starts, offset)
        best = ctx.years_before[i - 1] if i else None
        if best is not None and doc.reference_date is not None \
                and ctx.paragraph(ctx.year_at[i - 1]) != ctx.paragraph(offset):
            best = None     # (2023年總碳排量… paragraphs before 6月4日開始的電腦展: the article's year)
        if best is None and doc.reference_date is not None:
            best = doc.reference_date.year
        return best

    def _build(self, doc: Document, d: EventDraft, ctx: _BuildContext) -> Event:
        deadline.check("events")
        date = time = offset = None
        date_text = None
        year = d.year
        if d.date_expr is not None and weekday_alone(d.date_expr):
            day = weekday_date(doc, d.date_expr)
            date, year = day.isoformat(), year if year is not None else day.year
            date_text = doc.span(d.date_expr.start, d.date_expr.end)
        elif d.date_expr is not None:
            e = d.date_expr
            hint = year if year is not None else self._year_context(doc, e.start, ctx)
            r = event_date(e, hint, doc.reference_date)
            if self._period_before(doc, d, e):
                # 1月26日…2022年四季度财报电话会议 in a 2023 article: the year its name gives is the
                # period reported on; results come out after it, so a day written without a year
                # is of the year after (the article's), unless that day is still to come
                later = event_date(e, year + 1, doc.reference_date)
                if later.date is not None and len(later.date) == 10 \
                        and dt.date.fromisoformat(later.date) <= doc.reference_date:
                    r, year = later, None
            if r.needs_reference:
                doc.warnings.append(
                    f"'{doc.text[e.start:e.end]}' is relative: send reference_date to resolve it")
            date, time, offset = r.date, r.time, r.utc_offset
            date_text = doc.span(e.start, e.end)
            if year is None:
                year = r.year
            elif date is not None and not date.startswith(str(year)):
                # 今年1月…为2025年大阪世博会: a date of another year is of something else
                date = time = offset = date_text = None
        if year is None and d.year_expr is not None:
            r = event_date(d.year_expr, None, doc.reference_date)
            year = r.year
            if r.needs_reference:
                e = d.year_expr
                doc.warnings.append(
                    f"'{doc.text[e.start:e.end]}' is relative: send reference_date to resolve it")
        if date is None and d.kind is not None and doc.reference_date is not None \
                and all(m.ref.oneoff.verb for m in d.mentions) \
                and (d.lead or any(m.start < ctx.lead_end for m in d.mentions)):
            # News of a release or an announcement the lead tells without a date is
            # the news of the day it is published.
            date = doc.reference_date.isoformat()
            year = year if year is not None else doc.reference_date.year
        series = self.kb.series.get(d.series) if d.series else None
        if series is not None and year is None and doc.reference_date is not None \
                and d.date_expr is None and d.year_expr is None:
            year = doc.reference_date.year     # (在IFA前夕: a series named without a year is this year's)
        first = d.mentions[0]
        surface = doc.text[first.start:first.end]
        if series is not None:
            with_year = next((m for m in d.mentions if m.ref.year is not None), None)
            if with_year is not None:
                name = doc.text[with_year.start:with_year.end]
            elif year is not None:
                name = f"{surface} {year}" if surface[-1:].isascii() else f"{year}{surface}"
            else:
                name = surface
            base_id = d.series
        elif d.kind is not None:
            name, base_id = self._oneoff_name(doc, d)
        else:
            name = surface
            base_id = name_id(d.key)
            if first.kind == "name":
                name = with_holder(doc, first.start, name, d.key, self.occasions)   # (某某党…举办能源发展论坛)
        event_id = f"{base_id}-{year}" if year is not None else base_id
        sentences = {doc.sentence_index(m.start) for m in d.mentions}
        # The people with a mention in one of those sentences, in the table's order.
        ranks = set().union(*(ctx.people_in.get(s, ()) for s in sentences))
        participants = [ctx.people[r].id for r in sorted(ranks)]
        score = len(d.mentions) + (0.5 if date else 0) + (0.5 if participants else 0)
        lead = ctx.lead_end
        if d.lead or any(m.start < lead for m in d.mentions):
            score += LEAD_BONUS
        return Event(
            id=event_id,
            name=name,
            series=series.get("name_en") if series else None,
            year=year,
            date=date,
            time=time,
            utc_offset=offset,
            date_text=date_text,
            location=self._location(doc, d, ctx),
            edition=d.edition,
            organizer=d.organizer if d.kind else self._organizer(doc, d, series),
            participants=participants,
            mentions=[(m.start, m.end) for m in d.mentions],
            score=score,
            # A release no gathering names: being named in its sentence is not taking part.
            release=d.kind is not None and all(m.ref.oneoff.verb for m in d.mentions),
            gathering=d.kind is None,
        )

    def _organizer_of(self, doc: Document, d: EventDraft) -> str | None:
        if d.kind is not None:
            return d.organizer
        return self._organizer(doc, d, self.kb.series.get(d.series) if d.series else None)

    def _oneoff_name(self, doc: Document, d: EventDraft) -> tuple[str, str]:
        """(name, id without year) of a one-off event (the convention: event_kinds.py)."""
        offs = [m.ref.oneoff for m in d.mentions]
        titled = next((o for o in offs if o.title), None)
        named = ([o for o in offs if not o.verb and (not o.bare or o.held)]
                 or [o for o in offs if not o.verb and not o.subject and o.org_span])
        # (a product the text names before a thing a headline describes: 推出AI客服助手 … Service Pilot)
        subject = next((o for o in sorted(offs, key=lambda o: o.described) if o.subject and not o.title), None)
        subject = titled or subject
        # (a doer read from a noun's sentence names the event only when nothing else does)
        spans = sorted(offs, key=lambda o: o.doer_words)
        org_surface = next((doc.text[o.org_span[0]:o.org_span[1]] for o in spans if o.org_span), None)
        if org_surface is None and d.organizer in self.kb.organizations:
            org_surface = self.kb.organizations[d.organizer].get("name_en")
        if titled is not None:
            name = titled.title
        elif named:
            best = max(named, key=lambda o: (o.strong, o.end - o.start))
            name = doc.text[best.start:best.end]
            if best.latest is not None:     # 最新財報 whose period the text gives: 第一季財報
                name = doc.text[best.start:best.latest[0]] + best.latest[2] + doc.text[best.latest[1]:best.end]
            teller = next((o for o in spans if o.org_span), None)
            said = doc.text[teller.org_span[0]:teller.org_span[1]] if teller is not None else None
            # (星河科技訴雲岫案作出一審判決 is named by its case; the court of a later 判決 adds nothing)
            if teller is not None and teller.doer_words and teller is not best:
                said = None
            if best.bare and subject is not None and subject is not best and subject.subject_span \
                    and doc.key[best.start:best.end] in self.oneoffs.product_named:
                # (举行一场发布会，正式推出Foo X9: a bare noun is named by what the event launches)
                name = _joined(doc.text[subject.subject_span[0]:subject.subject_span[1]], name)
            if said and not (best.org_span and best.org_span[0] >= best.start) and not name.startswith(said):
                name = _joined(said, name)     # (the organiser's words in the text, not the KB's)
        else:
            verb = next((o for o in sorted(offs, key=lambda o: o.described) if o.verb and o.subject_span),
                        None) or offs[0]
            parts = [org_surface or ""]
            if verb.subject_span:
                said = doc.text[verb.subject_span[0]:verb.subject_span[1]]
                if org_surface and said.startswith(org_surface):
                    parts = [""]     # 努比亞Z50: the product's name holds its maker's
                parts.append(said)
            parts.append(doc.text[verb.start:verb.end])
            if d.kind in self.oneoffs.clause_subject and not verb.subject_span:
                # 張一鳴宣布年底卸任: an announcement is named by what it says, when that is short
                said = ANNOUNCED.match(doc.norm, verb.end)
                if said is not None and (said.end() == len(doc.norm) or doc.norm[said.end()] in CLAUSE_END):
                    parts.append(doc.text[verb.end:said.end()])
                else:
                    # (星河科技宣布，林一舟将于年底卸任, 宣布开启“云岫周”活动: the clause it says, quotes
                    # and a comma after the verb included, when that clause is short)
                    said = ANNOUNCED_CLAUSE.match(doc.norm, verb.end) \
                        if doc.key.endswith(ANNOUNCING, verb.start, verb.end) else None
                    if said is not None and (said.end() == len(doc.norm) or doc.norm[said.end()] in CLAUSE_END) \
                            and not _opens_what_followed(doc, said.start(1)) \
                            and not doc.key.endswith(SAID_TIME_MARKS, said.start(1), said.end()):
                        parts.append(doc.text[said.start(1):said.end()].rstrip(" _"))
                    elif doc.key.endswith(ANNOUNCING, verb.start, verb.end):   # (a clause of 31 characters or more)
                        head = _announced_head(doc, verb.end)
                        if head is not None:
                            parts.append(head)
            if verb.subject_span and verb.subject_span[0] >= verb.end \
                    and (d.kind in self.oneoffs.object_org or d.kind in (self.oneoffs.document,
                                                                         self.oneoffs.listing_object)):
                parts[-2:] = parts[-1:-3:-1]    # 星河科技收購雲岫軟體: the company bought after the verb
            name = ""
            for part in parts:   # Anthropic Claude 3.5 Sonnet發表, 深度求索DeepSeek-V3发布
                gap = " " if name[-1:].isascii() and name[-1:].isalnum() and part[:1].isascii() else ""
                name += gap + part
        # A titled event (Let Loose, Advancing AI 2024) is named by its title, not its kind.
        doer = None
        if d.organizer is None:   # 星河半导体宣布, 法院驳回: the doer's words, in either script
            doer = next((name_id(doc.key[o.org_span[0]:o.org_span[1]]) for o in offs if o.org_span), None)
        owner = d.organizer or doer
        if owner and subject and subject.subject and subject.subject.startswith(owner + "-"):
            owner = None    # nubia-z50-launch, not nubia-nubia-z50-launch
        pieces = [owner, subject.subject if subject else None, None if titled else d.kind]
        return name, "-".join(p for p in pieces if p)

    def _location(self, doc: Document, d: EventDraft, ctx: _BuildContext) -> str | None:
        """在舊金山舉行: a place name (not a date: 於昨日舉辦) before a verb of holding,
        in the first sentence of the event's mentions that has one."""
        for m in d.mentions:
            k = doc.sentence_index(m.start)
            if k not in ctx.locations:
                # Each sentence is read once per document, however many mentions
                # (of however many events) it holds.
                ctx.locations[k] = self._location_in(doc, doc.sentence_at(m.start))
            if ctx.locations[k] is not None:
                return ctx.locations[k]
        return None

    def _location_in(self, doc: Document, sentence) -> str | None:
        for loc in LOCATION.finditer(doc.norm, sentence.start, sentence.end):
            start, end = loc.span(1)
            tags = [tok.pos for tok in tokens_in(doc, start, end)]
            if any(t in PLACE_POS for t in tags) and not any(t in ("t", "m") for t in tags):
                # 在其新加坡工厂的开幕式: not the pronoun, not the 的
                while end - start > 2 and doc.norm[end - 1] == "的":
                    end -= 1
                while end - start > 2 and doc.norm[start] in "其该本":
                    start += 1
                return doc.text[start:end]
        return None

    def _organizer(self, doc: Document, d: EventDraft, series: dict | None) -> str | None:
        if series is not None:
            return series.get("organizer")
        orgs: EntityTable = doc.layers["organizations"]
        for m in d.mentions:
            org = orgs.covering(m.start, m.end)
            if org is not None:
                return org.id
        for m in d.mentions:
            holder = self._holder(doc, orgs, m.start)
            if holder is not None:
                return holder
        return None

    @staticmethod
    def _holder(doc: Document, orgs: EntityTable, start: int) -> str | None:
        """台積電日前在美國舉辦2024年北美技術論壇: the organisation opening the clause whose
        verb of holding (舉辦, 主辦, 召開) comes right before the gathering's name."""
        key = doc.key
        held = HOLDER_BEFORE.search(key, max(0, start - HOLDER_REACH), start)
        if held is None:
            return None
        i = held.start()
        while i > 0 and key[i - 1] not in CLAUSE_END and held.start() - i < HOLDER_REACH:
            i -= 1
        for pos in range(i, held.start()):     # (the first organisation of the clause: its subject)
            org = orgs.covering(pos, pos + 1)
            if org is not None:
                return org.id
        return None


# (the standard library's `re`: a class of literal characters, found twice as fast as by `regex`)
CLAUSE_MARK = re.compile("[" + re.escape("".join(sorted(CLAUSE_END))) + "]")


def _subject_matches(x: str, longer) -> list[str]:
    """The subjects that one-off events' subject x names the same product as: x itself, each
    tail of x after a hyphen (z50 of nubia-z50), and the first of `longer`, the subjects
    whose tail after a hyphen x is (in the order they came)."""
    found = [x] + [x[i + 1:] for i, c in enumerate(x) if c == "-"]
    return found + list(longer[:1])


def _clause_marks(doc: Document) -> list[int]:
    """Where the clauses' punctuation stands, in order (one pass, read by bisecting)."""
    return [m.start() for m in CLAUSE_MARK.finditer(doc.norm)]


def _other_clause(doc: Document, marks: list[int], a: int, b: int) -> bool:
    """Are a and b in one sentence but parted by a clause's punctuation?"""
    lo, hi = min(a, b), max(a, b)
    if doc.sentence_index(lo) != doc.sentence_index(hi):
        return False
    i = bisect.bisect_left(marks, lo)
    return i < len(marks) and marks[i] < hi


def _placed(doc: Document, start: int) -> bool:
    """Is the mention at start a place (在2022年印尼国际车展举行签约仪式)?"""
    return doc.norm[max(0, start - 2):start].rstrip().endswith(("在", "于", "於"))


def dates_a_day(doc: Document, expr) -> bool:
    """A date with a month, a relative day, or a day alone (8日) or a weekday alone (周四
    宣布: the last one up to the article's day) that the reference date fixes."""
    return expr.has_date or ((expr.day is not None or expr.weekday is not None)
                             and doc.reference_date is not None)


class _BuildContext:
    """What building every event of one document reads, computed once: the
    sentences' locations (filled as asked), the dates' starts with the last
    explicit year up to each, and the people by sentence."""

    def __init__(self, doc: Document) -> None:
        self.locations: dict[int, str | None] = {}
        self.lead_end = OneOffFinder.lead_end(doc)
        dates = doc.layers["dates"]   # in text order
        self.date_starts = [e.start for e in dates]
        self.key = doc.key
        self.newlines: list[int] | None = None    # (found when first asked)
        self.years_before: list[int | None] = []
        self.year_at: list[int] = []    # (where that year is written)
        last = last_at = None
        for e in dates:
            if e.year is not None:
                last, last_at = e.year, e.start
            self.years_before.append(last)
            self.year_at.append(last_at)
        people: EntityTable = doc.layers["people"]
        self.people = people.ordered()
        self.people_in: dict[int, list[int]] = {}   # sentence -> ranks in self.people
        for rank, p in enumerate(self.people):
            for s, _ in p.mentions:
                ranks = self.people_in.setdefault(doc.sentence_index(s), [])
                if not ranks or ranks[-1] != rank:
                    ranks.append(rank)

    def paragraph(self, pos: int) -> int:
        """Which paragraph (line) pos is in."""
        if self.newlines is None:
            self.newlines = line_breaks(self.key)
        return bisect.bisect_right(self.newlines, pos)



# A headline's clause ends at a clause's punctuation, a line's end or a blank between two
# words that are not Latin (华硕宏碁推出… after AI筆電競逐 and a space).
HEADLINE_TAG_END = regex.compile(r"^\s*(?:【[^】\n]{1,12}】)?\s*")
MAX_TOLD = 48   # (a headline clause longer than this tells more than the deed)
MAX_HEADLINE = 120


# Words after a gathering's name that make it the time of something else (IFA前夕, 大會之前).
TIME_MARK = regex.compile(r"(?:\s?[（(][^（）()\n]{1,20}[）)])?\s?[）)]?\s?(?:前夕|之前|前(?!往|进|来|去|台|身|任|所未|景|沿|端|者|列|十|三|五))")


# Paired marks a name must not leave open: a name cut inside a quote or a gloss (…發文表示「遊戲雖小,
# …5000萬澳元（約新台幣10億) ends before the opening mark; one that starts inside a title
# (黑神話：悟空》開售…, the mention begun after 《) takes back the opening mark just before it.
OPENERS = {"「": "」", "『": "』", "“": "”", "《": "》", "〈": "〉", "（": "）", "(": ")", "【": "】"}
CLOSERS = {v: k for k, v in OPENERS.items()}
NAME_TRIM = "，,、：:；; \u3000"


def _balanced(doc: Document, e: Event) -> str:
    """The event's name with no paired mark left open: cut before an opening mark never closed,
    or the opening mark the text holds just before the mention put back before an early closer."""
    name = e.name or ""
    if not any(c in OPENERS or c in CLOSERS for c in name):
        return name
    stack: list[int] = []
    orphan = None       # (a closer met with nothing open)
    for i, c in enumerate(name):
        if c in OPENERS:
            stack.append(i)
        elif c in CLOSERS:
            if stack and name[stack[-1]] == CLOSERS[c]:
                stack.pop()
            elif orphan is None and not stack:
                orphan = i
    if orphan is not None and not stack and e.mentions:
        start = e.mentions[0][0]
        before = doc.text[start - 1] if start > 0 else ""
        if before == CLOSERS[name[orphan]] and doc.text[start:start + len(name)] == name:
            return before + name
        return name
    if stack and orphan is None:
        cut = name[:stack[0]].rstrip(NAME_TRIM)
        if len(cut) >= 4:
            return cut
    return name


# A day told as the adverb of a deed inside an event's name (星河科技今天發布…, 星河5日與雲岫簽署…,
# 星河周二（12日）宣布…): the day is the event's date, not its name; the name keeps the doer and the
# deed (the annotations name events so, the day only in an alias). A day that opens a span (5日起),
# bounds one (至, 前), qualifies a noun (今天的), counts (第80日) or follows a plan (將於) stays.
_WEEKDAY = r"(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]"
_DAY = (r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}[日号號]|(?<![\d第月])\d{1,2}日|今天|今日|昨天|昨日|前天|"
        r"(?:上|本)?" + _WEEKDAY + r"|(?:上|本)?" + _WEEKDAY + r"\s?[（(]\s?(?:\d{1,2}月)?\d{1,2}[日号號]\s?[）)]|"
        r"(?:今天|今日)\s?[（(]\s?" + _WEEKDAY + r"\s?[）)])")
NAME_DAY = regex.compile(r"(?<=[\p{Han}A-Za-z0-9）)」”》])(?<!将|將|将会|將會|自|从|從|至|到|于|於|在)"
                         r"(?:[于於在])?(?:当地时间|當地時間|美国时间|美國時間|北京时间|北京時間)?\s?" + _DAY +
                         r"(?:凌晨|上午|中午|下午|晚间|晚間|晚上|早上|傍晚)?\s?"
                         r"(?=[\p{Han}A-Za-z])(?![的起前后後以之至到晚早止内內间間])")

# ... but a day before a gathering's noun that ends the name (星河9日發表會) stays: it is no deed's adverb.
NAME_GATHERING = regex.compile(r"[\p{Han}A-Za-z0-9]{0,6}[会會]$")


def _dayless(name: str) -> str:
    """The event's name without a day told inside it as its deed's adverb (星河今天發布… → 星河發布…);
    one day at most, and the name keeps at least four characters."""
    m = NAME_DAY.search(name)
    if m is None or NAME_GATHERING.match(name, m.end()):
        return name     # (星河9日發表會: the day names which gathering, as the case table has it)
    cut = name[:m.start()] + name[m.end():]
    return cut if len(cut) >= 4 else name


def _joined(first: str, second: str) -> str:
    """Two parts of an event's name, a space between them where both sides are Latin
    (AMD Radeon RX 9000; 台积电法说会 stays together)."""
    gap = " " if first[-1:].isascii() and first[-1:].isalnum() and second[:1].isascii() \
        and second[:1].isalnum() else ""
    return first + gap + second


def _event_day(event: Event, month_end: bool = False) -> dt.date | None:
    """The day the event is dated to; None when undated or dated by less than a day, unless
    month_end: then one dated by its month gives the month's last day (the latest it can be)."""
    date = event.date
    if date is None or len(date) != 10 and not month_end:
        return None
    try:
        day = dt.date.fromisoformat(date if len(date) == 10 else date[:7] + "-01")
    except ValueError:
        return None
    if len(date) != 10:
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return day


def _in_headline(doc: Document, start: int) -> bool:
    """Does a mention starting at `start` stand in the headline (the first line; a text of
    one line is all headline)?"""
    headline_end = doc.key.find("\n")
    return headline_end < 0 or start < headline_end


# A clause of time: it opens with 在 after a clause mark or a sentence's start, or after a short
# subject there (这项交易在…之后，), and ends on 后, 之后 or 以来 before a comma (在微软支持的 OpenAI
# 发布聊天机器人 ChatGPT 引发 AI 热潮近两年后，…).
TIME_CLAUSE_OPENS = "，,；;。！？!?\n"
TIME_CLAUSE_ENDS = ("之后", "以后", "以来", "后")
TIME_CLAUSE_REACH = 40
TIME_CLAUSE_SUBJECT = 6     # (the most characters of a subject before 在)


def _time_clause(doc: Document, start: int, end: int) -> bool:
    """Does the mention from start to end stand inside a clause of time, 在 … 后，?"""
    key = doc.key
    lo = max(key.rfind(c, max(0, start - TIME_CLAUSE_REACH), start) for c in TIME_CLAUSE_OPENS) + 1
    while lo < start and key[lo].isspace():
        lo += 1
    if lo <= 0 or lo == start:
        return False
    if key[lo] != "在":
        # (a short subject before it, 这项交易在星河裁员数千人的数周之后，: the clause still tells
        # when the subject's news came, wave 47)
        at = key.find("在", lo, min(start, lo + TIME_CLAUSE_SUBJECT + 1))
        if at < 0 or at + 1 >= start:
            return False
        lo = at
    hi = min((i for i in (key.find(c, end, end + TIME_CLAUSE_REACH) for c in "，,") if i >= 0), default=-1)
    if hi < 0 or any(c in key[lo:hi] for c in TIME_CLAUSE_OPENS):
        return False
    return key[lo:hi].rstrip().endswith(TIME_CLAUSE_ENDS)


def _time_mark(doc: Document, end: int) -> bool:
    return TIME_MARK.match(doc.key, end) is not None


def headline_told(doc: Document, mentions: list[tuple[int, int]],
                  subjects: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """苹果推出搭载M2 Pro与M2 Max芯片的MacBook Pro: a release or deed whose verb the
    headline holds is told by the headline's clause around it, which is a mention of it too
    (readers name the news by its headline); added once. With no verb of it there, a
    headline clause opening with its organiser or its product (Claude AI现在可以控制PC…)
    tells it."""
    key, text = doc.key, doc.text
    headline_end = key.find("\n", 0, MAX_HEADLINE + 1)
    if headline_end <= 0:
        return mentions     # (one line, or a first line too long to be a headline)
    lo = HEADLINE_TAG_END.match(key, 0, headline_end).end()
    in_headline = [(s, e) for s, e in mentions if lo <= s and e <= headline_end]
    if not in_headline:
        in_headline = [(s, e) for s, e in sorted(subjects) if lo <= s and e <= headline_end
                       and (s == lo or _headline_break(key, text, s - 1))][:1]
    for start, end in in_headline:
        c_start = start
        while c_start > lo and not _headline_break(key, text, c_start - 1):
            c_start -= 1
        c_end = end
        while c_end < headline_end and not _headline_break(key, text, c_end):
            c_end += 1
        while c_end > c_start and key[c_end - 1] in " \u3000":
            c_end -= 1
        while c_start < c_end and key[c_start] in " \u3000":
            c_start += 1
        if (c_start, c_end) == (start, end) or c_end - c_start > MAX_TOLD \
                or any(s <= c_start and c_end <= e or c_start <= s and e <= c_end
                       and (e - s) * 4 >= (c_end - c_start) * 3 for s, e in mentions):
            return mentions     # (a mention already tells it: 星河云岫上市 in 新款星河云岫上市)
        return sorted([*mentions, (c_start, c_end)])
    return mentions


def _headline_break(key: str, text: str, i: int) -> bool:
    ch = key[i]
    if ch in CLAUSE_END or text[i] in "\u3000\n":
        return True
    if ch != " " or i == 0 or i + 1 >= len(key):
        return False
    return not (key[i - 1].isascii() or key[i + 1].isascii())


def _within_days(ref: dt.date, day: str, limit: int) -> bool:
    """Whether the ISO day lies from limit days before the article's day up to it."""
    try:
        lag = (ref - dt.date.fromisoformat(day)).days
    except ValueError:
        return False
    return 0 <= lag <= limit
