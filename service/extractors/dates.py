"""The fields of a date as Chinese news writes it, and the calendar arithmetic
under its resolution: months shifted across years, and a zone's UTC offset from
the IANA database on that date (so US zones follow daylight saving time).

The time-expressions stage (service/timex) reads the expressions (its Timex is a
TimeExpr) and resolves them (service/timex/model.py: resolve, event_date).
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
    weekday: int | None = None       # ISO: 1 Monday .. 7 Sunday
    hour: int | None = None
    minute: int | None = None

    @property
    def relative(self) -> bool:
        return any(v is not None for v in (self.year_shift, self.month_shift,
                                              self.day_shift, self.week_shift))

    @property
    def has_date(self) -> bool:
        return self.month is not None or self.relative and self.year_shift is None


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


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
