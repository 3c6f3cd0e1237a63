"""One generic test over corpus.yaml: each form alone and inside a sentence.

An entry may carry `known_gap: <reason>`: its forms then run as strict xfails
(tests/cases.py)."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from service.quantities import find_quantities
from tests.cases import known_gap, load_table

CORPUS_PATH = Path(__file__).with_name("corpus.yaml")
# Every form is also checked inside a sentence, so context words around it cannot matter.
SENTENCE = "据报道，{}。"
BRACKETED = re.compile(r"\[([^\]]+)\]")


def _load():
    positives, negatives = [], []
    for entry in load_table(CORPUS_PATH):
        marks = [known_gap(entry["known_gap"], CORPUS_PATH)] if entry.get("known_gap") else []
        if "negative" in entry:
            negatives.extend(pytest.param(str(form), id=str(form), marks=marks)
                             for form in entry["negative"])
        else:
            positives.extend(pytest.param(entry["expect"], str(form), id=str(form), marks=marks)
                             for form in entry["forms"])
    return positives, negatives


POSITIVES, NEGATIVES = _load()


def _split(form: str) -> tuple[str, str]:
    """(text to scan, expected span text): the bracketed part, or the whole form."""
    m = BRACKETED.search(form)
    return BRACKETED.sub(r"\1", form), (m.group(1) if m else form)


def _same(actual, expected) -> bool:
    if isinstance(expected, float) and actual is not None:
        return math.isclose(actual, expected, rel_tol=1e-12)
    return actual == expected


@pytest.mark.parametrize("in_sentence", [False, True], ids=["alone", "in-sentence"])
@pytest.mark.parametrize("expect, form", POSITIVES)
def test_form_gives_the_expected_quantity(expect, form, in_sentence, normalise):
    text, span = _split(form)
    if in_sentence:
        text = SENTENCE.format(text)
    norm = normalise(text)
    found = find_quantities(norm)
    assert len(found) == 1, f"{form!r}: {found}"
    q = found[0]
    assert q.text == norm[q.start:q.end] == normalise(span), f"{form!r}: span {q.text!r}"
    if "approximate" in expect:
        expect = {"min": None, "max": None, **expect}
    for field, wanted in expect.items():
        assert _same(getattr(q, field), wanted), f"{form!r}: {field} = {getattr(q, field)!r}, want {wanted!r} ({q.rule})"


@pytest.mark.parametrize("in_sentence", [False, True], ids=["alone", "in-sentence"])
@pytest.mark.parametrize("form", NEGATIVES)
def test_negative_form_gives_no_quantity(form, in_sentence, normalise):
    text = SENTENCE.format(form) if in_sentence else form
    assert find_quantities(normalise(text)) == []


def test_corpus_is_large_enough():
    assert len(POSITIVES) + len(NEGATIVES) >= 120
