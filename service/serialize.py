"""Turn a processed Document into the contract's Result (plain dicts)."""
from __future__ import annotations

from .kb import KnowledgeBase
from .nlp.document import Document
from .extractors.entities import Entity, EntityTable

SCHEMA_VERSION = "1.0"


def _aliases(doc: Document, ent: Entity) -> list[str]:
    seen: list[str] = []
    for s, e in ent.mentions:
        surface = doc.text[s:e]
        if surface not in seen:
            seen.append(surface)
    return seen


def _organization(doc: Document, kb: KnowledgeBase, ent: Entity) -> dict:
    record = kb.organizations.get(ent.id) if ent.kb else None
    aliases = _aliases(doc, ent)
    name_en = record.get("name_en") if record else (aliases[0] if aliases[0].isascii() else None)
    return {
        "id": ent.id,
        "name": aliases[0],
        "name_en": name_en,
        "aliases": aliases,
        "mentions": [doc.span(s, e) for s, e in ent.mentions],
        "confidence": ent.confidence(),
    }


def _person(doc: Document, kb: KnowledgeBase, ent: Entity, participants: set[str]) -> dict:
    record = kb.people.get(ent.id) if ent.kb else None
    aliases = _aliases(doc, ent)
    name_en = record.get("name_en") if record else (aliases[0] if aliases[0].isascii() else None)
    if ent.title is not None:
        title = doc.text[ent.title[0]:ent.title[1]]
    else:
        title = record.get("title_en") if record else None
    organization = ent.organization or (record.get("organization") if record else None)
    return {
        "id": ent.id,
        "name": aliases[0],
        "name_en": name_en,
        "aliases": aliases,
        "organization": organization,
        "title": title,
        "role": "participant" if ent.id in participants else "mentioned",
        "mentions": [doc.span(s, e) for s, e in ent.mentions],
        "confidence": ent.confidence(),
    }


def to_result(doc: Document, kb: KnowledgeBase) -> dict:
    events = [{k: v for k, v in e.items() if not k.startswith("_")}
              for e in doc.layers.get("events", [])]
    primary = events[0] if events else None
    participants = set(primary["participants"]) if primary else set()
    people: EntityTable = doc.layers["people"]
    orgs: EntityTable = doc.layers["organizations"]
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {"id": doc.doc_id, "chars": len(doc.text), "script": doc.script},
        "event": primary,
        "events": events,
        "participants": [_person(doc, kb, p, participants) for p in people.ordered()],
        "organizations": [_organization(doc, kb, o) for o in orgs.ordered()],
        # Sections whose extractors write contract-shaped dicts straight into a layer.
        "products": doc.layers.get("products", []),
        "quantitative_facts": doc.layers.get("facts", []),
        "quotes": doc.layers.get("quotes", []),
        "time_expressions": doc.layers.get("time_expressions", []),
        "warnings": list(dict.fromkeys(doc.warnings)),
    }
