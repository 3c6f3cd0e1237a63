"""The patterns of Chinese news time expressions, compiled once.

Rules read the key view (Simplified, half-width, ASCII lower-cased), so one
pattern serves both scripts. Every pattern is a flat alternation of bounded
pieces (no nested quantifiers), so a scan is linear in the sentence.
The examples that prove each rule are in tests/extractors/cases/time_expressions.yaml.
"""
from __future__ import annotations

import re
from pathlib import Path

import regex
import yaml

from ..quantities.numerals import PLAIN_DIGITS


def alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


HOLIDAYS = yaml.safe_load((Path(__file__).parent / "holidays.yaml").read_text(encoding="utf-8"))

# The characters of a date's numbers in words: the shared digit table, and ten.
CN = "".join(sorted(PLAIN_DIGITS, key=PLAIN_DIGITS.get)) + "十"
N2 = rf"(?:\d{{1,2}}|[{CN}]{{1,3}})"              # 1..99 as news writes a month, a day, an hour
N3 = rf"(?:\d{{1,3}}|[{CN}百]{{1,4}})"
YEAR4 = rf"(?:(?<!\d)\d{{4}}(?!\d)|[〇零一二三四五六七八九]{{4}}|两千(?:零?[一二三四五六七八九十]{{1,3}})?|民国\s*{N3})"
YEAR2 = rf"(?:(?<![\d.])(?:0\d|[〇零][〇零一二三四五六七八九]|\d{{2}}(?=\s*年\s*{N2}\s*月)))"
REL_YEAR = {"今年": 0, "去年": -1, "明年": 1, "前年": -2, "后年": 2, "大前年": -3}
REL_MONTH = {"上个月": -1, "上月": -1, "本月": 0, "这个月": 0, "当月": 0, "下个月": 1, "下月": 1}
REL_QUARTER = {"本": 0, "这个": 0, "这一": 0, "上个": -1, "上一": -1, "上": -1, "下个": 1, "下一": 1, "下": 1}
REL_DAY = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "大前天": -3,
           "明天": 1, "明日": 1, "后天": 2, "大后天": 3}
# A day and a part of it in one word (今晚 = 今天晚上).
REL_DAY_POD = {"今晨": (0, "MO"), "今早": (0, "MO"), "今晚": (0, "EV"), "今夜": (0, "NI"),
               "昨晚": (-1, "EV"), "昨夜": (-1, "NI"), "明晚": (1, "EV"), "明早": (1, "MO")}
REL_WEEK = {"上个": -1, "上": -1, "下个": 1, "下": 1, "本": 0, "这个": 0, "这一": 0, "这": 0}
WEEKDAY = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
# Part of day -> (TIMEX part, hours added to a clock 1..11 in it)
PART_OF_DAY = {"凌晨": ("MO", 0), "清晨": ("MO", 0), "早上": ("MO", 0), "早晨": ("MO", 0),
               "早间": ("MO", 0), "上午": ("MO", 0), "早": ("MO", 0), "中午": ("MI", 12),
               "午间": ("MI", 12), "下午": ("AF", 12), "傍晚": ("EV", 12), "晚上": ("EV", 12),
               "晚间": ("EV", 12), "夜间": ("NI", 12), "深夜": ("NI", 12), "夜里": ("NI", 12),
               "晚": ("EV", 12), "午夜": ("NI", 0)}
ANCHOR = {"过去": -1, "最近": -1, "近": -1, "前": -1, "上": -1, "未来": 1, "接下来": 1, "后": 1, "今后": 1, "下": 1}
UNIT = {"年": "Y", "个月": "M", "月": "M", "周": "W", "个星期": "W", "星期": "W", "礼拜": "W",
        "天": "D", "日": "D", "季度": "Q", "个季度": "Q"}
SET_UNIT = {"天": "D", "日": "D", "周": "W", "个星期": "W", "星期": "W", "个礼拜": "W", "礼拜": "W",
            "个月": "M", "月": "M", "年": "Y", "季度": "Q", "个季度": "Q"}
MONTH_PART = ("上旬", "中旬", "下旬", "初", "底", "末", "中")
YEAR_PART = ("初", "底", "末")
HALF = {"上半年": 1, "前半年": 1, "下半年": 2, "后半年": 2}

_pod = alt(PART_OF_DAY)
_weekday = "[一二三四五六日天]"
_week = r"(?:星期|礼拜|周)"

# A clock: 6点, 晚上9点半, 9点20分, 10:30, 17:55:23, 零点整.
CLOCK = (
    rf"(?:(?P<pod>{_pod})\s*)?"
    rf"(?:(?P<hh>(?<!\d)\d{{1,2}}):(?P<mm>\d{{2}})(?::(?P<ss>\d{{2}}))?(?![\d:])"
    rf"|(?P<hour>\d{{1,2}}|[{CN}]{{1,3}})\s*(?:点钟|点|时(?![间候期代刻段长速尚装]))"
    rf"(?:\s*(?P<minute>\d{{1,2}}|[{CN}]{{1,3}})\s*分(?:\s*(?P<sec>\d{{1,2}}|[{CN}]{{1,3}})\s*秒)?"
    rf"|(?P<minute2>\d{{2}}|[二三四五]十[一二三四五六七八九]?|十[一二三四五六七八九])(?![\d分秒%.])"
    rf"|(?P<halfh>半)|(?P<qh>[一三13]刻)|(?P<sharp>整))?)"
)
# A bare 号 after a number (no month before it) names a day only in a day's
# context: a part of the day, 当天, 起/前/后, a range to another day (15号至18号),
# as the second of two days (17、18号), or opening a clause before its verb
# (他，28号抵达), or ending the text read after 的 or alone (a query: 下次的12号). Otherwise it is a
# numbered thing: a
# rocket, a road number, a document number, a queue ticket (神舟十一号, 1号公路).
_HAO_DAY_AFTER = (r"\s*(?:当天|当日|当晚|那天|凌晨|早上|早晨|上午|中午|下午|晚上|晚间|傍晚|夜间|夜里|晚|"
                  r"起(?![飞来降])|以前|之前|以后|之后|前后|前(?![往进])|开始|左右|(?:到|至|-|~)\s*\d{1,2}\s*[日号])")
_HAO_NOT_DAY = "线|楼|店|馆|机|车|位|选手|元|院|球|码|字|称|召"
# A date: the fields a news text gives, any of them absent.
DATE = (
    rf"(?:(?P<iy>(?<![\d.a-z_])(?<![a-z]-)\d{{4}})(?P<isep>[-./])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?![\d.])"
    rf"|(?:(?:(?P<year>{YEAR4})|(?P<year2>{YEAR2}))\s*年|(?P<relyear>{alt(REL_YEAR)}))"
    rf"(?:\s*(?:(?P<month>{N2}|正)\s*月(?!份?\s*[底初末]?\s*以?来)|(?P<relmonth>{alt(REL_MONTH)}))"
    rf"(?:\s*(?P<day>{N2})\s*[日号]|\s*(?P<mpart>{alt(MONTH_PART)})(?!\p{{Han}}{{0,1}}[国文心期部])"
    rf"|\s*(?P<dayb>[{CN}]{{1,3}})(?![{CN}百千万亿个点时年月日号分岁]))?"
    rf"|(?P<ypart>{alt(YEAR_PART)})|(?P<ycalendar>(?![度代])))"
    rf"|(?:(?P<month_m>(?<![\d.])\d{{1,2}}|(?<![{CN}])[{CN}]{{1,3}}|正)\s*月(?![份]?\s*[底初末]?\s*以?来)"
    rf"|(?P<relmonth_m>{alt(REL_MONTH)}))"
    rf"(?:\s*(?P<day_m>{N2})\s*[日号]|\s*(?P<mpart_m>{alt(MONTH_PART)})(?![国文心期部])"
    rf"|\s*(?P<dayb_m>[{CN}]{{1,3}}(?![{CN}百千万亿个点时年月日号分岁])|\d{{1,2}}(?=\s*(?:到|至|-|~)\s*\d{{1,2}}\s*[日号])))?"
    rf"|(?P<day_only>(?<![\d{CN}.])(?:\d{{1,2}}|[一二三]?十[一二三四五六七八九]?))\s*"
    rf"(?:日|(?<=\d)号(?={_HAO_DAY_AFTER})|(?:(?<=^\d)|(?<=^\d\d)|(?<=的\d)|(?<=的\d\d))号(?=\s*\Z)|(?:(?<=[，,]\d)|(?<=[，,]\d\d))号(?=\p{{Han}})(?!{_HAO_NOT_DAY}))"
    rf"|(?P<day_hao2>(?:(?<=\d[至到\-~、])|(?<=\d号[至到\-~、]))\d{{1,2}})号(?!{_HAO_NOT_DAY})"
    rf"|(?P<relday>{alt(REL_DAY)})(?P<relday_pod>{alt(REL_DAY_POD)})?"
    rf"|(?P<reldaypod>{alt(REL_DAY_POD)})"
    rf"|(?<![\d{CN}每几个第])(?P<relweek>{alt(REL_WEEK)})?{_week}(?:(?P<weekday>{_weekday})|(?P<weekend>末))"
    rf"|(?<![\d{CN}每几第])(?P<relweek_w>上个|下个|本|这个|这|上|下){_week}(?![{CN}内里间])"
    rf")"
    # a weekday in brackets after a date: 7月30日（週二）
    rf"(?:\s*[(,]?\s*{_week}{_weekday}\s*[)]?)?"
)
# Expressions whose shape is their own: quarters, fiscal years, halves,
# decades, anchored periods, holidays and sets.
SPECIAL = (
    rf"(?P<fiscal>(?:fy\s?(?P<fy>\d{{4}}|\d{{2}})(?![\d])|(?P<fyear>{YEAR4})\s*(?:财年|财政年度|会计年度|财政年|会计年))"
    rf"(?:\s*(?:第(?P<fq>[一二三四1-4])(?:财季|季度|季)|q(?P<fq2>[1-4])(?![a-z0-9])))?"
    rf"|第(?P<fq3>[一二三四1-4])财季)"
    rf"|(?P<quarter>(?:(?P<qyear>{YEAR4})\s*年(?:\s*度)?\s*|(?P<qrel>{alt(REL_YEAR)})\s*)"
    rf"(?:第(?P<q>[一二三四1-4])(?:季度|季)|q(?P<q2>[1-4])(?![a-z0-9]))"
    rf"|第(?P<q3>[一二三四])(?:季度|季)(?![\p{{Han}}]{{0,2}}[集部])"
    rf"|(?<![a-z0-9])q(?P<qlabel>[1-4])(?![a-z0-9])"
    rf"|(?P<qshift>{alt(REL_QUARTER)})(?:季度|季)(?!节))"
    rf"|(?P<half>(?:(?P<hyear>{YEAR4})\s*年|(?P<hrel>{alt(REL_YEAR)}))?(?P<hword>{alt(HALF)}))"
    rf"|(?P<decade>(?:(?P<cent>上世纪|本世纪)|(?P<centn>\d{{2}}|[一二]?十[一二三四五六七八九]?)\s*世纪)?"
    rf"(?P<dec>(?<!\d)\d0|[一二三四五六七八九]十)\s*年代)"
    rf"|(?P<anchored>(?P<anc>{alt(ANCHOR)})\s*(?:的\s*)?(?P<ancn>\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})\s*"
    rf"(?P<ancu>{alt(UNIT)}))"
    rf"|(?P<holiday>(?:(?P<hdyear>{YEAR4})\s*年|(?P<hdrel>{alt(REL_YEAR)}))?"
    rf"(?P<hdname>{alt([*HOLIDAYS['fixed'], *HOLIDAYS['lunar'], *HOLIDAYS['nth']])})(?![度]))"
    rf"|(?P<crange>(?:(?P<cr_pod>{_pod})\s*)?(?P<cr_a>\d{{1,2}}|[{CN}]{{1,3}})\s*(?:到|至|-|~)\s*"
    rf"(?P<cr_b>\d{{1,2}}|[{CN}]{{1,3}})\s*(?:点钟|点)(?P<cr_half>半)?)"
    rf"|(?P<mrange>(?:(?P<mr_year>{YEAR4})\s*年\s*)?(?<![\d.])(?P<mr_a>\d{{1,2}}|[{CN}]{{1,3}})\s*(?:到|至|-|~)\s*"
    rf"(?P<mr_b>\d{{1,2}}|[{CN}]{{1,3}})\s*月(?![\d{CN}]|\s*[日号初中底末]))"
    rf"|(?P<set>每\s*(?:(?P<setw>个?(?:星期|礼拜)|周)(?P<setwd>{_weekday})|(?P<setu>{alt(SET_UNIT)}))"
    rf"(?:\s*{CLOCK.replace('(?P<', '(?P<s_')})?)"
)

# What may follow the digits an expression starts with (after spaces): 2024年,
# 2024财年/会计年度, 20世纪, 90年代, 5到6点 / 3-5月 / 6~7点, 2024-07-30 / 2024.7.30 /
# 2024/7/30, 7月, 30日 / 30号, 10:30, 6点 / 6时. Every alternative of the grammar
# that starts with a digit reads one to four of them and then one of these.
AFTER_LEADING_DIGITS = "年财会世到至-~./月日号:点时"


def _chars(s: str) -> str:
    """s as the inside of a character class."""
    return "".join("\\" + c if c in "\\]^-" else c for c in s)


def _no_start_in_digits(zone_words) -> str:
    """A guard in front of the grammar that fails at once where no expression
    can start: at a digit with five digits from it (no alternative reads more than
    four before a non-digit), or whose run of digits is followed by something not
    in AFTER_LEADING_DIGITS (1元, 1个, 1倍) or not by what that many digits can
    start (1年, 123月). It changes no match, only the cost of
    finding none: without it each digit of 1111... or 1元1元... tries every
    alternative (2-3.5 µs per character). Holiday and zone words would escape the
    guard, but none starts with a digit (else there is no guard)."""
    words = [*zone_words, *HOLIDAYS["fixed"], *HOLIDAYS["lunar"], *HOLIDAYS["nth"]]
    if any(w[:1].isdigit() for w in words):
        return ""
    chars = _chars
    return (rf"(?!\d{{5}})(?!\d{{1,4}}+\s*+[^{chars(AFTER_LEADING_DIGITS)}\d\s])"
            # and by how many digits: none reads three; one makes no year, century
            # or ISO date (1年), two no fiscal year or ISO date (24年, 90年代 and
            # 20世纪 they do make); four only a year or an ISO date (2024年,
            # 2024财年, 2024-07-30)
            rf"(?!\d{{3}}(?!\d))"
            rf"(?!\d(?!\d)\s*+[{chars('年财会世./')}])"
            rf"(?!\d{{2}}(?!\d)\s*+[{chars('财会./')}])"
            rf"(?!\d{{4}}(?!\d)\s*+[{chars('世月日号点时:到至~')}])")


_zone = r"(?P<zone>{zones})"
APPROX = r"(?P<approx>大约|大概|约)?"
AROUND = r"(?P<around>左右)?"


def _expression(zone_words, guarded: bool, second_clock: str) -> str:
    zones = alt(zone_words)
    clock = CLOCK
    return (
        rf"{_no_start_in_digits(zone_words) if guarded else ''}(?:"
        rf"{SPECIAL}"
        rf"|{APPROX}(?:(?P<zone>{zones})\s*)?"
        rf"(?:{DATE}(?:\s*(?:的\s*)?(?:{clock}|(?P<pod_only>{_pod})(?![\p{{Han}}]?[点时\d])))?|{second_clock})"
        rf"{AROUND})"
    )


def expression_pattern(zone_words) -> regex.Pattern:
    """One expression: a special shape, or [zone] date [time] / [zone] time."""
    return regex.compile(_expression(zone_words, True, CLOCK))


# \p{Han} of `regex` in the Basic Multilingual Plane (tests/timex/test_start_scan.py checks it).
HAN_BMP = ("\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
           "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9")
# The second clock of the grammar (a time alone) in the `re` grammar: `regex` lets two
# groups share a name, `re` does not; model.read takes dup_hour for hour.
SECOND = "dup_"


def scan_grammar(zone_words) -> re.Pattern:
    """The same grammar for the standard library's `re`, which tries it in about
    0.6x the time of `regex`, for the texts start_pattern serves (no character there
    that `re` and `regex` read differently, none outside the Basic Multilingual
    Plane): tried only at the places the scan finds, which hold the guard, so without
    it. tests/timex/test_start_scan.py holds it equal to expression_pattern."""
    source = _expression(zone_words, False, CLOCK.replace("(?P<", f"(?P<{SECOND}"))
    return re.compile(source.replace(r"[\p{Han}]", f"[{HAN_BMP}]").replace(r"\p{Han}", f"[{HAN_BMP}]"))


# -- where an expression can start -----------------------------------------
# Most places the grammar is tried, it fails, and a failed try of its one big
# alternation costs `regex` 2-6 µs. start_pattern finds, with the standard library's
# `re` (which skips in C the characters no branch starts with, and whose branches
# fail on their first character at once), every place where the grammar might
# match: a *necessary* condition, one character long, so the stage tries the grammar
# only there and finds exactly what trying every place finds. Each condition below
# says which alternatives of the grammar above it stands for;
# tests/timex/test_start_scan.py holds the two ways equal on random text.
# `re` and `regex` disagree on a few characters: `regex` knows 110 digits of Unicode
# after 14.0 (all outside the Basic Multilingual Plane) and `re` takes U+001C-001F
# for spaces. A text holding one of those, or a digit other than 0-9 (the scan lists
# 0-9 among its first characters), is scanned at every place (needs_full_scan), so on
# the other texts \d and \s mean the same to both.
# The digits other than 0-9 that `re` knows in the Basic Multilingual Plane (Unicode
# 14.0; tests/timex/test_start_scan.py checks the list against `re`).
OTHER_DIGITS = (  # each a zero and the nine after it
    "\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f"
    "\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f"
    "\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u1090-\u1099"
    "\u17e0-\u17e9\u1810-\u1819\u1946-\u194f\u19d0-\u19d9\u1a80-\u1a89\u1a90-\u1a99"
    "\u1b50-\u1b59\u1bb0-\u1bb9\u1c40-\u1c49\u1c50-\u1c59\ua620-\ua629\ua8d0-\ua8d9"
    "\ua900-\ua909\ua9d0-\ua9d9\ua9f0-\ua9f9\uaa50-\uaa59\uabf0-\uabf9\uff10-\uff19"
)
_FULL_SCAN = re.compile(f"[\x1c-\x1f{OTHER_DIGITS}\U00010000-\U0010ffff]")


def needs_full_scan(text: str) -> bool:
    return _FULL_SCAN.search(text) is not None


# A digit: one to four of them, then what AFTER_LEADING_DIGITS lists; inside a run
# of digits only the alternatives without (?<!\d) start: a century (120世纪 reads
# 20世纪), a clock, a clock or month range (the guard above then applies).
def _digit_start_composed(zone_words) -> str:
    """The digit condition as its pieces say it: where a digit run may start one, then
    the guard. _digit_start is the same condition in fewer steps."""
    return (rf"(?:(?<!\d)|(?=\d{{1,2}}\s*[世到至\-~点时]))(?=\d{{1,4}}\s*[{_chars(AFTER_LEADING_DIGITS)}])"
            rf"{_no_start_in_digits(zone_words)}")


# _digit_start_composed read once: n digits (the whole run from here, possessively),
# spaces, then a character c. The composed form holds where c is in
# AFTER_LEADING_DIGITS and (at a run's first digit, or n <= 2 and c one of 世到至-~点时)
# and the guard lets n and c pass: n is not 3 nor over 4; one digit not before
# 年财会世./, two not before 财会./, four not before 世月日号点时:到至~. So inside a
# run: one digit before 到至-~点时, two before 世到至-~点时; at its first digit also
# one before 月日号:, two before 年月日号:, four before 年财会-./. Every alternative
# fails at its first character that does not fit, without backtracking (the composed
# form tries up to four lengths and eight look-aheads at every digit: 10 % of the
# scan). tests/timex/test_start_scan.py holds the two equal.
_DIGIT_START = (r"\d\s*+[到至\-~点时]|\d{2}\s*+[世到至\-~点时]"
                r"|(?<!\d)(?:\d\s*+[月日号:]|\d{2}\s*+[年月日号:]|\d{4}\s*+[年财会\-./])")


def _digit_start(zone_words) -> str:
    if not _no_start_in_digits(zone_words):
        return _digit_start_composed(zone_words)   # no guard: the conditions above do not hold
    return f"(?:{_DIGIT_START})"


# Chinese numerals as the grammar reads them (CN, N2, YEAR4, YEAR2, the decade's 九十).
_CN_START = (
    rf"[〇零一二三四五六七八九]{{4}}\s*[年财会]"          # a year: 二〇二四年, 二〇二四财年
    rf"|[〇零][〇零一二三四五六七八九]\s*年"                # a two-digit year: 〇八年
    rf"|[一二三四五六七八九]十\s*年代"                      # a decade: 九十年代
    rf"|[{CN}]{{1,3}}\s*[月日号世点时到至\-~]"            # month, day, century, clock, ranges
)


def _start_words(zone_words) -> list[tuple[list[str], str]]:
    """The words an expression begins with (after 大约/约, if any), each with what
    must follow it."""
    weeks = ("星期", "礼拜", "周")
    return [
        ([*zone_words, *HOLIDAYS["fixed"], *HOLIDAYS["lunar"], *HOLIDAYS["nth"], *REL_YEAR,
          *REL_MONTH, *REL_DAY, *REL_DAY_POD, *HALF, "上世纪", "本世纪", "民国", "两千", "fy",
          *(r + w for r in REL_WEEK for w in weeks),          # 下周, 上个星期
          *(r + "季" for r in REL_QUARTER)], ""),              # 上季度
        (list(weeks), "[一二三四五六日天末]"),                   # 星期日, 周末
        (list(ANCHOR), rf"\s*(?:的\s*)?(?:\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})\s*(?:{alt(UNIT)})"),
        (list(PART_OF_DAY), rf"\s*(?:\d{{1,2}}\s*[:点时到至\-~]|[{CN}]{{1,3}}\s*[点时到至\-~])"),
        (["正"], r"\s*月"),
        (["第"], r"[一二三四1-4](?:财季|季)"),
        (["q"], r"[1-4]"),
        (["每"], rf"\s*(?:{alt(SET_UNIT)})"),                  # 每周, 每个星期, 每天
    ]


def start_pattern(zone_words) -> re.Pattern:
    """One character where an expression may start (see above), so the scan finds
    every such place, overlapping ones included.

    Its shape is for `re`'s speed: `[every first character]` lets it skip any other
    character in C; the look-behind of width one after it goes back to that character
    and tries the branches, each of which starts with a class or a character that `re`
    checks before entering it: digits, numerals, 大/约 (a condition from the character
    itself, again a look-behind of width one), then the first characters of the words
    in buckets of sixteen, each `[bucket](?<=c(?=rest of c's words)|...)`, so a place
    costs a few dozen checks, not one per first character."""
    words = _start_words(zone_words)
    flat = "|".join([_digit_start(zone_words), _CN_START,
                     *(f"(?:{alt(group)}){tail}" for group, tail in words)])
    by_first: dict[str, list[str]] = {}
    for group, tail in words:
        rests: dict[str, list[str]] = {}
        for w in group:
            rests.setdefault(w[0], []).append(w[1:])
        for first, rest in rests.items():
            by_first.setdefault(first, []).append(f"(?:{alt(rest)}){tail}")
    firsts = sorted(by_first)
    branches = [rf"[0-9](?<=(?={_digit_start(zone_words)})[0-9])",
                rf"[{CN}](?<=(?={_CN_START})[{CN}])",
                rf"[大约](?<=(?=(?:大约|大概|约)(?:{flat}))[大约])"]     # 大约 / 约 then a date or a time
    for i in range(0, len(firsts), 16):
        bucket = firsts[i:i + 16]
        branches.append(f"[{_chars(''.join(bucket))}](?<="
                        + "|".join(f"{re.escape(c)}(?={'|'.join(by_first[c])})" for c in bucket) + ")")
    every = _chars("".join(sorted({*"0123456789", *CN, *"大约", *firsts})))
    return re.compile(f"[{every}](?<={'|'.join(branches)})")


# Between two expressions of one range: 7月30日至8月2日, 下午5:00到6:00.
RANGE_LINK = regex.compile(r"\s*(?:到|至|-|~|—|–)\s*")
RANGE_BETWEEN = regex.compile(r"\s*(?:和|与)\s*")
RANGE_OPEN = regex.compile(r"(?:从|自)\s*$")
RANGE_CLOSE = regex.compile(r"\s*(?:之间|间)")
RANGE_END = regex.compile(r"\s*之间")
# After a place, 当地时间 names that place's zone.
LOCAL_TIME = regex.compile(r"当地时间")
