"""The document's numbers and quantities, scanned once for every reader
(products read sizes, facts read everything): see service/quantities."""
from __future__ import annotations

from ..kb import KnowledgeBase
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from ..quantities import find_quantities


class Quantities:
    name = "quantities"
    reads = ()
    writes = ("quantities",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        pass

    def __call__(self, doc: Document) -> None:
        doc.layers["quantities"] = find_quantities(doc.norm)
