"""Product names a noun explains, read from the grammar's data file
(service/kb/data/product_grammar.yaml); cases in
tests/extractors/cases/product_names.yaml:

- 名为“星河”的大模型, 推出「青鸟」手机: a name given only in quotes or after a
  naming verb is a product when a category noun says what it is.
- Lunar Lake, Rialto Bridge: a capitalised word and a code-name head.
- Oryon CPU架构, Zen3架构: a capitalised Latin name right before a noun that
  says it is an architecture, an instruction set or a machine; 软件Zoom: a
  category noun right before a capitalised name.
- 《蝙蝠俠：阿卡漢之影》遊戲: a title in book-title marks that a game or app
  noun follows.

Every pattern is a bounded regex over the key view: linear in the text.
"""
from __future__ import annotations

import re

from ..nlp.clauses import CLAUSES
from .. import deadline
from ..ids import name_id
from ..nlp.document import Document
from .product_grammar import LATIN, Found, alternation, slug

QUOTES = {"“": "”", "\"": "\"", "「": "」", "『": "』", "‘": "’"}
NAMING = re.compile(r"(?:名为|名叫|叫做|取名为|命名为|称为|代号)")
# A quoted or named name: 2-8 CJK characters, or a Latin name of up to 40 characters
# (Yoga Slim 7i Aura Edition).
QUOTED_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}|[a-z][a-z0-9 .\-]{0,38}[a-z0-9]")
NOUN_WINDOW = 12         # characters from a quoted name to the noun that says what it is
OPEN_QUOTE = re.compile(r"[“「『]")
# Between a launch verb and the quoted name: 推出了一款全新的「青鸟」.
LAUNCH_FILLER = re.compile(r"(?:了|一款|一个|一部|一台|新款|全新|自研|首款|新一代|的|旗舰)+$")
CLAUSE_END = CLAUSES.pattern
# A Latin name ending right before a noun (one space or a closing quote between): Zen 5」CPU架构.
LATIN_NAME_BEFORE = re.compile(r"[a-z][a-z0-9]*(?:[ \-][a-z0-9]+){0,2}(?=[ 」”\"]?\Z)")
NAME_BEFORE_NOUN = 20
TITLED_APP = re.compile(r"《([^《》\n]{1,30})》(?:游戏|手游|应用程序|应用|app(?![a-z]))")
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")     # GPUs, LLMs: a plural, no name
RUNS_ON = re.compile(r" [a-z]")     # Salt Lake City: another Latin word after the name


def _inside_parentheses(key: str, p: int) -> bool:
    """An open parenthesis before p in the same clause with no close between."""
    window = key[max(0, p - 12):p]
    return window.rfind("(") > window.rfind(")") or window.rfind("（") > window.rfind("）")


class ExplainedNames:
    def __init__(self, key, data: dict) -> None:
        alt = alternation
        # Chip code names: a capitalised word and a head (Lunar Lake, Rialto Bridge, Strix Point).
        heads = [str(h) for h in data.get("codename_heads") or []]
        self.codename_re = re.compile(
            rf"(?<![A-Za-z0-9\-])([A-Z][a-z]{{2,11}}) (?:{alt(heads) or '(?!)'})(?![A-Za-z0-9])")
        self.not_codename = {key(str(w)) for w in data.get("not_codename_words") or []}
        # A named architecture or engine: Oryon CPU架构, Zen3架构, Xe HPC高性能计算架构.
        arch = [key(str(n)) for n in data.get("architecture_nouns") or []]
        # Hexagon NPU, Adreno GPU: a Latin block word after a space, a whole word.
        blocks = [key(str(n)) for n in data.get("block_nouns") or []]
        self.arch_re = re.compile(rf"(?:{alt(arch) or '(?!)'})|(?<= )(?:{alt(blocks) or '(?!)'})(?![a-z0-9])")
        self.category_nouns: dict[str, str] = {}
        for category, nouns in (data.get("category_nouns") or {}).items():
            for noun in nouns:
                self.category_nouns.setdefault(key(str(noun)), category)
        self.noun_re = re.compile(alt(self.category_nouns) or "(?!)")
        # A category noun, then a capitalised Latin name of one to three words.
        self.noun_then_name = re.compile(
            rf"({alt(self.category_nouns) or '(?!)'}) ?([a-z][a-z0-9]*(?: [a-z][a-z0-9]*){{0,2}})(?![a-z0-9])")

    # ------------------------------------------------------------------ code names, architectures
    def named_technologies(self, doc: Document, is_other, blocked=frozenset()) -> list[Found]:
        """Lunar Lake, Rialto Bridge: a capitalised word and a code-name head (not inside
        parentheses, where it glosses the product before it: 處理器（代號「Strix Point」）);
        Oryon CPU架构, Zen3架构, Crusher超算, LoongArch指令集: a capitalised Latin name right before
        a noun that says it is an architecture, an instruction set or a machine.
        `is_other(key)` says the name is an organisation or another kind of thing."""
        norm, key = doc.norm, doc.key
        out: list[Found] = []
        for m in self.codename_re.finditer(norm):
            deadline.check("products")
            if m.group(1).lower() in self.not_codename or (m.start(), m.end()) in blocked:
                continue
            if _inside_parentheses(key, m.start()) or RUNS_ON.match(key, m.end()):
                continue     # Salt Lake City: the name runs on
            text = m.group()
            out.append(Found(m.start(), m.end(), slug(text), text, None, "hardware", evidence="gloss-name"))
        for m in self.arch_re.finditer(key):
            deadline.check("products")
            lo = max(0, m.start() - NAME_BEFORE_NOUN)
            n = LATIN_NAME_BEFORE.search(key, lo, m.start())
            if n is None or not norm[n.start()].isupper() or (n.start(), n.end()) in blocked:
                continue
            start, end = n.start(), n.end()
            first = key[start:end].split(" ", 1)
            if len(first) == 2 and is_other(first[0]):
                start += len(first[0]) + 1     # Intel Xe HPC架构: the maker, then the name
            if start > 0 and (LATIN.match(key[start - 1]) or key[start - 1] in ".-"):
                continue
            name = key[start:end]
            if len(name) < 3 or name in self.not_codename or is_other(name):
                continue     # CPU架构, AI引擎, Intel超算
            text = norm[start:end]
            out.append(Found(start, end, slug(text), text, None, "hardware", evidence="gloss-name"))
        for m in self.noun_then_name.finditer(key):
            deadline.check("products")
            # 生產力工具Microsoft Office, 軟體Zoom: a category noun right before a capitalised name.
            start, end = m.start(2), m.end(2)
            words = norm[start:end].split(" ")
            if is_other(words[0].lower()) and len(words) == 1:
                continue
            if not norm[start].isupper() or PLURAL_ACRONYM.fullmatch(norm[start:end]) or (start, end) in blocked:
                continue
            if is_other(key[start:end]) or LATIN.match(key, end) or key[end:end + 1] in ".-+":
                continue
            text = norm[start:end]
            out.append(Found(start, end, slug(text), text, None, self.category_nouns[m.group(1)],
                             evidence="gloss-name"))
        return out

    def titled_apps(self, doc: Document, blocked=frozenset()) -> list[Found]:
        """《蝙蝠俠：阿卡漢之影》遊戲: a title in book-title marks that a game or app noun follows
        (a title alone may be a newspaper, a law or a report)."""
        out: list[Found] = []
        for m in TITLED_APP.finditer(doc.key):
            deadline.check("products")
            start, end = m.span(1)
            if (start, end) in blocked:
                continue
            text = doc.norm[start:end]
            pid = slug(text) if text.isascii() else name_id(text)
            out.append(Found(start, end, pid, text, None, "app", evidence="gloss-name"))
        return out

    # ------------------------------------------------------------------ named in quotes
    def quoted(self, doc: Document, blocked=frozenset(), launched=None, is_other=None) -> list[Found]:
        """名为“星河”的大模型, 推出「青鸟」手机: a name after a naming verb (in quotes, or a Latin
        name without them) that a category noun in its clause says is a product; or a name in
        quotes right after a launch verb (`launched(key, pos)`) with its noun right after it."""
        key = doc.key
        out: list[Found] = []
        for m in NAMING.finditer(key):
            if m.group() == "代号" and _inside_parentheses(key, m.start()):
                continue    # 處理器（代號「Strix Point」）: the code name of the product before it
            span = self._name_at(key, m.end())
            if span is not None:
                name, after = span
                category = self._noun_in_clause(key, after)
                if category is None and m.group() == "代号" and key[name[0]:name[1]].isascii() \
                        and doc.norm[name[0]:name[0] + 1].isupper():
                    category = "other"    # 代号Ponte Vecchio: a code name is a product's
                out += self._explained(doc, name, category, blocked)
        if launched is not None:
            for m in OPEN_QUOTE.finditer(key):
                if not launched(key, LAUNCH_FILLER.sub("", key[max(0, m.start() - 8):m.start()])):
                    continue
                span = self._name_at(key, m.start())
                if span is not None and span[0] not in {f.start for f in out}:
                    name, after = span
                    out += self._explained(doc, name, self._noun_at(key, after), blocked)
        if is_other is not None:
            # “Frontier”超算, 超算“Aurora”, 加速卡的“Aurora”: a capitalised Latin name in quotes
            # with its noun right beside it (a Chinese word in quotes may be a mere phrase).
            starts = {f.start for f in out}     # one set, not one per quote: linear in quotes
            for m in OPEN_QUOTE.finditer(key):
                deadline.check("products")
                span = self._name_at(key, m.start())
                if span is None or span[0][0] in starts:
                    continue
                (s, e), after = span
                if not key[s:e].isascii() or not doc.norm[s:s + 1].isupper() or is_other(key[s:e]):
                    continue
                category = self._noun_at(key, after) or self._noun_before(key, m.start())
                out += self._explained(doc, (s, e), category, blocked)
                starts.add(s)
        return out

    def _noun_before(self, key: str, p: int) -> str | None:
        """超算“Aurora”, 加速卡的“Aurora”: the category noun right before a quoted name."""
        p -= key.endswith("的", 0, p)
        for size in range(min(6, p), 0, -1):
            category = self.category_nouns.get(key[p - size:p])
            if category is not None:
                return category
        return None

    def _name_at(self, key: str, p: int):
        """The name starting at p, in quotes or a bare Latin name: ((start, end), after)."""
        close = QUOTES.get(key[p:p + 1])
        if close is not None:
            q = key.find(close, p + 1, p + 2 + 40)
            return ((p + 1, q), q + 1) if q > 0 else None
        n = QUOTED_NAME.match(key, p)
        if n is None or not n.group().isascii():
            return None   # an unquoted Chinese name has no end we can trust
        return (n.start(), n.end()), n.end()

    def _explained(self, doc: Document, name: tuple[int, int], category: str | None, blocked) -> list[Found]:
        if category is None or not QUOTED_NAME.fullmatch(doc.key, *name) or name in blocked:
            return []
        text = doc.norm[name[0]:name[1]]
        pid = slug(text) if text.isascii() else name_id(text)
        return [Found(name[0], name[1], pid, text, None, category, evidence="gloss-name")]

    def _noun_at(self, key: str, p: int) -> str | None:
        """推出「青鸟」手机: the category noun right after the name (系列 and 的 allowed between)."""
        p += key.startswith("系列", p) * 2
        p += key.startswith("的", p)
        for size in range(min(6, len(key) - p), 0, -1):
            category = self.category_nouns.get(key[p:p + size])
            if category is not None:
                return category
        return None

    def _noun_in_clause(self, key: str, p: int) -> str | None:
        window = key[p:p + NOUN_WINDOW]
        stop = CLAUSE_END.search(window)
        if stop:
            window = window[:stop.start()]
        m = self.noun_re.search(window)      # the first noun, the longest where two start together
        return self.category_nouns[m.group()] if m else None
