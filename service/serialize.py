"""Turn a processed Document into the contract's Result (plain dicts)."""
from __future__ import annotations

from .kb import KnowledgeBase
from .nlp.document import Document
from .extractors.employment import article_date, employer_on
from .extractors.entities import Entity, EntityTable
from .extractors.product_layer import Product

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
        "inferred": False,
    }


def _person(doc: Document, kb: KnowledgeBase, ent: Entity, participants: set[str],
            when=None) -> dict:
    record = kb.people.get(ent.id) if ent.kb else None
    aliases = _aliases(doc, ent)
    name_en = record.get("name_en") if record else (aliases[0] if aliases[0].isascii() else None)
    if ent.title is not None:
        title = doc.text[ent.title[0]:ent.title[1]]
    else:
        title = record.get("title_en") if record else None
    # The text first; else the knowledge base's employer on the article's date.
    organization = ent.organization or (employer_on(record, when, frozenset(ent.former))
                                        if record else None)
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
    for fact in result["quantitative_facts"]:
        if fact["entity"] not in orgs | people | products:
            fact["entity"] = None


def to_result(doc: Document, kb: KnowledgeBase) -> dict:
    events = [{k: v for k, v in e.items() if not k.startswith("_")}
              for e in doc.layers.get("events", [])]
    primary = events[0] if events else None
    participants = set(primary["participants"]) if primary else set()
    people: EntityTable = doc.layers["people"]
    orgs: EntityTable = doc.layers["organizations"]
    when = article_date(doc)
    result = {
        "schema_version": SCHEMA_VERSION,
        "document": {"id": doc.doc_id, "chars": len(doc.text), "script": doc.script},
        "event": primary,
        "events": events,
        "participants": [_person(doc, kb, p, participants, when) for p in people.ordered()],
        "organizations": [_organization(doc, kb, o) for o in orgs.ordered()],
        # Sections whose extractors write contract-shaped dicts straight into a layer.
        "products": [_product(doc, p) for p in doc.layers.get("products", [])],
        "quantitative_facts": doc.layers.get("facts", []),
        "quotes": doc.layers.get("quotes", []),
        "time_expressions": doc.layers.get("time_expressions", []),
        "warnings": list(dict.fromkeys(doc.warnings)),
    }
    _resolve_references(result, kb)
    return result
