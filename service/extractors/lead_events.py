"""The event a news item is about, read from its structure when no kind names it.

A short wire item is often about one deed no table of kinds lists (a settlement, a
statement answering a report, a discontinuation, a fine): its headline says who did
what, and its first paragraphs tell it again. So an article of a headline and a body
whose other readers found no event of its own is about the deed when

- an organisation the headline names does something in the lead's body (the first
  paragraphs after the headline): the organisation opens the subject of a clause and
  a verb follows it in that clause (with adverbs, a channel, a day between); it may act
  there through a longer name beginning with the headline's (欧盟 → 欧盟委员会), which then
  organises the deed;
- the article keeps returning to it: a word of the headline's clause after the
  organisation (not a name, a number or a time) comes back in the body paragraph
  of that clause;
- it is news, not talk about it: the verb is no verb of saying or opinion, no
  copula or state (是, 有, 成为), no plan, rumour or background (预计, 传, 去年)
  before it, no attributive use after it (发布的报告), and what it puts out is no
  report of figures (报告, 数据, 调查: a market report is about no event).

A headline naming no organisation as its doer (美国一AI公司…被罚超3000万欧元) but telling a
deed (no rumour, no state) gives the deed to the organisation opening a clause of the lead's
first sentence (a source tag in brackets, a day before it), whose paragraph returns to the
headline's words; not to one whose deed the sentence tells on another's word (有報道指，…),
nor under a headline whose organisation speaks before its colon (星河喊冤：…: the news is
its words, the lead's deed of another what they answer).
A doer no table knows is a run of name words right before the headline's verb (富士已停产):
the body must repeat that verb, done (已, 了) or on a day. Results told as figures (去年盈利
2.79億元) are a release of results. A figure moving (股价下跌) is no deed.

A headline's column tag naming a gathering (全國兩會｜學者指…) files the item under it,
an event of the article's year without a day of its own.

The event is named by the text's own words, organiser first: the body clause from
the organisation to its end (小米公司官方微博9月13日中午回应网传…一事), cut at a token
boundary when long. Its date is the one its sentence states (a day), else the
article's (news of the day); its participants, the people its sentence names.
"""
from __future__ import annotations

import bisect
import datetime as dt
from pathlib import Path

import regex

from .. import deadline
from ..ids import name_id
from ..nlp.document import Document
from ..timex.model import event_date
from .entities import EntityTable
from .context import CATEGORY_CHARS
from .event_kinds import BACKGROUND, CLAUSE_END, PLAN, RUMOUR, OneOffFinder, legislature_body, session_bodies
from .records import Event
from ..yamlfiles import load_yaml_once

# The headline and this many body paragraphs (bylines and taglines passed over).
BODY_PARAGRAPHS = 2
# A paragraph further may retell the headline's deed with the headline's own verb
# (AMD…推出… in the headline, AMD推出… after a paragraph of market background).
RETOLD_PARAGRAPHS = 3
# Bounds that keep a long text linear: a first line longer than this is no headline; the
# body read is at most this long; a doer's first few mentions there are read.
MAX_HEADLINE = 120
MAX_BODY = 3000
MAX_MENTIONS = 8
MAX_DOERS = 12
MAX_PREFIX = 24     # (characters before the doer in its clause: a day, a source tag, an apposition)
MAX_CLAUSE = 160    # (a clause is read this far either side of a word)
# How many characters from the organisation to its verb (a channel, a day, adverbs).
VERB_REACH = 16
# A doer's clause this short ending in an exclamation (出手了！) lends the doer to the next clause.
EXCLAIMED_MAX = 4
# A name longer than this is cut at the last token boundary before it.
MAX_NAME = 40
# A wire item's dateline opening its body: where, the day of the month, then 電 or 報導.
DATELINE = regex.compile(r"[（(][^（）()\n]{0,24}?(\d{1,2})\s*日[^（）()\n]{0,12}?(?:电|报导|报道)[）)]")
DATELINE_REACH = 80
DATELINE_LAG = 3    # (days a dateline may be before the article's date)
# A speaker before a headline's colon: at most this many characters after a break.
MAX_SPEAKER = 8
SPEAKER_BREAKS = " \u3000\n！!？?【】｜|"
# The speaker's last word: a noun or a name, a shortened name (台電, 工信部: tagged j) or a noun
# made by a suffix (舞者, 網友們: the suffix tagged k).
SPEAKER_ENDS = ("n", "eng", "j", "k")
# An outlet before the colon (媒体：, 外媒：, 韩媒：, 中国官媒：): the headline relays its report of a
# deed, as 据外媒报道 would; no speaker's opinion. (Matched on the Simplified view.)
OUTLET_SPEAKER = ("媒体", "媒")
# A tag before the headline (【安全圈】) or a column's name before a bar (全國兩會｜).
HEADLINE_TAG = regex.compile(r"^\s*(?:【[^】\n]{1,12}】|[^\n｜|]{1,8}[｜|])\s*")
# The words of such a tag, and the last words of a gathering's name (兩會, 博覽會, 峰會, 車展).
TAG_WORDS = regex.compile(r"\s*【?\s*([^】｜|\n]{2,16}?)\s*(?:】|[｜|])")
GATHERING_WORDS = ("会", "展", "节", "赛", "峰会", "论坛", "大会", "博览会")
# Verbs that say, hold an opinion or state what is, not what was done.
STATE_VERBS = frozenset({"是", "有", "为", "成为", "作为", "属于", "位于", "拥有", "占", "占据", "达", "达到",
                         "认为", "看来", "觉得", "相信", "希望", "需要", "可以", "能够", "可能", "应该", "要",
                         "称", "指", "表示", "指出", "透露", "强调", "介绍", "提到", "报道", "报导", "消息",
                         # weighing or going on: a deed wanted or under way, none done
                         # (寻求 stays a deed: 提交文件，寻求通过IPO筹资 tells a filing)
                         "考虑", "持续", "继续",
                         # what a thing turns on (取决于): a state, no deed done
                         "取决于"})
# A verb's object that is a report of figures: the news of a survey or a market report.
REPORTED = regex.compile(r"\s*(?:了|的)?\s*(?:最新|一份|一项|新一期|年度|季度|全球)?\s*(?:市场)?\s*(?:研究)?\s*"
                         r"(?:报告|数据|调查|统计|榜单|排名|预测|研报|白皮书|份额|市况)")
# Tags of words that carry what a clause is about (nouns, verbs, names the tables lack).
CONTENT_POS = ("n", "v", "a", "j", "l", "i", "eng")
NOT_CONTENT_POS = ("nr", "ns", "nt", "m", "t", "q")
# Results told as figures (小米去年盈利236.6億元, 長城汽車上半年營收914億元): a period, then
# what was earned, then how much or how it moved. The period names the release.
RESULT_FIGURE = regex.compile(
    r"\s*(?P<forecast>(?:料|预计|预估|预期)\s*[，,]?\s*)?"
    r"(?:\d{4}\s*年?\s*)?(?:去年|今年|全年|上半年|下半年|前三季|第?[一二三四1-4]\s*季度?|[首上本当单]季度?|Q[1-4]|\d{4}\s*财年)(?:度)?\s*(?:的)?\s*"
    r"(?:合并|集团|公司)?\s*(?:盈利|纯利|净利润?|营收|营业收入|收入|亏损|获利|营业利润|营业利益|营运利润|利润|税后纯益|营业额|每股(?:盈余|纯益|净利|收益|赚)|eps)"
    r"(?=\s*(?:\d|[约逾超升增跌降达为按同年微略]|持平))")
# The words of earnings a headline tells results with (營收成長, 每股賺3元, EPS創高).
EARNINGS_WORD = regex.compile(r"盈利|纯利|纯益|净利|营收|营业收入|亏损|获利|营业利润|营业利益|营业额|财报|每股(?:盈余|赚)|eps")
RESULT_LOOKAHEAD = 4    # (characters after the earnings word its lookahead reads: blanks, then a figure)
# A short Latin gloss in brackets inside a name (人工智能（AI）首尔峰会), name words after it.
NAME_GLOSS = regex.compile(r"[（(][A-Za-z0-9 .\-]{1,12}[）)](?=[\p{Han}A-Za-z])")
NAME_RUN = regex.compile(r"[\p{Han}A-Za-z0-9]{0,4}")
ONE_LETTER = regex.compile(r"[A-Z]")
NAME_WORD = regex.compile(r"[\p{Han}A-Za-z][\p{Han}A-Za-z0-9\-]*$")
# What a figure is of, as the subject of a clause (股价下跌, 销量增长): news of a measure.
MEASURE = regex.compile(r"股价|股票|市值|估值|销量|销售量|出货量|份额|市占率|市场份额|用户数?|装机量|装车量|排名|"
                        r"\p{Han}*(?:指数|股|价格|访问量|下载量|交付量|订单量)")
# A verb of a price or a quote moving (涨超8%, 大跌, 涨停, 跟涨, 高开, 拉升): a figure moves as
# its doer's subject, no one did anything (a market report is about no event). Not a price set
# by its seller (涨价, 降价: the price-change kind) nor a fall of a thing (跌落); 触及涨停, 掀涨停潮 alike (高开叉: a cut of cloth).
PRICE_MOVE = regex.compile(r"(?:(?:开盘|收盘|盘中|早盘|尾盘)\p{Han}{0,4}?)?"    # (开盘便跳水: the session, then the move)
                           r"(?:(?:大|暴|飙|狂|跟|收|上|下|再|领)?[涨跌](?:超|近|逾|停|破|幅|了)?(?![价落倒])|"
                           r"(?:触及|掀起?)[涨跌]停潮?|拉升|跳水|闪崩|下挫|走高|走低|高开|低开|翻红|翻绿|冲高|升破|升值|贬值)(?![叉衩])")


def quote_moves(key: str, start: int, tok_end: int, end: int) -> bool:
    """A price's or a quote's move (PRICE_MOVE) read from `start` (a token's, before `end`, the
    clause's) that covers the token up to `tok_end`: 涨超8%, 触及跌停, 开盘便跳水."""
    move = PRICE_MOVE.match(key, start, end)
    return move is not None and move.end() >= tok_end


# A verb of reaching a figure, with a number right after it: a count reached (突破1亿).
REACHING = frozenset({"突破", "超过", "超越", "达到", "达", "破", "跨越", "逼近", "升至", "增至", "降至", "跌至", "跃升"})
FIGURE_AFTER = regex.compile(r"\s?了?\s?[\d一二两三四五六七八九十百千万亿]")
RESULTS = ""    # (the headline's "verb" of a doer whose results it tells as figures)
SOURCE_SAYS = ("称", "说", "指", "表示")     # (消息源称, 报道指: the source of the news)
PERFECTIVE = regex.compile(r"已|了")
# Words that say the clause's deed belongs to another time or is not done.
# (a halt, 停止批准 or 暂停发布, is a deed of its own here: the news of a discontinuation)
HALTS = ("暂停", "取消", "停止", "推迟", "延迟", "延后", "放弃")
UNDONE = tuple(w for w in RUMOUR if w not in HALTS)
NOT_DONE = UNDONE + tuple(PLAN) + tuple(BACKGROUND) + ("被", "遭", "如果", "若")
# A headline may tell the deed ahead (苹果将支付…) or by last year's figures (小米去年多賺);
# the body's clause then says it is done. A headline with no doer tells a deed unless it
# is a rumour (被罰 is a deed done to someone).
# A forecast (Google、Meta料將納管: expected to be) is no deed either.
FORECAST = ("料", "料将", "预料", "预估", "预期将")
NOT_DONE = NOT_DONE + FORECAST
NOT_DONE_HEADLINE = UNDONE + FORECAST + ("被", "遭", "如果", "若")
RUMOUR_MARKS = UNDONE + FORECAST
# A person leaving or taking up a post (若田光一從JAXA退休, 林某将于3月31日卸任): news when the
# lead tells it of them again with a day in its sentence, a decided plan (将) allowed; a rumour not.
POST_CHANGE = regex.compile(r"退休|荣退|卸任|离任|退任|辞任|辞职|离职|接任|就任|上任")
POST_REACH = 24     # (characters from the person to the verb: a day, 从 and a body between)
# Words a tagger reads as prepositions that are the clause's verb when no verb follows them.
PREPOSITION_VERBS = frozenset({"通过", "经过"})
# Services a doer may be (通訊軟體LINE全新推出…): an app or platform launches what it runs.
SERVICE_CATEGORIES = frozenset({"app", "service", "platform", "software"})
# A deed told on another's word, in the clause before the doer's (有報道指，…, 《…日報》報導，…).
SAID_BEFORE = regex.compile(r"(?:指|称|说|表示|报道|报导)\s*[,，]\s*$")
# A source tag opening the lead ((澳門電台消息)) and a gloss after a name (（Dutch DPA）).
SOURCE_TAG = regex.compile(r"\s*[（(][^（）()\n]{1,16}[）)]\s*")
GLOSS_BEFORE = regex.compile(r"[（(][^（）()\n]{1,30}[）)][\s\u00a0]*")
GLOSS_AFTER = regex.compile(r"[\s\u00a0]*[（(][^（）()\n]{1,30}[）)][\s\u00a0]*")
# A body's call (NCC籲民眾…, 星河协会呼吁…): a deed of its own in a headline, one character or
# two; the lead retells it with a verb of saying (NCC今天表示，民眾可…).
CALL_VERBS = frozenset({"吁", "呼吁", "吁请", "促请", "敦促"})
# Words a verb of saying may have before it in that retelling: a day, a time, adverbs.
SAID_PREFIX_POS = ("t", "m", "q", "f", "d", "p")
# Words of launching a product the tagger may read otherwise (上市 as a place).
LAUNCH_WORDS = frozenset({"上市", "开售", "发售", "上线", "首发", "亮相", "登场"})
# Words saying a product is new, before its name (新款, 全新): no part of the name.
NEW_WORDS = frozenset({"新款", "全新", "新一代", "最新", "新", "年款", "改款"})
# A craft sent to space, told by the headline's opening words (星河一号遥感卫星发射成功, 云岫2号运载
# 火箭成功发射): a noun phrase ending in a craft's word (digits and a long name allowed), a few
# adverbs, a launch verb and what it achieved, then the clause's end. Named by the phrase and
# its verb (星河一号遥感卫星发射); a plan or a rumour inside the phrase (计划, 将, 传) makes none.
LAUNCHED = regex.compile(r"(?P<np>[\p{Han}A-Za-z0-9\-·]{2,24}?(?:卫星|火箭|探测器|飞船))"
                         r"(?:已|今日|今天|昨日|昨天|今晨|成功|顺利|首次|\d{1,2}日)*(?P<v>发射|升空|入轨)"
                         r"(?:成功|升空|入轨)?(?=$|[\s，,。！!：:；;｜|])")
# Words of the lead that tell a launch (its body must).
LAUNCH_TOLD = regex.compile(r"发射|升空|入轨|轨道")
LAUNCH_SLUG = "space-launch"
# An organisation's answer in the lead: its name, a title and a person's name, a verb of answering.
ANSWER = regex.compile(r"[^，,。；;：:\n]{0,12}?(回应|回复|答复|驳斥|反驳)(?=\s*[，,：:]|\s*称|\s*表示|\s*指)")
ANSWER_REACH = 20
# An organisation answering in its headline (星河回应“裁员传闻”：消息不实, 云岫方面回應下架一事): its
# name, a word of who speaks for it (方面, 官方, 相关负责人), a verb of answering, then what it
# answers, up to the colon before its words or the headline clause's end. The answer is the news.
HEADLINE_ANSWER = regex.compile(r"\s*(?:方面|官方|公司|集团|相关负责人|负责人|发言人)?\s*(?:正式|紧急|再次|首次)?\s*"
                                r"(回应|回复|澄清|辟谣)(?!称|表示|指)")
# The rest of a service's name after the product's (微信 支付, 星河 云盘): a few Han characters.
SERVICE_TAIL = regex.compile(r"\p{Han}{0,3}?(?=\s*(?:方面|官方)?\s*(?:回应|回复|澄清|辟谣))")
# A headline telling a statement put out (就…发声明, 发表联合声明): the verb, then the statement.
HEADLINE_STATEMENT = regex.compile(r"(?:发表|发布|发出|发)\s*(?:联合)?\s*声明")
# Characters from the issuer's name to its verb of issuing (联同另外三个海事或港务机构): STATEMENT's
# lead-in is bounded by it, so no match puts the verb farther.
ISSUER_REACH = 16
# Characters after a name that STATEMENT may read: the lead-in, the verb, and a title of up to
# 40 characters in 《》 (云岫公司在其官网发布《关于…的公告》).
STATEMENT_WINDOW = ANSWER_REACH + 50
ANSWER_OBJECT_MIN = 2    # (characters of what is answered: 回应来了 holds no object)
# An organisation opening a headline with its words (醫管局稱…, 星河集团最新公告：…): a word or two
# of when or who speaks for it, then a verb of saying, a statement's word or a colon.
HEADLINE_SAYS = regex.compile(r"\s*(?:公司|集团)?\s*(?:方面|官方|最新|今日|今天|再次|再度)?\s*(?:称|表示|指|强调|发声明|声明|公告|[：:])")
# The lead telling that statement put out (星河集团发表声明，指…, 云岫公司在其官网发布《关于…的公告》): a
# channel or a day between, a verb of issuing, then a statement or notice, or a title ending in one.
STATEMENT = regex.compile(r"[^，,。；;：:\n]{0,%d}?(发表|发布|发出|作出)\s*了?\s*(?:一份|一则|一项)?\s*" % ISSUER_REACH +
                          r"(?:(?:环球|全球|国际)?\s*(?:联合|紧急|书面)?\s*(声明|公告)|《[^》\n]{1,40}(声明|公告)》)")
# What an organisation suffers (被实习生攻击, 遭窃取), and the verbs of a report, not a deed (遭爆, 被指).
# Nouns the tagger reads as verbs (行为, 举措, 举动): an act named is no
# deed's verb (大阪警视厅 不正行为: a misdeed named after a body, nobody doing it).
NOMINAL_VERBS = frozenset({"行为", "举措", "举动"})
PASSIVE = regex.compile(r"被|遭到|遭受|遭")
PASSIVE_REACH = 10
# A service down (全球死機, 大規模宕機), and the marks joining subjects (Facebook、Instagram).
OUTAGE = regex.compile(r"死机|宕机|当机|断网|大当机|服务中断|网络中断|瘫痪|崩溃")
JOINING = frozenset("、及和与")
CO_DOER_JOINS = frozenset({"、", "及", "以及", "和", "与", "同"})   # (甲、乙以及丙等N家單位: doers listed)
CO_DOER_OPENERS = frozenset({"来自"})   # (来自甲、乙及丙等N家单位的…: the list's opener)
REPORTED_VERBS = ("爆", "曝", "指", "传", "质疑", "批评", "点名", "认为", "称", "列为", "列入", "誉为", "评为", "视为")
# Tags of the words that say what a doer is, right before its name (an apposition).
DESCRIBING_POS = ("n", "a", "b", "l", "j")
# A verb's tags that, touching a noun on each side, make a word of a noun compound (控制晶片)
COMPOUND_VERB_POS = frozenset({"v", "vn"})
BLANKS = regex.compile(r"[\s\u00a0\u3000]+")
# (a purpose clause between the doer and its deed: 星河为了扩大市占，已…; what the deed is for, no part of it)
PURPOSE = regex.compile(r"\s?为了[^,，.。;；!！?？\n]{1,80}[,，]")


# A legislature's sitting the lead tells (event_kinds.yaml `sessions`): the body, then a day,
# a time of day or an adverb (今（20）日, 今午, 昨日上午, 再度), then what the sitting does; or
# 在 + the body + the verb, the clause's opening words its subject (《某法案》在国会引发热烈讨论).
_SESSIONS = load_yaml_once(Path(__file__).resolve().parents[1] / "kb" / "data" / "event_kinds.yaml").get("sessions") or {}
_SESSION_BODIES = session_bodies({"sessions": _SESSIONS})
_SESSION_VERB = "|".join(regex.escape(w) for w in sorted(_SESSIONS.get("verbs") or (), key=len, reverse=True))
_SESSION_PANEL = "|".join(regex.escape(w) for w in sorted(_SESSIONS.get("panels") or (), key=len, reverse=True))
# (a panel opening its clause, 卫生事务委员会会议讨论: its field is at most a few words)
_PANEL_BODY = (r"|(?<=^|[\n。；！？])(?:(?![的在是将已])\p{Han}){2,10}?(?:" + _SESSION_PANEL + ")") if _SESSION_PANEL else ""
SESSION = regex.compile(
    r"(?P<at>在\s?)?(?P<body>" + legislature_body(_SESSION_BODIES) + _PANEL_BODY + ")"
    r"(?:会议)?(?P<gap>[\d今昨本周星期一二三四五六日天早午晚上下中（）()\s再度正式首次已亦也于]{0,10}?)"
    r"(?P<verb>" + _SESSION_VERB + r")") if _SESSION_BODIES and _SESSION_VERB else None
# Every match of SESSION holds one of these words whole (a body, or a panel's word), as does every
# match of SPOKEN_SESSION (a body): a lead holding none has no sitting to read. (SESSION opens with
# an optional 在 and a panel's look-behind, so the regex tries it at every character of the lead.)
SESSION_WORDS = tuple(_SESSION_BODIES) + tuple(_SESSIONS.get("panels") or ())
# Someone speaking at a sitting (孙某在立法会一个委员会上表示, 在立法会环境事务委员会会议上，局长说):
# 在 + a legislature or its committee (+ 会议) + 上 + a verb of saying; the sitting is named by
# the body and its 会议 (not 大会: a council's plenary is told by 出席…大会, events' own reader).
SPOKEN_SESSION = regex.compile(
    r"在\s?(?P<body>(?:" + legislature_body(_SESSION_BODIES) + r")(?:会议)?)\s?(?:上?\s?(?:时)?|上[，,]\s?[^，。；！？\n]{0,20}?)"
    r"(?P<verb>表示|说|指出|称)") if _SESSION_BODIES else None
# (a day of the month written 今（20）日: see _bracketed_day)
# A wire item's day opening its lead (3月1日讯, 7月3日消息, 2月5日电): the day it was filed, not of
# its deed (key view: 電訊 is read as 电讯; events.DATELINE also takes 报道, a report's day).
WIRE_DAY = regex.compile(r"\s*(?:早间|晚间|午间|凌晨|上午|下午|晚上)?\s*(?:消息|电|讯)")
BRACKETED_DAY = regex.compile(r"[今昨前][（(]\s?(\d{1,2})\s?[）)]\s?日")
# (after the verb: attributive or a noun it opens, 通过的法案, 审议会, 讨论区 — no sitting)
SESSION_NOT_AFTER = ("的", "会", "区", "稿", "中")
# Right after a person's name in a later paragraph: speaking at the sitting (回应指, 提到, 关注).
SITTING_SPEECH = ("表示", "说", "指", "回应", "提到", "提出", "关注", "认为", "质询", "追问", "答复", "建议", "称")

# (patterns compiled at load, not looked up in regex's cache per call)
_HAN_CHAR = regex.compile(r"\p{Han}")


class LeadEvents:
    """Finds the deed a headline and its lead tell (see the module's docstring)."""

    def __init__(self, speech_verbs: frozenset[str], org_suffixes: frozenset[str] = frozenset()) -> None:
        self.speech = speech_verbs
        self.org_suffixes = tuple(sorted(org_suffixes, key=len, reverse=True))

    def find(self, doc: Document, judged: bool = False) -> Event | None:
        """The lead's deed; `judged` when a kind of the tables already names it as the
        article's event (a lawsuit), so the lead's reader only words it."""
        found = self._find(doc, judged)
        if found is None or spoken_in_headline(doc, found.mentions):
            return None
        # (a deed the headline does not tell, under a headline whose news is what a speaker
        # says, 新款折疊手機試用 分析師：續航短板明顯: the article reports the words, no deed)
        headline_end = doc.key.find("\n", 0, MAX_HEADLINE + 1)
        if not any(s < headline_end for s, _ in found.mentions) and _speaker_colon(doc, headline_end) >= 0 \
                and not self._spoken_at_sitting(doc, found):
            return None
        return found

    @staticmethod
    def _spoken_at_sitting(doc: Document, found: Event) -> bool:
        """A sitting where someone speaks (孙某在立法会一个委员会上表示): under 孙某：…, the words
        the headline gives are said there, and the sitting is the article's event."""
        return SPOKEN_SESSION is not None and any(
            doc.key.startswith("在", s - 1) and SPOKEN_SESSION.match(doc.key, s - 1) for s, _ in found.mentions[:1])

    def _find(self, doc: Document, judged: bool = False) -> Event | None:
        key = doc.key
        headline_end = key.find("\n", 0, MAX_HEADLINE + 1)
        if headline_end <= 0:
            return None     # (one line, or a first line too long to be a headline)
        tag = HEADLINE_TAG.match(key, 0, headline_end)
        head_start = tag.end() if tag is not None else 0
        gathering = self._tagged_gathering(doc, tag)
        if gathering is not None:
            return gathering
        orgs: EntityTable = doc.layers["organizations"]
        people: EntityTable = doc.layers["people"]
        body_end = min(OneOffFinder.lead_end(doc, BODY_PARAGRAPHS), headline_end + MAX_BODY)
        retold_end = min(OneOffFinder.lead_end(doc, RETOLD_PARAGRAPHS), headline_end + MAX_BODY)
        products = _product_positions(doc, headline_end, retold_end)
        doers = self._headline_doers(doc, orgs, head_start, headline_end, products)
        org_spans = None    # (every organisation's mentions, sorted once when a doer asks)
        for doer, org_id, head_clause, verb, doer_start in doers[:MAX_DOERS]:
            deadline.check("events")
            head_words = self._content_words(doc, orgs, people, *head_clause)
            if not head_words:
                continue
            if org_id is not None:
                mentions = orgs.by_id[org_id].mentions
                org_spans = orgs.spans() if org_spans is None else org_spans
                longer = self._longer_names(doc, org_spans, key[doer_start:head_clause[0]], org_id, headline_end,
                                            retold_end)
                if longer:
                    mentions = sorted(set(mentions) | set(longer))
            else:
                mentions = self._word_mentions(doc, doer, headline_end, retold_end)
            unknown = org_id is None
            found = self._body_deed(doc, orgs, people, products, mentions, headline_end, body_end, head_words,
                                    verb if unknown else None, unknown,
                                    retold=key[doer_start:head_clause[1]].strip(), call=verb in CALL_VERBS)
            if found is None and verb is not None:
                found = self._body_deed(doc, orgs, people, products, mentions, body_end, retold_end, head_words, verb,
                                        unknown)
            if found is not None and not judged and self._undated_aside(doc, found, head_clause):
                found = None
            if found is not None:
                if org_id is not None and all(s != found[0] for s, _ in orgs.by_id[org_id].mentions):
                    # (acting through its longer name, 欧盟委员会: the body that acted organises it)
                    actor = orgs.covering(found[0], found[0] + 1)
                    org_id = actor.id if actor is not None else org_id
                # (a call retold as words, NCC今天表示: named by the headline's clause, NCC籲民眾…)
                called = verb in CALL_VERBS and key[found[2]:found[3]] not in CALL_VERBS
                name = BLANKS.sub(" ", doc.text[doer_start:head_clause[1]]).strip() if called else None
                # (the headline's clause tells it too: a mention of it)
                return self._event(doc, people, org_id, doer, *found, told=(doer_start, head_clause[1]), name=name)
            done_to = self._done_to(doc, orgs, people, products, mentions, headline_end, body_end, head_words)
            if done_to is not None:
                agent, agent_id, found, name = done_to
                return self._event(doc, people, agent_id, agent, *found, name=name)
        session = self._session(doc, orgs, people, head_start, headline_end, body_end)
        if session is not None:
            return session
        # (a headline whose organisation speaks, 星河喊冤：遵循規範…, reports its words: the
        # deed its lead tells of another is the background of what it answers)
        if not any(org_id for _, org_id, _, _, _ in doers) \
                and not self._org_speaks(doc, orgs, head_start, headline_end):
            found = self._lead_sentence_deed(doc, orgs, people, products, head_start, headline_end)
            if found is not None:
                return found
        return self._suffered(doc, orgs, people, head_start, headline_end, body_end) \
            or self._answered(doc, orgs, people, head_start, headline_end, body_end) \
            or self._declared(doc, orgs, head_start, headline_end, body_end) \
            or self._issued(doc, orgs, head_start, headline_end) \
            or self._responded(doc, orgs, people, head_start, headline_end, body_end) \
            or self._passive_agent(doc, orgs, people, head_start, headline_end) \
            or self._post_changed(doc, people, head_start, headline_end, body_end) \
            or self._launched(doc, head_start, headline_end, body_end)

    def _session(self, doc: Document, orgs: EntityTable, people: EntityTable, lo: int, hi: int,
                 body_end: int) -> Event | None:
        """立法會財委會今午討論撥款 under 財委會速過28億: the lead's first sitting of a legislature
        (SESSION: the body, a day or adverbs, what it does), done (no plan, rumour or background
        before it in its clause, no attributive 的 after the verb), under a headline that shares
        two running characters with its clause (the body, the bill, the verb). Named from the
        body to the clause's end, or from the clause's opening when 在 puts it at the body; its
        day is its sentence's, else the article's; the people of its paragraph take part."""
        if SESSION is None:
            return None
        key = doc.key
        if not any(key.find(w, hi, body_end) >= 0 for w in SESSION_WORDS):
            return None   # (no body or panel in the lead: neither SESSION nor SPOKEN_SESSION matches)
        head = key[lo:hi]
        head_pairs = {head[i:i + 2] for i in range(len(head) - 1)}
        for m in SESSION.finditer(key, hi, body_end):
            deadline.check("events")
            if key.startswith(SESSION_NOT_AFTER, m.end()):
                continue
            bounds = self._told_clause(doc, m, hi, body_end, head_pairs)
            if bounds is None:
                continue
            c_start, c_end = bounds
            start = c_start if m.group("at") else m.start("body")
            while start < c_end and key[start] in " \u3000":
                start += 1
            return self._sitting(doc, orgs, people, m, start, c_end)
        if SPOKEN_SESSION is not None:
            return self._spoken_session(doc, orgs, people, head_pairs, hi, body_end)
        return None

    def _spoken_session(self, doc: Document, orgs: EntityTable, people: EntityTable, head_pairs: set,
                        hi: int, body_end: int) -> Event | None:
        """孙某在立法会一个委员会上表示 in the lead under 孙某：…: the lead's first sitting where
        someone speaks, under a headline sharing two running characters with its clause; named
        by the body (and its 会议), dated by its sentence's day, else the article's; those its
        paragraph names and those who speak in the paragraphs after it take part."""
        key = doc.key
        for m in SPOKEN_SESSION.finditer(key, hi, body_end):
            deadline.check("events")
            if self._told_clause(doc, m, hi, body_end, head_pairs) is not None:
                return self._sitting(doc, orgs, people, m, m.start("body"), m.end("body"))
        return None

    def _told_clause(self, doc: Document, m, hi: int, body_end: int, head_pairs: set) -> tuple[int, int] | None:
        """The clause of a sitting's match, or None where a not-done word comes before the match
        or the clause shares no two running characters with the headline."""
        key = doc.key
        c_start, c_end = self._clause_bounds(doc, m.start("body"), hi, body_end)
        before = key[c_start:m.start()]
        if any(w in before for w in NOT_DONE if len(w) > 1) or before.rstrip().endswith(NOT_DONE):
            return None
        clause = key[c_start:c_end]
        if not any(clause[i:i + 2] in head_pairs for i in range(len(clause) - 1)):
            return None
        return c_start, c_end

    def _sitting(self, doc: Document, orgs: EntityTable, people: EntityTable, m, start: int, end: int) -> Event:
        """The sitting a match tells, named by key[start:end]; no release. The members and officials
        its paragraph names, and those the report goes on to quote (议员X提到…, 局长Y回应指…), speak
        at it."""
        body = doc.key[m.start("body"):m.end("body")]
        org = orgs.covering(m.start("body"), m.end("body"))
        found = self._event(doc, people, org.id if org is not None else None, body, start, end,
                            m.start("verb"), m.end("verb"))
        found.release = False
        found.participants = self._sitting_people(doc.key, people, m.start(), m.end())
        return found

    @staticmethod
    def _sitting_people(key: str, people: EntityTable, start: int, end: int) -> list[str]:
        """Those the sitting's paragraph names, and those who speak in the paragraphs after it
        (the members and officials a report of the sitting goes on to quote: 议员X提到…)."""
        p_end = key.find("\n", end)
        p_end = len(key) if p_end < 0 else p_end
        p_start = key.rfind("\n", 0, start) + 1
        return [p.id for p in people.ordered()
                if any(p_start <= s < p_end or (s >= p_end and key.startswith(SITTING_SPEECH, e))
                       for s, e in p.mentions)]

    def _post_changed(self, doc: Document, people: EntityTable, lo: int, hi: int, body_end: int) -> Event | None:
        """太空人若田光一3月底從JAXA退休 over 若田光一將從…退休，3月31日將是…: a person the headline
        names leaves (or takes up) a post, and the lead's clause opened by them tells it again
        with the same verb, in a sentence that states the day; 将 may stand before it, a
        rumour's or a forecast's mark may not, in the headline or the lead."""
        key = doc.key
        dated_sentences: set[int] | None = None    # (the sentences a day is stated in, found once)
        spans = None
        for h_start, h_end, pid in people.within(lo, hi):
            _, clause_end = self._clause_bounds(doc, h_end, lo, hi)
            verb = POST_CHANGE.search(key, h_end, min(clause_end, h_end + POST_REACH))
            if verb is None or any(w in key[h_end:verb.start()] for w in RUMOUR_MARKS):
                continue
            name = key[h_start:h_end]
            spans = people.spans() if spans is None else spans
            for start, end, other in spans:
                if start < hi or start >= body_end:
                    continue
                if other != pid and key[start:end] != name:
                    continue
                clause_start, b_end = self._clause_bounds(doc, end, hi, body_end)
                if start - clause_start > MAX_PREFIX:
                    continue
                again = key.find(verb.group(), end, min(b_end, end + POST_REACH))
                if again < 0 or any(w in key[end:again] for w in RUMOUR_MARKS):
                    continue
                if dated_sentences is None:
                    dated_sentences = {doc.sentence_index(e.start) for e in doc.layers.get("dates", ())
                                       if e.day is not None}
                if doc.sentence_index(start) not in dated_sentences:
                    continue
                return self._event(doc, people, None, name, start, b_end, again, again + len(verb.group()),
                                   told=(h_start, clause_end))
        return None

    @staticmethod
    def _longer_names(doc: Document, org_spans: list[tuple[int, int, str]], short: str, org_id: str, lo: int,
                      hi: int) -> list[tuple[int, int]]:
        """Mentions from lo to hi of another organisation whose name there begins with the
        headline's name of the doer (欧盟 in the headline acting as 欧盟委员会 in the lead):
        the body acting through a longer name of the same body."""
        if len(short) < 2:
            return []
        out = []
        for start, end, other in org_spans[bisect.bisect_left(org_spans, (lo,)):]:
            if start >= hi:
                break
            if start >= lo and other != org_id and end - start > len(short) \
                    and doc.key.startswith(short, start):
                out.append((start, end))
        return out

    def _passive_agent(self, doc: Document, orgs: EntityTable, people: EntityTable, lo: int,
                       hi: int) -> Event | None:
        """渡轮公司被罚… / 何升快艇（…）被新加坡个人资料保护委员会下令缴付…罚金: a headline telling
        what was done to someone (被, 遭), whose lead's first sentence names who did it to an
        organisation (organisation 被 organisation verb), is about that organisation's deed;
        named active, who did what to whom. The paragraph returns to the headline's words."""
        key = doc.key
        passive = PASSIVE.search(key, lo, hi)
        if passive is None:
            return None
        for i in range(doc.token_index_from(lo), doc.token_index_from(passive.start())):
            tok = doc.tokens[i]
            if _not_done(key[tok.start:tok.end], tok.pos, UNDONE + FORECAST + PLAN):
                return None     # (传将被罚: not done yet)
        head_words = self._content_words(doc, orgs, people, lo, hi)
        first_end = min(OneOffFinder.lead_end(doc, 1), hi + MAX_BODY)
        para_start = key.rfind("\n", 0, first_end) + 1
        if para_start <= hi or not head_words:
            return None
        para_end = key.find("\n", para_start)
        para_end = len(key) if para_end < 0 else para_end
        if not head_words & self._content_words(doc, orgs, people, para_start, para_end):
            return None
        sentence = doc.sentence_at(para_start)
        starts = {s: (e, i) for s, e, i in orgs.spans()}
        for m in PASSIVE.finditer(key, sentence.start, sentence.end):
            before = m.start()
            gloss = None
            for g in GLOSS_BEFORE.finditer(key, max(sentence.start, before - 40), before):
                gloss = g
            if gloss is not None and gloss.end() == before:
                before = gloss.start()     # (何升快艇（Horizon Fast Ferry）被…)
            # (the organisation before 被, its name's last words the tagger left out: 何升 快艇)
            patient = [(s_, i_) for s_, e_, i_ in orgs.spans()
                       if s_ < before and e_ <= before and before - s_ <= MAX_PREFIX
                       and NAME_RUN.fullmatch(key, e_, before)]
            if not patient or m.end() not in starts:
                continue
            patient_start, patient_id = patient[-1]
            agent_end, agent_id = starts[m.end()]
            if agent_id == patient_id:
                continue
            i = doc.token_index_from(agent_end)
            if i >= len(doc.tokens):
                continue
            tok = doc.tokens[i]
            w = key[tok.start:tok.end]
            if tok.start != agent_end or not tok.pos.startswith("v") or len(w) < 2 or w in STATE_VERBS or w in NOMINAL_VERBS \
                    or w in self.speech or w.startswith(REPORTED_VERBS) or _not_done(w, tok.pos, NOT_DONE):
                continue
            name = doc.text[m.end():tok.end] + doc.text[patient_start:before]
            found = (m.end(), sentence.end, tok.start, tok.end)
            event = self._event(doc, people, agent_id, agent_id, *found, name=BLANKS.sub(" ", name).strip())
            event.mentions = [(m.end(), tok.end)]
            return event
        return None

    def _answered(self, doc: Document, orgs: EntityTable, people: EntityTable, lo: int, hi: int,
                  body_end: int) -> Event | None:
        """美商務部據報禁DeepSeek　外交部：反對…: an organisation speaking in the headline (its
        name before a colon) whose lead answers (外交部發言人毛寧回應，…) makes a statement, the
        event; its verb is its mention, its speaker takes part."""
        key = doc.key
        colon = max(key.rfind("：", lo, hi), key.rfind(":", lo, hi))
        if colon < 0:
            return None
        speaker = orgs.covering(colon - 1, colon)
        if speaker is None:
            return None
        for start, end in sorted(speaker.mentions):
            if start < hi:
                continue
            if start >= body_end:
                break
            answer = ANSWER.match(key, end, min(len(key), end + ANSWER_REACH))
            if answer is None:
                continue
            verb_start, verb_end = answer.span(1)
            year = doc.reference_date.year if doc.reference_date is not None else None
            date = doc.reference_date.isoformat() if doc.reference_date is not None else None
            name = doc.text[start:end] + doc.text[verb_start:verb_end]
            k = doc.sentence_index(start)
            participants = [p.id for p in people.ordered()
                            if any(end <= s < verb_start and doc.sentence_index(s) == k for s, _ in p.mentions)]
            return Event(id=f"{speaker.id}-statement" + (f"-{year}" if year else ""), name=name, series=None,
                         year=year, date=date, time=None, utc_offset=None, date_text=None, location=None,
                         edition=None, organizer=speaker.id, participants=participants,
                         mentions=[(verb_start, verb_end)], score=0.0, release=True)
        return None

    @staticmethod
    def _declared(doc: Document, orgs: EntityTable, lo: int, hi: int, body_end: int) -> Event | None:
        """醫管局稱官方應用程式僅HA Go…: an organisation opening the headline with its words (a
        verb of saying or a colon after it, HEADLINE_SAYS) whose lead tells it put out a
        statement or notice (醫管局發表聲明，指…; STATEMENT), the organisation opening that
        clause: the statement is the event, named by the organisation, the verb and the
        statement's word (醫管局發表聲明), done on the reference day."""
        key = doc.key
        opener = _headline_opener(key, orgs, lo, hi)
        if opener is None:
            return None
        start, end, org_id = opener
        says = HEADLINE_SAYS.match(key, end, hi)
        if says is None:
            return None     # (the organisation speaks in the headline)
        for m_start, m_end in sorted(orgs.by_id[org_id].mentions):
            if m_start < hi:
                continue
            if m_start >= body_end:
                break
            lead_clause = max([hi] + [key.rfind(c, hi, m_start) + 1 for c in "，,。；;！!？?\n"])
            if m_start - lead_clause > MAX_PREFIX:
                continue    # (the organisation opens the subject of its clause)
            said = STATEMENT.match(key, m_end, min(len(key), m_end + STATEMENT_WINDOW))
            if said is None:
                continue
            toks = doc.tokens[doc.token_index_from(m_end):doc.token_index_from(said.start(1))]
            if any(_not_done(key[t.start:t.end], t.pos, NOT_DONE) for t in toks):
                continue    # (将发表声明: not done)
            noun_end = said.end(2) if said.group(2) else said.end(3)
            year = doc.reference_date.year if doc.reference_date is not None else None
            date = doc.reference_date.isoformat() if doc.reference_date is not None else None
            name = (doc.text[start:end] + doc.text[said.start(1):said.end(1)] + doc.text[noun_end - 2:noun_end])
            return Event(id=f"{org_id}-statement" + (f"-{year}" if year else ""), name=BLANKS.sub(" ", name).strip(),
                         series=None, year=year, date=date, time=None, utc_offset=None, date_text=None,
                         location=None, edition=None, organizer=org_id, participants=[],
                         mentions=[(start, says.end()), (said.start(1), noun_end)], score=0.0, release=True)
        return None

    @staticmethod
    def _issued(doc: Document, orgs: EntityTable, lo: int, hi: int) -> Event | None:
        """多国机构就…发声明: a headline telling a statement put out (HEADLINE_STATEMENT, no
        rumour or plan before it) whose doer it names by no organisation's name; the lead's
        first sentence names the issuer opening its clause and the statement it put out
        (星河公署联同…机构发布联合声明; STATEMENT). Named by the lead's words from the issuer
        to the statement, organised by the issuer, done on the reference day."""
        key = doc.key
        head = HEADLINE_STATEMENT.search(key, lo, hi)
        if head is None or _headline_opener(key, orgs, lo, hi) is not None:
            return None
        toks = doc.tokens[doc.token_index_from(lo):doc.token_index_from(head.start())]
        if any(_not_done(key[t.start:t.end], t.pos, NOT_DONE_HEADLINE + PLAN) for t in toks if t.pos != "c"):
            return None     # (传将发声明: not done; 国家或地区 joins, no rumour)
        first_end = min(OneOffFinder.lead_end(doc, 1), hi + MAX_BODY)
        para_start = key.rfind("\n", 0, first_end) + 1
        if para_start <= hi:
            return None
        sentence = doc.sentence_at(para_start)
        for start, end, org_id in orgs.spans():
            if start < sentence.start or start >= sentence.end:
                continue
            clause_start = max([sentence.start] + [key.rfind(c, sentence.start, start) + 1 for c in "，,；;"])
            if start - clause_start > MAX_PREFIX or SAID_BEFORE.search(key, sentence.start, clause_start):
                continue
            said = STATEMENT.match(key, end, min(sentence.end, end + STATEMENT_WINDOW))
            if said is None:    # (STATEMENT keeps the verb within ISSUER_REACH of the issuer)
                continue
            toks = doc.tokens[doc.token_index_from(end):doc.token_index_from(said.start(1))]
            if any(_not_done(key[t.start:t.end], t.pos, NOT_DONE) for t in toks if t.pos != "c"):
                continue    # (将发布联合声明: not done; 海事或港务机构 joins, no rumour)
            year = doc.reference_date.year if doc.reference_date is not None else None
            date = doc.reference_date.isoformat() if doc.reference_date is not None else None
            name = BLANKS.sub(" ", doc.text[start:said.end()]).strip()
            return Event(id=f"{org_id}-statement" + (f"-{year}" if year else ""), name=name, series=None,
                         year=year, date=date, time=None, utc_offset=None, date_text=None, location=None,
                         edition=None, organizer=org_id, participants=[],
                         mentions=[(head.start(), head.end()), (start, said.end())], score=0.0, release=True)
        return None

    def _responded(self, doc: Document, orgs: EntityTable, people: EntityTable, lo: int, hi: int,
                   body_end: int) -> Event | None:
        """星河回应“裁员传闻”：消息不实: an organisation that opens the headline answers something
        (HEADLINE_ANSWER), what it answers after the verb, before the colon of its words or the
        clause's end; the lead names the organisation again. Its statement is the event, named
        by the headline's clause, done on the reference day; a rumour or a plan in the clause
        (传, 将) leaves it none."""
        key = doc.key
        opener = _headline_opener(key, orgs, lo, hi)
        if opener is None:
            opener = self._service_opener(doc, orgs, lo, hi)
        if opener is None:
            return None     # (网传星河回应… is no answer of its own)
        start, end, org_id = opener
        m = HEADLINE_ANSWER.match(key, end, hi)
        if m is None:
            return None
        stop = m.end()
        while stop < hi and key[stop] not in "：:，,；;！!？?\n":
            stop += 1
        if stop - m.end() < ANSWER_OBJECT_MIN:
            return None
        # (a rumour or a plan before the verb, 星河或将回应…: not done; what is answered may hold
        # any words, 回应“不裁员”传闻)
        toks = doc.tokens[doc.token_index_from(end):doc.token_index_from(m.start(1))]
        if any(_not_done(key[t.start:t.end], t.pos, NOT_DONE) for t in toks):
            return None
        if not any(hi <= s < body_end for s, _ in (orgs.by_id[org_id].mentions if org_id in orgs.by_id else ())) \
                and key.find(key[start:end], hi, body_end) < 0:
            return None     # (the lead says nothing of it again: no statement it reports)
        year = doc.reference_date.year if doc.reference_date is not None else None
        date = doc.reference_date.isoformat() if doc.reference_date is not None else None
        name = BLANKS.sub(" ", doc.text[start:stop]).strip()
        return Event(id=f"{org_id}-statement" + (f"-{year}" if year else ""), name=name, series=None,
                     year=year, date=date, time=None, utc_offset=None, date_text=None, location=None,
                     edition=None, organizer=org_id, participants=[],
                     mentions=[(start, stop)], score=0.0, release=True)

    @staticmethod
    def _service_opener(doc: Document, orgs: EntityTable, lo: int, hi: int) -> tuple[int, int, str] | None:
        """星河支付回应…: an app or a service (its vendor known) opening the headline's first
        clause, a word or two of its name after it (支付), right before a verb of answering:
        its vendor answers through it. (start, end of the service's words, the vendor's id)."""
        key = doc.key
        for p in doc.layers.get("products", ()):
            if p.category not in SERVICE_CATEGORIES or not p.vendor:
                continue
            for start, end in p.mentions:
                if not lo <= start < hi:
                    continue
                clause_start = max([lo] + [key.rfind(c, lo, start) + 1 for c in "，,；;！!？?"])
                if key[clause_start:start].strip():
                    continue
                tail = SERVICE_TAIL.match(key, end, hi)
                if tail is not None and HEADLINE_ANSWER.match(key, tail.end(), hi):
                    return start, tail.end(), p.vendor
        return None

    def _suffered(self, doc: Document, orgs: EntityTable, people: EntityTable, lo: int, hi: int,
                  body_end: int) -> Event | None:
        """字节跳动大模型训练被实习生攻击, 蔚来用户数据遭窃取: what an organisation the headline
        names suffers (被 or 遭, then a verb of a deed, not of a report: 遭爆, 被指) is the news
        when the lead tells it again (the verb, or two of the clause's words). Named by the
        headline's clause; no one organises it."""
        key = doc.key
        colon = max(key.rfind("：", lo, hi), key.rfind(":", lo, hi))
        # (a service or product suffers too: Facebook、Instagram、Whatsapp全球死機)
        subjects = sorted([(s, e, i) for s, e, i in orgs.spans() if lo <= s and e <= hi]
                          + [(s, e, p.id) for p in doc.layers.get("products", ()) for s, e in p.mentions
                             if lo <= s and e <= hi])
        ends = {e: (s, i) for s, e, i in subjects}
        for start, end, org_id in subjects:
            if start < colon:
                continue
            _, clause_end = self._clause_bounds(doc, end, lo, hi)
            outage = OUTAGE.search(key, end, min(clause_end, end + PASSIVE_REACH))
            if outage is not None and (key[clause_end:clause_end + 1] in ("？", "?")
                                       or any(w in key[end:outage.start()] for w in NOT_DONE_HEADLINE + PLAN)):
                continue    # (微信会崩溃吗？: a question, a plan or a rumour)
            if outage is not None:
                while start - 1 in ends and key[start - 1] in JOINING:
                    start, org_id = ends[start - 1]     # (Facebook、Instagram、Whatsapp: the whole run)
                found = self._suffered_event(doc, orgs, people, start, end, clause_end, outage.span(), org_id,
                                             hi, body_end)
                if found is not None:
                    return found
                continue
            passive = PASSIVE.search(key, end, min(clause_end, end + PASSIVE_REACH))
            if passive is None:
                continue
            verb = None
            for i in range(doc.token_index_from(passive.end()), len(doc.tokens)):
                tok = doc.tokens[i]
                if tok.start >= clause_end or tok.start - passive.end() > PASSIVE_REACH:
                    break
                w = key[tok.start:tok.end]
                if tok.pos.startswith("v") and len(w) >= 2:
                    verb = None if w.startswith(REPORTED_VERBS) or w in NOMINAL_VERBS else (tok.start, tok.end)
                    break
                if w.startswith(REPORTED_VERBS):
                    break
            if verb is None:
                continue
            found = self._suffered_event(doc, orgs, people, start, end, clause_end, verb, org_id, hi, body_end)
            if found is not None:
                return found
        return None

    def _suffered_event(self, doc: Document, orgs: EntityTable, people: EntityTable, start: int, end: int,
                        clause_end: int, verb: tuple[int, int], subject_id: str, hi: int,
                        body_end: int) -> Event | None:
        """The event of what the subject suffers, when the lead tells it again."""
        key = doc.key
        body_words = self._content_words(doc, orgs, people, hi, body_end)
        head_words = self._content_words(doc, orgs, people, end, clause_end)
        if key[verb[0]:verb[1]] not in key[hi:body_end] and len(head_words & body_words) < 2:
            return None
        year = doc.reference_date.year if doc.reference_date is not None else None
        event_id = "-".join(p for p in (subject_id, name_id(key[verb[0]:verb[1]]), str(year) if year else None) if p)
        return Event(id=event_id, name=BLANKS.sub(" ", doc.text[start:clause_end]).strip(), series=None,
                     year=year, date=None, time=None, utc_offset=None, date_text=None, location=None,
                     edition=None, organizer=None, participants=[], mentions=[(start, clause_end)],
                     score=0.0, release=True)

    def _lead_sentence_deed(self, doc: Document, orgs: EntityTable, people: EntityTable,
                            products: frozenset[int], head_start: int, headline_end: int) -> Event | None:
        """A headline naming no doer (美国一AI公司…被罚超3000万欧元) but telling a deed: the
        lead's first sentence names who did it, opening its clause (荷兰数据保护局已向…开出…罚款)."""
        key = doc.key
        figures_only = False
        if not self._headline_deed(doc, products, head_start, headline_end):
            # (慧榮營收成長上看3成: a headline of earnings, no deed; a lead that tells results
            # as figures, 記憶體控制晶片廠慧榮科技第1季營收1億8931萬美元, tells their release)
            if EARNINGS_WORD.search(key, head_start, headline_end) is None:
                return None
            figures_only = True
        head_words = self._content_words(doc, orgs, people, head_start, headline_end)
        first_end = min(OneOffFinder.lead_end(doc, 1), headline_end + MAX_BODY)
        para_start = key.rfind("\n", 0, first_end) + 1
        if para_start <= headline_end or not head_words:
            return None
        sentence = doc.sentence_at(para_start)
        mentions = [(s, e, i) for s, e, i in orgs.spans() if sentence.start <= s < sentence.end]
        # (an app or a platform does what its maker's name is not written for: 通訊軟體LINE全新推出…)
        mentions += [(s, e, None) for p in doc.layers.get("products", ()) if p.category in SERVICE_CATEGORIES
                     for s, e in p.mentions if sentence.start <= s < sentence.end]
        for start, end, org_id in sorted(mentions, key=lambda m: m[:2])[:MAX_MENTIONS]:
            # (weaker evidence: a deed told on another's word, 有报道指美国商务部…, is not enough)
            found = self._body_deed(doc, orgs, people, products, [(start, end)], sentence.start, sentence.end,
                                    head_words, None, sourced=False, figures_only=figures_only)
            if found is not None:
                if org_id is None:
                    return self._event(doc, people, None, doc.key[start:end], *found)
                org = orgs.covering(start, end)
                return self._event(doc, people, org.id, org.id, *found,
                                   name=self._headline_form(doc, org, start, end, headline_end, found[1])
                                   if figures_only else None)
        return None

    @staticmethod
    def _headline_form(doc: Document, org, start: int, end: int, headline_end: int, stop: int) -> str | None:
        """慧榮 in the headline, 慧榮科技第1季營收… in the lead: results are named as the
        headline calls their company (the short form the lead's name starts with)."""
        key = doc.key
        for s, e in org.mentions:
            if e <= headline_end and e - s < end - start and key.startswith(key[s:e], start):
                return BLANKS.sub(" ", doc.text[s:e] + doc.text[end:stop]).strip()
        return None

    def _headline_deed(self, doc: Document, products: frozenset[int], lo: int, hi: int) -> bool:
        """Does the headline tell a deed (a verb that acts, no rumour, no plan, no state)?
        Read clause by clause: the first clause with a verb sets the tone (傳將… is none);
        a later clause that forecasts (打詐專法拍板… Google、Meta料將納管) adds nothing and
        undoes nothing; a state or a saying anywhere makes it no news of a deed."""
        deed = False
        verbs = rumour = state = told = False
        seen_verb = False
        for i in range(doc.token_index_from(lo), len(doc.tokens) + 1):
            tok = doc.tokens[i] if i < len(doc.tokens) else None
            if tok is None or tok.start >= hi or _clause_break(doc, tok):
                if rumour and not seen_verb or state:
                    return False    # (被罰 is a deed done to someone; 傳將 none yet)
                if not rumour:
                    deed = deed or told
                seen_verb = seen_verb or verbs
                verbs = rumour = state = told = False
                if tok is None or tok.start >= hi:
                    break
                continue
            w = doc.key[tok.start:tok.end]
            if _not_done(w, tok.pos, RUMOUR_MARKS) and not _ends_clause(doc, i, hi):
                rumour = True       # (一次傳 sends: a marker with nothing after it marks nothing)
            if w in STATE_VERBS or w in self.speech:
                state = True
            pos = "v" if w in LAUNCH_WORDS else tok.pos
            if pos.startswith("v"):
                verbs = True
            if pos.startswith("v") and tok.start not in products \
                    and (pos != "vn" or self._vn_acts(doc, i + 1, hi)):
                told = True
        return deed

    # -- the headline ---------------------------------------------------------------
    @staticmethod
    def _launched(doc: Document, lo: int, hi: int, body_end: int) -> Event | None:
        """星河一号遥感卫星发射成功: a headline opening with a craft (a noun phrase ending in
        卫星, 火箭, 探测器, 飞船) that its verb sends up is about that launch, when the lead
        tells a launch too; a plan or a rumour in the phrase (计划, 将, 传) is none."""
        key = doc.key
        while lo < hi and key[lo] in " \u3000\u00a0":
            lo += 1
        m = LAUNCHED.match(key, lo, hi)
        if m is None or LAUNCH_TOLD.search(key, hi, body_end) is None:
            return None
        np = m.group("np")
        if any(w in np for w in PLAN + RUMOUR + BACKGROUND) or LAUNCH_TOLD.search(np):
            return None
        if key[m.end():m.end() + 1] in ("?", "？"):
            return None
        name = BLANKS.sub(" ", doc.text[m.start("np"):m.end("np")] + doc.text[m.start("v"):m.end("v")])
        year = doc.reference_date.year if doc.reference_date is not None else None
        date = doc.reference_date.isoformat() if doc.reference_date is not None else None
        event_id = "-".join(p for p in (name_id(np), LAUNCH_SLUG, str(year) if year else None) if p)
        return Event(id=event_id, name=name, series=None, year=year, date=date, time=None,
                     utc_offset=None, date_text=None, location=None, edition=None, organizer=None,
                     participants=[], mentions=[(m.start("np"), m.end("v"))], score=0.0, release=True)

    @staticmethod
    def _tagged_gathering(doc: Document, tag) -> Event | None:
        """全國兩會｜學者指…: a column tag naming a gathering (its last word one of a
        gathering's) files the item under it; the item is of its year, not of one day."""
        if tag is None:
            return None
        words = TAG_WORDS.match(doc.key, tag.start(), tag.end())
        if words is None or not words.group(1).endswith(GATHERING_WORDS):
            return None
        start, end = words.span(1)
        year = doc.reference_date.year if doc.reference_date is not None else None
        name = doc.text[start:end]
        event_id = "-".join(p for p in (name_id(doc.key[start:end]), str(year) if year else None) if p)
        return Event(id=event_id, name=name, series=None, year=year, date=None, time=None,
                     utc_offset=None, date_text=None, location=None, edition=None, organizer=None,
                     participants=[], mentions=[(start, end)], score=0.0, release=False)

    @staticmethod
    def _clause_bounds(doc: Document, pos: int, lo: int, hi: int) -> tuple[int, int]:
        """The clause around pos: up to a clause's punctuation, or a headline's wide blank
        (小米去年多賺逾35%　智能電動車…), which the Simplified view makes a plain one."""
        key, text = doc.key, doc.text
        lo, hi = max(lo, pos - MAX_CLAUSE), min(hi, pos + MAX_CLAUSE)
        start = pos
        while start > lo and key[start - 1] not in CLAUSE_END and text[start - 1] not in "\n\u3000":
            start -= 1
        end = pos
        while end < hi and key[end] not in CLAUSE_END and text[end] not in "\n\u3000":
            end += 1
        return start, end

    def _headline_doers(self, doc: Document, orgs: EntityTable, lo: int, hi: int,
                        products: frozenset[int]) -> list[tuple[str, str | None, tuple[int, int], str | None, int]]:
        """The doers the headline names before a deed, with the rest of their clause: an
        organisation, or a name the tables lack right before a verb (富士已停产…), which
        the body must then tell with the same verb. (One before a colon speaks,
        外交部：反對…; one after it is what is said.)"""
        key = doc.key
        colon = max(key.rfind("：", lo, hi), key.rfind(":", lo, hi))
        if colon >= 0 and self._told_before(doc, lo, colon):
            colon = -1      # (新款大众速腾上市：售价…: what follows the colon glosses the deed)
        out: list[tuple[str, str | None, tuple[int, int], str | None, int]] = []
        for start, end, org_id in orgs.spans():
            if start < lo or end > hi or (colon >= 0 and start < colon):
                continue
            _, clause_end = self._clause_bounds(doc, end, lo, hi)
            if clause_end - end < 2:
                continue
            verb = self._verb_after(doc, end, clause_end, products, headline=True)
            clause_end, verb = self._exclaimed(doc, products, end, clause_end, hi, verb)
            # (the headline tells a deed of theirs: 小米回应来了, 長城汽車上半年營收914億元)
            if verb is not None or RESULT_FIGURE.match(key, end, clause_end):
                out.append((org_id, org_id, (end, clause_end), key[verb[0]:verb[1]] if verb else None, start))
        if out:
            return out
        run_start = None    # (the run of name words a doer no table knows is written in: 星河 科技)
        glossed = -1        # (人工智能（AI）首尔峰会: a gloss in brackets inside the name)
        for i in range(doc.token_index_from(max(lo, colon + 1)), len(doc.tokens)):
            tok = doc.tokens[i]
            if tok.start >= hi:
                break
            if tok.start < glossed:
                continue
            word = key[tok.start:tok.end]
            if run_start is None and word in NEW_WORDS:
                continue    # (新款大众速腾上市: the product is named by what follows)
            gloss = NAME_GLOSS.match(key, tok.start, hi) if run_start is not None else None
            if gloss is not None:
                glossed = gloss.end()
                continue
            # (an "adverb" before a noun inside a name is a word the tagger misreads: 首尔峰会)
            misread = run_start is not None and tok.pos.startswith("d") and len(word) >= 2 \
                and i + 1 < len(doc.tokens) and doc.tokens[i + 1].pos.startswith("n")
            # (传将, 或将 read as a noun: a rumour's marks end a name, they are none of it)
            if not NAME_WORD.match(word) or word in LAUNCH_WORDS \
                    or _not_done(word, tok.pos, NOT_DONE_HEADLINE + PLAN) \
                    or not (tok.pos.startswith(("n", "eng", "j")) or misread) \
                    or tok.pos.startswith("nr") and len(word) < 2:
                run_start = None
                continue
            run_start = tok.start if run_start is None else run_start
            name = key[run_start:tok.end]
            if len(name) < 2 and not ONE_LETTER.fullmatch(doc.text[run_start:tok.end]):
                continue    # (a capital alone may be a name: X悄悄上线…)
            _, clause_end = self._clause_bounds(doc, tok.end, lo, hi)
            if RESULT_FIGURE.match(key, tok.end, clause_end):
                out.append((name, None, (tok.end, clause_end), RESULTS, run_start))
                continue
            verb = self._verb_after(doc, tok.end, clause_end, products, adjacent=True, headline=True)
            clause_end, verb = self._exclaimed(doc, products, tok.end, clause_end, hi, verb)
            if verb is not None:
                out.append((name, None, (tok.end, clause_end), key[verb[0]:verb[1]], run_start))
        return out

    def _exclaimed(self, doc: Document, products: frozenset[int], end: int, clause_end: int, hi: int,
                   verb: tuple[int, int] | None) -> tuple[int, tuple[int, int] | None]:
        """星河出手了！公布…: a doer's clause of a word or two that an exclamation mark ends
        (出手了, 来了) says only that it acted; the next clause, opening with its verb and no
        subject of its own, tells the deed, done by the same doer. Its clause and verb are the
        doer's then; otherwise the doer keeps its own."""
        key = doc.key
        if verb is None or clause_end - end > EXCLAIMED_MAX or clause_end >= hi \
                or key[clause_end] not in "！!":
            return clause_end, verb
        nxt = clause_end + 1
        while nxt < hi and key[nxt] in " \u3000！!":
            nxt += 1
        if nxt >= hi:
            return clause_end, verb
        _, next_end = self._clause_bounds(doc, nxt, nxt, hi)
        deed = self._verb_after(doc, nxt, next_end, products, adjacent=True, headline=True)
        if deed is None or deed[0] != nxt:
            return clause_end, verb     # (a clause with a subject of its own: 星河出手了！云岫回应…)
        return next_end, deed

    def _org_speaks(self, doc: Document, orgs: EntityTable, lo: int, hi: int) -> bool:
        """Does an organisation open the headline's words before its colon (星河喊冤：…,
        外交部：反對…), as a speaker does, not a deed's teller (新款星河X1上市：售价…)?"""
        key = doc.key
        colon = max(key.rfind("：", lo, hi), key.rfind(":", lo, hi))
        if colon < 0 or self._told_before(doc, lo, colon):
            return False
        start = colon
        while start > lo and key[start - 1] not in CLAUSE_END and key[start - 1] not in SPEAKER_BREAKS:
            start -= 1
        return any(start <= s and e <= colon for s, e, _ in orgs.spans() if s < colon)

    @staticmethod
    def _told_before(doc: Document, lo: int, colon: int) -> bool:
        """Does a launch word end the words before a headline's colon (not a speaker's name)?"""
        i = doc.token_index_at(colon - 1) if colon > lo else -1
        while i >= 0 and doc.tokens[i].start >= lo and not doc.tokens[i].word.strip():
            i -= 1
        return i >= 0 and doc.tokens[i].start >= lo and doc.key[doc.tokens[i].start:doc.tokens[i].end] in LAUNCH_WORDS

    @staticmethod
    def _word_mentions(doc: Document, word: str, lo: int, hi: int) -> list[tuple[int, int]]:
        out = []
        i = doc.key.find(word, lo, hi)
        while i >= 0 and len(out) < MAX_MENTIONS:
            if doc.starts_token(i):
                out.append((i, i + len(word)))
            i = doc.key.find(word, i + len(word), hi)
        return out

    @staticmethod
    def _content_words(doc: Document, orgs: EntityTable, people: EntityTable, start: int, end: int) -> set[str]:
        words = set()
        key, toks = doc.key, doc.tokens
        # the token columns, not a Token per token (called for every paragraph a deed is sought in)
        starts, ends, tagged = toks.starts, toks.ends, toks.tagged
        for i in range(doc.token_index_from(start), len(starts)):
            s = starts[i]
            if s >= end:
                break
            word, pos = tagged[i]
            w = word.strip()
            if len(w) < 2:
                continue
            e = ends[i]
            surface = key[s:e]
            if surface not in LAUNCH_WORDS and (not pos.startswith(CONTENT_POS) or pos.startswith(NOT_CONTENT_POS)):
                continue
            if orgs.covering(s, e) or people.covering(s, e) or w.isdigit():
                continue
            words.add(surface)
        return words

    # -- the body -----------------------------------------------------------------
    def _body_deed(self, doc: Document, orgs: EntityTable, people: EntityTable, products: frozenset[int], mentions,
                   lo: int, hi: int, head_words: set[str], head_verb: str | None,
                   mentions_unknown: bool = False, sourced: bool = True, retold: str | None = None,
                   call: bool = False, figures_only: bool = False):
        """(clause start, clause end, verb start, verb end) of the doer's first deed in the
        body whose paragraph returns to the headline's words (with the headline's verb,
        for a doer no table knows)."""
        key = doc.key
        # (in the text's order: a table may hold a name's mentions in the order it found them)
        mentions = sorted(m for m in mentions if lo <= m[0] < hi)[:MAX_MENTIONS]
        paragraph_words: dict[int, set[str]] = {}
        for start, end in mentions:
            gloss = GLOSS_AFTER.match(key, end, hi)
            end = gloss.end() if gloss is not None else end     # (荷兰数据保护局（Dutch DPA）已向…)
            clause_start, clause_end = self._clause_bounds(doc, end, lo, hi)
            # (the doer opens its clause's subject: a few words before it at most)
            if start - clause_start > MAX_PREFIX:
                continue
            # (a verb between nouns is a word of what the doer is only before its results:
            # 記憶體控制晶片廠慧榮科技第1季營收…; 遊戲發行平台星河…遭遇 is read otherwise)
            if not self._opens_clause(doc, clause_start, start, sourced) and not (
                    RESULT_FIGURE.match(key, end, min(hi, end + MAX_CLAUSE))
                    and self._opens_clause(doc, clause_start, start, sourced, compound=True)):
                continue
            if not sourced and SAID_BEFORE.search(key, max(lo, clause_start - MAX_PREFIX), clause_start):
                continue    # (對於有報道指，美國商務部…通知: a deed on another's word)
            # (a forecast verb and its comma may part the doer from its figures: 星河预计，首季营收…)
            figures = RESULT_FIGURE.match(key, end, min(hi, end + MAX_CLAUSE))
            if figures is not None:     # (a release of results, named by its period and figure)
                return start, figures.end(), figures.start(), figures.end()
            if figures_only:
                continue
            deed_from = end
            purpose = PURPOSE.match(key, end, hi)
            if purpose is not None:     # (the deed follows the purpose clause: 星河为了…，已启动审查)
                deed_from = purpose.end()
                _, clause_end = self._clause_bounds(doc, deed_from, lo, hi)
            verb = self._verb_after(doc, deed_from, clause_end, products)
            if verb is None and call:
                verb = self._saying_after(doc, end, clause_end)   # (NCC籲… retold NCC今天表示，…)
            if verb is None or head_verb is not None and key[verb[0]:verb[1]] != head_verb:
                continue
            if head_verb is not None and mentions_unknown and not PERFECTIVE.search(key, end, verb[1] + 1) \
                    and not self._dated_day(doc, end, verb[0]) \
                    and not (retold and key.startswith(retold, start) and key[start - 1:start] == "\n"):
                continue    # (a doer no table knows does the headline's deed, done or on a day: 富士已停产;
                #             or a paragraph of the lead opens by telling the headline again, word for word)
            if key[verb[0]:verb[1]] in REACHING and FIGURE_AFTER.match(key, verb[1]):
                continue    # (Nova助手已突破1亿用户: a count reached, no deed)
            para_start = key.rfind("\n", 0, start) + 1
            para_end = key.find("\n", start)
            para_end = len(key) if para_end < 0 else para_end
            if para_start not in paragraph_words:
                paragraph_words[para_start] = self._content_words(doc, orgs, people, para_start, para_end)
            if not head_words & paragraph_words[para_start]:
                continue
            return start, clause_end, verb[0], verb[1]
        return None

    def _done_to(self, doc: Document, orgs: EntityTable, people: EntityTable, products: frozenset[int],
                 mentions, lo: int, hi: int, head_words: set[str]):
        """陆路交通管理局批准共享脚踏车业者Anywheel，更新执照…: the headline's doer is the object
        of the lead clause's verb, whose subject (name words opening the clause) did the deed
        the headline tells as the doer's. (agent, agent's id or None, (clause start, clause
        end, verb start, verb end)) when the paragraph returns to the headline's words."""
        key = doc.key
        for start, end in [m for m in mentions if lo <= m[0] < hi][:MAX_MENTIONS]:
            clause_start, clause_end = self._clause_bounds(doc, end, lo, hi)
            if key[end:clause_end].strip():
                continue    # (the object ends its clause; 跡象顯示蘋果公司已開始備貨 tells the doer's own deed)
            tag = SOURCE_TAG.match(key, clause_start, start)
            clause_start = tag.end() if tag is not None else clause_start
            if start - clause_start > MAX_PREFIX * 2:
                continue
            prefix = [t for t in doc.tokens[doc.token_index_from(clause_start):doc.token_index_from(start)]
                      if t.word.strip()]
            while prefix and prefix[0].pos.startswith(("t", "m", "q", "f")):
                prefix.pop(0)   # (a day before the subject)
            agent_end = 0
            while agent_end < len(prefix) and prefix[agent_end].pos.startswith(("n", "j", "eng")):
                agent_end += 1
            if agent_end == 0 or agent_end == len(prefix) or prefix[agent_end - 1].pos.startswith("nr"):
                continue    # (a body's name may open with a place the tagger reads as a person's: 嘉禾交通管理局)
            verb = prefix[agent_end]
            w = key[verb.start:verb.end]
            if not verb.pos.startswith("v") or len(w) < 2 or w in STATE_VERBS or w in NOMINAL_VERBS or w in self.speech \
                    or _not_done(w, verb.pos, NOT_DONE):
                continue
            if not all(t.pos.startswith(DESCRIBING_POS + ("v",)) for t in prefix[agent_end + 1:]):
                continue    # (what the doer is, between the verb and its name: 共享脚踏车业者)
            agent_start = prefix[0].start
            agent = key[agent_start:prefix[agent_end - 1].end]
            if len(agent) < 2:
                continue
            para_start = key.rfind("\n", 0, start) + 1
            para_end = key.find("\n", start)
            para_end = len(key) if para_end < 0 else para_end
            if not head_words & self._content_words(doc, orgs, people, para_start, para_end):
                continue
            org = orgs.covering(agent_start, prefix[agent_end - 1].end)
            # (named by who did what to whom, the doer's description left out: 陆路交通管理局批准Anywheel)
            name = BLANKS.sub(" ", doc.text[agent_start:verb.end] + doc.text[start:clause_end]).strip()
            return agent, (org.id if org is not None else None), (agent_start, clause_end, verb.start, verb.end), \
                name[:MAX_NAME]
        return None

    def _verb_after(self, doc: Document, start: int, end: int, products: frozenset[int],
                    adjacent: bool = False, headline: bool = False) -> tuple[int, int] | None:
        """The verb of the clause whose subject ends at start (adjacent: with adverbs
        alone between them)."""
        key = doc.key
        i = doc.token_index_from(start)
        while i < len(doc.tokens):
            tok = doc.tokens[i]
            if tok.start >= end or tok.start - start > VERB_REACH:
                return None
            w = key[tok.start:tok.end]
            pos = "v" if w in LAUNCH_WORDS or w in CALL_VERBS else tok.pos    # (上市 is tagged a place)
            if adjacent and not pos.startswith(("v", "d", "z")) and tok.word.strip():    # (悄悄 is tagged z)
                return None
            if _not_done(w, tok.pos, NOT_DONE_HEADLINE if headline else NOT_DONE) or w == "的" or w in NOMINAL_VERBS:
                return None     # (三星董事长的遗产包括…: the organisation only describes the subject)
            if tok.pos.startswith("n") and MEASURE.fullmatch(w):
                return None     # (星河科技股价下跌5%, 華碩概念股漲停: a figure moves; no one did anything)
            if quote_moves(key, tok.start, tok.end, end):
                return None     # (星河科技涨超8%, 云岫软件触及跌停: its quote moves, no deed of its own)
            if tok.start in products:
                i += 1          # (华为Mate 50 RS保时捷设计: a product's name is no verb)
                continue
            if pos.startswith("v") and self._in_name(doc, i, end):
                i += 1          # (澳門北斗導航應用協會成立: a verb inside a name ending as organisations do)
                continue
            if pos.startswith("v") and (pos != "vn" or self._vn_acts(doc, i + 1, end)):
                if w in STATE_VERBS or len(w) < 2 and not pos == "v" and w not in CALL_VERBS:
                    return None
                if w in self.speech and not headline and not self._has_object(doc, i + 1, end):
                    return None     # (回应称…: it says; 回应网传…一事, a headline's 回应来了: it answers)
                after = key[tok.end:tok.end + 1]
                if after in ("的", "过") or REPORTED.match(key, tok.end):
                    return None
                return tok.start, tok.end
            if tok.pos in ("p",) or w == "为了":
                if w in ("被", "由", "为了"):
                    return None     # (为了 opens a purpose: 星河为了扩大市占，… tells what the deed is for)
                phrase = self._past_phrase(doc, i, start, end, products)
                if phrase is None and w in PREPOSITION_VERBS and self._vn_acts(doc, i + 1, end):
                    return tok.start, tok.end   # (通過新版《…》: no verb follows, so it passes the bill)
                return phrase
            i += 1
        return None

    def _saying_after(self, doc: Document, start: int, end: int) -> tuple[int, int] | None:
        """The verb of saying right after a doer (a day, a time or adverbs between): how a
        lead retells a body's call the headline tells (NCC今天表示，民眾可…)."""
        for i in range(doc.token_index_from(start), len(doc.tokens)):
            tok = doc.tokens[i]
            if tok.start >= end or tok.start - start > VERB_REACH:
                return None
            w = doc.key[tok.start:tok.end]
            if w in self.speech or w in CALL_VERBS:
                return tok.start, tok.end
            if tok.word.strip() and not tok.pos.startswith(SAID_PREFIX_POS):
                return None
        return None

    @staticmethod
    def _undated_aside(doc: Document, found: tuple[int, int, int, int], head_clause: tuple[int, int]) -> bool:
        """雲杉科技率先採用新電池 in a lead under a headline of another verb (力推): a deed of the
        news is told done (已, 了), on a day or at a time its sentence states, as figures of
        results, with the headline's own verb, or with the headline's last word of the deed
        after it (对其罚款 retold 处以…的罚款). A verb of none of these describes the
        doer (what it offers, aims at, makes), no deed the article reports."""
        key = doc.key
        start, _, verb_start, verb_end = found
        verb = key[verb_start:verb_end]
        if not verb or verb in key[head_clause[0]:head_clause[1]]:
            return False
        if PERFECTIVE.search(key, start, verb_end + 1) or _results_at(key, verb_start, verb_end):
            return False
        # (欧盟因谷歌滥用…地位对其罚款35亿美元 retold 欧盟委员会对谷歌…处以…的巨额罚款: the headline's
        # last word of the deed, after its cause, is what the lead's verb does)
        last = LeadEvents._last_deed_word(doc, *head_clause)
        if last is not None and last in key[verb_end:found[1]]:
            return False
        sentence_start = doc.sentence_at(start).start
        return not any(sentence_start <= e.start < verb_end for e in doc.layers.get("dates", ()))

    @staticmethod
    def _last_deed_word(doc: Document, start: int, end: int) -> str | None:
        """The clause's last word of two or more characters tagged a verb or a noun, before
        any figure (对其罚款35亿美元 → 罚款; 展开调查 → 调查)."""
        last = None
        for i in range(doc.token_index_from(start), len(doc.tokens)):
            tok = doc.tokens[i]
            if tok.start >= end or tok.pos.startswith("m"):
                break
            if tok.end - tok.start >= 2 and tok.pos.startswith(("v", "n")) and not tok.pos.startswith("nr"):
                last = doc.key[tok.start:tok.end]
        return last

    @staticmethod
    def _dated_day(doc: Document, start: int, end: int) -> bool:
        """Is a day or a month (清華6月推…) stated between start and end?"""
        return any(start <= e.start < end and (e.day is not None or e.month is not None)
                   for e in doc.layers.get("dates", ()))

    @staticmethod
    def _opens_clause(doc: Document, start: int, doer: int, sourced: bool = True, compound: bool = False) -> bool:
        """Only a day, a time or blanks stand before the doer in its clause (not 即使…), or
        a source ending in a verb of saying (多个消息源称富士已停产)."""
        tag = SOURCE_TAG.match(doc.key, start, doer)
        start = tag.end() if tag is not None else start     # ((澳門電台消息) 粵澳北斗產業學院…成立)
        i = doc.token_index_from(start)
        prefix = []
        while i < len(doc.tokens) and doc.tokens[i].start < doer:
            tok = doc.tokens[i]
            if tok.end > doer and doc.key[tok.start:doer] in CATEGORY_CHARS:
                break   # (晶片 / 廠慧榮科技: the kind-of-business word the segmenter glued to the name)
            if tok.word.strip():
                prefix.append(tok)
            i += 1
        if sourced and prefix and prefix[-1].pos.startswith("v") and doc.key.endswith(SOURCE_SAYS, 0, prefix[-1].end):
            return True
        prefix = _co_doers_dropped(doc, prefix)
        timed = [t for t in prefix if not t.pos.startswith(("t", "m", "q", "f", "d"))]   # (最近, 今日, 12月4日)
        # (中國無人機製造商大疆…, 社交媒體Facebook…: what the doer is, in nouns, before its name;
        # a verb between two of its nouns is a word of the compound: 記憶體控制晶片廠慧榮)
        return not timed or all(
            t.pos.startswith(DESCRIBING_POS) and not t.pos.startswith("nr")
            or compound and 0 < k < len(timed) - 1 and t.pos in COMPOUND_VERB_POS
            and timed[k - 1].pos.startswith("n") and timed[k + 1].pos.startswith("n")
            and timed[k - 1].end == t.start and t.end == timed[k + 1].start
            for k, t in enumerate(timed)) and timed[-1].pos.startswith("n")

    def _in_name(self, doc: Document, i: int, end: int) -> bool:
        """Do the words from token i run, verbs and nouns alone, into an organisation's last word?"""
        for j in range(i + 1, min(len(doc.tokens), i + 4)):
            tok = doc.tokens[j]
            if tok.start >= end or not tok.pos.startswith(("v", "n")):
                return False
            if tok.pos.startswith("n"):
                return bool(self.org_suffixes) and doc.key.endswith(self.org_suffixes, tok.start, tok.end)
        return False

    @staticmethod
    def _vn_acts(doc: Document, i: int, end: int) -> bool:
        """A verbal noun acts when an object follows it (漏洞影响15亿用户), not a verb
        (保时捷设计有黄牛加价: it names the design)."""
        while i < len(doc.tokens) and doc.tokens[i].start < end and not doc.tokens[i].word.strip():
            i += 1
        return i < len(doc.tokens) and doc.tokens[i].start < end and not doc.tokens[i].pos.startswith(("v", "u"))

    @staticmethod
    def _has_object(doc: Document, i: int, end: int) -> bool:
        """Is the next word a noun the verb is done to (not what is said, not a verb of saying)?"""
        if i >= len(doc.tokens) or doc.tokens[i].start >= end:
            return False
        return doc.tokens[i].pos.startswith(("n", "eng", "j")) and not doc.tokens[i].pos.startswith("nr")

    def _past_phrase(self, doc: Document, i: int, start: int, end: int, products: frozenset[int]):
        """向美国人工智能公司Clearview AI开出罚款: a preposition's phrase before the verb."""
        key = doc.key
        j = i + 1
        while j < len(doc.tokens):
            tok = doc.tokens[j]
            if tok.start >= end or tok.start - start > VERB_REACH * 2:
                return None
            if tok.pos.startswith("v") and key[tok.start:tok.end] not in STATE_VERBS:
                return self._verb_after(doc, tok.start, end, products)
            j += 1
        return None

    # -- the event ------------------------------------------------------------------
    def _event(self, doc: Document, people: EntityTable, org_id: str | None, doer: str, start: int, end: int,
               verb_start: int, verb_end: int, told: tuple[int, int] | None = None,
               name: str | None = None) -> Event:
        while end > start and doc.key[end - 1] == " ":
            end -= 1
        if end - start > MAX_NAME:
            cut = start + MAX_NAME
            i = doc.token_index_at(cut)
            end = max(verb_end, doc.tokens[i].start)
        figures = _results_at(doc.key, verb_start, verb_end)
        if name is None and figures is not None and figures.group("forecast"):
            # (a forecast's verb is no part of the release's name: 星河预计，首季营收 → 星河首季营收)
            fc_start, fc_end = figures.span("forecast")
            name = BLANKS.sub(" ", doc.text[start:fc_start] + doc.text[fc_end:end])
        purpose = PURPOSE.search(doc.key, start, verb_start) if name is None else None
        if purpose is not None:     # (星河为了扩大市占，已启动审查 is named 星河已启动审查)
            name = BLANKS.sub(" ", doc.text[start:purpose.start()] + doc.text[purpose.end():end])
        name = name or BLANKS.sub(" ", doc.text[start:end])     # (荷兰数据保护局\xa0（Dutch DPA）\xa0 已向…)
        date = date_text = None
        year = None
        sentence = doc.sentence_at(start)
        bare = None     # (星河協會23日通過新章程: a day of the month alone between the doer and its verb)
        wired = False   # (the date found is the item's dateline, 3月1日讯: a later day before the verb is the deed's)
        for e in doc.layers.get("dates", ()):
            if not sentence.start <= e.start < verb_start:
                continue
            if not e.has_date:
                if (date is None or wired) and doc.reference_date is not None and weekday_alone(e):
                    # 财联社3月1日讯，当地时间周二，星河宣布…: the weekday before the verb dates the deed
                    day = weekday_date(doc, e)
                    if day <= doc.reference_date:
                        date, date_text, year = day.isoformat(), doc.span(e.start, e.end), day.year
                        break
                    continue
                if bare is None and start <= e.start and e.end <= verb_start and e.day is not None \
                        and e.month is None and not e.relative \
                        and not any(c in CLAUSE_END for c in doc.key[e.end:verb_start]):
                    bare = e    # (in the verb's clause: it dates the deed as a wire item does)
                continue
            hint = e.year if e.year is not None else (doc.reference_date.year if doc.reference_date else None)
            r = event_date(e, hint, doc.reference_date)
            month_here = r.date is not None and len(r.date) == 7 \
                and not any(c in CLAUSE_END for c in doc.key[e.end:verb_start])
            if r.date is not None and (len(r.date) == 10 or month_here):  # (a month in the verb's clause: 清華6月推…)
                date, date_text, year = r.date, doc.span(e.start, e.end), r.year
                if r.date is not None and len(r.date) == 10 and WIRE_DAY.match(doc.key, e.end):
                    wired = True
                    continue
                break
        if date is None:
            day = _bracketed_day(doc, sentence.start, verb_start)
            if day is None and bare is not None and doc.reference_date is not None:
                when = _day_of_month(doc.reference_date, bare.day)    # (of the month, or of the one before)
                day = None if when is None else (when, doc.span(bare.start, bare.end))
            if day is not None:
                date, date_text, year = day[0].isoformat(), day[1], day[0].year
        if date is None and doc.reference_date is not None:
            date, year = doc.reference_date.isoformat(), doc.reference_date.year
        verb = "results" if figures is not None else name_id(doc.key[verb_start:verb_end])
        event_id = "-".join(p for p in (org_id or name_id(doer), verb, str(year) if year else None) if p)
        mentions = [(start, end)]
        if told is not None:
            t_start, t_end = told
            while t_end > t_start and doc.key[t_end - 1] == " ":
                t_end -= 1
            mentions.insert(0, (t_start, t_end))
        k = doc.sentence_index(start)
        participants = [p.id for p in people.ordered()
                        if any(doc.sentence_index(s) == k for s, _ in p.mentions)]
        return Event(id=event_id, name=name, series=None, year=year, date=date, time=None,
                     utc_offset=None, date_text=date_text, location=None, edition=None,
                     organizer=org_id, participants=participants, mentions=mentions,
                     score=0.0, release=True)


def _bracketed_day(doc: Document, start: int, end: int) -> tuple[dt.date, dict] | None:
    """今（20）日, 昨（19）日 before the verb: that day of the reference date's month, or of the
    month before when it is later than the reference date's day (a wire item's day, within a month)."""
    ref = doc.reference_date
    if ref is None or end <= start:
        return None
    day = BRACKETED_DAY.search(doc.key, start, end)
    if day is None:
        return None
    when = _day_of_month(ref, int(day.group(1)))
    return None if when is None else (when, doc.span(day.start(), day.end()))


def _day_of_month(ref: dt.date, n: int) -> dt.date | None:
    """Day n of the reference date's month, or of the month before when later than its day."""
    month = ref.replace(day=1) if n <= ref.day else (ref.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    try:
        return month.replace(day=n)
    except ValueError:
        return None


def dateline_day(doc: Document) -> dt.date | None:
    """（中央社舊金山22日綜合外電報導）輝達公司今天公布財報, published on the 23rd: a wire item's
    dateline, opening the body, gives the day of its 今天 (the article's date or a day or two
    before it, in its month or the month before; a day further back is no dateline of it)."""
    published = doc.reference_date
    headline_end = doc.key.find("\n", 0, MAX_HEADLINE + 1)
    if published is None or headline_end <= 0:
        return None
    line = DATELINE.search(doc.key, headline_end, min(len(doc.key), headline_end + DATELINE_REACH))
    if line is None:
        return None
    day = int(line.group(1))
    try:
        dated = published.replace(day=day) if day <= published.day \
            else (published.replace(day=1) - dt.timedelta(days=1)).replace(day=day)
    except ValueError:      # (no such day in that month)
        return None
    return dated if (published - dated).days <= DATELINE_LAG else None


def spoken_in_headline(doc: Document, mentions, outlets_speak: bool = True) -> bool:
    """研調機構：蘋果iPhone中國首季出貨量滑降19%, 黃仁勳：全球科技業高度依賴: a deed the headline
    tells only after a speaker's colon is what the speaker says, not what the article reports
    happened. The speaker is a few words ending in a noun or a name, after the headline's last
    break; not an organisation, whose words are its statement (公司註冊處：…資料外洩). An outlet
    (媒体：, 外媒：) speaks only when `outlets_speak`: the reader of the headline's deed, whose
    gates keep out a plan, a state or an opinion, reads what it relays as the deed reported."""
    headline_end = doc.key.find("\n", 0, MAX_HEADLINE + 1)
    colon = _speaker_colon(doc, headline_end, outlets_speak)
    told = [s for s, _ in mentions if s < headline_end]
    return colon >= 0 and bool(told) and min(told) > colon


def _speaker_colon(doc: Document, headline_end: int, outlets_speak: bool = True) -> int:
    """Where the headline's last colon stands when a speaker no organisation says its words
    (專家：, 研調機構：; see spoken_in_headline; an outlet, 外媒：, only when `outlets_speak`),
    else -1."""
    key = doc.key
    if headline_end <= 0:
        return -1
    colon = max(key.rfind("：", 0, headline_end), key.rfind(":", 0, headline_end))
    if colon < 0:
        return -1
    start = colon
    while start > 0 and key[start - 1] not in CLAUSE_END and key[start - 1] not in SPEAKER_BREAKS:
        start -= 1
    speaker = [t for t in doc.tokens[doc.token_index_from(start):doc.token_index_from(colon)] if t.word.strip()]
    orgs: EntityTable = doc.layers["organizations"]
    spoken = 0 < colon - start <= MAX_SPEAKER and bool(speaker) and speaker[-1].pos.startswith(SPEAKER_ENDS) \
        and orgs.covering(speaker[-1].start, speaker[-1].end) is None \
        and (outlets_speak or not key[start:colon].rstrip().endswith(OUTLET_SPEAKER))
    return colon if spoken else -1


def _results_at(key: str, start: int, end: int):
    """The match when key[start:end] are results told as figures (the figure after it read
    too: a pattern bounded at end would not see the number its lookahead asks for)."""
    found = RESULT_FIGURE.match(key, start, min(len(key), end + RESULT_LOOKAHEAD))
    return found if found is not None and found.end() == end else None


def _product_positions(doc: Document, lo: int, hi: int) -> frozenset[int]:
    """Where the products' mentions stand in the headline and the lead (read once)."""
    return frozenset(i for p in doc.layers.get("products", ()) for s, e in p.mentions
                     if s < hi for i in range(s, e))


def _co_doers_dropped(doc: Document, prefix: list) -> list:
    """甲大學、乙研究所以及星河等5家單位聯合…: the organisations listed before the doer, joined
    to it (、, 及, 以及, 和, 与), do the deed with it; they, and the 来自 that may open the list
    (来自甲大学、乙公司以及…), are of the subject, not words before it."""
    orgs = doc.layers.get("organizations")
    k = len(prefix)
    if orgs is None or not k or doc.key[prefix[-1].start:prefix[-1].end] not in CO_DOER_JOINS:
        return prefix
    named = 0
    while k >= 2 and doc.key[prefix[k - 1].start:prefix[k - 1].end] in CO_DOER_JOINS:
        j = k - 1      # (a name the segmenter cut in words, 南岭 / 大学: every word of it)
        while j > 0 and (orgs.covering(prefix[j - 1].start, prefix[j - 1].end) is not None
                         or prefix[j - 1].pos.startswith("nt")):
            j -= 1
        if j == k - 1:
            break
        named += 1
        k = j
    if not named:
        return prefix
    if k and doc.key[prefix[k - 1].start:prefix[k - 1].end] in CO_DOER_OPENERS:
        k -= 1
    return prefix[:k]


def _clause_break(doc: Document, tok) -> bool:
    """Does the token part a headline's clauses: punctuation, a wide blank, or a blank after
    a Han character (打詐專法拍板最高可罰2500萬 Google…; not Windows 11's)?"""
    w = doc.key[tok.start:tok.end]
    if w and all(c in CLAUSE_END or c in "！!？?" for c in w):
        return True
    if w.strip():
        return False
    return "\u3000" in doc.text[tok.start:tok.end] or \
        tok.start > 0 and _HAN_CHAR.match(doc.text[tok.start - 1]) is not None


def _ends_clause(doc: Document, i: int, hi: int) -> bool:
    """Is token i the last word of its clause (一次傳: a marker with nothing after it marks nothing)?"""
    j = i + 1
    return j >= len(doc.tokens) or doc.tokens[j].start >= hi or _clause_break(doc, doc.tokens[j])


def _not_done(word: str, pos: str, markers: tuple[str, ...]) -> bool:
    """Is the word a marker of a deed not done (传, 将), or made of them (传将, 或将)?
    (A noun starting like one, 会议 or 计划书, is none.)"""
    if word in markers:
        return True
    if pos.startswith("n") and not any(word.startswith(m) and word[len(m):] in markers + PLAN for m in markers):
        return False
    return word.startswith(markers)


def _headline_opener(key: str, orgs: EntityTable, lo: int, hi: int) -> tuple[int, int, str] | None:
    """The headline's first organisation mention (start, end, id), when it opens its clause."""
    spans = [sp for sp in orgs.spans() if lo <= sp[0] and sp[1] <= hi]
    if not spans:
        return None
    start, end, org_id = spans[0]
    clause_start = max([lo] + [key.rfind(c, lo, start) + 1 for c in "，,；;！!？?"])
    return None if key[clause_start:start].strip() else (start, end, org_id)


def weekday_alone(expr) -> bool:
    return expr.weekday is not None and expr.week_shift is None and expr.month is None \
        and expr.day is None and expr.year is None and not getattr(expr, "week", None)


WEEKDAY_PLAN = regex.compile(r"(?:将|将会|将于|会|于|下)\s*$")


def weekday_date(doc: Document, expr):
    """周四宣布 in news of Friday the 15th: the last Thursday up to the article's day;
    将于周四举行: the next one from it."""
    ref = doc.reference_date
    back = (ref.isoweekday() - expr.weekday) % 7
    if WEEKDAY_PLAN.search(doc.key, max(0, expr.start - 4), expr.start):
        return ref + dt.timedelta(days=(7 - back) % 7)
    return ref - dt.timedelta(days=back)
