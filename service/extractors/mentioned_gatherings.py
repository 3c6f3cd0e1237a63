"""Gatherings an article mentions beside its own event (issue 15).

The body names meetings, forums, ceremonies and shows where something else was said or
done: 張曉強日前於歐洲技術論壇說, 尹锡悦总统前一天在首脑会议上强调, 当天上午还举行了高级
圆桌会议, 在上周举办的“Indie Game Awards 2025”上. events.py reads the gatherings a series
or a suffix names as the article's candidates; this reader adds the ones the body tells by
the frame of a gathering, whatever their name:

- a head noun of a gathering from the data (service/kb/data/gathering_heads.yaml: 会议,
  论坛, 典礼, 仪式, 记者会, 展示会, …, Awards, Summit), ending a word;
- its name: the words before the head back to a clause's end, a preposition, 的, a verb or
  a date, or the words of the quotes 「」“”《》 around it; a bare head (会议, 这次会议,
  相关会议, 一场会议) names nothing, except an occasion (记者会, 开幕仪式: the data's
  `occasions`), named then by its head;
- evidence it is an occasion: a verb of holding or attending right before it (举行, 召开,
  主持, 出席, 参加, 举办的), or 在/于 before it in its clause and 上/中/期间/前夕 after it
  (在X上), or 于 before it and a verb of saying after it (于X说), or, for a quoted name,
  a verb of holding earlier in its clause (召开以…为主题的“X”).

A gathering an event already found names, or whose mention it covers, yields nothing; so
does one glossed by a series (展览会（IFA）), one held at an event its clause names (在…车展
举行签约仪式: a part of it), one with a series' Latin word (Connect开发者大会), one where the
article's own release is told (在「X展示会」上…公布了…: its occasion, the same event), and a
bare occasion in news of a gathering (that one, told again) or with no one named in its
clause (有人在发布会上), and one still to come that no day dates, described in words (近期将召开
专家学者会议: a plan, no gathering held yet; wave 47). The same name once an article; an article gets a few at most.
"""
from __future__ import annotations

import bisect
from pathlib import Path

import regex

from .. import deadline
from ..ids import name_id
from ..nlp import quote_marks as qm
from ..nlp import automata as ahocorasick_rs
from ..nlp.clauses import CLAUSES
from ..nlp.document import Document
from ..nlp.shared_run import longest_shared_run
from ..timex.model import event_date
from ..yamlfiles import load_yaml
from .event_kinds import CLAUSE_END, web_forum
from .records import Event
from .scan_gates import has_ascii_word_ignorecase

DATA = Path(__file__).resolve().parents[1] / "kb" / "data" / "gathering_heads.yaml"

MAX_PER_ARTICLE = 3
# How far back in its clause a day may date it (23日在龙山总统办公室主持召开以…为主题的“X”).
DATE_REACH = 60
# How far back from a 当天/当日 before the name the day it stands for may be named.
THAT_DAY_REACH = 40
MAX_NAME = 24
# How far back in its clause a 在 (or a verb of holding, for a quoted name) may open its frame.
FRAME_REACH = 24
# Before the name: a verb of holding or attending (举行了, 出席, 举办的), then an opening quote.
HELD_BEFORE = regex.compile(r"(?:举行|举办|召开|主持|主办|出席|参加|参与|列席|亮相|现身|承办|揭幕|开幕)(?:了|的)?[^\S\n]*[“「『\"]?[^\S\n]*\Z")
# A verb of holding right before the name (not of attending): its subject holds the gathering.
HOLDS_BEFORE = regex.compile(r"(?:举行|举办|召开|主办)了?[^\S\n]*[“「『\"]?[^\S\n]*\Z")
# A verb of holding, then 与 and the name: a gathering held with a partner the name opens with
# (召开与星河农户座谈会: the holder's meeting with the farmers; the key is Simplified).
HOLDS_WITH_BEFORE = regex.compile(r"(?:举行|举办|召开)了?与\Z")
# Between the holder's name and that verb: a few words, none a frame, a partner or a place
# (民众党部分则是举办…: yes; 与星河电共同举办, 在台北举办, 星河电的团队举办: no).
# (one character of such a gap: no space, frame, partner, joiner, possessive or punctuation)
GAP_CHAR = r"[^\s在于於与和及跟同的之、，,。；;：:！？!?“”「」『』\"]"
HOLDER_GAP = regex.compile(GAP_CHAR + "{0,6}")
# A title between a holder and its person's name (董事长, 主任, 部長), and after the name a
# short adverb or day (再次, 今日, 昨天, 10日) before the holding verb: no separator, no joiner.
HOLDER_REACH = 24
TITLE_GAP = regex.compile(GAP_CHAR + "{1,5}")
ADVERB_GAP = regex.compile(GAP_CHAR + "{0,3}")
PLACE_PREPOSITIONS = frozenset("在于於至到从赴")
JOINTLY = regex.compile(r"[与和及跟同、]|共同|联合|一同|合办|携手")
HELD_IN_CLAUSE = regex.compile(r"举行|举办|召开|主持|主办|出席|参加")
# After the name: where in it something happened (在X上, 于X中, 在X期间, 在X前夕).
PLACED_AFTER = regex.compile(r"\s*[”」』\"]?\s*(?:[（(][^（）()]{1,16}[）)]\s*)?(?:会上|上|中|期间|期內|前夕|现场|开幕式|场边|间隙|之际)")
PLACED_BEFORE = regex.compile(r"[在于於]")
# 于X说: a 于 right before the name and a verb of saying after it (张三日前于欧洲技术论坛说).
SAID_AT = regex.compile(r"\s*[”」』\"]?\s*(?:说|表示|指出|强调|致辞|发言|演讲|透露|宣布)")
# A plan or a wish before the verb of holding in its clause: not a gathering held (将举行).
PLANNED = regex.compile(r"将|预计|计划|拟|準备|准备|有望")
# A plan or a wish before a gathering's name, no day for it: one still to come (_planned_undated);
# what makes a name proper (digits, Latin letters, quotes, an ordinal); a gathering that times a deed.
TO_COME = regex.compile(r"将|预计|计划|拟|准备|有望|考虑|打算")
PROPER_NAME = regex.compile(r"[0-9A-Za-z０-９“”「」『』《》\"]|第[一二三四五六七八九十百]")
# The segmenter's tags of a proper name (place, person, organisation, other): a name opening
# with one is named, still to come or not (慕尼黑安全会议, 日内瓦网络峰会); the person's tag
# only on three characters or more (慕尼黑 and 汉诺威 are tagged so, and so is 顾问).
PROPER_TAGS = ("ns", "nr", "nt", "nz")
ON_THE_EVE = regex.compile(r"\s*[”」』\"]?\s*(?:[（(][^（）()]{1,16}[）)]\s*)?前夕")
# Words that open a name but name nothing (这次会议, 相关会议, 本届大会).
EMPTY_WORDS = regex.compile(
    r"^(?:(?:这|那|该|本|此|上|下|今|去|明|首|每|各|多|全|其|某|同|新)(?:一)?(?:次|场|届|个|项|期|轮|年)|这|那|该|本|此|其|某|各|"
    r"整个|相关|有关|例行|定期|紧急|临时|内部|线上|线下|视频|电话|网络|远程|年度|国际|大型|重要|系列)+")
# A gathering counted (一场会议, 一次电话会议, 美国加州一场会议) is one the text does not name.
COUNTED = regex.compile(r"[一两几数多]\s?[场次个届项]")
# What a name may be made of: tags of nouns, names, numbers, measure words, distinguishers.
NAME_POS = ("n", "j", "eng", "m", "q", "b", "a", "vn", "x", "s", "f")
# Words a name never runs back over (the tags say noun, the words are frames).
NAME_STOPS = frozenset({"在", "于", "於", "的", "之", "和", "与", "及", "上", "中", "后", "前", "时", "期间", "今天",
                        "今日", "当天", "当日", "昨天", "日前", "近日", "随后", "还", "也", "亦", "并", "则", "将",
                        "已", "曾", "又", "再", "都", "共同", "一同", "同时", "首次", "出席", "参加"})
# A gloss right after the name (柏林国际电子消费品展览会（IFA）): a series there names it.
GLOSS = regex.compile(r"[”」』\"]?\s*[（(][^（）()]{1,16}[）)]")
SESSIONS = ("主", "分")
# The frame's place words a segmenter may glue to a head's last character (会上, 日上).
GLUED_PLACE = "上中"
# A verb of making public after a gathering in its sentence: the article's release told there.
RELEASED_AT = regex.compile(r"发布|推出|公布|发表|亮相|揭晓|首发|问世")
LATIN_WORD = regex.compile(r"[A-Za-z][A-Za-z0-9]{2,}")
OPEN_QUOTES = qm.openers(qm.DOUBLE, qm.TITLE, qm.ASCII)
CLOSE_QUOTES = qm.pairs(qm.DOUBLE, qm.TITLE, qm.ASCII)


# (patterns compiled at load, not looked up in regex's cache per call)
_SPACES = regex.compile(r"\s+")


def gathering_heads() -> tuple[list[str], list[str]]:
    data = load_yaml(DATA)
    return list(data["heads"]) + list(data["occasions"]), list(data["latin_heads"])


def occasion_heads() -> frozenset[str]:
    return frozenset(load_yaml(DATA)["occasions"])


class MentionedGatherings:
    """Finds the gatherings the body names by a gathering's frame (see the module's docstring)."""

    def __init__(self, heads: list[str] | None = None, latin: list[str] | None = None,
                 everyday_places: frozenset[str] = frozenset(), places: frozenset[str] = frozenset()) -> None:
        h, lt = gathering_heads()
        # (the knowledge base's everyday words tagged as places, and its countries and capitals)
        self.everyday_places = everyday_places
        self.places = places
        self.occasions = occasion_heads()
        self.heads = sorted(heads if heads is not None else h, key=lambda w: (-len(w), w))
        self.finder = ahocorasick_rs.AhoCorasick(self.heads, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        words = "|".join(regex.escape(w) for w in sorted(latin if latin is not None else lt, key=lambda w: (-len(w), w)))
        self.latin = regex.compile(rf"(?<![A-Za-z])(?:{words})(?![A-Za-z])(?:\s?(?:19|20)\d\d(?!\d))?", regex.IGNORECASE)
        # (the words lower-cased for the scan's gate: most texts hold none, and are not scanned)
        lowered = tuple(w.lower() for w in (latin if latin is not None else lt))
        self._latin_words = lowered if all(w.isascii() and w for w in lowered) else None

    def find(self, doc: Document, existing: list[Event]) -> list[Event]:
        key = doc.key
        hits = [(s, e) for _, s, e in self.finder.find_matches_as_indexes(key)]
        if self._latin_words is None or has_ascii_word_ignorecase(key, self._latin_words):
            hits += [(m.start(), m.end()) for m in self.latin.finditer(key)]
        if not hits:
            return []
        hits.sort()
        covered = sorted(span for e in existing for span in e.mentions)
        taken = [_key(doc, e.name) for e in existing[:40]]
        released = bool(existing) and existing[0].about and existing[0].release and not existing[0].mentioned
        named = None    # (the people's and organisations' mentions, sorted once when a bare occasion asks)
        gathered = any(e.gathering or e.series for e in existing if not e.mentioned)
        n_existing = len(taken)     # (two gatherings found here may differ by a place: 美国/欧洲技术论坛)
        # (the Latin words of a series' event: Connect开发者大会 is Meta Connect's edition)
        series_words = {w.lower() for e in existing[:40] if e.series for w in LATIN_WORD.findall(e.name)}
        series = sorted((m.start, m.end) for m in doc.layers.get("gazetteer", ()) if m.of_kind("series"))
        dates = sorted(doc.layers.get("dates", ()), key=lambda e: e.start)
        date_starts = [e.start for e in dates]
        date_at = frozenset(date_starts)
        out: list[Event] = []
        for hs, he in hits:
            deadline.check("events")
            if len(out) >= MAX_PER_ARTICLE:
                break
            found = self._gathering(doc, hs, he, date_at)
            if found is None:
                continue
            start, end = found
            if web_forum(key, start, hs, he):
                continue    # (在黑客论坛上出售: a website, no gathering)
            name = _clean(doc.text[start:end])
            k = _key(doc, name)
            if (start, end) == (hs, he) and named is None:
                named = _named_spans(doc)
            if (start, end) == (hs, he) and (gathered or not _someones(named, _clause_start(key, start), start)):
                continue    # (在发布会上介绍 in news of a gathering: that gathering, told again; an
                            # occasion no one named in its clause holds or attends: 有人在发布会上)
            if released and RELEASED_AT.search(key, end, doc.sentence_at(start).end):
                continue    # (在「星河技术展示会」上…公布了 the article's release: its occasion, the same event)
            if _overlaps(covered, _clause_start(key, start), start):
                continue    # (在印尼国际车展举行签约仪式: a part of an event its clause names)
            gloss = GLOSS.match(doc.key, end)
            if not k or _overlaps(covered, start, end) or _overlaps(series, start, gloss.end() if gloss else end) \
                    or any(k in t or t in k for t in taken) or any(_similar(k, t) for t in taken[:n_existing]) \
                    or any(w.lower() in series_words for w in LATIN_WORD.findall(name)):
                continue    # (one an event found names, or a series' edition: 2024年Connect开发者大会)
            event = self._event(doc, start, end, name, dates, date_starts)
            if event.date is None and _planned_undated(doc, start, end, dates, date_starts):
                if named is None:
                    named = _named_spans(doc)
                if not self._proper_opening(doc, start, hs, named, series):
                    continue    # (近期将召开专家学者会议, 计划在下周的内阁会议上敲定: one still to come,
                                # no day; 将出席慕尼黑安全会议 opens with a place's name and stays)
            if (start, end) == (hs, he) and event.year is None and not _held_before(key, start) \
                    and not _told_before(doc, hs, he) \
                    and not _time_near(doc, start, end, dates, date_starts, years=True):
                continue    # (发言人在新闻发布会上证实: an occasion named by its kind alone that no
                            # one holds or attends in its clause and no day or year dates: a frame
                            # of words, not a deed listed; 内部举办新一期全员会, 出席剪綵儀式 stay, and
                            # so does one that tells again the occasion the sentence before names)
            taken.append(k)
            bisect.insort(covered, (start, end))
            event.name = with_holder(doc, start, name, k, self.occasions)   # (民众党…举办能源发展论坛)
            event.id = _event_id(event.name, event.year)
            out.append(event)
        return out

    def _proper_opening(self, doc: Document, start: int, hs: int, named: list[tuple[int, int]],
                        series: list[tuple[int, int]]) -> bool:
        """Does the name at `start` open with a proper name: a country or a capital the knowledge
        base knows (柏林), a word the segmenter tags as a place, a person's, an organisation's or
        another proper name (慕尼黑, 日内瓦, 中国, 达沃斯论坛), not an everyday word it tags so
        (cedict_everyday_places.tsv), or a person, an organisation or a series the pipeline found
        there (星河科技年度大会)? A bare kind (新闻发布会) does not."""
        if start >= hs:
            return False
        tok = doc.tokens[doc.token_index_at(start)]
        word = doc.key[tok.start:tok.end]
        if tok.start == start and (word in self.places or tok.pos[:2] in PROPER_TAGS and len(word) >= 2
                                   and word not in self.everyday_places and (tok.pos != "nr" or len(word) >= 3)):
            return True     # (a person's tag on two characters is often a common noun's: 顾问 nr;
                            # a country or a capital the knowledge base knows is a place: 柏林 nr)
        i = bisect.bisect_left(named, (start, -1))
        if i < len(named) and named[i][0] == start and named[i][1] <= hs:
            return True
        i = bisect.bisect_left(series, (start, -1))
        return i < len(series) and series[i][0] == start

    def _gathering(self, doc: Document, hs: int, he: int, date_at: frozenset) -> tuple[int, int] | None:
        key = doc.key
        latin = key[hs:hs + 1].isascii()
        glued = False
        if not latin:
            last = doc.tokens[doc.token_index_at(he - 1)]
            glued = last.end == he + 1 and key[he] in GLUED_PLACE and last.start > hs - 1
            if last.end != he and not glued:
                return None     # (会议室, 大会堂: the head is part of a longer word; 电话会上: the
                                # segmenter glued the frame's 上 to the head's last character)
            if key[hs - 1:hs] in SESSIONS:
                return None     # (主论坛, 分会场: a session of an event, not one)
        quoted = _quoted(key, hs, he)
        frame = None
        if quoted is not None:
            start, end = quoted
        elif latin:
            return None         # (a Latin head outside quotes is events.py's: Apple Summit)
        else:
            found = self._name_start(doc, hs, he, date_at, self.occasions)
            if found is None:
                return None
            frame, start = found
            end = he
            if glued and start == hs:
                return None     # (在记者会上 glued: a bare occasion is read only where its head is a word)
        lo = start - 1 if quoted is not None else frame
        hi = end + 1 if quoted is not None else end
        if not HELD_BEFORE.search(key[max(0, lo - 10):lo]) and not self._placed(key, lo, hi) \
                and not (quoted is None and HOLDS_WITH_BEFORE.search(key, max(0, lo - 4), lo)) \
                and not (quoted is not None and self._held_in_clause(key, lo)):
            return None
        return start, end

    @staticmethod
    def _held_in_clause(key: str, lo: int) -> bool:
        """召开以…为主题的“X”: a quoted name its clause holds, the verb before it."""
        c = CLAUSES.start(key, lo, max(0, lo - FRAME_REACH))
        m = HELD_IN_CLAUSE.search(key, c, lo)
        return m is not None and not PLANNED.search(key, c, m.start())

    @staticmethod
    def _placed(key: str, lo: int, hi: int) -> bool:
        """在X上: a 在 opening the clause's phrase before the name, a place in it after."""
        if key[lo - 1:lo] in ("于", "於") and SAID_AT.match(key, hi):
            return True
        if not PLACED_AFTER.match(key, hi):
            return False
        c = CLAUSES.start(key, lo, max(0, lo - FRAME_REACH))
        return PLACED_BEFORE.search(key, c, lo) is not None

    @staticmethod
    def _name_start(doc: Document, hs: int, he: int, dates: frozenset,
                    occasions=frozenset()) -> tuple[int, int] | None:
        """The words before the head that name it, back to a frame word, a verb or a date:
        (where its words begin, where its name begins, past words that name nothing)."""
        i = doc.token_index_at(hs)
        if doc.tokens[i].start < hs:
            start = doc.tokens[i].start     # (圆桌会议 is one word: it names the gathering itself)
        else:
            start = hs
        j = doc.token_index_at(start) - 1
        while j >= 0:
            tok = doc.tokens[j]
            w = doc.key[tok.start:tok.end]
            if not w.strip() and tok.start > 0 and doc.key[tok.start - 1].isascii() \
                    and doc.key[tok.start - 1].isalnum():
                j -= 1
                continue    # (a blank inside a Latin name: PS5 技术展示会)
            if w in NAME_STOPS or any(c in CLAUSE_END for c in w) or tok.start in dates \
                    or not tok.pos.startswith(NAME_POS) or not w.strip():
                break
            if start - tok.start + (hs - start) > MAX_NAME:
                break
            start = tok.start
            j -= 1
        if COUNTED.search(doc.key, max(0, start - 3), hs):
            return None     # (一场会议: a gathering counted, not named)
        head_word_start = start if start < hs else hs
        modifier = EMPTY_WORDS.sub("", doc.key[head_word_start:hs].strip())
        if start == hs or len(modifier) < 2:
            # (a bare occasion in its frame is one: 在记者会上表示, 出席剪彩仪式)
            return (start, hs) if doc.key[hs:he] in occasions and (start == hs or not modifier) else None
        # (这次会议, 相关会议: words that name nothing open it)
        cut = len(doc.key[start:hs]) - len(EMPTY_WORDS.sub("", doc.key[start:hs]))
        return start, start + cut

    @staticmethod
    def _event(doc: Document, start: int, end: int, name: str, dates, date_starts) -> Event:
        ref = doc.reference_date
        date = date_text = None
        year = None
        # (a day or a month in its clause before it dates it: 23日在龙山主持召开…会议)
        c = CLAUSES.start(doc.key, start, max(0, start - DATE_REACH))
        i = bisect.bisect_left(date_starts, c)
        near = [e for e in dates[i:bisect.bisect_left(date_starts, end)] if e.end <= start
                and (e.has_date or e.day is not None or e.year is not None)]
        if not near:
            near = _that_day(doc, start, dates, date_starts)
        if near:
            expr = near[-1]
            hint = expr.year if expr.year is not None else (ref.year if ref else None)
            r = event_date(expr, hint, ref)
            date, year = r.date, r.year if r.date is not None else expr.year
            if date is not None:
                date_text = doc.span(expr.start, expr.end)
        return Event(id=_event_id(name, year), name=name, series=None, year=year, date=date, time=None, utc_offset=None,
                     date_text=date_text, location=None, edition=None, organizer=None, participants=[],
                     mentions=[(start, end)], score=0.0, release=False, about=False, gathering=True,
                     mentioned=True)


def _event_id(name: str, year: int | None) -> str:
    """A mentioned gathering's id: its name's, and its year where known."""
    return "-".join(p for p in (name_id(name), str(year) if year else None) if p)


def _planned_undated(doc: Document, start: int, end: int, dates, date_starts) -> bool:
    """A gathering still to come that no day dates, described in words: a plan or a wish
    (将, 计划, 拟, 考虑) between its clause's start and its name (近期将召开专家学者会议, 计划最快将
    在下周的内阁会议上敲定, 考虑参加商业会议), no day or month in its clause nor in a time set off
    before it (下周的3月16日，星河计划召开发布会), and no proper name (第三届“星河”论坛, digits,
    Latin letters); not a gathering that only times a deed (将在就职典礼前夕关闭)."""
    key = doc.key
    c = CLAUSES.start(key, start, max(0, start - FRAME_REACH))
    if not TO_COME.search(key, c, start) or PROPER_NAME.search(key, max(0, start - 1), end + 1) \
            or ON_THE_EVE.match(key, end):
        return False
    return not _time_near(doc, start, end, dates, date_starts)


def _told_before(doc: Document, hs: int, he: int) -> bool:
    """Does the head at [hs, he) end a longer name in its sentence or the one before (在2021年的春季
    新品发布会上发布了…。雷军在发布会上强调: the occasion told again)?"""
    sentence = doc.sentence_at(hs)
    lo = doc.sentence_at(sentence.start - 1).start if sentence.start > 0 else sentence.start
    return doc.key.rfind(doc.key[hs:he], lo, hs) >= 0


def _held_before(key: str, start: int) -> bool:
    """A verb of holding or attending (举行, 召开, 出席) in the clause before `start`."""
    return HELD_IN_CLAUSE.search(key, CLAUSES.start(key, start, max(0, start - FRAME_REACH)), start) is not None


def _time_near(doc: Document, start: int, end: int, dates, date_starts, years: bool = False) -> bool:
    """Is there a day or a month (with years, a year too) in the clause of [start, end), or in a
    time set off by a comma right before that clause (下周的3月16日，星河计划召开发布会)?"""
    key = doc.key
    c = CLAUSES.start(key, start, max(0, start - FRAME_REACH))
    hi = CLAUSES.end(key, end, min(len(key), end + DATE_REACH))
    lo = c
    if c > 0:
        # (a time set off by a comma before the clause: its expression ends right at the comma)
        before = CLAUSES.start(key, c - 1, max(0, c - 1 - DATE_REACH))
        i = bisect.bisect_left(date_starts, before)
        if any(e.end == c - 1 for e in dates[i:bisect.bisect_left(date_starts, c)]):
            lo = before
    i = bisect.bisect_left(date_starts, lo)
    return any(e.has_date or e.day is not None or e.month is not None
               or (years and (e.year is not None or e.year_shift is not None))
               for e in dates[i:bisect.bisect_left(date_starts, hi)])


def _that_day(doc: Document, start: int, dates, date_starts) -> list:
    """当天上午，…召开…会: 当天 before the name in its sentence is the day a date before it
    names (据星河社10日消息，当天…, or the dateline's 5月10日电), within THAT_DAY_REACH."""
    key = doc.key
    lo = doc.sentence_at(start).start
    p = max(key.rfind("当天", lo, start), key.rfind("当日", lo, start))
    if p < 0:
        return []
    i = bisect.bisect_left(date_starts, max(0, p - THAT_DAY_REACH))
    return [e for e in dates[i:bisect.bisect_left(date_starts, p)] if e.end <= p and e.day is not None][-1:]


def _quoted(key: str, hs: int, he: int) -> tuple[int, int] | None:
    """The quotes around a head (“第二次经济焦点评估会议”, “Indie Game Awards 2025”): their words."""
    close = he
    while close < len(key) and close - he < 8 and key[close] not in CLOSE_QUOTES.values() \
            and key[close] not in CLAUSE_END:
        close += 1
    if close >= len(key) or key[close] not in CLOSE_QUOTES.values():
        return None
    opened = hs
    while opened > 0 and hs - opened < 40 and key[opened - 1] not in OPEN_QUOTES and key[opened - 1] not in CLAUSE_END:
        opened -= 1
    if opened == 0 or key[opened - 1] not in OPEN_QUOTES or CLOSE_QUOTES[key[opened - 1]] != key[close]:
        return None
    if close - opened < 4:
        return None
    return opened, close


def gathering_holder(doc: Document, start: int) -> tuple[int, int] | None:
    """The organisation that holds the gathering named from `start`: its mention ends a few
    words before the verb of holding right before the name, in the same clause."""
    key = doc.key
    m = HOLDS_BEFORE.search(key, max(0, start - 12), start) or HOLDS_WITH_BEFORE.search(key, max(0, start - 4), start)
    table = doc.layers.get("organizations")
    if m is None or table is None:
        return None
    verb = m.start()
    c = CLAUSES.start(key, verb, max(0, verb - FRAME_REACH))
    best = None
    for s, e, _ in table.within(c, verb):
        if best is None or e > best[1]:
            best = (s, e)
    before = key[best[0] - 1:best[0]] if best is not None else ""
    if best is None or (HOLDER_GAP.fullmatch(key, best[1], verb) is None
                        and not _titled_person_gap(doc, best[1], verb)) or before in PLACE_PREPOSITIONS \
            or (before and JOINTLY.fullmatch(before)) or JOINTLY.search(key, best[1], verb):
        return None     # (在星河大学召开记者会: a place where it is held, not its holder; 与…共同举办:
                        # one of those who hold it; a 和 or 同 inside the holder's own name is no joiner)
    return best


def _titled_person_gap(doc: Document, start: int, verb: int) -> bool:
    """Between the holder and the holding verb: the title of one of its people, that person's
    name and an adverb or a day (星河科技董事长林志远今日举办…: the company holds it)."""
    people = doc.layers.get("people")
    if people is None or verb - start > HOLDER_REACH:
        return False
    for s, e, _ in people.within(start, verb):
        if TITLE_GAP.fullmatch(doc.key, start, s) and ADVERB_GAP.fullmatch(doc.key, e, verb):
            return True
    return False


DESCRIBED_NOT = regex.compile(r"[0-9A-Za-z０-９]")


def with_holder(doc: Document, start: int, surface: str, name_key: str, occasions: frozenset[str]) -> str:
    """surface with the organisation that holds the gathering named at start in front of it
    (某某党…举办能源发展论坛 → 某某党能源发展论坛), where the name is described in words: not a
    bare occasion (记者会), not a name with digits or Latin letters, not one that holds the
    holder's name already."""
    if DESCRIBED_NOT.search(surface) or name_key in occasions:
        return surface
    holder = gathering_holder(doc, start)
    if holder is None or doc.key[holder[0]:holder[1]] in name_key:
        return surface
    return doc.text[holder[0]:holder[1]].strip() + surface


def _named_spans(doc: Document) -> list[tuple[int, int]]:
    """The mentions of the people and organisations the pipeline found, sorted."""
    out = []
    for layer in ("people", "organizations"):
        table = doc.layers.get(layer)
        if table is not None:
            out += [(s, e) for s, e, _ in table.spans()]
    return sorted(out)


def _someones(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Does one of these mentions stand in [lo, hi)?"""
    i = bisect.bisect_left(spans, (lo, -1))
    while i < len(spans) and spans[i][0] < hi:
        if spans[i][1] <= hi:
            return True
        i += 1
    return False


def _clause_start(key: str, pos: int) -> int:
    return CLAUSES.start(key, pos, max(0, pos - FRAME_REACH))   # (one search, no walk)


def _clean(name: str) -> str:
    return _SPACES.sub(" ", name).strip()


def _key(doc: Document, s: str) -> str:
    """A name as compared with other events' names (script folded, blanks dropped); shared
    with mentioned_events."""
    from ..nlp.text import tables
    return "".join(tables().key(s or "").split())


def _similar(a: str, b: str) -> bool:
    """Do two names share a run of characters covering half the longer (the evaluator's sameness)?"""
    if not a or not b:
        return False
    return longest_shared_run(a, b) * 2 >= max(len(a), len(b))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does any span overlap [start, end)? (spans sorted by start)"""
    i = bisect.bisect_left(spans, (end, -1))
    return any(s < end and e > start for s, e in spans[max(0, i - 8):i])
