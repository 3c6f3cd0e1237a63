"""A model code written before 系列 names a product line (CONVENTIONS 9: the line is
named by the code, 系列 left out; cases in tests/extractors/cases/product_names.yaml):

- 比P50系列还低, 中端 Nova 13 系列: a code of capitals and digits (P50, GB300), or a
  capitalised word and a number (Nova 13), right before 系列 is a line of products, though
  no list holds it and no maker stands before it.
- Only a code the text writes nowhere but before 系列: written alone too (EH216 … EH216 系列),
  the other readers name it, and the line is that product.
- Never a standard's or a certificate's (ISO 9001 系列标准), a generic word's (Top 10 系列)
  or a company's, nor a code that is no model (5G, 4K: the grammar's not_codes).

One str.find for 系列 and an anchored regex read backwards from each: linear in the text.
"""
from __future__ import annotations

import re

from .. import deadline
from ..nlp.document import Document
from .product_grammar import Found, slug

SERIES = "系列"
CODE_BEFORE = re.compile(r"(?<![A-Za-z0-9.\-_])((?:[A-Z][a-z]{2,9} )?[A-Z]{1,3}[0-9]{1,4}[A-Za-z]{0,2}"
                         r"|[A-Z][a-z]{2,9} [0-9]{1,3}) ?\Z")
REACH = 20
# 系列标准, 系列認證: a standard's or a certificate's line, no products (key view).
STANDARD_AFTER = re.compile(r"(?:标准|规范|认证|协议|规格|丛书|报道|文章|活动|讲座|课程)")


def coded_lines(doc: Document, is_other, not_code, blocked=frozenset()) -> list[Found]:
    """`is_other(key)`: a company's or a generic word; `not_code(key)`: a code that is no model."""
    key, norm = doc.key, doc.norm
    out: list[Found] = []
    at = key.find(SERIES)
    while at >= 0:
        deadline.check("products")
        m = CODE_BEFORE.search(norm, max(0, at - REACH), at)
        if m is not None and STANDARD_AFTER.match(key, at + len(SERIES)) is None:
            start, end = m.span(1)
            words = key[start:end].split(" ")
            if not any(is_other(w) for w in words) and not is_other(key[start:end]) \
                    and not not_code(words[-1]) and (start, end) not in blocked \
                    and not _written_alone(key, key[start:end]):
                text = norm[start:end]
                out.append(Found(start, end, slug(text), text, None, "hardware", evidence="gloss-name"))
        at = key.find(SERIES, at + len(SERIES))
    return out


def _written_alone(key: str, code: str) -> bool:
    """The code as a whole word somewhere not before 系列 (str.find over the key view)."""
    at = key.find(code)
    while at >= 0:
        end = at + len(code)
        whole = not (at > 0 and key[at - 1].isascii() and key[at - 1].isalnum()) \
            and not (end < len(key) and key[end].isascii() and key[end].isalnum())
        if whole and not key.startswith(SERIES, end + (key[end:end + 1] == " ")):
            return True
        at = key.find(code, end)
    return False
