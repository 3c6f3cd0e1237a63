"""Employer at the time of the article, from dated knowledge.

A person's knowledge-base record may list `employment`: [{organization, since,
until}] with ISO dates ("2024-03-19", "2024-03" or "2024"; null for open).
The article's date is its reference_date, else the latest date the text states
(a full year at least). The employer is the organisation the record places the
person at on that date (none, when no job covers it); with no date, or a
record without dates, its usual `organization`. The text wins wherever it names an
employer (people.py); an organisation the text says the person left (前輝達…)
is never given.
"""
from __future__ import annotations

import datetime as dt

from ..nlp.document import Document


def _as_date(value, end: bool = False) -> dt.date | None:
    """A date from "2024-03-19", "2024-03" or "2024" (its first day, or its last when end)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        y, m = parts
        if not end:
            return dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


def article_date(doc: Document) -> dt.date | None:
    """reference_date, else the latest absolute date the text states."""
    if doc.reference_date is not None:
        return doc.reference_date
    latest = None
    for e in doc.layers.get("dates", []):
        if e.year is None or e.year_shift is not None:
            continue
        try:
            when = dt.date(e.year, e.month or 1, e.day or 1)
        except ValueError:
            continue
        latest = when if latest is None or when > latest else latest
    return latest


def employer_on(record: dict, when: dt.date | None, left: frozenset[str] = frozenset()) -> str | None:
    """The knowledge base's employer for a person on a date (see the module's doc)."""
    jobs = record.get("employment")
    if not jobs or when is None:
        org = record.get("organization")
        return None if org in left else org
    for job in jobs:
        if job["organization"] in left:
            continue
        since, until = _as_date(job.get("since")), _as_date(job.get("until"), end=False)
        if (since is None or since <= when) and (until is None or when < until):
            return job["organization"]
    return None


# Between an organisation and the title of a person of one of its units (經濟部產業技術司司長
# 邱求慧, 工研院資訊與通訊研究所主任許冬陽): words of a name, no punctuation, no other clause.
UNIT_REACH = 16
NOT_IN_UNIT = set("，,。；;：:、\n「」“”《》()（）的或在是由为被向对跟给从")


def unit_employers(doc: Document, people, orgs) -> dict[str, str]:
    """The organisation right before a person's title and the unit they head, for the
    people the text gives no employer: {person id: organisation id}."""
    found: dict[str, str] = {}
    for person in people.ordered():
        if person.organization is not None or not person.mentions:
            continue
        start = person.first
        if person.title is not None and 0 <= start - person.title[1] <= 2:
            start = person.title[0]
        i = start
        while i > 0 and start - i < UNIT_REACH and doc.key[i - 1] not in NOT_IN_UNIT:
            if people.covering(i - 1, i) is not None and people.covering(i - 1, i) is not person:
                break
            org = orgs.covering(i - 1, i)
            if org is not None:
                if org.id not in person.former and start - i >= 2:
                    found[person.id] = org.id
                break
            i -= 1
    return found
