"""Quantitative facts: every quantity service.quantities finds, with what it
measures (`subject`), whose it is (`entity`) and the sentence it sits in.

The subject is read from the clause: the noun phrase before the number, past
linking verbs (貢獻了13% -> 貢獻, 最大上下文提升到了128k -> 最大上下文), or the
noun phrase after 的 prefixed by the clause's context (在星辰2025財年裡
12億美元的營收中 -> 星辰2025財年營收). The entity is the nearest organisation,
product or person named in the clause, before the number first.
"""
from __future__ import annotations

import bisect
import functools
import re

from .. import deadline
from ..kb import KnowledgeBase, _read_tsv
from ..nlp import quote_marks as qm
from ..nlp.clauses import BRACKETS, DASH, QUOTE_MARKS, ClauseSplitter
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from ..nlp.text import tables
from ..quantities import Quantity
from ..quantities.numerals import PLAIN_DIGITS
from ..quantities.scan import BESIDE_ONE_RULE, MODEL_SIZE_RULE, RESOLUTION_PIXELS_RULE, UNITLESS_MEASURE_RULE
from ..quantities.units import LEXICON as QUANTITY_LEXICON
from .context import quantities_of
from .event_kinds import OneOffFinder
from .records import Fact

# A fact's subject and owner never cross a bracket, a quote mark or a dash.
FACT_CLAUSES = ClauseSplitter(BRACKETS + QUOTE_MARKS + DASH)
CLAUSE_WINDOW = 60          # characters searched for a clause's ends
INDEX_DENSITY = 32          # see Facts.__call__: news has one number in 100-200 characters
SUBJECT_POS = frozenset({"n", "nz", "nt", "nr", "nrt", "nrfg", "ns", "vn", "eng", "j", "l", "b", "an"})
MAX_SUBJECT_TOKENS = 4
MAX_CONTEXT_CHARS = 12
PROSE_COUNT_MAX = 10
# (GPT-3.5大模型, Qwen2大模型: a version glued to a name before 大模型 counts nothing.)
# 五大使用场景, 三大产业机会, 6大生产基地的: N 大 + the noun counted, ended by punctuation or
# 的 (五大品牌攻城略地, 三大法人小買 run on: a name or a ranking, not a count). Never 第/前 N大
# (a rank), 一大 (an article), nor inside a quoted name (「三大智慧平台」).
MAJOR_COUNT_RE = re.compile(
    r"(?<![第前0-9A-Za-z.\-零〇一二两三四五六七八九十百千万亿“‘「『《\"'])([二两三四五六七八九十]|[2-9]|[1-9][0-9])大"
    r"([\u4e00-\u9fff]{1,4})(?=[，。、；：！？,.;:!?\n)）]|的|$)")
MAJOR_COUNT_MARK = "大"
# ...never a weekday's numeral (周三大涨, 星期五大跌, 周三大盘指数震荡: 周三 then 大涨, 大盘).
WEEKDAY_HEADS = ("周", "星期", "礼拜", "週", "禮拜")
WEEKDAY_NUMERALS = frozenset("二三四五六")
WEEKDAY_BIG_WORD_NEXT = frozenset("涨跌幅盘阴阳反增减降升挫")   # 大涨 大跌 大幅 大盘 大阴线 大反弹 …
MAJOR_COUNT_START_RE = re.compile(MAJOR_COUNT_RE.pattern.split("大", 1)[0] + "大(?=[\u4e00-\u9fff])")
# ...or, running on into the sentence (3大電信業者將於…, 三大指數週四收跌, 15大主力商品中), the
# noun is the run of noun words the segmenter reads after 大 (a suffix 者 included), when
# what follows is no noun: a run too long to be one noun (五大品牌攻城略地) is a name.
MAJOR_NOUN_POS = frozenset({"n", "nz", "ng", "vn", "k"})
MAJOR_NOUN_MAX = 4
# ...a noun of five or six characters (三大關鍵零組件的, 三大半導體設備廠，) only when punctuation
# or 的 closes it (running on, so long a run is a name), it is two words, a modifier and a head,
# and the head is a short noun (關鍵|零組件, 半導體|設備廠), not a four-character idiom the
# segmenter tags one (五大品牌攻城略地，); three words are a phrase (四大客戶精準行銷).
MAJOR_NOUN_LONG_MAX = 6
MAJOR_LONG_HEAD_MAX = 3
MAJOR_NOUN_CLOSERS = "，。、；：！？,.;:!?\n)）的"
# ...and the noun ends before a word naming what belongs to the ones counted (三大運營商旗下,
# 3大電信業者官網, 3大電信官網查詢): their holdings, their site, their seat.
MAJOR_OWNED_AFTER = ("旗下", "官网", "官方网站", "网站", "总部", "总公司")
# ...but a single word the segmenter tags an adjective, closing the four characters the regex
# took before a colon (the list of what is counted follows), is the noun's tail (两大战略重心： read 战略|重心/a).
MAJOR_NOUN_TAIL_POS = frozenset({"a"})
MAJOR_LIST_OPENERS = (":", "：")
# A handful written in words after these does not count anything: a ranking (前三項, 首兩位,
# 頭三位, 後三項), a weekday (下週三起, 星期五). A phrase pointing back with 这/此/该/上述 + a
# handful in words + a measure word (这两类业者, 這兩種礦物, 这四层, 上述两家) repeats the number of
# what was just named: a referring phrase, no mention (fixtures/articles/README.md convention 2).
# After 这 only the measure words of kinds, layers, items, copies and people (THIS_MEASURES): for
# 这两个 / 这两款 / 这三块 the READ annotations are split (7 listed as counts: 这两款芯片, 这两个漏洞,
# 这三块; 6 not: 这两个平台, 这两款产品), so those stay counts. Companies after 这 (家, 间) are FIRMS_AGAIN's below.
# 那三家 still states how many.
# 《100%星野乐园》, 《三体》: a number inside the title of a work is part of its name, no fact.
WORK_TITLE_OPEN = "《"
WORK_TITLE_RE = re.compile(r"《[^《》\n]{1,60}》")


def _in_title(titles: list, start: int, end: int) -> bool:
    i = bisect.bisect_right(titles, (start, float("inf"))) - 1
    return i >= 0 and titles[i][0] < start and end < titles[i][1]


REFERRING_BEFORE = ("前", "首", "头", "此", "该", "上述")   # 上述两家: the ones just named (rule 2)
THIS_BEFORE = "这"   # 这两类, 这四层 (rule 2)
THIS_MEASURES = frozenset({"类", "种", "项", "层", "份", "大", "名"})
WEEKDAY_BEFORE = ("周", "星期", "礼拜")
# People counted in words (兩人, 兩位巨擘, 兩個人) are the people the story names (fixtures/golden).
PEOPLE_MEASURES = ("人", "位")
# ...but people the text leaves unnamed (兩位知情人士, 两位专注并购的行业人士: a noun in 人士) are
# counted: nobody names them, so the number is what the text says of them.
UNNAMED_PEOPLE_TAIL = "人士"
UNNAMED_PEOPLE_WINDOW = 16    # characters after the count searched for 人士, in its clause
UNNAMED_PEOPLE_QUALIFIER_POS = "uj"   # the 的 closing the qualifier, a particle word of its own
# ...and people counted in digits point back at the people just named when the count opens its
# clause and an adverb of the same ones follows (3 人曾在, 2人均否認, 4 人亦到場), or 這/上述
# stands before it (這3人, 上述 2 人): the count restates the names, no fact. A verb right after
# it (3人受傷, 6人被拘) says how many: a count. 以上 points back only when it opens its clause
# (，以上2人); after a number it closes a bound (50歲以上2人受傷: a count).
PEOPLE_AGAIN_AFTER = ("曾", "均", "都", "皆", "亦", "也", "分别", "同时", "一同", "一起", "随后")
PEOPLE_AGAIN_BEFORE = ("这", "上述", "该")
PEOPLE_AGAIN_OPENING = "以上"
PEOPLE_AGAIN_UNITS = ("人", "名")
# ONE_SOURCE: 1名 / 1位 in digits before the unnamed source a report cites (引述1名知情人士說法,
# 透過1名發言人宣布, 1名與聯合國關係密切的消息人士告訴) is the article 一名 written in digits
# (CONVENTIONS 3: 一 + measure word as an indefinite article is no count): the source noun ends
# its clause's words within ONE_SOURCE_WINDOW characters. 2名知情人士 still counts.
ONE_SOURCE_UNITS = ("名", "位")
ONE_SOURCE_NOUNS = ("人士", "发言人", "目击者", "消息来源")
ONE_SOURCE_WINDOW = 20
# FIRMS_AGAIN: companies counted after 这/此/该 (這4家公司, 这两家科技巨头, 此2間企業) point back at the
# companies just named (CONVENTIONS 2: a referring phrase repeating the number is no mention) when
# the text counted them so before (4家台灣企業 … 這4家) or a company's noun follows in the clause
# (公司, 企业, 厂商, 巨头 …). 这两家外送业者 opening a text that never counted them stays a count.
FIRMS_AGAIN_UNITS = ("家", "间")
FIRMS_AGAIN_BEFORE = ("这", "此", "该")
FIRMS_AGAIN_NOUNS = ("公司", "企业", "厂商", "制造商", "巨头", "台企", "中企", "台厂", "集团", "银行")
FIRMS_AGAIN_WINDOW = 8   # characters after the count searched for the noun, in its clause
# SEXES: people counted by sex as a pair (拘捕5男1女, 兩男一女受傷, 3女2男獲救) are two counts,
# unit 男 and 女: the pair says how many of each; a single 男/女 after a number is a word's
# head (18歲男學生, 三女兒) and counts nothing here.
SEX_PAIR_RE = re.compile(
    r"(?<![0-9A-Za-z.零〇一二两三四五六七八九十百千万亿])([0-9]{1,4}|[一二两三四五六七八九十]{1,3})([男女])"
    r"([0-9]{1,4}|[一二两三四五六七八九十]{1,3})([男女])")
SEX_MARKS = ("男", "女")
# TIMES: 兩度發表, 曾三度錯判 — a number of times two to ten in words, one word with 度, a verb
# right after it and none right before it (下降两度 is a temperature), is a count in 度 as the
# real-text annotations write it; 一度 (at one time), 再度, 三度空间 (one word) and 两度电 are not.
TIMES_MEASURE = "度"
TIMES_NUMERALS = frozenset("二两三四五六七八九十")
TIMES_VERB_POS = "v"
# HEADLINE: a headline drops its measure words (3人涉控制156戶口交易, 聯手14日企): in the first
# line of a text of several, a number in Arabic digits the segmenter reads whole, right before a
# common noun of two characters or more and after a verb (never after a letter, a digit, a point
# or 第: iPhone 15, 第3季), is a count of that noun. Not a year (2024), not a leading zero.
HEADLINE_COUNT_POS = frozenset({"n", "ng"})
HEADLINE_COUNT_BEFORE_POS = "v"
HEADLINE_COUNT_MAX = 9999
HEADLINE_YEARS = range(1900, 2101)
NOUN_MEASURES = frozenset(QUANTITY_LEXICON["noun_measure_words"])   # 四部门：, 兩黨 name what they count
# COUNTED: what a count counts is the run of noun words right after it (16家AI科技企業 ->
# AI科技企業, 170個國家的 -> 國家, 5台服务器 IP遭到 -> 服务器 IP), ended by a particle, a verb or
# punctuation; a bare 万/亿 count may put 的 between (超過6億的手機用戶). With none after it,
# a noun the count's own text ends in (超过4亿用户) is it; a measure word alone counts nothing
# said (三塊, 42 位。). Older annotations write a count's unit as the measure word, newer ones
# as the noun: the evaluator takes either.
COUNTED_POS = frozenset({"n", "nz", "ng", "vn", "k", "eng", "j"})   # not names (上市 is read ns)
# ...words that may stand inside the run but never end it: a modifier (3個小型語言模型, 24.5萬個
# 香港身分證號碼, 3个毫米波雷达) and a joiner of two nouns (13个国家和地区); a name word only
# after another word of the run, where the segmenter misreads a noun's tail (超声波|雷达: nr).
COUNTED_MODIFIER_POS = frozenset({"b", "a", "an", "ns", "l"})
COUNTED_JOINERS = frozenset({"和", "及", "与", "與"})
COUNTED_TAIL_NAME_POS = frozenset({"nr", "ns"})
# A one-character noun morpheme right after the measure word is the noun (兩間廠的設備).
COUNTED_MORPHEME_POS = "zg"
COUNTED_MAX = 10          # characters: a noun phrase, not a clause (spaces not counted)
COUNTED_GAP = " 的"       # 的 only after a bare amount (no measure word)
# A quote mark may open the noun (3個「小型語言模型」): the noun is inside it.
COUNTED_OPENING_QUOTES = frozenset(qm.openers(qm.DOUBLE, qm.SINGLE))
# ...and a noun right after its closer makes the marks a name qualifying that noun (23 颗「星链」卫星
# counts 卫星): the run goes on past the closer.
COUNTED_CLOSING_QUOTES = {o: c for o, c in qm.pairs(qm.DOUBLE, qm.SINGLE).items()}
# A verb-noun closing the run after a noun is the clause's verb (170個國家銷售, 6種網路詐騙手法
# 測試受訪兒少), not part of the noun; alone it is the noun (1億次下載).
COUNTED_VERB_NOUN_POS = "vn"
# A two-character word read as a verb right after the measure word, with a verb or an adverb
# after it, is the noun doing it (15 款应用达到了, 3個應用已經上架).
COUNTED_VERB_AFTER_POS = ("v", "d")
# ...and one read as a verb (配置) or an adverb (日常) with a noun glued after it that closes the
# clause is the first half of the compound noun counted (两个配置版本。, 77 种日常活动，); before
# more words it is the clause's verb (两款搭载骁龙芯片的手机).
COMPOUND_HEAD_POS = {"v": ("n",), "d": ("n", "vn")}
# A preposition right after the measure word opens a phrase that qualifies the noun before
# 的 (28 万条针对 Steam 平台的攻击指令, 5項關於隱私的投訴): the noun comes after that 的.
COUNTED_PREPOSITION_POS = "p"
COUNTED_PREPOSITION_WINDOW = 16
MEASURE_WORDS = frozenset(QUANTITY_LEXICON["measure_words"]) - NOUN_MEASURES   # (兩個部門: 部門 is the noun)
# A word ending in a noun-forming suffix of degree or rate (自由度, 覆盖率, 吞吐量) names a thing
# counted whatever tag the segmenter gives it (it tags 自由度 an adverb).
COUNTED_NOUN_SUFFIXES = frozenset("度率量性")
# What a measure word counts (service/quantities/lexicon.yaml `measure_word_nouns`): when the
# words after a count name nothing it fits, the nearest noun it fits after it in the clause
# (403張已逾期的信用卡號碼, 400万台低成本头显), or after the 的 that closes a qualifier
# (27張無安全碼的信用卡號碼: 安全碼 qualifies, 信用卡號碼 is counted).
MEASURE_FITS = {w: re.compile("|".join(map(re.escape, sorted(nouns, key=len, reverse=True))))
                for w, nouns in QUANTITY_LEXICON["measure_word_nouns"].items()}
COUNTED_FIT_WINDOW = 14     # characters searched after the count for a noun it fits
COUNTED_QUALIFIER_MARK = "的"
NUMERAL_CHARS = frozenset("0123456789零〇一二两兩三四五六七八九十百千万萬亿億兆")
# A numeral written as a word (not a digit), vague ones among them: a token holding one holds the number.
WORD_NUMERALS = frozenset("零〇一二两兩三四五六七八九十百千万萬亿億兆数數几幾")
# ...and one closing its clause may name it before: 用户数达4亿 (a number of users) or
# 參與國家有170個 (there are so many countries).
COUNT_SUFFIXES = ("总数", "總數", "数量", "數量", "数", "數")
EXISTENTIAL_VERBS = ("共有", "有")
PERSON_AFTER_GE = "人"
# A count that opens its clause is the clause's subject: things already named, when it names
# no noun (；兩台串接後) or its clause compares them (，兩種用途不一樣). With a noun and no
# comparison (，兩名主謀因…罪成, 此外，六个 Dense 模型也已开源, and also when the clause says
# something of each: 兩款機型均為側邊指紋, which the real-text annotations list) it states how
# many: a count. One right after a list of model sizes (8B、70B和405B三個尺寸) sums the sizes the
# product lists as its variants (fixtures/golden); after a list of other figures (1.36寸、1.92寸
# 三种尺寸, 95 度和 71 度两个版本, 16GB+1TB 三种配置) or a figure of another kind (4nm 八核) it
# states how many: the real-text annotations list it.
CLAUSE_OPENERS = frozenset("，,。；;：:！？!?\n")
COMPARING_WORDS = ("不同", "一样", "相同", "同样", "不一")
COMPARING_WINDOW = 20
LIST_SUM_GAP = ("", "共", " ")
LIST_SUM_KINDS = ("parameters",)
# What a product is made of (B200由兩顆晶粒組成, 結合兩顆B200與一顆CPU) is its configuration,
# as a bracketed (8GB/256GB) is: not a fact of its own.
MADE_OF_BEFORE = ("由", "结合")
MADE_OF_AFTER = ("组成", "构成")
MADE_OF_WINDOW = 8
# 后 ranks only where it opens a phrase (；后三项则是); 会后两位, 此后三年 are after a time.
LAST_RANK = "后"
# Between the numbers of a list (8B、70B和405B): skipped to reach the noun.
LIST_GLUE = frozenset({"、", "和", "与", "及", ",", " ", "三个", "两个", "几个"})
# The first character of a count written in words (兩人; norm has 两 for 兩).
CHINESE_DIGITS = frozenset(PLAIN_DIGITS) | {"十"}
# How sure a kind of quantity is to be a fact, before the evidence around it.
KIND_CONFIDENCE = {
    "money": 0.93, "percentage": 0.93, "parameters": 0.9, "context_length": 0.85,
    "anniversary": 0.88, "count": 0.8, "duration": 0.75, "ratio": 0.8, "other": 0.55,
}
VAGUE_PENALTY = 0.1      # 幾十億: a range, not a figure
# A bare 元 is the reader's own currency: 新台幣 in a Traditional-script article
# (售價1,245元 in a Taiwan paper), 人民币 otherwise. Written currency words decide.
CNY_MARKERS = ("人民币", "RMB", "CNY", "¥", "￥", "块钱")
TRADITIONAL_YUAN = "TWD"
# ...unless the article writes Hong Kong dollars and never Taiwan's: then 元 is HK$
# (a Hong Kong report: 港元 in one sentence, 售價7,999元 in the next).
HKD_MARKERS = ("港元", "港币", "HK$")
TWD_MARKERS = ("新台币", "台币", "NT$")
HONG_KONG_YUAN = "HKD"
# ...and a Macau report's 元 (澳門元 in one sentence, 撥款3,000萬元 in the next) is patacas.
MOP_MARKERS = ("澳门元", "澳门币", "葡币", "MOP")
MACAU_YUAN = "MOP"
# A bare 元 a few characters after a foreign amount of the same scale, in its sentence, is that
# currency again (股價報1005美元，突破1000元整數關卡): the writer drops 美 the second time. Not a
# conversion (999美元，约合7200元: another scale, and a word of converting between them), nor a
# local price the words between name (美版999美元，国行版999元).
FOREIGN_YUAN_GAP = 12
FOREIGN_YUAN_RATIO = 2
BARE_YUAN = "元"
CONVERSION_WORDS = ("合", "相当", "换算", "折算", "国行", "国内", "国服", "大陆", "内地", "中国", "台湾", "香港",
                    "本地")
LOCAL_CURRENCIES = frozenset({"CNY", "TWD", "HKD", "MOP"})
# ...and, writing no currency, a Traditional report set on the mainland (places and bodies
# of the mainland named, none of Taiwan or Hong Kong: a Hong Kong paper on a court in 河南)
# means 人民幣 by its 元.
MAINLAND_WORDS = ("内地", "中国", "大陆", "北京", "上海", "深圳", "广州", "杭州", "河南", "人民法院",
                  "国务院", "中共", "中央", "监管总局")
TAIWAN_HONG_KONG_WORDS = ("台湾", "台北", "新北", "台中", "台南", "高雄", "桃园", "新竹", "行政院",
                          "立法院", "经济部", "数位部", "国发会", "金管会", "香港", "港府", "特区")
MAINLAND_EVIDENCE = 2
# ...and a report in mixed script (a Taiwan wire copy with Simplified forms in it) means 新台幣
# by its 元 when it names Taiwan's places or bodies twice and the mainland's fewer than twice.
TAIWAN_WORDS = ("台湾", "台北", "新北", "台中", "台南", "高雄", "桃园", "新竹", "行政院", "立法院",
                "数位部", "国发会", "金管会")
TAIWAN_EVIDENCE = 2
# ...and a Hong Kong report that writes no currency (收費166元, 斥資3億元) means HK$ by its 元
# when it names Hong Kong's places, bodies and offices twice or more, more often than the
# mainland's, and Taiwan's fewer than twice (Hong Kong papers seldom write 香港 itself: the
# legislature, the bureaus and the districts say where they are).
HONG_KONG_WORDS = ("香港", "本港", "全港", "港人", "港府", "特区政府", "特首", "行政长官", "立法会",
                   "区议会", "港股", "港交所", "港铁", "九龙", "新界", "港岛", "金管局", "证监会",
                   "廉署", "廉政公署", "消委会", "消费者委员会", "私隐专员", "警务处", "保安局",
                   "财委会", "数码港", "科学园", "运输署", "医管局")
HONG_KONG_EVIDENCE = 2
# ...or, in Traditional text, when it names the city itself (香港, 本港, 全港, 港府) once in its lead
# (Facts._lead) and no place or body of Taiwan or the mainland at all (a body named once may be
# Taiwan's: 立法會議員; the city named once further on may be a foreign story's aside).
HONG_KONG_ITSELF = ("香港", "本港", "全港", "港府")
# ...and written Cantonese (嘅, 咗, 喺, 啲: the particles of Hong Kong speech quoted as spoken,
# 有啲司機少咗…) says where the report is as its places do.
CANTONESE_PARTICLES = ("嘅", "咗", "喺", "啲", "冇", "嚟", "佢")
# ...and Hong Kong's government departments the knowledge base lists from CC-Canto (屋宇署,
# 水務署, 社會福利署: service/kb/data/generated/cccanto_organizations.tsv) count as its bodies
# do; one named anywhere in a Traditional report naming no place or body of Taiwan or the
# mainland makes its 元 HK$, as the city named in the lead does (a department of the city's
# government acts in the city: 屋宇署規定凡預算建築成本超過3,000萬元的工程…).
HONG_KONG_BODIES_TABLE = "cccanto_organizations.tsv"
# ...and a Singapore report's 元 (罰款2萬8000元, 斥資1200萬元) is Singapore dollars: one that writes
# 新元, or names 新加坡 twice and no other currency nor the mainland.
SGD_MARKERS = ("新元", "新币", "新加坡元", "S$", "SGD")
SINGAPORE = "新加坡"
SINGAPORE_EVIDENCE = 2
SINGAPORE_YUAN = "SGD"       # mentions of the mainland before a bare 元 is read as 人民幣
# Memory and storage sizes; in brackets right after a model name they are its
# configuration (Galaxy A55 5G（8GB/256GB）), not a fact of their own.
STORAGE_UNITS = frozenset({"KB", "MB", "GB", "TB", "PB"})
CONFIG_CHARS = frozenset("0123456789.GBTMKP/+ ")
CONFIG_WINDOW = 24
# A core count that names a chip's variant (8 核 Snapdragon X Plus, 8 核心版).
CORE_UNIT = "核"
VARIANT_WORDS = ("版", "款")
# A bare B or T after a number (8B, 1.8T) is a model's size only where the sentence is about a
# model: a word for one (模型, 参数, LLM, 尺寸, token) or a model the products layer names there
# (类似Llama 3的8B版本), within MODEL_CLUE_WINDOW of it. Elsewhere it is a code (国6B, 3B类激光, 彩虹-4B, 联合利剑-2024B),
# an engine's litres (观致3 1.6T) or storage (升级到2T): in the READ articles 8 such sizes, none
# annotated, in the two unannotated pools 16, none a model's size. A size inside a product's
# mention (Llama 3.1 405B, 昇腾910B, 魅海蓝（6T）after Play6T) is its variant or its name: no
# fact (fixtures/articles/README.md wave 13 4.), whatever wrote it.
MODEL_SIZE_CLUES = ("模型", "参数", "llm", "model", "尺寸", "token", "parameter")
MODEL_CATEGORY = "model"
MODEL_CLUE_WINDOW = 80   # characters either side of the size searched, within its sentence
# 第七屆, 第 61屆: an edition is part of the event's name, not a fact (no real-text annotation
# lists one, while N周年 anniversaries are facts). The quantities layer keeps it.
EDITION_MARK = "第"
# UNSAID_UNIT: a bare 万/亿 amount that is neither money, a count nor in a unit written before
# it (800万超广角镜头, 最低554万) and a resolution (1832×1920) are left out: of 29 in the READ
# articles 9 matched an annotation (its unit guessed right), and none in CHECK did.
# ...but a resolution the text closes with its word for pixels (768×576像素) says what it is:
# kept, unit null, as the real-text annotations write it.
SAID_UNITLESS_RULES = frozenset({UNITLESS_MEASURE_RULE, RESOLUTION_PIXELS_RULE})
# A bare 万/亿 amount before a joiner and another amount of that magnitude with a unit written
# (80萬和77萬元, 5億及4億美元) is in that unit: see Facts._shared_units.
SHARED_MAGNITUDES = ("万", "亿")
SHARED_UNIT_JOINERS = frozenset({"和", "及", "与", "、", "或"})
SHARED_UNIT_KINDS = frozenset({"money", "count"})
ENTITY_BONUS = 0.04      # the sentence says whose number it is
# A bare 万/亿 amount (用戶已接近5億, 參觀人次突破30萬, 超過6億的手機用戶) counts the
# people or things its subject names: kind count, unit left unsaid.
COUNTED_SUBJECT_NOUNS = (tuple(QUANTITY_LEXICON["counted_subject_nouns"])
                         + tuple(QUANTITY_LEXICON["counted_subject_views"]))
MONEY_CLAUSE_WORDS = tuple(QUANTITY_LEXICON["money_clause_words"])
PIECE_MONEY_WORDS = MONEY_CLAUSE_WORDS + tuple(QUANTITY_LEXICON["piece_money_words"])
PIECE_MEASURE = "块"
PIECE_MONEY_FOLLOWERS = "的了左右多"   # 几百块的补助, 六七十块了: nothing counted after 块
COUNTED_CLAUSE_NOUNS = (tuple(QUANTITY_LEXICON["counted_clause_nouns"])
                        + tuple(QUANTITY_LEXICON["counted_subject_views"]))
# ...one that is invested, raised or earned (2021年投入了77個億) is money in the reader's
# currency (CNY; a bare 元's currency outside Simplified text)...
MONEY_SUBJECT_WORDS = tuple(QUANTITY_LEXICON["money_subject_words"])
MONEY_VERBS_BEFORE = tuple(QUANTITY_LEXICON["money_verbs_before"])
MONEY_LINKS = ("为", "是")     # 经费为3亿: a money noun, a link, the amount
MONEY_VERB_SKIP = " 了约近达"      # 被罰了 182億, 賺 102 萬, 獲利約34萬
MONEY_VERB_ADVERBS = ("只有", "仅有", "高达", "达到", "超过", "多达", "仅", "只")   # 獲利只有6至8萬
# ...one a noun naming only money follows, bare or after 的 (支付800萬現金, 3億的補償金), is money.
MONEY_NOUNS_AFTER = tuple(QUANTITY_LEXICON["money_nouns_after"])
MONEY_NOUN_JOINER = "的"
# ...one followed in its clause by what it counts (15億手機用戶, 超過6億的手機用戶) is a count.
COUNTED_NOUNS_AFTER = tuple(QUANTITY_LEXICON["counted_nouns_after"])
COUNTED_AFTER_WINDOW = 14
# ...as is one right before a noun of people ending in 人 (14亿中国人, 1.7億美國人, 84万印尼人,
# 5万军人, 10万工作人员): the noun is what it counts (normalised view, so both scripts). Not
# 人民币, 人士 or a noun 人 only opens (人口, 人才 and 人次 are counted by their own words).
PEOPLE_NOUN_AFTER_RE = re.compile(
    "[ ]?(?:(?![的以左右余多个万亿无私每本他其某一二两三四五六七八九十百千])[\u4e00-\u9fff]){1,3}"
    "人(?P<staff>员)?(?![民士物气口才数次力性格们类生机家脸形身权事体选像])")
PEOPLE_MEASURE = "人"   # 84萬印尼人 is counted in 人 (as 84萬人 is), the noun 印尼人
# 花了一个亿, 赚了5个多亿: spoken Chinese counts money so (个 before 亿), unless a noun counted follows.
COLLOQUIAL_BIG_RULE = "<number>个亿"
MAGNITUDE_RULE = "<multipliers>级"   # service/quantities: 千万量级, 亿亿级, neither money nor a unit
CLAUSE_STOPS = frozenset("，,。；;：:！？!?\n()（）「」“”")


def _clause_end(norm: str, start: int, window: int, also: str = "") -> int:
    """Where the clause from start ends (a CLAUSE_STOPS mark, or a character of also),
    looking at most window characters ahead."""
    stop = min(len(norm), start + window)
    end = start
    while end < stop and norm[end] not in CLAUSE_STOPS and norm[end] not in also:
        end += 1
    return end


def _word_in_clause(norm: str, start: int, window: int, words, also: str = "") -> bool:
    """Does one of the words stand in the clause from start (see _clause_end)?"""
    end = _clause_end(norm, start, window, also)
    return any(w in norm[start:end] for w in words)


def _before_spaces(norm: str, s: int) -> int:
    """s moved left past the spaces right before it (这 4家: the count's word before it)."""
    while s > 0 and norm[s - 1] == " ":
        s -= 1
    return s
# ...and one whose subject is a unit written before it (有效畫素5000萬) is in that unit.
UNIT_SUBJECT_NOUNS = QUANTITY_LEXICON["unit_subject_nouns"]
# ...and one a camera word follows closely (1600萬超清自拍, 800万超广角镜头) is in pixels.
UNIT_NOUNS_AFTER_RE = re.compile(
    "[ ]?[\u4e00-\u9fff]{0,%d}(?:%s)" % (QUANTITY_LEXICON["unit_nouns_after_gap"], "|".join(
        "(?P<%s>%s)" % (unit, "|".join(map(re.escape, words)))
        for unit, words in QUANTITY_LEXICON["unit_nouns_after"].items())))
UNIT_AFTER_RANGE = (1_000_000, 300_000_000)
UNIT_AFTER_STEP = 10_000
# 8+128GB, 12GB + 256GB, 12GB/512GB: memory and storage joined by + or / are a configuration.
CONFIG_JOINERS = "+/"
CONFIG_JOIN_WINDOW = 5   # a joiner with a space or two on each side
# A length of time anchored to now or to an event is a time expression, not a duration
# fact (CONVENTIONS 2): 過去三年, 未來 12 個月, 这三个月, 较前三个月 before it; 三年来, 5年前,
# 两年后, 发布一天后, 十多年前 after it. (提前3天, 此后数周, 耗时近两年 stay lengths.)
# 百元机, 千元机, 万元机: a class of phones by price, not an amount.
PRICE_CLASS_WORDS = frozenset({"百元", "千元", "万元"})
PRICE_CLASS_AFTER = "机"
ANCHOR_BEFORE = ("过去", "未来", "最近", "接下来",   # 接下來的四年內: the years from now on
                 "今明",                            # 今明兩年: this year and the next, a time
                 "下一个", "下个", "上一个", "上个")   # 下一个十年: the decade after this one
ALTERNATIVES = frozenset({"还是", "或", "或者", "或是", "到", "至", "、"})   # 10年还是20年以后
# 这三个月, 那两年 point at a period too, unless the text stated that length before (排了整整4個小時
# … 這4個小時我都不敢離開: the same four hours).
POINTING_BEFORE = ("这", "那")
ANCHOR_BEFORE_SKIP = " 的"      # 过去的几年, 过去 16 年
ANCHOR_PRECEDING = ("前", "首")   # 前三个月: the months before now; 今年首4個月, 首兩年: the first ones
NOT_ANCHOR_PRECEDING = ("提前", "之前", "目前", "此前", "以前", "当前", "事前", "眼前", "空前",
                        "榜首", "元首", "之首", "为首", "居首", "祸首", "回首", "自首", "党首",   # not 首
                        "满前", "到期前")   # 届满前30日, 到期前3个月: a length before a deadline
# 创近8年最低, 創下10年新高: the record of a period counted back from now (a time expression).
RECORD_BEFORE = ("创", "创下")
RECORD_AFTER_RE = re.compile(r" ?(?:以?来)?(?:的)?[最新]")
# AGE OF A THING: years right after a word in 龄 (楼龄约50年, 树龄逾百年, 车龄8年) are the thing's age,
# kind other as an age in 岁 is (CONVENTIONS: an age), not a duration; a length of service in 龄
# (工龄, 党龄, 驾龄, 教龄) is how long someone has served, a duration.
AGE_WORD_END = "龄"
SERVICE_AGE_WORDS = ("工龄", "党龄", "教龄", "驾龄", "军龄", "球龄", "司龄", "艺龄", "医龄", "警龄")
AGE_GAP = " 的已达为有"
AGE_GAP_MAX = 2
# 2018年至今六年, 3月至今两个月: a length right after a dated 至今 runs from that date up to now, an
# anchored period (as 六年来); after a deed (还押至今逾4年) it is how long the deed has lasted.
DATED_TO_NOW_RE = re.compile(r"(?:\d{4} ?年|\d{1,2} ?月|\d{1,2} ?[日号]) ?至今 ?$")
DATED_TO_NOW_REACH = 12
ANCHOR_AFTER = ("以来", "以前", "以后", "之前", "之后", "来", "前", "后",
                "新高", "新低",   # 52週新低, 创3年新高: the extreme of a period counted back from now
                "过去")           # 四年過去了: the years since then, as 四年來
# 近两年，…, 随着近两年…, 在近三个月内: 近 + a length opening its clause (or after a preposition
# of time) is the recent years counted back from now (CONVENTIONS 2: 近两年采用… is a time).
# 耗时近两年, 已有近30年, 停电近3天: 近 after the verb is "nearly", a length (a fact).
RECENT_WORD = "近"
RECENT_UNITS = frozenset({"years", "months", "weeks", "days", "quarters"})
# ...or after a word the segmenter tags an adverb, a conjunction or a preposition (毕竟近两年采用…).
RECENT_AFTER_TAGS = ("d", "c", "p")
RECENT_AFTER_PREPOSITIONS = ("在", "随着", "随著", "于", "从", "自")   # 隨著 normalises to 随著
# ...or before an adverb or a preposition opening the clause's verb phrase (投诉近两年也颇受重视).
RECENT_BEFORE_TAGS = ("d", "p")
RECENT_HAVING = ("有", "达", "逾", "超过")
# 时隔两年后, 相隔5个月之后, 需要两到三年以后: a length a verb of time takes as its object
# (the gap, the time needed) is a length even with 后 after it (a duration fact); so is one a
# verb with 了 takes (拖了1年半后, 用了两年之后: how long it went on). Not 达到了三年来的最低: 来
# and 前 still count from now.
# ...and so is one a verb of lasting activity takes (飛行20分鐘後降落, 持续三天后, 充电 5 分钟后:
# how long it flew, lasted, charged, then what followed), as every such length in the READ sets is.
DURATIVE_VERBS = ("持续", "飞行", "运行", "行驶", "等待", "等候", "运作", "工作", "充电", "排队", "使用")
LENGTH_VERBS_BEFORE = ("时隔", "相隔", "事隔", "间隔", "需要", "需", "耗时", "历时", "了") + DURATIVE_VERBS
LENGTH_THEN = ("后", "之后", "以后")
# 111年第3季: a year of the Minguo calendar numbering a quarter, a date, no length.
NUMBERED_PERIOD_AFTER = "第"
# 108年憲判字7號, 109年度台上字第88號: a year numbering a ruling or a case (a docket: a word in 字,
# then its number and 号), a date, no length.
DOCKET_AFTER_RE = re.compile(r"度?[\u4e00-\u9fff]{1,4}字第?[0-9零〇一二三四五六七八九十百千]{1,8}号")
# 新一季, 最新一季财报, 同一个月份: one period named (the new one, the same one), not a length.
# 上一季, 對上一年, 下一秒 name one period too (the one before, the one after); not 剩下一年,
# 加上一年 (a length left or added). 最後一天, 最后一年 name the last one.
NAMING_ONE_BEFORE = ("新", "同", "上", "下", "最后")
NOT_NAMING_ONE_BEFORE = ("加上", "再上", "剩下", "留下", "以上", "以下")


@functools.lru_cache(maxsize=1)
def _hong_kong_bodies() -> tuple[str, ...]:
    """The names and aliases of Hong Kong's government departments in the knowledge base
    (HONG_KONG_BODIES_TABLE), in the normalised view the text is read in."""
    t = tables()
    return tuple(sorted({t.normalise(n) for row in _read_tsv(HONG_KONG_BODIES_TABLE)
                         for n in [row[2], *row[4].split("|")] if n}))


class Facts:
    name = "facts"
    reads = ("quantities", "organizations", "products", "people")
    writes = ("facts",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.link_words = kb.lex["fact_link_words"]
        self.change_verbs = kb.lex["fact_change_verbs"]
        self.fact_nouns = kb.lex["fact_nouns"]
        self.trim_before = sorted(kb.lex["fact_context_trim_before"], key=len, reverse=True)
        self.trim_after = sorted(kb.lex["fact_context_trim_after"], key=len, reverse=True)
        self.adverbial_nouns = frozenset(tables().normalise(w) for w in kb.lex["fact_adverbial_nouns"])

    def __call__(self, doc: Document) -> None:
        facts = []
        owners = self._owners(doc)
        runs: dict[int, int] = {}  # see _past_list
        product_starts = {s for p in doc.layers.get("products", []) for s, _ in p.mentions}
        product_spans = self._product_spans(doc)
        local_yuan = self._local_yuan(doc)
        quantities = self._shared_units(doc.norm, quantities_of(doc))
        # Two bounded searches a number find its clause; past one number in INDEX_DENSITY
        # characters, one pass over the text finding every delimiter costs less (same answers).
        norm = doc.norm
        clauses = FACT_CLAUSES.index(norm) if len(quantities) * INDEX_DENSITY > len(norm) else None
        named = self._named_tables(doc)
        titles = [(m.start(), m.end()) for m in WORK_TITLE_RE.finditer(norm)] if WORK_TITLE_OPEN in norm else []
        sentence_start = sentence_end = 0
        sentence_span = (0, 0)
        firms: set = set()     # values of the companies counted so far (see FIRMS_AGAIN)
        lengths: set = set()   # (value, unit) of the durations kept so far
        unsaid: list[int] = []        # facts read as money with no currency written (投資5000萬)
        written: dict[float, set] = {}  # value -> the currencies written with it (5000萬美元)
        for i, q in enumerate(quantities):
            deadline.check(self.name)
            previous = quantities[i - 1] if i else None
            if q.kind == "count" and q.unit in FIRMS_AGAIN_UNITS and q.value is not None:
                again = self._firms_again(doc, q, firms)
                if again:
                    continue
                if again is None:
                    firms.add(q.value)   # a count stated, not one pointing back
            # (each test's first condition inlined: most numbers fail it)
            if ((q.kind == "count" and (self._prose_count(doc, q, previous) or self._people_again(doc, q)
                                        or self._one_source(doc, q)
                                        or self._names_variant(doc, q, product_starts)))
                    or (q.unit in STORAGE_UNITS and self._configuration(doc, q))
                    or (q.kind == "parameters" and (self._size_in_name(norm, q)
                                                    or self._size_unsaid(doc, q, product_spans)))
                    or (q.kind == "duration" and self._anchored_time(
                        norm, q, lengths, quantities[i + 1] if i + 1 < len(quantities) else None,
                        doc.tokens))
                    or (named and self._covered(named, q.start, q.end))
                    or (titles and _in_title(titles, q.start, q.end))
                    or (q.kind == "money" and norm.startswith(PRICE_CLASS_AFTER, q.end)
                        and norm[q.start:q.end] in PRICE_CLASS_WORDS)):
                continue   # (华大九天, a company: no nine days)
            if q.kind == "anniversary" and q.text.startswith(EDITION_MARK):
                continue   # 第61屆年會: the edition names the meeting (real-text annotations)
            if q.kind == "duration":
                lengths.add((q.value, q.unit))
            clause = (clauses.around(q.start, q.end, CLAUSE_WINDOW) if clauses is not None
                      else FACT_CLAUSES.around(norm, q.start, q.end, CLAUSE_WINDOW))
            if not sentence_start <= q.start < sentence_end:   # else the sentence of the number before
                sentence = doc.sentence_at(q.start)
                sentence_start, sentence_end = sentence_span = (sentence.start, sentence.end)
            entity = self._entity(doc, q, clause, owners, sentence_start) if owners[1] else None
            confidence = KIND_CONFIDENCE.get(q.kind, 0.5)
            if q.value is None:
                confidence -= VAGUE_PENALTY
            if entity is not None:
                confidence += ENTITY_BONUS
            subject = self._subject(doc, q, clause, runs, named)
            kind, unit = (self._read_bare(norm, q, subject, local_yuan, clause[0])
                          if q.kind == "other" and q.unit is None and q.rule not in SAID_UNITLESS_RULES
                          else ("money", local_yuan or "CNY") if self._piece_money(norm, q, clause)
                          else (q.kind, None))
            if kind == "duration" and q.unit == "years" and self._thing_age(norm, q.start):
                kind = "other"   # 楼龄约50年: an age
            if kind == "other" and unit is None and q.unit is None and q.rule not in SAID_UNITLESS_RULES:
                continue   # a bare amount or a resolution whose unit nothing says (see UNSAID_UNIT)
            if kind == "money" and q.kind != "money":
                unsaid.append(len(facts))
            elif q.kind == "money" and q.value is not None and (
                    q.unit != "CNY" or any(m in q.text for m in CNY_MARKERS)):
                written.setdefault(q.value, set()).add(q.unit)
            if q.unit == "CNY" and unit is None:
                unit = self._foreign_yuan(norm, q, previous, sentence_start)
            facts.append(Fact(   # kind, value, approximate, min, max, unit, start, end, subject, entity,
                kind, q.value, q.approximate, q.min, q.max,   # sentence, confidence, counted
                unit or (self._currency(doc, q, local_yuan) if q.unit == "CNY" else q.unit),
                q.start, q.end, subject, entity,
                sentence_span, round(min(confidence, 0.99), 3),
                self._counted(doc, q, subject) if kind == "count" else None))
        for i in unsaid:   # 領投5000萬 in the headline, 5000萬美元 in the body: the same dollars
            currencies = written.get(facts[i].value)
            if currencies is not None and len(currencies) == 1:
                facts[i].unit = next(iter(currencies))
        if MAJOR_COUNT_MARK in norm:
            facts = self._major_counts(doc, facts, owners)
        if TIMES_MEASURE in norm:
            facts = self._times_counts(doc, facts, owners)
        if all(m in norm for m in SEX_MARKS):
            facts = self._sex_counts(doc, facts, owners)
        if "\n" in norm:
            facts = self._headline_counts(doc, facts, owners)
        doc.layers["facts"] = facts

    def _major_counts(self, doc: Document, facts: list, owners) -> list:
        """五大能力, 三大产业机会: a count of the noun after N大 (fixtures/real README: N大 +
        noun stating a count is a fact)."""
        from ..quantities.numerals import parse_number
        added = []
        taken = _Taken(facts)
        norm = doc.norm
        mark = norm.find(MAJOR_COUNT_MARK)
        while mark != -1:   # at each 大 (a regex scan from every position costs more)
            deadline.check(self.name)
            m = None
            for begin in (mark - 2, mark - 1):
                if begin >= 0:
                    m = MAJOR_COUNT_RE.match(norm, begin)
                    if m is not None and m.end(1) == mark:
                        break
                    m = None
            here, mark = mark, norm.find(MAJOR_COUNT_MARK, mark + 1)
            if m is not None:
                start, end, digits, noun = m.start(), m.end(), m.group(1), m.group(2)
                found = self._major_run_on(doc, here, self.adverbial_nouns)
                if found is not None and found[1] < end and not self._major_noun_tail(doc, found[1], end):
                    start, end, digits, noun = found   # 三大主題為主。: the noun words end before 為主
            else:
                found = self._major_run_on(doc, here, self.adverbial_nouns)
                if found is None:
                    continue
                start, end, digits, noun = found
            if taken.overlaps(start, end) or self._weekday_before(norm, start, digits):
                continue
            number = parse_number(digits)
            if number is None or number.value is None:
                continue
            self._add_count(doc, added, owners, number.value, noun, start, end, doc.text[end - len(noun):end])
        return _merged(facts, added)

    @staticmethod
    def _weekday_before(norm: str, start: int, digits: str) -> bool:
        """周三大涨, 星期五大跌, 周五大阴线: 周/星期/礼拜 + 二..六 is a weekday, and 大 opens the
        word after it (大涨, 大盘), not a count."""
        if digits not in WEEKDAY_NUMERALS:
            return False
        after = start + len(digits) + len(MAJOR_COUNT_MARK)
        if norm[after:after + 1] not in WEEKDAY_BIG_WORD_NEXT:
            return False   # 本周三大指数: this week, the three major indices
        return any(norm.endswith(w, 0, start) for w in WEEKDAY_HEADS)

    def _headline_counts(self, doc: Document, facts: list, owners) -> list:
        """控制156戶口: a count whose measure word the headline dropped (see HEADLINE_COUNT_POS)."""
        norm, tokens = doc.norm, doc.tokens
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        line_end = norm.find("\n")
        taken = _Taken(facts)
        added = []
        i = 1
        while i + 1 < len(starts) and starts[i] < line_end:
            deadline.check(self.name)
            word, pos = tagged[i]
            nxt_word, nxt_pos = tagged[i + 1]
            if (word.isascii() and word.isdigit() and word[0] != "0" and ends[i + 1] <= line_end
                    and starts[i + 1] == ends[i] and starts[i] == ends[i - 1]
                    and tagged[i - 1][1].startswith(HEADLINE_COUNT_BEFORE_POS)
                    and nxt_pos in HEADLINE_COUNT_POS and len(nxt_word) >= 2
                    and nxt_word not in MEASURE_WORDS and nxt_word[0] not in NUMERAL_CHARS):
                value = int(word)
                if (value <= HEADLINE_COUNT_MAX and value not in HEADLINE_YEARS
                        and not taken.overlaps(starts[i], ends[i + 1])):
                    noun = norm[starts[i + 1]:ends[i + 1]]
                    self._add_count(doc, added, owners, value, noun, starts[i], ends[i + 1],
                                    doc.text[starts[i + 1]:ends[i + 1]])
            i += 1
        return _merged(facts, added)

    def _sex_counts(self, doc: Document, facts: list, owners) -> list:
        """拘捕5男1女: a pair of counts by sex is two counts, in 男 and 女 (see SEX_PAIR_RE)."""
        from ..quantities.numerals import parse_number
        norm = doc.norm
        taken = _Taken(facts)
        added = []
        for m in SEX_PAIR_RE.finditer(norm):
            deadline.check(self.name)
            if m.group(2) == m.group(4) or taken.overlaps(m.start(), m.end()):
                continue
            for n, sex in ((1, 2), (3, 4)):
                number = parse_number(m.group(n))
                if number is None or number.value is None:
                    continue
                # (the sentence and clause are the whole pair's)
                self._add_count(doc, added, owners, number.value, m.group(sex), m.start(n), m.end(sex),
                                None, m.span())
        return _merged(facts, added)

    def _times_counts(self, doc: Document, facts: list, owners) -> list:
        """兩度發表, 曾三度錯判: a number of times in words with 度 before a verb is a count in 度
        (see TIMES_MEASURE)."""
        from ..quantities.numerals import parse_number
        norm, tokens = doc.norm, doc.tokens
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        taken = _Taken(facts)
        added = []
        mark = norm.find(TIMES_MEASURE, 1)
        while mark != -1:
            deadline.check(self.name)
            start, end, mark = mark - 1, mark + 1, norm.find(TIMES_MEASURE, mark + 1)
            if norm[start] not in TIMES_NUMERALS:
                continue
            i = bisect.bisect_left(starts, start)
            if (i + 1 >= len(starts) or starts[i] != start or ends[i] != end
                    or not tagged[i + 1][1].startswith(TIMES_VERB_POS)
                    or (i > 0 and tagged[i - 1][1].startswith(TIMES_VERB_POS))
                    or taken.overlaps(start, end)):
                continue
            number = parse_number(norm[start])
            if number is None or number.value is None:
                continue
            self._add_count(doc, added, owners, number.value, TIMES_MEASURE, start, end)
        return _merged(facts, added)

    def _add_count(self, doc: Document, added: list, owners, value: float, unit: str, start: int, end: int,
                   counted: str | None = None, around: tuple[int, int] | None = None) -> None:
        """A count the adders above found at start..end (its sentence and clause those around
        `around`, by default the count itself), with the entity it is of, onto `added`."""
        around_start, around_end = around or (start, end)
        sentence = doc.sentence_at(around_start)
        clause = FACT_CLAUSES.around(doc.norm, around_start, around_end, CLAUSE_WINDOW)
        entity = self._entity(doc, _Span(start, end), clause, owners, sentence.start) if owners[1] else None
        added.append(Fact("count", value, False, None, None, unit, start, end, None, entity,
                          (sentence.start, sentence.end), KIND_CONFIDENCE["count"], counted))

    @staticmethod
    def _counted(doc: Document, q: Quantity, subject: str | None) -> str | None:
        """The noun a count counts, as the text writes it (see COUNTED)."""
        tokens = doc.tokens
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        norm, text = doc.norm, doc.text
        if q.unit is None:
            people = PEOPLE_NOUN_AFTER_RE.match(norm, q.end)
            if people is not None:   # 1.7億美國人 (read 美國|人, and 人 is a measure word to the run)
                return text[people.start():people.end()].lstrip(" ")
        i = bisect.bisect_left(starts, q.end)
        if q.unit is not None and 0 < i and ends[i - 1] > q.end and starts[i - 1] < q.end \
                and i < len(starts) and starts[i] == ends[i - 1] and tagged[i][1] in COUNTED_POS:
            # 4096 个流处理器 read 个流|处理器, 18 个子任务 read 个子|任务: the segmenter glued the
            # measure word to the noun's first character; that character opens the noun.
            run = Facts._counted_run(doc, q, i, ends[i - 1] - q.end)
            fits = MEASURE_FITS.get(q.unit)
            if run is not None and (fits is None or Facts._fit_in(doc, fits, q.end, run) is not None):
                return text[q.end:run]   # (18張無驗證碼的信用卡: 無 qualifies; read on below)
        gaps = COUNTED_GAP if q.unit is None else " "
        while i < len(starts) and starts[i] - q.end < 2 and norm[starts[i]:ends[i]] in gaps:
            i += 1    # a space (42 位 分析师) or 的 (超過6億的手機用戶)
        n = len(starts)
        qualified = False    # past 的, a verb modifies the noun (的攻击指令)
        if i < n and q.unit is not None and tagged[i][1] == COUNTED_PREPOSITION_POS:
            k = Facts._past_qualifier(norm, starts, i, q.end)   # 28 万条针对…的攻击指令
            qualified, i = k != i, k
        closer = opener = None
        if i < n and norm[starts[i]:ends[i]] in COUNTED_OPENING_QUOTES and starts[i] - q.end < 2:
            closer, opener = COUNTED_CLOSING_QUOTES.get(norm[starts[i]:ends[i]]), starts[i]
            i += 1    # 3個「小型語言模型」
        begin = end = last = starts[i] if i < n else q.end
        spaces = 0
        kept: list[int] = []   # the tokens of the noun, by index
        compound = False       # a verb or an adverb + the noun closing the clause (COMPOUND_HEAD_POS)
        while i < n and ends[i] - begin - spaces <= COUNTED_MAX:
            word, pos = norm[starts[i]:ends[i]], tagged[i][1]
            if (word == " " and end > begin and i + 1 < n
                    and (text[end - 1].isascii() or text[ends[i]].isascii())):
                i += 1   # one space between a Latin and a Chinese word (服务器 IP)
                spaces += 1
                continue
            if word == closer and end > begin and i + 1 < n and starts[i + 1] == ends[i] \
                    and (tagged[i + 1][1] in COUNTED_POS or tagged[i + 1][1] in COUNTED_TAIL_NAME_POS):
                begin = opener   # 「星链」卫星: the noun after the name in marks
                closer = None
                last = ends[i]
                i += 1
                continue
            if word in MEASURE_WORDS or starts[i] - last > 1:
                break
            if (end == begin == starts[i] and q.unit is not None and len(word) == 2
                    and q.unit not in PEOPLE_MEASURES and i + 1 < n and starts[i + 1] == ends[i]
                    and tagged[i + 1][1] in COMPOUND_HEAD_POS.get(pos, ())
                    and (i + 2 == n or norm[starts[i + 2]] in CLAUSE_STOPS)):
                end = ends[i + 1]  # 两个配置版本。, 77种日常活动，: a verb or an adverb the
                kept += [i, i + 1]  # segmenter split off a compound closing the clause
                compound = True
                break
            if (pos == "v" and end == begin == starts[i] and q.unit is not None and len(word) == 2
                    and i + 1 < n and tagged[i + 1][1] in COUNTED_VERB_AFTER_POS):
                end = ends[i]      # 15 款应用达到了: the noun doing what the next verb says
                kept.append(i)
                i += 1
                break
            if (pos in COUNTED_POS or (pos in COUNTED_TAIL_NAME_POS and begin < last == starts[i])
                    or (qualified and pos[:1] == "v")
                    or (len(word) > 2 and word[-1] in COUNTED_NOUN_SUFFIXES and pos[:1] != "v")):
                end = ends[i]      # (after 的 a verb is nominal: 的投訴)
                kept.append(i)
            elif pos == COUNTED_MORPHEME_POS and end == begin == starts[i] and ends[i] - starts[i] == 1:
                end = ends[i]
                i += 1
                break     # a morpheme stands alone (兩間廠的)
            elif not (pos in COUNTED_MODIFIER_POS or (word in COUNTED_JOINERS and end > begin)):
                break
            last = ends[i]
            i += 1
        if len(kept) > 1 and tagged[kept[-1]][1] == COUNTED_VERB_NOUN_POS and not compound:
            end = ends[kept[-2]]   # 170個國家銷售: the verb after the noun
        fits = MEASURE_FITS.get(q.unit)
        if end > begin:
            if fits is not None and Facts._fit_in(doc, fits, begin, end) is None:
                qualifier = norm.startswith(COUNTED_QUALIFIER_MARK, end)
                noun = Facts._fitting_noun(doc, end + qualifier, fits, ahead=True)
                if noun is not None:  # 27張無安全碼的信用卡號碼; 低价 + 头显 (tagged no noun)
                    return text[noun[0] if qualifier else begin:noun[1]]
            return text[begin:end].rstrip(" ")
        # none after it: the noun the count's own text ends in (超过4亿用户, 10万颗GPU)
        j = bisect.bisect_left(ends, q.end)
        if (j < len(ends) and ends[j] == q.end and starts[j] >= q.start and tagged[j][1] in COUNTED_POS
                and norm[starts[j]:ends[j]] not in MEASURE_WORDS
                and not any(c in WORD_NUMERALS for c in norm[starts[j]:ends[j]])):
            return text[starts[j]:ends[j]]   # (数百人, 近万人, 数款: one token holding the number names
            #                                  nothing; 5000张H100 names H100)
        if fits is not None:
            noun = Facts._fitting_noun(doc, q.end, fits)
            if noun is not None:
                return text[noun[0]:noun[1]]    # 403張已逾期的信用卡號碼, 400万台低成本头显
        return Facts._counted_before(doc, q, subject) if subject else None

    @staticmethod
    def _counted_run(doc: Document, q: Quantity, i: int, glued: int) -> int | None:
        """Where the noun after a measure word the segmenter glued to its first `glued` characters
        (个流|处理器) ends: those characters and the noun words right after them, up to COUNTED_MAX."""
        tokens = doc.tokens
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        if glued != 1 or doc.norm[q.end] in NUMERAL_CHARS or not doc.norm[q.end].isalpha():
            return None
        end = q.end + glued
        while i < len(starts) and starts[i] == end and tagged[i][1] in COUNTED_POS \
                and ends[i] - q.end <= COUNTED_MAX and doc.norm[starts[i]:ends[i]] not in MEASURE_WORDS:
            end = ends[i]
            i += 1
        return end if end > q.end + glued else None

    @staticmethod
    def _fit_in(doc: Document, fits: re.Pattern, start: int, end: int):
        """The first word `fits` finds in norm[start:end] that ends one of the segmenter's
        words (信用卡 ends in 卡; 驗證碼 holds 證 but is no 證)."""
        ends = doc.tokens.ends
        for m in fits.finditer(doc.norm, start, end):
            k = bisect.bisect_left(ends, m.end())
            if k < len(ends) and ends[k] == m.end():
                return m
        return None

    @staticmethod
    def _fitting_noun(doc: Document, start: int, fits: re.Pattern, ahead: bool = False) -> tuple[int, int] | None:
        """The first noun `fits` finds from `start` within its clause (COUNTED_FIT_WINDOW
        characters, no number crossed): the span of the words holding it and the noun words
        right after (信用卡 + 號碼). `ahead`: it must open the stretch (the noun right after a
        qualifier's 的)."""
        norm = doc.norm
        stop = min(len(norm), start + COUNTED_FIT_WINDOW)
        j = start
        while j < stop and norm[j] not in CLAUSE_STOPS and not norm[j].isdigit():
            j += 1
        m = Facts._fit_in(doc, fits, start, j)
        if m is None:
            return None
        tokens = doc.tokens
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        k = bisect.bisect_right(starts, m.start()) - 1
        begin = max(starts[k], start)
        if ahead and begin != start:
            return None
        while k < len(starts) and ends[k] < m.end():
            k += 1
        end = ends[k] if k < len(starts) else m.end()
        k += 1
        while (k < len(starts) and starts[k] == end and tagged[k][1] in COUNTED_POS
               and ends[k] - begin <= COUNTED_MAX):
            end = ends[k]       # 信用卡 + 號碼
            k += 1
        if end > j:
            return None         # a word running past the clause or into a number
        return begin, end

    @staticmethod
    def _past_qualifier(norm: str, starts: list, i: int, after: int) -> int:
        """The first token after the 的 closing a phrase a preposition opens (针对 Steam 平台的),
        in the clause and within COUNTED_PREPOSITION_WINDOW characters; else i itself."""
        stop = min(len(norm), after + COUNTED_PREPOSITION_WINDOW)
        j = after
        while j < stop and norm[j] not in CLAUSE_STOPS:
            if norm[j] == "的":
                k = bisect.bisect_left(starts, j + 1)
                if k < len(starts) and starts[k] == j + 1:
                    return k
                break
            j += 1
        return i

    @staticmethod
    def _counted_before(doc: Document, q: Quantity, subject: str) -> str | None:
        """A count closing its clause may name what it counts before it: a number of them
        (用户数达4亿, 員工總數超過3萬人) or what there are so many of (參與國家有170個)."""
        norm, text = doc.norm, doc.text
        after = q.end
        while after < len(norm) and norm[after] == " ":
            after += 1
        if after < len(norm) and norm[after] not in CLAUSE_STOPS:
            return None
        head = subject.rsplit("的", 1)[-1]
        for suffix in COUNT_SUFFIXES:
            if head.endswith(suffix):
                head = head[:-len(suffix)]
                break
        else:
            noun = Facts._subject_noun(head) if q.unit is None else None
            if noun is not None:
                return noun    # 系列用户已超 1 亿: a bare amount of the users its subject names
            before = text[:q.start].rstrip(" ")
            verb = next((v for v in EXISTENTIAL_VERBS if before.endswith(v)), None)
            if verb is None or not before[:-len(verb)].endswith(head):
                return None
        if not head or len(head) > COUNTED_MAX or any(c in NUMERAL_CHARS or c in CLAUSE_STOPS for c in head):
            return None
        return head

    @staticmethod
    def _subject_noun(head: str) -> str | None:
        """The counted-subject noun (COUNTED_SUBJECT_NOUNS) a subject ends in, as written."""
        norm = tables().normalise(head)
        for noun in COUNTED_SUBJECT_NOUNS:
            if norm.endswith(noun):
                return head[-len(noun):]
        return None

    @staticmethod
    def _major_noun_tail(doc: Document, start: int, end: int) -> bool:
        """两大战略重心：: the noun words end before 重心, which the segmenter tags an adjective;
        one such word closing the noun before a colon, which opens the list of what is counted,
        is the noun's tail (a verb there, 三大主題為主。, is not; nor a predicate before other
        punctuation, 三大品牌最強。)."""
        tokens = doc.tokens
        i = bisect.bisect_left(tokens.starts, start)
        return (doc.norm.startswith(MAJOR_LIST_OPENERS, end)
                and i < len(tokens.starts) and tokens.starts[i] == start and tokens.ends[i] == end
                and tokens.tagged[i][1] in MAJOR_NOUN_TAIL_POS)

    @staticmethod
    def _major_run_on(doc: Document, mark: int, adverbial: frozenset = frozenset()) -> tuple[int, int, str, str] | None:
        """3大電信業者將於…: N大 and the noun words after it, read by the segmenter (the
        regex above wants punctuation or 的 after the noun). A word of `adverbial` before a
        verb ends the noun (三大指數全面收跌)."""
        norm = doc.norm
        for begin in (mark - 2, mark - 1):
            if begin >= 0:
                m = MAJOR_COUNT_START_RE.match(norm, begin)
                if m is not None and m.end(1) == mark:
                    break
        else:
            return None
        tokens = doc.tokens
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        i = max(bisect.bisect_right(starts, mark) - 1, 0)
        if ends[i] <= mark + 1:
            i += 1      # 大 a token of its own (3|大|电信业|者) or closing one (三大|指数)
        elif tagged[i][1] not in MAJOR_NOUN_POS:
            return None
        end = mark + 1
        manner = False      # stopped at a word saying how the verb after it was done
        while i < len(starts) and starts[i] <= end and (
                tagged[i][1] in MAJOR_NOUN_POS
                or end > mark + 1 and tagged[i][1] == COUNTED_MORPHEME_POS):   # 晶片|廠
            if end > mark + 1 and (
                    norm.startswith(MAJOR_OWNED_AFTER, starts[i])    # (官|网上 read apart too)
                    or (tagged[i][0] in adverbial and i + 1 < len(starts)
                        and tagged[i + 1][1][:1] == "v")):
                manner = True
                break
            if ends[i] - (mark + 1) > MAJOR_NOUN_LONG_MAX:
                return None
            end = ends[i]
            i += 1
        if end == mark + 1 or (not manner and i < len(starts) and tagged[i][1] in MAJOR_NOUN_POS):
            return None
        if end - (mark + 1) > MAJOR_NOUN_MAX and (
                manner or end >= len(norm) or norm[end] not in MAJOR_NOUN_CLOSERS
                or ends[i - 1] - starts[i - 1] > MAJOR_LONG_HEAD_MAX
                or i < 2 or starts[i - 2] != mark + 1):
            return None
        return m.start(), end, m.group(1), norm[mark + 1:end]

    @staticmethod
    def _firms_again(doc: Document, q: Quantity, firms: set) -> bool | None:
        """這4家公司, 这两家巨头: companies counted after 这/此/该 that point back at those just
        named (see FIRMS_AGAIN_UNITS). None: no 这/此/该 before the count (it states one)."""
        norm = doc.norm
        if not norm.endswith(FIRMS_AGAIN_BEFORE, 0, _before_spaces(norm, q.start)):
            return None
        if q.value in firms:
            return True
        return _word_in_clause(norm, q.end, FIRMS_AGAIN_WINDOW, FIRMS_AGAIN_NOUNS, also="的")

    @staticmethod
    def _one_source(doc: Document, q: Quantity) -> bool:
        """引述1名知情人士, 透過1名發言人: the article 一名 in digits before a source (see ONE_SOURCE_UNITS)."""
        if q.value != 1 or q.unit not in ONE_SOURCE_UNITS or not q.text[:1].isdigit():
            return False
        return _word_in_clause(doc.norm, q.end, ONE_SOURCE_WINDOW, ONE_SOURCE_NOUNS)

    @staticmethod
    def _people_again(doc: Document, q: Quantity) -> bool:
        """3 人曾在, 上述2人: people counted in digits that restate the people just named
        (see PEOPLE_AGAIN_AFTER)."""
        if q.unit not in PEOPLE_AGAIN_UNITS or not q.text[:1].isdigit() or q.value is None or q.value > PROSE_COUNT_MAX:
            return False
        norm = doc.norm
        s = _before_spaces(norm, q.start)
        if norm.endswith(PEOPLE_AGAIN_BEFORE, 0, s):
            return True
        opening = s - len(PEOPLE_AGAIN_OPENING)
        if norm.endswith(PEOPLE_AGAIN_OPENING, 0, s) and (opening == 0 or norm[opening - 1] in CLAUSE_OPENERS):
            return True
        e = q.end
        while e < len(norm) and norm[e] == " ":
            e += 1
        return (s == 0 or norm[s - 1] in CLAUSE_OPENERS) and norm.startswith(PEOPLE_AGAIN_AFTER, e)

    @staticmethod
    def _prose_count(doc: Document, q: Quantity, previous: Quantity | None) -> bool:
        """前三項, 首兩位, 這兩個部門, 下週三起: a handful written in words that ranks, points
        back or names a weekday; it counts nothing. (兩款新機, 五個使用場景 count.)"""
        if not (q.value is not None and q.value <= PROSE_COUNT_MAX and q.text[:1] in CHINESE_DIGITS):
            return False
        norm, s = doc.norm, q.start
        if q.rule == BESIDE_ONE_RULE and previous is not None and previous.kind == "count":
            # 結合兩顆X與一顆CPU: the one counted beside a count goes the way that count goes
            return Facts._prose_count(doc, previous, None)
        if norm.endswith(REFERRING_BEFORE + WEEKDAY_BEFORE, 0, s):
            return True
        if s > 0 and norm[s - 1] == THIS_BEFORE and q.unit in THIS_MEASURES:
            return True
        if q.unit in PEOPLE_MEASURES or norm.startswith(PERSON_AFTER_GE, q.end):
            return q.unit not in PEOPLE_MEASURES or not Facts._unnamed_people(doc, q)
        if (s == 0 or norm[s - 1] in CLAUSE_OPENERS) and q.unit not in NOUN_MEASURES and Facts._refers_back(doc, q):
            return True
        if previous is not None and previous.kind in LIST_SUM_KINDS and norm[previous.end:s] in LIST_SUM_GAP:
            return True
        if norm.endswith(MADE_OF_BEFORE, 0, s):
            return True
        after = norm[q.end:q.end + MADE_OF_WINDOW]
        made_of = min((i for i in (after.find(w) for w in MADE_OF_AFTER) if i >= 0), default=-1)
        if made_of >= 0 and not any(c in CLAUSE_OPENERS for c in after[:made_of]):
            return True   # 兩顆晶粒組成
        return s > 0 and norm[s - 1] == LAST_RANK and (s < 2 or not norm[s - 2].isalnum())

    @staticmethod
    def _unnamed_people(doc: Document, q: Quantity) -> bool:
        """兩位知情人士, 两位专注并购的行业人士: the people counted are a noun in 人士, right after
        the count or after the qualifier its 的 closes, in the clause (see UNNAMED_PEOPLE_TAIL)."""
        noun = Facts._counted(doc, q, None)
        if noun is not None:
            return tables().normalise(noun).endswith(UNNAMED_PEOPLE_TAIL)
        norm = doc.norm
        end = _clause_end(norm, q.end, UNNAMED_PEOPLE_WINDOW)
        tail = norm.find(UNNAMED_PEOPLE_TAIL, q.end, end)
        if tail < 0:    # (tail, when found, is at or past q.end > 0)
            return False
        tokens = doc.tokens   # the 的 a word of its own, a particle: 的确 (indeed) closes no qualifier
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        mark = norm.find(COUNTED_QUALIFIER_MARK, q.end, tail)
        while mark >= 0:
            i = bisect.bisect_left(starts, mark)
            if i < len(starts) and starts[i] == mark and ends[i] == mark + 1 \
                    and tagged[i][1] == UNNAMED_PEOPLE_QUALIFIER_POS:
                return True
            mark = norm.find(COUNTED_QUALIFIER_MARK, mark + 1, tail)
        return False

    @staticmethod
    def _refers_back(doc: Document, q: Quantity) -> bool:
        """Does a count opening its clause point back at things already named (see CLAUSE_OPENERS)?"""
        norm = doc.norm
        if _word_in_clause(norm, q.end, COMPARING_WINDOW, COMPARING_WORDS):
            return True
        return Facts._counted(doc, q, None) is None

    @staticmethod
    def _shared_units(norm: str, quantities: list) -> list:
        """80萬和77萬元, 5億及4億美元, 30万、28万和25万元: a bare 万/亿 amount joined to the next
        amount of the same magnitude shares the unit written after that one (the writer names it
        once, at the end of the list)."""
        out = None
        for i in range(len(quantities) - 2, -1, -1):
            q = (out or quantities)[i]
            nxt = (out or quantities)[i + 1]
            if (q.kind != "other" or q.unit is not None or q.value is None or q.rule == UNITLESS_MEASURE_RULE
                    or nxt.unit is None or nxt.kind not in SHARED_UNIT_KINDS
                    or not q.text.endswith(SHARED_MAGNITUDES)
                    or norm[q.end:nxt.start].strip(" ") not in SHARED_UNIT_JOINERS
                    or norm.find(q.text[-1], nxt.start, nxt.end) == -1):
                continue
            if out is None:
                out = list(quantities)
            out[i] = q._replace(kind=nxt.kind, unit=nxt.unit)
        return out or quantities

    @staticmethod
    def _anchored_time(norm: str, q: Quantity, lengths: set = frozenset(),
                       following: Quantity | None = None, tokens=None) -> bool:
        """過去三年, 未來12個月, 三年來, 5年前, 兩年後: a time counted from now or from an
        event (a time expression), not how long something takes. 10年還是20年以後: the
        first of two alternatives shares the second's anchor."""
        after = q.end
        while after < len(norm) and norm[after] == " ":
            after += 1
        taker = q.start
        while taker > 0 and norm[taker - 1] == " ":
            taker -= 1
        if norm.endswith(LENGTH_VERBS_BEFORE, 0, taker) and norm.startswith(LENGTH_THEN, after):
            return False
        if norm.startswith(ANCHOR_AFTER, after):
            return True
        if q.unit == "years" and (norm.startswith(NUMBERED_PERIOD_AFTER, after)
                                  or DOCKET_AFTER_RE.match(norm, after)):
            return True   # 111年第3季, 108年憲判字7號
        if norm.endswith(RECORD_BEFORE, 0, q.start) and RECORD_AFTER_RE.match(norm, after):
            return True
        if q.unit in RECENT_UNITS and norm.startswith(RECENT_WORD, q.start):
            opening = q.start
            while opening > 0 and norm[opening - 1] == " ":
                opening -= 1
            if (opening == 0 or norm[opening - 1] in CLAUSE_STOPS
                    or norm.endswith(RECENT_AFTER_PREPOSITIONS, 0, opening)):
                return True
            if tokens is not None:
                j = bisect.bisect_left(tokens.ends, opening)
                if (j < len(tokens.ends) and tokens.ends[j] == opening
                        and tokens.tagged[j][1].startswith(RECENT_AFTER_TAGS)):
                    return True
                # 投诉近两年也颇受重视, 任职近三年沿着…扩建: an adverb or a preposition right after
                # 近 + the length opens what happened in those recent years (a time), unless a
                # verb of lasting or having takes the length first (耗时近两年才, 已有近30年了).
                k = bisect.bisect_left(tokens.starts, after)
                if (k < len(tokens.starts) and tokens.starts[k] == after
                        and tokens.tagged[k][1].startswith(RECENT_BEFORE_TAGS)
                        and not norm.endswith(LENGTH_VERBS_BEFORE + RECENT_HAVING, 0, opening)):
                    return True
        if (following is not None and following.kind == "duration" and following.unit == q.unit
                and norm[q.end:following.start].strip(" ") in ALTERNATIVES):
            return Facts._anchored_time(norm, following)
        before = q.start
        while before > 0 and norm[before - 1] in ANCHOR_BEFORE_SKIP:
            before -= 1
        if norm.endswith(ANCHOR_BEFORE, 0, before):
            return True
        if DATED_TO_NOW_RE.search(norm, max(0, before - DATED_TO_NOW_REACH), before):
            return True
        if norm.endswith(POINTING_BEFORE, 0, before):
            return (q.value, q.unit) not in lengths
        if (q.value == 1 and before == q.start and norm.endswith(NAMING_ONE_BEFORE, 0, before)
                and not norm.endswith(NOT_NAMING_ONE_BEFORE, 0, before)):
            return True
        return (before == q.start and norm.endswith(ANCHOR_PRECEDING, 0, before)
                and not norm.endswith(NOT_ANCHOR_PRECEDING, 0, before))

    @staticmethod
    def _piece_money(norm: str, q: Quantity, clause: tuple[int, int]) -> bool:
        """月入六七千块, 不到4000块: a count in 块 that counts nothing after it, in a clause naming
        money (PIECE_MONEY_WORDS), is the spoken yuan (两块电池 counts batteries)."""
        if q.kind != "count" or q.unit != PIECE_MEASURE or not norm.endswith(PIECE_MEASURE, 0, q.end):
            return False
        nxt = norm[q.end:q.end + 1]
        if nxt and nxt not in PIECE_MONEY_FOLLOWERS and (nxt.isalnum() or "\u4e00" <= nxt <= "\u9fff"):
            return False
        return any(w in norm[clause[0]:clause[1]] for w in PIECE_MONEY_WORDS)

    @staticmethod
    def _thing_age(norm: str, start: int) -> bool:
        """楼龄约50年, 车龄已8年: years after a word in 龄 other than a length of service (see
        AGE_WORD_END)."""
        before = start
        while before > 0 and start - before < AGE_GAP_MAX and norm[before - 1] in AGE_GAP:
            before -= 1
        return (before > 0 and norm[before - 1] == AGE_WORD_END
                and not norm.endswith(SERVICE_AGE_WORDS, 0, before))

    @staticmethod
    def _lead(doc: Document) -> str:
        """The headline and the first body paragraphs (OneOffFinder.lead_end); a text of one
        line, its first clause (日本東京一間餐廳推出新菜單，… 曾在香港工作: not the city's news)."""
        norm = doc.norm
        if "\n" in norm.strip():
            return norm[:OneOffFinder.lead_end(doc)]
        end = next((i for i, c in enumerate(norm) if c in CLAUSE_STOPS), len(norm))
        return norm[:end]

    @staticmethod
    def _local_yuan(doc: Document) -> str | None:
        """The currency a bare 元 means outside Simplified text, by the currencies the article
        writes: HK$ when it writes Hong Kong dollars and never Taiwan's; CNY when it writes
        人民幣 and never Taiwan's (a Hong Kong report on a mainland company); NT$ when it
        writes Taiwan's, or writes none and is plainly Traditional. None: leave it CNY."""
        norm = doc.norm
        singapore = any(m in norm for m in SGD_MARKERS) or (
            doc.script != "traditional" and norm.count(SINGAPORE) >= SINGAPORE_EVIDENCE)
        if singapore and not any(
                m in norm for m in CNY_MARKERS + TWD_MARKERS + HKD_MARKERS):
            if sum(norm.count(w) for w in MAINLAND_WORDS) < MAINLAND_EVIDENCE:
                return SINGAPORE_YUAN
        if doc.script == "simplified":
            return None
        twd = any(m in norm for m in TWD_MARKERS)
        if twd:
            return TRADITIONAL_YUAN
        if any(m in norm for m in MOP_MARKERS):
            return MACAU_YUAN
        if any(m in norm for m in HKD_MARKERS):
            return HONG_KONG_YUAN
        if any(m in norm for m in CNY_MARKERS):
            return None
        bodies = sum(norm.count(b) for b in _hong_kong_bodies())
        hong_kong = (sum(norm.count(w) for w in HONG_KONG_WORDS) + sum(norm.count(c) for c in CANTONESE_PARTICLES)
                     + bodies)
        if (hong_kong >= HONG_KONG_EVIDENCE
                and hong_kong > sum(norm.count(w) for w in MAINLAND_WORDS)
                and sum(norm.count(w) for w in TAIWAN_WORDS) < TAIWAN_EVIDENCE):
            return HONG_KONG_YUAN   # 保安局計劃斥資3.59億元 in a Hong Kong report
        if (doc.script == "traditional" and not any(w in norm for w in TAIWAN_WORDS + MAINLAND_WORDS)
                and any(w in Facts._lead(doc) for w in HONG_KONG_ITSELF)):
            return HONG_KONG_YUAN   # 本港海關檢獲…涉案貨值約8萬元: the city named in the lead, no other place
        if (doc.script == "traditional" and bodies
                and not any(w in norm for w in TAIWAN_WORDS + MAINLAND_WORDS)):
            return HONG_KONG_YUAN   # 屋宇署規定…超過3,000萬元: a department of the city's government
        if doc.script != "traditional":
            if (sum(norm.count(w) for w in TAIWAN_WORDS) >= TAIWAN_EVIDENCE
                    and sum(norm.count(w) for w in MAINLAND_WORDS) < MAINLAND_EVIDENCE):
                return TRADITIONAL_YUAN   # 星野電腦收盤價87元 in a mixed-script Taiwan wire copy
            return None
        if (sum(norm.count(w) for w in MAINLAND_WORDS) >= MAINLAND_EVIDENCE
                and not any(w in norm for w in TAIWAN_HONG_KONG_WORDS)):
            return None
        return TRADITIONAL_YUAN

    @staticmethod
    def _foreign_yuan(norm: str, q: Quantity, previous: Quantity | None, sentence_start: int) -> str | None:
        """The foreign currency a bare 元 repeats (报1005美元，突破1000元), else None."""
        if (previous is None or previous.kind != "money" or previous.unit in LOCAL_CURRENCIES
                or previous.start < sentence_start or q.start - previous.end > FOREIGN_YUAN_GAP
                or not q.text.endswith(BARE_YUAN) or any(m in q.text for m in CNY_MARKERS)
                or not q.value or not previous.value):
            return None
        if not 1 / FOREIGN_YUAN_RATIO <= q.value / previous.value <= FOREIGN_YUAN_RATIO:
            return None
        between = norm[previous.end:q.start]
        return None if any(w in between for w in CONVERSION_WORDS) else previous.unit

    @staticmethod
    def _currency(doc: Document, q: Quantity, local_yuan: str | None = TRADITIONAL_YUAN) -> str | None:
        """售價1,245元 in a Traditional article is NT$ (HK$ in a Hong Kong report);
        人民幣1,245元 stays CNY."""
        if q.unit != "CNY" or local_yuan is None:
            return q.unit
        text = doc.norm[q.start:q.end]
        if any(m in text for m in CNY_MARKERS):
            return q.unit   # 人民幣3,999元; a bare 元 or an unwritten currency (10億一台) is local
        return local_yuan

    def _read_bare(self, norm: str, q: Quantity, subject: str | None,
                   local_yuan: str | None, clause_start: int) -> tuple[str, str | None]:
        """A bare amount (no unit written): money after a verb of paying or earning (被罰182億),
        else what its subject says (_read_by_subject), else a count when its clause names
        what it counts after it (15億手機用戶)."""
        before = q.start
        while before > 0 and norm[before - 1] in MONEY_VERB_SKIP:
            before -= 1
        for adverb in MONEY_VERB_ADVERBS:
            if norm.endswith(adverb, 0, before):
                before -= len(adverb)
                break
        if norm.endswith(MONEY_VERBS_BEFORE, 0, before):
            return "money", local_yuan or "CNY"
        if norm.endswith(MONEY_LINKS, 0, before):
            before -= 1
        if norm.endswith(MONEY_SUBJECT_WORDS, 0, before):
            return "money", local_yuan or "CNY"   # 維護支出逾32萬, 經費為3億 (the subject read: 維護)
        if subject:
            kind, unit = self._read_by_subject(q, subject, local_yuan)
            if kind != q.kind or unit is not None:
                return kind, unit
        before_it = norm[clause_start:q.start]
        if (any(noun in before_it for noun in COUNTED_CLAUSE_NOUNS)
                and not any(w in before_it for w in MONEY_CLAUSE_WORDS)):
            return "count", None   # 付费订阅用户数量在去年增长至接近1550万 (the subject read: 增长)
        end = q.end
        stop = min(len(norm), end + COUNTED_AFTER_WINDOW)
        while end < stop and norm[end] not in CLAUSE_STOPS:
            end += 1
        after = norm[q.end:end]
        head = after.lstrip(" ")
        if head.startswith(MONEY_NOUN_JOINER):
            head = head[len(MONEY_NOUN_JOINER):]
        if head.startswith(MONEY_NOUNS_AFTER):
            return "money", local_yuan or "CNY"   # 追討3億欠款, 900多萬的補償金
        people = PEOPLE_NOUN_AFTER_RE.match(after)
        if people is not None:
            return "count", None if people.group("staff") else PEOPLE_MEASURE
        if any(noun in after for noun in COUNTED_NOUNS_AFTER) or q.rule == MAGNITUDE_RULE:
            return "count", None   # (千萬量級, 百萬量級 of riders or chips: an order of things)
        if q.rule == COLLOQUIAL_BIG_RULE:   # 每次花了一个亿, 总和接近20个亿; 日活过一个亿: users
            if any(noun in before_it for noun in COUNTED_SUBJECT_NOUNS):
                return "count", None
            return "money", local_yuan or "CNY"
        if (q.value is not None and UNIT_AFTER_RANGE[0] <= q.value <= UNIT_AFTER_RANGE[1]
                and q.value % UNIT_AFTER_STEP == 0):
            m = UNIT_NOUNS_AFTER_RE.match(after)
            if m is not None:
                return q.kind, m.lastgroup   # 5000 万高清三摄: pixels
        return q.kind, None

    @staticmethod
    def _read_by_subject(q: Quantity, subject: str | None,
                         local_yuan: str | None = None) -> tuple[str, str | None]:
        """月活躍用戶已接近5億: a bare 万/亿 amount of users, visitors or orders is a count;
        投入了77個億 is money; 有效畫素5000萬 is in pixels. Otherwise the quantity's own kind."""
        if q.kind != "other" or q.unit is not None or not subject:
            return q.kind, None
        norm = tables().normalise(subject)
        for noun, unit in UNIT_SUBJECT_NOUNS.items():
            if norm.endswith(noun):
                return q.kind, unit
        if any(w in norm for w in MONEY_SUBJECT_WORDS):
            return "money", local_yuan or "CNY"
        if any(noun in norm for noun in COUNTED_SUBJECT_NOUNS):
            return "count", None
        return q.kind, None

    @staticmethod
    def _configuration(doc: Document, q: Quantity) -> bool:
        """iPhone 15 Pro Max（256GB）, Galaxy S24+（12GB/512GB）, 8+128GB版, 12GB + 256GB：
        a model's configuration."""
        if q.unit not in STORAGE_UNITS:
            return False
        norm = doc.norm
        before = norm[max(0, q.start - CONFIG_JOIN_WINDOW):q.start].rstrip()
        if len(before) >= 2 and before[-1] in CONFIG_JOINERS and before[:-1].rstrip()[-1:].isalnum():
            return True     # 8+128GB, 12GB/512GB: the second part
        after = norm[q.end:q.end + CONFIG_JOIN_WINDOW].lstrip()
        if len(after) >= 2 and after[0] in CONFIG_JOINERS and after[1:].lstrip()[:1].isdigit():
            return True     # 12GB + 256GB: the first part (18.7GB / s is a rate)
        i = q.start - 1
        while i >= max(0, q.start - CONFIG_WINDOW) and norm[i] in CONFIG_CHARS:
            i -= 1
        j = q.end
        while j < min(len(norm), q.end + CONFIG_WINDOW) and norm[j] in CONFIG_CHARS:
            j += 1
        if i < 1 or j >= len(norm) or norm[i] != "(" or norm[j] != ")":
            return False
        before = norm[i - 1]
        return before == "+" or (before.isascii() and before.isalnum())

    @staticmethod
    def _size_in_name(norm: str, q: Quantity) -> bool:
        """Lumen-7B, 星河Play6T: a size glued to a name is the product's variant, no fact
        (fixtures/articles/README.md, wave 13 4.: "like a size in a name: no fact"); 70B参数
        or 一个70B的模型 in prose is one."""
        if q.start == 0 or not norm[q.start].isdigit():
            return False
        before = norm[q.start - 1]
        if before == "-" or before == "_":
            return q.start > 1 and norm[q.start - 2].isalnum()
        return before.isascii() and before.isalpha()

    @staticmethod
    def _product_spans(doc: Document) -> tuple:
        """The products' mentions for _size_unsaid, read by bisection: their starts in order, the
        furthest end among the mentions up to each, and the starts of models' mentions."""
        spans = sorted((s, e) for p in doc.layers.get("products", []) for s, e in p.mentions)
        reach, furthest = [], -1
        for _, e in spans:
            furthest = max(furthest, e)
            reach.append(furthest)
        models = sorted(s for p in doc.layers.get("products", []) if p.category == MODEL_CATEGORY
                        for s, _ in p.mentions)
        return [s for s, _ in spans], reach, models

    @staticmethod
    def _size_unsaid(doc: Document, q: Quantity, product_spans: tuple) -> bool:
        """Llama 3.1 405B, 昇腾910B, 国6B汽油: a size inside a product's mention, or a bare B/T
        in a sentence about no model, is no model's size (see MODEL_SIZE_CLUES)."""
        starts, reach, models = product_spans
        i = bisect.bisect_right(starts, q.start) - 1
        if i >= 0 and reach[i] >= q.end:
            return True   # a mention starting at or before the size reaches past it
        if q.rule != MODEL_SIZE_RULE:
            return False
        sentence = doc.sentence_at(q.start)
        lo = max(sentence.start, q.start - MODEL_CLUE_WINDOW)
        hi = min(sentence.end, q.end + MODEL_CLUE_WINDOW)
        words = doc.norm[lo:hi].lower()
        if any(w in words for w in MODEL_SIZE_CLUES):
            return False
        j = bisect.bisect_left(models, lo)
        return not (j < len(models) and models[j] < hi)

    @staticmethod
    def _names_variant(doc: Document, q: Quantity, product_starts: set[int]) -> bool:
        """8 核 Snapdragon X Plus, 8 核心版: the core count is part of the product's name."""
        if q.kind != "count" or q.unit != CORE_UNIT:
            return False
        end = q.end + 1 if doc.norm[q.end:q.end + 1] == " " else q.end
        return end in product_starts or doc.norm.startswith(VARIANT_WORDS, end)

    @staticmethod
    def _named_tables(doc: Document) -> list:
        """The organisation and person tables that name anything (once per document)."""
        return [t for t in (doc.layers.get("organizations"), doc.layers.get("people")) if t is not None and t.by_id]

    @staticmethod
    def _covered(named: list, start: int, end: int) -> bool:
        """Is this stretch part of a named organisation or person? (`named`: _named_tables)"""
        for table in named:
            if table.covering(start, end) is not None:
                return True
        return False

    def _subject(self, doc: Document, q: Quantity, clause: tuple[int, int], runs: dict,
                 named: list) -> str | None:
        # Token indices into parallel arrays: a run of thousands of numbers must
        # not build a Token object for every look at its neighbours.
        tokens = doc.tokens
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        words: list[int] = []
        verb = None
        link_words, fact_nouns = self.link_words, self.fact_nouns
        # token_range_back(doc, clause[0], q.start), inlined: it runs once per number
        back = (range(max(bisect.bisect_right(starts, q.start - 1) - 1, 0), bisect.bisect_left(starts, clause[0]) - 1, -1)
                if q.start > clause[0] else ())
        for i in back:
            w, pos = tagged[i]
            if w == " ":
                continue  # 月活用户达 7.03 亿: a space around a figure (Simplified tech press)
            nounish = (pos in SUBJECT_POS or w in fact_nouns
                       or (named and self._covered(named, starts[i], ends[i])))
            if not words and verb is None and w in link_words:
                continue  # 了, 的, 達到: between the subject and its number
            if not words and verb is None and not nounish and (
                    w in self.change_verbs or pos.startswith("v")):
                verb = i
                continue
            if not words and w in link_words:
                continue
            if nounish or (words and pos in ("m", "uj", "a")):
                words.insert(0, i)
                if len(words) >= MAX_SUBJECT_TOKENS:
                    break
                continue
            break
        while words and tagged[words[0]][1] in ("uj", "m"):
            words.pop(0)
        verb_word = tagged[verb][0] if verb is not None else None
        if words:
            # a change is what a percentage measures (營收增長122%); a level is not (提升到128k)
            keep_verb = verb_word in self.change_verbs and q.kind == "percentage"
            end = ends[verb] if keep_verb else ends[words[-1]]
            return doc.text[starts[words[0]]:end].strip() or None
        after = self._noun_after(doc, q, clause, runs)
        if after is not None:
            start, end, possessive = after
            context = self._context(doc, clause[0], q.start, named) if possessive else ""
            return context + doc.text[start:end]
        if verb_word in self.change_verbs:
            return doc.text[starts[verb]:ends[verb]]
        return None

    def _noun_after(self, doc: Document, q: Quantity, clause: tuple[int, int], runs: dict):
        """12億美元的營收 / 7B、32B和72B三個尺寸: the noun phrase the number
        qualifies, after 的 or after the rest of a list of numbers."""
        tokens = doc.tokens
        starts, ends, tagged = tokens.starts, tokens.ends, tokens.tagged
        n = len(starts)
        i = self._past_list(tagged, bisect.bisect_left(starts, q.end), runs)   # doc.token_index_from
        if i >= n or starts[i] >= clause[1]:
            return None
        possessive = tagged[i][0] == "的"
        if possessive:
            i += 1
        first = i
        while i < n and i - first < MAX_SUBJECT_TOKENS:
            pos = tagged[i][1]
            # after 的 a verb is nominal (的營收)
            if starts[i] >= clause[1] or not (pos in SUBJECT_POS or (possessive and pos.startswith("v"))):
                break
            i += 1
        return (starts[first], ends[i - 1], possessive) if i > first else None

    @staticmethod
    def _past_list(tagged: list[tuple[str, str]], i: int, runs: dict) -> int:
        """The first token from i on that is not part of a list of numbers (8B、70B和).
        `runs` remembers each run's end for the document, so a run of thousands of
        numbers is walked once, not once per number in it."""
        if i in runs:
            return runs[i]
        walked = []
        while i < len(tagged):
            if i in runs:
                i = runs[i]
                break
            word, pos = tagged[i]
            if not (pos in ("m", "eng", "x", "c", "q") and not word.isalpha()
                    or word in LIST_GLUE):
                break
            walked.append(i)
            i += 1
        for j in walked:
            runs[j] = i
        return i

    def _context(self, doc: Document, start: int, end: int, named: list) -> str:
        """在輝達2024財年裡 -> 輝達2024財年: the clause before the number, trimmed."""
        s, e = start, end
        for w in self.trim_before:
            if doc.norm.startswith(w, s):
                s += len(w)
                break
        for w in self.trim_after:
            if doc.norm.endswith(w, s, e):
                e -= len(w)
                break
        text = doc.text[s:e].strip()
        # only a context that names its owner (輝達2024財年) says whose the noun is
        if not (0 < len(text) <= MAX_CONTEXT_CHARS and self._covered(named, s, e)):
            return ""
        return text

    def _owners(self, doc: Document) -> tuple[list[int], list[tuple[int, int, str]]]:
        """Every organisation, person and product mention, sorted by start."""
        spans = []
        for layer in ("organizations", "people"):
            table = doc.layers.get(layer)
            if table is not None:
                spans.extend(table.spans())
        for product in doc.layers.get("products", []):
            spans.extend((s, e, product.id) for s, e in product.mentions)
        spans.sort()
        return [s for s, _, _ in spans], spans

    def _entity(self, doc: Document, q: Quantity, clause: tuple[int, int], owners,
                sentence_start: int | None = None) -> str | None:
        """The nearest owner named in the clause, before the number first."""
        starts, spans = owners
        if not spans:
            return None     # nothing named in the document owns a number
        lo = bisect.bisect_left(starts, clause[0])
        hi = bisect.bisect_left(starts, clause[1])
        candidates = [c for c in spans[lo:hi] if c[1] <= clause[1]]
        before = [c for c in candidates if c[1] <= q.start]
        best = None
        if before:
            best = max(before, key=lambda c: c[1])
        elif candidates:
            best = min(candidates, key=lambda c: c[0])
        if best is None and sentence_start is not None and sentence_start < clause[0]:
            # 發佈了Llama 3.1,包含8B: an earlier clause of the sentence names it
            return self._entity(doc, q, (sentence_start, q.start), owners)
        return best[2] if best else None


class _Taken:
    """The spans of the facts found so far, for an overlap test in log time: their starts
    sorted, and the furthest end among the facts starting at or before each."""

    def __init__(self, facts: list) -> None:
        spans = sorted((f.start, f.end) for f in facts)
        self.starts = [s for s, _ in spans]
        self.reach = []
        furthest = -1
        for _, e in spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Does a fact overlap start..end (start before end, end after start)?"""
        i = bisect.bisect_left(self.starts, end)   # the facts starting before end
        return i > 0 and self.reach[i - 1] > start


def _merged(facts: list, added: list) -> list:
    """The facts with the added counts among them, in order of start."""
    if not added:
        return facts
    return sorted(facts + added, key=lambda f: f.start)


class _Span:
    """Where a count read outside the quantities layer sits (for _entity)."""
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
