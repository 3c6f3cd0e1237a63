"""cap_size measures a list that fits whole with one encoding (bounds._size_if_within);
it must keep exactly what the walk item by item keeps."""
from __future__ import annotations

import copy
import random

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


def test_whole_lists_keep_what_the_walk_keeps(monkeypatch):
    monkeypatch.setattr(bounds, "drop_dangling_references", lambda result: None)
    r = random.Random(12)
    cut = kept_all = 0
    for _ in range(300):
        result = {"warnings": [], "event": r.choice([None, "e"])}
        for s in bounds.SECTIONS_IN_ORDER:
            result[s] = [{"id": f"x{i}", "text": "年y\u2028\n\ud800" * r.randint(0, 600),
                          "v": r.choice([1e-05, 0.1, 3, None, 1e16, 10**20])}
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
