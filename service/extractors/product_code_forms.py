"""Other forms of the names the product grammar read (product_grammar.py): a
short form written before or after the full name (X8 Pro after Find X8 Pro, 骁龙
8+ beside 骁龙 8+ Gen 1, 海豹06 after 比亚迪海豹06) and sibling codes (M2 beside
M4). Each is one Aho-Corasick or regex pass over the key view."""
from __future__ import annotations

import re

from ..nlp.document import Document
from ..nlp.needles import leftmost_longest
from .product_grammar import BARE_CODE, LATIN, YEAR, Found, ProductGrammar, slug

GENERATION_TAIL = re.compile(r" ?gen ?[0-9]{1,2}\Z")


class CodeForms:
    def __init__(self, grammar: ProductGrammar) -> None:
        self.grammar = grammar
        self.key = grammar.key
        # Member suffixes (Pro, Ultra, FE): a model with one is not its bare code's short form.
        self.members = grammar.member_suffixes

    @staticmethod
    def without_generation(found: list[Found]) -> None:
        """骁龙 8+ … 骁龙 8+ Gen 1: a name that lacks only the Gen N of one other name of the
        same line and code is that name's short form (two generations leave it alone)."""
        fuller: dict[tuple, set[str]] = {}
        for f in found:
            if f.evidence == "grammar" and GENERATION_TAIL.search(f.suffix):
                short = GENERATION_TAIL.sub("", f.suffix).strip()
                fuller.setdefault((f.name, f.vendor, f.code, short), set()).add(f.id)
        if not fuller:
            return
        for f in found:
            ids = fuller.get((f.name, f.vendor, f.code, f.suffix.strip()))
            if f.evidence == "grammar" and f.code and ids is not None and len(ids) == 1 and f.id not in ids:
                f.id = next(iter(ids))

    def siblings(self, doc: Document, bare: dict[str, tuple[int, int]], taken: set[int], stop_after,
                 own: set[str] | None = None):
        """M2 beside M4: where a product's whole name is a bare code (M4, A18, H200), another
        code of the same letters and as many digits names a sibling product. `bare` maps each
        such code (key form) to its first mention (`own`: the codes that are a product's whole
        name; a member's code, S25 of S25 FE, is its base model's); yields (start, end, code)."""
        shapes = {}
        for code in bare:
            m = BARE_CODE.fullmatch(code)
            if m:
                shapes.setdefault((m.group(1), len(m.group(2))), code)
        if not shapes:
            return []
        out = []
        letters = "|".join(sorted({re.escape(k[0]) for k in shapes}, key=len, reverse=True))
        for m in re.finditer(rf"(?<![a-z0-9.\-])({letters})([0-9]{{1,4}})(?![a-z0-9+.])", doc.key):
            code = m.group()
            known = shapes.get((m.group(1), len(m.group(2))))
            if known is None or code in (bare if own is None else own) or m.start() in taken or m.end() - 1 in taken:
                continue
            if self.grammar.not_code.match(code) or self.grammar.not_brand_code.match(code) or stop_after(doc, m.end()):
                continue
            if not doc.norm[m.start()].isupper():
                continue    # m2 (square metres) is no M2
            out.append((m.start(), m.end(), known))
        return out

    def short_forms(self, doc: Document, found: list[Found], taken: set[int]) -> list[tuple[int, int, Found]]:
        """X8 Pro after Find X8 Pro; R5 after 佳能R5 Mark II when no other product has code R5;
        青鸟 after 名为“青鸟”的大模型."""
        forms: dict[str, Found | None] = {}
        by_code: dict[str, list[Found]] = {}
        for f in found:
            if f.evidence == "gloss-name":
                forms.setdefault(self.key(f.name), f)    # 名为“青鸟”…, 青鸟支持…
                continue
            lettered = f.line_start is not None and len(f.code) == 1 and f.code.isalpha()
            if f.line_start is not None and (f.end - f.line_start > 2 or lettered):
                line = doc.key[f.line_start:f.end]      # 海豹06 after 比亚迪海豹06, 汉L after 比亚迪汉L
                if forms.setdefault(line, f) is not None and forms[line].id != f.id:
                    forms[line] = None
            if not f.code or not any(c.isalpha() for c in f.code) or lettered:
                continue       # 14 Ultra, 9 Pro: too bare to stand alone; so is the L of 汉L
            full = f"{f.code} {f.suffix}".strip() if f.suffix else f.code
            # (a form two products' lines read already stands for neither: None)
            if forms.setdefault(full, f) is not None and forms[full].id != f.id:
                forms[full] = None
            by_code.setdefault(f.code, [])
            if all(g.id != f.id for g in by_code[f.code]):
                by_code[f.code].append(f)
        for code, fs in by_code.items():
            if code not in forms and len(fs) == 1:
                forms[code] = fs[0]
        forms = {k: v for k, v in forms.items() if v is not None}
        if not forms:
            return []
        first = {}
        for f in found:
            first.setdefault(f.id, f.start)
        # One leftmost-longest pass (a find per form, an automaton for many): a regex
        # alternation of as many forms as the text has products would cost time per
        # form at every position.
        keys = list(forms)
        key = doc.key
        out = []
        for idx, start, end in leftmost_longest(keys, key):
            f = forms[keys[idx]]
            if (start > 0 and LATIN.match(key[start - 1])) or (end < len(key) and (
                    LATIN.match(key[end]) or key[end] == "+")):
                continue
            if start > first[f.id] and start not in taken and end - 1 not in taken:
                sm = self.grammar.suffixes_at.match(key, end)
                suffix = sm.group().strip(" -")
                if not suffix and keys[idx] == f.code and f.suffix in self.members:
                    if doc.norm[start:end].islower():
                        continue    # Mate xz: lower case is a slip, no model
                    # X8 after Find X8 Pro is the line's base model, not a short form (R5 is one
                    # of R5 Mark II: Mark II is a generation).
                    named_at_code = key.startswith(f.code, f.start)
                    parts = [f.code] if named_at_code else [f.name, f.code]
                    f = Found(start, end, slug(" ".join(parts)), f.name, f.vendor, f.category, code=f.code)
                elif suffix:
                    # M4 Max after 苹果M4 Pro: the same code with another suffix is a sibling.
                    form = keys[idx]
                    named_at_code = key.startswith(f.code, f.start)   # M4 Pro, not Find X8 Pro
                    parts = [form, suffix] if named_at_code else [f.name, form, suffix]
                    f = Found(start, sm.end(), slug(" ".join(parts)), f.name, f.vendor, f.category,
                              code=form, suffix=suffix)
                    end = sm.end()
                out.append((start, end, f))
        return out

    def open_line_forms(self, doc: Document, found: list[Found], taken: set[int]) -> list[tuple[int, int, Found]]:
        """富士 X-Pro 3 … X-Pro 3, X-Pro 4: a line no list holds, once read after its brand
        (product_grammar._open_series), names its models without the brand too, before or after
        that mention: the same model, or with another code a sibling of the same maker."""
        lines: dict[str, Found] = {}
        for f in found:
            if f.open_line and f.code:
                lines.setdefault(self.key(f.name), f)
        if not lines:
            return []
        key, norm = doc.key, doc.norm
        words = "|".join(re.escape(k) for k in sorted(lines, key=len, reverse=True))
        out = []
        for m in re.finditer(rf"(?<![a-z0-9\-])({words})[ \-]?", key):
            start = m.start()
            c = self.grammar.code_at.match(key, m.end())
            if not norm[start].isupper() or c is None or not any(ch.isdigit() for ch in c.group()) \
                    or YEAR.fullmatch(c.group()) or self.grammar.not_code.match(c.group()):
                continue
            sm = self.grammar.suffixes_at.match(key, c.end())
            end = sm.end()
            if LATIN.match(key, end) or any(i in taken for i in range(start, end)):
                continue
            f = lines[m.group(1)]
            code, suffix = c.group(), sm.group().strip(" -")
            if (code, suffix) != (f.code, f.suffix):
                f = Found(start, end, slug(f"{f.name} {code} {self.grammar._spaced(suffix)}"), f.name, f.vendor,
                          f.category, code=code, suffix=suffix)
            out.append((start, end, f))
        return out
