"""Runs the product-name grammar's case table (tests/extractors/cases/product_names.yaml)
through the grammar alone (service/extractors/product_grammar.py and
product_explained_names.py, as product_grammar_mentions.py uses them), with no
knowledge-base, stem or pattern reader beside it.

Per case: every name the grammar reads is one of the case's products; it reads
every product of the case but those marked `found_by: <another reader>`, and none
of those (so the mark goes when the grammar learns to read the name); it reads no
`not_products` string. The whole pipeline's answer for the same cases is checked
by test_products.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from service.nlp.document import build_document
from service.pipeline import get_pipeline

from tests.cases import case_params, load_table

TABLE = Path(__file__).parent / "cases" / "product_names.yaml"
CASES = load_table(TABLE)


def _grammar_names(text: str) -> list[tuple[str, str]]:
    """(id, text) of every name the grammar reads: brand/series names, names a noun
    explains, then their short forms and sibling codes."""
    pipeline = get_pipeline()
    doc = build_document(text, pipeline.segmenter)
    for component in pipeline.components:
        if component.name == "products":
            break
        component(doc)    # the gazetteer's spans block names of people and organisations
    readers = component.grammar_mentions
    grammar = readers.mentions(doc, component.finder.blocked_spans(doc))
    names = readers.short_form_mentions(doc, grammar, grammar)
    names = readers.sibling_mentions(doc, names)
    return [(m.id, doc.text[m.start:m.end]) for m in names]


@pytest.mark.parametrize("case", case_params(TABLE, cases=CASES))
def test_grammar_reads_the_case(case):
    names = _grammar_names(case["text"])
    read = {pid for pid, _ in names}
    wanted = case.get("products") or []
    assert read <= {w["id"] for w in wanted}, f"read beyond the case: {names}"
    for want in wanted:
        if "found_by" in want:
            assert want["id"] not in read, f"{want['id']} is the grammar's now: drop found_by"
        else:
            assert want["id"] in read, f"{want['id']} not read: {names}"
    for banned in case.get("not_products") or []:
        assert banned not in {t for _, t in names}, f"{banned} read as a name"


def test_marks_name_another_reader():
    """`found_by` says which reader finds the product instead (a typo would hide a case)."""
    readers = {"knowledge base", "pattern", "sibling of a pattern name"}
    marks = [w["found_by"] for c in CASES for w in c.get("products") or [] if "found_by" in w]
    assert marks and set(marks) <= readers
