"""Turn a processed Document into the contract's Result (plain dicts).

The one module that knows the output's shape: extractors leave typed records in
their layers (service/layers.py) and each section of the Result is built here,
by one function per section.
"""
from __future__ import annotations

import dataclasses

from .kb import KnowledgeBase
from .nlp.document import Document
from .extractors.employment import article_date, kb_employer
from .extractors.entities import Entity, EntityTable
from .extractors.product_layer import Product
from .extractors.records import Event, EventRoles, Fact, Quote, TextSpan, TimeExpression

SCHEMA_VERSION = "1.0"


def _aliases(doc: Document, ent: Entity) -> list[str]:
    seen: list[str] = []
    for s, e in ent.mentions:
        surface = doc.text[s:e]
        if surface not in seen:
            seen.append(surface)
    return seen + [f for f in ent.forms if f not in seen]


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
        "inferred": False,
    }


def _person(doc: Document, kb: KnowledgeBase, ent: Entity, participants: set[str],
            when=None, employers: dict[str, str] | None = None,
            named: dict[str, int] | None = None) -> dict:
    record = kb.people.get(ent.id) if ent.kb else None
    aliases = _aliases(doc, ent)
    name_en = record.get("name_en") if record else (aliases[0] if aliases[0].isascii() else None)
    if ent.title is not None:
        title = doc.text[ent.title[0]:ent.title[1]]
    else:
        title = record.get("title_en") if record else None
    # The text first; else the knowledge base's employer on the article's date.
    # (roles gives a titled open-world participant the event's organiser.)
    organization = ent.organization or (employers or {}).get(ent.id) or (
        kb_employer(record, when, frozenset(ent.former), named) if record else None)
    return {
        "id": ent.id,
        "name": doc.text[slice(*ent.named_at)] if ent.named_at else aliases[0],
        "name_en": name_en,
        "aliases": aliases,
        "organization": organization,
        "title": title,
        "role": "participant" if ent.id in participants else "mentioned",
        "mentions": [doc.span(s, e) for s, e in ent.mentions],
        "confidence": ent.confidence(),
    }


def _product(doc: Document, product: Product) -> dict:
    return {
        "id": product.id,
        "name": product.name,
        "vendor": product.vendor,
        "category": product.category,
        "variants": [{"name": n, "parameters": p} for p, n in product.variants.items()],
        "context_window": ({"tokens": product.context[0], "text": product.context[1]}
                           if product.context else None),
        "description": product.description,
        "mentions": [doc.span(s, e) for s, e in product.mentions],
        "confidence": product.confidence(),
    }


# An organisation no word of the text names, listed only so that an id given for it
# elsewhere (a known product's vendor, a person's employer) resolves in the Result.
# The knowledge base vouches for it, so it is as sure as the reference that needs it.
INFERRED_CONFIDENCE = 0.9


def _inferred_organization(kb: KnowledgeBase, org_id: str) -> dict:
    record = kb.organizations[org_id]
    name = record.get("name_en") or record["aliases"][0]
    return {"id": org_id, "name": name, "name_en": record.get("name_en"), "aliases": [],
            "mentions": [], "confidence": INFERRED_CONFIDENCE, "inferred": True}


def _resolve_references(result: dict, kb: KnowledgeBase) -> None:
    """Every id one item gives for another names an item of the same Result (CONTRACT.md).

    A knowledge-base organisation the text never names is listed as inferred; any
    other dangling id (an open-world name that was dropped) becomes null or is left out.
    """
    orgs = {o["id"] for o in result["organizations"]}
    people = {p["id"] for p in result["participants"]}
    products = {p["id"] for p in result["products"]}

    def org_ref(org_id: str | None) -> str | None:
        if org_id is None or org_id in orgs:
            return org_id
        if org_id not in kb.organizations:
            return None
        result["organizations"].append(_inferred_organization(kb, org_id))
        orgs.add(org_id)
        return org_id

    for person in result["participants"]:
        person["organization"] = org_ref(person["organization"])
    for product in result["products"]:
        product["vendor"] = org_ref(product["vendor"])
    for event in result["events"]:
        event["organizer"] = org_ref(event["organizer"])
    drop_dangling_references(result)


def drop_dangling_references(result: dict) -> None:
    """Null (or leave out) every id that names no item of the Result: the last word
    after anything removed items (serialize's open-world leftovers, the size cap)."""
    orgs = {o["id"] for o in result["organizations"]}
    people = {p["id"] for p in result["participants"]}
    products = {p["id"] for p in result["products"]}
    for person in result["participants"]:
        if person["organization"] not in orgs:
            person["organization"] = None
    for product in result["products"]:
        if product["vendor"] not in orgs:
            product["vendor"] = None
    for event in result["events"]:
        if event["organizer"] not in orgs:
            event["organizer"] = None
        event["participants"] = [p for p in event["participants"] if p in people]
    for quote in result["quotes"]:
        if quote["speaker"] not in people:
            quote["speaker"] = None
    if result["quantitative_facts"]:
        named = orgs | people | products   # once, not per fact
        for fact in result["quantitative_facts"]:
            if fact["entity"] not in named:
                fact["entity"] = None


def _events(doc: Document, events: list[Event], roles: EventRoles | None) -> list[dict]:
    out = [{
        "id": e.id,
        "name": e.name,
        "series": e.series,
        "year": e.year,
        "date": e.date,
        "time": e.time,
        "utc_offset": e.utc_offset,
        "date_text": e.date_text,
        "location": e.location,
        "edition": e.edition,
        "organizer": e.organizer,
        "participants": list(e.participants),
        "mentions": [doc.span(s, end) for s, end in e.mentions],
    } for e in events]
    if out and roles is not None and events[0].about:
        out[0]["participants"] = list(roles.participants)   # roles decides who took part
    return out


def products(doc: Document, items: list[Product]) -> list[dict]:
    return [_product(doc, p) for p in items]


def quantitative_facts(doc: Document, facts: list[Fact]) -> list[dict]:
    out = []
    # One text per sentence, shared by the facts in it (a 500-character sentence
    # of 250 numbers must not be copied 250 times).
    sentence_texts: dict[int, str] = {}
    for f in facts:
        s, e = f.sentence
        text = sentence_texts.get(s)
        if text is None:
            text = sentence_texts[s] = doc.text[s:e]
        fact_text = doc.text[f.start:f.end]
        out.append({
            "kind": f.kind, "value": f.value, "approximate": f.approximate,
            "min": f.min, "max": f.max, "unit": f.unit, "counted": f.counted,
            "text": fact_text, "span": {"start": f.start, "end": f.end, "text": fact_text},   # doc.span
            "subject": f.subject,
            "entity": f.entity,
            "sentence": {"start": s, "end": e, "text": text},
            "confidence": f.confidence,
        })
    return out


def _span_or_none(doc: Document, span: tuple[int, int] | None) -> dict | None:
    return doc.span(*span) if span is not None else None


def quotes(doc: Document, found: list[Quote]) -> list[dict]:
    return [{
        "text": doc.text[q.start:q.end],
        "span": doc.span(q.start, q.end),
        "speaker": q.speaker,
        "speaker_name": doc.text[q.speaker_name[0]:q.speaker_name[1]] if q.speaker_name else None,
        "cue": doc.text[q.cue[0]:q.cue[1]] if q.cue is not None else None,
        "cue_span": _span_or_none(doc, q.cue),
        "speaker_span": _span_or_none(doc, q.speaker_span),
        "confidence": q.confidence,
    } for q in found]


def time_expressions(doc: Document, found: list[TimeExpression]) -> list[dict]:
    return [{
        "text": doc.text[t.start:t.end],
        "span": doc.span(t.start, t.end),
        "kind": t.kind,
        "timex": t.timex,
        "value": t.value,
        "start": t.value_start,
        "end": t.value_end,
        "utc_offset": t.utc_offset,
        "grain": t.grain,
        "fiscal": t.fiscal,
    } for t in found]


# The Result's list sections that one layer each fills, in the Result's order:
# section -> (the layer, the function that shapes it). A new section of this kind
# is one entry here (see README, "Adding an output section").
SECTIONS = {
    "products": ("products", products),
    "quantitative_facts": ("facts", quantitative_facts),
    "quotes": ("quotes", quotes),
    "time_expressions": ("time_expressions", time_expressions),
}


def shaped(doc: Document, value):
    """A section-adding component's record as the Result writes it: a dataclass
    as an object of its fields, a TextSpan as a Span, lists and dicts item by
    item, anything else as it is. (The built-in sections above have their own
    functions because their shapes predate this rule.)"""
    if isinstance(value, TextSpan):
        return doc.span(value.start, value.end)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: shaped(doc, getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [shaped(doc, v) for v in value]
    if isinstance(value, dict):
        return {k: shaped(doc, v) for k, v in value.items()}
    return value


def to_result(doc: Document, kb: KnowledgeBase, added_sections: tuple[str, ...] = ()) -> dict:
    layers = doc.layers
    roles: EventRoles | None = layers.get("roles")
    records = layers.get("events", [])
    events = _events(doc, records, roles)
    # An article that names events but is about none of them has no primary event.
    primary = events[0] if events and records[0].about else None
    participants = set(primary["participants"]) if primary else set()
    people: EntityTable = layers["people"]
    orgs: EntityTable = layers["organizations"]
    when = article_date(doc)
    employers = roles.employers if roles is not None else None
    named = {o.id: len(o.mentions) for o in orgs.by_id.values() if o.mentions}
    result = {
        "schema_version": SCHEMA_VERSION,
        "document": {"id": doc.doc_id, "chars": len(doc.text), "script": doc.script},
        "event": primary,
        "events": events,
        "participants": [_person(doc, kb, p, participants, when, employers, named)
                         for p in people.ordered()],
        "organizations": [_organization(doc, kb, o) for o in orgs.ordered() if not o.name_part_only],
    }
    for section, (layer, shape) in SECTIONS.items():
        result[section] = shape(doc, layers.get(layer, []))
    for section in added_sections:   # each is its component's layer (layers.registry)
        result[section] = [shaped(doc, record) for record in layers.get(section, [])]
    result["warnings"] = list(dict.fromkeys(doc.warnings))
    _resolve_references(result, kb)
    return result
