"""Numeral expressions (Arabic, Chinese, mixed, vague) and their values.

`scan_number(text, pos)` reads the longest well-formed numeral that starts at
`pos`: one token regex applied token by token, a small state machine that
stops at the first token the grammar does not allow, no backtracking across
tokens. Scanning a whole text therefore stays linear. `parse_number(s)` is
the same reading for one string that must be a numeral from end to end.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from .units import LEXICON

Number = int | float

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
ZEROS = "零〇"
SMALL_MULTIPLIERS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_MULTIPLIERS = {"万": 10**4, "亿": 10**8, "兆": 10**12}
# Financial (banker's) numerals are words of their own when alone: 伍 (a surname), 陆 (land), 拾 (pick up).
FINANCIAL_NUMERALS = set("壹贰叁肆伍陆柒捌玖拾佰仟")
# 两 counts things; it is never read digit by digit (两两) nor after 点.
NOT_POSITIONAL_DIGITS = set("两俩")
# The digits dates and editions write (二〇二四年, 第十五屆): no banker's numerals, no 俩.
PLAIN_DIGITS = {c: v for c, v in CN_DIGITS.items() if c not in FINANCIAL_NUMERALS and c != "俩"}
TENS = "".join(c for c, v in SMALL_MULTIPLIERS.items() if v == 10)
# Vague leads and the multipliers they combine with: 几十, 数千, 上百.
VAGUE_LEADS = {"几": "十百千万亿兆", "数": "十百千万亿兆", "上": "百千万亿"}
# Upper bound used for a vague lead: 几十 is 10..100, so 几 counts as 1..10 here.
VAGUE_LEAD_RANGE = (1, 10)
# A trailing 几 is one digit: 十几 is 11..19; after Arabic tens as well (20几 is 21..29).
VAGUE_DIGIT_RANGE = (1, 9)
ARABIC_TENS_BEFORE_JI = frozenset(f"{d}0" for d in range(1, 10))
# Adjacent digits before a multiplier give a range: 二三十 is 20..30, 一两百 100..200.
VAGUE_PAIRS = {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)}
# 多/余 after a round number: 3000多 is 3000..4000, 十余万 100000..200000.
ABOUT_INFIXES = "多余"
# Latin magnitude letters glued to an Arabic number: 128k, 1M, 8B, 1.8T.
LATIN_MAGNITUDES = {"k": 10**3, "K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
# ...unless the letter starts a word of its own (3T恤 is a T-shirt).
LATIN_MAGNITUDE_BLOCKERS = {"T": "恤型台", "B": "站端超", "K": "线歌"}
# Metric units whose first character is also a Chinese multiplier (100兆瓦 = 100 MW,
# not 100 * 10^12 W): the numeral stops before them.
METRIC_UNITS_STARTING_WITH_MULTIPLIER = (
    "千瓦", "千米", "千克", "千兆", "千字节", "千赫", "千卡", "千比特", "兆瓦", "兆字节", "兆赫",
    "兆比特", "兆帕", "兆位", "兆像素", "兆欧")
# Longest numeral read, in tokens and in digit-by-digit digits: keeps every reading
# bounded (and int() far from its 4300-digit limit) whatever the input.
MAX_TOKENS = 40
MAX_SEQUENCE_DIGITS = 24
# Fractional digits followed by these are a clock time (六点三十分), not a decimal.
CLOCK_AFTER_FRACTION = set("十分刻") | set(SMALL_MULTIPLIERS)
# parse_number also accepts the Traditional and full-width spellings of numeral characters.
_FOLD_FOR_PARSE = str.maketrans(
    "萬億兩倆點負幾餘陸貳叄０１２３４５６７８９．，－％",
    "万亿两俩点负几余陆贰叁0123456789.,-%")

_TOKEN = re.compile(rf"""
    (?P<arabic>[0-9]{{1,3}}(?:,[0-9]{{3}}){{1,8}}(?![0-9])(?:\.[0-9]{{1,20}}(?![0-9])(?!\.[0-9]))?
              |[0-9]{{1,30}}(?:\.[0-9]{{1,20}}(?![0-9])(?!\.[0-9]))?
              |\.[0-9]{{1,20}}(?![0-9])(?!\.[0-9]))
   |(?P<digit>[{"".join(CN_DIGITS)}])
   |(?P<small>[{"".join(SMALL_MULTIPLIERS)}])
   |(?P<big>[{"".join(BIG_MULTIPLIERS)}])
   |(?P<point>点)
   |(?P<ji>几)
   |(?P<about>[{ABOUT_INFIXES}])
   |(?P<space>[ \t\u00a0]{{1,4}})
""", re.X)
_FRACTION_OF = re.compile(r"[ ]{0,3}分[ ]{0,3}之[ ]{0,3}")
_MIXED_AND = re.compile(r"[ ]{0,3}又[ ]{0,3}")
_FRACTION_OR_MIXED_FIRST_CHARS = frozenset(" 分又")

# states of the reader
_START, _LEAD, _PAIR, _ARABIC, _CN, _ZERO, _LEADING_ZERO, _SMALL, _BIG, _FRAC, _ABOUT = range(11)
_COMPLETE = {_ARABIC, _CN, _LEADING_ZERO, _SMALL, _BIG, _FRAC, _ABOUT}


class NumberValue(NamedTuple):
    """A number as stated. Vague numbers (几十亿) have value None and bounds.
    (Immutable; a named tuple because one is made for every numeral read, and a
    frozen dataclass costs several times as much to build.)"""
    value: Number | None
    min: Number | None = None
    max: Number | None = None
    approximate: bool = False


class NumberMatch(NamedTuple):
    """One numeral found in a text, with what the scanner needs to judge it (immutable)."""
    start: int
    end: int
    text: str
    value: NumberValue
    weak: bool = False            # a lone 一/两/十, a bare 百/千亿, 九九: a number only beside a unit
    digits_only: bool = False     # 2024 or 二〇二四, read digit by digit: may be a year
    has_big_multiplier: bool = False   # contains 万/亿/兆
    magnitude_suffix: str | None = None   # k/K/M/B/T
    denominator: Number | None = None     # set for N分之M (value is M/N)
    numerator: NumberValue | None = None


# What may continue a numeral after its first token; the fast path hands these to the full reader.
_CONTINUES_NUMERAL = frozenset("".join(CN_DIGITS) + "".join(SMALL_MULTIPLIERS) + "".join(BIG_MULTIPLIERS)
                               + "0123456789.,点多余几分又 \t\u00a0" + "".join(LATIN_MAGNITUDES))
_LONE_DIGIT_VALUES = {c: NumberValue(v) for c, v in CN_DIGITS.items()
                      if c not in FINANCIAL_NUMERALS and c not in ZEROS}
_SIMPLE_ARABIC = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?(?![0-9.,点十拾百佰千仟万亿兆多余分又 \t\u00a0kKMBTw几])")
# ...and one a space sets off from a word (typeset prose: 達到 50 %, 共 8 款): after the
# space nothing the full reader would look at as part of it (a multiplier, 多/余, a
# magnitude letter, 分之, 又, more space, a Chinese digit).
_SIMPLE_ARABIC_SPACED = re.compile(
    r"[0-9]{1,15}(?:\.[0-9]{1,15})?"
    rf"(?= [^十拾百佰千仟万亿兆多余分又 \t\u00a0kKMBT{''.join(CN_DIGITS)}])")
# 500万, 4.3亿, 128K, 1.8T: digits (at most 24, so Decimal's 28 hold them exactly as the full
# reader's sums do), then 万/亿 or a magnitude letter (_read_scaled checks what follows).
# A lower-case w is 万 before a plus or a word of web counts (5w+, 10w阅读; lexicon wan_letter):
# read here only, so the full reader leaves it to the units (100w is 100 W).
_WAN_LETTER = LEXICON["wan_letter"]
_WAN_LETTER_AHEAD = "|".join(map(re.escape, sorted(LEXICON["wan_letter_before"], key=len, reverse=True)))
_SCALED_ARABIC = re.compile(r"([0-9]{1,12}(?:\.[0-9]{1,12})?)(?:( ?)([万亿]|" + re.escape(_WAN_LETTER)
                            + "(?=" + _WAN_LETTER_AHEAD + r"))|( ?)([kKMBT])|(?=点|分(?![ 之])|,(?![0-9])))")
# After 万/亿, what the full reader would take as more of the numeral (its tokens' first
# characters, and 分/又 of a fraction).
_GOES_ON_AFTER_BIG = frozenset("".join(CN_DIGITS) + "".join(SMALL_MULTIPLIERS) + "".join(BIG_MULTIPLIERS)
                               + "0123456789.点多余几分又 \t\u00a0")
_ARABIC_DIGITS = frozenset("0123456789")
_METRIC_GUARD = re.compile("|".join(METRIC_UNITS_STARTING_WITH_MULTIPLIER))
_SPACES = " \t\u00a0"
_new_tuple = tuple.__new__


def parse_number(s: str) -> NumberValue | None:
    """The value of one numeral expression, or None if `s` is not exactly one."""
    s = s.strip().translate(_FOLD_FOR_PARSE)
    if not s:
        return None
    match = scan_number(s, 0)
    if match is None or match.end != len(s):
        return None
    if match.text[0] in BIG_MULTIPLIERS:
        return None   # 万 or 万万 alone is a word (万万不可), not a number
    return match.value


def small_number(s: str) -> int | None:
    """0..9999 as dates and editions write it: Arabic digits, Chinese digits read
    one by one (二〇二四 -> 2024), or 十-style tens (十, 十五, 三十一). Not a
    quantity's reading: there 一二 is a range (1..2), here the digits 1 and 2."""
    s = s.strip().replace("兩", "两")
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if all(c in PLAIN_DIGITS for c in s):
        return int("".join(str(PLAIN_DIGITS[c]) for c in s))
    if any(c in TENS for c in s) and len(s) <= 3:
        tens_at = next(i for i, c in enumerate(s) if c in TENS)
        head, tail = s[:tens_at], s[tens_at + 1:]
        if (head and head not in PLAIN_DIGITS) or (tail and tail not in PLAIN_DIGITS):
            return None
        return (PLAIN_DIGITS[head] if head else 1) * 10 + (PLAIN_DIGITS[tail] if tail else 0)
    return None


def scan_number(text: str, pos: int) -> NumberMatch | None:
    """The longest numeral starting at `pos` (sign, fraction N分之M and X又Y分之Z included)."""
    quick = _read_simple(text, pos)
    if quick is not None:
        return quick
    if text[pos] in _ARABIC_DIGITS:
        quick = _read_scaled(text, pos)
        if quick is not None:
            return quick
    negative, body_start = _read_sign(text, pos)
    reading = _read_numeral(text, body_start)
    if reading is None:
        return None
    after = text[reading.end] if reading.end < len(text) else ""
    if after not in _FRACTION_OR_MIXED_FIRST_CHARS:
        return reading.to_match(text, pos, negative)
    fraction = _read_fraction_after(text, reading)
    if fraction is not None:
        den, num, end = fraction
        return _fraction_match(text, pos, end, den, num, negative)
    mixed = _MIXED_AND.match(text, reading.end)
    if mixed and not reading.vague:
        tail = _read_numeral(text, mixed.end())
        tail_fraction = _read_fraction_after(text, tail) if tail else None
        if tail_fraction is not None:
            den, num, end = tail_fraction
            if num.value is not None and den:
                whole = _to_decimal(reading.exact) + _to_decimal(num.value) / _to_decimal(den)
                value = _number(-whole if negative else whole)
                return NumberMatch(pos, end, text[pos:end], NumberValue(value))
    return reading.to_match(text, pos, negative)


def _read_simple(text: str, pos: int) -> NumberMatch | None:
    """Fast path for the two commonest numerals: a plain Arabic number with nothing numeral
    after it (2024, 3.1, 13; or a space and then nothing numeral) and a lone Chinese digit
    (两, 三). Anything else: None."""
    c = text[pos]
    if c in _LONE_DIGIT_VALUES:
        nxt = text[pos + 1] if pos + 1 < len(text) else ""
        if nxt in _CONTINUES_NUMERAL:
            return None
        return _new_tuple(NumberMatch, (pos, pos + 1, c, _LONE_DIGIT_VALUES[c], True, False, False, None, None, None))
    m = _SIMPLE_ARABIC.match(text, pos) or _SIMPLE_ARABIC_SPACED.match(text, pos)
    if m is None or (pos > 0 and text[pos - 1] == "."):
        return None
    s = m.group()
    if "." in s:
        value = float(s)
        value = int(value) if value.is_integer() else value
    else:
        value = int(s)
    # tuple.__new__ with every field: one per number of a text, without NamedTuple's Python __new__
    return _new_tuple(NumberMatch, (pos, m.end(), s, _new_tuple(NumberValue, (value, None, None, False)),
                                    False, "." not in s, False, None, None, None))


def _read_scaled(text: str, pos: int) -> NumberMatch | None:
    """Fast path for the commonest numerals _read_simple leaves to the full reader: a plain
    Arabic number then 万 or 亿 (500万, 4.3亿, 85 亿) with nothing numeral after it, one with
    a magnitude letter (128K, 72B, 405 B), and a plain number before what the full reader
    stops at (10点, 45分钟, 9300,天, 50TOPS). The same NumberMatch the full reader builds
    (tests/quantities/test_tuple_fast_paths.py holds them equal); anything else: None."""
    m = _SCALED_ARABIC.match(text, pos)
    if m is None:
        return None
    end = m.end()
    after = text[end] if end < len(text) else ""
    number, big, letter = m.group(1, 3, 5)
    # a whole number in int arithmetic: what _number gives for its Decimal
    whole = "." not in number
    if big is not None:
        d = int(number) if whole else Decimal(number)
        # what the full reader would read on (more numeral), or refuse (a metric unit)
        if after in _GOES_ON_AFTER_BIG or not d or _METRIC_GUARD.match(text, end - 1):
            return None
        scale = BIG_MULTIPLIERS["万" if big == _WAN_LETTER else big]
        value = d * scale if whole else _number(d * scale)
        return _new_tuple(NumberMatch, (pos, end, m.group(), _new_tuple(NumberValue, (value, None, None, False)),
                                        False, False, True, None, None, None))
    if letter is not None:
        # (as _read_latin_magnitude: a letter that starts a word is no magnitude)
        blocked = after != "" and (after.isascii() and after.isalnum()
                                   or after in LATIN_MAGNITUDE_BLOCKERS.get(letter, ""))
        if not blocked:
            if after in _FRACTION_OR_MIXED_FIRST_CHARS:
                return None   # 分之 or 又 may go on
            value = (int(number) * LATIN_MAGNITUDES[letter] if whole
                     else _number(Decimal(number) * LATIN_MAGNITUDES[letter]))
            return _new_tuple(NumberMatch, (pos, end, m.group(), _new_tuple(NumberValue, (value, None, None, False)),
                                            False, False, False, letter, None, None))
        # 50TOPS, 4 TOPS: the letter starts a word, the number stands alone
    end = m.end(1)
    value = int(number) if whole else _number(Decimal(number))
    return _new_tuple(NumberMatch, (pos, end, number, _new_tuple(NumberValue, (value, None, None, False)),
                                    False, whole, False, None, None, None))


def _read_sign(text: str, pos: int) -> tuple[bool, int]:
    if pos >= len(text):
        return False, pos
    c = text[pos]
    if c == "负":
        return True, pos + 1
    # a hyphen after a letter, a digit, a % or another hyphen is not a minus sign (GPT-4, 5-20%, 30%-50%)
    if c == "-" and (pos == 0 or not (_ascii_alnum(text[pos - 1]) or text[pos - 1] in "-.%")):
        return True, pos + 1
    return False, pos


def _read_fraction_after(text: str, reading: "_Reading"):
    """(denominator, numerator NumberValue, end) when `reading` is followed by 分之<number>."""
    of = _FRACTION_OF.match(text, reading.end)
    if not of or reading.vague or not reading.exact:
        return None
    negative, num_start = _read_sign(text, of.end())
    numerator = _read_numeral(text, num_start)
    if numerator is None:
        return None
    value = numerator.number_value()
    if negative:
        value = _negate(value)
    den = reading.exact
    return den, value, numerator.end


def _fraction_match(text, start, end, den, num: NumberValue, negative: bool) -> NumberMatch:
    den = -den if negative else den
    d = _to_decimal(den)

    def over(x):
        return None if x is None else _number(_to_decimal(x) / d)
    lo, hi = over(num.min), over(num.max)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    value = NumberValue(over(num.value), lo, hi, num.approximate)
    return NumberMatch(start, end, text[start:end], value, denominator=_number(d), numerator=num)


class _Reading:
    """The tokens of one numeral and the facts about them the caller needs."""
    __slots__ = ("start", "end", "items", "digits_only", "suffix")

    def __init__(self, start, end, items, digits_only=False, suffix=None):
        self.start, self.end, self.items = start, end, items
        self.digits_only, self.suffix = digits_only, suffix

    @property
    def vague(self) -> bool:
        return any(i[0] in ("lead", "ji", "pair") for i in self.items)

    @property
    def pure_multiplier(self) -> bool:
        """百, 千亿, 万: multipliers alone (十万 and 十多万 are ordinary numbers)."""
        if self.items[0] == ("small", 10):
            return False
        return all(i[0] in ("small", "big") for i in self.items)

    @property
    def exact(self) -> Number | None:
        return None if self.vague else _number(_evaluate(self.items, high=False))

    def number_value(self) -> NumberValue:
        if len(self.items) == 1 and self.items[0][0] == "num" and self.suffix is None:
            return NumberValue(_number(self.items[0][1]))   # the common case, without _evaluate
        scale = LATIN_MAGNITUDES.get(self.suffix, 1)
        kinds = {i[0] for i in self.items}
        low = _evaluate(self.items, high=False) * scale
        if kinds & {"lead", "ji", "pair"}:
            lead_up = any(i[0] == "lead" and i[1] == "上" for i in self.items)
            high = None if lead_up else _number(_evaluate(self.items, high=True) * scale)
            return NumberValue(None, _number(low), high, True)
        if "about" in kinds:
            return NumberValue(_number(low), _number(low),
                               _number(_evaluate(self.items, high=True) * scale), True)
        return NumberValue(_number(low))

    def to_match(self, text: str, start: int, negative: bool) -> NumberMatch | None:
        body = text[self.start:self.end]
        if len(body) == 1 and body in FINANCIAL_NUMERALS:
            return None
        value = self.number_value()
        if negative:
            value = _negate(value)
        cn_single = len(body) == 1 and not body.isdigit()
        weak = (cn_single or self.pure_multiplier or self.items[0][0] == "pair" and len(self.items) == 1
                or (self.digits_only and not body[0].isdigit() and len(body) < 3))
        return NumberMatch(
            start, self.end, text[start:self.end], value, weak=weak,
            digits_only=self.digits_only and not negative,
            has_big_multiplier=any(i[0] == "big" for i in self.items),
            magnitude_suffix=self.suffix)


def _multiplier_refused(text: str, p: int, s: str, state, items: list) -> bool:
    """A multiplier that begins a metric unit (千瓦, 兆赫), or one the vague lead
    before it does not combine with (上十)."""
    return bool(_METRIC_GUARD.match(text, p)) or (state == _LEAD and s not in VAGUE_LEADS[items[0][1]])


def _read_numeral(text: str, pos: int) -> _Reading | None:
    n = len(text)
    if pos >= n:
        return None
    c = text[pos]
    if c in VAGUE_LEADS and pos + 1 < n and text[pos + 1] in VAGUE_LEADS[c]:
        return _read_positional(text, pos + 1, [("lead", c)], _LEAD, pos)
    sequence = _read_digit_sequence(text, pos)
    if sequence is not None:
        return sequence
    return _read_positional(text, pos, [], _START, pos)


def _read_digit_sequence(text: str, pos: int) -> _Reading | None:
    """二〇二四 (2024), 五五 (as in 五五折), or a vague pair before a multiplier (二三十)."""
    digits, ends, p, n = [], [], pos, len(text)
    while p < n and text[p] in CN_DIGITS and text[p] not in FINANCIAL_NUMERALS and len(digits) < MAX_SEQUENCE_DIGITS:
        digits.append(text[p])
        p += 1
        ends.append(p)
        q = p
        while q < n and q - p < 2 and text[q] in _SPACES:
            q += 1
        if q > p and q < n and text[q] in CN_DIGITS and text[q] not in FINANCIAL_NUMERALS:
            p = q
    if len(digits) < 2:
        return None
    values = [CN_DIGITS[d] for d in digits]
    nxt = _skip_spaces(text, ends[1])
    if len(digits) == 2 and (values[0], values[1]) in VAGUE_PAIRS:
        pair = [("pair", values[0], values[1])]
        if nxt < n and (text[nxt] in SMALL_MULTIPLIERS or text[nxt] in BIG_MULTIPLIERS):
            return _read_positional(text, ends[1], pair, _PAIR, pos)
        return _Reading(pos, ends[1], pair)   # 三四个: 3..4
    if any(d in NOT_POSITIONAL_DIGITS for d in digits):
        return None   # 两两: read the first 两 alone
    end = ends[-1]
    if end < n and (text[end] in SMALL_MULTIPLIERS or text[end] in BIG_MULTIPLIERS or text[end] == "点"):
        return None   # 三二十: not a numeral as a whole; read positionally
    value = int("".join(str(v) for v in values))
    return _Reading(pos, end, [("num", Decimal(value), False)], digits_only=True)


def _read_positional(text: str, p: int, items: list, state: int, start: int) -> _Reading | None:
    """Read 一千二百零五万, 5,000万, 3.5万亿, 十几, 三千多 ... from `p` in `state`."""
    n = len(text)
    last_small = None          # the multiplier just used in this section (十 < 百 < 千)
    prev_big = None            # the big multiplier of the previous token, if it was one
    spaced = False
    good_end, good_len = (start, 0) if state not in _COMPLETE else (p, len(items))
    first_arabic = None
    arabic_only = True
    while p < n and len(items) < MAX_TOKENS:
        m = _TOKEN.match(text, p)
        if m is None:
            break
        kind, s, q = m.lastgroup, m.group(), m.end()
        if kind == "space":
            if state == _START or spaced:
                break
            spaced, p = True, q
            continue
        if spaced and state == _ARABIC and kind not in ("small", "big") and not (
                kind == "about" and q < n and (text[q] in BIG_MULTIPLIERS or (
                    first_arabic is not None and first_arabic.endswith("0") and _han(text[q])))):
            break   # "1, 234" and "Llama 3 8B": Arabic numbers are never joined across a space
            #         (typeset prose spaces 2350 多亿 as it spaces 300 亿, and a round number's
            #         多 before its unit: 200 多个, 40 多年; iOS 18 多项 is a version and "many")
        if kind == "arabic":
            if state == _START:
                if s[0] == "." and start > 0 and (_ascii_alnum(text[start - 1]) or text[start - 1] == "."):
                    break
                first_arabic = s
            elif state in (_SMALL, _BIG, _ZERO) and (not spaced or _multiplier_follows(text, q)):
                arabic_only = False
            else:
                break
            items.append(("num", Decimal(s.replace(",", "")), len(s) == 1))
            state = _ARABIC
        elif kind == "digit":
            arabic_only = False
            if s in ZEROS:
                if state in (_SMALL, _BIG):
                    items.append(("zero",))
                    state = _ZERO
                elif state == _START:
                    items.append(("zero",))
                    state = _LEADING_ZERO
                else:
                    break
            elif (state == _BIG and first_arabic is not None
                  and not (q < n and (text[q] in SMALL_MULTIPLIERS or text[q] in BIG_MULTIPLIERS))):
                break   # 10亿一台, 5万一套: a price then "one unit", not 10亿 and a colloquial 一
            elif state in (_START, _SMALL, _BIG, _ZERO):
                items.append(("num", Decimal(CN_DIGITS[s]), True))
                state = _CN
            else:
                break
        elif kind in ("small", "big"):
            small = kind == "small"
            mult = (SMALL_MULTIPLIERS if small else BIG_MULTIPLIERS)[s]
            if _multiplier_refused(text, p, s, state, items):
                break
            if small and (state not in (_START, _CN, _ARABIC, _LEAD, _PAIR, _ZERO, _LEADING_ZERO)
                          or (last_small is not None and mult >= last_small)):
                break
            if not small and ((state == _BIG and mult < prev_big)   # 亿万 is not a number
                              or state in (_ZERO, _LEADING_ZERO)):
                break
            arabic_only = False
            items.append((kind, mult))
            last_small = mult if small else None
            state = _SMALL if small else _BIG
        elif kind == "point":
            if state not in (_CN, _SMALL, _BIG, _LEADING_ZERO):
                break
            fraction = _read_decimal_digits(text, q)
            if fraction is None:
                break
            digits, q = fraction
            items.append(("frac", Decimal("0." + digits)))
            state = _FRAC
        elif kind == "ji":
            if state in (_SMALL, _BIG, _ZERO):
                items.append(("ji",))
                state = _CN
            elif (state == _ARABIC and len(items) == 1 and first_arabic is not None
                  and first_arabic in ARABIC_TENS_BEFORE_JI):
                # 20幾輛, 30几种: the Arabic tens read as 二十几 (21..29)
                items[-1:] = [("num", Decimal(int(first_arabic) // 10), True), ("small", 10), ("ji",)]
                arabic_only = False
                last_small = 10
                state = _CN
            else:
                break
        elif kind == "about":
            place = _about_place(state, items, last_small)
            if place is None:
                break
            arabic_only = False
            items.append(("about", place))
            state = _ABOUT
        prev_big = BIG_MULTIPLIERS.get(s)
        spaced, p = False, q
        if state in _COMPLETE:
            good_end, good_len = p, len(items)
    if good_len == 0:
        return None
    items = items[:good_len]
    suffix = None
    if arabic_only and first_arabic is not None and len(items) == 1:
        suffix, good_end = _read_latin_magnitude(text, good_end)
    digits_only = (arabic_only and suffix is None and len(items) == 1 and first_arabic is not None
                   and first_arabic.isdigit())
    return _Reading(start, good_end, items, digits_only=digits_only, suffix=suffix)


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _about_place(state: int, items: list, last_small) -> int | None:
    """How much 多/余 may add: 三千多 -> 1000, 3500多 -> 100, 一亿多 -> 10^8."""
    if state == _SMALL:
        return last_small
    if state == _BIG:
        return items[-1][1]
    if state == _ARABIC:
        literal = items[-1][1]
        if literal != literal.to_integral_value() or literal == 0:
            return None
        digits = str(int(literal))
        return 10 ** (len(digits) - len(digits.rstrip("0")))
    return None


def _read_decimal_digits(text: str, p: int) -> tuple[str, int] | None:
    """The digits after 点 (十点二三三), or None when 点 is not a decimal point."""
    n, digits = len(text), []
    p = _skip_spaces(text, p)
    while p < n and text[p] in CN_DIGITS and text[p] not in NOT_POSITIONAL_DIGITS and len(digits) < MAX_SEQUENCE_DIGITS:
        digits.append(str(CN_DIGITS[text[p]]))
        p += 1
        q = _skip_spaces(text, p)
        if q < n and text[q] in CN_DIGITS and text[q] not in NOT_POSITIONAL_DIGITS:
            p = q
    if not digits:
        return None
    after = _skip_spaces(text, p)
    if after < n and text[after] in CLOCK_AFTER_FRACTION:
        return None
    return "".join(digits), p


def _read_latin_magnitude(text: str, p: int) -> tuple[str | None, int]:
    """128k, 1.8T, 405 B: a magnitude letter that is not the start of a word."""
    n = len(text)
    q = p + 1 if p < n and text[p] == " " else p
    if q >= n or text[q] not in LATIN_MAGNITUDES:
        return None, p
    after = text[q + 1] if q + 1 < n else ""
    if after and (after.isascii() and after.isalnum() or after in LATIN_MAGNITUDE_BLOCKERS.get(text[q], "")):
        return None, p
    return text[q], q + 1


def _multiplier_follows(text: str, p: int) -> bool:
    """7万 5千: after a space an Arabic number joins only if a multiplier follows it."""
    m = _TOKEN.match(text, p)
    if m and m.lastgroup == "space":
        m = _TOKEN.match(text, m.end())
    return bool(m) and m.lastgroup in ("small", "big")


def _ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _skip_spaces(text: str, p: int, limit: int = 4) -> int:
    n, q = len(text), p
    while q < n and q - p < limit and text[q] in _SPACES:
        q += 1
    return q


def _evaluate(items: list, high: bool) -> Decimal:
    """The value of the tokens; `high` takes the upper end of 几/数/多 and vague pairs.

    Decimal's default 28 significant digits hold any numeral the reader accepts exactly
    enough: results leave as int or float anyway."""
    total = section = Decimal(0)
    pending = None            # a digit or number not yet multiplied
    pending_single = False    # one digit: eligible for 一万二 = 12000
    last_big = last_unit = None
    zero_since_unit = False
    for item in items:
        kind = item[0]
        if kind == "num":
            pending, pending_single = item[1], item[2]
        elif kind == "ji":
            pending, pending_single = Decimal(VAGUE_DIGIT_RANGE[high]), True
        elif kind == "lead":
            pending, pending_single = Decimal(VAGUE_LEAD_RANGE[high]), False
        elif kind == "pair":
            pending, pending_single = Decimal(item[2] if high else item[1]), False
        elif kind == "zero":
            zero_since_unit = True
        elif kind == "small":
            section += (pending if pending is not None else 1) * item[1]
            pending, last_unit, zero_since_unit = None, item[1], False
        elif kind == "big":
            low = section + (pending or 0)
            if low == 0 and total == 0:
                low = Decimal(1)
            if last_big is None or last_big <= item[1]:
                total = (total + low) * item[1]   # 4.78万亿, 四万万: the big unit scales all before it
            else:
                total += low * item[1]
            section, pending, last_big, last_unit, zero_since_unit = Decimal(0), None, item[1], item[1], False
        elif kind == "frac":
            pending = section + _colloquial(pending, pending_single, last_unit, zero_since_unit) + item[1]
            section, pending_single, last_unit = Decimal(0), False, None
        elif kind == "about" and high:
            if pending is not None:
                pending += item[1]
            else:
                section += item[1]
    return total + section + _colloquial(pending, pending_single, last_unit, zero_since_unit)


def _colloquial(pending, single: bool, last_unit, zero_since_unit: bool) -> Decimal:
    """一万二 is 12000 and 四百五 is 450: a last lone digit counts in the next lower place."""
    if pending is None:
        return Decimal(0)
    if single and not zero_since_unit and last_unit is not None and last_unit >= 100:
        return pending * last_unit / 10
    return pending


def _negate(v: NumberValue) -> NumberValue:
    neg = (lambda x: None if x is None else -x)
    return NumberValue(neg(v.value), neg(v.max), neg(v.min), v.approximate)


def _to_decimal(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _number(d) -> Number | None:
    """An int when integral, else a float."""
    if d is None:
        return None
    d = _to_decimal(d)
    if d == d.to_integral_value():
        return int(d)
    return float(d)
