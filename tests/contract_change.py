"""A contributor's edit to the contract: a section and a field added to the JSON
Schema, and nothing else. The suite proves each consumer carries them from there
(marshmallow and the spec: test_contract.py; the generated clients:
test_generated_client.py, test_typescript_client.py)."""
from __future__ import annotations

import copy


def with_new_section(document: dict) -> dict:
    """The JSON Schema with a section and a field added, as a contributor would."""
    document = copy.deepcopy(document)
    document["$defs"]["Gadget"] = {
        "type": "object", "additionalProperties": False, "required": ["name", "span", "grams"],
        "properties": {"name": {"type": "string"}, "span": {"$ref": "#/$defs/Span"},
                       "grams": {"type": ["number", "null"]}}}
    document["properties"]["gadgets"] = {"type": "array", "items": {"$ref": "#/$defs/Gadget"}}
    document["required"].append("gadgets")
    person = document["$defs"]["Person"]
    person["properties"]["nickname"] = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    person["required"].append("nickname")
    return document
