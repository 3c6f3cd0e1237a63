"""Organisations: knowledge-base names, then names the text itself marks.

Open-world rules: a name before an organisation suffix (青禾機器人公司,
上海交通大學, Arbor實驗室), a capitalised Latin name ending in a Latin suffix
(Arbor Labs, Foo Robotics Inc.), a Latin name after a descriptor
(新創公司Arbor Labs, 研調機構IDC), and a place with its government or ministry
(美國政府, 德國交通部); an open-world name recurs wherever its words do. A name the
knowledge base gives both to a company and to its product (Facebook) is the
product where the context says app; after a word for software (會議軟體Zoom), a
venue's name (SAP中心) or a brand's product line (NVIDIA Tesla K20X) it is no
company. Ordinary phrases are not names: a count of kinds (兩大技術), a field of
work after a dictionary word or an acronym (衛星通訊, IT技術), a Latin name before
the noun it describes (Agentic AI晶片).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..nlp.abbreviation import in_order
from ..nlp import quote_marks as qm
from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass
import regex
from ahocorasick_rs import AhoCorasick as PrivateAhoCorasick   # (one not in the shared pass)

from .scan_gates import any_word_finder, has_any
from ..ids import name_id
from ..kb import KnowledgeBase
from .product_platform_use import SHARE_CLASS, used_by_its_users
from ..nlp.document import Document
from ..nlp.needles import leftmost_longest
from ..nlp.segment import Segmenter
from ..nlp.spans import token_range_back, tokens_in
from ..nlp.text import is_cjk
from .context import after_descriptors, clause_opening_piece, is_latin, left_name_tokens
from .entities import Entity, EntityTable, MentionKeys
from .. import deadline

# The gazetteer loop checks the deadline once every this many matches: a check
# (a clock read) costs as much as the cheap steps of a match, and 16 matches take
# well under a millisecond.
MATCHES_PER_DEADLINE_CHECK = 16

# Capitalised Latin words (a name), bounded so matching stays linear.
# A Latin name's words: initials (D.A., J.P.) or a capitalised word that an apostrophe and
# letters may continue (Wa'ed, Domino's); the name is the whole run, never its last piece.
LATIN_ELISION = r"(?:['’][A-Za-z]{1,12})?"
LATIN_NAME = regex.compile(r"(?<![A-Za-z0-9.'’])(?:[A-Z]\.(?:[A-Z]\.){1,3}|[A-Z][A-Za-z0-9&\-]{0,30}" + LATIN_ELISION
                           + r")(?: [A-Z0-9][A-Za-z0-9&.\-]{0,30}" + LATIN_ELISION + r"){0,4}")
# A number written after a Latin name that a date's unit follows (SemiAnalysis 7月, App 10月20日)
# opens the date, no piece of the name (key view: 号 for 號).
DATE_UNITS = ("年", "月", "日", "号")


def without_date_number(text: str, start: int, name: str) -> str:
    """The name, less a last word of digits that opens a date right after it."""
    head, _, last = name.rpartition(" ")
    if head and last.isdigit() and text.startswith(DATE_UNITS, start + len(name)):
        return head.rstrip()
    return name


# A Latin company name, its region in brackets and a legal form: Nimbus Robotics (Malaysia) Pte. Ltd. (norm view).
LATIN_PLACED_REGISTERED = regex.compile(
    r"(?<![A-Za-z0-9.'’])[A-Z][A-Za-z0-9&\-]{0,30}(?: [A-Z][A-Za-z0-9&\-]{0,30}){0,4}"
    r" ?\([A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20})?\) ?"
    r"(?:Pte\. Ltd\.|Pvt\. Ltd\.|Co\., Ltd\.|Ltd\.|Limited|Inc\.|LLC|GmbH|B\.V\.|S\.A\.)")
APP_WINDOW = 16
# 腾讯新闻《潜望》, 騰訊新聞運營總經理 (key view): a company's name glued to 新闻 names its news
# app or outlet, not the company; 新闻 opening a word of the company's own press work
# (新闻发布会, 新闻稿, 新闻发言人, 新闻秘书, 新闻部, 新闻中心) still speaks of it, a name ending
# as an outlet's does (美國國家廣播公司新聞網, X新闻社) is left to the outlet rules, and only a
# company (the knowledge base's kind) runs such an app: 路透社新聞 and 彭博新聞記者 are the outlet
# itself, 白宫新闻秘书 the government's own staff.
NEWS_OUTLET_AFTER = regex.compile(r"新闻(?!发布|发言|秘书|稿|中心|部|局|办|处|官|联络|联播|通稿|公报|网(?!友|民)|社|台|频道|周刊)")
# What joins a dual name to a product listed beside it (Llama 和 DeepSeek), key view.
LIST_JOINERS = frozenset({"、", "和", "与", "與", "及", "以及", "或", "/"})
# A Latin name in brackets right after a name, up to the bracket or a comma that
# starts its abbreviation: （OwlTing Group）, （Star Foundation, SF）.
BRACKETED_LATIN = regex.compile(r" ?[(（]([A-Za-z][A-Za-z0-9&.\- ]{1,60}?)(?:[)）]|[,，])")
BRACKET_OPENINGS = (" ", "(", "（")   # what BRACKETED_LATIN's match must start with
# norm view: a body's Latin short form in brackets right after its name (…科學技術院（NLST）)
GLOSS_ACRONYM = regex.compile(r" ?\(\s?[A-Z][A-Z&\-]{1,7}\s?\)")
# A Latin short form a text gives a name in brackets (美國食品藥物管理局（FDA）), as the text writes it
SHORT_FORM_GLOSS = regex.compile(r"[A-Z][A-Z0-9&\-]{1,7}")
# 根據ZDNet Korea報導 (the key view: lower case, Simplified).
REPORTED_BY = regex.compile(r"(?:根据|据)\s?([a-z][a-z0-9&.\-]{1,30}(?: [a-z0-9][a-z0-9&.\-]{0,30}){0,3})\s?"
                            # (据 PC Gamer 于 20 日报道: the day it reported between)
                            r"(?:于\s?(?:[0-9]{1,4}\s?[年月日号]\s?){1,3})?"
                            r"(?:的)?(?:报导|报道|数据|指出|调查|统计|预估|预测|估计|估算|报告|消息|整理|发布|公布)")
# 綜合法新社和路透社報導, 据中新网报道 (key view): outlets whose names end like a news
# outlet, credited in the story itself as where the news comes from (not a dateline's
# masthead: the credits layer marks those).
MEDIA_HEAD = r"\p{Han}{1,6}?(?:社|网|新闻|日报|时报|晚报|电视台|电台|广播)"
# 据北岭日报3月9日报道, 據星河新聞網當地時間8日報導: the day it reported between name and report
REPORT_DAY = r"(?:当地时间)?(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?[0-9]{1,2}日"
CREDITED_OUTLETS = regex.compile(rf"(?:综合|根据|据)({MEDIA_HEAD}(?:(?:和|与|及|、){MEDIA_HEAD})*)"
                                 rf"(?:{REPORT_DAY})?(?:的)?(?:报导|报道|消息)")
# 向星河新闻记者透露, 接受青禾日报采访, 对远峰卫视表示 (key view): an outlet, by its ending,
# that a source speaks to or is interviewed by (its reporter perhaps named by his job).
INTERVIEWING_OUTLET = regex.compile(r"(?:向|对|接受|告诉)(\p{Han}{1,8}?(?:社|网|新闻|报|电视台|电台|卫视|周刊|频道))"
                                    r"(?:的)?(?:记者)?(?:专访|采访|透露|表示|证实|确认|说)")
# What is left of a name when a place before it is trimmed and nothing names the outlet (电视台)
BARE_OUTLET = regex.compile(r"社|网|新闻|报|日报|时报|晚报|电视台|电台|卫视|周刊|频道|广播")
OUTLET_JOINERS = regex.compile(r"和|与|及|、")
MEDIA_DESCRIPTOR = regex.compile(r"(?:官方|\p{Han})?媒体?")   # 外媒, 英媒, 官媒, 官方媒体
# 據陸媒第一財經報導 (key view): a word for a place's or the state's media glued before the outlet
MEDIA_WORD = r"(?:陆|港|台|澳|外|美|日|韩|英|德|法|俄|官|党|央)媒"
MEDIA_LEAD = regex.compile(MEDIA_WORD)
# A wire dateline that names no reporter (key view): the outlet, where and which day the
# story was filed, perhaps compiled from foreign wires (中央社舊金山22日綜合外電報導).
WIRE_DAY_DATELINE = regex.compile(r"(?:^|(?<=\n))[ \t]*\(([^()\n,，。;；]{2,24}?\d{1,2}日(?:综合外电)?"
                                  r"(?:电|报道|报导))\)", regex.M)
MAX_WIRE_DATELINES = 16
# A wire dateline opening a line, unbracketed (key view): the agency, the place it files
# from, the day, 电 (新华社北京3月27日电, 云岫社南岭5日电). Group 1 is the place.
WIRE_PLACE_DATELINE = regex.compile(r"(?m)^[ \t]*\p{Han}{1,6}?社(\p{Han}{2,8}?)(?:\d{1,2}月)?\d{1,2}日电")
# A name that starts with digits or a lower-case letter (91mobiles), to a word's end.
LATIN_LOWER_NAME = regex.compile(r"(?<![A-Za-z0-9])[0-9a-z][A-Za-z0-9&\-]{2,30}(?![A-Za-z0-9])")
# An opening dateline: a line that starts with the outlet and 報道 / 訊 (機器之心報道,
# 騰訊科技訊 5月17日…), in the key view, near the article's start.
DATELINE = regex.compile(r"(?m)^[ \t]*(\S{2,12}?)(?:报道|报导|讯)(?=[ \t]|$)")
MAX_DATELINE_AT = 300
MAX_DATELINE_LINE = 30
EDITORIAL_LINE = regex.compile(r"(?m)^[ \t]*(\S{2,12}?)编辑部[ \t]*$")
# An opening credit in brackets at a paragraph's start, the news following on the same line
# (key view): the outlet alone or with its filing word and staff ((星港之声中文网)…,
# 【青禾网报道】…, (云城网讯)…, 【青禾时报驻星港特约记者 X】…). No clause inside it.
BRACKETED_DATELINE = regex.compile(r"(?m)^[ \t]*[(【]([^()【】\n,，。;；:：、]{2,30})[)】](?=[^\s(【])")
# Such a bracket that is a filing credit (key view): it ends in the outlet's filing word
# (报道, 讯 but not 腾讯's or 资讯's, 消息, a wire's 5日电) or in its staff and their name
# (特约记者 林小雯). Any other bracket ((青禾科技供图), 【青禾科技】) hides only an outlet.
FILING_CREDIT = regex.compile(r"(?:报道|报导|(?<![腾资通快简])讯|消息|日专?电)$"
                              r"|(?:记者|通讯员)(?:\s?[\p{Han}·]{2,6})?$")
# A line of business and a registered legal form after a name (領克汽車 / 銷售有限公司), key view.
REGISTERED_FORM = regex.compile(r"\p{Han}{0,4}?(?:股份有限公司|有限责任公司|有限公司)")
# A registered company's name opened by its place: 杭州 / 星河 / 网络科技 / 有限公司 (key view).
LEGAL_FORM = regex.compile(r"(?<=\p{Han})(?:股份有限公司|有限责任公司|有限公司)")
LEGAL_FORM_ENDS = ("有限公司", "有限责任公司")   # key view: the ends of a registered name (股份有限公司 too)
MAX_REGISTERED_CHARS = 18   # characters before the legal form read for the place that opens the name
# key view: prepositions and conjunctions that open no name's first word (由, 與, 及, 向, 從, 據 …)
FRONT_FUNCTION_WORDS = frozenset("由与及向从在据对被把跟")
FRONT_LATIN_ONLY = frozenset("和同")   # these open many names: only before a Latin one (和PayPal)
PROPER_TAGS = frozenset({"nr", "ns", "nt", "nz"})   # a name's tags (nrt, nrfg too), by their first two letters
MAX_FRONT_ALIAS = 6   # the longest listed name read for at a name's first character
PLACE_OPENER_CUTS = frozenset("pcurmq")   # first letters of tags of words no registered name holds (由, 与, 的, 一家)
COMPANY_KIND_ENDS = ("公司", "企业", "集团", "厂")   # key view: a word for a kind of firm (關聯公司, 大廠)
FIRMS_COUNTED = regex.compile(r"[0-9一二两三四五六七八九十百千几数多]+家")   # 數家 read as one noun
COUNTED_CHARS = regex.compile(r"[0-9一二两三四五六七八九十百千几数多某该这此每各]")   # a count's or pointer's opening (一家, 数家)
# A registered company's name with its region in brackets: 青禾光学（国际）有限公司, 星河（苏州）有限公司 (key view).
PLACED_REGISTERED = regex.compile(r"[（(](\p{Han}{2,4})[)）](?:股份有限公司|有限责任公司|有限公司)")
REGISTERED_SCOPES = frozenset({"国际", "全球"})   # key view: a scope a registered name brackets as a region
LETTERS = regex.compile(r"[A-Za-z]{2}")   # a name, not a year (公司2021年)
# A model's name right after a maker's: Latin letters then a digit, or a capitalised word and a
# number (Play6T, L9, Galaxy E5, Mate 60), one space at most between them.
MODEL_AFTER = regex.compile(r" ?(?:[A-Za-z][A-Za-z\-]{0,11} ?[0-9]|[A-Z][a-z]{1,11} [A-Z]{0,2}[0-9])")
TICKER = regex.compile(r"[A-Z0-9.]{1,6}-[A-Z]{2}")
# A stock code after a listed name: 東方財富(300059), 浪潮信息（000977.SZ）, 台積電(2330).
STOCK_CODE = regex.compile(r"\s?[(（]\s?(?:(?:sh|sz|bj|股票代码|代码)[:：]?\s?)?\d{4,6}(?:\.(?:sh|sz|bj|tw|two))?\s?[)）]")
MAX_APPOSITIVE_TOKENS = 3
# A name right after a dropped suffix (顧問公司「青禾分析」（Qinghe Analytics）): its characters at
# most, what its first word may not be (a verb, an adverb, a time: 公司表示, 公司今天), and the
# length of a person's name that a gloss may follow as well (公司陳大文（David Chan）).
MAX_FOLLOWING_NAME = 8
FOLLOWING_NAME_BLOCKERS = frozenset("vdpcurtmfqy")
MAX_PERSON_CHARS = 3
# Tags of words that name rather than describe.
PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
# Before one everyday noun and a dropped 公司/集團: a count, a pointer, a describing
# word or 的 (一家, 該, 大型, 的) make it a kind of company, not a name.
NOUN_NAME_BLOCKERS = frozenset("mqrabu")
NOUN_NAME_CHARS = 2   # 星河, 星辰: a one-word name of two characters
# What the dictionary writes after a word for a line of business (保險業, 廣告商, 電池廠).
LINE_OF_BUSINESS_ENDS = ("业", "产业", "行业", "企业", "界", "商", "厂", "店")
# A generated list's short name of ordinary words (新開源, 未來公司, 數字人): at most
# this long; longer ones (國家市場監管總局) are names however they are segmented.
MAX_WORDS_NAME = 4
# 业 after a name that ends in a kind of business makes the word for the sector (中國銀行業
# is China's banking sector, 美國汽車業 America's car industry): no company is named.
SECTOR_END = "业"   # key view
COMMON_WORD_TAGS = frozenset("vadtmpcu")
PROPER_POS = frozenset({"nr", "nrt", "nrfg", "nt", "b", "zg", "j", "eng"})
INDUSTRY_HEAD_POS = PROPER_POS - {"b", "j"}
DESCRIBING_POS = frozenset({"b", "v", "vn"})   # 大型, 主要; 監管: what kind of firm, not which
# Between a place and the word ending an institution's name: nouns only (知識產權, 數據保護).
INSTITUTION_MIDDLE_POS = frozenset({"n", "nz", "vn", "nr", "nrt", "j", "ng", "l", "nt"})
MAX_INSTITUTION_WORDS = 3
# 聯合 / 交易所: "joint", a verb the dictionary tags, right before the ending is the name's own word (key view)
JOINT_WORDS = frozenset({"联合"})
MAX_INSTITUTION_CHARS = 8
COMMON_POS = frozenset({"n", "v", "vn", "ng"})   # ordinary words that may open a clause
CLAUSE_OPENING_MARKS = frozenset("，。！？；：\n「“『（(,!?;: ")   # key view: before a clause's subject (a space: after a descriptor)
REPEAT_WINDOW = 4000   # characters each side a common-word firm's name is looked for again
PARTY_PREPOSITIONS = frozenset("由与和对向跟同被为给")   # key view: before a party to the verb after it
NAMED_FIRM_OPENERS = ("旗下的", "旗下", "创办了", "创办", "创立了", "创立", "创建了")   # key view: before one firm
COMMON_FIELD_HEAD_POS = frozenset({"n", "v", "vn", "ng", "a", "an", "ad", "d", "f", "s"})   # 世界, 醫療, 綠色 / 科技
SCHOOL_KINDS = frozenset({"学校", "中学", "小学"})   # key view
SCHOOL_NAME_POS = frozenset({"nr", "nrt", "nrfg", "nt", "nz", "ns", "eng"})
COUNTED_FIRMS = "家"   # key view: the measure word of firms (數十家, 多家)
# key view: words that count or point at firms without a number (不少, 該, 這家): what follows is a kind
POINTED_FIRMS = frozenset({"不少", "许多", "很多", "一些", "部分", "该", "这家", "那家", "各家", "其他", "其它",
                           "这些", "那些", "上述", "此类", "这类", "某", "某家", "一批"})
# A short title in 《》 (key view) that may name a publication: no digits, no punctuation.
PUBLICATION = regex.compile(r"《([^\W\d_]{1,8})》")
# 陸媒觀察者網, 美媒自由亞洲電台, 官媒新華社: a word for the media of a place or of the state, then a
# name that ends like an outlet (key view); not the 報 of 報道 (美媒此前報道 names no outlet).
PLACED_MEDIA_OUTLET = regex.compile(
    MEDIA_WORD + r"(\p{Han}{2,6}?(?:网|社|日报|报|电台|电视台))(?![道导章刊社网])")
# A web address written in the text (github.com/QwenLM, qwenlm.github.io/zh): linear, no nesting.
WEB_ADDRESS = regex.compile(r"(?<![A-Za-z0-9.\-])(?:https?://)?(?:[A-Za-z0-9\-]{1,63}\.){1,5}"
                            r"(?:com|io|org|net|cn|tw|hk|ai|dev|co|app|me|info)(?![A-Za-z0-9\-])(?:/[!-~]*)?")
# A web address holds a dot and one of its top-level domains: WEB_ADDRESS scans only a text that does.
WEB_TLDS = tuple("." + t for t in ("com", "io", "org", "net", "cn", "tw", "hk", "ai", "dev", "co", "app", "me", "info"))
HAS_WEB_TLD = any_word_finder(WEB_TLDS)
WEBSITE_CUES = frozenset({"官网", "官微"})   # key view: one goes into a website (進入官網)
# Right after a name, a clause that calls it a company (…的ZeroAvia，該公司期望), key view.
COMPANY_HEADS = ("公司", "集团", "企业", "旗下", "厂")   # key view: a company's, before its unit's place
COMPANY_ANAPHOR = regex.compile(r"\s?[,，]\s?(?:该|这家)(?:公司|集团|企业|新创|初创|机构)")


def _may_open_anaphor(key: str, at: int) -> bool:
    """Can COMPANY_ANAPHOR match at this position? Its first character is a comma or a
    space (str.isspace holds for every \\s): one test before the regex call."""
    first = key[at:at + 1]
    return first in ",，" or first.isspace()


TRADE_WORDS = frozenset({"行业", "产业", "工业", "商业", "贸易"})   # key view: glued before 协会/联盟
PLACE_LEVELS = "州市省县区"   # key view: a place's last character the segmenter glues to 政府 (加 / 州政府)
# key view: a city's or a county's level; a word the segmenter tags as a person's name that ends
# in a county's (花莲县: no given name ends so), or that with one is one place word of the
# dictionary (嘉兴 / 嘉兴市), is a place
TAGGED_PLACE_LEVELS = "市县"
# key view: a school or a hospital a place numbers (湖州第十一中学, 星海市第一人民医院): 第, a
# numeral, then the kind; the place before it names it (no place: 第二中学 alone is none)
NUMBERED_INSTITUTION = regex.compile(
    r"第[一二三四五六七八九十百零〇两0-9]{1,4}(?:人民|中心|实验)?(?:高级中学|中学|小学|高中|初中|医院|中医院)")
COUNTY_LEVEL = "县"
ADMINISTRATION = "政府"   # key view: 特朗普 / 政府, a government named by its leader
NOT_A = "非"   # key view: 非政府 "non-governmental", a word that ends like a government and is none
VERB_COMPLEMENTS = ("到", "起")   # key view: a verb's complement (聯想到, 聯想起), alone after it
AUTHORITY = "当局"   # key view: 荷蘭當局, a place's authorities (its government)
GOVERNMENT_SHORT = "府"   # key view: 縣府, 市府: a place's level and 府 stand for its government
PARTY_END = "党"   # key view: a party's name ends a word (not 民主党 of 民主党派)
PLURAL_PLACES = ("各国", "诸国", "多国", "各地")   # key view: many places, no one government
REFERRED_PLACE = regex.compile(r"[该此本][州省国市区县]$")   # key view: 該州, 此國 (a place pointed back to)
COUNTED_STATES = regex.compile(r"[两二三四五六七八九十几数0-9]国")   # 韓美日三國政府: so many states
# A part of a place named by its compass points (中南部, 東北部, 法國東北部, 西半部): a region, no
# ministry or bureau; 部 after the points alone (key view).
COMPASS_CHARS = "东西南北中半"
MAX_COMPASS_CHARS = 2


def region_by_compass(key_name: str) -> bool:
    """Does key_name end in one or two compass points and 部 (中南部, 法国东北部)?"""
    if not key_name.endswith("部"):
        return False
    points = len(key_name) - 1 - len(key_name[:-1].rstrip(COMPASS_CHARS))
    return 1 <= points <= MAX_COMPASS_CHARS and key_name[-1 - points] != "半"
BODY_CLAUSE_OPENERS = frozenset(" \t\n,;:。!?)」”\u3000")   # norm view: what may stand before a clause
NATIONAL_PLACES = frozenset({"国家", "全国", "中央"})   # key view: openers that stand for a place
MAX_PLACE = 4     # characters of a place that starts a government's name (新加坡, 馬來西亞)
# 烏國外交部 for 烏克蘭外交部: a country named by its first character and 國 (key view), the
# characters of the full place it stands for (克蘭 of 烏克蘭, 來西亞 of 馬來西亞).
COUNTRY = "国"
COUNTRY_CUTS = (1, 2, 3)
# A count of kinds before an industry word or suffix (兩大技術, 三大電信, 四項軟體).
COUNTED_HEAD = regex.compile(r"[一二两三四五六七八九十百千几多数0-9]+[大项家个种款类]")
# A model code: letters and digits with at least one digit (K20X, A100, V100S).
MODEL_CODE = regex.compile(r"(?=[a-z]*[0-9])[a-z0-9]{2,10}(?![a-z0-9])")
PLACE_OR_ORG_TAGS = frozenset({"nt", "ns"})
AGENCY_ENDINGS = frozenset({"局", "署"})   # key view: an agency's ending (no court's: 地方法院)
PLACE_ORG_OR_PROPER_TAGS = PLACE_OR_ORG_TAGS | {"nz"}   # (浙江电信: a place and its carrier, one nz word)
NT_TAG = frozenset({"nt"})
# A character before a capital that makes it a place, not its government (key view: 在柏林, 於柏林, 首都柏林, 赴北京, 到北京, 從北京).
CAPITAL_PLACERS = frozenset("在于於都赴到从從往抵")
# Two sides of a fixture (key view): 青川队vs白塔队, 1、临江vs东岭, 02切沃vs锡耶纳, 沙尔克04vs柏林赫塔.
# Each side is the run of name words (SIDE_NAME_POS) next to vs, a club's number glued to the
# left one (04) kept; a clause word (与, 两队, 推荐, 的, a list number) ends it.
MATCH_VS = regex.compile(r"(?<=[\p{Han}0-9])[ \t]?vs\.?[ \t]?(?=\p{Han})")
CLUB_NUMBER = regex.compile(r"(?<=\p{Han})[0-9]{1,3}$")   # 沙尔克04, 汉诺威96 (key view, before vs)
SIDE_NAME_POS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "n", "j"})
SIDE_PROPER_POS = SIDE_NAME_POS - {"n"}   # a side with one of these (or a word no dictionary has) names
MAX_SIDE = 8      # characters of one side
OPENER_NAME_POS = frozenset({"nr", "nrt", "nrfg", "ns"})   # a name after a clause's word glued before it
# A team playing at home or away (key view): 青川主场不败, 白塔队客场告捷. The name before it is
# the run of proper-noun words (SIDE_PROPER_POS, or words no dictionary has) and a team word.
HOME_AWAY = regex.compile(r"(?<=\p{Han})(?:主场|客场)")
TEAM_WORDS = frozenset({"队", "球队"})
# A team named by its name words and a team word (key view): 卡洛维茨队, 白塔球队, 青川战队;
# one word of the segmenter's (维拉队/nz, 法国队/nt) is a team when its head alone is a name.
NAMED_TEAM_WORDS = ("球队", "战队", "队")
# Key view: what may follow a league's short name inside the segmenter's word (德甲联赛, 亚冠赛, 荷甲中,
# 欧冠赛场): the league's own words, or a place word the segmenter glued on.
LEAGUE_TAILS = frozenset({"", "联赛", "赛", "赛场", "赛季", "中"})
# A club named bare beside a match's word (key view): 白塔上轮客胜, 负于卡洛维茨, 做客青川. The
# name word right after a match verb, or right before one or a round's word, is a club where it
# reads as a transliteration (_transliterated) and the text speaks of team sport (CLUB_SPORT_WORDS:
# not 比赛 alone, which a tennis or chess match has too).
CLUB_VERBS_AFTER = frozenset({"战胜", "击败", "负于", "逼平", "不敌", "输给", "做客", "迎战", "力克", "战平", "对阵", "大胜", "看好", "本场"})
# A match's outcome or the match itself right after a club's name (key view): 白塔取胜, 青川赢球,
# 白塔与青川一战. A word the segmenter only guessed a name (nz) must read as a transliteration
# there (力争赢球, 本战取胜 are no clubs).
CLUB_OUTCOME_WORDS = frozenset({"一战", "取胜", "赢球", "输球", "主胜", "客胜"})
CLUB_WORDS_BEFORE = CLUB_VERBS_AFTER | {"上轮", "本轮", "本赛季", "主场", "客场"} | CLUB_OUTCOME_WORDS
HOME_AWAY_WORDS = frozenset({"主场", "客场"})
FACING_WORD = "对"   # key view: 主场对 / 客场对, then the club faced
CLUB_WORD_SCAN = tuple(sorted(CLUB_WORDS_BEFORE))   # _clubs_by_match_words' scan (both sets)
# Every occurrence of any of them, overlapping ones too, in one pass of the key (one
# str.find scan per word was most of the rule's cost on a sports text).
CLUB_WORD_FINDER = PrivateAhoCorasick(list(CLUB_WORD_SCAN))
CLUB_SPORT_WORDS = ("联赛", "进球", "球队", "主场", "客场", "赛季", "上轮", "本轮", "下轮", "赢球", "输球", "主胜", "客胜", "射门", "前锋", "中场", "后卫", "门将", "球迷", "升班马", "半场",
                    "德比", "欧战", "足彩", "亚盘", "欧赔", "让球", "胜赔", "平局", "积分榜", "保级", "争冠", "联盟杯", "世预赛")
HAS_CLUB_SPORT_WORD = any_word_finder(CLUB_SPORT_WORDS)
CLUB_NAME_POS = frozenset({"nr", "nrt", "ns", "nz"})
PEOPLE_WORD = "人"   # key view: after a place's name, its people (巴斯克人), no club
# A club's list mates (key view): 白塔斯、青川和卡洛维茨 — one name word each, across one joiner.
CLUB_JOINERS = frozenset({"、", "和", "与", "及"})
MAX_CLUB_MATES = 4
MAX_TEAM_HEAD = 8     # characters of the name before the team word
# A club's letters glued right before its name (key view): AC卡洛维茨队, FC白塔队 — two or three
# Latin letters that open the name: no letter, digit or Han character before them (白塔队vs青川队:
# vs after a name is the fixture's word).
CLUB_LETTERS = regex.compile(r"(?<![a-z0-9\p{Han}])[a-z]{2,3}$")
TEAM_NAME_POS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})   # its name words' tags
# English adjective endings: before AI they make a kind of AI (Agentic AI), not a company's name.
ADJECTIVE_ENDINGS = ("ic", "ive", "al", "ed", "ing", "ible", "able")
# Between a place and a body's last word: nouns, names, a field's verbs (导航, 创新), 新.
BODY_MIDDLE_POS = frozenset({"n", "nz", "vn", "v", "a", "j", "l", "nr", "nrt", "ng", "b", "an"})
MAX_BODY_WORDS = 6
# An office (司) whose head's title repeats its kind (司長): named only in that title (財政司司長),
# it is the post's name, no body of its own (key view).
SECRETARY_KINDS = frozenset({"司"})
SECRETARY_TITLES = ("司长", "副司长")


# 大 / 韓, 大 / 日本: "great" before a country's one-character short form or its name (tagged an
# abbreviation or a place) opens the country's formal name (大韓, 大日本), a name's own first piece.
FORMAL_PLACE_PREFIX = "大"
FORMAL_PLACE_TAGS = frozenset({"j", "ns"})


def _formal_place_start(doc: Document, start: int) -> int:
    """大 / 韓 / 商工會議所: where the name starts at a place or an abbreviation and a token
    大 alone stands right before it, the name starts at 大."""
    if start < 1 or doc.key[start - 1] != FORMAL_PLACE_PREFIX or not doc.starts_token(start - 1):
        return start
    tok = doc.tokens[doc.token_index_at(start)]
    return start - 1 if tok.start == start and tok.pos in FORMAL_PLACE_TAGS else start


OWNED_UNITS = frozenset({"实验室", "研究院", "研究所", "研究生院", "研究中心", "研究室", "学院", "中心"})   # key view
SCHOOL_UNITS = frozenset({"学院", "系", "学系"})   # key view: a university's school or department
UNIVERSITY_WORDS = ("大学",)   # key view
GRADUATED_WORDS = ("毕业", "肄业", "就读")   # key view: 研究所畢業 is a school's graduate study, no unit
SCHOLARLY_OWNERS = ("大学", "学院", "科学院", "研究院")   # key view: a school or an academy owns units named by field
# 研究所 / 研究生院 right after a school, then 畢業 / 就讀: the school's graduate study (key view)
GRADUATE_STUDY = tuple(owner + unit for owner in SCHOLARLY_OWNERS for unit in ("研究所", "研究生院"))
# Who a body's title or membership names right after its suffix, where the segmenter
# glues the two into one dictionary word (協會會員, 大學教授, 銀行行長): beside the titles.
MEMBER_WORDS = frozenset({"会员", "會員", "成员", "成員", "员工", "員工"})
MIN_KIND_SUFFIX = 2   # characters of a kept suffix that ends a one-word kind of body (理工大學)
MAX_OWNED_WORDS = 4   # words between a known owner and its unit's name (計算機系 / 知識)
MAX_BODY_CHARS = 12
# A public body's field words (法務 / 陸路交通 / 通訊及新聞): nouns of the dictionary; a verb or a
# time-tagged word only as a later item of a list (科學、創新和技術部, 社區及青年部).
PLACED_FIELD_POS = frozenset({"n", "v", "vn", "nt"})   # 防衛 / 省, 文部 / 科學省, 外務省: common words only
MAX_PLACED_FIELD_CHARS = 6   # 經濟產業, 厚生勞動, 文部科學 (省)
PUBLIC_FIELD_POS = frozenset({"n", "nz", "vn", "j", "l", "an", "b", "nt", "ng", "nrt", "a"})
PUBLIC_LISTED_POS = frozenset({"t"})
PUBLIC_JOINERS = frozenset({"、", "及", "和", "与"})   # key view
GLOSS_CUT_JOINERS = PUBLIC_JOINERS | {"暨"}   # 海關暨 / 邊境保護局（CBP）: before a glossed body's field
GLOSS_BOUNDARY_POS = frozenset({"p", "c", "d", "r"})   # 由 / 及 / 也 / 該 before a glossed body's field
POST_JOINERS = frozenset("暨兼")   # key view: between two posts of one person (副總裁暨台灣總經理)
PUBLIC_TITLE_TAIL = ("长",)   # key view: 警政署長, 部長 — the dictionary glued the head's title on
WORD_ONLY_KINDS = frozenset({"院"})   # key view
# X（前身為推特）, X（原推特/Twitter）: a former name glossed in brackets after a name (key view)
FORMER_NAME_GLOSS = re.compile(r"[0-9a-z\u4e00-\u9fff]\((?:前身[为是]?|前称|原名|原称|原|前)")
FORMER_GLOSS_CHARS = 6
FORMER_NAME_CLOSE = frozenset(")/、,")
OFFICER_OFFICES = frozenset({"办公室", "公署"})   # key view: an officer's office (總監辦公室)
MAX_PUBLIC_WORDS = 7
UNIT_RANKS = "总分"   # key view: 總署, 分局: one character of rank before a unit's kind; one of a field is no field (部署)
PLACED_UNIT_KINDS = ("中心",)   # key view: 指揮中心, a listed body's kind that every place has
TECHNIQUE_WORDS = frozenset({"技术", "技術"})   # a technique, named by what comes before it more often than a company
FIELD_NOUN_POS = frozenset({"n", "vn"})   # 氣象, 屋宇: a field's common noun before a kind it is not joined to
# A one-character word between a body and its verb that keeps the body the doer: a
# preposition or an adverb, at a clause's opening (運輸署 / 以 / 未能證明, 數據局 / 已 / 發出).
ACT_LINK_POS = frozenset({"p", "d"})
FIELD_ADDRESSER_POS = frozenset({"p"})   # 跟, 向, 由: what may stand right before such a field (never a verb: 創新 / 科技 / 署)
FIELD_OPENER_POS = frozenset({"vn"})   # a field's one word (an activity: 運輸, 測繪) before a kind it is not joined to
MAX_UNIT_WORDS = 4    # field words of a body's unit before its kind (統計 / 處, 工業和安全 / 局)
MAX_UNIT_CHARS = 10
# A mission's place after 駐: at most this many characters, no word of it of these tags.
MISSION_PLACE_CHARS = 7
MISSION_PLACE_NOT_POS = ("v", "p", "c", "u", "r", "w", "x")
MAX_UNIT_JOINERS = 1  # 和 / 與 between a unit's fields, not counted among its words
MAX_STAFF_OWNER_WORDS = 3   # words of an organisation named before its staff unit (文山 / 第一 / 分局)
MAX_STAFF_OWNER_CHARS = 8
MAX_STAFF_FIELD_WORDS = 5   # words of the unit's field before its kind (科技 / 政策 / 評估 / 研究 / 中心)
STAFF_CLAUSE_TAGS = "pcurdy"   # first letters of tags of words that open a clause before the name


def _one_person(toks) -> bool:
    """Is a fixture's side (its tokens) one word tagged a person's name (张伟 vs 李明)?"""
    return len(toks) == 1 and toks[0].pos in PERSON_TAGS


def _staff_clause_word(tok) -> bool:
    """Does the word open a clause before a name (由, 的, 指出) rather than belong to it (家 / 扶)?"""
    return tok.pos[:1] in STAFF_CLAUSE_TAGS or tok.pos[:1] == "v" and len(tok.word) >= 2
STAFF_NOT_OWNER_FIRSTS = frozenset("该本此这其各全每")   # 該校, 本院: the text's own pointer, no name
UNIT_WORD_POS = frozenset({"n", "nt", "nz", "j", "l", "ng"})   # a word ending like a unit that names one
MAX_PUBLIC_CHARS = 14
COMMITTEE_SHORT = regex.compile(r"\p{Han}{1,2}委会")   # 消委會, 財委會 (key view)
# A commission's short form: two characters of its field and 委 (金融委, 国资委, key view),
# not the start of 委员/委会 (a full name, a committee's short form) nor a verb (委托, 委派).
COMMISSION_SHORT_FIELD_POS = frozenset({"n", "nt", "vn", "j"})
COMMISSION_NOT_AFTER = frozenset("员会托派任屈婉身")
COMMITTEE_NAME_BEFORE_POS = frozenset({"n", "nz", "nt", "ns", "nr", "nrt", "j", "l", "ng", "vn", "eng"})
# Words after a body's name within which it must act for a verb opening the clause to be its
# field's first word (管理委員會 / 今日 / 就 / 事件 / 發布).
MAX_ACT_LOOKAHEAD = 5
MAX_NATIONAL_FIELD_WORDS = 3   # 國家 / 資訊 / 標準 / 院: field words between a nation's word and 院
NATIONAL_WORDS = frozenset({"国家"})   # key view: the nation's own word opening its institute (國家)
DAY_OF_MONTH = frozenset({"日", "号"})   # key view: 13日, 3号 after a body, before its verb
MAX_OWNED_NAME = 12   # characters of a quoted scheme or app a body is named before (署「…」)
QUOTE_OPENERS = frozenset(qm.openers(qm.DOUBLE, qm.ASCII, qm.SINGLE))
QUOTE_CLOSERS = frozenset(qm.closers(qm.DOUBLE, qm.ASCII, qm.SINGLE))
MIN_SHORT_FORM = 3   # characters of a list's name taken as another name's short form
# The last characters of an agency's or a council's name that a contraction keeps (南嶺藥監局)
CONTRACTED_BODY_ENDS = frozenset("局部署委会會厅廳")
MAX_CONTRACTION_CANDIDATES = 16   # longer names sharing a short name's first and last characters tried


def _contracts(short: str, full: str) -> bool:
    """藥監局 of 藥品監督管理局: the same first and last characters, the rest of the short
    name found in order in the full one's middle, and at least one of its characters
    a cut word's (not only whole words dropped, nor the full name's start)."""
    if full.startswith(short):
        return False
    head = 0
    while short[head] == full[head]:
        head += 1
    tail = 0
    while tail < len(short) - head and short[-1 - tail] == full[-1 - tail]:
        tail += 1
    kept = short[head:len(short) - tail]
    return bool(kept) and tail >= 1 and in_order(kept, full[head:len(full) - tail])


# Endings (key view) after which a longer name is still the short one's firm (集团, 有限公司),
# and the branches and units that make it another body although they end in 公司.
_SAME_FIRM_FORMS = ("集团", "公司", "控股")
_BRANCH_FORMS = ("分公司", "子公司")
_JOINING_CHARS = frozenset("和与及跟同、")   # key view: a conjunction joins two names


def _goes_on_as_the_same_body(doc: Document, start: int, cut: int, end: int) -> bool:
    """Is key[start:end] the firm key[start:cut] names: cut inside a word (中華電|信), or
    what follows ends in a firm's form and not a branch's (福特|汽車公司, not 中國移動|某地分公司)?"""
    if not doc.ends_token(cut):
        return True
    rest = doc.key[cut:end]
    if rest in _BRANCH_FORMS or rest[:1] in _JOINING_CHARS:
        return True   # 某廠子公司, 某廠和另一廠: no body's name of its own (the firm's mention, as before)
    return rest.endswith(_SAME_FIRM_FORMS) and not rest.endswith(_BRANCH_FORMS)
SPOKEN_STEM_CUES = ("据", "根据")   # key view: 據空客說, 根據空客: the source a report cites
MIN_STEM_CHARS = 2    # 慧榮 of 慧榮科技: a head written alone (one character is no name)
MAX_ACRONYM = 3   # IT, OS, B5G: letters that name a technology, not a company  # characters around a dual name searched for another app's name


# A list item's gloss: a capitalised Latin name in brackets right after a Chinese name,
# perhaps with a former name after a comma (key view: lower case): 力森諾科（Resonac，舊稱昭和電工）.
LISTED_GLOSS = regex.compile(r"(?<=\p{Han})\s?\([a-z][a-z0-9&.'\- ]{1,40}(?:[,，][^()\n。]{1,12})?\)(?=\s?[、和与及等])")

# 等, perhaps a count (30家) and a word of scope, then a kind of organisation: closes a list of names.
KIND_AFTER_LIST = (r"等(?:[0-9一二两三四五六七八九十百多数几]+[家个间所])?"
                   r"(?:知名|主要|国内|国际|全球|海外|本土|台湾|大陆|美国|日本|韩国|欧洲|中国)?(?:{kinds})")
# 甲、乙等16家具有代表性的企業: 等 and a count of firms (家 or 間 counts companies, shops and
# institutions; not 家庭, 家用, 家電, 家具, 家居, 家人, 家長, 家鄉: the count a word of its own), whatever
# words follow the count. Its items are names, not places (北京、上海等十家醫院).
COUNTED_FIRMS_AFTER_LIST = r"(?P<firms>等(?:[0-9]+|[一二两三四五六七八九十百千多数几]+)[家间])(?![庭用电居人长乡属])"
# 哈弗、魏牌和坦克三大品牌, 甲、乙两家公司: a count that closes a list of names, then a kind.
COUNTED_KIND_AFTER_LIST = r"([两二三四五六七八九十]|[2-9])(?:大|家|个|間|间)(?:{kinds})"
COUNTED_KIND_START = re.compile(r"(?:[两二三四五六七八九十]|[2-9])(?:大|家|个|間|间)")   # the pattern's opening
COUNTS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2} | {str(i): i for i in range(2, 10)}
# 據財聯社消息, 據手機中國了解: the outlet a report comes from (key view: Simplified).
# The day it reported may stand between (據星河時報5日報導), but not after a time word, a list's
# 等 or an account (据今年4月9日发布, 据青禾日报等8日报道, 据青禾公众号8日消息).
PUBLISHED = ("公布", "发布", "整理")   # after 據 and a name that is no kind of source
KIND_OF_SOURCE = ("机构", "部门", "单位", "方面", "人士", "媒体", "平台")
MEDIA_ENDINGS = ("网", "报", "社", "台")   # key view: 網, 報, 臺 are these there
# 據星辰日報今日報導, 据21 财经此前报道, 據IT之家消息: the name (Chinese, or a Latin or
# numeric lead and a Chinese word) and, before the report, a word for when it came out.
REPORT_TIMES = r"(?:今日|今天|昨日|昨天|此前|早前|稍早|日前|近日|先前|最新)"
REPORT_TIME = regex.compile(REPORT_TIMES + r"\s?")
SOURCE_OF_NEWS = regex.compile(r"据\s?(\p{Han}{2,8}?|[a-z0-9][a-z0-9 ]{0,5}?\p{Han}{1,4}?)\s?(?:的)?"
                               rf"(?:{REPORT_TIMES}\s?|(?<![年月日等号]){REPORT_DAY})?(?:消息|报道|报导|了解|援引|公布|发布|整理)")
# 。法新社報導，/【財聯社】援引: an outlet (by its ending) that opens a clause and reports.
OUTLET_REPORTS = regex.compile(r"(?:报道|报导)(?=[\s，,：:】)]|称|指)|援引|引述")
OUTLET_NAME = regex.compile(r"\p{Han}{2,6}?(?:社|网|新闻|日报|时报|晚报|电视台|电台)")
OUTLET_OPENERS = "\n。，,；;：:！？!?「」“”【()"
MAX_OUTLET_BACK = 9   # characters from a report's verb back to its clause's opening (【 and a name)
# 3–5 capitals opening a clause right before a newsroom's word: an outlet's letters (ABC報導, XYZ記者)
LETTERED_OUTLET = regex.compile(r"(?<![A-Za-z0-9&.\-])([A-Z]{3,5})(?![A-Za-z0-9&.\-])")
NEWSROOM_WORDS = ("报导", "报道", "记者", "主播", "特派员")   # key view
# （以下簡稱「青禾」）, (下稱遠峰), （简称：Nimbus）: the short name a text gives an
# organisation right after its full name (key view: Simplified).
SHORT_NAME_INTRO = regex.compile(r"[(（]\s?(?:以下)?(?:简称|下称)(?:为)?[:：]?\s?[“\"「『‘']?"
                                 r"([^”\"」』’'()（）,，、。;；\s][^”\"」』’'()（）,，、。;；]{0,19}?)"
                                 r"[”\"」』’']?\s?[)）]")
MAX_SHORT_NAMES = 16   # short names a text introduces that are looked for again
MAX_BEFORE_INTRO = 12   # characters of a name's dropped legal form before the bracket (科技股份有限公司)
INTRO_GAP_STOPS = "，,。；;：:、\n“”「」"
# Investors of a funding round: 由甲領投、乙跟投; 從Techstars獲得天使投資 (key view).
INVESTED_BY = regex.compile(r"从\s?([^\s，,。；;：:、]{2,24}?)\s?(?:处)?获得[^，,。；;]{0,12}?(?:投资|融资)")
ROUND_VERBS = ("领投", "跟投", "参投")
ROUND_ROLE = regex.compile(r"(?:领投|跟投|参投|投资)方(?:为|是|包括)")
ROUND_ROLE_STOPS = "，,。；;\n（("
MAX_ROUND_LIST = 80
# What shows a Latin name after a trade word runs on past the letters matched: a hyphen, an
# ampersand or a letter outside ASCII (ä); a bounded, linear match.
LATIN_NAME_RUNS_ON = re.compile(r" ?[-&]|[\u00c0-\u024f]")

# A Latin name of one word on the other side of a contract: 與SES簽訂, 与OneWeb签署协议
# (looked for right before each verb of the key view).
CONTRACT_VERBS = ("签订", "签署", "签约", "达成", "缔结")
SIGNED_BEFORE = regex.compile(r"(?:與|与|和)\s?([A-Za-z][A-Za-z0-9&.\-]{1,30})\s?$")
MAX_SIGNED_BACK = 34
# What an organisation does officially (飛騰官方宣布, 官方消息), in the key view.
OFFICIAL_ACTS = ("宣布", "发布", "表示", "消息", "确认", "公布", "透露", "回应", "证实", "称", "微博", "公告", "宣")
MAX_OWNER_TOKENS = 2
MAX_BRANCH_PLACE_TOKENS = 3   # words of a place between an organisation and its branch (顺义/区)
MAX_BRANCH_REACH = 16         # characters from a name's end to its branch word's end
MAX_OWNER_CHARS = 8
LIST_STOPS = "，,。；;：:！？!?\n（）()「」『』“”《》【】[]"
MAX_LIST_ITEM = 16   # characters of one item of a list (Latin names run long)
MAX_LIST_ITEMS = 12
MAX_PLACED_ITEM = 7   # characters of a list item that a city opens (深圳鵬新旭)
LIST_STOP = re.compile("[" + re.escape(LIST_STOPS) + "]")
LIST_LAST_STOP = re.compile("(?s:.*)[" + re.escape(LIST_STOPS) + "]")
LIST_CUT = re.compile("[、和与及]")   # where a list's items may part (_joiner_token's words)
MAX_LIST_SPAN = 60   # characters either side of a 、 read for the rest of its list
ITEM_LEAD_TAGS = frozenset("vpdcur")   # 包括, 吸引, 與: words that open a clause, not a name


# The tags of a sub-brand's word after a company's name (TCL華星: a proper noun or a name).
SUB_BRAND_TAGS = ("nz", "nr", "nrt")


# The longest name of an office (司) indexed once a document (a longer one is looked for).
MAX_SECRETARY_NAME = MAX_PUBLIC_CHARS + 2


def _secretary_names(key: str) -> dict[str, list[int]]:
    """Every run of three to MAX_SECRETARY_NAME characters ending in an office's kind (司), with
    where each starts: one pass over the text's 司, so each candidate's mentions are a look-up."""
    out: dict[str, list[int]] = {}
    for kind in SECRETARY_KINDS:
        q = key.find(kind)
        while q != -1:
            end = q + len(kind)
            for n in range(3, min(MAX_SECRETARY_NAME, end) + 1):
                out.setdefault(key[end - n:end], []).append(end - n)
            q = key.find(kind, end)
    return out


def _has_registered_form(ent, key: str, place: str) -> bool:
    """Is one of ent's mentions a registered name (…有限公司) opened by another place? (北京星河
    科技有限公司 named already, 成都星河科技有限公司 is another company, not its form.)"""
    return any(key.endswith(LEGAL_FORM_ENDS, s, e) and not key.startswith(place, s)
               for s, e in ent.mentions)


class Organizations:
    name = "organizations"
    reads = ("gazetteer", "credits")
    writes = ("organizations", "organization_claims")

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.kb = kb
        self.stop = kb.lex["name_stop_words"]
        self.generic = kb.lex["generic_org_words"]
        self.startup_kinds = kb.lex["startup_kind_words"]
        self.tied_kinds = frozenset(kb.lex["tied_kind_words"])
        self.dropped = kb.lex["dropped_org_suffixes"]
        self._dropped_longest = sorted(self.dropped, key=lambda w: (-len(w), w))
        self._dropped_firsts = frozenset(w[0] for w in self.dropped)
        self._own_suffixes = tuple(self._dropped_longest)   # (for startswith)
        self.latin_suffixes = frozenset(s.rstrip(".") for s in kb.org_suffixes_latin)
        self.industry = kb.org_industry_words
        self.field_words = kb.lex["field_words"]
        self.transliteration_chars = kb.lex["transliteration_chars"]
        # (re, not regex, for the four patterns scanned over every text with no regex-only
        # syntax: plain classes and alternations, which re finds in half the time)
        self.league_short = re.compile("[" + "".join(kb.lex["league_places"]) + "]["
                                       + "".join(kb.lex["league_tiers"]) + "]")
        self.suffix_or_industry = kb.org_suffixes | kb.org_industry_words
        # (product_lexicon.yaml's category nouns, key view: 中央處理器（CPU） names a kind of product)
        from ..kb import DATA_DIR
        from ..yamlfiles import load_yaml_once
        from ..nlp.text import tables as _tables
        nouns = (load_yaml_once(DATA_DIR / "product_lexicon.yaml").get("category_nouns") or {}).values()
        self._product_kinds = tuple(sorted({_tables().key(str(w)) for ws in nouns for w in ws}))
        self._org_suffix_tuple = tuple(sorted(w for w in kb.org_suffixes if w))   # (for endswith)
        self.kept_suffixes = kb.org_suffixes - kb.lex["dropped_org_suffixes"]
        self._kept_suffix_tuple = tuple(sorted(w for w in self.kept_suffixes if w))
        # (團隊, 大隊, 軍隊: 隊 ends too many everyday words to be read as a kind's ending.)
        # An automaton of its own, not the shared pass's: there it made that pass dearer
        # (wave 39), here it is one walk of the text in place of a str.find per suffix.
        self._kind_suffix_finder = PrivateAhoCorasick(
            [w for w in self._kept_suffix_tuple if len(w) >= MIN_KIND_SUFFIX] or ["\x00"])
        self.title_forms = tuple(sorted(kb.titles, key=len, reverse=True))
        # 協會會員, 大學教授: one dictionary word of a kept suffix and a title or a member
        # word after it (built once at load) -> the suffix it starts with.
        after_suffix = set(kb.titles) | MEMBER_WORDS
        self._glued_suffixes = {s + t: s for s in self.kept_suffixes for t in after_suffix
                                if s and segmenter.has_word(s + t)}
        self._glued_words = frozenset(self._glued_suffixes)
        # 中國外交部: a country's name, then a body that a source of that country's bodies
        # lists (lexicon.yaml source_countries): {place (key view): the sources of its country}.
        self._country_sources: dict[str, frozenset[str]] = {}
        for src, places in kb.source_countries.items():
            for place in places:
                self._country_sources[place] = self._country_sources.get(place, frozenset()) | {src}
        self._country_places = tuple(sorted(self._country_sources, key=len, reverse=True))
        # Word sets with their lengths, to ask "does one start here?" by slicing.
        marks = kb.org_suffixes | frozenset(kb.titles)
        self._after_words = [(n, marks) for n in sorted({len(w) for w in marks})]
        # An industry word after an everyday word is evidence only where it ends the
        # phrase (吉利汽車與…), never before more nouns (世界新能源汽車大會), and a
        # field of work (材料技術) never is.
        self._after_industry = [(n, self.industry - self.kb.lex["field_words"])
                                for n in sorted({len(w) for w in self.industry})]
        self.corporate_verbs = kb.lex["corporate_verbs"]
        self.time_adverbs = kb.lex["time_adverbs"]
        # Longest first (已經 before 已), then by code point: the adverb _acts steps over
        # must not depend on the set's order, which changes with each process's hash seed.
        self._time_adverb_tuple = tuple(sorted(self.time_adverbs, key=lambda w: (-len(w), w)))
        self._corporate_verb_tuple = tuple(sorted(self.corporate_verbs))   # for one startswith
        self.joiners = kb.lex["list_joiners"]
        self.in_dictionary = segmenter.has_word
        self.segmenter = segmenter
        self.government = kb.lex["government_endings"]
        self._government_tuple = tuple(self.government)
        # Longest first, then by code point: the same pattern string in every process.
        self.institution_ending = re.compile("|".join(   # (re: see league_short)
            re.escape(w) for w in sorted(kb.lex["institution_endings"], key=lambda w: (-len(w), w))))
        self.body_endings = tuple(sorted(kb.lex["tagged_body_endings"]))
        self.generic_bodies = kb.lex["generic_bodies"]
        self.legislatures = sorted(kb.lex["legislature_words"] | kb.lex["sole_courts"], key=lambda w: (-len(w), w))   # (and the courts one a country has)
        self.legislature_shorts = sorted(kb.lex["legislature_short_forms"])
        self.placed_legislatures = sorted(kb.lex["placed_legislature_words"])
        self.legislature_members = tuple(sorted(kb.lex["legislature_member_titles"]))
        self.legislature_buildings = kb.lex["legislature_buildings"]
        self.legislature_sittings = tuple(sorted(kb.lex["legislature_sittings"]))
        self.legislature_set = kb.lex["legislature_words"] | kb.lex["legislature_short_forms"]
        self.national_openers = tuple(sorted(kb.lex["national_body_openers"]))
        self.national_endings = tuple(sorted(kb.lex["national_body_endings"]))
        self.body_head = re.compile("|".join(   # (re: see league_short)
            re.escape(w) for w in sorted(kb.lex["place_body_heads"], key=lambda w: (-len(w), w))))
        self._body_head_tuple = tuple(sorted(kb.lex["place_body_heads"]))
        self.quoted_only_heads = kb.lex["quoted_only_body_heads"]
        self.kind_words = kb.lex["org_kind_nouns"] | kb.lex["org_descriptors"] | {"组织", "团体", "机关"}
        self.body_clause_verbs = kb.lex["body_clause_verbs"] | kb.speech_verbs
        self._speech_tuple = tuple(sorted(kb.speech_verbs, key=lambda w: (-len(w), w)))
        self.public_kinds = tuple(sorted(kb.lex["public_body_kinds"], key=lambda w: (-len(w), w)))
        self.not_public = kb.lex["not_public_bodies"] | self.generic_bodies
        self._not_public_endings = tuple(sorted(kb.lex["not_public_endings"]))
        self.everyday_committees = kb.lex["everyday_committees"]
        self._not_public_tuple = tuple(sorted(self.not_public))
        self.party_words = kb.lex["party_words"]
        self._party_tuple = tuple(sorted(self.party_words))
        self.listed_parties = self.party_words | {ADMINISTRATION} | kb.lex["listed_authorities"]
        self._public_acts = tuple(sorted(kb.lex["public_body_acts"] | self.body_clause_verbs,
                                         key=lambda w: (-len(w), w)))
        # 省, 府: a kind of body only after a place (日本 / 防衛 / 省); see _public_bodies
        self._placed_kinds = tuple(sorted(kb.lex["placed_body_kinds"], key=lambda w: (-len(w), w)))
        self._not_placed_endings = tuple(sorted(kb.lex["not_placed_body_endings"]))
        self._public_last = re.compile("[" + re.escape("".join(sorted(   # (re: see league_short)
            {w[-1] for w in self.public_kinds + self._placed_kinds} | set(PUBLIC_TITLE_TAIL)))) + "]")
        self.unit_kinds = tuple(sorted(kb.lex["body_unit_kinds"], key=lambda w: (-len(w), w)))
        self.councils = kb.lex["body_councils"]
        self._council_tuple = tuple(self.councils)
        self._staff_units = tuple(sorted(kb.lex["staff_unit_kinds"], key=lambda w: (-len(w), w)))
        self._staff_owner_endings = tuple(sorted(kb.lex["staff_unit_owner_endings"]))
        self._staff_unit_ends = regex.compile("[" + "".join(sorted({w[-1] for w in self._staff_units})) + "]")
        self.not_units = tuple(sorted(kb.lex["not_body_units"]))
        self.public_cue_words = kb.lex["public_body_cues_before"]
        self._public_cues = tuple(sorted(self.public_cue_words))
        # a cue of two characters or more glued to the word before it (事件報告 / 個人資料私隱專員公署)
        self._long_cues = tuple(sorted(w for w in self.public_cue_words if len(w) >= 2))
        self._public_titles = tuple(sorted(kb.lex["public_body_titles"], key=lambda w: (-len(w), w)))
        self.public_title_words = kb.lex["public_title_words"] | frozenset(kb.titles)
        self._post_endings = tuple(sorted(kb.lex["post_endings"]))
        self.carriers = kb.lex["national_carriers"]
        self.mission_kinds = tuple(sorted(kb.lex["resident_mission_kinds"], key=lambda w: (-len(w), w)))
        self.mission_generic_places = frozenset(kb.lex["resident_mission_generic_places"])
        self.carrier_staff = frozenset(kb.lex["carrier_staff_words"]) | kb.lex["org_cues_after"]
        self.placed_authorities = frozenset(kb.key(w) for w in kb.lex["placed_authorities"])
        # one C-level endswith first: most place words end in no authority word
        self._placed_authority_endings = tuple(sorted(self.placed_authorities))
        # 莫斯科當局, 首尔当局: a capital, then 當局, the government of its state; 北京方面, 莫斯科試圖,
        # 華盛頓擔心: a capital acting as its state's government (the capital alone is the name, as
        # 華府 is). Found from the few words after a capital, looking back for the longest capital
        # ending there (key view): one pass, not an alternation of every capital at each character.
        self.capitals = kb.capitals   # (a frozenset, key view)
        self._longest_capital = max(map(len, self.capitals), default=0)
        self._authority_word = re.compile(re.escape(kb.key("當局")))
        self._headline_colon = re.compile("[:：]")   # 北京：… opening a line: the capital speaks
        # 北京反對, 首爾拒絕, 北京批准, 華府制裁: a stance or a decision only a state takes, right
        # after the capital (not after an adverb: 北京一直試圖 is left to the annotators' doubt)
        self._acting_words = re.compile("|".join(map(re.escape, sorted({kb.key(w) for w in (
            "方面", "試圖", "擔心", "威脅", "指責", "否認", "堅稱", "譴責",
            "反對", "拒絕", "批准", "制裁", "禁止", "阻止",
            # a judgement or a claim only an agent makes (北京認為, 莫斯科聲稱, 北京利用), and a
            # stance, a rule or a worry owned by the capital (華府的規定, 北京的說法, 柏林的關注)
            "認為", "聲稱", "利用", "施壓", "宣布",
            "的說法", "的聲明", "的立場", "的規定", "的禁令", "的關注", "的警覺", "的擔憂", "的紅線", "紅線")}))))
        self.software_nouns = kb.lex["software_nouns"]
        self.store_nouns = tuple(sorted(kb.lex["store_nouns"]))
        self._store_firsts = frozenset(w[0] for w in self.store_nouns)
        self.unit_nouns = kb.lex["org_unit_nouns"]
        self.venue_words = kb.lex["venue_words"]
        self._venue_lengths = sorted({len(w) for w in self.venue_words})
        self._software_lengths = sorted({len(w) for w in self.software_nouns})
        # One C call per gazetteer match (endswith/startswith of a tuple) where every word is
        # non-empty: the same answer as slicing each length and probing the set.
        self._software_ends = tuple(self.software_nouns) if all(self.software_nouns) else None
        self._venue_starts = tuple(self.venue_words) if all(self.venue_words) else None
        self._model_cues = tuple(kb.lex.get("model_cues_after") or ())
        self.descriptors = sorted(kb.lex["org_descriptors"], key=len, reverse=True)
        self.branch_words = sorted(kb.lex["org_branch_words"], key=len, reverse=True)
        # Every word a rule below starts from, found in one scan of the text.
        self._cue_list = sorted(set(self.branch_words) | {"等", "据", "从", "简称", "下称"} | set(ROUND_VERBS)
                                | set(CONTRACT_VERBS) | set(kb.lex["org_cues_after"]))
        self._cue_finder = ahocorasick_rs.AhoCorasick(self._cue_list)
        self.source_generic = sorted(kb.lex["source_generic_words"], key=len, reverse=True)
        self.source_openers = sorted(kb.lex["source_openers"], key=len, reverse=True)
        self.owner_cues = sorted(kb.lex["org_cues_after"])
        # Longest first, then in code-point order: the same pattern in every process.
        kinds = "|".join(regex.escape(w) for w in sorted(kb.lex["org_kind_nouns"], key=lambda w: (-len(w), w)))
        self.listed_kind = regex.compile(KIND_AFTER_LIST.format(kinds=kinds) + "|" + COUNTED_FIRMS_AFTER_LIST)
        self.counted_kind = regex.compile(COUNTED_KIND_AFTER_LIST.format(kinds=kinds))
        self.media_before = tuple(kb.lex["media_before_title"])
        self.media_after = tuple(kb.lex["media_after_title"])
        endings = "|".join(regex.escape(w) for w in sorted(kb.lex["quoted_outlet_endings"], key=len, reverse=True))
        self._quoted_outlet = regex.compile(rf"[「《“\"]((?:[a-z0-9]{{1,6}})?\p{{Han}}{{1,10}}?(?:{endings}))[」》”\"]")
        self._outlet_reports = tuple(kb.lex["quoted_outlet_reports"])
        self._outlet_cues = tuple(kb.lex["quoted_outlet_cues_before"])
        self._outlet_not_after = tuple(kb.lex["quoted_outlet_not_after"])
        self._not_outlets = tuple(kb.lex["quoted_outlet_not_endings"])
        self.latin_descriptors = sorted(kb.lex["org_descriptors_latin"], key=len, reverse=True)
        self._latin_descriptor_finder = ahocorasick_rs.AhoCorasick(
            sorted(self.latin_descriptors, key=lambda w: (-len(w), w)),
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def __call__(self, doc: Document) -> None:
        table = EntityTable("organization")
        claimed = doc.layers["organization_claims"] = {}
        starts = [m.start for m in doc.layers["gazetteer"]]
        ends = [m.end for m in doc.layers["gazetteer"]]   # sorted too: matches never overlap
        plain = []
        credits = doc.layers.get("credits", [])
        dotted = any(d in doc.norm for d in NAME_DOTS)   # a transliterated name anywhere?
        urls = [u.span() for u in WEB_ADDRESS.finditer(doc.norm)] if HAS_WEB_TLD(doc.norm) is not None else []
        for n, m in enumerate(doc.layers["gazetteer"]):
            if n % MATCHES_PER_DEADLINE_CHECK == 0:
                deadline.check("organizations")
            orgs = m.of_kind("organization")
            if orgs and urls and any(s <= m.start < e for s, e in urls):
                continue   # github.com/…, qwenlm.github.io: an address, no mention of the company
            if not orgs:
                kinds = m.kinds if m.kinds is not None else {e.kind for e in m.entries}
                if "product" in kinds or "series" in kinds:
                    claimed.update(dict.fromkeys(range(m.start, m.end), "product" if "product" in kinds else "series"))
                continue
            entry = orgs[0]
            if dotted and (_in_dotted_name(doc.norm, m.start)
                           or self._after_name_dot(doc, m.start, entry.listed)):
                continue   # 湯米·奧哈佛, 杰弗里·怀特: the end of a transliterated name, not a company
            if self._named_as_software(doc, m.start):
                continue   # 視訊會議軟體Zoom, 通訊軟體LINE: the app, not the company
            if NEWS_OUTLET_AFTER.match(doc.key, m.end) \
                    and (self.kb.organizations.get(entry.id) or {}).get("type") == "company":
                continue   # 腾讯新闻《一线》: a company's news app or outlet, not the company
            if (doc.key.startswith(self._venue_starts, m.end) if self._venue_starts is not None else
                    any(doc.key[m.end:m.end + n] in self.venue_words for n in self._venue_lengths)):
                continue   # 在聖荷西的SAP中心開幕: a venue named after the company
            if self._brand_line(doc, m.start, m.end, ends):
                continue   # NVIDIA Tesla K20X: another brand's product line
            if doc.key[m.end - 1] == PARTY_END and not doc.ends_token(m.end):
                continue   # 民主黨派: the word goes on, no party of that name
            if self._sector_word(doc, m.end):
                continue   # 中國銀行業: the banking sector, not 中國銀行
            if doc.key[m.end:m.end + 1] in VERB_COMPLEMENTS and self._verb_with_complement(doc, m.start, m.end):
                continue   # 令人聯想起, 網友聯想到: the verb a company's name also is, no company
            # (a listed name an app shares, 小红书, only by the platform's own words: 小红书帐户, 在小红书上)
            if entry.dual_product and (used_by_its_users(doc.key, m.start, m.end) if entry.listed
                                       else self._app_context(doc, m.start, m.end, starts)):
                for i in range(m.start, m.end):
                    claimed[i] = "product"
                continue
            if entry.listed or entry.plain:
                if self._kinds_only(doc, m.start, m.end):
                    continue   # 控股 / 子公司: a listed name made of kinds of company only says a kind
                if any(s <= m.start < e for s, e in credits):
                    continue   # （來源：36氪）credits the publisher; the news is not about it
                if self._counted(doc, m.start, claimed, m.end):
                    continue   # 一千比特, 20個比特幣, 壹千零壹: a unit or a numeral, no company
                if entry.plain or entry.listed and self._reads_as_words(doc, m.start, m.end):
                    plain.append(m)   # 太阳能, 浪潮, 新/開源: a company only with evidence
                else:
                    # (the ending first: the place's tokens are read only for a 中心)
                    place = self._public_place_start(doc, m.start) \
                        if doc.key.endswith(PLACED_UNIT_KINDS, m.start, m.end) else m.start
                    if place < m.start and not any(p in claimed for p in range(place, m.start)):
                        # 蘇州 / 交警指揮中心: a listed body every place has, named with its place
                        table.add(name_id(doc.text[place:m.end]), place, m.end, "government")
                    else:
                        table.add(entry.id, m.start, m.end, "kb-list", kb=True)
                continue
            table.add(entry.id, m.start, m.end, "kb", kb=True)
        while plain:   # again while one is taken: 浪潮與榮耀 once 榮耀 has its evidence
            waiting = []
            for m in plain:
                entry = m.of_kind("organization")[0]
                if entry.id in table.by_id or self._named_as_company(doc, table, m.start, m.end):
                    table.add(entry.id, m.start, m.end, "kb-list" if entry.listed else "kb", kb=True)
                else:
                    waiting.append(m)
            if len(waiting) == len(plain):
                break
            plain = waiting
        # Before the suffix rules: 魏牌新能源 is then the brand 魏牌 and its line of cars.
        self._counted_kinds(doc, table, claimed)
        self._with_industry_word(doc, table, claimed)
        self._government_names(doc, table, claimed)
        self._capital_governments(doc, table, claimed)
        self._administrations(doc, table, claimed)
        self._legislatures(doc, table, claimed)
        self._institutions(doc, table, claimed)
        self._numbered_institutions(doc, table, claimed)
        self._tagged_bodies(doc, table, claimed)
        self._place_bodies(doc, table, claimed)
        self._described_names(doc, table, claimed)
        self._reported_by(doc, table, claimed)
        self._credited_outlets(doc, table, claimed)
        self._interviewing_outlets(doc, table, claimed)
        self._publications(doc, table, claimed)
        self._quoted_outlets(doc, table, claimed)
        self._placed_media_outlets(doc, table, claimed)
        self._latin_after_descriptors(doc, table, claimed)
        self._placed_registered_names(doc, table, claimed)
        self._place_opened_registered_names(doc, table, claimed)
        self._suffix_names(doc, table, claimed)
        self._latin_names(doc, table, claimed)
        self._match_sides(doc, table, claimed)
        self._home_away_teams(doc, table, claimed)
        self._named_teams(doc, table, claimed)
        self._leagues(doc, table, claimed)
        self._clubs_by_match_words(doc, table, claimed)
        self._public_bodies(doc, table, claimed)   # after the suffix rules: 青禾數據保護局 is theirs
        self._body_units(doc, table, claimed)
        self._committee_short_forms(doc, table, claimed)
        self._parent_short_commissions(doc, table, claimed)
        self._resident_missions(doc, table, claimed)
        cues = self._cue_words(doc.key)
        self._branches(doc, table, claimed, cues)
        self._listed_kinds(doc, table, claimed, cues)
        self._named_sources(doc, table, claimed, cues)
        self._reporting_outlets(doc, table, claimed)
        self._lettered_outlets(doc, table, claimed)
        self._investors(doc, table, claimed, cues)
        self._owner_cues(doc, table, claimed, cues)
        self._listed_with_orgs(doc, table, claimed)
        self._more_mentions(doc, table, claimed)
        self._tagged_glossed_names(doc, table, claimed)
        self._bracketed_names(doc, table, claimed)
        self._introduced_short_names(doc, table, claimed, cues)
        self._descriptors_before_names(doc, table)
        self._short_forms(doc, table)
        self._parented_short_forms(doc, table)
        self._shortened_bodies(doc, table)
        self._contracted_bodies(doc, table)
        self._university_short_forms(doc, table)
        self._placed_forms(doc, table)
        self._short_place_forms(doc, table)
        self._one_state_governments(doc, table)
        self._front_function_words(doc, table)
        self._known_names(doc, table)
        self._bare_body_forms(doc, table)
        self._staff_unit_owners(doc, table, claimed)   # after every rule that reads the unit as a name
        self._sittings(doc, table)
        self._former_names(doc, table)
        self._legal_forms(doc, table)
        self._store_names(doc, table)
        self._dateline_names(doc, table)
        datelines = credits + self._wire_day_datelines(doc)
        if datelines:
            self._credited_names(table, datelines)
        doc.layers["organizations"] = table

    @staticmethod
    def _wire_day_datelines(doc: Document) -> list[tuple[int, int]]:
        """（中央社舊金山22日綜合外電報導）, （中央社首爾/新加坡24日電）: a wire dateline that
        names no reporter, only the outlet, where and which day the story was filed. Its
        outlet files the story (as in a credit) and is no organisation of the news."""
        if "日" not in doc.key or "(" not in doc.key:
            return []
        return [m.span(1) for m in WIRE_DAY_DATELINE.finditer(doc.key)][:MAX_WIRE_DATELINES]

    @staticmethod
    def _credited_names(table: EntityTable, credits: list[tuple[int, int]]) -> None:
        """（中央社記者林小雯台北5日電）: an outlet named only inside a credit or a wire
        dateline files the story; it is no organisation of the news."""
        for ent in table.by_id.values():
            if ent.mentions and all(any(a <= s and e <= b for a, b in credits) for s, e in ent.mentions):
                ent.name_part_only = True

    @staticmethod
    def _after_name_dot(doc: Document, start: int, listed: bool) -> bool:
        """Does a name's middle dot stand right before start, after a Chinese piece: a
        generated list's short name there (布雷登·|怀特), or any name after a piece the
        segmenter tags as a person's (杰弗里·|怀特), is the end of a transliterated name."""
        if start < 2 or doc.norm[start - 1] not in NAME_DOTS or not is_cjk(doc.norm[start - 2]):
            return False
        return listed or doc.tokens[doc.token_index_at(start - 2)].pos in PERSON_TAGS

    def _outlet_shaped(self, doc: Document, ent: Entity) -> bool:
        """Is ent a news outlet: the knowledge base's kind media, or a name ending like one (網, 報, 社, 臺)?"""
        if ent.kb and (self.kb.organizations.get(ent.id) or {}).get("type") == "media":
            return True
        return all(doc.key[s:e].endswith(MEDIA_ENDINGS) for s, e in ent.mentions)

    def _dateline_names(self, doc: Document, table: EntityTable) -> None:
        """機器之心報道, 騰訊科技訊 5月17日, （德國之聲中文網）…, 【環球網報道】…: the outlet an
        article's opening dateline names is its masthead, no organisation of the story unless
        the story names it too. A bracket that is no filing credit (【青禾科技】今日宣布,
        （青禾科技供圖）) hides an outlet only."""
        head = doc.key[:MAX_DATELINE_AT]
        credits, bare = [], []
        for m in BRACKETED_DATELINE.finditer(doc.key, 0, min(len(doc.key), MAX_DATELINE_AT)):
            (credits if FILING_CREDIT.search(m.group(1)) else bare).append(m.span(1))
        for ent in table.by_id.values() if credits or bare else ():
            if ent.mentions and all(any(a <= s and e <= b for a, b in credits) for s, e in ent.mentions):
                ent.name_part_only = True
            elif ent.mentions and all(any(a <= s and e <= b for a, b in credits + bare) for s, e in ent.mentions) \
                    and self._outlet_shaped(doc, ent):
                ent.name_part_only = True
        if "报" not in head and "讯" not in head:
            return
        spans = []
        for m in DATELINE.finditer(doc.key, 0, min(len(doc.key), MAX_DATELINE_AT)):
            line_end = doc.key.find("\n", m.end())
            line_end = len(doc.key) if line_end < 0 else line_end
            # a short line with no clause in it is all credit (機器之心報道  機器之心編輯部); one
            # that goes on (騰訊科技訊 5月17日，特斯拉…) is news after the outlet's name
            whole = line_end - m.start(1) <= MAX_DATELINE_LINE and not any(
                c in doc.key[m.end():line_end] for c in "，,。；;")
            spans.append((m.start(1), line_end if whole else m.end(1)))
        if spans:   # and its desk's line (機器之心編輯部)
            spans += [m.span(1) for m in EDITORIAL_LINE.finditer(doc.key, 0, min(len(doc.key), MAX_DATELINE_AT))]
        if not spans:
            return
        for ent in table.by_id.values():
            if all(any(a <= s and e <= b for a, b in spans) for s, e in ent.mentions):
                ent.name_part_only = True

    def _store_names(self, doc: Document, table: EntityTable) -> None:
        """華為應用市場, 百度手機助手, Google Play 商店: a company named only as the first
        word of its store's or platform's name is no organisation of the story. It
        stays in the layer (products read their maker from it) and is not listed."""
        key, stores, firsts = doc.key, self.store_nouns, self._store_firsts
        for ent in table.by_id.values():
            # (the character after it read alone, not the rest of the text cut at it)
            if all(key[(a := e + (key[e:e + 1] == " ")):a + 1] in firsts
                   and key.startswith(stores, a) for _, e in ent.mentions):
                ent.name_part_only = True

    def _legal_forms(self, doc: Document, table: EntityTable) -> None:
        """卓易訊暢公司, 吉利集團, AMD 公司, 領克汽車銷售有限公司: a name written with the
        generic suffix its mention leaves out (or a line of business and a registered
        form) is one more surface form of it (an alias), not another organisation."""
        key, firsts = doc.key, self._dropped_firsts
        for ent in table.by_id.values():
            for start, end in ent.mentions:
                registered = REGISTERED_FORM.match(key, end) if key.find("有限", end, end + 6) >= 0 else None
                if registered:   # 領克汽車 / 銷售有限公司: the registered name the text writes
                    form = doc.text[start:registered.end()]
                    if form not in ent.forms:
                        ent.forms.append(form)
                    continue
                gap = 1 if key[end:end + 1] == " " else 0
                if key[end + gap:end + gap + 1] not in firsts or gap and not key[start:end].isascii():
                    continue
                suffix = next((w for w in self._dropped_longest if key.startswith(w, end + gap)), None)
                if suffix is not None:
                    form = doc.text[start:end + gap + len(suffix)]
                    if form not in ent.forms:
                        ent.forms.append(form)

    def _with_industry_word(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """達發科技, 星辰娛樂: a known company's name and the industry word written
        after it are one name, where the word ends the phrase (not 星辰電子產品); a
        Latin name may stand one space before the word (Velora 新能源)."""
        token_starts, tagged = doc.tokens.starts, doc.tokens.tagged
        for ent in list(table.by_id.values()):
            for start, end in list(ent.mentions):
                i = doc.token_index_at(end)
                if end >= len(doc.key) or i >= len(token_starts) or token_starts[i] != end:
                    continue   # (both readings below need a token starting at the name's end)
                word, pos = tagged[i]
                spaced = word == " " and is_latin(doc.key[end - 1]) and i + 1 < len(token_starts) \
                    and token_starts[i + 1] == end + 1
                if spaced:   # Velora 新能源: one space between a Latin name and its industry word
                    i += 1
                    word, pos = tagged[i]
                    if word.lower() not in self.industry:
                        continue
                elif pos not in SUB_BRAND_TAGS and word.lower() not in self.industry:
                    continue   # (neither a sub-brand's tag nor an industry word: what both readings ask first)
                deadline.check("organizations")   # (after the quick skips: it costs more than they do)
                tok = doc.tokens[i]
                if not spaced and tok.start == end and self._sub_brand(doc, table, claimed, i):
                    table.drop_mention(ent.id, start, end)
                    table.add(name_id(doc.text[start:tok.end]), start, tok.end, "sub-brand")
                    continue
                if tok.start != end + spaced or tok.word.lower() not in self.industry \
                        or tok.word.lower() in self.field_words:
                    continue   # 華為技術 stays 華為 + a field of work
                if any(p in claimed for p in range(end, tok.end)) or table.covering(end, tok.end) \
                        or self._describes_noun(doc, tok.end) or self._noun_at(doc, tok.end) \
                        and not doc.key.startswith(tuple(self.kb.org_suffixes), tok.end):
                    continue
                table.drop_mention(ent.id, start, end)
                table.add(ent.id, start, tok.end, next(iter(ent.evidence)), kb=ent.kb)

    @staticmethod
    def _known_person_at(doc: Document, start: int, end: int) -> bool:
        """Is start..end a knowledge-base person's name (a gazetteer match of a person)?"""
        matches = doc.layers["gazetteer"]
        i = bisect.bisect_left(matches, start, key=lambda m: m.start)
        return i < len(matches) and matches[i].start == start and matches[i].end == end \
            and bool(matches[i].of_kind("person"))

    def _sub_brand(self, doc: Document, table: EntityTable, claimed: dict, i: int) -> bool:
        """TCL華星: right after a known company, a proper-name word of its own (the
        segmenter tags it a proper noun or a name; Chinese, two or three characters;
        no surname-shaped personal name) that the clause goes on from (a verb, a
        preposition, punctuation) names its sub-brand or subsidiary."""
        tok = doc.tokens[i]
        if tok.pos not in SUB_BRAND_TAGS or not 2 <= len(tok.word) <= 3 \
                or not all(is_cjk(c) for c in tok.word):
            return False
        if tok.pos == "nr" and tok.word[:1] in self.kb.surnames:
            return False   # 華為余承東: a person
        if tok.word in self.corporate_verbs:
            return False   # 百度官宣: the company's verb, no sub-brand
        if self._known_person_at(doc, tok.start, tok.end):
            return False   # 蘋果庫克稱: the company's known chief, no sub-brand
        if table.covering(tok.start, tok.end) or any(p in claimed for p in range(tok.start, tok.end)):
            return False
        if tok.end >= len(doc.key):
            return True
        nxt = doc.tokens[doc.token_index_at(tok.end)]
        # (a verbal noun goes on as the body's name: 某大學博雅|教育中心, no clause's verb)
        return nxt.start == tok.end and nxt.pos != "vn" \
            and (nxt.pos[:1] in ("v", "p", "x", "d") or not nxt.word.strip())

    def _descriptors_before_names(self, doc: Document, table: EntityTable) -> None:
        """太空飛行公司「藍色起源」, 無線電通訊科技公司高通: words and a dropped suffix right
        before an organisation the knowledge base knows (in quotes or not) describe it (what
        kind of company it is); they are no organisation of their own. A name in quotes that
        is no known organisation leaves the company standing (青禾機器人公司「星河一號」: a
        company and its product)."""
        key = doc.key
        for ent in list(table.by_id.values()):
            if ent.kb:
                continue
            for a, b in list(ent.mentions):
                if key[b:b + 1] not in self._dropped_firsts:
                    continue
                dropped = next((w for w in self._dropped_longest if key.startswith(w, b)), "")
                if not dropped:
                    continue
                at = b + len(dropped)
                at += key[at:at + 1] == " "
                at += key[at:at + 1] in QUOTE_OPENERS
                nxt = table.covering(at, at + 1)
                if nxt is not None and nxt.kb and nxt is not ent and any(s == at for s, _ in nxt.mentions):
                    table.drop_mention(ent.id, a, b)

    def _tagged_glossed_names(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """美國有線電視新聞網（CNN）, 中國互聯網絡信息中心（CNNIC）: a word the segmenter tags an
        organisation's name, with a Latin short form in brackets right after it, is an
        organisation (its short form joins it in _bracketed_names), where the word starts as a
        name does (_glossed_body_start: not 國家 / 廣播公司（NBC）, a word of the name cut off),
        no knowledge-base name lies on it (符合世界貿易組織（WTO）規定: the list's rules decide)
        and it names no kind of product (中央處理器（CPU）)."""
        norm, key, tokens = doc.norm, doc.key, doc.tokens
        at = norm.find("(")
        gazetteer = None
        while at > 0:
            m = GLOSS_ACRONYM.match(norm, at)
            end = at - (norm[at - 1] == " ")
            at = norm.find("(", at + 1)
            if m is None or end <= 0 or not is_cjk(key[end - 1]):
                continue
            deadline.check("organizations")
            tok = tokens[doc.token_index_at(end - 1)]
            if tok.end != end or tok.pos != "nt" or len(tok.word) < 3:
                continue
            start = tok.start
            gloss = m.group().strip(" ()").strip()
            if key[start:end].endswith(self._product_kinds) or gloss.lower() in self._product_kinds:
                continue
            if any(p in claimed for p in range(start, end)) \
                    or any(table.covering(p, p + 1) is not None for p in range(start, end)):
                continue
            if gazetteer is None:
                gazetteer = [(g.start, g.end) for g in doc.layers["gazetteer"]]
            if any(a < end and start < b for a, b in gazetteer):
                continue
            if self._glossed_body_start(doc, start, end, 0) != start:
                continue
            table.add(name_id(doc.text[start:end]), start, end, "appositive")

    def _bracketed_names(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """青禾集團（Qinghe Group）, 星辰基金會（Star Foundation, SF）: a Latin name in
        brackets right after an organisation's name is the same organisation. A short form
        so given (聯邦航空管理局（FAA）… FAA表示) names it wherever it stands as a word."""
        short_forms: dict[str, str] = {}
        for ent in list(table.by_id.values()):
            for _, end in list(ent.mentions):
                end += doc.norm[end:end + 1] in QUOTE_CLOSERS   # 「青禾分析」（Qinghe Analytics）
                c = doc.key[end:end + 1]
                if c not in self._dropped_firsts:
                    if c not in BRACKET_OPENINGS:
                        continue   # (neither a dropped suffix nor a bracket after the name: no match)
                    dropped = ""
                else:
                    dropped = next((w for w in self.dropped if doc.key.startswith(w, end)), "")
                deadline.check("organizations")   # (after the quick skip: it costs more than the skip)
                m = BRACKETED_LATIN.match(doc.norm, end + len(dropped))   # 青禾(集團)（Qinghe Group）
                if m is None or TICKER.fullmatch(m.group(1)):
                    continue   # 英特爾 (INTC-US): a stock ticker
                start, stop = m.span(1)
                if any(p in claimed for p in range(start, stop)):
                    continue
                other = table.covering(start, stop)
                if SHORT_FORM_GLOSS.fullmatch(doc.text, start, stop) and other in (None, ent):
                    short = doc.key[start:stop]
                    same = table.by_id.get(short_forms.get(short, ent.id))
                    if same is not None and same is not ent and not (same.kb and ent.kb):
                        # 美國食品藥品監督管理局（FDA）… 美國食品和藥物管理局（FDA）: one short form, one body
                        kept, gone = (ent, same) if same.kb is False and ent.kb else (same, ent)
                        table.merge(gone.id, kept.id)
                        ent = kept
                    short_forms[short] = ent.id
                if other is None:
                    table.add(ent.id, start, stop, "appositive")
                    # 青禾集團（Qinghe）… Qinghe宣布: the gloss named elsewhere on its own is the same
                    other = table.by_id.get(name_id(doc.text[start:stop]))
                    if other is not None and other is not ent and not other.kb:
                        table.merge(other.id, ent.id)
                elif other is not ent and not other.kb and other.id in table.by_id \
                        and ent.id in table.by_id:
                    table.merge(other.id, ent.id)
        for short, id_ in short_forms.items():
            if id_ in table.by_id:
                self._recurrences(doc, table, claimed, id_, short, 0, spaced=True)

    def _introduced_short_names(self, doc: Document, table: EntityTable, claimed: dict,
                                cues: dict) -> None:
        """青禾機器人科技股份有限公司（以下簡稱「青禾」）: the short name the text gives an
        organisation is that organisation wherever it recurs as a word."""
        key = doc.key
        if "简称" not in cues and "下称" not in cues:
            return
        scanned: set[str] = set()   # each short name is looked for once, and only so many:
        for ent in list(table.by_id.values()):      # the scans stay linear in the text
            for _, end in list(ent.mentions):
                deadline.check("organizations")
                bracket = next((i for i in range(end, min(end + MAX_BEFORE_INTRO, len(key)))
                                if key[i] in "(（" or key[i] in INTRO_GAP_STOPS), None)
                if bracket is None or key[bracket] not in "(（":
                    continue
                m = SHORT_NAME_INTRO.match(key, bracket)
                if m is None:
                    continue
                start, stop = m.span(1)
                short = key[start:stop].strip()
                stop = start + len(short)
                if not short or any(p in claimed for p in range(start, stop)):
                    continue
                if table.covering(start, stop) is None:
                    table.add(ent.id, start, stop, "appositive")
                if short not in scanned and len(scanned) < MAX_SHORT_NAMES:
                    scanned.add(short)
                    self._recurrences(doc, table, claimed, ent.id, short, m.end())

    def _recurrences(self, doc: Document, table: EntityTable, claimed: dict, id_: str,
                     name: str, after: int, spaced: bool = False) -> None:
        """Every later whole-word occurrence of a short name is a mention of id_ (spaced: not
        where a space and a Latin word follow, the first word of a longer Latin name, S&P Global)."""
        key, at = doc.key, doc.key.find(name, after)
        while at >= 0:
            deadline.check("organizations")
            end = at + len(name)
            latin_cut = (is_latin(name[0]) and at > 0 and is_latin(key[at - 1])) or (
                is_latin(name[-1]) and end < len(key) and is_latin(key[end])) or (
                spaced and key[end:end + 1] == " " and is_latin(key[end + 1:end + 2] or " "))
            cut = latin_cut or (not name.isascii() and not (doc.starts_token(at) and doc.ends_token(end)))
            if not cut and table.covering(at, end) is None \
                    and not any(p in claimed for p in range(at, end)):
                table.add(id_, at, end, "appositive")
            at = key.find(name, end)

    def _short_forms(self, doc: Document, table: EntityTable) -> None:
        """A list's name that starts another organisation's name in the same text
        is its short form (中華電 of 中華電信: an exchange's short name), where the longer
        name goes on inside the same word or names the same firm's form (福特 of 福特汽車公司),
        never a body it heads (復旦大學 of its 經濟學院, a 分公司, a 局). Where several
        names start with it, the one the knowledge base knows (中華電信, not a 中華電信某地子公司);
        an organisation merged away earlier in the walk is no longer an owner."""
        longer: dict[str, set[str]] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                name = doc.key[s:e]
                for n in range(MIN_SHORT_FORM, len(name)):
                    if _goes_on_as_the_same_body(doc, s, s + n, e):
                        longer.setdefault(name[:n], set()).add(ent.id)
        for ent in list(table.by_id.values()):
            deadline.check("organizations")
            if ent.evidence != {"kb-list"} or ent.id not in table.by_id:   # (merged away already)
                continue
            owners = set.union(*(longer.get(doc.key[s:e], set()) for s, e in ent.mentions)) - {ent.id}
            # 聯合國 of 聯合國安理會: the body of a place or a parent, not its short form
            owners = {o for o in owners if o in table.by_id and "government" not in table.by_id[o].evidence}
            if len(owners) > 1:   # 中華電 of 中華電信 and of 中華電信某地子公司: the known firm
                owners = {o for o in owners if table.by_id[o].kb}
            if len(owners) == 1:
                table.merge(ent.id, owners.pop())

    @staticmethod
    def _parented_short_forms(doc: Document, table: EntityTable) -> None:
        """數字貨幣研究所 after 中國人民銀行數字貨幣研究所: a body the suffix rules found,
        written once after its parent's name (the parent another organisation of the text)
        and then alone, is the longer one's short form, where exactly one is so longer."""
        key, names = doc.key, {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                names.setdefault(key[s:e], set()).add(ent.id)
        tails: dict[str, set[str]] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                for cut in range(s + 2, e - MIN_SHORT_FORM):
                    if names.get(key[s:cut], set()) - {ent.id}:
                        tails.setdefault(key[cut:e], set()).add(ent.id)
        for ent in list(table.by_id.values()):
            deadline.check("organizations")
            if ent.kb or ent.evidence != {"suffix"} or ent.id not in table.by_id:
                continue
            owners = set.union(*(tails.get(key[s:e], set()) for s, e in ent.mentions)) - {ent.id}
            owners = {o for o in owners if o in table.by_id}
            if len(owners) == 1:
                table.merge(ent.id, owners.pop())

    def _shortened_bodies(self, doc: Document, table: EntityTable) -> None:
        """美國上訴法院 after 美國哥倫比亞特區巡迴上訴法院: a court or agency the rules found
        (no name of the knowledge base) whose name keeps the place and the kind of a longer
        one's (the same first character, the same last word of the kind: 上訴法院) and drops
        words between, in order, is that one's short form, where exactly one is so longer."""
        bodies = [ent for ent in table.by_id.values()
                  if not ent.kb and ent.evidence == {"government"} and len(ent.mentions) >= 1]
        if len(bodies) < 2:
            return
        names = {ent.id: [doc.key[s:e] for s, e in ent.mentions] for ent in bodies}
        # (first character, last character) -> id -> its names so: a short form's candidates
        # read from its own few, not every body's names for each body (n-squared)
        by_ends: dict[tuple[str, str], dict[str, list[str]]] = {}
        for id_, written in names.items():
            for n in written:
                by_ends.setdefault((n[0], n[-1]), {}).setdefault(id_, []).append(n)
        for ent in sorted(bodies, key=lambda x: min(len(n) for n in names[x.id])):
            deadline.check("organizations")
            short = min(names[ent.id], key=len)
            ending = self.institution_ending.search(short)
            if ending is None or ending.end() != len(short) or ending.start() < 2:
                continue   # (the kind and a word of it before: 上訴 / 法院)
            tail = short[ending.start() - 2:]
            owners = {o for o, written in by_ends.get((short[0], short[-1]), {}).items()
                      if o != ent.id and o in table.by_id and any(
                          len(n) > len(short) and n.endswith(tail) and in_order(short, n) for n in written)}
            if len(owners) == 1:
                table.merge(ent.id, owners.pop())

    @staticmethod
    def _contracted_bodies(doc: Document, table: EntityTable) -> None:
        """南嶺藥監局 … 南嶺藥品監督管理局, 星海國安部 … 星海國家安全部: an agency's or a
        council's name (局, 部, 署, 委, 會, 廳) contracted the Chinese way, the same first
        words and the same last character, the words between cut to some of their own
        characters in order (藥監 of 藥品監督管理), is the full name's short form, where
        exactly one name of the text is so longer. Only a contraction: a name that merely
        drops whole words (中央委員會 of 中央軍事委員會) or starts the other (a body's
        committee) is another body; two bodies the knowledge base knows stay as they are."""
        names: dict[str, set[str]] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                name = doc.key[s:e]
                if len(name) >= 3 and name[-1] in CONTRACTED_BODY_ENDS:
                    names.setdefault(name, set()).add(ent.id)
        if len(names) < 2:
            return
        by_ends: dict[tuple[str, str], list[str]] = {}
        for name in names:
            by_ends.setdefault((name[0], name[-1]), []).append(name)
        contracted: dict[str, set[str]] = {}   # a short name → the ids of the longer names it contracts

        def owners_of(short: str) -> set[str]:
            if short not in contracted:
                # (a text names a few bodies sharing both ends; the cap keeps a flood linear)
                fulls = by_ends.get((short[0], short[-1]), ())[:MAX_CONTRACTION_CANDIDATES]
                contracted[short] = {o for full in fulls if len(full) > len(short) and _contracts(short, full)
                                     for o in names[full]}
            return contracted[short]

        for ent in list(table.by_id.values()):
            deadline.check("organizations")
            if ent.id not in table.by_id:
                continue   # (merged away already)
            owners: set[str] = set()
            for s, e in ent.mentions:
                short = doc.key[s:e]
                if short in names:
                    owners |= owners_of(short)
            owners = {o for o in owners if o != ent.id and o in table.by_id}
            if len(owners) != 1:
                continue
            owner = table.by_id[next(iter(owners))]
            if ent.kb and owner.kb:
                continue
            if ent.kb:
                table.merge(owner.id, ent.id)
            else:
                table.merge(ent.id, owner.id)

    def _university_short_forms(self, doc: Document, table: EntityTable) -> None:
        """清華大學 … 清華AI學生, 師從清華計算機系: a university named in full whose name is
        two characters and 大學, written later as those two characters alone (a whole
        word of the segmenter's, no other name there), is the same university; not the
        place a wire dateline files from (新華社北京3月27日電 … 北京大學)."""
        if "大学" not in doc.key:
            return
        heads: dict[str, Entity] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                if e - s == 4 and doc.key.endswith("大学", s, e) and all(is_cjk(c) for c in doc.key[s:s + 2]):
                    heads[doc.key[s:s + 2]] = ent if heads.get(doc.key[s:s + 2], ent) is ent else None
        heads = {h: ent for h, ent in heads.items() if ent is not None}
        # (北京大学 … 北京: a place the dictionary knows, alone, is that place, not its university)
        heads = {h: ent for h, ent in heads.items() if not self._dictionary_place(h)}
        # (新华社北京3月27日电: the place a wire files from is a place, not 北京大学)
        filed = [m.span(1) for m in WIRE_PLACE_DATELINE.finditer(doc.key, 0, min(len(doc.key), MAX_DATELINE_AT))]
        for head, ent in heads.items():
            pos = doc.key.find(head)
            while pos >= 0:
                deadline.check("organizations")
                end = pos + 2
                if not doc.key.startswith("大学", end) and doc.starts_token(pos) and doc.ends_token(end) \
                        and table.covering(pos, end) is None and not any(a <= pos and end <= b for a, b in filed):
                    table.add(ent.id, pos, end, "kb-short" if ent.kb else "repeated", kb=ent.kb)
                pos = doc.key.find(head, end)

    def _kinds_only(self, doc: Document, start: int, end: int) -> bool:
        """控股 / 子公司: two or more words, every one a generic word of companies
        (generic_org_words) and none a place (中國 / 軟件 is a listed company's name; one
        word alone, 機器人, is a listed stock's short name)."""
        words = list(tokens_in(doc, start, end))
        return len(words) >= 2 and all(t.word in self.generic and t.pos != "ns" for t in words)

    def _dictionary_place(self, word: str) -> bool:
        """北京, 浙江, 東嶺: a word the dictionary holds and tags as a place (not one the
        segmenter only guesses a place: 澄溪)."""
        tagged = self.segmenter.tag(word)
        return len(tagged) == 1 and tagged[0].pos == "ns" and self.in_dictionary(word)

    def _placed_forms(self, doc: Document, table: EntityTable) -> None:
        """數據保護委員會 … 愛爾蘭數據保護委員會: an organisation a suffix named that the
        text also names with a place (or another short qualifier) before it is that
        one (merged into the longer name; the segmenter often tags the place a name)."""
        suffixed = [e for e in table.by_id.values() if e.evidence == {"suffix"} and not e.kb]
        if len(suffixed) < 2:
            return
        # only a name a short form can end: at least a two-character qualifier and two more
        if not any(e - s >= 4 for ent in suffixed for s, e in ent.mentions[:1]):
            return
        full = {doc.key[s:e]: ent.id for ent in suffixed for s, e in ent.mentions}
        for ent in suffixed:
            deadline.check("organizations")
            if ent.id not in table.by_id:
                continue   # merged into a longer form already (瑞典南港青禾實驗室 took 南港青禾實驗室)
            s, e = ent.mentions[0]
            for n in range(2, MAX_PLACE + 1):
                other = full.get(doc.key[s + n:e])
                if other is not None and other != ent.id and other in table.by_id \
                        and all(is_cjk(c) for c in doc.key[s:s + n]):
                    table.merge(other, ent.id)
                    break

    @staticmethod
    def _short_place_forms(doc: Document, table: EntityTable) -> None:
        """美商務部 … 美國商務部: a government named with its place cut to one character
        (headline style) is the one the text names in full (merged into it); so is one
        named with the place's first character and 國 (烏國外交部 … 烏克蘭外交部), where the
        full place holds no 國 of its own (中國外交部 is no 中華民國外交部)."""
        governments = [e for e in table.by_id.values() if e.evidence == {"government"} and not e.kb]
        if not governments:
            return
        full: dict[str, str] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                full.setdefault(doc.key[s:e], ent.id)
        # each name with one or two characters after its first cut out (美國商務部: 美商務部,
        # 美務部) -> the ids of the names cut so, in the order of full: made once, not a scan
        # of every name per government
        cut: dict[str, list[str]] = {}
        for k, i in full.items():
            for n in (1, 2):
                if len(k) > n + 1:
                    cut.setdefault(k[0] + k[1 + n:], []).append(i)
            for n in COUNTRY_CUTS:
                if len(k) > n + 2 and COUNTRY not in k[:1 + n]:
                    cut.setdefault(k[0] + COUNTRY + k[1 + n:], []).append(i)
            # 南投縣文化局 … 縣府文化局: the place's level and 府 (its government) for the place
            for j in range(1, min(len(k) - 2, MAX_PLACE + 1)):
                if k[j] in PLACE_LEVELS:
                    cut.setdefault(k[j] + GOVERNMENT_SHORT + k[j + 1:], []).append(i)
        for ent in governments:
            deadline.check("organizations")
            name = doc.key[ent.mentions[0][0]:ent.mentions[0][1]]
            if len(name) < 3:
                continue
            other = next((i for i in cut.get(name, ()) if i != ent.id), None)
            if other is not None and other in table.by_id:
                table.merge(ent.id, other)

    def _one_state_governments(self, doc: Document, table: EntityTable) -> None:
        """荷蘭政府 … 荷蘭當局, 南韓政府 … 韓國政府, 德國政府 … 柏林當局 / 柏林: one state's government
        named by its place (or another name of that state, or its capital) and 政府 or 當局 is
        one organisation, the one named with 政府 (its other names merged into it): the place
        the same word, or two words CC-CEDICT gives one state for (kb.place_states)."""
        forms: dict[str, list[tuple[str, bool]]] = {}   # state -> (id, named with 政府), text order
        for ent in table.by_id.values():
            if ent.kb:
                if (self.kb.organizations.get(ent.id) or {}).get("type") != "government":
                    continue
            elif ent.evidence != {"government"}:
                continue
            state, with_government = self._government_state(doc, ent)
            if state is not None:
                forms.setdefault(state, []).append((ent.id, with_government))
        for named in forms.values():
            if len(named) < 2:
                continue
            into = next((i for i, g in named if g and i in table.by_id and table.by_id[i].kb), None) \
                or next((i for i, g in named if g), None)
            if into is None:
                continue
            for i, _ in named:
                if i != into and i in table.by_id and not table.by_id[i].kb:
                    table.merge(i, into)

    def _government_state(self, doc: Document, ent) -> tuple[str | None, bool]:
        """The state every mention of a government names (its place, or the state CC-CEDICT
        gives that place or capital), and whether one names it with 政府; (None, False) where
        a mention is none of place + 政府, place + 當局, or a capital alone."""
        state, with_government = None, False
        for s, e in ent.mentions:
            name = doc.key[s:e]
            if name.endswith(ADMINISTRATION):
                place, with_government = name[:-len(ADMINISTRATION)], True
            elif name.endswith(AUTHORITY):
                place = name[:-len(AUTHORITY)]
            elif name in self.kb.capitals:
                place = name
            else:
                return None, False
            if not 2 <= len(place) <= MAX_PLACE or not all(is_cjk(c) for c in place):
                return None, False
            here = self.kb.place_states.get(place, place)
            if state is not None and here != state:
                return None, False
            state = here
        return state, with_government

    def _front_function_words(self, doc: Document, table: EntityTable) -> None:
        """由美海军陆战队, 與川普政府, 向塞國內政部, 及隆陽公安分局: a preposition or
        conjunction the segmenter glued onto a name's first word (由美, 與川普) is read
        into the name. A name a rule found (never a listed one) opening with such a
        word, where it and the next character make no word of the dictionary (由于,
        对外, 向阳 do) and no listed name opens there (向日葵, 由田), loses it; what is
        left goes to the name it spells. 和 / 同 open many names (和硕, 同济): cut only
        before a Latin name (和PayPal)."""
        key = doc.key
        aliases = self.kb.aliases
        moved: dict[str, str] = {}
        for ent in list(table.by_id.values()):
            if ent.kb:
                continue
            for s, e in list(ent.mentions):
                lead = key[s]
                if lead in FRONT_LATIN_ONLY:
                    if not is_latin(key[s + 1:s + 2]):
                        continue
                elif lead not in FRONT_FUNCTION_WORDS:
                    continue
                if e - s < 3 or any(self.in_dictionary(key[s:s + n]) or key[s:s + n] in aliases
                                    for n in range(2, min(e - s, MAX_FRONT_ALIAS) + 1)):
                    continue   # 由于, 对不起, 向日葵: the character opens a word or a listed name
                bare = self._bare_kind_word(key[s + 1:e])
                if not bare and not self._opens_with_name(key[s + 1:e]):
                    continue   # 对客服务: what is left names nothing either
                rest = doc.text[s + 1:e]
                table.drop_mention(ent.id, s, e)
                if bare:
                    continue   # 從風投公司: the kind of firm alone, no name left
                target = name_id(rest)
                for ev in sorted(ent.evidence):
                    table.add(target, s + 1, e, ev)
                moved[ent.id] = target
        for old, target in moved.items():
            if old in table.by_id and target in table.by_id and old != target:
                table.merge(old, target)   # 由莫迪政府 … 莫迪政府: one body

    def _opens_with_name(self, rest: str) -> bool:
        """美 / 海军陆战队, 莫迪 / 政府, PayPal: the words left open with a name (a place's,
        a person's, an organisation's, an abbreviation, a Latin name, a word the
        segmenter only guessed)."""
        if is_latin(rest[:1]):
            return True
        toks = self.segmenter.tag(rest)
        if not toks:
            return False
        first = toks[0]
        return first.pos[:2] in PROPER_TAGS or first.pos == "j" or (
            first.pos == "ng" and len(first.word) > 1 and not self.in_dictionary(first.word))   # 亿邦 / 动力网: a guessed word

    def _bare_kind_word(self, rest: str) -> bool:
        """风投, 政府: one common word (no Latin, no proper name's tag) — a kind, not a name."""
        if is_latin(rest[:1]):
            return False
        toks = self.segmenter.tag(rest)
        return len(toks) == 1 and toks[0].pos[:1] in "nvag" and toks[0].pos[:2] not in PROPER_TAGS

    def _known_names(self, doc: Document, table: EntityTable) -> None:
        """商務部 of 商務部長: a name a rule found where the list's alias could not
        match (inside a longer word of the segmenter's) is still the knowledge base's
        organisation of that name: its mentions go to that id."""
        aliases = self.kb.aliases
        for ent in list(table.by_id.values()):
            if ent.kb or ent.id not in table.by_id:
                continue
            ids = {x.id for s, e in ent.mentions for x in aliases.get(doc.key[s:e], ()) if x.kind == "organization"}
            if not ids:
                ids = {i for s, e in ent.mentions for i in self._country_body(doc.key[s:e])}
            if len(ids) != 1:
                continue
            target = ids.pop()
            if target == ent.id:
                continue
            if target not in table.by_id:
                s, e = ent.mentions[0]
                table.add(target, s, e, next(iter(sorted(ent.evidence))), kb=True)
            table.merge(ent.id, target)

    def _country_body(self, name: str) -> set[str]:
        """中國外交部 → the PRC's 外交部: the ids of the bodies named after a country's name
        that a source of that country's bodies lists (lexicon.yaml source_countries); none for
        a place of another country (日本外交部 is no row of the PRC's list)."""
        place = next((p for p in self._country_places if name.startswith(p)), None)
        if place is None:
            return set()
        sources = self._country_sources[place]
        return {x.id for x in self.kb.aliases.get(name[len(place):], ()) if x.kind == "organization"
                and (self.kb.organizations.get(x.id) or {}).get("source", "").split(":")[0] in sources}

    def _bare_body_forms(self, doc: Document, table: EntityTable) -> None:
        """美國商務部…商務部表示, 中國外交部…外交部: a body named bare (a ministry, an
        agency: its name ends in a government word) where the text names exactly one
        body with a place before that same name is that body, whatever a list gives the
        bare name (merged into the placed one)."""
        if len(table.by_id) < 2:
            return
        key = doc.key
        names: dict[str, set[str]] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                names.setdefault(key[s:e], set()).add(ent.id)
        # name -> the ids of the names of Han characters that are it with one to MAX_PLACE
        # characters before it (美國商務部 under 商務部): made once, not a scan of every
        # name per body
        placed_before: dict[str, set[str]] = {}
        for k, ids in names.items():
            if all(is_cjk(c) for c in k):
                for n in range(1, min(MAX_PLACE, len(k)) + 1):
                    placed_before.setdefault(k[n:], set()).update(ids)
        for ent in list(table.by_id.values()):
            deadline.check("organizations")
            bare = {key[s:e] for s, e in ent.mentions}
            if len(bare) != 1:
                continue
            name = next(iter(bare))
            if len(name) < 2 or not name.endswith(self._government_tuple) or not all(is_cjk(c) for c in name):
                continue
            placed = placed_before.get(name, set()) - {ent.id}
            if len(placed) == 1:
                other = next(iter(placed))
                if other in table.by_id and ent.id in table.by_id:
                    table.merge(ent.id, other)

    def _more_mentions(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """An open-world name found once (研調機構IDC) is a mention wherever it
        recurs as a whole word (IDC並指出), in one Aho-Corasick pass."""
        found = [e for e in table.by_id.values() if not e.kb]
        needles = {doc.key[s:e]: ent for ent in found for s, e in ent.mentions[:1]}
        spoken = self._spoken_stems(doc, table, needles)
        if not needles and not spoken:
            return
        stems = self._name_stems(needles)
        for stem, ent in stems.items():
            needles.setdefault(stem, ent)
        if needles:
            self._add_recurrences(doc, table, claimed, needles, {})
        if spoken:   # (a pass of their own: a head that does not speak shadows no other name there)
            self._add_recurrences(doc, table, claimed, spoken, spoken)

    def _add_recurrences(self, doc: Document, table: EntityTable, claimed: dict,
                         needles: dict[str, Entity], spoken: dict[str, Entity]) -> None:
        """The names of needles where they recur as whole words (_more_mentions); those of
        spoken only where they speak."""
        patterns = list(needles)
        key = doc.key
        for index, start, end in leftmost_longest(patterns, key):
            deadline.check("organizations")
            needle = patterns[index]
            if is_latin(needle[0]) and start > 0 and is_latin(key[start - 1]):
                continue
            if is_latin(needle[-1]) and end < len(key) and is_latin(key[end]):
                continue
            if not needle.isascii() and not (doc.starts_token(start) and doc.ends_token(end)):
                continue
            if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            if needle in self.capitals:
                continue   # (北京方面 … 北京: a capital acts as its government only where it acts)
            if needle in spoken and not (key.startswith(self._speech_tuple, end)
                                         or key.endswith(SPOKEN_STEM_CUES, 0, start) and doc.ends_token(start)):
                continue   # 空客 of 空客公司 alone: only where it speaks (空客稱, 據空客說)
            ent = needles[needle]
            table.add(ent.id, start, end, next(iter(ent.evidence)))

    def _spoken_stems(self, doc: Document, table: EntityTable, needles: dict[str, Entity]) -> dict[str, Entity]:
        """空客公司 … 據空客說 / 空客稱: a name written with a generic company word
        (dropped_org_suffixes), found by the suffix rules or a list's row that lacks the
        short form, is written later by its head alone, where that head speaks; the head
        may be a word of the dictionary (空客), so only the speech (or 據 before it) tells
        its mention (_more_mentions). Two Chinese characters or more, no head of another
        name found."""
        stems: dict[str, Entity | None] = {}
        named = dict(needles)
        for ent in table.by_id.values():
            if ent.kb and "kb-list" in ent.evidence:
                for s, e in ent.mentions[:1]:
                    named.setdefault(doc.key[s:e], ent)
        for name, ent in named.items():
            if "suffix" not in ent.evidence and "kb-list" not in ent.evidence:
                continue
            tail = next((d for d in self._dropped_longest if name.endswith(d)), None)
            head = name[:-len(tail)] if tail else ""
            if len(head) >= MIN_STEM_CHARS and all(is_cjk(c) for c in head):
                stems[head] = ent if stems.get(head, ent) is ent else None
        return {h: e for h, e in stems.items() if e is not None and h not in named}

    def _name_stems(self, needles: dict[str, Entity]) -> dict[str, Entity]:
        """慧榮科技 … 慧榮預估: a name the suffix rules found as a proper head and an
        industry word (星瀾科技, 青峰光電) is written later by its head alone. The head is
        a stem only when it is two or more Chinese characters the dictionary lacks (not
        中華 of 中華電子) and heads no other name found (星河科技 and 星河光電: neither)."""
        stems: dict[str, Entity | None] = {}
        for name, ent in needles.items():
            if "suffix" not in ent.evidence:
                continue
            for n in range(MIN_STEM_CHARS, len(name) - 1):
                head, tail = name[:n], name[n:]
                if tail in self.industry and all(is_cjk(c) for c in head) and not self.in_dictionary(head):
                    stems[head] = ent if stems.get(head, ent) is ent else None
                    break
        return {h: e for h, e in stems.items() if e is not None and h not in needles}

    @staticmethod
    def _verb_with_complement(doc: Document, start: int, end: int) -> bool:
        """Is the name at start:end one word the segmenter reads as a verb, followed by 到 or
        起 alone (its complement: 聯想到, 聯想起)? Then the text uses the everyday verb."""
        tokens = doc.tokens
        i = doc.token_index_at(start)
        tok = tokens[i]
        if tok.start != start or tok.end != end or tok.pos != "v" or i + 1 >= len(tokens):
            return False
        nxt = tokens[i + 1]
        return nxt.start == end and nxt.end == end + 1

    def _brand_line(self, doc: Document, start: int, end: int, ends: list[int]) -> bool:
        """Is the name between another organisation's name and a model code
        (NVIDIA Tesla K20X), a product line of that brand?"""
        key = doc.key
        if not (start > 1 and key[start - 1] == " " and end + 1 < len(key) and key[end] == " "):
            return False
        code = MODEL_CODE.match(key, end + 1)
        if code is None:
            return False
        before = doc.layers["gazetteer"]
        i = bisect.bisect_left(ends, start - 1)
        return i < len(before) and before[i].end == start - 1 and bool(before[i].of_kind("organization"))

    def _named_as_software(self, doc: Document, start: int) -> bool:
        """Is the name right after a word for software (會議軟體Zoom)?"""
        before = doc.key[max(0, start - 5):start].rstrip(" ")
        if self._software_ends is not None:
            return before.endswith(self._software_ends)
        return any(before[-n:] in self.software_nouns for n in self._software_lengths)

    def _app_context(self, doc: Document, start: int, end: int, starts: list[int]) -> bool:
        if SHARE_CLASS.match(doc.key, end):
            return False   # 快手-W跌2%: a Hong Kong share class marks the listed company's stock
        after = doc.key[end:end + 6]
        if any(after.startswith(c) for c in self.kb.lex["app_cues_after"]):
            return True
        before = doc.key[max(0, start - 4):start]
        if any(before.endswith(c) for c in self.kb.lex["app_cues_before"]):
            return True
        if after.lstrip(" ").startswith(self._model_cues):
            return True   # 部署 DeepSeek 端侧大模型: the model of that name
        matches = doc.layers["gazetteer"]
        lo = bisect.bisect_left(starts, start - APP_WINDOW)
        hi = bisect.bisect_right(starts, start + APP_WINDOW)
        for m in matches[lo:hi]:
            if m.start == start or not any(e.kind == "product" for e in m.entries):
                continue
            if (doc.sentence_index(m.start) == doc.sentence_index(start)
                    and any(self._is_app(e.id) for e in m.entries if e.kind == "product")):
                return True
            gap = doc.key[m.end:start] if m.end <= start else doc.key[end:m.start] if end <= m.start else None
            if gap is not None and gap.strip(" ") in LIST_JOINERS:
                return True   # Llama 和 DeepSeek: listed with a product, one itself
        return False

    def _counted(self, doc: Document, start: int, claimed: dict, end: int | None = None) -> bool:
        """Is the name a numeral, or right after a number or a measure word?
        A number that ends a product's name counts nothing (Model 3歐盟認證). A
        numeral character the segmenter cut off a name's start, the rest no number
        (億 / 咖通), is the name's first character, not a count."""
        i = doc.token_index_at(start)
        if doc.tokens[i].pos == "m":
            first = doc.tokens[i]
            return not (end is not None and first.start == start and first.end - start == 1
                        and first.end < end and doc.tokens[i + 1].pos not in ("m", "q"))
        if i == 0 or doc.tokens[i - 1].pos not in ("m", "q"):
            return False
        before = doc.tokens[i - 1]
        if claimed.get(before.start) == "product" or claimed.get(before.end - 1) == "product":
            return False
        return not self._model_number(doc, i - 1)

    def _model_number(self, doc: Document, i: int) -> bool:
        """Is token i a number that ends a Latin model name (Mate 60, Model 3)?"""
        if not doc.tokens[i].word.isascii():
            return False
        j = i - 1
        if j >= 0 and not doc.tokens[j].word.strip():
            j -= 1
        return j >= 0 and doc.tokens[j].pos == "eng"

    def _named_as_company(self, doc: Document, table: EntityTable, start: int, end: int) -> bool:
        """Evidence that a listed name which is also an ordinary word names the
        company here, where no name-like word runs into it from the left: a
        suffix or industry word after it (浪潮集團), a stock code
        (東方財富(300059)), a title (浪潮董事長), a company's verb
        (榮耀今日發布) or another organisation beside it (華為與榮耀)."""
        key = doc.key
        if left_name_tokens(doc, doc.token_index_at(start), self.stop) is not None:
            return False   # 青禾機器人公司, 人形機器人: the listed word ends a longer name
        if any(key[end:end + n] in words for n, words in self._after_words):
            # a suffix or a title; a verb before a kept suffix is a kind of body (聯合實驗室: a joint lab)
            toks = list(tokens_in(doc, start, end))
            verb = len(toks) == 1 and toks[0].pos[:1] in ("v", "d", "a")
            return not (verb and key.startswith(self._kept_suffix_tuple, end))
        if any(key[end:end + n] in words and not self._noun_at(doc, end + n)
               for n, words in self._after_industry):
            return True    # an industry word that ends the name
        if STOCK_CODE.match(key, end):
            return True
        if MODEL_AFTER.match(doc.norm, end) and not self._model_number(doc, doc.token_index_at(start)):
            return True    # 榮耀 Play6T, 理想L9: the maker before its model's name (the vendor)
        if self._acts(doc, end):
            toks = list(tokens_in(doc, start, end))
            # 聯合宣布, 共同發布: a verb or an adverb before the verb, no subject
            return not (len(toks) == 1 and toks[0].pos[:1] in ("v", "d", "a"))
        # A comma joins clauses as often as names (人形機器人，特斯拉的…): not evidence.
        return self._joined_to_org(doc, table, start, end, self.joiners - {","})

    def _sector_word(self, doc: Document, end: int) -> bool:
        """Does 业 after a name make, with the name's last two characters, a word for a
        sector (银行业, 汽车业)? Then the name is a place and that sector (中國銀行業)."""
        return (end >= 2 and doc.key.startswith(SECTOR_END, end)
                and self.in_dictionary(doc.norm[end - 2:end + 1]))

    def _reads_as_words(self, doc: Document, start: int, end: int) -> bool:
        """Does the text read a generated list's name as ordinary words here, as
        CC-CEDICT or an exchange's short names may be: everyday words the
        segmenter tags as such (發布新開源權重, 未來公司將會, 聯合宣布) unless a kind
        of company ends them (工商銀行), or the given name after a surname (賀志強)?"""
        i = doc.token_index_at(start)
        if i > 0 and doc.tokens[i - 1].start == start - 1 and doc.key[start - 1] in self.kb.surnames \
                and doc.tokens[i].pos in PERSON_TAGS:
            return True
        toks = [t for t in tokens_in(doc, start, end) if t.word.strip()]
        if not toks or toks[0].start != start or toks[-1].end != end or end - start > MAX_WORDS_NAME:
            return False
        if len(toks) == 1:   # one word: a name unless tagged a verb, adjective, adverb… (聯合宣布)
            return toks[0].pos[:1] in COMMON_WORD_TAGS and self.in_dictionary(toks[0].word)
        last = toks[-1].word
        if last in self.dropped:   # 綠地集團 is a name, 未來公司 ('the company in future') none
            return toks[0].pos[:1] in COMMON_WORD_TAGS
        if last in self.suffix_or_industry or last in self.carriers:
            return False   # 工商銀行, 春秋航空: words and a kind of company make a name
        if last in self.public_kinds:
            return False   # 屋宇 / 署: a listed name the segmenter cut before its kind of body
        return all(t.pos not in PROPER_POS and t.pos not in ("nz", "x") and is_cjk(t.word[0])
                   and self.in_dictionary(t.word) for t in toks)

    def _noun_at(self, doc: Document, pos: int) -> bool:
        """Does a noun start at pos (the phrase goes on: 新能源汽車大會)?"""
        if pos >= len(doc.key):
            return False
        tok = doc.tokens[doc.token_index_at(pos)]
        return tok.start == pos and (tok.pos.startswith("n") or tok.pos == "vn")

    def _carrier_noun_at(self, doc: Document, pos: int) -> bool:
        """Does a noun start at pos that makes a carrier's word a trade's (美國電信市場),
        not the carrier's own people or desk (中山電信客服, 江門電信員工: the carrier's)?"""
        if not self._noun_at(doc, pos):
            return False
        tok = doc.tokens[doc.token_index_at(pos)]
        return doc.key[tok.start:tok.end] not in self.carrier_staff

    def _is_app(self, product_id: str) -> bool:
        return (self.kb.products.get(product_id) or {}).get("category") == "app"

    def _distinctive(self, doc: Document, start: int, end: int, places: bool = False) -> bool:
        """True when the name has a token that is not a generic word (nor a
        place, unless places count)."""
        skip = ("m", "q") if places else ("ns", "m", "q")
        # A "place" the dictionary lacks is the segmenter guessing at a name (瀾岳訊暢公司).
        return any(t.word.strip() and t.word.lower() not in self.generic
                   and (t.pos not in skip or t.pos == "ns" and not self.in_dictionary(t.word))
                   for t in tokens_in(doc, start, end))

    def _acts(self, doc: Document, end: int) -> bool:
        """Is the name the subject of a company's verb (星辰智能今日發布)?"""
        # (one C-level startswith over each tuple first: most names are followed by neither)
        moved = doc.key.startswith(self._time_adverb_tuple, end)
        while moved:
            moved = False
            for adverb in self._time_adverb_tuple:
                if doc.key.startswith(adverb, end):
                    end += len(adverb)
                    moved = True
        return doc.key.startswith(self._corporate_verb_tuple, end)

    def _joined_to_org(self, doc: Document, table: EntityTable, start: int, end: int,
                       joiners: frozenset[str] | None = None) -> bool:
        """…研究院與星辰智能簽署: listed beside another organisation."""
        for j in self.joiners if joiners is None else joiners:
            if doc.key.startswith(j, end) and table.covering(end + len(j), end + len(j) + 1):
                return True
            if doc.key.endswith(j, 0, start) and table.covering(start - len(j) - 1, start - len(j)):
                return True
        return False

    def _has_industry_word(self, doc: Document, start: int, end: int) -> bool:
        """星辰智能科技: a head of two or more words ending in an industry word."""
        toks = list(tokens_in(doc, start, end))
        return len(toks) >= 2 and any(t.word.lower() in self.industry for t in toks[1:])

    def _head_words(self, doc: Document, start: int, end: int) -> list:
        """The head's tokens, blanks left out."""
        return [t for t in tokens_in(doc, start, end) if t.word.strip()]

    def _dictionary_describing(self, t, tags: frozenset[str]) -> bool:
        """A describing word (by its tag) of two or more characters the dictionary has."""
        return t.pos in tags and len(t.word) >= 2 and self.in_dictionary(t.word)

    def _described_kind(self, doc: Document, start: int, end: int) -> bool:
        """大型科技公司, 小型初創公司, 監管網絡公司: describing words (a distinguishing
        adjective, tagged b, or a verb, each a dictionary word of two or more characters)
        and words of a kind or field (科技, 初創) say what kind of company, not which, unless
        the company acts (深藍科技公司表示: a b-tagged word may be a name)."""
        described = False
        for t in self._head_words(doc, start, end):
            word = t.word.lower()
            if self._dictionary_describing(t, DESCRIBING_POS):
                described = True
            elif word not in self.generic and word not in self.industry:
                return False
        return described

    def _described_last(self, doc: Document, start: int, end: int) -> bool:
        """全資 / 附屬公司, 本地 / 私營公司: a head of two or more words whose last, right before
        a dropped suffix, is a distinguishing word the dictionary has (tagged b) describes
        what kind of company the words before it own or run, not which; so does a head ending
        in a young firm's word (硅谷AI / 初创公司, 第一批 / 独角兽公司; lexicon startup_kind_words)
        or in a word for how it is tied to another (澳琴 / 关联公司; lexicon tied_kind_words).
        Even when the company acts (星河全資附屬公司表示): unlike _described_kind's heads, whose
        b-tagged word may be a name, the words before this one name the owner, not this company."""
        toks = self._head_words(doc, start, end)
        if toks and (doc.key[toks[-1].start:toks[-1].end] in self.startup_kinds
                     or len(toks) >= 2 and doc.key[toks[-1].start:toks[-1].end] in self.tied_kinds):
            return True
        return len(toks) >= 2 and self._dictionary_describing(toks[-1], frozenset({"b"})) \
            and all(is_cjk(c) for c in toks[-1].word)

    def _proper_head(self, doc: Document, start: int, end: int, industry: str = "") -> bool:
        """Does the text before an industry word look like a proper name: a word
        the dictionary lacks, or one tagged as a name or distinguishing word?
        Before an industry word, a distinguishing word or abbreviation (主流軟體,
        人均智能) describes, and a bare acronym before a field (IT技術, B5G通訊)
        names the field."""
        tags = INDUSTRY_HEAD_POS if industry else PROPER_POS
        tokens = [t for t in tokens_in(doc, start, end) if t.word.strip()]
        if industry in self.field_words and tokens:
            # Before a field of work the name is the word right before it, one the
            # dictionary lacks (青禾通信), never a dictionary word (低軌衛星通訊).
            last = tokens[-1]
            # An unknown word tagged as a verb is an activity (自研技術, 補電網絡).
            return not self._acronym(last.word) and not self._capitals(last.word) and (
                not self.in_dictionary(last.word) and last.pos not in ("v", "vn") or last.pos == "eng")
        # (an industry word itself is no name, whatever its tag: 智慧/nr 醫療, 智慧汽車)
        return any((t.pos in tags or not self.in_dictionary(t.word)) and t.word.lower() not in self.industry
                   for t in tokens)

    def _field_phrase(self, doc: Document, start: int, end: int) -> bool:
        """IC 設計, AI 軟體: an acronym and a dictionary word name a line of business
        (IC 設計公司聯發科技), not a company."""
        tokens = [t for t in tokens_in(doc, start, end) if t.word.strip()]
        return len(tokens) >= 2 and self._acronym(tokens[0].word) and all(
            t.pos[:1] in ("n", "v") and t.pos not in PROPER_POS and self.in_dictionary(t.word)
            for t in tokens[1:])

    @staticmethod
    def _capitals(word: str) -> bool:
        """TDDI, OLED, O-RAN: capitals before a field of work name the technology."""
        bare = word.replace("-", "")
        return bare.isascii() and bare.isalnum() and bare.isupper()

    @staticmethod
    def _acronym(word: str) -> bool:
        return len(word) <= MAX_ACRONYM and word.isascii() and word.isalnum() and not word.islower()

    def _placed_registered_names(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """星河汽車（杭州）有限公司, 青禾電子（國際）有限公司: a name, a region (a place by the
        segmenter's tag, or 國際) in brackets and a registered legal form name one company,
        the subsidiary registered there, not the parent its name starts with."""
        key = doc.key
        if "有限" not in key:
            return
        repeated: set[str] = set()   # the short forms already found again (one find loop each)
        for m in PLACED_REGISTERED.finditer(key):
            deadline.check("organizations")
            region = m.group(1)
            if region not in REGISTERED_SCOPES:
                toks = list(tokens_in(doc, m.start(1), m.end(1)))
                if not toks or not all(t.pos == "ns" for t in toks):
                    continue
            i = doc.token_index_at(m.start())
            if i is None or doc.tokens[i].start != m.start():
                continue
            start = left_name_tokens(doc, i, self.stop, known=self.in_dictionary)
            if start is None or start >= m.start() or not is_cjk(key[m.start() - 1]):
                continue
            start = self._after_kind_word(doc, start, m.start())
            if start is None or any(p in claimed for p in range(start, m.end())):
                continue
            for s, e, id_ in table.within(start, m.end()):
                table.drop_mention(id_, s, e)   # 特斯拉 of 特斯拉（上海）有限公司: the parent is not named here
            id_ = name_id(doc.text[start:m.end()])
            table.add(id_, start, m.end(), "suffix")
            short = key[start:m.end(1) + 1]   # 星河汽車（杭州）: the name less its legal form, again
            if short in repeated:
                continue   # (its later mentions were added when it was first registered)
            repeated.add(short)
            at = key.find(short)
            while at >= 0:
                stop = at + len(short)
                if not key.startswith("有限", stop) and table.covering(at, stop) is None \
                        and not any(p in claimed for p in range(at, stop)):
                    table.add(id_, at, stop, "suffix")
                at = key.find(short, stop)

    def _place_opened_registered_names(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """上海星河网络科技有限公司, 南京青禾汽车服务有限公司: a place the dictionary has, a
        core of two or more characters, a line of business and a registered legal form name
        one company, written whole; the place opens the name after whatever word precedes it
        (由, 與, 主辦方). A word no such name holds (a preposition, a conjunction, 的, a count:
        一家醫療科技有限公司) cuts the run, and a core that is only a line of business (北京
        信息技術有限公司) or a name's own words the dictionary reads as a descriptor names none."""
        key = doc.key
        if "有限" not in key:
            return
        for m in LEGAL_FORM.finditer(key):
            deadline.check("organizations")
            form = m.start()
            lo = form
            while lo > 0 and form - lo < MAX_REGISTERED_CHARS and is_cjk(key[lo - 1]):
                lo -= 1
            if lo > 0 and key[lo - 1].isascii() and key[lo - 1].isalnum():
                continue   # OPPO广东移动通信有限公司: the name opens with its Latin word, before the place
            toks = [t for t in tokens_in(doc, lo, form) if t.start >= lo]
            if toks and toks[-1].end > form and toks[-1].start < form:   # 科技股份 / 有限公司: the word the legal form cuts
                toks[-1] = toks[-1]._replace(word=toks[-1].word[:form - toks[-1].start], end=form)
            if not toks or toks[-1].end != form:
                continue
            start = None
            for j, t in enumerate(toks):   # the first place after the last word that cuts the run
                if t.pos[:1] in PLACE_OPENER_CUTS and not (t.pos[:1] == "m" and not COUNTED_CHARS.match(t.word)) \
                        or t.pos == "b" or t.word.endswith(COMPANY_KIND_ENDS) or FIRMS_COUNTED.fullmatch(t.word):
                    start = None   # 國有, 關聯 / 公司, 大廠: a word of what kind of firm, no name's
                elif t.pos == "ns" and len(t.word) >= 2 and self.in_dictionary(t.word) and (
                        start is None or j == start + 1 and t.word.endswith(tuple(PLACE_LEVELS))):
                    start = j   # (四川 / 成都市: the city a province is written before opens the name)
            if start is None:
                continue
            rest = toks[start + 1:]
            first_field = next((k for k, t in enumerate(rest) if self._ends_in_field(t.word.lower())), None)
            if not first_field or sum(len(t.word) for t in rest[:first_field]) < 2:
                continue   # 北京 / 信息技術: no name of its own before the line of business
            lo, hi = toks[start].start, m.end()
            if any(p in claimed for p in range(lo, hi)):
                continue
            inside = table.within(lo, hi)
            known = next((id_ for _s, _e, id_ in inside if table.by_id[id_].kb), None)
            core_lo = toks[start].end
            core_hi = rest[first_field].start
            shorts = (key[core_lo:form], key[core_lo:core_hi])
            # 星河 / 星河網絡科技 found before (inside or elsewhere): the company already named
            # keeps its id and the registered form joins it
            named = next((id_ for s, _e, id_ in inside if s == core_lo
                          and not _has_registered_form(table.by_id[id_], key, key[lo:core_lo])), None) \
                if known is None else None
            for s, e, id_ in inside:
                table.drop_mention(id_, s, e)
            if known is None:
                named = named or self._short_form_owner(table, key, shorts, key[lo:core_lo])
            if known is not None:   # 上海米哈遊網絡科技有限公司: a known company's registered form, its alias
                table.add(known, lo, hi, "kb", kb=True)
            else:   # 杭州星河 / 網絡科技 of 杭州星河網絡科技有限公司: the registered company is named
                id_ = named or name_id(doc.text[lo:hi])
                table.add(id_, lo, hi, "suffix")
                # 星河網絡科技, 星河: the name less its place (and its line of business) again, a short form
                for short in shorts:
                    if self.in_dictionary(short):
                        continue   # (a core the dictionary has as one word is an ordinary word: 卓越)
                    at = key.find(short)
                    while at >= 0:
                        stop = at + len(short)
                        if table.covering(at, stop) is None and not any(p in claimed for p in range(at, stop)) \
                                and not (stop < len(key) and key.startswith(("有限", "股份"), stop)):
                            table.add(id_, at, stop, "suffix")
                        at = key.find(short, stop)

    @staticmethod
    def _short_form_owner(table: EntityTable, key: str, shorts: tuple[str, ...], place: str) -> str | None:
        """The entity one of whose mentions is exactly a registered name's short form
        (星河網絡科技, 星河) wherever in the text, if any."""
        for short in shorts:
            if len(short) < 2:
                continue
            at = key.find(short)
            while at >= 0:
                stop = at + len(short)
                ent = table.covering(at, stop)
                if ent is not None and ent.has(at, stop):
                    # (北京星河科技有限公司 named already: 成都星河科技有限公司 is another company)
                    return None if _has_registered_form(ent, key, place) else ent.id
                at = key.find(short, stop)
        return None

    def _ends_in_field(self, word: str) -> bool:
        """網絡科技, 汽車: a word that is, or ends in, a line of business (two characters or more)."""
        return any(word[-n:] in self.industry for n in range(2, min(len(word), 4) + 1))

    def _after_kind_word(self, doc: Document, start: int, end: int) -> int | None:
        """控股子公司 / 青禾電子: the name starts after the last word of a kind of company."""
        for tok in tokens_in(doc, start, end):
            if tok.word in self.dropped or tok.word.endswith(("公司", "集团")):
                start = tok.end
        return start if start < end else None

    def _suffix_names(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        with MentionKeys(table, doc.key) as known:
            self._suffix_names_walk(doc, table, claimed, known)

    def _suffix_names_walk(self, doc: Document, table: EntityTable, claimed: dict,
                           known: MentionKeys) -> None:
        suffixes = self.kb.org_suffixes
        tokens = doc.tokens
        # one sort of three index lists, not a merge of three token streams (a word in
        # two of them is walked twice, as the merge did)
        walked = sorted(tokens.indices(self.suffix_or_industry) + tokens.indices(self._glued_words)
                        + self._kind_word_indices(doc))
        for i in walked:
            tok = tokens[i]
            glued = self._glued_suffixes.get(tok.word)
            if glued is not None:   # 吉林省集郵協會會員: the suffix's part of the word ends the name
                tok = tok._replace(word=glued, end=tok.start + len(glued))
            kind = tok.word.endswith(self._kept_suffix_tuple) and tok.word not in self.suffix_or_industry
            if kind:   # 青禾 / 理工大學: one word of a kind of body; its kept suffix ends the name
                tok = tok._replace(word=next(s for s in self._kept_suffix_tuple if tok.word.endswith(s)))
            word = tok.word.lower()
            industry = word in self.industry
            if word not in suffixes and not industry:
                continue
            deadline.check("organizations")   # (after the quick skip: it costs more than the skip)
            start = left_name_tokens(doc, i, self.stop, known=self.in_dictionary)
            if start is not None:   # 台 / 科大實驗室 at a clause's opening: the cut-off first piece
                start = clause_opening_piece(doc, start, self.stop)
            if start is None or COUNTED_HEAD.match(doc.key, start):
                continue   # 兩大技術, 三大電信: a count of kinds, no name
            if industry and word not in suffixes and self._describes_noun(doc, tok.end):
                continue   # 5G智慧手機, 資通訊領域: the industry word describes the noun after it
            if industry and word not in suffixes and known.named(doc.key[start:tok.start]):
                continue   # 魏牌新能源 once 魏牌 is named: the brand and a line of its cars
            dropped = word in self.dropped
            if dropped and self._name_follows(doc, table, claimed, tok.end):
                continue   # 顧問公司「青禾分析」（Qinghe Analytics）: a kind of company, then its name
            # A comma joins clauses as often as names (人形機器人，特斯拉的…): not evidence.
            # 體感技術, 深偽技術: before a word for a technique, a name the dictionary lacks
            # is as often the technique's own name; a company so named acts, is listed
            # beside one, or has a line of business of its own before it (摩迅半導體技術).
            if industry and not ((self._proper_head(doc, start, tok.start, word)
                                  and (word not in TECHNIQUE_WORDS
                                       or self._has_industry_word(doc, start, tok.start)))
                                 or self._acts(doc, tok.end)
                                 or self._joined_to_org(doc, table, start, tok.end, self.joiners - {","})):
                continue
            end = tok.start if dropped else tok.end
            if kind:   # 中央財經委員會辦公室: the office of the body is the body named
                end += next((len(o) for o in OFFICER_OFFICES if doc.key.startswith(o, end)), 0)
            if dropped:   # 星辰智能科技股份有限公司: the whole legal form goes, 股份 too
                end = tok.end - max(len(w) for w in self.dropped if doc.key.endswith(w, 0, tok.end))
            before_trim = start
            if industry or dropped:  # 台灣AR新創光羽科技: the name starts at 光羽
                trimmed = after_descriptors(doc, start, tok.start, self.generic)
                if industry and word not in suffixes and trimmed > start and not (
                        self._proper_head(doc, trimmed, tok.start, word) or self._acts(doc, tok.end)):
                    continue   # AI聊天機器人: the name-like word was a descriptor; none is left
                start = trimmed
                if dropped and self._appositive_follows(doc, tok.end):
                    self._appositive(doc, tok.end, table, claimed)
                    continue   # 空中交通數字平台公司 AirX: a kind of company, then its name
            else:   # 委託香港民意研究所: the name starts at its place
                start = self._from_place(doc, start, tok.start)
                start = _formal_place_start(doc, start)   # 大 / 韓 / 商工會議所: 大 opens the place's formal name
                owned = self._owner_before(doc, table, start) if word in OWNED_UNITS else start
                if owned < start and not any(p in claimed for p in range(owned, tok.end)):
                    # the owner keeps its own mention; its unit is an organisation too
                    table.add(name_id(doc.text[owned:tok.end]), owned, tok.end, "suffix")
                    continue
            if end <= start or start >= tok.start or start in claimed:
                continue   # 福利基金會 with 福利 read as a place: no head is left
            if kind and not self._kind_named(doc, start, tok.start):
                continue   # 高風險 / 網上銀行, 國家 / 重點實驗室: a description of the kind, no name
            if dropped and self._counted_common_kind(doc, start, tok.start):
                continue   # 數十家 / 網約車運力 / 公司: so many companies of a line of business, no name
            if word in SCHOOL_KINDS and not self._named_school(doc, start, tok.start):
                continue   # 部分 / 學校, 五所 / 小學: which schools, by count or share, not by name
            if not (dropped or industry) and self._one_describing_word(doc, start, tok.start):
                continue   # 並綜合 / 實驗室 / 結果, 聯合 / 研究院: one word of what kind of body, no name
            if table.covering(start, end):
                self._sub_organization(doc, table, start, tok, end, claimed)
                continue
            # 南嶺大學 is a name, 美國公司 is not: a kept suffix names with a
            # place; a dropped one needs a head that names (青禾, 星辰智能科技).
            # 南粵集團副總經理: a title after it makes a place's company a name
            titled = False
            if dropped:   # (the head's words are read only for a dropped suffix)
                head = [t for t in tokens_in(doc, start, tok.start) if t.word.strip()]
                titled = (len(head) == 1 and head[0].pos == "ns" and len(head[0].word) >= 2
                          and doc.key.startswith(self.title_forms, tok.end)
                          and not (start > 0 and (is_cjk(doc.key[start - 1]) or doc.key[start - 1] in ")）")))
            # (華為北京公司總經理, 偉業顧問）北京公司: a company's branch in a city, no company of its own)
            if not self._distinctive(doc, start, tok.start, places=not dropped or titled) or (
                    dropped and not titled and not self._proper_head(doc, start, tok.start)
                    and not self._has_industry_word(doc, start, tok.start)
                    and not (start == before_trim and self._noun_named(doc, start, tok))) or (
                    dropped and (self._field_phrase(doc, start, tok.start)
                                 or self._described_kind(doc, start, tok.start) and not self._acts(doc, tok.end)
                                 or self._described_last(doc, start, tok.start))):
                if dropped:  # 新創公司Arbor Labs, 初創公司深瞳智元
                    self._appositive(doc, tok.end, table, claimed)
                continue
            if dropped and start > before_trim and any(
                    table.covering(p, p + 1) is not None for p in range(before_trim - 1, start)):
                continue   # 杭州深度求索 / 人工智能基礎技術研究有限公司: a known name's registered form
            if (industry or dropped) and self._common_field_head(doc, start, tok.start, industry) \
                    and start == before_trim and not self._firm_evidence(doc, start, end, tok.end, dropped):
                continue   # 世界 / 科技 / 公司: common words and a line of business, no firm (after a describing
                # kind, 遊戲發行平台 / 星河網路公司, the words left are the name the kind describes)
            name = doc.text[start:end]
            table.add(name_id(name), start, end, "suffix")

    def _common_field_head(self, doc: Document, start: int, end: int, industry: bool) -> bool:
        """世界 / 科技 (公司), 醫療 / 科技: a head of ordinary words only (dictionary words tagged
        as common nouns, verbs or adjectives) that ends in a line of business (the industry word
        itself when it ends the name) names a kind of firm, not one."""
        toks = self._head_words(doc, start, end)
        if not toks:
            return False
        if not industry and toks[-1].word.lower() not in self.industry:
            return False   # 本地 / 生活 / 集團: no line of business before the suffix (not this rule's)
        before = toks if industry else toks[:-1]
        return bool(before) and all(
            t.pos in COMMON_FIELD_HEAD_POS and self.in_dictionary(t.word) and all(is_cjk(c) for c in t.word)
            for t in before)

    def _firm_evidence(self, doc: Document, start: int, end: int, after: int, dropped: bool) -> bool:
        """What makes a common-word head (銀杏 / 科技) a firm's name: it acts (銀杏科技今日發布),
        a title follows it (銀杏科技執行長), it is a party to the verb after it (由…發行, 與…簽約),
        it owns what follows (X公司的), it is founded or owned (創辦了, 旗下的), a city opens it,
        it opens its clause with its suffix (，X公司被…), or the text names it again nearby."""
        if self._acts(doc, after) or doc.key.startswith(self.title_forms, after):
            return True
        if start > 0 and doc.key[start - 1] in PARTY_PREPOSITIONS:
            j = doc.token_index_at(after)
            if j is not None and doc.tokens[j].start == after and doc.tokens[j].pos.startswith("v"):
                return True   # 由星辰智能科技公司發行, 與星辰智能簽約: a party to what is done
        if dropped and doc.key.startswith("的", after):
            return True   # 星辰智能公司的介面: a company owning something is one company
        i = doc.token_index_at(start)
        if i is not None and i > 0 and doc.tokens[i - 1].pos in ("a", "ag") and len(doc.tokens[i - 1].word) == 1:
            i -= 1   # 北京 / 小 / 猎犬: a one-character describing word inside the name
        if doc.key.endswith(NAMED_FIRM_OPENERS, 0, doc.tokens[i].start if i is not None else start):
            return True   # 阿里巴巴旗下的螞蟻科技集團, 創辦了小猎犬互联网科技公司: one firm, owned or founded
        if i is not None and i > 0 and doc.tokens[i - 1].pos == "ns" and doc.tokens[i - 1].end == doc.tokens[i].start:
            return True   # 北京 / 猎犬互联网科技公司: a registered firm opened by its city
        if dropped and (start == 0 or doc.key[start - 1] in CLAUSE_OPENING_MARKS):
            return True   # 。星辰智能公司被…罰款, 平台 星河网络公司遭遇: the company its clause (or a spaced-off name) tells of
        name = doc.key[start:end]   # (a bounded window each side: linear in the text's length)
        return doc.key.find(name, end, end + REPEAT_WINDOW) >= 0 \
            or doc.key.find(name, max(0, start - REPEAT_WINDOW), start) >= 0

    def _counted_common_kind(self, doc: Document, start: int, end: int) -> bool:
        """數十家 / 外賣配送 / 公司: a count of firms (a numeral word ending in 家) right
        before a head of common words only (no name by its tag) counts a kind of firm."""
        i = doc.token_index_at(start)
        if i == 0 or doc.tokens[i].start != start:
            return False
        before = doc.tokens[i - 1]
        pointed = doc.key[before.start:before.end] in POINTED_FIRMS
        if not pointed and (before.pos != "m" or not before.word.endswith(COUNTED_FIRMS)):
            return False
        toks = [t for t in tokens_in(doc, start, end) if t.word.strip()]
        # 一家 / 環保 / 公司, 該 / 房地產 / 公司: a dictionary abbreviation (j) of a line of business
        # counts as a common word; after a pointing word (no number) every word is one the
        # dictionary has (該青禾公司: a word it lacks may be the name)
        return bool(toks) and all(
            (t.pos in COMMON_POS or t.pos == "j" and self.in_dictionary(t.word))
            and (not pointed or self.in_dictionary(t.word)) for t in toks)

    def _named_school(self, doc: Document, start: int, end: int) -> bool:
        """星河 / 國際學校, 梅林 / 學校: before a school's kind, a word named by its tag (a
        place's too) or one the dictionary lacks; a count (五所, j) or a share (部分) names none."""
        return any(t.word.strip() and (t.pos in SCHOOL_NAME_POS or not self.in_dictionary(t.word))
                   for t in tokens_in(doc, start, end))

    def _one_describing_word(self, doc: Document, start: int, end: int) -> bool:
        """綜合, 聯合, 開放: is the whole head one word the dictionary has, a verb or a
        describing word by its tag (what kind of body, not which)?"""
        toks = [t for t in tokens_in(doc, start, end) if t.word.strip()]
        return len(toks) == 1 and toks[0].pos in DESCRIBING_POS and self.in_dictionary(toks[0].word)

    def _kind_named(self, doc: Document, start: int, end: int) -> bool:
        """青禾 / 理工大學, 周口 / 師範學院: is every word before a one-word kind of body a
        name's (a proper name or a place by the segmenter's tag, or a word the dictionary
        lacks), none a verb or a function word?"""
        toks = [t for t in tokens_in(doc, start, end) if t.word.strip()]
        return bool(toks) and all(
            t.pos[:1] not in FOLLOWING_NAME_BLOCKERS and t.word.lower() not in self.generic
            and (t.pos in PROPER_POS or t.pos == "ns" or not self.in_dictionary(t.word)) for t in toks)

    def _kind_word_indices(self, doc: Document) -> list[int]:
        """Indices of the words that end in a kept suffix and are longer than it (理工
        大學, 醫學院, 足球俱樂部: a kind of body the dictionary knows as one word), in text
        order; found by one C-level search for every suffix (every occurrence, overlapping
        ones too), not by a loop over every token."""
        tokens, found = doc.tokens, set()
        for _, at, end in self._kind_suffix_finder.find_matches_as_indexes(doc.key, overlapping=True):
            i = doc.token_index_at(end - 1)
            if tokens.ends[i] == end and tokens.starts[i] < at:
                found.add(i)
        tagged = tokens.tagged
        return [i for i in sorted(found)
                if tagged[i][0] not in self._glued_words and tagged[i][0] not in self.suffix_or_industry]

    def _name_follows(self, doc: Document, table: EntityTable, claimed: dict, at: int) -> bool:
        """數據顧問公司「青禾分析」（Qinghe Analytics）, 渡輪公司遠峰快艇（Farpeak Ferry）,
        金融科技公司星辰集團: right after a dropped suffix stands a name, glossed with a
        bracketed Latin name or ending in a suffix of its own; the words before the suffix
        said what kind of company it is. A glossed name is added here (its gloss joins it
        later); one with its own suffix is found when the walk reaches that suffix."""
        norm, key = doc.norm, doc.key
        start = at + (norm[at:at + 1] in QUOTE_OPENERS)
        end = start
        while end < len(key) and end - start < MAX_FOLLOWING_NAME and is_cjk(key[end]):
            end += 1
        if end - start < 2 or key.startswith(self.title_forms, start):
            return False   # 公司董事長（Chairman）: a title, no name
        first = doc.tokens[doc.token_index_at(start)]
        if first.start != start or first.pos[:1] in FOLLOWING_NAME_BLOCKERS:
            return False   # 公司表示, 公司今天: the clause goes on
        close = end + (start > at and norm[end:end + 1] in QUOTE_CLOSERS)
        if start > at and close == end:
            return False   # an opened quote that does not close after the name
        if start == at:   # 科技公司星辰集團（Xingchen Group）: the name's own suffix first
            for n in range(start + 2, end):
                if key.startswith(self._own_suffixes, n):
                    if self._own_words(doc, start, n):
                        return True
                    end = n   # 報業集團斯普林格公司（Axel Springer）: glossed below, the suffix dropped
                    break
        m = BRACKETED_LATIN.match(norm, close)
        if m is not None and norm[m.start():m.start() + 1] in BRACKET_OPENINGS[1:] \
                and LETTERS.search(m.group(1)) and not TICKER.fullmatch(m.group(1)):
            if end - start <= MAX_PERSON_CHARS and self._person_shaped(doc, start, end):
                return False   # 公司陳大文（David Chan）: a person
            if start > at and table.covering(start, end) is None and not any(p in claimed for p in range(start, end)):
                table.add(name_id(doc.text[start:end]), start, end, "appositive")
            return True
        return False

    def _own_words(self, doc: Document, start: int, end: int) -> bool:
        """星辰 / 集團: are the words before a suffix a name's (proper or unknown to the
        dictionary, none a verb or a function word), the suffix a word of its own?"""
        return doc.token_index_at(end) != doc.token_index_at(end - 1) and all(
            t.pos[:1] not in FOLLOWING_NAME_BLOCKERS and (t.pos in PROPER_POS or not self.in_dictionary(t.word))
            for t in tokens_in(doc, start, end) if t.word.strip())

    def _noun_named(self, doc: Document, start: int, tok) -> bool:
        """星河集團董事長張誠, 星辰公司今日宣布, 星河集團(600123): one everyday noun before a
        dropped suffix names the company when strong evidence follows: a title and a
        person's name, a company's verb or a stock code. A noun that names a line of
        business (the dictionary knows it with 業, 行業, 界, 商, 廠 or 店 after it:
        保險公司, 電池廠) says what kind of company, and a counted, pointed-at or
        described one (一家, 該, 大型, 的) is no name, nor one after words the name was
        cut from (共享單車公司, 音樂創作公司: kinds of company, called by the caller only
        when no descriptor was trimmed)."""
        head = [t for t in tokens_in(doc, start, tok.start) if t.word.strip()]
        if len(head) != 1 or head[0].pos != "n" or len(head[0].word) != NOUN_NAME_CHARS \
                or not all(is_cjk(c) for c in head[0].word):
            return False   # (音樂創作公司: a longer noun is a phrase of words, a kind of work)
        i = doc.token_index_at(start)
        before = doc.tokens[i - 1] if i > 0 and doc.tokens[i - 1].end == start else None
        if before is not None and is_cjk(before.word[-1]) and (
                before.pos[:1] in NOUN_NAME_BLOCKERS or self.in_dictionary(doc.key[before.start:tok.start])
                or not (before.pos[:1] in ("p", "c") or before.word in self.stop
                        or before.pos == "v" and len(before.word) == 1)):
            # 一家星河公司, 該公司, 大型公司: counted, pointed at, described; 共享 / 單車公司:
            # a word glued before the noun makes a phrase of it (a kind of company); after
            # 與, 和, 說 the noun opens the name
            return False
        key, end = doc.key, tok.end
        if any(self.in_dictionary(key[start:tok.start] + w) for w in LINE_OF_BUSINESS_ENDS):
            return False   # 保險業 / 保險公司, 電池廠 / 電池公司: a kind of company
        if STOCK_CODE.match(key, end) or self._acts(doc, end):
            return True
        if not key.startswith(self.title_forms, end):
            return False   # one C-level test before the longest-first walk below
        title = next(t for t in self.title_forms if key.startswith(t, end))
        if end + len(title) >= len(key):
            return False
        after = doc.tokens[doc.token_index_at(end + len(title))]
        return after.start == end + len(title) and after.pos in PERSON_TAGS

    @staticmethod
    def _appositive_follows(doc: Document, at: int) -> bool:
        """Does a capitalised Latin name follow a company word (…平台公司 AirX 株式會社)?"""
        at += doc.norm[at:at + 1] == " "
        m = LATIN_NAME.match(doc.norm, at)
        return m is not None and len(m.group()) >= 2 and not m.group().isupper()

    def _owner_before(self, doc: Document, table: EntityTable, start: int) -> int:
        """清華大學 / 計算機系 / 知識 / 工程實驗室: an organisation found already, a department and
        words of a field before a kept suffix's name own it; the name runs back to the
        owner (a few nouns or verbs of the field between, no clause's punctuation)."""
        k = doc.token_index_at(start) - 1 if start > 0 else -1
        chars = 0
        for _ in range(MAX_OWNED_WORDS):
            if k < 0:
                return start
            tok = doc.tokens[k]
            owner = table.covering(tok.start, tok.end)
            if owner is not None and any(e == tok.end for _, e in owner.mentions):
                return next(a for a, e in owner.mentions if e == tok.end) if chars else start
            chars += tok.end - tok.start
            after = doc.tokens[k + 1]
            if tok.pos not in BODY_MIDDLE_POS or tok.word in self.stop or chars > MAX_BODY_CHARS \
                    or not all(is_cjk(c) for c in tok.word) or tok.word in self.body_clause_verbs \
                    or tok.pos == "v" and (len(tok.word) < 2 or after.pos not in ("n", "vn")):
                return start   # (恩智浦 / 設 / 車用實驗室: a verb of the clause, no field word)
            k -= 1
        return start

    def _from_place(self, doc: Document, start: int, end: int) -> int:
        """委託 / 香港民意研究所: ordinary words before a place are the clause, not the
        name, which starts at the place (a proper word before it stays: 華為深圳研究所)."""
        for tok in tokens_in(doc, start, end):
            if tok.start == start:
                if tok.pos == "ns":
                    return start
            elif tok.pos == "ns" and len(tok.word) >= 2:
                return tok.start
            if tok.pos in PROPER_POS or tok.pos not in COMMON_POS or not self.in_dictionary(tok.word):
                return start
        return start

    def _describes_noun(self, doc: Document, pos: int) -> bool:
        """Does a common noun that is no organisation word, title or unit start at pos?"""
        if pos >= len(doc.key):
            return False
        tok = doc.tokens[doc.token_index_at(pos)]
        if tok.start != pos or tok.pos not in ("n", "ng", "l"):
            return False   # 青禾機器人合作: a verb's noun (vn) goes with the name as subject
                           # (l: a fixed noun phrase, PC遊戲/操作系統)
        word = tok.word
        return (word not in self.suffix_or_industry and word not in self.kb.titles
                and word not in self.unit_nouns and word not in self.venue_words)

    def _sub_organization(self, doc: Document, table: EntityTable, start: int, tok,
                          end: int, claimed: dict) -> None:
        """三星福利基金會, 青禾銀行東湖分行: a known organisation's name, more words and a
        suffix it keeps name a part or an offshoot of it, an organisation of its own."""
        if tok.word.lower() in self.dropped or tok.word.lower() in self.industry:
            return
        parent = table.covering(start, start + 1)
        if parent is None and tok.word.lower() in OWNED_UNITS:
            place = doc.tokens[doc.token_index_at(start)]
            if place.start == start and place.pos == "ns" and place.end < tok.start:
                # 美國 / 北京大學 / 海事醫學研究所: a place (any ns tag) before a known school is no part of its unit's name
                parent = table.covering(place.end, place.end + 1)
                head = table.first_end(parent, place.end) if parent is not None else None
                if head is None or not doc.key.endswith(SCHOLARLY_OWNERS, place.end, head):
                    return
                start = place.end
        if parent is None:
            return
        if tok.word in SCHOOL_UNITS and doc.key.startswith(self.title_forms, end):
            head = table.first_end(parent, start)
            if head is not None and doc.key.endswith(UNIVERSITY_WORDS, start, head):
                return   # 复旦大学新闻学院教授X: a university's school or department before a
                         # member's title is no organisation; the university employs them
        if doc.key.startswith(GRADUATED_WORDS, end) and doc.key.endswith(GRADUATE_STUDY, start, end):
            # 華為大學 / 研究所 / 畢業: the school's graduate study. The name ends before the unit
            # word, and the steps below name the school (華為 + 大學) as they name any longer body.
            end = tok.start
        head_end = table.first_end(parent, start)
        if head_end is not None and head_end == tok.start and head_end - start > 2 \
                and doc.key.endswith(tuple(self.industry), start + 2, head_end) \
                and not any(p in claimed for p in range(start, end)):
            # 中國科學院半導體 / 研究所: a known body, its field and a kept suffix
            table.drop_mention(parent.id, start, head_end)
            table.add(name_id(doc.text[start:end]), start, end, "suffix")
            return
        if head_end is None or head_end >= tok.start or any(
                table.covering(p, p + 1) is not None for p in range(head_end, end)) \
                or any(p in claimed for p in range(head_end, end)):
            return
        if not self._distinctive(doc, head_end, tok.start, places=True):
            return
        table.drop_mention(parent.id, start, head_end)
        table.add(name_id(doc.text[start:end]), start, end, "suffix")

    def _government_names(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """美國政府, 美國能源部, 德國交通部: a place, then a government or a ministry;
        法國當局, 美國警方, 日本中央銀行: a place, then its authorities (placed_authorities);
        新加坡電信, 德國電信: a place, then its carrier, where no noun follows
        (美國電信市場 is a market).
        Either the segmenter's one organisation word that starts with a place, or a
        place followed by 政府 or by a word it tags as an organisation (交通部, not
        總部, 東部 or 行銷部門)."""
        tokens = doc.tokens
        starts, tagged = tokens.starts, tokens.tagged
        for i, tok in tokens.where(tags=PLACE_ORG_OR_PROPER_TAGS):
            deadline.check("organizations")
            start, end = tok.start, tok.end
            if tok.pos == "nz":
                carrier = next((c for c in self.carriers if tok.word.endswith(c)), None)
                if carrier is None or len(tok.word) == len(carrier) or self._carrier_noun_at(doc, end):
                    continue
                stem = self.segmenter.tag(tok.word[:-len(carrier)])
                if len(stem) != 1 or stem[0].pos != "ns":
                    continue   # 浙江 / 电信: the whole rest is one place (not 光纤电信)
            elif tok.pos == "nt":
                ending = self._governs(tok.word)
                if not ending or not self._starts_with_place(tok.word[:-len(ending)]):
                    continue
            elif tok.word.endswith(self._placed_authority_endings) and \
                    (own := next((w for w in self.placed_authorities if tok.word.endswith(w)
                                  and len(tok.word) > len(w)), None)) is not None:
                stem = self.segmenter.tag(tok.word[:-len(own)])   # 香港海關: one word, place and authority
                if len(stem) != 1 or stem[0].pos != "ns" or len(stem[0].word) < 2:
                    continue
            else:
                if i + 1 >= len(starts) or starts[i + 1] != end:
                    continue
                next_word = tagged[i + 1][0]
                listed_body = self._listed_body_at(doc, table, end)
                authority = next_word in self.placed_authorities and len(tok.word) >= 2
                if listed_body is None and next_word not in self.carriers and not self._governs(next_word) \
                        and not authority:
                    continue   # (neither a carrier nor a government's word: most places, asked from the columns)
                nxt = tokens[i + 1]
                carrier = nxt.word in self.carriers and not self._carrier_noun_at(doc, nxt.end)
                if listed_body is not None:   # 日本 + 警察廳: a list's public body, the place says whose
                    nxt_end = listed_body
                elif not carrier and not authority and not (self._governs(nxt.word) and (
                        nxt.pos == "nt" or nxt.word == "政府")):
                    continue
                else:
                    nxt_end = nxt.end
                end = nxt_end
                ministry = table.covering(nxt.start, end)
                if ministry is not None and ministry.has(nxt.start, end) \
                        and table.covering(start, nxt.start) is None \
                        and not any(p in claimed for p in range(start, end)):
                    table.drop_mention(ministry.id, nxt.start, end)   # 英國 + 財政部: whose ministry
            if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            if any(w in doc.key[start:tok.end] for w in PLURAL_PLACES) or COUNTED_STATES.search(doc.key, start, tok.end):
                continue   # 歐美各國政府, 韓美日三國政府: the governments of many states, no one government
            if region_by_compass(doc.key[start:end]):
                continue   # 中南部, 法國東北部: a part of a place, no ministry
            table.add(name_id(doc.text[start:end]), start, end, "government")

    def _capital_governments(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """莫斯科當局, 首尔当局, 柏林當局: a country's capital (cedict_capitals.tsv), then 當局, is
        that country's government, an organisation as 法國當局 is, where the segmenter takes the
        capital for a name or glues it to 當 (首爾當 / 局聲); and a capital acting (北京方面, 莫斯科試圖)
        is its government named by the capital alone. Not where the capital is the end of a longer
        word (南首爾), a place (在柏林), or inside a name already found."""
        key = doc.key
        for words, acting in ((self._authority_word, False), (self._acting_words, True),
                              (self._headline_colon, True)):
            for start, at in self._capitals_before(key, words):
                if words is self._headline_colon and start and not (key[start - 1].isspace()
                                                                     or key[start - 1] in "?!。"):
                    continue   # (a colon after a capital speaks only where it opens a line or sentence)
                end = at if acting else at + 2   # 北京方面: the capital alone; 莫斯科當局: with 當局
                if start and (is_cjk(key[start - 1]) and not doc.starts_token(start)
                              or acting and key[start - 1] in CAPITAL_PLACERS):
                    continue   # (南首爾: the end of a longer word; 在柏林, 首都柏林: a place)
                if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                    continue
                table.add(name_id(doc.text[start:end]), start, end, "government")

    def _capitals_before(self, key: str, words: re.Pattern) -> Iterator[tuple[int, int]]:
        """(start, end) of the longest capital ending right where one of the words starts, in
        order, none overlapping the one before (as one left-to-right search for them would)."""
        last = 0
        for m in words.finditer(key):
            at = m.start()
            for size in range(min(self._longest_capital, at - last), 0, -1):
                if key[at - size:at] in self.capitals:
                    yield at - size, at
                    last = at
                    break

    def _listed_body_at(self, doc: Document, table: EntityTable, at: int) -> int | None:
        """The end of a knowledge-base public body (type government) whose mention starts at
        `at` and whose name ends in a government word (警察廳, 聯邦調查局), else None."""
        ent = table.covering(at, at + 1)
        if ent is None or not ent.kb or (self.kb.organizations.get(ent.id) or {}).get("type") != "government":
            return None
        end = table.first_end(ent, at)
        return end if end is not None and self._governs(doc.key[at:end]) else None

    def _administrations(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """特朗普政府, 拜登政府, 林鄭政府: a government named by the leader who heads it (a word
        the segmenter tags as a person's name, or a person the knowledge base knows, right
        before 政府) is an organisation, as a government named by its place is."""
        key = doc.key
        at = key.find(ADMINISTRATION)
        people = None
        while at > 0:
            end = at + len(ADMINISTRATION)
            if doc.starts_token(at) and doc.ends_token(end):
                tok = doc.tokens[doc.token_index_at(at - 1)]
                if people is None:
                    people = {(m.start, m.end) for m in doc.layers["gazetteer"] if m.of_kind("person")}
                if tok.end == at and len(tok.word) >= 2 and (tok.pos in PERSON_TAGS or (tok.start, at) in people) \
                        and table.covering(tok.start, end) is None \
                        and not any(p in claimed for p in range(tok.start, end)):
                    table.add(name_id(doc.text[tok.start:end]), tok.start, end, "government")
            elif at > 1 and key[at - 1] in PLACE_LEVELS and doc.ends_token(end) and doc.starts_token(at - 1):
                self._cut_place_government(doc, table, claimed, at - 1, end)
            at = key.find(ADMINISTRATION, end)

    def _cut_place_government(self, doc: Document, table: EntityTable, claimed: dict, level: int, end: int) -> None:
        """加 / 州政府, 新北 / 市政府: the segmenter glued a place's last character (州, 市,
        縣) to 政府 and cut it from the rest of the place; the word before and that character
        make one place (加州, 新北市), and with 政府 one government, as 星海州政府 is."""
        i = doc.token_index_at(level) - 1
        if i < 0:
            return
        prev = doc.tokens[i]
        if prev.end != level or not 1 <= len(prev.word) < MAX_PLACE or not is_cjk(prev.word[0]):
            return
        if not (prev.pos == "ns" and len(prev.word) >= 2):   # (新北 / 市: a place and its level)
            tags = self.segmenter.tag(doc.key[prev.start:level + 1])
            if len(tags) != 1 or tags[0].pos != "ns":
                return
        if any(w in prev.word for w in PLURAL_PLACES):
            return
        if table.covering(prev.start, end) is None and not any(p in claimed for p in range(prev.start, end)):
            table.add(name_id(doc.text[prev.start:end]), prev.start, end, "government")

    def _legislatures(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """英國國會, 國會發表聲明, 參議院表決, 參院: a country's legislature or a chamber of it, a
        word of its own (not 國會議員, a member's title, nor 國會山莊, a building), after a place
        (its name) or bare (the one of the country the text is about: the body the text names
        with its place, if it does, else a body of that bare name); 各國國會 is many."""
        key = doc.key
        found: list[tuple[int, int, str]] = []
        for word in self.legislatures + self.legislature_shorts + self.placed_legislatures:
            at = key.find(word)
            while at >= 0:
                end = at + len(word)
                if doc.ends_token(end) and not self._building_at(doc, end):
                    if doc.starts_token(at):
                        found.append((at, end, word))
                    elif (placed := self._placed_legislature(doc, at, end)) is not None:
                        found.append((placed, end, word))   # 日本國會: one word of the segmenter's
                at = key.find(word, end)
        if not found:
            return
        found.sort()
        tokens = doc.tokens
        bare = []
        for at, end, word in found:
            deadline.check("organizations")
            if table.covering(at, end) is not None or any(p in claimed for p in range(at, end)):
                continue
            if key.startswith(self.legislature_members, end):
                continue   # 星海國議會 / 議員, 立法會 / 議員: a member's title, as 國會議員 is one word, names no body
            start = at
            if at > 0:
                tok = tokens[doc.token_index_at(at - 1)]
                if tok.end == at and tok.pos == "ns" and len(tok.word) >= 2:
                    start = tok.start   # 英國 + 國會
            if start < at and (any(w in key[start:at] for w in PLURAL_PLACES)
                               or COUNTED_STATES.search(key, start, at)):
                continue   # 各國國會: many legislatures
            if start == at and REFERRED_PLACE.match(key, max(0, at - 2), at):
                continue   # 該州高等法院: a place the text points back to, named nowhere here
            if start < at and table.covering(start, at) is None:
                table.add(name_id(doc.text[start:end]), start, end, "government")
            elif start == at and key[max(0, at - 2):at] not in PLURAL_PLACES and not (
                    word in self.placed_legislatures and end - at == len(word)):   # (bare 議會: no one body)
                bare.append((at, end, word))
        # full names first, so that a short form (參院) finds the chamber (參議院) the text names
        bare.sort(key=lambda f: (f[2] not in self.legislatures, f[0]))
        placed, named = self._legislature_owners(key, table)
        for at, end, word in bare:
            full = word if word in self.legislatures else next(
                (w for w in self.legislatures if len(w) > len(word) and w[0] == word[0] and w[-1] == word[-1]), word)
            owners = placed.get(full, ())
            if len(owners) > 1:
                continue   # 美國國會 … 英國國會 … 國會: which one?
            if owners:
                table.add(next(iter(owners)), at, end, "government")
                continue
            ent = table.add(named.get(full) or name_id(doc.text[at:end]), at, end, "government")
            if word == full:
                named.setdefault(full, ent.id)   # (the next bare 國會 is this body)

    def _legislature_owners(self, key: str, table: EntityTable) -> tuple[dict[str, set[str]], dict[str, str]]:
        """For each legislature word, the organisations named by it after a place (英國國會)
        and the first named by it alone: one pass over the mentions, not one a bare word."""
        placed: dict[str, set[str]] = {}
        named: dict[str, str] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                for full in self.legislatures:
                    if key.endswith(full, s, e):
                        if e - s > len(full):
                            placed.setdefault(full, set()).add(ent.id)
                        else:
                            named.setdefault(full, ent.id)
        return placed, named

    def _placed_legislature(self, doc: Document, at: int, end: int) -> int | None:
        """Where a place starts that the segmenter glued to a legislature into one organisation
        word (日本國會, 德國國會: a word tagged nt whose part before the legislature is a place
        on its own), else None."""
        tok = doc.tokens[doc.token_index_at(at)]
        if tok.end != end or tok.pos != "nt" or not 2 <= at - tok.start <= MAX_PLACE:
            return None
        stem = doc.key[tok.start:at]
        if any(w in stem for w in PLURAL_PLACES) or COUNTED_STATES.search(stem):
            return None
        tags = self.segmenter.tag(stem)
        return tok.start if len(tags) == 1 and tags[0].pos == "ns" else None

    def _sittings(self, doc: Document, table: EntityTable) -> None:
        """國會聽證會: a bare legislature before a sitting names the sitting, which one of its
        chambers holds (the text says which elsewhere): no mention of the body there, so that
        the sitting takes no organiser of its own (every rule that adds mentions has run)."""
        key = doc.key
        if not any(w in key for w in self.legislature_sittings):
            return
        for ent in list(table.by_id.values()):
            for s, e in list(ent.mentions):
                if key[s:e] in self.legislature_set and key.startswith(self.legislature_sittings, e) \
                        and ent.id in table.by_id:
                    table.drop_mention(ent.id, s, e)

    def _former_names(self, doc: Document, table: EntityTable) -> None:
        """X（前身為推特）, X（原推特/Twitter）: a name in brackets after a name no organisation
        holds, glossed as its former name, is what that platform or product was called, no
        organisation of the news there (Meta（前身為Facebook）: after an organisation, kept; 星河集團
        （前青禾）: after a name ending like a company's, its company's former name, kept)."""
        key = doc.key
        if "(" not in key:
            return
        for ent in list(table.by_id.values()):
            for s, e in list(ent.mentions):
                m = FORMER_NAME_GLOSS.search(key, max(0, s - FORMER_GLOSS_CHARS), s)
                if m is None or m.end() != s or e >= len(key) or key[e] not in FORMER_NAME_CLOSE:
                    continue
                at = m.start() + 1   # the bracket; the name it glosses ends before it
                if table.covering(at - 1, at) is not None or key.endswith(self._org_suffix_tuple, 0, at):
                    continue
                if ent.id in table.by_id:
                    table.drop_mention(ent.id, s, e)

    def _building_at(self, doc: Document, at: int) -> bool:
        """Does a building's word (山莊, 大樓) start at `at`, as a word of its own?"""
        if at >= len(doc.key) or not doc.starts_token(at):
            return False
        tok = doc.tokens[doc.token_index_at(at)]
        return tok.word in self.legislature_buildings

    def _institutions(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """北京知識產權法院, 法國數據保護局, 上海清算所, 美國眾議院: a place, at most a few
        nouns, and a word that ends a court's, a chamber's or an agency's name, ending
        where a word ends (not 美國當局, 簽署: the ending inside a longer word)."""
        tokens = doc.tokens
        for m in self.institution_ending.finditer(doc.key):
            deadline.check("organizations")
            s, e = m.span()
            if not doc.ends_token(e):
                continue
            k = doc.token_index_at(e - 1)
            last = tokens[k]
            if last.start < s:   # the ending is the tail of a longer word
                if last.pos == "nt" and last.start < s and self._starts_with_place(last.word):
                    self._add_institution(doc, table, claimed, last.start, e)   # 美國眾議院, one word
                    continue
                if last.pos not in ("n", "nz", "nt") or not 2 <= s - last.start <= 4 or self._national(last.word) \
                        or last.pos == "nt" and (m.group() not in AGENCY_ENDINGS or last.word in self.generic_bodies):
                    continue
                s = last.start   # 電視總局, 事務局: the dictionary glued a field word to the ending
                                 # (one character glued is a word of its own: 布局, 格局, 當局); 統計局
                                 # the dictionary tags an organisation's word alike, an agency's only
                                 # (人民法院, 地方法院, 公安局: kinds every place has, left to the rules
                                 # that read their place)
            k = doc.token_index_at(s)
            if tokens[k].start == s:
                k -= 1
            start, chars, middle, first = None, 0, 0, s
            # 加密 / 货币交易所: an everyday word the segmenter tags a place (cedict_everyday_places.tsv)
            # opens no exchange's or court's name; an agency may be named by such a word (海港管理局, 港湾署)
            everyday = m.group() not in AGENCY_ENDINGS
            while k >= 0:
                tok = tokens[k]
                known = table.covering(tok.start, tok.end)
                if (tok.pos == "ns" and len(tok.word) >= 2 and not (everyday and tok.word in self.kb.everyday_places)) \
                        or self._national(tok.word) or self._person_tagged_place(tok) or (
                        known is not None and known.kb and tok.end - tok.start >= 2
                        and known.has(tok.start, tok.end)) or (
                        tok.pos == "nt" and not self._governs(tok.word) and self._starts_with_place(tok.word)):
                    # 歐盟普通法院: a known body (a union, a state) starts it as a place would;
                    # 國家 / 國家廣播 opens a national body (國家廣播電視總局) as a place would;
                    # 美國聯邦 / 法院: the segmenter's one word of a place and its level
                    start = tok.start
                    k -= 1
                    while k >= 0 and (tokens[k].pos == "ns" and len(tokens[k].word) >= 2
                                      or self._national(tokens[k].word)):
                        start = tokens[k].start   # 北京市海淀區, 國家 / 海洋: places narrowing down
                        k -= 1
                    break
                chars += tok.end - tok.start
                middle += 1
                if tok.pos not in INSTITUTION_MIDDLE_POS and not (tok.word in JOINT_WORDS and tok.end == s) \
                        and not (everyday and tok.word in self.kb.everyday_places) \
                        or tok.word.lower() in self.stop or tok.word in self.public_cue_words \
                        or middle > MAX_INSTITUTION_WORDS or chars > MAX_INSTITUTION_CHARS:
                    break
                first = tok.start
                k -= 1
            if start is not None:
                self._add_institution(doc, table, claimed, start, e)
            elif self._speaking_body(doc, first, e):
                self._add_institution(doc, table, claimed, first, e)

    def _numbered_institutions(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """湖州 / 第十一 / 中学, 星海市 / 第一人民医院: a school or a hospital numbered by the place
        right before it (places narrowing down: 星海省星海市) is an organisation of that
        whole name; a number with no place before it names none (第二中学 of a list)."""
        if "第" not in doc.key:
            return
        tokens = doc.tokens
        for m in NUMBERED_INSTITUTION.finditer(doc.key):
            deadline.check("organizations")
            at, end = m.start(), m.end()
            if at == 0 or not doc.starts_token(at) or not doc.ends_token(end):
                continue
            k = doc.token_index_at(at - 1)
            start = at
            while k >= 0 and tokens[k].end == start and (
                    tokens[k].pos == "ns" and len(tokens[k].word) >= 2 or self._person_tagged_place(tokens[k])):
                start = tokens[k].start
                k -= 1
            if start == at or table.covering(start, end) is not None \
                    or any(p in claimed for p in range(start, end)):
                continue
            table.add(name_id(doc.text[start:end]), start, end, "suffix")

    def _person_tagged_place(self, tok) -> bool:
        """花莲县 / 观光局, 嘉兴 / 统计局: a two- or three-character word the segmenter tags as a
        person's name that ends in a county's level, or that with a city's or a county's
        level is one place word of the dictionary, is a place."""
        word = tok.word
        if tok.pos not in PERSON_TAGS or not 2 <= len(word) <= 3 or not all(is_cjk(c) for c in word):
            return False
        if len(word) == 3 and word[-1] == COUNTY_LEVEL:
            return True
        for level in TAGGED_PLACE_LEVELS:
            tags = self.segmenter.tag(word + level)
            if len(tags) == 1 and tags[0].pos == "ns":
                return True
        return False

    def _speaking_body(self, doc: Document, start: int, end: int) -> bool:
        """(澳門電台消息) 環境保護局稱, 交通事務局回覆時表示: with no place before it, words
        of a field and an agency's ending name the local agency when they open a clause and
        the agency speaks (a speech verb right after it); a kind of body (公安局) never does."""
        if end - start < 3 or doc.key[start:end] in self.generic_bodies:
            return False
        if start > 0 and doc.norm[start - 1] not in BODY_CLAUSE_OPENERS:
            return False
        return doc.key.startswith(self._speech_tuple, end)

    def _place_bodies(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """澳門北斗導航應用協會, 中国汽车动力电池产业创新联盟, 瑞士洛桑国际管理发展学院: a
        place, a few words of a field (nouns, and verbs that are no clause's verb:
        导航, 应用, 创新, not 成立 or 宣布) and a word that ends an association's, an
        alliance's or a research body's name. A shorter open-world name inside it
        (洛桑国际管理发展学院) gives way to it; a knowledge-base name inside it stays."""
        tokens = doc.tokens
        key = doc.key
        for m in self.body_head.finditer(key):
            deadline.check("organizations")
            s, e = m.span()
            if not doc.ends_token(e):
                continue
            if not doc.starts_token(s):
                glued = doc.tokens[doc.token_index_at(s)]
                if glued.end != e or glued.pos not in ("n", "nz") or s - glued.start > 2 \
                        or doc.key[glued.start:s] not in TRADE_WORDS:
                    continue
                s = glued.start   # 行業協會, 產業聯盟: the dictionary glued a field word to the head
            k = doc.token_index_at(s) - 1
            start, words, chars, joined = None, 0, 0, 0
            while k >= 0:
                tok = tokens[k]
                if tok.pos == "ns" and len(tok.word) >= 2:
                    if k + 1 < len(tokens) and tokens[k + 1].word in PUBLIC_JOINERS:
                        break   # 美國與 / 能源研究院: a place listed with the body, not its name
                    start = tok.start
                    while k > 0 and tokens[k - 1].pos == "ns" and len(tokens[k - 1].word) >= 2:
                        k -= 1
                        start = tokens[k].start   # 北京市海淀區: places narrowing down
                    break
                if tok.word in PUBLIC_JOINERS and words and joined < MAX_UNIT_JOINERS and k > 0 \
                        and tokens[k - 1].end == tok.start and self._body_middle(tokens[k - 1]):
                    joined += 1   # 美國 / 海洋 / 與 / 氣候 / 研究院: two fields joined, one body
                    chars += tok.end - tok.start
                    k -= 1
                    continue
                words += 1
                chars += tok.end - tok.start
                if not self._body_middle(tok) or words > MAX_BODY_WORDS or chars > MAX_BODY_CHARS:
                    break
                k -= 1
            if start is None or words == 0:
                continue   # 美國協會: a place and the kind alone is no name
            if m.group() in self.quoted_only_heads and not (
                    doc.norm[start - 1:start] in QUOTE_OPENERS and doc.norm[e:e + 1] in QUOTE_CLOSERS):
                continue   # 北京數據中心: a building, unless the text sets it off as a name
            if any(p in claimed for p in range(start, e)):
                continue
            inside = list({ent.id: ent for p in range(start, e)
                           if (ent := table.covering(p, p + 1)) is not None}.values())
            if any(ent.kb or any(a <= start or b > e for a, b in ent.mentions if a < e and b > start)
                   for ent in inside):
                continue   # found already, or a known name inside it
            for ent in inside:
                for a, b in [span for span in ent.mentions if span[0] < e and span[1] > start]:
                    table.drop_mention(ent.id, a, b)
            table.add(name_id(doc.text[start:e]), start, e, "government")

    def _public_bodies(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """法務部, 警政署, 公司註冊處, 陸路交通管理局, 通訊及新聞部, 韓國科學技術信息通信部: a
        public body named by its grammar — words of a field (joined by 、/及/和 where there
        are several), the kind of body, optionally a place before them — where the text
        gives evidence that it is a body (_public_evidence). The name starts and ends where
        the segmenter's words do (never 局 of 格局, nor a piece of a longer word); a bare
        kind (部門, 局面, 院長) or a kind of body (管理局, 辦事處) is none."""
        tokens = doc.tokens
        found: list[str] = []
        # (以下簡稱「產業部」): a short name the text gives a longer one is that one's, not a body's own
        short = {m.group(1) for m in SHORT_NAME_INTRO.finditer(doc.key)} \
            if "简称" in doc.key or "下称" in doc.key else set()
        known = None
        secretaries: dict[str, list[int]] | None = None
        own_titles: dict[str, bool] = {}
        seen = -1
        for m in self._public_last.finditer(doc.key):   # words' last characters, found in one scan
            if not doc.ends_token(m.end()):
                continue
            i = doc.token_index_at(m.start())
            if i == seen:
                continue
            seen = i
            tok = tokens[i]
            word = tok.word
            titled = word.endswith(PUBLIC_TITLE_TAIL) and len(word) >= 2
            head = word[:-1] if titled else word
            placed_only = False
            if not head.endswith(self.public_kinds):
                if titled or not head.endswith(self._placed_kinds) or tok.pos == "ns" \
                        or head.endswith(self._not_placed_endings):
                    continue   # (no kind of body ends it: one C call; which kind, only for the rest)
                placed_only = True   # 日本 / 防衛 / 省: a ministry only after its place, never 廣東省
            kind = next(k for k in (self._placed_kinds if placed_only else self.public_kinds) if head.endswith(k))
            deadline.check("organizations")
            if head.endswith(self._not_public_endings):
                continue   # 有限公司, 上司, 官司: a company, a boss, a lawsuit end like 司
            end = tok.start + len(head)
            glued = len(head) - len(kind)
            if 0 < glued < 2:
                continue   # 布局, 當局, 學院: one character glued is a word of its own
            if placed_only:
                place = self._placed_field_place(doc, i, glued)
                if place is not None and self._public_evidence(doc, place, end) \
                        and self._add_public_body(doc, table, claimed, place, end):
                    found.append(doc.text[place:end])
                continue   # 日本 / 防衛 / 省 (表示 …): the place says whose, and it acts
            if head in self.not_public or word in self.not_public:
                glued = 0   # 技術部, 辦公室: a kind of unit, a body's name only with a field before it
            glossed = GLOSS_ACRONYM.match(doc.norm, end) is not None   # 聯邦航空管理局（FAA）
            acronym = kind in WORD_ONLY_KINDS and not glued and glossed
            if kind in WORD_ONLY_KINDS and not glued and not acronym:
                national = self._national_field_start(doc, i)
                if national is not None:   # 國家 / 技術標準 / 院 (22日表示): a nation's institute
                    place = self._public_place_start(doc, national)
                    if self._public_evidence(doc, place, end) \
                            and self._add_public_body(doc, table, claimed, place, end):
                        found.append(doc.text[place:end])
                continue   # 院: 立法院 as one word; 研究院, 科學院 are left to the research bodies' rules
                           # (unless its Latin short form follows: 南嶺科學技術院（NLST）)
            if doc.key[end - 1:end + 1] in self.not_public:
                continue   # 人力資源部 / 門: the kind is the start of the next word (部門)
            start = self._public_field_start(doc, i, tok.start if glued else None,
                                             kind in OFFICER_OFFICES and not glued)
            if start is None:
                continue
            place = self._public_place_start(doc, start)
            if len(head) == 1 and place == start and doc.token_index_at(start) == i - 1 \
                    and not self._field_opens_clause(doc, i - 1) and not self._field_after_preposition(doc, i - 1, end) \
                    and not self._field_dated_act(doc, i - 1, end):
                continue   # 星河 / 部: one word and a kind the dictionary does not join is an
                           # unknown name's cut, not a field's body (法務部, 資源 / 部 after 產業通商);
                           # unless that word is an activity opening a clause (；運輸 / 署)
                           # or a field noun right after a preposition (跟 / 氣象 / 署):
                           # then nothing before it can be the rest of a name
            name = doc.key[start:end]
            if end - start - len(kind) < 2 or name in self.not_public or name in short:
                continue
            if doc.key[start:start + 1] in GLOSS_CUT_JOINERS:
                continue   # 海洋 / 暨大氣總署: the field before 暨 was read as a place, the name cut there
            if acronym and place == start:
                continue   # 科學技術 / 院（ST）: a place opens a body's name that the segmenter cut before 院
            if kind in SECRETARY_KINDS and place == start:
                if secretaries is None:
                    secretaries = _secretary_names(doc.key)   # (once a document, at its first 司)
                if name not in own_titles:   # (one answer a name: 財政司司長 told a thousand times)
                    own_titles[name] = self._only_as_own_title(doc, start, end, secretaries)
                if own_titles[name]:
                    continue   # 財政司司長: an office named only in its head's own title is the post's, no body
            if glossed and place == start:
                opening = self._glossed_body_start(doc, start, end, len(kind))
                if opening is None:
                    glossed = False
                elif opening != start and not (titled or self._public_evidence(doc, start, end)):
                    place = start = opening   # 前者模仿 / 車輛管理局（DMV）: the verb's object is the body
            if not (titled or glossed or self._public_evidence(doc, place, end) or self._national_joined(doc, start, end)
                    or self._placed_ministry(doc, table, place, start, end, kind)):
                continue
            longer = self._abbreviated_body(doc, table, place, end)
            if longer is not None:   # 市監總局 of 市場監管總局: the body the text names in full
                if table.covering(place, end) is None and not any(p in claimed for p in range(place, end)):
                    table.add(longer.id, place, end, "government", kb=longer.kb)
                continue
            if known is None:   # 商務部 that the knowledge base lists (waiting for evidence): here it is
                known = {(m.start, m.end): orgs[0] for m in doc.layers["gazetteer"]
                         if (orgs := m.of_kind("organization"))}
            if self._add_public_body(doc, table, claimed, place, end, known.get((place, end))):
                found.append(doc.text[place:end])
        for name in found:   # the same name again, where words start and end
            self._public_recurrences(doc, table, claimed, name)

    def _committee_short_forms(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """消委會, 財委會: a committee's short form (one or two characters of its field, 委會)
        that starts and ends where words do, acting, speaking or with a title after it
        (_public_evidence, or any title); an everyday committee (居委會, 組委會) is none.
        A body the text names in full whose name holds it in order is that body
        (消費者委員會 … 消委會); right after a public body it is that body's (立法會 / 財委會)."""
        if "委会" not in doc.key:
            return
        for m in COMMITTEE_SHORT.finditer(doc.key):
            start, end = m.span()
            if len(m.group()) == 4 and doc.starts_token(start + 1):
                start += 1   # 向 / 財委會: a word before is none of it
            if not doc.starts_token(start) or not doc.ends_token(end):
                continue
            deadline.check("organizations")
            name = doc.key[start:end]
            if name in self.everyday_committees or name in self.not_public \
                    or any(p in claimed for p in range(start, end)) or table.covering(start, end) is not None:
                continue
            if start > 0 and doc.key[start - 1] in STAFF_NOT_OWNER_FIRSTS:
                continue   # 該執委會: the text's pointer back to a body named before
            k = doc.token_index_at(start)
            prev = doc.tokens[k - 1] if k > 0 and doc.tokens[k - 1].end == start else None
            owner = table.covering(start - 1, start) if start > 0 else None
            if prev is not None and prev.pos in COMMITTEE_NAME_BEFORE_POS and not (
                    owner is not None and self._public_parent(owner)):
                continue   # 人工智能 / 分委會: the last words of a longer name
            bracketed = doc.key[start - 1:start] == "(" and doc.key[end:end + 1] == ")"
            if not (bracketed or self._public_evidence(doc, start, end) or doc.key.startswith(self.title_forms, end)):
                continue
            longer = self._abbreviated_body(doc, table, start, end)
            if longer is None and bracketed:
                continue   # (…委會) after no name it shortens: nothing shows it acts
            if longer is not None:   # 消費者委員會 (消委會): the body the text names in full
                table.add(longer.id, start, end, "government", kb=longer.kb)
                continue
            if owner is not None and self._public_parent(owner) and (a := next(
                    (a for a, b in owner.mentions if b == start), None)) is not None:
                table.drop_mention(owner.id, a, start)
                start = a
            table.add(name_id(doc.text[start:end]), start, end, "government")

    def _body_units(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """經濟部統計處, 立法院法制局, 國務院辦公廳, 歐盟理事會: a public body's unit named right
        after it (words of a field and a unit's kind, or the body's council with nothing
        between) is one organisation named with its body, where the text gives evidence that
        it is a body (_public_evidence); the body's own mention there goes, its others stay."""
        for ent in list(table.by_id.values()):
            if not self._public_parent(ent):
                continue
            for a, b in sorted(ent.mentions):
                deadline.check("organizations")
                end = self._unit_end(doc, table, claimed, b)
                if end is None or not (self._fielded_council(doc, b, end) or self._public_evidence(doc, a, end)
                                       or self._national_joined(doc, a, b)):
                    continue
                if doc.key.startswith(self._public_titles, end) or doc.key.startswith(PUBLIC_TITLE_TAIL, end) \
                        or doc.key.startswith(self.title_forms, end):
                    continue   # 經濟部產業技術司司長: a unit before its head's title says where the official
                               # works; the body (經濟部) employs him, the unit is no organisation
                inner = {id(x): x for p in range(b, end) if (x := table.covering(p, p + 1)) is not None}
                for other in inner.values():   # a piece of the unit another rule read (國教 of 教育部國教署)
                    for s, e in [m for m in other.mentions if m[0] < end and m[1] > a]:
                        table.drop_mention(other.id, s, e)
                table.drop_mention(ent.id, a, b)
                table.add(name_id(doc.text[a:end]), a, end, "government")

    def _staff_unit_owners(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """台藝大廣電學系教授林某, 文山第一分局偵查隊隊長王某: a staff unit (a field's words and
        a unit's kind: 學系, 中心, 隊, 處) between a clause's opening and a member's title
        and name proves that the words before it name an organisation, the one the member
        works for, when they end like one (…大, …院, …局, …會) though the text names it
        nowhere else."""
        tokens, key = doc.tokens, doc.key
        # Only a member right after a staff unit's kind can pass, so start from where a kind's
        # last letter ends a token (k is the member, two or three tokens on), not from every token.
        members = set()
        for at in self._staff_unit_ends.finditer(key):
            u = doc.token_index_at(at.start())
            if tokens[u].end == at.end():
                members.update((u + 2, u + 3))
        for k in sorted(members):
            if k >= len(tokens):
                continue
            t = tokens[k]
            if t.pos not in PERSON_TAGS or k < 3:
                continue
            deadline.check("organizations")
            if len(tokens[k - 1].word) == 1 and tokens[k - 1].end == t.start and k >= 4:
                k -= 1   # 林 / 志遠: a surname the segmenter cut off its given name
                t = tokens[k]
            title = tokens[k - 1]
            if title.end != t.start or title.word not in self.kb.titles:
                continue
            unit = tokens[k - 2]
            if unit.end != title.start or not unit.word.endswith(self._staff_units):
                continue
            self._staff_unit_owner(doc, table, claimed, k - 2)

    def _staff_unit_owner(self, doc: Document, table: EntityTable, claimed: dict, u: int) -> None:
        """The organisation named before the staff unit that ends at token u, if any."""
        tokens = doc.tokens
        j = u   # tokens[j:u + 1] is the unit: its field's words and its kind
        while j > 0 and u - j < MAX_STAFF_FIELD_WORDS:
            prev = tokens[j - 1]
            if prev.end != tokens[j].start or not all(is_cjk(c) for c in prev.word):
                return
            if prev.word.endswith(self._staff_owner_endings) and len(prev.word) >= 2 or (
                    prev.word in self._staff_owner_endings):
                break   # the owner's last word
            j -= 1
        else:
            return
        if j == u and not tokens[u].word.endswith(self._staff_units) or j <= 0:
            return
        end = tokens[j - 1].end
        i = j - 1   # walk back over the owner's words to the clause's opening
        while i > 0 and j - i < MAX_STAFF_OWNER_WORDS and tokens[i - 1].end == tokens[i].start \
                and all(is_cjk(c) for c in tokens[i - 1].word) and not _staff_clause_word(tokens[i - 1]):
            i -= 1
        opening = i == 0 and tokens[0].start == 0 or i > 0 and (
            tokens[i - 1].end < tokens[i].start or not all(is_cjk(c) for c in tokens[i - 1].word)
            or _staff_clause_word(tokens[i - 1]))
        while i < j - 1 and tokens[i].pos[:1] in "mt":
            i += 1   # 昨天 / 台藝大: a time opens the clause, not the name
        start = tokens[i].start
        name = doc.key[start:end]
        if not opening or not 2 <= len(name) <= MAX_STAFF_OWNER_CHARS or name[0] in STAFF_NOT_OWNER_FIRSTS \
                or name in self.stop or name in self.kb.titles or name in self.generic_bodies \
                or name in self.generic or name in self.kind_words:
            return
        if any(p in claimed for p in range(start, end)) or any(
                table.covering(p, p + 1) is not None for p in range(start, tokens[u].end)):
            return   # a name another rule read (台灣大學 / 資工系): its own employer
        table.add(name_id(doc.text[start:end]), start, end, "org-before-title")

    def _fielded_council(self, doc: Document, at: int, end: int) -> bool:
        """參議院 / 國土安全和政府事務委員會: a committee with words of its field, right after
        a public body, is that body's by its grammar alone: no more evidence is needed."""
        return doc.key.endswith(self._council_tuple, at, end) and not doc.key[at:end] in self.councils

    def _parent_short_commissions(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """国务院金融委, 國務院國資委: right after a public body the knowledge base knows, two
        characters of a field and 委 (one word or two: 金融 / 委, 国资委) are that body's
        commission, named in its short form; the body's mention there becomes the
        commission's, as 立法會 / 財委會 does. Not 委员 or 委会 (a full name, a committee's
        short form), nor a verb of giving a task (国务院委托), nor the title 副主委."""
        if "委" not in doc.key:
            return
        key, tokens = doc.key, doc.tokens
        for ent in list(table.by_id.values()):
            if not ent.kb or not self._public_parent(ent):
                continue
            for a, b in list(ent.mentions):
                end = b + 3
                if end > len(key) or key[b + 2] != "委" or key[end:end + 1] in COMMISSION_NOT_AFTER \
                        or not doc.starts_token(b) or key.startswith("主委", b + 1):
                    continue   # (國科會 / 副主委: the chair's deputy, a title, no commission)
                tok = tokens[doc.token_index_at(b)]
                if tok.start != b or not all(is_cjk(c) for c in key[b:end]):
                    continue
                if not (tok.end == b + 2 and tok.pos in COMMISSION_SHORT_FIELD_POS
                        or tok.end == end and tok.pos in COMMISSION_SHORT_FIELD_POS):
                    continue   # (金融 / 委, 国资委: the field one word, or the short form one)
                if table.covering(b, end) is not None or any(p in claimed for p in range(b, end)):
                    continue
                deadline.check("organizations")
                table.drop_mention(ent.id, a, b)
                table.add(name_id(doc.text[a:end]), a, end, "government")

    def _resident_missions(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """星海國駐南嶺大使館, 青州驻东岭使团, 駐青州代表處: 駐, a place (one to a few words of
        Chinese characters, none a verb: a place the segmenter tags, a name it splits or tags
        otherwise, a one-character short form glued to 駐 as in 駐美), then a mission's kind
        right after it (one word, or glued to the place as 日本大使館) is one organisation,
        opening with the place before 駐 where one stands right there (else with 駐 itself,
        after a mark or a word that is no noun). Mentions inside it go."""
        key, tokens = doc.key, doc.tokens
        at = key.find("驻")
        while at >= 0:
            nxt = at + 1
            deadline.check("organizations")
            found = self._mission_after(doc, at)
            if found is not None:
                end = found
                start = None
                if doc.starts_token(at):
                    prev = tokens[doc.token_index_at(at) - 1] if doc.token_index_at(at) > 0 else None
                    if prev is not None and prev.end == at and prev.pos == "ns" and len(prev.word) >= 2:
                        start = prev.start
                    elif prev is None or prev.end < at or not prev.pos.startswith("n") \
                            or not is_cjk(prev.word[0]):
                        start = at
                if start is not None and not any(p in claimed for p in range(start, end)):
                    near = [(id_, a, b) for a, b, id_ in table.touching(start, end)]
                    if all(start <= a and b <= end for _, a, b in near):   # (none runs across its edges)
                        for id_, a, b in near:
                            table.drop_mention(id_, a, b)
                        table.add(name_id(doc.text[start:end]), start, end, "government")
            at = key.find("驻", nxt)

    def _mission_after(self, doc: Document, at: int) -> int | None:
        """Where the mission 駐 at `at` opens ends: a place of 1 to MISSION_PLACE_CHARS
        characters, no word of it a verb or a function word, then a kind of mission ending a
        word. None where 駐 opens none (駐青州辦公)."""
        key, tokens = doc.key, doc.tokens
        nxt = at + 1
        if nxt >= len(key):
            return None
        first = tokens[doc.token_index_at(at)]
        if not (doc.starts_token(nxt) or first.start == at and first.end == nxt + 1):
            return None   # (進駐, 派駐青州: 駐 inside another word opens nothing)
        for p in range(nxt + 1, min(len(key), nxt + MISSION_PLACE_CHARS + 1)):
            if not is_cjk(key[p - 1]):
                return None
            t = tokens[doc.token_index_at(p - 1)]
            if t.start >= nxt and (t.pos.startswith(MISSION_PLACE_NOT_POS) and t.end <= p):
                return None
            if key[nxt:p] in self.mission_generic_places:
                continue
            for kind in self.mission_kinds:
                end = p + len(kind)
                if not key.startswith(kind, p) or not doc.ends_token(end):
                    continue
                here = tokens[doc.token_index_at(p)]
                if here.start == p or nxt <= here.start < p and here.end == end:
                    return end   # (日本大使館: the place glued to the kind)
        return None

    def _public_parent(self, ent: Entity) -> bool:
        """Is this organisation a public body: the knowledge base's government, or a body
        the public-body rules found?"""
        if ent.kb:
            return (self.kb.organizations.get(ent.id) or {}).get("type") == "government"
        return "government" in ent.evidence

    def _unit_end(self, doc: Document, table: EntityTable, claimed: dict, at: int) -> int | None:
        """Where a body's unit that starts at `at` ends: a few words of a field (統計, 法制,
        國教) and a unit's kind (處, 局, 司, 辦公廳; 署長: the head's title glued on), or a
        council right at `at` (理事會). None where no unit starts there, where the unit is a
        branch office (駐外辦事處) or a body the knowledge base knows (美國商務部 / 工業和安全局)."""
        tokens, key = doc.tokens, doc.key
        k = doc.token_index_from(at)
        if k >= len(tokens) or tokens[k].start != at:
            return None
        pos = at
        joined = 0   # joiners are no field words: 國土安全 / 和 / 政府事務 / 委員會
        for n in range(MAX_UNIT_WORDS + 1 + MAX_UNIT_JOINERS):
            if k + n >= len(tokens) or n - joined > MAX_UNIT_WORDS:
                return None
            t = tokens[k + n]
            word = key[t.start:t.end]
            if t.start != pos or not all(is_cjk(c) for c in word):
                return None
            head = word[:-1] if word.endswith(PUBLIC_TITLE_TAIL) and word[:-1].endswith(self.unit_kinds) else word
            if (head.endswith(self.unit_kinds) and (head in self.unit_kinds or t.pos in UNIT_WORD_POS)) \
                    or n == 0 and word in self.councils:   # (签署 ends like 署 and is a verb)
                end = t.start + len(head)
                if end - at < 2 or end - at == 2 and key[at] not in UNIT_RANKS \
                        or key.endswith(self.not_units, at, end) or key[at:end] in self.kb.titles \
                        or any(p in claimed for p in range(at, end)):
                    return None
                inner = table.covering(at, end)
                if inner is not None and inner.kb:
                    return None   # 美國商務部 / 工業和安全局: two bodies the knowledge base knows
                return end
            if n > 0 and word in PUBLIC_JOINERS and joined < MAX_UNIT_JOINERS:
                pos = t.end   # 監督與問責 / 委員會: fields joined
                joined += 1
                continue
            if word in self.stop or word in self.kb.titles or word in self.body_clause_verbs \
                    or word in self.public_cue_words \
                    or word in self.kind_words or not (t.pos in PUBLIC_FIELD_POS or t.pos == "v" and len(word) >= 2):
                return None
            pos = t.end
            if pos - at > MAX_UNIT_CHARS:
                return None
        return None

    def _holds_post(self, word: str) -> bool:
        """黨組書記, 市委常委, 主席: a word naming a post an officer holds (a title, or a word
        ending in one of lexicon.yaml's post_endings)."""
        return word in self.kb.titles or word.endswith(self._post_endings)

    def _public_field_start(self, doc: Document, i: int, start: int | None, office: bool) -> int | None:
        """Where the field words before token i's kind of body start (its own start when
        the dictionary glued them to the kind), leaving out verbs that open the clause
        (征詢 / 個人資料私隱專員公署)."""
        tokens = doc.tokens
        words = []   # (token, listed) from the kind backwards
        k = i - 1
        chars = 0
        verb_closed = False
        post_listed = False   # the words follow an officer's post and 、 (副市長、市 / 公安局)
        while k >= 0 and len(words) < MAX_PUBLIC_WORDS:
            t = tokens[k]
            if t.end != (words[-1].start if words else tokens[i].start):
                break   # a space or a gap: the name does not run across it
            w = t.word
            if w in PUBLIC_JOINERS:
                if not (words or len(tokens[i].word) > 1) or k == 0:
                    break
                if tokens[k - 1].word in self.listed_parties:
                    break   # 政府、律政司: a government or a party listed before the body, no field of it
                if self._holds_post(tokens[k - 1].word):
                    post_listed = True
                    break   # 市委常委、宣傳部, 黨組書記、中國銀保監會: an officer's post listed before
                            # the body (a list of his posts), no field of it
                words.append(t)
                k -= 1
                continue
            if t.pos == "ns" or self._national(w) or w in self.stop or w in self.not_public \
                    or w in self.public_cue_words or w in self.party_words or w.endswith(self._long_cues) \
                    or self._ends_like_body(w) or w.endswith(self._body_head_tuple) \
                    or w in self.public_title_words and not (
                        not words and office and t.pos in ("n", "nz")):
                break   # a place, a title's word (政務 / 部長), or another body (保安局、…);
                        # an officer's title opens his office (總監 / 辦公室, 專員 / 公署)
            if t.pos == "v" and len(w) == 1 and (words or start is not None):
                verb_closed = True
                break   # 問 / 到 / 運輸署: a one-character verb ends the clause's verb phrase, no field
            if t.pos in PUBLIC_FIELD_POS and is_cjk(w[0]) or t.pos == "v" or (
                    t.pos in PUBLIC_LISTED_POS and k > 0 and tokens[k - 1].word in PUBLIC_JOINERS):
                if w in self.kind_words and not (words or start is not None) \
                        or chars + len(w) > MAX_PUBLIC_CHARS:
                    break   # 公司 / 註冊處 is a body's field; 公司 / 部 alone is not
                words.append(t)
                chars += len(w)
                k -= 1
                continue
            break
        first = words[-1].start if words else tokens[i].start
        if k >= 0 and tokens[k].end == first and self._national(tokens[k].word):
            if any(w.word in PUBLIC_JOINERS for w in words) and words[-1].word not in PUBLIC_JOINERS:
                return tokens[k].start   # 中央 / 網絡安全和信息化 / 委員會: joined fields, which the
                                         # national bodies' rules do not read; the opener starts it
            return None   # 國家 / 市場監管 / 總局: a national body, the national bodies' rules read it
        if k >= 0 and tokens[k].end == first and not (words and words[-1].word in PUBLIC_JOINERS) and (
                tokens[k].pos in PERSON_TAGS or self._ends_like_body(tokens[k].word)
                or tokens[k].word.endswith(self._body_head_tuple)):
            return None   # 青禾 / 數據保護局: a proper name the segmenter read as a person's opens
                          # it; 委員會辦公室 / 秘書局, 基金會 / 社工處: a unit of the body before it
                          # (a body's last word: 基金會, 協會, 研究院), no body of its own
        if start is None and not post_listed and not any(w.word in PUBLIC_JOINERS for w in words) \
                and tokens[i].word in self.not_public and tokens[i].word not in self.public_kinds:
            return None   # 智能汽車 / 事業部: a company's unit; 科學、創新和技術部 is a ministry's list of fields
        # the field starts at its first noun: not at a joiner, nor a verb opening the clause
        # (unless the body is plainly the clause's subject: 選舉 / 管理委員會今日發布)
        if words and words[-1].pos == "v" and self.opening_field_verb(doc, words[-1], tokens[i].end) \
                and not any(w.pos == "v" for w in words[:-1]):
            return words[-1].start   # (not 入稟 / 狀 / 引述 / 審裁處: a second verb, its clause's own)
        if len(words) == 1 and len(tokens[i].word) == 1 and self._field_opens_clause(doc, k + 1):
            return words[0].start   # ；運輸 / 署: an activity opening the clause is the body's field
        if verb_closed and words and words[-1].word not in PUBLIC_JOINERS:
            return words[-1].start   # 問到 / 運輸 / 署: the verb's object opens right after it
        cut_verb = False
        while words and (words[-1].word in PUBLIC_JOINERS or words[-1].pos in ("v", "vn", "t", "a") and not (
                k >= 0 and tokens[k].word in PUBLIC_JOINERS and tokens[k].end == words[-1].start
                or self._placed_joined_field(tokens, k, words)
                or words[-1].pos == "vn" and len(words) >= 2 and words[-2].word in PUBLIC_JOINERS
                and (len(words) >= 3 or start is not None))):
            # (運輸 / 及 / 物流 / 局: an activity joined to the next field by 及 is the first of
            # the body's listed fields, no verb opening the clause)
            cut_verb = cut_verb or words[-1].pos == "v"
            words.pop()
            k += 1
        if words and cut_verb and len(words[-1].word) == 1:
            return start   # 入稟 / 狀 / 引述 / 審裁處: a one-character word left by the verb cut off is
                           # that verb's (入稟狀), no field's first word
        if words:
            return words[-1].start
        return start

    def _placed_field_place(self, doc: Document, i: int, glued: int) -> int | None:
        """Where a place opens the name of a body whose kind is one of placed_body_kinds
        (日本 / 防衛 / 省, 日本 / 文部 / 科學 / 省, 日本 / 內閣 / 府): common words of a field, two
        characters or more of them and every one the dictionary's noun or verb (no name's
        guess: 泰國 / 清邁府, 阿富汗 / 赫爾曼德 / 省), right after a place of two characters or
        more (越南 / 平陽 / 省 has a place for its field: a province). None where not so."""
        tokens = doc.tokens
        if glued and tokens[i].pos not in PLACED_FIELD_POS:
            return None
        chars = glued
        k = i - 1
        first = tokens[i].start
        while k >= 0 and tokens[k].end == first:
            t = tokens[k]
            if t.pos == "ns":
                if chars < 2 or len(t.word) < 2 or not self._in_dictionary_field(doc, t.end, tokens[i].start) \
                        or glued and not self.in_dictionary(doc.key[tokens[i].start:tokens[i].start + glued]):
                    return None
                place = self._public_place_start(doc, t.end)
                return None if any(w in doc.key[place:t.end] for w in PLURAL_PLACES) else place
            if t.pos not in PLACED_FIELD_POS or len(t.word) < 2 or not is_cjk(t.word[0]) \
                    or chars + len(t.word) > MAX_PLACED_FIELD_CHARS:
                return None
            chars += len(t.word)
            first = t.start
            k -= 1
        return None

    def _in_dictionary_field(self, doc: Document, start: int, end: int) -> bool:
        """Is every word of the field from start to end one of the dictionary's (no HMM guess),
        read in the key view (防衛 as 防卫)?"""
        return all(self.in_dictionary(doc.key[t.start:t.end]) for t in tokens_in(doc, start, end))

    def _only_as_own_title(self, doc: Document, start: int, end: int, secretaries: dict[str, list[int]]) -> bool:
        """財政司司長, 財政司副司長: is every mention of the words start..end followed by its
        head's title that repeats its kind (司長), none after a body's name (經濟部 / 產業技術司),
        and is it no body the knowledge base knows? (secretaries: _secretary_names of the
        text, its mentions found once a document.)"""
        key = doc.key
        name = key[start:end]
        if any(e.kind == "organization" for e in self.kb.aliases.get(name, ())):
            return False   # 律政司司長: a department the knowledge base knows
        found = secretaries.get(name)
        if found is None:   # (a name longer than the index holds: looked for in the text)
            found, at = [], key.find(name)
            while at != -1:
                found.append(at)
                at = key.find(name, at + len(name))
        last = -1
        for at in found:
            if at < last:
                continue    # (mentions that do not overlap, as a find loop reads them)
            last = at + len(name)
            if not key.startswith(SECRETARY_TITLES, at + len(name)) or key.endswith(self.public_kinds, 0, at):
                return False
        return True

    @staticmethod
    def _placed_joined_field(tokens, k: int, words: list) -> bool:
        """英國 / 競爭 / 及 / 市場 / 管理局: a verb-like word right after a place and joined to
        the next field by 及 / 和 / 與 is the body's first field (a place opens no clause's verb
        glued to it), not a verb opening the clause before the name."""
        first = words[-1]
        return len(words) >= 3 and words[-2].word in PUBLIC_JOINERS and len(first.word) >= 2 and k >= 0 \
            and tokens[k].pos == "ns" and len(tokens[k].word) >= 2 and tokens[k].end == first.start

    def opening_field_verb(self, doc: Document, tok, end: int) -> bool:
        """選舉 / 管理委員會今日就事件發布報告, 審計 / 委員會表示: a verb-tagged word of two
        characters or more that opens a clause, right before a body's field, is the field's
        first word (not the clause's verb) when it governs nothing (no verb that founds, joins,
        addresses or speaks: 成立, 宣布, 通報, 表示) and the body acts after its name (one of
        those verbs within a few words, in the same clause)."""
        word = tok.word
        if len(word) < 2 or not all(is_cjk(c) for c in word) or word in self.stop \
                or word in self.body_clause_verbs or word in self.public_cue_words \
                or doc.key.startswith(self._public_acts, tok.start):
            return False
        if tok.start > 0 and doc.norm[tok.start - 1] not in BODY_CLAUSE_OPENERS:
            return False   # 批准選舉管理委員會: a verb before it, the words are its object
        return self._acts_soon(doc, end)

    def _acts_soon(self, doc: Document, end: int) -> bool:
        """Does the body whose name ends at `end` act within a few words, in its clause
        (管理委員會 / 今日 / 就 / 事件 / 發布: a verb that founds, joins, speaks or rules)?"""
        key, tokens = doc.key, doc.tokens
        k = doc.token_index_from(end)
        for t in tokens[k:k + MAX_ACT_LOOKAHEAD]:
            if not is_cjk(key[t.start]) or t.pos in PERSON_TAGS:
                return False   # the clause ends before the body acts, or a person (its member) acts
            if t.word in self.body_clause_verbs or key.startswith(self._public_acts, t.start) \
                    or key.startswith(self._speech_tuple, t.start):
                return True
        return False

    def _national_joined(self, doc: Document, start: int, end: int) -> bool:
        """中央 / 網絡安全 / 和 / 信息化 / 委員會: a national opener and fields joined by 和, 及
        or 、 before the kind name one national body by their grammar alone."""
        toks = list(tokens_in(doc, start, end))
        return len(toks) >= 4 and self._national(toks[0].word) and any(t.word in PUBLIC_JOINERS for t in toks[2:-1])

    def _public_place_start(self, doc: Document, start: int) -> int:
        """韓國 / 科學技術信息通信部, 英國 / 科學、創新和技術部: a place right before a body's
        field opens its name."""
        tokens = doc.tokens
        k = doc.token_index_at(start) - 1
        place = start
        while k >= 0 and tokens[k].end == place and tokens[k].pos == "ns" and len(tokens[k].word) >= 2:
            place = tokens[k].start
            k -= 1
        return place

    def _placed_ministry(self, doc: Document, table: EntityTable, place: int, start: int, end: int,
                         kind: str) -> bool:
        """星海國 / 通訊部, 星海国 / 交通厅: a government's organ (a kind of
        government_endings) named by one field after a place is a body by its grammar
        alone, whatever follows it: the place names whose body it is. Not a company's unit
        (該公司中國 / 營銷部, 星河集團台灣 / 業務部: a company before the place owns it), nor
        many places' (各國), nor fields joined by 和 / 及 whose last (財經局 of 星海市場和財經局)
        the text names on its own elsewhere: a list, the place naming its first item.
        (Run only for the few placed bodies with a joiner: one count each.)"""
        if not (place < start and kind in self.government) or any(w in doc.key[place:start] for w in PLURAL_PLACES):
            return False
        i = doc.token_index_at(place)
        if any(c in PUBLIC_JOINERS for c in doc.key[place:start]) or i > 0 and doc.tokens[i - 1].pos in PERSON_TAGS \
                and doc.tokens[i - 1].end == place:
            return False   # 吳子 / 墨及 / 節目部: a name's last character and a joiner, tagged a place
        key = doc.key
        for j in range(start, end):
            if key[j] in PUBLIC_JOINERS and key.count(key[j + 1:end]) > key.count(key[place:end]):
                return False   # (the last field's body named on its own elsewhere: two things listed)
        return not (doc.key.endswith(COMPANY_HEADS, 0, place) or self._mention_ends_at(table, place))

    def _glossed_body_start(self, doc: Document, start: int, end: int, kind: int) -> int | None:
        """Where a public body with no place before it starts when only its Latin short form in
        brackets shows it is one (聯邦航空管理局（FAA）): after the last verb among its field's
        words (前者 / 模仿 / 車輛管理局（DMV）), else at start where the word before it can
        end what comes before a name — a verb of two characters (促使), a preposition, a
        conjunction, an adverb, a pronoun or a particle — or no Han character stands before
        it; None where a word of a name may be cut off before it (對外 / 事務部（EEAS）,
        印 / 貿易救濟總局（DGTR）), or a name before 及 (美國海關及 / 邊境保護局（CBP）: the
        short form names the words before 及 too; not （ISO）和 / 國際電工委員會（IEC）)."""
        tokens = doc.tokens
        k = doc.token_index_at(start)
        j = k
        opening = start
        while j < len(tokens) and tokens[j].end < end:
            if tokens[j].pos == "v" and len(tokens[j].word) >= 2:
                opening = tokens[j].end
            j += 1
        if opening != start:
            return opening if end - opening - kind >= 2 else None
        if start == 0 or not is_cjk(doc.key[start - 1]):
            return start
        if doc.key[start - 1] in GLOSS_CUT_JOINERS and start >= 2 and is_cjk(doc.key[start - 2]):
            return None
        prev = tokens[k - 1] if k > 0 and tokens[k - 1].end == start else None
        if prev is None:
            return start
        if prev.pos in GLOSS_BOUNDARY_POS or prev.pos.startswith("u") or (prev.pos == "v" and len(prev.word) >= 2):
            return start
        return None

    def _public_evidence(self, doc: Document, start: int, end: int) -> bool:
        """A body shows itself as one: it acts or speaks (表示, 批准, 已要求), a title follows
        (部長, 署長), another body is listed beside it (機電工程署、公司註冊處), a word before
        it addresses it (向保安局, 由…), or it heads a clause with a verb after it."""
        key = doc.key
        after = end
        while after < len(key) and key[after] == " ":
            after += 1
        k = doc.token_index_from(after)
        tokens = doc.tokens
        dated = k < len(tokens) and tokens[k].pos == "t" and tokens[k].start == after
        if dated:
            k += 1   # 政府資訊科技總監辦公室 / 周日 / 已要求
        elif self._day_of_month_at(doc, k, after):
            k += 2   # 文化廳 / 3 / 日 / 表示: the day of the month it acts on
        at = tokens[k].start if k < len(tokens) else len(key)
        if key.startswith(self._speech_tuple, at) or key.startswith(self._public_acts, at) \
                or key.startswith(self._public_titles, after) or SHORT_NAME_INTRO.match(key, after):
            return True
        if key[after:after + 1] in PUBLIC_JOINERS and (self._kind_ends_near(doc, after + 1)
                                                        or key.startswith(self._party_tuple, after + 1)):
            return True   # 機電工程署、公司註冊處; 文化局、警方
        before = start
        if before > 0 and key[before - 1] in PUBLIC_JOINERS and before >= 2 \
                and (self._ends_like_body(key[:before - 1]) or key.endswith(self._party_tuple, 0, before - 1)) \
                and doc.ends_token(before - 1):
            return True
        if key.endswith(self._public_cues, 0, start):
            return True
        if key[after:after + 1] in QUOTE_OPENERS and any(
                c in QUOTE_CLOSERS for c in key[after + 2:after + 2 + MAX_OWNED_NAME]):
            return True   # 林業署「綠野通」: a body names the scheme or app it runs
        linked = k
        if k + 1 < len(tokens) and tokens[k].start == after and len(tokens[k].word) == 1 \
                and tokens[k].pos in ACT_LINK_POS:
            linked = k + 1   # 運輸署 / 以 / 未能證明
        opens = start == 0 or doc.norm[start - 1] in BODY_CLAUSE_OPENERS
        if opens and (dated or linked > k and tokens[linked].pos == "p" and tokens[linked].start == tokens[k].end
                      and tokens[k].pos == "d"):
            return True   # 。運輸署 / 去年 / 在…, 。建築署 / 亦 / 為…: a body heading its clause, dated
                          # or with an adverb and a preposition after it, is the clause's doer
        if opens and (
                linked < len(tokens) and tokens[linked].pos in ("v", "vn")
                and tokens[linked].start == (tokens[k].end if linked > k else after)
                or self._acts_soon(doc, end)):
            return True   # (選舉管理委員會今日就事件發布: it acts a few words on)
        return False

    def _field_after_preposition(self, doc: Document, k: int, end: int) -> bool:
        """Is word k a common noun of a field (氣象, 屋宇) of two characters or more, right
        after a preposition (跟 / 氣象 / 署, 由 / 港灣 / 署)? Then no word before it can be the
        rest of an unknown name (after a verb one can: 創新 / 科技 / 署;
        at a clause's opening it is a name's cut: 。星河 / 部). Not where the two end as a
        kind of unit does (交通管理 / 處: 管理處, a unit every city has, named by no one)."""
        tok = doc.tokens[k]
        if len(tok.word) < 2 or tok.pos not in FIELD_NOUN_POS or not all(is_cjk(c) for c in tok.word):
            return False
        if doc.key[tok.start:end].endswith(self._not_public_tuple):
            return False
        prev = doc.tokens[k - 1] if k > 0 else None
        return prev is not None and prev.end == tok.start and prev.pos in FIELD_ADDRESSER_POS

    @staticmethod
    def _day_of_month_at(doc: Document, k: int, at: int) -> bool:
        """Do tokens k, k+1 read a day of the month (13 / 日, 3 / 号) starting right at `at`?"""
        tokens = doc.tokens
        return k + 1 < len(tokens) and tokens[k].start == at and tokens[k].word.isdigit() \
            and len(tokens[k].word) <= 2 and tokens[k + 1].word in DAY_OF_MONTH \
            and tokens[k + 1].start == tokens[k].end

    def _field_dated_act(self, doc: Document, k: int, end: int) -> bool:
        """Is word k a common noun of a field (關稅, 海事) of two characters or more, opening a
        clause, and does the kind after it act or speak on a day of the month right after it
        (關稅 / 廳 / 13日 / 公布, 海事 / 署 / 3号 / 表示)? A body dating what it does names itself;
        nothing before it can be the rest of a name."""
        tok = doc.tokens[k]
        if len(tok.word) < 2 or tok.pos not in FIELD_NOUN_POS or not all(is_cjk(c) for c in tok.word):
            return False
        if not (tok.start == 0 or doc.norm[tok.start - 1] in BODY_CLAUSE_OPENERS):
            return False
        j = doc.token_index_from(end)
        if not self._day_of_month_at(doc, j, end):
            return False
        at = doc.tokens[j + 1].end
        return doc.key.startswith(self._speech_tuple, at) or doc.key.startswith(self._public_acts, at)

    @staticmethod
    def _field_opens_clause(doc: Document, k: int) -> bool:
        """Is word k a field of activity (運輸, 測繪: a verbal noun, never a name's word like
        星河), of two characters or more, opening a clause (text start or a mark before it)?"""
        tok = doc.tokens[k]
        return (len(tok.word) >= 2 and tok.pos in FIELD_OPENER_POS
                and (tok.start == 0 or doc.norm[tok.start - 1] in BODY_CLAUSE_OPENERS))

    def _ends_like_body(self, word: str) -> bool:
        """Does a kind of body end the word (保安局, 監理司), not a company or a lawsuit (公司, 官司)?"""
        return word.endswith(self.public_kinds) and not word.endswith(self._not_public_endings)

    def _kind_ends_near(self, doc: Document, at: int) -> bool:
        """Does a word ending with a kind of body end within a few words after `at`?"""
        k = doc.token_index_from(at)
        for t in doc.tokens[k:k + 4]:
            if self._ends_like_body(t.word) and doc.key[t.end - 1:t.end + 1] not in self.not_public:
                return True
            if not is_cjk(t.word[0]):
                return False
        return False

    @staticmethod
    def _abbreviated_body(doc: Document, table: EntityTable, start: int, end: int) -> Entity | None:
        """The one organisation named in full in the text whose name this one shortens:
        its characters in order, the same last one, and more of them."""
        short = doc.key[start:end]
        if not short:
            return None
        # (only entities with a name read that holds its first character and ends as it
        # does can: from the table's index of names, not every mention of every entity)
        # A second one settles it (none): stop there, not after every name of the kind
        # (交易委員會 alone is in order in each of thousands of XY交易委員會).
        found, seen = None, set()
        for name, named in table.forms(doc.key).holding(short[0], short[-1]):
            if len(name) <= end - start or not in_order(short, name):
                continue
            for i in named:
                if i in seen:
                    continue
                seen.add(i)
                ent = table.by_id[i]
                if any(b - a > end - start and doc.key[b - 1] == short[-1] and in_order(short, doc.key[a:b])
                       and not (a <= start < b) for a, b in ent.mentions):
                    if found is not None:
                        return None
                    found = ent
        return found

    def _add_public_body(self, doc: Document, table: EntityTable, claimed: dict, start: int, end: int,
                         entry=None) -> bool:
        if any(p in claimed for p in range(start, end)):
            return False
        if doc.key[start] in POST_JOINERS and doc.key.endswith(self.title_forms, 0, start):
            return False   # 監事會主席暨執行委員會副主席: 暨 joins two posts of one person, no body's name
        if region_by_compass(doc.key[start:end]):
            return False   # 法國東北部, 西半部及東北部: a part of a place named by its compass points
        known = table.covering(start, start + 1)
        if known is not None and known.has(start, end):
            return False   # found by another rule already: its reading stands
        inside = list({ent.id: ent for p in range(start, end)
                       if (ent := table.covering(p, p + 1)) is not None}.values())
        for ent in inside:
            if any(a < start or b > end or ent.kb and not (
                    b == end and doc.key[a - 1:a] in PUBLIC_JOINERS and a > start)
                   for a, b in table.overlapping(ent, start, end)):
                return False   # found already, or a known name inside it (not 能源及 / 水利部)
        for ent in inside:
            for a, b in table.overlapping(ent, start, end):
                table.drop_mention(ent.id, a, b)
        if entry is not None:
            table.add(entry.id, start, end, "kb-list" if entry.listed else "kb", kb=True)
            return False   # the knowledge base's name: its other mentions are the gazetteer's
        table.add(name_id(doc.text[start:end]), start, end, "government")
        return True

    def _public_recurrences(self, doc: Document, table: EntityTable, claimed: dict, name: str) -> None:
        """The body named again (機電工程署 … 機電工程署): where the words start and end
        the same way (or the head's title is glued on)."""
        text = doc.text
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if doc.starts_token(at) and (doc.ends_token(end) or doc.key.startswith(PUBLIC_TITLE_TAIL, end)) \
                    and table.covering(at, end) is None and not any(p in claimed for p in range(at, end)):
                table.add(name_id(name), at, end, "government")
            at = text.find(name, end)

    def _body_middle(self, tok) -> bool:
        """Can this word stand between a place and a body's last word (導航, 產業, 新)?"""
        if tok.pos not in BODY_MIDDLE_POS or tok.word in self.stop and tok.pos != "a":
            return False   # (新 of 中国新就业形态研究中心 describes the field)
        if tok.word.endswith(self.body_endings) or tok.word in self.suffix_or_industry - self.industry \
                or tok.word in self.kind_words:
            return False   # 江西保監局指導省保險行業協會, 美國非營利組織恆星…: another body, or a kind
        return not tok.pos.startswith("v") or tok.pos == "vn" or (
            len(tok.word) >= 2 and tok.word not in self.body_clause_verbs)

    def _tagged_bodies(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """民航總局, 全國政協, 中汽協, 聯合國安理會: a word the segmenter's dictionary tags as
        an organisation and that ends like a public body names one, with no place before it,
        when it is national or ends like a national body (not 人民法院, 國家機關 or 衛生局,
        which are kinds of body)."""
        for _, tok in doc.tokens.where(tags=NT_TAG):
            deadline.check("organizations")
            word = tok.word
            if len(word) < 3 or word in self.generic_bodies or not word.endswith(self.body_endings):
                continue
            if not (word.startswith(self.national_openers) or word.endswith(self.national_endings)):
                continue   # 衛生局, 高級法院: a kind of local body, named only with its place
            if table.covering(tok.start, tok.end) is None:
                self._add_institution(doc, table, claimed, tok.start, tok.end)

    def _national_field_start(self, doc: Document, i: int) -> int | None:
        """國家 / 技術標準 / 院, 國家 / 情報 / 院: where a nation's word opens the field nouns
        (one to MAX_NATIONAL_FIELD_WORDS of them, no kind of body among them) right before token
        i's kind; None when no such opening."""
        tokens = doc.tokens
        k, at, words = i - 1, tokens[i].start, 0
        while k >= 0 and words < MAX_NATIONAL_FIELD_WORDS:
            t = tokens[k]
            if t.end != at or t.pos not in FIELD_NOUN_POS or not all(is_cjk(c) for c in t.word) \
                    or self._national(t.word) or t.word in self.kind_words or t.word in self.stop \
                    or self._ends_like_body(t.word):
                break
            at, words, k = t.start, words + 1, k - 1
        if words and k >= 0 and tokens[k].end == at and tokens[k].word in NATIONAL_WORDS:
            return tokens[k].start
        return None

    def _national(self, word: str) -> bool:
        """国家, 国家广播, 全国: a word that opens with a national body's opener of two
        characters or more (not 中, which opens too many words)."""
        return any(word.startswith(o) for o in self.national_openers if len(o) >= 2 and o in NATIONAL_PLACES)

    def _add_institution(self, doc: Document, table: EntityTable, claimed: dict, start: int, end: int) -> None:
        if any(p in claimed for p in range(start, end)):
            return
        known = table.covering(start, end)
        if known is not None:
            head_end = table.first_end(known, start, below=end)
            if head_end is None or table.covering(head_end, end) is not None:
                return
            table.drop_mention(known.id, start, head_end)   # 歐盟 of 歐盟普通法院: the body is the court
        table.add(name_id(doc.text[start:end]), start, end, "government")

    def _publications(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """內地傳媒《晚點》報道, 《財富》雜誌, 《財富》執行長: a short title in 《》 that a
        word for the media opens or a report, a kind of publication or a job title
        closes is a publication, an organisation (the knowledge base's, if it knows
        the name: 晚點 is LatePost)."""
        if "《" not in doc.key:
            return
        by_span = {(m.start, m.end): m for m in doc.layers["gazetteer"]}
        for m in PUBLICATION.finditer(doc.key):
            deadline.check("organizations")
            start, end = m.start() + 1, m.end() - 1
            if not (doc.key.endswith(self.media_before, 0, m.start())
                    or doc.key.startswith(self.media_after, m.end())):
                continue
            if table.covering(start, end) is not None or any(p in claimed for p in range(start, end)):
                continue
            known = by_span.get((start, end))
            orgs = known.of_kind("organization") if known is not None else []
            if known is not None and not orgs:
                continue   # 《原神》: a product the knowledge base knows
            table.add(orgs[0].id if orgs else name_id(doc.text[start:end]), start, end, "org-cue",
                      kb=bool(orgs))

    def _placed_media_outlets(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """陸媒觀察者網近日報導, 據官媒新華社: a name that ends like an outlet right after a word
        for a place's or the state's media is that outlet, where the name ends at a word's end."""
        if "媒" not in doc.key:
            return
        for m in PLACED_MEDIA_OUTLET.finditer(doc.key):
            deadline.check("organizations")
            start, end = m.span(1)
            if not doc.ends_token(end) or table.covering(start, end) is not None \
                    or any(p in claimed for p in range(start, end)):
                continue
            table.add(name_id(doc.text[start:end]), start, end, "org-cue")

    def _quoted_outlets(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """紐約「星河論壇報」（Xinghe Tribune）, 《8星河新闻网》早前报道, 据《星河日报》: a title
        in quote marks that ends like a news outlet (報, 新聞網, 週刊, 電視台) is the outlet
        where the text shows it is one: a Latin gloss after it, a report or a reader of it
        after it (a word for when it came out between), a word before it that credits it.
        One that goes on into an app's word (「地震速報」App) is no outlet."""
        key = doc.key
        if not has_any(key, "」》”\""):
            return
        credits = doc.layers.get("credits", [])
        for m in self._quoted_outlet.finditer(key):
            deadline.check("organizations")
            start, end = m.span(1)
            if key.endswith(self._not_outlets, start, end):
                continue   # 《年度简报》指出: a document, no outlet
            after = m.end()
            while after < len(key) and key[after] == " ":
                after += 1
            if key.startswith(self._outlet_not_after, after):
                continue
            time = REPORT_TIME.match(key, after)
            said = time.end() if time else after
            gloss = BRACKETED_LATIN.match(doc.norm, m.end())
            if not (gloss is not None and LETTERS.search(gloss.group(1))
                    or key.startswith(self._outlet_reports, said)
                    or key.endswith(self._outlet_cues, 0, m.start())):
                continue
            if table.covering(start, end) is not None or any(p in claimed for p in range(start, end)) \
                    or any(s <= start < e for s, e in credits):
                continue
            table.add(name_id(doc.text[start:end]), start, end, "org-cue")

    def _described_names(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """研調機構IDC, 市调机构Canalys: a name right after a word that says what
        kind of organisation follows (the name alone may be ambiguous: IDC)."""
        for after in _offsets_after(doc.key, self.descriptors):
            if not table.covering(after, after + 1):
                self._appositive(doc, after, table, claimed, places=True)

    def _latin_after_descriptors(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """韓國IC設計業者DeepX, 另一家業者Mobilint: a Latin name right after a word for
        a kind of business."""
        norm = doc.norm
        for _, _, after in self._latin_descriptor_finder.find_matches_as_indexes(doc.key):
            deadline.check("organizations")
            after += norm[after:after + 1] == " "   # 航空企業 Prestige Aviation
            if not norm[after:after + 1].isascii() or not norm[after:after + 1].isalnum():
                continue
            m = LATIN_NAME.match(doc.norm, after) or LATIN_LOWER_NAME.match(doc.norm, after)
            if m and (m.group().split(" ")[0].lower() in self.kb.titles
                      or not LETTERS.search(m.group())
                      or all(w.lower() in self.generic for w in m.group().split(" "))):
                continue   # 公司CEO, 企業AI需求, 公司2021年: a title, a field or a year, no name
            if m and (LATIN_NAME_RUNS_ON.match(norm, m.end()) or m.group().rstrip().endswith("-")):
                continue   # Free- scale, FläktGroup, Floor & Decor: the name runs on past the match
            if m and not table.covering(m.start(), m.end()) and m.start() not in claimed:
                self._add_latin_appositive(doc, table, m)

    def _reported_by(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """根據ZDNet Korea報導, 据Canalys数据: a Latin name between 根據 and 報導 (or
        数据, 指出) is the outlet or firm the news comes from."""
        for m in REPORTED_BY.finditer(doc.key):
            deadline.check("organizations")
            start, end = m.span(1)
            name = doc.text[start:end].strip()
            end = start + len(name)
            if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            table.add(name_id(name), start, end, "appositive")

    def _credited_outlets(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """綜合法新社和路透社報導, 据中新网报道: names that end like a news outlet (社, 網,
        新聞, 日報, 電視台), between 據 / 綜合 and 報導, are outlets the story credits. A
        descriptor before one (外媒, 官方媒體, a place) is not part of its name, and
        a generic word (外電, 新聞) names none."""
        key = doc.key
        if not ("据" in key or "综合" in key) or not ("报" in key or "消息" in key):
            return
        for m in CREDITED_OUTLETS.finditer(doc.key):
            deadline.check("organizations")
            lo, hi = m.span(1)
            pieces, at = [], lo
            for j in OUTLET_JOINERS.finditer(doc.key, lo, hi):
                pieces.append((at, j.start()))
                at = j.end()
            pieces.append((at, hi))
            self._add_outlets(doc, table, claimed, pieces)

    def _interviewing_outlets(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """向星河新闻记者透露, 接受青禾日报采访, 对远峰卫视表示: a name that ends like a news
        outlet, which a source tells or is interviewed by, is that outlet (a place or a
        media word before it trimmed as for a credited one; 该报, 本网 name none)."""
        key = doc.key
        if "记者" not in key and "采访" not in key and "表示" not in key and "透露" not in key:
            return
        for m in INTERVIEWING_OUTLET.finditer(key):
            deadline.check("organizations")
            self._add_outlets(doc, table, claimed, [m.span(1)])

    def _add_outlets(self, doc: Document, table: EntityTable, claimed: dict, pieces) -> None:
        """Each (start, end) an outlet's name, less a media word or place before it."""
        for start, end in pieces:
            lead = MEDIA_DESCRIPTOR.match(doc.key, start, end)
            start = lead.end() if lead else start   # 外媒 / 官方媒體 before the name
            whole = start
            for tok in tokens_in(doc, start, end):
                if tok.start < start or tok.end >= end:
                    break
                word = tok.word.lower()
                place = tok.pos == "ns" and self.in_dictionary(tok.word)
                if word in self.generic or place:
                    start = tok.end   # 台灣 before the outlet's name
                else:
                    break
            if BARE_OUTLET.fullmatch(doc.key, start, end):
                start = whole   # 南嶺電視台: a place's broadcaster keeps its place
            if end - start < 3 or doc.key[start:end] in self.generic:
                continue   # 外電, 新聞: no outlet's name
            if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            table.add(name_id(doc.text[start:end]), start, end, "appositive")

    def _governs(self, word: str) -> str:
        """The government ending the word has ('' for none)."""
        if not word.endswith(self._government_tuple):   # one C call; most words end in none
            return ""
        ending = next((e for e in self.government if word.endswith(e)), "")
        # 非政府 (組織): "non-governmental", no government (南非 / 政府 is two words)
        return "" if ending and word[:-len(ending)] == NOT_A else ending

    def _starts_with_place(self, stem: str) -> bool:
        """Does a place start the word (美國 of 美國能源, which is one word)?"""
        for n in range(2, min(len(stem), MAX_PLACE) + 1):
            tokens = self.segmenter.tag(stem[:n])
            if len(tokens) == 1 and tokens[0].pos == "ns":
                return True
        return False

    def _add_latin_appositive(self, doc: Document, table: EntityTable, m) -> None:
        """The Latin name m matched after a descriptor, less a number opening a date after it
        (SemiAnalysis 7月); none where what is left is a software noun (钛媒体App / 10月20日消息:
        the outlet's app, no firm's name)."""
        name = without_date_number(doc.key, m.start(), doc.text[m.start():m.end()].strip())
        if name.lower() not in self.kb.lex["software_nouns"]:
            table.add(name_id(name), m.start(), m.start() + len(name), "appositive")

    def _appositive(self, doc: Document, after: int, table: EntityTable, claimed: dict,
                    places: bool = False) -> None:
        """新創公司Arbor Labs, 初創公司深瞳智元: a name right after a generic
        descriptor, Latin or written with words the dictionary lacks."""
        m = LATIN_NAME.match(doc.norm, after + (doc.norm[after:after + 1] == " "))
        if m and doc.key[m.start():m.end()].strip() in self.kb.titles:
            return   # 生活服務公司CEO林某: a title written in Latin after the descriptor, no name
        if m and not table.covering(m.start(), m.end()) and m.start() not in claimed:
            self._add_latin_appositive(doc, table, m)
            return
        end = after
        i = doc.token_index_at(after)
        taken = 0
        while (i < len(doc.tokens) and taken < MAX_APPOSITIVE_TOKENS and doc.tokens[i].start == end
               and doc.key[end:end + 1] and not doc.key[end].isascii()):
            tok = doc.tokens[i]
            if not all(is_cjk(c) for c in tok.word):
                break
            industry = tok.word in self.industry and taken > 0
            # After a named kind of organisation a place-tagged word is its name (主權基金淡馬錫).
            if not (industry or tok.pos in PROPER_POS or not self.in_dictionary(tok.word)
                    or places and tok.pos == "ns" and taken == 0):
                break
            end, taken, i = tok.end, taken + 1, i + 1
        if end - after >= 2 and not table.covering(after, end) and not any(
                p in claimed for p in range(after, end)):
            table.add(name_id(doc.text[after:end]), after, end, "appositive")

    def _match_sides(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """青川队vs白塔队, 临江vs东岭: the two sides of a fixture written with vs are teams,
        organisations, both or neither: neither when the two are one word, when no side is a
        name (人类vs机器), when both are a person's name (张伟vs李明: a debate, a bout: one side
        that is none makes the other a team too, 巴萨vs赫塔菲), or when a side is a product or
        cuts a name found already; neither when a side holds a person's title (市议员王某vs局长
        李某: two officials set against each other in a debate, no fixture)."""
        if "vs" not in doc.key:
            return
        titles = self.title_forms + self.legislature_members
        for m in MATCH_VS.finditer(doc.key):
            sides = (self._trim_opener(doc, self._side_before(doc, m.start(), self._side_word)),
                     self._side_after(doc, m.end()))
            if None in sides or doc.key[slice(*sides[0])] == doc.key[slice(*sides[1])]:
                continue   # (“王牌vs王牌”: one word set against itself names no two sides)
            if any(self._titled_side(doc, s, e, titles) for s, e in sides):
                continue
            toks = [[t for t in tokens_in(doc, s, e) if t.word.strip()] for s, e in sides]
            if all(self._chinese_person(ts) for ts in toks) or not any(self._side_names(ts) for ts in toks) or any(
                    self._not_a_side(table, claimed, s, e) for s, e in sides):
                continue
            for s, e in sides:
                table.add(name_id(doc.text[s:e]), s, e, "match-side")

    @staticmethod
    def _titled_side(doc: Document, s: int, e: int, titles) -> bool:
        """Does a side hold a person's title as whole words (局长 / 李某), not the characters of
        one across two words of a name (杭州 / 长岭 holds 州长: a club's name, no title)?"""
        key = doc.key
        for t in titles:
            at = key.find(t, s, e)
            while at >= 0:
                if doc.starts_token(at) and (at + len(t) == e or doc.starts_token(at + len(t))):
                    return True
                at = key.find(t, at + 1, e)
        return False

    def _home_away_teams(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """青川主场不败, 白塔队客场告捷: a name of proper-noun words (or words no dictionary has)
        right before 主场 or 客场 is a team playing at home or away; a person's name alone is
        not (a player's home game), nor a claimed span or one cutting a name found."""
        if "主场" not in doc.key and "客场" not in doc.key:
            return
        for m in HOME_AWAY.finditer(doc.key):
            side = self._trim_opener(doc, self._side_before(doc, m.start(), self._team_word))
            if side is None:
                continue
            toks = [t for t in tokens_in(doc, *side) if t.word.strip()]
            if self._player(doc, toks) or not self._side_names(toks) \
                    or self._not_a_side(table, claimed, *side):
                continue
            table.add(name_id(doc.text[slice(*side)]), *side, "home-away")

    def _leagues(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """英超, 德甲, 欧冠: a league's short name (a place's abbreviation and a tier, from the
        lexicon) is an organisation where the segmenter's word starts with it and holds nothing
        else but a league's words (LEAGUE_TAILS), not inside another word (物美超市, 其中甲方)
        nor across two (2日 / 超强台风),
        nor a claimed span or one cutting a name found."""
        for m in self.league_short.finditer(doc.key):
            start, end = m.span()
            tok = doc.tokens[doc.token_index_at(start)]
            if tok.start != start or tok.end < end or doc.key[end:tok.end] not in LEAGUE_TAILS \
                    or self._not_a_side(table, claimed, start, end):
                continue
            table.add(name_id(doc.text[start:end]), start, end, "league")

    def _clubs_by_match_words(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """负于卡洛维茨, 白塔斯上轮客胜: one name word (CLUB_NAME_POS) that reads as a
        transliteration, right after a match verb or right before one or a round's word, is a
        club where the text speaks of team sport (CLUB_SPORT_WORDS); not a known person's name
        nor a surname-shaped one (击败张伟), nor a claimed span or one cutting a name found."""
        key = doc.key
        if HAS_CLUB_SPORT_WORD(key) is None:
            return
        toks = doc.tokens
        starts, ends = toks.starts, toks.ends
        # The tokens whose word is a match verb or a round's word, found by one C-level
        # scan of the key (kept where a token spans the hit exactly), in text order: no
        # Token built for the thousands of other words.
        hits = set()
        for _, at, end in CLUB_WORD_FINDER.find_matches_as_indexes(key, overlapping=True):
            i = doc.token_index_from(at)
            if i < len(starts) and starts[i] == at and ends[i] == end:
                hits.add(i)
        for i in sorted(hits):
            tok = toks[i]
            word = key[tok.start:tok.end]
            if word in HOME_AWAY_WORDS and i + 2 < len(toks) and toks[i + 1].word == FACING_WORD:
                # (白塔主场对青川: the club it faces at home or away)
                self._club_word(doc, table, claimed, toks[i + 2], toks[i + 3] if i + 3 < len(toks) else None)
            if word in CLUB_VERBS_AFTER and i + 1 < len(toks):
                self._club_word(doc, table, claimed, toks[i + 1], toks[i + 2] if i + 2 < len(toks) else None)
            if word in CLUB_WORDS_BEFORE and i > 0:
                if word in CLUB_OUTCOME_WORDS and toks[i - 1].pos == "nz" and not self._transliterated(toks[i - 1].word):
                    continue
                self._club_word(doc, table, claimed, toks[i - 1], toks[i - 2] if i > 1 else None)

    def _name_goes_on(self, tok) -> bool:
        """Is the word beyond a club's name more of the name the segmenter cut (维 / 斯塔尔,
        阿尔梅 / 利亚): a name word, or one transliteration character alone? 人 after it makes
        a people's name (看好巴斯克人), no club's either."""
        return tok is not None and (tok.pos in CLUB_NAME_POS or tok.word == PEOPLE_WORD
                                    or len(tok.word) == 1 and tok.word in self.transliteration_chars)

    def _club_word(self, doc: Document, table: EntityTable, claimed: dict, tok, beyond) -> None:
        word = tok.word
        if self._name_goes_on(beyond) or tok.pos not in CLUB_NAME_POS or not 2 <= len(word) <= MAX_SIDE or not all(is_cjk(c) for c in word) \
                or self._player(doc, [tok]) or self._not_a_side(table, claimed, tok.start, tok.end):
            return
        table.add(name_id(doc.text[tok.start:tok.end]), tok.start, tok.end, "match-club")
        i = doc.token_index_at(tok.start)
        for step in (-1, 1):   # its list mates: one name word each across a joiner
            j = i
            for _ in range(MAX_CLUB_MATES):
                k = j + 2 * step
                if not 0 <= k < len(doc.tokens) or doc.tokens[j + step].word not in CLUB_JOINERS:
                    break
                mate = doc.tokens[k]
                if mate.pos not in CLUB_NAME_POS or not 2 <= len(mate.word) <= MAX_SIDE \
                        or not all(is_cjk(c) for c in mate.word) or self._player(doc, [mate]) \
                        or self._not_a_side(table, claimed, mate.start, mate.end):
                    break
                table.add(name_id(doc.text[mate.start:mate.end]), mate.start, mate.end, "match-club")
                j = k

    def _named_teams(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """卡洛维茨队, 白塔球队, 青川战队, 卡洛维茨96队: name words (TEAM_NAME_POS), with a club's
        number glued on, and a team word that ends a word are a team; one word of the segmenter's that ends in 队 is one when its head alone
        reads as such a name (法国队, not 国家队 or 远征队). A place alone before 球队 or 战队 is a
        kind of team (意大利球队), a person's surname-shaped name alone (张伟队) no team, nor is
        a claimed span or one cutting a name found."""
        key = doc.key
        at = key.find("队")
        while at >= 0:
            tok = doc.tokens[doc.token_index_at(at)]
            at = key.find("队", at + 1)
            if key[tok.end - 1] != "队":
                continue   # (队 inside a word: 队员, 队长)
            team = next((w for w in NAMED_TEAM_WORDS if tok.word.endswith(w)), None)
            if team is None:
                continue
            if tok.word == team:   # name words, then the team word as a word of its own
                side = self._side_before(doc, tok.start, self._side_word)
                if side is None or side[1] != tok.start:
                    continue
                # (a club's number glued to the name is no name word: 卡洛维茨96队)
                start, toks = side[0], [t for t in tokens_in(doc, *side) if t.word.strip() and not t.word.isdigit()]
            else:                  # one word: its head alone, segmented again
                head = tok.word[:-len(team)]
                if not 2 <= len(head) <= MAX_TEAM_HEAD or not all(is_cjk(c) for c in head):
                    continue
                start, toks = tok.start, list(self.segmenter.tag(head))
            if not toks or self._player(doc, toks) or not all(t.pos in TEAM_NAME_POS for t in toks) \
                    or team != "队" and all(t.pos == "ns" for t in toks) \
                    or self._not_a_side(table, claimed, start, tok.end):
                continue   # (意大利球队, 中国战队: a team of a place, a kind; 法国队 names one)
            prefix = CLUB_LETTERS.search(doc.key, max(0, start - 4), start)
            if prefix and not self._not_a_side(table, claimed, prefix.start(), start):
                start = prefix.start()   # (AC卡洛维茨队: the club's letters glued before its name)
            table.add(name_id(doc.text[start:tok.end]), start, tok.end, "named-team")

    def _player(self, doc: Document, toks) -> bool:
        """Is a side before 主场/客场 one player, not a team: one word tagged a person's name
        that is surname-shaped (张伟主场作战) or a known person's? A transliterated word the
        segmenter tags a name (西汉姆, 维拉: nrt, or nr without a surname) is a club there."""
        if not _one_person(toks):
            return False
        tok = toks[0]
        return tok.pos != "nrt" and tok.word[:1] in self.kb.surnames and not self._transliterated(tok.word) \
            or self._known_person_at(doc, tok.start, tok.end)

    def _chinese_person(self, toks) -> bool:
        """Is a fixture's side one word tagged a person's name that does not read as a
        transliteration (张伟 vs 李明 is a bout; 富勒姆 vs 西布朗 a match of clubs)?"""
        return _one_person(toks) and not self._transliterated(toks[0].word)

    def _transliterated(self, word: str) -> bool:
        """Does a name word read as a transliteration: three characters or more, and after its
        first at least two of transliteration_chars and at most one other (富勒姆, 毕尔巴鄂),
        where a Chinese name's given name seldom has two (张德华)?"""
        if len(word) < 3:
            return False
        inside = sum(c in self.transliteration_chars for c in word[1:])
        return inside >= 2 and len(word) - 1 - inside <= 1

    def _trim_opener(self, doc: Document, side: tuple[int, int] | None) -> tuple[int, int] | None:
        """A side's first word when it is a clause's word glued before the name (连胜 / 维拉主场,
        防平 / 雷吉纳主场) is no part of it: two characters the segmenter guessed a common noun
        (n, no dictionary word) or a dictionary word it tags a person's name (nr), before a
        proper-name word of two characters or more (not a team word alone: 都灵队)."""
        if side is None:
            return None
        toks = [t for t in tokens_in(doc, *side) if t.word.strip()]
        if len(toks) < 2 or len(toks[0].word) != 2:
            return side
        first, rest = toks[0], toks[1:]
        known = self.in_dictionary(first.word)
        if not (first.pos == "n" and not known or first.pos == "nr" and known):
            return side
        if side[1] - rest[0].start < 2 or not any(
                t.pos in OPENER_NAME_POS or not self.in_dictionary(t.word) for t in rest):
            return side
        return rest[0].start, side[1]

    def _team_word(self, tok) -> bool:
        return tok.word in TEAM_WORDS or tok.pos in SIDE_PROPER_POS or (
            tok.pos in SIDE_NAME_POS and not self.in_dictionary(tok.word))

    @staticmethod
    def _side_word(tok) -> bool:
        return tok.pos in SIDE_NAME_POS

    def _side_names(self, toks) -> bool:
        """A side with a proper noun's tag or a word the dictionary lacks, not one of ordinary nouns."""
        return any(t.pos in SIDE_PROPER_POS or not self.in_dictionary(t.word) for t in toks)

    @staticmethod
    def _side_before(doc: Document, end: int, name_word) -> tuple[int, int] | None:
        """The left side: the name words (name_word) that end at vs (with a club's number),
        back to a clause word; None when there are none or the run is longer than a side."""
        number = CLUB_NUMBER.search(doc.key, max(0, end - 4), end)
        end = number.start() if number else end
        start = end
        for i in token_range_back(doc, max(0, end - MAX_SIDE - 1), end):
            tok = doc.tokens[i]
            if tok.end > end:
                continue
            if not name_word(tok) or not is_cjk(tok.word[0]):
                break
            if end - tok.start > MAX_SIDE:
                return None
            start = tok.start
        if end - start < 2:
            return None
        return start, number.end() if number else end

    @staticmethod
    def _side_after(doc: Document, start: int) -> tuple[int, int] | None:
        """The right side: the name words from vs on, up to a clause word (两队, 推荐, 的)."""
        end = start
        for tok in tokens_in(doc, start, start + MAX_SIDE + 1):
            if tok.start < start:
                continue
            if tok.pos not in SIDE_NAME_POS or not is_cjk(tok.word[0]):
                break
            if tok.end - start > MAX_SIDE:
                return None
            end = tok.end
        return (start, end) if end - start >= 2 else None

    @staticmethod
    def _not_a_side(table: EntityTable, claimed: dict, start: int, end: int) -> bool:
        """A claimed span or one that cuts a name found."""
        if any(p in claimed for p in range(start, end)):
            return True
        for p in (start, end - 1):
            ent = table.covering(p, p + 1)
            if ent is not None and not ent.has(start, end):
                return True
        return False

    def _latin_names(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        if "(" in doc.norm:   # Nimbus Robotics (Malaysia) Pte. Ltd.: the company registered there
            for m in LATIN_PLACED_REGISTERED.finditer(doc.norm):
                start, end = m.span()
                if any(i in claimed for i in range(start, end)):
                    continue
                for s, e, id_ in table.within(start, end):
                    table.drop_mention(id_, s, e)   # its parent's name is not named here
                table.add(name_id(doc.text[start:end]), start, end, "suffix")
        key, suffixes = doc.key, self.latin_suffixes
        anaphor = "该" in key or "这家" in key    # what COMPANY_ANAPHOR needs: tried only then
        for m in LATIN_NAME.finditer(doc.norm):
            name = m.group()
            suffixed = " " in name and name[name.rindex(" ") + 1:].lower().rstrip(".") in suffixes
            if not suffixed and not (anaphor and _may_open_anaphor(key, m.end())):
                continue   # (most matches: no company suffix ends it, no 該公司 follows it)
            deadline.check("organizations")   # (after the skip: it costs more than the skip)
            words = name.split(" ")
            if anaphor and COMPANY_ANAPHOR.match(key, m.end()):
                # 發展氫能航空的ZeroAvia，該公司期望…: the next clause calls it a company
                if not any(i in claimed for i in range(m.start(), m.end())) \
                        and not table.covering(m.start(), m.end()):
                    table.add(name_id(m.group()), m.start(), m.end(), "appositive")
                continue
            if not suffixed:
                continue
            if all(w.lower() in self.generic for w in words[:-1]):
                continue  # AI Labs, AI Research: a kind, not a name
            if len(words) == 2 and words[1] == "AI" and words[0].lower().endswith(ADJECTIVE_ENDINGS):
                continue  # Agentic AI, Generative AI, Physical AI: a kind of AI, not a company
            start, end = m.start(), m.end()
            if any(i in claimed for i in range(start, end)) or table.covering(start, end):
                continue
            if self._modifies_noun(doc, end):
                continue  # Agentic AI晶片, Edge AI引擎: a kind of chip, not a company
            table.add(name_id(doc.text[start:end]), start, end, "suffix")

    def _listed_kinds(self, doc: Document, table: EntityTable, claimed: dict, cues: dict) -> None:
        """仁寶、耀登、稜研等30家台廠, interwetten、bet365等公司: the items of a list that
        等 and a kind of organisation close are organisations of that kind. A list of
        common words (手機、平板等品牌) is none, nor one that holds a product."""
        key = doc.key
        for m in _matches_at(key, cues.get("等", ()), self.listed_kind):
            deadline.check("organizations")
            firms = m.group("firms") is not None
            if firms and not doc.ends_token(m.end("firms")):
                continue   # 等3家具: furniture, no count of firms
            items = self._list_items(doc, m.start())
            if not items or any(p in claimed for s, e in items for p in range(s, e)):
                continue
            common = sum(1 for s, e in items if self._common_word(doc, s, e))
            if common * 2 >= len(items):
                continue   # 手機、平板等品牌: kinds of thing, not names
            for s, e in items:
                if table.covering(s, e) or self._common_word(doc, s, e) \
                        or firms and any(t.pos == "ns" for t in tokens_in(doc, s, e)):
                    continue
                table.add(name_id(doc.text[s:e]), s, e, "org-list")

    def _counted_kinds(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """哈弗、魏牌、歐拉、長城皮卡和坦克五大品牌: a list that a count and a kind of
        organisation close holds organisations of that kind when the count is the
        number of its items; a dictionary word among them (坦克) is one too, so long as
        most are not."""
        key = doc.key
        for m in self._counted_kind_matches(key):
            deadline.check("organizations")
            items = self._list_items(doc, m.start())
            if items and key[items[0][1] - 1] == "等" and items[0][1] - items[0][0] > 2:
                items[0] = _trimmed(key, items[0][0], items[0][1] - 1)   # 甲、乙和丙等三家公司: 等 closes the list
            if len(items) != COUNTS[m.group(1)] or any(p in claimed for s, e in items for p in range(s, e)):
                continue
            common = sum(1 for s, e in items if self._common_word(doc, s, e))
            if common * 2 >= len(items):
                continue   # 手機、平板和電腦三大品牌: kinds of thing, not names
            for s, e in items:
                if not table.covering(s, e):
                    table.add(name_id(doc.text[s:e]), s, e, "org-list")

    def _counted_kind_matches(self, key: str) -> Iterator:
        """counted_kind.finditer(key), tried only where its count and 大/家/个 stand (found in
        C; two such openings never overlap), each match's end passed as finditer would."""
        last = 0
        for opening in COUNTED_KIND_START.finditer(key):
            if opening.start() >= last and (m := self.counted_kind.match(key, opening.start())) is not None:
                last = m.end()
                yield m

    def _listed_with_orgs(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """宁德时代、比亚迪、中创新航: a Chinese name listed by 、 beside two or more
        organisations is one too; not the list's first item (its clause's words may open
        it), nor a dictionary word, a place, a person's name or a product."""
        key = doc.key
        pos = key.find("、")
        if pos < 0:
            return
        glosses = [m.span() for m in LISTED_GLOSS.finditer(key)] if "(" in key else []
        if glosses:   # 大福（Daifuku）、夏普（Sharp）: each item read without its Latin gloss
            chars = list(key)
            for a, b in glosses:
                chars[a:b] = " " * (b - a)
            key = "".join(chars)
        longer = _NamePrefixes(doc.key, table)   # 現觀 -> 現觀科: built when an item first asks
        while pos >= 0:
            deadline.check("organizations")
            # the list's reach: back to just after the last stop within MAX_LIST_SPAN, on
            # to the first stop within it (one scan each in C, not a step per character)
            lo = max(0, pos - MAX_LIST_SPAN)
            last = LIST_LAST_STOP.match(key, lo, pos)   # (through the last stop: one match, from the end back)
            if last is not None:
                lo = last.end()
            stop = LIST_STOP.search(key, pos, pos + MAX_LIST_SPAN)
            hi = stop.start() if stop else min(len(key), pos + MAX_LIST_SPAN)
            self._org_list_segment(doc, table, claimed, lo, hi, longer, key, glosses)
            pos = key.find("、", hi)

    def _org_list_segment(self, doc: Document, table: EntityTable, claimed: dict, lo: int, hi: int,
                          longer: _NamePrefixes, key: str, glosses: list[tuple[int, int]]) -> None:
        """key: the key view with the list items' Latin glosses blanked out."""
        at = table._at
        if sum(map(at.__contains__, range(lo, hi))) < 2:   # (counted in C, not a generator's steps)
            return   # each item it knows holds a mention's character: it needs two
        cuts = [m.start() for m in LIST_CUT.finditer(key, lo, hi)
                if key[m.start()] == "、" or self._joiner_token(doc, m.start())]
        if not cuts:
            return
        bounds = [lo] + [c + 1 for c in cuts]
        ends = cuts + [hi]
        items = [_trimmed(key, a, b) for a, b in zip(bounds, ends)]
        known = sum(1 for n, (a, b) in enumerate(items) if self._mention_spans(table, a, b)
                    or n == 0 and b > a and self._mention_ends_at(table, b))   # 分別為寧德時代、…
        marks = [g for g, _ in glosses if lo <= g < hi]   # (a glossed item's gloss starts inside it or at its end)
        glossed = {n for n, (a, b) in enumerate(items) if any(a < g <= b for g in marks)}
        if known < 2 and not (known >= 1 and len(glossed) >= 2):
            if known == 1:
                self._same_place_items(doc, table, claimed, items)
            return   # (beside one known organisation, items glossed with Latin names are names too)
        only_glossed = known < 2
        for n, (a, b) in enumerate(items):
            if only_glossed and n not in glossed:
                continue
            if n == 0 and n in glossed and b > a:   # 還包括大福（Daifuku）: the name after the clause's words
                first = left_name_tokens(doc, doc.token_index_at(b - 1) + 1, self.stop)
                if first is None or first <= a or doc.tokens[doc.token_index_at(first - 1)].pos[:1] != "v":
                    continue
                a, n = first, -1
            if n == len(items) - 1:
                while b - a > 2 and key[b - 1] == "等":
                    b -= 1   # 南大光電、凱世通等。: 等 closes the list, no part of its last name
                a, b = _trimmed(key, a, b)   # (and the blanked gloss before 等)
            placed = self._placed_item(doc, a, b)   # 深圳新凱萊, 青島芯恩: a city and a trade name
            if n == 0 or n < 0 and not 2 <= b - a <= 5 or n > 0 and not 2 <= b - a <= (MAX_PLACED_ITEM if placed else 5) \
                    or not all(is_cjk(ch) for ch in key[a:b]):
                continue
            if n == len(items) - 1 and b < hi and key[b:hi].strip("等 ") != "":
                continue   # the last item runs on into the clause (…和中創新航合作)
            if table.covering(a, b) or any(p in claimed for p in range(a, b)) \
                    or self._common_word(doc, a, b) or not placed and self._person_shaped(doc, a, b) \
                    or key[a:b] in self.generic or not placed and any(t.pos == "ns" for t in tokens_in(doc, a, b)):
                continue
            owner = longer.get(key[a:b])
            if owner is not None and owner in table.by_id:   # 現觀 after 現觀科 elsewhere: its short form
                table.add(owner, a, b, "org-list")
                continue
            table.add(name_id(doc.text[a:b]), a, b, "org-list")

    def _same_place_items(self, doc: Document, table: EntityTable, claimed: dict,
                          items: list[tuple[int, int]]) -> None:
        """浙江银行、浙江电力、浙江交投: items that each open with the place word (a word
        tagged a place, two characters or more) that opens the one organisation the text
        names among them (in its characters: 浙江银行 may be one word) are that place's organisations, two more of them at least: a list
        of one province's firms or offices. Each is the place and one word of two to four
        Han characters (no place, no person's name; the last item may run on into its
        clause: …、浙江交投相關負責人)."""
        key = doc.key
        def place_and_word(a: int, b: int):
            toks = [t for t in tokens_in(doc, a, b) if t.word.strip()]
            if len(toks) < 2 or toks[0].start != a or toks[0].pos != "ns" or len(toks[0].word) < 2:
                return None
            return toks[0].word, toks[1]
        known = [(a, b) for a, b in items if self._mention_ends_at(table, b)]
        if len(known) != 1:
            return
        ka, kb = known[0]
        ent = table.covering(kb - 1, kb)
        ms = next((a for a, b in ent.mentions if b == kb and a >= ka), None)
        if ms is None:
            return
        name = key[ms:kb]   # (广东电信 may be one dictionary word: the place read by its characters)
        found = []
        last = len(items) - 1
        for n, (a, b) in enumerate(items):
            if (a, b) == known[0]:
                continue
            got = place_and_word(a, b)
            if got is None or not (name.startswith(got[0]) and len(name) >= len(got[0]) + 2):
                continue
            word = got[1]
            if word.start != a + len(got[0]) or not 2 <= len(word.word) <= 4 or word.end != b and n != last \
                    or not all(is_cjk(ch) for ch in word.word) or word.pos == "ns" or word.pos in PERSON_TAGS \
                    or table.covering(a, word.end) or any(p in claimed for p in range(a, word.end)):
                continue
            found.append((a, word.end))
        if len(found) < 2:
            return
        for a, b in found:
            table.add(name_id(doc.text[a:b]), a, b, "org-list")

    def _placed_item(self, doc: Document, a: int, b: int) -> bool:
        """Is a list item a city (a place word of two characters or more) and then a
        name of two characters or more that no dictionary word or place makes up
        (深圳 / 新凱萊, 青島 / 芯恩), as mainland lists write a company's short name?"""
        toks = [t for t in tokens_in(doc, a, b) if t.word.strip()]
        if len(toks) < 2 or toks[0].start != a or toks[0].pos != "ns" or len(toks[0].word) < 2:
            return False
        rest = toks[1:]
        return b - rest[0].start >= 2 and not any(t.pos == "ns" for t in rest) \
            and not (len(rest) == 1 and self.in_dictionary(rest[0].word) and rest[0].pos not in PERSON_TAGS)

    @staticmethod
    def _mention_ends_at(table: EntityTable, pos: int) -> bool:
        ent = table.covering(pos - 1, pos)
        return ent is not None and table.ends_at(ent, pos)

    @staticmethod
    def _mention_spans(table: EntityTable, start: int, end: int) -> bool:
        ent = table.covering(start, end)
        return ent is not None and ent.has(start, end)

    def _cue_words(self, key: str) -> dict[str, list[int]]:
        """Where each cue word of the rules below starts (one Aho-Corasick pass)."""
        found: dict[str, list[int]] = {}
        for index, start, _ in self._cue_finder.find_matches_as_indexes(key, overlapping=True):
            found.setdefault(self._cue_list[index], []).append(start)
        return found

    def _branches(self, doc: Document, table: EntityTable, claimed: dict, cues: dict) -> None:
        """青禾銀行台北分行, 星辰集團北京分公司, 交通銀行信用卡中心: an organisation's name,
        perhaps its dropped 集團, a place or name of at most a few words, then a word
        for a branch name a branch, an organisation of its own."""
        key = doc.key
        branch_starts = sorted(at for w in self.branch_words for at in cues.get(w, ()))
        if not branch_starts:
            return
        for ent in list(table.by_id.values()):
            for start, end in list(ent.mentions):
                deadline.check("organizations")
                i = bisect.bisect_left(branch_starts, end)
                if i == len(branch_starts) or branch_starts[i] >= end + MAX_BRANCH_REACH:
                    continue   # no branch word within reach
                at = end
                dropped = next((w for w in self.dropped if key.startswith(w, at)), "")
                at += len(dropped)
                stop = self._branch_end(doc, at)
                if stop is None or any(p in claimed for p in range(end, stop)) \
                        or table.covering(end, stop) or ent.id not in table.by_id:
                    continue
                table.drop_mention(ent.id, start, end)
                table.add(name_id(doc.text[start:stop]), start, stop, "suffix")

    def _branch_end(self, doc: Document, at: int) -> int | None:
        """Where a branch's name ends, when one starts at `at` (台北分行, 分公司)."""
        key = doc.key
        i, taken = doc.token_index_at(at), 0
        while True:
            word = next((w for w in self.branch_words if key.startswith(w, at)), None)
            if word is not None:
                return at + len(word)
            if taken == MAX_BRANCH_PLACE_TOKENS or i >= len(doc.tokens):
                return None
            tok = doc.tokens[i]
            if tok.start != at or not all(is_cjk(c) for c in tok.word) or not (
                    tok.pos in ("ns", "nz", "nt", "j") or not self.in_dictionary(tok.word)):
                return None
            at, taken, i = tok.end, taken + 1, i + 1

    def _named_sources(self, doc: Document, table: EntityTable, claimed: dict, cues: dict) -> None:
        """據財聯社消息, 據手機中國了解: a name between 據 and 消息 (報導, 了解) is the outlet
        the news comes from; not a kind of source (據外媒報導, 據業內人士透露, 據美國媒體
        消息), a pronoun's (據其了解), a common word or a person's name."""
        for m in _matches_at(doc.key, cues.get("据", ()), SOURCE_OF_NEWS):
            deadline.check("organizations")
            start, end = m.span(1)
            name = doc.key[start:end]
            lead = MEDIA_LEAD.match(name)
            if lead is not None and end - start - lead.end() >= 2:
                start += lead.end()   # 據陸媒第一財經報導: the outlet after a place's media word
                if not doc.starts_token(start) or doc.tokens[doc.token_index_at(start)].pos[:1] == "t" \
                        or REPORT_TIME.match(doc.key, start):
                    continue   # 據韓媒去年底報導: when it reported, no outlet
                name = doc.key[start:end]
            if name.endswith(tuple(self.source_generic)) or name.startswith(tuple(self.source_openers)) \
                    or MEDIA_DESCRIPTOR.fullmatch(name):
                continue   # (據美媒報導, 據台媒消息: a place's media, a kind of source)
            if self._common_word(doc, start, end) and not (
                    end - start >= 3 and name.endswith(MEDIA_ENDINGS)) or self._person_shaped(doc, start, end):
                continue   # (環球網, a dictionary word, is an outlet by its ending)
            if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            if name.endswith(tuple(self.unit_nouns)) and all(
                    self.in_dictionary(t.word) and t.pos not in PROPER_POS for t in tokens_in(doc, start, end)):
                continue   # 據工程團隊了解: a team of some company, named by its work, is no outlet
            if doc.key.startswith(PUBLISHED, m.end() - 2) and (
                    name.endswith(KIND_OF_SOURCE) or name.endswith(tuple(self.generic))
                    or len(name) <= 3 and self._governs(name)):
                continue   # 據市場調研機構發布, 據統計局發布: a kind of source, not a named one
            table.add(name_id(doc.text[start:end]), start, end, "org-cue")

    def _reporting_outlets(self, doc: Document, table: EntityTable, claimed: dict) -> None:
        """法新社報導，…, 【星辰新聞網】援引…: a name with a news outlet's ending that opens
        a clause and reports is that outlet; a pronoun's (該社報導) or a generic word
        (本報, 外電) is none."""
        key = doc.key
        if "报" not in key and "援引" not in key and "引述" not in key:
            return
        for m in OUTLET_REPORTS.finditer(key):
            deadline.check("organizations")
            if key[m.end():m.end() + 1] in (":", "："):
                continue   # 星辰廣播電台報道：… opens the story: its own outlet's credit
            end = m.start() - (key[m.start() - 1:m.start()] == "】")
            back = max(0, end - MAX_OUTLET_BACK)
            start = max(key.rfind(c, back, end) for c in OUTLET_OPENERS) + 1
            if start == 0 and back > 0:
                continue   # no clause opens near: the name is the middle of a sentence
            start += key[start:start + 1] == "【"
            if not OUTLET_NAME.fullmatch(key, start, end):
                continue
            name = key[start:end]
            if end - start < 3 or name in self.generic or name.startswith(tuple(self.stop)) \
                    or name.startswith(tuple(self.source_openers)) or not doc.starts_token(start):
                continue
            if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            table.add(name_id(doc.text[start:end]), start, end, "org-cue")

    @staticmethod
    def _lettered_outlets(doc: Document, table: EntityTable, claimed: dict) -> None:
        """XYZ報導，…, QBC記者…: three to five capitals that open a clause right before a
        newsroom's word (報導, 記者, 主播, 特派員) are an outlet's letters; not in a clause's
        middle (使用XYZ報導) nor a piece of a longer Latin name."""
        key = doc.key
        if not has_any(key, NEWSROOM_WORDS):
            return
        for m in LETTERED_OUTLET.finditer(doc.norm):
            deadline.check("organizations")
            start, end = m.span(1)
            if not key.startswith(NEWSROOM_WORDS, end):
                continue
            before = key[start - 1:start] if start else ""
            if before and (before.isalnum() or not before.strip() and start > 1
                           and key[start - 2].isalnum()):
                continue   # 使用XYZ報導, 旗下 XYZ 記者: in the middle of a clause
            if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            table.add(name_id(doc.text[start:end]), start, end, "org-cue")

    @staticmethod
    def _opens_clause(doc: Document, start: int) -> bool:
        """Does start follow punctuation, the text's start, 據 or a time word or
        preposition of its own?"""
        if start == 0 or not doc.key[start - 1].strip() and start == 1:
            return True
        ch = doc.key[start - 1]
        if not ch.isalnum() and ch.strip():
            return True
        tok = doc.tokens[doc.token_index_at(start - 1)]
        return tok.end == start and (tok.pos[:1] in ("t", "p") or tok.word in ("据", "根据"))

    def _investors(self, doc: Document, table: EntityTable, claimed: dict, cues: dict) -> None:
        """由雷岩领投，Arbor和远峰跟投; 从 Techstars 获得天使投资: the names that lead or
        join a round, or that a company got its money from, are investors, unless a
        person's (由徐某领投) or a common word."""
        spans, key = [], doc.key
        for word in ROUND_VERBS:
            for at in cues.get(word, ()):
                deadline.check("organizations")
                if key.endswith(("共同", "联合"), 0, at):
                    at -= 2   # 共同领投: the adverb is no part of the last name
                spans += self._list_items(doc, at)
        spans += [m.span(1) for m in _matches_at(key, cues.get("从", ()), INVESTED_BY)]
        for m in (ROUND_ROLE.finditer(key) if "投方" in key or "资方" in key else ()):   # what it needs
            # 領投方為啟明創投, 跟投方為元禾璞華、雲九資本: the list after the role
            deadline.check("organizations")
            stop = m.end()
            while stop < len(key) and key[stop] not in ROUND_ROLE_STOPS and stop - m.end() < MAX_ROUND_LIST:
                stop += 1
            items = [span for span in self._list_items(doc, stop) if span[0] >= m.end()]
            if items:   # the role word bounds the first name (元禾璞華: no clause words before it)
                first = min(items)
                items[items.index(first)] = (m.end(), first[1])
            spans += items
        for verb in CONTRACT_VERBS:
            for at in cues.get(verb, ()):
                m = SIGNED_BEFORE.search(doc.norm, max(0, at - MAX_SIGNED_BACK), at)
                if m:
                    spans.append(m.span(1))
        for start, end in spans:
            start, end = _trimmed(doc.key, start, end)
            if end - start < 2 or table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            if not doc.norm[start].isalnum():
                continue   # 天使+輪領投: a round's sign, no name
            if self._common_word(doc, start, end) or self._person_shaped(doc, start, end) \
                    or doc.key[start:end] in self.source_generic or doc.key[start:end] in self.generic:
                continue
            table.add(name_id(doc.text[start:end]), start, end, "org-cue")

    def _person_shaped(self, doc: Document, start: int, end: int) -> bool:
        """Does the segmenter tag a word of the span a personal name (據孫嘉禾了解)? Not a
        name of four characters or more (元禾/璞/華) unless it is one such word."""
        toks = [t for t in tokens_in(doc, start, end) if t.word.strip()]
        if end - start >= 4 and len(toks) > 1 and doc.key[start:start + 2] not in self.kb.surnames:
            return False
        return any(t.pos in ("nr", "nrfg", "nrt") for t in toks)

    def _owner_cues(self, doc: Document, table: EntityTable, claimed: dict, found: dict) -> None:
        """中郵旗下的Hi nova, 飛騰官方宣布: the word or two before 旗下 (官方, 官網) name an
        organisation, unless they are a pronoun's (其旗下), generic (集團旗下) or a
        person's name."""
        key = doc.key
        for end, cue in sorted((at, cue) for cue in self.owner_cues for at in found.get(cue, ())):
            deadline.check("organizations")
            if end == 0 or not doc.starts_token(end):
                continue
            if cue == "官方" and not key.startswith(OFFICIAL_ACTS, end + len(cue)):
                continue   # 官方指導價, 官方漢化組: official, said of a thing
            # EA 旗下: a Latin name and a space before the cue
            name_end = end - 1 if end >= 2 and key[end - 1] == " " and key[end - 2].isascii() \
                and key[end - 2].isalnum() else end
            i = doc.token_index_at(name_end - 1)
            start, taken = name_end, 0
            while i >= 0 and taken < MAX_OWNER_TOKENS:
                tok = doc.tokens[i]
                if not tok.word.strip() or tok.pos[:1] in "pcdurtmqfx" or tok.word in self.stop \
                        or name_end - tok.start > MAX_OWNER_CHARS or tok.word in self.source_openers:
                    break
                start, taken, i = tok.start, taken + 1, i - 1
            # The name opens its clause (，飛騰官方宣布; 今晚中郵旗下; 據…): after a verb
            # (擁有韓國官方, 繼續開源旗下) or inside a longer name it is something else.
            if name_end - start < 2 or not self._opens_clause(doc, start):
                continue
            end = name_end
            tokens = list(tokens_in(doc, start, end))
            if any(t.pos[:1] == "v" for t in tokens) and (len(tokens) > 1 or cue in WEBSITE_CUES):
                continue   # 在PSP推出旗下…, 進入官網: a verb is a clause, not a name (飛騰官方 is one)
            if table.covering(start, end) or any(p in claimed for p in range(start, end)):
                continue
            if all(t.word in self.generic or t.word in self.suffix_or_industry for t in tokens) \
                    or self._person_shaped(doc, start, end) or key[start:end] in self.source_generic:
                continue
            table.add(name_id(doc.text[start:end]), start, end, "org-cue")

    def _list_items(self, doc: Document, end: int) -> list[tuple[int, int]]:
        """The items of the list ending at end, separated by 、 or by a joining word
        (和, 與, 及), each trimmed of spaces; the first trimmed of the words that open
        its clause (包括, 吸引). Empty when an item is too long to be a name."""
        key, items = doc.key, []
        stop = pos = end
        while len(items) < MAX_LIST_ITEMS:
            pos -= 1
            joined = pos >= 0 and (key[pos] == "、" or self._joiner_token(doc, pos))
            if not (pos < 0 or joined or key[pos] in LIST_STOPS):
                if stop - pos > MAX_LIST_ITEM:
                    return []
                continue
            start = pos + 1 if joined else self._item_start(doc, pos + 1, stop)
            if start is None:
                break
            s, e = _trimmed(key, start, stop)
            if e - s < 2:
                return []
            items.append((s, e))
            if not joined:
                break
            stop = pos
        return items

    @staticmethod
    def _joiner_token(doc: Document, pos: int) -> bool:
        """Is the character at pos a joining word of its own (甲和乙, 甲與乙)?"""
        if doc.key[pos] not in "和与及":
            return False
        tok = doc.tokens[doc.token_index_at(pos)]
        return tok.start == pos and tok.end == pos + 1

    def _item_start(self, doc: Document, start: int, stop: int) -> int | None:
        """Where the first item of a list starts: after the words that open its clause."""
        i = doc.token_index_at(stop - 1)
        begin = None
        while i >= 0 and doc.tokens[i].end > start:
            tok = doc.tokens[i]
            if tok.pos[:1] in ITEM_LEAD_TAGS and tok.end - tok.start > 1 or tok.word in self.stop \
                    or tok.pos in ("p", "c", "d", "r", "u", "t"):
                break
            if begin is not None and tok.start >= start and self._common_word(doc, tok.start, tok.end):
                break   # 加裝複製器 / 中行: a common noun before the name ends the clause's lead
            begin = max(tok.start, start)
            i -= 1
        if begin is not None and i >= 0 and doc.key[begin:stop].strip() in self.kept_suffixes:
            tok = doc.tokens[i]   # 由啟明/創投領投: a bare suffix takes the name the tagger read as a verb
            if tok.start >= start and tok.end == begin and tok.end - tok.start == 2 \
                    and is_cjk(tok.word[0]) and tok.pos in ("v", "a", "ng", "vn"):
                begin = tok.start
        return begin

    def _common_word(self, doc: Document, start: int, end: int) -> bool:
        """Is the span one dictionary word the segmenter tags a common noun, verb or
        adjective (手機, 平板)?"""
        i = doc.token_index_at(start)
        tok = doc.tokens[i]
        return (tok.start == start and tok.end == end and self.in_dictionary(tok.word)
                and tok.pos in ("n", "v", "vn", "a", "an", "ad", "d", "ng"))

    def _modifies_noun(self, doc: Document, end: int) -> bool:
        """Is the Latin name right before a Chinese common noun that it describes
        (not an organisation word or a title, which would go with a name)?"""
        if end < len(doc.key) and doc.key[end] == " ":
            end += 1
        if end >= len(doc.key) or not is_cjk(doc.key[end]):
            return False
        tok = doc.tokens[doc.token_index_at(end)]
        return (tok.start == end and tok.pos in ("n", "vn")
                and tok.word not in self.suffix_or_industry and tok.word not in self.kb.titles
                and tok.word not in self.unit_nouns and tok.word not in self.kb.speech_verbs)


NAME_DOTS = "·•・‧"
MAX_DOTTED_PIECE = 3   # characters between a name's middle dot and a word inside its last piece


def _in_dotted_name(norm: str, start: int) -> bool:
    """Does a transliterated name's last piece run into start (湯米·奧|哈佛): a middle
    dot after a Chinese character, then only Chinese characters up to start?"""
    for back in range(1, MAX_DOTTED_PIECE + 1):
        p = start - back
        if p < 1:
            return False
        if norm[p] in NAME_DOTS:
            return is_cjk(norm[p - 1]) and back > 1
        if not is_cjk(norm[p]):
            return False
    return False


def _matches_at(key: str, starts, pattern) -> Iterator:
    """The pattern's matches that start at the given offsets (of its first word)."""
    for at in starts:
        m = pattern.match(key, at)
        if m:
            yield m


class _NamePrefixes:
    """A prefix of a name the table holds now -> its organisation (現觀 -> 現觀科), the
    first entity and mention in table order winning; worked out on the first look-up,
    from the mentions each entity had when this was made (the table only grows)."""

    def __init__(self, key: str, table: EntityTable) -> None:
        self._key = key
        self._held = [(ent.id, ent.mentions, len(ent.mentions)) for ent in table.by_id.values()]
        self._map: dict[str, str] | None = None

    def get(self, word: str) -> str | None:
        if self._map is None:
            key, found = self._key, {}
            for id_, mentions, count in self._held:
                for s0, e0 in mentions[:count]:
                    for n in range(2, min(e0 - s0, MAX_LIST_ITEM)):
                        found.setdefault(key[s0:s0 + n], id_)
            self._map = found
        return self._map.get(word)


def _trimmed(key: str, start: int, end: int) -> tuple[int, int]:
    while start < end and key[start] == " ":
        start += 1
    while end > start and key[end - 1] == " ":
        end -= 1
    return start, end


def abbreviates(short: str, key: str, start: int, end: int) -> bool:
    """Does short abbreviate key[start:end] as its first and last characters, the rest in
    order (數發部 for 數位發展部, 星海會 for 星海交易委員會)? Callers bound the lengths."""
    return key[start] == short[0] and key[end - 1] == short[-1] and in_order(short, key[start:end])


def _offsets_after(key: str, words) -> Iterator[int]:
    """The offset just after each occurrence of each word in key, word by word."""
    for word in words:
        at = key.find(word)
        while at >= 0:
            deadline.check("organizations")
            after = at + len(word)
            yield after
            at = key.find(word, after)
