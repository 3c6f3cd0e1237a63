"""The products layer: one Product per product the article names, its mentions
sorted, in the order of their first mentions. service/serialize.py alone turns
it into the Result's products section."""
from __future__ import annotations

from dataclasses import dataclass, field

from .entities import combine


@dataclass
class Product:
    id: str
    name: str
    vendor: str | None
    category: str
    mentions: list[tuple[int, int]] = field(default_factory=list)   # (start, end) in the text
    evidence: set[str] = field(default_factory=set)
    variants: dict[int, str] = field(default_factory=dict)   # parameters -> name as written
    context: tuple[int, str] | None = None    # (tokens, as written) of its context window
    description: str | None = None
    known: bool = False      # vendor and category come from the knowledge base

    def confidence(self) -> float:
        """Noisy-or of the evidence (entities.EVIDENCE_WEIGHTS), as for people and organisations."""
        ev = set(self.evidence)
        if len(self.mentions) > 1:
            ev.add("repeated")
        if self.variants or self.context:
            ev.add("sized")
        return combine(ev)
