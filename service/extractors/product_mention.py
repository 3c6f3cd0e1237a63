"""A product mention while products are being found: its span, the id it
names, and the evidence that found it.

Products keep their own mention type for now (it carries the family record
and where the name stops before a glued size); it stands alone here so a
shared span type can replace it later without touching the finders' logic.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name_end: int            # where the name stops (before a glued size)
    id: str
    family: dict | None      # the knowledge-base record or stem it builds on
    evidence: str            # a key of entities.EVIDENCE_WEIGHTS: kb-alias, kb-short, kb-family, stem, pattern, grammar…
    category: str | None = None
    cue: bool = False
    subname: str | None = None   # Scout of Llama 4 Scout: a later bare Scout names it too
