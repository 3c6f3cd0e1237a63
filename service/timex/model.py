"""A time expression read from a match, its TIMEX3 value, and its resolution.

`read(match)` turns one match of the grammar (grammar.expression_pattern, or
scan_grammar, its copy for `re`) into a `Timex`;
`timex_of(e)` writes TIMEX3 the way Recognizers-Text does from what the text
alone says (`XXXX-07-30` for 7月30日); `resolve(e, ref, year_hint)` returns a
copy with every relative or missing field filled from the reference date (or
the year written before it), so `timex_of` of the copy is the resolved value
and `values_of` its ISO 8601 value or start and end.

Date arithmetic lives in service/extractors/dates.py (the one resolver the
primary event uses too); this module only decides which fields are known.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from ..extractors.dates import TimeExpr, _offset, _shift_month
from ..quantities.numerals import small_number
from . import grammar as g


@dataclass
class Timex(TimeExpr):
    kind: str = "date"
    pod: str | None = None            # part of day: MO, MI, AF, EV, NI
    second: int | None = None
    minute_written: bool = False      # 6点 -> T06, 6:00 / 6点半 -> T06:00
    week: bool = False                # 下周: the week itself
    weekend: bool = False
    quarter: int | None = None        # 1..4; 0 while a relative quarter is unresolved
    quarter_shift: int | None = None  # 本季度 0, 上季 -1
    half: int | None = None
    fiscal: bool = False
    month_part: str | None = None     # 初, 上旬, 中旬, 下旬, 底/末
    year_part: str | None = None      # 初, 底/末
    decade: int | None = None         # 90 for 90年代
    century: int | None = None        # 20 for 20世纪 (1900s)
    century_shift: int | None = None  # 上世纪 -1, 本世纪 0
    anchor: tuple[int, int, str] | None = None  # (direction, count, unit) 过去三年
    holiday: str | None = None
    set_unit: str | None = None
    parts: list = field(default_factory=list)   # a range: [from, to]
    week_number: int | None = None    # a resolved week: ISO week number
    clock_pod: bool = False           # the clock has its own part of day (下午5點)
    local_zone: bool = False          # 當地時間: the zone of the place named before
    inherited: bool = False           # a range's end that took its month from the start
    weak: bool = False                # a bare clock (六点): a time only as the end of a range
    resolved: bool = False
    reference: dt.date | None = None


_BLANK = dict(Timex(0, 0).__dict__)


def _n(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.strip()
    if s.startswith("两千"):
        rest = s[2:].lstrip("零")
        return 2000 + (small_number(rest) or 0 if rest else 0)
    if s.startswith("民国"):
        n = small_number(s[2:].strip())
        return 1911 + n if n else None
    if s == "正":
        return 1
    return small_number(s.replace("两", "二"))


def _year2(s: str) -> int | None:
    n = _n(s)
    if n is None:
        return None
    return 2000 + n if n < 50 else 1900 + n


def _clock(e: Timex, gd: dict, p: str = "") -> bool:
    """Fill the clock fields from a CLOCK match (group prefix p); False if none or invalid."""
    hour = gd.get(p + "hour") or gd.get(p + "hh")
    pod = gd.get(p + "pod")
    if hour is None:
        return True
    h = _n(hour)
    minute = None
    if gd.get(p + "mm"):
        minute, e.minute_written = int(gd[p + "mm"]), True
        if gd.get(p + "ss"):
            e.second = int(gd[p + "ss"])
    elif gd.get(p + "minute") or gd.get(p + "minute2"):
        minute, e.minute_written = _n(gd.get(p + "minute") or gd.get(p + "minute2")), True
        if gd.get(p + "sec"):
            e.second = _n(gd[p + "sec"])
    elif gd.get(p + "halfh"):
        minute, e.minute_written = 30, True
    elif gd.get(p + "qh"):
        minute, e.minute_written = (15 if gd[p + "qh"] in ("一刻", "1刻") else 45), True
    if h is None or h > 24 or (minute is not None and minute > 59) or (e.second or 0) > 59:
        return False
    if pod:
        e.clock_pod = True
        part, add = g.PART_OF_DAY[pod]
        if add and h < 12 and not (part == "MI" and h >= 11):
            h += 12
        if pod == "午夜" and h == 12:
            h = 0
    e.hour, e.minute = h % 24 if h != 24 else 0, minute if minute is not None else 0
    return True


def _names(pattern) -> tuple[str | None, ...]:
    """Group number - 1 -> name, for `_matched`."""
    names: list[str | None] = [None] * pattern.groups
    for name, i in pattern.groupindex.items():
        names[i - 1] = name.removeprefix(g.SECOND)    # grammar.scan_grammar's second clock
    return tuple(names)


_NAMES: dict = {}


def _matched(m) -> dict[str, str]:
    """The named groups that took part in the match. `regex`'s groupdict() costs
    ~100 µs on this pattern of 96 groups; groups() costs well under 1 µs."""
    pattern = m.re
    # by identity: hashing an `re` pattern hashes its whole text and code (~15 µs here)
    known = _NAMES.get(id(pattern))
    if known is None or known[0] is not pattern:
        names = _names(pattern)
        known = _NAMES[id(pattern)] = (pattern, names, None not in names)
    names = known[1]
    if known[2]:    # every group named (both grammars): no index, no name test
        return {name: v for name, v in zip(names, m.groups()) if v is not None}
    return {name: v for name, v in zip(names, m.groups()) if v is not None and name is not None}


def blank(start: int, end: int) -> "Timex":
    """Timex(start, end), made faster: a copy of every field at its default (_BLANK),
    where dataclass __init__ sets 40 fields one by one."""
    e = object.__new__(Timex)
    fields = e.__dict__
    fields.update(_BLANK)
    fields["start"], fields["end"], fields["parts"] = start, end, []
    return e


def read(m, zones: dict[str, str]) -> Timex | None:
    """The expression of one match, or None when the match is no time (三点要求)."""
    gd = _matched(m)
    e = blank(*m.span())
    if "fiscal" in gd:
        e.kind, e.fiscal = "period", True
        if "fyear" in gd:
            e.year = _n(gd["fyear"])
        elif "fy" in gd:
            e.year = int(gd["fy"]) if len(gd["fy"]) == 4 else 2000 + int(gd["fy"])
        q = gd.get("fq") or gd.get("fq2") or gd.get("fq3")
        e.quarter = _n(q) if q else None
        return e
    if "quarter" in gd:
        e.kind = "period"
        e.year = _n(gd["qyear"]) if "qyear" in gd else None
        if "qrel" in gd:
            e.year_shift = g.REL_YEAR[gd["qrel"]]
        if "qshift" in gd:   # 本季度, 上季: which quarter, the reference date says
            e.quarter_shift, e.quarter = g.REL_QUARTER[gd["qshift"]], 0
            return e
        e.quarter = _n(gd.get("q") or gd.get("q2") or gd.get("q3") or gd.get("qlabel"))
        e.fiscal = "qlabel" in gd   # Q3 alone is a reporting quarter: whose year, the text does not say
        return e
    if "half" in gd:
        e.kind = "period"
        e.year = _n(gd["hyear"]) if "hyear" in gd else None
        e.year_shift = g.REL_YEAR[gd["hrel"]] if "hrel" in gd else (None if "hyear" in gd else 0)
        e.half = g.HALF[gd["hword"]]
        return e
    if "decade" in gd:
        e.kind = "period"
        e.decade = _n(gd["dec"]) % 100
        if "cent" in gd:
            e.century_shift = -1 if gd["cent"] == "上世纪" else 0
        elif "centn" in gd:
            e.century = _n(gd["centn"])
            if not e.century or e.century > 99:
                return None
        return e
    if "anchored" in gd:
        n = _n(gd["ancn"])
        if not n:
            return None
        e.kind = "period"
        e.anchor = (g.ANCHOR[gd["anc"]], n, g.UNIT[gd["ancu"]])
        return e
    if "holiday" in gd:
        e.holiday = gd["hdname"]
        e.year = _n(gd["hdyear"]) if "hdyear" in gd else None
        if "hdrel" in gd:
            e.year_shift = g.REL_YEAR[gd["hdrel"]]
        md = g.HOLIDAYS["fixed"].get(e.holiday) or g.HOLIDAYS["lunar"].get(e.holiday)
        if md:
            e.month, e.day = int(md[:2]), int(md[3:])
        return e
    if "crange" in gd:
        return _clock_range(e, gd)
    if "mrange" in gd:   # 3至5月, 2024年1-3月: two months sharing one 月 and one year
        year = _n(gd["mr_year"]) if "mr_year" in gd else None
        months = [_n(gd["mr_a"]), _n(gd["mr_b"])]
        if not all(m and m <= 12 for m in months):
            return None
        e.kind = "period"
        e.parts = [Timex(e.start, e.end, kind="period", year=year, month=m) for m in months]
        return e
    if "set" in gd:
        e.kind = "set"
        if "setwd" in gd:
            e.weekday = g.WEEKDAY[gd["setwd"]]
        else:
            e.set_unit = g.SET_UNIT[gd["setu"]]
        if not _clock(e, gd, "s_"):
            return None
        return e
    return _read_point(e, gd, zones)


def _clock_range(e: Timex, gd: dict) -> Timex | None:
    """早上五到六点: two hours sharing one 点 and one part of day."""
    pod = gd.get("cr_pod")
    ends = []
    for key in ("cr_a", "cr_b"):
        x = Timex(e.start, e.end, kind="time")
        sub = {"hour": gd[key], "pod": pod}
        if key == "cr_b" and gd.get("cr_half"):
            sub["halfh"] = "半"
        if not _clock(x, sub):
            return None
        ends.append(x)
    e.kind, e.parts = "period", ends
    return e


def _read_point(e: Timex, gd: dict, zones: dict[str, str]) -> Timex | None:
    if "zone" in gd:
        e.zone = zones.get(gd["zone"])
        e.local_zone = gd["zone"] == "当地时间"
    if "iy" in gd:
        e.year, e.month, e.day = int(gd["iy"]), int(gd["im"]), int(gd["id"])
    if "year" in gd:
        e.year = _n(gd["year"])
    if "year2" in gd:
        e.year = _year2(gd["year2"])
    if "relyear" in gd:
        e.year_shift = g.REL_YEAR[gd["relyear"]]
    month = gd.get("month") or gd.get("month_m")
    if month:
        e.month = _n(month)
        if not e.month or e.month > 12:
            return None
    rel_month = gd.get("relmonth") or gd.get("relmonth_m")
    if rel_month:
        e.month_shift = g.REL_MONTH[rel_month]
    day = gd.get("day") or gd.get("day_m") or gd.get("dayb") or gd.get("dayb_m") or gd.get("day_only") or gd.get("day_hao2")
    if day:
        e.day = _n(day)
        if not e.day or e.day > 31:
            return None
    e.month_part = gd.get("mpart") or gd.get("mpart_m")
    e.year_part = gd.get("ypart")
    if "relday" in gd:
        e.day_shift = g.REL_DAY[gd["relday"]]
        if "relday_pod" in gd:  # 今天晚上 written 今天今晚: keep the day, take the part
            e.pod = g.REL_DAY_POD[gd["relday_pod"]][1]
    if "reldaypod" in gd:
        e.day_shift, e.pod = g.REL_DAY_POD[gd["reldaypod"]]
    if "weekday" in gd or "weekend" in gd or "relweek_w" in gd:
        rel = gd.get("relweek") or gd.get("relweek_w")
        e.week_shift = g.REL_WEEK[rel] if rel else None
        if "weekday" in gd:
            e.weekday = g.WEEKDAY[gd["weekday"]]
        else:
            e.week, e.weekend = True, "weekend" in gd
    if not _clock(e, gd):
        return None
    if e.pod in ("AF", "EV", "NI") and e.hour is not None and not e.clock_pod and e.hour < 12:
        e.hour += 12    # 今晚6點 is 18:00
    if "pod_only" in gd:
        e.pod = g.PART_OF_DAY[gd["pod_only"]][0]
    elif gd.get("pod") and e.hour is None:
        e.pod = g.PART_OF_DAY[gd["pod"]][0]
    has_date = _has_date(e)
    if not has_date:
        if e.hour is None:
            return None
        # A clock alone is a time only when something marks it as one: 下午3點,
        # 10:30, 3點半, 大约十点, 零点 — not 三点要求 or 好一点.
        marked = ("pod" in gd or "hh" in gd or e.minute_written or "sharp" in gd or "approx" in gd
                  or e.zone or gd.get("hour") in ("零", "0"))
        e.weak = not marked
        e.kind = "time"
    elif e.hour is not None:
        e.kind = "datetime"
    elif e.day is not None or e.pod is not None or e.day_shift is not None or e.weekday is not None:
        e.kind = "date"
    else:
        e.kind = "period"   # a month, a year, a week
    return e


# -- TIMEX3 ---------------------------------------------------------------

def _y(year: int | None) -> str:
    return f"{year:04d}" if year is not None else "XXXX"


def _md(v: int | None) -> str:
    return f"{v:02d}" if v is not None else "XX"


def _clock_timex(e: Timex) -> str:
    if e.hour is None:
        return f"T{e.pod}" if e.pod else ""
    out = f"T{e.hour:02d}"
    if e.minute_written or e.second is not None:
        out += f":{e.minute:02d}"
    if e.second is not None:
        out += f":{e.second:02d}"
    return out


def _date_timex(e: Timex) -> str:
    """The date part: 2024-07-30, XXXX-07-30, XXXX-WXX-2, 2024-W31, 2024-07."""
    if e.day_shift is not None or (e.week_shift is not None and e.weekday is not None):
        return "XXXX-XX-XX"          # relative: known once resolved
    if e.weekday is not None:
        return f"XXXX-WXX-{e.weekday}"
    if e.week:
        return "XXXX-WXX" + ("-WE" if e.weekend else "")
    year = None if e.year_shift is not None else e.year
    if e.month is None and e.month_shift is None:
        return _y(year) if e.day is None else f"{_y(year)}-XX-{e.day:02d}"
    month = None if e.month_shift is not None else e.month
    if e.day is None:
        return f"{_y(year)}-{_md(month)}"
    return f"{_y(year)}-{_md(month)}-{e.day:02d}"


def _days(a: dt.date, b: dt.date) -> int:
    return (b - a).days


def _period(start: str, end: str, duration: str) -> str:
    return f"({start},{end},{duration})"


def timex_of(e: Timex) -> str:
    """TIMEX3 as Recognizers-Text writes it. On a resolved copy, the resolved value."""
    if e.parts:
        return _range_timex(e)
    if e.kind == "set":
        if e.set_unit:
            return f"P1{e.set_unit}" if e.set_unit != "Q" else "P3M"
        return f"XXXX-WXX-{e.weekday}" + _clock_timex(e)
    if e.fiscal or e.quarter is not None:
        year = e.year if e.year_shift is None or e.resolved else None
        if e.quarter is None:
            return _y(year)
        if e.quarter_shift is not None and not e.resolved:
            return "XXXX-QX"
        return f"{_y(year)}-Q{e.quarter}"
    if e.half is not None:
        year = e.year if e.year_shift is None or e.resolved else None
        s, t = (f"{_y(year)}-01-01", f"{_y(year)}-07-01") if e.half == 1 else (
            f"{_y(year)}-07-01", f"{_y(None if year is None else year + 1)}-01-01")
        return _period(s, t, "P6M")
    if e.decade is not None:
        if e.century is not None or (e.century_shift is not None and e.resolved):
            c = (e.century - 1) if e.century is not None else e.year // 100
            s = f"{c:02d}{e.decade:02d}"
            t = f"{(c * 100 + e.decade + 10):04d}"
        else:
            s, t = f"XX{e.decade:02d}", f"XX{(e.decade + 10) % 100:02d}"
        return _period(f"{s}-01-01", f"{t}-01-01", "P10Y")
    if e.anchor is not None:
        _, n, unit = e.anchor
        dur = f"P{n * 3}M" if unit == "Q" else f"P{n}{unit}"
        if e.resolved and e.reference is not None:
            start, end = _anchor_days(e)
            return _period(start.isoformat(), (end + dt.timedelta(days=1)).isoformat(), dur)
        return _period("XXXX-XX-XX", "XXXX-XX-XX", dur)
    if e.holiday and e.holiday in g.HOLIDAYS["nth"]:
        nth = g.HOLIDAYS["nth"][e.holiday]
        return nth["timex"] if e.year is None else nth["timex"].replace("XXXX", _y(e.year))
    if e.resolved:
        return _resolved_point_timex(e)
    return _date_timex(e) + _clock_timex(e) if _has_date(e) else _clock_timex(e)


def _has_date(e: Timex) -> bool:
    return (e.year is not None or e.year_shift is not None or e.month is not None
            or e.month_shift is not None or e.day is not None or e.day_shift is not None
            or e.week_shift is not None or e.weekday is not None or e.week)


def _resolved_point_timex(e: Timex) -> str:
    if not _has_date(e):
        return _clock_timex(e)
    if e.week:
        if e.year is None:
            return "XXXX-WXX"
        return f"{e.year:04d}-W{e.week_number:02d}" + ("-WE" if e.weekend else "")
    if e.weekday is not None and e.day is None:
        return f"XXXX-WXX-{e.weekday}" + _clock_timex(e)
    if e.month is None:
        return _y(e.year) if e.day is None else f"{_y(e.year)}-XX-{e.day:02d}"
    if e.day is None:
        return f"{_y(e.year)}-{e.month:02d}"
    return f"{_y(e.year)}-{e.month:02d}-{e.day:02d}" + _clock_timex(e)


def _range_timex(e: Timex) -> str:
    a, b = e.parts
    ta, tb = timex_of(a), timex_of(b)
    grain = _grain(a)
    if grain in ("year", "month") and _grain(b) == grain:
        ta = ta + ("-01-01" if grain == "year" else "-01")
        tb = tb + ("-01-01" if grain == "year" else "-01")
        ya = a.year if a.year is not None else 2001
        yb = b.year if b.year is not None else ya
        months = (yb * 12 + (b.month or 1)) - (ya * 12 + (a.month or 1))
        return _period(ta, tb, f"P{months // 12}Y" if grain == "year" else f"P{months}M")
    if a.hour is not None and b.hour is not None:
        da, db = _as_datetime(a), _as_datetime(b)
        minutes = int((db - da).total_seconds() // 60)
        if minutes <= 0 and not _has_date(b):
            minutes += 24 * 60
        seconds = ((b.second or 0) - (a.second or 0)) % 60
        if seconds:
            minutes = int((db - da).total_seconds()) // 60
        h, mi = divmod(minutes, 60)
        dur = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{seconds}S" if seconds else "")
        return _period(ta, tb, dur if dur != "PT" else "PT0M")
    da, db = _as_date(a), _as_date(b)
    if da is None or db is None:
        return _period(ta, tb, "PXD")
    return _period(ta, tb, f"P{_days(da, db)}D")


def _as_date(e: Timex) -> dt.date | None:
    """The day to measure a range with; an open year or month is taken as 2001-01
    (31 days), since only the distance between the two ends counts."""
    if e.day is None:
        return None
    try:
        return dt.date(e.year if e.year is not None else 2001, e.month if e.month is not None else 1, e.day)
    except ValueError:
        return None


def _as_datetime(e: Timex) -> dt.datetime:
    # Two relative days (昨天 .. 明天) are apart by their shifts, whatever the reference.
    day = _as_date(e) or dt.date(2001, 1, 1) + dt.timedelta(days=e.day_shift or 0)
    return dt.datetime.combine(day, dt.time(e.hour, e.minute or 0, e.second or 0))


def _grain(e: Timex) -> str:
    if e.parts:
        return _grain(e.parts[0])
    if e.kind == "set":
        return {"D": "day", "W": "week", "M": "month", "Y": "year", "Q": "quarter", None: "day"}[
            e.set_unit] if e.hour is None else ("minute" if e.minute_written else "hour")
    if e.hour is not None:
        return "minute" if e.minute_written else "hour"
    if e.quarter is not None:
        return "quarter"
    if e.anchor is not None:
        return {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}[e.anchor[2]]
    if e.half is not None or e.month_part:
        return "month"
    if e.decade is not None or e.fiscal:
        return "year"
    if e.week:
        return "week"
    if e.day is not None or e.day_shift is not None or e.weekday is not None or e.holiday:
        return "day"
    if e.month is not None or e.month_shift is not None:
        return "month"
    return "year"


grain_of = _grain


# -- resolution -------------------------------------------------------------

def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _copy(e: Timex) -> Timex:
    """A shallow copy (dataclasses.replace re-runs __init__ over 40 fields: ~10x slower);
    the one mutable field, parts, the caller replaces."""
    r = object.__new__(Timex)
    r.__dict__.update(e.__dict__)
    return r


def resolve(e: Timex, ref: dt.date | None, year_hint: int | None) -> tuple[Timex, str | None]:
    """A copy with relative and missing fields filled; and why it could not be, if so."""
    r = _copy(e)
    r.parts, r.resolved, r.reference = [], True, ref
    if e.parts:
        a, why_a = resolve(e.parts[0], ref, year_hint)
        b, why_b = resolve(e.parts[1], ref, a.year if a.year is not None else year_hint)
        r.parts = [a, b]
        return r, why_a or why_b
    if e.kind == "set" or e.fiscal:
        return r, None
    needs_ref = (e.year_shift is not None or e.month_shift is not None or e.day_shift is not None
                 or e.week_shift is not None or e.century_shift is not None
                 or e.quarter_shift is not None or e.anchor is not None or e.week)
    if needs_ref and ref is None:
        return r, "relative"
    try:
        if e.day_shift is not None:
            day = ref + dt.timedelta(days=e.day_shift)
            r.year, r.month, r.day = day.year, day.month, day.day
        elif e.week_shift is not None or e.week:
            # 週末 alone: the text does not say which week; news means this one
            monday = _monday(ref) + dt.timedelta(weeks=e.week_shift or 0)
            if e.weekday is not None:
                day = monday + dt.timedelta(days=e.weekday - 1)
                r.year, r.month, r.day = day.year, day.month, day.day
            else:
                iso = monday.isocalendar()
                r.year, r.week_number = iso[0], iso[1]
        elif e.weekday is not None and e.day is None:
            if ref is None:
                return r, "relative"
            # 星期一 alone: the text does not say which week; news means this one
            day = _monday(ref) + dt.timedelta(days=e.weekday - 1)
            r.year, r.month, r.day = day.year, day.month, day.day
        elif e.month_shift is not None:
            base_year = ref.year + (e.year_shift or 0)
            r.year, r.month = _shift_month(base_year, ref.month, e.month_shift)
        elif e.quarter_shift is not None:
            index = ref.year * 4 + (ref.month - 1) // 3 + e.quarter_shift
            r.year, r.quarter = index // 4, index % 4 + 1
        elif e.century_shift is not None:
            r.year = (ref.year // 100 + e.century_shift) * 100
        elif e.anchor is not None:
            _anchor_days(r)   # raises when the span leaves the calendar
        else:
            if e.year_shift is not None:
                r.year = ref.year + e.year_shift
            elif r.year is None and (e.month is not None or e.quarter is not None or e.half is not None
                                      or e.holiday):
                r.year = year_hint
            if e.month is None and e.day is not None and e.year is None and e.year_shift is None:
                if ref is None:
                    return r, "partial"
                r.year, r.month = ref.year, ref.month
    except (OverflowError, ValueError):
        return r, "range"
    if r.year is not None and not 1 <= r.year <= 9999:
        return r, "range"
    return r, None


def _anchor_days(e: Timex) -> tuple[dt.date, dt.date]:
    """First and last day of 過去三年 / 未來兩天: the span before the reference
    date (which it ends at, exclusive) or after it (from the next day)."""
    direction, n, unit = e.anchor
    ref = e.reference
    one = dt.timedelta(days=1)
    if unit in ("D", "W"):
        delta = dt.timedelta(days=n * (7 if unit == "W" else 1))
        return (ref - delta, ref - one) if direction < 0 else (ref + one, ref + delta)
    months = n * {"Y": 12, "M": 1, "Q": 3}[unit]

    def shifted(day: dt.date, k: int) -> dt.date:
        y, m = _shift_month(day.year, day.month, k)
        return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))
    if direction < 0:
        return shifted(ref, -months), ref - one
    start = ref + one
    return start, shifted(start, months) - one


def values_of(r: Timex) -> tuple[str | None, str | None, str | None]:
    """(value, start, end) in ISO 8601 of a resolved copy; None where unknown.
    A period's start and end are the first and last day it covers."""
    if r.parts:
        a, b = r.parts
        sa, sb = _point_value(a), _point_value(b)
        if sa and sb and _grain(a) in ("year", "month"):
            return None, _first_day(a), _last_day(b)
        return None, sa, sb
    if r.kind == "set" or r.fiscal and r.quarter is None and r.year is None:
        return None, None, None
    if r.kind == "period":
        if r.fiscal:
            return None, None, None
        span = _span_days(r)    # once for both ends
        return (None, span[0].isoformat(), span[1].isoformat()) if span else (None, None, None)
    return _point_value(r), None, None


def _point_value(r: Timex) -> str | None:
    clock = f"{r.hour:02d}:{r.minute or 0:02d}" if r.hour is not None else None
    if not _has_date(r):
        return clock
    if r.year is None or r.month is None:
        if r.kind == "period" or r.parts:
            return _first_day(r)
        return None
    if r.day is None:
        return _first_day(r)
    try:
        day = dt.date(r.year, r.month, r.day).isoformat()
    except ValueError:
        return None
    return f"{day}T{clock}" if clock else day


def _first_day(r: Timex) -> str | None:
    span = _span_days(r)
    return span[0].isoformat() if span else None


def _last_day(r: Timex) -> str | None:
    span = _span_days(r)
    return span[1].isoformat() if span else None


def _span_days(r: Timex) -> tuple[dt.date, dt.date] | None:
    try:
        if r.anchor is not None:
            if r.reference is None:
                return None
            start, end = _anchor_days(r)
            return start, end
        if r.decade is not None:
            if r.century is None and r.century_shift is None:
                return None
            c = (r.century - 1) * 100 if r.century is not None else r.year
            y = c + r.decade
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
        if r.week and r.year is not None:
            monday = dt.date.fromisocalendar(r.year, r.week_number, 1)
            if r.weekend:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if r.year is None:
            return None
        if r.quarter is not None:
            m = (r.quarter - 1) * 3 + 1
            return dt.date(r.year, m, 1), dt.date(r.year, m + 2, calendar.monthrange(r.year, m + 2)[1])
        if r.half is not None:
            return (dt.date(r.year, 1, 1), dt.date(r.year, 6, 30)) if r.half == 1 else (
                dt.date(r.year, 7, 1), dt.date(r.year, 12, 31))
        if r.month is None:
            if r.year_part == "初":
                return dt.date(r.year, 1, 1), dt.date(r.year, 3, 31)
            if r.year_part in ("底", "末"):
                return dt.date(r.year, 10, 1), dt.date(r.year, 12, 31)
            return dt.date(r.year, 1, 1), dt.date(r.year, 12, 31)
        last = calendar.monthrange(r.year, r.month)[1]
        if r.day is not None:
            d = dt.date(r.year, r.month, r.day)
            return d, d
        part = r.month_part
        if part in ("初", "上旬"):
            return dt.date(r.year, r.month, 1), dt.date(r.year, r.month, 10)
        if part == "中旬" or part == "中":
            return dt.date(r.year, r.month, 11), dt.date(r.year, r.month, 20)
        if part in ("下旬", "底", "末"):
            return dt.date(r.year, r.month, 21), dt.date(r.year, r.month, last)
        return dt.date(r.year, r.month, 1), dt.date(r.year, r.month, last)
    except (ValueError, OverflowError):
        return None


# -- the event's date ---------------------------------------------------------

@dataclass(frozen=True)
class Resolved:
    """What the event takes from a time expression: its date (ISO, or YYYY-MM when
    only the month is known), time, UTC offset and year."""
    date: str | None
    time: str | None
    utc_offset: str | None
    year: int | None
    needs_reference: bool


def event_date(e: Timex, year_hint: int | None, ref: dt.date | None) -> Resolved:
    """The event's date from an expression of this section, resolved by resolve()
    above with the event's own year (its name's, else the one written before)."""
    clock = f"{e.hour:02d}:{e.minute or 0:02d}" if e.hour is not None else None
    r, why = resolve(e, ref, year_hint)
    if why == "relative":
        return Resolved(None, clock, None, year_hint if e.year_shift is None else None, True)
    if why == "range":
        # Past year 1 or 9999: no date and no year (the section's stage warns).
        return Resolved(None, clock, None, None, False)
    if why is not None or r.month is None:
        return Resolved(None, clock, None, r.year, False)
    if r.year is None:
        return Resolved(None, clock, None, None, False)
    if r.day is None:
        return Resolved(f"{r.year:04d}-{r.month:02d}", clock, utc_offset_of(e, r), r.year, False)
    try:
        day = dt.date(r.year, r.month, r.day).isoformat()
    except ValueError:
        return Resolved(None, clock, None, r.year, False)
    return Resolved(day, clock, utc_offset_of(e, r), r.year, False)


def utc_offset_of(e: Timex, r: Timex) -> str | None:
    """The zone's offset on the resolved day (a zone without daylight saving time
    has one without a day)."""
    head = e.parts[0] if e.parts else e
    if not head.zone:
        return None
    rr = r.parts[0] if r.parts else r
    day = None
    if rr.year is not None and rr.month is not None and rr.day is not None:
        try:
            day = dt.date(rr.year, rr.month, rr.day)
        except ValueError:
            day = None
    probe = TimeExpr(e.start, e.end, zone=head.zone, hour=head.hour, minute=head.minute)
    try:
        return _offset(probe, day)
    except (OverflowError, ValueError):
        return None
