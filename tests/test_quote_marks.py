"""The one table of quotation marks (service/nlp/quote_marks.py) and the readers that
take their marks from it. Invented sentences, both scripts."""
import pytest

from service.nlp import quote_marks as qm
from service.nlp.clauses import QUOTE_MARKS as CLAUSE_QUOTE_MARKS
from service.extractors import facts, headline_deed, mentioned_events, mentioned_gatherings, \
    organizations, people, product_explained_names, product_head_names, quotes

TABLE = set(qm.marks(*qm.QUOTE_FAMILIES, *qm.TITLE_FAMILIES)) | {qm.APOSTROPHE}


@pytest.mark.parametrize("mark, kind", [
    ("「", "quote"), ("』", "quote"), ("“", "quote"), ("’", "quote"), ("〝", "quote"), ('"', "quote"),
    ("《", "title"), ("》", "title"), ("【", None), ("(", None),
])
def test_kind_of_each_mark(mark, kind):
    assert qm.kind_of(mark) == kind


def test_families_compose_in_table_order():
    assert qm.openers(qm.DOUBLE, qm.ASCII) == "“「『\""
    assert qm.closers(qm.DOUBLE, qm.ASCII) == "”」』\""
    assert qm.marks(qm.ASCII, qm.TITLE) == "\"《》"     # ASCII " once
    assert qm.pairs(qm.SINGLE, qm.TITLE) == {"‘": "’", "《": "》"}


@pytest.mark.parametrize("marks", [
    quotes.QUOTE_MARKS, set(quotes.OPENERS), quotes.OPENERS_AFTER_CUE, CLAUSE_QUOTE_MARKS,
    organizations.QUOTE_OPENERS, organizations.QUOTE_CLOSERS, headline_deed.QUOTE_OPENS,
    "".join(mentioned_events.QUOTE_PAIRS), product_head_names.OPEN_QUOTES, product_head_names.CLOSE_QUOTES,
    people.QUOTE_OPENS, people.QUOTE_CLOSES, facts.COUNTED_OPENING_QUOTES,
    set(product_explained_names.QUOTES), mentioned_gatherings.OPEN_QUOTES,
])
def test_every_reader_takes_its_marks_from_the_table(marks):
    assert set(marks) <= TABLE


def test_a_title_is_never_a_quote_to_the_quote_reader():
    assert not set(qm.marks(qm.TITLE)) & quotes.QUOTE_MARKS


@pytest.mark.parametrize("text, pairs", [
    ("林海舟說「明年見」，又讀了《星河志》。", [(4, 8)]),
    ("林海舟说“明年见”，又读了《星河志》。", [(4, 8)]),
    ("她说 don’t 三次。", []),                    # ’ between letters is an apostrophe
    ("他說「『星河』很好」。", [(2, 9), (3, 6)]),   # 『』 inside 「」
])
def test_the_quote_reader_pairs_the_table_s_quote_marks(text, pairs):
    assert quotes.find_pairs(text) == pairs
