"""People._region_words: a body of a company's board (董事会, 执行委员会) between a joiner
of posts (暨, 兼) and the second title is the first post's organisation's, so it counts as
the gap's words; the same body with no joiner right before it does not (key view)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from service.extractors.people import People

# A stand-in for the extractor: every span is blocked (an organisation's name), so only the
# joined-body rule can accept it.
BLOCKING = SimpleNamespace(_blocked=lambda doc, s, e: True, _blocked_people=lambda doc, s, e: False,
                           title_modifiers=())

CASES = [
    # (note, key, body, accepted)
    ("an executive committee right after 兼", "星光电视监事会主席兼执行委员会副主席林宛蓉", "执行委员会", True),
    ("an executive committee right after 暨 (its key view)", "星光电视监事会主席暨执行委员会副主席林宛蓉", "执行委员会", True),
    ("the same committee with no joiner before it", "星光电视执行委员会副主席林宛蓉", "执行委员会", False),
    ("a board with no joiner before it", "星光电视监事会主席林宛蓉", "监事会", False),
]


@pytest.mark.parametrize("note,key,body,accepted", CASES, ids=[c[0] for c in CASES])
def test_joined_body_needs_the_joiner(note, key, body, accepted):
    start = key.index(body)
    doc = SimpleNamespace(key=key)
    assert People._region_words(BLOCKING, doc, start, start + len(body)) is accepted
