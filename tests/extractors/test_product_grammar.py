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
    readers = {"knowledge base", "pattern", "sibling of a pattern name", "quoted apps", "list mates",
               "colon codes", "for names"}
    marks = [w["found_by"] for c in CASES for w in c.get("products") or [] if "found_by" in w]
    assert marks and set(marks) <= readers


def test_prefer_grammar_takes_families_without_a_vendor():
    """A grammar name whose family has no vendor, starting where another grammar name or a
    stem reading starts, once stopped the document (None and a vendor's name compared)."""
    from service.extractors.product_grammar_mentions import GrammarMentions
    from service.extractors.product_mention import ProductMention

    def mention(start, end, vendor, evidence):
        return ProductMention(start, end, end, f"p-{start}-{end}-{evidence}", {"vendor": vendor}, evidence)

    grammar = [mention(0, 7, None, "grammar"), mention(0, 7, "Qinghe", "grammar"),
               mention(20, 26, None, "grammar")]
    stems = [mention(0, 4, "Qinghe", "stem"),      # the same maker's grammar name starts inside
             mention(0, 4, "Xingchen", "stem"),    # another maker's: stays
             mention(18, 24, None, "kb-family"),   # no vendor either side: gives way
             mention(30, 34, "Qinghe", "stem"),    # nothing starts inside
             mention(0, 7, "Qinghe", "kb-alias")]  # a knowledge-base alias always stays
    kept = GrammarMentions.prefer_grammar(stems, grammar)
    assert [(c.start, c.family["vendor"], c.evidence) for c in kept] == [
        (0, "Xingchen", "stem"), (30, "Qinghe", "stem"), (0, "Qinghe", "kb-alias")]
