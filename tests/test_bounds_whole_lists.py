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
