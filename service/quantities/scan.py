"""Find quantities (number + unit, currency or approximation words) in a normalised text.

One left-to-right pass: a regex finds where a numeral may start, `scan_number`
reads it, and the words around it (prefix currency / approximation word before,
unit and approximation word after) are matched with precompiled regexes at
fixed positions. A quantity needs a unit, a currency, a percent sign, a
measure word, a model-size letter or a 万/亿/兆; bare numbers are not facts
(versions, years, list markers, model numbers are bare numbers).
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator, NamedTuple

from .numerals import BIG_MULTIPLIERS, CN_DIGITS, Number, NumberMatch, NumberValue, parse_number, scan_number
from .. import deadline
from ..nlp.clauses import CLAUSES
from .units import (
    ANY_UNIT_RE, APPROX_PREFIX_LAST_CHARS, APPROX_PREFIX_RE, APPROX_PREFIX_WINDOW, APPROX_PREFIXES,
    APPROX_SUFFIX_RE, APPROX_SUFFIXES, CLAUSE_LOOKAROUND, CONTEXT_CLUE_RE,
    ACCELERATOR_AFTER_NAME_RE, LEXICON, UNIT_PRICE_AFTER_RE, BIT_WIDTH_AFTER_RE, ISO_STANDARD_AFTER_RE, ISO_UNIT, PREFIX_UNITS, PREFIX_UNITS_LONGEST_FIRST, BIT_WIDTHS, HARDWARE_NOUN_RE, PARAMETER_CLUE_RE, PARAMETER_CLUE_WINDOW, PREFIX_CURRENCIES, PREFIX_CURRENCY_LAST_CHARS, PREFIX_CURRENCY_RE, PREFIX_WINDOW,
    SUFFIX_UNIT_RE, SUFFIX_UNITS, UnitSense, suffix_sense, suffix_unit_pattern)

# Where a numeral may start. A lone 一/两/十/百 (一起, 两岸, 百度) starts one only if more numeral
# or a unit follows; 数/几/上 only before a multiplier (数十亿, 上百); a sign only before digits.
_NUMERAL_GOES_ON = r"[零〇一二两俩三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟0-9点多余几分又 .]"


# 两到三年, 三至五个, 两、三年: a lone digit opens a range of digits in words.
_DIGIT_RANGE_AHEAD = r"[到至~、-][一二两三四五六七八九十]"


# 万亿级, 百亿级, 千万量级, 亿级: a magnitude, from the amount it names to ten times it.
_MAGNITUDE_WORD = "量?级"
_MAGNITUDE_RE = re.compile(_MAGNITUDE_WORD)
_MAGNITUDE_CHARS = frozenset("十百千万亿兆")


# A lone 万 after a word of passing or nearing is ten thousand (逾萬人, 月入过万, 破萬, 近万名):
# 过 and 破 give a floor here as 逾/超 do everywhere; ended by punctuation or 的 (月入过万的骑手,
# 年销售额过千万的品牌) it needs no unit. 不过万 (at most) is no floor.
_PASSING_WORDS = "过破逾超近"
_PASSING_BOUNDS = {"过": "min", "破": "min"}
_LONE_TEN_THOUSAND = "万"
_NOT_PASSING = "不过"
_LONE_TEN_THOUSAND_END = r"[，,。；;！？!?、\n）)」”]|的|$"


# 破千万, 突破百万, 过亿: a lone magnitude (百/千 before 万/亿, or 万/亿 alone) past a word of
# passing is a floor like the lone 万 (a number only where punctuation or a unit ends it).
_LONE_MAGNITUDE_RE = re.compile(r"[百千]?(?:万|亿|万亿)")


# 万亿参数: a lone 万亿 before the word for a model's parameters is a size, as 千亿参数 is (a
# numeral may start with 千 but not with 万; 万亿元, 万亿市场 stay out).
_LONE_SIZE = "万亿"
_LONE_SIZE_UNIT = "参数"


def _lone_magnitude(text: str) -> bool:
    return _LONE_MAGNITUDE_RE.fullmatch(text) is not None


# 一个亿, 一个多亿: spoken Chinese for 1亿 (an amount, not the article 一个; see _colloquial_big).
_ONE_COLLOQUIAL_BIG = "个多?亿(?![亿万])"


def _numeral_start_branches(units_after_yi: str) -> list[tuple[str, str]]:
    """Each way a numeral starts: (its first characters, as a class body; what must follow)."""
    return [
        ("零〇二两俩三四五六七八九十百千万亿兆",
         rf"(?={_NUMERAL_GOES_ON}|位数|{_DIGIT_RANGE_AHEAD}|{_MAGNITUDE_WORD}|{suffix_unit_pattern()})"),
        ("一", rf"(?={_NUMERAL_GOES_ON}|{_DIGIT_RANGE_AHEAD}|{units_after_yi}|{_ONE_COLLOQUIAL_BIG})"),
        ("0-9壹贰叁肆伍陆柒捌玖拾佰仟", ""),
        ("负", r"(?=[0-9零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟])"),
        (r"\-", r"(?=\.?[0-9])"),
        (r"\.", r"(?=[0-9])"),
        ("数几", r"(?=[十百千万亿兆])"),
        ("上", r"(?=[百千万亿])"),
        ("万", rf"(?<=[{_PASSING_WORDS}]万)(?={_LONE_TEN_THOUSAND_END})"),   # 月入过万。
        ("亿", rf"(?<=[{_PASSING_WORDS}]亿)(?={_LONE_TEN_THOUSAND_END})"),   # 损失破亿。
        ("万", rf"(?=亿{_LONE_SIZE_UNIT})"),   # 万亿参数 (as 千亿参数 starts with 千)
    ]


def _numeral_start_re(units_after_yi: str) -> re.Pattern:
    """Whether a numeral may start here (match at one place)."""
    return re.compile("|".join(f"[{first}]{after}" for first, after in _numeral_start_branches(units_after_yi)))


def _numeral_start_scan(units_after_yi: str) -> re.Pattern:
    """Every place _numeral_start_re matches, in one finditer, a run of Arabic digits
    reported once (each of its digits is a start). Shaped for `re`'s speed: one
    character class first, which `re` skips to in C (an alternation of classes it tries
    at every character), then a width-one look-behind into the branch of that character."""
    branches = _numeral_start_branches(units_after_yi)
    return re.compile("[" + "".join(first for first, _ in branches) + "](?:(?<=[0-9])[0-9]*|"
                      + "|".join(f"(?<=[{first}]){after}" for first, after in branches) + ")")


NUMBER_START_RE = _numeral_start_re(suffix_unit_pattern())
# For quantities 一 before a measure word is the article (一位, 一场, 一家独大): not even a start.
QUANTITY_START_RE = _numeral_start_re(suffix_unit_pattern(exclude_kinds=("measure",)))
# The same places over a whole text (_numerals): start pattern -> its scan.
_START_SCANS = {id(NUMBER_START_RE): (NUMBER_START_RE, _numeral_start_scan(suffix_unit_pattern())),
                id(QUANTITY_START_RE): (QUANTITY_START_RE, _numeral_start_scan(
                    suffix_unit_pattern(exclude_kinds=("measure",))))}
_URL_RE = re.compile(r"(?:https?://|www\.)[!-~]{1,2048}")
# A year: four Arabic digits (or 二〇二四) before 年 is a date, not a duration of 2024 years.
YEAR_RANGE = (1000, 2999)
# 24年7月: a year followed by a month is a date whatever its digits.
_MONTH_AFTER_YEAR_RE = re.compile(r"[ ]?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月")
# 23 年 Q4, 24年第一季度, 24年上半年, 23年底: a two-digit year before a part of the year
_PART_AFTER_SHORT_YEAR_RE = re.compile(
    r"[ ]?(?:[QqHh][1-4]|第?[一二三四1-4][季财]|[上下]半年|[底初末中]|财年|全年)")
# 1.Meta / 2、 at the start of a line: a list marker.
_LIST_MARKER_AFTER = ".、)）"
# Per cent as fractions of a power of ten: 百分之十五, 千分之五, 万分之三.
_PERCENT_DENOMINATORS = {10**k: 100 / 10**k for k in range(2, 13)}
# Spaces allowed between a number and its unit (盘古之白: 增长 122 %, 一百五十    个百分点).
_MAX_GAP = 4
# 一 before a count measure word is the indefinite article (一位, 一场, 一家独大).
_ARTICLE = "一"
# Right after these a number is a rate's denominator, not a fact (每百万token 0.15美元).
_RATE_PREFIXES = "每"
# ...except a length of time before 内 (每14天内只可预约一次): the window each time is a length.
_WINDOW_AFTER = "内"
# ...and after a price and a slash (2 元/百万 tokens, 3 美元 / 100 万 tokens); before a slash and
# a price (1k tokens/$0.002) the amount of tokens is that denominator too.
_PER_MARKS = "/ "
_PER_SLASH = "/"
_PRICE_ENDINGS = ("元", "美金", "币")
_PRICE_SIGNS = ("$", "¥", "US$", "NT$", "HK$")
# A count over this many tokens is training data, not a context window (15T tokens).
MAX_CONTEXT_TOKENS = 10**9
CHARACTER_UNIT = "字"             # 200万字: a context window counted in characters
# ...and, with no context clue, a length of text counted in its characters or words (1.5万字的讲稿,
# 输出100万词): a count in 字 / 词, unless the character opens a word (万字幕, 百万词典, 十万词条).
TEXT_LENGTH_UNITS = ("字", "词")
TEXT_LENGTH_WORD_OPENERS = frozenset("幕体号母样典条汇语组库根段节符")
_SENTENCE_ENDS = "。！？!?\n"       # ...when its sentence names the context (not only its clause)
_DETERMINED_BY_PREFIX = ("元",)
# Between the two ends of a range (6~7%, 50至55 TOPS, 2.1-2.3GHz); spaces allowed around.
_RANGE_MARK_RE = re.compile(r" ?(?:[-~〜–—至到]) ?|、")
# 两、三年: 、 joins only two neighbouring digits written in words (一、二、三 is a list).
_LIST_COMMA = "、"
_RANGE_BLOCK_BEFORE = "/.-"
# A slash fraction (1/1.7英寸, 1/8000秒) is read only before units of measure and time.
_SLASH_FRACTION_KINDS = ("other", "duration")
_SLASH_RE = re.compile(r" ?/ ?")   # 1/1.7英寸, 1 / 2.76 英寸
# Every character either mark can hold: what lies between the two ends of a range or fraction.
_JOIN_CHARS = frozenset(" -~〜–—至到、/")
_MAX_JOIN = 3
# 风阻系数仅为0.19, 生产指数87.26, 0.20风阻系数, 数值孔径从0.33增至0.55: a measure with no unit,
# named by a noun (lexicon `unitless_measure_nouns`, `_links`, `_changes`).
UNITLESS_MEASURE_RULE = "<measure noun> <number>"
_MEASURE_NOUNS = LEXICON["unitless_measure_nouns"]
_MEASURE_LINKS = LEXICON["unitless_measure_links"]
_MEASURE_CHANGES = LEXICON["unitless_measure_changes"]


def _alternation_of(words) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


_MEASURE_BEFORE_RE = re.compile(
    "(?:" + _alternation_of(_MEASURE_NOUNS) + ")(?:" + _alternation_of(_MEASURE_LINKS) + r")?[ ]?\Z")
_MEASURE_WINDOW = max(map(len, _MEASURE_NOUNS)) + max(map(len, _MEASURE_LINKS)) + 1
_MEASURE_AFTER_RE = re.compile("[ ]?(?:" + _alternation_of(_MEASURE_NOUNS) + ")")
_MEASURE_CHANGE_RE = re.compile("[ ]?(?:" + _alternation_of(_MEASURE_CHANGES) + r")[ ]?\Z")
# Where a bare number may be such a measure: the character before it (past a space) ends a
# noun, a link or an approximation word, or the one after it starts a noun.
_MEASURE_LAST_CHARS = frozenset(w[-1] for w in _MEASURE_NOUNS + _MEASURE_LINKS + _MEASURE_CHANGES) | APPROX_PREFIX_LAST_CHARS
_MEASURE_FIRST_CHARS = frozenset(w[0] for w in _MEASURE_NOUNS)
_VERSION_WORD = "版"     # 指数3.0版: a version of the index, not its value


def _may_name_measure(text: str, s: int, e: int) -> bool:
    """Is a bare number at [s, e) worth asking _Reader._unitless_measure about? (cheap)"""
    before = s - 1
    if before > 0 and text[before] == " ":
        before -= 1
    return (before >= 0 and text[before] in _MEASURE_LAST_CHARS) or (
        e < len(text) and text[e] in _MEASURE_FIRST_CHARS)


PREFIX_UNIT_FIRST_CHARS = frozenset(w[-1] for w in PREFIX_UNITS)
# ...as one character class: is one of them among the few characters before a number?
_PREFIX_UNIT_LAST_CHAR_RE = re.compile("[" + "".join(map(re.escape, sorted(PREFIX_UNIT_FIRST_CHARS))) + "]")
# After a number without a unit, what may still make it a quantity: an approximation word
# (100万左右 then a unit), ×/x of dimensions, 位数 (八位数美元). _find_quantities sends a
# number with one of these after it to the reader.
_BARE_BLOCKERS = re.compile(APPROX_SUFFIX_RE.pattern + r"|[ ]?[×xX*]|位数")
_BIT_WORD = "位"          # 64位处理器: bits; 64位专家: people
# A unit price (10亿一台) is in a bare 元; the facts extractor reads it as TWD in Traditional text.
_UNIT_PRICE_CURRENCY = "CNY"
# Arabic-only units (75度, 1025215分) take plain digits, never inside a clock time.
_ARABIC_NUMBER_CHARS = frozenset("0123456789., 万亿")
_ARABIC_COUNT_CHARS = _ARABIC_NUMBER_CHARS | {"多"}   # 140多国
_ARABIC_COUNT_LIMIT = 1000   # 2024国: no count of countries has four digits
_COUNTRY = "国"
_COUNTRY_NUMERALS = frozenset("两三四五六七八九十")   # 一国 is "a country"
_COUNTRY_INITIALS = frozenset(LEXICON["country_initials"])
_COUNTRIES_LISTED_BEFORE = tuple(LEXICON["countries_listed_before"])
_COUNTRIES_GROUP_AFTER = tuple(LEXICON["countries_group_after"])
_CLOCK_BEFORE = "点时:"
_HALF = "半"
# ...and a 半 after a unit is "and a half" (两米半, 8吋半的) unless it opens a word of its own
# (8吋半导体, 8吋半體 (short for 半導體), 5米半径, 3吨半自动): these characters after it.
_HALF_WORD_STARTS = frozenset("导体径岛自透成球圆决官")
_LONE_ZERO = ("零", "〇")
_IDIOM_MULTIPLIERS = frozenset("十百千万亿")
_QUALIFIED_PARAMETERS = ("总参数", "激活参数")
# 77个亿: spoken Chinese puts 个 between a number and 亿/万.
_COLLOQUIAL_INFIX = "个"
_COLLOQUIAL_BIG = ("亿",)
# 气温31.9度, 摄氏15度: 度 after a temperature word, its subject, is degrees Celsius (75度 alone
# is an angle); 零下 before a temperature makes it negative.
_DEGREES, _DEGREE_WORD, _CELSIUS, _BELOW_ZERO = "degrees", "度", "°C", "零下"
# 气温升至全月最高的31.9度, 室温能达到25、26度: a temperature word, then at most three link words
# (and the first number of a pair), then the number.
_TEMPERATURE_BEFORE_RE = re.compile("(?:" + "|".join(map(re.escape, LEXICON["temperature_words"])) + ")(?:"
                                    + "|".join(map(re.escape, LEXICON["temperature_links"])) + "){0,3}(?:[0-9]+(?:\\.[0-9]+)?[、~～至到-])? *\\Z")
_TEMPERATURE_REACH = 24
_ABOUT_BEFORE = ("大约", "约")   # 零下约5度: an approximation between 零下 and the number
# 时速350公里, 每小时约110公里: kilometres after a word of speed are km/h.
_KM, _KMH = "km", "km/h"
_SPEED_WORDS = tuple(LEXICON["speed_words"])
_SPEED_LINKS = tuple(sorted(LEXICON["speed_links"], key=len, reverse=True))
_COLLOQUIAL_ABOUT = "多"                    # 5个多亿, 一个多亿: 5亿 and some
_COLLOQUIAL_BIG_WORDS = ("亿", "万")         # 一个亿万富翁, 一个亿亿次: 亿 opens another word
_COLLOQUIAL_NOT_AFTER = frozenset("第下上这那哪每")   # 第一个亿, 下一个亿: a point, not an amount
# 四合一, 二合一: 一 after 合 is part of the idiom, not a number of anything.
_MERGED_INTO = "合"
# Measure words that count chips one by one (块 颗 张 片 枚 个): only after these does a
# hardware noun become the unit.
_PER_PIECE_MEASURES = frozenset(LEXICON["per_piece_measure_words"])
# 国际分类为35类、09类: in a classification's clause (or with a leading zero) 类 numbers a class.
_CLASS_MEASURE = "类"
_CLASS_NUMBER_WORDS = tuple(LEXICON["class_number_words"])
_CLASS_WINDOW = 16
_CLAUSE_MARKS = frozenset("，,。；;：:！？!?\n")
# 同一天, 这一年, 最重要的一天: 一 + a duration unit naming a day or a year, not its length.
_POINT_IN_TIME_BEFORE = "同这那某的"
# 有一天, 总有一天 (one day, someday): a day not yet named, not one day's length; but 只有一天,
# 至少有一天, 还有一天, 没有一天, 每周有一天 say how many days (the character before 有 tells them apart).
_SOMEDAY_BEFORE = "有"
_SOMEDAY_NOT_AFTER = frozenset("只仅僅少还還没沒都周週月")
# 前三季, 后两季: the first quarters of a year are a period, not a length of time.
_PERIOD_BEFORE = "前后"
# A K-number naming a display resolution (2K, 4K, 2.8K OLED, 1.5K屏) when no context clue is near.
_K_RESOLUTIONS = {1200, 1500, 2000, 2500, 2800, 3000, 3500, 4000, 5000, 6000, 8000}
# 八位数美元: an amount of N digits, from 10^(N-1) to 10^N.
# 6000×4000, 2400 x 1080, 155.1 x 67.1 x 15.8mm: a resolution or the dimensions of a thing,
# one fact with no single value. A resolution has numbers of 3+ digits; dimensions end in a
# unit of length (4×4 MIMO, 2x2 are neither).
_TIMES_RE = re.compile(r" ?[×xX*] ?(?=[0-9])")
_TIMES_MARKS = "×xX*"
_MAX_DIMENSIONS = 3
_RESOLUTION_MIN = 100
_PIXELS = "pixels"
RESOLUTION_PIXELS_RULE = "<number> × <number> 像素 (resolution)"
MODEL_SIZE_RULE = "<number><B|T> model size"
_LENGTH_UNITS = frozenset({"mm", "cm", "m", "inch", "μm", "nm", "km"})
_CURRENCY_WORDS = sorted((w for c in LEXICON["currencies"] for w in c.get("words", [])), key=len, reverse=True)
_DIGITS_WORD = "位数"
_DIGIT_COUNT_RE = re.compile(r"位数[ ]?(?=" + "|".join(map(re.escape, _CURRENCY_WORDS)) + ")")


class Quantity(NamedTuple):
    """One quantity; fields as the contract's Fact, plus the rule that found it.
    (Immutable; a named tuple because a text may hold one every two characters,
    and a frozen dataclass costs several times as much to build.)

    Never of kind "year": years (2024年, 2024财年, SIGGRAPH 2024) are dates or names, left
    to the date extractor."""
    kind: str            # money percentage count parameters context_length duration anniversary ratio other
    value: Number | None
    approximate: bool
    min: Number | None
    max: Number | None
    unit: str | None
    start: int
    end: int
    text: str
    rule: str            # readable name of the rule, for debugging a parse

    @property
    def span(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    def as_fact(self) -> dict:
        """The Fact fields this module owns (subject, entity and sentence come later)."""
        return {"kind": self.kind, "value": self.value, "approximate": self.approximate,
                "min": self.min, "max": self.max, "unit": self.unit, "text": self.text,
                "span": self.span}


# 几个月, 好几周, 数周: a vague lead right before a unit of time is a few of them, 1 to 10
# (as 几十 is 10 to 100). Anchored to now (未来几个月, 过去几年, 这几年, 几天前) it is a
# time, not a length. 数 ends many words (参数, 函数, 多数): those are no lead.
# ...tried only where a duration unit's first character follows: 数 ends many words (数据,
# 数字), and the unit regex would try each of them in Python (the full test stays below).
_DURATION_FIRST_CHARS = sorted({c for s, sense in SUFFIX_UNITS.items() if sense.kind == "duration"
                                for c in (s[0], s[0].lower(), s[0].upper())})
# 好?[几数](?=…), written to open with one character class, which `re` skips to in C (an
# optional first character makes it try the pattern at every place of the text).
_FEW_RE = re.compile(r"[好几数](?:(?<=好)[几数])?(?<=[几数])(?=["
                     + "".join(map(re.escape, _DURATION_FIRST_CHARS)) + "])")
_FEW_RANGE = (1, 10)
_FEW_NOT_AFTER = ("未来", "过去", "这", "那", "近", "前", "最近")
_FEW_NOT_BEFORE = ("前", "后", "来", "以来", "以前", "以后")   # 数天内 is a length (as 3天内 is)
_SHU_WORD_ENDS = frozenset("参函指分系总次人基倍整复变奇偶单双常级位点算术代计字无多少少有礼")


def _few_of_time(norm: str) -> list[Quantity]:
    """几个月, 好几周, 此后数周: durations of a few units, value null, bounds 1 and 10."""
    found = []
    if "几" not in norm and "数" not in norm:
        return found
    for m in _FEW_RE.finditer(norm):
        s, e = m.start(), m.end()
        if norm[e - 1] == "数" and s > 0 and norm[s - 1] in _SHU_WORD_ENDS:
            continue
        um = SUFFIX_UNIT_RE.match(norm, e)
        if um is None:
            continue
        sense = suffix_sense(um.group())
        if sense is None or sense.kind != "duration" or sense.about or sense.plus:
            continue
        if norm.endswith(_FEW_NOT_AFTER, max(0, s - 2), s) or norm.startswith(_FEW_NOT_BEFORE, um.end()):
            continue
        found.append(Quantity("duration", None, True, _FEW_RANGE[0], _FEW_RANGE[1], sense.unit,
                              s, um.end(), norm[s:um.end()], "几/数 <duration unit>"))
    return found


# 几个, 数项, 好几次: a vague lead right before a measure word is a few things, a count of 1 to 10
# with value null (fixtures/articles/README.md: a bare 几 / 数 with a measure word). Not a few
# things already named (这几家, 那几句, 前几个, 以下几点, 哪几个), a few units of time
# (几个月: _few_of_time), 数 ending a word (多数, 人数), nor 数 opening one of its own (数位 is
# digital, 数组 an array, 数起 counting from, 重新数票 counting votes).
_FEW_COUNT_RE = re.compile(r"[好几数](?:(?<=好)[几数])?(?<=[几数])(?=["
                           + "".join(sorted(map(re.escape, LEXICON["measure_words"]))) + "])")
# Aspects counted (从三方面着手, 两个方面): see _aspects_not_counted.
_ASPECTS = "方面"
_ASPECT_ENUMERATORS = frozenset({"一", "1", "二", "2"})
_ASPECT_POINTERS = ("这", "那", "此", "该", "前", "后", "上述", "以上", "以下")
_FEW_COUNT_NOT_AFTER = ("这", "那", "哪", "前", "后", "头", "以下", "以上", "上述", "下列", "这么", "那么")
_SHU_WORDS_AFTER = frozenset("位组起对集本行卡票")   # (数票 is counting the votes)
_FEW_COUNT_NOT_BEFORE = ("百分点", "世纪")   # 几个世纪以来: a time
_FEW_COUNT_NUMERALS = frozenset("零〇一二两俩三四五六七八九十百千万亿兆")   # 十几个, 两三个


def _few_of_count(norm: str, taken: list[Quantity]) -> list[Quantity]:
    """几个积极信号, 数个黑客团体, 经过数轮测试: a few things counted, value null, bounds 1 and 10."""
    found = []
    times = {q.start for q in taken}
    for m in _FEW_COUNT_RE.finditer(norm):
        s, e = m.start(), m.end()
        if s in times or (s > 0 and (norm[s - 1] in _FEW_COUNT_NUMERALS or norm[s - 1].isdigit())):
            continue    # (几个月 is a length; 十几个, 20几个 the numeral reads)
        um = SUFFIX_UNIT_RE.match(norm, e)
        sense = suffix_sense(um.group()) if um else None
        if sense is not None and sense.kind == "duration":
            continue    # 未来几个月: a time (_few_of_time leaves it out)
        if norm[e - 1] == "数" and ((s > 0 and norm[s - 1] in _SHU_WORD_ENDS) or norm[e] in _SHU_WORDS_AFTER):
            continue
        if norm.endswith(_FEW_COUNT_NOT_AFTER, max(0, s - 2), s) or norm.startswith(_FEW_COUNT_NOT_BEFORE, e + 1):
            continue
        found.append(Quantity("count", None, True, _FEW_RANGE[0], _FEW_RANGE[1], norm[e],
                              s, e + 1, norm[s:e + 1], "几/数 <measure word>"))
    return found


# 数以百万计, 以千计, 数以十亿计美元: counted in a magnitude, vague from it to ten times it (as
# 几十亿 is 1e9 to 1e10); money when a currency follows, else a count. Not 计算, 计划, 计价.
_MAGNITUDE_VALUES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_COUNTED_IN_RE = re.compile(r"(?:数)?以([十百千万亿]{1,3})计(?![算划价量时])")
# 数10亿, 数100万: 数 before an Arabic power of ten and a magnitude is 数十亿, 数百万.
_SHU_TENS_RE = re.compile(r"数(?=(?:10|100|1000)[万亿])")


def _counted_in(norm: str) -> list[Quantity]:
    """数以百万计的文章 (count, 1e6 to 1e7), 数以十亿计美元 (money)."""
    found = []
    for m in _COUNTED_IN_RE.finditer(norm):
        s, e = m.start(), m.end()
        if norm[s] == "数" and s > 0 and norm[s - 1] in _SHU_WORD_ENDS:
            s += 1
        low = 1
        for ch in m.group(1):
            low *= _MAGNITUDE_VALUES[ch]
        kind, unit = "count", None
        um = SUFFIX_UNIT_RE.match(norm, e)
        sense = suffix_sense(um.group()) if um else None
        if sense is not None and sense.kind == "money" and not sense.about and not sense.plus:
            kind, unit, e = "money", sense.unit, um.end()
        found.append(Quantity(kind, None, True, low, low * 10, unit, s, e, norm[s:e],
                              "(数)以 <magnitude> 计"))
    return found


def _several_tens(norm: str, found: list[Quantity]) -> list[Quantity]:
    """数10亿美元: the amount 10亿美元 read after 数 is several of its magnitude, value to ten times it."""
    out = found
    for m in _SHU_TENS_RE.finditer(norm):
        s = m.start()
        if s > 0 and norm[s - 1] in _SHU_WORD_ENDS:
            continue
        k = next((k for k, q in enumerate(out) if q.start == s + 1), None)
        if k is None or out[k].value is None or out[k].approximate or out[k].kind not in ("money", "count"):
            continue
        q = out[k]
        if out is found:
            out = list(found)
        out[k] = q._replace(value=None, approximate=True, min=q.value, max=q.value * 10, start=s,
                            text=norm[s:q.end], rule="数 <power of ten> <magnitude>")
    return out


# 半年, 半个月, 半个小时: half a unit of time, a length of 0.5. Not half of a year named
# (上半年, 下半年, 前半年), most of one (大半年, 多半), nor a half after a number (一年半,
# 两个半小时: the numeral reads those). 半天 is also "a long while": left out. Nor after 每
# (每半年审查一次: how often, the rate's denominator, as 每两周 is).
_HALF_UNIT_RE = re.compile("半(?=个?(?:" + "|".join(LEXICON["half_duration_units"]) + "))")
_HALF_NOT_AFTER = frozenset("上下前后大多过个每0123456789零〇一二两三四五六七八九十百千")
_HALF_COUNTER = "个"


def _half_of_time(norm: str) -> list[Quantity]:
    """半年, 半個小時: 0.5 of the unit of time after 半."""
    found = []
    for m in _HALF_UNIT_RE.finditer(norm):
        s = m.start()
        if s > 0 and norm[s - 1] in _HALF_NOT_AFTER:
            continue
        um = SUFFIX_UNIT_RE.match(norm, m.end())   # 半个月 (the unit 个月), 半年
        sense = suffix_sense(um.group()) if um else None
        if (sense is None or sense.kind != "duration") and norm.startswith(_HALF_COUNTER, m.end()):
            um = SUFFIX_UNIT_RE.match(norm, m.end() + 1)   # 半个小时
            sense = suffix_sense(um.group()) if um else None
        if sense is None or sense.kind != "duration" or sense.about or sense.plus:
            continue
        found.append(Quantity("duration", 0.5, False, None, None, sense.unit,
                              s, um.end(), norm[s:um.end()], "半 <duration unit>"))
    return found


# 一半 / 半數 is a ratio of 0.5 (CONVENTIONS 3), bounded by the words around it (一半以上,
# 超過一半, 几乎占了…的一半). Not 另一半 (a partner) nor 一半导体 (one semiconductor firm).
_HALF_WORDS = ("一半", "半数")     # found with str.find: a regex tries every 一 of the text
_NOT_HALF_BEFORE = "另"
_NOT_HALF_AFTER = "导"
_HALF_VALUE = 0.5
_ALMOST = "几乎"           # 几乎占了 AMD 在这些高峰期的一半销量: at most half
_ALMOST_WINDOW = 16
_PASSING_HALF = "过"       # 过半数: at least half
# 三比一, 1比32.3 (匯率), 16:10 的比例: two numbers set against each other, valued as the
# larger over the smaller (三比一 is 3, 1比32.3 is 32.3). Not a score (以3比2擊敗, 比分2比1)
# nor a clock time (15:30): N:M only beside a word of proportion.
_RATIO_NUMBER = r"(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十])"
# Read outwards from each 比 or ":" (found with str.find: 比 is common, digits more so).
_RATIO_LEFT_RE = re.compile(rf"(?<![0-9.:])({_RATIO_NUMBER})\Z")
_RATIO_RIGHT_RE = re.compile(rf"({_RATIO_NUMBER})(?![0-9.:])")
_COLON_NUMBER_RE = re.compile(r"[0-9]{1,2}(?:\.[0-9]+)?")
_RATIO_WINDOW = 12
_RATIO_DIGITS = frozenset("0123456789一二两三四五六七八九十")
_PROPORTION_AFTER_RE = re.compile(r" ?的? ?(?:比例|宽高比|长宽比|屏|画面|画幅)")
_PROPORTION_BEFORE = ("比例", "宽高比", "长宽比", "比例为", "比例是")
_SCORE_BEFORE = ("以", "比分", "比数", "赛果")
_SCORE_AFTER_RE = re.compile(r"(?:击败|战胜|获胜|胜出|落败|击退|险胜|打败|领先)")


def _ratio_number(text: str) -> float | None:
    if text in CN_DIGITS:
        return CN_DIGITS[text]
    if text == _TEN:
        return 10     # 一拆十, 一比十
    try:
        return float(text)
    except ValueError:
        return None


# A stock split (一拆十, 1拆10) is a ratio as 三比一 is: the larger over the smaller.
_SPLIT_MARK = "拆"
_TEN = "十"


def _ratio_at(norm: str, at: int, needs_word: bool) -> Quantity | None:
    """三比一 / 16:10 的比例 around the 比 or ":" at `at`, or None."""
    if at == 0 or at + 1 >= len(norm) or norm[at - 1] not in _RATIO_DIGITS or norm[at + 1] not in _RATIO_DIGITS:
        return None   # 相比, 比如, 10:30 checked below: most marks stop here
    left = _RATIO_LEFT_RE.search(norm, max(0, at - _RATIO_WINDOW), at)
    right = _RATIO_RIGHT_RE.match(norm, at + 1)
    if left is None or right is None:
        return None
    if needs_word and not (_COLON_NUMBER_RE.fullmatch(left.group(1)) and _COLON_NUMBER_RE.fullmatch(right.group(1))):
        return None
    s, e = left.start(), right.end()
    if norm.endswith(_SCORE_BEFORE, 0, s) or _SCORE_AFTER_RE.match(norm, e):
        return None
    if needs_word and not (_PROPORTION_AFTER_RE.match(norm, e) or norm.endswith(_PROPORTION_BEFORE, 0, s)):
        return None
    a, b = _ratio_number(left.group(1)), _ratio_number(right.group(1))
    if not a or not b:
        return None
    value = round(max(a, b) / min(a, b), 12)
    value = int(value) if float(value).is_integer() else value
    return Quantity("ratio", value, False, None, None, None, s, e, norm[s:e], "<N>比<M> / <N>:<M> 的比例")


def _half_at(norm: str, s: int, e: int) -> Quantity:
    """一半 / 半数 at [s, e), with the bounds of the words around it."""
    lo = hi = None
    p = APPROX_PREFIX_RE.search(norm, max(0, s - APPROX_PREFIX_WINDOW), s)
    word = p.group().rstrip() if p else None
    if word in APPROX_PREFIXES and APPROX_PREFIXES[word] is not None:
        s = p.start()
        lo, hi = (_HALF_VALUE, None) if APPROX_PREFIXES[word] == "min" else (None, _HALF_VALUE)
    elif s > 0 and norm[s - 1] == _PASSING_HALF:
        s, lo = s - 1, _HALF_VALUE     # 过半数: more than half
    elif _ALMOST in norm[max(0, s - _ALMOST_WINDOW):s]:
        hi = _HALF_VALUE
    a = APPROX_SUFFIX_RE.match(norm, e)
    if a is not None and APPROX_SUFFIXES.get(a.group("word")) is not None:
        e = a.end()
        if APPROX_SUFFIXES[a.group("word")] == "min":
            lo = _HALF_VALUE
        else:
            hi = _HALF_VALUE
    return Quantity("ratio", _HALF_VALUE, lo is not None or hi is not None, lo, hi, None,
                    s, e, norm[s:e], "一半 / 半数")


# 近半网民, 正式过半, 逾半受访者 (lexicon `near_half_words`): 0.5 with the word's bound.
_NEAR_HALF = "半"
_NEAR_HALF_BOUNDS: dict[str, str] = dict(LEXICON["near_half_words"])
_NEAR_HALF_RE = re.compile("(?:" + "|".join(map(re.escape, sorted(_NEAR_HALF_BOUNDS, key=len, reverse=True)))
                           + r")\Z")
_NEAR_HALF_WINDOW = max(map(len, _NEAR_HALF_BOUNDS))
_NEAR_HALF_LAST_CHARS = frozenset(w[-1] for w in _NEAR_HALF_BOUNDS)
_NEAR_HALF_NOT_BEFORE = tuple(sorted(set(LEXICON["near_half_not_before"]) | set(LEXICON["durations"]),
                                     key=len, reverse=True))


def _near_half_at(norm: str, at: int) -> Quantity | None:
    """The 半 at `at` after a word of nearing or passing, standing for half of a whole."""
    if at == 0 or norm[at - 1] not in _NEAR_HALF_LAST_CHARS or norm.startswith(_NEAR_HALF_NOT_BEFORE, at + 1):
        return None
    m = _NEAR_HALF_RE.search(norm, max(0, at - _NEAR_HALF_WINDOW), at)
    if m is None:
        return None
    p = APPROX_PREFIX_RE.search(norm, max(0, at - APPROX_PREFIX_WINDOW), at)
    if p is not None and p.group().rstrip() not in APPROX_PREFIXES:
        return None   # 最近半 (lately), 附近半: no approximation word
    s = m.start()
    bound = _NEAR_HALF_BOUNDS[m.group()]
    lo, hi = (_HALF_VALUE, None) if bound == "min" else (None, _HALF_VALUE)
    return Quantity("ratio", _HALF_VALUE, True, lo, hi, None, s, at + 1, norm[s:at + 1], "近半 / 过半")


# 2/3会是新款, (1/16), 约1/3: a fraction with no unit, not a date (lexicon `fraction_words_before`).
_BARE_FRACTION_RE = re.compile(r"(?<![0-9A-Za-z./:_\-])([1-9][0-9]?)/([1-9][0-9]{0,2})(?![0-9A-Za-z./:_\-])")
_FRACTION_WORDS_BEFORE = tuple(sorted(LEXICON["fraction_words_before"], key=len, reverse=True))
_DATE_MONTHS, _DATE_DAYS = 12, 31


def _bare_fraction_at(norm: str, slash: int) -> Quantity | None:
    m = _BARE_FRACTION_RE.search(norm, max(0, slash - 2), slash + 4)
    if m is None or m.start(2) != slash + 1:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if not a < b:
        return None   # 24/7, 20/20: no part of a whole
    if a <= _DATE_MONTHS and b <= _DATE_DAYS and not norm.endswith(_FRACTION_WORDS_BEFORE, 0, m.start()):
        return None   # 7/30 may be a date
    value = round(a / b, 12)
    return Quantity("ratio", value, False, None, None, None, m.start(), m.end(), m.group(), "<N>/<M> (no unit)")


# 双长焦镜头（3x 和 5x）, 10×光学变焦: a zoom factor in a clause on lenses (lexicon `zoom_words`).
_ZOOM_RE = re.compile(r"(?=[0-9])(?<![0-9A-Za-z.\-])([0-9]{1,3}(?:\.[0-9])?) ?[xX×](?![0-9A-Za-z.]| [0-9])")
_ZOOM_WORDS_RE = re.compile("|".join(map(re.escape, LEXICON["zoom_words"])))
_ZOOM_WINDOW = 16
_CLAUSE_STOP_CHARS = "，,。；;！？!?\n"


def _zoom_factors(norm: str) -> list[Quantity]:
    found = []
    for m in _ZOOM_RE.finditer(norm):
        deadline.check("quantities")
        s, e = m.start(), m.end()
        if s >= 2 and norm[s - 1] == " " and _ascii_letter(norm[s - 2]):
            continue   # Slim 5x, AMOLED 2X: part of a name
        lo, hi = max(0, s - _ZOOM_WINDOW), min(len(norm), e + _ZOOM_WINDOW)
        for c in _CLAUSE_STOP_CHARS:
            cut = norm.rfind(c, lo, s)
            if cut != -1:
                lo = cut + 1
            cut = norm.find(c, e, hi)
            if cut != -1:
                hi = cut
        if _ZOOM_WORDS_RE.search(norm, lo, hi) is None:
            continue
        value = float(m.group(1))
        value = int(value) if value.is_integer() else value
        found.append(Quantity("ratio", value, False, None, None, "times", s, e, norm[s:e], "<N>x zoom"))
    return found


# 16金12银7铜, 1金1铜: a medal tally, a count of each medal, the golds before the silvers before
# the bronzes. Two kinds at least in that order (3金 alone may be money or gold), Arabic digits,
# no digit or point before; a last 银 is no 银行 (a bank).
_MEDAL_TALLY_RE = re.compile(   # (a digit first: the look-ahead skips the rest fast)
    r"(?=\d)(?<![0-9.])(?:(\d{1,3})金(?:(\d{1,3})银(?!行))?(?:(\d{1,3})铜)?|(\d{1,3})银(?!行)(\d{1,3})铜)")
_MEDAL_KINDS = ("金", "银", "铜")


def _medal_tallies(norm: str) -> list[Quantity]:
    found = []
    for m in _MEDAL_TALLY_RE.finditer(norm):
        gold, silver, bronze = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (None, m.group(4), m.group(5))
        if sum(g is not None for g in (gold, silver, bronze)) < 2:
            continue
        at = m.start()
        for digits, medal in zip((gold, silver, bronze), _MEDAL_KINDS):
            if digits is None:
                continue
            end = at + len(digits) + 1
            found.append(Quantity("count", int(digits), False, None, None, medal, at, end,
                                  norm[at:end], "<N>金<N>银<N>铜 medal tally"))
            at = end
    return found


# 面 as a measure word (16面金牌, 十二面银牌, 数面奖牌, 两面国旗): only before a thing it
# counts, a medal or a flag, or an award one or two characters qualify (数面特别奖, not a
# verb's: 两面都获奖); elsewhere 面 is a side or a surface (方面, 两面, 3面屏幕) and counts
# nothing. 数面 is a few (1 to 10), as 数家. A numeral starts where the numerals do (三百二十五面, never
# its tail 百二十五面).
_MIAN_RE = re.compile(   # (a numeral first: the look-ahead skips the rest fast)
    r"(?=[\d一二三四五六七八九十两百千零〇数])(?<![0-9.第一二三四五六七八九十两百千万亿零〇])(\d{1,4}|[一二三四五六七八九十两百千零〇]{1,8}|数)面"
    r"(?=(?:金牌|银牌|铜牌|奖牌|奖章|国旗|旗帜|锦旗|旗子|旗)"
    r"|(?![临对向积板貌前])(?:(?![获得都均皆也又还已将被把在曾])[\u4e00-\u9fff]){1,2}"
    r"(?:奖牌|奖章|奖(?![金励项助学])))")


def _flat_things(norm: str) -> list[Quantity]:
    found = []
    for m in _MIAN_RE.finditer(norm):
        deadline.check("quantities")
        digits = m.group(1)
        if digits == "数":
            found.append(Quantity("count", None, True, 1, 10, "面", m.start(), m.end(), m.group(),
                                  "几/数 <measure word>"))
            continue
        number = parse_number(digits)
        if number is None or number.value is None or number.value != int(number.value) or number.value < 1:
            continue
        if digits == "一":
            continue   # 一面 is the article (一面金牌 counts as the text's one, not a tally)
        found.append(Quantity("count", int(number.value), False, None, None, "面", m.start(), m.end(),
                              m.group(), "<number> 面 (medals, flags)"))
    return found


# 日 as a length of days (Hong Kong and Taiwan prose; 日 is otherwise a date's day, no unit):
# after a word that opens a length (一连5日, 连续三日, 为期两日, 以2至3日开发), in 两日 (a date
# counts 二日, never 两日), in a stay of days and nights (5日4夜 is 5 days), after 持续 (持续约30日)
# and before 内 after no month, no 第 and no range (14日内不能预约: within 14 days; 3月14日内 a date);
# after a verb of becoming, shortening or lengthening (从数周变成一日, 缩短至3日, 延长为10日: the
# length a time becomes; 延至5日, postponed to a day, is a date).
# The 以 of 所以, 可以, 加以 … is no 'taking' (所以2日起 is a date).
_RI_NUM = r"(\d{1,2}|[一二三四五六七八九十两]{1,3})"
_RI_NOT_BEFORE = "期本元常报志记子用语文光均活历程薪币圆圓"   # 日期, 日本, 日元, 日均 ...
_NEI_WORD_TAILS = "地阁容部湖政存需网销外在置建幕线江蒙科衣"   # 内地, 内阁, 内容 …: 内 opening a word
_DAYS_RI_RE = re.compile(   # (every branch opens with a numeral: the look-ahead skips the rest fast)
    r"(?=[\d一二三四五六七八九十两])"
    r"(?:(?:(?<=一连)|(?<=连续)|(?<=为期)|(?<=长达)|(?<=历时)|(?<=需时)|(?<=花了)|(?<=用了)|(?<=[^所可加予难足得]以)"
    r"|(?<=满前)|(?<=到期前)|(?<=持续)|(?<=持续约)|(?<=持续近)"
    r"|(?<=变成)|(?<=变为)|(?<=缩短至)|(?<=缩短到)|(?<=缩短为)|(?<=延长至)|(?<=延长到)|(?<=延长为))"
    + _RI_NUM + r"(?:(?:至|到)" + _RI_NUM + r")?日(?![" + _RI_NOT_BEFORE + r"])"
    + r"|(?<![0-9一二三四五六七八九十两月])(两)日(?![" + _RI_NOT_BEFORE + r"])"
    + r"|(?<![0-9.一二三四五六七八九十两月号第至到~\-])" + _RI_NUM + r"日(?=内(?![" + _NEI_WORD_TAILS + r"]))"
    + r"|(?<![0-9一二三四五六七八九十两月])" + _RI_NUM + r"日" + _RI_NUM + r"夜)")


# ...and a numeral written in characters + 日 right before a verb of rising or falling, with
# or without an adverb of speed or size (股价一日急跌九成, 销量三日大增: a headline's length of
# days, the 内 dropped). A digit + 日 there is a date's day (25日急跌), and so is one after a
# month, a 第, 初 or a word naming which day (前一日, 同一日, 每一日 ...).
_RI_CHANGE_RE = re.compile(r"(?<![0-9一二三四五六七八九十两月第初前后同这那某每当次翌隔首的])"
                           r"([一二三四五六七八九十两]{1,3})日(?=[急暴大狂骤劲飙]?[跌涨升降增减挫])")


# ...and a length of 32 days or more written with 日 (放寬至60日前, 90日內): no month has such a
# day, so after no month, no 第 and no other digit it is days (60日線 is a chart's moving average).
# The end of a range (10至40日, 30-60日, 10日到40日) is no length alone: a range is read whole
# after a word that opens a length (以10至40日) and, as 10至20日, not at all without one. (The
# normalised view is half-width: a full-width － or ～ arrives as - or ~.)
_LONG_DAYS_RI_RE = re.compile(r"(?<![0-9.,，月第])(?<![0-9一二三四五六七八九十两日][至到\-~])"
                              r"([3-9][0-9]|[1-9][0-9]{2})日(?![" + _RI_NOT_BEFORE + r"线])")


# Every match of the three patterns above holds a numeral right before a 日 and starts at
# most this many characters before that 日 (_RI_NUM, 至 or 到, _RI_NUM: 7).
_RI_REACH = {_LONG_DAYS_RI_RE: 3, _DAYS_RI_RE: 7, _RI_CHANGE_RE: 3}
_RI_NUMERALS = "一二三四五六七八九十两"


def _numeral_days(norm: str) -> list[int]:
    """The offset of every 日 right after a numeral (a digit, as \d reads one, or 一…两)."""
    found = []
    at = norm.find("日", 1)
    while at != -1:
        before = norm[at - 1]
        if before.isdecimal() or before in _RI_NUMERALS:
            found.append(at)
        at = norm.find("日", at + 1)
    return found


def _ri_matches(pattern: re.Pattern, norm: str, days: list[int]) -> Iterator[re.Match]:
    """pattern.finditer(norm), trying only the starts within reach before a numeral's 日
    (no other start can match): the same matches, without a scan of every offset."""
    reach, pos = _RI_REACH[pattern], 0
    for day in days:
        start = max(pos, day - reach)
        while start < day:
            m = pattern.match(norm, start)
            if m is None:
                start += 1
                continue
            yield m
            start = pos = m.end()


def _days_written_ri(norm: str) -> list[Quantity]:
    found = []
    days = _numeral_days(norm)
    if not days:
        return found
    for m in _ri_matches(_LONG_DAYS_RI_RE, norm, days):
        deadline.check("quantities")
        value = int(m.group(1))
        if value > 31:
            found.append(Quantity("duration", value, False, None, None, "days", m.start(), m.end(),
                                  m.group(), "<number over 31> 日 (days)"))
    for m in _ri_matches(_DAYS_RI_RE, norm, days):
        deadline.check("quantities")
        first, second = m.group(1), m.group(2)
        if m.group(3):
            first = m.group(3)
        elif m.group(4):
            first = m.group(4)   # 14日内
        elif m.group(5):
            first = m.group(5)   # 5日4夜
        lo = parse_number(first)
        if lo is None or lo.value is None or lo.value != int(lo.value) or lo.value <= 0 or (lo.value > 31 and not second):
            continue
        lo_value = int(lo.value)
        if second:
            hi = parse_number(second)
            if hi is None or hi.value is None or hi.value != int(hi.value) or not lo_value < hi.value:
                continue   # (a range's end may pass 31: 以10至40日 is days, no month's)
            found.append(Quantity("duration", None, False, lo_value, int(hi.value), "days", m.start(), m.end(),
                                  m.group(), "<number> 至 <number> 日 (days)"))
        else:
            found.append(Quantity("duration", lo_value, False, None, None, "days", m.start(), m.end(),
                                  m.group(), "<number> 日 (days)"))
    for m in _ri_matches(_RI_CHANGE_RE, norm, days):
        deadline.check("quantities")
        lo = parse_number(m.group(1))
        if lo is None or lo.value is None or lo.value != int(lo.value) or not 0 < lo.value <= 31:
            continue
        found.append(Quantity("duration", int(lo.value), False, None, None, "days", m.start(), m.end(),
                              m.group(), "<numeral> 日 <verb of change> (days)"))
    return sorted(found, key=lambda q: q.start)


# 翻倍 (doubled): a multiple written as a verb is a ratio in times, as N倍 is (the real-text
# annotations write 翻倍 as 2 times). 翻一番 / 翻两番 are left out: the annotations do not claim them.
_DOUBLING_MARK = "翻"
_DOUBLING_WORDS = {"翻倍": 2}
_DOUBLING_RE = re.compile("|".join(sorted(_DOUBLING_WORDS, key=len, reverse=True)))


# 数倍, 几倍, 好几倍: a multiple of a few, a ratio in times with value null and bounds 1 and 10 (as
# 几个 is a count of 1 to 10; the real-text annotations write 数倍增长 and 翻了几倍 so). Not after a
# numeral (十几倍: the numerals read it), 数 ending a word (参数倍), nor a question (提升了几倍？).
_FEW_TIMES_UNIT = "倍"
_FEW_TIMES_QUESTION = ("?", "？", "吗", "呢")


def _few_times_at(norm: str, at: int) -> Quantity | None:
    s = at - 1
    if s < 0 or norm[s] not in "几数":
        return None
    if s > 0 and norm[s - 1] == "好" and norm[s] == "几":
        s -= 1
    elif s > 0 and (norm[s - 1] in _FEW_COUNT_NUMERALS or norm[s - 1].isdigit()
                    or (norm[s] == "数" and norm[s - 1] in _SHU_WORD_ENDS)):
        return None
    end = at + 1
    if norm.startswith(_FEW_TIMES_QUESTION, end) or norm.startswith(_FEW_TIMES_QUESTION, end + 1):
        return None
    return Quantity("ratio", None, True, _FEW_RANGE[0], _FEW_RANGE[1], "times",
                    s, end, norm[s:end], "几/数 倍")


def _doubling_at(norm: str, at: int) -> Quantity | None:
    m = _DOUBLING_RE.match(norm, at)
    if m is None:
        return None
    return Quantity("ratio", _DOUBLING_WORDS[m.group()], False, None, None, "times",
                    at, m.end(), m.group(), "翻倍")


def _read_at_each(norm: str, mark: str, read, found: list[Quantity]) -> None:
    """Try `read(norm, at)` at every place `mark` occurs (one find per occurrence: linear)."""
    at = norm.find(mark)
    while at != -1:
        deadline.check("quantities")
        q = read(norm, at)
        if q is not None:
            found.append(q)
        at = norm.find(mark, at + 1)


def _halves_and_ratios(norm: str) -> list[Quantity]:
    """一半以上, 半數, 三比一, 1比32.3, 16:10 的比例, 翻倍, 数倍: proportions written without a unit."""
    found = []
    _read_at_each(norm, _FEW_TIMES_UNIT, _few_times_at, found)
    _read_at_each(norm, _DOUBLING_MARK, _doubling_at, found)
    _read_at_each(norm, _NEAR_HALF, _near_half_at, found)
    _read_at_each(norm, "/", _bare_fraction_at, found)
    if "x" in norm or "X" in norm or "×" in norm:
        found.extend(_zoom_factors(norm))
    for word in _HALF_WORDS:
        at = norm.find(word)
        while at != -1:
            end = at + len(word)
            partner = at > 0 and norm[at - 1] == _NOT_HALF_BEFORE      # 另一半
            chip = norm.startswith(_NOT_HALF_AFTER, end)                # 一半导体
            if word[0] != "一" or not (partner or chip):
                found.append(_half_at(norm, at, end))
            at = norm.find(word, end)
    for mark, needs_word in (("比", False), (":", True), (_SPLIT_MARK, False)):
        _read_at_each(norm, mark, lambda text, at, w=needs_word: _ratio_at(text, at, w), found)
    found.sort(key=lambda q: q.start)
    return found


def _merge(found: list[Quantity], more: list[Quantity]) -> list[Quantity]:
    """The quantities of `more` that overlap none of `found`, merged in order."""
    merged, i = [], 0
    for q in more:
        while i < len(found) and found[i].start < q.start:
            merged.append(found[i])
            i += 1
        if (merged and merged[-1].end > q.start) or (i < len(found) and found[i].start < q.end):
            continue
        merged.append(q)
    merged.extend(found[i:])
    return merged


# 一 before a measure word is the article (above), but it counts (fixtures/articles/README.md rule 3)
# right after a word of only-having or more-than when it ends its clause (机会只有一次。, 分店仅有一家，,
# 不止一次！); not before a noun (只有一个目标: the article again), nor after 只是 or 只要.
_ONE_MEASURES = "个次家款台部名位项辆架张件份条座所间种支颗枚篇场轮笔宗本套"
_ONE_COUNTED_RE = re.compile("(?:只有|仅有|不止|不只)一([" + _ONE_MEASURES + "])(?=$|[，,。；;：:！？!?\n)）」”])")


def _one_counted(norm: str) -> list[Quantity]:
    found = []
    for m in _ONE_COUNTED_RE.finditer(norm):
        deadline.check("quantities")
        found.append(Quantity("count", 1, False, None, None, m.group(1), m.end() - 2, m.end(),
                              m.group()[-2:], "只有/仅有/不止 一<measure word>"))
    return found


# ...and where the text counts with it beside another count in the same measure word (rule 3:
# 3家台灣公司、1家日本公司): a count of that measure word just before it, with a joiner in
# between (兩宗查詢及一宗投訴, 6所研究中心和一所设计中心). Not inside a numeral or a word in 一
# (十一家, 统一, 唯一, 第一). A count after it across a comma is no sign: 发布了一份声明，其中包含
# 三份清单, 定位为一款SUV，共3款车型 (the article, then a count; 3 of 4 such in the READ sets).
_BESIDE_ONE_RE = re.compile("一([" + _ONE_MEASURES + "])")
_BESIDE_ONE_NOT_AFTER = frozenset("零〇一二两三四五六七八九十百千万亿第统同唯之某每任单逐")
_BESIDE_JOINERS = frozenset("及和与、跟或")
_BESIDE_BREAKS = frozenset("，,；;。！？!?\n")   # a clause's separator or a sentence's stop parts the two
_BESIDE_WINDOW = 16     # characters between the two counts
BESIDE_ONE_RULE = "一<measure word> beside a count in it"


def _one_beside(norm: str, found: list[Quantity]) -> list[Quantity]:
    counts = [q for q in found if q.kind == "count" and q.unit is not None]
    if not counts:
        return []
    starts = [q.start for q in counts]
    out = []
    for m in _BESIDE_ONE_RE.finditer(norm):
        deadline.check("quantities")
        s, e, measure = m.start(), m.end(), m.group(1)
        if s > 0 and norm[s - 1] in _BESIDE_ONE_NOT_AFTER:
            continue
        i = bisect.bisect_left(starts, e)
        before = counts[i - 1] if i else None
        if before is not None and before.end > s:
            continue   # inside a quantity already read
        if before is None or measure not in before.text or s - before.end > _BESIDE_WINDOW:
            continue
        gap = norm[before.end:s]
        if gap[-1:] in _BESIDE_JOINERS and not _BESIDE_BREAKS.intersection(gap):
            out.append(Quantity("count", 1, False, None, None, measure, s, e, m.group(), BESIDE_ONE_RULE))
    return out


def find_quantities(norm: str) -> list[Quantity]:
    """Every quantity in the normalised text, in order, non-overlapping."""
    found = _find_quantities(norm)
    ratios = _halves_and_ratios(norm)
    if ratios:
        found = _merge(found, ratios)
    if "金" in norm or "银" in norm:
        medals = _medal_tallies(norm)
        if medals:
            found = _merge(found, medals)
    if "面" in norm:
        flat = _flat_things(norm)
        if flat:
            found = _merge(found, flat)
    if "日" in norm:
        days = _days_written_ri(norm)
        if days:
            found = _merge(found, days)
    if "一" in norm:
        ones = _one_counted(norm)
        if ones:
            found = _merge(found, ones)
        beside = _one_beside(norm, found)
        if beside:
            found = _merge(found, beside)
    few = _few_of_time(norm)   # a few weeks never overlaps a numeral (几 alone starts none)
    if few:
        found = _merge(found, few)
    if "几" in norm or "数" in norm:
        things = _few_of_count(norm, few)
        if things:
            found = _merge(found, things)
        if "数1" in norm:
            found = _several_tens(norm, found)
    if "计" in norm:
        counted_in = _counted_in(norm)
        if counted_in:   # (数以十亿计美元 holds the amount 十亿 the numerals read: it gives way)
            spans = [(q.start, q.end) for q in counted_in]
            found = _merge([q for q in found if not any(a <= q.start and q.end <= b for a, b in spans)],
                           counted_in)
    if "半" in norm:
        half = _half_of_time(norm)
        if half:
            found = _merge(found, half)
    return found


def _find_quantities(norm: str) -> list[Quantity]:
    found: list[Quantity] = []
    floor = 0            # prefixes may not reach into the previous quantity
    prev: tuple[NumberMatch, Quantity | None] | None = None   # the numeral before, and its quantity
    for nm in _numerals(norm, QUANTITY_START_RE):   # checks the deadline before each numeral
        if nm.start < floor:
            prev = None
            continue
        # A plain number with no unit, currency, approximation word, ×, 位数 or prefix
        # unit around it (3.1, 2024, 0125: the commonest non-quantity) is no quantity:
        # what _Reader.quantity finds for it, without building a reader. The unit's match
        # is the reader's first question for the others.
        if (nm.text[:1] == "-" and prev is not None and prev[1] is not None and prev[1].unit is not None
                and prev[1].end == nm.start):
            # 14.3 小时-19 小时: the hyphen after a quantity's unit marks a range, not a minus
            nm = scan_number(norm, nm.start + 1) or nm
        s, e = nm.start, nm.end
        unit = SUFFIX_UNIT_RE.match(norm, e if norm[e:e + 1] != " " else _gap(norm, e))
        if (unit is None and nm.denominator is None and nm.magnitude_suffix is None
                and not nm.has_big_multiplier and (s == 0 or norm[s - 1] not in PREFIX_CURRENCY_LAST_CHARS)
                and _BARE_BLOCKERS.match(norm, e) is None and norm[e:e + 1] != _PLUS_SIGN
                and _PREFIX_UNIT_LAST_CHAR_RE.search(norm, max(floor, s - 4), s) is None
                and not _may_name_measure(norm, s, e)):
            quantity = None
        else:
            quantity = _Reader(norm, nm, floor, unit, prev[1] if prev is not None else None).quantity()
        # a range or a fraction has a mark between its two ends (1年1年 joins nothing), and
        # nothing else: _RANGE_MARK_RE or _SLASH_RE must match all of it, at most three
        # characters (1年。1年 neither)
        gap = nm.start - (prev[1] or prev[0]).end if prev is not None else 0
        if (quantity is not None and 0 < gap <= _MAX_JOIN and _JOIN_CHARS.issuperset(norm[nm.start - gap:nm.start])):
            joined = _range(norm, prev[0], prev[1], nm, quantity) or _slash_fraction(norm, prev, nm, quantity)
            if joined is not None:
                if prev[1] is not None:
                    found.pop()
                quantity = joined
        elif (quantity is None and gap == 0 and prev is not None and prev[1] is not None
                and norm.startswith(_BARE_MINUTE, nm.end) and nm.value.value is not None):
            quantity = _hours_and_bare_minutes(norm, prev[1], nm)
            if quantity is not None:
                found.pop()
        elif quantity is not None and gap == 0 and prev is not None and prev[1] is not None:
            joined = _compound_length(norm, prev[1], quantity)
            if joined is not None:
                found.pop()
                quantity = joined
        prev = (nm, quantity)
        if quantity is not None:
            found.append(quantity)
            floor = quantity.end
    return found


# 3年3个月, 2小时30分钟: a length written in two units, the larger first, is one length in the
# smaller (39 months, 150 minutes).
_NEXT_SMALLER_UNIT = {"years": ("months", 12), "weeks": ("days", 7), "days": ("hours", 24),
                      "hours": ("minutes", 60), "minutes": ("seconds", 60)}


# 4小时25分, 1小時30分: after a number of hours a bare 分 is minutes (no score, no cent).
_BARE_MINUTE = "分"


def _hours_and_bare_minutes(norm: str, first: Quantity, nm: NumberMatch) -> Quantity | None:
    minutes = nm.value.value
    if (first.kind != "duration" or first.unit != "hours" or first.end != nm.start
            or first.value is None or first.approximate or not 0 < minutes < 60
            or minutes != int(minutes) or nm.has_big_multiplier):
        return None
    end = nm.end + len(_BARE_MINUTE)
    value = first.value * 60 + int(minutes)
    value = int(value) if value == int(value) else value
    return Quantity("duration", value, False, None, None, "minutes",
                    first.start, end, norm[first.start:end], "<hours> <number>分")


def _compound_length(norm: str, first: Quantity, second: Quantity) -> Quantity | None:
    if first.kind != "duration" or second.kind != "duration" or first.end != second.start:
        return None
    smaller = _NEXT_SMALLER_UNIT.get(first.unit)
    if (smaller is None or smaller[0] != second.unit or first.value is None or second.value is None
            or first.approximate or not 0 < second.value < smaller[1]):
        return None
    value = first.value * smaller[1] + second.value
    value = int(value) if value == int(value) else value
    return Quantity("duration", value, second.approximate, None, None, second.unit,
                    first.start, second.end, norm[first.start:second.end], "<length> <smaller length>")


def _film_speed(text: str, nm: NumberMatch) -> bool:
    """ISO 100, ISO 25600 are film speeds; ISO 9001认证, ISO 26262 are standards."""
    v = nm.value.value
    return (v is not None and v == int(v) and (v % 5 == 0 or v in (32, 64))
            and not ISO_STANDARD_AFTER_RE.match(text, nm.end))


def _slash_fraction(text: str, prev: tuple[NumberMatch, Quantity | None],
                    nm: NumberMatch, q: Quantity) -> Quantity | None:
    """1/1.7英寸, 1/8000秒: a fraction written with a slash before a unit of measure or time.
    Dates (2024/7/30) have no unit, f/1.8 is glued to a letter."""
    low, low_q = prev
    if (low_q is not None or q.kind not in _SLASH_FRACTION_KINDS or q.start != nm.start
            or q.value is None or q.min is not None or q.max is not None
            or _SLASH_RE.match(text, low.end) is None or _SLASH_RE.match(text, low.end).end() != nm.start
            or low.has_big_multiplier or nm.has_big_multiplier or low.magnitude_suffix or nm.magnitude_suffix
            or low.value.value is None or not nm.value.value or _glued_to_name(text, low)
            or (low.start > 0 and text[low.start - 1] in "/.-0123456789")):
        return None
    value = round(low.value.value * (q.value / nm.value.value) / nm.value.value, 12)
    return Quantity(q.kind, value, q.approximate, None, None, q.unit, low.start, q.end,
                    text[low.start:q.end], f"<N>/<M> {q.rule}")


def _range(text: str, low: NumberMatch, low_q: Quantity | None,
           nm: NumberMatch, q: Quantity) -> Quantity | None:
    """6~7%, 2.1-2.3GHz, 1500万至2000万支, 98%~99%: two numbers joined by a range mark,
    the unit written after the second (or after both), are one quantity from min to max."""
    if q.value is None or q.start != nm.start:
        return None
    if (q.min is not None or q.max is not None) and not (
            q.approximate and q.value in (q.min, q.max) and None in (q.min, q.max)):
        return None   # (8-10亿以上: a floor or ceiling word after the range still reads it)
    m = _RANGE_MARK_RE.match(text, low_q.end if low_q is not None else low.end)
    if m is None or m.end() != nm.start or low.value.value is None or nm.value.value is None:
        return None
    if _glued_to_name(text, low) or (low.start > 0 and text[low.start - 1] in _RANGE_BLOCK_BEFORE):
        return None   # Qwen2.5-72B, 1/8: names and fractions, not ranges
    if m.group() == _LIST_COMMA and not (
            (len(low.text) == len(nm.text) == 1 and low.text in CN_DIGITS and nm.text in CN_DIGITS
             and CN_DIGITS[nm.text] == CN_DIGITS[low.text] + 1) or _neighbouring_round(text, low, nm)):
        return None   # 1、2、3 and 一、三: a list, not a range
    unit = q.unit
    if low_q is not None and low_q.kind == q.kind == "money" and _bare_yuan(q):
        unit = low_q.unit   # 台幣5100至6000元: the 元 is the currency written before the range
    mixed = _mixed_lengths(low_q, q)
    if mixed is not None:   # 40秒至1分钟, 9个月到1年: two lengths in neighbouring units
        lo, hi, unit = mixed
        return Quantity(q.kind, None, q.approximate or low_q.approximate, lo, hi, unit,
                        low_q.start, q.end, text[low_q.start:q.end], f"<length> ~ {q.rule}")
    if low_q is not None and (low_q.unit not in (None, unit) or low_q.kind not in ("other", q.kind)
                              or low_q.min is not None or low_q.max is not None):
        return None   # 3天~5%, 超过3~5亿: two quantities, not one range
    carried = 1
    if low.has_big_multiplier != nm.has_big_multiplier and low_q is None:
        carried = _trailing_big(nm.text)
        if low.has_big_multiplier or carried == 1 or not _plain_arabic(low) and low.text not in CN_DIGITS:
            return None
        # 8-10亿, 1-2万: the first number carries the second's 亿/万 (8亿 to 10亿)
    if not nm.value.value:
        return None
    factor = q.value / nm.value.value
    lo = low.value.value * carried * factor
    lo = int(lo) if float(lo).is_integer() else round(lo, 12)
    if not lo < q.value:
        return None   # 2-1: a score or a code, not a range
    start = low_q.start if low_q is not None else low.start   # 约6,600万~6,900万台
    approximate = q.approximate or (low_q is not None and low_q.approximate)
    if low_q is None:   # 約100至150美元: the approximation word before a bare first end
        m = APPROX_PREFIX_RE.search(text, max(0, low.start - APPROX_PREFIX_WINDOW), low.start)
        if m and m.group().rstrip() in APPROX_PREFIXES:
            start, approximate = m.start(), True
    return Quantity(q.kind, None, approximate, lo, q.value, unit, start, q.end,
                    text[start:q.end], f"<number> ~ {q.rule}")


def _mixed_lengths(low_q: Quantity | None, q: Quantity) -> tuple[float, float, str] | None:
    """The bounds of a range of lengths whose ends are written in neighbouring units
    (40秒至1分钟 is 40 to 60 seconds, 9个月到1年 9 to 12 months), in the smaller unit."""
    if (low_q is None or low_q.kind != "duration" or q.kind != "duration" or low_q.unit == q.unit
            or low_q.value is None or q.value is None or low_q.min is not None or low_q.max is not None):
        return None
    for big, small in ((q, low_q), (low_q, q)):
        step = _NEXT_SMALLER_UNIT.get(big.unit)
        if step is not None and step[0] == small.unit:
            lo, hi = ((low_q.value * step[1], q.value) if big is low_q else (low_q.value, q.value * step[1]))
            lo, hi = (int(v) if float(v).is_integer() else v for v in (lo, hi))
            return (lo, hi, small.unit) if lo < hi else None
    return None


def _neighbouring_round(text: str, low: NumberMatch, high: NumberMatch) -> bool:
    """7000、8000萬台, 30、40個, 3、5年: two Arabic numbers of as many digits, the second at most
    twice the first, with no third around them (5、8、10 is a list), read "30 or 40": a range."""
    if not (_plain_arabic(low) and high.text[:1].isdigit()) or "." in low.text:
        return False
    digits = high.text.rstrip("".join(BIG_MULTIPLIERS))
    if not digits.isdigit() or len(digits) != len(low.text):
        return False
    if low.text[1:].strip("0") or digits[1:].strip("0"):
        return False   # 3999、4999元: two prices named, not a round "this or that"
    a, b = int(low.text), int(digits)
    if not 0 < a < b <= 2 * a:
        return False
    before = text[max(0, low.start - 1):low.start]
    if before == _ORDINAL_MARK:
        return False   # 第1、2名: ranks
    after = text[high.end:high.end + 2]
    return before != _LIST_COMMA and not (after[:1] == _LIST_COMMA and after[1:2].isdigit())


def _trailing_big(text: str) -> int:
    """The 万/亿 a numeral ends in (10亿 -> 10^8, 3万亿 -> 10^12), 1 when none."""
    carried, i = 1, len(text)
    while i > 0 and text[i - 1] in BIG_MULTIPLIERS:
        carried *= BIG_MULTIPLIERS[text[i - 1]]
        i -= 1
    return carried


def _plain_arabic(nm: NumberMatch) -> bool:
    """155.1, 6000: Arabic digits and a decimal point, nothing else."""
    return bool(nm.text) and nm.text[0].isdigit() and all(c in "0123456789." for c in nm.text)


def _bare_yuan(q: Quantity) -> bool:
    """6000元: an amount in 元 with no currency word of its own."""
    return q.unit == "CNY" and q.text.rstrip().endswith("元") and not any(
        w in q.text for w in ("人民币", "¥", "RMB", "CNY"))


def find_numbers(norm: str) -> list[NumberMatch]:
    """Every numeral expression, unit or not (the lexical layer of find_quantities).

    Numbers glued to Latin letters are parts of names (H100, 5G, A17) and are left
    out; a weak numeral (lone 一/两/十, 九九, bare 千亿) only counts before a unit.
    """
    found = []
    for nm in _numerals(norm):
        deadline.check("quantities")
        if _glued_to_name(norm, nm):
            continue
        if nm.weak and not (nm.text[0] not in BIG_MULTIPLIERS and ANY_UNIT_RE.match(norm, _gap(norm, nm.end))):
            continue
        found.append(nm)
    return found


def _numerals(text: str, starts: re.Pattern = NUMBER_START_RE):
    """Each maximal numeral, left to right; a numeral is never re-read from inside."""
    urls = [(m.start(), m.end()) for m in _URL_RE.finditer(text)] if "www." in text or "://" in text else ()
    pos = 0
    check = deadline.check
    for m in _start_scan(starts).finditer(text):
        start, run_end = m.span()
        # Every digit may start a numeral, but the numeral read at the first digit of a run
        # almost always takes the whole run: the scan reports a run once, and its later
        # digits are tried here only where the numeral read before ends inside it.
        while start < run_end:
            if start < pos:
                start = pos
                continue
            check("quantities")   # once per place a numeral may start (the work between is bounded)
            if urls:
                inside = next((e for s, e in urls if s <= start < e), None)
                if inside is not None:
                    pos = inside
                    start += 1
                    continue
            nm = scan_number(text, start)
            if nm is not None:
                yield nm
                pos = nm.end
            start += 1


def _start_scan(starts: re.Pattern) -> re.Pattern:
    """The scan of NUMBER_START_RE or QUANTITY_START_RE (_numeral_start_scan; by identity:
    hashing a pattern hashes its whole text). tests/quantities/test_tuple_fast_paths.py
    holds its places to those of starts.match at every character."""
    pattern, scan = _START_SCANS[id(starts)]
    assert pattern is starts, "a start pattern without its scan"
    return scan


def _gap(text: str, p: int) -> int:
    q = p
    while q < len(text) and q - p < _MAX_GAP and text[q] == " ":
        q += 1
    return q


def _glued_to_name(text: str, nm: NumberMatch) -> bool:
    """H100, GPT-4, Qwen2.5, 5G, 3D: a number inside a Latin-letter token is a name or version."""
    s, e = nm.start, nm.end
    if not (text[s].isascii() or text[e - 1].isascii()):
        return False   # Chinese numerals are not part of Latin names (AI两位, 405B三个)
    before = text[s - 1] if s > 0 else ""
    if (before.isascii() and before.isalpha()) or before == "_":
        return True
    if before == "-" and s >= 2 and _ascii_letter(text[s - 2]):
        return not _unit_before_hyphen(text, s - 1)   # 13.6mm-14.1mm is a range of lengths
    if before == "." and s >= 2 and text[s - 2].isdigit():
        return True   # the 2 of 3.1.2
    after = text[e] if e < len(text) else ""
    if nm.magnitude_suffix is not None or not ((after.isascii() and after.isalpha()) or after == "_"):
        return False
    return SUFFIX_UNIT_RE.match(text, e) is None   # 80GB and 5nm are units, 5G and 4o are names


def _unit_before_hyphen(text: str, hyphen: int) -> bool:
    """Is the Latin word before this hyphen a unit written after a number (13.6mm-, 53g-)?"""
    i = hyphen
    while i > 0 and _ascii_letter(text[i - 1]):
        i -= 1
    if i == 0 or not text[i - 1].isdigit():
        return False
    m = SUFFIX_UNIT_RE.match(text, i)
    return m is not None and m.end() == hyphen


def _ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


_NOT_YET = object()
# Counting with a measure word takes 两 (两次, 两个); a lone 二 before one means second or
# secondary (二次创作, 二次修改), as 一 before one is the article.
_ORDINAL_TWO = "二"
_ORDINAL_MARK = "第"
_HUNDRED = "百"   # a lone 百 before a unit of measure: 百公里 (per 100 km), 百米 (a sprint)
_MODEL_YEAR_MEASURE = LEXICON["model_year_measure"]
_YEAR_DIGITS_RE = re.compile("20[123][0-9]")   # a model year of this century's tech, not 2000款游戏
# 1.2T 涡轮增压, 2.0T发动机: T after a car engine's size is turbo, not trillions of parameters.
_DISPLACEMENT_AFTER_RE = re.compile(" ?(?:" + "|".join(LEXICON["turbo_engine_words"]) + ")")
_ONE_DIGIT = frozenset("123456789")
# after the digit of 5成3: more of a number or a unit makes it something else
_DIGIT_GOES_ON = frozenset("0123456789.%个個名家人年月日天万亿萬億")


def nm_is_arabic(nm: NumberMatch) -> bool:
    return nm.text[:1].isdigit()
_ENGLISH_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9,
                   "trillion": 10**12}
_ENGLISH_SCALE_RE = re.compile(r" ?(thousand|million|mn|billion|bn|trillion)(?![A-Za-z])", re.IGNORECASE)
_PRICE_FROM = "起"
_VOLT = "V"
_VOLT_MIN_DIGITS = 2
# A rating in stars is out of five or ten (4.5星, 4星半); more stars, or stars after 箭 (一箭6星: a
# rocket's satellites), count things.
_STARS = "星"
_STARS_MAX = 10
_STARS_NOT_AFTER = "箭"
# A level or grade (7.2级, 3级以上, 1级能效) is small: 100万级 is a scale. A letter or 第 before it
# names the level (L4级, 第3级).
_LEVEL = "级"
_LEVEL_MAX = 20
_LEVEL_NOT_AFTER = "第"
# ...and a level in one numeral word (四级地震, 二級能源標籤) alike, but not one that ranks or points
# (上一级, 下一級, 每一级, 这一级) nor a step repeated (一级一级, 一级级).
# 8 位和 16 位浮点, 32、64 位系统: a bit width joined to the next one shares its noun.
_PAIRED_BITS_RE = re.compile(r"[和与及或、/] ?[0-9]{1,4} ?位 ?")
_LEVEL_WORDS = frozenset("一二三四五六七八九十两兩")
_LEVEL_WORD_NOT_AFTER = frozenset("第上下同每这這那哪逐各任超首级級")
_LEVEL_WORD_NOT_BEFORE = frozenset("一级級")
# In words, a level is mostly a tier's name (一级数据中心, 三级隔离, 三級技術員): it is a measured level
# only as a quake's or an energy label's (四级地震, 一级能效, 一級能源標籤), at or beyond a bound (五级以上),
# or as what a clause ends on (只有二级，), but a clause ending on 一级 steps (提升一级, 高一级). A list's
# 、 ends no clause (三级、四级医院: tiers' names).
_LEVEL_WORD_THEN = ("地震", "能效", "能源", "以上", "以下", "或以上", "或以下")
_LEVEL_WORD_STEP = "一"
_LEVEL_WORD_CLAUSE_END = frozenset("，。；：！？）)」』”,.;:!?")
# 300+ 家门店: a plus sign between Arabic digits and a measure word means "or more".
_PLUS_SIGN = "+"
_PLUS_COUNT_KINDS = frozenset({"measure", "count_noun"})
# 点 after a number is an index or a score (21300點, 5.8點, 2萬點) unless it can be a clock hour:
# a whole number up to 24 without 万/亿.
_POINTS = "points"
_CLOCK_HOURS = 24
# 仅需 12分 钟: 分钟 broken by a space is minutes, not points.
_MINUTE_HEAD = "分"
_MINUTE_TAIL_SPACED = " 钟"
_BELL_WORD_ENDS = frozenset("声表楼")   # 得了95分 钟声响起: a bell, after a score


class _Reader:
    """Judges one numeral in its context and builds the Quantity, if it is one."""
    __slots__ = ("text", "nm", "floor", "start", "end", "bounds", "unit_surface", "suffix_read",
                 "currency", "_inside_currency", "_unit_match", "previous")   # one per numeral of a text

    def __init__(self, text: str, nm: NumberMatch, floor: int, unit_match=_NOT_YET,
                 previous: Quantity | None = None):
        self.text, self.nm, self.floor = text, nm, floor
        self.previous = previous             # the quantity just before, if any (0.33增至0.55)
        self.start, self.end = nm.start, nm.end
        self.bounds: list[str | None] = []   # from approximation words: "min", "max" or None
        self.unit_surface: str | None = None
        self.suffix_read = False             # an approximation word after the number was taken
        self.currency: str | None = None
        self._inside_currency = (nm.start, 0)   # (start, bounds) as they were before the currency
        self._unit_match = unit_match           # the unit regex's match right after the number

    # -- context before the number -------------------------------------------------
    def _read_prefixes(self) -> None:
        """超过100万, US$5, 人民币约100亿: approximation words and currency symbols, nearest first."""
        for _ in range(3):
            before = self.text[self.start - 1] if self.start > self.floor else ""
            if before not in APPROX_PREFIX_LAST_CHARS and before not in PREFIX_CURRENCY_LAST_CHARS:
                break
            lo = max(self.floor, self.start - APPROX_PREFIX_WINDOW)
            m = APPROX_PREFIX_RE.search(self.text, lo, self.start)
            if m and m.group().rstrip() in APPROX_PREFIXES:
                self.bounds.append(APPROX_PREFIXES[m.group().rstrip()])
                self.start = m.start()
                continue
            if self.currency is None:
                lo = max(self.floor, self.start - PREFIX_WINDOW)
                m = PREFIX_CURRENCY_RE.search(self.text, lo, self.start)
                if m:
                    self._inside_currency = (self.start, len(self.bounds))
                    self.currency = PREFIX_CURRENCIES[m.group("code") or m.group("symbol")]
                    self.start = m.start()
                    continue
            break

    def _drop_currency(self) -> None:
        """人民币3年来: the currency word does not belong to a number of years."""
        self.start, kept = self._inside_currency
        del self.bounds[kept:]
        self.currency = None

    def _plainly_bare(self) -> bool:
        """A plain number (3.1, 2024, 0125) with no unit after it and no currency sign before it:
        the commonest non-quantity, rejected before any other work."""
        nm, text = self.nm, self.text
        if nm.denominator is not None or nm.magnitude_suffix is not None or nm.has_big_multiplier:
            return False
        if nm.start > 0 and text[nm.start - 1] in PREFIX_CURRENCY_LAST_CHARS:
            return False
        if self._unit_match is _NOT_YET:
            after = nm.end if text[nm.end:nm.end + 1] != " " else _gap(text, nm.end)   # _gap, without the call
            self._unit_match = SUFFIX_UNIT_RE.match(text, after)
        if self._unit_match:
            return False
        if self._plus_count() is not None:
            return False
        word = APPROX_SUFFIX_RE.match(text, nm.end)
        return word is None or SUFFIX_UNIT_RE.match(text, _gap(text, word.end())) is None

    def _plus_count(self):
        """300+ 家, 10+款: Arabic digits, a plus sign and a measure word or counted noun: a count
        of at least that many. (12+256GB, 3+2 are no count: no measure word after the sign.)"""
        nm, text = self.nm, self.text
        if text[nm.end:nm.end + 1] != _PLUS_SIGN or not nm.text.isdigit():
            return None
        um = SUFFIX_UNIT_RE.match(text, _gap(text, nm.end + 1))
        if um is None or suffix_sense(um.group()).kind not in _PLUS_COUNT_KINDS:
            return None
        return um

    def _after_latin_word(self) -> bool:
        """RTX 4090: a plain number in digits right after a Latin word and a space names a
        model; one in words (Nova Pro 两款, Tiny 三款) counts what the names before it name."""
        s, text = self.nm.start, self.text
        return (not self.nm.has_big_multiplier and s >= 2 and text[s - 1] == " "
                and _ascii_letter(text[s - 2]) and text[s].isascii())

    def _is_ordinal(self) -> bool:
        return self._ordinal_mark() >= 0

    def _ordinal_mark(self) -> int:
        """Where the 第 of 第4位 / 第 4 位 (typeset with a space) stands, or -1."""
        s, text = self.nm.start, self.text
        if s > 0 and text[s - 1] == "第":
            return s - 1
        if s > 1 and text[s - 1] == " " and text[s - 2] == "第":
            return s - 2
        return -1

    def _is_list_marker(self) -> bool:
        s, e, text = self.nm.start, self.nm.end, self.text
        line_start = s == 0 or text[s - 1] == "\n"
        return (line_start and e < len(text) and text[e] in _LIST_MARKER_AFTER
                and (e + 1 >= len(text) or not text[e + 1].isdigit()))

    # -- the decision ---------------------------------------------------------------
    def _prefix_unit(self) -> Quantity | None:
        """ISO 100-25600, PPI 773, F2.8-4, f/1.8: a spec whose unit comes first."""
        nm, text = self.nm, self.text
        if nm.has_big_multiplier or nm.magnitude_suffix or not nm.text[:1].isdigit():
            return None
        if SUFFIX_UNIT_RE.match(text, _gap(text, nm.end)) or (nm.end < len(text) and _ascii_letter(text[nm.end])):
            return None
        p = nm.start - 1 if nm.start > self.floor and text[nm.start - 1] == " " else nm.start
        for surface in PREFIX_UNITS_LONGEST_FIRST:
            s = p - len(surface)
            if s < self.floor or not text.startswith(surface, s) or (s > 0 and _ascii_letter(text[s - 1])):
                continue
            unit, decimal_only = PREFIX_UNITS[surface]
            if decimal_only and (p != nm.start or "." not in nm.text):
                return None
            if unit == ISO_UNIT and not _film_speed(text, nm):
                return None
            self.start = s
            return self._prefix_range(unit) or self._build("other", nm.value, unit, "<unit> <number>")
        return None

    def _prefix_range(self, unit: str) -> Quantity | None:
        """The upper end of ISO 100-25600 / F2.8-4: a plain number after a range mark."""
        text, low = self.text, self.nm.value.value
        m = _RANGE_MARK_RE.match(text, self.nm.end)
        if m is None or low is None or m.end() >= len(text) or not text[m.end()].isdigit():
            return None
        high = scan_number(text, m.end())
        if (high is None or high.value.value is None or not high.value.value > low
                or high.has_big_multiplier or high.magnitude_suffix
                or (high.end < len(text) and _ascii_letter(text[high.end]))):
            return None
        self.end = high.end
        return self._build("other", NumberValue(None, low, high.value.value), unit, "<unit> <number>-<number>")

    def quantity(self) -> Quantity | None:
        nm = self.nm
        if _PREFIX_UNIT_LAST_CHAR_RE.search(self.text, max(self.floor, nm.start - 4), nm.start):
            spec = self._prefix_unit()
            if spec is not None:
                return spec
        after = self.text[nm.end:nm.end + 2]   # _dimensions needs _TIMES_RE to match here
        if after and (after[0] in _TIMES_MARKS or (after[0] == " " and after[1:] and after[1] in _TIMES_MARKS)):
            dims = self._dimensions()
            if dims is not None:
                return dims
        if nm.text in _LONE_ZERO:
            return None   # 零件, 零次: a lone 零 is a word (parts) or nothing worth a fact
        if nm.text == _ARTICLE and nm.start > 0 and self.text[nm.start - 1] == _MERGED_INTO:
            return None   # 四合一像素
        if self.text.startswith(_DIGITS_WORD, nm.end):
            digits = self._digit_count()
            if digits is not None:
                return digits
        if self._plainly_bare():
            return self._unitless_measure()
        if (nm.start == 0 or self.text[nm.start - 1] == "\n") and self._is_list_marker():
            return None
        self._read_prefixes()
        if _glued_to_name(self.text, nm) and not self.currency and (
                nm.magnitude_suffix not in ("B", "T") or _ascii_letter(self.text[nm.start - 1])):
            return None   # a size follows a hyphen (Qwen2.5-72B); GR00T is a name
        if nm.denominator is not None:
            return self._fraction()
        if nm.has_big_multiplier and all(c in _MAGNITUDE_CHARS for c in nm.text):
            magnitude = self._magnitude()
            if magnitude is not None:
                return magnitude
        if (nm.text.lstrip("-负")[:1] in BIG_MULTIPLIERS and not self._passing_ten_thousand()
                and not (nm.text == _LONE_SIZE and self.text.startswith(_LONE_SIZE_UNIT, nm.end))):
            return None   # 万, 万万, 亿万: words, not numbers (万亿参数 a size: _LONE_SIZE_UNIT)
        return self._with_unit()

    def _unitless_measure(self, prefixes_read: bool = False) -> Quantity | None:
        """风阻系数仅为0.19, 生产指数87.26, 预估规模达4.5以上, 风阻或低于0.20, 0.20风阻系数 and the
        second number of 数值孔径从0.33增至0.55: a plain number a measure noun names, kind other,
        no unit. Not a year (创新指数2024 names an edition) nor a version (指数3.0版)."""
        nm, text = self.nm, self.text
        if (not _plain_arabic(nm) or _glued_to_name(text, nm)
                or (nm.end < len(text) and _ascii_letter(text[nm.end]))
                or text.startswith(_VERSION_WORD, _gap(text, nm.end))):
            return None
        decimal = "." in nm.text
        if not decimal and len(nm.text) == 4 and YEAR_RANGE[0] <= nm.value.value <= YEAR_RANGE[1]:
            return None
        start, bounds = self.start, len(self.bounds)
        if not prefixes_read:
            self._read_prefixes()
        named = self.currency is None and (
            _MEASURE_BEFORE_RE.search(text, max(self.floor, self.start - _MEASURE_WINDOW), self.start) is not None
            or (self.previous is not None and self.previous.rule == UNITLESS_MEASURE_RULE
                and _MEASURE_CHANGE_RE.match(text, self.previous.end, self.start) is not None)
            or (decimal and self.start == nm.start and _MEASURE_AFTER_RE.match(text, nm.end) is not None))
        if not named:
            self.start, self.currency = start, None
            del self.bounds[bounds:]
            return None
        return self._build("other", nm.value, None, UNITLESS_MEASURE_RULE)

    def _passing_ten_thousand(self) -> bool:
        """逾萬人, 月入过万, 破萬, 近万名: a lone 万 past or near a word of passing (_PASSING_WORDS);
        破千萬。, 突破百万，: a lone 百/千万 or 亿 too, where punctuation or a unit ends it."""
        nm, text = self.nm, self.text
        if (not _lone_magnitude(nm.text) or nm.start == 0 or text[nm.start - 1] not in _PASSING_WORDS
                or text.startswith(_NOT_PASSING, nm.start - 2)
                or (nm.text != _LONE_TEN_THOUSAND and _BARE_BLOCKERS.match(text, nm.end) is None
                    and re.match(_LONE_TEN_THOUSAND_END, text[nm.end:nm.end + 1]) is None)):
            return False
        if not self.bounds:
            bound = _PASSING_BOUNDS.get(text[nm.start - 1])
            if bound is None or self.start <= self.floor:
                return False
            self.bounds.append(bound)
            self.start = nm.start - 1
        return True

    def _magnitude(self) -> Quantity | None:
        """万亿级网页数据, 千万量级: an order of magnitude, value null, bounds v and 10v."""
        nm = self.nm
        m = _MAGNITUDE_RE.match(self.text, nm.end)
        v = nm.value.value
        if m is None or v is None:
            return None
        self.end = m.end()
        return self._build("other", NumberValue(None, v, v * 10, True), None, "<multipliers>级")

    def _dimensions(self) -> Quantity | None:
        """6000×4000 (a resolution), 155.1 x 67.1 x 15.8mm (dimensions): one fact, value null."""
        nm, text = self.nm, self.text
        if (not _plain_arabic(nm)
                or (nm.start > 0 and (_ascii_letter(text[nm.start - 1]) or text[nm.start - 1] in "×*-/."))):
            return None
        parts, end = [nm], nm.end
        while len(parts) < _MAX_DIMENSIONS:
            m = _TIMES_RE.match(text, end)
            if m is None:
                break
            nxt = scan_number(text, m.end())
            if nxt is None or not _plain_arabic(nxt):
                break
            parts.append(nxt)
            end = nxt.end
        if len(parts) < 2 or _TIMES_RE.match(text, end):
            return None
        um = SUFFIX_UNIT_RE.match(text, _gap(text, end))
        sense = suffix_sense(um.group()) if um else None
        if sense is not None and sense.kind == "metric" and sense.unit in _LENGTH_UNITS:
            self.end = um.end()
            return self._build("other", NumberValue(None, None, None), sense.unit, "<number> × <number> <length>")
        if (end < len(text) and _ascii_letter(text[end])) or any(
                p.value.value is None or p.value.value < _RESOLUTION_MIN or "." in p.text for p in parts):
            return None
        if sense is not None and sense.unit == _PIXELS and not _ascii_letter(um.group()[0]):
            # 5712×4284像素, 1920×1080 畫素: the word for pixels closes the resolution and is in
            # its span; the unit stays null (a pair of numbers has no one value in pixels).
            self.end = um.end()
            return self._build("other", NumberValue(None, None, None), None, RESOLUTION_PIXELS_RULE)
        self.end = end
        return self._build("other", NumberValue(None, None, None), None, "<number> × <number> (resolution)")

    def _digit_count(self) -> Quantity | None:
        """八位數美元: an amount of N digits, 10^(N-1) to 10^N in the currency after it."""
        nm, text = self.nm, self.text
        n = nm.value.value
        if (nm.has_big_multiplier or nm.magnitude_suffix or n is None or n != int(n)
                or not 1 < n <= 15):
            return None
        m = _DIGIT_COUNT_RE.match(text, nm.end)
        if m is None:
            return None
        um = SUFFIX_UNIT_RE.match(text, m.end())
        sense = suffix_sense(um.group()) if um else None
        if sense is None or sense.kind != "money":
            return None
        self._read_prefixes()
        self.end = um.end()
        lo, hi = 10 ** (int(n) - 1) * sense.factor, 10 ** int(n) * sense.factor
        return self._build("money", NumberValue(None, lo, hi, True), sense.unit, "<N>位数 <currency>")

    def _fraction(self) -> Quantity | None:
        nm = self.nm
        per_cent = _PERCENT_DENOMINATORS.get(nm.denominator)
        if per_cent is not None and nm.numerator is not None:
            value = _scaled(nm.numerator, per_cent)
            return self._build("percentage", value, "percent", "<fraction of a power of ten> as percent")
        return self._build("ratio", nm.value, None, "<N分之M> as ratio")

    def _with_unit(self) -> Quantity | None:
        nm, text = self.nm, self.text
        um = self._unit_match if self._unit_match is not _NOT_YET else SUFFIX_UNIT_RE.match(text, _gap(text, nm.end))
        if um is None:
            um = self._plus_count()
            if um is not None:   # 300+ 家: at least 300
                self.bounds.append("min")
                self.suffix_read = True
        if um is None:
            after_word = self._approx_suffix(nm.end)    # 100万左右, 100万以上用户
            if after_word is not None:
                self.end = after_word
                um = SUFFIX_UNIT_RE.match(text, _gap(text, after_word))
        if um:
            self.end, self.unit_surface = um.end(), um.group()
            sense = suffix_sense(self.unit_surface)
        else:
            sense = None
        if self.currency is not None:
            if sense is None or sense.kind == "money":
                return self._money_with_prefix(sense)
            if self.unit_surface == _PRICE_FROM:
                self.end = nm.end   # NT$32,900起, US$999起: a price from, not 32,900 cases
                return self._money_with_prefix(None)
            self._drop_currency()
        if (self.start > 0 and self.text[self.start - 1] in _RATE_PREFIXES   # _starts_rate, inlined
                and not (sense is not None and sense.kind == "duration"
                         and self.text.startswith(_WINDOW_AFTER, self.end))):
            return None   # (每14天内只可预约一次: a window of 14 days, its length stated)
        if self.start > 0 and self.text[self.start - 1] in _PER_MARKS and self._after_price():
            return None   # 0.1 元/百万 tokens: the denominator of a price
        if sense is not None and sense.kind in ("measure", "count_noun") and self._after_latin_word():
            return None   # RTX 4090显卡, iPhone 16个: a model number, not a count
        if self._is_ordinal():
            if sense is not None and sense.kind == "edition":
                self.start = min(self.start, self._ordinal_mark())
                return self._build("anniversary", nm.value, None, "第<number>届")
            return None
        if nm.magnitude_suffix is not None:
            return self._latin_magnitude(sense)
        if sense is None:
            body = nm.text.lstrip("-负")
            one_big = body[:1] == _ARTICLE and all(c in BIG_MULTIPLIERS for c in body[1:])
            if nm.has_big_multiplier and (not nm.weak or self._passing_ten_thousand()) and not one_big:
                if self.text.startswith(CHARACTER_UNIT, self.end) and self._context_clue_nearby(_SENTENCE_ENDS):
                    self.end += len(CHARACTER_UNIT)   # 200万字的上下文: a window in characters
                    return self._build("context_length", nm.value, "characters", "<number>字 near a context clue")
                if (self.text.startswith(TEXT_LENGTH_UNITS, self.end)
                        and self.text[self.end + 1:self.end + 2] not in TEXT_LENGTH_WORD_OPENERS):
                    unit = self.text[self.end]
                    self.end += 1
                    return self._build("count", nm.value, unit, "<number with 万/亿>字/词: a length of text")
                if self._parameter_clue_before():
                    return self._build("parameters", nm.value, "parameters", "参数量<number with 万/亿>")
                if UNIT_PRICE_AFTER_RE.match(self.text, self.end):
                    return self._build("money", nm.value, _UNIT_PRICE_CURRENCY, "<number with 万/亿> 一<measure word>")
                return self._build("other", nm.value, None, "<number with 万/亿/兆>")
            if nm.has_big_multiplier:
                return None   # 一万/一亿 alone are idioms and names (零一万物, 一万个理由), not facts
            return self._unitless_measure(prefixes_read=True)   # 风阻系数为 0.23
        return self._by_sense(sense)

    def _by_sense(self, sense: UnitSense) -> Quantity | None:
        nm, v = self.nm, self.nm.value
        kind = sense.kind
        if nm.weak and nm.digits_only and kind != "discount":
            return None   # 九九 is a number only in 九九折
        if kind == "money":
            return self._build("money", _scaled(v, sense.factor), sense.unit, "<number> <currency>")
        if kind == "percent":
            if sense.unit == "permille":
                return self._build("percentage", _scaled(v, 0.1), "percent", "<number> ‰")
            return self._build("percentage", v, sense.unit, "<number> %")
        if kind == "tenths":
            return self._tenths(v)
        if kind == "discount":
            return self._discount(v)
        if kind == "parameters":
            return self._build("parameters", v, "parameters", "<number> 参数")
        if kind in ("tokens", "context"):
            return self._tokens(v)
        if kind == "duration":
            return self._duration(sense)
        if kind == "anniversary":
            return self._build("anniversary", v, None, "<number> 周年")
        if kind == "edition":   # 50届 without 第: a number of editions
            return self._build("count", v, self.unit_surface, "<number> 届")
        if kind == "ratio":
            return self._build("ratio", v, sense.unit, "<number> 倍")
        if kind == "age":
            return self._build("other", v, sense.unit, "<number> 岁")
        if kind == "metric":
            if nm.text == _HUNDRED and self.start == nm.start:   # (近百公里 is nearly 100 km)
                return None   # 百公里电耗, 百公里加速: per hundred kilometres, a rate's denominator
            plus = 0
            if (self.text[self.end:self.end + 1] == _HALF and v.value is not None
                    and v.value == int(v.value) and sense.factor == 1
                    and self.text[self.end + 1:self.end + 2] not in _HALF_WORD_STARTS):
                plus, self.end = 0.5, self.end + 1   # 一吨半, 两米半: and a half
            if sense.unit == _KM and not plus and self._speed_before():
                return self._build("other", v, _KMH, "时速/每小时 <number> 公里")   # 时速350公里
            if sense.unit == _CELSIUS and not plus:
                return self._build("other", self._below_zero(_scaled(v, sense.factor)), sense.unit,
                                   "<number> <unit of measure>")   # 零下30℃
            return self._build("other", _scaled(v, sense.factor, plus), sense.unit, "<number> <unit of measure>")
        if kind == "arabic_metric":
            return self._arabic_metric(sense)
        if kind == "arabic_count":   # 28国, 140多国: in Arabic digits (三国 alone points back)
            if not nm.text[:1].isdigit() and self._countries_named_before():
                return self._build("count", v, sense.unit, "<countries named> <N in words>国")
            if (not nm.text[:1].isdigit() or not all(c in _ARABIC_COUNT_CHARS for c in nm.text)
                    or v.value is None or v.value >= _ARABIC_COUNT_LIMIT):
                return None
            return self._build("count", v, sense.unit, "<Arabic number> <counted noun>")
        if kind == "measure":
            if self._colloquial_big_ahead():
                return self._colloquial_big()   # 77个亿, 一个亿, 5个多亿
            if nm.text == _ARTICLE or nm.text == _ORDINAL_TWO:
                return None   # 一位 (an article); 二次修改, 二手 (二 before a measure word is "second")
            if nm.text in _IDIOM_MULTIPLIERS and self.text[self.end:self.end + 1] in _IDIOM_MULTIPLIERS:
                return None   # 千行百业, 千家万户, 百人千面: an idiom, not a count
            if self.unit_surface == _MODEL_YEAR_MEASURE and _YEAR_DIGITS_RE.fullmatch(nm.text):
                return None   # 2022 款 ThinkPad: a model year
            if self.unit_surface == _CLASS_MEASURE and self._class_number():
                return None   # 国际分类为35类广告: a class's number, not a count of kinds
            if (self.unit_surface == _BIT_WORD and v.value in BIT_WIDTHS
                    and BIT_WIDTH_AFTER_RE.match(self.text, self._past_paired_bits(_gap(self.text, self.end)))):
                return self._build("other", v, "bit", "<2^k>位 before a chip word")
            unit = sense.unit
            # a chip is counted by the piece (10万颗GPU); 64柜GB200 counts racks of them
            per_piece = self.unit_surface in _PER_PIECE_MEASURES
            noun = HARDWARE_NOUN_RE.match(self.text, self.end) if per_piece else None
            if noun:
                unit, self.end = noun.lastgroup, noun.end()
            elif per_piece and ACCELERATOR_AFTER_NAME_RE.match(self.text, self.end):
                unit = "GPU"   # 10万块英伟达H100 GPU: the count is of GPUs
            return self._build("count", v, unit, "<number> <measure word>")
        if kind == "count_noun":
            if sense.unit == _ASPECTS and self._aspects_not_counted():
                return None
            return self._build("count", v, sense.unit, "<number> <counted noun>")
        return None

    def _aspects_not_counted(self) -> bool:
        """一方面 (on the one hand) and 二方面 after it list points; 这三方面, 前两方面 and
        两方面都 point back at aspects already named: none counts them."""
        nm, text = self.nm, self.text
        if nm.text in _ASPECT_ENUMERATORS:
            return True
        if text.endswith(_ASPECT_POINTERS, max(0, nm.start - 2), nm.start):
            return True
        return text.startswith("都", self.end)

    def _class_number(self) -> bool:
        """09类, or 35类 in a clause that names a classification (国际分类分别为35类广告销售)."""
        nm, text = self.nm, self.text
        if len(nm.text) > 1 and nm.text[0] == "0":
            return True
        begin = max(0, nm.start - _CLASS_WINDOW)
        for k in range(nm.start - 1, begin - 1, -1):
            if text[k] in _CLAUSE_MARKS:
                begin = k + 1
                break
        return any(w in text[begin:nm.start] for w in _CLASS_NUMBER_WORDS)

    def _arabic_metric(self, sense: UnitSense) -> Quantity | None:
        """75度, 1025215分: written in Arabic digits, outside a clock time (4点20分)
        and not the first part of one (3分45秒)."""
        nm, text = self.nm, self.text
        if sense.unit == _LEVEL and nm.text in _LEVEL_WORDS and self.end == nm.end + 1:
            return self._level_word(sense)
        if not nm.text[:1].isdigit() or not all(c in _ARABIC_NUMBER_CHARS for c in nm.text):
            return None
        before = nm.start - 1 - (text[nm.start - 1:nm.start] == " ")   # 19 时 24 分: spaced out alike
        if before >= 0 and text[before] in _CLOCK_BEFORE:
            return None
        if self.end < len(text) and text[self.end].isdigit():
            return None
        if sense.unit == _VOLT and len(nm.text) < _VOLT_MIN_DIGITS:
            return None   # nova 9V, 3V: a model's letter; 12V, 400V are voltages
        if sense.unit == _STARS and (
                nm.value.value is None or nm.value.value > _STARS_MAX
                or text[max(0, nm.start - 2):nm.start].strip(" ")[-1:] == _STARS_NOT_AFTER):
            return None   # 一箭16星: satellites, no rating
        if sense.unit == _LEVEL:
            prev = text[nm.start - 1] if nm.start > 0 else ""
            if (nm.value.value is None or nm.value.value > _LEVEL_MAX or nm.magnitude_suffix
                    or nm.has_big_multiplier or prev == _LEVEL_NOT_AFTER or (prev.isascii() and prev.isalpha())):
                return None   # L4级, 第3级, 100万级
        if (sense.unit == _POINTS and self.unit_surface == _MINUTE_HEAD and text.startswith(_MINUTE_TAIL_SPACED, self.end)
                and text[self.end + len(_MINUTE_TAIL_SPACED):self.end + len(_MINUTE_TAIL_SPACED) + 1] not in _BELL_WORD_ENDS):
            self.end += len(_MINUTE_TAIL_SPACED)   # 12分 钟: a word a typesetting space broke is minutes
            return self._build("duration", self.nm.value, "minutes", "<Arabic number> 分 钟")
        if (sense.unit == _POINTS and self.unit_surface == "点" and not nm.magnitude_suffix
                and not nm.has_big_multiplier and nm.value.value is not None
                and nm.value.value == int(nm.value.value) and nm.value.value <= _CLOCK_HOURS):
            return None   # 3点, 下午5點: a clock hour; 605點, 5.8點 are points
        value = _scaled(self.nm.value, 1, sense.plus) if sense.plus else self.nm.value   # 4星半
        if sense.unit == _DEGREES and self.unit_surface == _DEGREE_WORD and self._temperature_before():
            return self._build("other", self._below_zero(value), _CELSIUS, "<temperature word> <Arabic number>度")
        return self._build("other", value, sense.unit, "<Arabic number> <unit>")

    def _speed_before(self) -> bool:
        """时速350公里, 每小时约110公里, 时速达到120公里: kilometres after a word of speed (and at
        most a link or an approximation word) are kilometres per hour."""
        text = self.text
        at = self.start
        while at > 0 and text[at - 1] == " ":
            at -= 1
        for _ in range(2):   # 时速最高可达300公里: two links at most
            for link in _SPEED_LINKS:
                if text.endswith(link, 0, at):
                    at -= len(link)
                    break
        return any(text.endswith(w, 0, at) for w in _SPEED_WORDS)

    def _temperature_before(self) -> bool:
        """气温31.9度, 气温升到31.9度, 体温在38.5度以上, 摄氏15度, 降到零下20度: a temperature
        word as the number's subject, at most three link words between (升到, 只有, 在, 约:
        `temperature_links`), makes 度 degrees Celsius; one elsewhere in the clause does not
        (温度传感器的支架可旋转360度)."""
        at = self.nm.start
        return _TEMPERATURE_BEFORE_RE.search(self.text, max(0, at - _TEMPERATURE_REACH), at) is not None

    def _below_zero(self, v: NumberValue) -> NumberValue:
        """零下30℃, 零下约5度: 零下 right before the quantity (约 or 大约 between) makes it
        negative (the span takes it in)."""
        text, at = self.text, self.start
        if v.value is not None and v.value < 0:
            return v
        for about in _ABOUT_BEFORE:
            if text.endswith(about, 0, at):
                at -= len(about)
                break
        if not text.endswith(_BELOW_ZERO, 0, at):
            return v
        self.start = at - len(_BELOW_ZERO)
        neg = lambda x: None if x is None else -x   # noqa: E731
        return NumberValue(neg(v.value), neg(v.max), neg(v.min), v.approximate)

    def _past_paired_bits(self, at: int) -> int:
        """8 位和 16 位浮点: a width joined to another shares its noun; where that noun starts."""
        m = _PAIRED_BITS_RE.match(self.text, at)
        return m.end() if m else at

    def _level_word(self, sense: UnitSense) -> Quantity | None:
        """四级地震, 只有二级，: a level in one numeral word; not 上一级, 这一级, 第三级, 一级一级,
        nor a tier's name (一级数据中心)."""
        nm, text = self.nm, self.text
        prev = text[nm.start - 1] if nm.start > 0 else ""
        after = text[self.end:self.end + 1]
        if prev in _LEVEL_WORD_NOT_AFTER or (after and after in _LEVEL_WORD_NOT_BEFORE):
            return None
        if not text.startswith(_LEVEL_WORD_THEN, self.end) and (
                nm.text == _LEVEL_WORD_STEP or (after and after not in _LEVEL_WORD_CLAUSE_END)):
            return None   # 一级数据中心, 三级隔离: a tier's name; 提升一级: a step
        return self._build("other", nm.value, sense.unit, "<number in words> 级")

    def _colloquial_big_ahead(self) -> bool:
        """个亿 or 个多亿 after the number (not 亿万, 亿亿: another word), and the number not an
        ordinal or a pointer (第一个亿, 下一个亿, 这两个亿)."""
        nm, text = self.nm, self.text
        if self.unit_surface != _COLLOQUIAL_INFIX or nm.has_big_multiplier:
            return False
        at = self.end + (1 if text.startswith(_COLLOQUIAL_ABOUT, self.end) else 0)
        if text[at:at + 1] not in _COLLOQUIAL_BIG or text[at + 1:at + 2] in _COLLOQUIAL_BIG_WORDS:
            return False
        return nm.start == 0 or text[nm.start - 1] not in _COLLOQUIAL_NOT_AFTER

    def _colloquial_big(self) -> Quantity | None:
        """77个亿, 三个亿美元: spoken Chinese puts 个 before 亿/万; the amount is 77亿.
        5个多亿 (多 before 亿) is 5亿 and some: 5亿 to 6亿, as 5亿多 is."""
        about = self.text.startswith(_COLLOQUIAL_ABOUT, self.end)
        big = self.text[self.end + about]
        self.end += 1 + about
        v = _scaled(self.nm.value, BIG_MULTIPLIERS[big])
        place = self.nm.value.value
        if about and type(place) is int and place > 0 and not self.nm.value.approximate:
            step = 10 ** (len(str(place)) - len(str(place).rstrip("0")))
            v = NumberValue(v.value, v.value, (place + step) * BIG_MULTIPLIERS[big], True)
        um = SUFFIX_UNIT_RE.match(self.text, _gap(self.text, self.end))
        sense = suffix_sense(um.group()) if um else None
        if sense is not None and sense.kind == "money":
            self.end, self.unit_surface = um.end(), um.group()
            return self._build("money", _scaled(v, sense.factor), sense.unit, "<number>个亿 <currency>")
        return self._build("other", v, None, "<number>个亿")

    def _money_with_prefix(self, sense: UnitSense | None) -> Quantity:
        iso, factor = self.currency, 1
        if sense is not None and self.unit_surface not in _DETERMINED_BY_PREFIX:
            iso, factor = sense.unit, sense.factor   # US$5美元: the word is the more specific
        if sense is None and not self.nm.magnitude_suffix and not self.nm.has_big_multiplier:
            scale = _ENGLISH_SCALE_RE.match(self.text, self.nm.end)
            if scale is not None:   # $33 million, US$1.5 billion: English words of scale
                factor, self.end = _ENGLISH_SCALES[scale.group(1).lower()], scale.end()
        return self._build("money", _scaled(self.nm.value, factor), iso, "<currency> <number>")

    def _countries_named_before(self) -> bool:
        """美韩两国, 英国、法国等三国: a count of countries in words right after the countries
        (two one-character names, or 等 ending their list); not 七国集团, not 两国 alone."""
        nm, text = self.nm, self.text
        if (self.unit_surface != _COUNTRY or self.start != nm.start or nm.text not in _COUNTRY_NUMERALS
                or text.startswith(_COUNTRIES_GROUP_AFTER, self.end)):
            return False
        before = text[max(0, nm.start - 2):nm.start]
        return (before[-1:] in _COUNTRIES_LISTED_BEFORE
                or len(before) == 2 and all(c in _COUNTRY_INITIALS for c in before))

    def _latin_magnitude(self, sense: UnitSense | None) -> Quantity | None:
        """8B, 1.8T (model sizes), 128k (a context when the clause says so), 5B美元, 2M tokens."""
        nm, v = self.nm, self.nm.value
        if sense is not None:
            if sense.kind in ("tokens", "context"):
                return self._tokens(v)
            if sense.kind == "parameters":
                if self.unit_surface in _QUALIFIED_PARAMETERS:
                    self.end = nm.end   # 109B总参数: the size alone (a model's variant is 109B)
                return self._build("parameters", v, "parameters", "<number><letter> 参数")
            if sense.kind not in ("measure", "count_noun"):
                return self._by_sense(sense)                # 5B美元
            self.end, self.unit_surface = nm.end, None      # 8B个: a size, not a count of 8B
        if nm.magnitude_suffix in ("B", "T"):
            if nm.magnitude_suffix == "T" and _DISPLACEMENT_AFTER_RE.match(self.text, nm.end):
                return None   # 1.5T 涡轮增压发动机: an engine's litres, turbocharged
            return self._build("parameters", v, "parameters", MODEL_SIZE_RULE)
        if self._context_clue_nearby():
            return self._build("context_length", v, "tokens", "<number><k|M> near a context clue")
        if nm.magnitude_suffix == "K" and v.value in _K_RESOLUTIONS:
            return None
        return self._build("other", v, None, "<number><k|M>")

    def _after_price(self) -> bool:
        """Is the number right after `<price>/` (spaces allowed around the slash)?"""
        before = self.text[max(0, self.start - 8):self.start].rstrip(" ")   # (the price may end at the floor)
        if not before.endswith(_PER_SLASH):
            return False
        return before[:-1].rstrip(" ").endswith(_PRICE_ENDINGS)

    def _before_price(self) -> bool:
        """Is the quantity followed by `/<price sign>` (1k tokens/$0.002)?"""
        after = self.text[self.end:self.end + 8].lstrip(" ")
        return after.startswith(_PER_SLASH) and after[1:].lstrip(" ").startswith(_PRICE_SIGNS)

    def _tokens(self, v: NumberValue) -> Quantity | None:
        if self._before_price() or self._after_price():
            return None   # 1k tokens/$0.002, 2 元/百万 tokens: the denominator of a price
        size = v.value if v.value is not None else v.min
        if size is not None and size >= MAX_CONTEXT_TOKENS:
            return self._build("count", v, "tokens", "<number> tokens (training-data scale)")
        return self._build("context_length", v, "tokens", "<number> tokens")

    def _tenths(self, v: NumberValue) -> Quantity | None:
        top = v.value if v.value is not None else v.max
        if top is None or top > 10:
            return None
        extra = 0
        nxt = self.text[self.end] if self.end < len(self.text) else ""
        if nxt == "半":
            extra, self.end = 5, self.end + 1
        elif nxt in CN_DIGITS and nxt not in "两俩零〇" and v.value is not None and v.value == int(v.value):
            extra, self.end = CN_DIGITS[nxt], self.end + 1   # 七成六 = 76%
        elif (nxt in _ONE_DIGIT and v.value is not None and v.value == int(v.value) and nm_is_arabic(self.nm)
              and self.text[self.end + 1:self.end + 2] not in _DIGIT_GOES_ON):
            extra, self.end = int(nxt), self.end + 1   # 毛利率5成3 = 53% (Taiwan's financial prose)
        value = _scaled(v, 10, extra)
        return self._build("percentage", value, "percent", "<number> 成")

    def _discount(self, v: NumberValue) -> Quantity | None:
        if v.value is None:
            return None
        if 0 < v.value < 10:
            return self._build("percentage", _scaled(v, 10), "percent", "<number> 折")
        if 10 < v.value < 100 and v.value == int(v.value):
            return self._build("percentage", v, "percent", "<number> 折")
        return None

    def _duration(self, sense: UnitSense) -> Quantity | None:
        nm, v = self.nm, self.nm.value
        if sense.unit == "years" and self.unit_surface.startswith("年"):
            if nm.digits_only and v.value is not None and YEAR_RANGE[0] <= v.value <= YEAR_RANGE[1]:
                return None   # 2024年, 二〇二四年: a date
            after_year = self.end - len(self.unit_surface) + 1
            if _MONTH_AFTER_YEAR_RE.match(self.text, after_year):
                return None   # 24年7月
            if (nm.digits_only and len(nm.text) == 2 and nm.text.isdigit()
                    and _PART_AFTER_SHORT_YEAR_RE.match(self.text, after_year)):
                return None   # 23 年 Q4, 24年上半年: a year written short
        before = self.text[nm.start - 1] if nm.start > 0 else ""
        if nm.text == _ARTICLE and before and before in _POINT_IN_TIME_BEFORE and sense.unit in ("days", "years"):
            return None   # 同一天, 最重要的一天: a day, not its length
        if (nm.text == _ARTICLE and before == _SOMEDAY_BEFORE and sense.unit == "days"
                and (nm.start < 2 or self.text[nm.start - 2] not in _SOMEDAY_NOT_AFTER)):
            return None   # 总有一天, 有一天: someday
        if sense.unit == "quarters" and before and before in _PERIOD_BEFORE:
            return None   # 前三季: the first quarters of a year, a period
        if v.value is not None and v.value < 0:
            return None   # 4 月-2022 年: a hyphen between dates, no length of time
        value = _scaled(v, 1, sense.plus)
        if sense.about and value.value is not None:
            value = NumberValue(value.value, value.value, value.value + 1, True)
        return self._build("duration", value, sense.unit, "<number> <duration unit>")

    # -- helpers --------------------------------------------------------------------
    def _approx_suffix(self, p: int) -> int | None:
        if self.suffix_read:
            return None
        m = APPROX_SUFFIX_RE.match(self.text, p)
        if m is None:
            return None
        self.suffix_read = True
        self.bounds.append(APPROX_SUFFIXES[m.group("word")])
        return m.end()

    def _parameter_clue_before(self) -> bool:
        text, s = self.text, self.nm.start
        left = CLAUSES.start(text, s, max(0, s - PARAMETER_CLUE_WINDOW))
        return PARAMETER_CLUE_RE.search(text, left, s) is not None

    def _context_clue_nearby(self, sentence_ends: str | None = None) -> bool:
        """A context word in the number's clause (or, given `sentence_ends`, in the rest of
        its sentence: 上线时的20万字，…，上下文长度提升了10倍)."""
        text, s, e = self.text, self.nm.start, self.nm.end
        left = CLAUSES.start(text, s, max(0, s - CLAUSE_LOOKAROUND))
        if sentence_ends is None:
            right = CLAUSES.end(text, e, min(len(text), e + CLAUSE_LOOKAROUND))
        else:
            right = min(len(text), e + CLAUSE_LOOKAROUND)
            right = next((i for i in range(e, right) if text[i] in sentence_ends), right)
        return CONTEXT_CLUE_RE.search(text, left, right) is not None

    def _build(self, kind: str, v: NumberValue, unit: str | None, rule: str) -> Quantity:
        after_word = None if self.suffix_read else self._approx_suffix(self.end)   # 10亿美元左右
        if after_word is not None:
            self.end = after_word
        value, lo, hi, approximate = v.value, v.min, v.max, v.approximate
        for bound in self.bounds:
            approximate = True
            if bound == "min" and lo is None:
                lo = value
            elif bound == "max" and hi is None:
                hi = value
        start, end = self.start, max(self.end, self.nm.end)
        # tuple.__new__: a Quantity per number of a dense text, without NamedTuple's Python __new__
        return _new_tuple(Quantity, (kind, value, approximate, lo, hi, unit, start, end, self.text[start:end], rule))


def _scaled(v: NumberValue, factor: float, plus: float = 0) -> NumberValue:
    """Scale every part of a value, rounding off float noise (7 * 10 * 0.1 gives 7, not 7.000000000000001)."""
    if factor == 1 and not plus and _exact_ints(v):
        return v   # what the rounding below gives back for whole numbers a float holds exactly

    def f(x):
        if x is None:
            return None
        y = round(x * factor + plus, 12)
        return int(y) if float(y).is_integer() else y
    return NumberValue(f(v.value), f(v.min), f(v.max), v.approximate)


def _exact_ints(v: NumberValue) -> bool:
    """Every part of `v` is None or an int that a float holds exactly."""
    for x in (v.value, v.min, v.max):
        if x is not None and not (type(x) is int and -_EXACT_IN_FLOAT < x < _EXACT_IN_FLOAT):
            return False
    return True


_EXACT_IN_FLOAT = 2 ** 53
_new_tuple = tuple.__new__
