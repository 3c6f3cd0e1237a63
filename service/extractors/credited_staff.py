"""The staff an article credits: the reporters, editors, correspondents and writers
named in the regions the credits layer marks (（记者 王小明）, 中央社記者林小雯台北5日電,
編輯：林小雯, 文/孫嘉禾).

They are not people of the news (`participants` never lists them), but a reader of the
Result may want them, and corpora that label every name (CLUENER2020) count them.
A name is two to four Han characters or a run of Latin words; the name of a wire
dateline's filing place (台北5日電) is cut off where the segmenter or the knowledge base sees a place, and a run
that cannot be cut into a name gives none rather than a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..kb import KnowledgeBase
from ..layer_spec import Layer
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from .records import TextSpan

HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}")
# between a staff word and its names, and between two names
BEFORE_NAMES = re.compile(r"[ \t:：/／丨|｜]*")
BETWEEN_NAMES = re.compile(r"[ \t、,，/／]+")
# a wire dateline's filing place and day after the reporter's name (台北5日电, 北京2月5日电)
FILED_AFTER = re.compile(r"(?:\d{1,2}月)?\d{1,2}日(?:电|讯)")
# a byline's filing place before 报道 (本报记者王小明北京报道), read as a dateline's
FILED_REPORT = ("报道", "报导")
# after a credit's word that is a label, not a name (作者 | X 编辑 | Y 出品 | 青禾)
LABEL_AFTER = re.compile(r"[ \t]*[|｜丨:：]")
NAME_CHARS = (2, 4)
MAX_NAMES = 8   # per staff word: a credit lists a few people


@dataclass(frozen=True)
class StaffCredit:
    name: str
    role: str | None   # reporter | editor | correspondent | writer | photographer; None: not said
    span: TextSpan


class CreditedStaff:
    name = "credited_staff"
    reads = ("credits",)
    writes = ("credited_staff",)
    adds_section = Layer("credited_staff", list[StaffCredit],
                         "The staff an article credits (reporters, editors …) with their role: not people of the news.")

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        self.roles = kb.byline_roles
        self.role_words = re.compile("|".join(sorted(map(re.escape, self.roles), key=len, reverse=True)))
        self.places = kb.places

    def __call__(self, doc: Document) -> None:
        found: dict[tuple[int, int], StaffCredit] = {}
        for start, end in doc.layers.get("credits", []):
            for credit in self._in_credit(doc, start, end):
                found.setdefault((credit.span.start, credit.span.end), credit)
        doc.layers["credited_staff"] = [found[k] for k in sorted(found)]

    def _in_credit(self, doc: Document, start: int, end: int) -> list[StaffCredit]:
        key = doc.key
        out: list[StaffCredit] = []
        words = list(self.role_words.finditer(key, start, end))
        if not words and doc.text[start:end].strip("（）() "):
            # names alone, bracketed after the day a wire story was filed (…日电 (孙嘉禾 林宛蓉))
            if key[max(0, start - 8):start].rstrip(" \t(（").endswith("日电"):
                out += self._names(doc, start, end, None)
        covered = start
        for m in words:
            if m.start() < covered:
                continue   # a staff word's character inside a name already read (记者 文小明)
            if m.group() == "文" and not self._opens_credit(key, m.start(), start):
                continue   # 文 inside a word (中文, 全文) is no staff word
            names = self._names(doc, BEFORE_NAMES.match(key, m.end(), end).end(), end, self.roles[m.group()])
            if names:
                covered = names[-1].span.end
            out += names
        return out

    @staticmethod
    def _opens_credit(key: str, at: int, credit_start: int) -> bool:
        return at == credit_start or key[at - 1] in " \t(（【\n"

    def _names(self, doc: Document, at: int, end: int, role: str | None) -> list[StaffCredit]:
        key, out = doc.key, []
        while at < end and len(out) < MAX_NAMES:
            if self.role_words.match(key, at, end):
                break   # the next staff word (记者 王小明 通讯员 李大为) reads its own names
            han = HAN_RUN.match(key, at, end)
            if han:
                name_end = self._name_end(doc, han.start(), self._run_end(key, han.start(), han.end()), end)
                if name_end is None:
                    break
            else:
                latin = LATIN_NAME.match(doc.norm, at, end)
                if not latin:
                    break
                name_end = latin.end()
            if LABEL_AFTER.match(key, name_end, end):
                break   # a label of its own (出品 | 青禾, 核稿：X): no name
            out.append(StaffCredit(doc.text[at:name_end], role, TextSpan(at, name_end)))
            if han and name_end < han.end():
                break   # a filing place followed the name: the dateline ends here
            gap = BETWEEN_NAMES.match(key, name_end, end)
            if gap is None:
                break
            at = gap.end()
        return out

    def _run_end(self, key: str, start: int, run_end: int) -> int:
        """Where a run of Han characters stops being names: at the next staff word of two or
        more characters written on (记者王小明通讯员李大为), at the 文 or 摄 a slash follows
        (王小明文/摄)."""
        low = NAME_CHARS[0]
        for m in self.role_words.finditer(key, start + low, run_end):
            if len(m.group()) > 1:
                return m.start()
        if run_end - start > low and key[run_end - 1] in "文摄" and key[run_end:run_end + 1] in ("/", "／"):
            return run_end - 1
        return run_end

    def _name_end(self, doc: Document, start: int, run_end: int, end: int) -> int | None:
        low, high = NAME_CHARS
        if run_end - start > low + 1 and doc.key.endswith(FILED_REPORT, start, run_end) and run_end == end:
            run_end -= 2
            if run_end - start > low and not FILED_AFTER.match(doc.key, run_end, end):
                for cut in range(start + low, min(start + high, run_end - 2) + 1):
                    if doc.key[cut:run_end] in self.places or self._place_token_at(doc, cut, run_end):
                        return cut
            return run_end if low <= run_end - start <= high else None
        if FILED_AFTER.match(doc.key, run_end, end):
            # 林小雯台北 before 5日电: the name ends where the filing place begins — a
            # word the segmenter tags as a place, or a known place, running to the digits
            for cut in range(start + low, min(start + high, run_end - 2) + 1):
                if doc.key[cut:run_end] in self.places or self._place_token_at(doc, cut, run_end):
                    return cut
            return None
        return run_end if low <= run_end - start <= high else None

    @staticmethod
    def _place_token_at(doc: Document, cut: int, run_end: int) -> bool:
        if not doc.starts_token(cut):
            return False
        token = doc.tokens[doc.token_index_at(cut)]
        return token.end == run_end and token.pos == "ns"
