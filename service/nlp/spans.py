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


def _starts(tokens) -> list[int]:
    starts = getattr(tokens, "starts", None)   # a TokenList; a plain list in some tests
    return starts if starts is not None else [t.start for t in tokens]


def tokens_in(doc: Document, start: int, end: int) -> Iterator[Token]:
    """The tokens overlapping [start, end), from the one covering start on.
    Built one by one, as far as the caller reads."""
    tokens = doc.tokens
    i = doc.token_index_at(start)
    starts, n = _starts(tokens), len(tokens)
    while i < n and starts[i] < end:
        yield tokens[i]
        i += 1


def tokens_back(doc: Document, start: int, end: int) -> Iterator[Token]:
    """The tokens inside [start, end), from the last one back, the first one
    possibly starting before start excluded: built only as far as the caller
    reads (a subject is a few tokens; a clause of 60 bare numbers must not cost
    60 tokens for every number in it)."""
    tokens = doc.tokens
    starts = _starts(tokens)
    i = doc.token_index_at(end - 1) if end > start else -1
    while i >= 0:
        if starts[i] < start:
            return
        yield tokens[i]  # starts before `end`: the token covering end - 1, or earlier
        i -= 1
