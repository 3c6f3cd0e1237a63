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


# The index of mentions by start and end (first_end, ends_at, overlapping, Entity.has):
# the same answers as reading the entity's list, whether it has a few mentions (read
# from the list) or many (read from the index), through adds, merges, drops and without.
def _by_list(ent, start, end):
    return (next((e for s, e in ent.mentions if s == start), None),
            next((e for s, e in ent.mentions if s == start and e < end), None),
            any(e == end for _, e in ent.mentions),
            [m for m in ent.mentions if m[0] < end and m[1] > start],
            (start, end) in ent.mentions)


def _by_index(table, ent, start, end):
    return (table.first_end(ent, start), table.first_end(ent, start, below=end), table.ends_at(ent, end),
            table.overlapping(ent, start, end), ent.has(start, end))


def test_the_mention_index_answers_as_the_list_does_through_every_change():
    import random
    r = random.Random(19)
    table = EntityTable("organization")
    ids = ["qinghe", "xingchen", "yuanfeng", "yunshan"]
    for step in range(1_500):
        id_, start = r.choice(ids), r.randrange(200)
        end = start + r.randint(1, 6)
        move = r.random()
        if move < 0.7 or id_ not in table.by_id:
            table.add(id_, start, end, "suffix")
        elif move < 0.95:
            table.drop_mention(id_, *r.choice(table.by_id[id_].mentions))
        elif len(table.by_id) > 1:
            into = r.choice([i for i in table.by_id if i != id_])
            table.merge(id_, into)
            ids = [i for i in ids if i != id_] + [f"{id_}{step}"]
        if step % 50 == 0 and len(table.by_id) > 1:
            table = table.without({r.choice(list(table.by_id))}) if r.random() < 0.3 else table
        for ent in table.by_id.values():
            for _ in range(3):
                a = r.randrange(205)
                b = a + r.randint(1, 8)
                assert _by_index(table, ent, a, b) == _by_list(ent, a, b), (step, ent.id, a, b)
    assert max(len(e.mentions) for e in table.by_id.values()) > EntityTable.FEW   # the index was asked


def test_first_end_keeps_the_lists_order_when_one_start_has_two_ends():
    table = EntityTable("organization")
    for i in range(EntityTable.FEW + 2):
        table.add("qinghe", 10 * i + 100, 10 * i + 102, "suffix")
    table.add("qinghe", 0, 5, "suffix")
    table.add("qinghe", 0, 3, "suffix")   # 青禾機器人 then 青禾機: the first added comes first
    ent = table.by_id["qinghe"]
    assert table.first_end(ent, 0) == 5 and table.first_end(ent, 0, below=5) == 3
    assert table.overlapping(ent, 2, 4) == [(0, 5), (0, 3)]
    ent.mentions.sort()   # as ordered() does: the list's order is the answer's order
    assert table.first_end(ent, 0) == 3 and table.overlapping(ent, 2, 4) == [(0, 3), (0, 5)]


def test_mention_starts_knows_the_strings_where_mentions_start_as_the_table_changes():
    table = EntityTable("organization")
    table.add("qinghe", 0, 5, "suffix")   # 青禾機器人
    starts = table.prefixes(KEY)
    assert starts.starts("青禾") and starts.starts("青禾機器人與") and not starts.starts("禾機")
    assert not starts.starts("星辰")
    table.add("xingchen", 6, 10, "suffix")
    assert starts.starts("星辰") and starts.starts("星辰智")
    table.add("xingchen-zhi", 6, 8, "suffix")   # two mentions start there: one dropped, one stays
    table.drop_mention("xingchen", 6, 10)
    assert starts.starts("星辰")
    table.drop_mention("xingchen-zhi", 6, 8)
    assert not starts.starts("星辰") and not starts.starts("星辰智")
    table.merge("qinghe", "xingchen-zhi") if "xingchen-zhi" in table.by_id else None
    table.add("yunshan", 16, 20, "suffix")
    assert starts.starts("云杉数据") and not starts.starts("云杉数据库")   # past the text's end
    assert table.prefixes(KEY) is starts
    with pytest.raises(ValueError):
        table.prefixes(KEY + "。")


def test_the_index_reads_one_entitys_many_mentions_without_walking_them():
    # one entity with a mention per clause, asked about each of them: linear calls
    from tests.work_count import assert_linear

    def ask(text):
        n = len(text)
        table = EntityTable("organization")
        for i in range(n):
            table.add("qinghe", 4 * i, 4 * i + 2, "suffix")
            ent = table.by_id["qinghe"]
            table.first_end(ent, 4 * i)
            table.ends_at(ent, 4 * i + 2)
            table.overlapping(ent, 4 * i + 1, 4 * i + 3)
            table.drop_mention("qinghe", 4 * i, 4 * i + 2) if i % 3 == 0 else None
        starts = table.prefixes("青禾" * (2 * n))
        return [starts.starts("青禾") for _ in range(n)]

    assert_linear(ask, lambda n: "青" * n, 500, 2_000)


def test_touching_gives_every_mention_that_shares_a_character_with_a_window():
    table = EntityTable("organization")
    table.add("qinghe-group", 0, 6, "suffix")     # runs into the window from before it
    table.add("qinghe", 0, 2, "kb")              # ends before the window
    table.add("nanling", 7, 9, "place")          # inside it
    table.add("nanling-mission", 5, 12, "gov")   # runs past its end
    table.add("donglin", 12, 14, "place")        # starts where it ends
    assert sorted(table.touching(5, 12)) == [(0, 6, "qinghe-group"), (5, 12, "nanling-mission"),
                                             (7, 9, "nanling")]
    table.drop_mention("nanling", 7, 9)
    assert sorted(table.touching(5, 12)) == [(0, 6, "qinghe-group"), (5, 12, "nanling-mission")]
    assert table.touching(2, 3) == [(0, 6, "qinghe-group")]
