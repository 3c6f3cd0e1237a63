"""The document model: one text, same-length views of it, sentences, tokens.

Like spaCy's Doc: extractors read it and add typed annotations; offsets always
index the text exactly as the client sent it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import datetime as dt
import re
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Any

from . import automata
from .segment import Segmenter, Token
from .text import tables

# A sentence ends at terminal punctuation (plus any closing quotes/brackets after
# it) or at a line break. One linear pass.
SENTENCE_END_DEFINITION = r"[。！？!?；;…]+[”」』’\"）)】]*|\n+"
# The same matches, written to start with one character class so that `re` skips to
# a sentence end in C instead of trying both branches at every character (a third
# of the time; tests/test_nlp_fast_paths.py holds it to the definition).
SENTENCE_END = re.compile(r"[。！？!?；;…\n](?:(?<=\n)\n*|[。！？!?；;…]*[”」』’\"）)】]*)")
# A longer run without a sentence end (a text without punctuation, a list joined
# by commas, English prose, which ends sentences with ASCII periods the rule above
# does not trust) is cut into pieces of at most this many characters, at the last
# comma, period or space in the second half of each piece when there is one. Real
# sentences are far shorter (the longest in the seeds and fixtures: 123); the cap
# bounds the work every per-sentence rule does, so no input makes it quadratic.
MAX_SENTENCE_CHARS = 500
SOFT_BREAK = re.compile(r"[,，、:：]\s*|\.\s+|\s+")
# A character str.strip() keeps (re's \S and str.isspace read whitespace alike).
NONBLANK = re.compile(r"\S")
# A whole Latin word of the key view: a run of ASCII letters and digits (key has no capitals).
LATIN_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(slots=True)
class Document:
    text: str
    norm: str          # Simplified, half-width: what rules and the segmenter read
    key: str           # norm with ASCII lower-cased: what dictionaries match
    script: str
    sentences: list[Span]
    tokens: Sequence[Token]
    doc_id: str | None = None
    reference_date: dt.date | None = None
    # Annotations added by extractors, by layer name: each layer is registered with its
    # type and its one writer in service/layers.py.
    layers: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _latin_words: dict[str, list[int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        starts = getattr(self.tokens, "starts", None)
        self._token_starts = starts if starts is not None else [t.start for t in self.tokens]

    def latin_word_starts(self, word: str) -> list[int]:
        """Where word stands whole in key (no ASCII letter or digit on either side), in order:
        one pass over the text on first use, so a rule asking per candidate stays linear."""
        if self._latin_words is None:
            index: dict[str, list[int]] = {}
            for m in LATIN_WORD.finditer(self.key):
                index.setdefault(m.group(), []).append(m.start())
            self._latin_words = index
        return self._latin_words.get(word, [])

    def span(self, start: int, end: int) -> dict:
        """A contract Span: {start, end, text} with text sliced from the original."""
        return {"start": start, "end": end, "text": self.text[start:end]}

    # (Extractors call these thousands of times a document: a conditional, not max(),
    # and bisect's functions bound at import.)
    def sentence_at(self, offset: int) -> Span:
        i = bisect_right(self._sentence_starts, offset)
        return self.sentences[i - 1 if i else 0] if self.sentences else Span(0, len(self.text))

    def sentence_index(self, offset: int) -> int:
        i = bisect_right(self._sentence_starts, offset)
        return i - 1 if i else 0

    def token_index_at(self, offset: int) -> int:
        """Index of the token covering offset (or the last one before it)."""
        i = bisect_right(self._token_starts, offset)
        return i - 1 if i else 0

    def token_index_from(self, offset: int) -> int:
        """Index of the first token starting at or after offset (len(tokens) if none)."""
        return bisect_left(self._token_starts, offset)

    def starts_token(self, offset: int) -> bool:
        starts = self._token_starts
        i = bisect_left(starts, offset)
        return i < len(starts) and starts[i] == offset

    def ends_token(self, offset: int) -> bool:
        if offset >= len(self.text):
            return True
        return self.starts_token(offset)


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    nonblank = NONBLANK.search
    start = 0
    for end in ends:
        if end - start > MAX_SENTENCE_CHARS:
            _add_sentence(text, start, end, spans)
        elif end > start and (not text[end - 1].isspace() or nonblank(text, start, end) is not None):
            # what text[start:end].strip() keeps (one ending in punctuation is no blank)
            spans.append(Span(start, end))
        start = end
    return spans


def _add_sentence(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append text[start:end] (unless blank), cut to MAX_SENTENCE_CHARS pieces."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = start + MAX_SENTENCE_CHARS
        soft = None
        for m in SOFT_BREAK.finditer(text, start + MAX_SENTENCE_CHARS // 2, cut):
            soft = m.end()
        if soft is not None and soft <= cut:
            cut = soft
        if text[start:cut].strip():
            spans.append(Span(start, cut))
        start = cut
    if text[start:end].strip():
        spans.append(Span(start, end))


def build_document(text: str, segmenter: Segmenter, *, doc_id: str | None = None,
                   reference_date: dt.date | None = None) -> Document:
    t = tables()
    norm = t.normalise(text)
    key = t.key(text)
    automata.share(key)   # the extractors' automata search the key view in one pass
    return Document(
        text=text,
        norm=norm,
        key=key,
        script=t.script(text),
        sentences=split_sentences(norm),
        tokens=segmenter.tag(norm),
        doc_id=doc_id,
        reference_date=reference_date,
    )
