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
        if not tails:
            doc.layers["quantities"] = find_quantities(doc.norm)
            return
        doc.warnings.append(density.warning(tails))
        doc.layers["quantities"] = find_quantities(density.masked(doc.norm, tails))
