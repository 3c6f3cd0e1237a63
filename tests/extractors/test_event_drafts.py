"""Events._group_oneoffs: one-off events (a release, a launch) grouped into drafts, and
one kind done to one subject merged into one draft, with invented organisations and
products (issue 19: the merge once scanned every subject seen per draft and sorted the
mentions at each merge)."""
from __future__ import annotations

from service.extractors.event_kinds import OneOff
from service.extractors.events import Events, event_mention


def oneoff(start: int, kind: str, organizer: str | None, subject: str | None, named: bool = True):
    o = OneOff(start, start + 2, kind, organizer, (start, start + 2) if named and organizer else None,
               subject, None)
    return event_mention(start, start + 2, None, subject or kind, None, o)


def drafts(mentions):
    return [(d.kind, d.organizer, [m.start for m in d.mentions]) for d in Events._group_oneoffs(mentions)]


def test_a_short_subject_joins_the_release_of_its_full_id():
    """沐川 QZ8 發布 (subject muchuan-qz8) and QZ8 發布 read from another organiser: one
    release; a launch of the same subject stays apart, as does another product."""
    got = drafts([
        oneoff(0, "release", "muchuan", "muchuan-qz8"),
        oneoff(10, "launch", "muchuan", "muchuan-qz8"),
        oneoff(20, "release", "chengshi", "qz8", named=False),
        oneoff(30, "release", "chengshi-b", "chengshi-x1"),
    ])
    assert got == [("release", "muchuan", [0, 20]), ("launch", "muchuan", [10]),
                   ("release", "chengshi-b", [30])]


def test_the_subject_met_first_wins_and_the_mentions_end_sorted():
    got = drafts([
        oneoff(50, "release", "a", "lanfeng-z9"),
        oneoff(40, "release", "b", "aero-z9"),
        oneoff(30, "release", "c", "z9", named=False),         # matches both: the first one seen
        oneoff(5, "release", "d", "lanfeng-z9", named=False),
    ])
    assert got == [("release", "a", [5, 30, 50]), ("release", "b", [40])]
