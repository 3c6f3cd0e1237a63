"""How the evaluator matches events: series by id, one-off events by the words
the text calls them or by their day, and a claimed `event: null`."""
from __future__ import annotations

from service.evaluate import _same_event, evaluate_article


def _got(name, date=None, organizer=None, mentions=()):
    return {"id": "x", "name": name, "date": date, "organizer": organizer,
            "mentions": [{"start": 0, "end": len(m), "text": m} for m in mentions]}


def test_a_series_matches_by_id_only():
    assert _same_event({"id": "computex-2024"}, {"id": "computex-2024", "name": "x"})
    assert not _same_event({"id": "computex-2024", "name": "Computex 2024"},
                           _got("Computex 2024"))


def test_a_one_off_matches_by_a_mention_of_it():
    want = {"name": "星辰智能新品發表會", "aliases": ["發表會"]}
    assert _same_event(want, _got("Xingchen launch", mentions=["發表會"]))
    assert _same_event(want, _got("Xingchen launch", mentions=["发表会"]))  # either script
    assert not _same_event(want, _got("Xingchen launch", mentions=["法說會"]))


def test_a_one_off_matches_by_its_day_unless_the_organiser_differs():
    want = {"name": "星辰智能法說會", "date": "2024-10-17", "organizer": None}
    assert _same_event(want, _got("Xingchen earnings call", date="2024-10-17"))
    assert not _same_event(want, _got("Xingchen earnings call", date="2024-10-18"))
    assert not _same_event({**want, "date": "2024-10"}, _got("x", date="2024-10"))
    assert not _same_event({**want, "organizer": "a"}, _got("x", date="2024-10-17", organizer="b"))


def _result(event):
    return {"event": event, "events": [event] if event else []}


def test_a_claimed_null_event_is_right_only_when_none_is_given():
    expected = {"event": None, "events": [{"name": "驍龍技術峰會"}]}
    assert evaluate_article("a", expected, _result(None)).primary_right is True
    got = _got("驍龍技術峰會", mentions=["驍龍技術峰會"])
    assert evaluate_article("a", expected, _result(got)).primary_right is False


def test_without_a_claim_the_first_event_is_the_primary_one():
    expected = {"events": [{"name": "驍龍技術峰會"}]}
    got = _got("驍龍技術峰會", mentions=["驍龍技術峰會"])
    assert evaluate_article("a", expected, _result(got)).primary_right is True
    assert evaluate_article("a", expected, _result(None)).primary_right is False


def test_a_broad_alias_does_not_take_the_name_another_event_needs():
    # 技術論壇 (an alias of the first) also matches 北美技術論壇 by overlap; a pairing
    # taken first come would leave the second annotated forum unmatched.
    expected = {"events": [{"name": "東岸夏季場技術論壇", "aliases": ["技術論壇"]},
                           {"name": "北美技術論壇", "aliases": []}]}
    result = {"event": None, "events": [_got("北美技術論壇"), _got("东岸夏季场技术论坛")]}
    score = evaluate_article("a", expected, result).scores["events"]
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


def test_the_pairing_keeps_first_come_pairs_when_nothing_is_gained():
    from service.evaluate import _match
    same = lambda w, g: w[0] == g[0]  # noqa: E731
    wanted, got = ["a1", "a2", "b1"], ["a9", "b9", "a8"]
    assert _match(wanted, got, same) == [("a1", "a9"), ("a2", "a8"), ("b1", "b9")]
    assert _match(["a1", "a2"], ["a9"], same) == [("a1", "a9"), ("a2", None)]
    # a chain: x takes the only item y matches, y finds it through x's other choice
    links = {("x", 1), ("x", 2), ("y", 1), ("z", 2), ("z", 3)}
    pairs = _match(["x", "y", "z"], [1, 2, 3], lambda w, g: (w, g) in links)
    assert pairs == [("x", 2), ("y", 1), ("z", 3)]


def test_a_name_pairs_before_an_overlap_of_equal_count():
    expected = {"events": [{"name": "東岸夏季場技術論壇", "aliases": ["技術論壇"]},
                           {"name": "南美技術論壇", "aliases": []},
                           {"name": "北歐技術論壇", "aliases": []}]}
    result = {"event": None, "events": [_got("星河電年度技術論壇", date="2024-05-02"),
                                        _got("北欧技术论坛")]}
    expected["events"][0]["date"] = "2024-05-02"
    report = evaluate_article("a", expected, result)
    assert report.misses["events"] == ["missed 南美技術論壇"]
