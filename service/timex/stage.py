"""The time-expressions stage: every date, time, period and set, sentence by
sentence, resolved against the reference date (or the year written before it).

Writes two layers: `time_expressions` (TimeExpression records, the Result's
section once serialize.py shapes them) and `dates` (the expressions a primary event may take its date from,
which it resolves with model.event_date: one reader and one resolver of dates).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

import regex

from .. import deadline
from ..kb import KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from . import grammar as g
from ..extractors.records import TimeExpression
from .model import Timex, grain_of, read, resolve, timex_of, utc_offset_of, values_of

# Every time expression holds one of these (a digit, a unit word such as 年 月 日
# 點 季 週, or a holiday without one: 五一, 清明, 中秋); a sentence without any
# is skipped whole, which is most of a news text.
TRIGGER = regex.compile(r"[\d年月日号周期拜天点时季纪代节旦夕晨晚夜午早]|五一|双十一|清明|中秋|q[1-4]|fy")
# The same for the standard library's `re` (a third cheaper a call), for the texts the
# start scan serves: on those \d means to `re` what it means to `regex` (grammar.py).
TRIGGER_RE = re.compile(TRIGGER.pattern)


class TimeExpressions:
    name = "time_expressions"
    reads = ("unread_numbers",)
    writes = ("time_expressions", "dates")

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        zones = dict(kb.time_zones)
        zones["当地时间"] = None
        self.zones = zones
        self.starts = g.start_pattern(zones)
        # the grammar for `re`, tried only at the places the scan finds
        self.grammar = g.scan_grammar(zones)
        places = kb.place_zones
        self.place_zones = places
        self.place = regex.compile(g.alt(places)) if places else None

    @cached_property
    def pattern(self) -> regex.Pattern:
        """The grammar with its guard, for a text the scan cannot serve (built then)."""
        return g.expression_pattern(self.zones)

    def __call__(self, doc: Document) -> None:
        out: list[TimeExpression] = []
        dates: list[Timex] = []
        ref = doc.reference_date
        last_year = None   # the last year written in the text so far
        key = doc.key
        # Where an expression may start, over the whole text at once (grammar.start_pattern);
        # None: a character the scan's `re` does not read as `regex` does, so every place is tried.
        places = None if g.needs_full_scan(key) else [m.start() for m in self.starts.finditer(key)]
        if places == []:
            doc.layers["time_expressions"] = out
            doc.layers["dates"] = dates
            return
        # A sentence of more numbers than prose holds is read up to its cap (nlp/density.py).
        cuts = {end: start for start, end in doc.layers.get("unread_numbers", ())}
        count = len(places) if places is not None else 0
        trigger = TRIGGER.search if places is None else TRIGGER_RE.search
        for sentence in doc.sentences:
            start = sentence.start
            end = cuts.get(sentence.end, sentence.end) if cuts else sentence.end
            if places is not None:
                first = bisect_left(places, start)
                if first == count or places[first] >= end:
                    continue   # nothing can start here
            deadline.check(self.name)
            if not trigger(key, start, end):
                continue
            matches = (self.pattern.finditer(key, start, end) if places is None
                       else self._matches(key, start, end, places, first))
            found = self._in_sentence(doc, start, matches)
            sentence_year = None
            for e in found:
                deadline.check(self.name)
                # A date without its year (8月, 7月30日) is in the year written before
                # it in the same sentence, else the reference date's, else the last
                # year the text wrote (2012年 three paragraphs up is history, not 6月's year).
                hint = sentence_year or (ref.year if ref else last_year)
                out.append(self._emit(doc, e, hint))
                dates.extend(_for_events(e))
                sentence_year = _written_year(e, sentence_year)
                last_year = _written_year(e, last_year)
        doc.layers["time_expressions"] = out
        doc.layers["dates"] = dates

    # -- finding ----------------------------------------------------------
    def _in_sentence(self, doc: Document, start: int, matches) -> list[Timex]:
        found: list[Timex] = []
        for m in matches:
            e = read(m, self.zones)
            if e is None:
                continue
            if e.local_zone:
                e.zone = self._local_zone(doc.key, start, e.start)
            found.append(e)
        return [e for e in _ranges(doc.key, found) if not e.weak]

    def _matches(self, key: str, start: int, end: int, places: list[int], first: int):
        """What pattern.finditer(key, start, end) finds, trying the grammar only at the
        places (from index first) where the start scan says an expression may begin.
        The scan ran over the whole text, not up to end: its conditions that look
        ahead only ever hold more often with more text to see (see grammar.py)."""
        match = self.grammar.match
        after = start   # where the last match ended: the next one starts there or later
        for i in range(first, len(places)):
            at = places[i]
            if at >= end:
                return
            if at >= after:
                deadline.check(self.name)
                m = match(key, at, end)
                if m is not None:
                    after = m.end()
                    yield m

    def _local_zone(self, key: str, start: int, end: int) -> str | None:
        """当地时间: the zone of the last place named before it in the sentence."""
        if self.place is None:
            return None
        last = None
        for m in self.place.finditer(key, start, end):
            last = m.group()
        return self.place_zones.get(last) if last else None

    # -- output -------------------------------------------------------------
    def _emit(self, doc: Document, e: Timex, year_hint: int | None) -> TimeExpression:
        ref = doc.reference_date
        r, why = resolve(e, ref, year_hint)
        value, start, end = values_of(r) if why is None else (None, None, None)
        if why is None and value is None and start is None and not (e.kind == "set" or e.fiscal):
            # every field known and still no value: no such day (2月30日)
            why = "partial" if _open_year(r) else "invalid"
        if e.holiday in g.HOLIDAYS["lunar"]:
            value, start, end, why = None, None, None, "lunar"
        if why is not None:
            doc.warnings.append(_WHY[why].format(text=doc.text[e.start:e.end]))
        if e.fiscal:
            doc.warnings.append(f"'{doc.text[e.start:e.end]}' is a fiscal period: its calendar dates "
                                "depend on whose fiscal year")
        # by position, in the record's field order (a third of the cost of keywords;
        # tests/timex/test_stage_fields.py holds the order)
        return TimeExpression(
            e.start, e.end,
            "period" if e.parts else e.kind,     # kind
            timex_of(e),                         # timex
            value, start, end,                   # value, value_start, value_end
            utc_offset_of(e, r),                 # utc_offset
            grain_of(e),                         # grain
            e.fiscal,                            # fiscal
        )


_WHY = {
    "relative": "'{text}' is relative: send reference_date to resolve it",
    "partial": "'{text}' gives no year: send reference_date to resolve it",
    "range": "'{text}' resolves outside the years 1-9999: no value",
    "lunar": "'{text}' is a lunar-calendar date: no Gregorian value is given",
    "invalid": "'{text}' is no calendar date: no value",
}


def _open_year(r: Timex) -> bool:
    """Whether the resolved expression still lacks its year (or century)."""
    head = r.parts[0] if r.parts else r
    if head.decade is not None:
        return head.century is None and head.century_shift is None
    return head.year is None


def _written_year(e: Timex, hint: int | None) -> int | None:
    head = e.parts[0] if e.parts else e
    if head.year is not None and head.year_shift is None and not head.fiscal and head.century is None:
        return head.year
    return hint


def _ranges(key: str, found: list[Timex]) -> list[Timex]:
    """Join 7月30日至8月2日, 下午5:00到6:00, 2009年与2010年之间 into one period."""
    out: list[Timex] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.kind != "set" and b.kind != "set" and not a.fiscal and not b.fiscal:
            gap = key[a.end:b.start]
            # 1日1日…: an empty gap links nothing (three regex calls spared per pair)
            linked = g.RANGE_LINK.fullmatch(gap) if gap else None
            between = g.RANGE_BETWEEN.fullmatch(gap) if gap else None
            close = None
            if linked or between:
                close = g.RANGE_CLOSE.match(key, b.end) if between else g.RANGE_END.match(key, b.end)
            if (linked or between and close) and _compatible(a, b):
                _inherit(a, b)
                start = a.start
                opener = g.RANGE_OPEN.search(key, max(0, a.start - 2), a.start)
                if opener:
                    start = opener.start()
                end = close.end() if close else b.end
                a.weak = b.weak = False
                out.append(Timex(start, end, kind="period", zone=a.zone, parts=[a, b]))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _compatible(a: Timex, b: Timex) -> bool:
    if a.anchor or b.anchor or a.decade is not None or b.decade is not None:
        return False
    if (a.hour is None) != (b.hour is None):
        return False
    return a.quarter is None and b.quarter is None and a.half is None and b.half is None


def _inherit(a: Timex, b: Timex) -> None:
    """What the end of a range leaves out, it takes from the start (7月30日至8月2日
    shares the year; 1月10日到12日 the month; 下午5點到6點 the afternoon)."""
    if b.month is None and b.month_shift is None and b.day is not None and b.day_shift is None \
            and (a.month is not None or a.month_shift is not None):
        b.month, b.month_shift, b.inherited = a.month, a.month_shift, True
        b.kind = "date"
    if b.year is None and b.year_shift is None and b.month is not None:
        b.year, b.year_shift = a.year, a.year_shift
    own_date = b.kind != "time"
    if b.kind == "time" and a.kind == "datetime":
        for f in ("year", "year_shift", "month", "month_shift", "day", "day_shift", "week_shift", "weekday"):
            setattr(b, f, getattr(a, f))
        b.kind = "datetime"
    if b.hour is not None and a.hour is not None and not b.clock_pod and not own_date \
            and a.hour >= 12 and b.hour < 12:
        b.hour += 12
    b.zone = b.zone or a.zone


def _for_events(e: Timex) -> list[Timex]:
    """The expressions the primary event may take its date from: a day, a month or
    a year (not a quarter, a set, a week or a span of years)."""
    if e.parts:
        return [x for p in e.parts if not p.inherited for x in _for_events(p)]
    if e.kind == "set" or e.fiscal or e.anchor or e.decade is not None or e.week:
        return []
    if e.quarter is not None or e.half is not None or e.holiday:
        if e.year is None and e.year_shift is None:
            return []
        return [Timex(e.start, e.end, kind="period", year=e.year, year_shift=e.year_shift)]
    if e.weekday is not None and e.week_shift is None:
        # 周四宣布: a weekday alone dates an event by the reference date (events.weekday_date).
        return [e] if e.month is None and e.day is None and e.year is None else []
    # A day alone (8日) stays: the reference date's month may fix it (events.dates_a_day).
    if e.month is None and e.month_shift is None and e.day_shift is None and e.week_shift is None \
            and e.year is None and e.year_shift is None and e.day is None:
        return []
    return [e]
