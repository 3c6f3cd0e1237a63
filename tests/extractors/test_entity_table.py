"""EntityTable.without: what a table looks like once some entities are dropped."""
from __future__ import annotations

from service.extractors.entities import EntityTable


def test_without_drops_the_entities_and_their_offsets():
    table = EntityTable("person")
    table.add("lin-yuqing", 0, 3, "title")
    table.add("zhou-bohan", 5, 8, "pos")
    kept = table.without({"zhou-bohan"})
    assert list(kept.by_id) == ["lin-yuqing"]
    assert kept.covering(5, 8) is None
    assert kept.covering(0, 3) is table.by_id["lin-yuqing"]
    assert list(table.by_id) == ["lin-yuqing", "zhou-bohan"]   # the original is untouched


def test_without_gives_a_shared_offset_to_the_next_entity_that_mentions_it():
    table = EntityTable("person")
    table.add("a", 0, 4, "pos")
    table.add("b", 2, 6, "title")
    assert table.covering(2, 3).id == "a"
    assert table.without({"a"}).covering(2, 3).id == "b"


def test_drop_mention_forgets_one_span_and_an_entity_left_without_any():
    table = EntityTable("organization")
    table.add("tencent", 0, 2, "kb", kb=True)
    table.add("tencent", 10, 12, "kb", kb=True)
    table.add("other", 20, 22, "suffix")
    table.drop_mention("tencent", 0, 2)
    assert table.by_id["tencent"].mentions == [(10, 12)]
    assert table.covering(0, 2) is None and table.covering(10, 11).id == "tencent"
    table.drop_mention("other", 20, 22)
    assert "other" not in table.by_id and table.covering(20, 22) is None
