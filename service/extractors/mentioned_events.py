"""Deeds an article mentions beside its own event (issue 15).

News tells, after its own event, what else was done: 奧登全球資本2021年收購論壇出版集團,
歐盟在16日對Facebook和Instagram展開調查, 港專遭黑客勒索, 星河半導體成立於2019年. The
primary event's readers (events.py, lead_events.py) read the headline and the lead; this
reader reads a deed anywhere in the body, as one clause:

- a verb of a deed from the data (service/kb/data/deed_verbs.yaml: a launch, an
  acquisition, a signing, an attack suffered, a fine, a ruling, a lawsuit, an
  investigation, a lay-off or closure, a founding, a meeting held, a tariff, a leak);
- its doer right before it in the clause: an organisation, a person or a product the
  pipeline found (a day, a place, a preposition's phrase and adverbs may stand between);
- evidence it happened: a date in the clause (a day, a month, or a year before the article's:
  谷歌于2014年收购…; fixtures/articles/README.md, wave-13 rule 5), 了 or 过 after the verb,
  已 or 上周 before it, a clause of a past day or of 此前 alone before it, or the verb's
  于 + year after it (成立于2019年); a deed told by what it made (苹果27日发布的财报) when a
  day or a past time stands before its verb; a clause of a time alone (上週發表了…) takes the
  doer its sentence opens with;
- no plan, rumour or opinion (将, 预计, 传, 认为: event_kinds' PLAN and RUMOUR), no use as a
  noun's description (发布的报告, 发布会, 上市公司) and no date after the article's.

It is named by the clause's own words, actor first (doer, what stands between without its dates,
adverbs and times, verb and object: the noun after the object's description, a name the cut falls
in kept whole; past MAX_NAME the doer, verb and object alone), dated by the clause (a day or a month, else a year alone
in `year`), with the people its clause names. A clause an event already found covers, or a
deed an event found already names, yields nothing; an article gets a few at most. A company's results
put out (发布…财报, 公布…业绩) are a results release, named up to the results, not dated by the end of
the period they cover (截至…), and no deed of their own beside that company's results event.
"""
from __future__ import annotations

import bisect
import datetime as dt
from pathlib import Path

import re
import regex

from .. import deadline
from ..ids import name_id
from ..nlp import quote_marks as qm
from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass
from ..nlp.clauses import CLAUSES
from ..nlp.document import Document
from ..timex.model import event_date
from ..yamlfiles import load_yaml_once
from .entities import EntityTable
from .event_kinds import ATTRIBUTIVE, CLAUSE_END, COMPOUND_AFTER, NAMED_CASE, PLAN, RUMOUR
from .organizations import LEGAL_FORM_ENDS   # (a registered name's ends: 北京星河科技股份有限公司)
from .lead_events import MAX_HEADLINE   # (a first line longer than this is no headline)
from .mentioned_gatherings import MentionedGatherings, _key, _similar
from .mentioned_gatherings import _overlaps as _inside_any
from .records import Event

DATA = Path(__file__).resolve().parents[1] / "kb" / "data" / "deed_verbs.yaml"

# How far a clause is read either side of its verb, and how far the doer may stand from it.
CLAUSE_REACH = 48
DOER_GAP = 32
# The name: at most this many characters (cut at a token boundary), its object at most these.
MAX_NAME = 30
MAX_OBJECT = 10
# How far after a verb the words its object must hold (deed_verbs.yaml: object_words) are looked for.
OBJECT_WORDS_REACH = 14
# How far after the verb the names its object holds are looked for.
OBJECT_REACH = 30
# What may open a clause before its doer (a day, 据报导, 此外), at most this long.
MAX_PREFIX = 12
# Deeds told as done only by a date in their clause: 推出了 alone is, in news of a gathering or
# a launch, a part of it (华为云CEO还发布了盘古大模型5.0 at HDC).
DATED_ONLY = ("launch",)
MAX_PER_ARTICLE = 5
# Deeds told in passing that are news only with the day, month or year that dates them (README
# "Settled in wave 13", rule 6: a founding is an event in the year the text states; 成立調查小組 in passing,
# 公司成立16年 or 無法成立 with no date is background, not a deed the article mentions).
UNDATED_NOT_NEWS = frozenset({"founding"})
# The deed suffered that an article may be about when its lead tells it (suffered_in_lead).
ATTACK = "attack"
# A deed told again in other words: the attack done (黑客攻击了…) retells the attack suffered (遭黑客攻击).
RETELLS = {"breach": "attack"}
# How many deeds are built and compared with the events found at most, and with how many of them.
MAX_TRIED = 60
MAX_COMPARED = 40
# Deeds that are news only with an object of these words (签署…法案, 签署行政命令).
NEEDS_OBJECT_WORDS = {"signing": regex.compile(r"法案|法令|法律|条例|行政命令|命令|法$|法》"),
                      "adoption": regex.compile(r"法案|法令|法律|条例|协议|决议|法$|法》|法」"),
                      "results": regex.compile(r"财报|营收|业绩|季报|年报|财务报告|措施")}
# Of those, what a 公布 of measures makes public (港府昨公布防疫措施): measures, not results.
MEASURES = regex.compile(r"措施")
# Deeds that, followed right away by a word of saying (发表声明称), only frame a quote.
SPEECH_FRAMED = ("statement",)
# Deeds whose object may be a report (发布报告), which is no deed.
REPORTING = ("launch",)
# Marks before the verb that make it not (yet) done: plans and rumours (attempts among them:
# 打算, 试图, event_kinds.ATTEMPT); 曾 (once) is past, a deed.
NOT_DONE = tuple(w for w in RUMOUR if w != "曾") + PLAN + ("如果", "若", "假如", "一旦", "是否", "能否", "应", "应该",
                                                         "希望", "考虑", "要求", "呼吁", "有意", "欲",
                                                         "可", "可以", "恐",   # (最高可罚款: may be fined)
                                                         "并未", "从未", "并没有", "从没有", "从来没有")
# Words of opinion or forecast opening what the clause says (分析师认为…, 市场预期…).
OPINION = regex.compile(r"认为|觉得|相信|看来|预期|预估|预料|估计|猜测|据传|传出|传闻|假设|恐怕")
# A rumour told before the doer, in words a segmenter may glue to the name after them (市场传云岫…).
RUMOURED = regex.compile(r"市场传|据传|传出|传闻|盛传|网传|外传|传言|消息称|据悉将")
# After the verb: a noun's description or a time counted from it (发布的, 发布会, 上市公司, 发布后).
AFTER_NOT_DEED = ATTRIBUTIVE + COMPOUND_AFTER + ("之", "者", "方", "商", "人", "日", "仪式", "典礼", "时")
# What a launch verb puts out when it is news of figures or words, not a deed (发布报告, 推出专题报道,
# 发布了一封公开信, 发布推文, 发布情况说明).
REPORTED = regex.compile(r"报告|报道|数据|调查|统计|榜单|排名|预测|研报|白皮书|声明|公告|消息|文章|新闻稿|指引|文件|通知|社论|社评|论文"
                      r"|公开信|内部信|全员信|信函|备忘录|博文|推文|帖文|贴文|[一这该]封"   # (a letter: 一封…信)
                      r"|情况说明|致歉信|道歉信")   # (发布情况说明, 發布致歉信: an account of an outage, an apology)
# What a dated publishing puts out that is news of its own (星河协会今天公布调查结果, 星河日报今天刊登…的
# 文章, 星河公司周三发表一篇博客文章): an inquiry's findings or an article, told with a day or a month in
# its clause, is a publishing (README "Settled in wave 39", rule 2: a published finding is the event); a
# report stays news of figures (发布…报告: REPORTED), and so do statistics made public (公布统计数据).
PUBLISHED_WRITING = regex.compile(r"调查结果|文章")
PUBLISHING = "publication"
# ...but not one that only frames what it says (发表文章称…, 文章还认为) or is cited for its figures
# (调查结果的数据): the words or the figures are the news, not the publishing.
WRITING_FRAMES = regex.compile(r"(?:调查结果|文章|报告书?|白皮书)[》」』”]?\s?(?:中|还|也|更|则|并|里)?\s?"
                               r"(?:称|指出|显示|表示|说|写道|认为|预测|预计|估计|提到|发现)"
                               r"|数据|统计|排名|榜单")
# A report (报告, 报告书, 白皮书) published on a written day is a publishing when its publisher is an
# inquiry, a government, a body or the company itself (README "Settled in wave 40"): not a house whose
# trade is figures (研究机构, 分析师, 咨询公司, 投行, 研究院) nor a market's or a trade's survey (市场调查
# 报告, 行业报告): those are figures cited.
REPORT_WRITING = regex.compile(r"报告书?|白皮书")
FIGURES_HOUSE = regex.compile(r"(?:研究|调研|研调|市调|分析|咨询|顾问|评级)(?:机构|公司)|分析师|投行|投资银行|证券|"
                              r"研究院|研究所|研究中心|智库|咨询")
FIGURES_REPORT = regex.compile(r"市场|行业|产业|研报|销量|出货")
# A writing cited as the source of what its sentence tells (根据嘉禾研究院3月发表的文章，…): a source, no deed.
CITED = regex.compile(r"根据|依据|据")
# A day that points back to one told before (当天, 同日): it dates no publishing by itself.
POINTING_DAY = regex.compile(r"当天|当日|同日|同天|当晚|是日")
# A doer that is a piece of writing (这份报告去年发表, 该论文发表): what was published, no maker of a launch.
WRITING_DOER = regex.compile(r"(?:报告|研报|白皮书|文章|社论|社评|论文|研究)$")
# ...unless what is put out is a company's results (发布了一份业绩报告, 发布的财报): news of its own.
RESULTS = regex.compile(r"财报|业绩|财务报告|季报|年报")
# The verbs that put out a company's results (发布…财报, 公布…业绩): such a deed is a results release,
# slug RESULTS_SLUG, named up to its results word (英特尔发布2022年第四季度及全年财报, not cut at
# 第四季度及), and one the article's results event (an earnings call or release the other readers
# found for the same company, RESULTS_EVENT) already is.
RELEASES_RESULTS = ("launch", "results")
RESULTS_SLUG = "results"
RESULTS_EVENT = regex.compile(r"-earnings-(?:call|release)(?:-\d{4})?$")
# A day after 截至 / 截止 is the end of the period a report covers (截至2023年3月31日的第一季度): not the
# day its deed was done.
PERIOD_END = regex.compile(r"(?:截至|截止)(?:到|至)?\s?$")
# A meeting held (召开会议): 会 opening its noun is no 发布会's.
MEETING_NOUN = regex.compile(r"会(?:议|谈|晤|面)")
PERFECT_AFTER = regex.compile(r"\s?(?:了|过(?!的))")   # (发布过 Demo: done once)
DONE_BEFORE = regex.compile(r"已经?|曾经?|先后|相继|早已|此前|先前|早前|之前|日前|近日|稍早|早些时候|当年|上周|上星期")
# Words of a past time that date a deed told as what it made (微软上周公布的财报).
PAST_TIME = regex.compile(r"上周|上星期|日前|稍早|近日|昨天|昨日|前天")
# The year after one the sentence names before it (2020年…；到次年星河收购云岫): past when that one
# and the one after it are (the deed is told done then).
NEXT_YEAR = regex.compile(r"次年|翌年|隔年")
NEXT_YEAR_REACH = 120
# A deed begun (开始推出, 开始正式发售): 开始 right before the deed's verb is part of it.
BEGAN = regex.compile(r"开始\s?(?:正式\s?)?$")
# 到次年, 到了2021年, 直到去年: a time reached, opening a clause before its doer.
TIME_REACHED = regex.compile(r"(?:到了?|直到|及至)\s?(?:次年|翌年|隔年|去年|前年|\d{4}\s?年)")
# ...of them, those that date a launch as a day does (日前, 近日 tell the article's own news too).
LAST_WEEK = regex.compile(r"上周|上星期|昨天|昨日|前天")
# Marks that end what the verb is done to before the clause ends (裁員---特斯拉RTR).
OBJECT_END = regex.compile(r"-{2,}|—|──|\s{2,}|[（(]")
# Right after the verb: the time its deed marks (发布时, 推出前, 上市后, 问世以来).
TIME_MARK = ("时", "前", "后", "以来", "之后", "之前", "之际")
NOT_TIME_MARK = ("时间", "时候", "时代", "时期", "时机", "前景", "前身", "前台", "后台", "后者", "前者", "后续", "前瞻")
# What makes the name before a verb its doer and the clause's subject what it is done to.
PASSIVE = "被"
# Deeds that befall their doer (个人资料外泄), and the verbs of occurring that may stand before what
# befell it (发生个人资料外泄, 涉及資料外洩): left out of the name.
OCCURS = ("leak",)
OCCURRED = regex.compile(r"(?:发生|涉及|出现|爆发)了?")
# What lists doers (甲署、乙處): each of a list a deed befalls (OCCURS) is named alone.
LISTED_DOERS = regex.compile(r"\s?、\s?")
# Words of saying between the doer and the verb.
SAYS = regex.compile(r"指出|指|称|表示|说|透露|强调|认为")
# A verb of announcing before the deed's (特斯拉宣布全球裁員): the deed is told as done.
ANNOUNCED = regex.compile(r"(?:正式|对外|再度|再次)?(?:宣布|官宣)(?:了)?")
# An attack or a theft suffered (遭黑客攻击) is told as done.
SUFFERED = ("遭", "被黑客", "被骇客")
# 成立于2019年, 创办於2022年: the verb's time right after it.
TIME_AFTER = regex.compile(r"\s?[于於]\s?")
# Between the doer and the verb: no clause's end, no 的 (the doer then describes a noun).
GAP_STOP = regex.compile(r"[的之]")
# Dates and the words that place them (在, 于, 今), dropped from the name.
DATE_LEAD = regex.compile(r"[在于於]\s*$")
# A source tag of its own clause (据英国《星报》7日报道，…): the day of the report dates the deed
# the next clause tells (news of it). A few words of the outlet, its day, then the reporting word.
SOURCE_TAG = regex.compile(r"据[^，,。；;！？\n]{1,24}?(?:报道|报导|消息|电)")
BLANKS = regex.compile(r"[\s\u00a0\u3000]+")
CLAUSE_MARKS = regex.compile(r"[，,、；;：:]")
# Tags of words that may be a doer no table knows, right before the verb (a run of them).
NAME_POS = ("nr", "nt", "nz", "ns", "j", "eng")
# Tags of the words of a noun phrase naming a doer (美國 8 家 報紙).
PHRASE_POS = ("n", "j", "eng", "m", "q", "b")


# (patterns compiled at load, not looked up in regex's cache per call)
_GLOSS_BRACKETS = regex.compile(r"[（(][^（）()]{0,30}[）)]")
_OPEN_BRACKET = regex.compile(r"[（(][^（）()]*$")


def deed_verbs() -> dict[str, tuple[str, bool]]:
    """verb (Simplified) -> (slug, needs an object)."""
    out = {}
    for deed in load_yaml_once(DATA)["deeds"]:
        for v in deed["verbs"]:
            out.setdefault(v, (deed["slug"], bool(deed.get("object"))))
    return out


def object_words() -> dict[str, "regex.Pattern"]:
    """verb (Simplified) -> the words its object must open with, for verbs that are a deed only
    with such an object (提起…诉讼, 遭遇…攻击)."""
    out = {}
    for deed in load_yaml_once(DATA)["deeds"]:
        if deed.get("object_words"):
            for v in deed["verbs"]:
                out.setdefault(v, regex.compile(deed["object_words"]))
    return out


def one_off_verbs() -> frozenset[str]:
    """Verbs of an act done once (deed_verbs.yaml's one_off: 退休, 终止, 开设), whose bare
    headline form is perfective (headline_deed.py)."""
    return frozenset(load_yaml_once(DATA).get("one_off") or ())


def told_done() -> frozenset[str]:
    """The deeds news tells only once done (法院裁定…, 处以罚款): their verb is their evidence."""
    return frozenset(d["slug"] for d in load_yaml_once(DATA)["deeds"] if d.get("told_done"))


def _report_published(key: str, c_start: int, vs: int, ve: int, o_start: int, o_end: int) -> bool:
    """A report put out as news of its own (云岫市议会5月3日发布了一份调查报告): named by its verb, not
    described by it (发布的报告…: the report is what the clause tells of), by no house of figures, and
    not a market's survey (REPORT_WRITING, FIGURES_HOUSE, FIGURES_REPORT)."""
    return (REPORT_WRITING.search(key, o_start, o_end) is not None and not key.startswith("的", ve)
            and FIGURES_HOUSE.search(key, c_start, vs) is None and FIGURES_REPORT.search(key, o_start, o_end) is None)


class MentionedEvents:
    """Finds the deeds the body mentions (see the module's docstring)."""

    def __init__(self, verbs: dict[str, tuple[str, bool]] | None = None,
                 everyday_places: frozenset[str] = frozenset(), places: frozenset[str] = frozenset()) -> None:
        self.verbs = verbs if verbs is not None else deed_verbs()
        self.told = told_done()
        self.object_words = object_words()
        # (the words an attack's object holds, 攻击|入侵|黑客…: a headline about an attack holds them)
        self.attack_object = next((self.object_words[v] for v, (slug, _) in self.verbs.items()
                                   if slug == ATTACK and v in self.object_words), None)
        self.words = sorted(self.verbs, key=lambda w: (-len(w), w))
        self.finder = ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.gatherings = MentionedGatherings(everyday_places=everyday_places, places=places)

    def find(self, doc: Document, existing: list[Event]) -> list[Event]:
        """The deeds the body mentions, then the gatherings it names (mentioned_gatherings.py)."""
        deeds = self.deeds(doc, existing)
        return deeds + self.gatherings.find(doc, existing + deeds)

    def _object_words_after(self, key: str, verb: str, ve: int) -> bool:
        """Does the verb ending at ve have the words its object must hold, if it needs any
        (deed_verbs.yaml: object_words; 提起…诉讼, 遭遇…攻击)?"""
        wanted = self.object_words.get(verb)
        return wanted is None or wanted.search(key, ve, min(len(key), ve + OBJECT_WORDS_REACH)) is not None

    def _slugs(self, key: str, lo: int, hi: int) -> set[str]:
        """The deeds the verbs of key[lo:hi] tell (a verb read only with its object's words needs them)."""
        out = set()
        for idx, vs, ve in self.finder.find_matches_as_indexes(key[lo:hi]):
            verb = self.words[idx]
            if not self._object_words_after(key, verb, lo + ve):
                continue
            slug = self.verbs[verb][0]
            out.add(RETELLS.get(slug, slug))
        return out

    def retold(self, doc: Document, event: Event, lo: int, hi: int) -> bool:
        """Does key[lo:hi] (the lead) tell again the deed the event's first clause tells (the same
        deed verb: 星海協會遭黑客攻擊 in the headline, 協會網站遭黑客惡意攻擊 in the lead)?"""
        if not event.mentions or lo >= hi:
            return False
        s, e = event.mentions[0]
        told = self._slugs(doc.key, s, e)
        return bool(told) and bool(told & self._slugs(doc.key, lo, hi))

    def suffered_in_lead(self, doc: Document, mentioned: list[Event], headline_end: int,
                         first_end: int) -> Event | None:
        """The attack an article is about when no other reader names its event: a deed suffered
        (遭黑客入侵, 遭遇了 DDoS 攻击) told in the lead's first paragraph, of the article's year or
        later, under a headline holding the words of an attack (deed_verbs.yaml: the attack's
        object_words; 黑客窃取…, 攻击暴涨). The first such deed, else None."""
        if headline_end <= 0 or self.attack_object is None \
                or self.attack_object.search(doc.key, 0, headline_end) is None:
            return None
        ref = doc.reference_date
        for e in mentioned:
            if not e.mentions or not headline_end < e.mentions[0][0] < first_end:
                continue
            if e.year is not None and ref is not None and e.year < ref.year:
                continue    # (a past year's attack, told as background)
            s, end = e.mentions[0]
            lo = max(0, s - DOER_GAP)
            if ATTACK in self._slugs(doc.key, lo, end):
                return e
        return None

    def deeds(self, doc: Document, existing: list[Event]) -> list[Event]:
        key = doc.key
        hits = self.finder.find_matches_as_indexes(key)
        if not hits:
            return []
        marks = _clause_marks(doc)
        doers = _doer_spans(doc)
        ends = [d[1] for d in doers]
        dates = sorted(doc.layers.get("dates", ()), key=lambda e: e.start)
        date_starts = [e.start for e in dates]
        date_at = frozenset(date_starts)
        covered = sorted(span for e in existing for span in e.mentions)
        # (the names compared are bounded, so a text of thousands of events stays linear)
        taken_names = [_key(doc, e.name) for e in existing[:MAX_COMPARED]]
        taken_days = {(e.date, e.organizer) for e in existing if e.date and len(e.date) == 10}
        # (the companies whose results event is found: their results release is that event)
        reporting = {e.organizer for e in existing if e.organizer and RESULTS_EVENT.search(e.id)}
        # (an event of a day no organiser is known for takes that day's deeds whose doer its name holds)
        day_names = [(e.date, _key(doc, e.name)) for e in existing[:MAX_COMPARED]
                     if e.date and len(e.date) == 10 and e.organizer is None]
        seen: set[tuple[str, str]] = set()
        tried = 0
        out: list[Event] = []
        for idx, vs, ve in hits:
            deadline.check("events")
            if len(out) >= MAX_PER_ARTICLE:
                break
            verb = self.words[idx]
            slug, needs_object = self.verbs[verb]
            if not self._object_words_after(key, verb, ve):
                continue    # (提出建议, 遭到批评: the verb is a deed only with its object's words)
            found = self._deed(doc, marks, doers, ends, dates, date_starts, date_at, vs, ve, needs_object, slug)
            if found is None:
                continue
            start, end, doer, doer_id, name, date_expr, done, slug = found
            if _inside_any(covered, start, end):
                continue    # (a clause an event already found covers)
            if slug == RESULTS_SLUG and doer_id in reporting and RESULTS.search(key, start, end):
                continue    # (英特尔发布第四季度财报 beside its earnings call: one event; 公布4月营收 is not it)
            if (doer_id or name_id(doer), slug) in seen:
                continue
            tried += 1
            if tried > MAX_TRIED:
                break
            head = _name_of([doer])
            parts = LISTED_DOERS.split(doer) if slug in OCCURS and name.startswith(head) else [doer]
            if len(parts) > 1:
                # (機電工程署、公司註冊處日前涉及個人資料外洩: what befell each of a list befell it
                # alone, each its own doer, an organisation's by its id)
                told = [(part.strip(), _listed_id(doc, doers, ends, start, doer, part.strip()),
                         _name_of([part.strip(), name[len(head):]])) for part in parts if part.strip()]
            else:
                told = [(doer, doer_id, name)]
            took = False
            for part, part_id, part_name in told:
                if len(out) >= MAX_PER_ARTICLE:
                    break
                event = self._event(doc, start, end, vs, ve, slug, part, part_id, part_name, date_expr, done)
                if event is not None and self._new(doc, event, (part_id or name_id(part), slug), _key(doc, part),
                                                   seen, taken_names, taken_days, day_names):
                    out.append(event)
                    took = True
            if took:
                bisect.insort(covered, (start, end))    # (one deed a clause)
        return out

    @staticmethod
    def _new(doc: Document, event: Event, pair: tuple[str, str], doer_key: str, seen: set[tuple[str, str]],
             taken_names: list[str], taken_days: set, day_names: list[tuple[str, str]]) -> bool:
        """Is the deed one no event found already names (nor one of its day), nor one this
        reader took (two deeds are two when their doer or deed differ: 星河收购云岫 beside
        云岫推出, though the names share 云岫)? If so it is recorded as taken."""
        if pair in seen:
            return False
        if (event.organizer is not None and (event.date, event.organizer) in taken_days) \
                or any(d == event.date and doer_key in n for d, n in day_names) \
                or any(_similar(_key(doc, event.name), n) for n in taken_names):
            return False    # (a deed an event found already names, or of its day)
        seen.add(pair)
        return True

    def _deed(self, doc: Document, marks: list[int], doers, ends, dates, date_starts, date_at: frozenset,
              vs: int, ve: int, needs_object: bool, slug: str):
        key = doc.key
        if not doc.starts_token(vs) or doc.tokens.ends[doc.token_index_at(ve - 1)] != ve:
            return None     # (判决书, 裁员潮: the verb is part of a longer word)
        # (苹果27日发布的财报: a deed dated before its verb describes what it made, and is told done)
        described = key[ve:ve + 1] == "的" and not key.startswith(AFTER_NOT_DEED, ve + 1)
        # (2021 年，Nova 11 发布时…, 2022年ChatGPT發布前: a deed told as the time it marks, in a past year)
        marked = key.startswith(TIME_MARK, ve) and not key.startswith(NOT_TIME_MARK, ve)
        if (key.startswith(AFTER_NOT_DEED, ve) and not described and not marked and not PERFECT_AFTER.match(key, ve)
                and not MEETING_NOUN.match(key, ve)) \
                or key[vs - 1:vs] in ("的", "之"):
            return None     # (发布的报告, 发布会, 上市公司, 发布后: a noun's description or a time)
        if PERFECT_AFTER.match(key, ve) and key.startswith(AFTER_NOT_DEED, PERFECT_AFTER.match(key, ve).end()) \
                and key[ve:ve + 1] not in "了过":
            return None
        if slug == "lawsuit" and NAMED_CASE.match(key, ve):
            return None     # (星河起诉云岫侵权一案终于…: the suit names a case; what is told of it follows)
        prev = doc.token_index_at(vs) - 1
        while prev >= 0 and not doc.tokens[prev].word.strip():
            prev -= 1
        if prev >= 0 and doc.tokens[prev].pos.startswith("p"):
            return None     # (对收购展开调查: a verb a preposition governs names a matter, not a deed)
        if prev >= 0 and doc.key[doc.tokens[prev].start:doc.tokens[prev].end] in MATTER_OF \
                and _matter(doc, ve):
            return None     # (就收购事宜起诉: 就, tagged an adverb, governs it as a preposition)
        lo = max(0, vs - CLAUSE_REACH)
        i = bisect.bisect_left(marks, vs)
        c_start = max(lo, marks[i - 1] + 1) if i else lo
        hi = min(len(key), ve + CLAUSE_REACH)
        j = bisect.bisect_left(marks, ve)
        c_end = min(hi, marks[j]) if j < len(marks) else hi
        # (a deed with no evidence it was done, read before its doer is looked for: most verbs stop
        # here; a clause after a comma may take its subject, and its day, from the clause before)
        e_start = max(lo, marks[i - 2] + 1) if i > 1 and c_start > 0 and key[c_start - 1] in "，," else c_start
        # (此前，百度与吉利发表联合声明: a clause of a word of the past alone tells the next one done)
        done_before = DONE_BEFORE.search(key, c_start, vs) is not None or (
            e_start < c_start and DONE_BEFORE.fullmatch(key[e_start:c_start - 1].strip()) is not None)
        next_year = NEXT_YEAR.search(key, c_start, vs)
        if next_year is not None:
            # (the sentence up to its full stop: a semicolon joins the year's clause to it)
            # (looked for no further back than the reach: a stop before it changes nothing)
            reach = max(0, vs - NEXT_YEAR_REACH - 1)
            s_start = max(key.rfind("。", reach, c_start), key.rfind("\n", reach, c_start), vs - NEXT_YEAR_REACH - 1) + 1
            years_before = [e for e in dates[bisect.bisect_left(date_starts, s_start):bisect.bisect_left(date_starts, c_start)]
                            if e.year is not None and e.month is None and e.end <= c_start]
            if not years_before or doc.reference_date is None or years_before[-1].year + 1 >= doc.reference_date.year:
                next_year = None
        done_before = done_before or next_year is not None
        if slug in DATED_ONLY or slug not in self.told and not (PERFECT_AFTER.match(key, ve) or key.startswith(SUFFERED, vs)
                                      or done_before
                                      or ANNOUNCED.search(key, lo, vs)):
            i = bisect.bisect_left(date_starts, e_start)
            if not any(e.end <= c_end and (_day_or_month(e) or _past_year(e, doc.reference_date))
                       for e in dates[i:bisect.bisect_left(date_starts, c_end)]) \
                    and not (LAST_WEEK if slug in DATED_ONLY else PAST_TIME).search(key, c_start, vs):
                return None
        if marked:
            i = bisect.bisect_left(date_starts, e_start)
            if not any(e.end <= vs and _past_year(e, doc.reference_date)
                       for e in dates[i:bisect.bisect_left(date_starts, vs)]):
                return None
        if described:
            i = bisect.bisect_left(date_starts, c_start)
            if not any(e.end <= vs and _day_or_month(e) for e in dates[i:bisect.bisect_left(date_starts, vs)]) \
                    and not (LAST_WEEK if slug in DATED_ONLY else PAST_TIME).search(key, c_start, vs):
                return None
        doer = _right_before(key, doers, ends, vs) if marked else None
        passive = None if marked else self._passive(doc, doers, ends, c_start, vs, lo, date_at)
        if passive is not None:
            doer, passive = passive
        if doer is None:
            doer = _doer(doc, doers, ends, c_start, vs, date_at)
        if slug in PRODUCTS_ONLY and (doer is None or doer[2] != "product"):
            # (访问量激增让云岫笔记一度宕机: what a cause brings down is what suffers the outage)
            cause = CAUSED.search(key, c_start, vs)
            doer = None if cause is None else _doer(doc, doers, ends, cause.end(), vs, date_at)
        if doer is None and c_start > 0 and key[c_start - 1] in "，," and not _has_verb(doc, c_start, vs):
            # 華為的PURA70系列手機，18日上線開賣: a clause of a day and the verb takes the subject
            # the clause before it is made of
            p_start = CLAUSES.start(key, c_start - 1, lo)   # (one search, no walk)
            if not _has_verb(doc, p_start, c_start - 1):
                doer = _doer(doc, doers, ends, p_start, c_start - 1, date_at)
                if doer is not None:
                    c_start = p_start   # (滴滴在美國時間6月30日，在紐交所掛牌上市: the clause is both)
        carried = False
        if doer is None and c_start > 0 and key[c_start - 1] in "，," and _only_when(doc, c_start, vs):
            # 華為繼8月推出Mate 60系列後，上週發表了Pura 70系列: a clause of a time and the verb
            # alone takes the subject its sentence opens with
            s_start = _sentence_start(key, c_start - 1, lo)
            if s_start is not None:
                first_end = CLAUSE_MARK.search(key, s_start, c_start)
                doer = _doer(doc, doers, ends, s_start, first_end.start() if first_end else c_start, date_at)
                carried = doer is not None
        if doer is None:
            return None
        d_start, d_end, kind, ent_id = doer
        if slug in REPORTING and WRITING_DOER.search(key, d_start, d_end):
            return None     # (这份报告去年12月发表: a piece of writing published is no launch)
        if kind == "product" and slug in AGENTS_ONLY:
            return None     # (《星途》除了拿奖外，在上周举办的…: a product holds, signs or buys nothing)
        if kind != "product" and slug in PRODUCTS_ONLY:
            return None     # (其说明会一度宕机, 星河电信当晚宕机 in passing: background; lead_events reads a headline's)
        gap = key[c_start:vs] if carried else key[d_end:vs]
        announced = ANNOUNCED.search(key, c_start if carried else d_end, vs)
        if SAYS.search(gap):
            return None     # (公署指已…展開調查: a deed on someone's word)
        g_start = c_start if carried else d_end
        # (機電工程署日前涉及個人資料外洩: a leak told as what befell the doer, its verb of occurring left out)
        occurred = OCCURRED.search(key, g_start, vs) if slug in OCCURS else None
        verb_from = occurred.end() if occurred else announced.end() if announced else g_start
        began = BEGAN.search(key, verb_from, vs)     # (云岫2020年开始推出…: the deed begun, its verb the deed's)
        if len(gap.strip()) > DOER_GAP or GAP_STOP.search(gap) \
                or _has_verb(doc, verb_from, began.start() if began else vs, governed=True):
            return None     # (Uber Eats已經取得併購…的協議: the deed's verb is not the clause's)
        # (the time a deed marks is a phrase of its own: 希望获得2022年Nova发布前的文件 tells no plan of it)
        own = d_start if marked else c_start
        if self._not_done(doc, own, vs) or OPINION.search(key, max(0, own - 12), vs) \
                or RUMOURED.search(key, own, vs):
            return None
        # The object, up to the clause's end.
        o_start = ve + 1 if described else ve
        if marked:
            c_end = ve      # (发布时集成了…: the deed has no object; the clause goes on to another)
        m = None if described else PERFECT_AFTER.match(key, ve)
        perfect = m is not None
        if m is not None:
            o_start = m.end()
        dash = _object_end(key, o_start, c_end)
        limit = dash.start() if dash else c_end
        # (推出搭载X的OVX服务器, 通过去年12月达成的政治协议: what was done to is the noun after its
        # description, and named by it)
        n_start = o_start
        if not described:
            head = key.find("的", o_start, min(limit, o_start + OBJECT_REACH))
            if head > o_start and key[head + 1:limit].strip():
                n_start = head + 1
        o_end = min(limit, n_start + MAX_OBJECT)
        if o_end < c_end:
            o_end = _token_cut(doc, n_start, o_end)
        named = _appositive(doc, doers, ends, dash, c_end) if not described else None
        if named is not None:
            # (推出了协作平台——Nimbus: the object is the name the dash puts after its description)
            n_start, o_end = named
            limit = c_end
        # (推出新一代 iPad Pro 和 iPad Air: a name the cut falls in, and the names joined to it, stay whole)
        o_end = _whole_names(key, doers, ends, n_start, o_end, min(limit, n_start + OBJECT_REACH))
        if described:
            o_end = _noun_end(doc, o_start, o_end)     # (发布的财报显示…: what it made, not what that says)
        elif not marked:
            o_end = _time_mark_cut(doc, n_start, o_end)   # (收购云岫软件后，…: the deed, not the time it marks)
        if passive is not None:
            o_start = n_start = passive[0]     # (云岫2011年被星河收购: what was done to is the subject)
            o_end = passive[1]
        if needs_object and not key[o_start:o_end].strip():
            return None
        if slug in SPEECH_FRAMED and SAYS.match(key, o_start):
            return None     # (发布声明称…: a statement framing what is said is a quote's, not a deed)
        published = slug == PUBLISHING
        if published and not PUBLISHED_WRITING.search(key, o_start, o_end):
            return None     # (刊登广告: no writing published)
        if slug in NEEDS_OBJECT_WORDS and not NEEDS_OBJECT_WORDS[slug].search(key, o_start, c_end) \
                and not (slug == "signing" and _two_companies_agree(doc, doers, ends, d_start, d_end, o_start, c_end)):
            if slug != "results" or not (PUBLISHED_WRITING.search(key, o_start, o_end)
                                         or _report_published(key, c_start, vs, ve, o_start, o_end)):
                return None     # (签署合作意向书: a signing is news when it makes a law, or binds two companies)
            published = True    # (今天公布調查結果: a publishing)
        if slug in REPORTING and REPORTED.search(key, o_start, c_end) and not RESULTS.search(key, o_start, c_end):
            if not PUBLISHED_WRITING.search(key, o_start, o_end) \
                    and not _report_published(key, c_start, vs, ve, o_start, o_end):
                return None     # (发布…报告: a report of figures is no deed)
            published = True    # (今天發布一份調查報告: a publishing, when a day dates it)
        results = None
        if slug in RELEASES_RESULTS and not published:
            for results in RESULTS.finditer(key, n_start, min(limit, n_start + OBJECT_REACH)):
                pass    # (the last results word within reach: 第四季度及全年财报; the slug changes at the end)
        if published:
            if WRITING_FRAMES.search(key, o_start, c_end) or CITED.search(key, c_start, d_start):
                return None     # (发布报告称…: the report frames its words; 报告的数据: its figures;
                #                  根据…发布的报告: a source cited)
            slug = PUBLISHING
        # Evidence it happened: a date in the clause, 了, 已, or the verb's time after it.
        in_clause = [e for e in dates[bisect.bisect_left(date_starts, c_start):bisect.bisect_left(date_starts, c_end)]
                     if e.end <= c_end and _dated(e) and not PERIOD_END.search(key, max(0, e.start - 4), e.start)]
        if e_start < c_start:
            # (8月初，英特尔发布了…, 2017 年，微软推出了…: a clause of a day, or of a past year, alone
            # dates the clause after it)
            before = [e for e in dates[bisect.bisect_left(date_starts, e_start):bisect.bisect_left(date_starts, c_start)]
                      if (_day_or_month(e) or _past_year(e, doc.reference_date))
                      and ((not key[e_start:e.start].strip(" 在于") and not key[e.end:c_start - 1].strip())
                           or (_day_or_month(e) and SOURCE_TAG.fullmatch(key, e_start, c_start - 1) is not None))
                      and not _article_day(e, doc.reference_date)]
            in_clause = before + in_clause
        every = in_clause
        # (a year alone is no evidence: 成立于2019年 introduces the doer; it still dates a deed done)
        years = [e for e in in_clause if not _day_or_month(e)]
        in_clause = [e for e in in_clause if _day_or_month(e) or _past_year(e, doc.reference_date)]
        done = perfect or slug in self.told or announced is not None or done_before \
            or key.startswith(SUFFERED, vs)
        if slug in DATED_ONLY:
            # (发布了 at a gathering is part of it: a launch of its own is dated, 上周 included)
            done = LAST_WEEK.search(key, c_start, vs) is not None
        if not in_clause and not done:
            return None
        if slug == PUBLISHING:
            # (a publishing is news with its own day or month, told before its verb: 当天 points back to
            # another's, a day after the verb is the writing's words, 发表文章「今天是几号」)
            in_clause = [e for e in in_clause if e.end <= vs and _day_or_month(e)
                         and not POINTING_DAY.fullmatch(key, e.start, e.end)]
            if not in_clause:
                return None
        # (the day before the verb is the deed's; one after it may date what its object describes)
        dating = [e for e in in_clause if e.end <= vs] or in_clause
        date_expr = min(dating, key=lambda e: abs(e.start - vs)) if dating else None
        if date_expr is None and years:
            date_expr = min(years, key=lambda e: abs(e.start - vs))     # (dates it, though it is no evidence)
        # The name: doer, what stands between without its dates, verb, object.
        gaps = []
        pos = c_start if carried else d_end
        for e in every:
            if pos <= e.start and e.end <= vs:
                lead = DATE_LEAD.search(key, pos, e.start)
                gaps.append((pos, lead.start() if lead else e.start))
                pos = e.end
        if announced is not None and pos <= announced.start():
            gaps.append((pos, announced.start()))     # (特斯拉宣布全球裁員: named by the deed)
            pos = announced.end()
        if occurred is not None and pos <= occurred.start():
            gaps.append((pos, occurred.start()))
            pos = occurred.end()
        gaps.append((pos, vs))
        doer_text = doc.text[d_start:d_end]
        if kind == "org":
            doer_text = _short_form(doc, ent_id, d_start, d_end) or doer_text
        gap_text = "".join(_plain_words(doc, a, b) for a, b in gaps)
        if slug == PUBLISHING:
            last = None
            for last in PUBLISHED_WRITING.finditer(key, n_start, o_end):
                pass
            for last in (REPORT_WRITING.finditer(key, n_start, o_end) if last is None else ()):
                pass
            if last is not None:    # (发布的一则报告也在社交媒体上…: named up to the writing, 》 or 」 kept)
                o_end = last.end() + (1 if key[last.end():last.end() + 1] in "》」』”" else 0)
        if results is not None and results.end() > o_end:
            o_end = results.end()   # (发布2022年第四季度及全年财报: named up to the results it puts out)
        deed = [doc.text[vs:ve], doc.text[n_start:o_end]]
        name = _name_of([doer_text, gap_text] + deed)
        if len(name) > MAX_NAME:
            name = _name_of([doer_text] + deed)     # (a long way between doer and verb: the deed is named)
        if len(name) > MAX_NAME:
            cut = MAX_NAME
            while cut > 1 and name[cut - 1].isascii() and name[cut - 1].isalnum() and name[cut].isascii() \
                    and name[cut].isalnum():
                cut -= 1    # (not inside a Latin word)
            name = name[:cut].rstrip()
        doer_id = ent_id if kind == "org" else None
        if results is not None:
            slug = RESULTS_SLUG
        return d_start, max(o_end, ve), doc.text[d_start:d_end], doer_id, name, date_expr, done, slug

    @staticmethod
    def _passive(doc: Document, doers, ends, c_start: int, vs: int, lo: int, date_at: frozenset):
        """云岫于2003年推出，2011年被星河收购: a verb whose doer a 被 right before names is done to the
        clause's subject (or, in a clause of a time alone, the subject its sentence opens with):
        (doer, (subject start, subject end)), else None."""
        key = doc.key
        agent = _right_before(key, doers, ends, vs)
        if agent is None or agent[2] not in ("org", "person"):
            return None
        b = agent[0]
        while b > c_start and key[b - 1] == " ":
            b -= 1
        if b - 1 < c_start or key[b - 1] != PASSIVE:
            return None
        b -= 1
        subject = _doer(doc, doers, ends, c_start, b, date_at)
        if subject is not None and _has_verb(doc, subject[1], b):
            return None     # (云岫称被星河收购: the subject of another verb)
        if subject is None and c_start > 0 and key[c_start - 1] in "，," and not _has_verb(doc, c_start, b):
            s_start = _sentence_start(key, c_start - 1, lo)
            if s_start is not None:
                first_end = CLAUSE_MARK.search(key, s_start, c_start)
                subject = _doer(doc, doers, ends, s_start, first_end.start() if first_end else c_start, date_at)
        if subject is None:
            return None
        return agent, (subject[0], subject[1])

    @staticmethod
    def _not_done(doc: Document, lo: int, hi: int) -> bool:
        """Does a word of a plan or a rumour stand in the clause before the verb?"""
        i = doc.token_index_from(lo)
        while i < len(doc.tokens) and doc.tokens[i].start < hi:
            tok = doc.tokens[i]
            w = doc.key[tok.start:tok.end]
            if w in NOT_DONE or (not tok.pos.startswith("n") and w.startswith(NOT_DONE) and len(w) <= 3):
                return True
            i += 1
        return False

    def _event(self, doc: Document, start: int, end: int, vs: int, ve: int, slug: str, doer: str,
               doer_id: str | None, name: str, date_expr, done: bool) -> Event | None:
        date = date_text = None
        year = None
        ref = doc.reference_date
        if date_expr is not None:
            hint = date_expr.year if date_expr.year is not None else (ref.year if ref else None)
            r = event_date(date_expr, hint, ref)
            if r.date is not None:
                date, year = r.date, r.year
                date_text = doc.span(date_expr.start, date_expr.end)
            elif date_expr.year is not None:
                year = date_expr.year
            elif date_expr.year_shift is not None and ref is not None:
                year = ref.year + date_expr.year_shift
            if ref is not None and date is not None and date > ref.isoformat()[:len(date)]:
                return None     # (a day after the article's: a plan)
            if ref is not None and year is not None and year > ref.year:
                return None
            if date is None and year is None and not done:
                return None     # (上個月 with no article date: a day nothing fixes is no evidence)
        if date is None and year is None and slug in UNDATED_NOT_NEWS:
            return None     # (星河成立調查小組, 公司成立16年: a founding no day, month or year dates is background)
        people: EntityTable = doc.layers["people"]
        participants = [p.id for p in people.ordered() if any(start <= s and e <= end for s, e in p.mentions)]
        if slug == "results" and MEASURES.search(doc.key, ve, end) and not RESULTS.search(doc.key, ve, end):
            slug = "measures"   # (公布…措施: measures made public, no results)
        event_id = "-".join(p for p in (doer_id or name_id(doer), slug, str(year) if year else None) if p)
        mention_start = start
        for p in doc.layers["people"].by_id.values():
            for s, e in p.mentions:
                if start <= s < end:
                    mention_start = max(mention_start, e)   # (a person named there stays a speaker)
        while end > mention_start and doc.key[end - 1] == " ":
            end -= 1
        return Event(id=event_id, name=name, series=None, year=year, date=date, time=None, utc_offset=None,
                     date_text=date_text, location=None, edition=None, organizer=doer_id,
                     participants=participants, mentions=[(mention_start, end)] if end > mention_start else [],
                     score=0.0, release=True, about=False, mentioned=True)


def _listed_id(doc: Document, doers, ends: list[int], start: int, doer: str, part: str) -> str | None:
    """The id of the organisation one of a list of doers (doer, from start) names, else None."""
    at = doc.text.find(part, start, start + len(doer))
    if at < 0:
        return None
    i = bisect.bisect_left(ends, at + len(part))
    while i < len(doers) and doers[i][1] == at + len(part):
        if doers[i][0] == at and doers[i][2] == "org":
            return doers[i][3]
        i += 1
    return None


def _short_form(doc: Document, org_id: str, start: int, end: int) -> str | None:
    """北京星河云岫科技股份有限公司 names a deed by the short form the text also calls it by
    (星河云岫): the shortest mention of the same organisation written inside the full name."""
    if not doc.key.endswith(LEGAL_FORM_ENDS, start, end):
        return None
    table: EntityTable | None = doc.layers.get("organizations")
    ent = table.by_id.get(org_id) if table is not None else None
    if ent is None:
        return None
    full = doc.key[start:end]
    shorts = {doc.key[s:e] for s, e in ent.mentions if 2 <= e - s < end - start and doc.key[s:e] in full}
    if not shorts:
        return None
    best = min(shorts, key=lambda w: (len(w), full.find(w)))
    at = next(s for s, e in ent.mentions if doc.key[s:e] == best)
    return doc.text[at:at + len(best)]


def _doer_spans(doc: Document) -> list[tuple[int, int, str, str]]:
    """The organisations', people's and products' mentions as (start, end, kind, id), by end."""
    out = []
    for kind, layer in (("org", "organizations"), ("person", "people")):
        table: EntityTable | None = doc.layers.get(layer)
        if table is not None:
            out += [(s, e, kind, i) for s, e, i in table.spans()]
    for p in doc.layers.get("products", ()):
        out += [(s, e, "product", p.id) for s, e in p.mentions]
    out.sort(key=lambda d: (d[1], d[0]))
    return out


# Deeds only an organisation or a person does: a product is no doer of them (a product before
# 停产, 停用 or 关闭 is what was stopped: Nimbus 2 宣布停產 is its maker's deed, not its own).
AGENTS_ONLY = frozenset({"meeting", "signing", "acquisition", "founding", "tariff", "layoff"})
# Deeds only a product suffers in the body: an app's or a model's service down (云岫笔记一度宕机)
# is an incident of its own; a company's outage told in passing is background to other news
# (a headline's outage is lead_events.py's and event_kinds.yaml's headline_only).
PRODUCTS_ONLY = frozenset({"outage"})
# A cause before what it brings down (甚至让X, 导致X, 使得X): the last such word of the clause.
CAUSED = regex.compile(r"(?:让|使得|使|导致|致使|造成)(?![^让使导造]*(?:让|使|导致|造成))")


# A signing binds two companies (星河与云岫签署了一份合同): what is signed, the word joining
# them, and words of a government or a public body (no company: 与市政府签署合作协议).
AGREEMENT = regex.compile(r"协议|合同|合约|备忘录")
PARTNERS_JOINED = regex.compile(r"\s?(?:与|和|跟|同)\s?")
GOVERNMENT = regex.compile(r"政府|市府|县府|部|局|署|委员会|委|厅|办|国|州|省|市|县|欧盟|联合国|议会|当局")


def _two_companies_agree(doc: Document, doers, ends, d_start: int, d_end: int, o_start: int, c_end: int) -> bool:
    """Is the doer key[d_start:d_end] two organisations the pipeline found, joined by 与/和 and no
    government's, signing an agreement (AGREEMENT in key[o_start:c_end])?"""
    key = doc.key
    if not AGREEMENT.search(key, o_start, c_end):
        return False
    lo, hi = bisect.bisect_left(ends, d_start), bisect.bisect_right(ends, d_end)
    parts = sorted((s, e) for s, e, kind, _ in doers[lo:hi] if kind == "org" and s >= d_start)
    if len(parts) != 2 or parts[0][0] != d_start or parts[1][1] != d_end:
        return False
    (s1, e1), (s2, e2) = parts
    return PARTNERS_JOINED.fullmatch(key, e1, s2) is not None \
        and not GOVERNMENT.search(key, s1, e1) and not GOVERNMENT.search(key, s2, e2)


# Words a doer may not follow in its clause: it is then a place, a partner or an object (在X, 對X, 與X).
NOT_BEFORE_DOER = ("在", "于", "於", "对", "向", "与", "和", "跟", "同", "被", "由", "从", "把", "将", "给", "为", "替",
                   "让", "经", "及")
# What joins two doers (Facebook和Instagram, 星河旗下的云岫): the doer runs on to the last.
JOINED = regex.compile(r"\s?(?:、|和|与|及|以及|跟|旗下的?|的|子公司|母公司)\s?")


def _doer(doc: Document, doers, ends, lo: int, hi: int, date_at: frozenset = frozenset()):
    """The clause's doer: the first mention in it opening its subject (a day or a few
    opening words before it, no preposition), run on over mentions joined to it; else a
    noun phrase opening the clause (美國8家報紙今天…)."""
    key = doc.key
    i = bisect.bisect_left(ends, lo)
    cands = []
    while i < len(doers) and doers[i][1] <= hi:
        s, e, kind, ent_id = doers[i]
        if s >= lo:
            cands.append(doers[i])
        i += 1
    cands.sort()
    for k, (s, e, kind, ent_id) in enumerate(cands):
        prefix = key[lo:s].strip()
        if s > lo and key[s - 1] in "（(" and key[e:e + 1] in "）)":
            # (星光中心（Starlight Center）1日舉行…: a name in brackets glosses the noun phrase before
            # it, which does the deed; the doer runs from that phrase over the gloss)
            run = _name_run(doc, lo, s - 1, date_at)
            if run is None or run[1] != s - 1:
                continue
            return run[0], e + 1, kind, ent_id
        if len(prefix) > MAX_PREFIX or prefix.endswith(NOT_BEFORE_DOER):
            continue
        if prefix and _has_verb(doc, lo, _description_start(doc, lo, s)) and not TIME_REACHED.fullmatch(prefix):
            return None     # (到次年高通收购…: 到 with a time says when, it is no verb of the clause)
        end = e
        for s2, e2, _, _ in cands[k + 1:]:
            if s2 < end:
                continue
            j = JOINED.fullmatch(key, end, s2)
            if j is None:
                break
            end = e2
        owned = OWNED_AFTER.match(key, end, hi)
        if owned is not None and owned.end() < hi:
            # (云岫集团旗下的社交平台 Q 在…起诉: what the doer owns, named after 旗下的, does the deed)
            sub = _doer(doc, doers, ends, owned.end(), hi, date_at)
            if sub is not None:
                return sub
        if end != e and not key[e:end].startswith(("的", "旗下", "子公司", "母公司")):
            kind, ent_id = "joined", None
        elif end != e:
            s2 = next(c for c in cands if c[1] == end)
            kind, ent_id = s2[2], s2[3]
        return s, end, kind, ent_id
    return _name_run(doc, lo, hi, date_at)


# 云岫集团旗下的社交平台 Q: what a doer owns follows 旗下 (的).
OWNED_AFTER = regex.compile(r"\s?旗下(?:的)?\s?")


def _description_start(doc: Document, lo: int, hi: int) -> int:
    """Where what a doer is, right before its name, begins: a verb glued to the nouns that
    end there (游戏发行平台 Steam, 芯片代工厂星河: the verb names a trade, not a deed), else hi."""
    i = doc.token_index_from(hi) - 1
    nouns = 0
    while i >= 0 and doc.tokens[i].start >= lo and (not doc.tokens[i].word.strip() or (
            doc.tokens[i].pos.startswith("n") and not doc.tokens[i].pos.startswith(("nr", "ns", "nt")))):
        nouns += bool(doc.tokens[i].word.strip())
        i -= 1
    if nouns == 0 or i < 0 or doc.tokens[i].start < lo:
        return hi
    verb, noun = doc.tokens[i], doc.tokens[i + 1]
    if verb.pos == "v" and verb.end == noun.start and noun.word.strip() and verb.end - verb.start == 2:
        return verb.start
    return hi


def _right_before(key: str, doers, ends, pos: int):
    """The found name ending right before pos (a blank between), as a doer (2022年Nova发布前:
    the time a deed marks is a noun phrase, its doer the name right before its verb)."""
    while pos > 0 and key[pos - 1] == " ":
        pos -= 1
    i = bisect.bisect_left(ends, pos)
    found = None
    while i < len(doers) and doers[i][1] == pos:
        if found is None or doers[i][0] < found[0]:
            found = doers[i]    # (the longest name ending there)
        i += 1
    return found


# Where a sentence ends, for the subject a clause of a time alone takes from its opening.
SENTENCE_END = "。！？!?\n"


def _sentence_start(key: str, hi: int, lo: int) -> int | None:
    """The start of the sentence holding hi, if it starts after lo (a bounded look back)."""
    i = max(key.rfind(c, lo, hi) for c in SENTENCE_END)
    if i < 0:
        return lo if lo == 0 else None
    return i + 1


def _only_when(doc: Document, lo: int, hi: int) -> bool:
    """Is [lo, hi) only times, dates, adverbs and blanks (上週, 4月底, 隨後)?"""
    i = doc.token_index_from(lo)
    timed = False
    while i < len(doc.tokens) and doc.tokens[i].start < hi:
        tok = doc.tokens[i]
        if tok.word.strip() and not tok.pos.startswith(("t", "d", "m", "q")):
            return False
        timed = timed or tok.pos.startswith("t")
        i += 1
    return timed


# What joins the names of one object (iPad Pro 和 iPad Air).
OBJECT_JOINED = regex.compile(r"\s?(?:、|和|与|及|以及)\s?")


def _object_end(key: str, lo: int, hi: int):
    """The mark ending an object in [lo, hi): a dash, a wide blank or a bracket, but not a
    gloss in brackets closed before hi (GPU（绘图处理器）的…: the object runs on past it)."""
    while True:
        m = OBJECT_END.search(key, lo, hi)
        if m is None or key[m.start()] not in "（(":
            return m
        close = _GLOSS_BRACKETS.match(key, m.start(), hi)
        if close is None or m.start() == lo:
            return m
        lo = close.end()


# A dash putting a name after what describes it (协作平台——Nimbus).
APPOSITIVE_DASH = ("—", "─", "-")
# How many found names ending past a position are read for one starting there.
APPOSITIVE_SCAN = 8
# A Latin proper name: capitalised words (Nimbus, Nova Studio 2).
LATIN_PROPER = regex.compile(r"[A-Z][A-Za-z0-9]*(?:[ .+-][A-Za-z0-9]+){0,3}")


def _appositive(doc: Document, doers, ends, dash, hi: int):
    """The name (start, end) standing right after an object's dash, before hi, if any: one the
    pipeline found, else a Latin proper name closing the clause (——Nimbus，)."""
    key = doc.key
    if dash is None or key[dash.start()] not in APPOSITIVE_DASH:
        return None
    at = dash.end()
    while at < hi and (key[at] == " " or key[at] in APPOSITIVE_DASH):
        at += 1
    i = bisect.bisect_right(ends, at)
    for s, e, _, _ in doers[i:i + APPOSITIVE_SCAN]:
        if s == at and e <= hi:
            return s, e
    m = LATIN_PROPER.match(doc.text, at, hi)
    if m is not None and not doc.text[m.end():hi].strip():
        return at, m.end()
    return None


def _whole_names(key: str, doers, ends, lo: int, cut: int, hi: int) -> int:
    """Where an object cut at `cut` ends when a found name runs past the cut (at most hi),
    and past the names joined to it (和, 、)."""
    i = bisect.bisect_right(ends, cut)
    end = cut
    for s, e, _, _ in doers[i:bisect.bisect_right(ends, hi)]:
        if lo <= s < cut:
            end = max(end, e)
    if end == cut:
        return cut
    while True:
        i = bisect.bisect_right(ends, end)
        nxt = [(s, e) for s, e, _, _ in doers[i:bisect.bisect_right(ends, hi)] if s > end]
        if not nxt:
            return end
        s, e = min(nxt)
        if not OBJECT_JOINED.fullmatch(key, end, s):
            return end
        end = e


# Words that, right before a verb with another verb after it in its clause, govern it as a
# preposition does (X就收购事宜起诉Y: the matter of the lawsuit), though tagged an adverb.
MATTER_OF = frozenset({"就"})


def _has_verb(doc: Document, lo: int, hi: int, governed: bool = False) -> bool:
    """Is there a verb in [lo, hi)? With governed, one right after 就 or a preposition (the
    matter of what follows: 就收购事宜起诉) does not count."""
    i = doc.token_index_from(lo)
    prev = None
    while i < len(doc.tokens) and doc.tokens[i].start < hi:
        tok = doc.tokens[i]
        if tok.pos.startswith("v") and not (governed and prev is not None and (
                prev.pos.startswith("p") or doc.key[prev.start:prev.end] in MATTER_OF and _matter(doc, tok.end))):
            return True
        if tok.word.strip():
            prev = tok
        i += 1
    return False


# ...the matter it governs: a noun of a matter after the verb (收购事宜, 合并一事, 裁员问题), and a
# verb after that in the clause (就召开会议讨论 is 就 the adverb: no matter noun).
MATTER_NOUN = regex.compile(r"[^，。；：,;:\s]{0,8}?(?:事宜|一事|问题|事件|纠纷|争议|议题|案)")


def _matter(doc: Document, pos: int) -> bool:
    """Does a matter's noun follow pos, and a verb follow it in its clause?"""
    m = MATTER_NOUN.match(doc.key, pos)
    if m is None:
        return False
    end = CLAUSE_MARK.search(doc.key, m.end(), m.end() + CLAUSE_REACH)
    return _has_verb(doc, m.end(), end.start() if end else min(len(doc.key), m.end() + CLAUSE_REACH))


# (the standard library's `re`: a class of literal characters, found twice as fast as by `regex`)
CLAUSE_MARK = re.compile("[" + re.escape("".join(sorted(CLAUSE_END))) + "]")
HEADLINE_BLANK = re.compile("[ \u3000]")
# A wire dateline: a round bracket opening a paragraph (spaces allowed before it) and closing on its
# line within 48 characters after 电 or 报道 (Simplified view: 電 and 報導 read so).
OPENING_BRACKET = re.compile(r"^[ \t\u3000]*[（(][^（）()【】\n]{0,44}(?:电|报道|报导)[）)]", re.M)


def _clause_marks(doc: Document) -> list[int]:
    """Where clauses end, in order: punctuation, and in the headline a wide blank or a blank
    after a Han character (港專遭黑客勒索 450Gb資料…). Found once a document."""
    key = doc.key
    headline_end = key.find("\n")
    # (the blanks by one scan, then _headline_blank of each, not of every character)
    marks = [m.start() for m in HEADLINE_BLANK.finditer(key, 0, max(0, min(headline_end, MAX_HEADLINE)))
             if _headline_blank(doc, m.start())]
    # (blanks and punctuation are other characters: no offset twice, and the scan's in order)
    clause_ends = [m.start() for m in CLAUSE_MARK.finditer(key)]
    # (（中央社台北1日電）星河車企…: a wire dateline opening a paragraph ends a clause; a bracket
    # closing anywhere else is a gloss and ends none, and a byline 【…记者 某某】 is left as it was)
    marks += [m.end() - 1 for m in OPENING_BRACKET.finditer(key)]
    return sorted(marks + clause_ends) if marks else clause_ends


def _headline_blank(doc: Document, i: int) -> bool:
    if doc.key[i] not in " \u3000" or i == 0 or i + 1 >= len(doc.key):
        return False
    return doc.text[i] == "\u3000" or not doc.key[i - 1].isascii()     # (not Windows 11's)


def _name_run(doc: Document, lo: int, hi: int, date_at: frozenset = frozenset()):
    """A doer no table knows: a noun phrase opening the clause (a day before it), up to a
    day, a preposition, an adverb or the verb (美國8家報紙今天…, 港專遭…)."""
    if hi <= lo:
        return None
    i = doc.token_index_from(lo)
    while i < len(doc.tokens) and doc.tokens[i].start < hi and (doc.tokens[i].pos.startswith(("t", "c"))
                                                                or not doc.tokens[i].word.strip()):
        i += 1
    first = i
    named = False
    while i < len(doc.tokens) and doc.tokens[i].start < hi and doc.tokens[i].pos.startswith(PHRASE_POS) \
            and doc.tokens[i].start not in date_at:     # (港專2月遭…: the day ends the name)
        named = named or doc.tokens[i].pos.startswith(NAME_POS + ("n",))
        i += 1
    if i == first or not named or i >= len(doc.tokens):
        return None
    s, e = doc.tokens[first].start, doc.tokens[i - 1].end
    if not doc.tokens[i].word.strip() and i + 1 < len(doc.tokens):
        i += 1      # (云岫科技 27 日…: a blank before what follows the name)
    nxt = doc.tokens[i]
    if not 2 <= e - s <= 12 or not (nxt.pos.startswith(("t", "p", "d", "v")) or nxt.start >= hi
                                    or nxt.start in date_at):
        return None
    if doc.tokens[i - 1].pos.startswith(("m", "q")) or SAYS.fullmatch(doc.key, doc.tokens[i - 1].start, e):
        return None     # (公署指，…: who says it, not who does it)
    return s, e, "name", None


def _dated(e) -> bool:
    """A day, a month or a year (not a clock alone, not a period counted: 三年来)."""
    return e.year is not None or e.year_shift is not None or _day_or_month(e)


def _past_year(e, ref: dt.date | None) -> bool:
    """A year alone, before the article's (谷歌于2014年收购…): the deed is told as done then."""
    return ref is not None and e.year is not None and e.year < ref.year


def _article_day(e, ref: dt.date | None) -> bool:
    """Is e the article's own day (its news, which the primary event's readers judge)?"""
    if ref is None or e.day is None:
        return False
    r = event_date(e, e.year if e.year is not None else ref.year, ref)
    return r.date == ref.isoformat()


def _day_or_month(e) -> bool:
    """A month, or a day (18日, 周四) the article's date fixes."""
    return e.has_date or e.day is not None or e.weekday is not None


# Words between the doer and the verb left out of the name: adverbs and times (已, 也, 才, 稍早).
PLAIN_DROP = ("d", "t", "ad")


def _plain_words(doc: Document, lo: int, hi: int) -> str:
    """The text of [lo, hi) without its adverbs and time words."""
    out = []
    pos = lo
    i = doc.token_index_from(lo)
    while i < len(doc.tokens) and doc.tokens[i].start < hi:
        tok = doc.tokens[i]
        if tok.pos.startswith(PLAIN_DROP) and tok.end <= hi \
                and not (doc.key[tok.start:tok.end] in MATTER_OF and doc.key[tok.end:hi].strip()):
            # (a 就 governing the matter before the verb stays: 就收购事宜起诉)
            out.append(doc.text[pos:tok.start])
            pos = tok.end
        i += 1
    out.append(doc.text[pos:hi])
    return "".join(out)


def _name_of(parts: list[str]) -> str:
    name = BLANKS.sub(" ", CLAUSE_MARKS.sub("", "".join(_join([p for p in parts if p])))).strip()
    return _strip_brackets(name)


def _noun_end(doc: Document, lo: int, hi: int) -> int:
    """Where the words from lo stop being a noun phrase (its first verb), at most hi."""
    i = doc.token_index_from(lo)
    while i < len(doc.tokens) and doc.tokens[i].start < hi:
        if doc.tokens[i].pos.startswith("v") and doc.tokens[i].start > lo:
            return doc.tokens[i].start
        i += 1
    return hi


def _time_mark_cut(doc: Document, lo: int, hi: int) -> int:
    """hi without a time its object ends on (收购云岫软件后, 创立星河时, 上线该功能以来): the mark a token of its own."""
    end = hi
    while end > lo and doc.key[end - 1].isspace():
        end -= 1
    for mark in TIME_MARK:
        start = end - len(mark)
        if start > lo and doc.key.startswith(mark, start):
            i = doc.token_index_at(start)
            if doc.tokens[i].start == start and doc.tokens[i].end == end:
                return start
    return hi


def _token_cut(doc: Document, lo: int, hi: int) -> int:
    i = doc.token_index_at(hi)
    cut = doc.tokens[i].start
    return cut if cut > lo else hi


def _join(parts: list[str]) -> list[str]:
    out = []
    for p in parts:
        if out and out[-1][-1:].isascii() and out[-1][-1:].isalnum() and p[:1].isascii() and p[:1].isalnum():
            out.append(" ")
        out.append(p)
    return out


QUOTE_PAIRS = tuple(o + c for o, c in qm.pairs(qm.DOUBLE, qm.TITLE).items())


def _strip_brackets(name: str) -> str:
    """A gloss in brackets (（Microsoft）), a bracket left open by the cut or a quote mark
    whose pair stands outside the name (此芯科技」成立) is no part of the name."""
    for a, b in QUOTE_PAIRS:
        if name.count(a) != name.count(b):
            name = name.replace(a, "").replace(b, "")
    name = _GLOSS_BRACKETS.sub("", name)
    return _OPEN_BRACKET.sub("", name).strip()
