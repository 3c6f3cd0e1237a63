"""What extractors find, as typed records: offsets into the text and values.

No record knows the output's shape: `service/serialize.py` alone turns them into
the Result's dicts (slicing each span's text from the original).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Offsets into the text; in a section's record, serialize.py writes it as the
    contract's Span ({start, end, text}, the text sliced from the original)."""
    start: int
    end: int


@dataclass(slots=True)
class Fact:
    """A quantity with what it measures and whose it is (facts)."""
    kind: str
    value: float | None
    approximate: bool
    min: float | None
    max: float | None
    unit: str | None
    start: int
    end: int
    subject: str | None
    entity: str | None
    sentence: tuple[int, int]
    confidence: float
    counted: str | None = None   # a count's noun (16家AI科技企業 -> AI科技企業); else None


@dataclass(slots=True)
class Quote:
    """Direct speech (start, end: the words inside the marks) and who said it."""
    start: int
    end: int
    speaker: str | None
    speaker_name: tuple[int, int] | None   # the name the speaker goes by at this quote
    cue: tuple[int, int] | None            # the speech verb
    speaker_span: tuple[int, int] | None   # the mention that speaks (or the pronoun)
    confidence: float


@dataclass(slots=True)
class TimeExpression:
    """A date, time, period or set, and what it resolves to."""
    start: int
    end: int
    kind: str
    timex: str | None
    value: str | None
    value_start: str | None     # a period's first and last moments
    value_end: str | None
    utc_offset: str | None
    grain: str | None
    fiscal: bool


@dataclass(slots=True)
class Event:
    """An event the text names, with the evidence that ranks it."""
    id: str
    name: str
    series: str | None
    year: int | None
    date: str | None
    time: str | None
    utc_offset: str | None
    date_text: str | None
    location: str | None
    edition: int | None
    organizer: str | None
    participants: list[str]
    mentions: list[tuple[int, int]]
    score: float                 # ranks the events: the first is the primary one
    release: bool                # a release no gathering names: no one takes part in it
    about: bool = True           # the first event is the article's (else `event` is null)
    gathering: bool = False      # a gathering the text names (a series' or by its own words)
    mentioned: bool = False      # a deed the body mentions beside the article's events (mentioned_events.py)


@dataclass(slots=True)
class EventRoles:
    """Who took part in the primary event (roles), and the employer a titled
    open-world participant takes from its organiser."""
    participants: list[str] = field(default_factory=list)
    employers: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[float]] = field(default_factory=dict)   # (role_model's vector per person)
    employer_evidence: dict[str, list] = field(default_factory=dict)  # (employer_model's candidates)
