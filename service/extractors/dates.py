"""Date arithmetic for a date as Chinese news writes it, with the zone that fixes it.

The expressions are read by the time-expressions stage (service/timex), which
writes them here as TimeExpr into the `dates` layer; resolution to ISO dates
happens once the year is known (see resolve()); the offset of a zone comes from
the IANA database on that date, so US zones follow daylight saving time.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo


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


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def resolve(e: TimeExpr, year_hint: int | None, reference: dt.date | None) -> Resolved:
    """ISO date, time and UTC offset of an expression, given a year from context."""
    year = e.year
    if e.year_shift is not None:
        year = reference.year + e.year_shift if reference else None
    if e.relative and e.year_shift is None and reference is None:
        return Resolved(None, _clock(e), None, year_hint, True)
    if e.year_shift is not None and reference is None:
        return Resolved(None, _clock(e), None, None, True)
    day_value: dt.date | None = None
    month_text: str | None = None
    if e.day_shift is not None:
        day_value = reference + dt.timedelta(days=e.day_shift)
    elif e.week_shift is not None:
        monday = reference - dt.timedelta(days=reference.weekday())
        day_value = monday + dt.timedelta(weeks=e.week_shift, days=e.weekday)
    elif e.month_shift is not None:
        y, mth = _shift_month(reference.year, reference.month, e.month_shift)
        month_text = f"{y:04d}-{mth:02d}"
        year = y
    elif e.month is not None:
        year = year if year is not None else year_hint
        if year is None:
            return Resolved(None, _clock(e), None, None, False)
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
    return Resolved(date_text, _clock(e), _offset(e, day_value), year, False)


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
