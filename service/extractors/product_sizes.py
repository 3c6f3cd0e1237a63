"""Sizes and context windows, attached to the model they are about.

The quantities scanner (service/quantities) finds parameter counts and
context lengths; each goes to the model whose name it is glued to, right
after the name (Llama3.1的8B), a model that already has that size (如405 B),
the model of the sentence, a name it comes just before (8B和70B版本的Llama 3),
or the previous sentence's model (該模型有7B和70B兩個版本)."""
from __future__ import annotations

import bisect
import re

from .. import deadline
from ..nlp.document import Document
from ..quantities import Quantity
from .context import quantities_of
from .product_layer import Product
from .product_lexicon import BEFORE_NAME, CLAUSE_END, ProductLexicon
from .product_mention import ProductMention

SIZE_BEFORE_NAME = 8     # characters from a size to the model it comes before (8B和70B版本的Llama 3)
CONTEXT_TEXT_TAIL = re.compile(r"(?:\s*(?:个)?(?:tokens?|上下文|字|词元)\s*)+$")
PARAMETER_TEXT_TAIL = re.compile(r"(?:\s*(?:个)?(?:参数|parameters?|params?)\s*)+$")
NUMERAL_START = re.compile(r"[0-9零〇一二两三四五六七八九十百千]")


class Sizes:
    def __init__(self, lex: ProductLexicon) -> None:
        self.lex = lex

    def attach(self, doc: Document, mentions: list[ProductMention], products: dict[str, Product],
                           org_mentions) -> None:
        models = [m for m in mentions if self._sizable(products[m.id])]
        starts = [m.start for m in models]
        all_spans = [(m.start, m.end, m.id) for m in mentions]
        org_starts = [s for s, _, _ in org_mentions]
        owner: dict[int, Product] = {}     # parameters -> the product that has that size
        for q in quantities_of(doc):
            deadline.check("products")
            if q.value is None or q.kind not in ("parameters", "context_length"):
                continue
            inside = self._covering(all_spans, q.start)
            if inside is not None:
                target = products[inside] if self._sizable(products[inside]) else None
            elif q.kind == "parameters" and self._glued_to_latin(doc, q):
                continue   # Bar-7B with nothing to introduce Bar: not ours to place
            else:
                target = self._target(doc, q, models, starts, products, all_spans, org_starts, owner)
            if target is None:
                continue
            if target.category == "other":
                target.category = "model"   # a size says what an unnamed kind of product is
            if q.kind == "parameters":
                self._add_variant(doc, target, q)
                owner.setdefault(int(q.value), target)
            else:
                self._add_context(doc, target, q)

    @staticmethod
    def _sizable(product: Product) -> bool:
        """Models have sizes; so may a product the article named without saying its kind."""
        return product.category == "model" or (product.category == "other" and not product.known)

    @staticmethod
    def _covering(spans, offset: int) -> str | None:
        i = bisect.bisect_right(spans, (offset, 1 << 62, "")) - 1
        return spans[i][2] if i >= 0 and spans[i][0] <= offset < spans[i][1] else None

    @staticmethod
    def _glued_to_latin(doc: Document, q: Quantity) -> bool:
        before = doc.norm[q.start - 1] if q.start > 0 else ""
        return before.isascii() and (before.isalpha() or before == "-")

    def _target(self, doc: Document, q: Quantity, models: list[ProductMention], starts: list[int],
                products: dict[str, Product], all_spans, org_starts, owner) -> Product | None:
        sent = doc.sentence_index(q.start)
        i = bisect.bisect_right(starts, q.start) - 1
        prev = models[i] if i >= 0 else None
        nxt = models[i + 1] if i + 1 < len(models) else None
        # Llama3.1的8B: right after the name.
        if prev is not None and doc.key[prev.end:q.start] in self.lex.attach_joiners:
            return products[prev.id]
        # 如405 B: a size some model already has, said again.
        if q.kind == "parameters" and q.value in owner:
            return owner[q.value]
        # The model of the sentence: the last one before that is not the thing
        # compared (價格比GPT-4o便宜), else the first after.
        k = i
        while k >= 0 and doc.sentence_index(models[k].start) == sent:
            if not self._compared(doc, models[k]):
                return products[models[k].id]
            k -= 1
        # 8B和70B版本的Llama 3: sizes just before the name, in its clause.
        if nxt is not None and nxt.start - q.end <= SIZE_BEFORE_NAME and not CLAUSE_END.search(
                doc.key, q.end, nxt.start):
            return products[nxt.id]
        # 該模型有7B和70B兩個版本: a sentence naming no product or organisation
        # continues the previous sentence's model.
        if prev is None or doc.sentence_index(prev.start) != sent - 1:
            return None
        sentence = doc.sentences[sent]
        cues = self.lex.size_cues if q.kind == "parameters" else self.lex.context_cues
        if not cues.find(doc.key, sentence.start, sentence.end):
            return None
        j = bisect.bisect_left(all_spans, (sentence.start, -1, ""))
        if j < len(all_spans) and all_spans[j][0] < sentence.end:
            return None
        j = bisect.bisect_left(org_starts, sentence.start)
        if j < len(org_starts) and org_starts[j] < sentence.end:
            return None
        return products[prev.id]

    def _compared(self, doc: Document, m: ProductMention) -> bool:
        before = doc.key[max(0, m.start - 4):m.start].rstrip(BEFORE_NAME)
        return self.lex.comparison_markers.ends(before) is not None

    def _add_variant(self, doc: Document, product: Product, q: Quantity) -> None:
        if not isinstance(q.value, int) and not float(q.value).is_integer():
            return
        value = int(q.value)
        if value in product.variants:
            return
        name = self._written(doc, q, PARAMETER_TEXT_TAIL)
        if self._active(doc, q):
            name += " active"
        product.variants[value] = name

    def _active(self, doc: Document, q: Quantity) -> bool:
        after = doc.key[q.end:q.end + 4].lstrip(" ")
        before = doc.key[max(0, q.start - 6):q.start].rstrip(" ")
        return bool(self.lex.active_after.starts(after) or self.lex.active_before.ends(before))

    def _add_context(self, doc: Document, product: Product, q: Quantity) -> None:
        if not isinstance(q.value, (int, float)) or q.value < 1:
            return
        tokens = int(q.value)
        if product.context is not None and product.context[0] >= tokens:
            return
        product.context = (tokens, self._written(doc, q, CONTEXT_TEXT_TAIL))

    @staticmethod
    def _written(doc: Document, q: Quantity, unit_tail: re.Pattern) -> str:
        """The quantity as the text writes it, from its first numeral, its unit word
        (参数, tokens) left off."""
        start, end = q.start, q.end
        m = NUMERAL_START.search(doc.norm, start, end)
        if m:
            start = m.start()
        tail = unit_tail.search(doc.key, start, end)
        if tail and tail.end() == end and tail.start() > start:
            end = tail.start()
        return doc.text[start:end].strip()
