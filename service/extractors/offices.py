"""Employers of public office holders (fixtures/articles/README.md, wave 13 rule 1).

An office is held in a body the text may name elsewhere than beside the title:

- a member of a legislature (立委, 參議員, 眾議員, 國會議員) sits in the chamber the text
  names as a body (立法院, 參議院), when it names exactly one such (a member titled 議員 alone:
  the one 立法會 or council the text names; 區議員 only a district council);
- a title that names its own unit (商務部長, 數發部長, 警政署長) is of the body the text
  names whose name ends in, or is abbreviated by, those words (美國商務部, 數位發展部);
- a post whose holder's office is named by the post and a seat's word (私隱專員 → 個人資料
  私隱專員公署, 申訴專員 → 申訴專員公署: lexicon.yaml office_holder_seats) is of the one such
  office the text names, the words before the title ending as the office's do (私隱 / 專員);
- a head of state or government, or a minister (總統, 首相, 大臣, 部長), works for the
  government the text names as theirs: the place before the title's government (美國總統 →
  美國政府), the leader's own administration (韓森政府 for 韓森), or, with no place before
  the title (科技大臣X, 該國總理X), the one government the text names, where the sentence's places
  before the title are all its place or, failing that, its place is the one the text has named most
  (more than once) before the title and the title is glued to no noun (總理X in an article on
  Germany naming 德國政府, not 薩克森邦總理X; 國家主席 completes a title read 主席; not for a person
  the knowledge base knows: 總統拜登 in a text naming only 中國政府 is not China's). A seat standing for a
  place's government (華府, 港府: lexicon.yaml government_seats) names it where the text
  writes no 美國政府. A place alone is no employer.

None of them is inferred to work for the article's subject or the event's organiser
(public() says whether a title is such an office's). The word lists are lexicon.yaml's
office_* entries, in the key view.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..kb import KnowledgeBase
from ..nlp.document import Document
from .entities import Entity, EntityTable
from .organizations import abbreviates

GOVERNMENT = "政府"
OFFICE_SEEKERS = ("当选人", "候选人")   # key view: after a title, one elected to it or running for it


def bare_office(title: str) -> str:
    """總統當選人 → 總統, 总统候选人 → 总统 (key view): the office one was elected to or runs for."""
    return next((title[:-len(w)] for w in OFFICE_SEEKERS if title.endswith(w) and len(title) > len(w)), title)
# A government's name that names no one government (地方政府, 各國政府): lexicon's generic_bodies.
PLACE_POS = frozenset({"ns"})
NOUN_POS = "n"      # jieba's noun tags (n, ns, nz, nr...): a title glued to one is that noun's
# Characters before a member's title read with it (區議員, 國會議員 where the title is 議員).
MEMBER_LOOKBACK = 2
MIN_UNIT = 3        # characters of a unit named in a title (商務部): 副部 is no unit
MAX_ABBREVIATION = 4
# Characters of a post's own words before a holder's title (私隱 / 專員) that the office's name must
# end with too, so that a bare 專員 is no commissioner of any 專員公署 the text names.
MIN_POST_WORDS = 2
# A title's own country named by pointing back (該國科技大臣: the country the text named last).
THAT_COUNTRY = ("该国", "本国")
MIN_TEXT_COUNTRY = 2     # mentions of a place before a bare head's title that make it the text's country
THAT_COUNTRY_REACH = 6     # characters from 該國 to the title (a field between: 該國科技大臣)


@dataclass(frozen=True)
class DocumentOffices:
    """What employer() reads of one document, gathered once so that each titled person costs
    no walk of the whole text (a text of many titles stays linear)."""
    governments: dict[str, str]     # Offices.governments
    # (organisation id, its name before the seat's word (key view), up to three of its spans) of
    # each office named with a seat's word (私隱專員公署): spans enough that one not holding the
    # title is among them where the name is written elsewhere too.
    seats: tuple[tuple[str, str, tuple[tuple[int, int], ...]], ...]
    place_ends: tuple[int, ...]     # where each place-tagged token ends, in text order
    # After each of those tokens: (the most mentions of one place so far, that place or None
    # where two places share the most).
    place_leaders: tuple[tuple[int, str | None], ...]


class Offices:
    def __init__(self, kb: KnowledgeBase) -> None:
        # lexicon.yaml is read once, by the knowledge base; its lists are kb.lex, key view.
        self.members = kb.office_member_bodies
        self.member_forms = tuple(sorted(self.members, key=len, reverse=True))
        self.heads = tuple(kb.lex.get("office_government_titles", ()))
        self.local = tuple(kb.lex.get("office_local_titles", ()))
        self.staff = tuple(kb.lex.get("office_staff_titles", ()))
        self.unit_kinds = tuple(kb.lex.get("office_body_kinds", ()))
        self.seat_words = tuple(kb.lex.get("office_holder_seats", ()))
        self.not_serving = tuple(kb.lex.get("office_not_serving", ()))
        self.generic = kb.lex.get("generic_bodies", frozenset())
        # 華府 → 美國: the place whose government a seat's name stands for (key view).
        self.seats = kb.government_seats
        self.kb = kb

    def public(self, title: str) -> bool:
        """Is a title (key view) a public office's (立委, 美國總統, 商務部長, 縣長, 總統當選人)?"""
        title = bare_office(title)
        return title.endswith(self.member_forms) or title.endswith(self.heads) or title.endswith(self.local) \
            or title.endswith(self.staff)

    def governments(self, doc: Document, orgs: EntityTable) -> dict[str, str]:
        """{government's name (key view): organisation id} of the governments the text names as
        one place's or one leader's (美國政府, 韓森政府; not 地方政府): read once a document."""
        governments: dict[str, str] = {}
        seats: dict[str, str] = {}
        for org in orgs.by_id.values():
            for s, e in org.mentions:
                k = doc.key[s:e]
                if k.endswith(GOVERNMENT) and k not in self.generic and len(k) > len(GOVERNMENT):
                    governments.setdefault(k, org.id)
                elif k in self.seats:
                    seats.setdefault(self.seats[k] + GOVERNMENT, org.id)
        for k, org_id in seats.items():     # (美國政府 named as well: that one)
            governments.setdefault(k, org_id)
        return governments

    def read(self, doc: Document, orgs: EntityTable) -> DocumentOffices:
        """The document's governments, seat-named offices and running place counts: once a document."""
        seats: dict[tuple[str, str], list[tuple[int, int]]] = {}
        if self.seat_words:
            for org in orgs.by_id.values():
                for s, e in org.mentions:
                    word = next((w for w in self.seat_words if doc.key.endswith(w, s, e)), None)
                    if word is not None:
                        spans = seats.setdefault((org.id, doc.key[s:e - len(word)]), [])
                        if len(spans) < 3:
                            spans.append((s, e))
        ends, leaders, counts, top, leader = [], [], {}, 0, None
        for tok in doc.tokens:
            if tok.pos in PLACE_POS:
                k = doc.key[tok.start:tok.end]
                counts[k] = counts.get(k, 0) + 1
                if counts[k] > top:
                    top, leader = counts[k], k
                elif counts[k] == top:
                    leader = None
                ends.append(tok.end)
                leaders.append((top, leader))
        return DocumentOffices(self.governments(doc, orgs),
                               tuple((i, head, tuple(spans)) for (i, head), spans in seats.items()),
                               tuple(ends), tuple(leaders))

    def employer(self, doc: Document, person: Entity, orgs: EntityTable,
                 facts: DocumentOffices) -> str | None:
        """The body the text names for the person's office (see the module's doc), or None;
        `facts` is read(doc, orgs)."""
        if person.title is None:
            return None
        governments = facts.governments
        t_start, t_end = person.title
        title = bare_office(doc.key[t_start:t_end])
        if any(w in doc.key[max(0, t_start - 2):t_end] for w in self.not_serving):
            return None     # 前總統, 當選總統, 候任部長
        # (區議員何某 titled 議員: the district's member the words before the title make it)
        wide = doc.key[max(0, t_start - MEMBER_LOOKBACK):t_start] + title
        member = next((m for m in self.member_forms if wide.endswith(m)), None)
        if member is not None:
            return self._one(doc, orgs, person, lambda k: k.endswith(self.members[member]))
        unit = self._unit_in_title(title)
        if unit is not None:
            found = self._one(doc, orgs, person, lambda k: k.endswith(unit) or self._abbreviates(unit, k))
            if found is not None:
                return found
        seat = self._holder_seat(doc, facts, person, t_start, t_end)
        if seat is not None:
            return seat
        if not title.endswith(self.heads):
            # (國家主席習某 titled 主席: the head's title the words before it complete)
            longer = next((h for h in self.heads if len(h) > len(title) and h.endswith(title)
                           and doc.key.endswith(h, 0, t_end)), None)
            if longer is None:
                return None
            t_start = t_end - len(longer)
        if not governments:
            return None
        for s, e in person.mentions:     # 韓森政府 for 韓森
            own = governments.get(doc.key[s:e] + GOVERNMENT)
            if own is not None and own not in person.former:
                return own
        place = self._place_before(doc, t_start)
        if place is not None:
            own = next((g for k, g in governments.items() if k.startswith(place)), None)
            return own if own is not None and own not in person.former else None
        if person.kb:
            return None     # (a known leader's country is the knowledge base's, not any government named)
        named = {g for g in governments.values() if g not in person.former}
        if len(named) != 1:
            return None
        own = named.pop()     # (no place: the one government named, if the clause says it is theirs)
        places = self._places_before(doc, t_start)
        if places and all(any(k.startswith(p) for k, g in governments.items() if g == own) for p in places):
            return own
        # (else the text's own country: 總理X in an article on Canada that names 加拿大政府, the
        # title qualified by no noun: 薩克森邦總理X is a state's)
        if self._qualified(doc, t_start):
            return None
        return own if self._text_country(facts, t_start, own) else None

    @staticmethod
    def _qualified(doc: Document, t_start: int) -> bool:
        """Is a title glued to a noun before it (薩克森邦總理, 聯邦總理: whose post it is)?"""
        if t_start <= 0:
            return False
        tok = doc.tokens[doc.token_index_at(t_start - 1)]
        return tok.end == t_start and tok.pos.startswith(NOUN_POS)

    @staticmethod
    def _text_country(facts: DocumentOffices, t_start: int, own: str) -> bool:
        """Is the government's place (德國 of 德國政府) the place the text names most often
        before the title, and more than once (總理X in an article on Germany)?"""
        n = bisect_right(facts.place_ends, t_start)     # (the place tokens ending by the title)
        if n == 0:
            return False
        top, leader = facts.place_leaders[n - 1]
        return top >= MIN_TEXT_COUNTRY and leader is not None and any(
            k.startswith(leader) for k, g in facts.governments.items() if g == own)

    def _unit_in_title(self, title: str) -> str | None:
        """商務部長 → 商務部: a unit the title names in itself (key view)."""
        unit = title[:-1]
        if len(unit) >= MIN_UNIT and unit.endswith(self.unit_kinds) and not unit.startswith("副"):
            return unit
        return None

    @staticmethod
    def _holder_seat(doc: Document, facts: DocumentOffices, person: Entity, t_start: int,
                     t_end: int) -> str | None:
        """私隱專員鍾某 → 個人資料私隱專員公署: the one office the text names whose name is
        the post's words and a seat's word (公署), the words written before the title (私隱)
        and the title (專員) ending as those of the office's name do."""
        key = doc.key
        ids = set()
        for org_id, head, spans in facts.seats:
            if org_id in person.former or org_id in ids or all(s <= t_end <= e for s, e in spans):
                continue
            shared = 0
            while shared < len(head) and shared < t_end and head[-1 - shared] == key[t_end - 1 - shared]:
                shared += 1
            if shared >= t_end - t_start + MIN_POST_WORDS:
                ids.add(org_id)
        return ids.pop() if len(ids) == 1 else None

    @staticmethod
    def _abbreviates(unit: str, name: str) -> bool:
        """數發部 for 數位發展部: the first and last characters alike, the rest in order."""
        return len(unit) <= MAX_ABBREVIATION and len(name) > len(unit) and abbreviates(unit, name, 0, len(name))

    @staticmethod
    def _one(doc: Document, orgs: EntityTable, person: Entity, fits) -> str | None:
        """The one organisation a mention of which fits, or None."""
        ids = {org.id for org in orgs.by_id.values() if org.id not in person.former
               and any(fits(doc.key[s:e]) for s, e in org.mentions)}
        return ids.pop() if len(ids) == 1 else None

    @staticmethod
    def _places_before(doc: Document, t_start: int) -> set[str]:
        """The places (key view) the sentence names before a title (英國首相X主持會議，體育大臣Y:
        英國), and the previous sentence's where the title is that country's (該國科技大臣)."""
        i = doc.sentence_index(t_start)
        start = doc.sentences[i].start if doc.sentences else 0
        near = doc.key[max(start, t_start - THAT_COUNTRY_REACH):t_start]
        if i > 0 and any(w in near for w in THAT_COUNTRY):
            start = doc.sentences[i - 1].start
        places = set()
        for j in range(doc.token_index_from(start), doc.token_index_at(t_start - 1) + 1 if t_start else 0):
            tok = doc.tokens[j]
            if tok.pos in PLACE_POS and tok.end <= t_start:
                places.add(doc.key[tok.start:tok.end])
        return places

    @staticmethod
    def _place_before(doc: Document, t_start: int) -> str | None:
        """The place named right before a title (美國 in 美國總統), key view."""
        if t_start <= 0:
            return None
        tok = doc.tokens[doc.token_index_at(t_start - 1)]
        if tok.end != t_start or tok.pos not in PLACE_POS:
            return None
        return doc.key[tok.start:t_start]
