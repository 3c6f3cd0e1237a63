"""The products layer: one Product per product the article names, its mentions
sorted, in the order of their first mentions. service/serialize.py alone turns
it into the Result's products section."""
from __future__ import annotations

from dataclasses import dataclass, field

# How much each kind of evidence alone makes us believe a product is real.
EVIDENCE_WEIGHTS = {
    "kb": 0.9,            # a knowledge-base alias
    "kb-short": 0.6,      # a knowledge-base alias of three characters or fewer (IG, o1, NIM)
    "kb-family": 0.85,    # a knowledge-base family and a version written after it (Llama 4)
    "stem": 0.75,         # a family stem and a version (GPT-4.5, RTX 5090)
    "pattern": 0.4,       # a Latin name with a version or size, nothing else
    "grammar": 0.8,       # brand or series + model code + suffixes (Galaxy S24 Ultra, 尼康Z8)
    "gloss-name": 0.6,    # a name in quotes or after 名为 that a category noun explains
    "sibling": 0.5,       # a bare code beside a product's bare code of the same shape (M2 beside M4)
    "cue": 0.45,          # a launch verb or a category noun beside it
    "vendor": 0.5,        # an organisation named beside it as its maker
    "gloss": 0.4,         # the article says what it is (名叫NIM的輝達推理微服務)
    "sized": 0.3,         # sizes or a context window the article gives it
    "repeated": 0.25,     # named more than once
}


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
        ev = set(self.evidence)
        if len(self.mentions) > 1:
            ev.add("repeated")
        if self.variants or self.context:
            ev.add("sized")
        miss = 1.0
        for e in sorted(ev):  # sorted: a float product must not depend on set order (hash seed)
            miss *= 1.0 - EVIDENCE_WEIGHTS[e]
        return round(1.0 - miss, 3)
