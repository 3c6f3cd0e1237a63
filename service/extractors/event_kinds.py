"""One-off events: launches, earnings calls, shareholder meetings, hackathons,
rulings, trade shows and releases announced on a date (service/kb/data/event_kinds.yaml).

Two kinds of evidence:
- a noun of a kind (发布会, 法說會, 股东大会) with what names it right before it:
  a quoted title (「Let Loose」發表會), an organisation, a product, a period
  (第三季, 2025财年第四财季) or a Latin name (vivo X200发布会). A noun with nothing
  before it (在发布会上) refers back to the article's event of its kind. The weak
  nouns 财报 / 业绩 count only with a period (第三季財報).
- in the lead (the headline and two paragraphs), a release verb done by an
  organisation to a product it names (深度求索正式发布DeepSeek-V3,
  DeepSeek-V3发布并开源, 其將於2022年1月3日發布 after a Latin name): a model or
  product released on a date is an event; a planned one too when its sentence
  gives the date; a rumoured one (傳將推出), one only described (推出的) or told
  as background (去年推出) never. Between the doer and the verb may stand fillers,
  a market edition (国行), an official channel (在官微) and a date (於3月5日).
- verbs whose doer alone makes the event (doer_alone in the data): a court's
  ruling (法院驳回), a person meeting the press (何小鹏与传媒见面, for their
  employer) and an announcement, whose doer may be the words opening its clause
  (今日，飞腾官方宣布): events.py keeps an announcement only when the article
  names no other event, and turns one whose sentence releases something into
  that release.

The lead passes over bylines (作者 | …, 【文/…】), editors' teasers (【…导读】) and, before
its first paragraph, taglines. A headline's release of a thing it only describes
(LinkedIn推出AI招聘助手) is named by those words, a product the text names winning; a
ruling's noun nothing names is the court's its sentence names (…人民法院周二公開判決書);
a meeting held (舉行會議) is a conference; 一个月前推出 is background.

Naming, the same in either script: an event's `name` is the text's own words,
the organiser's surface form first when the words lack it (台積電第三季法說會; a
release: organiser + product + verb, 高通Snapdragon X Plus推出); a quoted title
is a name of its own (Let Loose). Its id is built from canonical parts only:
<organiser id>-<subject>-<kind slug>, then -<year> as for every event, where the
subject is the product's id, a period slug (q3, fy2025-q4, h1) or the slug of the
remaining words; parts the text does not give are left out (tsmc-q3-earnings-call-2024,
mediatek-dimensity-9400-launch-2024).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass
import regex

from ..ids import name_id
from .. import deadline
from ..nlp.clauses import CLAUSES
from ..nlp.document import Document
from ..quantities.numerals import PLAIN_DIGITS
from .entities import EntityTable
from .product_layer import Product

# -- the words that name an event before its noun ------------------------------
PERIOD = regex.compile(
    r"(?:(?P<fy>\d{4})\s*财年\s*|(?P<y>\d{4})\s*年?\s*)?"
    r"(?:第?(?P<q>[一二三四1-4])\s*(?:个)?\s*财?季度?|Q(?P<qq>[1-4])|(?P<h>[上下])半年|年度|全年)$")
INDEFINITE = regex.compile(r"[一1]\s?[场次個个]$")
GLOSS = regex.compile(r"(?<=[」”\"』》])\s*[（(][^（）()\n]{1,36}[）)]\s*$")
QUOTED = regex.compile(r"[「“\"『《]([^「」“”\"『』《》\n]{1,30})[」”\"』》]$")
# A title a naming word gives an event before 的 (名为「X」的大会, 口号为「X」（Y）的发布会,
# 以「X」为主题的论坛): the quote, its gloss, the naming word's tail, then 的.
TITLE_NAMED = regex.compile(r"(?:名为|名叫|口号为|主题为|代号为|称为|叫做|以)\s*[「“\"『《]([^「」“”\"『』《》\n]{1,30})[」”\"』》]"
                           r"\s*(?:[（(](?P<gloss>[^（）()\n]{1,36})[）)])?\s*(?:为(?:口号|主题|名))?\s*的\s*$")
TITLE_NAMED_REACH = 90
# A title's gloss in Latin letters (Let Loose, Brainstorm Tech), its closing bracket and blanks left out.
LATIN_TITLE = regex.compile(r"\s*[（(]?\s*(?P<t>[A-Za-z][A-Za-z0-9 .&'\-]*[A-Za-z0-9])\s*[）)]?\s*")
# (Nothing Phone (1): a bracketed model number belongs to the name)
LATIN_NAME = regex.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9+\-]*(?: [A-Za-z0-9+\-]+| ?\([0-9a-z]{1,3}\)){0,3}\s?$")
# A round of funding before its noun (B轮融资, Pre-A轮, 天使轮), with the amount before it.
ROUND = regex.compile(r"(?:(?P<r>(?:Pre-)?[A-F]\+{0,2}|天使|种子|战略|新一|首)\s?轮)$", regex.IGNORECASE)
# A lawsuit before a ruling (星河诉云岫专利侵权案一审判决): the case names the ruling.
CASE = regex.compile(r"(?:(?![对就在与])[\p{Han}A-Za-z0-9]){2,24}案(?:[一二终再]审)?(?:作出|做出|进行|的)?(?:[一二终再]审)?$")
YEAR_IN_TITLE = regex.compile(r"\s*\b((?:19|20)\d{2})\b\s*")
MODIFIERS = ("上市", "新品", "最新", "年度", "秋季", "春季", "夏季", "冬季", "全球", "线上", "特别", "首场", "媒体", "技术",
             "系列", "全系列")   # Magic5系列發表會: the series of the product named before it; 最新一季財報: the latest quarter
# 新加坡工厂的开幕式: a place or thing owning the event, in Han characters, after 其/在/于.
OWNER = regex.compile(r"(?<=[其在于的，,、\s]|^)(?:(?![其在于的])\p{Han}){2,8}$")
MAX_OWNER = 8
# 云岫智算中心项目签约仪式: a project right before the noun (its words, then 项目) is what the event is of
# (该项目, 这一项目 refer back: no name).
PROJECT = regex.compile(r"(?<=[其在于的，,、：:\s]|^)(?!该|这|此|本|那|各|上述|相关)(?:(?![其在于的是])[\p{Han}A-Za-z0-9]){2,16}项目$")
MAX_PROJECT = 18
# 輝達最新財報出爐，第一季營收年增262%: the latest results, whose period the next clause names
# by a figure of it (a quarter's or half's revenue or profit).
LATER_PERIOD = regex.compile(
    r"[^，,。；;！？!?\n]{0,8}[，,]\s*(?P<p>(?:\d{4}\s*(?:财)?年度?\s*)?(?:第?[一二三四1-4]\s*(?:个)?\s*财?季度?|[上下]半年))"
    r"\s*(?:的)?(?:合并)?(?:营收|营业收入|净利|纯益|获利|营业利益|营业利润|每股盈余)")
HOLD = ("召开", "举行", "举办", "召开了", "举行了", "举办了", "主办", "主持")
HELD_MEETINGS = ("会议",)  # a titled-only noun that a verb of holding right before names (举行会议)
SERIES_GAP = 6          # a place between a series and a noun of its kind (IFA 2024柏林展會)
MAX_NAME = 40           # characters the words naming an event may take before its noun

# -- releases --------------------------------------------------------------------
# The lead: the headline and this many paragraphs after it (a news lead may open
# with a paragraph of background).
LEAD_PARAGRAPHS = 2
# A line shorter than this (a tagline, a subheading) or a byline is passed over, not counted.
LEAD_MIN_CHARS = 20
BYLINE_MAX_CHARS = 40   # (a byline is a short line; an editor's teaser opens with 【)
BYLINE = regex.compile(r"\s*(?:【[^】\n]{0,24}】\s*$|【[^】\n]{0,8}导读】|[【\[(（]?\s*(?:文|作者|编辑|撰文|记者|来源|责编|责任编辑|编译|整理|出品|图|图片)\s*[:：|｜/／]"
                       r"|(?:编辑|作者|记者|撰文)\s+\S{1,12}\s*$)")
# Before a verb, these make the release a rumour or a denial, never an event; and a
# plan, an event only when its sentence gives a date (6月6日…届时会发布).
# An attempt or an intention (试图收购, 企圖起訴, 打算發布) is no deed either (fixtures/articles/README.md,
# wave-7 rule 6: 2020年曾試圖禁止); 寻求 is not among them (提交文件，寻求通过IPO筹资 tells a filing).
# A threat (扬言对…加征关税, 揚言收購) tells a deed meant, not done.
ATTEMPT = ("试图", "企图", "意图", "力图", "谋求", "设法", "尝试", "打算", "想要", "扬言")
RUMOUR = ("预计", "计划", "拟", "有望", "或", "传", "未", "没有", "没", "不", "可能", "尚未", "曾",
          "暂停", "取消", "停止", "推迟", "延迟", "延后", "放弃") + ATTEMPT   # 暫停發布: a launch that will not be
# A document made public, quoted right after the verb (《生成式人工智能服务管理办法》,
# 「关于开展「清朗」专项行动的通知」, one quote inside another allowed), by what its title ends with.
DOCUMENT = regex.compile(r"\s?了?\s?[《「“](?P<t>(?:[^《》「」“”\n]|「[^「」\n]{0,40}」|“[^“”\n]{0,40}”){2,60}?"
                         r"(?:通知|办法|规定|意见|条例|指南|指引|方案|计划|标准|法|规则|细则|决定|措施|规划|纲要|通告|清单))[》」”]")
# A verb of attending or holding right before a gathering's noun (出席了, 参加, 召开).
ATTENDING = regex.compile(r"(?:出席|参加|参与|召开|主持)了?$")
# What a government adds to a list of its own, up to the list (140家公司至「实体清单」, 黑名单).
LISTED = regex.compile(r"\s?了?\s?(?P<t>[^，,。；;：:\n]{0,24}?(?:至|到|进|入)?\s?[「“《\"]?"
                       r"(?:实体清单|黑名单|制裁名单|未经核实清单|出口管制清单|管制清单|军事最终用户清单|涉军企业清单)[」”》\"]?)")
# Before a deed's verb in its clause, these make it done to the clause's subject.
PASSIVE_MARKS = ("被", "遭")
# A first line longer than this is no headline.
HEADLINE_MAX = 120
# Before a verb, these make it background to the news (華為去年推出Mate 60), not its event.
PAST_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s?年(?!\d{1,2}\s?月)")
BACKGROUND = ("去年", "前年", "此前", "先前", "之前", "早前", "上月", "上个月", "当年", "早年", "多年前")
# After a verb, these make it a noun or a time of something else (上市公司, 上市后, 上线时间).
# 起诉云岫侵犯其名誉权一案、…系列案，: a suit's words ending in a case (案, 一案, 系列案, 案件) before
# the clause or list goes on name that case (what is told of it follows), not the suing as news.
NAMED_CASE = regex.compile(r"[^，,。；;、\n“”「」]{2,40}?(?<![方提草法答预議议档檔])(?:案件|案)(?=\s?[，,。；;、]|\s?(?:终于|終於|已|将|將|于|於))")
COMPOUND_AFTER = ("公司", "时间", "日期", "首日", "以来", "之后", "后", "前", "计划", "价格", "企业")
# 发布3年后, 推出两个月以来: a time counted from the release, which is background then.
SINCE = regex.compile(r"\s?[\d一二两三四五六七八九十几数半多]{1,3}\s?(?:个)?\s?(?:年|月|周|星期|礼拜|天|日)多?(?:之后|后|以来|来|之际)")
# 一个月前推出, 两年前发布: a release some time before the news is background too.
AGO = regex.compile(r"[\d一二两三四五六七八九十几数半]\s?(?:个)?\s?(?:年|月|周|星期|礼拜|天)(?:之)?前")
PLAN = ("将", "即将", "要", "准备", "会", "将会")
PLAN_LONGEST_FIRST = tuple(sorted(PLAN, key=len, reverse=True))   # sorted once, not per step back
# After a verb: a noun (发布会), a description (推出的iPhone), a past (发布过).
ATTRIBUTIVE = ("会", "的", "过")
# A verb ending its words (doer_enough kinds): 了, a clause's end, or a figure, maybe after
# 至/超/最高 (涨价3000元, 降价至9.9万元, 降价了); not a noun it describes (降价策略, 涨价潮, 降价后).
DOER_GAP = 10
QUOTES_OPEN = "“「『《\"\'‘"
VERB_ENDS = regex.compile(r"了|$|[\s\d，,。：:！!？?；;、）)」”\"]|[至到超近逾约达最高]{1,3}\s?[\d一二两三四五六七八九十百千万]")
# Words between a product and the verb that releases it (天璣9400重磅登場, 正式發表).
# A market edition (国行, 港版) between a product and its verb is part of what is released;
# an official channel (官方, 在官微) between a maker and its announcement is how.
FILLER = regex.compile(r"(?:正式|重磅|隆重|全新|首次|同步|[于於]?(?:今天|今日|今晚|昨天|昨日|昨晚)|日前|再次|终于|也|已|现已|"
                       r"\d{1,2}日|国行版?|港版|台版|国际版|中国版|海外版|全球版|官方|在官[微网]|在官方微博|\s)+$")
# The words opening a clause that may be its doer when they name no known organisation.
CLAUSE_SUBJECT = regex.compile(r"(?:[A-Za-z][A-Za-z0-9\-]*\s?)?\p{Han}{1,8}$|[A-Za-z][A-Za-z0-9\-]*(?: [A-Za-z0-9\-]+){0,2}$")
NOT_SUBJECTS = ("其", "它", "该", "他", "她", "我们", "公司", "官方", "双方", "对此", "此外", "同时", "据悉", "目前",
                "今日", "今天", "日前", "近日", "另外", "随后", "最后", "首先")
# A Latin product name after a release verb and its adjectives (发布全新ColorOS 13).
LATIN_AFTER = regex.compile(r"(?:全新|新一代|新款|最新|首款|首个|旗下|新|的|[ \t])*"
                            r"([A-Za-z][A-Za-z0-9+\-]*(?: [A-Za-z0-9+\-]+){0,3})")
# The words naming who must do a kind's deed (河南商丘人民法院): a few words, up to a
# preposition or a clause's end, then one of the kind's doers.
DOER_NAME = r"(?:(?![由被经在向对与和及的])\p{Han}){0,12}"
# What a headline's release verb puts out when no table knows it (推出AI招聘助手): a few words.
DESCRIBED = regex.compile(r"(?:了|全新的?|新一代|新款|最新的?|首个|首款|新的?)?\s?((?:[A-Za-z][A-Za-z0-9+\-]*\s?)?\p{Han}{2,10})")
# The company an acquisition buys, when no table knows it: the words after the verb up to the stake.
# 签署收购框架协议, 收购意向书: a deal's paper the verb qualifies, no company bought (no deed told).
DEAL_PAPER = regex.compile(r"(?:的)?(?:框架|意向|正式|最终|股权|股份)?(?:协议书|协议|意向书|合同|备忘录|条款)")
TARGET = regex.compile(r"(?:(?!全部|部分|股权|股份|旗下|业务|资产)[\p{Han}A-Za-z0-9]){2,10}(?=全部|部分|的|股权|股份|\d|及|[,，。;；]|\n|$)")
# What a release verb publishes when it is news of figures or words, not of a product.
REPORTED_OBJECT = regex.compile(r"(?:了|的)?(?:最新|一份|一项|新一期|年度|季度)?(?:研究)?(?:报告|数据|调查|统计|公告|声明|白皮书|榜单|预测|研报|报表)")
# Results made public after a verb (9月合併營收, 2024年第三季財報, 前三季業績), on the Simplified view.
# (…|第1季归属于母公司税后净利: a quarter's net profit, only after a period)
RESULTS = regex.compile(
    r"\s?(?:了)?\s?(?P<obj>(?:\d{4}\s*(?:财)?年度?\s*)?(?:第?[一二三四1-4]\s*(?:个)?财?季度?|Q[1-4]|[上下]半年|全年|"
    r"\d{1,2}\s*月份?|前[一二三四五六七八九十\d]{1,2}(?:季度?|个月))?\s*(?:的)?(?:合并|自结)?"
    r"(?:营收|财报|业绩|财务报告|获利|营运成绩|财务数据|营运数据|(?<=季度?)(?:归属于?母公司(?:业主)?的?)?税后净利))")
CONJOINED = frozenset("与和跟同及")
# A携手B, A与全球汽车半导体大厂B: a joiner, then words describing B (no clause's end, no verb word).
JOINED_BEFORE = regex.compile(r"(?:携手|联手|联合|偕同|连同|[与和跟同及])(?:(?![与和跟同及的])\p{Han}){0,10}$")
JOINED_REACH = 14
PARTNER_CONJ = regex.compile(r"[与和同跟](?=[^与和同跟]*$)")
HAN = regex.compile(r"\p{Han}")
HEAD_NOT_POS = frozenset("dpcurmqtfy")
LATIN_HEAD = regex.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9+\-]*(?: [A-Za-z0-9+\-]+){0,2})(\p{Han}{1,3})$")
LATIN_RUN = regex.compile(r"[A-Za-z][A-Za-z0-9+\-]*(?: [A-Za-z0-9+\-]+){0,3}")
PRONOUNS = ("其", "它", "该")
CLAUSE_END = CLAUSES.delimiters

# A forum that is a website (黑客论坛的一名成员, 在暗网论坛上出售, 论坛用户透露): its name
# says online, or what follows it is its members or their posts. No gathering.
WEB_FORUM_NAME = regex.compile(r"黑客|骇客|暗网|地下|匿名")
WEB_FORUM_AFTER = regex.compile(
    r"\s?(?:[的上中里内]\s?)?(?:(?:一|某|有|多)\s?[名位个些]?\s?)?"
    r"(?:成员|用户|会员|网友|版主|帖|贴文|发帖|贴出|版块|管理员|帐号|账号|上出售|上兜售)")


def web_forum(key: str, name_start: int, head_start: int, head_end: int) -> bool:
    """Is the forum whose name runs key[name_start:head_end] (its head 论坛 at head_start) a
    website, not a gathering (see WEB_FORUM_NAME, WEB_FORUM_AFTER)?"""
    if not key.startswith("论坛", head_start):
        return False
    return WEB_FORUM_NAME.search(key, name_start, head_start) is not None \
        or WEB_FORUM_AFTER.match(key, head_end) is not None
RELEASE_REACH = 30      # characters from a release verb to the product it releases
# A product after these words is what the one released carries (推出搭载M2 Pro芯片的MacBook Pro).
CARRIED = regex.compile(r"搭载|配备|采用|内置|基于|支持|集成|配载")
ORGANISER_REACH = 40    # characters back from a verb or noun to the organisation doing it
# An organisation the news is told on the word of (据路透社报道，…; 《星河日报》报道称，…;
# 【星河网报道】): the source of the report, not the one holding what it reports (Simplified view).
NEWS_SOURCE_AFTER = regex.compile(r"[》」』”\"】 ]{0,2}(?:报道|报导|援引|引述|消息称|消息指)")
# A bracket opening a paragraph is a wire item's dateline or a byline (（中央社記者某某台北3日電）,
# 【星河报记者 某某】), no gloss of a name before it: an organisation in it does nothing told after it.
OPENING_CLOSERS = {"）": "（", ")": "(", "】": "【"}
DATELINE_BRACKET_MAX = 48   # characters a dateline or byline bracket may hold
LEAD_PERSON_REACH = 16      # characters from a dateline to the name of the person doing the lead's deed
OPENING_BRACKET = regex.compile(r"[ \t\u3000]*[（(【][^（）()【】\n]{0,46}[）)】][ \t\u3000]*")


def _opens_paragraph(norm: str, close: int) -> bool:
    """Does the bracket closing at close open its paragraph (a line break or the text's start,
    spaces allowed, before its opener)?"""
    opener = norm.rfind(OPENING_CLOSERS[norm[close]], max(0, close - DATELINE_BRACKET_MAX), close)
    if opener < 0 or "\n" in norm[opener:close]:
        return False
    k = opener
    while k > 0 and norm[k - 1] in " \t\u3000":
        k -= 1
    return k == 0 or norm[k - 1] == "\n"


# The last text read and where its first line break is (-1: none): _in_headline's one-entry cache,
# a tuple swapped whole so threads never see one text's break with another's.
_FIRST_BREAK: list[tuple[str, int]] = [("", -1)]


# (patterns compiled at load, not looked up in regex's cache per call)
_ROUND_LETTER = regex.compile(r"[A-Fa-f]\+*")
_HAN_CHAR = regex.compile(r"\p{Han}")


@dataclass
class OneOff:
    start: int
    end: int
    kind: str                  # the kind's slug
    organizer: str | None      # org id
    org_span: tuple[int, int] | None
    subject: str | None        # product id, period slug or name slug
    subject_span: tuple[int, int] | None
    title: str | None = None   # a quoted name of its own
    strong: bool = True        # a gathering noun (not 财报 / 业绩, not a verb)
    verb: bool = False
    bare: bool = False
    held: bool = False         # 召開股東常會: a verb of holding before a bare noun names it
    year: int | None = None
    doer: bool = False         # a verb whose doer the text names (法院驳回, 何小鹏与传媒见面, 飞腾宣布)
    described: bool = False    # the subject is a headline's description (推出AI招聘助手), not a name
    date_span: tuple[int, int] | None = None   # the date right before a verb (小米11日宣布): its own
    latest: tuple[int, int, str] | None = None  # 最新 before results, and the period the text gives it
    doer_words: bool = False   # a noun's doer read from its sentence (法院…公開判決書): joins one of its kind


def period_slug(m: regex.Match) -> str | None:
    q = m.group("q") or m.group("qq")
    part = None
    if q:
        part = f"q{PLAIN_DIGITS.get(q, q)}"
    elif m.group("h"):
        part = "h1" if m.group("h") == "上" else "h2"
    if m.group("fy"):
        return f"fy{m.group('fy')}-{part}" if part else f"fy{m.group('fy')}"
    return part


def session_bodies(data: dict) -> tuple[str, ...]:
    """A legislature or one of its committees (event_kinds.yaml `sessions`: bodies)."""
    return tuple((data.get("sessions") or {}).get("bodies") or ())


def legislature_body(bodies: tuple[str, ...]) -> str:
    """A pattern of a legislature's body: one of bodies (two: 立法院 财委会), then perhaps a
    committee of it (立法院经济委员会); a committee word alone is no legislature (a company
    has committees too)."""
    one = "(?:" + "|".join(regex.escape(w) for w in sorted(bodies, key=len, reverse=True)) + ")" if bodies else "(?!)"
    return r"(?:" + one + r"\s?)?" + one + r"(?:[\p{Han}]{1,10}?委员会)?"


class OneOffFinder:
    def __init__(self, data: dict) -> None:
        self.noun_kind: dict[str, str] = {}
        self.verb_kind: dict[str, str] = {}
        for kind in data["kinds"]:
            for n in kind["nouns"]:
                self.noun_kind[n.lower()] = kind["slug"]
            for v in kind.get("verbs") or ():
                self.verb_kind[v] = kind["slug"]
        self.weak = {w: data["weak_nouns"][w] for w in data.get("weak_nouns", {})}
        nouns = sorted(set(self.noun_kind) | set(self.weak), key=len, reverse=True)
        self.nouns = nouns
        self.noun_finder = ahocorasick_rs.AhoCorasick(nouns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.verbs = sorted(self.verb_kind, key=len, reverse=True)
        self.verb_finder = ahocorasick_rs.AhoCorasick(self.verbs, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.titled_only = {k["slug"] for k in data["kinds"] if k.get("titled_only")}
        # Kinds a bare noun of never names (举办签约仪式: whose signing, the words do not say)
        self.named_only = {k["slug"] for k in data["kinds"] if k.get("named_only")}
        # Kinds a verb names only in the headline (an outage the article is about; one told in
        # passing, 法說會一度當機, is background to other news)
        self.headline_only = {k["slug"] for k in data["kinds"] if k.get("headline_only")}
        # Nouns that name an event of their kind only when a body of its own holds it
        # (专案报告 is a legislature's session, 立法院…进行专案报告; a firm's report is none).
        # (held_by: sessions: a legislature or its committee, as lead_events.py reads a sitting)
        legislature = regex.compile(legislature_body(session_bodies(data)) + "$")
        self.body_held = {n: legislature if k.get("held_by") == "sessions" else regex.compile(
            "(?:" + "|".join(regex.escape(w) for w in k.get("held_by") or ()) + ")$" if k.get("held_by") else "(?!)")
            for k in data["kinds"] for n in k.get("body_nouns") or ()}
        self.doers = {k["slug"]: tuple(k["doers"]) for k in data["kinds"] if k.get("doers")}
        self.doer_words = {kind: regex.compile(DOER_NAME + "(?:" + "|".join(
            regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")
            for kind, words in self.doers.items()}
        self.clause_subject = {k["slug"] for k in data["kinds"] if k.get("clause_subject")}
        # Kinds whose verb makes an event with its doer alone (no product released).
        self.doer_alone = {k["slug"] for k in data["kinds"] if k.get("doer_alone")}
        # Kinds whose verb, ending its words, makes an event with its doer when no product is named.
        self.doer_enough = {k["slug"] for k in data["kinds"] if k.get("doer_enough")}
        self.person_doer = {k["slug"] for k in data["kinds"] if k.get("person_doer")}
        self.object_org = {k["slug"] for k in data["kinds"] if k.get("object_org")}
        self.partner = {k["slug"] for k in data["kinds"] if k.get("partner")}
        self.results = next((k["slug"] for k in data["kinds"] if k.get("results")), None)
        self.needs_round = {k["slug"] for k in data["kinds"] if k.get("needs_round")}
        # Nouns naming an event held to launch a product: a bare one is named by the product.
        self.product_named = frozenset(n for k in data["kinds"] for n in k.get("product_named") or ())
        # Kinds that are an event only as "a" one (在一場專題演講中): the article's own is its event.
        self.indefinite_only = {k["slug"] for k in data["kinds"] if k.get("indefinite_only")}
        # Kinds whose deed the headline-and-lead reader names (a lawsuit): see event_kinds.yaml.
        self.lead_named = {k["slug"] for k in data["kinds"] if k.get("lead_named")}
        self.answered = {k["slug"] for k in data["kinds"] if k.get("answered")}
        # (a kind's nouns naming the start of something, 开审 of a hearing: slug -> nouns)
        self.dated_news = {k["slug"]: tuple(k["dated_news"]) for k in data["kinds"] if k.get("dated_news")}
        # (the words telling a deed of a kind by its outcome: 胜诉 is a ruling)
        self.outcomes = {k["slug"]: tuple(k.get("outcomes") or ()) for k in data["kinds"]}
        self.document = next((k["slug"] for k in data["kinds"] if k.get("document_object")), None)
        self.listing_object = next((k["slug"] for k in data["kinds"] if k.get("list_object")), None)

    # -- context -------------------------------------------------------------
    @staticmethod
    def lead_end(doc: Document, paragraphs: int = LEAD_PARAGRAPHS) -> int:
        """End of the headline and the first body paragraphs (found once a text and count:
        the event readers ask it some four times a document, with up to four counts)."""
        return OneOffFinder._lead_end(doc.norm, paragraphs)

    @staticmethod
    @functools.lru_cache(maxsize=8)
    def _lead_end(text: str, paragraphs: int) -> int:
        end = text.find("\n")
        if end < 0:
            return len(text)
        counted = 0
        while counted < paragraphs:
            while end < len(text) and text[end] in "\n \u3000":
                end += 1
            nxt = text.find("\n", end)
            if nxt < 0:
                return len(text)
            # 作者 | 靖宇, 【文/观察者网 吕栋】, an editor's teaser (【新智元导读】…) and, before
            # the first paragraph of news, a tagline (刀刀见血。): no paragraph of the news
            byline = (nxt - end <= BYLINE_MAX_CHARS or text.startswith("【", end)) \
                and BYLINE.match(text, end, nxt) is not None
            if not byline and (counted or nxt - end >= LEAD_MIN_CHARS):
                counted += 1
            end = nxt
        return end

    @staticmethod
    def _named_at(doc: Document, org) -> tuple[int, int]:
        """Where an organisation's mention is named; for a gloss in brackets right after its
        name (工业和安全局（BIS）), the name before it."""
        entity, start, end = org
        if doc.norm[start - 1:start] in ("（", "(") and doc.norm[end:end + 1] in ("）", ")"):
            before = next((s for s, e in entity.mentions if e == start - 1), None)
            if before is not None:
                return before, start - 1
        return start, end

    @staticmethod
    def _told_done(doc: Document, start: int) -> bool:
        """In an article with a headline, a deed its clause tells as done: no rumour, no
        plan, no 被 or 遭 before the verb (传将被…起诉, 被…控告 are the lead reader's)."""
        norm = doc.norm
        first = norm.find("\n")
        if first <= 0 or first > HEADLINE_MAX:
            return False
        clause = CLAUSES.start(norm, start, max(0, start - 2 * RELEASE_REACH))   # (one search, no walk)
        before = norm[clause:start]
        return not any(w in before for w in RUMOUR + PLAN + BACKGROUND + PASSIVE_MARKS)

    @staticmethod
    def _first_break(doc: Document) -> int:
        """Where the headline ends: the first line break after any leading blank lines (-1: none).
        Found once per text (a text of one line would otherwise be scanned whole at every
        call, quadratic in its length)."""
        norm, first = _FIRST_BREAK[0]
        if norm is not doc.norm:
            norm = doc.norm
            first = norm.find("\n", len(norm) - len(norm.lstrip()))
            _FIRST_BREAK[0] = (norm, first)
        return first

    @staticmethod
    def _deal_paper(doc: Document, k: int) -> bool:
        """Does a deal's paper start at k and end a word there (收购框架协议，, 收购协议后), not a noun
        going on past it (收购合同能源企业: a company bought, no contract)?"""
        m = DEAL_PAPER.match(doc.key, k)
        if m is None:
            return False
        e = m.end()
        if e >= len(doc.key) or not ("\u4e00" <= doc.key[e] <= "\u9fff"):
            return True
        if not doc.starts_token(e):
            return False
        return not doc.tokens[doc.token_index_at(e)].pos.startswith("n")

    @classmethod
    def _in_headline(cls, doc: Document, pos: int) -> bool:
        """Is pos on the first line of a text of several?"""
        return pos <= cls._first_break(doc)

    def _products(self, doc: Document) -> tuple[dict[int, tuple[int, Product]], dict[int, tuple[int, Product]]]:
        by_end, by_start = {}, {}
        for p in doc.layers.get("products", []):
            for s, e in p.mentions:
                by_end[e] = (s, p)
                by_start[s] = (e, p)
        return by_end, by_start

    @staticmethod
    def _org_mention_at(orgs: EntityTable, pos: int):
        """(entity, start, end) of the organisation mention covering pos."""
        at = orgs.at    # (the offset's entity, as covering(i, i + 1) finds it)
        ent = at(pos)
        if ent is None:
            return None
        # The run of characters it covers (a walk of a name's length, not a scan of
        # every mention: an organisation named thousands of times stays linear).
        s = pos
        while s > 0 and pos - s < MAX_NAME and at(s - 1) is ent:
            s -= 1
        e = pos + 1
        while e - pos < MAX_NAME and at(e) is ent:
            e += 1
        return ent, s, e

    def _organiser_before(self, doc: Document, orgs: EntityTable, pos: int, lo: int):
        """The nearest organisation mention ending before pos, not before lo."""
        i = pos - 1
        norm, at = doc.norm, orgs.at
        while i >= lo:
            c = norm[i]
            if c in "。；;！!？?\n":
                return None
            if c == " " and i > 0 and HAN.match(norm, i - 1) \
                    and HAN.match(norm, i + 1) and self._in_headline(doc, i):
                return None     # 1082萬個AMD核心 美國Crusher超算已上線: a space parts a headline's clauses
            if c in OPENING_CLOSERS and _opens_paragraph(norm, i):
                return None     # （中央社記者某某台北3日電）, 【星河报记者 某某】: a dateline or byline does nothing
            if at(i) is None:   # (what _org_mention_at finds there: nothing)
                i -= 1
                continue
            hit = self._org_mention_at(orgs, i)
            if hit is not None and NEWS_SOURCE_AFTER.match(doc.key, hit[2]):
                return None     # 据星河网报道，…发布会: the report's source holds nothing it reports
            if hit is not None:
                # Lenovo與Intel的合作…推出: the first of two organisations joined does it
                k = hit[1]
                if k >= 2 and doc.norm[k - 1] in CONJOINED and k - 1 > lo:
                    first = self._org_mention_at(orgs, k - 2)
                    if first is not None and first[2] == k - 1 and first[0] is not hit[0]:
                        return first
                # 和碩攜手恩智浦今天宣布…, 和碩科技與全球汽車半導體大廠恩智浦…: the one leading
                # the other (a description of the other between them) does it
                for joined in JOINED_BEFORE.finditer(doc.key, max(lo + 1, k - JOINED_REACH), k, overlapped=True):
                    first = self._org_mention_at(orgs, joined.start() - 1)
                    if first is not None and first[2] == joined.start() and first[0] is not hit[0]:
                        return first
                return hit
            i -= 1
        return None

    # -- nouns ---------------------------------------------------------------
    def _noun(self, doc: Document, orgs: EntityTable, products, start: int, end: int, kind: str,
              weak: bool, taken: set[int], date_ends: dict[int, int], people: EntityTable | None = None) -> OneOff | None:
        by_end, _ = products
        norm = doc.norm
        last = doc.tokens[doc.token_index_at(end - 1)]
        if last.start == end - 1 and last.end > end and last.pos.startswith("v"):
            return None     # (方程豹汽车展开研发: 展 opens the verb 展开, no 车展 ends there)
        pos = start
        for i in range(start - 1, max(0, start - SERIES_GAP) - 1, -1):
            if norm[i] in CLAUSE_END:
                break
            if i in taken:
                return None     # Galaxy Unpacked發表會, IFA 2024柏林展會: the series names it
        found = OneOff(start, end, kind, None, None, None, None, strong=not weak)
        gloss = GLOSS.search(norm, max(0, pos - 40), pos)
        at = gloss.start() if gloss is not None else pos    # 「科技動腦」（Brainstorm Tech）會議
        quoted = QUOTED.search(norm, max(0, at - 32), at)
        if quoted is None and not weak and norm[start - 1:start] == "的":
            # (口号为「放飞吧」（Let Loose）的发布会: a title a naming word gives, before 的)
            quoted = TITLE_NAMED.search(norm, max(0, start - TITLE_NAMED_REACH), start)
        if quoted is not None and not weak:
            found.title = doc.text[quoted.start(1):quoted.end(1)].strip()
            year = YEAR_IN_TITLE.search(found.title)
            if year is not None:
                found.year = int(year.group(1))
            # (「放飛吧」（Let Loose）: a Latin gloss is the title's id in either script)
            glossed = (quoted.span("gloss") if "gloss" in quoted.re.groupindex
                       else gloss.span() if gloss is not None else (-1, -1))
            latin = LATIN_TITLE.fullmatch(norm, *glossed) if glossed[0] >= 0 else None
            words = doc.key[latin.start("t"):latin.end("t")] if latin is not None \
                else doc.key[quoted.start(1):quoted.end(1)]
            found.subject = name_id(YEAR_IN_TITLE.sub("", words).strip())
            pos = quoted.start()
        period = None
        latest = None
        vendor = None
        if kind in self.needs_round:
            r = ROUND.search(norm, max(0, pos - 10), pos)
            if r is None:
                return None     # 融资环境, 融资难: no round, no event
            found.subject = "series-" + r.group("r").lower() if _ROUND_LETTER.fullmatch(r.group("r")) \
                else name_id(doc.key[r.start("r"):r.end("r")])
            found.subject_span, pos = r.span(), r.start()
        if kind in self.doer_alone and not weak:
            case = CASE.search(norm, max(0, pos - 34), pos)
            if case is not None:    # 專利侵權案一審宣判: the case is what the ruling is of
                found.subject = name_id(doc.key[case.start():case.end()].rstrip("的作出做进行一二终再审"))
                found.subject_span, pos = case.span(), case.start()
        moved = True
        while moved and pos > 0 and start - pos <= MAX_NAME:
            moved = False
            while pos > 0 and norm[pos - 1] == " ":
                pos -= 1
            org = self._org_mention_at(orgs, pos - 1) if pos > 0 else None
            if org is not None and found.organizer is None:
                found.organizer, found.org_span = org[0].id, (org[1], org[2])
                pos, moved = org[1], True
                continue
            if pos in by_end and found.subject is None:
                s, p = by_end[pos]
                found.subject, found.subject_span = p.id, (s, pos)
                vendor = p.vendor     # 榮耀Nova 12系列發表會: the product's maker holds it
                pos, moved = s, True
                continue
            m = PERIOD.search(norm, max(0, pos - 16), pos)
            if m is not None and m.end() == pos and m.group() and period is None:
                period = m
                if m.group("fy") or m.group("y"):
                    found.year = int(m.group("fy") or m.group("y"))
                pos, moved = m.start(), True
                continue
            if pos in date_ends and start - date_ends[pos] <= MAX_NAME:
                pos, moved = date_ends[pos], True   # 聯發科9日發表會: the day it was held
                continue
            mod = next((w for w in MODIFIERS if norm.endswith(w, 0, pos)), None)
            if mod is not None:
                if mod == "最新" and weak and period is None and latest is None:
                    latest = (pos - len(mod), pos)
                pos, moved = pos - len(mod), True
                continue
            latin = LATIN_NAME.search(norm, max(0, pos - 30), pos)
            if latin is not None and found.subject is None and latin.end() == pos:
                found.subject = name_id(latin.group().strip())
                found.subject_span = (latin.start(), pos)
                pos, moved = latin.start(), True
        if weak and period is None:
            # 輝達最新財報: the latest results of an organisation named right before 最新 are one
            if latest is None or found.org_span is None or found.org_span[1] != latest[0]:
                return None
            later = LATER_PERIOD.match(norm, end)
            said = PERIOD.fullmatch(later.group("p")) if later is not None else None
            if said is not None and period_slug(said):
                found.subject = period_slug(said)
                if said.group("fy") or said.group("y"):
                    found.year = int(said.group("fy") or said.group("y"))
                found.latest = (latest[0], latest[1], doc.text[later.start("p"):later.end("p")])
            else:
                found.subject = "latest"
            found.subject_span = latest
        if found.organizer is None and vendor is not None and found.title is None:
            found.organizer = vendor
        if found.subject is None and period is not None:
            found.subject = period_slug(period)
            found.subject_span = period.span()
        found.start = min(start, pos)
        if found.start == start and found.title is None and norm[start - 1:start] == "的":
            k = start - 1
            while k > 0 and norm[k - 1] == " ":
                k -= 1
            if k in by_end and not weak:    # 领克 Z10 的发布会: the product's launch, by its maker
                s, p = by_end[k]
                found.subject, found.subject_span, found.start = p.id, (s, k), s
                if found.organizer is None and p.vendor:
                    found.organizer = p.vendor
        if found.start == start and found.title is None and not weak and norm.endswith("项目", 0, start):
            project = PROJECT.search(norm, max(0, start - MAX_PROJECT), start)
            if project is not None:
                org = self._org_mention_at(orgs, project.start())
                words = project.start()
                if org is not None and org[1] == project.start() and found.organizer is None:
                    found.organizer, found.org_span = org[0].id, (org[1], org[2])
                    words = org[2]  # (特斯拉储能工厂项目: the organisation's, the rest its subject)
                found.subject = name_id(doc.key[words:project.end()])
                found.subject_span = project.span()
                found.start = project.start()
        if found.start == start and found.title is None and norm[start - 1:start] == "的":
            owner = OWNER.search(norm, max(0, start - 1 - MAX_OWNER), start - 1)
            if owner is not None and self._describes(doc, owner.start(), owner.end()):
                owner = None        # 持续两天的拍卖: how long or what it did, not whose
            if owner is not None:   # 新加坡工厂的开幕式: what it is the event of names it
                found.subject = name_id(doc.key[owner.start():owner.end()])
                found.subject_span = owner.span()
                found.start = owner.start()
        if found.start == start and found.title is None:
            found.bare = True
            found.held = norm[:start].rstrip().endswith(HOLD)
            if norm[start - 1:start] == "的":   # 台积电的法说会
                org = self._org_mention_at(orgs, start - 2) if start >= 2 else None
                if org is not None:
                    found.organizer, found.org_span, found.bare = org[0].id, (org[1], org[2]), False
            elif norm[start - 1:start] in ("在", "于", "於") and not weak and kind not in self.person_doer:
                # 美团在财报电话会上: the organisation right before 在 holds the gathering it is at
                org = self._org_mention_at(orgs, start - 2) if start >= 2 else None
                if org is not None and org[2] == start - 1 and (org[1] == 0 or norm[org[1] - 1] in CLAUSE_END
                                                                 or norm[org[1] - 1] in " \n"):
                    found.organizer, found.org_span, found.bare = org[0].id, (org[1], org[2]), False
        if found.bare and kind in self.doers and not weak and found.organizer is None:
            # 案件由河南商丘人民法院周二公開判決書: the court of the noun's sentence gives the ruling
            sentence = doc.sentence_at(start).start
            doer = None
            for m in self.doer_words[kind].finditer(doc.key, max(sentence, start - ORGANISER_REACH), start):
                doer = m
            if doer is not None:
                org = self._org_mention_at(orgs, doer.end() - 1)
                found.organizer = org[0].id if org is not None else None
                found.org_span, found.doer, found.bare = doer.span(), True, False
                found.doer_words = True
        indefinite = INDEFINITE.search(norm, max(0, found.start - 3), found.start)
        if kind in self.indefinite_only and (indefinite is None or not found.bare):
            return None
        if found.bare and kind in self.person_doer and people is not None:
            # 周凱旋周一在傳媒午宴時說: the person at a press lunch holds it (for their employer).
            j = found.start if indefinite is None else indefinite.start()
            if norm[j - 1:j] in ("在", "于", "於"):
                j -= 1
                if j in date_ends and found.start - date_ends[j] <= MAX_NAME:
                    j = date_ends[j]
            else:   # 王興出席投資者會議時: the person attending holds it, for their employer
                attend = ATTENDING.search(norm, max(0, j - 4), j)
                if attend is not None:
                    j = attend.start()
                    if j in date_ends and found.start - date_ends[j] <= MAX_NAME:
                        j = date_ends[j]    # (林志远今日出席…)
            person = people.covering(j - 1, j) if j > 0 else None
            if person is not None:
                s = j
                while s > 0 and people.covering(s - 1, s) is person:
                    s -= 1
                found.organizer, found.org_span, found.doer = person.organization, (s, j), True
                found.bare = False
        if found.organizer is None and not found.doer:
            org = self._organiser_before(doc, orgs, found.start, max(0, found.start - ORGANISER_REACH))
            if org is not None and found.bare and not found.held and people is not None \
                    and people.covering(org[2], found.start) is not None:
                org = None  # 小米總裁林宛蓉也出席了發布會: a guest's employer does not hold the article's event
            if org is not None:
                found.organizer, found.org_span = org[0].id, (org[1], org[2])
        bodies = self.body_held.get(doc.key[start:end])
        if bodies is not None and (found.org_span is None
                                   or bodies.search(doc.key[found.org_span[0]:found.org_span[1]]) is None):
            return None
        return found

    @staticmethod
    def _describes(doc: Document, start: int, end: int) -> bool:
        """Do the words hold a verb or a number (持续两天), so describe rather than own?"""
        i = doc.token_index_at(start)
        while i < len(doc.tokens) and doc.tokens[i].start < end:
            if doc.tokens[i].pos.startswith(("v", "m")):
                return True
            i += 1
        return False

    # -- verbs ---------------------------------------------------------------
    def _release(self, doc: Document, orgs: EntityTable, products, start: int, end: int,
                 kind: str, dated: set[int], date_ends: dict[int, int], people: EntityTable | None = None,
                 employer=None) -> OneOff | None:
        by_end, by_start = products
        norm = doc.norm
        sentence_dated = doc.sentence_index(start) in dated
        if norm.endswith(RUMOUR, 0, start) or (norm.endswith(PLAN, 0, start) and not sentence_dated):
            return None     # 傳將推出, 即將發布: a rumour, or a plan without a date
        if norm.startswith(COMPOUND_AFTER, end) or SINCE.match(norm, end):
            return None     # 上市公司, 上市后, 发布3年后: a noun, or the time of something else
        if REPORTED_OBJECT.match(norm, end):
            return None     # IDC发布报告称: publishing a report, data or a statement is no launch
        clause = CLAUSES.start(norm, start, max(0, start - 2 * RELEASE_REACH))   # (one search, no walk)
        opening = OPENING_BRACKET.match(norm, clause, start)
        if opening is not None and (clause == 0 or norm[clause - 1] == "\n"):
            clause = opening.end()  # （中央社台北3日電）加拿大宣布…: the clause opens after the dateline
        else:
            opening = None
        if any(w in norm[clause:start] for w in BACKGROUND) or AGO.search(norm, clause, start):
            return None     # 華為去年推出Mate 60, 一个月前推出了: background to the news
        past = PAST_YEAR.search(norm, clause, start)
        if past is not None and doc.reference_date is not None \
                and int(past.group(1)) < doc.reference_date.year:
            return None     # 華為2013年推出Mate系列以來: a release of a past year is background
        subject = None      # (start, end, id, product or None)
        i = end
        carried = False     # (推出搭载M2 Pro芯片的MacBook Pro: the chip is what it carries)
        reach = min(len(norm), end + RELEASE_REACH)
        stop = CLAUSES.end(norm, i, reach)      # (the clause's end found by one search, not per character)
        while i < stop:
            if i in by_start:
                p = by_start[i][1]
                if CARRIED.search(doc.key, end, i) and not carried:
                    carried = True
                    i = by_start[i][0]
                    stop = CLAUSES.end(norm, i, reach)
                    continue
                if not carried or "的" in doc.key[end:i]:
                    subject = (i, by_start[i][0], p.id, p)
                break
            i += 1
        j = start
        own_date = None
        while start - j < ORGANISER_REACH:  # fillers and a date between the doer and the verb (於2024年3月5日駁回)
            if j in date_ends and date_ends[j] < j:
                own_date = own_date if own_date is not None else (date_ends[j], j)
                j = date_ends[j]
                j -= norm[j - 1:j] in ("于", "於", "在")
                continue
            filler = FILLER.search(norm, max(0, j - 12), j)
            if filler is not None and filler.start() < j:
                j = filler.start()
                continue
            place = _place_before(doc, j)
            if place is not None:
                j = place   # (将于2月2日在美国上市: a place the deed is done in, 在 and its name)
                continue
            plan = next((w for w in PLAN_LONGEST_FIRST if norm.endswith(w, 0, j)), None) \
                if norm.endswith(PLAN, 0, j) else None
            if plan is not None and j < start:
                # 真我GT Neo5将于2月9日发布: a plan stepped over only with its date
                if not sentence_dated:
                    return None
                j -= len(plan)
                continue
            break
        if j < start and norm.endswith(RUMOUR, 0, j):
            return None     # 傳將於3月發布: a rumour with a date is still one
        if subject is None and j in by_end:
            s, p = by_end[j]
            subject = (s, j, p.id, p)
        if subject is None:
            subject = self._latin_subject(doc, end, j)
            if subject is not None and orgs.covering(subject[0], subject[1]) is not None:
                subject = None      # (OpenAI於13日發布…: the organisation does it; it is not released)
        headline = self._in_headline(doc, start)
        if subject is None and headline:
            subject = self._latin_with_head(doc, j)
        found = OneOff(start, end, kind, None, None, None, None, strong=False, verb=True, date_span=own_date)
        if kind == self.results:    # the results are what it makes public
            r = RESULTS.match(norm, end)
            subject = (r.start("obj"), r.end("obj"), name_id(doc.key[r.start("obj"):r.end("obj")]), None)
        if kind in self.doer_alone:
            subject = None      # what is announced or ruled is no product released
            document = DOCUMENT.match(norm, end) if kind == self.document \
                else LISTED.match(norm, end) if kind == self.listing_object else None
            if document is not None:    # 印发《…办法》, 新增140家公司至「实体清单」: what is made public or listed
                subject = (document.start("t"), document.end("t"),
                           name_id(doc.key[document.start("t"):document.end("t")]), None)
            if kind in self.object_org:     # 收购云岫软件: the company bought
                k = end + (norm[end:end + 1] == " ")
                if self._deal_paper(doc, k):
                    return None     # (签署了收购框架协议: the paper of a deal, whose buyer the verb does not tell)
                hit = self._org_mention_at(orgs, k) if k < len(norm) else None
                if hit is not None and hit[1] >= end:
                    subject = (hit[1], hit[2], hit[0].id, None)
                else:       # 收購雲岫軟體全部股權: a company the tables do not know, up to its stake
                    target = TARGET.match(norm, k)
                    if target is not None:
                        subject = (target.start(), target.end(), name_id(doc.key[target.start():target.end()]), None)
        if kind in self.partner:    # 與小米達成戰略合作: the partner, then the doer before it
            subject = None
            conj = PARTNER_CONJ.search(norm, max(clause, j - MAX_NAME), j)
            if conj is not None:
                hit = self._org_mention_at(orgs, conj.end())
                if hit is not None and hit[1] == conj.end() and hit[2] == j:
                    subject = (conj.start(), hit[2], hit[0].id, None)
            if subject is None:
                return None
        if subject is not None:
            found.subject, found.subject_span = subject[2], (subject[0], subject[1])
        left = min(start, subject[0]) if subject is not None else j
        # 在Google Play商店上推出: an organisation inside a place phrase does not do the verb.
        in_place = False
        place = norm.rfind("在", clause, left)
        if place >= 0 and norm[left - 1:left] in ("上", "中"):
            left, in_place = place, True
        needs = self.doers.get(kind)
        person = people.covering(j - 1, j) if people is not None and j > 0 and needs is None else None
        org = None if person is not None and kind in self.person_doer \
            else self._organiser_before(doc, orgs, left, max(0, left - ORGANISER_REACH))
        # (工业和安全局（BIS）…新增: a kind's doer is judged, and named, by the name before a gloss)
        named = None if org is None else (org[1], org[2]) if needs is None else self._named_at(doc, org)
        if org is not None and (needs is None or doc.key[named[0]:named[1]].endswith(needs)):
            found.organizer, found.org_span = org[0].id, named
        elif subject is not None and subject[3] is not None and subject[3].vendor and not in_place:
            # (not 該錢包在App Store上推出iOS版本: a platform is no maker there)
            found.organizer = subject[3].vendor
        if found.organizer is None and person is None and org is None and opening is not None \
                and people is not None and needs is None:
            # （中央社記者某某台北3日電）星河國總理周明遠（Ming Zhou）今天在論壇上宣布…: the person
            # the lead opens with, a title or a place before the name, does what follows the dateline
            first = next(((a, b) for a, b, _ in people.within(clause, min(j, clause + LEAD_PERSON_REACH))), None)
            if first is not None and not any(c in norm[clause:first[0]] for c in "，,、的与和及"):
                person, j = people.covering(first[0], first[1]), first[1]
        if found.organizer is None and person is not None:
            # 雷军今天发布…, 何小鹏今日与传媒见面: a person does it for their employer.
            s = j
            while s > 0 and people.covering(s - 1, s) is person:
                s -= 1
            found.organizer = employer(person) if employer else person.organization
            found.org_span, found.doer = (s, j), True
        if found.org_span is None and (needs or kind in self.clause_subject):
            words = CLAUSE_SUBJECT.search(norm, clause, j) if j > clause else None
            if words is not None and words.start() == clause and words.group() not in NOT_SUBJECTS \
                    and not words.group().endswith(NOT_SUBJECTS) \
                    and (needs is None or words.group().endswith(needs)) \
                    and (needs is not None or kind not in self.clause_subject or self._opens_lead(doc, clause)):
                found.org_span, found.doer = words.span(), True
        elif found.org_span is not None and kind in self.doer_alone:
            found.doer = True
        elif found.org_span is not None and kind in self.doer_enough and subject is None \
                and self._doer_enough(doc, found.org_span, start):
            found.doer = True   # 星河汽车涨价3000元: the maker's own prices
        if subject is None and headline and found.organizer is not None and found.org_span is not None \
                and kind not in self.doer_alone and kind != self.results:
            subject = self._described_object(doc, end)
            if subject is not None:     # LinkedIn推出AI招聘助手: a headline's launch of a thing described
                found.subject, found.subject_span = subject[2], (subject[0], subject[1])
                found.described = True
        if kind in self.object_org and (subject is None or norm.endswith("被", 0, j)):
            return None     # 被收购, 收购其股份: the buyer must be named, and the company bought
        if kind in self.object_org and found.organizer is not None and found.organizer == subject[2]:
            # (星河宣布有关北辰收购星河股份: the company bought is no buyer of itself; the name
            # before the verb only announces the deed, whose buyer goes unread)
            found.organizer = found.org_span = None
        if kind in self.doer_alone and not found.doer:
            return None
        # A release needs its maker, or a named subject and a date (其將於1月3日發布), or a
        # headline saying a named subject is now out (美國Crusher超算已上線: no maker named).
        done = subject is not None and headline and subject[1] <= start and "已" in norm[subject[1]:start]
        if found.organizer is None and not found.doer and not (subject is not None and sentence_dated) \
                and not done:
            return None
        found.bare = subject is None and not found.doer
        return found

    @staticmethod
    def _doer_enough(doc: Document, org_span: tuple[int, int], start: int) -> bool:
        """星河汽车三天内再次涨价: a doer_enough kind's doer with no product is the organisation
        opening the verb's clause a few words before it (not 关税或致星河在美国涨价: what another
        thing may cause), no quote between (回应“产品涨价”: words it answers), in a headline that
        asks nothing (星河大降价！价格战如何掀起？: an analysis)."""
        norm = doc.norm
        gap = norm[org_span[1]:start]
        if len(gap) > DOER_GAP or any(c in QUOTES_OPEN or c in CLAUSE_END for c in gap):
            return False
        if org_span[0] > 0 and norm[org_span[0] - 1] not in CLAUSE_END and not norm[org_span[0] - 1].isspace():
            return False
        line_end = doc.norm.find("\n")
        line = doc.norm[:line_end] if line_end >= 0 else doc.norm
        return not any(c in line for c in "？?")

    @staticmethod
    def _described_object(doc: Document, after: int):
        """AI招聘助手 in a headline's LinkedIn推出AI招聘助手: the words after the verb up to the
        clause's end, a few of them, ending on a noun (not a report, not a plan)."""
        m = DESCRIBED.match(doc.norm, after)
        if m is None or REPORTED_OBJECT.match(doc.norm, after):
            return None
        start, end = m.span(1)
        if end < len(doc.norm) and doc.norm[end] not in CLAUSE_END and not doc.norm[end].isspace():
            return None     # (the object runs on: more than a headline's few words)
        last = doc.tokens[doc.token_index_at(end - 1)]
        if not (last.pos.startswith("n") or last.pos == "vn") or last.end != end:
            return None
        return (start, end, name_id(doc.key[start:end]), None)

    @staticmethod
    def _opens_lead(doc: Document, clause: int) -> bool:
        """Is clause the subject of the first body sentence, after a dateline (IT之家 7 月 11 日消息，今日，)?"""
        k = doc.sentence_index(clause)
        return k <= 2

    @staticmethod
    def _series_before(doc: Document, taken: set[int], pos: int) -> bool:
        """Does a named event's mention come earlier in pos's sentence?"""
        sentence = doc.sentence_at(pos)
        return any(i in taken for i in range(sentence.start, pos))

    @staticmethod
    def _latin_with_head(doc: Document, before: int):
        """Crusher超算已上線: a Latin name and the one Han noun saying what it is, right
        before the verb's fillers."""
        m = LATIN_HEAD.search(doc.norm, max(0, before - 30), before)
        if m is None or m.end() != before:
            return None
        i = doc.token_index_at(m.start(2))
        tok = doc.tokens[i]
        if tok.start != m.start(2) or tok.end != before or tok.pos[:1] in HEAD_NOT_POS:
            return None     # (超算 is tagged a verb: anything but a function word)
        return (m.start(), before, name_id(doc.key[m.start():before]), None)

    @staticmethod
    def _latin_subject(doc: Document, after: int, before: int):
        """A product the products layer does not know, written in Latin letters: the
        name right after the verb (發布全新ColorOS 13), right before it (Crusher已上線),
        or, after a pronoun (其將於…發布), the last one before the pronoun's clause."""
        norm = doc.norm
        m = LATIN_AFTER.match(norm, after)
        if m is not None and m.group(1):
            word = m.group(1).strip()
            if len(word) <= 3 and word.isupper() and _HAN_CHAR.match(norm[m.end(1):m.end(1) + 1]):
                # 推出了AI招聘助手Hiring Assistant: a short acronym before Han words describes;
                # the name comes after them
                nxt = LATIN_RUN.search(norm, m.end(1), min(len(norm), m.end(1) + RELEASE_REACH))
                if nxt is not None and not any(c in CLAUSE_END for c in norm[m.end(1):nxt.start()]):
                    return (nxt.start(), nxt.end(), name_id(nxt.group().strip()), None)
                return None
            return (m.start(1), m.end(1), name_id(word), None)
        m = LATIN_NAME.search(norm, max(0, before - 30), before)
        if m is not None and m.end() == before and any(c.isalpha() for c in m.group()) \
                and norm[m.start() - 1:m.start()] != "的":   # 在庫比蒂諾的Apple Park登場: a place
            return (m.start(), m.end(), name_id(m.group().strip()), None)
        sentence = doc.sentence_at(before).start
        clause = CLAUSES.start(norm, before, max(sentence, before - RELEASE_REACH))
        if norm[clause:clause + 1] in PRONOUNS and clause > sentence:
            names = list(LATIN_RUN.finditer(norm, max(sentence, clause - RELEASE_REACH), clause))
            if names:
                last = names[-1]
                return (last.start(), last.end(), name_id(last.group().strip()), None)
        return None

    def find(self, doc: Document, orgs: EntityTable, taken: set[int], people: EntityTable | None = None,
             employer=None) -> list[OneOff]:
        products = self._products(doc)
        claimed = doc.layers.get("claimed", {})
        dates = doc.layers.get("dates", [])
        date_ends = {e.end: e.start for e in dates}     # once: a noun walks over the day before it
        out: list[OneOff] = []
        nouns_at: set[int] = set()
        for idx, start, end in self.noun_finder.find_matches_as_indexes(doc.key):
            deadline.check("events")
            if start in taken or start in claimed:
                continue
            noun = self.nouns[idx]
            weak = noun in self.weak
            kind = self.weak[noun] if weak else self.noun_kind[noun]
            hit = self._noun(doc, orgs, products, start, end, kind, weak, taken, date_ends, people)
            if hit is not None and kind in self.titled_only and hit.title is None \
                    and not (noun in HELD_MEETINGS and doc.norm[:hit.start].rstrip().endswith(HOLD)):
                continue    # (聯合國安理會舉行會議, 召開中央…委員會會議: a meeting held is one)
            if hit is not None and kind in self.named_only and (hit.bare or hit.subject is None and hit.title is None):
                continue    # (举办远程开幕仪式: only modifiers before it, nothing names it)
            if hit is not None:
                out.append(hit)
                nouns_at.update(range(start, end))
        lead = self.lead_end(doc)
        product_ids = {p.id for p in doc.layers.get("products", [])}
        dated = {doc.sentence_index(e.start) for e in dates
                 if e.has_date or (e.day is not None and doc.reference_date is not None)}
        for idx, start, end in self.verb_finder.find_matches_as_indexes(doc.key[:lead]):
            deadline.check("events")
            if start in nouns_at or start in claimed or doc.key[end:end + 1] in ATTRIBUTIVE:
                continue    # 发布会 is a noun; 蘋果推出的iPhone 16 describes a product
            kind = self.verb_kind[self.verbs[idx]]
            if kind in self.lead_named and not self._told_done(doc, start):
                continue
            if kind in self.headline_only and 0 <= self._first_break(doc) < start:
                continue    # in the body: background (a text of one line is all headline)
            if kind == "launch" and self.results and not self.verbs[idx].startswith("正式") and RESULTS.match(doc.norm, end):
                kind = self.results     # 發布第三季財報: results made public, not a product launched
            elif kind == "launch" and self.document and DOCUMENT.match(doc.norm, end):
                kind = self.document    # 网信办发布《…规定》: rules made public, by a doer of theirs
            elif kind == self.document and not DOCUMENT.match(doc.norm, end):
                continue                # 印发 with no document named
            elif kind == self.listing_object and (not LISTED.match(doc.norm, end) or not self._told_done(doc, start)):
                continue                # 新增 of anything but a list's entries; 被列入: done to them
            elif kind == self.results and not RESULTS.match(doc.norm, end):
                continue                # 公布了新的定價: no results
            elif kind in self.doer_enough and not VERB_ENDS.match(doc.norm, end):
                continue                # 降价策略奏效, 涨价是好信号: talk about prices, no deed
            elif kind == "lawsuit" and NAMED_CASE.match(doc.key, end):
                continue                # 星河起诉云岫侵权系列案，终于…: the suit names a case, no deed of the news
            hit = self._release(doc, orgs, products, start, end, kind, dated,
                                date_ends, people, employer)
            if hit is not None and hit.subject is not None and hit.subject not in product_ids \
                    and self._series_before(doc, taken, start):
                continue    # WWDC 2024於…登場: the named event itself comes on, no product
            if hit is not None:
                out.append(hit)
        out.sort(key=lambda o: o.start)
        return out


PLACE_TOKENS = 2    # (place names after 在 before a verb: 在美国, 在北京 朝阳)


def _place_before(doc: Document, j: int) -> int | None:
    """The start of 在 + one or two place names (the tagger's ns) ending right at j, or None."""
    i = doc.token_index_at(j - 1) if j > 0 else -1
    if i < 0 or doc.tokens[i].end != j:
        return None
    n = 0
    while i >= 0 and n < PLACE_TOKENS and doc.tokens[i].pos == "ns":
        i -= 1
        n += 1
    if n == 0 or i < 0 or doc.key[doc.tokens[i].start:doc.tokens[i].end] != "在":
        return None
    return doc.tokens[i].start
