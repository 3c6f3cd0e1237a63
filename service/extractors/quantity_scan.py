"""The document's numbers and quantities, scanned once for every reader
(products read sizes, facts read everything): see service/quantities.

A sentence holding more numbers than prose ever does is read only up to the
cap (service/nlp/density.py); the rest of it is written to the `unread_numbers`
layer, which the time expressions stage honours too, and named in a warning."""
from __future__ import annotations

from ..kb import KnowledgeBase
from ..nlp import density
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from ..quantities import find_quantities


class Quantities:
    name = "quantities"
    reads = ()
    writes = ("quantities", "unread_numbers")

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        pass

    def __call__(self, doc: Document) -> None:
        tails = density.unread_tails(doc.norm, doc.sentences)
        doc.layers["unread_numbers"] = tails
        view = _clause_commas_kept(doc)
        if not tails:
            doc.layers["quantities"] = find_quantities(view)
            return
        doc.warnings.append(density.warning(tails))
        doc.layers["quantities"] = find_quantities(density.masked(view, tails))


# The normalised view writes a full-width ， as ","; between digits (HDR 400，500nit) that would
# read as a thousands separator. A digit group is never set off by a full-width comma: the scan
# sees a clause mark there (same length, so every offset holds).
FULL_WIDTH_COMMA = "，"
CLAUSE_MARK = "；"


def _clause_commas_kept(doc: Document) -> str:
    text, norm = doc.text, doc.norm
    at = text.find(FULL_WIDTH_COMMA)
    if at == -1:
        return norm
    chars = None
    while at != -1:
        if 0 < at < len(norm) - 1 and norm[at - 1].isdigit() and norm[at + 1].isdigit():
            if chars is None:
                chars = list(norm)
            chars[at] = CLAUSE_MARK
        at = text.find(FULL_WIDTH_COMMA, at + 1)
    return norm if chars is None else "".join(chars)
