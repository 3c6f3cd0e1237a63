"""The primary event read from the headline's own clause, when no other reader names it.

A news item's headline says what happened (兆基創意書院伺服器遭黑客入侵, TikTok提交紧急动议,
歐盟對臉書、IG展開調查); an article about no event says what was found or thought
(出貨量排名, 專家：…, …嗎？). So when the article's other readers (the kinds, lead_events.py)
leave its event null, the headline's clause is the event when

- the clause tells a deed: a verb that acts (or one suffered, 遭 / 被; not a place's unit the tagger
  reads as a verb, 在美国分行受到…), no verb of saying,
  opinion or state, no plan, rumour, allegation or forecast in it, no figure reached after
  it, no amount before its verb (one after it is what the deed is done to: 删除17万个账号), no
  measure (股價, 銷量) or trade figure (出口) as what moves, and no word a
  kind's table reads (印发, 新增: that table has judged it);
- the clause is done: no plan glued to its verb (拟改收费), no capability (可续航), and no plan
  before it in the words a blank only spaces from it (谷歌 Chrome 将于 6 月 3 日开始…);
- the article is no report nor commentary (a tag 解读｜, 評論｜): the headline names no report, survey, data, ranking or share,
  no figure moving (創新高, 下滑), no percentage, no doubt (或), asks no question and gives
  no expert's words (專家：); opening an investigation (展開調查) is a deed, not a survey;
- an outlet before the headline's colon (媒体：, 外媒：, 韩媒：) is no speaker: it relays a deed,
  and the clause after the colon is read through these gates like any other (a plan, 将; a
  wish glued to its verb, 想派; a gain, 从中获益; words, 俄称 are none);
- no clause of saying before it parted only by commas (克宫称…，…: the rest is what is said);
- the lead retells it: a sentence of the body's first paragraphs, not a quotation, holds
  two of the clause's content words (its organisations too, before or after its verb: 开设比亚迪门市
  retold by 开设比亚迪新门店), one of them the deed's (from its verb on; a verb of the same
  deed, deed_verbs.yaml's slug, retells the headline's: 受到…攻击 by 遭到…攻击, 签署 by 签订), with no plan (將, 可能) in the clause of its verb, no
  source or opinion (據報, 認為) before it, and no figures (同比, %).

- the lead tells when: the retelling sentence states a day (昨日, 16日, 今天). A feature or
  trend story retells its headline's theme with no day (星河企業加速推動…, 某國積極應對人才短缺):
  on the real sets a headline deed retold with no day was the article's event 9 times in 26
  (READ) and 3 in 19 (CHECK), with a day 17 in 21 and 7 in 9 (wave 21). An explosion
  (INCIDENT_WORDS) is news whenever it is told; so is a deed (deed_verbs.yaml: 起诉, 收购) the
  headline opens with when the opening clause of the body's first sentence retells it in the
  same verb, the way a wire's lead tells its news (美國證監會起訴…Coinbase; wave 46); and so is
  a one-off act (wave 46): a verb of deed_verbs.yaml's one_off, whose bare headline form is
  perfective (竺某正式退休, OPPO终止自研芯片业务), or a deed's verb marked done (正式, 首次, 已, 宣布
  before it, 了 after it), with no activity going on, theme or plan in its clause (正在, 逐步,
  推动, 加强, 将, 拟: ONGOING); and so is a deed the retelling dates by a relative day word
  (上周, 本周, 日前, 近日) in its verb's clause before the verb or as the sentence's whole opening
  clause (近日，…), with no ONGOING word in either clause and no source (据) before the verb
  (wave 47).

The event is named by the headline's words (a verbless clause before it, the subject the
blank parts from the deed, is kept: 三星HBM晶片因發熱問題 未通過…), the deed's own clause
one of its mentions. Its date is the day the retelling sentence states (16日 too).
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left

import regex

from ..ids import name_id
from ..nlp import quote_marks as qm
from ..nlp.document import Document
from ..timex.model import event_date
from ..yamlfiles import load_yaml_once
from .dates import _shift_month
from .entities import EntityTable
from .event_kinds import CLAUSE_END, PLAN, RUMOUR, OneOffFinder
from .lead_events import (BLANKS, FIGURE_AFTER, FORECAST, HEADLINE_TAG, MAX_BODY, MAX_HEADLINE, MEASURE, NOMINAL_VERBS,
                          PREPOSITION_VERBS, REACHING, REPORTED_VERBS, STATE_VERBS, LeadEvents,
                          quote_moves, spoken_in_headline)
from .mentioned_events import DATA as DEED_DATA, OBJECT_WORDS_REACH, deed_verbs, object_words, one_off_verbs
from .records import Event


def _investigation_opened() -> str:
    """A look-behind's body: an opener of an investigation (展开, 启动: deed_verbs.yaml's
    investigation), 了 after it, then one modifier of its closed class, 的 after that (展开正式调查,
    展开了新的调查, 發起301條款調查): 调查 after it is a deed, not a survey."""
    data = load_yaml_once(DEED_DATA).get("investigation") or {}
    alt = lambda ws: "|".join(regex.escape(w) for w in sorted(map(str, ws), key=len, reverse=True))
    return rf"(?:{alt(data['openers'])})了?(?:(?:{alt(data['between'])})的?)?"


# Words of a headline about no event: a report of figures, a ranking, an opinion asked for.
# (A data centre is a thing, no data: 新设数据中心须采用国产芯片.)
REPORT_WORDS = regex.compile(r"报告|报道|(?<!" + _investigation_opened() + r")调查|数据(?!中心)|统计|排名|榜单|份额|市占|研究|研报|白皮书|预测|分析|盘点|"
                             r"指数|评测|实测|测评|上手|体验|专家|学者|分析师|跑分|成绩单|情况|披露|曝光|揭晓|[%％]|[？?]|"
                             # (a figure moving: 出口額創新高, 充電量急升4倍, 收視戶連26季下滑)
                             r"新高|新低|翻倍|增长|下滑|下跌|上涨|急升|飙升|大增|大减|提升|下降|上升|跃升|暴跌|暴涨|回升|"
                             # (doubt anywhere in it: 今年或不發布…, 傳…)
                             r"(?<![\p{Han}])或|或将|或不|传出|恐将|"
                             # (talk online: what circulates or what anonymous netizens do, 網傳…, 網友求救)
                             r"网传|网曝|网友|网民")
# An amount in the deed's clause (12999 元, 68亿美元, 八成): news of figures, not of a deed.
AMOUNT = regex.compile(r"[\d一二两三四五六七八九十百千万亿][\d,.]*\s*(?:%|％|成|倍|(?:万|亿)(?!人|名|户|个|位|条|笔|宗)|元|美元|港元|台币|季度?)")
# Trade and earnings as what a clause is about (环保车出口大好): news of figures.
TRADE = regex.compile(r"出口|进口|营收|盈利|业绩|销售额")
# ... unless the trade is what a deed controls (wave 47): a verb of stopping, limiting or
# allowing it before it in the clause (美國停部分…無人機進口, 限制DUV光刻机出口, 获准再次出口) tells
# a deed done to trade, no trade figure. (A control named after it, 出口管制, is no deed:
# 鑽美出口管制漏洞 tells a loophole.)
TRADE_CONTROLLED_BEFORE = regex.compile(r"限制|管制|禁止|暂停|停止|停|恢复|放宽|获准|不再")
TRADED = frozenset({"出口", "进口"})
# Marks that put the deed in the future, on another's word or in doubt (the undone: 未, 不).
NOT_YET = tuple(RUMOUR) + tuple(PLAN) + FORECAST + ("涉", "涉嫌", "消息称", "据报", "据悉", "传出", "恐", "拟", "想", "欲", "如何", "为何",
                                                     "无法", "难以", "无", "按计划")
NOT_YET_SET = frozenset(NOT_YET)
NOT_YET_LONG = tuple(m for m in NOT_YET if len(m) > 1)   # (a word that begins with one: 将于)
# A plan glued to its verb in one word (拟改, 拟建, 拟收购): not done either.
PLAN_GLUED = ("拟",)
# Verbs of saying whose clause's words run on past a comma (克宫称…，…): no deed told after them.
SAYING = frozenset({"称", "表示", "说", "指", "指出", "透露", "认为", "声称", "宣称", "指称"})
# A wish glued to its verb in one word the tagger reads as a verb (想派, 想买): not done either.
WISH_GLUED = "想"
# A one-character doer glued to 称 in one word the tagger reads as a verb (俄称, 美称): words said.
SAID_GLUED = "称"
# A gain a thing has from another's deed (从中获益, 受益于): a state, no deed of its own.
GAINED = frozenset({"获益", "受益", "得益"})
# A capability (充电12分钟可续航800公里): what a thing can do, no deed done.
CAN = frozenset({"可"})
# ... or told after the deed's clause, in the words spacing alone parts from it (充电 12 分钟可续航).
CAN_OR_PLAN = CAN | {"可以"} | frozenset(PLAN)
# A headline's tag naming commentary (解读 | …, 【评论】): an opinion on news, no news of a deed.
COMMENTARY_TAG = regex.compile(r"解读|评论|时评|述评|社论|观点|观察|专栏|深度")
# What leaves a retold deed undone, before its verb in the lead's sentence (將成長, 可能获批).
UNDONE_BEFORE = ("将", "可能", "预估", "预计", "或", "有望", "计划", "拟")
# ... and what tells it on another's word or as an opinion, anywhere before it in the sentence.
# (hearsay, 据报道, 有报道指, 据外媒报道 or 据媒体报道: no outlet named; a deed relayed from an
# outlet the sentence names, 据央视网报道, is news told)
# Words right before a deed's verb that tell it as the latest (最新发布的, 最近公布, 新近推出) or
# as done by now (近日开放, 日前推出, 刚刚上线, 已经开放): a retelling with them needs no day to
# be the news; a feature's theme is told with none (推动, 积极应对).
RECENT_BEFORE = ("最新", "最近", "新近", "近期", "近日", "日前", "刚刚", "已经")
SOURCED_BEFORE = ("据报", "有报道", "有报导", "媒体报", "外媒报", "认为", "分析", "估计", "预期")
# A retelling in figures (同比下降30%): the news of a market, not of a deed.
FIGURES_TOLD = regex.compile(r"[%％]|同比|环比|年增|年减")
# A verb made the time of something else (发布3年后, 上市后, 推出以来).
TIME_AFTER = regex.compile(r"\s?(?:[\d一二两三四五六七八九十几数]+\s?(?:年|个月|月|周|天|日|小时))?\s?"
                           r"(?:后|以后|之后|以来|前|之前|时|不久)")
# Kinds whose verbs all tell a thing made public (发布, 公布, 宣布): one retells another.
RELEASE_FAMILY = frozenset({"launch", "earnings-release", "announcement"})
QUOTE_OPENS = qm.openers(qm.DOUBLE, qm.ASCII) + qm.APOSTROPHE
# What parts a sentence's clauses (the lead's opening clause ends at the first of them).
CLAUSE_MARKS = frozenset("，,；;：:")

# The lead read for the clause's words again: its first paragraphs after the headline.
LEAD_PARAGRAPHS = 2
MIN_SHARED_WORDS = 2
MAX_NAME = 40
ORG_WORD = "@"      # (an organisation counted among a clause's words by its id, never a word's spelling)
DEED_MIN_CHARS_BEFORE = 2     # (someone or something the deed is of, before its verb)


# What happened, in a word that begins as a report's verb does (爆料, 爆出): an explosion is a
# deed the headline tells (某廠爆炸1重傷), not news of what someone revealed.
INCIDENT_WORDS = frozenset({"爆炸", "爆燃"})
# A day written inside a relative day's word, the way Taiwan's outlets date the day's news
# (今（13）日, 昨(25)日, 週四(23)日): the day of the month in brackets between the day word and
# 日, a shape the time grammar does not read as a date. Matched on the Simplified view.
BRACKETED_DAY = regex.compile(r"(?:今|昨|前|周[一二三四五六日]|星期[一二三四五六日天])\s*[（(]\s*(\d{1,2})\s*[)）]\s*日")
# What befalls people as another clause's consequence (約8,100名學生受影響, 數萬用戶受波及): no deed
# of its own; the headline's deed is the clause that caused it.
CONSEQUENCE = regex.compile(r"受(?:到)?(?:影响|波及|冲击|牵连|拖累)")
# A clause ending on the verb of announcing or deciding whose object is the next one (美國某署宣布 禁…).
ANNOUNCED = ("宣布", "公布", "决定", "批准", "下令")

# Marks of an act done, right before a verb (正式退休, 已关闭, 宣布终止, 首次降价) or right after
# it (关闭了): a deed of deed_verbs.yaml told with one is a one-off act, the news with no day.
DONE_BEFORE = ("正式", "已经", "已", "宣布", "首次")
DONE_AFTER = "了"
# A relative day word in the retelling sentence before the deed's verb (上周, 日前, 近日: the lead
# dates the act by its week or as lately done, 星河科技上周关闭…, 近日，星河科技关闭…): with no
# activity going on, theme or plan in either clause (ONGOING), the deed is the news with no day.
RELATIVE_DAY = ("上周", "本周", "日前", "近日")
# An activity going on, a theme or a plan in a clause (正在, 持续推动, 加强): no one-off act.
ONGOING = regex.compile(r"正在|正(?![式常])|持续|继续|推动|加强|逐步|陆续|不断|积极|加速|加快|致力|将|拟|计划|准备|打算|有望|可能")

# A feeling a thing stirs (令人擔憂, 让人失望): the clause tells an effect, no deed done (a word
# of the tokens, not 让人工智能…).
STIRS = frozenset({"令人", "让人", "叫人"})


def _ongoing(doc: Document, start: int, end: int) -> bool:
    """Does the clause end on a verb with 中 after it (系統維修中, 雙方仍在談判中): a thing still
    going on, no deed done? (手中, 空中: 中 after a noun is a place.)"""
    key = doc.key
    while end > start and key[end - 1] in " \u3000":
        end -= 1
    if end - start < 2 or key[end - 1] != "中" or not doc.starts_token(end - 1):
        return False
    i = doc.token_index_at(end - 2)
    toks = doc.tokens
    return 0 <= i < len(toks.starts) and toks.starts[i] >= start and toks.ends[i] == end - 1 \
        and toks.tagged[i][1].startswith("v")


def _stirs(doc: Document, start: int, end: int) -> bool:
    """Does the clause tell a feeling stirred (令人崩潰, 让人 失望): 令人 as a word, or 令 and 人?"""
    toks, key = doc.tokens, doc.key
    words = [key[toks.starts[i]:toks.ends[i]] for i in range(doc.token_index_from(start), doc.token_index_from(end))]
    return any(w in STIRS or (w in ("令", "让", "叫") and k + 1 < len(words) and words[k + 1] == "人")
               for k, w in enumerate(words))


def _trade_figures(key: str, start: int, end: int) -> bool:
    """Does the clause hold a trade word (出口, 营收) that is no deed's object: not one of goods
    (出口, 进口) controlled by a verb before it in the clause (限制…出口, 停…进口)?"""
    for m in TRADE.finditer(key, start, end):
        if m.group() in TRADED and TRADE_CONTROLLED_BEFORE.search(key, start, m.start()):
            continue
        return True
    return False


def _verb_between(toks, i: int, end: int) -> bool:
    """Is a token tagged a verb among the tokens from index i up to offset end?"""
    starts, tagged = toks.starts, toks.tagged
    while i < len(starts) and starts[i] < end:
        if tagged[i][1].startswith("v"):
            return True
        i += 1
    return False


def _doers(org_spans: list[tuple[int, int, str]], start: int, end: int) -> set[str]:
    """The organisations named from start to end, as words a retelling shares (台積電…廠爆炸
    retold by 台積電…廠區驚傳爆炸: the doer is the same, though its place is cut otherwise)."""
    i = bisect_left(org_spans, (start,))
    out = set()
    while i < len(org_spans) and org_spans[i][0] < end:
        if org_spans[i][1] <= end:
            out.add(ORG_WORD + org_spans[i][2])
        i += 1
    return out


# (patterns compiled at load, not looked up in regex's cache per call)
_HAN_OR_CLOSE = regex.compile(r"\p{Han}|[」》”]")
# A single blank before a Latin word or a number is the spacing some outlets put around them
# (谷歌 Chrome 将于 6 月 3 日开始…): no clause ends there.
_SPACED_WORD = regex.compile(r" [A-Za-z0-9]")


class HeadlineDeed:
    """Reads the headline's deed (see the module's docstring)."""

    def __init__(self, lead_events: LeadEvents, kind_verbs=(), object_kinds=()) -> None:
        self.lead = lead_events
        # (a verb of a kind that judges its object, 印发 a document or 新增 a list's entries, was
        # judged by that table: not read again; kind_verbs maps a verb to its kind's slug)
        kinds = dict(kind_verbs) if isinstance(kind_verbs, dict) else dict.fromkeys(kind_verbs)
        self.kind_verbs = frozenset(kinds)
        self.kind_of = {v: k for v, k in kinds.items() if k is not None}
        self.kind_verb_finder = regex.compile("|".join(regex.escape(v) for v in sorted(self.kind_of, key=len, reverse=True))) \
            if self.kind_of else regex.compile(r"(?!)")
        self.judged_verbs = frozenset(v for v, k in kinds.items() if k is None or k in set(object_kinds))
        # (a deed's verbs retell one another, deed_verbs.yaml's slugs: 受到…攻击 retold by 遭到…攻击,
        # 签署 by 签订; a verb read only with its object, 遭到…攻击, is read so here too)
        self.deed_slug = {v: slug for v, (slug, _) in deed_verbs().items()}
        self.deed_object = object_words()
        self.deed_verb_finder = regex.compile("|".join(regex.escape(v) for v in sorted(self.deed_slug, key=len, reverse=True)))
        self.one_off = one_off_verbs()

    def find(self, doc: Document) -> Event | None:
        found = self._find(doc)
        return None if found is not None and spoken_in_headline(doc, found.mentions, outlets_speak=False) else found

    def _find(self, doc: Document) -> Event | None:
        key = doc.key
        headline_end = key.find("\n", 0, MAX_HEADLINE + 1)
        if headline_end <= 0:
            return None
        if reports(doc, headline_end):
            return None
        tag = HEADLINE_TAG.match(key, 0, headline_end)
        lo = tag.end() if tag is not None else 0
        orgs: EntityTable = doc.layers["organizations"]
        people: EntityTable = doc.layers["people"]
        body_end = min(OneOffFinder.lead_end(doc, LEAD_PARAGRAPHS), headline_end + MAX_BODY)
        org_spans = orgs.spans()
        body_words = self.lead._content_words(doc, orgs, people, headline_end, body_end) \
            | _doers(org_spans, headline_end, body_end)
        if not body_words:
            return None
        runs = self._clause_runs(doc, lo, headline_end)
        clauses = [(s, e) for s, e, _ in runs]
        said = False    # (a clause of saying before, parted only by commas: 俄称乌军…，无人机…被摧毁)
        for k, (start, end, run) in enumerate(runs):
            if k > 0:
                between = key[clauses[k - 1][1]:start]
                said = (said or self._says(doc, *clauses[k - 1])) and all(c in "，, " for c in between)
            verb = None if said else self._deed_verb(doc, start, end)
            if verb is None or self._kind_told(doc, start, end) or CONSEQUENCE.search(key, start, end) \
                    or (k > 0 and self._opens_with_verb(doc, start, end)
                        and not key[clauses[k - 1][1]:start].strip()
                        and self._deed_verb(doc, *clauses[k - 1], any_verb=True) is not None
                        and not key.endswith(ANNOUNCED, 0, clauses[k - 1][1])) \
                    or (run < start and self._undone_before(doc, run, start)) \
                    or self._undone_after(doc, runs, k):
                continue
            # (the deed's object runs on over a blank before a Latin word or a number, the spacing
            # some outlets put around them, to the clause's end: 星河 发布前沿 AI 框架)
            j = k
            while j + 1 < len(runs) and runs[j + 1][2] == run:
                j += 1
            end = runs[j][1]
            words = self.lead._content_words(doc, orgs, people, start, end) | _doers(org_spans, start, end)
            if len(words & body_words) < MIN_SHARED_WORDS:
                continue
            deed = self.lead._content_words(doc, orgs, people, verb[0], end)
            retold = self._retelling(doc, orgs, people, words, deed, headline_end, body_end, key[verb[0]:verb[1]],
                                     org_spans)
            if retold is None:
                continue
            name_start = start
            # (a verbless clause right before, the subject parted by a blank: 三星HBM晶片因發熱問題 未通過…)
            if k > 0 and verb[0] - start < DEED_MIN_CHARS_BEFORE + 1 \
                    and self._deed_verb(doc, *clauses[k - 1], any_verb=True) is None \
                    and not any(c in CLAUSE_END for c in key[clauses[k - 1][1]:start]):
                name_start = clauses[k - 1][0]
            event = self._event(doc, people, orgs, name_start, start, end, verb, retold)
            if event.date_text is None and key[verb[0]:verb[1]] not in INCIDENT_WORDS \
                    and not self._told_recent(doc, retold, key[verb[0]:verb[1]]) \
                    and not (name_start == lo and self._deed_opens_lead(doc, retold, key[verb[0]:verb[1]], headline_end)) \
                    and not self._one_off_act(doc, start, verb, retold) \
                    and not self._relative_day(doc, start, verb, retold):
                # (the lead tells no day: a trend or a feature's theme, 星河企業加速推動…, no deed of
                # the day; an explosion is news whenever it is told; one it tells as the latest,
                # 根据星河最新发布的政策文件, is the news)
                continue
            return event
        return None

    @staticmethod
    def _says(doc: Document, start: int, end: int) -> bool:
        """Does the clause tell words said, a verb of saying in it (称, 表示, 俄称: a one-character
        doer glued to 称)? The clauses after it, parted only by commas, are what is said."""
        toks, key = doc.tokens, doc.key
        for i in range(doc.token_index_from(start), doc.token_index_from(end)):
            w = key[toks.starts[i]:toks.ends[i]]
            if w in SAYING or _glued(w, toks.tagged[i][1], SAID_GLUED, 1):
                return True
        return False

    def named_doer(self, doc: Document, event: Event) -> bool:
        """Does the headline clause of the deed read here name who does it: an organisation
        (its organiser) or a person in the words before its verb? 星河提交紧急动议 names its
        doer; 美政府力邀…出庭作证 or 当局拟…, a doer the text names as no organisation nor
        person, tells a deed too weak to stand for the article over a kind's event."""
        if event.organizer is not None:
            return True
        people: EntityTable = doc.layers["people"]
        for start, end in event.mentions:
            verb = self._deed_verb(doc, start, end)
            if verb is not None and people.covering(start, verb[0]) is not None:
                return True
        return False

    def _told_recent(self, doc: Document, sentence, verb: str) -> bool:
        """Does the retelling sentence tell the deed as the latest (最新发布的政策文件,
        最近公布的数据): a word of recency right before the headline's verb or one of its kind?"""
        if sentence is None:
            return False
        verbs = {verb} | ({v for v, k in self.kind_of.items() if k in self.same_kinds(verb)}
                          if verb in self.kind_of else set())
        key = doc.key
        return any(key.find(r + v, sentence.start, sentence.end) >= 0 for r in RECENT_BEFORE for v in verbs)

    def _one_off_act(self, doc: Document, start: int, verb: tuple[int, int], sentence) -> bool:
        """Is the headline's deed a one-off act, news with no day (wave 46)? Its verb, or the word
        right before it (勒令停工), is one of deed_verbs.yaml's one_off (退休, 终止, 开设: a bare
        headline form of one is perfective), or a deed's verb with a mark of the act done (正式, 已,
        宣布, 首次 before it or 了 after it, in the headline or where the lead retells it); and
        neither the headline's clause up to its verb nor the retelling's clause holds an activity
        going on, a theme or a plan (正在, 持续, 推动, 加强, 将, 拟)."""
        if sentence is None:
            return False
        key = doc.key
        w = key[verb[0]:verb[1]]
        before = [v for v in self.one_off if key.endswith(v, start, verb[0])]
        one_off = w in self.one_off or bool(before)
        if not one_off and w not in self.deed_slug:
            return False
        at = key.find(w, sentence.start, sentence.end)
        clause_start = _clause_start(key, sentence.start, at) if at >= 0 else sentence.start
        if ONGOING.search(key, start, verb[0]) or ONGOING.search(key, clause_start, at if at >= 0 else sentence.end):
            return False
        if one_off:
            return True
        return key.endswith(DONE_BEFORE, start, verb[0]) or key.startswith(DONE_AFTER, verb[1]) \
            or (at >= 0 and (key.endswith(DONE_BEFORE, clause_start, at) or key.startswith(DONE_AFTER, at + len(w))))

    def _relative_day(self, doc: Document, start: int, verb: tuple[int, int], sentence) -> bool:
        """Does the retelling sentence date the deed by a relative day word (上周, 日前, 近日) in
        the clause of its verb (the headline's, or one of the same deed), before it, or as the
        sentence's whole opening clause (近日，…), with no activity going on, theme or plan
        (ONGOING) in the headline's clause up to its verb nor in the retelling's clause, nor a
        source (据) before the verb in its clause?"""
        if sentence is None:
            return False
        key = doc.key
        w = key[verb[0]:verb[1]]
        at = key.find(w, sentence.start, sentence.end)
        if at < 0 and w in self.deed_slug:
            same = self._same_deed(key, w, sentence.start, sentence.end)
            at = same.start() if same is not None else -1
        if at < 0:
            return False
        clause_start = _clause_start(key, sentence.start, at)
        opening = sentence.start
        while opening < at and key[opening] not in CLAUSE_MARKS:
            opening += 1
        if key.find("据", clause_start, at) >= 0:
            return False    # (据近日卫星图片显示: the day is a source's, what it shows no deed)
        dated = any(key.find(r, clause_start, at) >= 0 for r in RELATIVE_DAY) \
            or (opening < at and key[sentence.start:opening].strip() in RELATIVE_DAY)
        return dated and not ONGOING.search(key, start, verb[0]) and not ONGOING.search(key, clause_start, at)

    def _deed_opens_lead(self, doc: Document, sentence, verb: str, headline_end: int) -> bool:
        """Is the retelling the body's first sentence, holding the headline's own verb, one of a
        deed (deed_verbs.yaml: 起诉, 收购, 签署)? A wire's lead tells the deed its headline opens
        with first, in the same verb and with no day (美國證監會起訴…Coinbase, retold 美國證券及交易委員會
        起訴…Coinbase，指…); a feature opens on its scene or its theme."""
        if sentence is None or verb not in self.deed_slug:
            return False
        key = doc.key
        at = key.find(verb, sentence.start, sentence.end)
        if at < 0 or any(c in CLAUSE_MARKS for c in key[sentence.start:at]):
            return False     # (in its opening clause: not 有待…表決通過 after a comma)
        first = headline_end + 1
        while first < sentence.start and key[first].isspace():
            first += 1
        return sentence.start <= first

    def same_kinds(self, verb: str) -> frozenset:
        """The kinds whose verbs retell this one (a release is told by any verb of releasing)."""
        kind = self.kind_of.get(verb)
        return RELEASE_FAMILY if kind in RELEASE_FAMILY else frozenset({kind})

    def _kind_told(self, doc: Document, start: int, end: int) -> bool:
        """Did a kind's table judge a word of the clause: a verb of a kind that judges its
        object (印发 a document, 新增 a list's entries), or a kind's verb made the time of
        something else (发布3年后, 上市后频繁翻车)? (A kind's verb told as the deed, 星河 Nova Pro
        游戏机发布, the kinds may have missed for want of a name they know: read here.)"""
        for i in range(doc.token_index_from(start), len(doc.tokens)):
            tok = doc.tokens[i]
            if tok.start >= end:
                return False
            w = doc.key[tok.start:tok.end]
            if w in self.judged_verbs or w in self.kind_verbs and self._time_after(doc, tok.end):
                return True
        return False

    @staticmethod
    def _time_after(doc: Document, pos: int) -> bool:
        """发布3年后, 上市前: a time word after the verb, a word of its own (发布前沿 AI 框架
        holds 前沿, not 前)."""
        m = TIME_AFTER.match(doc.key, pos)
        return m is not None and doc.ends_token(m.end())

    @staticmethod
    def _opens_with_verb(doc: Document, start: int, end: int) -> bool:
        """Does the clause open with its verb (控…, 尋求…, 擴大…)? After a blank and a clause with a verb
        of its own (星河告雲岫 控…, 星河與雲岫簽約 擴大…) it has no doer: it tells the first clause's
        deed's aim or charge, and a verb further in it is its object's (控…非法採用: no deed of the
        day). Not after a comma (白宮被曝設期限，要求…: the doer's deed goes on) nor after a verb of
        announcing that takes it as its object (某署宣布 禁…)."""
        i = doc.token_index_from(start)
        toks = doc.tokens
        if i >= len(toks.starts) or toks.starts[i] != start or toks.ends[i] > end:
            return False
        return toks.tagged[i][1].startswith("v") and doc.key[start:toks.ends[i]] not in NOMINAL_VERBS

    @staticmethod
    def clauses(doc: Document, lo: int, hi: int) -> list[tuple[int, int]]:
        """The headline's clauses: parted by punctuation or a blank after a Han character;
        a clause after a colon is what its speaker says, read alone."""
        return [(s, e) for s, e, _ in HeadlineDeed._clause_runs(doc, lo, hi)]

    @staticmethod
    def _clause_runs(doc: Document, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """The headline's clauses, each with where its run starts: a blank before a Latin word
        or a number parts clauses but may be only the spacing some outlets put around them
        (谷歌 Chrome 将于 6 月 3 日开始…), so the run goes back over such blanks to the last
        clause mark or blank between Han characters."""
        key, text = doc.key, doc.text
        out, start, run = [], lo, None
        for i in range(lo, hi + 1):
            c = key[i] if i < hi else "\n"
            digits = c in ",." and 0 < i < hi - 1 and key[i - 1].isdigit() and key[i + 1].isdigit()   # (8,100名)
            blank = c.isspace() and i > lo and _HAN_OR_CLOSE.match(text[i - 1]) is not None
            part = c == "\n" or (c in CLAUSE_END and not digits) or c in "！!？?：:" or blank
            if part:
                if i > start:
                    s, e = start, i
                    while s < e and key[s].isspace():
                        s += 1
                    if e > s:
                        run = s if run is None else run
                        out.append((s, e, run))
                start = i + 1
                if not (blank and c == " " and _SPACED_WORD.match(text, i)):
                    run = None
        return out

    def _undone_before(self, doc: Document, lo: int, hi: int) -> bool:
        """A plan or doubt in the run's words before a clause (将于 6 月 3 日开始…)."""
        return any(self._not_yet(w) for w in words_starting(doc, lo, hi))

    def _undone_after(self, doc: Document, runs: list[tuple[int, int, int]], k: int) -> bool:
        """A capability or a plan in the clauses after clause k that only spacing parts from it
        (新电池充电 12 分钟可续航 800 公里: what the thing can do, no deed done)."""
        run = runs[k][2]
        hi = runs[k][1]
        for start, end, r in runs[k + 1:]:
            if r != run:
                break
            hi = end
        if hi <= runs[k][1]:
            return False
        # (not 不 of 不超过 4.4 亿美元: a bound, no deed undone)
        return any(w in CAN_OR_PLAN for w in words_starting(doc, runs[k][1], hi))

    @staticmethod
    def _not_yet(w: str) -> bool:
        return w in NOT_YET_SET or w.startswith(NOT_YET_LONG) or w.startswith(PLAN_GLUED) or w in CAN

    def _deed_verb(self, doc: Document, start: int, end: int, any_verb: bool = False) -> tuple[int, int] | None:
        """The clause's first verb that acts, in a clause nothing in leaves undone, that
        holds no amount and no measure."""
        key = doc.key
        if not any_verb and (MEASURE.search(key, start, end) or _trade_figures(key, start, end)):
            return None     # (股價創新高, 出口大增: figures)
        # (an amount before the deed's verb is news of figures, 68亿美元营收…; one after it is
        # what the deed is done to or costs, 删除17万个假账号, 遭移送 1 万元交保)
        amount = None if any_verb else AMOUNT.search(key, start, end)
        amount_at = amount.start() if amount is not None else end + 1
        found = None
        toks = doc.tokens
        starts, ends, tagged = toks.starts, toks.ends, toks.tagged   # (the columns: no Token per token)
        for i in range(doc.token_index_from(start), len(starts)):
            t_start = starts[i]
            if t_start >= end:
                break
            t_end = ends[i]
            pos = tagged[i][1]
            if any_verb:
                if pos.startswith("v"):
                    return t_start, t_end
                continue
            w = key[t_start:t_end]
            if self._not_yet(w):
                return None     # (将按计划出货, 无法购买, 拟改收费, 可续航: not done)
            if w in STATE_VERBS or w in self.lead.speech or (w.startswith(REPORTED_VERBS) and w not in INCIDENT_WORDS) \
                    or w in GAINED:
                return None     # (…是2006年, 稱, 爆: a state, words or a report; 从中获益: a gain)
            if _glued(w, pos, SAID_GLUED, 1) or _glued(w, pos, WISH_GLUED, 0):
                return None     # (俄称, 美称: a one-character doer glued to 称, words; 想派: a wish)
            if quote_moves(key, t_start, t_end, end):
                return None     # (星河银行股大涨, 云岫软件一度闪崩跌停: a quote moves, no deed)
            # (通過 read as a preposition is the clause's verb when no verb follows it:
            # 某委員會通過某法案 passes the bill)
            acts = (pos.startswith("v") and w not in NOMINAL_VERBS) \
                or (w in PREPOSITION_VERBS and not _verb_between(toks, i + 1, end))
            if found is not None or not acts or len(w) < 2 \
                    or t_start - start < DEED_MIN_CHARS_BEFORE or _place_unit(doc, i, end):
                continue
            if w in REACHING and FIGURE_AFTER.match(key, t_end):
                return None
            if t_start >= amount_at:
                return None     # (the amount comes first: 12999 元起售)
            found = t_start, t_end
        if found is not None and not any_verb and (_ongoing(doc, start, end) or _stirs(doc, start, end)):
            return None     # (系統維修中: still going on; 新規令人擔憂: a feeling stirred, no deed done)
        return found

    def _event(self, doc: Document, people: EntityTable, orgs: EntityTable, name_start: int, start: int,
               end: int, verb: tuple[int, int], retold) -> Event:
        key = doc.key
        while end > name_start and key[end - 1] in " \u3000":
            end -= 1
        name_end = end if end - name_start <= MAX_NAME else verb[1]
        name = BLANKS.sub(" ", doc.text[name_start:name_end]).strip()
        org = next((o for o in (orgs.covering(s, e) for s, e, _ in orgs.spans() if start <= s and e <= verb[0])
                    if o is not None), None)
        date = date_text = None
        year = None
        if retold is not None:
            for e in doc.layers.get("dates", ()):
                if retold.start <= e.start < retold.end:     # (a day of the month alone, 16日, too)
                    hint = e.year if e.year is not None else (doc.reference_date.year if doc.reference_date else None)
                    r = event_date(e, hint, doc.reference_date)
                    if r.date is not None and len(r.date) == 10:
                        date, date_text, year = r.date, doc.span(e.start, e.end), r.year
                        break
        if date is None and retold is not None and doc.reference_date is not None:
            day = BRACKETED_DAY.search(key, retold.start, retold.end)
            found = _bracketed_day(doc.reference_date, int(day.group(1))) if day is not None else None
            if found is not None:
                date, date_text, year = found.isoformat(), doc.span(day.start(), day.end()), found.year
        if date is None and doc.reference_date is not None:
            date, year = doc.reference_date.isoformat(), doc.reference_date.year
        doer = org.id if org is not None else name_id(key[start:verb[0]])[:24].strip("-")
        event_id = "-".join(p for p in (doer, name_id(key[verb[0]:verb[1]]), str(year) if year else None) if p)
        mentions = sorted({(name_start, end), (start, end)})
        sentences = {doc.sentence_index(s) for s, _ in mentions}
        if retold is not None:
            sentences.add(doc.sentence_index(retold.start))
        participants = [p.id for p in people.ordered()
                        if any(doc.sentence_index(s) in sentences for s, _ in p.mentions)]
        return Event(id=event_id, name=name, series=None, year=year, date=date, time=None,
                     utc_offset=None, date_text=date_text, location=None, edition=None,
                     organizer=org.id if org is not None else None, participants=participants,
                     mentions=mentions, score=0.0, release=True)

    def _retelling(self, doc: Document, orgs: EntityTable, people: EntityTable, words: set[str],
                   deed: set[str], lo: int, hi: int, verb: str, org_spans=()):
        """The lead's first sentence outside quotation marks that holds two of the headline
        clause's words, one of the deed's own (from its verb on), and tells them done (module
        docstring)."""
        key = doc.key
        pos = lo + 1
        while pos < hi:
            sentence = doc.sentence_at(pos)
            if sentence.end <= pos:
                break
            if sentence.start < lo:     # (the headline's own sentence, running into the blank line)
                pos = sentence.end
                continue
            at = key.find(verb, sentence.start, sentence.end)
            same = None
            if at < 0 and verb in self.kind_of:
                # (星河 Nova Pro 游戏机发布, retold 正式公布了星河 Nova Pro 游戏机: a verb of the same kind)
                same = next((m for m in self.kind_verb_finder.finditer(key, sentence.start, sentence.end)
                             if self.kind_of.get(m.group()) in self.same_kinds(verb)), None)
                at = same.start() if same is not None else -1
            if at < 0 and verb in self.deed_slug:
                same = self._same_deed(key, verb, sentence.start, sentence.end)
                at = same.start() if same is not None else -1
            at = at if at >= 0 else sentence.end
            # (the marks that leave it undone count in the verb's own clause: 3G將於6月底關閉，呼籲民眾檢視…)
            clause_start = _clause_start(key, sentence.start, at) if at < sentence.end else sentence.start
            if key[sentence.start:at].lstrip()[:1] in QUOTE_OPENS:
                pos = sentence.end + 1      # (words quoted, “…又回来了”, are no telling of the deed)
                continue
            told = self.lead._content_words(doc, orgs, people, sentence.start, sentence.end) \
                | _doers(org_spans, sentence.start, sentence.end)
            # (two of its words, one of them the deed's, not only its doer's: 星河AI再陷爭議 is not
            # retold by …指控星河AI侵權)
            if len(words & told) >= MIN_SHARED_WORDS and (deed & told or same is not None) and not any(m in key[clause_start:at] for m in UNDONE_BEFORE) \
                    and not any(m in key[sentence.start:at] for m in SOURCED_BEFORE) \
                    and not FIGURES_TOLD.search(key, sentence.start, sentence.end):
                return sentence
            pos = sentence.end + 1
        return None

    def _same_deed(self, key: str, verb: str, lo: int, hi: int):
        """The first verb from lo to hi of the headline verb's deed (deed_verbs.yaml's slug), with
        the object its verb needs when it is read only with one (遭到勒索软件攻击), else None."""
        slug = self.deed_slug[verb]
        for m in self.deed_verb_finder.finditer(key, lo, hi):
            w = m.group()
            if self.deed_slug.get(w) != slug or w == verb:
                continue
            need = self.deed_object.get(w)
            if need is None or need.search(key, m.end(), min(hi, m.end() + OBJECT_WORDS_REACH)) is not None:
                return m
        return None


def _bracketed_day(reference: dt.date, day: int) -> dt.date | None:
    """The date of a bracketed day of the month (今（13）日) told on the reference date: this
    month's when the day is not after the reference's, else last month's."""
    if not 1 <= day <= 31:
        return None
    year, month = reference.year, reference.month
    if day > reference.day:
        year, month = _shift_month(year, month, -1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def reports(doc: Document, headline_end: int) -> bool:
    """Is the headline (up to headline_end) one of an article about no deed: commentary by its
    tag (解读 | 促进…发展), or a report, figures moving, money or shares in its words?"""
    key = doc.key
    tag = HEADLINE_TAG.match(key, 0, headline_end)
    lo = tag.end() if tag is not None else 0
    return COMMENTARY_TAG.search(key, 0, lo) is not None or REPORT_WORDS.search(key, lo, headline_end) is not None


def words_starting(doc: Document, lo: int, hi: int):
    """The words (key view) of the tokens that start inside [lo, hi), in order."""
    toks, key = doc.tokens, doc.key
    return (key[toks.starts[i]:toks.ends[i]] for i in range(doc.token_index_from(lo), doc.token_index_from(hi)))


def _clause_start(key: str, lo: int, at: int) -> int:
    """Where the clause holding `at` starts, after the last comma or semicolon from lo."""
    return max([lo] + [key.rfind(c, lo, at) + 1 for c in "，,；;"])


def _glued(word: str, tag: str, mark: str, at: int) -> bool:
    """Is word two characters read as a verb, with mark at `at` (俄称: 称 at 1, words said by a
    one-character doer; 想派: 想 at 0, a wish glued to its verb)?"""
    return len(word) == 2 and word[at] == mark and tag.startswith("v")


# A preposition of place before a place name (在美国, 于柏林): the word after the place, read as
# a verb but followed at once by the clause's verb, is the place's unit (在美国分行受到…攻击).
PLACE_PREPOSITIONS = frozenset({"在", "于"})


def _place_unit(doc: Document, i: int, end: int) -> bool:
    """Is token i, read as a verb, a unit of a place (分行, 工厂, 总部): after 在/于 and a place
    name, and right before a token read as a verb inside the clause (在美国分行受到勒索软件攻击:
    the deed is 受到…, not 分行)? A verb with a verb as its object (在美国开始销售) gives the deed
    its second verb, the same deed."""
    toks, key = doc.tokens, doc.key
    starts, ends, tagged = toks.starts, toks.ends, toks.tagged
    return 2 <= i < len(starts) - 1 and starts[i + 1] < end and tagged[i + 1][1] == "v" \
        and tagged[i - 1][1] == "ns" and key[starts[i - 2]:ends[i - 2]] in PLACE_PREPOSITIONS \
        and ends[i - 2] == starts[i - 1] and ends[i - 1] == starts[i] and ends[i] == starts[i + 1]
