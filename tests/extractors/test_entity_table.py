"""EntityTable.without: what a table looks like once some entities are dropped."""
from __future__ import annotations

import pytest

from service.extractors.entities import EntityTable, MentionKeys


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


# MentionKeys: the strings a table's mentions read, asked again and again during a walk
# that adds names (organisations' suffix walk). Invented names, both scripts.
KEY = "青禾機器人與星辰智能及远峰快艇和云杉数据"   # 青禾 0-2, 星辰智能 6-10, 远峰快艇 11-15, 云杉数据 16-20


def test_mention_keys_knows_the_names_before_and_after_it_starts_listening():
    table = EntityTable("organization")
    table.add("qinghe", 0, 2, "suffix")
    with MentionKeys(table, KEY) as known:
        assert known.named("青禾") and not known.named("星辰智能")
        table.add("xingchen", 6, 10, "suffix")
        assert known.named("星辰智能")
        table.add("yuanfeng", 11, 15, "suffix")
        table.add("yuanfeng", 11, 15, "appositive")   # the same mention again: no change
        assert known.named("远峰快艇") and not known.named("云杉数据")
    assert table.changes is None


def test_mention_keys_reads_again_only_when_the_number_of_mentions_changed():
    table = EntityTable("organization")
    table.add("qinghe", 0, 2, "suffix")
    with MentionKeys(table, KEY) as known:
        assert known.named("青禾")
        table.drop_mention("qinghe", 0, 2)     # one gone, one come: as many as at the last look
        table.add("qinghe-robot", 0, 5, "suffix")
        assert known.named("青禾") and not known.named("青禾機器人")
        table.add("yunshan", 16, 20, "suffix")  # one more: every change since the last look counts
        assert not known.named("青禾") and known.named("青禾機器人") and known.named("云杉数据")


def test_mention_keys_keeps_a_name_two_entities_share_until_both_drop_it():
    table = EntityTable("organization")
    table.add("xingchen", 6, 10, "suffix")
    table.add("xingchen-zhineng", 6, 10, "kb")
    with MentionKeys(table, KEY) as known:
        table.merge("xingchen-zhineng", "xingchen")   # the two mentions are one now
        assert known.named("星辰智能")
        table.drop_mention("xingchen", 6, 10)
        assert not known.named("星辰智能") and "xingchen" not in table.by_id


def test_a_table_logs_changes_while_anyone_listens():
    table = EntityTable("organization")
    with MentionKeys(table, KEY) as known:
        forms = table.forms(KEY)   # listens from now on, as long as the table lives
        table.add("qinghe", 0, 2, "suffix")
        assert known.named("青禾") and forms.first("青禾").id == "qinghe"
    assert table.changes is not None
    with pytest.raises(ValueError):
        table.forms("another document")
    plain = EntityTable("organization")
    with MentionKeys(plain, KEY):
        pass
    assert plain.changes is None   # nobody listens: nothing is logged


def test_mention_forms_finds_the_first_entity_in_table_order_that_reads_so():
    table = EntityTable("organization")
    table.add("yunshan", 16, 20, "suffix")
    forms = table.forms(KEY)
    assert forms.first("云杉数据").id == "yunshan" and forms.first("星辰智能") is None
    table.add("xingchen-b", 0, 4, "suffix")          # (青禾機器 read as 星辰智能's length: no)
    table.add("xingchen", 6, 10, "kb")
    table.add("xingchen-b", 6, 10, "suffix")          # a later entity reads the same string
    assert forms.first("星辰智能").id == "xingchen-b"   # made first, so first in by_id
    table.drop_mention("xingchen-b", 0, 4)
    table.drop_mention("xingchen-b", 6, 10)            # gone from the table
    assert forms.first("星辰智能").id == "xingchen" and forms.first("青禾機器") is None
    table.add("xingchen-b", 6, 10, "suffix")          # back again: last in by_id now
    assert forms.first("星辰智能").id == "xingchen"
    table.merge("xingchen", "yunshan")                # its mentions are yunshan's now
    assert forms.first("星辰智能").id == "yunshan"
    first = lambda text: next((ent for ent in table.by_id.values()   # the reading it stands for
                               if any(KEY[s:e] == text for s, e in ent.mentions)), None)
    assert all(forms.first(t) is first(t) for t in ("星辰智能", "云杉数据", "青禾", "远峰快艇"))


class CountedSlices(str):
    """A key that counts the strings read from it."""
    reads = 0

    def __getitem__(self, index):
        CountedSlices.reads += 1
        return str.__getitem__(self, index)


def test_mention_keys_reads_each_mention_once_however_often_it_is_asked():
    """A walk adding n names and asking after each: n readings, not n * n / 2 (issue 19)."""
    n = 400
    key = CountedSlices("甲乙" * n)
    table = EntityTable("organization")
    CountedSlices.reads = 0
    with MentionKeys(table, key) as known:
        for i in range(n):
            table.add(f"org-{i}", 2 * i, 2 * i + 2, "suffix")
            assert known.named("甲乙")
    assert CountedSlices.reads == n


def test_mention_forms_reads_each_mention_once_however_often_it_is_asked():
    n = 400
    key = CountedSlices("甲乙" * n)
    table = EntityTable("organization")
    CountedSlices.reads = 0
    forms = table.forms(key)
    for i in range(n):
        table.add(f"org-{i}", 2 * i, 2 * i + 2, "suffix")
        assert forms.first("甲乙").id == "org-0"
    assert CountedSlices.reads == n


def test_mention_forms_finds_the_strings_by_their_ends_and_the_characters_they_hold():
    """What an abbreviation asks (星海會 of 星海交易委員會): the strings that start and end as
    it does, or hold its first character and end as it does, kept current as names come
    and go; each answer the same as a reading of every mention."""
    key = "澄石交易委員會與澄石電子會及沐川澄石會"
    table = EntityTable("organization")
    table.add("chengshi-jiaoyi", 0, 7, "suffix")       # 澄石交易委員會
    forms = table.forms(key)
    table.add("chengshi-dianzi", 8, 13, "suffix")      # 澄石電子會
    table.add("muchuan", 14, 19, "suffix")             # 沐川澄石會

    def ending(first, last):
        return {(t, frozenset(ids)) for t, ids in forms.ending(first, last)}

    def by_reading(test):
        return {(key[s:e], frozenset({ent.id})) for ent in table.by_id.values() for s, e in ent.mentions
                if test(key[s:e])}

    assert ending("澄", "會") == by_reading(lambda t: t[0] == "澄" and t[-1] == "會") \
        == {("澄石交易委員會", frozenset({"chengshi-jiaoyi"})), ("澄石電子會", frozenset({"chengshi-dianzi"}))}
    holding = {t for t, _ in forms.holding("澄", "會")}
    assert holding == {"澄石交易委員會", "澄石電子會", "沐川澄石會"}
    assert {t for t, _ in forms.holding("電", "會")} == {"澄石電子會"}
    table.merge("chengshi-dianzi", "chengshi-jiaoyi")   # a string now another entity's
    assert ending("澄", "會") == by_reading(lambda t: t[0] == "澄" and t[-1] == "會")
    assert dict(forms.ending("澄", "會"))["澄石電子會"] == {"chengshi-jiaoyi": 1}
    table.drop_mention("chengshi-jiaoyi", 8, 13)        # gone: out of every index
    assert {t for t, _ in forms.holding("電", "會")} == set() and ("電", "會") not in forms.chars
    assert ending("沐", "會") == {("沐川澄石會", frozenset({"muchuan"}))} and forms.ending("川", "石") == []
