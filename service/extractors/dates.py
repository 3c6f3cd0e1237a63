"""Dates and times as Chinese news writes them, with the zone that fixes them.

Absolute (2024年7月30日早上6點, 七月初, 上午10:30), relative to the article's
publication date (今天, 昨日, 本週二, 上個月, 今年), and a zone before them
(台北時間, 美國東部時間). Resolution to ISO dates happens once the year is
known (see resolve()); the offset of a zone comes from the IANA database on
that date, so US zones follow daylight saving time.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import regex

from ..kb import KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from .numerals import small_number
from .. import deadline

NUM = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
PERIODS = {
    "凌晨": 0, "清晨": 0, "早上": 0, "早晨": 0, "上午": 0, "今晨": 0, "今早": 0,
    "中午": 12, "下午": 12, "傍晚": 12, "晚上": 12, "晚间": 12, "夜间": 12, "深夜": 12, "今晚": 12,
}
RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1, "后天": 2}
RELATIVE_YEARS = {"今年": 0, "去年": -1, "明年": 1, "前年": -2}
RELATIVE_MONTHS = {"上个月": -1, "上月": -1, "本月": 0, "这个月": 0, "下个月": 1, "下月": 1}
RELATIVE_WEEKS = {"上周": -1, "上星期": -1, "本周": 0, "这周": 0, "这星期": 0, "下周": 1, "下星期": 1}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
MONTH_PARTS = ("初", "上旬", "中旬", "下旬", "底", "末")


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass
class TimeExpr:
    start: int
    end: int
    zone: str | None = None          # IANA name
    year: int | None = None
    year_shift: int | None = None    # 今年 0, 去年 -1: needs the reference date
    month: int | None = None
    month_shift: int | None = None   # 上個月 -1
    day: int | None = None
    day_shift: int | None = None     # 昨日 -1
    week_shift: int | None = None    # 本週二: with weekday
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def relative(self) -> bool:
        return any(v is not None for v in (self.year_shift, self.month_shift,
                                              self.day_shift, self.week_shift))

    @property
    def has_date(self) -> bool:
        return self.month is not None or self.relative and self.year_shift is None


@dataclass(frozen=True)
class Resolved:
    date: str | None
    time: str | None
    utc_offset: str | None
    year: int | None
    needs_reference: bool
    # The date it names falls outside the years 1-9999 (before 0001-01-01 or after
    # 9999-12-31): left unresolved rather than written outside the contract's pattern.
    out_of_range: bool = False


class Dates:
    name = "dates"
    requires = ()

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.zones = kb.time_zones
        zones = _alt(kb.time_zones)
        period = _alt(PERIODS)
        clock = (rf"(?:(?P<period>{period})\s*)?(?:(?P<hour>{NUM})\s*[点时](?:\s*(?P<minute>{NUM})\s*分"
                 rf"|(?P<half>半)|整)?|(?P<hh>\d{{1,2}}):(?P<mm>\d{{2}}))")
        self.pattern = regex.compile(
            rf"(?:(?P<zone>{zones})\s*)?"
            rf"(?:(?P<year>{YEAR})\s*年\s*|(?P<relyear>{_alt(RELATIVE_YEARS)})\s*(?=\d|[一二三四五六七八九十]))?"
            rf"(?:(?P<month>{NUM})\s*月\s*(?:(?P<day>{NUM})\s*[日号]|(?P<part>{_alt(MONTH_PARTS)}))?"
            rf"|(?P<relday>{_alt(RELATIVE_DAYS)})"
            rf"|(?P<relweek>{_alt(RELATIVE_WEEKS)})(?P<weekday>[一二三四五六日天])"
            rf"|(?P<relmonth>{_alt(RELATIVE_MONTHS)})"
            rf"|(?P<relyear_only>{_alt(RELATIVE_YEARS)})"
            rf"|(?P<year_only>{YEAR})\s*年(?![度代初])"
            rf")"
            rf"(?:\s*{clock})?"
        )

    def __call__(self, doc: Document) -> None:
        found = []
        for m in self.pattern.finditer(doc.key):  # key: zone names are lower-cased
            deadline.check(self.name)
            expr = self._read(m)
            if expr is not None:
                found.append(expr)
        doc.layers["dates"] = found

    def _read(self, m) -> TimeExpr | None:
        g = m.groupdict()
        e = TimeExpr(m.start(), m.end())
        if g["zone"]:
            e.zone = self.zones.get(g["zone"])
        if g["year"]:
            e.year = small_number(g["year"])
        if g["year_only"]:
            e.year = small_number(g["year_only"])
        for k in ("relyear", "relyear_only"):
            if g[k]:
                e.year_shift = RELATIVE_YEARS[g[k]]
        if g["month"]:
            e.month = small_number(g["month"])
            if not e.month or e.month > 12:
                return None
        if g["day"]:
            e.day = small_number(g["day"])
            if not e.day or e.day > 31:
                return None
        if g["relday"]:
            e.day_shift = RELATIVE_DAYS[g["relday"]]
        if g["relweek"]:
            e.week_shift = RELATIVE_WEEKS[g["relweek"]]
            e.weekday = WEEKDAYS[g["weekday"]]
        if g["relmonth"]:
            e.month_shift = RELATIVE_MONTHS[g["relmonth"]]
        if g["hour"] or g["hh"]:
            hour = small_number(g["hour"] or g["hh"])
            minute = small_number(g["minute"]) if g["minute"] else (30 if g["half"] else 0)
            if g["mm"]:
                minute = int(g["mm"])
            if hour is None or minute is None or hour > 24 or minute > 59:
                return None
            period = g["period"]
            if period and PERIODS[period] == 12 and hour < 12:
                if not (period == "中午" and hour >= 11):
                    hour += 12
            e.hour, e.minute = hour % 24, minute
        # a clock alone (下午3點) or a bare year with nothing else is context, not a date
        if e.month is None and not e.relative and e.year is None:
            return None
        return e


# datetime.date's range, and the four digits the contract's date pattern allows.
MIN_YEAR, MAX_YEAR = 1, 9999


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def in_calendar(year: int | None) -> bool:
    return year is not None and MIN_YEAR <= year <= MAX_YEAR


def resolve(e: TimeExpr, year_hint: int | None, reference: dt.date | None) -> Resolved:
    """ISO date, time and UTC offset of an expression, given a year from context.

    A date past either end of the calendar (明天 from 9999-12-31, 上個月 from
    0001-01-15, 明年 from 9999-06-01) resolves to nothing, with `out_of_range` set.
    """
    try:
        return _resolve(e, year_hint, reference)
    except (OverflowError, _OutOfRange):
        return Resolved(None, _clock(e), None, None, False, out_of_range=True)


class _OutOfRange(Exception):
    pass


def _checked(year: int | None) -> int | None:
    if year is not None and not in_calendar(year):
        raise _OutOfRange
    return year


def _resolve(e: TimeExpr, year_hint: int | None, reference: dt.date | None) -> Resolved:
    year = e.year
    if e.year_shift is not None:
        year = _checked(reference.year + e.year_shift) if reference else None
    if e.relative and e.year_shift is None and reference is None:
        return Resolved(None, _clock(e), None, year_hint, True)
    if e.year_shift is not None and reference is None:
        return Resolved(None, _clock(e), None, None, True)
    day_value: dt.date | None = None
    month_text: str | None = None
    if e.day_shift is not None:
        day_value = reference + dt.timedelta(days=e.day_shift)  # OverflowError past the ends
    elif e.week_shift is not None:
        monday = reference - dt.timedelta(days=reference.weekday())
        day_value = monday + dt.timedelta(weeks=e.week_shift, days=e.weekday)
    elif e.month_shift is not None:
        y, mth = _shift_month(reference.year, reference.month, e.month_shift)
        month_text = f"{_checked(y):04d}-{mth:02d}"
        year = y
    elif e.month is not None:
        year = year if year is not None else year_hint
        if year is None:
            return Resolved(None, _clock(e), None, None, False)
        _checked(year)
        if e.day is not None:
            try:
                day_value = dt.date(year, e.month, e.day)
            except ValueError:
                return Resolved(None, _clock(e), None, year, False)
        else:
            month_text = f"{year:04d}-{e.month:02d}"
    if day_value is not None:
        year = day_value.year
    date_text = day_value.isoformat() if day_value else month_text
    return Resolved(date_text, _clock(e), _offset(e, day_value), _checked(year), False)


def _clock(e: TimeExpr) -> str | None:
    return f"{e.hour:02d}:{e.minute:02d}" if e.hour is not None else None


def _offset(e: TimeExpr, day: dt.date | None) -> str | None:
    if not e.zone:
        return None
    when = dt.datetime.combine(day or dt.date(2000, 1, 15),
                               dt.time(e.hour or 12, e.minute or 0))
    if day is None and e.zone not in FIXED_ZONES:
        return None  # a DST zone's offset depends on the day
    delta = ZoneInfo(e.zone).utcoffset(when)
    total = int(delta.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


# Zones without daylight saving time: their offset is known without a day.
FIXED_ZONES = frozenset({"Asia/Taipei", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore",
                         "Asia/Tokyo", "Asia/Seoul", "Asia/Kolkata", "Etc/UTC"})
