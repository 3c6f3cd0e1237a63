"""Product names a noun explains, read from the grammar's data file
(service/kb/data/product_grammar.yaml); cases in
tests/extractors/cases/product_names.yaml:

- 名为“星河”的大模型, 推出「青鸟」手机: a name given only in quotes or after a
  naming verb is a product when a category noun says what it is; 推出了首款AI助手——
  青驿: so is a coined name a dash or colon sets off after a launch and its noun.
- Lunar Lake, Rialto Bridge: a capitalised word and a code-name head.
- Oryon CPU架构, Zen3架构: a capitalised Latin name right before a noun that
  says it is an architecture, an instruction set or a machine; 软件Zoom: a
  category noun right before a capitalised name.
- 《蝙蝠俠：阿卡漢之影》遊戲: a title in book-title marks that a game or app
  noun follows; 《甲》续作, 「甲」（Starfall）新作/销量: a title a new instalment follows,
  or a quoted name glossed with a capitalised Latin title, then 新作 or its sales; 年度游戏的《甲》,
  资料片《甲》, 射击RPG——《甲》, 曾开发《甲》的瑞典工作室, 《甲》发售五周年, 《甲》发行平台: a game's noun (的 between allowed) or an instalment's
  before the title, or a sale, players or a release platform after it (no newspaper's, law's or
  report's title); 旗下的《甲》《乙》, 推出的《甲》: titles right after 旗下 or a verb of making and
  的 (no plan's, standard's or report's).
- 火箭系统「青鸾号」, 检测系统 "Palisade": a system head right before a quoted coined name (a
  Chinese name no dictionary holds, a Latin name of no generic word) names it.
- 搭载「天瀾眸」高阶智驾系统, 推出「智行通+」流動應用程式: a quoted coined name, modifiers
  and a system head or category noun, where a verb of launching, carrying or using
  comes before the quote (`quoted_system_heads`, `quoted_use_verbs`).
- 社交平台LinkedIn: right after a software, app or platform noun a company's name is
  its product's too (the organisation stays).

Every pattern is a bounded regex over the key view: linear in the text.
"""
from __future__ import annotations

import re

from ..nlp import quote_marks as qm
from ..nlp.clauses import CLAUSES
from .. import deadline
from ..ids import name_id
from ..nlp.document import Document
from .product_grammar import LATIN, Found, alternation, slug

QUOTES = qm.pairs(qm.DOUBLE, qm.ASCII, qm.SINGLE)
# 代号叫「…」, 一个叫…的软件: 叫 alone names only after a measure word (叫停, 叫好 name nothing).
# (the look-behind after 叫, so every branch starts with a character and re skips to one in C)
NAMING = re.compile(r"(?:名为|名叫|叫做|取名为|命名为|称为|代号|叫(?<=[个款种项套]叫))(?:为|是|叫)?")
# 一個叫淘評評的軟件: a Chinese name with no quotes ends at 的 when a category noun follows it.
# Only a verb that gives a name does so (被稱為迄今最強大的模型 describes): 名为, 叫, not 称为.
CJK_NAME_THEN_OF = re.compile(r"((?![最首全])[\u4e00-\u9fff]{2,4}?)的")
NAMING_PROPER = re.compile(r"(?:名为|名叫|取名为|命名为|叫(?<=[个款种项套]叫))(?:为|是)?")
# A quoted or named name: 2-8 CJK characters, or a Latin name of up to 40 characters
# (Yoga Slim 7i Aura Edition).
# 星河2.0, 银杉Pro: a Chinese name may carry its version or tier.
QUOTED_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}(?: ?(?:[0-9]{1,4}(?:\.[0-9]{1,2}){0,2}|[a-z]{1,5}(?:[0-9]{1,3})?))?\+?"
                         r"|[a-z][a-z0-9 .\-]{0,38}[a-z0-9]"
                         r"|[a-z]{1,8}[\u4e00-\u9fff]{2,6}"      # a Latin brand word and Chinese: BOSS直聘
                         r"|[a-z]{1,2}(?![版型级代款])[\u4e00-\u9fff]")     # one or two letters and a character: k聘 (not Pro版)
# In a quoted list of features a Latin word, a space and Chinese is a name too (「AI 助写」): alone
# in quotes it is as often a description (一项“AI 图片编辑”功能).
LISTED_NAME = re.compile(QUOTED_NAME.pattern + r"|[a-z]{1,8} [\u4e00-\u9fff]{2,6}")
# 手機應用程式: a noun may modify the next; the head is the last of up to this many.
COMPOUND_NOUNS = 2
# 「X」高阶智驾系统: characters of modifiers between a quoted name and its head, and the tags they may have.
MODIFIER_GAP = 8
MODIFIER_TAGS = frozenset({"n", "nz", "ng", "vn", "an", "a", "b", "l", "j", "nr"})
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
NOUN_WINDOW = 12         # characters from a quoted name to the noun that says what it is
# 新功能「星光修图」, AI功能是「星光修图」: a feature noun (and a copula) right before the quote;
# 「隐密空间」是一项新功能: a copula, a measure word and modifiers, then the noun, right after it (key view).
FEATURE_COPULA_BEFORE = re.compile(r"(?:是|为|叫做|叫)? ?\Z")
FEATURE_IS_AFTER = re.compile(r" ?(?:是|为)(?:一[项个款种])?(?:全新|实用|新)?的?(?:ai)?新?(?=功能)")
OPEN_QUOTE = re.compile("[" + qm.openers(qm.DOUBLE) + "]")
PLATFORM_AFTER = re.compile(r" ?(?:平台|社交平台|社交媒体|社群平台|应用)")     # “X” 平台 (key view)
# 「青驿」和「远帆」, “甲”、“乙”: the next quoted name of a list (its open quote ends the match).
PHRASE_CHARS = re.compile(r"[的之了是在把被很不可能会會将將让讓]")
# 车型“过于昂贵”, 手机“非常耐用”: a quote a degree adverb starts is a judgement, no name (as written).
DEGREE_START = re.compile(r"(?:過於|过于|非常|十分|相當|相当|極其|极其|極為|极为|太過|太过|比較|比较|更加|有點|有点|有些)")
# 市场小得多, 贵得很: a quote that ends in a degree complement is a judgement, no name (key view).
DEGREE_END = re.compile(r"得(?:多|很|多了)\Z")
# 无人机“来源为伊朗”, 芯片“本地制造”。: a clause in quotes right after its subject noun, closed by the
# end of the clause (key view; a verb, a comma or a stop after the closing mark).
REMARK_CLOSED = re.compile(r"[”」』\"]\s*[。，,；;！？!?]")
# 云上之眼, 北境之歌: a classical 之 between two short parts, no other phrase character (key view).
CLASSICAL_OF = re.compile(r"[\u4e00-\u9fff]{1,3}之[\u4e00-\u9fff]{1,2}(?<![一二三四五六七八九十百千万分])")
# 透过「寻找我的装置」功能: a verb of using right before the quote and 功能 right after it frame a
# feature's name, which may then hold 的 (key view); the other phrase characters still say a phrase.
FEATURE_USE_BEFORE = re.compile(r"(?:透过|通过|利用|使用|启用|开启|打开) ?\Z")
FRAMED_PHRASE_CHARS = re.compile(r"[之了是在把被很不可能会會将將让讓]")
# 「X」保护功能更新, 「X」主要功能: one or two modifier characters (no function word) between a quoted
# name and 功能 (not 「X」是新功能的核心: a noun the phrase qualifies).
FEATURE_AFTER_MODIFIER = re.compile(r"[\u4e00-\u9fff](?<![的之了是在和与及或等其该此这有无没不也都还将会可以])"
                                    r"(?:[\u4e00-\u9fff](?<![的之了是在和与及或等其该此这有无没不也都还将会可以]))?"
                                    r"功能(?!的)")
# 下载星聊App: what before a name ends the words that are not the name.
APP_LEAD = re.compile(r".*(?:的|在|用|从|從|通过|通過|透过|透過|下载|下載|打开|打開|使用|登录|登錄|安装|安裝|据|據)")
APP_RUN = 8
# 即时沟通和App, CarPlay和控制App: a word that joins a list ends no app's name and starts none (key view).
APP_JOINERS = "和与及或跟"
# 速度亦比舊App: an adverb's, a preposition's or a conjunction's tag among the words before App; a
# pronoun's (接入其App, 怎样下载App) or a word of place's (如下简称App) makes a phrase too, and so does
# a one-character particle (寵物等App: the end of a list; the segmenter tags some coined words u).
APP_PHRASE_TAGS = frozenset("dpcrf")
APP_PARTICLE_TAG = "u"
# The words that may lead the name before App, read one by one: a word of time (t: 目前抖音App) is
# no part of it and is skipped; a number (m, mq: 四季度百度App, 第二大熱門購物App) starts a phrase,
# no name (the reading stops with none).
APP_LEAD_TAGS = frozenset("tm")
TAKEN_DOWN = re.compile(r"下架")
ALSO_CALLED = re.compile(r"(?:又称|又稱|又名|亦称|亦稱|俗称|俗稱|简称|簡稱)\Z")
QUOTED_LIST_SEP = re.compile("(?:和|与|與|及|以及|、|或) ?[" + qm.openers(qm.DOUBLE) + "]")
# 新功能，包括「甲」、「乙」和「丙」: a feature noun, then a word of inclusion, right before a quoted list
# (key view; the search ends at the list's first quote).
# 功能，包括全系统的「甲」: a short modifier ending in 的 may come between.
FEATURE_LIST_INTRO = re.compile(r"功能 ?(?:[，,] ?)?(?:包括|包含|例如|比如|像是)[:：]? ?(?:[\u4e00-\u9fff]{1,4}的)?\Z")
FEATURE_INTRO_REACH = 12     # characters before the first quote searched for that introduction
# 一名叫…, 一家名为…, 这份名为…: a measure word of people, companies or documents before a naming verb.
NAMED_OTHER_MEASURE = re.compile(r"[位名家间間份篇部本座条條支]\Z")
NUMBER_BEFORE = re.compile(r"[一两二三四五六七八九十几这那该每]\Z")
NAMED_BEFORE = 6      # characters before a naming verb searched for the kind of what it names (新公司名为)
GLOSS_REACH = 30      # characters of the gloss after a comma (名為「X」，是全球第一台…超級電腦)
# 名为「X」（Salt Typhoon）的间谍行动: a Latin gloss in parentheses right after the name, passed over
# before the noun that says what the name names is looked for (key view: ASCII parentheses).
LATIN_GLOSS_AFTER = re.compile(r" ?\( ?[a-z][a-z0-9 .'&\-]{0,40}\)")
# 名为「Frontier」的框架报告, 名为X的公司: a noun of the name's clause that says it is no product's.
# (A technology a maker names is a product, as Hexapixel技術 is: 命名為PowerVia, 名为“X-Cube”的3D封装技术.)
NAMED_OTHER_KINDS = re.compile(r"公司|企业|集团|团队|组织|机构|实验室|项目|专案|计划|计画|活动|行动|报告|文件|法案|论文|研究|"
                               r"账号|男子|女子|网友|黑客|病毒|城市|小镇|基金|协议|标准|框架|算法|方法|机制|模式|"
                               r"帐号|帐户|账户|群组|频道|领域|绝招|餐厅|餐馆")
# 推出了首款AI助手——青驿: a dash or colon that sets off the name of what was launched, where
# that name ends (the clause's end), and the most characters of a Chinese name so set off.
DASH = re.compile(r"——|—|:")
DASHED_END = re.compile(r" ?(?:[,。;!?、()\n]|\Z)")
DASHED_CJK_MAX = 5
# Between a launch verb and the quoted name: 推出了一款全新的「青鸟」.
LAUNCH_FILLER = re.compile(r"(?:了|一款|一个|一部|一台|新款|全新|自研|首款|新一代|的|旗舰)+$")
CLAUSE_END = CLAUSES.pattern
# A Latin name ending right before a noun (one space or a closing quote between): Zen 5」CPU架构.
LATIN_NAME_BEFORE = re.compile(r"[a-z][a-z0-9]*(?:[ \-][a-z0-9]+){0,2}(?=[ 」”\"]?\Z)")
NAME_BEFORE_NOUN = 20
MAX_TITLES = 7
GAME_NOUN = r"(?:游戏|手游|端游|网游|页游)"
APP_NOUN = rf"(?:{GAME_NOUN}|应用程序|应用|app(?![a-z]))"
# 《甲》游戏, 《甲》系列游戏: the noun after the title says what it is.
TITLED_APP = re.compile(rf"《([^《》\n]{{1,30}})》(?:系列)?{APP_NOUN}")
# 「黑神话：悟空」游戏: a game's title in quotation marks, when a game noun follows (an app
# noun after quotes is too often a plain word's: “AI”应用).
QUOTED_GAME = re.compile(rf"[「“『]([^「」“”『』\n]{{1,30}})[」”』](?:系列)?{GAME_NOUN}")
# 热门游戏《甲》, 知名游戏《甲》: or the noun right before it (射击RPG——《甲》: a dash between allowed).
APP_BEFORE_TITLE = ("游戏", "手游", "端游", "网游", "游戏的", "手游的", "资料片", "新作", "续作", "游戏作品",
                    "游戏——", "rpg——", "rpg", "游戏:", "rpg:")
# 曾开发《甲》的瑞典工作室, 研发过《甲》的团队: a title a studio or a developer made (a few words of
# the maker's place or kind between 的 and the noun; key view).
STUDIO_TITLE = re.compile(r"(?:开发|研发|制作|打造)(?:过|了)?《([^《》\n]{1,30})》的[\u4e00-\u9fff]{0,6}?"
                          r"(?:工作室|开发团队|开发商|游戏公司|游戏厂商)")
# 拳头产品《甲》, 旗舰产品《甲》: a product noun right before a title (not a notice's or a law's).
PRODUCT_BEFORE_TITLE = ("产品", "产品的")
# 《甲》等停服游戏, 《甲》等国服代理游戏: one title, 等 and a few words of the games' kind before the noun.
TITLE_AND_OTHERS = re.compile(rf"《([^《》\n]{{1,30}})》等[^《》\s,。;!?、()]{{0,6}}?{GAME_NOUN}")
# 《甲》发售五周年, 《甲》的玩家, 《甲》发行平台: what after a title says a game's (a book is published,
# not put on sale; players and a release platform are a game's; key view).
GAME_AFTER_TITLE = re.compile(r"(?:的)?(?:发售|玩家|发行平台|实机|资料片|dlc(?![a-z]))")
# 《甲》新作, 《甲》系列续作: a title a new instalment follows is a game's (a book's or a film's new
# work is told by its author, not by its title).
TITLED_WORK = re.compile(r"《([^《》\n]{1,30})》(?:系列)?(?:新作|续作)")
# 「甲」（Starfall Tales）新作, 「甲」（Starfall）销量: a quoted name glossed with a Latin title, then
# a new instalment or its sales: a game's title (the gloss, capitalised, is checked in the norm view).
GLOSSED_WORK = re.compile(r"[「“『]([^「」“”『』\n]{1,30})[」”』] ?\(([a-z][a-z0-9 :'&.,\-]{1,60})\) ?"
                          r"(?:系列)?(?:新作|续作|销量)")
ANY_TITLE = re.compile(r"《([^《》\n]{1,30})》")
# 《星河新聞台》頻道, 《甲》频道: a title a channel's noun follows names a broadcast channel, a service
# (a column's or a programme's noun after it, 《甲》栏目, names no product; key view).
TITLED_CHANNEL = re.compile(r"《([^《》\n]{1,30})》 ?频道")
# A sentence about games (key view, both scripts): where one title is a game, its other titles are.
GAME_SENTENCE_WORD = re.compile(r"游戏|手游|玩家")
SENTENCE_END = re.compile(r"[。!?\n]")
SENTENCE_SPAN = 200        # how far to look for a sentence's ends
# A newspaper, a law, a report, a book, a letter or a notice in book-title marks is no game.
NOT_A_GAME_TITLE = re.compile(r"(?:报|法|法案|条例|规定|办法|白皮书|报告|指数|杂志|周刊|书|信|志|说明|公告|声明|通知|通告|告知函)$")
# 《甲》《乙》这两款游戏, 《甲》和《乙》等游戏: titles listed before the noun that says what they are.
TITLE = r"《[^《》\n]{1,30}》"
TITLE_JOINER = r"(?:、|和|与|及|以及)"   # between two listed titles (key view), or none
# 星瞳旗下的《甲》《乙》, 某某推出的《甲》: titles right after 旗下 or a verb of making and 的 are its
# works (a game, an app, a show), not a plan's, a standard's, a report's or an anniversary's
# (NOT_A_MADE_WORK; key view), nor a stamp's or a keepsake's (KEEPSAKE_AFTER).
MADE_TITLES = re.compile(rf"(?:旗下的?|(?:推出|开发|研发|发行|打造|出品)的)((?:{TITLE}{TITLE_JOINER}?){{1,{MAX_TITLES}}})")
NOT_A_MADE_WORK = re.compile(r"(?:计划|方案|纲要|指引|指南|标准|倡议|行动|规划|意见|措施|政策|蓝皮书|评测|榜单|名单|周年)$")
# 发行的《甲》纪念邮品, 《甲》邮票: a stamp, a coin or a keepsake the title names is no app (key view);
# 《甲》纪念版 is an edition of the work itself, no keepsake.
KEEPSAKE_AFTER = re.compile(r"(?:纪念(?!版)|邮票|邮品|邮册|钱币|硬币|首日封)")
# 《甲》《乙》等在线游戏: a word of the games' kind may stand before the noun (key view).
GAME_KIND = r"(?:在线|线上|单机|热门|知名|主机|网络|国产|大型|多人|经典|射击|动作|竞技|独立|新|老|其他|其它|人气|爆款|热门在线)"
TITLED_APPS = re.compile(rf"{TITLE}(?:{TITLE_JOINER}?{TITLE}){{1,{MAX_TITLES}}}"
                         r"(?:等|这|那)?(?:[0-9一二两三四五六七八九十几数多]{1,3}款)?"
                         rf"(?:(?:{GAME_KIND})(?=游戏|手游|网游|端游))?{APP_NOUN}")
# 苹果的 M 系列芯片, vivo X 系列, 12 代酷睿 P 系列: capitals alone and 系列 name a line; the
# capitals name nothing alone, so 系列 is part of the line's name.
SERIES = "系列"
LETTERS_BEFORE = re.compile(r"(?<![a-z0-9.\-])[a-z]{1,3} ?\Z")
# 天璣Agentic AI引擎: one to three Latin words (a space allowed) ending right before a noun.
LATIN_WORDS_BEFORE = re.compile(r"[a-z][a-z0-9]*(?: [a-z][a-z0-9]*){0,2} ?\Z")
GENERATION_BEFORE = re.compile(r"(?:第 ?)?[0-9]{1,2} ?代 ?\Z")     # 12 代酷睿, 第12代酷睿
LINE_WORD_BEFORE = 12      # characters of a maker's or series' word and its space before the capitals
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")     # GPUs, LLMs: a plural, no name
TITLE_WORD = re.compile(r"[A-Z][a-z]{2,}")      # Super, Tetrapixel: a word, no abbreviation
# SuperFin, NanoFlex: words of three lower-case letters or more run together, each capitalised, as
# a maker coins a technology's name (FinFET, MicroLED, LiDAR: an abbreviation in it, no such name).
TITLE_WORDS = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})*")
TECH_WORD_SPLIT = re.compile(r"[ \-]")
# 多種作業系統與開發環境，包括 prplOS、RDK-B 和 OpenWrt 等: a list of Latin names a clause ending
# in a category noun introduces.
# 受影响的芯片组包括MT6580、MT6761等: the comma may be left out, the noun then ends the words right before.
INCLUDING_DEFINITION = r"(?:[，,] ?)?(?:包括|包含|例如|比如|像是)[:：]? ?"
# The same matches, opening with a class of their first characters so that `re` skips to
# them in C (the optional comma made it try the pattern at every character: 17x slower;
# tests/test_scan_patterns.py holds it to the definition).
INCLUDING = re.compile(r"[，,包例比像](?:(?<=[，,]) ?(?:包括|包含|例如|比如|像是)|(?<=包)[括含]|(?<=[例比])如|(?<=像)是)[:：]? ?")
# 包括openWRT 19.07和Yocto 4.0在内的软件: the category noun follows the list.
INCLUSIVE_END = re.compile(r" ?在[内內]的")
CJK_AFTER = re.compile(r" ?[\u4e00-\u9fff]")
LIST_ITEM = re.compile(r"[a-z][a-z0-9.\-]*[a-z0-9](?: [a-z0-9][a-z0-9.\-]*){0,2}")
# 包括 Zorbit、Chatnest 和 X 在內: after another member, a single capital standing as a word is a
# member too (a network named by one letter), unless it is a placeholder (A、B).
LIST_LETTER = re.compile(r"[a-z](?![a-z0-9.\-])")
# 高通的芯片例如 8155、8295: model numbers alone, listed after a device noun (never a count or a price).
LIST_NUMBER = re.compile(r"[0-9]{3,5}(?![0-9.,%])(?! ?[元万萬亿億千百个個颗顆款台年月日号號倍张張家名位次])")
LIST_SEP = re.compile(r" ?(?:、|以及|和|与|及|,|/) ?")
LIST_END = re.compile(r" ?(?:等|[。！？；;!?\n，,）)]|\Z)")
NOUN_THEN_MORE = re.compile(r"[与和及、][\u4e00-\u9fff]{1,6}\Z")    # 作业系统与开发环境
# 来自影子图书馆网站的，比如 A、B 等, Chrome 扩展程序（包括 A、B 等）: a 的 or an opening bracket
# may stand between the noun and the list.
LIST_NOUN_TAIL = re.compile(r"(?:的|[ （(])+\Z")
# 可以在不同的办公应用中提高效率，包括 A、B、C: a list of three names or more may take its noun
# from earlier in its sentence, where the noun ends a phrase (in it, or before a comma or bracket);
# never across a 的 (芯片的客户，包括 A、B、C: the list is the customers').
SENTENCE_HEAD_MIN = 3
SENTENCE_HEAD_SPAN = 60
HEAD_NOUN_ENDS = frozenset("中里裡内內（(，, ")
MAX_LISTED = 8
RUNS_ON = re.compile(r" [a-z]")     # Salt Lake City: another Latin word after the name
# OwlPay® Wallet Pro, Contoso™: a registered or trade mark makes the name before it a brand's
# product; capitalised words right after the mark belong to the name.
# Artix™ UltraScale+™ XA AU7P, Spartan™ 7: a word may end in + and carry a mark of its own, and
# the words after the mark may be codes. A maker's name first (AMD Artix™) is cut off.
TM_WORD = r"[A-Z][A-Za-z0-9]{1,20}\+?"
TM_MORE = rf"(?: (?:{TM_WORD}[®™]?|[0-9]{{1,5}}[A-Za-z]{{0,3}}(?![0-9])))"
TRADEMARK = re.compile(rf"(?<![A-Za-z0-9\-])(?:{TM_WORD}[®™]?[ \-]){{0,2}}{TM_WORD}[®™]"
                       rf"(?:{TM_MORE}{{1,3}}(?![A-Za-z0-9+]))?")
MARKS = re.compile(r"[®™]")
FIRST_WORD = re.compile(r"[A-Za-z0-9]+")
# 購買工具（Zorvix Ads和QX360）: a name in brackets, every word capitalised or holding a digit (norm
# view); the joiners between two (key view); the closing bracket after the last.
BRACKETED_WORD = r"(?:[A-Z][A-Za-z0-9]*|[a-z]+[0-9][A-Za-z0-9]*|[0-9][A-Za-z0-9]*)"
BRACKETED_NAME = re.compile(rf"{BRACKETED_WORD}(?: {BRACKETED_WORD}){{0,2}}(?![A-Za-z0-9.\-])")
BRACKETED_SEP = re.compile(r" ?(?:、|和|与|及|或) ?")
BRACKET_CLOSE = re.compile(r" ?[）)]")
# LLM, ADAS, DFQ: capitals alone (up to five, no digit) in brackets are as often an abbreviation.
CAPITALS_ONLY = re.compile(r"[A-Z]{1,5}")
APP_CATEGORIES = ("software", "app", "platform")
# “X”API, “X”生态: what after a quoted maker-led name says a platform others build on (key view).
MAKER_ASSET_AFTER = re.compile(r" ?(?:生态|生態|api(?![a-z])|sdk(?![a-z])|开放平台|開放平台)")
# A lower-case Latin word that may be a coined name (bilibili-like): letters alone, four or more.
RARE_LOWER = re.compile(r"[a-z]{4,20}")


# 在甲商店、PP助手、“青驿”等应用分发平台: the list before 等 and the noun that says what its
# members are (a few modifiers between: 安卓应用分发平台).
ETC_NOUN_GAP = 8
# 及 ends words too (涉及, 提及, 波及): no separator there.
LIST_ITEM_SEP = re.compile(r"、|以及|和|与|與|(?<![涉提波普危顾顧触觸论論])及")
# A member with the marks of a name: in quotes, or a Latin word (a capital in it: openWRT, RDK-B)
# with or without Chinese after.
# 「飛馬」（Pegasus）等間諜軟體: a quoted member may carry its Latin name in brackets after the quote.
MARKED_MEMBER = re.compile(r"[“「『]([^”」』]{2,12})[”」』](?:[(（][a-z][a-z0-9 .\-]{0,30}[)）])?|([a-z]{1,8}[\u4e00-\u9fff]{2,4}|[a-z](?:[a-z0-9]{1,15}|[a-z0-9]{0,14}-[a-z0-9]{1,8}))"
                           # 回顧（Recall）: a Chinese rendering, then the name in brackets
                           r"|[\u4e00-\u9fff]{2,8}[(（]([a-z][a-z0-9.\-]*(?: [a-z][a-z0-9.\-]*){0,3})[)）]")
FIRST_MEMBER = re.compile(rf"(?<![a-z0-9])(?:{MARKED_MEMBER.pattern})\Z")
MAX_MEMBER = 14
CJK_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]+\Z")


def _inside_parentheses(key: str, p: int) -> bool:
    """An open parenthesis before p in the same clause with no close between."""
    window = key[max(0, p - 12):p]
    return window.rfind("(") > window.rfind(")") or window.rfind("（") > window.rfind("）")


def matches_from(pattern: re.Pattern, text: str, starts) -> list[re.Match]:
    """What pattern.finditer(text) yields, when every match starts at one of `starts` (found
    with str.find): the pattern tried only there, anchored, leftmost first, none inside an earlier."""
    out: list[re.Match] = []
    last = 0
    for at in sorted(set(starts)):
        if at < last:
            continue
        m = pattern.match(text, at)
        if m is not None:
            out.append(m)
            last = m.end() if m.end() > at else at + 1
    return out


class ExplainedNames:
    def __init__(self, key, data: dict, is_word=None) -> None:
        alt = alternation
        self.is_generic = None      # a generic Latin word (key view): set by the products extractor
        self.is_word = is_word or (lambda word: False)     # the segmenter's dictionary
        # Chip code names: a capitalised word and a head (Lunar Lake, Rialto Bridge, Strix Point).
        heads = [str(h) for h in data.get("codename_heads") or []]
        self.codename_heads = sorted(set(heads))
        self.codename_re = re.compile(
            rf"(?<![A-Za-z0-9\-])([A-Z][a-z]{{2,11}}) (?:{alt(heads) or '(?!)'})(?![A-Za-z0-9])")
        self.not_codename = {key(str(w)) for w in data.get("not_codename_words") or []}
        # A named architecture or engine: Oryon CPU架构, Zen3架构, Xe HPC高性能计算架构.
        arch = [key(str(n)) for n in data.get("architecture_nouns") or []]
        # Hexagon NPU, Adreno GPU: a Latin block word after a space, a whole word.
        blocks = [key(str(n)) for n in data.get("block_nouns") or []]
        self.arch_re = re.compile(rf"(?:{alt(arch) or '(?!)'})|(?<= )(?:{alt(blocks) or '(?!)'})(?![a-z0-9])")
        # The same nouns for str.find (arch_starts): the architecture nouns longest first, as the
        # pattern's alternation tries them, then the block words.
        self.arch_nouns = sorted(set(arch), key=lambda w: (-len(w), w))
        self.block_words = sorted(set(blocks), key=lambda w: (-len(w), w))
        self.system_heads = {key(str(n)): category for category, nouns in (data.get("quoted_system_heads") or {}).items()
                             for n in nouns}
        self.quoted_use_verbs = re.compile(alternation(sorted({key(str(v)) for v in data.get("quoted_use_verbs") or []},
                                                              key=len, reverse=True)) or "(?!)")
        self.initiative_nouns = sorted((key(str(n)) for n in data.get("quoted_initiative_nouns") or []),
                                       key=len, reverse=True)
        self.company_nouns = tuple(sorted({key(str(n)) for n in data.get("quoted_company_nouns") or []}))
        self.category_nouns: dict[str, str] = {}
        for category, nouns in (data.get("category_nouns") or {}).items():
            for noun in nouns:
                self.category_nouns.setdefault(key(str(noun)), category)
        # 社群平台X: after a social network's noun a single capital names the network.
        self.letter_name_nouns = {key(str(n)) for n in data.get("letter_name_nouns") or []}
        self.placeholder_letters = frozenset(str(w) for w in data.get("placeholder_letters") or [])
        for noun in self.letter_name_nouns:
            self.category_nouns.setdefault(noun, "platform")
        # 功能: a named feature is software, when its name is Latin (listed_before_etc, and the
        # lexicon's nouns after a Latin name: product_mentions.py)
        self.feature_name_nouns = {key(str(n)) for n in data.get("feature_name_nouns") or []}
        self.lexicon_nouns = dict(self.category_nouns)
        self._app_phrase(key, data.get("app_phrase") or {})
        for noun in self.feature_name_nouns:
            self.lexicon_nouns.setdefault(noun, "software")
        # after a name only (名为「X」的新功能, X功能): the nouns that follow a name say what it is
        self.after_noun_re = re.compile(alt(self.lexicon_nouns) or "(?!)")
        # 网站, 扩展程序: nouns that say what the members of a list after 包括 or 比如 are, and no more
        # (a name right before or after one is not read as a product by them).
        self.list_head_nouns = {key(str(n)): category for category, nouns in (data.get("list_head_nouns") or {}).items()
                                for n in nouns}
        # 连接器, 产品: nouns that say what a list's members are only where they close it (after 等).
        self.list_end_nouns = dict(self.list_head_nouns)
        for category, nouns in (data.get("list_end_nouns") or {}).items():
            for noun in nouns:
                self.list_end_nouns.setdefault(key(str(noun)), category)
        self.list_head_re = re.compile(alt(set(self.category_nouns) | set(self.list_head_nouns)) or "(?!)")
        self.noun_re = re.compile(alt(self.category_nouns) or "(?!)")
        # Pro, Max, Ultra: a member suffix after a noun names nothing alone (笔记本 Pro版).
        self.suffix_words = {key(str(w)) for w in data.get("suffixes") or [] if str(w).isalpha()}
        # online, store, cloud: everyday web words a lower-case word after a platform noun may be
        # (no coined name, however often the text writes them)
        self.lower_not_names = frozenset(key(str(w)) for w in data.get("lower_not_names") or [])
        # 笔记本 FAST BOOT 模式: a name right before one of these is a feature or mode's, and
        # the category noun before it does not say what the name is.
        self.feature_re = re.compile(rf" ?(?:{alt(key(str(n)) for n in data.get('feature_nouns') or []) or '(?!)'})")
        # A category noun, then a capitalised Latin name of one to three words.
        self.noun_then_name = re.compile(
            rf"({alt(self.category_nouns) or '(?!)'})(?:原型|-)? ?([a-z][a-z0-9]*(?: [a-z][a-z0-9]*){{0,2}})(?![a-z0-9])")
        # 交易平台（Zorvix）, 購買工具（Zorvix Ads和QX360）: a category noun, then names in brackets.
        self.noun_then_bracketed = re.compile(
            rf"({alt(self.category_nouns) or '(?!)'}) ?[（(] ?([a-z][a-z0-9]*(?: [a-z][a-z0-9]*){{0,2}})(?![a-z0-9])")
        # Both scans start where a category noun ends right before what must follow it (a Latin
        # letter, or a bracket): one class of the nouns' last characters that `re` skips to in C,
        # then the nouns ending there, then the pattern itself at those starts only.
        # The same matches as finditer (tests/extractors/test_scan_gates.py).
        ends = "".join(sorted({n[-1] for n in self.category_nouns}))
        self.noun_longest = max(map(len, self.category_nouns), default=0)
        self.noun_end_then_name = re.compile(rf"[{re.escape(ends)}](?=(?:原型|-)? ?[a-z])" if ends else "(?!)")
        self.noun_end_then_bracket = re.compile(rf"[{re.escape(ends)}](?= ?[（(] ?[a-z])" if ends else "(?!)")
        # 視訊會議軟體Zoom、WebEx等: the names listed after the first share its noun.
        self.listed_name = re.compile(r"、 ?([a-z][a-z0-9]*(?: [a-z][a-z0-9]*){0,2})(?![a-z0-9])")
        # Double Super PD技术, Tetrapixel技術: a named technology, a capitalised Latin name right
        # before a technology noun (AI技术, TDDI技术, 5G技术 name none: generic or capitals alone).
        self.tech_nouns = sorted({key(str(n)) for n in data.get("technology_nouns") or []})
        # The Chinese names of the grammar's lines (天玑, 骁龙), which may lead an engine's name.
        self.line_words = {key(str(w)): series.get("vendor") for series in data.get("series") or []
                           for w in series.get("words") or [] if not str(w).isascii()}
        # Makers and series whose word may lead a line of capitals (vivo X 系列, 酷睿 P 系列):
        # key -> (vendor, part of the name, a series).
        self.line_leads: dict[str, tuple[str | None, bool, bool]] = {}
        for brand in data.get("brands") or []:
            for w in brand.get("words") or []:
                self.line_leads.setdefault(key(str(w)), (brand.get("vendor"), brand.get("in_name", True), False))
        for series in data.get("series") or []:
            for w in series.get("words") or []:
                self.line_leads.setdefault(key(str(w)), (series.get("vendor"), True, True))
        self.not_letter_lines = {key(str(w)) for w in data.get("not_letter_lines") or []}
        # OEM, FPGA, GPU: capitals that are a common abbreviation, no name alone (汽車OEM) and no
        # last word of one (Artix UltraScale+ AU7P FPGA).
        self.generic_capitals = self.not_letter_lines | set(blocks) \
            | {key(str(w)) for w in data.get("not_letter_codes") or [] if len(str(w)) > 1}
        # 天璣Agentic AI引擎: a Latin name and an engine noun, which is part of the name.
        self.engine_nouns = sorted({key(str(n)) for n in data.get("engine_nouns") or []})
        # NPU 890, ISP 990: a chip block and a model number name that block's design.
        self.block_code = re.compile(rf"(?<![a-z0-9])(?:{alt(blocks) or '(?!)'}) ?[0-9]{{3,4}}(?![0-9a-z.%])")

    # ------------------------------------------------------------------ code names, architectures
    def named_technologies(self, doc: Document, is_other, blocked=frozenset()) -> list[Found]:
        """Lunar Lake, Rialto Bridge: a capitalised word and a code-name head (not inside
        parentheses, where it glosses the product before it: 處理器（代號「Strix Point」）);
        Oryon CPU架构, Zen3架构, Crusher超算, LoongArch指令集: a capitalised Latin name right before
        a noun that says it is an architecture, an instruction set or a machine.
        `is_other(key)` says the name is an organisation or another kind of thing."""
        norm, key = doc.norm, doc.key
        out: list[Found] = []
        for m in matches_from(self.codename_re, norm, self._codename_starts(norm)):
            deadline.check("products")
            if m.group(1).lower() in self.not_codename or (m.start(), m.end()) in blocked:
                continue
            if _inside_parentheses(key, m.start()) or RUNS_ON.match(key, m.end()):
                continue     # Salt Lake City: the name runs on
            text = m.group()
            out.append(Found(m.start(), m.end(), slug(text), text, None, "hardware", evidence="gloss-name"))
        for at in self._arch_starts(key):
            deadline.check("products")
            lo = max(0, at - NAME_BEFORE_NOUN)
            n = LATIN_NAME_BEFORE.search(key, lo, at)
            if n is None or not norm[n.start()].isupper() or (n.start(), n.end()) in blocked:
                continue
            start, end = n.start(), n.end()
            first = key[start:end].split(" ", 1)
            if len(first) == 2 and is_other(first[0]):
                start += len(first[0]) + 1     # Intel Xe HPC架构: the maker, then the name
            if start > 0 and (LATIN.match(key[start - 1]) or key[start - 1] in ".-"):
                continue
            name = key[start:end]
            if len(name) < 3 or name in self.not_codename or is_other(name):
                continue     # CPU架构, AI引擎, Intel超算
            text = norm[start:end]
            out.append(Found(start, end, slug(text), text, None, "hardware", evidence="gloss-name"))
        for at in self._tech_noun_starts(key):
            deadline.check("products")
            n = LATIN_NAME_BEFORE.search(key, max(0, at - NAME_BEFORE_NOUN), at)
            if n is None or (n.start(), n.end()) in blocked:
                continue
            start, end = n.start(), n.end()
            if start > 0 and (LATIN.match(key[start - 1]) or key[start - 1] in ".-"):
                continue
            words = TECH_WORD_SPLIT.split(norm[start:end])
            if not TITLE_WORDS.fullmatch(words[0]) or any(is_other(w.lower()) for w in words) \
                    or is_other(key[start:end]):     # a generic word or a company's name in it
                continue
            text = norm[start:end]
            out.append(Found(start, end, slug(text), text, None, "other", evidence="gloss-name"))
        for start, name_end, end in self._engine_names(key):
            deadline.check("products")
            words = norm[start:name_end].split(" ")
            if not (TITLE_WORD.fullmatch(words[0]) or words[0].isupper()) or is_other(key[start:name_end]) \
                    or (start, end) in blocked:
                continue     # AI引擎, 游戏引擎: a generic word names no engine
            # 天璣Agentic AI引擎: the line's Chinese name right before it is part of the name
            lead = next((start - n for n in (3, 2) if start >= n and key[start - n:start] in self.line_words), start)
            text = norm[lead:end]
            out.append(Found(lead, end, slug(text) if text.isascii() else name_id(text), text,
                             self.line_words.get(key[lead:start]), "software", evidence="gloss-name"))
        for m in self.noun_led(self.noun_then_name, self.noun_end_then_name, key):
            deadline.check("products")
            # 生產力工具Microsoft Office, 軟體Zoom: a category noun right before a capitalised name.
            category = self.category_nouns[m.group(1)]
            out += self._noun_named(doc, m.start(2), m.end(2), category, is_other, blocked, direct=True,
                                    letter=m.group(1) in self.letter_name_nouns)
            p = m.end(2)
            while (n := self.listed_name.match(key, p)) is not None:
                out += self._noun_named(doc, n.start(1), n.end(1), category, is_other, blocked)
                p = n.end()
        for m in self.noun_led(self.noun_then_bracketed, self.noun_end_then_bracket, key):
            deadline.check("products")
            out += self._bracketed(doc, m, is_other, blocked)
        return out

    def noun_led(self, pattern: re.Pattern, end_re: re.Pattern, key: str) -> list[re.Match]:
        """`pattern.finditer(key)` for a pattern that opens with a category noun: the pattern
        is tried only where a noun ends before what `end_re` looks ahead for, leftmost first,
        each match after the one before (as finditer: non-overlapping)."""
        nouns, longest = self.category_nouns, self.noun_longest
        starts = set()
        for h in end_re.finditer(key):
            e = h.end()
            for n in range(1, min(longest, e) + 1):
                if key[e - n:e] in nouns:
                    starts.add(e - n)
        out, last = [], 0
        for s in sorted(starts):
            if s >= last and (m := pattern.match(key, s)) is not None:
                out.append(m)
                last = m.end()
        return out

    def _bracketed(self, doc: Document, m: re.Match, is_other, blocked) -> list[Found]:
        """交易平台（Zorvix）, 購買工具（Zorvix Ads和QX360）: the names in brackets right after a category
        noun name what it is, when the bracket holds names only (a list, then the closing bracket)
        and each is written as a name: every word capitalised or coded, and never capitals alone
        (模型（LLM）, 晶片（SoC）: the noun's abbreviation) nor a translation (工具（Web developer
        tool）, 平板（OLED Tablet）: a generic word in it). Not after a name (Zorvix 芯片（QX1）: the bracket glosses that product)."""
        key, norm = doc.key, doc.norm
        before = m.start(1) - (m.start(1) > 0 and key[m.start(1) - 1] == " ")
        if before > 0 and (LATIN.match(key[before - 1]) or key[before - 1] in ".-+"):
            return []
        spans, p = [], m.start(2)
        while (n := BRACKETED_NAME.match(norm, p)) is not None and len(spans) < MAX_LISTED:
            spans.append(n.span())
            sep = BRACKETED_SEP.match(key, n.end())
            if sep is None:
                break
            p = sep.end()
        if not spans or BRACKET_CLOSE.match(key, spans[-1][1]) is None:
            return []
        category = self.category_nouns[m.group(1)]
        out: list[Found] = []
        for start, end in spans:
            text = norm[start:end]
            words = key[start:end].split(" ")
            if CAPITALS_ONLY.fullmatch(text) or any(w in self.generic_capitals for w in words) \
                    or len(words) > 1 and self.is_generic is not None and self.is_generic(words[-1]):
                continue     # 平板電腦（OLED Tablet）: an abbreviation or a generic word in it
            out += self._noun_named(doc, start, end, category, is_other, blocked)
        return out

    def _codename_starts(self, norm: str):
        """Where a code name may start: the capitalised word ending one space before a head."""
        for head in self.codename_heads:
            at = norm.find(head)
            while at >= 0:
                if at >= 4 and norm[at - 1] == " ":
                    i = at - 2
                    while i >= 0 and "a" <= norm[i] <= "z":
                        i -= 1
                    if i >= 0 and "A" <= norm[i] <= "Z":
                        yield i
                at = norm.find(head, at + 1)

    @staticmethod
    def _word_starts(key: str, words):
        for word in words:
            at = key.find(word)
            while at >= 0:
                yield at
                at = key.find(word, at + 1)

    def _arch_starts(self, key: str) -> list[int]:
        """Where arch_re.finditer(key) would match, found with str.find (a scan in C per noun, not
        the alternation tried at every character): at one start the longest architecture noun,
        else a block word after a space and before no letter or digit; none inside an earlier one."""
        found: dict[int, int] = {}
        for noun in self.arch_nouns:
            at = key.find(noun)
            while at >= 0:
                found.setdefault(at, at + len(noun))
                at = key.find(noun, at + 1)
        for word in self.block_words:
            at = key.find(word)
            while at >= 0:
                end = at + len(word)
                if at > 0 and key[at - 1] == " " and not (end < len(key) and key[end].isascii()
                                                           and (key[end].isalnum())) and at not in found:
                    found[at] = end
                at = key.find(word, at + 1)
        starts, last = [], 0
        for at in sorted(found):
            if at >= last:
                starts.append(at)
                last = found[at]
        return starts

    def _engine_names(self, key: str):
        """(start, name end, end) of a Latin name of one to three words and the engine noun after it
        (str.find for the noun, then the name read backwards from it)."""
        for noun in self.engine_nouns:
            at = key.find(noun)
            while at >= 0:
                n = LATIN_WORDS_BEFORE.search(key, max(0, at - NAME_BEFORE_NOUN), at)
                if n is not None and (n.start() == 0 or not (key[n.start() - 1].isascii()
                                                              and (key[n.start() - 1].isalnum() or key[n.start() - 1] in ".-"))):
                    yield n.start(), n.start() + len(n.group().rstrip(" ")), at + len(noun)
                at = key.find(noun, at + len(noun))

    def _tech_noun_starts(self, key: str):
        """Where a technology noun starts right after a Latin letter, digit or space (str.find:
        a scan in C, not a regex tried at every character)."""
        for noun in self.tech_nouns:
            at = key.find(noun)
            while at >= 0:
                if at > 0 and (key[at - 1] in "」”\" " or (key[at - 1].isascii() and key[at - 1].isalnum())):
                    yield at
                at = key.find(noun, at + len(noun))

    def _noun_named(self, doc: Document, start: int, end: int, category: str, is_other, blocked,
                    direct: bool = False, letter: bool = False) -> list[Found]:
        """The capitalised Latin name a category noun comes before (`direct`: right before it, not
        listed after another), if it is one; `letter`: the noun is a social network's, after which
        a single capital is a name (社群平台X)."""
        norm, key = doc.norm, doc.key
        if letter and end - start == 1 and norm[start].isupper() and norm[start] not in self.placeholder_letters \
                and (start, end) not in blocked \
                and not LATIN.match(key, end) and not (end < len(key) and key[end] in ".-+"):
            return [Found(start, end, slug(norm[start:end]), norm[start:end], None, category, evidence="gloss-name")]
        words = norm[start:end].split(" ")
        if direct and category in APP_CATEGORIES and self.is_generic is not None and len(words) <= 2 \
                and is_other(key[start:end]) and not self.is_generic(key[start:end]):
            # 視訊會議軟體Zoom, 社交平台LinkedIn, 模型平台Hugging Face: after a software, app or
            # platform noun a company's name is its app's or platform's (CONVENTIONS 15: the text
            # names both), though the company's span is blocked
            if not (norm[start].isupper() or self._rare_lower(doc, start, end)) or end - start < 3 or LATIN.match(key, end) or self.feature_re.match(key, end):
                return []
            text = norm[start:end]
            return [Found(start, end, slug(text), text, None, category, evidence="gloss-name")]
        if (is_other(words[0].lower()) or words[0].lower() in self.suffix_words) and len(words) == 1:
            return []
        if direct and category in APP_CATEGORIES and (start, end) not in blocked and self._rare_lower(doc, start, end):
            # 视频平台zorbiq，…zorbiq的: one lower-case word of letters the text writes again,
            # right after an app or platform noun, names it (软件ai, 平台online say too little)
            text = norm[start:end]
            return [Found(start, end, slug(text), text, None, category, evidence="gloss-name")]
        # 平板 vivo Pad: a maker's name written in lower case, then a capitalised word
        maker_first = len(words) > 1 and is_other(words[0].lower()) and words[1][:1].isupper()
        if not (norm[start].isupper() or maker_first) or PLURAL_ACRONYM.fullmatch(norm[start:end]) \
                or (start, end) in blocked:
            return []
        if end - start < 2:
            return []     # 平台A, 手机B: a letter stands for an unnamed one
        if len(words) == 1 and key[start:end] in self.generic_capitals:
            return []     # 汽車OEM: an abbreviation, no name
        if is_other(key[start:end]) or LATIN.match(key, end) or (end < len(key) and key[end] in ".-+"):
            return []
        if self.feature_re.match(key, end):
            return []
        text = norm[start:end]
        return [Found(start, end, slug(text), text, None, category, evidence="gloss-name")]

    def _rare_lower(self, doc: Document, start: int, end: int) -> bool:
        """Is norm[start:end] one lower-case word of four or more letters, no generic word, tier
        or company's, that the text writes again elsewhere as a whole Latin word (a coined name
        recurs; a slip of case after a noun does not)?"""
        word, key = doc.norm[start:end], doc.key
        if not RARE_LOWER.fullmatch(word) or key[end:end + 1] in (".", "-", "+", "_", "@", "/") \
                or key[start - 1:start] in (".", "@", "/", "-") or word in self.generic_capitals \
                or word in self.suffix_words or word in self.lower_not_names or (self.is_generic is not None and self.is_generic(word)):
            return False
        return any(at != start for at in doc.latin_word_starts(word))

    def block_codes(self, doc: Document, stop_after, blocked=frozenset()) -> list[Found]:
        """NPU 890: a chip block's capitals and a model number (not a count: GPU 100个)."""
        out: list[Found] = []
        for m in matches_from(self.block_code, doc.key, self._word_starts(doc.key, self.block_words)):
            deadline.check("products")
            start, end = m.span()
            if not doc.norm[start:start + 3].isupper() or (start, end) in blocked or stop_after(doc, end):
                continue
            text = doc.norm[start:end]
            out.append(Found(start, end, slug(text), text, None, "hardware", evidence="gloss-name"))
        return out

    def trademarks(self, doc: Document, is_other, blocked=frozenset()) -> list[Found]:
        """OwlPay® Wallet Pro, Contoso™, Artix™ UltraScale+™ XA AU7P, Spartan™ 7: a name with a
        registered or trade mark (not a company's: Intel®; a maker's name before it, AMD Artix™,
        is left out). The marked name's first word is a line of the maker's: written again
        without marks with more words of a name after it (Artix UltraScale+ AU7P, Zynq
        UltraScale+), it names a product too."""
        out: list[Found] = []
        if "®" not in doc.norm and "™" not in doc.norm:
            return out    # most articles have no mark: no scan of every capital
        norm, key = doc.norm, doc.key
        lines: set[str] = set()
        for m in TRADEMARK.finditer(norm):
            deadline.check("products")
            start, end = m.span()
            while " " in key[start:end] and key[key.rindex(" ", start, end) + 1:end] in self.generic_capitals:
                end = key.rindex(" ", start, end)
            first = FIRST_WORD.match(norm, start)
            if first.end() < end and norm[first.end()] == " " and is_other(key[start:first.end()]):
                start = first.end() + 1     # AMD Artix™: the maker is no part of the name
            mark = MARKS.search(norm, start).start()
            if is_other(key[start:mark]) or (start, end) in blocked:
                continue
            text = norm[start:end]
            lines.add(FIRST_WORD.match(norm, start).group())
            category = self._noun_at(key, end + (key[end:end + 1] == " ")) or "other"
            out.append(Found(start, end, slug(MARKS.sub("", text)), text, None, category, evidence="gloss-name"))
        if not lines:
            return out
        taken = [(f.start, f.end) for f in out]
        again = re.compile(rf"(?<![A-Za-z0-9\-])(?:{alternation(lines)}){TM_MORE}{{1,3}}(?![A-Za-z0-9+®™])")
        for m in again.finditer(norm):
            deadline.check("products")
            start, end = m.span()
            while " " in key[start:end] and key[key.rindex(" ", start, end) + 1:end] in self.generic_capitals:
                end = key.rindex(" ", start, end)     # Artix UltraScale+ AU7P FPGA: the noun is no part
            if any(s < end and start < e for s, e in taken) or (start, end) in blocked or is_other(key[start:end]):
                continue
            text = norm[start:end]
            category = self._noun_at(key, end + (key[end:end + 1] == " ")) or "other"
            out.append(Found(start, end, slug(text), text, None, category, evidence="gloss-name"))
        return out

    def titled_apps(self, doc: Document, blocked=frozenset()) -> list[Found]:
        """《蝙蝠俠：阿卡漢之影》遊戲, 热门游戏《甲》: a title in book-title marks that a game or app
        noun follows or precedes (a title alone may be a newspaper, a law or a report). Once the
        text has named a game so, its other titles in a sentence about games are games too
        (上一次射击游戏销量超过《甲》是2006年的《乙》), and every title of one is a mention."""
        key = doc.key
        out: list[Found] = []
        if "《" not in key and "游戏" not in key and "手游" not in key and "新作" not in key \
                and "续作" not in key and "销量" not in key:
            return out     # no title and no game (most texts): scans in C
        seen: set[int] = set()
        names: set[str] = set()
        parts: dict[str, str] = {}

        def add(start: int, end: int, category: str = "app") -> None:
            if start in seen or (start, end) in blocked:
                return
            seen.add(start)
            # 战争机器（Gears of War）: the title's other-language name in brackets is no part of it
            bracket = key.find("(", start, end)
            if bracket > start:
                end = bracket
            text = doc.norm[start:end].strip()
            if not text:
                return
            names.add(key[start:end])
            pid = parts.get(key[start:end]) or (slug(text) if text.isascii() else name_id(text))
            head, colon, tail = key[start:end].partition(":")
            if colon and head and tail:
                parts.setdefault(tail.strip(), pid)    # 使命召唤：黑色行动7, then 《黑色行动7》: one game
            out.append(Found(start, start + len(doc.norm[start:end].rstrip()), pid, text, None, category,
                             evidence="gloss-name"))

        for m in TITLED_CHANNEL.finditer(key):
            deadline.check("products")
            add(*m.span(1), category="service")

        for m in TITLED_APP.finditer(key):
            deadline.check("products")
            add(*m.span(1))
        for m in TITLED_APPS.finditer(key):
            deadline.check("products")
            for t in re.finditer(TITLE, key[m.start():m.end()]):
                add(m.start() + t.start() + 1, m.start() + t.end() - 1)
        for m in ANY_TITLE.finditer(key):
            deadline.check("products")
            if key.endswith(APP_BEFORE_TITLE, 0, m.start()) or (
                    GAME_AFTER_TITLE.match(key, m.end()) or key.endswith(PRODUCT_BEFORE_TITLE, 0, m.start())) \
                    and not NOT_A_GAME_TITLE.search(key, m.start(1), m.end(1)):
                add(*m.span(1))
        for m in QUOTED_GAME.finditer(key):
            deadline.check("products")
            add(*m.span(1))
        for m in MADE_TITLES.finditer(key):
            deadline.check("products")
            for t in re.finditer(TITLE, key[m.start(1):m.end(1)]):
                start, end = m.start(1) + t.start() + 1, m.start(1) + t.end() - 1
                if not NOT_A_GAME_TITLE.search(key, start, end) and not NOT_A_MADE_WORK.search(key, start, end) \
                        and not KEEPSAKE_AFTER.match(key, end + 1):
                    add(start, end)
        for m in STUDIO_TITLE.finditer(key):
            deadline.check("products")
            if not NOT_A_GAME_TITLE.search(key, m.start(1), m.end(1)):
                add(*m.span(1))
        for m in TITLE_AND_OTHERS.finditer(key):
            deadline.check("products")
            if not NOT_A_GAME_TITLE.search(key, m.start(1), m.end(1)):
                add(*m.span(1))
        for m in TITLED_WORK.finditer(key):
            deadline.check("products")
            add(*m.span(1))
        for m in GLOSSED_WORK.finditer(key):
            deadline.check("products")
            if doc.norm[m.start(2)].isupper():
                add(*m.span(1))
        if not out:
            return out
        for m in ANY_TITLE.finditer(key):
            deadline.check("products")
            start, end = m.span(1)
            if start in seen:
                continue
            title = key[start:end]
            bracket = title.find("(")
            title = title[:bracket] if bracket > 0 else title
            # the same title again, or an episode of one (使命召唤 … 使命召唤：黑色行动7)
            if title in names or title in parts or title.partition(":")[0] in names or (
                    not NOT_A_GAME_TITLE.search(title) and self._game_sentence(key, m.start(), m.end())):
                add(start, end)
        return out

    def letter_lines(self, doc: Document, blocked=frozenset()) -> list[Found]:
        """vivo X 系列, 真我 GT 系列, 12 代酷睿 P 系列, 苹果的 M 系列芯片: one to three capitals and
        系列 name a line when a maker's or a series' word leads them (with it, where the maker's
        products carry its name, and a generation before a series) or a device noun follows."""
        key, norm = doc.key, doc.norm
        out: list[Found] = []
        at = key.find(SERIES)
        while at >= 0:
            deadline.check("products")
            m = LETTERS_BEFORE.search(key, max(0, at - 4), at)
            end, at = at + len(SERIES), key.find(SERIES, at + len(SERIES))
            if m is None:
                continue
            start, letters = m.start(), m.group().rstrip(" ")
            if not norm[start:start + len(letters)].isupper() or letters in self.not_letter_lines:
                continue
            before = key[max(0, start - LINE_WORD_BEFORE):start]
            word = before[:-1] if before.endswith(" ") else before
            lead = next(((w, v) for n in range(min(len(word), 8), 1, -1)
                         if (v := self.line_leads.get(w := word[-n:])) is not None
                         and not (w[-1:].isascii() and w[-1:].isalnum() and word[-n - 1:-n].isascii()
                                  and word[-n - 1:-n].isalnum())), None)
            vendor = None
            if lead is not None:
                (w, (vendor, in_name, is_series)) = lead
                if in_name:
                    start = start - (len(before) - len(word)) - len(w)
                    g = GENERATION_BEFORE.search(key, max(0, start - 6), start) if is_series else None
                    start = g.start() if g else start
            else:
                noun = self.noun_re.match(key, end + (key[end:end + 1] == " "))
                if noun is None or self.category_nouns[noun.group()] != "hardware":
                    continue
            if (start, end) in blocked:
                continue
            text = norm[start:end]
            out.append(Found(start, end, slug(text) if text.isascii() else name_id(text), text, vendor,
                             "hardware", evidence="gloss-name"))
        return out

    @staticmethod
    def _game_sentence(key: str, start: int, end: int) -> bool:
        """The sentence around key[start:end] speaks of games."""
        lo = max((e.end() for e in SENTENCE_END.finditer(key, max(0, start - SENTENCE_SPAN), start)),
                 default=max(0, start - SENTENCE_SPAN))
        e = SENTENCE_END.search(key, end, end + SENTENCE_SPAN)
        hi = e.start() if e else min(len(key), end + SENTENCE_SPAN)
        return GAME_SENTENCE_WORD.search(key, lo, hi) is not None

    def listed(self, doc: Document, is_other, blocked=frozenset()) -> list[Found]:
        """…作業系統與開發環境，包括 prplOS、RDK-B 和 OpenWrt 等, 芯片组包括MT6580、MT6761等: two or
        more Latin names listed after 包括 or 例如, when the words before end in a category noun, or
        (包括A和B在内的软件) the noun follows the list; model numbers alone after a device noun
        (高通的芯片例如 8155、8295). A single capital after another member is a member (包括
        Zorbit、Chatnest 和 X 在內: a network named by one letter), a placeholder (A、B) never; one
        name alone only where 在內的 and a category noun follow it (包括 Zorbit 在內的通訊軟體),
        never a generic word (包括 AI 在內的應用)."""
        key = doc.key
        out: list[Found] = []
        for m in INCLUDING.finditer(key):
            deadline.check("products")
            items, q = [], m.end()
            numbers = LIST_NUMBER.match(key, q) is not None
            item = LIST_NUMBER if numbers else LIST_ITEM
            while len(items) < MAX_LISTED and (n := item.match(key, q) or self._letter_member(doc, q, items)) is not None:
                items.append(n.span())
                sep = LIST_SEP.match(key, n.end())
                q = sep.end() if sep else n.end()
                if sep is None:
                    break
            inclusive = INCLUSIVE_END.match(key, items[-1][1]) if items and not numbers else None
            if len(items) < 2 and inclusive is None:
                continue     # one name alone only with 在內的 and the noun after it (包括 Zorbit 在內的通訊軟體)
            if inclusive is not None:
                category = self._noun_in_gap(key, inclusive.end())
            elif not LIST_END.match(key, items[-1][1]) and not CJK_AFTER.match(key, items[-1][1]):
                continue    # 操作系统例如 macOS 和 Linux 基本没有变化: Chinese words go on after the list
            else:   # the noun the words before the list end in (read only for a list of two or more)
                lo = max(0, m.start() - 40)
                cut = max((c.end() for c in CLAUSE_END.finditer(key, lo, m.start())), default=lo)
                clause = NOUN_THEN_MORE.sub("", key[cut:m.start()])
                category = self._noun_ending(clause)
                named = [span for span in items if self._named_member(doc, *span)] if category is None else []
                if len(named) >= 2 and not numbers:
                    # the head read further off: the members written as names only (包括 Vela、Nimbo 和 Power: Power is a word)
                    category = self._noun_ending(LIST_NOUN_TAIL.sub("", clause), self.list_head_nouns) \
                        or (self._sentence_head(key, m.start()) if len(named) >= SENTENCE_HEAD_MIN else None)
                    items = named
            if category is None or numbers and category != "hardware":
                continue
            for start, end in items:
                if is_other(key[start:end]) or (start, end) in blocked \
                        or len(items) == 1 and key[start:end] in self.generic_capitals:
                    continue
                text = doc.norm[start:end]
                out.append(Found(start, end, slug(text), text, None, category, evidence="gloss-name"))
        return out

    def _named_member(self, doc: Document, start: int, end: int) -> bool:
        """A member written as a name: a capital in it, no generic word or common abbreviation
        (包括 GPU、CPU 和 NPU, 包括 wifi、usb, Power name nothing)."""
        text, k = doc.norm[start:end], doc.key[start:end]
        return text != text.lower() and k not in self.generic_capitals \
            and not (self.is_generic is not None and self.is_generic(k))

    def _sentence_head(self, key: str, p: int) -> str | None:
        """The last noun of the sentence before p that ends a phrase (在办公应用中, 扩展程序（,
        平台，), within SENTENCE_HEAD_SPAN characters: the head a long list elaborates."""
        lo = max(0, p - SENTENCE_HEAD_SPAN)
        lo = max((e.end() for e in SENTENCE_END.finditer(key, lo, p)), default=lo)
        category = None
        for n in self.list_head_re.finditer(key, lo, p):
            if n.end() < p and key[n.end()] in HEAD_NOUN_ENDS:
                category = self.category_nouns.get(n.group()) or self.list_head_nouns[n.group()]
        return category

    def _letter_member(self, doc: Document, q: int, items: list) -> re.Match | None:
        """包括 Zorbit、Chatnest 和 X: a single capital after another member, no placeholder (A、B)."""
        if not items or doc.norm[q:q + 1] in self.placeholder_letters or not doc.norm[q:q + 1].isupper():
            return None
        return LIST_LETTER.match(doc.key, q)

    def listed_before_etc(self, doc: Document, is_other, blocked=frozenset()) -> list[Found]:
        """在甲商店、PP助手、“青驿”等应用分发平台: the members of a list that 等 and a category noun
        close, when a member has the marks of a name (quotes, or a Latin word and Chinese);
        plain words listed with them (搜索、智能云、小度等应用) stay words, and so do common
        abbreviations (CPU、GPU、ASIC等運算平台) and, before a feature noun, a term glossed by
        capitals in brackets (云桌面（VDI）等功能: its abbreviation, no name)."""
        key, norm = doc.key, doc.norm
        out: list[Found] = []
        at = key.find("等")
        while at >= 0:
            deadline.check("products")
            category = self._noun_in_gap(key, at + 1)
            latin_only = category is None and self._feature_in_gap(key, at + 1)
            category = "software" if latin_only else category     # 等多項AI新功能
            if category is not None and category != "service":
                lo = max(0, at - MAX_LISTED * MAX_MEMBER)
                cut = max((c.end() for c in CLAUSE_END.finditer(key, lo, at)), default=lo)
                bounds = [cut] + [x for sep in LIST_ITEM_SEP.finditer(key, cut, at) for x in sep.span()] + [at]
                out_before = len(out)
                for start, end in zip(bounds[::2], bounds[1::2]):
                    # 、 Excel 等: a space beside a separator or before 等 is no part of the member
                    start += start > cut and key[start:start + 1] == " "
                    end -= end > start and key[end - 1:end] == " "
                    # The first member may follow the verb of its clause (在ZX助手、…).
                    m = MARKED_MEMBER.fullmatch(key, start, end) if start > cut else FIRST_MEMBER.search(key, start, end)
                    if m is None and start > cut and out_before < len(out):
                        m = self._letter_member(doc, start + (key[start:start + 1] == " "), out[out_before:])
                        if m is not None and m.end() <= end and not key[m.end():end].strip():
                            # 如Zorbit、X等應用: a single capital after a Latin member named above
                            out.append(Found(m.start(), m.end(), slug(norm[m.start():m.end()]), norm[m.start():m.end()],
                                             None, category, evidence="gloss-name"))
                        continue
                    if m is None:
                        continue
                    s, e = m.span(1) if m.group(1) else m.span(2) if m.group(2) else m.span(3)
                    text = norm[s:e]
                    if latin_only and not text.isascii():
                        continue     # 會議摘要等功能: a Chinese word before a feature noun says what it does
                    if is_other(key[s:e]) or (s, e) in blocked or text.isascii() and text.islower() \
                            or key[s:e] in self.generic_capitals \
                            or PHRASE_CHARS.search(text) or text.isascii() and key[s:e] in self.suffix_words:
                        continue
                    if m.group(1) and not QUOTED_NAME.fullmatch(key, s, e):
                        continue
                    if m.group(3) and latin_only and CAPITALS_ONLY.fullmatch(text):
                        continue     # 硬件共享（SRIOV）、云桌面（VDI）等功能: a term and its abbreviation
                    pid = slug(text) if text.isascii() else name_id(text)
                    if m.group(3):
                        # 即時字幕（Live Captions）: the Chinese rendering names it too, one product under
                        # the rendering's id, so a later 「即時字幕」 is the same
                        r = m.start(3) - 1
                        rs = r - len(CJK_RUN_BEFORE.search(key, m.start(), r).group())
                        pid = name_id(norm[rs:r])
                        out.append(Found(rs, r, pid, norm[rs:r], None, category, evidence="gloss-name"))
                    out.append(Found(s, e, pid, text, None, category, evidence="gloss-name"))
            at = key.find("等", at + 1)
        return out

    def _feature_in_gap(self, key: str, p: int) -> bool:
        """The noun after 等 is a feature's (等多項AI新功能): it names Latin members only."""
        window = key[p:p + ETC_NOUN_GAP + 6]
        return any(n in window for n in self.feature_name_nouns)

    def _noun_in_gap(self, key: str, p: int) -> str | None:
        """The category noun that ends the few characters after 等 (等安卓应用分发平台), or a list's
        head noun or a list's closing noun there (等网站, 等连接器, 在内的即时通讯产品): after a list
        it says what the members are."""
        window = key[p:p + ETC_NOUN_GAP + 6]
        stop = CLAUSE_END.search(window)
        if stop:
            window = window[:stop.start()]
        window = window.split("的", 1)[0]
        for end in range(len(window), 1, -1):      # the noun that ends the phrase: 平台 of 应用分发平台
            for size in range(min(6, end), 1, -1):
                noun = window[end - size:end]
                if end - size <= ETC_NOUN_GAP and (category := self.category_nouns.get(noun) or self.list_end_nouns.get(noun)):
                    return category
        return None

    def _app_phrase(self, key, words: dict) -> None:
        """The words before App that make a phrase (product_grammar.yaml `app_phrase`): a quantifier
        first (`app_quantifier`), a pronoun or causative first, a determiner or measure word last,
        a verb of opening the app (`app_lead`, with APP_LEAD's words)."""
        def chars(name):
            return "".join(sorted({key(str(w)) for w in words.get(name) or []}))
        dets, nums, measures = chars("determiners"), chars("numerals"), chars("measure_words")
        self.app_clause_first = frozenset(chars("clause_first"))
        self.app_phrase_last = frozenset(dets + measures)
        cls = lambda cs: f"[{re.escape(cs)}]" if cs else "(?!)"
        # 这款, 另一款, 两个, 2款 anywhere in the words (只有这款星聊: what is before it is no name either),
        # or a determiner alone first (该星聊).
        self.app_quantifier = re.compile(rf"(?:{cls(dets)}(?:[0-9]|{cls(nums)})*|(?:[0-9]|{cls(nums)})+){cls(measures)}")
        verbs = sorted({key(str(w)) for w in words.get("use_verbs") or []}, key=len, reverse=True)
        self.app_lead = re.compile(APP_LEAD.pattern[:-1] + "".join("|" + re.escape(v) for v in verbs) + ")")

    def _app_name_start(self, key: str, start: int, at: int) -> int | None:
        """Where the app's name starts in key[start:at], the quantifier before it and what is before
        that left out (只有这款星聊 → 星聊), or None where the words are a phrase (他点进, 登入某, 开发者款)."""
        if key[start] in self.app_clause_first:
            return None
        for q in self.app_quantifier.finditer(key, start, at):
            start = q.end()
        start = max([start] + [key.rfind(j, start, at) + 1 for j in APP_JOINERS])   # 车机与|控制: a list's last member
        start += start < at and key[start] in self.app_phrase_last     # 该星聊; 2|款星聊 (the run stops at a digit)
        if start >= at or key[at - 1] in self.app_phrase_last:
            return None
        return start

    def named_apps(self, doc: Document, is_other, blocked=frozenset()) -> list[Found]:
        """天眼查App显示, 用星聊app: a coined Chinese name (no word of the dictionary, no phrase)
        written right before App is the app's name with the word (a verb or 的 before it cut off);
        not two known names written back to back (微信美团App: a list of two apps, no one name)."""
        key, norm = doc.key, doc.norm
        out: list[Found] = []
        at = key.find("app")
        known_ends: dict[int, set[int]] | None = None    # a gazetteer name's start: its ends
        while at >= 0:
            deadline.check("products")
            end = at + 3
            if (end >= len(key) or not key[end].isalnum() or not key[end].isascii()) and at > 1:
                lo = at
                while lo > 0 and at - lo < APP_RUN and "\u4e00" <= key[lo - 1] <= "\u9fff":
                    lo -= 1
                lead = self.app_lead.search(key, lo, at)
                start = lead.end() if lead else lo
                start += key[start:at].startswith(tuple(APP_JOINERS))
                start = self._app_name_start(key, start, at) if start < at else None
                start = self._app_name_words(doc, start, at) if start is not None else None
                name = key[start:at] if start is not None else ""
                if 2 <= len(name) <= 5 and name[-1] not in APP_JOINERS and (lo == 0 or not "\u4e00" <= key[lo - 1] <= "\u9fff" or lead) \
                        and self._coined(norm[start:at]) and not is_other(name) \
                        and self.category_nouns.get(name[-2:]) is None and (start, end) not in blocked \
                        and not self._app_words_phrase(doc, start, at):
                    if known_ends is None:
                        known_ends = {}
                        for g in doc.layers.get("gazetteer", ()):
                            known_ends.setdefault(g.start, set()).add(g.end)
                    if any(at in known_ends.get(e, ()) for e in known_ends.get(start, ()) if e < at):
                        at = key.find("app", at + 3)
                        continue     # 星聊云帆App: two known names back to back, a list, no one name
                    text = norm[start:end]
                    out.append(Found(start, end, name_id(text), text, None, "app", evidence="gloss-name"))
            at = key.find("app", at + 3)
        return out

    def _app_name_words(self, doc: Document, start: int, at: int) -> int | None:
        """Where the app's name starts among the segmenter's words over key[start:at]: past the
        words of time that lead them (目前|抖音App: the time the clause is about, no part of the
        name), or None where a number leads them (四季度|百度App, 第二|大熱門購物App: a phrase), or
        where start falls inside a word of the dictionary (为用|户提供App: a lead verb read inside
        用户 cuts no name; 据星|聊App, a guess over a coined name, does). At most APP_RUN
        characters: a few tokens read."""
        i = doc.token_index_at(start)
        if i >= len(doc.tokens):
            return None
        token = doc.tokens[i]
        if token.start < start:
            if self.is_word(doc.key[token.start:token.end]):
                return None
            return start
        while i < len(doc.tokens) and doc.tokens[i].end < at and (doc.tokens[i].pos or "")[:1] in APP_LEAD_TAGS:
            if doc.tokens[i].pos[:1] == "m":
                return None      # 第二|大熱門購物App, 四季度|百度App: a number starts a phrase, no name
            i += 1
            start = doc.tokens[i].start
        return start

    @staticmethod
    def _app_words_phrase(doc: Document, start: int, at: int) -> bool:
        """速度亦比舊App, 協助上架App: the segmenter's words over the run before App make a phrase,
        no name, where one is an adverb, a preposition or a conjunction (亦, 比, 并), or where all are
        verbs (协助 上架). A coined name's pieces are nouns or guesses (天眼|查, 晴雨通, 畅连).
        At most APP_RUN characters: a few tokens read."""
        tags = []
        i = doc.token_index_at(start)
        while i < len(doc.tokens) and doc.tokens[i].start < at:
            token = doc.tokens[i]
            if token.pos == APP_PARTICLE_TAG and token.end - token.start == 1:
                return True     # 健身等App, 宗教等政务App: a list's end, no name
            tags.append(token.pos or "")
            i += 1
        return any(t[:1] in APP_PHRASE_TAGS for t in tags) or (len(tags) > 1 and all(t == "v" for t in tags))

    def _noun_ending(self, clause: str, also: dict[str, str] | None = None) -> str | None:
        """The category noun ending `clause` (the longest), or a noun of `also` there (a list's
        head nouns: 网站, 扩展程序)."""
        for size in range(min(6, len(clause)), 1, -1):
            category = self.category_nouns.get(clause[-size:]) or (also or {}).get(clause[-size:])
            if category is not None:
                return category
        return None

    # ------------------------------------------------------------------ named in quotes
    def quoted(self, doc: Document, blocked=frozenset(), launched=None, is_other=None,
               launch_in=None) -> list[Found]:
        """名为“星河”的大模型, 推出「青鸟」手机: a name after a naming verb (in quotes, or a Latin
        name without them) that a category noun in its clause says is a product; or a name in
        quotes right after a launch verb (`launched(key, pos)`) with its noun right after it."""
        key = doc.key
        out: list[Found] = []
        for m in NAMING.finditer(key):
            code_name = m.group().startswith("代号")
            if code_name and _inside_parentheses(key, m.start()):
                continue    # 處理器（代號「Strix Point」）: the code name of the product before it
            span = self._name_at(key, m.end() + (key[m.end():m.end() + 1] == " "))    # 名为 Aurora 的
            if span is None and NAMING_PROPER.fullmatch(key, m.start(), m.end()):
                out += self._named_before_of(doc, m.end(), blocked)
            elif span is not None:
                name, after = span
                gloss = LATIN_GLOSS_AFTER.match(key, after)    # 名为「X」（Latin）的手机: the noun after the gloss
                category = self._noun_in_clause(key, gloss.end() if gloss else after)
                if category is None and code_name and key[name[0]:name[1]].isascii() \
                        and doc.norm[name[0]:name[0] + 1].isupper():
                    category = "other"    # 代号Ponte Vecchio: a code name is a product's
                if category is None:
                    category = self._named_thing(doc, m.start(), m.end(), name, after, is_other)
                out += self._explained(doc, name, category, blocked)
        if launched is not None:
            for m in OPEN_QUOTE.finditer(key):
                deadline.check("products")
                if launched(key, LAUNCH_FILLER.sub("", key[max(0, m.start() - 8):m.start()])):
                    category = None
                elif launch_in is not None and (category := self._launched_noun_before(key, m.start(), launch_in)):
                    pass      # 推出全新AI應用「雪豹」: a launch verb, then the noun, then the name
                else:
                    continue
                span = self._name_at(key, m.start())
                if span is not None and span[0] not in {f.start for f in out}:
                    name, after = span
                    out += self._explained(doc, name, self._noun_at(key, after) or category, blocked)
        if launch_in is not None and is_other is not None:
            out += self._dashed(doc, blocked, launch_in, is_other, {f.start for f in out})
        if is_other is not None:
            # “Frontier”超算, 超算“Aurora”, 加速卡的“Aurora”: a capitalised Latin name in quotes
            # with its noun right beside it (a Chinese word in quotes may be a mere phrase).
            starts = {f.start for f in out}     # one set, not one per quote: linear in quotes
            products_at = None                  # built at the first quoted Chinese name
            for quote in self._quote_starts(key):
                deadline.check("products")
                span = self._name_at(key, quote)
                if span is None or span[0][0] in starts:
                    continue
                (s, e), after = span
                if not key[s:e].isascii():
                    if products_at is None:
                        products_at = self.products_at(doc)
                    out += self._quoted_chinese(doc, (s, e), after, quote, blocked, is_other, starts,
                                                products_at)
                    continue
                if not doc.norm[s:s + 1].isupper() or is_other(key[s:e]):
                    continue
                if e - s == 1:
                    # “X” 平台: one capital in quotes is a name where a platform noun follows it
                    if PLATFORM_AFTER.match(key, after) or (self._letter_noun_before(key, quote)
                                                            and doc.norm[s] not in self.placeholder_letters):
                        text = doc.norm[s:e]
                        out.append(Found(s, e, slug(text), text, None, "platform", evidence="gloss-name"))
                        starts.add(s)
                    continue
                category = self._noun_at(key, after) or self._noun_before(key, quote) or (
                    self._noun_before(key, quote, heads=True) if self.is_generic is not None
                    and not any(self.is_generic(w) for w in key[s:e].split(" ")) else None) or (
                    "other" if key.startswith("系列", after) and self._launched_line(key, quote, launch_in)
                    else None)     # 推出了…「Lenovo Aura Edition」系列
                out += self._explained(doc, (s, e), category, blocked)
                starts.add(s)
            out += self._quoted_lists(doc, blocked, is_other, starts,
                                      {key[f.start:f.end]: f.category for f in out})
        return out

    def _quoted_lists(self, doc: Document, blocked, is_other, starts: set[int],
                      found: dict[str, str | None]) -> list[Found]:
        """「甲」、「乙」和「丙」功能, 功能包括「甲」与「乙」: coined names in quotes listed together share
        the noun right after the last (等 allowed before it; two names or more), or a feature noun and a
        word of inclusion right before the first names them all features (software, wave 10); with
        neither, a member the quoted names' rules already read (`found`: key form -> category,
        「丙」功能 anywhere in the text) gives the others its kind. One pass over the quotes: each list is read once."""
        key = doc.key
        out: list[Found] = []
        done = -1
        for m in OPEN_QUOTE.finditer(key):
            deadline.check("products")
            if m.start() < done:
                continue
            first = self._name_at(key, m.start())
            if first is None:
                continue
            names, p = [first[0]], first[1]
            while len(names) < MAX_LISTED and (sep := QUOTED_LIST_SEP.match(key, p)) is not None:
                span = self._name_at(key, sep.end() - 1)
                if span is None:
                    break
                names.append(span[0])
                p = span[1]
            done = p
            if FEATURE_LIST_INTRO.search(key, max(0, m.start() - FEATURE_INTRO_REACH), m.start()):
                category = "software"
            elif len(names) >= 2:
                category = self._noun_at(key, p + key.startswith("等", p), of_kind=True) or next(
                    (found[key[s:e]] for s, e in names if found.get(key[s:e])), None)
            else:
                continue
            if category is None or category == "service":
                continue
            for s, e in names:
                if s in starts or is_other(key[s:e]) or not self._coined(doc.norm[s:e]):
                    continue
                out += self._explained(doc, (s, e), category, blocked, LISTED_NAME if len(names) > 1 else QUOTED_NAME)
                starts.add(s)
        return out

    def _named_thing(self, doc: Document, verb: int, verb_end: int, name: tuple[int, int], after: int,
                     is_other) -> str | None:
        """名为「Tessvane」，是全球第一台…超级电脑, 推出名为Quill Grow网页: a proper naming verb (名为,
        命名为, 名叫, not 称为) gives a name, which is a product's (of the kind a gloss after a comma
        says, else `other`) where no noun around says it is another kind's (NAMED_OTHER_KINDS:
        公司, 报告, 计划 …), no measure word before the verb says so (一名叫…, 一家名为…, 这份名为…)
        and the name has a name's shape: quoted, or a Latin name with no version (Helix 1.0 is read
        with its gloss by product_mentions.py) and a capital first or inside."""
        key = doc.key
        if not NAMING_PROPER.fullmatch(key, verb, verb_end) or NAMED_OTHER_MEASURE.search(key, max(0, verb - 2), verb) \
                or key.startswith("名叫", verb) and NUMBER_BEFORE.search(key, max(0, verb - 1), verb):
            return None     # 一家名为…, 一名叫…: a company's or a person's name
        s, e = name
        quoted = s > 0 and key[s - 1] in QUOTES
        text = doc.norm[s:e]
        if not quoted and not (text.isascii() and not any(c.isdigit() for c in text)
                               and (text[:1].isupper() or any(c.isupper() for c in text[1:]))):
            return None
        if is_other is not None and is_other(key[s:e]):
            return None
        lo = max(0, verb - NAMED_BEFORE)
        lo = max((c.end() for c in CLAUSE_END.finditer(key, lo, verb)), default=lo)
        gloss = LATIN_GLOSS_AFTER.match(key, after)
        kind_from = gloss.end() if gloss else after
        stop = CLAUSE_END.search(key, after, kind_from + NOUN_WINDOW)
        hi = stop.start() if stop else min(len(key), kind_from + NOUN_WINDOW)
        if NAMED_OTHER_KINDS.search(key, lo, verb) or NAMED_OTHER_KINDS.search(key, after, hi):
            return None     # 新公司名为…, …的框架报告
        if stop is not None and key.startswith("是", stop.end() + (key[stop.end():stop.end() + 1] == " ")):
            # 名為「Tessvane」，是全球第一台…超級電腦: the noun that ends the gloss after the comma
            gloss_end = CLAUSE_END.search(key, stop.end(), stop.end() + GLOSS_REACH)
            nouns = list(self.after_noun_re.finditer(key, stop.end(), gloss_end.start() if gloss_end
                                                     else min(len(key), stop.end() + GLOSS_REACH)))
            if nouns:
                return self.lexicon_nouns[nouns[-1].group()]
        return "other"

    def _dashed(self, doc: Document, blocked, launch_in, is_other, starts: set[int]) -> list[Found]:
        """推出了首款AI助手——青驿, 發布新一代模型：星汉: a name set off by a dash or a colon after a
        launch verb and the category noun of what was launched, the whole rest of its clause (a
        coined name: no dictionary word, no phrase)."""
        key = doc.key
        out: list[Found] = []
        for m in DASH.finditer(key):
            deadline.check("products")
            category = self._launched_noun_before(key, m.start(), launch_in)
            p = m.end() + (key[m.end():m.end() + 1] == " ")
            n = QUOTED_NAME.match(key, p) if category is not None else None
            if n is None or p in starts or not DASHED_END.match(key, n.end()):
                continue
            name = doc.norm[n.start():n.end()]
            if (name.isascii() and not name[:1].isupper()) or len(name) > DASHED_CJK_MAX and not name.isascii() \
                    or not self._coined(name) or is_other(n.group()):
                continue     # 发布新显卡：性能翻倍价格不变: a headline's comment, no name
            out += self._explained(doc, n.span(), category, blocked)
        return out

    def _letter_noun_before(self, key: str, p: int) -> bool:
        """社交平台「X」: a social network's noun right before the quote."""
        return any(key.endswith(n, 0, p) for n in self.letter_name_nouns)

    def _named_before_of(self, doc: Document, p: int, blocked) -> list[Found]:
        """一個叫淘評評的軟件, 名为星汉的大模型: a coined Chinese name after a naming verb with no
        quotes, when 的 and a category noun right after it say what it is."""
        m = CJK_NAME_THEN_OF.match(doc.key, p)
        if m is None or not self._coined(doc.norm[m.start(1):m.end(1)]):
            return []
        return self._explained(doc, m.span(1), self._noun_at(doc.key, m.end(), of_kind=True), blocked)

    def _quoted_chinese(self, doc: Document, name: tuple[int, int], after: int, quote: int, blocked,
                        is_other, starts: set[int], products_at: dict[int, int]) -> list[Found]:
        """物流平台「青驿」和「远帆」, 晶片「玄鸟710」, 「数据通」平台: a Chinese name in quotes with
        the noun that says what it is right beside it (no 的 between: 平台的“开放” is a
        phrase), and the quoted names listed after it with 和 or 、 sharing that noun. A
        service or solution noun is too wide to name anything."""
        key = doc.key
        framed = key.startswith("功能", after) and FEATURE_USE_BEFORE.search(key, max(0, quote - 4), quote)
        if ALSO_CALLED.search(key, max(0, quote - 3), quote):
            return []     # 软件（又称“青鸟”）: another name of the product before, not one more
        if not self._coined(doc.norm[name[0]:name[1]], bool(framed)):
            # 搭载「云上之眼」高阶智驾系统: a classical 之 between two short parts names a system a
            # vehicle or a device carries (a modified system head after it); anywhere else it is a phrase
            if CLASSICAL_OF.fullmatch(key, name[0], name[1]) is None or self.is_word(doc.norm[name[0]:name[1]]) \
                    or not self._used_before(key, quote):
                return []
            category = self._modified_head(doc, after)
            return self._explained(doc, name, category, blocked) if category not in (None, "service") else []
        category = self._noun_before(key, quote, of_kind=True, heads=name[1] - name[0] > 2)
        if self._remark(doc, name, category is not None and REMARK_CLOSED.match(key, after - 1) is not None
                        and not self._used_before(key, quote)):
            return []
        if category is None and name[1] - name[0] > 2:
            category = self._noun_at(key, after, of_kind=True, features=False)    # 「中杯」模型: a two-character nickname
        if category is None and any(key.startswith(n, after) for n in self.initiative_nouns):
            category = "initiative"     # 纳入「星城蓝图」发展计划
        if category is None and name[1] - name[0] > 2 and self._taken_down(key, quote, after):
            # 「星途出行」遭要求下架: the app, even where its company bears the same name.
            return self._explained(doc, name, "app", ())
        if category is None and self._product_led(doc, name, products_at):
            category = "app"
        if category is None and name[1] - name[0] > 2:
            category = self._noun_at(key, after, of_kind=True)    # 「即時字幕」功能: a named feature
        if category is None and name[1] - name[0] > 2:
            category = self._feature_beside(key, quote, after)    # 新功能「X」, 「X」是一項新功能
        if category is None and name[1] - name[0] > 2 and self._used_before(key, quote):
            category = self._modified_head(doc, after)     # 搭载「天瀾」高阶智驾系统
        if category is None and MAKER_ASSET_AFTER.match(key, after) and self._maker_led(key, name, is_other):
            category = "platform"     # “星河智脑”API, “星河智脑”生态: a maker's coined platform
        if category is None or category == "service" or is_other(key[name[0]:name[1]]):
            return []
        out = self._explained(doc, name, category, blocked)
        starts.add(name[0])
        p = after
        while len(out) < MAX_LISTED and (sep := QUOTED_LIST_SEP.match(key, p)) is not None:
            span = self._name_at(key, sep.end() - 1)
            if span is None or span[0][0] in starts or key[span[0][0]:span[0][1]].isascii():
                break
            out += self._explained(doc, span[0], category, blocked)
            starts.add(span[0][0])
            p = span[1]
        return out

    @staticmethod
    def _remark(doc: Document, name: tuple[int, int], predicate: bool) -> bool:
        """折叠屏“又厚又重”, 工具“最先进”, 无人机“来源为伊朗”, 电动车「市場小得多」: a quoted
        comment, no name, by its own shape: an adverb before an adjective or a verb, a preposition
        between two nouns, a degree complement at its end; and where it stands as the `predicate` of
        the noun before it (that noun right before the quote, the clause ending at the closing mark,
        no verb of using or launching before), a verb ending it after a word that is none
        (芯片“本地制造”。)."""
        s, e = name
        if DEGREE_END.search(doc.key, s, e):
            return True
        if not (doc.starts_token(s) and doc.starts_token(e)):
            return False
        i = doc.token_index_at(s)
        tags = []
        while i < len(doc.tokens) and doc.tokens[i].start < e and len(tags) <= 8:
            tags.append(doc.tokens[i].pos)
            i += 1
        if any(a == "d" and b[:1] in "av" for a, b in zip(tags, tags[1:])):
            return True
        if any(a[:1] == "n" and b == "p" and c[:1] == "n" for a, b, c in zip(tags, tags[1:], tags[2:])):
            return True
        return predicate and len(tags) >= 2 and tags[-1] == "v" and tags[-2][:1] != "v"

    @staticmethod
    def _maker_led(key: str, name: tuple[int, int], is_other) -> bool:
        """Does the quoted name open with a company's name (a knowledge-base alias) and go on with
        two or more Chinese characters of its own (“星河智脑”: the maker's coined name)?"""
        s, e = name
        return any(e - (s + k) >= 2 and CJK_RUN.fullmatch(key, s + k, e) is not None and is_other(key[s:s + k])
                   for k in (2, 3, 4))

    def _feature_beside(self, key: str, quote: int, after: int) -> str | None:
        """新功能「星光修圖」, AI功能是「星光修圖」, 「隱密空間」是一項新功能: a feature noun right before
        the quote (a copula between allowed) or after a copula, a measure word and modifiers right
        after it names a feature, which is software (fixtures/articles/README.md, wave 10)."""
        copula = FEATURE_COPULA_BEFORE.search(key, max(0, quote - 4), quote)
        p = copula.start() if copula is not None else quote
        if any(key.endswith(n, 0, p) for n in self.feature_name_nouns):
            return "software"
        m = FEATURE_IS_AFTER.match(key, after)
        if m is not None and key.startswith("功能", m.end()) and not key.startswith("的", m.end() + 2):
            return "software"     # not 「一鍵開」是新功能的核心: a noun the phrase qualifies
        if FEATURE_AFTER_MODIFIER.match(key, after):
            return "software"     # 「X」保護功能更新
        return None

    def _used_before(self, key: str, quote: int) -> bool:
        """搭载「X」, 推出了「X」, 通过「X」: a verb of launching, carrying or using it earlier in the
        clause of the quote (`quoted_use_verbs`)."""
        lo = max(0, quote - NOUN_WINDOW)
        lo = max((c.end() for c in CLAUSE_END.finditer(key, lo, quote)), default=lo)
        return self.quoted_use_verbs.search(key, lo, quote) is not None

    def _modified_head(self, doc: Document, p: int) -> str | None:
        """「X」高阶智驾系统, 「X」流動應用程式, 「X」系統: the kind a head noun gives (a system head or a
        category noun) after nothing or up to MODIFIER_GAP characters the segmenter reads as nouns or
        adjectives, where the noun phrase ends with it (no verb, number or particle between:
        「X」系统将…; 「X」平台总经理 goes on)."""
        key = doc.key
        if p >= len(key) or not doc.starts_token(p):
            return None
        i, q = doc.token_index_at(p), p
        while i < len(doc.tokens) and q - p <= MODIFIER_GAP:
            token = doc.tokens[i]
            q = token.start
            for size in range(min(6, len(key) - q), 1, -1):
                word = key[q:q + size]
                category = self.system_heads.get(word) or self.category_nouns.get(word)
                if category is not None and doc.starts_token(q + size) and (
                        q + size >= len(key) or not doc.tokens[doc.token_index_at(q + size)].pos.startswith("n")):
                    return category
            if token.pos not in MODIFIER_TAGS or not CJK_RUN.fullmatch(key, token.start, token.end):
                return None
            i += 1
        return None

    @staticmethod
    def _taken_down(key: str, quote: int, after: int) -> bool:
        """「青驿」遭要求下架, 下架「青驿」: a name in quotes that the clause says is taken off the
        app stores is an app's."""
        lo = max(0, quote - NOUN_WINDOW)
        lo = max((c.end() for c in CLAUSE_END.finditer(key, lo, quote)), default=lo)
        stop = CLAUSE_END.search(key, after, after + NOUN_WINDOW * 2)
        hi = stop.start() if stop else min(len(key), after + NOUN_WINDOW * 2)
        return TAKEN_DOWN.search(key, lo, hi) is not None

    def _product_led(self, doc: Document, name: tuple[int, int], products_at: dict[int, int]) -> bool:
        """“星聊红包”功能: a known product's Chinese name (a gazetteer product, no company's) that
        starts a quoted name and leaves more after it makes it a part or service of that product;
        not when a company noun follows the product's name (“星聊集团CEO”: the company named after
        it, or a post there)."""
        end = products_at.get(name[0])
        return end is not None and end < name[1] and not doc.key[name[0]:end].isascii() \
            and not doc.key.startswith(self.company_nouns, end, name[1])

    @staticmethod
    def products_at(doc: Document) -> dict[int, int]:
        """Where each gazetteer product span (no company's too) starts: its end. One pass."""
        return {m.start: m.end for m in doc.layers.get("gazetteer", ())
                if m.of_kind("product") and not m.of_kind("organization")}

    def _coined(self, name: str, framed: bool = False) -> bool:
        """A coined name, not a word of the dictionary (为应用“站台”) nor a phrase of function
        words in quotes (软件「可快速生成图片」) nor a judgement a degree adverb starts (车型“过于昂贵”); `framed` by a feature's frame (透过「X」功能), a
        name may hold 的 (「寻找我的装置」)."""
        return not self.is_word(name) and (FRAMED_PHRASE_CHARS if framed else PHRASE_CHARS).search(name) is None \
            and DEGREE_START.match(name) is None

    @staticmethod
    def _launched_line(key: str, p: int, launch_in) -> bool:
        """A launch verb earlier in the clause of a quoted line name (推出了…「X」系列)."""
        if launch_in is None:
            return False
        lo = max(0, p - NOUN_WINDOW * 3)
        cut = max((c.end() for c in CLAUSE_END.finditer(key, lo, p)), default=lo)
        return launch_in(key[cut:p]) is not None

    def _launched_noun_before(self, key: str, p: int, launch_in) -> str | None:
        """推出全新AI應用「雪豹」: a category noun right before the quote and a launch verb earlier in
        its clause (`launch_in(text)`: where the last one ends), nothing but modifiers between."""
        category = self._noun_before(key, p) if not key.endswith("的", 0, p) else None
        if category is None:
            return None
        lo = max(0, p - NOUN_WINDOW * 2)
        cut = max((c.end() for c in CLAUSE_END.finditer(key, lo, p)), default=lo)
        verb_end = launch_in(key[cut:p])
        # 推出的手机“…”, 被誉为大模型“…”: a modifier or a comparison, no launch of the name.
        if verb_end is None or any(ch in key[cut + verb_end:p] for ch in "的为是被"):
            return None
        return category

    def _noun_before(self, key: str, p: int, of_kind: bool = False, heads: bool = False) -> str | None:
        """超算“Aurora”, 加速卡的“Aurora”, 操作系统 “Aurora”: the category noun right before a quoted
        name, a space between allowed (`of_kind`: with no 的 between; `heads`: a system head too,
        火箭系统「青鸾号」, for a name whose shape says it is coined)."""
        p -= key.endswith(" ", 0, p)
        p -= key.endswith("的", 0, p) and not of_kind
        for size in range(min(6, p), 0, -1):
            word = key[p - size:p]
            category = self.category_nouns.get(word) or (heads and self.system_heads.get(word)) or None
            if category is not None:
                return category
        return None

    def _quote_starts(self, key: str):
        """Where a quoted name opens: a double quotation mark, or an ASCII one (which opens and
        closes alike) right after a category noun or a system head (系统 "Aurora")."""
        starts = [m.start() for m in OPEN_QUOTE.finditer(key)]
        at = key.find('"')
        while at >= 0:
            if at > 0 and self._noun_before(key, at, of_kind=True, heads=True) is not None:
                starts.append(at)
            at = key.find('"', at + 1)
        return sorted(starts)

    def _name_at(self, key: str, p: int):
        """The name starting at p, in quotes or a bare Latin name: ((start, end), after)."""
        close = QUOTES.get(key[p:p + 1])
        if close is not None:
            q = key.find(close, p + 1, p + 2 + 40)
            if q < 0:
                return None
            s, e = p + 1, q
            while s < e and key[s] == " ":
                s += 1
            while e > s and key[e - 1] == " ":
                e -= 1     # 「台灣地震速報 」: spaces inside the quotes are no part of the name
            return (s, e), q + 1
        n = QUOTED_NAME.match(key, p)
        if n is None or not n.group().isascii():
            return None   # an unquoted Chinese name has no end we can trust
        return (n.start(), n.end()), n.end()

    def _explained(self, doc: Document, name: tuple[int, int], category: str | None, blocked,
                   shape: re.Pattern = QUOTED_NAME) -> list[Found]:
        if category is None or not shape.fullmatch(doc.key, *name) or name in blocked:
            return []
        text = doc.norm[name[0]:name[1]]
        pid = slug(text) if text.isascii() else name_id(text)
        return [Found(name[0], name[1], pid, text, None, category, evidence="gloss-name")]

    def _noun_at(self, key: str, p: int, of_kind: bool = False, features: bool = True) -> str | None:
        """推出「青鸟」手机: the category noun right after the name (系列 and 的 allowed between;
        `of_kind`: 系列 only)."""
        p += key.startswith("系列", p) * 2
        p += key.startswith("的", p) and not of_kind
        nouns = self.lexicon_nouns if features else self.category_nouns     # 「X」功能: a feature noun too
        found = None
        for _ in range(COMPOUND_NOUNS):
            # 「X」手機應用程式: where one noun follows another, the last is the head that says the kind
            size = next((n for n in range(min(6, len(key) - p), 0, -1) if key[p:p + n] in nouns), 0)
            if not size:
                break
            found = nouns[key[p:p + size]]
            p += size
        return found

    def _noun_in_clause(self, key: str, p: int) -> str | None:
        window = key[p:p + NOUN_WINDOW]
        stop = CLAUSE_END.search(window)
        if stop:
            window = window[:stop.start()]
        m = self.after_noun_re.search(window)      # the first noun, the longest where two start together
        return self.lexicon_nouns[m.group()] if m else None
