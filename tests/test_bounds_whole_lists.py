"""cap_size measures a list that fits whole with one encoding (bounds._size_if_within);
it must keep exactly what the walk item by item keeps."""
from __future__ import annotations

import copy
import random

import orjson
import pytest

from service import bounds


def _walk(result: dict, text: str) -> None:
    """The reference: every item measured on its own."""
    limit = bounds.result_limit(text)
    sections = [s for s in bounds.SECTIONS_IN_ORDER if isinstance(result.get(s), list)]
    used = bounds._size({**result, **{s: [] for s in sections}}) + bounds.WARNING_ROOM
    for section in sections:
        items, kept = result[section], []
        for i, item in enumerate(items):
            size = bounds._size(item) + 2
            if section == "events" and i == 0 and result.get("event") is not None:
                used += size
                kept.append(item)
                continue
            if used + size > limit:
                break
            used += size
            kept.append(item)
        result[section] = kept


@pytest.mark.parametrize("odd", ["\ud800", "", "-e"], ids=["lone-surrogate", "plain", "inf-nan"])
def test_whole_lists_keep_what_the_walk_keeps(monkeypatch, odd):
    """A lone surrogate makes orjson refuse every list; plain text lets the compact
    form decide; infinities and NaN are written longer by json.dumps than by orjson."""
    monkeypatch.setattr(bounds, "drop_dangling_references", lambda result: None)
    r = random.Random(12)
    cut = kept_all = 0
    values = [1e-05, 0.1, 3, None, 1e16, 10**20, -5.673651570592906e-08]
    if odd == "-e":
        values += [float("-inf"), float("nan"), float("inf")]
    for _ in range(300):
        result = {"warnings": [], "event": r.choice([None, "e"])}
        for s in bounds.SECTIONS_IN_ORDER:
            result[s] = [{"id": f"x{i}", "text": ("年y\u2028\n" + odd) * r.randint(0, 600),
                          "v": r.choice(values)}
                         for i in range(r.randint(0, 25))]
        text = "a" * r.randint(0, 15_000)
        expected, got = copy.deepcopy(result), copy.deepcopy(result)
        _walk(expected, text)
        bounds.cap_size(got, text)
        assert all(got[s] == expected[s] for s in bounds.SECTIONS_IN_ORDER)
        if all(expected[s] == result[s] for s in bounds.SECTIONS_IN_ORDER):
            kept_all += 1
            assert got["warnings"] == []
        else:
            cut += 1
    assert cut > 20 and kept_all > 20, (cut, kept_all)


class _Str(str):
    pass


def _value(r: random.Random, depth: int = 0):
    """A random JSON-able value of the kinds a Result holds, and a few it never does."""
    leaves = [lambda: r.choice(["", "年", "a\"b\\c", "\n\t\x01\x7f", "\u2028𠀀", "\ud800", _Str("s")]),
              lambda: r.choice([0, -7, 2**63 - 1, -2**63, 2**64, -2**70, True, False, None]),
              lambda: r.choice([0.0, -0.0, 0.75, 1e-05, 5e-324, 1e16, 1e15, 123.456, float("inf"),
                                float("nan"), r.uniform(-1, 1) * 10 ** r.uniform(-8, 20)])]
    if depth < 3 and r.random() < 0.4:
        n = r.randint(0, 4)
        if r.random() < 0.5:
            return {r.choice(["k", "年", "a b"]) + str(i): _value(r, depth + 1) for i in range(n)}
        items = [_value(r, depth + 1) for _ in range(n)]
        return tuple(items) if r.random() < 0.2 else items
    return r.choice(leaves)()


def test_item_size_is_the_json_size():
    """The fast measure of one item is json.dumps's size, whatever the item holds."""
    r = random.Random(13)
    for _ in range(5000):
        value = _value(r)
        assert bounds._item_size(value) == bounds._size(value), value


def test_item_size_of_every_fixture_item():
    from pathlib import Path
    from service.pipeline import get_pipeline
    pipeline = get_pipeline()
    root = Path(__file__).resolve().parents[1]
    texts = sorted((root / "fixtures" / "articles").glob("*.txt")) + sorted((root / "seeds").glob("*.txt"))
    items = 0
    for path in texts:
        result = pipeline.extract(path.read_text(encoding="utf-8"))
        for section in bounds.SECTIONS_IN_ORDER:
            for item in result.get(section) or ():
                assert bounds._item_size(item) == bounds._size(item), item
                items += 1
    assert items > 500


def test_size_at_most_never_under_counts_odd_values():
    """cap_size's early bound, over values a Result may hold and a few it never does
    (infinities and NaN, subclasses, integers past 64 bits, lone surrogates)."""
    r = random.Random(14)
    for _ in range(5000):
        value = _value(r)
        assert bounds._size_at_most(value) >= bounds._size(value), value
    for odd in ([float("-inf")], {"v": float("inf")}, [float("nan"), -5.673651570592906e-08]):
        assert bounds._size_at_most(odd) >= bounds._size(odd), odd


def test_size_at_most_with_room_never_under_counts():
    """With `room` (what cap_size passes), the loose bound it may return in place of
    the counted one is never under the size either, at every room around the size."""
    r = random.Random(15)
    values = [_value(r) for _ in range(3000)] + [[None] * 40, {"a": [1e-09] * 9, "b:": ",,"}]
    for value in values:
        size = bounds._size(value)
        for room in {0, size // 2, size - 1, size, size + 1, 2 * size, 3 * size, 10 * size + 20}:
            got = bounds._size_at_most(value, room)
            assert got >= size or got > room, (value, room)


def test_strings_take_the_same_bytes_in_both_encoders():
    """What _item_size and _size_at_most rely on: orjson and json.dumps (ensure_ascii
    off) write every code point but lone surrogates in the same number of bytes."""
    import json
    for start in range(0, 0x110000, 0x1000):
        chars = [chr(c) for c in range(start, start + 0x1000) if not 0xD800 <= c < 0xE000]
        assert [len(orjson.dumps(c)) for c in chars] == [
            len(json.dumps(c, ensure_ascii=False).encode("utf-8")) for c in chars], hex(start)
