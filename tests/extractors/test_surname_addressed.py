"""People._surname_addressed: a person named only by a surname and a title (苗总) is the
one person the text names in full with that surname; where that form comes first, the
name given is the full name's earliest mention, whichever of its forms that is (not the
one a set's order gives first). The rule reads the key view (Simplified): one script."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from service.extractors.people import People
from tests.person_tables import person_table
from service.pipeline import get_pipeline


def _people() -> People:
    return next(c for c in get_pipeline().components if isinstance(c, People))


@pytest.mark.parametrize("text,forms,earliest", [
    # (two full forms of one person, the shorter first: its mention is the name given)
    ("苗总表示看好。苗文随后补充，总经理苗启文也到场。", [("苗文", 0), ("苗启文", 0)], "苗文"),
    ("苗总表示看好。总经理苗启文到场，苗文随后补充。", [("苗启文", 0), ("苗文", 0)], "苗启文"),
])
def test_the_addressed_takes_the_earliest_full_mention(text, forms, earliest):
    key = text   # (the key view: Simplified, so one script says it)
    doc = SimpleNamespace(key=key)
    table = person_table(key, {"addressed": [("苗总", 0)], "full": forms})
    _people()._surname_addressed(doc, table)
    assert list(table.by_id) == ["full"]
    s, e = table.by_id["full"].named_at
    assert key[s:e] == earliest
