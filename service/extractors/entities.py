"""Entities under construction: mentions and the evidence that found them.

Extractors add mentions; one entity per id collects them. Confidence is
computed from the evidence (noisy-or of the weights in EVIDENCE_WEIGHTS), so
an entity named by the knowledge base, a title and a speech verb is surer than
one a part-of-speech tag alone suggested.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

# How much each kind of evidence alone makes us believe an entity is real.
EVIDENCE_WEIGHTS = {
    "kb": 0.93,            # an alias from the knowledge base
    "kb-short": 0.6,       # a short form, trusted because the full name is present
    "kb-list": 0.8,        # a name from a generated list (listed companies, CC-CEDICT), not curated
    "title": 0.8,          # beside a job title (執行長孫嘉禾)
    "open-title": 0.65,    # after a word for a post or trade the title list lacks (立委林德福表示)
    "speech": 0.5,         # followed by a speech verb (孫嘉禾表示)
    "honorific": 0.7,      # followed by an honorific (孫嘉禾博士, 林宛蓉女士)
    "affiliation": 0.55,   # X的Y / org before a title
    "pos": 0.45,           # the segmenter tagged it a personal name
    "tagger": 0.6,         # the statistical tagger (LAC) marks the same span a person
    "transliteration": 0.7,  # 艾倫·克拉維茨: a foreign name with a middle dot
    "handle": 0.7,         # a blogger's handle after 博主 / 部落客, or an @handle that speaks
    "latin-name": 0.35,    # two capitalised Latin words
    "suffix": 0.75,        # an organisation suffix: 公司, 集團, 實驗室, Labs
    "appositive": 0.7,     # 新創公司Arbor Labs
    "sub-brand": 0.7,      # a known company and a proper-name word after it: TCL華星
    "government": 0.75,    # a place and a government or ministry: 美國政府, 德國交通部
    "org-before-title": 0.7,  # 星辰智能執行長…: what precedes a title is an employer
    "org-list": 0.6,       # an item of a list closed by 等 and a kind of organisation (甲、乙等公司)
    "org-cue": 0.6,        # a name before 旗下 / 官方 / 官網, or a source between 據 and 報導
    "match-side": 0.6,     # a side of a fixture written with vs (青川队vs白塔队)
    "home-away": 0.55,     # a team right before 主场 or 客场 (青川主场不败)
    "named-team": 0.55,   # 卡洛维茨队, 白塔球队: name words and a team word
    "league": 0.55,        # a league's short name: a place's abbreviation and a tier (英超, 德甲)
    "match-club": 0.55,    # a transliterated name beside a match verb in team-sport text (负于卡洛维茨)
    "repeated": 0.25,      # named more than once
    # Products' evidence (service/extractors/product*.py).
    "kb-alias": 0.9,       # a knowledge-base product's alias in full (sorts where products' "kb" did)
    "kb-brand": 0.7,       # a brand list's name the text reads as a product (product_brand_evidence.py)
    "maker-word": 0.6,     # a maker's name and capitalised words the text reads as a product (Apple Pencil)
    "kb-family": 0.85,     # a knowledge-base family and a version written after it (Llama 4)
    "stem": 0.75,          # a family stem and a version (GPT-4.5, RTX 5090)
    "pattern": 0.4,        # a Latin name with a version or size, nothing else
    "grammar": 0.8,        # brand or series + model code + suffixes (Galaxy S24 Ultra, 尼康Z8)
    "gloss-name": 0.6,     # a name in quotes or after 名为 that a category noun explains
    "sibling": 0.5,        # a bare code beside a product's bare code of the same shape (M2 beside M4)
    "cue": 0.45,           # a launch verb or a category noun beside it
    "vendor": 0.5,         # an organisation named beside it as its maker
    "gloss": 0.4,          # the article says what it is (名叫NIM的輝達推理微服務)
    "sized": 0.3,          # sizes or a context window the article gives it
}


def noisy_or(weights) -> float:
    """The chance that at least one of independent pieces of evidence is right."""
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    return 1.0 - miss


_COMBINED: dict[frozenset, float] = {}   # the few evidence sets a corpus has, each worked out once


def combine(evidence: set[str]) -> float:
    key = frozenset(evidence)
    value = _COMBINED.get(key)
    if value is None:
        # sorted: a float product must not depend on set order (hash seed)
        value = round(noisy_or(EVIDENCE_WEIGHTS[e] for e in sorted(evidence)), 3)
        if len(_COMBINED) < 4096:
            _COMBINED[key] = value
    return value


@dataclass
class Entity:
    kind: str
    id: str
    kb: bool
    mentions: list[tuple[int, int]] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)
    title: tuple[int, int] | None = None     # span of a title word in the text
    organization: str | None = None          # org id
    former: set = field(default_factory=set)  # org ids the text says they left (前輝達…)
    forms: list[str] = field(default_factory=list)  # other surface forms: 卓易訊暢公司 beside 卓易訊暢
    named_at: tuple[int, int] | None = None   # the mention giving the name, where not the first (苗總 … 苗啟文)
    name_part_only: bool = False   # named only in a product's name or a dateline (華為應用市場): not listed
    _seen: set = field(default_factory=set, repr=False)  # mentions, for O(1) duplicate checks

    @property
    def first(self) -> int:
        return min(s for s, _ in self.mentions)

    def has(self, start: int, end: int) -> bool:
        """Is (start, end) one of its mentions? (`in mentions` without reading the list.)"""
        return (start, end) in self._seen

    def confidence(self) -> float:
        ev = set(self.evidence)
        if len(self.mentions) > 1:
            ev.add("repeated")
        return combine(ev)


class EntityTable:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.by_id: dict[str, Entity] = {}
        self._at: dict[int, Entity] = {}   # character offset -> entity covering it
        # Every mention by where it starts and where it ends: offset -> [(other end, id)]; the
        # longest mention's length bounds how far back one that overlaps a span may start.
        # For the questions about one entity's mentions near a place (first_end, ends_at,
        # overlapping), which a walk over all its mentions made n-squared where one entity
        # collects a mention per clause. Made on the first such question (most tables are
        # never asked: each entity has a few mentions), kept current from then on.
        self._starts: dict[int, list[tuple[int, str]]] | None = None
        self._ends: dict[int, list[tuple[int, str]]] = {}
        self._longest = 0
        # While someone listens (MentionKeys, MentionForms): (+1 or -1, start, end, id) of each
        # mention added to or gone from an entity, (0, 0, 0, id) of each entity made.
        self.changes: list[tuple[int, int, int, str]] | None = None
        self._listeners = 0
        self._forms: MentionForms | None = None
        self._prefixes: MentionStarts | None = None

    def add(self, id_: str, start: int, end: int, evidence: str, kb: bool = False) -> Entity:
        ent = self.by_id.get(id_)
        if ent is None:
            ent = self.by_id[id_] = Entity(self.kind, id_, kb)
            if self.changes is not None:
                self.changes.append((0, 0, 0, id_))
        if (start, end) not in ent._seen:
            ent._seen.add((start, end))
            ent.mentions.append((start, end))
            if self._starts is not None:
                self._index(start, end, id_)
            for i in range(start, end):
                self._at.setdefault(i, ent)
            if self.changes is not None:
                self.changes.append((1, start, end, id_))
        ent.evidence.add(evidence)
        return ent

    def merge(self, from_id: str, into_id: str) -> None:
        """The mentions and evidence of one entity become another's (中華電 is
        中華電信's short name)."""
        gone = self.by_id.pop(from_id)
        into = self.by_id[into_id]
        changes = self.changes
        indexed = self._starts is not None
        for start, end in gone.mentions:
            if indexed:
                self._unindex(start, end, from_id)
            if changes is not None:
                changes.append((-1, start, end, from_id))
            if (start, end) not in into._seen:
                into._seen.add((start, end))
                into.mentions.append((start, end))
                if indexed:
                    self._index(start, end, into_id)
                if changes is not None:
                    changes.append((1, start, end, into_id))
            for i in range(start, end):
                if self._at.get(i) is gone:
                    self._at[i] = into
        into.evidence |= gone.evidence

    def drop_mention(self, id_: str, start: int, end: int) -> None:
        """Forget one mention (a name found to be the head of a longer one); an
        entity left with no mention goes."""
        ent = self.by_id[id_]
        if (start, end) not in ent._seen:
            return
        ent._seen.discard((start, end))
        mentions = ent.mentions
        if mentions[-1] == (start, end):
            mentions.pop()   # most often the one just added (a head a longer name then took)
        else:
            mentions.remove((start, end))
        if self._starts is not None:
            self._unindex(start, end, id_)
        for i in range(start, end):
            if self._at.get(i) is ent:
                del self._at[i]
        if self.changes is not None:
            self.changes.append((-1, start, end, id_))
        if not ent.mentions:
            del self.by_id[id_]

    def without(self, ids: set[str]) -> "EntityTable":
        """The same entities less `ids`, each offset covered as `add` would have
        covered it (by the first entity, in table order, that mentions it)."""
        kept = EntityTable(self.kind)
        for ent in self.by_id.values():
            if ent.id in ids:
                continue
            kept.by_id[ent.id] = ent
            for start, end in ent.mentions:
                for i in range(start, end):
                    kept._at.setdefault(i, ent)
        return kept

    def _indexed(self) -> dict[int, list[tuple[int, str]]]:
        if self._starts is None:
            self._starts = {}
            for ent in self.by_id.values():
                for start, end in ent.mentions:
                    self._index(start, end, ent.id)
        return self._starts

    def _index(self, start: int, end: int, id_: str) -> None:
        self._starts.setdefault(start, []).append((end, id_))
        self._ends.setdefault(end, []).append((start, id_))
        if end - start > self._longest:
            self._longest = end - start

    def _unindex(self, start: int, end: int, id_: str) -> None:
        at = self._starts[start]
        at.remove((end, id_))
        if not at:
            del self._starts[start]
        at = self._ends[end]
        at.remove((start, id_))
        if not at:
            del self._ends[end]

    # An entity with no more mentions than this is asked by reading its list, as cheap
    # as the index for the few mentions most entities have; one with more by the index.
    FEW = 8

    def first_end(self, ent: Entity, start: int, below: int | None = None) -> int | None:
        """The end of ent's first mention (in its list's order) that starts at start (and
        ends before below): next(e for s, e in ent.mentions if s == start ...)."""
        if len(ent.mentions) <= self.FEW:
            return next((e for s, e in ent.mentions if s == start and (below is None or e < below)), None)
        id_ = ent.id
        hits = [e for e, i in self._indexed().get(start, ()) if i == id_ and (below is None or e < below)]
        if len(hits) <= 1:
            return hits[0] if hits else None
        return next(e for s, e in ent.mentions if s == start and e in hits)   # the list's order

    def ends_at(self, ent: Entity, end: int) -> bool:
        """Does one of ent's mentions end at end?"""
        if len(ent.mentions) <= self.FEW:
            return any(e == end for _, e in ent.mentions)
        id_ = ent.id
        self._indexed()
        return any(i == id_ for _, i in self._ends.get(end, ()))

    def overlapping(self, ent: Entity, start: int, end: int) -> list[tuple[int, int]]:
        """ent's mentions that share a character with start..end, in its list's order."""
        if len(ent.mentions) <= self.FEW:
            return [span for span in ent.mentions if span[0] < end and span[1] > start]
        id_, starts = ent.id, self._indexed()
        hits = [(a, b) for a in range(max(0, start - self._longest + 1), end)
                for b, i in starts.get(a, ()) if i == id_ and b > start]
        if len(hits) > 1:
            hits.sort(key=ent.mentions.index)
        return hits

    def within(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The mentions inside lo..hi as (start, end, id), by start: read from the index
        of starts offset by offset, so a short window costs its length, not the table's."""
        starts = self._indexed()
        return [(a, b, i) for a in range(max(0, lo), hi) for b, i in starts.get(a, ()) if b <= hi]

    def touching(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Every mention sharing a character with lo..hi as (start, end, id), by start: read
        from the index of starts, so a short window costs its length and the longest
        mention's, not the table's."""
        starts = self._indexed()
        return [(a, b, i) for a in range(max(0, lo - self._longest + 1), hi)
                for b, i in starts.get(a, ()) if b > lo]

    def prefixes(self, key: str) -> "MentionStarts":
        """Which strings of the key text start where a mention starts, kept up to date for
        as long as the table lives."""
        if self._prefixes is None:
            self._prefixes = MentionStarts(self, key)
        elif self._prefixes.key is not key:
            raise ValueError("a table's mentions are read in one document's text")
        return self._prefixes

    def listen(self) -> list:
        """Start logging changes (see `changes`) for one more listener."""
        if not self._listeners:
            self.changes = []
        self._listeners += 1
        return self.changes

    def unlisten(self) -> None:
        self._listeners -= 1
        if not self._listeners:
            self.changes = None

    def forms(self, key: str) -> "MentionForms":
        """The entities by the strings their mentions read in key (the document's key text),
        kept up to date for as long as the table lives."""
        if self._forms is None:
            self._forms = MentionForms(self, key)
        elif self._forms.key is not key:
            raise ValueError("a table's mentions are read in one document's text")
        return self._forms

    @property
    def at(self):
        """The entity covering one offset, or None: covering(i, i + 1) as a bound dict.get,
        for loops that walk a text offset by offset."""
        return self._at.get

    def covering(self, start: int, end: int) -> Entity | None:
        at = self._at.get    # ~7,000 calls a corpus pass, most of them for one offset
        if end - start == 1:
            return at(start)
        for i in range(start, end):
            ent = at(i)
            if ent is not None:
                return ent
        return None

    def spans(self) -> list[tuple[int, int, str]]:
        """Every mention as (start, end, id), sorted: for bisecting by position."""
        return sorted((s, e, ent.id) for ent in self.by_id.values() for s, e in ent.mentions)

    def ordered(self) -> list[Entity]:
        for ent in self.by_id.values():
            ent.mentions.sort()
        return sorted(self.by_id.values(), key=lambda e: e.first)


class MentionKeys:
    """The strings (key[start:end]) of a table's mentions, for a walk that asks again and
    again whether a string is named yet while it adds names: brought up to date from the
    table's log of changes, not rebuilt from every mention at each question (which made
    a walk over n names n-squared). As before that, the strings are read afresh only
    when the number of mentions has changed since the last look.

        with MentionKeys(table, doc.key) as known:
            if known.named("魏牌"): ...
    """

    def __init__(self, table: EntityTable, key: str) -> None:
        self.table, self.key = table, key
        self.counts: dict[str, int] | None = None   # string -> mentions reading so
        self.counted = self.applied = 0   # changes counted into the size, and applied
        self.delta = 0   # the number of mentions now less the number at the last look

    def __enter__(self) -> "MentionKeys":
        self.changes = self.table.listen()
        self.start = len(self.changes)   # another listener's changes before are not ours
        self.counted = self.applied = self.start
        return self

    def __exit__(self, *exc) -> None:
        self.table.unlisten()

    def named(self, text: str) -> bool:
        changes = self.changes
        for sign, *_ in changes[self.counted:]:
            self.delta += sign
        self.counted = len(changes)
        if self.counts is None:
            self.counts = {}
            for ent in self.table.by_id.values():
                for s, e in ent.mentions:
                    self._count(self.key[s:e], 1)
            self.applied, self.delta = len(changes), 0
        elif self.delta:
            for sign, s, e, _ in changes[self.applied:]:
                if sign:
                    self._count(self.key[s:e], sign)
            self.applied, self.delta = len(changes), 0
        return text in self.counts

    def _count(self, text: str, sign: int) -> None:
        n = self.counts.get(text, 0) + sign
        if n > 0:
            self.counts[text] = n
        else:
            self.counts.pop(text, None)


class MentionForms:
    """Which entities have a mention reading a given string of the document's key text,
    answered from an index the table's log of changes keeps current (made once, then
    each change read once), not by reading every mention of every entity at each
    question. Made by EntityTable.forms; it listens as long as the table lives.

    The strings are indexed too by their first and last characters (`ending`), and by
    each character they hold with their last (`holding`): the questions of an
    abbreviation (星海會 of 星海交易委員會: first and last the same, the rest in order) read
    those few strings, not every one."""

    def __init__(self, table: EntityTable, key: str) -> None:
        self.table, self.key = table, key
        self.ids: dict[str, dict[str, int]] = {}   # string -> entity id -> its mentions reading so
        self.order: dict[str, int] = {}   # entity id -> when it came into the table (by_id's order)
        # (first, last) -> strings; (a character of it, last) -> strings (dicts as ordered sets)
        self.ends: dict[tuple[str, str], dict[str, None]] = {}
        self.chars: dict[tuple[str, str], dict[str, None]] = {}
        for ent in table.by_id.values():
            self.order[ent.id] = len(self.order)
            for s, e in ent.mentions:
                self._count(key[s:e], ent.id, 1)
        self.changes = table.listen()
        self.applied = len(self.changes)

    def first(self, text: str) -> Entity | None:
        """The entity, first in the table's order, one of whose mentions reads text."""
        self._update()
        ids = self.ids.get(text)
        if not ids:
            return None
        return self.table.by_id[min(ids, key=self.order.__getitem__)]

    def ending(self, first: str, last: str) -> list[tuple[str, dict[str, int]]]:
        """(string, {entity id: mentions}) of each string read that starts with first and
        ends with last."""
        self._update()
        return [(text, self.ids[text]) for text in self.ends.get((first, last), ())]

    def holding(self, char: str, last: str) -> Iterator[tuple[str, dict[str, int]]]:
        """(string, {entity id: mentions}) of each string read that holds char anywhere
        and ends with last, one at a time: a caller that wants one owner stops at the
        second instead of reading them all (a long text can hold thousands). Read it
        whole before the table changes."""
        self._update()
        ids = self.ids
        return ((text, ids[text]) for text in self.chars.get((char, last), ()))

    def _update(self) -> None:
        changes = self.changes
        for sign, s, e, id_ in changes[self.applied:]:
            if sign:
                self._count(self.key[s:e], id_, sign)
            else:   # made (again: an entity that went and comes back is last in by_id)
                self.order[id_] = len(self.order)
        self.applied = len(changes)

    def _count(self, text: str, id_: str, sign: int) -> None:
        ids = self.ids.get(text)
        if ids is None:
            if sign < 0:
                return
            ids = self.ids[text] = {}
            if text:
                self._index(text, 1)
        n = ids.get(id_, 0) + sign
        if n > 0:
            ids[id_] = n
        else:
            ids.pop(id_, None)
            if not ids:
                del self.ids[text]
                if text:
                    self._index(text, -1)

    def _index(self, text: str, sign: int) -> None:
        last = text[-1]
        keys = [(self.ends, (text[0], last))] + [(self.chars, (c, last)) for c in set(text)]
        for index, k in keys:
            if sign > 0:
                index.setdefault(k, {})[text] = None
            else:
                strings = index[k]
                del strings[text]
                if not strings:
                    del index[k]


class MentionStarts:
    """Does any mention start where the key text reads a string (鴻華 where 鴻華先進 is
    named)? Answered from the strings of each length asked for that start where mentions
    start (counted once, then brought up to date from the table's log of changes), not by
    reading every mention at each question. Made by EntityTable.prefixes."""

    def __init__(self, table: EntityTable, key: str) -> None:
        self.table, self.key = table, key
        self.counts: dict[int, dict[str, int]] = {}   # length -> string -> mentions starting so
        self.changes = table.listen()
        self.applied = len(self.changes)

    def starts(self, text: str) -> bool:
        """Does a mention start where key reads text (key.startswith(text, its start))?"""
        self._update()
        n = len(text)
        counts = self.counts.get(n)
        if counts is None:
            key, counts = self.key, {}
            for ent in self.table.by_id.values():
                for s, _ in ent.mentions:
                    piece = key[s:s + n]
                    counts[piece] = counts.get(piece, 0) + 1
            self.counts[n] = counts
        return text in counts

    def _update(self) -> None:
        changes, key = self.changes, self.key
        if self.applied < len(changes):
            for sign, s, _, _ in changes[self.applied:]:
                if sign:
                    for n, counts in self.counts.items():
                        piece = key[s:s + n]
                        left = counts.get(piece, 0) + sign
                        if left > 0:
                            counts[piece] = left
                        else:
                            counts.pop(piece, None)
            self.applied = len(changes)
