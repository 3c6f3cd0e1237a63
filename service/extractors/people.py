"""People: knowledge-base names, then names the text itself marks.

Evidence, strongest first: a knowledge-base alias; a job title right before
the name (星辰智能執行長孫嘉禾, CEO Priya Raman), or a word for a post or trade
the title list lacks, known by its head (立委, 首席人力長, 車商, 漫畫家: an open
title); a foreign name written with a middle dot (艾倫·克拉維茨); an
organisation and 的 before it (百度的李彥宏); a speech verb right after it
(孫嘉禾表示); the segmenter's person tag. A Chinese
name is a known surname plus one or two characters that end where a word ends.
Never people: pronouns, titles alone, names inside 《》, names in a sentence
about a story (《龍珠》…) found only by the tagger, the closing source credit.
"""
from __future__ import annotations

import bisect

from ..nlp import quote_marks as qm
from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass
import regex

from .address_words import ADDRESS_PREPS, GRANTED_INTERVIEW
from ..ids import name_id
from ..kb import KnowledgeBase
from ..nlp.document import Document
from ..nlp.needles import occurrences
from ..nlp.segment import Segmenter
from ..nlp.han_run import han_run_end
from ..nlp.spans import tokens_in
from ..nlp.text import is_cjk, tables
from .context import after_descriptors, clause_opening_piece, is_latin, left_name_tokens
from .entities import Entity, EntityTable
from .employment import HANDOVER_VERBS, LEFT_MARKS, gloss_open, left_mark_at
from .name_tagger import NameTagger
from .offices import OFFICE_SEEKERS, bare_office
from .organizations import LATIN_NAME, in_order
from .scan_gates import BYLINE_WORDS, has_dot_between_han
from .. import deadline

PERSON_POS = frozenset({"nr", "nrfg", "nrt"})
# tags of a word that, glued after a common word, makes a compound noun of it (許可 / 費率 n,
# 許可 / 收益 vn); a name's own tags are no such tail
COMPOUND_NOUN_TAILS = frozenset({"n", "nz", "vn", "ng"})
# Tags of words that name (a person, a place, an organisation, a coined word), not describe.
PROPER_POS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz", "eng", "j", "x"})
# The normalised view writes a full-width full stop (艾倫．莫瑞, Hong Kong style) as ".":
# between two Han characters it is a name's dot, never a sentence's end (。).
TRANSLITERATED = regex.compile(r"\p{Han}(?:[·•・‧.]\p{Han}+){1,2}")
NAME_DOTS = "·•・‧."
SPOKESPERSON = "发言人"   # key view (發言人): the title of one who speaks for an organisation
NAMED_CASE = "案"   # 周明案: a case named after a person; _glued_words leaves it to what reads the case
MAX_PIECE = 8  # characters in one piece of a transliterated name
MAX_FIRST_PIECE = 5   # characters of a given name the walk back over a cut first piece takes (埃馬紐埃爾)
# Characters of a transliterated name written without its dots after a title (財長奧斯本,
# 執行長迪蘭妮): the statistical tagger's span, at most this long.
MAX_UNDOTTED = 5
# A name glossed by its Latin original needs no more than two Chinese characters (佛朗（Ada Franc）).
MIN_GLOSSED_NAME = 2
MAX_GLOSSED_NAME = 12   # characters of a Chinese name before its Latin original in brackets
MIN_TRANSLITERATED_RUN = 3   # characters of a foreign name without dots read whole to its speech verb
MAX_TRANSLITERATED_RUN = 8
GLOSSED_NAME_JOINERS = "·•・‧-"
FULL_NAME_JOINERS = NAME_DOTS + "-"   # before a full name's last piece (亞歷德-沃爾夫森 … 沃爾夫森)
GLOSS_BREAKERS = ("的", "表示", "说", "和", "与", "及", "等", "在")   # key view
# A Latin name's word may carry an apostrophe (O'Brien, D’Souza) or a patronymic's capital
# (McKinley, MacLeod): never cut it short. Before its last words it may hold one or two
# lower-case particles (Hanna af Klint, Ursula von der Leyen, Luis de la Vega).
LATIN_NAME_WORD = r"(?:Ma?c(?=\p{Lu}))?\p{Lu}(?:['‘’]\p{Lu})?\p{Ll}{1,20}"
LATIN_NAME_PARTICLES = r"(?:(?:af|al|bin|da|de|del|della|der|di|du|el|la|le|van|von|zu) ){0,2}"
LATIN_PERSON = regex.compile(rf"{LATIN_NAME_WORD}(?:(?: {LATIN_NAME_PARTICLES}|-){LATIN_NAME_WORD}){{0,2}}")   # (François, Žižek)
# Right after a title, a Latin name whose given name is initials (JT Varga, J.T. Varga, J. Varga):
# elsewhere two capitals and a word are as often a brand's (LG Display), so only there.
INITIALED_PERSON = regex.compile(r"(?:\p{Lu}{2}|(?:\p{Lu}\. ?){1,2}) ?\p{Lu}(?:['‘’]\p{Lu})?\p{Ll}{1,20}")
# Right after a title, a Latin name written with its words run together (总监KaiMorrow, 部长
# LiamO'Reilly: text whose spaces were stripped): two or three capitalised words, each of two
# letters or more. Elsewhere such a run is as often a brand's (YouTube, PlayStation), so only there.
JOINED_PERSON = regex.compile(r"\p{Lu}\p{Ll}{1,20}(?:\p{Lu}(?:['‘’]\p{Lu})?\p{Ll}{1,20}){1,2}")
# An organisation's name in Latin letters, bracketed after its Chinese one: (Star Advisors).
LATIN_GLOSS = regex.compile(r"[A-Za-z][A-Za-z0-9&.,'’\- ]{1,40}")
GLOSS_OPEN, GLOSS_CLOSE = "(（", ")）"
MAX_LATIN_GLOSS = 40
# Characters that may join two titles of one person: 創辦人兼執行長.
PERSON_LIST_JOINERS = frozenset("、和與与及")   # between two listed names (norm view, either script)
PERSON_LIST_JOINER_WORDS = frozenset({"以及"})   # the same, a word of two characters (both scripts)
TITLE_JOINERS = frozenset("兼、及暨和与 ")
HYPHENS = frozenset("-‐–－")   # key view: the hyphen of a double name (梅赛德斯-奔驰)
# The last text read and its hyphens: (key, [(where the word before a hyphen ends, where the
# word after it starts), spaces left off]); a tuple swapped whole, so threads never mix texts.
_HYPHENS: list[tuple[str, list[tuple[int, int]]]] = [("", [])]


def _hyphens_of(key: str) -> list[tuple[int, int]]:
    last, pairs = _HYPHENS[0]
    if last is key:
        return pairs
    pairs = []
    for h in sorted(h for spans in occurrences(sorted(HYPHENS), key).values() for h, _ in spans):
        i = h + 1
        while i < len(key) and key[i] == " ":
            i += 1
        j = h
        while j > 0 and key[j - 1] == " ":
            j -= 1
        if i < len(key):
            pairs.append((j, i))
    _HYPHENS[0] = (key, pairs)
    return pairs
# Between an organisation and a title: 青禾公司 的 / 旗下 / a space.
# An employer's Latin name before a title is read back word by word (Velora Dynamics): at most
# this many words before the last, each at most MAX_LATIN_WORD characters, of letters, digits
# and what joins inside a word (D.A., Wa'ed, R&D, X-Ray).
MAX_LATIN_RUN_WORDS = 4
MAX_LATIN_WORD = 31
LATIN_WORD_INNER = "&.-'’"
ORG_TITLE_GAP = ("公司", "集团", "的", " ", "旗下")
NAMED_WORD_TAGS = frozenset(("nt", "nz"))   # a word ending in a gap word, tagged an organisation's or a proper name
# A dictionary word the tagger marks as a name is a real name mostly when it
# has three characters (吳曉波); at two or four it is usually a word (齊全,
# 林林總總) and needs more evidence than the tag.
TYPICAL_NAME_LENGTH = 3
# How often the dictionary counts a two-character word for it to be a common word
# first, whatever its tag (許可 624, 華裔 195, 換人 168), rather than a name that
# the dictionary happens to list (路軍 86, 豐年 65, 林森 27, 拜登 2).
COMMON_WORD_FREQUENCY = 150
# One-character tokens with these tag initials are function words (只, 和, 在, 他).
FUNCTION_TAGS = frozenset("dcpru")
SURNAME_NOT_TAGS = FUNCTION_TAGS | {"v"}   # a one-character token so tagged after an open title is no surname
# What follows 指 when it reports speech (張建鋒指，「…」) rather than starting a word (指數).
POINTED_OUT_AFTER = frozenset(",，:：「“\"『")
# A title's English form in brackets between it and the name: （CFO）, (COO).
TITLE_GLOSS = regex.compile(r"\(\s?[A-Z][A-Z&]{1,5}\s?\)\s?")
# A post's portfolio in brackets between the title and the name: 經理（樓宇復修）, 工程師（工務政策）.
# An office's short form ends with the first character of the kind word its name ends with
# (資科辦 of 政府資訊科技總監辦公室), key view.
ABBREVIATED_KINDS = {"办": "办公室"}
MAX_PLACE_GLOSS = 6   # characters of a place in brackets between an employer and a title
TITLE_PORTFOLIO = regex.compile(r"\(\p{Han}{2,10}\)")   # (主任（智慧港口數據整合）: up to ten)
BOOK_TITLE = regex.compile(r"《[^《》\n]{0,40}》")
# Words that end a department's name (消費電腦事業部, 裝置部門, 消费者业务, 硬體工程), in the
# Simplified key, and how far back its organisation may be named.
DEPARTMENT_ENDS = ("事业部", "事业群", "部门", "业务", "业务部", "工程", "团队", "研究院", "实验室", "中心", "部",
                   "学院", "组")   # 工程學院院長, 產業政策組研究員: a school, a group of the body named before
# Units of a ministry, a university or an office (國際合作司, 計算機系, 秘書處, 辦公室), key view.
PUBLIC_UNIT_ENDS = ("司", "系", "处", "办公室", "办公厅")
NOT_OWNER_TAGS = ("c", "p", "r", "u", "d", "m", "q", "v")   # no owner's name ends in these tags
GLOSS_CLOSERS = "）)"   # a name's gloss in brackets closes before a unit's words
# Words between a name's gloss and a title that qualify the post (臨時, 數位資產, 電腦暨半導體):
# how many, their tags' first letters (nouns, verbs, distinguishers, adjectives) and the
# joiners between two fields (key view)
MAX_QUALIFIER_WORDS = 3
QUALIFIER_TAGS = frozenset("nvba")
FIELD_JOINERS = frozenset({"暨", "及", "与", "和"})
# key view: words after a place, before a title, that make it a state's post (美國聯邦眾議員,
# 寮國國家主席, 國家情報總監), and how many field words may follow them
STATE_QUALIFIERS = ("联邦", "国家")
COMPANY_GAPS = ("公司", "集团", "旗下")
MAX_STATE_FIELD_WORDS = 2
# A company's business unit or group written with Latin capitals after its field's words
# (智能家居方案BU, 终端BG), norm view, as written.
BUSINESS_UNIT_MARKS = ("BU", "BG")
# A company's department by its common word (市场部, 技术部门): the name glued before it employs
# (no 中心, 研究院, 学院: a centre or a school is a body by itself). Key view: the units' ends
# that end in 部, 部门 or 事业群 (事业部, 事业群, 部门, 业务部, 部).
COMPANY_DEPARTMENT_ENDS = tuple(e for e in DEPARTMENT_ENDS if e.endswith(("部", "部门", "事业群")))
UNIT_ENDS = DEPARTMENT_ENDS + PUBLIC_UNIT_ENDS   # (longer ends first within each)
NOT_UNIT_ENDS = ("公司", "上司", "关系", "体系", "派系")
SCHOOL_UNIT_ENDS = ("系",)   # key view: a university's department, no city's office
MAX_OFFICE_TOKENS = 5   # tokens of a city's office name, the place's included (台中市 / 停車 / 管理處)
DEPARTMENT_STOPS = "，,。；;：:、（）()「」“”\n"
TITLE_JOINING_ENDS = frozenset("及与")   # key view: a conjunction glued to the word before a title
MAX_DEPARTMENT = 20
# key view: the last word of a hospital's name; a clinic's field words between it and a title
# (核醫, 放射科) are the post's unit, and a place word right before it is the name's own
HOSPITAL_HEADS = ("医院",)
MAX_CLINIC_TOKENS = 2
MAX_CLINIC_CHARS = 4
STATE_TITLES = frozenset({"总统", "总理", "首相"})
# A local office named by its jurisdiction's unit (縣長, 市長): what precedes it is a place.
JURISDICTION_UNITS = frozenset("县市州省镇区")
JURISDICTION_NAME_UNITS = frozenset("州县")   # key view: units written straight after a place's name, never a person's (省 is also a verb: 省下)
# key view: the units whose head (unit and 长: 市长, 州长, 邦长) a jurisdiction's name is written before
JURISDICTION_HEAD_UNITS = frozenset("市州省县邦")
HEAD_CHAR = "长"
# key view: a state's unit (卡瓦納邦, 薩羅邦): a transliterated name of at least MIN_STATE_NAME characters
# ending in it, with no title, is the state (a short name keeps it: 班邦, 李安邦 are people)
STATE_FINAL = "邦"
MIN_STATE_NAME = 4
# The last character of words for a post or a trade (key view): 立委, 人力长, 研究员, 漫画家,
# 外交官, 车商, 选手, 律师, 院士. A name right after such a word is a person's.
OPEN_HEAD = regex.compile("[委长员师家官商手士]")
# key view: a day of the month right after a name (22日, 3号), dating its deed
DAY_AFTER_NAME = regex.compile(r"[0-9０-９]{1,2}[日号]")
# A Japanese name after a title (社长三部敏宏9日在): family and given name of two characters each,
# then a speech verb, a day of the month or one of these (key view).
JAPANESE_FAMILY_LENGTH = 2
JAPANESE_NAME_LENGTH = 4
JAPANESE_NAME_AFTER = frozenset("在称")
JAPANESE_GIVEN_OPENERS = frozenset("和")   # 和晃, 和夫: a given name's first character, no conjunction there
# a one-character adverb between a family name said alone and its speech verb (三部还透露; key view)
FAMILY_ALONE_ADVERBS = frozenset("还也则又亦更就便")
# Words with such a head that name no post, or a group, not one person (key view).
NOT_OPEN_TITLES = frozenset({"国家", "大家", "人家", "厂家", "商家", "专家", "买家", "卖家", "玩家", "对手",
                             "成长", "增长", "家长", "官员", "人员", "会员", "党员", "委员会", "厂商",
                             "供应商", "运营商", "开发商", "制造商", "电商", "老师", "师生", "战士", "人士"})
NOT_OPEN_TITLE_ENDS = tuple(sorted(NOT_OPEN_TITLES))
# key view: a word of that list that is a post after all where the name after it runs
# straight into its full Latin form in brackets (技術專家馬都里（Doug Madory）)
GLOSSED_OPEN_TITLE = "专家"
MAX_GLOSS_CONFIRMED_NAME = 4   # each piece of a surname-less name the gloss alone confirms after it (貝洛斯, 哈里什·比約爾)
# The head of a trade (key view) that, as a word of three characters or more (零售商, 经销商,
# 服务提供商), names a firm more often than a person when a Latin name follows it; a Chinese
# name after it is still a person's (批发商 / 孫中剛), and so is a name after 车商, 书商.
TRADE_FIRM_HEAD = "商"
FORMER = LEFT_MARKS
# 特斯拉前生产负责人, 英伟达中国区前负责人: 前 / 原 a word of its own opening a title's unit or
# field words (LEFT_REACH characters at most before the title, no punctuation, no name between)
LEFT_REACH = 8
# The field's words between 前 and the title: common nouns and verbal nouns (生产, 品牌公关, 电池技术),
# no name (字节跳动原抖音CEO: a product's post left within the company)
LEFT_FIELD_TAGS = frozenset({"n", "vn"})
# characters of a field's words (網路安全威脅情報) an organisation's mention may stand before
# a title and still employ the person titled
FIELD_OWNER_REACH = 10
LEFT_STOPS = frozenset("，,。；;：:、\n「」“”《》()（）")
# key view: the bodies that govern a company (星光電視股東會主席團主席, 監事會主席): a post in
# one of them is a post of the company named before them, never of the body as a name
BOARD_BODIES = ("股东大会", "股东会", "监事会", "董事会", "董事局", "主席团")
# (right after a joiner of posts, 主席暨執行委員會副主席, an executive committee is the same company's)
JOINED_BODIES = frozenset(BOARD_BODIES + ("执行委员会",))
# Words of rank or standing that open a title and never stand inside an organisation's
# name (key view): from one on, the words before a title are the title's (資深產業分析師,
# 客座研究員, 榮譽理事長), and the employer ends before it.
RANK_WORDS = ("资深", "高级", "首席", "客座", "荣誉", "名誉", "特聘", "常务", "联席")
# Heads of a description of a business (步行鞋品牌, 售票購票平台, 印刷公司, 花藝店): common words
# ending so describe what a company does; they name none (key view).
QUOTE_OPENS = frozenset(qm.openers(qm.DOUBLE, qm.SINGLE))
QUOTE_CLOSES = frozenset(qm.closers(qm.DOUBLE, qm.SINGLE))
ORG_WORDS = ("母公司", "集团", "报团", "报业", "媒体", "品牌", "公司")   # key view: a name right after or ending in one is a body's
DESCRIPTION_HEADS = ("品牌", "平台", "系统", "公司", "厂商", "业者", "店")
# Kinds of product a company of the same name runs (Coinbase, a platform, and Coinbase the company).
RUN_BY_NAMESAKE = frozenset({"platform", "service", "app"})
MAX_SHORT_EMPLOYER = 6   # characters of a known employer's short name before a title (360)
ABBREVIATION_LENGTHS = (4, 3)   # characters of an abbreviation before a title (公平會 of 公平交易委員會), longest first
# Characters the segmenter's dictionary tags a particle (了, 着, 過, 的, 地, 等, 般), key view:
# only at these is the token looked up. (之 and 得 close given names too: 羲之, 得勝.)
PARTICLE_CHARS = frozenset("了着过的地等般")
# 趙姓駕駛, 陳姓男子: a surname and 姓 mean "surnamed": a person the news does not name.
SURNAMED = "姓"
# Key view: a copula and a naming verb between a title and the name it introduces
# (創始人是一名叫孫嘉禾的…, 董事長名叫林宛蓉): the name starts after them.
NAMING_LEAD_IN = regex.compile(r"(?:是|为)?(?:一[名位个])?(?:名叫|叫做|叫|名为)")
# 汪先生, 曾女士: a surname and these name a person the news keeps anonymous.
ANONYMOUS_HONORIFICS = frozenset({"先生", "女士"})
# key view: what follows a surname said again as a form of address (孫寧孫女士, 張誠張總): the
# echoed surname is no piece of the name before it
ECHO_ADDRESSES = ("先生", "女士", "小姐", "太太", "总", "董", "老师", "博士", "教授", "主任", "经理")
ASPECT_PARTICLES = frozenset("了着")
GLUED_SPEECH_CHARS = frozenset("说称")
# key view: one-character prepositions and speech verbs the segmenter glues to a transliterated
# name's last character as a word of two (赫拉 / 利在, 比斯 / 利向, 舒里 / 金称)
GLUED_AFTER_NAME = frozenset("在向对与于将被把给从称")   # not 说: 来说 is a word of its own (对乔·基亚尼来说)
# key view: a speech verb or a one-character adverb glued into a token of two no dictionary
# holds with a transliterated name's last character (拉斯 / 贡说, 福雷斯 / 特则)
GLUED_AFTER_LAST_PIECE = frozenset("说则")
SPEECH_CLAUSE_OPENERS = frozenset("，,：:“「")   # what follows a speech verb that ends its clause
QUOTE_ENDS = "”」』"   # …。」宋柏文說: a quote ends right before its speaker (key view: 說 reads 说)
# key view: a match's or a bookmaker's words right beside a name make it a club or a
# bookmaker, no person (X主場讓平, 主勝賠, X提高賠付率; 甲vs乙, 做客乙, 2比1戰勝乙)
TEAM_AFTER = ("主场", "客场", "主胜", "客胜", "主队", "客队", "胜赔", "平赔", "负赔", "赔率", "提高赔",
              "降低赔", "让平", "让球", "受让", "球迷")
TEAM_BEFORE = ("vs", "对阵", "做客", "迎战", "战胜", "负于", "力克", "击败", "逼平", "战平", "输给")   # one-character particle tokens that follow a verb, never a name
PARTICLES_BEFORE_NOUN = frozenset("的地之")   # key view: what ends a modifier, never a name
NOT_BEFORE_ANONYMOUS = frozenset("老小大")   # 老先生, 小女士: no surname
ARMY = "军"   # key view: a country's forces after its one-character short form (乌军, 韓軍)
MEMBER = "委员"   # key view: a title that, with 会 after it, is a committee's name (执行委员会)
COMMITTEE_END = MEMBER + "会"
CHIEF = "长"   # key view: a chief's title after the kind of their body (局長, 署長)
MIN_BODY_NAME = 2   # characters before such a title that name the body (國安 of 國安局長)
MAX_ASSOCIATION_FIELD = 10   # characters of an association's field before its head (中華品牌再造)
# A police force's units before a rank (網罪科, 網絡安全組) and the words joining a unit's
# fields (網絡安全及科技罪案調查科); the longest unit name read back (key view).
POLICE_UNIT_ENDS = ("科", "组")
POLICE_UNIT_JOINERS = frozenset({"及", "与"})
MAX_POLICE_UNIT = 16
POLICE_FORCE_ENDS = ("警务处", "警察局", "警政署", "公安局", "警察厅", "警视厅")   # key view
FIELD_NOT_TAGS = frozenset("dcpruqmtfy")   # tags of no word of an association's field (了, 在, 他, 三)
MIN_ABBREVIATION = 3   # characters of a name's abbreviation (星光電)
MAX_ABBREVIATED = 8   # characters of a name before a title that an abbreviation may stand for
MAX_FRONT_PIECE = 3   # characters of a name's first piece the words before a title lost (星強 of 星強光電)
# A teacher's title (key view) and the field of study written before it (資訊系統學, 經濟學):
# a field alone names no employer; one after a school (科大 / 資訊系統學) is the school's.
TEACHING_TITLES = ("教授", "副教授", "助理教授", "讲座教授", "客座教授", "荣誉教授", "名誉教授", "讲师", "助教")
FIELD_END = "学"
UNIVERSITY_SHORT = "大"   # key view: 科大, 港大, 台大 (a university's short form ends in 大)
UNIVERSITY = UNIVERSITY_SHORT + FIELD_END   # 大学
# key view: a school's own name ends so, no field
SCHOOL_NAME_ENDS = (UNIVERSITY, "中" + FIELD_END, "小" + FIELD_END)
MIN_FIELD = 2   # characters of a field of study after its school


def _school_before_field(key: str, start: int, pos: int) -> int | None:
    """Where a school's name ends before the field of study start..pos ends (at 大學 or at a
    short form's 大, a field of two characters or more after it), else None."""
    at = key.rfind(UNIVERSITY, start, pos)
    if at != -1 and pos - (at + len(UNIVERSITY)) >= MIN_FIELD:
        end = at + len(UNIVERSITY)
        return end if end - start >= 2 else None
    at = key.rfind(UNIVERSITY_SHORT, start, pos - MIN_FIELD)
    if at != -1 and at + 1 - start >= 2 and key[at + 1] != FIELD_END:
        return at + 1
    return None


MAX_FIELD_WORDS = 3   # dictionary words of a field before a company's unit (數碼 / 轉型 / 部門)
MAX_SHORT_ORG = 5   # characters a name cut to one character may run back over
POST_JOINERS = frozenset("暨兼")   # between two posts of one person (副總裁暨台灣總經理)
MAX_REGION = 6   # characters of a place's words between a joiner and the second title
REGION_WORDS = frozenset({"区", "地区", "大区", "分区", "市场", "分公司"})   # key view, after a place
# A byline: a short line naming the article's own staff (記者葉韋辰／台北報導, 責任編輯：林美欣)
# or a bracketed outlet and writer (【財訊快報／陳孟朔】). Its names are no people of the news.
# 記者 told something or interviewing is no credit (在接受本報記者專訪時表示, 告訴記者, 記者了解到):
# the object of a verb (REPORTER_OBJECT_OF, perhaps an outlet's word between) or the one who asks.
REPORTER_OBJECT_OF = r"告诉|接受|向|对|跟|给|让|和|与|同"
REPORTER_OUTLETS = r"本报|本刊|本台|本网|该报|媒体"
# Key view: the words before a paper's 《title》 that make it the one spoken to (對《星報》記者說,
# 接受《晨報》專訪), not a story a sentence is about (《晨報》記者獲悉 reads on as before).
ADDRESSED_BY = (*ADDRESS_PREPS, GRANTED_INTERVIEW, "跟")   # 跟 here alone (see address_words.py)
ADDRESSED_AFTER = ("记者", "专访", "采访", "访问")
REPORTER_DOING = r"会|专访|采访|了解|获悉|调查|走访|看到|发现|注意到|来到|从"
BYLINE = regex.compile(rf"(?m)^[^\n,。;!?]{{0,30}}?(?:(?<!(?:{REPORTER_OBJECT_OF})(?:{REPORTER_OUTLETS})?)"
                       rf"(?:{REPORTER_OUTLETS})?记者(?!{REPORTER_DOING})|编辑|责编|作者|撰文|报导)[^\n,。;!?]{{0,30}}$"
                       r"|【[^【】\n,。]{1,20}/[^【】\n,。]{1,10}】")


def _byline_spans(key: str) -> list[tuple[int, int]]:
    """BYLINE's matches in key, in order. Neither of its forms crosses a line and each
    holds one of BYLINE_WORDS, so only the lines holding one are scanned (most hold
    none): the same spans as one scan of the whole text, at a third of its cost."""
    line_starts = set()
    for word in BYLINE_WORDS:
        at = key.find(word)
        while at != -1:
            line_starts.add(key.rfind("\n", 0, at) + 1)
            line_end = key.find("\n", at)
            at = -1 if line_end == -1 else key.find(word, line_end)   # (on from the next line)
    spans = []
    for start in sorted(line_starts):
        end = key.find("\n", start)
        line = key[start:] if end == -1 else key[start:end]
        spans.extend((start + m.start(), start + m.end()) for m in BYLINE.finditer(line))
    return spans


# A profile line's name: Latin words, the last one perhaps an initial (Aiden L, Jae Lee).
PROFILE_LATIN = regex.compile(r"[A-Z][a-z]{1,20}(?: [A-Z][a-z]{0,20}\.?){1,2}")
MAX_PROFILE_NAME = 40   # characters from a profile line's start to its colon
PROFILE_BULLETS = " \t-–—•·*●▪0123456789.、）)"
# A speaker's turn in an interview: a sentence that starts with a short name and a colon
# (found from each colon back: linear, no attempt at every position).
COLON = regex.compile(r"[:：](?=[^\n:：]{4})")
TURN_STARTS = "\n。！？!?」”"
MAX_SPEAKER = 4
MAX_CLAUSE_BACK = 60   # characters read back from a name for its clause (a title is at most 40)
CLAUSE_BREAKS = "，,；;：:。!?！？\n"
# key view: surnames that are far more often a preposition before a noun (向, 於: _drop_preposition_led)
PREPOSITION_SURNAMES = frozenset("向於于")
# Words that liken something to a story's character (像悟空一樣, 現實版的賈維斯), in the key view.
LIKENED = ("像", "如", "版的", "版", "称为", "叫做", "号称")
# Words after a name that only a person takes (從…手中, …本人), in the key view.
GIVEN_NAME_BEFORE = regex.compile(r"(?<![A-Za-z])\p{Lu}\p{Ll}{1,20}$")   # searched up to a space (Caroline)
REPORT_VERBS = ("报道", "报导")   # key view: what a reporter does; a name after the title runs to it
AGENT_NOUN_ENDS = frozenset("者生")   # key view: a doer's or a student's noun (作者, 開發者, 博士生)
PERSON_NOUNS_AFTER = frozenset({"手中", "手上", "之手", "本人", "夫妇", "夫妻"})
FOUNDED = ("创办的", "创立的", "创建的", "执掌的", "领导的", "掌舵的")
# A blogger named by handle (知名數碼博主 @數碼閒聊站, 微博部落客「廠長是關同學」), in the
# key view: after a word for a poster, an @handle or a name in quotes.
HANDLE = regex.compile(r"(?:博主|部落客|网红|UP主|up主|大V|大神)\s?"
                       r"(?:(@[^\s@,，。:：;；「」“”()（）、]{2,20})|「([^」\n]{2,16})」|“([^”\n]{2,16})”)")
# A player's or poster's Latin handle after the word for them (選手Faker, 大神MLID), in the
# key view (Latin lower-cased): one word, no second Latin word after it.
LATIN_HANDLE = regex.compile(r"(?:选手|大神|博主|主播|网红|up主)\s?([a-z][a-z0-9_]{2,20})(?![a-z0-9_]| [a-z])")
# An @handle anywhere, a person where a speech verb follows it (@數碼閒聊站表示).
AT_HANDLE = regex.compile(r"@[^\s@,，。:：;；「」“”()（）、]{2,20}")


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Is offset strictly inside one of the sorted, disjoint spans?"""
    i = bisect.bisect_right(spans, (offset, offset)) - 1
    return i >= 0 and spans[i][0] < offset < spans[i][1]


# 青嵐大學的汽車設計師: at most this many describing words between 的 and a title, and their tags
# (nouns, adjectives, distinguishing words; no name, verb or function word).
MAX_TITLE_DESCRIBERS = 2
TITLE_DESCRIBER_POS = frozenset({"n", "a", "b", "an", "vn", "nz"})


def _before_board_bodies(key: str, pos: int) -> int:
    """Where the board bodies written right before pos (董事會, 股東會主席團: see
    BOARD_BODIES) begin, or pos with none."""
    while pos > 0 and key.endswith(BOARD_BODIES, 0, pos):
        pos -= next(len(b) for b in BOARD_BODIES if key.endswith(b, 0, pos))
    return pos


def _past_title_gaps(doc: Document, t_start: int) -> int:
    """Where an employer's name would end before a title at t_start: back over the
    words that may stand between them (公司, 集团, 的, a space, 旗下) and the name's
    original in Latin letters in brackets (星宇投顧（Star Advisors）分析師), any number of times."""
    pos = t_start
    moved = True
    while moved and pos > 0:
        moved = False
        for gap in ORG_TITLE_GAP:
            if doc.key.endswith(gap, 0, pos):
                pos -= len(gap)
                moved = True
        gloss = _latin_gloss_start(doc.norm, pos)
        if gloss is None:
            gloss = _place_gloss_start(doc, pos)
        if gloss is not None:
            pos, moved = gloss, True
    return pos


def _place_gloss_start(doc: Document, end: int) -> int | None:
    """Where a bracketed place between an employer and a title opens (星河（馬來西亞）董事經理:
    the branch's country), read back at most MAX_PLACE_GLOSS characters; None when the
    brackets hold anything but the words of places."""
    norm = doc.norm
    if end < 4 or norm[end - 1] not in GLOSS_CLOSE:
        return None
    i = end - 2
    while i > 0 and end - i <= MAX_PLACE_GLOSS + 1 and is_cjk(norm[i]):
        i -= 1
    if norm[i] not in GLOSS_OPEN or i + 1 >= end - 1:
        return None
    if not doc.starts_token(i + 1) or not doc.starts_token(end - 1):
        return None
    toks = list(tokens_in(doc, i + 1, end - 1))
    return i if toks and all(t.pos == "ns" for t in toks) else None


def _named_before_alias(doc: Document, orgs: EntityTable, end: int):
    """星河研究中心（星河研究所）研究員: the organisation named right before a bracketed
    other name of a body (a mention that fills the brackets whole) employs; None where the
    brackets hold anything else or no organisation's mention ends at their opening."""
    norm = doc.norm
    if end < 4 or norm[end - 1] not in GLOSS_CLOSE:
        return None
    inner = orgs.covering(end - 2, end - 1)
    if inner is None:
        return None
    start = next((s for s, e in inner.mentions if e == end - 1), None)
    if start is None or start < 2 or norm[start - 1] not in GLOSS_OPEN:
        return None
    org = orgs.covering(start - 2, start - 1)
    if org is None or not any(e == start - 1 for _, e in org.mentions):
        return None
    return org


def _latin_gloss_start(norm: str, end: int) -> int | None:
    """Where a bracketed Latin gloss ending at end opens ((Star Advisors), （Quorra Inc.）),
    read back at most MAX_LATIN_GLOSS characters; None when there is none."""
    if end < 3 or norm[end - 1] not in GLOSS_CLOSE:
        return None
    i = end - 2
    while i >= 0 and end - i <= MAX_LATIN_GLOSS + 1:
        ch = norm[i]
        if ch in GLOSS_OPEN:
            inner = norm[i + 1:end - 1]
            return i if LATIN_GLOSS.fullmatch(inner) else None
        i -= 1
    return None


# the nouns of a named storm in the key view (simplified: 颱風 is 台风 there); 颱 alone (今年首颱艾莉絲)
# is read in the text as written, its simplified 台 being no storm's noun alone
# 陸媒, 韓媒, 官媒 (key view): one character and 媒, the media of a place or of the state, no person's name
PLACE_MEDIA_WORD = regex.compile(r"\p{Han}媒")
STORM_NOUNS = ("台风", "飓风", "热带风暴", "热带气旋")
STORM_SHORT = "颱"
# Nouns of a pathogen's lineage: a name the text once writes glued before one (X变异株, X亚型) names a
# variant of a virus, no person, wherever else it stands alone (感染X).
# Parts of a country a body's name may carry between its own name and its kind (阿萊恩斯西部銀行)
BODY_REGION_WORDS = frozenset({"东部", "西部", "南部", "北部", "中部", "东南", "西南", "东北", "西北"})   # (key view)
STRAIN_NOUNS = ("变异株", "变异毒株", "突变株", "毒株", "亚型", "亚株", "亚变体", "变种", "变体", "进化分支")
# A drug's dosage form written glued after its name (阿莫替韦片, 洛昔康胶囊): the name is a drug's. 片 only
# where no word of film or piece follows (片场, 片中, 片酬 are a film's; 片区 a district's).
DOSAGE_FORM = regex.compile(r"片(?![场子酬中尾头段刻方面源花商名单目长状区库约])|胶囊|注射液|颗粒剂|口服液|混悬液")
DOSAGE_FINAL = regex.compile(r"(?:片|胶囊|注射液)$")
STORM_NAME_MARKS = frozenset(qm.marks(qm.DOUBLE, qm.SINGLE, qm.ASCII))   # 颱風「艾莉絲」


DOUBLE_PIECE = regex.compile(r"(\p{Han}{2,6})[-－] ?(\p{Han}{2,6})")   # 费兰-奥尔蒂, 费兰- 奥尔蒂


def _claim(owners: dict, key: str, person) -> None:
    """The one person a name form belongs to: a second person claiming the same form leaves it
    to neither (None), so a shared piece, family name or surname merges nobody."""
    owners[key] = person if owners.get(key, person) is person else None


def _merge_lone_forms(doc: Document, table: EntityTable, owners: dict, full_first: bool) -> None:
    """Merge each person the text writes in one form only, a form one person owns (see _claim),
    into that owner; with full_first, only an owner still listed and named earlier in the text."""
    for person in list(table.by_id.values()):
        if person.kb or person.id not in table.by_id:
            continue
        texts = {doc.key[s:e] for s, e in person.mentions}
        into = owners.get(next(iter(texts))) if len(texts) == 1 else None
        if into is None or into is person:
            continue
        if full_first and not (into.id in table.by_id and into.first < person.first):
            continue
        table.merge(person.id, into.id)


def lengths_by_first(words, longest_first: bool = False) -> dict[str, tuple[int, ...]]:
    """For each first character, the lengths of the words starting with it (ascending, or
    longest first): a look-up at a position slices only lengths some word there can have."""
    lengths: dict[str, set[int]] = {}
    for w in words:
        if w:     # (an empty word would match everywhere: the lexicons hold none)
            lengths.setdefault(w[0], set()).add(len(w))
    return {c: tuple(sorted(ns, reverse=longest_first)) for c, ns in lengths.items()}


def covers_as_much(more: list[tuple[int, int]], windows: list[tuple[int, int]],
                   spans: list[tuple[int, int]]) -> bool:
    """Do the `more` windows cover every span the `windows` cover? (With the tagger's
    windows at MAX_WINDOWS, some spans lie in neither: those are no loss.)"""
    def inside(ws: list[tuple[int, int]], s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in ws)
    return all(inside(more, s, e) for s, e in spans if inside(windows, s, e))


class People:
    name = "people"
    reads = ("gazetteer", "organizations", "credits", "claimed", "products")
    writes = ("people", "bylines", "governments", "police_force")
    extends = ("organizations",)   # an employer named before a title (see service/layers.py)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.kb = kb
        self.surnames = kb.surnames | kb.japanese_surnames
        self.surname_lengths_at = {c: tuple(n for n in ns if n <= 3)   # (longer surnames are not read)
                                   for c, ns in lengths_by_first(self.surnames, longest_first=True).items()}
        self.followers = kb.lex["name_followers"] | kb.speech_verbs | kb.lex["time_adverbs"]
        self.speech_acts = kb.lex["speech_act_verbs"]
        self.follower_lengths_at = lengths_by_first(self.followers)
        self.clause_followers = frozenset(kb.lex["name_clause_followers"])   # 因: see _follower_at
        self.name_char_followers = kb.lex["name_char_followers"]
        self.name_char_prepositions = kb.lex["name_char_prepositions"]
        self.glued_words = kb.lex["name_glued_words"]
        self.object_prepositions = kb.lex["object_prepositions"]
        self.leading_glue = frozenset(kb.lex["object_prepositions"] | kb.lex["person_object_verbs"]
                                      | kb.lex["clause_conjunction_chars"])
        self.country_short_forms = frozenset(kb.lex["country_short_forms"])
        self.country_lead_chars = frozenset(kb.lex["country_lead_chars"])
        self.pronouns = kb.lex["pronouns"]
        self.jurisdiction_titles = frozenset(w for w in kb.lex["office_local_titles"]
                                             if len(w) == 2 and w[0] in JURISDICTION_UNITS)
        self.stop = kb.lex["name_stop_words"]
        self.generic = kb.lex["generic_org_words"]
        # 光電科技工業協進會: an association is named by its field, which no descriptor drops
        self.association_heads = tuple(sorted(kb.lex["association_heads"], key=lambda w: (-len(w), w)))
        self.honorifics = kb.lex["honorifics"]
        # 總警司, 督察: a police officer's rank (titles.yaml's Police titles)
        self.police_ranks = tuple(sorted((f for f, t in kb.titles.items() if t.startswith("Police ")),
                                         key=len, reverse=True))
        self.title_modifiers = sorted(kb.lex["title_modifiers"], key=len, reverse=True)
        self.modifier_firsts = frozenset(m[0] for m in self.title_modifiers)
        self.list_joiners = kb.lex["list_joiners"]
        self.place_prepositions = kb.lex["place_prepositions"]
        self.viewpoint_words = kb.lex["viewpoint_words"]
        self.fiction_cues = kb.lex["fiction_cues"]
        self.non_name_finals = kb.lex["non_name_finals"]
        self.document_role_finals = frozenset(kb.lex["document_role_finals"])
        self.place_finals = kb.lex["place_finals"]
        self.person_object_verbs = kb.lex["person_object_verbs"]
        self.word_final_morphemes = frozenset(kb.lex["word_final_morphemes"])
        self.title_forms = sorted(kb.titles, key=len, reverse=True)
        self.title_tuple = tuple(self.title_forms)
        # After a name, words that make it the name of an event or a prize (紀念論壇, 大會).
        self.named_after_words = tuple(kb.lex["memorial_words"] | kb.lex["event_suffixes"])
        self.title_finder = ahocorasick_rs.AhoCorasick(
            self.title_forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.verb_lengths_at = lengths_by_first(kb.speech_verbs, longest_first=True)
        self.speech_verb_finder = ahocorasick_rs.AhoCorasick(
            sorted(kb.speech_verbs), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.in_dictionary = segmenter.has_word
        self.word_frequency = segmenter.frequency
        self.word_tag = segmenter.tag
        self.org_words = kb.org_suffixes | kb.org_industry_words
        self.org_handle_ends = tuple(sorted(self.org_words | kb.lex["org_cues_after"]
                                            | kb.lex["government_endings"]))
        self.unit_nouns = kb.lex["org_unit_nouns"]
        self.body_kinds = kb.lex["office_body_kinds"]
        self.org_ends = tuple(sorted(kb.org_suffixes | kb.lex["association_heads"]))
        # 阿萊恩斯西部銀行: a kind of body of two characters or more (org_suffixes) that ends a name the
        # taggers read, or follows it glued (a part of the country between), makes the name a body's
        self.body_suffixes = tuple(sorted(w for w in kb.org_suffixes if len(w) >= 2))
        self.post_ends = tuple(sorted(set(kb.titles) | kb.lex["office_local_titles"] | set(kb.office_member_bodies)
                                      | kb.lex["office_government_titles"]))
        self.tagger = NameTagger()
        # The characters transliteration writes foreign names with: those of the dotted names
        # the knowledge base holds (its people and CC-CEDICT's), folded to one script, and
        # those CC-CEDICT writes two or more Western names with (摩根, 叶利钦: 根, 钦).
        fold = tables().key
        self.transliteration_chars = frozenset(
            c for p in kb.people.values() for a in p["aliases"] if any(d in a for d in NAME_DOTS)
            for c in fold(a) if is_cjk(c)) | kb.transliteration_chars
        self.honorific_finder = ahocorasick_rs.AhoCorasick(sorted(self.honorifics))
        self.person_nouns_after = tuple(sorted(self.honorifics | PERSON_NOUNS_AFTER, key=len, reverse=True))
        # what a surname alone is followed by when the text addresses a person by it (孫總, 林教授)
        self.address_words = frozenset(self.honorifics) | frozenset(kb.titles) | frozenset(ECHO_ADDRESSES)

    # -- helpers ---------------------------------------------------------
    def _blocked(self, doc: Document, start: int, end: int) -> bool:
        claimed = doc.layers.get("claimed", {})
        orgs: EntityTable = doc.layers["organizations"]
        if any(i in claimed for i in range(start, end)) or orgs.covering(start, end):
            return True
        return any(s <= start < e for s, e in doc.layers.get("credits", []))

    def _surname_len(self, key: str, pos: int) -> int:
        """The longest surname (of three characters at most: 佐佐木, 長谷川) starting at pos, or 0."""
        for n in self.surname_lengths_at.get(key[pos:pos + 1], ()):
            if pos + n <= len(key) and key[pos:pos + n] in self.surnames:
                return n
        return 0

    def _follower_at(self, key: str, i: int, clause: bool = False) -> bool:
        """Does a speech verb, function word or adverb start at i? (set lookups
        by length: a handful per position, not one per word)"""
        followers = self.followers
        # only lengths a follower starting with key[i] has (a truncated slice at the text's end
        # is a follower only if a word of its own length starts there: the same answer)
        for n in self.follower_lengths_at.get(key[i:i + 1], ()):   # a loop, not any(): ~3,000 calls a pass
            if key[i:i + n] in followers:
                return True
        if clause and key[i:i + 1] in self.clause_followers:   # 沈立飛因個人規劃: 因 + a clause (譚嘉因表示: a name's)
            nxt = key[i + 1:i + 2]
            return nxt.isalnum() and not nxt.isascii() and not self._follower_at(key, i + 1)
        return False

    def _function_word_token(self, doc: Document, offset: int) -> bool:
        """Is the character at offset a one-character adverb, conjunction,
        preposition or pronoun token of its own?"""
        tok = doc.tokens[doc.token_index_at(offset)]
        return tok.start == offset and tok.end == offset + 1 and tok.pos[:1] in FUNCTION_TAGS

    @staticmethod
    def _particle_in(doc: Document, start: int, end: int) -> bool:
        """Does a one-character particle token (了, 着, 過) stand in start..end? An adverb
        may stand in a given name (李富真, 真/d), a particle does not."""
        for offset in range(start, end):
            if doc.key[offset] in PARTICLE_CHARS:
                tok = doc.tokens[doc.token_index_at(offset)]
                if tok.start == offset and tok.end == offset + 1 and tok.pos[:1] == "u":
                    return True
        return False

    def _word_follows(self, doc: Document, end: int) -> bool:
        """Does a dictionary word of two or three characters start at end?"""
        return any(self.in_dictionary(doc.norm[end:end + n]) for n in (2, 3)
                   if end + n <= len(doc.norm))

    def _boundary(self, doc: Document, end: int) -> int:
        """2: a speech verb, function word or punctuation follows; 1: a word
        boundary; 0: the name would end inside a word."""
        if end >= len(doc.key):
            return 2
        ch = doc.key[end]
        if not ch.strip() or not ch.isalnum():
            return 2
        if self._follower_at(doc.key, end, clause=True):
            return 2
        return 1 if doc.ends_token(end) else 0

    def chinese_name_at(self, doc: Document, pos: int, titled: bool = False) -> int | None:
        """End of a surname-plus-given-name starting at pos, or None. A
        four-character name (費德里吉, 歐陽明遠) needs a strong right boundary.
        `titled`: a title stands right before pos, so a function word that also
        makes given names (曾, 則, 為, 和) may be one of the name (_function_char_in_name)."""
        s = self._surname_len(doc.key, pos)
        if not s or self._surnamed(doc, pos + s):
            return None
        follower = None   # the first place after the surname a follower starts: found once for the three lengths
        nameable = -1     # after a title, a name's character that first read as a follower (畫家錢曾。)
        han_end = han_run_end(doc.norm, pos, pos + s + 3)   # every character before it is Han
        for length in (s + 3, s + 2, s + 1):
            end = pos + length
            if end > han_end:
                continue
            if doc.key[pos:end] in self.pronouns:
                continue
            if follower is None:
                follower = len(doc.key)
                # 副理事長趙澄清致詞: after a title, a given name of two that is a speech verb
                # too is the name when a verb of giving a speech follows it (經理王表示稱: no)
                verb_name = titled and doc.key[pos + s:pos + s + 2] in self.kb.speech_verbs \
                    and doc.key[pos + s + 2:pos + s + 4] in self.speech_acts
                for i in range(pos + s, min(pos + s + 3, len(doc.key))):
                    if verb_name and i < pos + s + 2:
                        continue
                    if self._follower_at(doc.key, i, clause=i > pos + s):   # (愛因斯坦: 因 right after the surname)
                        if titled and nameable < 0 and self._name_char_follower(doc.key, i):
                            nameable = i
                            continue
                        follower = i
                        break
            if follower < end:
                continue  # 王偉表示 is 王偉 + 表示
            if pos <= nameable < end and not self._function_char_in_name(doc, pos + s, nameable, end):
                continue  # 經理王則表示: 則 goes on the clause
            if length - s == 3 and self._function_word_token(doc, end - 1):
                continue  # 鄭立衡只說 is 鄭立衡 + 只 + 說
            if self._runs_into_word(doc, pos, s, end):
                continue  # 張博確實…, 于海並不知道: the tagger's name, then a word
            if length - s == 3 and not doc.ends_token(end):
                continue  # 林大同 / 參與: a given name of three ends where a word does
            if length - s > 1 and self._one_past_name(doc, pos, s, end):
                # 孫寧孫女士, 張誠張總, 周愷出了: the surname said again or a verb
                cut = pos + s + 1
                return None if self._blocked(doc, pos, cut) or self._particle_in(doc, pos + s, cut) \
                    or self.in_dictionary(doc.norm[pos:cut]) else cut   # (周中 / 折了: a word, no name)
            if length - s == 2 and self._verb_after_name(doc, pos, s, end):
                continue  # 張誠 / 做 / 主題發言: the segmenter's name, then a one-character verb
            strength = self._boundary(doc, end)
            if strength == 0 and length - s == 2 and self._word_follows(doc, end):
                strength = 1  # 許維真看完: a word starts after the third character
            needed = 2 if length - s == 3 else 1
            if strength >= needed and not self._blocked(doc, pos, end) and not self._particle_in(doc, pos + s, end):
                return end   # (宣了 / 業內: a particle of its own in the given name, no name)
        return None

    def _name_char_follower(self, key: str, i: int) -> bool:
        """Is the follower at i one character that given names also hold (曾, 則, 為, 和),
        and no longer follower starting there (為了 is no name's)?"""
        return key[i] in self.name_char_followers and not any(
            key[i:i + n] in self.followers for n in self.follower_lengths_at.get(key[i], ()) if n > 1)

    def _function_char_in_name(self, doc: Document, given: int, at: int, end: int) -> bool:
        """After a title, may the function word at `at` be a character of the name whose
        given name runs from `given` to end (畫家錢曾。, 作家孫則明的, 律師白大為在)? As a
        function word it needs words after it. As a name's last character, never a given
        name's third (教授林宗男則認為 keeps 林宗男): before punctuation or the text's end;
        or, when it goes before a noun as a function word (為, 和: name_char_prepositions)
        and the segmenter glued it to the character before it (白大為 / 在: 大為 one word),
        before a function word that is no speech verb (曾在, 則是 go on a clause). Inside
        the name, the name ends where a name does (a speech verb, a function word or
        punctuation after it)."""
        if at == end - 1:
            if at - given > 1:
                return False
            if end >= len(doc.key) or not doc.key[end].strip() or not doc.key[end].isalnum():
                return True
            return (doc.key[at] in self.name_char_prepositions and at > given
                    and doc.tokens[doc.token_index_at(at)].start < at
                    and self._follower_at(doc.key, end) and not self._speech_after(doc, end))
        return self._boundary(doc, end) == 2

    @staticmethod
    def _one_past_name(doc: Document, pos: int, s: int, end: int) -> bool:
        """Does the last character of pos..end belong after a name of one character less:
        the surname said again before a form of address (孫寧孫女士, 張誠張總), or a verb
        the segmenter glued to the name before an aspect particle of its own (周愷出了)?"""
        key = doc.key
        echo = pos + s + 1
        if key[echo] == key[pos] and s == 1 and any(key.startswith(w, echo + 1) for w in ECHO_ADDRESSES):
            return True
        if end - pos == s + 2 and end < len(key) and key[end] in ASPECT_PARTICLES:
            glued = doc.tokens[doc.token_index_at(pos)]
            if glued.start != pos or glued.end != end or glued.pos not in PERSON_POS:
                return False
            tok = doc.tokens[doc.token_index_at(end)]
            return tok.start == end and tok.end == end + 1 and tok.pos[:1] == "u"
        return False

    @staticmethod
    def _verb_after_name(doc: Document, pos: int, s: int, end: int) -> bool:
        """Did the segmenter cut a name of surname and one character at pos, then a verb of
        one character ending at end, then that verb's object, a common noun (張誠 / 做 /
        主題)? That verb is no piece of the name (黃信 / 敬 / 昨日, 金石 / 開 / ：are names)."""
        i = doc.token_index_at(pos)
        first = doc.tokens[i]
        if first.start != pos or first.end != pos + s + 1 or first.pos not in PERSON_POS \
                or i + 1 >= len(doc.tokens):
            return False
        nxt = doc.tokens[i + 1]
        if nxt.start != end - 1 or nxt.end != end or nxt.pos != "v" or i + 2 >= len(doc.tokens):
            return False
        obj = doc.tokens[i + 2]   # the verb's object: a common noun of the dictionary (做 / 主題)
        return obj.end - obj.start >= 2 and obj.pos[:1] == "n" and obj.pos not in PROPER_POS

    @staticmethod
    def _surnamed(doc: Document, at: int) -> bool:
        """Does 姓 stand at `at`, right after a surname (趙姓駕駛: someone surnamed 趙)?"""
        return doc.key.startswith(SURNAMED, at)

    def _runs_into_word(self, doc: Document, pos: int, s: int, end: int) -> bool:
        """Would the name pos..end swallow the start of a word after a name the
        segmenter already made whole (張博 / 確實, 于海 / 並不知道)? When the
        tagger took the surname alone (周 / 啟航) the given name is its next word."""
        i = doc.token_index_at(pos)
        first = doc.tokens[i]
        if first.start != pos or first.end - pos <= s or first.end >= end \
                or first.pos not in PERSON_POS:
            return False
        nxt = doc.tokens[i + 1]
        if first.end - pos == s + 2 and end - pos == s + 3 and nxt.end > end and nxt.end - nxt.start >= 2 \
                and nxt.pos not in PERSON_POS and self.in_dictionary(nxt.word):
            return True   # 林大同 / 參與: a whole name, then a word; no given name of three
        if nxt.end > end and doc.key[end:nxt.end] in self.followers:
            return False   # 戴志 / 言說, 葉承 / 澤則: the word the segmenter made is the name's end and 說 (則, 是)
        return (nxt.end - nxt.start >= 2 and nxt.pos not in PERSON_POS
                and self.in_dictionary(nxt.word))

    def _speech_verb_at(self, key: str, i: int) -> bool:
        """Does a speech verb start at i (a few set lookups)?"""
        return any(key[i:i + n] in self.kb.speech_verbs for n in self.verb_lengths_at.get(key[i:i + 1], ()))

    def _speech_after(self, doc: Document, end: int) -> bool:
        while end < len(doc.key) and doc.key[end] == " ":
            end += 1
        if doc.key[end:end + 1] == "指" and doc.key[end + 1:end + 2] in POINTED_OUT_AFTER:
            return True   # 項立剛指，…: Hong Kong's "pointed out", before a comma or a quote
        # (longest first, as over all lengths: near the text's end a truncated slice may find a
        # longer n, with the same answer below, no token reaching past the text)
        n = next((n for n in self.verb_lengths_at.get(doc.key[end:end + 1], ())
                  if doc.key[end:end + n] in self.kb.speech_verbs), 0)
        if not n or end >= len(doc.key):
            return False
        tok = doc.tokens[doc.token_index_at(end)]
        # 童工問題: a verb (問) that only starts a longer dictionary word is no speech
        return not (tok.start == end and tok.end > end + n and not tok.pos.startswith("v")
                    and self.in_dictionary(tok.word))

    @staticmethod
    def _after_other_given_name(doc: Document, start: int, end: int) -> bool:
        """Caroline Ellison: a known person's Latin family name alone, right after another
        capitalised Latin word and a space, is the family name of someone else."""
        word = doc.norm[start:end]
        return word.isascii() and word.isalpha() and start > 1 and doc.norm[start - 1] == " " \
            and GIVEN_NAME_BEFORE.search(doc.norm, max(0, start - 22), start - 1) is not None

    def _person_id(self, doc: Document, start: int, end: int) -> str:
        name = doc.text[start:end]
        if name.isascii():
            return name_id(name)
        return name_id(name, self._surname_len(doc.key, start))

    # -- the pass --------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        table = EntityTable("person")
        doc.layers["people"] = table
        short: list[tuple[int, int, str]] = []
        for m in doc.layers["gazetteer"]:
            deadline.check("people")
            people = m.of_kind("person")
            if not people or self._after_other_given_name(doc, m.start, m.end):
                continue
            if people[0].short:
                short.append((m.start, m.end, people[0].id))
            elif people[0].listed:
                # A name from a generated list never cuts a brand (李寧公司, 彭博社).
                if not self._blocked(doc, m.start, m.end) and not any(
                        doc.key.startswith(w, m.end) for w in self.org_words):
                    table.add(people[0].id, m.start, m.end, "kb-list", kb=True)
            else:
                table.add(people[0].id, m.start, m.end, "kb", kb=True)
        for start, end, pid in short:
            if pid in table.by_id:
                table.add(pid, start, end, "kb-short", kb=True)
        self._transliterated(doc, table)
        titles = list(self._titles(doc))   # (read once: both passes below walk them)
        unread = self._titled(doc, table, titles)
        self._open_titled(doc, table, titles)
        self._affiliated(doc, table)
        self._tagged(doc, table)
        self._founded(doc, table)
        self._japanese_speakers(doc, table)
        openers = self._speaker_labels(doc, table)
        self._before_honorifics(doc, table)
        self._handles(doc, table)
        table = self._second_opinion(doc, table, unread, openers + self._speech_openers(doc, table))
        table = self._cut_short(doc, table)
        self._bracketed_originals(doc, table)
        self._more_mentions(doc, table)
        self._glued_words(doc, table)
        self._glued_function_words(doc, table)
        self._last_pieces(doc, table)
        self._family_name_alone(doc, table)
        self._family_name_speaks(doc, table)
        self._surname_addressed(doc, table)
        self._drop_tag_only(doc, table)
        self._drop_storm_names(doc)
        self._drop_teams(doc)
        self._drop_media_words(doc)
        self._drop_preposition_led(doc)
        self._drop_jurisdiction_heads(doc)

    @staticmethod
    def _cut_short(doc: Document, table: EntityTable) -> EntityTable:
        """孫宇全說 … 孫宇 / 全是, 卡斯特本 … 卡斯特 / 本引用: a name found only at places
        where the text goes on to a longer name it gives elsewhere is that name cut short
        by the segmenter or the tagger; those places are the longer name's mentions. A name
        found only where the knowledge base's person is written the same way is that person. (One
        table of the names written, looked up at a handful of lengths: linear.)"""
        key = doc.key
        forms: dict[str, Entity] = {}
        # a name the knowledge base's person is written by first: a found person written the
        # same way (川普 after a title, beside the listed 川普) is that person, not another
        for ent in sorted(table.by_id.values(), key=lambda ent: not ent.kb):
            for s, e in ent.mentions:
                forms.setdefault(key[s:e], ent)
        lengths = sorted({len(f) for f in forms})
        moved: dict[str, list[tuple[int, int, Entity]]] = {}
        for ent in table.by_id.values():
            if ent.kb:
                continue
            longer = []
            for s, e in ent.mentions:
                found = next(((s + n, forms[key[s:s + n]]) for n in reversed(lengths)
                              if key[s:s + n] in forms and forms[key[s:s + n]] is not ent
                              and (n > e - s or n == e - s and forms[key[s:s + n]].kb)
                              and not (is_latin(key[s + n - 1]) and is_latin(key[s + n:s + n + 1] or " "))),
                             None)
                if found is None:
                    break
                longer.append((s, *found))
            else:
                moved[ent.id] = longer
        if not moved:
            return table
        deadline.check("people")
        kept = table.without(set(moved))
        for places in moved.values():
            for s, e, full in places:
                if full.id in kept.by_id:
                    kept.add(full.id, s, e, "repeated", kb=full.kb)
        doc.layers["people"] = kept
        return kept

    def _handles(self, doc: Document, table: EntityTable) -> None:
        """Bloggers named by handle are people when they act (fixtures/real/README.md):
        an @handle or a quoted name after 博主 / 部落客, or an @handle a speech verb
        follows. The handle is the name, @ and all."""
        if not any(w in doc.key for w in ("@", "博主", "部落客", "选手", "大神", "主播", "网红", "up主")):
            return
        spans = [next(m.span(g) for g in (1, 2, 3) if m.start(g) >= 0) for m in HANDLE.finditer(doc.key)]
        spans += [m.span(1) for m in LATIN_HANDLE.finditer(doc.key) if m.group(1) not in self.kb.titles]
        spans += [m.span() for m in AT_HANDLE.finditer(doc.key)
                  if (m.start() == 0 or not doc.key[m.start() - 1].isalnum())
                  and self._speech_after(doc, self._handle_end(doc, *m.span()))]
        for start, end in spans:
            deadline.check("people")
            end = self._handle_end(doc, start, end)
            if doc.key.endswith(self.org_handle_ends, start, end):
                continue   # @星辰科技官方: a company's account, no person
            person = self._add_open(doc, table, start, end, "handle")
            if person is not None and self._speech_after(doc, end):
                person.evidence.add("speech")
            if person is not None and doc.key[start:start + 1] == "@":
                bare = doc.text[start + 1:end]   # @Kai_Leaks is Kai_Leaks: the handle without its sign
                if bare not in person.forms:
                    person.forms.append(bare)

    def _handle_end(self, doc: Document, start: int, end: int) -> int:
        """@青禾測評室表示: an @handle written straight into the verb after it ends there."""
        if doc.key[start:start + 1] != "@":
            return end
        return next((k for k in range(start + 3, end) if self._speech_after(doc, k)), end)

    def _before_honorifics(self, doc: Document, table: EntityTable) -> None:
        """任職的朱有為博士, 請林宛蓉女士: a surname-shaped name that starts a word and
        ends where an honorific starts is a person's."""
        counts: dict[str, int] = {}   # each surname-and-honorific form counted once
        for _, at, end in self.honorific_finder.find_matches_as_indexes(doc.key):
            deadline.check("people")
            self._name_before_honorific(doc, table, at, end, counts)

    def _name_before_honorific(self, doc: Document, table: EntityTable, at: int, end: int,
                               counts: dict[str, int]) -> None:
        if at and doc.key[at - 1] in self.surnames and doc.starts_token(at - 1):
            # 住在香港路的曾女士: a surname alone with the honorific names no one in full,
            # unless the story goes on calling them so (四川的汪先生 … 汪先生表示): a person
            # the news keeps anonymous; or when it speaks right there (車主葉先生說道): a
            # speech verb is the evidence a second mention would give
            if doc.key[at:end] in ANONYMOUS_HONORIFICS and self._surname_alone(doc, at - 1):
                repeated = self._form_count(doc, doc.key[at - 1:end], counts) >= 2
                if not repeated and not self._speech_after(doc, end):
                    return
                person = table.covering(at - 1, end) or self._add_open(doc, table, at - 1, end, "honorific")
                if person is not None:
                    person.evidence.add("repeated" if repeated else "speech")
            return
        known = table.covering(at - 1, at) if at else None
        if known is not None:
            if any(e == at for _, e in known.mentions):
                known.evidence.add("honorific")
            return
        if doc.key[at - 1:at] in PARTICLES_BEFORE_NOUN:
            return   # 某高校的博士: the honorific is a noun there (a doctoral student), after 的
        for length in (3, 2, 4):
            start = at - length
            if start < 0 or not (start == 0 or doc.starts_token(start) or not is_cjk(doc.key[start - 1])):
                continue
            surname = self._surname_len(doc.key, start)
            if not surname or not 1 <= length - surname <= 2 \
                    or not all(is_cjk(c) for c in doc.norm[start:at]) \
                    or doc.key[start:at] in self.pronouns or self._blocked(doc, start, at):
                continue   # (a given name may hold 為 or 在: 朱有為, which chinese_name_at refuses)
            if self.in_dictionary(doc.norm[start:at]) and not self._tagged_person(doc, start, at):
                continue   # 學生老師, 醫生博士: a word, not a name
            person = self._add_open(doc, table, start, at, "honorific")
            if person is not None:
                return

    @staticmethod
    def _form_count(doc: Document, form: str, counts: dict[str, int]) -> int:
        """How often a form occurs in the text, counted once per form and document (a
        surname and an honorific: a few hundred forms at most, so linear in the text)."""
        if form not in counts:
            counts[form] = doc.key.count(form)
        return counts[form]

    def _surname_alone(self, doc: Document, at: int) -> bool:
        """Does the surname at `at` stand alone, no word running into it from the left
        (老先生, 教書先生: a kind of man, no surname)?"""
        if at == 0 or not is_cjk(doc.key[at - 1]):
            return True
        tok = doc.tokens[doc.token_index_at(at - 1)]
        return tok.word not in self.stop and doc.key[at - 1] not in NOT_BEFORE_ANONYMOUS

    def _speaker_labels(self, doc: Document, table: EntityTable) -> list[tuple[int, int]]:
        """孫嘉禾：我們明年… — an interview's turn: a surname-shaped name alone from a
        sentence's start to a colon, then what it said. A dictionary word there (問：,
        主持人：) is a role, not a name, unless the tagger calls it a person: such turns
        that start with a surname are returned for the tagger to settle (田申申：, where
        the segmenter reads 申申 as a word)."""
        norm = doc.norm
        unsure: list[tuple[int, int]] = []
        headline = None   # found once, at the first turn that needs it
        for m in COLON.finditer(norm):
            deadline.check("people")
            end = start = m.start()
            while start > 0 and end - start < MAX_SPEAKER and is_cjk(norm[start - 1]):
                start -= 1
            back = start   # only indentation between the turn and the sentence's end
            while back > 0 and norm[back - 1] in " \t":
                back -= 1
            if end - start < 2 or (back > 0 and norm[back - 1] not in TURN_STARTS):
                continue
            known = table.covering(start, end)
            if known is not None:
                if known.has(start, end):
                    known.evidence.add("speech")   # the segmenter's name, now with a turn
                continue
            if headline is None:
                headline = self._headline_end(doc)
            if self.chinese_name_at(doc, start) != end or any(
                    len(t.word) >= 2 and t.pos not in PERSON_POS and t.pos != "ns"
                    and self.in_dictionary(t.word) for t in tokens_in(doc, start, end)):
                if end > headline and self._surname_len(doc.key, start) and self._plain_chunk(doc, start, end):
                    unsure.append((start, end))
                continue   # 遊戲版本：, 主持人：: common words, not a name
            if end <= headline and not self._tagged_person(doc, start, end):
                continue   # 韓媒：青禾…: a headline's colon credits a source, no interview's turn
            self._add_open(doc, table, start, end, "speech")
        return unsure

    def _plain_chunk(self, doc: Document, start: int, end: int) -> bool:
        """No pronoun, title or stop word, nor one dictionary word the segmenter does not
        call a name (公司, 官方, 分析師): characters a name may be."""
        chunk = doc.key[start:end]
        if chunk in self.pronouns or chunk in self.stop or chunk in self.kb.titles:
            return False
        return not (self.in_dictionary(doc.norm[start:end])
                    and doc.tokens[doc.token_index_at(start)].pos not in PERSON_POS)

    def _speech_openers(self, doc: Document, table: EntityTable) -> list[tuple[int, int]]:
        """，維沙希瓦說 / 。科蒂克宣稱: two to MAX_UNDOTTED Chinese characters that open a
        clause right before a speech verb, on the segmenter's word boundaries, where the
        rules found no one and no function word or verb stands inside (two of them only
        after a surname: 鴻華表示 is a company's short form): returned for the
        tagger to settle (a transliterated name without its dots has no surname to find it
        by). Found from the speech verbs (one automaton pass), looking back at most
        MAX_UNDOTTED characters from each: linear. Only asked where the tagger is."""
        found: list[tuple[int, int]] = []
        if not self.tagger.available:
            return found
        norm, key = doc.norm, doc.key
        for _, end, _ in self.speech_verb_finder.find_matches_as_indexes(key):
            start = end - 2
            while start > 0 and end - start < MAX_UNDOTTED and is_cjk(norm[start - 1]):
                start -= 1
            if start > 0 and norm[start - 1] not in CLAUSE_BREAKS and (
                    norm[start - 1] not in QUOTE_ENDS or end - start < 3):
                continue   # no clause opens within reach: 他今天表示, 公司方面則稱 (a quote's end
                # opens one for three characters or more: 」韓媒指出 is the media's)
            if start == end - 1 or end - start < 2 or not all(is_cjk(c) for c in norm[start:end]) \
                    or any(self._follower_at(key, i) for i in range(start + 1, end)):
                continue   # 他表示, 公司則稱: a verb or a function word inside
            if not self._speech_after(doc, end) or table.covering(start, end) is not None:
                continue
            glued = not doc.ends_token(end) and self._glued_to_verb(doc, start, end)
            if doc.starts_token(start) and (doc.ends_token(end) or glued) \
                    and (end - start > 2 or self._surname_len(key, start)) \
                    and self._plain_chunk(doc, start, end) and not self._org_short_form(doc, start, end) \
                    and not any(len(t.word) >= 2 and t.pos not in PERSON_POS and t.pos not in ("ns", "nz")
                                and self.in_dictionary(t.word) for t in tokens_in(doc, start, end - glued)):
                found.append((start, end))   # (有消息指出, 知情人士表示: common words, no name)
        return found

    def _glued_to_verb(self, doc: Document, start: int, end: int) -> bool:
        """，宋柏文說 read 宋柏 / 文說: a clause's surname and given name whose last character
        the segmenter glued to a speech verb of one character (the token runs from end - 1
        to end + 1, 說 or 称 after it), the rest on its own word boundaries: the name's end
        for the tagger to settle."""
        if end - start < 3 or not self._surname_len(doc.key, start) or end >= len(doc.key) \
                or not doc.ends_token(end - 1):
            return False
        tok = doc.tokens[doc.token_index_at(end - 1)]
        return tok.start == end - 1 and tok.end == end + 1 and doc.key[end] in GLUED_SPEECH_CHARS

    def _japanese_speakers(self, doc: Document, table: EntityTable) -> None:
        """研究所森田健一說 / 民眾平岩佐知子說: a Japanese family name of two or three characters
        and a given name of two or three, right before a speech verb, is a person, though the
        segmenter glued the given name to the verb (伸介說). The given name is no dictionary
        word (松下電器表示: a company) and no organisation covers it; a single character after a
        family name that is a place as well is the place's site or office (熊本廠, 大阪店),
        so one character never makes a given name here. From the speech verbs
        (one automaton pass), looking back a few characters from each: linear."""
        key, norm = doc.key, doc.norm
        orgs: EntityTable = doc.layers["organizations"]
        surnames = self.kb.japanese_surnames
        for _, end, _ in self.speech_verb_finder.find_matches_as_indexes(key):
            # (the set look-ups of family names first: they reject almost every verb, cheaply)
            if table.covering(end - 1, end) is not None or not self._japanese_family_before(key, end) \
                    or not self._speech_after(doc, end):
                continue
            for given in (2, 3):
                for family in (2, 3):
                    start = end - given - family
                    # (the family-name look-up first: it rejects almost every place, and cheaply)
                    if start < 0 or key[start:start + family] not in surnames \
                            or not all(is_cjk(c) for c in norm[start:end]):
                        continue
                    if self.in_dictionary(norm[start + family:end]) \
                            or any(self._follower_at(key, i) for i in range(start + family, end)) \
                            or orgs.covering(start, end) is not None or table.covering(start, end) is not None \
                            or not doc.starts_token(start):
                        continue
                    person = self._add_open(doc, table, start, end, "transliteration")
                    if person is not None:
                        person.evidence.add("speech")
                        break
                    # (a reading _add_open refuses leaves the longer ones to try)
                else:
                    continue
                break

    def _japanese_family_before(self, key: str, end: int) -> bool:
        """Does a Japanese family name of two or three characters start two or three
        characters before end (where _japanese_speakers looks for one)?"""
        surnames = self.kb.japanese_surnames
        return any(key[start:start + family] in surnames
                   for given in (2, 3) for family in (2, 3) if (start := end - given - family) >= 0)

    @staticmethod
    def _org_short_form(doc: Document, start: int, end: int) -> bool:
        """Does an organisation the text names start with these characters (鴻華表示 where
        鴻華先進 is named)? Then they are its short form, not a person."""
        orgs: EntityTable = doc.layers["organizations"]
        return orgs.prefixes(doc.key).starts(doc.key[start:end])

    @staticmethod
    def _hyphened_to_org(doc: Document, orgs: EntityTable, word: str) -> bool:
        """Does the text write these characters hyphened onto an organisation's name
        (星河- 藍鯨 where 藍鯨 is one)? Then they are the first half of its double name.
        The text's hyphens are found once per text (_hyphens_of); each candidate is then
        tested against that short list, whether an organisation follows read at the call
        (this extractor adds organisations' mentions as it goes)."""
        key, at = doc.key, orgs.at
        return any(key.endswith(word, 0, j) and at(i) is not None for j, i in _hyphens_of(key))

    def _add_open(self, doc: Document, table: EntityTable, start: int, end: int,
                  evidence: str) -> Entity | None:
        existing = table.covering(start, end)
        if existing is not None:
            existing.evidence.add(evidence)
            return existing
        if self._blocked(doc, start, end) or self._in_byline(doc, start) \
                or self._hyphened_to_org(doc, doc.layers["organizations"], doc.key[start:end]):
            return None   # (梅赛德斯- 奔驰 … 梅赛德斯表示: half an organisation's double name)
        if evidence in ("tagger", "pos") and self._body_named(doc, start, end):
            return None
        return table.add(self._person_id(doc, start, end), start, end, evidence)

    def _body_named(self, doc: Document, start: int, end: int) -> bool:
        """阿萊恩斯西部銀行, 貝洛克斯銀行: does a name only the taggers read end in a kind of body
        (body_suffixes: 銀行, 集團, 基金會 …), or run on glued into one, a part of the country
        (西部, 東部 …) between? Then it names that body, no person."""
        key = doc.key
        if key.endswith(self.body_suffixes, start, end):
            return True
        at = end + 2 if key[end:end + 2] in BODY_REGION_WORDS else end
        return key.startswith(self.body_suffixes, at)

    @staticmethod
    def _in_byline(doc: Document, start: int) -> bool:
        """Is start inside a byline? (spans found once per document, then bisected)"""
        bylines = doc.layers.get("bylines")
        if bylines is None:
            bylines = doc.layers["bylines"] = _byline_spans(doc.key)
        i = bisect.bisect_right(bylines, (start, len(doc.key))) - 1
        return i >= 0 and bylines[i][0] <= start < bylines[i][1]

    def _name_piece(self, tok, after_dot: bool = False) -> bool:
        """Can this token be part of a transliterated name (艾倫, 克拉, 托)?"""
        word = tok.word
        if word in self.followers or word in self.stop or word.lower() in self.kb.titles:
            return False
        if tok.pos in PERSON_POS or tok.pos == "eng":
            return True
        if after_dot and tok.pos == "ns":
            return True   # 范·德法特: after the dot the segmenter reads a piece as a place as often as a name
        # 對亞當·桑德勒: a one-character preposition or adverb before it is no piece (a verb
        # may be: 托 / 馬什)
        return len(word) == 1 and "\u3400" <= word <= "\u9fff" and tok.pos[:1] not in "pdcur"

    def _transliterated(self, doc: Document, table: EntityTable) -> None:
        """艾倫·克拉維茨: name pieces joined by a middle dot, bounded by the
        tokens around them that cannot be pieces (a title, a verb, 的)."""
        if not has_dot_between_han(doc.norm):
            return    # no name dot between two Han characters: TRANSLITERATED finds nothing
        fiction = self._fiction_sentences(doc)
        for first_dot, last_dot in self._dotted_runs(doc):
            deadline.check("people")
            i = doc.token_index_at(first_dot) - 1
            start = first_dot
            # 羅賓 / · / 丹賀姆: before a dot and a piece tagged a person, a "place" is a piece too
            person_after = i + 2 < len(doc.tokens) and doc.tokens[i + 2].pos in PERSON_POS or (
                # 亞歷克斯 / · / 阿 / 塞羅: a piece the segmenter cut after one character, its rest a person's
                i + 3 < len(doc.tokens) and doc.tokens[i + 2].end - doc.tokens[i + 2].start == 1
                and is_cjk(doc.norm[doc.tokens[i + 2].start]) and doc.tokens[i + 3].pos in PERSON_POS
                and doc.tokens[i + 3].end - doc.tokens[i + 3].start >= 2)
            while i >= 0 and first_dot - doc.tokens[i].start <= MAX_PIECE and (
                    self._name_piece(doc.tokens[i], after_dot=person_after)
                    or start == first_dot and person_after and doc.tokens[i].pos == "nz") \
                    and not self._closes_title(doc, doc.tokens[i]) and not (
                    start != first_dot and doc.tokens[i].pos == "ns" and len(doc.tokens[i].word) >= 2):
                start = doc.tokens[i].start   # (汉斯/nz · 克里斯蒂安: a first piece the tagger calls a term)
                i -= 1
                if i >= 0 and self._whole_piece(doc.tokens[i + 1]) and (
                        doc.tokens[i].word in self.person_object_verbs
                        or doc.tokens[i].pos == "ns" and len(doc.tokens[i].word) >= 2):
                    break   # 帮 / 亚当·桑德勒, 美国 / 文森·艾尔斯: a verb or a place before a whole piece
            start = self._cut_first_piece(doc, i, start, first_dot)
            j = doc.token_index_at(last_dot) + 1
            end = last_dot + 1
            while j < len(doc.tokens) and doc.tokens[j].end - last_dot <= MAX_PIECE + 1 \
                    and (self._name_piece(doc.tokens[j], after_dot=True)
                         and not self._runs_on(doc, doc.tokens[j], end, last_dot)
                         or end - last_dot == 2 and self._rest_of_piece(doc, doc.tokens[j])):
                end = doc.tokens[j].end   # (彼得·艾 / 利夫: a piece the tagger cut after one character)
                j += 1
            if end == last_dot + 1 and j < len(doc.tokens) and self._term_piece(doc, doc.tokens[j], start, first_dot):
                # 戈登·摩尔 (摩尔 a term), 戈登·摩尔上世纪: a whole piece after the dot the tagger
                # calls a term, the first piece a person's; the name ends with it, a character
                # glued after it (上) is the next word's
                end = doc.tokens[j].end
                j += 1
                if j < len(doc.tokens) and self._whole_piece(doc.tokens[j]) and doc.tokens[j].start == end:
                    end = doc.tokens[j].end
            norm = doc.norm
            if end - last_dot >= 4 and doc.key[end - 1] in GLUED_SPEECH_CHARS \
                    and doc.tokens[doc.token_index_at(end - 1)].start < end - 1 \
                    and norm[end:end + 1] in SPEECH_CLAUSE_OPENERS:
                end -= 1   # 詹森·霍布称， / 瑪莉·卡朵說：: the segmenter glued the speech verb to the last piece
            if end - last_dot >= 3 and end + 2 <= len(norm) and norm[end] in self.transliteration_chars \
                    and doc.key[end + 1] in GLUED_AFTER_NAME and j < len(doc.tokens) \
                    and doc.tokens[j].start == end and doc.tokens[j].end == end + 2:
                end += 1   # 尤瓦爾·赫拉 / 利在, 比斯 / 利向: the segmenter glued the last piece's last character to the preposition after it
            elif end - last_dot >= 3 and j < len(doc.tokens) and doc.tokens[j].start == end:
                end = self._glued_last_piece(doc, doc.tokens[j], end)
            hyphen = end + 1 + (norm[end + 1:end + 2] == " ")
            if norm[end:end + 1] in "-－" and end - last_dot > 2 and hyphen < len(norm) and is_cjk(norm[hyphen]):
                # 薩姆·班克曼-弗里德, 班克曼- 弗里德: a double-barrelled last piece, its hyphen
                # (a space after it) inside the name; the piece after it runs to a non-piece
                k = doc.token_index_at(hyphen)
                piece_end = hyphen
                while 0 <= k < len(doc.tokens) and doc.tokens[k].end - hyphen <= MAX_PIECE \
                        and self._name_piece(doc.tokens[k], after_dot=True):
                    piece_end = doc.tokens[k].end
                    k += 1
                if piece_end - hyphen >= 2:
                    end = piece_end
            bracket = end + 1 + (norm[end + 1:end + 2] == " ")
            if bracket + 1 < len(norm) and is_cjk(norm[end]) and norm[bracket] in "(（" \
                    and LATIN_PERSON.match(norm, bracket + 1):
                end += 1   # 邁克·瓦爾 / 茲（Mike Waltz）, 茲 (Mike: the name runs to its original in brackets
            if first_dot - start >= 3 and doc.norm[start] in self.word_final_morphemes \
                    and start > 0 and is_cjk(doc.norm[start - 1]):
                start += 1   # 学者 / 罗伯特·卡普兰, 学系雪莉·蒂尔曼: the end of the word before
            if first_dot - start >= 3 and doc.norm[start] in self.leading_glue \
                    and doc.norm[start] not in self.transliteration_chars \
                    and doc.tokens[doc.token_index_at(start)].end - start >= 2 \
                    and all(c in self.transliteration_chars for c in doc.norm[start + 1:first_dot]):
                start += 1   # 由戈登 / · 摩尔, 但戈登: a preposition or conjunction glued to the first piece
            if start == first_dot or end == last_dot + 1:
                continue
            if self._after_number(doc, start):
                continue   # 175 牛·米, 10 千瓦·時: a compound unit after its number, no name
            if self._period_list(doc, start, end):
                continue   # 南韓．英國, 網.端.雲: places or words a full stop lists
            known = table.covering(start, end)
            if known is not None and known.evidence == {"kb-list"} and known.has(start, first_dot):
                # 詹姆斯·福爾茲: a listed person (LeBron James) by a given name that is only the
                # first piece here; the whole name is someone else's
                table.drop_mention(known.id, start, first_dot)
                known = table.covering(start, end)
            if known is not None:  # 馬克·祖克柏 ends in a KB alias
                table.add(known.id, start, end, "kb", kb=True)
                continue
            if self._character(doc, fiction, start, end):
                continue
            self._add_open(doc, table, start, end, "transliteration")

    @staticmethod
    def _dotted_runs(doc: Document):
        """(first dot, last dot) of each run of dotted pieces TRANSLITERATED finds; a run
        whose middle piece holds a list's joiner as a word of its own (艾倫·克拉維茨與托馬什·
        維爾克, 妮娜·洛克以及主编汉斯·韦伯: two names listed) is two runs, one dot each."""
        for m in TRANSLITERATED.finditer(doc.norm):
            dots = [i for i in range(m.start(), m.end()) if doc.norm[i] in NAME_DOTS]
            if len(dots) == 2 and any(
                    (tok.end - tok.start == 1 and doc.norm[tok.start] in PERSON_LIST_JOINERS
                     or doc.norm[tok.start:tok.end] in PERSON_LIST_JOINER_WORDS)
                    and tok.pos[:1] in "cp" for tok in tokens_in(doc, dots[0] + 1, dots[1])):
                yield from ((d, d) for d in dots)
            else:
                yield dots[0], dots[-1]

    def _cut_first_piece(self, doc: Document, i: int, start: int, first_dot: int) -> int:
        """纳迪 / 姆·, 特 / 拉維斯·, 埃馬 / 紐埃 / 爾·: the segmenter cut the first piece and
        tagged its front a term, a place or an adverb, so the walk back stopped inside the piece;
        the tokens glued before it, every character of each a transliteration character (and no
        title's end, no word of its own the text leans on), are the piece's front, up to a
        given name's length."""
        if start == first_dot or first_dot - start > 3:
            return start
        while i >= 0:
            tok = doc.tokens[i]
            key = doc.key[tok.start:tok.end]
            if tok.end != start or first_dot - tok.start > MAX_FIRST_PIECE or tok.word in self.followers \
                    or tok.word in self.stop or tok.word.lower() in self.kb.titles \
                    or not all(c in self.transliteration_chars for c in key) or self._closes_title(doc, tok):
                break
            start = tok.start
            i -= 1
        return start

    def _closes_title(self, doc: Document, tok) -> bool:
        """Is tok one character that ends a listed title with the text before it (商務部 /
        長 / 艾倫．克拉維茨: the segmenter cut 部長 apart)? No piece of the name after it."""
        return tok.end - tok.start == 1 and doc.key.endswith(self.title_tuple, 0, tok.end)

    @staticmethod
    def _period_list(doc: Document, start: int, end: int) -> bool:
        """Does a full stop (．, .), not a middle dot, join pieces that a place name of its
        own (英國) or single characters only (網.端.雲) make a list? A name written with
        the full stop (艾倫．克拉維茨) has name pieces."""
        if "." not in doc.norm[start:end]:
            return False
        pieces = regex.split(r"[·•・‧.]", doc.norm[start:end])
        if all(len(p) == 1 for p in pieces):
            return True
        return any(t.pos == "ns" and t.end - t.start >= 2 for t in tokens_in(doc, start, end))

    @staticmethod
    def _after_number(doc: Document, start: int) -> bool:
        """Does a digit or a Chinese numeral stand right before start (a space between)?"""
        i = start - 1
        while i >= 0 and doc.norm[i] == " ":
            i -= 1
        return i >= 0 and (doc.norm[i].isdigit() or doc.norm[i] in "一二两三四五六七八九十百千万亿")

    def _term_piece(self, doc: Document, tok, start: int, first_dot: int) -> bool:
        """Is tok, right after a name's dot, a whole piece the tagger calls a term (摩尔/nz,
        波普科/nz): two to five Chinese characters no title, stop word or follower is, after a
        first piece the tagger tags a person's (戈登/nr)?"""
        word = tok.word
        if tok.pos != "nz" or tok.start != first_dot + 1 or not 2 <= len(word) <= 5 \
                or not all(is_cjk(c) for c in word):
            return False
        if word in self.followers or word in self.stop or word.lower() in self.kb.titles \
                or self._follower_at(doc.key, tok.start):
            return False
        return any(t.pos in PERSON_POS for t in tokens_in(doc, start, first_dot))

    def _glued_last_piece(self, doc: Document, tok, end: int) -> int:
        """Where the last piece ends when the segmenter made its last characters and the word
        after them a token of two no dictionary holds: 拉斯 / 贡说, 福雷斯 / 特则 (a
        character, then a speech verb or a one-character adverb, the pair no word: the
        character joins the name), 克利 / 钦科, 梅圖 / 基瑞 (two transliteration characters
        the tagger calls a term: both join it). 来说, 否则 are words of their own."""
        key = doc.key[tok.start:tok.end]
        if len(key) != 2 or not is_cjk(key[0]) or not is_cjk(key[1]) or self.in_dictionary(key) \
                or self._follower_at(doc.key, tok.start) or key[0] in self.stop:
            return end
        if key[1] in GLUED_AFTER_LAST_PIECE:
            return end + 1
        if key[0] in self.transliteration_chars and key[1] in self.transliteration_chars \
                and tok.pos in ("n", "nz"):
            return tok.end
        return end

    def _runs_on(self, doc: Document, tok, end: int, last_dot: int) -> bool:
        """Is tok, after a last piece of two characters or more, one character no
        transliteration writes names with that the tagger reads as a verb, a place word or a
        suffix (韦伯 / 有, 拜登 / 前, 斯塔克 / 式): the next word's, not the name's (a noun may
        be the piece's end: 贝伦斯 / 坦)."""
        return end - last_dot >= 3 and tok.end - tok.start == 1 and tok.start == end \
            and tok.pos[:1] in "vfk" and is_cjk(doc.key[tok.start]) \
            and doc.key[tok.start] not in self.transliteration_chars

    @staticmethod
    def _whole_piece(tok) -> bool:
        """A name piece of two or more characters the tagger tags a person's."""
        return tok.end - tok.start >= 2 and tok.pos in PERSON_POS

    def _rest_of_piece(self, doc: Document, tok) -> bool:
        """After a one-character piece, a word of two characters that no verb, title or
        function word is: the rest of the piece (艾 / 利夫)."""
        word = tok.word
        return (len(word) == 2 and all(is_cjk(c) for c in word) and not self._follower_at(doc.key, tok.start)
                and word not in self.stop and word.lower() not in self.kb.titles
                and tok.pos[:1] not in "vpdcurmtf")

    def _character(self, doc: Document, fiction: set[int], start: int, end: int) -> bool:
        """In a sentence about a story, is the name one of its characters? It is when
        a dictionary holds it (悟空, 孫悟空: famous characters are words), when the
        story's title or a word such as 電影 opens its clause (《鋼鐵俠》裡托尼·斯塔克),
        or it is likened to (像柯南, 現實版的賈維斯); not when a work's title follows
        it (its author) nor elsewhere in the sentence (杰克逊的音乐总监…杂志《黑与白》)."""
        if doc.sentence_index(start) not in fiction:
            return False
        # Look back a bounded stretch: linear however long a sentence runs.
        back = max(doc.sentence_at(start).start, start - MAX_CLAUSE_BACK)
        if doc.norm.rfind("《", back, start) > doc.norm.rfind("》", back, start):
            return True   # inside 《龍珠》: the work's title itself
        if self._credited(doc, start, end):
            return False
        if self.in_dictionary(doc.norm[start:end]):
            return True
        before = doc.key[back:start]
        clause = before[max(before.rfind(c) for c in CLAUSE_BREAKS) + 1:].rstrip("“\"「『 ")
        if clause.endswith(self.title_tuple):
            return False   # 《財富》執行長艾倫·莫瑞: a job title, so a person who works there
        if "》" in clause or any(cue in clause for cue in self.fiction_cues):
            return True
        return clause.endswith(LIKENED)

    def _credited(self, doc: Document, start: int, end: int) -> bool:
        """In a sentence about a story, a name is its maker's, not a character's,
        when a work's title follows it (作家林宛蓉《北岸》, 韓一舟的《星河》)."""
        after = end + 1 if doc.key[end:end + 1] == "的" else end
        return doc.norm[after:after + 1] == "《"

    def _addressed_outlet(self, doc: Document, start: int, end: int) -> bool:
        """Is the 《title》 at [start, end) a paper spoken to: a preposition of address or 接受
        right before it, then its reporter or an interview (接受《晨報》記者專訪), or a speech
        verb right after it (對《星報》說)? (對《西遊記》的喜愛 is about the story.)"""
        key = doc.key
        if not key.endswith(ADDRESSED_BY, max(0, start - 2), start):
            return False
        return key.startswith(ADDRESSED_AFTER, end) or self._speech_verb_at(key, end)

    def _fiction_sentences(self, doc: Document) -> set[int]:
        """Sentences about a story: a 《title》 or a word such as 電影 in them. A title someone
        speaks to (對《星報》記者表示, 向《晨報》透露, 接受《北岸週刊》專訪) is a paper's, no story."""
        found = {doc.sentence_index(m.start()) for m in BOOK_TITLE.finditer(doc.norm)
                 if not self._addressed_outlet(doc, m.start(), m.end())}
        for _, tok in doc.tokens.where(words=self.fiction_cues):
            deadline.check("people")
            found.add(doc.sentence_index(tok.start))
        return found

    def _titles(self, doc: Document):
        """Title chains: (start, end) of 創辦人兼執行長 and the like."""
        chain = None
        for idx, start, end in self.title_finder.find_matches_as_indexes(doc.key):
            deadline.check("people")
            form = self.title_forms[idx]
            if is_latin(form[0]) and ((start > 0 and is_latin(doc.key[start - 1]))
                                      or (end < len(doc.key) and is_latin(doc.key[end]))):
                continue
            if not is_latin(form[0]) and self._crosses_word(doc, start, end):
                continue   # 萬州長江: 州長 straddles two words, no title
            if doc.key.startswith(COMMITTEE_END, end - len(MEMBER), end + 1):
                continue   # 執行委員會主席: 委員 begins a committee's name, no title
            if chain and (start == chain[1] or (start == chain[1] + 1
                                               and doc.key[chain[1]] in TITLE_JOINERS)):
                chain = (chain[0], end)
                continue
            if chain:
                yield self._past_office_seekers(doc, chain)
            chain = (start, end)
        if chain:
            yield self._past_office_seekers(doc, chain)

    @staticmethod
    def _past_office_seekers(doc: Document, chain: tuple[int, int]) -> tuple[int, int]:
        """總統當選人, 总统候选人: a title and the noun of one elected to it or running for it
        is one title; the name comes after both (總統當選人林宛蓉)."""
        for word in OFFICE_SEEKERS:
            if doc.key.startswith(word, chain[1]):
                return chain[0], chain[1] + len(word)
        return chain

    @staticmethod
    def _crosses_word(doc: Document, start: int, end: int) -> bool:
        """Does a word of the text begin before the title and end inside it
        (萬州 / 長江 over 州長), or a place's name hold its start (萬州長 / 江)?"""
        tok = doc.tokens[doc.token_index_at(start)]
        return tok.start < start < tok.end and (tok.end < end or tok.pos == "ns")   # 萬州長 / 江

    def _common_word_at(self, doc: Document, pos: int) -> bool:
        """Does a dictionary word the tagger calls no name start at pos (律師費用,
        主編宣布): what follows a title there is no name."""
        tok = doc.tokens[doc.token_index_at(pos)]
        return (tok.start == pos and tok.end - pos >= 2 and tok.pos not in PERSON_POS
                and tok.word not in self.surnames   # 司徒, 歐陽: a surname of two characters
                and tok.pos[:1] in "nvadstf" and tok.pos not in ("nz", "nt", "ns")
                and self.in_dictionary(tok.word))

    def _with_modifiers(self, doc: Document, t_start: int) -> int:
        """Extend a title leftwards over words that belong to it (產品副總裁)."""
        moved = True
        while moved:
            moved = False
            for mod in self.title_modifiers:
                if doc.key.endswith(mod, 0, t_start) and not self._blocked(doc, t_start - len(mod), t_start):
                    t_start -= len(mod)
                    moved = True
                    break
        return t_start

    def _title_follows(self, doc: Document, end: int) -> bool:
        """Do title modifiers and then a title follow (…顧問高級分析師)?"""
        if doc.key[end:end + 1] not in self.modifier_firsts:
            return False
        pos, moved = end, True
        while moved:
            moved = False
            for mod in self.title_modifiers:
                if doc.key.startswith(mod, pos):
                    pos, moved = pos + len(mod), True
                    break
        return pos > end and doc.key.startswith(self.title_tuple, pos)

    def _open_titles(self, doc: Document, closed: list[tuple[int, int]]):
        """Words the title list lacks that name a person's post or trade by their head
        (立委, 首席人力长, 研究员, 漫画家, 车商), ending right before a surname: yields
        (start, end). The head closes a word the segmenter keeps (立委), or follows a noun
        of two characters or more (人力 / 长, 电动车 / 商: the segmenter often glues the
        head to the surname after it, 长叶, 商孙)."""
        key, tokens = doc.key, doc.tokens
        ends = {e for _, e in closed}
        for m in OPEN_HEAD.finditer(key):
            deadline.check("people")
            end = m.end()
            glossed = key.endswith(GLOSSED_OPEN_TITLE, 0, end) and self._glossed_name_end(doc, end) is not None
            if end in ends or end >= len(key) or not self._surname_len(key, end) and not key[end].isascii() \
                    and not glossed:
                continue
            tok = tokens[doc.token_index_at(end - 1)]
            # 官方, 監管, 商丘: the head may start the next word; then only a name that ends
            # as a name does (部長孫嘉禾表示, not 官方公眾號) is read after it
            strict = tok.end > end and (self.in_dictionary(doc.norm[end - 1:end + 1])
                                        or self.in_dictionary(key[end - 1:end + 1]))
            if tok.end == end and tok.start < end - 1:
                if tok.pos in PERSON_POS or tok.pos == "ns" or not tok.pos[:1] in ("n", "j"):
                    continue
                start = tok.start
                if tok.pos == "nt" or not self.in_dictionary(tok.word):   # 黨立委: an organisation's word and the post
                    start = next((k for k in range(tok.start + 1, end - 1)
                                  if self.in_dictionary(doc.norm[k:end]) or self.in_dictionary(key[k:end])), start)
            else:
                if end < 2 or tok.start != end - 1 and not (tok.start == end - 1 or tok.end > end):
                    continue
                if tok.start < end - 1:
                    continue
                prev = tokens[doc.token_index_at(end - 2)]
                if prev.end != end - 1 or prev.end - prev.start < 2 or not prev.pos.startswith("n") \
                        or prev.pos in PERSON_POS:
                    continue
                start = prev.start
            if key.endswith(NOT_OPEN_TITLE_ENDS, start, end) and not glossed:    # (消息人士, 工作人员)
                continue    # (专家 only before a name its Latin gloss confirms: 专家表示, 多位专家 make none)
            if strict:
                form = next((f for f in self.title_forms if key.endswith(f, start, end)), None)
                if form is None:
                    continue    # 官方 / 公眾號, 官方 / 背書: a word the head opens, no post, unless a listed title ends there (部長 / 沙倫貝格 read as 長沙)
                if key.endswith(self.title_tuple, start, end - 1):
                    start = end - len(form)   # 部長 / 官方: a title and the head, the listed title 長官 alone
            yield start, end, strict

    def _open_titled(self, doc: Document, table: EntityTable, closed: list[tuple[int, int]]) -> None:
        """立委林德福質詢, 車商孫中剛向央視表示, 漫画家Boichi: a name right after an open
        title (_open_titles) is a person's where it ends as a name does: a Chinese name
        before a speech verb, a function word or punctuation (a strong boundary), a Latin
        name before no more Latin. The title is theirs; the employer is read as for a
        listed title."""
        orgs: EntityTable = doc.layers["organizations"]
        fiction = None
        for t_start, t_end, strict in self._open_titles(doc, closed):
            deadline.check("people")
            if orgs.covering(t_end - 1, t_end) is not None:
                continue    # 星海力士向華: the head (士) ends an organisation's name, no post
            pos = t_end
            if doc.key[pos:pos + 1] == " " and doc.norm[pos + 1:pos + 2].isascii():
                pos += 1   # 首席架構師 Mark Lowe: a space before a Latin name
            if pos >= len(doc.key) or table.covering(pos, pos + 1) is not None:
                continue
            if fiction is None:
                fiction = self._fiction_sentences(doc)
            if doc.sentence_index(pos) in fiction:
                continue    # 《鋼鐵人》裡的AI管家賈維斯: a story's character
            if doc.norm[pos].isascii():
                if doc.key[t_end - 1] == TRADE_FIRM_HEAD and t_end - t_start > 2:
                    continue    # 零售商Ulta, 服務提供商Zelfa: a firm's trade of three characters or more before a Latin name names a company
                m = LATIN_PERSON.match(doc.norm, pos)
                if strict or not m or (m.end() < len(doc.norm) and is_latin(doc.norm[m.end()])) \
                        or m.group().lower() in self.kb.titles:
                    continue
                end = m.end()
            else:
                first = doc.tokens[doc.token_index_at(pos)]
                if first.start == pos and first.end == pos + 1 and first.pos[:1] in SURNAME_NOT_TAGS:
                    continue    # (藝術家 / 應 / 擔當: a verb or a function word of its own, no surname)
                end = self.chinese_name_at(doc, pos, titled=True)
                if end is None and doc.key.endswith(GLOSSED_OPEN_TITLE, 0, t_end):
                    end = self._glossed_name_end(doc, pos)   # 專家貝洛斯（Marta Bellos）: the gloss confirms a name of no surname
                    if end is not None and max(map(len, regex.split(
                            "[" + regex.escape(GLOSSED_NAME_JOINERS) + "]", doc.norm[pos:end]))) > MAX_GLOSS_CONFIRMED_NAME:
                        end = None   # 專家暨活動人士基爾吉（…）: a second post runs to the gloss
                if end is not None and first.start == pos and first.end == end and first.pos[:1] == "v":
                    continue    # 微博官 / 宣了: the tagger's verb, whole, after an open head, no name
                if end is None or self._common_word_at(doc, pos) or strict and self._boundary(doc, end) < 2 \
                        and not self._dated_after(doc, end):
                    continue
                if (self.in_dictionary(doc.norm[pos:end]) or self.in_dictionary(doc.key[pos:end])) \
                        and not (end - pos >= TYPICAL_NAME_LENGTH and self._tagged_person(doc, pos, end)):
                    continue    # (水師溫泉, 旗委常委: a word, no name; 史密斯 is a word and a name)
                if self._noun_for_given_name(doc, pos, end):
                    continue    # 雙長 / 焦 / 鏡頭: a surname-like character and a common noun
                if (strict or doc.tokens[doc.token_index_at(t_end - 1)].end > t_end) \
                        and self._noun_after_glued_surname(doc, pos, end):
                    # 部長官 / 方 / 人士: the surname glued to the head, a common noun after it;
                    # so where the tagger glued them though the dictionary lacks the pair
                    # (汽車官宣 / 降價, 微博官宣 / 了: a verb the head opens, no post)
                    continue
            person = self._add_open(doc, table, pos, end, "open-title")
            if person is not None:
                self._credit_open_title(doc, orgs, person, t_start, t_end)

    def _noun_after_glued_surname(self, doc: Document, pos: int, end: int) -> bool:
        """Is what follows the surname at pos one word of the dictionary that the tagger
        calls no name (官方 / 人士 or 官方人士 as one word; not 文圭, a name in the dictionary)?"""
        given = doc.norm[pos + self._surname_len(doc.key, pos):end]
        if not self.in_dictionary(given):
            return False
        tagged = self.word_tag(given)
        return len(tagged) == 1 and tagged[0].pos not in PERSON_POS

    @staticmethod
    def _dated_after(doc: Document, end: int) -> bool:
        """Does a day of the month or a time word start at end (部長官方明輝22日會見, 長官方明輝昨日表示)?
        A name the text dates its deed by ends there as at a speech verb."""
        m = DAY_AFTER_NAME.match(doc.key, end)
        if m is not None:
            return True
        tok = doc.tokens[doc.token_index_at(end)] if end < len(doc.key) else None
        return tok is not None and tok.start == end and tok.pos == "t" and tok.end - tok.start >= 2

    def _credit_open_title(self, doc: Document, orgs: EntityTable, person: Entity, t_start: int,
                           t_end: int) -> None:
        """An open title right before a person's name: theirs, and the employer named before it."""
        t_start = self._with_modifiers(doc, t_start)   # 首席 / 人力长
        if person.title is None:
            person.title = (t_start, t_end)
        if person.organization is None and doc.key[t_start - 1:t_start] not in FORMER:
            org = self._named_employer(doc, orgs, t_start) or self._suffixed_employer(doc, orgs, t_start) \
                or self._described_owner(doc, orgs, t_start)
            if org is not None and self._left(doc, orgs, org, t_start):
                person.former.add(org)   # 前星光日報專欄作家: not the employer now
            else:
                person.organization = org

    def _suffixed_employer(self, doc: Document, orgs: EntityTable, t_start: int) -> str | None:
        """星海品牌再造協會榮譽理事長: before an open title (and a word of rank), words
        ending in an organisation's own word (協會, 基金會, 大學) name one."""
        at = _past_title_gaps(doc, t_start)
        at -= len(next((w for w in RANK_WORDS if doc.key.endswith(w, 0, at)), ""))
        return self._employer(doc, orgs, at) if doc.key.endswith(self.org_ends, 0, at) else None

    def _noun_for_given_name(self, doc: Document, pos: int, end: int) -> bool:
        """Is what follows the surname at pos one common noun of the dictionary, the
        surname a token of its own and nothing there tagged a name (焦 / 鏡頭, not 孫 / 嘉禾
        tagged a name)? After an open title that is a word, no given name."""
        s = self._surname_len(doc.key, pos)
        first = doc.tokens[doc.token_index_at(pos)]
        rest = doc.tokens[doc.token_index_at(pos + s)]
        return (first.start == pos and first.end == pos + s and rest.start == pos + s and rest.end == end
                and rest.pos[:1] == "n" and rest.pos not in PROPER_POS and self.in_dictionary(rest.word)
                and not self._tagged_person(doc, pos, end))

    def _described_owner(self, doc: Document, orgs: EntityTable, t_start: int) -> str | None:
        """青嵐大學的汽車設計師, 星澄公司的資深電池工程師: an organisation already found, 的,
        then one or two describing words of the dictionary (nouns or adjectives, not a
        name, a verb or a function word) before the title: the organisation employs."""
        pos, taken = t_start, 0
        while taken < MAX_TITLE_DESCRIBERS and pos > 0:
            i = doc.token_index_at(pos - 1)
            tok = doc.tokens[i]
            if tok.end != pos or doc.key[tok.start:pos] == "的":
                break
            if tok.pos not in TITLE_DESCRIBER_POS or not all(is_cjk(c) for c in tok.word) \
                    or tok.word in self.stop or not self.in_dictionary(tok.word):
                return None
            pos, taken = tok.start, taken + 1
        if taken == 0 or doc.key[pos - 1:pos] != "的":
            return None
        return self._named_employer(doc, orgs, pos)

    @staticmethod
    def _named_employer(doc: Document, orgs: EntityTable, t_start: int) -> str | None:
        """An organisation already found that ends right before an open title (across 的,
        旗下, a space): an open title's words are too loose to make a new one of."""
        pos = _past_title_gaps(doc, t_start)
        org = orgs.covering(pos - 1, pos) if pos > 0 else None
        return org.id if org is not None else None

    def _titled(self, doc: Document, table: EntityTable,
                closed: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """Names right after a title of closed, the text's title chains (_titles), or
        before it, or a profile line's; returns where a
        title is followed by characters the rules read as no name but that may be one
        (_unread_after_title): (position, title start, title end)."""
        orgs: EntityTable = doc.layers["organizations"]
        unread: list[tuple[int, int, int]] = []
        for t_start, t_end in closed:
            deadline.check("people")
            if self._title_follows(doc, t_end):
                continue   # 賽迪顧問高級分析師: 顧問 ends a firm's name; the title is the next one
            pos = t_end + 1 if doc.key[t_end:t_end + 1] == " " else t_end
            glossed = TITLE_GLOSS.match(doc.norm, pos) \
                or TITLE_PORTFOLIO.match(doc.norm, pos)   # 首席財務官（CFO）Ned Segal, 經理（樓宇復修）
            if glossed:
                pos = glossed.end()
            lead_in = NAMING_LEAD_IN.match(doc.key, pos)
            if lead_in:   # 創始人是一名叫孫嘉禾: the name after the naming verb
                pos = lead_in.end()
            if self._addresses_known(doc, pos, table):
                continue   # 律師向孫嘉禾發函: the lawyer is unnamed; 孫嘉禾 is named elsewhere
            person = self._name_after_title(doc, table, pos)
            if person is None and doc.key[pos:pos + 1] == "的":   # 總法律顧問的Sean Edgett
                latin = LATIN_PERSON.match(doc.norm, pos + 1)
                if latin and " " in latin.group() and not is_latin(doc.norm[latin.end():latin.end() + 1] or " "):
                    person = self._add_open(doc, table, latin.start(), latin.end(), "title")
            before = False
            if person is None:
                person = self._name_before_title(doc, table, t_start) \
                    or self._profile_name(doc, table, self._with_modifiers(doc, t_start))
                before = person is not None
            if person is None:
                if self._unread_after_title(doc, pos, table):
                    unread.append((pos, t_start, t_end))
                elif doc.key.endswith(SPOKESPERSON, t_start, t_end) and pos < len(doc.key) \
                        and self._time_word(doc, pos, doc.tokens[doc.token_index_at(pos)].end):
                    # 星辰航運發言人週二證實: an unnamed spokesperson, dated by a time word; the
                    # organisation named before the title is still read as its employer, the
                    # owner of the voice's words (該發言人稱)
                    self._employer(doc, orgs, self._with_modifiers(doc, t_start))
                continue
            person.evidence.add("title")
            if before:
                if person.title is None:
                    person.title = (t_start, t_end)
                at = person.mentions[-1][0]
                if person.organization is None and not any(e == at for _, e in closed):
                    # 星辰智能的葉承澤總裁; a title right before the name (中心主任林宛蓉教授)
                    # was read for its employer already: its words are no organisation
                    person.organization = self._employer(doc, orgs, at)
                continue
            self._credit_title(doc, orgs, table, person, t_start, t_end)
        return unread

    def _addresses_known(self, doc: Document, pos: int, table: EntityTable) -> bool:
        """向孫嘉禾, 對林宛蓉: a preposition, then a form of a person found so far (the
        forms are gathered only after such a preposition: rare, and the table grows)."""
        key = doc.key
        if key[pos:pos + 1] not in self.object_prepositions:
            return False
        return any(key.startswith(key[s:e], pos + 1)
                   for ent in table.by_id.values() for s, e in ent.mentions)

    def _unread_after_title(self, doc: Document, pos: int, table: EntityTable) -> bool:
        """After a title, Chinese characters the rules read as no name that still may be
        one: no speech verb, function word or common word starts there (執行長表示,
        經理人才), no one-character function word, no person already there. A
        transliterated name without its dots (執行長瓦倫：, 記者梅蘿絲說) has no surname
        to find it by: the statistical tagger is asked (_second_opinion)."""
        if pos >= len(doc.key) or not is_cjk(doc.norm[pos]) or self._follower_at(doc.key, pos):
            return False
        if table.covering(pos, pos + 1) is not None or self._common_word_at(doc, pos):
            return False
        first = doc.tokens[doc.token_index_at(pos)]
        return not (first.start == pos and first.end == pos + 1 and first.pos[:1] in SURNAME_NOT_TAGS)

    def _credit_title(self, doc: Document, orgs: EntityTable, table: EntityTable, person: Entity,
                      t_start: int, t_end: int) -> None:
        """A title right before a person's name: theirs, and the employer read before it."""
        bare_start = t_start
        t_start = self._with_modifiers(doc, t_start)
        if person.title is None:
            person.title = (t_start, t_end)
        if person.organization is None:
            office = bare_office(doc.key[t_start:t_end])
            if office in STATE_TITLES:   # (總統當選人: elected to the office, its kind of employer)
                # 南韓總統尹錫悅: the place is no employer; the government is, where the
                # text names it (南韓政府), or a known body right before (國務院總理)
                person.organization = self._government(doc, orgs, t_start) \
                    or self._known_body(orgs, t_start)
                return
            if office in self.jurisdiction_titles:
                # 嘉義縣長: the county before the title is a place, no employer; its
                # government is, where the text names it (嘉義縣政府)
                person.organization = self._government(doc, orgs, t_start, doc.key[t_start])
                return
            joined = self._joined_post_start(doc, t_start)
            if joined is not None:
                # 雲岫全球副總裁暨台灣總經理: the second post of one person, for a region of the
                # first's organisation; the words before the first title name the employer
                bare_start = t_start = joined
            if doc.key.startswith(self.police_ranks, t_start) and doc.key[t_start - 1:t_start] not in FORMER:
                # 總警司, 督察: the force's unit named before the rank, else the one police
                # force the text names (警務處); no other body the text names
                person.organization = self._employer(doc, orgs, t_start) or self._police_force(doc, orgs)
                return
            former = doc.key[t_start - 1:t_start] in FORMER   # 英特爾前執行長
            left_at = None if former else self._left_mark(doc, orgs, t_start)
            if left_at is not None:
                # 特斯拉前生产负责人: the organisation the text names before 前 is one left (no new one read)
                pos = _past_title_gaps(doc, left_at)
                org = orgs.covering(pos - 1, pos) if pos > 0 else None
                if org is not None:
                    person.former.add(org.id)
                return
            # 微软消费者业务首席营销官: the department may end in a title modifier (业务)
            org = (None if former else self._org_before_department(doc, orgs, bare_start)) \
                or self._employer(doc, orgs, t_start - 1 if former else t_start) \
                or (None if former else self._scoped_employer(doc, orgs, t_start)) \
                or (None if former else self._local_office(doc, orgs, t_start)) \
                or (None if former else self._described_owner(doc, orgs, t_start))
            if org is not None and (former or self._left(doc, orgs, org, t_start)):
                person.former.add(org)   # 前特斯拉AI總監: not the employer now
                return
            person.organization = org or self._listed_employer(doc, table, t_start) \
                or self._short_employer(doc, orgs, person, t_start)

    def _joined_post_start(self, doc: Document, t_start: int) -> int | None:
        """副總裁暨台灣總經理, 副总裁兼中国区总裁: a title (with its modifiers), a joiner
        of posts (暨, 兼), then only a place or region's words before the title at t_start:
        where the first title starts (its modifiers included), else None."""
        key = doc.key
        j = t_start
        while j > 0 and t_start - j <= MAX_REGION and key[j - 1] not in POST_JOINERS:
            j -= 1
        if j == 0 or key[j - 1] not in POST_JOINERS or not self._region_words(doc, j, t_start):
            return None
        end = j - 1
        first = next((end - len(f) for f in self.title_forms if key.endswith(f, 0, end)), None)
        if first is None or self._crosses_word(doc, first, end) or self._blocked_people(doc, first, end):
            return None
        return self._with_modifiers(doc, first)

    def _region_words(self, doc: Document, start: int, end: int) -> bool:
        """Are start..end nothing, or a place's words (台灣, 中国区, 亞太區: a tagged place,
        then a word for a region), naming no organisation or person?"""
        if start == end:
            return True
        if start > 0 and doc.key[start - 1] in POST_JOINERS and doc.key[start:end] in JOINED_BODIES:
            return True     # 監事會主席暨執行委員會副主席: after the joiner, a body of the first post's organisation
        if self._blocked(doc, start, end) or self._blocked_people(doc, start, end) \
                or not doc.starts_token(start) or not doc.starts_token(end):
            return False
        if any(doc.key.startswith(m, start) and start + len(m) == end for m in self.title_modifiers):
            return True     # (亞太區, 中國區: a region the title list knows)
        toks = list(tokens_in(doc, start, end))
        return bool(toks) and toks[0].pos == "ns" \
            and all(doc.key[t.start:t.end] in REGION_WORDS for t in toks[1:])

    def _short_employer(self, doc: Document, orgs: EntityTable, person: Entity, t_start: int) -> str | None:
        """360創始人周鴻禕: right before the title of a known person, the end of one of the
        names of the organisation the knowledge base gives them (奇虎360) names it in
        short; a mention of it. Not a company word alone (集團創始人)."""
        record = self.kb.people.get(person.id) if person.kb else None
        org_id = record.get("organization") if record else None
        org = self.kb.organizations.get(org_id) if org_id else None
        if org is None:
            return None
        key = doc.key
        names = [self.kb.key(a) for a in org.get("aliases", [])]
        for n in range(min(MAX_SHORT_EMPLOYER, t_start), 1, -1):
            start = t_start - n
            form = key[start:t_start]
            if not doc.starts_token(start):
                continue
            if not all(ch.isalnum() for ch in form) or form in self.org_words or form in self.generic:
                continue
            if any(name.endswith(form) for name in names) and orgs.covering(start, t_start) is None:
                orgs.add(org_id, start, t_start, "kb-short", kb=True)
                return org_id
        return None

    @staticmethod
    def _after_place(doc: Document, pos: int) -> bool:
        if pos == 0:
            return False
        place = doc.tokens[doc.token_index_at(pos - 1)]
        return place.end == pos and place.pos == "ns"

    @staticmethod
    def _known_body(orgs: EntityTable, t_start: int) -> str | None:
        """A knowledge-base organisation whose mention ends right before a title."""
        org = orgs.covering(t_start - 1, t_start) if t_start > 0 else None
        return org.id if org is not None and org.kb and any(e == t_start for _, e in org.mentions) else None

    @staticmethod
    def _government(doc: Document, orgs: EntityTable, t_start: int, unit: str = "") -> str | None:
        """美國總統拜登: a head of state or government after a place works for that
        place's government when the text names it (美國政府), never for the place."""
        place = doc.tokens[doc.token_index_at(t_start - 1)]
        governments = doc.layers.get("governments")
        if governments is None:
            governments = doc.layers["governments"] = {
                doc.key[s:e]: ent.id for ent in orgs.by_id.values() for s, e in ent.mentions
                if doc.key.endswith("政府", s, e)}
        return governments.get(doc.key[place.start:t_start] + unit + "政府")

    def _name_after_title(self, doc: Document, table: EntityTable, pos: int) -> Entity | None:
        if pos >= len(doc.key):
            return None
        known = table.covering(pos, pos + 1)
        if known is not None:
            return known
        if doc.norm[pos].isascii():
            for shape in (LATIN_PERSON, INITIALED_PERSON, JOINED_PERSON):
                m = shape.match(doc.norm, pos)
                if m and (m.end() >= len(doc.norm) or not is_latin(doc.norm[m.end()])):
                    return self._add_open(doc, table, m.start(), m.end(), "title")
            return None
        glossed = self._glossed_name_end(doc, pos)
        if glossed is not None:   # 副總裁普拉巴卡爾·拉加萬 (Prabhakar Raghavan)
            self._free_listed_pieces(doc, pos, glossed)
            return self._add_open(doc, table, pos, glossed, "title")
        if self._verb_at(doc, pos):
            return None   # 負責人宣布, 經理表示: a verb after a title, no name
        if self._preposition_before_word(doc, pos):
            return None   # 負責人向記者透露, 記者向附近商戶求證: 向 the tagger's preposition, no surname
        run = self._transliterated_run_end(doc, pos)
        if run is not None:   # 部長歐爾杜泰表示: a foreign name runs whole to the speech verb
            return self._add_open(doc, table, pos, run, "title")
        end = self._married_name_at(doc, pos) or self.chinese_name_at(doc, pos, titled=True)
        if end is not None and self._common_word_at(doc, pos) and not (
                doc.tokens[doc.token_index_at(pos)].end == end and self._clause_ends_or_speaks(doc, end)
                and not self._time_word(doc, pos, end)):
            end = None   # 律師費用支出, 董事席次也: a word runs on; 經理舒暢。 ends the clause as a name does
        if end is None:
            end = self._japanese_name_after_title(doc, pos)
        if end is None:
            end = self._tagged_name_at(doc, pos)
        if end is None or self._preposition_and_place(doc, pos, end):
            return None
        return self._add_open(doc, table, pos, self._glued_preposition(doc, pos, self._through_pieces(doc, end)), "title")

    def _japanese_name_after_title(self, doc: Document, pos: int) -> int | None:
        """社长三部敏宏9日在, 执行董事新乡和晃表示, 社長清水一郎說: right after a title, four
        Chinese characters no surname opens, a family name of two and a given name of two
        that is no dictionary word (nor the four together), no speech verb, function word or
        adverb among them, then a speech verb, a day of the month or 在: a Japanese name the
        surname lists lack (the title before and the deed after are the evidence)."""
        key, norm = doc.key, doc.norm
        end = pos + JAPANESE_NAME_LENGTH
        if end >= len(key) or not all(is_cjk(c) for c in norm[pos:end]) or not doc.starts_token(pos):
            return None
        if not (self._speech_after(doc, end) or DAY_AFTER_NAME.match(key, end) or key[end] in JAPANESE_NAME_AFTER):
            return None
        if any(key[pos - back:pos + on] in self.kb.titles for back in (1, 2) for on in (1, 2)) \
                or self.in_dictionary(norm[pos - 2:pos + 1]):
            # 部長官方文圭22日, 國務委員長金正恩16日, 記者會上應詢表示: the title runs on into a
            # longer title or a word (長官, 委員長, 記者會); no name starts inside it
            return None
        given = pos + JAPANESE_FAMILY_LENGTH
        if any(self.in_dictionary(w) for w in (norm[given:end], key[given:end], norm[pos:end], key[pos:end])) \
                or any(self._follower_at(key, i) for i in range(pos, end)
                       if not (i == given and key[i] in JAPANESE_GIVEN_OPENERS)):
            return None   # (新乡和晃: 和 opens many a given name, here no conjunction)
        tok = doc.tokens[doc.token_index_at(end - 1)]
        if tok.end > end:
            return None   # a word runs on past the four characters: no name ends there
        if doc.layers["organizations"].covering(pos, end) is not None:
            return None
        return end

    def _glued_preposition(self, doc: Document, pos: int, end: int) -> int:
        """大臣卡斯维 / 德向, 部長卡斯維 / 德在: a transliterated name of three characters or
        more after a title whose last character the segmenter glued to the preposition after
        it (a token of two no dictionary holds: a transliteration character, then 向 / 在 /
        对 …): the character joins the name."""
        key = doc.key
        if end - pos < 3 or end + 2 > len(key) or not all(c in self.transliteration_chars for c in key[pos:end]):
            return end
        tok = doc.tokens[doc.token_index_at(end)]
        if tok.start != end or tok.end != end + 2 or key[end] not in self.transliteration_chars \
                or key[end + 1] not in GLUED_AFTER_NAME or self.in_dictionary(key[end:end + 2]):
            return end
        return end + 1

    @staticmethod
    def _preposition_before_word(doc: Document, pos: int) -> bool:
        """Is the character at pos a one-character preposition token of the tagger's, with a
        word of two or more characters after it that the tagger calls a noun, pronoun,
        numeral, place or time word but no name (向 / 附近, 向 / 我們, 向 / 一位)?"""
        i = doc.token_index_at(pos)
        tok = doc.tokens[i]
        if not (tok.start == pos and tok.end == pos + 1 and tok.pos == "p") or i + 1 >= len(doc.tokens):
            return False
        nxt = doc.tokens[i + 1]
        return nxt.start == pos + 1 and nxt.end - nxt.start >= 2 and nxt.pos not in PERSON_POS \
            and nxt.pos[:1] in "nrmfst" and is_cjk(doc.norm[nxt.start])   # (向 / 明遠, an adjective: a given name)

    @staticmethod
    def _preposition_and_place(doc: Document, pos: int, end: int) -> bool:
        """記者向杭州警方求證: a surname-shaped preposition (向, 于) the segmenter reads as
        one, then a place it tags so, is where the title-holder turns, no name."""
        first = doc.tokens[doc.token_index_at(pos)]
        if first.start != pos or first.end != pos + 1 or first.pos != "p" or end <= pos + 1:
            return False
        place = doc.tokens[doc.token_index_at(pos + 1)]
        return place.start == pos + 1 and place.pos == "ns" and place.end >= end

    def _transliterated_run_end(self, doc: Document, pos: int) -> int | None:
        """歐爾杜泰表示, 卡米拉德薩瓦說: from pos, three to eight characters transliteration
        writes names with (no dots), on the segmenter's word boundaries, that run straight
        into a speech verb: where that verb starts. None where another character, a
        function word or the clause's end comes first."""
        key = doc.key
        limit = min(len(key), pos + MAX_TRANSLITERATED_RUN + 1)
        for i in range(pos, limit):
            if self._speech_verb_at(key, i) or key.startswith(REPORT_VERBS, i):   # (記者歐爾杜泰報導)
                return i if i - pos >= MIN_TRANSLITERATED_RUN and doc.starts_token(pos) else None
            if key[i] not in self.transliteration_chars or self._follower_at(key, i):
                return None
        return None

    def _transliterated_run_start(self, doc: Document, start: int, end: int) -> int:
        """杜泰 of 歐爾杜泰說: a name a speech verb follows, cut after transliteration
        characters that open its clause, starts where they do (whole words only; after a
        Han character, 在巴西杜泰說, nothing is added)."""
        key = doc.key
        i = doc.token_index_at(start)
        new = start
        while i > 0:
            tok = doc.tokens[i - 1]
            if tok.end != new or end - tok.start > MAX_TRANSLITERATED_RUN or not all(
                    c in self.transliteration_chars for c in key[tok.start:tok.end]) \
                    or self._follower_at(key, tok.start) or tok.pos[:1] in "pdcurvm" \
                    or key[tok.start:tok.end] in self.kb.places:   # 巴西 / 杜泰說: a country
                break
            new = tok.start
            i -= 1
        if new == start or (new > 0 and is_cjk(doc.norm[new - 1])):
            return start
        return new

    def _verb_at(self, doc: Document, pos: int) -> bool:
        """Does a speech verb (表示, 宣布) start at pos, or a token the dictionary tags a
        verb of two characters or more? After a title it says what the holder did; it is
        never the holder's name (負責人宣布, 經理指出)."""
        if self._speech_after(doc, pos) and not self._tagged_person(doc, pos, pos + 1):
            return True
        tok = doc.tokens[doc.token_index_at(pos)]
        return tok.start == pos and tok.end - pos >= 2 and tok.pos == "v" and self.in_dictionary(tok.word)

    def _glossed_name_end(self, doc: Document, pos: int) -> int | None:
        """副總裁普拉巴卡爾·拉加萬 (Prabhakar Raghavan), 主席亞歷德-沃爾夫森（Aleid
        Wolfsen）: after a title, Chinese characters (and a name's dots or hyphen) that run
        straight into the person's full name in Latin letters in brackets are that name
        in Chinese, however the segmenter cut its pieces."""
        norm = doc.norm
        end = pos
        limit = min(len(norm), pos + MAX_GLOSSED_NAME)
        while end < limit and (is_cjk(norm[end]) or norm[end] in GLOSSED_NAME_JOINERS):
            end += 1
        if end - pos < 2 or not is_cjk(norm[end - 1]) or sum(map(is_cjk, norm[pos:end])) < MIN_GLOSSED_NAME:
            return None
        at = end + (norm[end:end + 1] == " ")
        if norm[at:at + 1] not in ("(", "（"):
            return None
        latin = LATIN_PERSON.match(norm, at + 1)
        if latin is None or " " not in latin.group() and "-" not in latin.group() \
                or norm[latin.end():latin.end() + 1] not in (")", "）"):
            return None
        if any(doc.key.startswith(w, i) for i in range(pos, end) for w in GLOSS_BREAKERS):
            return None   # 執行長表示(Sam Altman): a clause, not a name, runs to the bracket
        return end

    @staticmethod
    def _free_listed_pieces(doc: Document, start: int, end: int) -> None:
        """A company from a generated list only (阿萊德) found inside a name the text
        glosses in Latin letters is a piece of that name, no company there."""
        orgs: EntityTable = doc.layers["organizations"]
        for i in range(start, end):
            ent = orgs.covering(i, i + 1)
            if ent is not None and ent.evidence == {"kb-list"}:
                for a, b in [m for m in ent.mentions if start <= m[0] and m[1] <= end]:
                    orgs.drop_mention(ent.id, a, b)

    @staticmethod
    def _time_word(doc: Document, pos: int, end: int) -> bool:
        """Is pos..end one time word of the tagger's (發言人週二證實, 經理此前表示): the
        deed's day after an unnamed title, no name, though a speech verb follows it."""
        tok = doc.tokens[doc.token_index_at(pos)]
        return tok.start == pos and tok.end == end and tok.pos == "t"

    def _clause_ends_or_speaks(self, doc: Document, end: int) -> bool:
        """Does punctuation, the text's end or a speech verb follow end (經理舒暢。,
        經理舒暢表示), not a function word that goes on with a common word (席次也)?"""
        if end >= len(doc.key):
            return True
        ch = doc.key[end]
        return not ch.strip() or not ch.isalnum() or self._speech_after(doc, end)

    def _married_name_at(self, doc: Document, pos: int) -> int | None:
        """特首林鄭月娥, 主席范徐麗泰: after a title, Hong Kong's married form (her husband's
        surname, her own, a given name of two characters) ending where a word ends.
        Not a name the segmenter already made whole (總裁李文博出席, 執行長王林明天出席)."""
        end = pos + 4
        if end > len(doc.key) or not (doc.key[pos] in self.surnames and doc.key[pos + 1] in self.surnames) \
                or not all(is_cjk(c) for c in doc.norm[pos:end]) or not doc.ends_token(end):
            return None
        first = doc.tokens[doc.token_index_at(pos)]
        tail = doc.tokens[doc.token_index_at(end - 1)]
        if tail.start < pos + 2 or first.start == pos and first.pos in PERSON_POS and (
                first.end == pos + 3 or first.end == pos + 2 and tail.pos not in PERSON_POS
                and self.in_dictionary(tail.word)):
            return None   # 王林 / 明天: a name, then a word; 葉何 / 宛蓉: both names
        if any(self._follower_at(doc.key, i) for i in range(pos + 1, end)) \
                or self._function_word_token(doc, end - 1) or self._blocked(doc, pos, end):
            return None
        return end

    def _through_pieces(self, doc: Document, end: int) -> int:
        """部長謝爾久 / 科夫: a name never stops before a transliteration piece the
        segmenter tags as such (nrt) that runs on from it."""
        i = doc.token_index_at(end)
        while end < len(doc.key) and i < len(doc.tokens) and doc.tokens[i].start == end \
                and doc.tokens[i].pos == "nrt" and all(is_cjk(c) for c in doc.tokens[i].word):
            end = doc.tokens[i].end
            i += 1
        return end

    def _tagged_name_at(self, doc: Document, pos: int) -> int | None:
        """總統拜登 3 月: after a title, a whole token the tagger marks as a name has no
        surname to pass when it is transliterated; it needs a clear end (a space, a
        punctuation mark, a verb or function word)."""
        tok = doc.tokens[doc.token_index_at(pos)]
        if tok.start == pos and tok.pos == "nrt":
            # 委員東布羅夫斯基 / 斯, 陀思妥 / 耶夫斯基 / 斯: transliteration pieces of five
            # characters or more after a title are a name whatever follows; a one-character
            # piece tagged a name right after them ends it
            i, end = doc.token_index_at(pos), pos
            while i < len(doc.tokens) and doc.tokens[i].start == end and doc.tokens[i].pos == "nrt" \
                    and all(is_cjk(c) for c in doc.tokens[i].word) and doc.tokens[i].end - pos <= MAX_GLOSSED_NAME:
                end = doc.tokens[i].end
                i += 1
            if end - pos > 4:
                nxt = doc.tokens[i] if i < len(doc.tokens) else None
                if nxt is not None and nxt.start == end and nxt.end - nxt.start == 1 \
                        and nxt.pos in PERSON_POS and is_cjk(nxt.word):
                    return nxt.end
                return end
        if tok.start != pos or tok.pos not in PERSON_POS or not 2 <= tok.end - pos <= 4:
            return None
        if not all(is_cjk(c) for c in doc.norm[pos:tok.end]) or tok.word in self.pronouns \
                or tok.word in self.stop or tok.word in self.kb.titles:
            return None
        cut = next((i for i in range(pos + 2, tok.end) if self._speech_verb_at(doc.key, i)), None)
        if cut is not None:
            return cut   # 工程師阿蘇尼說: the segmenter glued the speech verb to the name
        if self._boundary(doc, tok.end) == 2:
            return tok.end
        nxt = doc.tokens[doc.token_index_at(tok.end)]
        return tok.end if nxt.start == tok.end and nxt.pos[:1] in ("v", "d", "p") else None

    def _name_before_title(self, doc: Document, table: EntityTable, t_start: int) -> Entity | None:
        """林宛蓉教授: a known person, or a surname-shaped name the tagger marks,
        ending where the title starts."""
        if t_start == 0:
            return None
        known = table.covering(t_start - 1, t_start)
        if known is not None:
            return known
        for length in (3, 2, 4):
            start = t_start - length
            if start < 0 or not (start == 0 or doc.ends_token(start)
                                 or not doc.key[start - 1].isalnum()):
                continue
            end = self.chinese_name_at(doc, start)
            if end == t_start and self._tagged_person(doc, start, end):
                return self._add_open(doc, table, start, end, "title")
        return None

    def _profile_name(self, doc: Document, table: EntityTable, t_start: int) -> Entity | None:
        """Jae Lee：聯合創始人兼執行長, 韓立文：技術長: a profile line, a name alone from
        the line's start to a colon, then the title."""
        if t_start < 2 or doc.norm[t_start - 1] not in ":：":
            return None
        colon = t_start - 1
        back = max(0, colon - MAX_PROFILE_NAME)   # bounded: linear on a text of one long line
        line = doc.norm.rfind("\n", back, colon) + 1
        if line == 0 and back > 0:
            return None
        while line < colon and doc.norm[line] in PROFILE_BULLETS:
            line += 1
        if line >= colon:
            return None
        known = table.covering(colon - 1, colon)
        if known is not None:
            return known
        if PROFILE_LATIN.fullmatch(doc.norm, line, colon):
            return self._add_open(doc, table, line, colon, "title")
        if self.chinese_name_at(doc, line) == colon:
            return self._add_open(doc, table, line, colon, "title")
        return None

    def _listed_employer(self, doc: Document, table: EntityTable, t_start: int) -> str | None:
        """…創辦人孫嘉禾、首席科學家林宛蓉: the previous person in a list lends
        their employer (…董事會主席孫嘉禾、監事會主席林宛蓉: past a body of the company)."""
        t_start = _before_board_bodies(doc.key, t_start)
        for joiner in self.list_joiners:
            if doc.key.endswith(joiner, 0, t_start):
                prev = table.covering(t_start - len(joiner) - 1, t_start - len(joiner))
                if prev is not None:
                    return prev.organization
        return None

    def _employer(self, doc: Document, orgs: EntityTable, t_start: int) -> str | None:
        """The organisation named right before a title, found or new."""
        pos = _past_title_gaps(doc, t_start)
        pos = self._whole_word_gap(doc, pos, t_start)
        pos = _before_board_bodies(doc.key, pos)
        if pos <= 0:
            return None
        org = self._org_before_department(doc, orgs, pos)
        if org is not None:
            return org
        org = orgs.covering(pos - 1, pos)
        if org is not None:
            return org.id
        org = _named_before_alias(doc, orgs, pos)
        if org is not None:
            return org.id
        if pos - 1 in doc.layers.get("claimed", {}):
            return self._product_employer(doc, orgs, pos)
        full = self._abbreviation_before(doc, orgs, pos)
        if full is not None:
            return full
        i = doc.token_index_at(pos - 1)
        if doc.tokens[i].end != pos:
            return None
        last = doc.tokens[i].word
        if len(last) >= 2 and last[-1] in TITLE_JOINING_ENDS and not self.in_dictionary(last):
            # 星币安及 / 创始人: the segmenter glued a conjunction to the name before it; the
            # title is a second party's (X and its founder), no employer written before it
            return None
        # (威朋大 / 數據: a word the dictionary lacks, glued to the next word's first
        # character, is a name's piece whatever its tag)
        start = left_name_tokens(doc, i + 1, self.stop, known=self.in_dictionary)
        if doc.key.startswith(self.police_ranks, t_start):
            # 網絡安全及科技罪案調查科總警司: the force's division employs; words before a
            # rank that name no unit of a force (群組成員督察) name no employer
            unit = None if start is None or not doc.key.endswith(POLICE_UNIT_ENDS, start, pos) \
                else self._police_unit(doc, start, pos)
            return None if unit is None else self._employer_named(doc, orgs, *unit)
        if start is not None:
            head = self._hospital_end(doc, start, pos)
            if head is not None:   # 星岚醫院 / 核醫技術主任: the hospital employs, 核醫 is its unit
                pos, i = head, doc.token_index_at(head - 1)
        if start is not None and doc.key.endswith(self.association_heads, start, pos):
            start = self._association_start(doc, start)
        elif start is not None and _business_unit(doc, start, pos):
            # 智能座舱解决方案BU: a company's business unit is named by its field's words, all
            # kept; where a company the text names is right before them (联想智能家居方案BU), it employs
            owner = orgs.covering(start - 1, start) if start > 0 else None
            if owner is not None and any(e == start for _, e in owner.mentions):
                return owner.id
        elif start is not None:
            first = start
            start = after_descriptors(doc, start, pos, self.generic)   # 初創公司云岫科技 -> 云岫科技
            if start > first and doc.key[start:pos] in HOSPITAL_HEADS \
                    and doc.tokens[doc.token_index_at(start - 1)].pos == "ns":
                start = doc.tokens[doc.token_index_at(start - 1)].start   # 彰濱 / 醫院: the place names it
            start = clause_opening_piece(doc, start, self.stop)   # 台 / 師大信息中心主任
        if start is not None:
            start = self._latin_run_start(doc, orgs, start)   # Velora Dynamics / 运营总监
        if start is None or self._blocked(doc, start, pos) or start in doc.layers.get("claimed", {}):
            return None
        if _latin_gloss_start(doc.norm, start) is not None and doc.key[pos:pos + 1] not in FORMER \
                and self._post_qualifier(doc, start, pos):
            # 微晶科技公司（Microchip Technology）臨時執行長, 標普全球評級（S&P Global Ratings）數位
            # 資產分析師: a standing or a field of the post between a name's Latin gloss and the
            # title names no body; the name before the gloss employs (else none does; a dateline's
            # bracket, 電）星辰智能執行長, is no gloss; a post left, 項目前主任, is read as before:
            # the employer model would give the person another body the text names)
            return self._employer(doc, orgs, start)
        if doc.key.startswith(TEACHING_TITLES, t_start) and doc.key.endswith(FIELD_END, start, pos) \
                and not doc.key.endswith(SCHOOL_NAME_ENDS, start, pos):
            # 資訊系統學講座教授: a field of study alone before a teacher's title names no
            # employer; a school before it (科大 / 資訊系統學) employs, the field being no
            # piece of its name
            school = _school_before_field(doc.key, start, pos)
            if school is None:
                return None
            pos, i = school, doc.token_index_at(school - 1)
        cut = self._before_unit(doc, start, pos)
        if cut is not None:  # 星辰智能業務部門總監: the organisation ends where its unit starts
            if cut == start or self._lone_common_word(doc, start, cut) or doc.key[start:cut] in self.generic:
                # 星海科技研發部門經理: a field's word before the unit, glued to the words
                # before it; those name the employer (數據 / 業務: a field's word alone, none)
                return self._owner_glued_before(doc, orgs, start)
            if self._common_words(doc, start, cut) and self._owner_word_before(doc, start):
                # 星海科技數碼轉型部門總經理: a field of a few dictionary words, glued to a
                # word that may end a name; the name before them employs
                return self._employer(doc, orgs, start)
            pos, i = cut, doc.token_index_at(cut - 1)
        if self._names_person(doc, start, pos):
            return None     # 孫嘉禾的顧問, 林宛蓉團隊的副總裁: a person the text names is no employer
        end = self._name_end(doc, start, pos)
        if end != pos:
            # MIC資深產業分析師, KKTIX售票購票平台總經理: the name ends where the title's
            # words or a description begin; with none left, an organisation just before
            # is the employer (MIC), else there is none (資深半導體分析師, 步行鞋品牌創辦人)
            if end == start:
                owner = orgs.covering(start - 1, start) if start > 0 else None
                return owner.id if owner is not None and any(e == start for _, e in owner.mentions) else None
            pos, i = end, doc.token_index_at(end - 1)
        if pos == t_start and self._body_in_title(doc, start, pos):
            # 保安局長, 國安局副局長 → 國安局: the title's first character closes the body's
            # name (the words before it alone may be a common word: 交通局長)
            return self._employer_named(doc, orgs, start, pos + 1)
        words = [t.word.lower() for t in doc.tokens[doc.token_index_at(start):i + 1]]
        if all(w in self.generic or not w.strip() for w in words):
            return None
        if doc.key.endswith(HANDOVER_VERBS, start, pos):
            return None     # 交棒聯合創始人梁汝波: a post handed over, no employer named
        if pos - start > 1 and self._lone_common_word(doc, start, pos):
            if doc.key.endswith(COMPANY_DEPARTMENT_ENDS, start, pos):
                # 云岫科技市场部经理: a department's common word glued to the name before it;
                # the name before the department employs
                return self._owner_glued_before(doc, orgs, start)
            return None     # 愛情片導演, 項目總監: a kind of work before the title, no employer
        if pos - start == 1:
            # 中/创新/航副总裁: a one-character organisation is the segmenter's cut; the
            # name runs back to the clause start when that is near, else there is none.
            clause = start
            while clause > 0 and pos - clause <= MAX_SHORT_ORG and is_cjk(doc.norm[clause - 1]) \
                    and doc.norm[clause - 1] not in DEPARTMENT_STOPS:
                clause -= 1
            if not (clause == 0 or not is_cjk(doc.norm[clause - 1])) or pos - clause < 2 \
                    or self._blocked(doc, clause, pos):
                return None
            start = clause
        owner = orgs.covering(start - 1, start) if start > 0 else None
        first = next((s for s, e in owner.mentions if e == start), None) if owner is not None else None
        if first is not None and not owner.kb and is_cjk(doc.norm[start]):
            # 星海知識產權局國際事務處行政董事: words run on from an organisation the text
            # named, up to the title, are a unit of it; the organisation employs
            return owner.id
        if first is not None and owner.kb and self._field_owner(doc, orgs, start, pos, words=2) is not None:
            return owner.id   # OpenAI / 网络安全威胁情报负责人: a field of two words or more is no name's piece
        if first is not None and owner.kb:
            # 聯想 / 創投高級合夥人: a known company and the word after it are one name
            orgs.drop_mention(owner.id, first, start)
            start = first
        if start > 0 and cut is not None and doc.norm[start - 1] in GLOSS_CLOSERS:
            # 星岚投资（Starlan Capital）证券分析部门主管: a unit's words follow an
            # organisation's name and its gloss in brackets; the name before them employs
            owner = self._employer(doc, orgs, start)
            if owner is not None:
                return owner
        if doc.key.endswith(DEPARTMENT_ENDS, start, pos) and pos - start <= 4:
            return None     # 硬體工程資深副總裁: a department, not an employer
        if self._public_unit_ends(doc, pos):
            return None     # 國際合作司司長 with no body named before it: the unit is no employer
        owner = self._field_owner(doc, orgs, start, pos)
        if owner is not None:
            return owner   # 星海科技網路安全威脅情報負責人: the field's words are no organisation
        if self._state_qualified(doc, start, pos):
            return None    # 美國聯邦眾議員, 寮國國家主席, 國家情報總監: the title's own words, no body
        return self._employer_named(doc, orgs, self._longer_form_start(doc, start, pos), pos)

    def _whole_word_gap(self, doc: Document, pos: int, t_start: int) -> int:
        """輝瑞公司 / 董事長 where the segmenter reads 輝瑞公司 as one word: the gap word
        (公司, 集團) read back from the title is that word's own end, not a gap; the
        name ends with the word when the segmenter tags it a name (two characters or more
        before the gap, no generic word or stop word: 該公司, 子公司, 證券公司 stay gaps)."""
        if pos <= 0 or pos >= t_start:
            return pos
        tok = doc.tokens[doc.token_index_at(pos - 1)]
        if tok.end <= pos or tok.end > t_start or pos - tok.start < 2:
            return pos
        word, head = doc.key[tok.start:tok.end], doc.key[tok.start:pos]
        if word in self.generic or head in self.generic or head in self.stop \
                or tok.pos not in NAMED_WORD_TAGS:   # 證券公司: a kind of firm, no name
            return pos
        return tok.end

    def _field_word(self, doc: Document, tok) -> bool:
        """Is tok an everyday dictionary noun or verb of Han characters (安全, 情報, 事務), no name?"""
        word = doc.norm[tok.start:tok.end]
        return (tok.pos[:1] in ("n", "v") or tok.pos == "an") and tok.pos not in ("nr", "nrt", "nrfg", "nt", "ns") \
            and all(is_cjk(c) for c in word) and doc.key[tok.start:tok.end] not in self.stop \
            and self.in_dictionary(word)

    def _field_owner(self, doc: Document, orgs: EntityTable, start: int, pos: int, words: int = 1) -> str | None:
        """星海科技網路安全威脅情報負責人, 星河航空（Xinghe Air）政府事務主管: where the words
        start..pos are all everyday dictionary words (a field, a line of work) and, back over
        more such words (FIELD_OWNER_REACH characters at most, no punctuation), an
        organisation's mention or its Latin gloss ends right before them, that organisation
        employs; else None. words: the fewest words the field must hold."""
        toks = [t for t in tokens_in(doc, start, pos) if t.word.strip()]
        if doc.key.startswith(LEFT_MARKS, pos) or any(doc.key[t.start:t.end] in LEFT_MARKS for t in toks):
            return None   # (星海研究院神經工程項目前主任: a post left, read by the rules for 前)
        if len(toks) < words or toks[0].start != start or toks[-1].end != pos \
                or not all(self._field_word(doc, t) for t in toks):
            return None
        s = start
        while s > 0 and pos - s <= FIELD_OWNER_REACH:
            owner = orgs.covering(s - 1, s)
            if owner is not None:
                return owner.id if any(e == s for _, e in owner.mentions) else None
            gloss = gloss_open(doc.key, orgs, s)
            if gloss is not None:
                return orgs.covering(gloss - 1, gloss).id
            tok = doc.tokens[doc.token_index_at(s - 1)]
            if tok.end != s or not self._field_word(doc, tok):
                return None
            s = tok.start
        return None

    def _hospital_end(self, doc: Document, start: int, pos: int) -> int | None:
        """星岚醫院核醫 / 技術主任: where the words start..pos hold a hospital's name (a word
        ending in 醫院) and after it one or two common words of a clinic's
        field (common words: no name, no stop word) up to pos, the hospital's name ends
        there; else None."""
        toks = list(tokens_in(doc, start, pos))
        for k in range(len(toks) - 1):
            if not doc.key.endswith(HOSPITAL_HEADS, toks[k].start, toks[k].end):
                continue
            rest = toks[k + 1:]
            if len(rest) > MAX_CLINIC_TOKENS or pos - toks[k].end > MAX_CLINIC_CHARS or rest[-1].end != pos:
                return None
            for tok in rest:
                word = doc.norm[tok.start:tok.end]
                if tok.pos in PROPER_POS or tok.pos[:1] not in "nv" or doc.key[tok.start:tok.end] in self.stop \
                        or not all(is_cjk(c) for c in word):
                    return None
            return toks[k].end
        return None

    def _latin_run_start(self, doc: Document, orgs: EntityTable, start: int) -> int:
        """Velora Dynamics / 运营总监: where the words read as an employer open with a Latin
        word, the name is the whole run of capitalised Latin words (the organisations
        reader's Latin-name pattern) that ends with it, not the last word the segmenter's
        cut or a space read as a gap left. The run stops at a generic word (AI), at a
        stop word and at a word a known organisation's mention ends on (Google / Cloud:
        the known company's own rule joins those)."""
        norm = doc.norm
        if not (start < len(norm) and norm[start].isascii() and norm[start].isalpha()):
            return start
        own = LATIN_NAME.match(norm, start)
        if own is None:
            return start
        run_end, best, s = own.end(), start, start
        for _ in range(MAX_LATIN_RUN_WORDS):
            if s < 2 or norm[s - 1] != " " or not is_latin(norm[s - 2]):
                break
            w = s - 2
            while w > 0 and s - 1 - w < MAX_LATIN_WORD and (is_latin(norm[w - 1]) or norm[w - 1] in LATIN_WORD_INNER):
                w -= 1
            word = doc.key[w:s - 1]
            if word in self.generic or word in self.stop or orgs.covering(w, s - 1) is not None:
                break
            m = LATIN_NAME.match(norm, w)
            if m is None or m.end() != run_end:
                break
            best = s = w
        return best

    def _longer_form_start(self, doc: Document, start: int, pos: int) -> int:
        """模組廠星強光電總經理 where the words read as the name are 光電 (星強 cut off as an
        adjective): one to three characters before start that, with the name, are written
        elsewhere in the text at a clause's opening (星強光電今天舉行…) are the name's own
        first piece; the longest such form."""
        key, norm = doc.key, doc.norm
        best = start
        for s in range(start - 1, max(-1, start - 1 - MAX_FRONT_PIECE), -1):
            if not is_cjk(norm[s]) or norm[s] in DEPARTMENT_STOPS:
                break
            if not doc.starts_token(s) or self._blocked(doc, s, start):
                continue
            form = key[s:pos]
            at = key.find(form)
            while at != -1:
                if at != s and (at == 0 or not (is_cjk(norm[at - 1]) or norm[at - 1].isalnum())):
                    best = s
                    break
                at = key.find(form, at + 1)
        return best

    def _employer_named(self, doc: Document, orgs: EntityTable, start: int, end: int) -> str:
        """The organisation start..end names before a title: one the text names otherwise
        (in full or in a gloss), else a new one of those words."""
        full = self._abbreviated(doc, orgs, start, end)
        if full is not None:   # 貿委會主席: the 聯邦貿易委員會 the text names in full
            return orgs.add(full.id, start, end, "org-before-title", kb=full.kb).id
        same = self._named_so(doc, orgs, start, end)
        if same is not None:   # 青禾科技（Qinghe）… Qinghe執行長: a form the organisation has already
            return orgs.add(same.id, start, end, "org-before-title", kb=same.kb).id
        short = self._abbreviation_of(doc, orgs, start, end)
        if short is not None:   # 星強光電總經理 where the text names 星光電: the full name of it
            return orgs.add(short.id, start, end, "org-before-title", kb=short.kb).id
        return orgs.add(name_id(doc.text[start:end]), start, end, "org-before-title").id

    @staticmethod
    def _police_force(doc: Document, orgs: EntityTable) -> str | None:
        """The one organisation the text names whose name is a police force's (警務處,
        公安局, 警政署), else None."""
        if "police_force" not in doc.layers:   # (read once a text: linear however many ranks)
            forces = {ent.id for ent in orgs.by_id.values() for s, e in ent.mentions
                      if doc.key.endswith(POLICE_FORCE_ENDS, s, e)}
            doc.layers["police_force"] = {"force": forces.pop()} if len(forces) == 1 else {}
        return doc.layers["police_force"].get("force")

    def _police_unit(self, doc: Document, start: int, pos: int) -> tuple[int, int] | None:
        """網絡安全及科技罪案調查科 / 網罪科網絡安全組 before a police rank: a force's unit,
        named by its field in words of any kind (及 joining them), from the clause's opening;
        a division (科) and a team (組) after it: the division is the employer. None where
        no clause opening is near or a word there is no field's (a person's, a verb of speech)."""
        key, norm = doc.key, doc.norm
        j = start
        while j > 0 and pos - j < MAX_POLICE_UNIT and is_cjk(norm[j - 1]) \
                and norm[j - 1] not in DEPARTMENT_STOPS:
            j -= 1
        if pos - j >= MAX_POLICE_UNIT:
            return None
        if not doc.starts_token(j) or self._blocked_people(doc, j, pos):
            return None
        for tok in tokens_in(doc, j, pos):
            word = key[tok.start:tok.end]
            if word in POLICE_UNIT_JOINERS:
                continue
            if tok.pos[:1] in FIELD_NOT_TAGS or word in self.stop or word in self.kb.speech_verbs \
                    or word in self.kb.lex["body_clause_verbs"]:
                return None
        for tok in tokens_in(doc, j, pos):
            if tok.end < pos and key[tok.end - 1] == "科" and tok.end - j >= 3:
                return j, tok.end   # 網罪科 / 網絡安全組: the division
        return (j, pos) if pos - j >= 3 else None

    def _association_start(self, doc: Document, start: int) -> int:
        """全國外送產業工會顧問: an association is named by its field, in words of any kind
        (外送 a verb); from a clause's opening to its head they are its name, when none
        is a function word, a speech verb or a person's."""
        j = start
        while j > 0 and start - j < MAX_ASSOCIATION_FIELD and is_cjk(doc.norm[j - 1]) \
                and doc.norm[j - 1] not in DEPARTMENT_STOPS:
            j -= 1
        if start - j >= MAX_ASSOCIATION_FIELD or j == start or (j > 0 and is_cjk(doc.norm[j - 1])):
            return start     # (no clause opening near: the words before may be anything)
        if not doc.starts_token(j) or self._blocked_people(doc, j, start):
            return start
        for tok in tokens_in(doc, j, start):
            word = doc.key[tok.start:tok.end]
            if tok.pos[:1] in FIELD_NOT_TAGS or word in self.stop or word in self.kb.speech_verbs:
                return start
        return j

    def _body_in_title(self, doc: Document, start: int, pos: int) -> bool:
        """保安局長 at pos: a chief's title whose first character is the kind of body
        (局, 署, 部: lexicon's office_body_kinds) that the words start..pos, not ending in
        it, name."""
        key = doc.key
        return key[pos:pos + 1] in self.body_kinds and key.startswith(CHIEF, pos + 1) \
            and key[pos - 1:pos] not in self.body_kinds and pos - start >= MIN_BODY_NAME \
            and not key.endswith(self.post_ends, start, pos)   # 選區議員部長: a post, no body

    @staticmethod
    def _abbreviation_of(doc: Document, orgs: EntityTable, start: int, end: int) -> Entity | None:
        """The one known organisation the text names by three characters or more that abbreviate
        start..end (its first and last, the rest in order: 星光電 of 星強光電)."""
        if not MIN_ABBREVIATION < end - start <= MAX_ABBREVIATED or not all(is_cjk(c) for c in doc.norm[start:end]):
            return None   # (an abbreviation is shorter than the name, and three characters or more)
        name = doc.key[start:end]
        owners = {id_ for short, ids in orgs.forms(doc.key).ending(name[0], name[-1])
                  if MIN_ABBREVIATION <= len(short) < end - start and in_order(short, name)
                  for id_ in ids if orgs.by_id[id_].kb}
        return orgs.by_id[owners.pop()] if len(owners) == 1 else None

    @staticmethod
    def _named_so(doc: Document, orgs: EntityTable, start: int, end: int) -> Entity | None:
        """The organisation one of whose mentions is written as start..end is (its gloss
        or short name found before), if there is one."""
        return orgs.forms(doc.key).first(doc.key[start:end])

    @staticmethod
    def _product_employer(doc: Document, orgs: EntityTable, pos: int) -> str | None:
        """微信事業群總裁, 交易平台 Zentrix 主管: a product ending right before a title is
        the post's scope; its maker employs, and a platform or service with no maker
        known is run by the company of its name (listed both ways)."""
        for product in doc.layers.get("products", ()):
            at = next(((s, e) for s, e in product.mentions if e == pos), None)
            if at is None:
                continue
            if product.vendor is not None:
                return product.vendor
            if product.category in RUN_BY_NAMESAKE:
                return orgs.add(name_id(doc.text[at[0]:at[1]]), at[0], at[1], "org-before-title").id
            return None
        return None

    def _name_end(self, doc: Document, start: int, end: int) -> int:
        """Where an organisation's name read before a title ends: before the first word of
        rank (資深, 客座: the title's), or before the common words of a description that
        close the words (售票購票平台, 步行鞋品牌); else at end."""
        key = doc.key
        for k in range(start, end):
            if key.startswith(RANK_WORDS, k) and doc.starts_token(k):
                end = k
                break
        if not key.endswith(DESCRIPTION_HEADS, start, end):
            return end
        cut = end
        for tok in reversed(list(tokens_in(doc, start, end))):
            if tok.pos in PROPER_POS or tok.word.isascii() or not self.in_dictionary(doc.norm[tok.start:tok.end]):
                break
            cut = tok.start
        # (a description needs words before its head: 印刷 / 公司, not a lone 平台)
        return cut if cut < end and end - cut > 2 else end

    def _abbreviation_before(self, doc: Document, orgs: EntityTable, pos: int) -> str | None:
        """星海會副主委 where the text names 星海交易委員會: the three or four characters of a
        word before a title abbreviating one organisation the text names in full (its first
        and last characters, the rest in order) are a mention of it."""
        for n in ABBREVIATION_LENGTHS:
            start = pos - n
            if start < 0 or not doc.starts_token(start) or self._blocked(doc, start, pos):
                continue
            abbr = doc.key[start:pos]
            if not all(is_cjk(c) for c in abbr) or abbr in self.generic or abbr in self.org_words:
                continue
            # (the names read with the same first and last characters, from an index the
            # table's changes keep current: not every mention of every organisation)
            owners = {id_ for name, ids in orgs.forms(doc.key).ending(abbr[0], abbr[-1])
                      if len(name) > n + 1 and in_order(abbr, name) for id_ in ids}
            if len(owners) == 1:
                full = orgs.by_id[owners.pop()]
                return orgs.add(full.id, start, pos, "org-before-title", kb=full.kb).id
        return None

    @staticmethod
    def _abbreviated(doc: Document, orgs: EntityTable, start: int, end: int) -> Entity | None:
        """The one organisation whose longer name (five characters or more) the three or
        four characters at start abbreviate: theirs in order, the same last one (or the
        first of the kind word it ends with: 辦 of 辦公室)."""
        abbr = doc.key[start:end]
        if not 3 <= len(abbr) <= 4 or not all(is_cjk(c) for c in abbr):
            return None
        owners: set[str] = set()
        forms = orgs.forms(doc.key)
        kind = ABBREVIATED_KINDS.get(abbr[-1])   # 資科辦 of …總監辦公室: the kind word's first character
        named = list(forms.holding(abbr[0], abbr[-1]))
        if kind is not None:
            named += [(name, ids) for name, ids in forms.holding(abbr[0], kind[-1]) if name.endswith(kind)]
        for name, ids in named:
            if len(name) >= 5 and in_order(abbr, name):
                owners.update(ids)
                if len(owners) > 1:
                    return None   # two: settled, whatever else the text names
        return orgs.by_id[owners.pop()] if owners else None

    def _owner_word_before(self, doc: Document, pos: int) -> bool:
        """Could the word glued before a department at pos end its owner's name? Not a
        stop word, a joiner, a pronoun or a person's name (吳子墨及 / 節目部總監)."""
        if pos <= 0 or not is_cjk(doc.norm[pos - 1]):
            return False
        tok = doc.tokens[doc.token_index_at(pos - 1)]
        word = doc.key[tok.start:tok.end]
        return tok.end == pos and word not in self.stop and doc.key[pos - 1] not in self.stop \
            and tok.pos[:1] not in NOT_OWNER_TAGS and tok.pos not in ("nr", "nrfg", "nrt")

    def _owner_glued_before(self, doc: Document, orgs: EntityTable, start: int) -> str | None:
        """A unit's or a department's words at start, glued to a word that may end its
        owner's name (_owner_word_before): the employer named before them (read as before a
        title), else None."""
        return self._employer(doc, orgs, start) if start > 0 and self._owner_word_before(doc, start) else None

    def _before_unit(self, doc: Document, start: int, end: int) -> int | None:
        """Where the first token naming a part of a company starts within start..end."""
        for tok in tokens_in(doc, start, end):
            word = doc.key[tok.start:tok.end]
            unit = next((u for u in self.unit_nouns if u in word), None)
            if unit is not None:   # 部門, 業務部門
                at = word.find(unit)
                # 數據業務 as one token: a field's word the segmenter glued to the unit
                # closes the organisation's name (威朋大 / 數據業務)
                return tok.start + at if at > 0 and word[:at] in self.generic else tok.start
        return None

    def _state_qualified(self, doc: Document, start: int, end: int) -> bool:
        """美國聯邦 / 眾議員, 寮國國家 / 主席, 國家情報 / 總監: are start..end a place (or
        nothing), then 聯邦 or 國家 (STATE_QUALIFIERS), then nothing or one or two field
        words, no body's or unit's end among them? Such words qualify the title (a federal
        legislator, a head of state, the director of national intelligence): no organisation."""
        key = doc.key
        if key.endswith(self.org_ends + UNIT_ENDS, start, end) or key.startswith(COMPANY_GAPS, end):
            return False   # (国家能源集团董事长: a company's name before its word 集团)
        for mark in STATE_QUALIFIERS:
            at = key.find(mark, start, end)
            if at == -1:
                continue
            place, rest = key[start:at], at + len(mark)
            if place and place not in self.kb.places and [t.pos for t in self.word_tag(doc.norm[start:at])] != ["ns"]:
                return False
            if rest == end:
                return True
            toks = [t for t in tokens_in(doc, rest, end) if t.word.strip()]
            return 0 < len(toks) <= MAX_STATE_FIELD_WORDS and toks[0].start == rest and toks[-1].end == end \
                and all(self._field_word(doc, t) for t in toks)
        return False

    def _post_qualifier(self, doc: Document, start: int, end: int) -> bool:
        """Are start..end one to MAX_QUALIFIER_WORDS dictionary words of Han characters that
        name nothing (臨時 b, 數位 / 資產 n; 電腦暨半導體: a joiner between them), no stop
        word, the last no body's or unit's end (協會, 研究院, 部)?"""
        toks = [t for t in tokens_in(doc, start, end) if t.word.strip()]
        if not toks or len(toks) > MAX_QUALIFIER_WORDS or toks[0].start != start or toks[-1].end != end \
                or doc.key.endswith(self.org_ends + UNIT_ENDS, start, end):
            return False
        for k, tok in enumerate(toks):
            word = doc.key[tok.start:tok.end]
            if 0 < k < len(toks) - 1 and word in FIELD_JOINERS:
                continue
            if tok.pos[:1] not in QUALIFIER_TAGS or tok.pos in PROPER_POS or word in self.stop \
                    or not all(is_cjk(c) for c in tok.word) or not self.in_dictionary(doc.norm[tok.start:tok.end]):
                return False
        return True

    def _common_words(self, doc: Document, start: int, end: int) -> bool:
        """Is start..end one dictionary noun or verb, or a few of them in a row (數碼 / 轉型),
        no name among them?"""
        toks = list(tokens_in(doc, start, end))
        return 0 < len(toks) <= MAX_FIELD_WORDS and toks[0].start == start and toks[-1].end == end \
            and all(self._lone_common_word(doc, t.start, t.end) for t in toks)

    def _lone_common_word(self, doc: Document, start: int, end: int) -> bool:
        """Is start..end one dictionary noun or verb (消费者), no name?"""
        tok = doc.tokens[doc.token_index_at(start)]
        return tok.start == start and tok.end == end and tok.pos[:1] in ("n", "v") \
            and tok.pos not in ("nr", "nrt", "nrfg", "nt", "nz") and self.in_dictionary(doc.norm[start:end])

    def _scoped_employer(self, doc: Document, orgs: EntityTable, t_start: int) -> str | None:
        """IDC全球行動裝置追蹤研究經理: the words between an organisation and a title,
        opened by a scope word (全球, 亞太區), describe the post; the organisation employs."""
        for j in range(t_start - 1, max(0, t_start - MAX_DEPARTMENT) - 1, -1):
            if doc.norm[j] in DEPARTMENT_STOPS:
                return None
            org = orgs.covering(j, j + 1)
            if org is not None:
                end = j + 1
                if end < t_start and any(doc.key.startswith(m, end) for m in self.title_modifiers) \
                        and not self._blocked_people(doc, end, t_start):
                    return org.id
                return None
        return None

    def _names_person(self, doc: Document, start: int, end: int) -> bool:
        """Are the words start..end, whole, a person's name (the very words of a mention of
        one the text names: 林宛蓉 … 林宛蓉團隊的副總裁), or that name behind a title of its own
        (總統卡森的顧問)? Words that hold a name and more (孫嘉禾競選團隊, 孫嘉禾研究) may name a
        body of their own."""
        people = doc.layers.get("people")
        if people is None:
            return False
        forms = people.forms(doc.key)   # an index of the mentions' strings, kept current
        form = doc.key[start:end]
        return forms.first(form) is not None or any(
            forms.first(form[cut:]) is not None and self._ends_in_title(form[:cut])
            for cut in range(1, len(form)))

    def _ends_in_title(self, words: str) -> bool:
        """Do the words end with a job title (美國總統, 星海科技執行長)?"""
        return any(end == len(words) for _, _, end in self.title_finder.find_matches_as_indexes(words))

    @staticmethod
    def _blocked_people(doc: Document, start: int, end: int) -> bool:
        people = doc.layers.get("people")
        return people is not None and people.covering(start, end) is not None

    @staticmethod
    def _left_mark(doc: Document, orgs: EntityTable, t_start: int) -> int | None:
        """特斯拉前生产负责人, 英伟达中国区前负责人: where a 前 / 原 of its own (a one-character
        token) opens the unit's or field's words before a title at t_start, within LEFT_REACH
        characters, no punctuation and no organisation, product or person named between; else None."""
        key = doc.key
        people = doc.layers.get("people")
        claimed = doc.layers.get("claimed", {})
        i = t_start - 1
        while i > 0 and t_start - i <= LEFT_REACH and key[i - 1] not in LEFT_STOPS:
            i -= 1
            if orgs.covering(i, i + 1) is not None or people is not None and people.covering(i, i + 1) is not None \
                    or i in claimed:
                return None     # (字节跳动原抖音CEO: a product's post left, within the company)
            if key[i] in FORMER:
                if left_mark_at(doc, i) and all(t.pos in LEFT_FIELD_TAGS for t in tokens_in(doc, i + 1, t_start)):
                    return i
                return None
        return None

    @staticmethod
    def _left(doc: Document, orgs: EntityTable, org_id: str, before: int) -> bool:
        """Is the organisation's mention nearest before a title preceded by 前 or 原?"""
        for j in range(before - 1, max(0, before - MAX_DEPARTMENT) - 1, -1):
            org = orgs.covering(j, j + 1)
            if org is not None and org.id == org_id:
                start = j
                while start > 0 and j - start < MAX_DEPARTMENT and orgs.covering(start - 1, start) is org:
                    start -= 1
                return doc.key[start - 1:start] in FORMER
        return False

    def _org_before_department(self, doc: Document, orgs: EntityTable, pos: int) -> str | None:
        """華碩消費電腦事業部副總裁, 微軟 Windows+ 裝置部門副總裁: the organisation
        before a department that ends where the title starts."""
        if not (doc.key.endswith(DEPARTMENT_ENDS, 0, pos) or self._public_unit_ends(doc, pos)):
            return None
        ends = next((d for d in UNIT_ENDS if doc.key.endswith(d, 0, pos)), "")
        unit_start = pos - len(ends)   # an organisation read over the unit's own head is the unit (工程學院)
        if self._place_body_at(doc, orgs, pos, len(ends)):
            return None    # 星海國商務部副部長: a place's body of its own, no department of an earlier one
        found = None     # the nearest organisation, unless a known one is named further back
        for j in range(pos - 2, max(0, pos - MAX_DEPARTMENT) - 1, -1):
            if doc.norm[j] in DEPARTMENT_STOPS:
                break
            org = orgs.covering(j, j + 1)
            if org is not None and not any(s <= j < e and (e > unit_start or e == unit_start and not org.kb)
                                           for s, e in org.mentions):   # the unit's own name (市場分析部門)
                if org.kb:
                    return org.id
                found = found or org.id
        return found

    def _place_body_at(self, doc: Document, orgs: EntityTable, pos: int, unit: int) -> bool:
        """Does an organisation's mention end at pos that opens with a place's word and holds
        more than the unit's word (美國商務部, 星海國貿易部)?"""
        org = orgs.covering(pos - 1, pos) if pos > 0 and unit else None
        if org is None:
            return False
        for s, e in org.mentions:
            if e == pos and e - s > unit + 1:
                first = self.word_tag(doc.norm[s:e])[0]
                lead = self.word_tag(doc.norm[s:s + 2])
                return first.pos == "ns" or len(lead) == 1 and lead[0].pos == "ns"
        return False

    def _local_office(self, doc: Document, orgs: EntityTable, pos: int) -> str | None:
        """星海市交通管理處課長: a public office's unit (處, 司, 辦公室) ending at a title,
        named after a city, county or province (a place word ending in 市, 縣, 省) that
        opens its clause, is that place's office: the place and the unit's words employ."""
        if not self._public_unit_ends(doc, pos) or doc.key.endswith(SCHOOL_UNIT_ENDS, 0, pos):
            return None
        i = doc.token_index_at(pos - 1)
        for k in range(i, max(-1, i - MAX_OFFICE_TOKENS), -1):
            tok = doc.tokens[k]
            if not all(is_cjk(c) for c in doc.norm[tok.start:tok.end]) \
                    or doc.key[tok.start:tok.end] in self.stop:
                return None
            word = doc.key[tok.start:tok.end]
            start = None
            if k < i and tok.pos == "ns" and word[-1] in JURISDICTION_UNITS and len(word) > 1:
                start = tok.start   # 新竹市 as one word
            elif k < i and k > 0 and word in JURISDICTION_UNITS and doc.tokens[k - 1].pos == "ns":
                start = doc.tokens[k - 1].start   # 星海 / 市
            if start is not None:
                if start > 0 and (is_cjk(doc.norm[start - 1]) or doc.norm[start - 1].isalnum()) \
                        or self._blocked(doc, start, pos) or self._blocked_people(doc, start, pos):
                    return None
                return self._employer_named(doc, orgs, start, pos)
        return None

    @staticmethod
    def _public_unit_ends(doc: Document, pos: int) -> bool:
        """國際合作司, 計算機系, 秘書處: a ministry's, a university's or an office's unit
        ends at pos (not 公司 or 上司, which are no unit)."""
        return doc.key.endswith(PUBLIC_UNIT_ENDS, 0, pos) and not doc.key.endswith(NOT_UNIT_ENDS, 0, pos)

    def _affiliated(self, doc: Document, table: EntityTable) -> None:
        """百度的李彥宏: an organisation, 的, then a name."""
        orgs: EntityTable = doc.layers["organizations"]
        for org in list(orgs.by_id.values()):
            for _, o_end in org.mentions:
                deadline.check("people")
                if doc.key[o_end:o_end + 1] != "的":
                    continue
                pos = o_end + 1
                person = table.covering(pos, pos + 1)
                latin = LATIN_PERSON.match(doc.norm, pos)
                if person is None and latin and len(latin.group().split()) >= 2:
                    person = self._add_open(doc, table, pos, latin.end(), "latin-name")
                elif person is None:
                    end = self.chinese_name_at(doc, pos)
                    if end is None or not self._tagged_person(doc, pos, end) \
                            or self._heads_compound_noun(doc, pos, end):
                        continue
                    person = self._add_open(doc, table, pos, end, "affiliation")
                if person is not None:
                    person.evidence.add("affiliation")
                    person.organization = person.organization or org.id

    def _heads_compound_noun(self, doc: Document, start: int, end: int) -> bool:
        """華為的許可費率: a common word after 的, glued to a noun that follows it, is the
        head of a compound noun (許可費率), no name; a speech verb after it
        still makes it a speaker."""
        if not self.in_dictionary(doc.norm[start:end]) or self._speech_after(doc, end):
            return False
        if end >= len(doc.key) or not doc.starts_token(end):
            return False
        nxt = doc.tokens[doc.token_index_at(end)]
        return nxt.end - nxt.start >= 2 and nxt.pos in COMPOUND_NOUN_TAILS

    def _founded(self, doc: Document, table: EntityTable) -> None:
        """埃隆·马斯克创办的人工智能公司xAI: the company a person founded or leads,
        named right after them, is their employer."""
        orgs: EntityTable = doc.layers["organizations"]
        for person in table.by_id.values():
            if person.organization is not None:
                continue
            for _, end in person.mentions:
                verb = next((v for v in FOUNDED if doc.key.startswith(v, end)), None)
                if verb is None:
                    continue
                for j in range(end + len(verb), min(len(doc.key), end + len(verb) + MAX_DEPARTMENT)):
                    if doc.norm[j] in DEPARTMENT_STOPS:
                        break
                    org = orgs.covering(j, j + 1)
                    if org is not None:
                        person.organization = org.id
                        break
                if person.organization is not None:
                    break

    def _tagged_person(self, doc: Document, start: int, end: int) -> bool:
        return any(tok.pos in PERSON_POS for tok in tokens_in(doc, start, end))

    def _taken_or_unsurnamed(self, doc: Document, table: EntityTable, start: int) -> bool:
        """Would every answer chinese_name_at(doc, start) can give be dropped by _tagged
        (its answer is found without the walk)? No surname starts there (it answers None),
        or a mention overlaps the surname and first given character, which every name it
        can find holds (its ends are at least surname + 1 past start): covered."""
        s = self._surname_len(doc.key, start)
        return not s or table.covering(start, start + s + 1) is not None

    def _tagged(self, doc: Document, table: EntityTable) -> None:
        """Tokens the segmenter tags as names, and names before speech verbs."""
        self._tagged_runs(doc, table)   # first: 莫/拉克/維茨 is not cut to 莫拉克
        fiction = self._fiction_sentences(doc)
        for _, tok in doc.tokens.where(tags=PERSON_POS):
            deadline.check("people")
            start = tok.start
            if not self._surname_len(doc.key, start) and tok.end - start >= 3 \
                    and self._surname_len(doc.key, start + 1):
                start += 1  # 而孫嘉禾: a function character glued to the name
            elif tok.end - start <= 2 and start > 0 and self._surname_len(doc.key, start - 1) \
                    and doc.starts_token(start - 1):
                start -= 1  # 孫 / 嘉禾: the tagger split the surname off
            if self._taken_or_unsurnamed(doc, table, start):
                continue   # no name, or one a mention already overlaps: skipped below anyway
            end = self.chinese_name_at(doc, start)
            if end is not None and end > tok.end and not self._lone_surname_tag(doc, tok, end):
                continue
            if end is None:
                continue
            if table.covering(start, end) is not None:
                continue
            speech = self._speech_after(doc, end)
            if not speech and self._character(doc, fiction, start, end):
                continue
            if not speech and doc.key.startswith(self.named_after_words, end):
                continue   # 出席李國鼎紀念論壇: the forum is named after him; he is not in the news
            if not speech and (self._after_place_preposition(doc, start, end)
                               or self._after_place_name(doc, start)
                               or self._after_organization(doc, start)):
                continue
            if (not speech and self.in_dictionary(doc.norm[start:end])
                    and doc.key[end - 1] in self.non_name_finals):
                continue  # 安全性, 成功率: words, not names
            if (end - start != TYPICAL_NAME_LENGTH and self.in_dictionary(doc.norm[start:end])
                    and not speech):
                continue
            if speech:
                start = self._transliterated_run_start(doc, start, end)   # 歐爾 / 杜泰說
                if table.covering(start, end) is not None:
                    continue
            person = self._add_open(doc, table, start, end, "pos")
            if person is not None and speech:
                person.evidence.add("speech")
        # Latin names before a speech verb (Priya Raman表示) or a word only a person
        # takes (Tomasz Wilk先生, 從Priya Raman手中)
        for m in LATIN_PERSON.finditer(doc.norm):
            if " " not in m.group():
                continue   # one word (its words are joined by a space): no name of two words
            deadline.check("people")
            if not (self._speech_after(doc, m.end()) or doc.key.startswith(
                    self.person_nouns_after, m.end() + (doc.key[m.end():m.end() + 1] == " "))
                    or self._after_agent_noun(doc, m.start(), m.end())):
                continue
            person = self._add_open(doc, table, m.start(), m.end(), "latin-name")
            if person is not None:
                person.evidence.add("speech")

    @staticmethod
    def _after_agent_noun(doc: Document, start: int, end: int) -> bool:
        """作者Daryl Killian认为, 博士生 Agrim Gupta、: a Latin name of two words or more
        right after a noun for a doer (…者) or a student (…生) is that person's, when no
        Latin letter or digit runs on after it (使用者Google Maps 3 is a product's)."""
        at = start - (start > 0 and doc.norm[start - 1] == " ")
        at -= at > 0 and doc.norm[at - 1] in QUOTE_CLOSES   # 「吹哨者」Frances Haugen
        if at < 2 or (end < len(doc.norm) and (doc.norm[end].isascii() and doc.norm[end].isalnum())):
            return False
        tok = doc.tokens[doc.token_index_at(at - 1)]
        return tok.end == at and doc.key[at - 1] in AGENT_NOUN_ENDS and (
            tok.end - tok.start >= 2 and tok.pos[:1] == "n" or tok.word == "者")   # 從業 / 者

    def _second_opinion(self, doc: Document, table: EntityTable,
                        unread: list[tuple[int, int, int]] = (),
                        openers: list[tuple[int, int]] = ()) -> EntityTable:
        """Ask the statistical tagger (name_tagger.py) about what the rules left
        unsettled: a name only the segmenter's tag found stays when the tagger
        marks the same span a person, and goes when it marks none or another span
        there (謝爾久 of 謝爾久科夫); a name-tagged word the rules turned down
        (曹 / 鵬飛, 維蒂 / 奇) becomes a person where the tagger marks one over it
        that starts and ends where the segmenter's words do; after a title, characters
        the rules read as no name (`unread`, from _titled) are a person's where the
        tagger marks a person starting right there (財長奧斯本今日, 執行長瓦倫：)."""
        if not self.tagger.available:
            return table
        weak = [e for e in table.by_id.values() if not e.kb and (
            e.evidence == {"pos"} or self._word_before_speech(doc, e))]
        # common words beside a title: asked only where the windows (MAX_WINDOWS) are
        # left for them after the rest
        worded = [e for e in table.by_id.values() if not e.kb and self._word_beside_title(doc, e)]
        fiction = self._fiction_sentences(doc)
        titles = [m.span() for m in BOOK_TITLE.finditer(doc.norm)]   # sorted, never overlapping
        turned_down = [(t.start, t.end) for _, t in doc.tokens.where(tags=PERSON_POS)
                       if not _inside(titles, t.start)   # 《龍珠》: a work's title
                       and self._worth_asking(doc, t, fiction)
                       and table.covering(t.start, t.end) is None
                       and not self._blocked(doc, t.start, t.end)]
        after_title = {pos: (t_start, t_end) for pos, t_start, t_end in unread}
        spans = [e.mentions[0] for e in weak] + turned_down + [(pos, pos + 2) for pos in after_title] \
            + list(openers)
        if not spans and not worded:
            return table
        deadline.check("people")
        windows = self._windows(doc, spans)
        if worded:
            more = self._windows(doc, spans + [e.mentions[0] for e in worded])
            if covers_as_much(more, windows, spans):
                windows, weak = more, weak + worded
        people = self.tagger.people(doc.norm, windows)
        asked = lambda s, e: any(a <= s and e <= b for a, b in windows)   # noqa: E731
        gone = set()
        for ent in weak:
            s, e = ent.mentions[0]
            if not asked(s, e):
                continue
            if (s, e) in people:
                ent.evidence.add("tagger")
            else:
                gone.add(ent.id)
        if gone:
            table = table.without(gone)
            doc.layers["people"] = table
        unsettled = turned_down + [ent.mentions[0] for ent in weak if ent.id in gone]
        own: list[tuple[int, int]] = []
        opened = set(openers)
        for start, end in sorted(people):
            if start in after_title:
                self._titled_by_tagger(doc, table, fiction, start, end, *after_title[start])
                continue
            if (start, end) in opened:   # exactly a turn's label or a clause's speaker
                self._tagger_find(doc, table, fiction, start, end, listed=True)
                continue
            if not any(start < e and s < end for s, e in unsettled):
                own.append((start, end))   # the tagger's own find, where the rules saw no name
                continue
            self._tagger_find(doc, table, fiction, start, end)
        # ... kept only beside a listed person (right to left: 甲、乙和丙 when only 丙 was found)
        for start, end in reversed(own):
            if self._listed_with_person(doc, table, people, start, end):
                self._tagger_find(doc, table, fiction, start, end, listed=True)
        return table

    def _windows(self, doc: Document, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The tagger's windows around spans, each within its sentence."""
        sentences = [doc.sentence_at(s) for s, _ in spans]
        return self.tagger.windows(spans, [(x.start, x.end) for x in sentences])

    def _tagger_find(self, doc: Document, table: EntityTable, fiction: set[int], start: int, end: int,
                     listed: bool = False) -> None:
        """A person the tagger marks where the rules were unsure: kept unless it is a
        word, a story's character, an event named after someone or a place. One `listed`
        beside a person may hold a function character (迪亞比: 比)."""
        if table.covering(start, end) is not None or not self._name_shaped(doc, start, end, listed):
            return
        if self._character(doc, fiction, start, end):
            return
        if not self._speech_after(doc, end) and doc.key.startswith(self.named_after_words, end):
            return   # 李國鼎紀念論壇: a forum named after him
        if not self._speech_after(doc, end) and (
                self._after_place_name(doc, start) or self._after_organization(doc, start)):
            return   # 加州庫比蒂諾: a place (the tagger tells 到 + a person from 到 + a place)
        full = self._named_in_full(doc, table, doc.key[start:end])
        if full is not None:   # 克雷格·費德里吉 … 費德里吉
            table.add(full.id, start, end, "tagger", kb=full.kb)
            return
        self._add_open(doc, table, start, end, "tagger")

    @staticmethod
    def _listed_with_person(doc: Document, table: EntityTable, people: set[tuple[int, int]],
                            start: int, end: int) -> bool:
        """Does a name the tagger alone marks stand in a list (、, 和, 與, 及) right beside a
        person the rules found that the tagger marks a person too (曲岚和/芮思博, 芮思博、曲岚)?
        Names are listed with their like: the pair is the evidence, not the tag alone."""
        norm = doc.norm
        if end < len(norm) and norm[end] in PERSON_LIST_JOINERS:
            after = table.covering(end + 1, end + 2)
            if after is not None and any((end + 1, e) in people for s, e in after.mentions if s == end + 1):
                return True
        if start > 1 and norm[start - 1] in PERSON_LIST_JOINERS:
            before = table.covering(start - 2, start - 1)
            if before is not None and any((s, start - 1) in people for s, e in before.mentions if e == start - 1):
                return True
        return False

    def _word_before_speech(self, doc: Document, ent: Entity) -> bool:
        """Is a person found only by the segmenter's tag and a speech verb after it a word
        the dictionary knows, not of a name's typical length (華府指, 嚴詞指斥), or only by
        a turn's colon, two characters no tag calls a name (韓媒：)? The verb or the colon
        alone let it pass; the tagger is asked."""
        s, e = ent.mentions[0]
        if ent.evidence == {"speech"}:   # 韓媒：: a turn's label of two characters no tag calls a name
            return e - s == 2 and not self._tagged_person(doc, s, e)
        if ent.evidence != {"pos", "speech"}:
            return False
        # 白皮書指出, 申請人表示: a document's or a party's noun of a name's length too
        return (e - s != TYPICAL_NAME_LENGTH or doc.key[e - 1] in self.document_role_finals) \
            and self.in_dictionary(doc.norm[s:e])

    def _word_beside_title(self, doc: Document, ent: Entity) -> bool:
        """Is a person found only by a title or an employer beside it (公司CEO換人,
        商務部的許可, 華裔科學家) two characters that are a common word of the
        dictionary (COMMON_WORD_FREQUENCY)? The dictionary tags many common words a
        name's (許可, 換人, 華裔): the title or the employer lets them pass; the tagger
        is asked. One that speaks (星辰科技的高峰表示), or a title's that ends its clause
        (產品經理舒暢。), is a name by that."""
        if not ent.evidence or not ent.evidence <= {"title", "affiliation"}:
            return False
        s, e = ent.mentions[0]
        if e - s != TYPICAL_NAME_LENGTH - 1 or self.word_frequency(doc.norm[s:e]) < COMMON_WORD_FREQUENCY:
            return False
        if "title" in ent.evidence and any(doc.key[end:end + 1] in CLAUSE_BREAKS for _, end in ent.mentions):
            return False
        return not any(self._speech_after(doc, end) for _, end in ent.mentions)

    def _titled_by_tagger(self, doc: Document, table: EntityTable, fiction: set[int],
                          start: int, end: int, t_start: int, t_end: int) -> None:
        """財長奧斯本今日, 記者梅蘿絲說, 執行長迪蘭妮上個月: a person the tagger marks right
        after a title, two to MAX_UNDOTTED characters, all Chinese, that ends where a
        word, a clause or a speech verb does, is that title's holder."""
        chunk = doc.key[start:end]
        if not 2 <= end - start <= MAX_UNDOTTED or not all(is_cjk(c) for c in doc.norm[start:end]) \
                or chunk in self.pronouns or chunk in self.stop or chunk in self.kb.titles \
                or chunk[-1] in self.place_finals or table.covering(start, end) is not None \
                or self._verb_at(doc, start):   # 負責人宣布: what the holder did
            return
        if self._boundary(doc, end) == 0 and not self._speech_after(doc, end):
            return
        if self._character(doc, fiction, start, end):
            return
        person = self._add_open(doc, table, start, end, "title")
        if person is None:
            return
        person.evidence.add("tagger")
        if self._speech_after(doc, end):
            person.evidence.add("speech")
        self._credit_title(doc, doc.layers["organizations"], table, person, t_start, t_end)

    def _worth_asking(self, doc: Document, tok, fiction: set[int]) -> bool:
        """Is a name-tagged word the rules turned down shaped like a name: a surname
        and at most two more characters (曹 / 鵬飛), a transliteration piece (維蒂,
        拉蒂諾) or a word no dictionary holds? A dictionary word without a
        surname (智慧) or a long one (林林總總) is a word; a story's sentence
        names characters (悟空) unless a work's title follows."""
        if self._character(doc, fiction, tok.start, tok.end):
            return False
        if tok.pos == "nrt" or not self.in_dictionary(tok.word):
            return True
        return tok.end - tok.start <= TYPICAL_NAME_LENGTH and self._surname_len(doc.key, tok.start) > 0

    @staticmethod
    def _named_in_full(doc: Document, table: EntityTable, key: str) -> Entity | None:
        """A person already named in full whose last name (after the middle dot) is key."""
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                if e - s > len(key) and doc.key.endswith(key, s, e) and doc.key[e - len(key) - 1] in FULL_NAME_JOINERS:
                    return ent
        return None

    def _name_shaped(self, doc: Document, start: int, end: int, listed: bool = False) -> bool:
        """Two to eight Chinese characters (a middle dot allowed) on the segmenter's
        word boundaries, no pronoun, title or stop word."""
        chunk = doc.norm[start:end]
        if not 2 <= len(chunk) <= 8 or not all(is_cjk(c) or c in NAME_DOTS for c in chunk):
            return False
        if not (doc.starts_token(start) and (doc.ends_token(end) or self._glued_to_verb(doc, start, end))):
            return False   # 林林總 of 林林總總 (宋柏 / 文說: a speaker's name glued to 說 is whole)
        key = doc.key[start:end]
        if not listed and any(self._follower_at(doc.key, i) for i in range(start + 1, end)):
            return False   # 黃笑稱: a name (黃) and a speech verb (笑稱)
        if self._surnamed(doc, start + max(1, self._surname_len(doc.key, start))):
            return False   # 趙姓: someone surnamed 趙
        if key[-1] in self.place_finals:
            return False   # 韋基奧橋: a bridge
        before = doc.norm[max(0, start - 2):start].rstrip(" ")
        if (before and before[-1].isdigit()) or doc.norm[end:end + 2].lstrip(" ")[:1].isdigit():
            return False   # 1000尼特, 高達 110億: a unit or a verb beside a number
        return key not in self.pronouns and key not in self.stop and key not in self.kb.titles

    def _tagged_runs(self, doc: Document, table: EntityTable) -> None:
        """，梅羅/特拉表示, 的卡林/喬斯基表示: a transliterated name the tagger cut into name
        pieces, or kept whole as one (沃萊斯基, no surname first), is whole when it opens a
        clause or follows 的 and a speech verb follows it: never cut to a surname-shaped
        tail (喬斯基)."""
        tokens = doc.tokens
        tagged = tokens._tagged   # (word, tag) pairs: read tags without building tokens
        done = -1
        for i, first in tokens.where(tags=PERSON_POS):
            deadline.check("people")
            if i <= done:
                continue
            j = i
            while j + 1 < len(tagged) and tagged[j + 1][1] in PERSON_POS:
                j += 1
            done = j
            start, end = first.start, tokens.ends[j]
            if start > 0 and tokens.starts[i - 1] == start - 1 and tagged[i - 1][1] not in PERSON_POS \
                    and self._surname_len(doc.key, start - 1) == 1:
                start -= 1      # 莫/拉克/維茨: a surname character the tagger left untagged
            if not 3 <= end - start <= MAX_UNDOTTED:
                continue   # (most runs: one name of two characters)
            whole = j == i and first.pos == "nrt" and not self._surname_len(doc.key, start)
            if (j > i or first.start > start or whole) \
                    and all(is_cjk(c) for c in doc.norm[start:end]) \
                    and (start == 0 or not doc.norm[start - 1].isalnum()
                         or doc.key[start - 1] in PARTICLES_BEFORE_NOUN) \
                    and self._speech_after(doc, end) and table.covering(start, end) is None:
                person = self._add_open(doc, table, start, end, "pos")
                if person is not None:
                    person.evidence.add("speech")

    @staticmethod
    def _headline_end(doc: Document) -> int:
        """Where the headline ends: the first line, when it holds no full stop; else 0."""
        first_line = doc.key.find("\n")
        return first_line if first_line > 0 and "。" not in doc.norm[:first_line] else 0

    @staticmethod
    def _drop_teams(doc: Document) -> None:
        """A name the rules found on no title nor the knowledge base goes where a match's
        or a bookmaker's words stand right beside one of its mentions (TEAM_AFTER,
        TEAM_BEFORE: 主場, 主勝賠, vs, 做客): a club or a bookmaker, no person."""
        table: EntityTable = doc.layers["people"]
        key = doc.key
        teams = set()
        for ent in table.by_id.values():
            if ent.kb or "title" in ent.evidence:
                continue
            for s, e in ent.mentions:
                after = e + (key[e:e + 1] == " ")
                before = s - (s > 0 and key[s - 1] == " ")
                if key.startswith(TEAM_AFTER, after) or key.endswith(TEAM_BEFORE, 0, before):
                    teams.add(ent.id)
                    break
        if teams:
            doc.layers["people"] = table.without(teams)

    @staticmethod
    def _drop_media_words(doc: Document) -> None:
        """陸媒指出, 據韓媒報導: one character and 媒 is a place's or the state's media (PLACE_MEDIA_WORD),
        no person, though the character is a surname's (陸, 韓): a name the knowledge base does not
        know and no title calls a person's goes."""
        table: EntityTable = doc.layers["people"]
        media = {e.id for e in table.by_id.values() if not e.kb and "title" not in e.evidence and e.mentions
                 and PLACE_MEDIA_WORD.fullmatch(doc.key, e.mentions[0][0], e.mentions[0][1])}
        if media:
            doc.layers["people"] = table.without(media)

    @staticmethod
    def _drop_preposition_led(doc: Document) -> None:
        """向孟迪說明, 判決公司向葛樂賠償, 於川普任內: 向 and 於 are surnames but far more often the
        preposition before a noun. A name the knowledge base does not know, every mention of it
        starting with one, is the preposition and what follows where the rest is a person the
        text names (that person's mention), or where no title calls it a person's and no mention
        starts a clause (總裁將直接向孟迪說明). A titled name (理事長於清和) or one opening a
        clause (，向明輝表示) keeps its surname."""
        table: EntityTable = doc.layers["people"]
        key = doc.key
        led = [e for e in table.by_id.values() if not e.kb and e.mentions
               and all(key[s:s + 1] in PREPOSITION_SURNAMES and e_ - s >= 3 for s, e_ in e.mentions)]
        if not led:
            return
        forms: dict[str, Entity] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                forms.setdefault(key[s:e], ent)
        gone: set[str] = set()
        moved: list[tuple[int, int, Entity]] = []
        for ent in led:
            rests = [(s + 1, e, forms.get(key[s + 1:e])) for s, e in ent.mentions]
            if all(other is not None and other is not ent for _, _, other in rests):
                gone.add(ent.id)
                moved += rests
            elif "title" not in ent.evidence \
                    and not any(s == 0 or key[s - 1] in CLAUSE_BREAKS for s, _ in ent.mentions):
                gone.add(ent.id)
        if not gone:
            return
        kept = table.without(gone)
        for s, e, other in moved:
            if other.id in kept.by_id:
                kept.add(other.id, s, e, "repeated", kb=other.kb)
        doc.layers["people"] = kept

    @staticmethod
    def _drop_jurisdiction_heads(doc: Document) -> None:
        """凱洛市市長, 瓦爾邦邦長, 凱洛市長林某: a name written before a jurisdiction's head
        (unit and 長) is the jurisdiction, no person, where the unit is written twice (the
        place's own unit, then the title's) or the head's own name follows the title (a
        person's name tagged so, or a person's mention); a person written before the title
        is followed by no second name (林某市長出席). A name of four characters or more ending in
        a state's unit (邦) and given no title is the state (在卡瓦納邦設廠). A knowledge-base
        person is kept."""
        table: EntityTable = doc.layers["people"]
        key = doc.key
        size = len(key)

        def head_after(e: int) -> bool:
            unit = key[e:e + 1]
            if unit not in JURISDICTION_HEAD_UNITS:
                return False
            if key[e + 1:e + 3] == unit + HEAD_CHAR:
                return True   # 凱洛市市長
            if key[e + 1:e + 2] != HEAD_CHAR or e + 2 >= size:
                return False
            t = e + 2
            if table.covering(t, t + 1) is not None:
                return True
            tok = doc.tokens[doc.token_index_at(t)]
            return tok.start == t and tok.pos in PERSON_POS

        def state_named(s: int, e: int) -> bool:
            return e - s >= MIN_STATE_NAME and key[e - 1:e] == STATE_FINAL

        places = {e.id for e in table.by_id.values()
                  if not e.kb and e.mentions and (any(head_after(e_) for _, e_ in e.mentions)
                                                  or "title" not in e.evidence and state_named(*e.mentions[0]))}
        if places:
            doc.layers["people"] = table.without(places)

    @staticmethod
    def _drop_storm_names(doc: Document) -> None:
        """艾莉絲颱風 / 台风艾莉丝 / 颱風「艾莉絲」: a name the text writes only glued to a storm's noun, before
        or after it, names the storm, no person (a knowledge-base person is kept). A name written
        once glued before a lineage noun (X变异株, X亚型: STRAIN_NOUNS) names a virus's variant; one
        only the taggers read, once glued before a dosage form or ending in one (X胶囊, X片: DOSAGE_FORM),
        a drug."""
        table: EntityTable = doc.layers["people"]
        key, text = doc.key, doc.text

        def storm_word(s: int, e: int) -> bool:
            after = e + (key[e:e + 1] in STORM_NAME_MARKS)
            before = s - (key[s - 1:s] in STORM_NAME_MARKS)
            return key.startswith(STORM_NOUNS, after) or key.endswith(STORM_NOUNS, 0, before) \
                or text[before - 1:before] == STORM_SHORT
        storms = {e.id for e in table.by_id.values()
                  if not e.kb and e.mentions and all(storm_word(s, e_) for s, e_ in e.mentions)}
        strains = {e.id for e in table.by_id.values()
                   if not e.kb and any(key.startswith(STRAIN_NOUNS, e_ + (key[e_:e_ + 1] in STORM_NAME_MARKS))
                                       for s, e_ in e.mentions)}
        drugs = {e.id for e in table.by_id.values()
                 if not e.kb and e.evidence <= {"pos", "tagger"} and any(
                     DOSAGE_FORM.match(key, e_) or e_ - s >= 3 and DOSAGE_FINAL.search(key, s, e_)
                     for s, e_ in e.mentions)}
        if storms or strains or drugs:
            doc.layers["people"] = table.without(storms | strains | drugs)

    def _drop_tag_only(self, doc: Document, table: EntityTable) -> None:
        """A name only the taggers suggest, used once, is a word in passing
        when it is two characters a noun follows (進軍韓系品牌; inside a clause even where the
        statistical tagger agrees, 推動林海 / 電池, unlike 林偉足彩推薦 opening one; not
        郭然放下) or it stands
        in the headline (陸一哥又霸榜): a headline's real person is named again below.
        Whatever its count, a name only tags suggest goes where the text uses it as
        a thing's attribute or a place (_tag_only_word: 杜比, 凱夫拉, 柔佛)."""
        headline = self._headline_end(doc)
        body_forms = self._body_forms(doc, table)
        abroad = {e.id for e in table.by_id.values()
                  if not e.kb and "title" not in e.evidence and e.organization is None
                  and all(self._to_country(doc, s, e) or self._country_forces(doc, s, e) for s, e in e.mentions)}
        weak = abroad | {e.id for e in table.by_id.values()
                if e.evidence <= {"pos", "tagger"} and e.organization is None and not e.kb
                and (self._tag_only_word(doc, e) or doc.key[slice(*e.mentions[0])] in body_forms
                     or self._jurisdiction_named(doc, e) or len(e.mentions) == 1
                     and ((e.mentions[0][1] - e.mentions[0][0] == 2
                           and People._noun_at(doc, e.mentions[0][1])
                           and ("tagger" not in e.evidence or not People._opens_clause(doc, e.mentions[0][0])))
                          or e.mentions[0][1] <= headline
                          or self._listed_with_things(doc, table, *e.mentions[0])))}
        if not weak:
            return
        deadline.check("people")
        doc.layers["people"] = table.without(weak)

    @staticmethod
    def _body_forms(doc: Document, table: EntityTable) -> set[str]:
        """The forms of the tag-only names the text also writes as the start of an
        organisation's mention (星禾 … 星禾科技, 星禾總經理): each form looked up at the
        organisations' mention starts only, a handful of lengths, so linear."""
        forms = {doc.key[s:e] for ent in table.by_id.values() if not ent.kb
                 and ent.evidence <= {"pos", "tagger"} for s, e in ent.mentions[:1]}
        if not forms:
            return set()
        lengths = {len(f) for f in forms}
        orgs: EntityTable = doc.layers["organizations"]
        return {doc.key[s:s + n] for org in orgs.by_id.values() for s, e in org.mentions
                for n in lengths if s + n <= e and doc.key[s:s + n] in forms}

    def _jurisdiction_named(self, doc: Document, ent: Entity) -> bool:
        """Does the text write the name straight into a jurisdiction's unit
        (凱洛州停止, 嘉蘭縣政府) at any mention? A person's name takes no 州 / 縣;
        a unit that opens a word (州長, 縣城) does not count."""
        key = doc.key
        return any(key[e:e + 1] in JURISDICTION_NAME_UNITS and not self.in_dictionary(doc.norm[e:e + 2])
                   for _, e in ent.mentions)

    @staticmethod
    def _opens_clause(doc: Document, start: int) -> bool:
        """Does start open the text or follow punctuation or a space (林偉足彩推薦：, a
        column's byline), not a word of its clause (推動 / 林海電池)?"""
        return start == 0 or not doc.norm[start - 1].isalnum()

    def _listed_with_things(self, doc: Document, table: EntityTable, start: int, end: int) -> bool:
        """幻夜黑、鈦空銀、魅海藍、薔薇金; 龍芯和申威: an item of a list whose neighbour is
        an organisation, or (joined by 、) anything but a name, is a thing like them."""
        if end - start == TYPICAL_NAME_LENGTH and self._surname_len(doc.key, start):
            return False   # 袁德順、某協會: a Chinese name's shape may stand in any list
        orgs: EntityTable = doc.layers["organizations"]
        key = doc.key
        for joiner in ("、", "和", "与", "及"):
            n = len(joiner)
            if key.startswith(joiner, end):
                other = (end + n, end + n + 1)
            elif key.endswith(joiner, 0, start):
                other = (start - n - 1, start - n)
            else:
                continue
            if other[0] < 0 or other[1] > len(key) or not is_cjk(key[other[0]]):
                continue
            if orgs.covering(*other) is not None:
                return True
            if joiner == "、" and table.covering(*other) is None and not self._tagged_person(doc, *other) \
                    and doc.tokens[doc.token_index_at(other[0])].pos[:1] == "n":
                return True
        return False

    def _country_pair(self, doc: Document, start: int, end: int) -> bool:
        """韓日, 中美, 美中: two different one-character short forms of countries."""
        pair = doc.key[start:end]
        return len(pair) == 2 and pair[0] != pair[1] and pair[0] in self.country_short_forms \
            and pair[1] in self.country_short_forms

    def _country_forces(self, doc: Document, start: int, end: int) -> bool:
        """烏軍, 韩军, 俄军: a country's one-character short form and 军 name its armed
        forces, not a person (a title vouches for a person so named: 董事長韓軍)."""
        pair = doc.key[start:end]
        return len(pair) == 2 and pair[0] in self.country_short_forms and pair[1] == ARMY

    def _to_country(self, doc: Document, start: int, end: int) -> bool:
        """向華, 對華, 與日, 赴美, 訪華, 駐華: a preposition or a verb of going or stance and
        a country's one-character short form make a phrase, not a name."""
        pair = doc.key[start:end]
        return len(pair) == 2 and pair[0] in self.country_lead_chars and pair[1] in self.country_short_forms

    def _tag_only_word(self, doc: Document, ent: Entity) -> bool:
        """Is a name with no evidence but the taggers' a brand, material, colour
        or place the taggers took for a name? It is when it is the piece of a
        dotted brand after its middle dot (億咖通·馬卡魯), follows a place
        preposition (在庫比蒂諾的), or modifies a noun wherever it stands
        (杜比語音…杜比視界, 凱夫拉紋理, 柔佛州): a person is named, not used as
        an attribute of things. A surname and two characters, or a surname and one
        used once, keep the benefit of the doubt (林偉足彩推薦)."""
        if all(self._named_thing_at(doc, s, e) for s, e in ent.mentions):
            return True   # 「星橋」（Starbridge）, 母公司卡維特報團, 媒體集團普拉森
        if all(self._country_pair(doc, s, e) for s, e in ent.mentions):
            return True   # 韓日對口部門, 中美關係: two countries' short forms, no name
        start, end = ent.mentions[0]
        if start > 1 and doc.norm[start - 1] in NAME_DOTS and is_cjk(doc.norm[start - 2]) \
                and doc.layers["people"].covering(start - 2, start - 1) is None:
            return True
        surname = self._surname_len(doc.key, start)
        if surname and end - start == TYPICAL_NAME_LENGTH:
            return False   # 陸慧明火線解盤, 等到曹鵬飛: a Chinese name's shape stands anywhere
        if surname and len(ent.mentions) == 1:
            return False   # 林偉足彩推薦: once, a surname and a name may head a noun
        if self._after_place_preposition(doc, start, end):
            return True
        if all(self._after_quality(doc, s) for s, _ in ent.mentions):
            return True   # 穩定性較差和卡頓, 間歇性的卡頓: a quality's peer, no person
        return all(self._noun_at(doc, e) or doc.key[e:e + 1] in self.place_finals
                   for _, e in ent.mentions)

    @staticmethod
    def _named_thing_at(doc: Document, start: int, end: int) -> bool:
        """Is the mention at start..end named the way a work, a brand or a body is:
        wholly inside quotation marks (「星橋」, “星桥”: titles, games and virtual
        personas are quoted, people are not), ending in an organisation word
        (卡維特報團), or right after one (母公司卡維特, 媒體集團普拉森)? Only for a name
        the taggers alone suggest: a title or a speech verb outweighs it."""
        key = doc.key
        if start > 0 and key[start - 1] in QUOTE_OPENS and key[end:end + 1] in QUOTE_CLOSES:
            return True
        return key.endswith(ORG_WORDS, start, end) or key.endswith(ORG_WORDS, 0, start)

    @staticmethod
    def _after_quality(doc: Document, start: int) -> bool:
        """Does an abstract quality (…性的) or an adjective joined by 和 / 與 stand right before start?"""
        key = doc.key
        if key.endswith("性的", 0, start):
            return True
        if start < 2 or key[start - 1] not in "和与及":
            return False
        tok = doc.tokens[doc.token_index_at(start - 2)]
        return tok.end == start - 1 and tok.pos[:1] == "a"

    @staticmethod
    def _noun_at(doc: Document, pos: int) -> bool:
        """Does a common noun token (not a name) start at pos?"""
        if pos >= len(doc.key):
            return False
        tok = doc.tokens[doc.token_index_at(pos)]
        return tok.start == pos and tok.pos[:1] == "n" and tok.pos not in PERSON_POS

    def _lone_surname_tag(self, doc: Document, tok, end: int) -> bool:
        """周 / 啟航: the tagger marked only the surname; the name it begins
        (not itself a dictionary word) may run over the next word when a verb,
        function word or punctuation follows (周啟航放下…, not 周活躍用戶)."""
        if not (tok.end - tok.start == 1 and self._surname_len(doc.key, tok.start) == 1
                and end - tok.start == 3 and not self.in_dictionary(doc.norm[tok.start:end])):
            return False
        if end >= len(doc.norm) or self._boundary(doc, end) == 2:
            return True
        after = doc.tokens[doc.token_index_at(end)]
        return after.start == end and after.pos[:1] in ("v", "d", "p")

    def _after_organization(self, doc: Document, start: int) -> bool:
        """鴻海高雄超級運算中心: a tagged name right after a company is a site."""
        orgs: EntityTable = doc.layers["organizations"]
        return start > 0 and orgs.covering(start - 1, start) is not None

    def _after_place_name(self, doc: Document, start: int) -> bool:
        """上海張江: a tagged name right after a place name is a district."""
        if start == 0 or not doc.ends_token(start):
            return False
        return doc.tokens[doc.token_index_at(start - 1)].pos == "ns"

    def _after_place_preposition(self, doc: Document, start: int, end: int) -> bool:
        """在高雄興建: after 在 a tagged name is a place, unless 在X看來."""
        if not any(doc.key.endswith(p, 0, start) for p in self.place_prepositions):
            return False
        return not any(doc.key.startswith(v, end) for v in self.viewpoint_words)

    def _more_mentions(self, doc: Document, table: EntityTable) -> None:
        """An open-world name found once is a mention wherever it recurs."""
        persons = [p for p in table.by_id.values() if not p.kb]
        found = self._occurrences(doc, {doc.key[s:e] for s, e in (p.mentions[0] for p in persons)})
        for person in persons:
            deadline.check("people")
            s, e = person.mentions[0]
            needle = doc.key[s:e]
            for pos, end in found[needle]:
                ok_left = not (is_latin(needle[0]) and pos > 0 and is_latin(doc.key[pos - 1]))
                ok_right = not (is_latin(needle[-1]) and end < len(doc.key) and is_latin(doc.key[end]))
                if len(needle) == 2 and is_cjk(needle[0]) and not doc.starts_token(pos):
                    continue   # 韓媒 in 南 / 韓媒體: two characters inside a word, no mention
                if ok_left and ok_right and table.covering(pos, end) is None \
                        and not self._blocked(doc, pos, end):
                    table.add(person.id, pos, end, "pos" if "pos" in person.evidence else
                              next(iter(person.evidence)))

    def _glued_words(self, doc: Document, table: EntityTable) -> None:
        """周明向記者介紹 … 周明說: a name of a one-character surname and two more characters,
        the last a verb, preposition or adverb that goes on from a name (name_glued_words: 向,
        被, 以, 會, 任 …), written only so, where the text names the person of its first two
        characters as well, is that person and the word: its places become that person's
        mentions, the word cut off. So is a four-character form of one surname (周明遠用, 周明說道)
        where the text names the person of its first three, whatever its last character (no
        given name has three). A form merged into one that was itself merged goes on to where
        that one went, one character cut per step, so the order the forms are met in does not
        matter. (One dict of the two- and three-character names: linear.)"""
        key = doc.key
        pairs: dict[str, Entity | None] = {}
        for ent in table.by_id.values():
            for s, e in ent.mentions:
                if e - s in (2, 3):
                    _claim(pairs, key[s:e], ent)
        if not pairs:
            return
        merged: dict[str, Entity] = {}   # (each form merged here, by id: the person it went into)
        for ent in list(table.by_id.values()):
            if ent.kb or ent.id not in table.by_id:
                continue
            texts = {key[s:e] for s, e in ent.mentions}
            if len(texts) != 1:
                continue
            text = next(iter(texts))
            # 周明向 (a name of two and a listed word), 周明远说 … 周明远用 (a name of one surname
            # and two more, then any one character: no given name has three characters)
            if len(text) not in (3, 4) or len(text) == 3 and text[2] not in self.glued_words \
                    or text[-1] in NAMED_CASE \
                    or not all(is_cjk(c) for c in text) or self._surname_len(text, 0) != 1:
                continue
            into = pairs.get(text[:-1])
            cut = 1
            while into is not None and into.id not in table.by_id and into.id in merged:
                into = merged[into.id]   # (周明說 already went into 周明: 周明說道 follows it there)
                cut += 1
            if into is None or into is ent or into.id not in table.by_id:
                continue
            spans = list(ent.mentions)
            if into.title is None and ent.title is not None:   # (总经理周明向…: the title was read there)
                into.title, into.organization = ent.title, ent.organization or into.organization
            elif into.organization is None:
                into.organization = ent.organization
            into.former |= ent.former
            for s, e in spans:
                table.drop_mention(ent.id, s, e)
            for s, e in spans:
                table.add(into.id, s, e - cut, "repeated", kb=into.kb)
            merged[ent.id] = into

    def _glued_function_words(self, doc: Document, table: EntityTable) -> None:
        """周明以及王紅, 安娜·卡爾森說。: a name the text writes only with 以 before 及 (the
        conjunction 以及) or, transliterated, with 說 before a clause's end (a speech verb
        after a quote) has taken the next word's first character: cut it off (at least two
        characters stay). (One pass over the names' mentions: linear.)"""
        key = doc.key
        for ent in list(table.by_id.values()):
            if ent.kb or not ent.mentions:
                continue
            spans = list(ent.mentions)
            if not all(e - s >= 3 and self._function_glued(key, s, e) for s, e in spans):
                continue
            evidence = sorted(ent.evidence)
            for s, e in spans:
                table.drop_mention(ent.id, s, e)
            for s, e in spans:
                new = table.add(self._person_id(doc, s, e - 1), s, e - 1, evidence[0])
                new.evidence.update(evidence)
                if new.title is None:
                    new.title, new.organization = ent.title, ent.organization
                new.former |= ent.former

    @staticmethod
    def _function_glued(key: str, s: int, e: int) -> bool:
        if key[e - 1] == "以" and key[e:e + 1] == "及":
            return True
        return key[e - 1] == "说" and key[e:e + 1] in ("。", "，", ",", "：", ":", "") \
            and any(d in key[s:e] for d in NAME_DOTS)

    def _last_pieces(self, doc: Document, table: EntityTable) -> None:
        """尼克·福克斯 … 福克斯看起來: the last piece of a transliterated name the text
        gives in full, written alone later, is the same person (a name found there on its
        own is merged into the full one; a whole word there not yet a name is added)."""
        if not has_dot_between_han(doc.norm):
            return
        pieces: dict[str, Entity] = {}
        firsts: dict[str, Entity] = {}
        for person in list(table.by_id.values()):
            for s, e in person.mentions:
                text = doc.key[s:e]
                cut = max(text.rfind(d) for d in NAME_DOTS)
                piece = text[cut + 1:] if cut > 0 else ""
                if len(piece) >= 2 and all(is_cjk(c) for c in piece):
                    # two people sharing a last piece: neither takes it
                    _claim(pieces, piece, person)
                elif cut > 0:
                    # 罗莎·费兰-奥尔蒂 … 费兰-奥尔蒂 / 奥尔蒂: a double-barrelled last piece; each
                    # half (two characters or more) written alone later is that person too
                    halves = DOUBLE_PIECE.fullmatch(piece)
                    if halves:
                        for half in halves.groups():
                            _claim(pieces, half, person)
        pieces = {k: v for k, v in pieces.items() if v is not None}
        if pieces:
            _merge_lone_forms(doc, table, pieces, full_first=False)
        for person in list(table.by_id.values()):
            # (named first in full: a person the text first writes by one piece (拜登 … 亨特·拜登)
            # may be two people a last piece merged, and claims no first piece)
            if not person.mentions:
                continue
            s, e = min(person.mentions)
            text = doc.key[s:e]
            first = min((i for i in (text.find(d) for d in NAME_DOTS) if i > 0), default=0)
            if first >= 2 and all(is_cjk(c) for c in text[:first]):
                _claim(firsts, text[:first], person)
        # 塔莉娅·贝龙 … 塔莉娅说: a person found on their own by the first piece alone, after the
        # text gave the one full name it opens, is that person by the given name
        _merge_lone_forms(doc, table, {k: v for k, v in firsts.items() if v is not None}, full_first=True)
        if not pieces:
            return
        found = self._occurrences(doc, set(pieces))
        for piece, person in pieces.items():
            for pos, end in found[piece]:
                if table.covering(pos, end) is None and doc.starts_token(pos) and doc.ends_token(end) \
                        and not (pos > 0 and doc.norm[pos - 1] in NAME_DOTS) and not self._blocked(doc, pos, end):
                    table.add(person.id, pos, end, "repeated")

    def _address_surname(self, text: str) -> str | None:
        """孫總 -> 孫, 林教授 -> 林: the surname of a form of address (a surname and a
        title or honorific, nothing else), or None."""
        for n in (1, 2):
            if len(text) > n and self._surname_len(text, 0) == n and text[n:] in self.address_words:
                return text[:n]
        return None

    @staticmethod
    def _family_name_alone(doc: Document, table: EntityTable) -> None:
        """太空人野田光二 … 野田乘坐, 司徒明遠 … 司徒說: a person named only by two or three
        Chinese characters, after the text gave in full (three to six characters) the one
        person whose name starts with them and goes on for two characters or more, is that
        person by the family name: the same person, not one of their own (张伟 after 张伟明
        is a person of their own). Two such people: neither takes it. (One dict of the
        full names' openings: linear in the mentions.)"""
        full: dict[str, Entity | None] = {}
        for person in table.by_id.values():
            for s, e in person.mentions:
                text = doc.key[s:e]
                if 3 <= len(text) <= 6 and all(is_cjk(c) for c in text):
                    for n in (2, 3):
                        # (a family name leaves a given name of two characters or more:
                        # 张伟 is no family name of 张伟明, but a person of their own)
                        if len(text) - n >= 2:
                            prefix = text[:n]
                            _claim(full, prefix, person)
        if not full:
            return
        _merge_lone_forms(doc, table, full, full_first=True)

    def _family_name_speaks(self, doc: Document, table: EntityTable) -> None:
        """社长三部敏宏 … 三部还透露, 首席财务官后藤芳光 … 后藤称: the first two characters of a
        person named earlier in four Chinese characters (a family name of two, a given name of
        two: Japanese names, 司徒明遠), said alone where a word starts, then a speech verb (one
        adverb between at most), are that person, the one person whose full name opens so.
        (One find per such family name: linear in the text for the few names there are.)"""
        key = doc.key
        owners: dict[str, Entity | None] = {}
        first_at: dict[str, int] = {}
        for person in table.by_id.values():
            if person.kb:
                continue
            for s, e in person.mentions:
                if e - s == JAPANESE_NAME_LENGTH and all(is_cjk(c) for c in doc.norm[s:e]):
                    family = key[s:s + JAPANESE_FAMILY_LENGTH]
                    _claim(owners, family, person)
                    first_at[family] = min(first_at.get(family, e), e)
        orgs: EntityTable = doc.layers["organizations"]
        for family, person in owners.items():
            if person is None:
                continue
            at = key.find(family, first_at[family])
            while at != -1:
                end = at + len(family)
                verb = end + 1 if key[end:end + 1] in FAMILY_ALONE_ADVERBS else end
                if doc.starts_token(at) and self._speech_after(doc, verb) \
                        and table.covering(at, end) is None and orgs.covering(at, end) is None \
                        and not self._blocked(doc, at, end):
                    table.add(person.id, at, end, min(person.evidence))   # (no evidence of its own)
                at = key.find(family, end)

    def _surname_addressed(self, doc: Document, table: EntityTable) -> None:
        """星辰科技執行長孫嘉禾 … 孫總說 (or 孫總說 … 執行長孫嘉禾): a person the text names
        only by a surname and a title or honorific, where it names in full the one person
        with that surname (before or after), is that person, not one of their own; two such
        people: neither takes it."""
        full: dict[str, Entity | None] = {}
        full_at: dict[str, tuple[int, int]] = {}   # a full name's first mention, by surname
        addressed: list[tuple[Entity, str]] = []
        for person in table.by_id.values():
            texts = {doc.key[s:e] for s, e in person.mentions}
            surnames = {self._address_surname(t) for t in texts}
            if len(surnames) == 1 and None not in surnames:
                addressed.append((person, surnames.pop()))
                continue
            for t in texts:
                n = self._surname_len(t, 0) if all(is_cjk(c) for c in t) else 0
                if n and 2 <= len(t) <= n + 2 and self._address_surname(t) is None:
                    s = t[:n]
                    _claim(full, s, person)
                    at = min(m for m in person.mentions if doc.key[m[0]:m[1]] == t)
                    if s not in full_at or at < full_at[s]:
                        full_at[s] = at     # (the earliest full mention, whatever the set's order)
        for person, surname in addressed:
            into = full.get(surname)
            # (before the full name too: 苗總說 … 總經理苗啟文表示 is one person, named in full)
            if into is not None and person.id in table.by_id and into.id in table.by_id:
                table.merge(person.id, into.id)
                if min(person.mentions) < full_at[surname]:
                    into.named_at = full_at[surname]   # the name given is the full one

    @staticmethod
    def _bracketed_originals(doc: Document, table: EntityTable) -> None:
        """雷蒙多（Gina Raimondo）, 艾倫·莫瑞（Alan Murray）: a name and, in brackets right
        after it, the same person's name in another script are one person (the
        knowledge base's, where it knows one of them)."""
        spans = table.spans()
        starts = {s: (e, id_) for s, e, id_ in spans}
        for s, e, id_ in spans:
            deadline.check("people")
            at = e + (doc.norm[e:e + 1] == " ")
            if doc.norm[at:at + 1] != "(":
                continue
            inner = starts.get(at + 1) or starts.get(at + 2)
            if inner is None or inner[1] == id_ or doc.norm[inner[0]:inner[0] + 1] != ")":
                continue
            first, second = table.by_id.get(id_), table.by_id.get(inner[1])
            if first is None or second is None:
                continue   # merged already
            keep, gone = (second, first) if second.kb and not first.kb else (first, second)
            table.merge(gone.id, keep.id)

    @staticmethod
    def _occurrences(doc: Document, needles: set[str]) -> dict[str, list[tuple[int, int]]]:
        """Each needle's occurrences in doc.key, left to right and not overlapping one
        another (what a str.find loop from each match's end gives); one
        Aho-Corasick pass for many needles: a find loop per name was quadratic in a
        text naming thousands of people."""
        return occurrences(list(needles), doc.key, lambda: deadline.check("people"))


def _business_unit(doc, start: int, end: int) -> bool:
    """Do the words start..end name a company's business unit: Han field words, then BU or BG
    (数字能源方案BU, 雲端BG), the capitals standing alone after a Han character?"""
    norm = doc.norm
    return end - start > 2 and norm[end - 2:end] in BUSINESS_UNIT_MARKS \
        and is_cjk(norm[end - 3]) and is_cjk(norm[start])
