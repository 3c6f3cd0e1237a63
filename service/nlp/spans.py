"""What the extractors share about stretches of text: a mention, and the tokens
inside a character range.

A `Mention` is a span (code-point offsets into the original text, as every
view has the same length), the kind of thing it names in its extractor's terms
(quotes: person, org, pronoun...; events: series, one-off, suffix name) and
what it refers to (an Entity, an event's name key...). One type, so a
mention found by one extractor reads the same way in another.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from .document import Document
from .segment import Token


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str
    ref: Any = None     # what the mention names: an Entity, an EventName, ...


def token_range(doc: Document, start: int, end: int) -> range:
    """Indices of the tokens overlapping [start, end), from the one covering
    start on: two bisections, however long the range."""
    return range(doc.token_index_at(start), doc.token_index_from(end))


def tokens_in(doc: Document, start: int, end: int) -> Iterator[Token]:
    """The tokens overlapping [start, end), built one by one as the caller reads."""
    tokens = doc.tokens
    return (tokens[i] for i in token_range(doc, start, end))


def token_range_back(doc: Document, start: int, end: int) -> range:
    """Indices of the tokens starting inside [start, end), the last one (which
    may run past end) first: a caller reads only as far back as it needs (a
    subject is a few tokens; a clause of 60 bare numbers must not cost 60
    tokens for every number in it)."""
    if end <= start:
        return range(0)
    return range(doc.token_index_at(end - 1), doc.token_index_from(start) - 1, -1)
