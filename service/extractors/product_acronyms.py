"""An acronym the open-world readers took for a product, kept only with a name's evidence
(cases in tests/extractors/cases/products.yaml, `acronym`).

A run of two to five capitals no knowledge-base entry holds (IC, VIE, CMOS, PPT) is more
often the abbreviation of a category or a technique than a product's name: 芯片IC设计,
VIE架构, CMOS图像传感器, 软件IDE与构建工具团队, 主要生产IGBT、SJ等功率芯片, 被称为DRAM的存储芯片.
The readers that explain a name by a category noun before or after it, a list with 等 and
a noun, or 称为 take such a word for a name because the noun is there; for an acronym the
noun is no evidence, since the acronym names a kind of that noun as often as a product.
So such a product (every mention of it found by those readers: evidence `gloss-name`) is
kept only where the text, at one of the places it writes the word, gives a name's evidence:

- it is written in quotes (代号“MONA”, 「SEAL」);
- a naming verb is right before it, 为 or 是 allowed after it, not in the passive (名为MIUS的,
  代号为ERBS; 被称为FAB defines a term);
- a verb of launching is right before it, 了 or 的 and a word of newness allowed between
  (推出了XK, 发布全新XK), or one right after it (ZAO上线的第二天);
- an organisation's mention ends right before it (小鹏汽车NGP: the maker's product);
- the measure word of models, 款, stands before it in its clause (首款纯电车型MEGA, 这款XK);
- an organisation's mention, then its name in brackets, right before it (輝達（NVIDIA）MGX架構);
- 包括 … 在内 names it alone (包括 MSN 在内的部分即时通讯产品: one member of the set);
- a list word joins it to another product's mention (抖音、PTT等平台, Facebook、LINE等業者);
- the text gives it a maker (微软关停了包括 MSN 在内的…产品: product_vendor.py's reading);
- the text writes the same word elsewhere not all in capitals (GRACE CPU beside Grace Hopper),
  or it is four capitals that read as a word, consonant and vowel in turn (VR 头显 PICO).

An acronym the knowledge base holds as a company's name (TCL) is left as the readers took it:
whether the text means the company is the organisations' question, not this gate's.
Everything else a reader found stays as it was. One pass over the products' mentions, each
check a bounded look at the characters beside it: linear.
"""
from __future__ import annotations

import re

from .product_mention import ProductMention

ACRONYM = re.compile(r"[A-Z]{2,5}")
OPEN = "「“『《\"'"
CLOSE = "」”』》\"'"
PASSIVE = "被"
COPULA = "为是"     # 代号为ERBS (key view: 為 reads 为)
# 推出了, 发布的全新: after a launch verb, these may stand before the name (key view).
LAUNCH_GAP = re.compile(r"(?:了|的)?(?:全新|新款|新一代|首款|新)?(?:的)? ?\Z")
LAUNCH_REACH = 8
WORDLIKE = re.compile(r"(?:[BCDFGHJKLMNPQRSTVWXZ][AEIOU]){2}")
LATIN_CHAR = re.compile(r"[a-z0-9]")
BRACKET_REACH = 24
# 包括 MSN 在内的: one member named of the set the text speaks of
INCLUDING = "包括"
INCLUDED = re.compile(r" ?在内")
# a list word between two names (key view: 與 reads 与)
JOIN_BEFORE = re.compile(r" ?(?:、|和|与|及) ?\Z")
JOIN_AFTER = re.compile(r" ?(?:、|和|与|及) ?")
# 首款纯电车型MEGA: 款, then up to six Chinese characters, then the name (key view).
MODEL_MEASURE = re.compile(r"款[\u4e00-\u9fff]{0,6} ?\Z")


def acronym_needs_evidence(m: ProductMention, norm: str) -> bool:
    """A mention an open-world reader found (gloss-name) whose name is a bare run of capitals."""
    return m.evidence == "gloss-name" and ACRONYM.fullmatch(norm, m.start, m.end) is not None


def _occurrences(key: str, m: ProductMention):
    """Every place the text writes the mention's word, no Latin letter or digit glued on."""
    word = key[m.start:m.end]
    at = key.find(word)
    while at >= 0:
        if not LATIN_CHAR.match(key, at - 1) and not LATIN_CHAR.match(key, at + len(word)):
            yield at, at + len(word)
        at = key.find(word, at + 1)


class AcronymGate:
    def __init__(self, naming_verbs, launch_verbs, names_other) -> None:
        self.naming = naming_verbs     # WordSet, key view: 名为, 代号
        self.launch = launch_verbs     # WordSet, key view: 推出, 发布
        self.names_other = names_other     # a company's name or a generic word (key view): TCL

    def dropped(self, key: str, norm: str, mentions: list[ProductMention], org_ends: set[int],
                has_vendor) -> set[str]:
        """The ids of the products to drop: every mention a bare acronym an open-world reader
        found, no maker the text gives it (`has_vendor(id)`), and no mention with a name's
        evidence."""
        by_id: dict[str, list[ProductMention]] = {}
        for m in mentions:
            by_id.setdefault(m.id, []).append(m)
        doubtful = {pid for pid, ms in by_id.items()
                    if not has_vendor(pid) and all(acronym_needs_evidence(m, norm) for m in ms)
                    and not self.names_other(key[ms[0].start:ms[0].end])}
        if not doubtful:
            return set()
        starts = {m.start for m in mentions if m.id not in doubtful}
        ends = {m.end for m in mentions if m.id not in doubtful}
        return {pid for pid in doubtful
                if not self._written_as_word(key, norm, by_id[pid][0])
                and not any(self._evidenced(key, norm, s, e, org_ends, starts, ends)
                            for s, e in _occurrences(key, by_id[pid][0]))}

    @staticmethod
    def _written_as_word(key: str, norm: str, m: ProductMention) -> bool:
        """GRACE beside Grace Hopper: the text writes the same word elsewhere not all in
        capitals; PICO, MONA: four capitals alternating consonant and vowel read as a word, not
        letter by letter as an initialism is: a name set in capitals, no abbreviation."""
        if WORDLIKE.fullmatch(norm, m.start, m.end):
            return True
        return any(not norm[s:e].isupper() for s, e in _occurrences(key, m))

    def _evidenced(self, key: str, norm: str, s: int, e: int, org_ends: set[int],
                   starts: set[int], ends: set[int]) -> bool:
        lead = s - (key[s - 1:s] == " ")
        if s > 0 and norm[s - 1] in OPEN and e < len(norm) and norm[e] in CLOSE:
            return True
        named = lead - (key[lead - 1:lead] in COPULA)
        verb = self.naming.ends(key, named)
        if verb is not None and key[named - len(verb) - 1:named - len(verb)] != PASSIVE:
            return True
        if lead in org_ends:
            return True
        if key[lead - 1:lead] in ")）":
            # 輝達（NVIDIA）MGX: the maker and its name in brackets right before it
            opened = max(key.rfind("(", max(0, lead - BRACKET_REACH), lead), key.rfind("（", max(0, lead - BRACKET_REACH), lead))
            if opened > 0 and (lead - 1 in org_ends or opened in org_ends or opened - 1 in org_ends):
                return True
        if INCLUDED.match(key, e) and key.endswith(INCLUDING, 0, lead):
            return True
        # 抖音、PTT等平台: listed beside a product no acronym gate doubts
        before = JOIN_BEFORE.search(key, max(0, lead - 4), lead)
        if before is not None and before.start() in ends:
            return True
        after = JOIN_AFTER.match(key, e)
        if after is not None and after.end() in starts:
            return True
        if self.launch.starts(key, e + (key[e:e + 1] == " ")) is not None:
            return True     # ZAO上线的第二天: it is launched
        if MODEL_MEASURE.search(key, max(0, lead - 8), lead):
            return True
        window = key[max(0, lead - LAUNCH_REACH):lead]
        for at in range(len(window) - 1):
            word = self.launch.starts(window, at)
            if word is not None and LAUNCH_GAP.fullmatch(window, at + len(word)):
                return True
        return False
