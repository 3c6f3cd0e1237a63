"""ListMates._nearest_category (product_list_mates.py): a closed list whose noun gives no kind
(等产品) takes the kind of the nearest product mention before it within 60 characters that has
one, mentions sorted by start once and bisected (no scan of every mention per list)."""
from __future__ import annotations

from types import SimpleNamespace

from service.extractors.product_list_mates import ListMates


def _m(start, category):
    return SimpleNamespace(start=start, category=category)


def test_the_nearest_mention_with_a_kind():
    ms = sorted([_m(5, "hardware"), _m(30, "software"), _m(50, None), _m(90, "app")], key=lambda m: m.start)
    starts = [m.start for m in ms]
    get = lambda m: m.category
    assert ListMates._nearest_category(ms, starts, 60, get) == "software"    # 50 has none: 30 is nearest
    assert ListMates._nearest_category(ms, starts, 95, get) == "app"
    assert ListMates._nearest_category(ms, starts, 200, get) is None         # none within 60
    assert ListMates._nearest_category(ms, starts, 5, get) is None           # none before
