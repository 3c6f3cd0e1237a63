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

import regex

from ..nlp.document import Document
from .employer_model import CUSTOMER_NOUNS
from .org_anaphora import ORG_ANAPHORS, org_antecedent, plainly_not_subject


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


def kb_employer(record: dict, when: dt.date | None, left: frozenset[str] = frozenset(),
                named: dict[str, int] | None = None) -> str | None:
    """employer_on, except that a person who heads several organisations at once (the
    record's `concurrent`, besides its current `organization`) works, in a text naming
    some of them, for the one it names most (the current one on a tie)."""
    org = employer_on(record, when, left)
    others = record.get("concurrent") or ()
    if not others or not named or org != record.get("organization"):
        return org
    best = org, named.get(org, 0) if org is not None else 0
    for other in others:
        if other not in left and named.get(other, 0) > best[1]:
            best = other, named[other]
    return best[0]


# Between an organisation and the title of a person of one of its units (經濟部產業技術司司長
# 邱求慧, 工研院資訊與通訊研究所主任許冬陽): words of a name, no punctuation, no other clause.
UNIT_REACH = 16
# A post left, written first after the organisation (星辰智能前高管, 原合伙人).
LEFT_POST = regex.compile(r"[ 的]?[前原]")
LEFT_MARKS = ("前", "原")   # (a tuple: the empty slice before a text's start is no mark)
POSTED_TO = ("驻", "派驻", "常驻")
NOT_IN_UNIT = set("，,。；;：:、\n「」“”《》()（）的或在是由为被向对跟给从")
# Words no unit's name holds: an adverb, a pronoun, an aspect particle (tags), or a count of
# people (两位, 三名). Between an organisation and a title they make the organisation the
# subject of a clause of its own (OpenAI又接到两位作家X的诉讼: the writers are not OpenAI's).
NOT_UNIT_TAGS = frozenset({"d", "r", "ul", "uz", "ug"})
PEOPLE_COUNTED = ("位", "名", "个")
# One-character words closing a unit's name (資通所, 技術處, 國際司), key view.
UNIT_CHARS = frozenset("所处司部局组系室科厅署")


# A commissioner's or a minister's portfolio may list its fields (创新、研究、文化与青年事务委员):
# between the organisation and such a title the list's marks are part of the post.
PORTFOLIO_TITLES = ("委员", "专员")
PORTFOLIO_REACH = 32
PORTFOLIO_ITEM = 6      # characters of one field of the list


def _listed_item(key: str, i: int) -> bool:
    """Is the text right after the list mark before `i` a short field (2..PORTFOLIO_ITEM)
    whose own end is another list mark or the rest of the post?"""
    n = 0
    while i + n < len(key) and key[i + n] not in NOT_IN_UNIT and n <= PORTFOLIO_ITEM:
        n += 1
    return 1 <= n and (n <= PORTFOLIO_ITEM and key[i + n:i + n + 1] == LISTED or n > PORTFOLIO_ITEM)


def left_mark_at(doc: Document, i: int) -> bool:
    """Is the character at i a 前 / 原 of its own (a one-character token), marking a post left
    (not 前沿, 原子能: words of their own)?"""
    if doc.key[i] not in LEFT_MARKS:
        return False
    tok = doc.tokens[doc.token_index_at(i)]
    return tok.start == i and tok.end == i + 1


def _left_between(doc: Document, start: int, end: int) -> bool:
    """英伟达中国区前负责人: a post left marked between an organisation and the title."""
    return any(left_mark_at(doc, i) for i in range(start, end))


# An organisation's Latin name glossed in brackets between it and a unit's title (星海通訊局
# （SCA）網路政策主管X, 蒙田研究所（Institut Montaigne）國際研究主任X): the gloss belongs to
# the organisation, the walk back from the title passes it.
GLOSS_CLOSE = frozenset("）)")
GLOSS_REACH = 40
CLAUSE_OPENING_TAGS = frozenset("vpc")   # (a verb, a preposition or a conjunction)
GLOSS_RE = regex.compile(r"[（(][A-Za-z0-9][A-Za-z0-9 .&'\-]*$")


def gloss_open(key: str, orgs, i: int) -> int | None:
    """If key[i-1] closes a Latin gloss whose bracket opens right after an organisation's
    mention, the position of that bracket (where the organisation ends), else None."""
    if i < 2 or key[i - 1] not in GLOSS_CLOSE:
        return None
    m = GLOSS_RE.search(key, max(0, i - 1 - GLOSS_REACH), i - 1)
    if m is None or m.start() == 0 or orgs.covering(m.start() - 1, m.start()) is None:
        return None
    return m.start()


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
        # (欧盟委员会创新、研究与青年事务委员X: a portfolio's list before a commissioner's title)
        portfolio = person.title is not None and doc.key.endswith(PORTFOLIO_TITLES, 0, person.title[1])
        reach = PORTFOLIO_REACH if portfolio else UNIT_REACH
        glossed = 0     # (the length of a Latin gloss passed: 星海通訊局（SCA）網路政策主管X)
        while i > 0 and start - i - glossed < reach:
            gloss = None if glossed else gloss_open(doc.key, orgs, i)   # (one gloss at most)
            if not (doc.key[i - 1] not in NOT_IN_UNIT
                    or portfolio and doc.key[i - 1] == LISTED and _listed_item(doc.key, i)
                    or gloss is not None):
                break
            if gloss is not None:
                j = gloss
                k = doc.token_index_from(i)
                if k < len(doc.tokens) and doc.tokens[k].start == i and doc.tokens[k].pos[:1] in CLAUSE_OPENING_TAGS:
                    break   # (星海社（SNA）引述總理X: a verb right after the gloss opens a clause)
                i, glossed = j, i - j
                continue
            if people.covering(i - 1, i) is not None and people.covering(i - 1, i) is not person:
                break
            org = orgs.covering(i - 1, i)
            if org is not None:
                k = i - 1
                while k > 0 and orgs.covering(k - 1, k) is org:
                    k -= 1
                parent = orgs.covering(k - 1, k) if k > 0 else None
                if start - i == 1 and doc.key[i] in UNIT_CHARS and parent is not None and parent is not org:
                    # 星光院資通所副組長X: a unit's name read as an organisation (or a listed
                    # company's short name) right after the one it belongs to, the unit's word
                    # (所) left outside: the parent employs them
                    org, i = parent, k
                    while k > 0 and orgs.covering(k - 1, k) is org:
                        k -= 1
                # (中國常駐聯合國代表: the organisation one is posted to is not one's employer;
                # 星辰智能前高管X, 云岫资本原合伙人X: a post left is not either)
                # (GOGORO騎士陳先生: a customer's noun before the name, the brand is what they ride)
                # (前美國商務部官員X, 原星河品牌設計師X: 前 / 原 before the organisation, a post left)
                if org.id not in person.former and start - i >= 2 and not doc.key.endswith(POSTED_TO, 0, k) \
                        and not LEFT_POST.match(doc.key, i, start) and not _left_between(doc, i, start) \
                        and not (k > 0 and left_mark_at(doc, k - 1)) \
                        and not _clause_between(doc, i, start) \
                        and not doc.key.endswith(CUSTOMER_NOUNS, i, start):
                    found[person.id] = org.id
                break
            i -= 1
        if person.id not in found and person.title is not None and start == person.title[0]:
            org = _topic_before(doc, orgs, start) or _anaphor_antecedent(doc, orgs, start)
            if org is not None and org.id not in person.former:
                found[person.id] = org.id
    return found


# 该公司首席执行官X: a determiner and a company's word right before the title point back to
# the organisation named before it (org_anaphora: the list and the resolver quotes uses too).
class _OrgSpan:
    __slots__ = ("start", "end", "entity")

    def __init__(self, start: int, end: int, entity) -> None:
        self.start, self.end, self.entity = start, end, entity


def _orgs_in(orgs, lo: int, hi: int) -> list[_OrgSpan]:
    """The organisations named inside [lo, hi), in text order."""
    found: list[_OrgSpan] = []
    i = hi
    while i > lo:
        org = orgs.covering(i - 1, i)
        if org is None:
            i -= 1
            continue
        end = i
        while i > lo and orgs.covering(i - 1, i) is org:
            i -= 1
        found.append(_OrgSpan(i, end, org))
    found.reverse()
    return found


def _anaphor_antecedent(doc: Document, orgs, start: int):
    """The organisation 该公司 right before a title (at start) refers to: the subject-like
    organisation of the nearest sentence (its own first) naming one (org_anaphora)."""
    key = doc.key
    end = start - 1 if key[start - 1:start] == "的" else start
    word = next((w for w in ORG_ANAPHORS if key.endswith(w, 0, end)), None)
    if word is None:
        return None
    hit = org_antecedent(doc, end - len(word), lambda lo, hi: _orgs_in(orgs, lo, hi),
                         lambda o, s_start: plainly_not_subject(doc, o.start, o.end, s_start),
                         own_sentence=True)
    return hit.entity if hit is not None else None


# Marks hanging a credit (an agency's, a photographer's) on the name before it.
CREDIT_JOINS = frozenset("-－—/／")


def _clause_between(doc: Document, start: int, end: int) -> bool:
    """Does a word no unit's name holds (NOT_UNIT_TAGS) lie between start and end?"""
    i = doc.token_index_from(start)
    while i < len(doc.tokens) and doc.tokens[i].start < end:
        tok = doc.tokens[i]
        if tok.pos in NOT_UNIT_TAGS or tok.pos == "m" and doc.key.endswith(PEOPLE_COUNTED, tok.start, tok.end):
            return True
        i += 1
    return False


def _topic_before(doc: Document, orgs, start: int):
    """而另一電商巨頭拼多多，董事長黃錚…: an organisation closing a clause with no verb (the
    topic), a comma, then the title: the title is of the topic's organisation."""
    key = doc.key
    if start < 2 or key[start - 1] not in "，,":
        return None
    org = orgs.covering(start - 2, start - 1)
    if org is None:
        return None
    k = start - 2
    while k > 0 and orgs.covering(k - 1, k) is org:
        k -= 1
    if k > 1 and key[k - 1] in CREDIT_JOINS and orgs.covering(k - 2, k - 1) is not None:
        # 艾司摩爾-REUTERS，總裁X: a picture's credit hung on the name; the name is the topic
        org = orgs.covering(k - 2, k - 1)
        k -= 1
        while k > 0 and orgs.covering(k - 1, k) is org:
            k -= 1
    clause = k
    while clause > 0 and k - clause < UNIT_REACH and key[clause - 1] not in CLAUSE_STOPS:
        clause -= 1
    if clause > 0 and key[clause - 1] not in CLAUSE_STOPS:
        return None     # (a clause too long to read as a topic)
    i = doc.token_index_from(clause)
    while i < len(doc.tokens) and doc.tokens[i].start < k:
        if doc.tokens[i].pos.startswith("v"):
            return None     # (小米起訴華碩，董事長…: a clause with a deed is no topic)
        i += 1
    return org


# The employer the text states after a person's name: an apposition (孫嘉禾，華碩共同創辦人
# 暨執行長，; 孙嘉禾（华硕CEO）) or a verb of holding a post (目前擔任華碩營運長, 现为小米
# 首席技术官, 目前在华硕担任CTO). A post held once (曾在…担任, 曾任) is no employer now.
APPOSITION = frozenset("，,（(：:")
POST_VERBS = ("目前担任", "现担任", "现任", "现为", "担任", "出任", "升任", "接任", "转任", "任职于", "任职")
# Verbs of handing a post over or giving one (交棒聯合創始人梁汝波, 任命副總裁X): what stands
# before a title after them is no organisation of the person's.
HANDOVER_VERBS = POST_VERBS + ("交棒", "接棒", "接替", "任命", "委任", "聘任", "聘请", "提拔", "晋升")
PAST = ("曾", "前", "原", "此前", "之前", "过去")
POST_REACH = 24         # characters from a name to the verb of its post, in its clause
TITLE_REACH = 14        # characters from an organisation to the title after it
CLAUSE_STOPS = frozenset("，,。；;：:\n（()）「」“”")
CLAUSE_END_RE = regex.compile("[" + regex.escape("".join(sorted(CLAUSE_STOPS))) + "]")
# 成为星河的总裁: becoming what a title names is holding the post (a title must follow the
# organisation, _titled_after), though no verb of handing a post over.
BECAME = ("成为",)
REPLACING = ("接替", "取代", "替代", "代替")     # (林某接替周某成为星河CEO: 周某 becomes nothing)
POST_VERB_RE = regex.compile("|".join(regex.escape(v) for v in POST_VERBS + BECAME))   # (longest first: listed so)


def _org_starting(orgs, pos: int):
    org = orgs.covering(pos, pos + 1)
    if org is None or orgs.covering(pos - 1, pos) is org:
        return None
    end = pos + 1
    while orgs.covering(end, end + 1) is org:
        end += 1
    return org, end


def _titled_after(doc: Document, end: int, has_title) -> bool:
    """Is there a job title after an organisation, before its clause ends (华硕的首席技术官)?"""
    stop = end
    while stop < len(doc.key) and stop - end < TITLE_REACH and doc.key[stop] not in CLAUSE_STOPS:
        stop += 1
    return has_title(doc.key[end:stop])


def stated_employers(doc: Document, people, orgs, has_title) -> dict[str, str]:
    """{person id: organisation id} for the people whose employer the text states after
    their name (see above); has_title(words) says whether words hold a job title."""
    key = doc.key
    found: dict[str, str] = {}
    for person in people.by_id.values():     # (order is of no matter: one answer a person)
        if person.organization is not None:
            continue
        for start, end in sorted(person.mentions):
            org = None
            if end < len(key) and key[end] in APPOSITION:
                j = end + 1
                verb = POST_VERB_RE.match(key, j)
                hit = _org_starting(orgs, verb.end() if verb else j)
                if hit is not None and _titled_after(doc, hit[1], has_title):
                    org = hit[0]
            if org is None:
                org = _post_after(doc, orgs, end, has_title, replaced=key.endswith(REPLACING, 0, start))
            if org is not None and org.id not in person.former:
                found[person.id] = org.id
                break
    return found


def _post_after(doc: Document, orgs, end: int, has_title, replaced: bool = False):
    """林宛蓉目前擔任華碩營運長, 目前在华硕担任CTO: the organisation of a post the person holds now
    (replaced: the name is the object of 接替 / 取代, and who 成为 is the one replacing them)."""
    key = doc.key
    if key.find("任", end, end + POST_REACH) < 0 and key.find("现为", end, end + POST_REACH) < 0 \
            and key.find("成为", end, end + POST_REACH) < 0:
        return None     # (most names: no post verb after them at all)
    clause = CLAUSE_END_RE.search(key, end, min(len(key), end + POST_REACH))
    m = POST_VERB_RE.search(key, end, clause.start() if clause else min(len(key), end + POST_REACH))
    if m is not None and not (replaced and m.group() in BECAME):
        i, verb = m.start(), m.group()
        before = key[end:i]
        if any(p in before.replace("目前", "") for p in PAST):
            return None     # 曾在雲岫軟體擔任產品總監: a post held once
        hit = _org_starting(orgs, i + len(verb))
        if hit is not None and _titled_after(doc, hit[1], has_title):
            return hit[0]
        at = before.rfind("在")     # 目前在华硕担任CTO
        if at >= 0:
            hit = _org_starting(orgs, end + at + 1)
            if hit is not None and hit[1] == i:
                return hit[0]
    return None


# A company told as founded by people (星辰智能由孫嘉禾和林宛蓉於2013年創立) or a person told as
# having joined one (林宛蓉近期已加入星辰智能): the company is their employer. A founder is read
# so only for people the knowledge base lacks (a known founder may long have left: its record
# says where they work); a post joined once (曾加入) is no employer now.
FOUNDED_BY = "由"
ORG_TAILS = ("公司", "集团")   # (星辰科技公司由…: a generic word after the name)
FOUNDING_VERBS = ("创立", "创办", "创建", "成立")
JOIN_VERBS = ("加入", "加盟")
FOUNDERS_REACH = 40     # characters from 由 to the founding verb, in one clause
JOIN_REACH = 12         # characters from a name to the verb of joining, in its clause
JOIN_PAST = ("曾", "前", "此前", "之前", "过去", "早年", "当年")
FOUNDING_STOPS = frozenset("，,。；;：:\n（()）「」“”！!？?")


def founded_or_joined(doc: Document, people, orgs, known) -> dict[str, str]:
    """{person id: organisation id} for founders the text names after 由 and before a
    founding verb, and for people it tells joined an organisation (see above); known(id)
    says whether the knowledge base holds the person."""
    key = doc.key
    found: dict[str, str] = {}
    if FOUNDED_BY in key:
        for org in orgs.by_id.values():
            for _, e in org.mentions:
                j = e + next((len(w) for w in ORG_TAILS if key.startswith(w, e)), 0)
                j += key[j:j + 1] == " "
                if key[j:j + 1] != FOUNDED_BY:
                    continue
                stop = j + 1
                while stop < len(key) and stop - j < FOUNDERS_REACH and key[stop] not in FOUNDING_STOPS:
                    stop += 1
                verb = min((at for at in (key.find(v, j + 1, stop) for v in FOUNDING_VERBS) if at >= 0),
                           default=-1)
                if verb < 0:
                    continue
                for person in people.by_id.values():
                    if person.organization is None and not known(person.id) and org.id not in person.former \
                            and any(j < s and t <= verb for s, t in person.mentions):
                        found.setdefault(person.id, org.id)
    if any(v in key for v in JOIN_VERBS):
        _first_found_by_mention(people.by_id.values(), found, lambda mention: _joined(doc, orgs, mention[1]))
    if any(v in key for v in FOUNDING_VERBS):
        unknown = [p for p in people.by_id.values() if not known(p.id)]
        _first_found_by_mention(unknown, found, lambda mention: _founded(doc, orgs, mention[1]))
    return found


# 孫嘉禾2019年創立了步行鞋品牌星步, 張偉創辦初創公司星河智算: a person, the verb of founding
# in their clause, then the organisation, with at most a few nouns of its kind between (品牌,
# 初创公司, 一家): the company is theirs (for people the knowledge base lacks, as with 由).
# A founding told as once (曾创办) or a company described by it (张伟创办的公司被收购) is not.
FOUNDER_REACH = 14      # characters from a name to the verb of founding, in its clause
KIND_REACH = 8          # characters of nouns between the verb and the organisation
KIND_TAGS = ("n", "m", "q", "x", "eng")


def _founded(doc: Document, orgs, end: int):
    """The organisation a person founded, told right after their name (see above)."""
    key = doc.key
    pos = _after_verb(key, end, FOUNDING_VERBS, FOUNDER_REACH, ("由", "被"))
    if pos is None:
        return None
    stop = pos
    while stop < len(key) and stop - pos < KIND_REACH and key[stop] not in FOUNDING_STOPS \
            and orgs.covering(stop, stop + 1) is None:
        stop += 1
    hit = _org_starting(orgs, stop)
    if hit is None:
        return None
    i = doc.token_index_from(pos)
    while i < len(doc.tokens) and doc.tokens[i].start < stop:
        tok = doc.tokens[i]
        if key[tok.start:tok.end] != " " and not tok.pos.startswith(KIND_TAGS):
            return None     # (a verb, 的, a preposition between: no kind of the company)
        i += 1
    return hit[0]


def _after_verb(key: str, end: int, verbs, reach: int, refusing: tuple[str, ...] = ()) -> int | None:
    """Where the words after the first of verbs found within reach of a name ending at end
    start (past a 了), or None when no such verb is there or a clause stop, a word of the
    past (曾) or one of refusing stands between the name and it."""
    for verb in verbs:
        at = key.find(verb, end, end + reach)
        if at < 0:
            continue
        before = key[end:at]
        if any(c in FOUNDING_STOPS for c in before) or any(p in before.replace("目前", "") for p in JOIN_PAST) \
                or any(w in before for w in refusing):
            return None
        pos = at + len(verb)
        return pos + key.startswith("了", pos)
    return None


def _first_found_by_mention(persons, found: dict[str, str], org_at) -> None:
    """For each person with no employer yet (none in the text, none in found), the first
    organisation org_at gives for one of their mentions in text order, unless they left it."""
    for person in persons:
        if person.organization is not None or person.id in found:
            continue
        for mention in sorted(person.mentions):
            org = org_at(mention)
            if org is not None and org.id not in person.former:
                found[person.id] = org.id
                break


def _joined(doc: Document, orgs, end: int):
    """林宛蓉近期已加入星辰智能: the organisation a verb of joining takes right after a name."""
    key = doc.key
    pos = _after_verb(key, end, JOIN_VERBS, JOIN_REACH)
    if pos is None:
        return None
    pos += key.startswith(" ", pos)
    hit = _org_starting(orgs, pos)
    return hit[0] if hit is not None else None


# 學會理事長X, 該研究所客座研究員X: an organisation's kind alone (its head word, after a clause
# break or 該/本/此) right before a title points back to the organisation of that kind the text
# named last (澳門星光研究學會 … 學會理事長陳某): that one employs the person.
HEAD_OPENERS = frozenset("，,。；;：:、\n「」“”（）() ")
HEAD_DETERMINERS = ("该", "本", "此", "这家", "这所", "这个")
LISTED = "、"
HEAD_POST_REACH = 10    # (characters of a post listed before another: 學院院長)
HEAD_GAPS = ("的", " ", "荣誉", "名誉", "客座", "代理", "署理")


def head_employers(doc: Document, people, orgs, heads: tuple[str, ...],
                   modifiers: tuple[str, ...], ends_with_title) -> dict[str, str]:
    """{person id: organisation id} for the people with a title and no employer whose title
    follows a bare organisation head (see above); heads are key-view head words, longest
    first, modifiers the words of rank a title may open with (榮譽, 客座), ends_with_title(words)
    whether words end in a job title."""
    key = doc.key
    found: dict[str, str] = {}
    ends = None
    for person in people.ordered():
        if person.organization is not None or person.title is None:
            continue
        pos = person.title[0]
        moved = True
        while moved:    # (學會榮譽理事長, 研究所的客座研究員)
            moved = False
            for word in HEAD_GAPS + modifiers:
                if key.endswith(word, 0, pos):
                    pos -= len(word)
                    moved = True
                    break
        head = next((h for h in heads if key.endswith(h, 0, pos)), None)
        if head is None:
            continue
        start = pos - len(head)
        before = start
        for d in HEAD_DETERMINERS:
            if key.endswith(d, 0, start):
                before = start - len(d)
                break
        if before > 0 and key[before - 1] not in HEAD_OPENERS:
            continue    # (星光研究學會理事長: a name, read elsewhere; 提名委員會: a unit of its own)
        if orgs.covering(start, pos) is not None or people.covering(start, pos) is not None:
            continue
        if ends is None:
            ends = sorted((e, s, ent.id) for ent in orgs.by_id.values() for s, e in ent.mentions)
        # 學院院長、協會會長X: posts listed before the name, the first stated names the employer
        while before > 1 and key[before - 1] == LISTED:
            k = before - 1
            while k > 0 and before - k < HEAD_POST_REACH and key[k - 1] not in HEAD_OPENERS:
                k -= 1
            first = next((h for h in heads if key.startswith(h, k)), None)
            if first is None or (k > 0 and key[k - 1] not in HEAD_OPENERS) \
                    or not ends_with_title(key[k + len(first):before - 1]):
                break
            head, start, before = first, k, k
        named = [(e, oid) for e, s, oid in ends
                 if e <= before and e - s > len(head) and key.endswith(head, s, e)]
        if named:
            org = named[-1][1]
            if org not in person.former:
                found[person.id] = org
    return found


# An organisation written right before a person's name, with nothing, a space or 的 between
# (華碩孫嘉禾表示, 星辰大學的 Priya Raman 教授): the person speaks for it or belongs to it. A
# space counts only beside Latin letters, where scripts meet (OPPO 孫嘉禾); between Chinese words
# it parts two phrases (a headline's 星辰設實驗室 孫嘉禾：…).
ADJACENT_GAPS = ("的 ", "的", " ", "")    # (longest first)


def adjacent_employers(doc: Document, people, orgs) -> dict[str, str]:
    """{person id: organisation id} for the people with no employer whose name follows an
    organisation's name with no word between (see above)."""
    key = doc.key
    found: dict[str, str] = {}
    _first_found_by_mention(people.ordered(), found, lambda mention: _org_ending(key, orgs, mention[0]))
    return found


def _org_ending(key: str, orgs, start: int):
    """The organisation whose mention ends right before start, past one of ADJACENT_GAPS."""
    for gap in ADJACENT_GAPS:
        if not key.endswith(gap, 0, start):
            continue
        end = start - len(gap)
        if gap.endswith(" ") and not (_latin(key, end - 1) or _latin(key, start)):
            continue
        org = orgs.covering(end - 1, end) if end > 0 else None
        if org is not None and any(e == end for _, e in org.mentions):
            return org
    return None


def _latin(key: str, i: int) -> bool:
    return 0 <= i < len(key) and key[i].isascii() and key[i].isalnum()
