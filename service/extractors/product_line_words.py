"""A model line's word written alone (cases in tests/extractors/cases/products.yaml):

- Claude 3 Opus … 超大杯Opus还没来: a capitalised tier word of four letters or more that ends a
  found model's versioned name (Foo 3 Opus, Foo 3.5 Haiku) names, written alone, the line
  across its versions: a product of its own, the model's maker its maker where it has one.

Only a model's (a device's Ultra alone is that device, written short), never a tier of three
letters (Pro, Max), never beside another Latin word or digit (Opus 4 is a name of its own).
One regex pass per line word (at most MAX_LINES): linear.
"""
from __future__ import annotations

import re

from ..nlp.document import Document
from .product_grammar import slug
from .product_mention import ProductMention

VERSIONED_WORD = re.compile(r" [0-9][0-9.]*[a-z]? ([A-Z][a-z]{3,})\Z")
MAX_LINES = 4


def line_word_mentions(doc: Document, mentions: list[ProductMention], tiers, category_of,
                       vendor_of) -> list[ProductMention]:
    lines: dict[str, ProductMention] = {}
    for m in mentions:
        w = VERSIONED_WORD.search(doc.norm, m.start, m.name_end)
        if w is not None and w.group(1).lower() in tiers and category_of(m) == "model":
            lines.setdefault(w.group(1), m)
    if not lines:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    for word, full in list(lines.items())[:MAX_LINES]:
        for hit in re.finditer(rf"(?<![A-Za-z0-9.\-_@/+]){word}(?![A-Za-z0-9\-_+])(?! [0-9A-Za-z])",
                               doc.norm):
            s, e = hit.span()
            if s in taken or (s > 0 and doc.norm[s - 1] == " " and s > 1 and doc.norm[s - 2].isascii()
                              and doc.norm[s - 2].isalnum()):
                continue     # Claude 3 Opus itself, or a word after another Latin word
            family = {"name": word, "vendor": vendor_of(full), "category": "model", "part_of": full.id}
            extra.append(ProductMention(s, e, e, slug(word), family, "pattern", category="model"))
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions
