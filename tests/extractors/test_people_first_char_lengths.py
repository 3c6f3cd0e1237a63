"""People's look-ups of followers, speech verbs and surnames slice only the lengths a word
starting with the character at hand has (lengths_by_first). They answer as the slices of
every length of the lexicon did, at every position, the text's end included (where a
slice is truncated)."""
from __future__ import annotations

import pytest

from service.extractors.people import People, lengths_by_first
from service.pipeline import get_pipeline


def test_lengths_by_first():
    assert lengths_by_first({"說", "表示", "表明", "表示說", ""}) == {"說": (1,), "表": (2, 3)}
    assert lengths_by_first({"表示", "表示說"}, longest_first=True) == {"表": (3, 2)}


@pytest.fixture(scope="module")
def people() -> People:
    return next(c for c in get_pipeline().components if isinstance(c, People))


TEXTS = ["王偉表示", "趙澄清致詞說", "歐陽明遠指出，佐佐木表示", "而孫嘉禾說：長谷川", "長谷", "表"]


@pytest.mark.parametrize("text", TEXTS)
def test_same_answers_as_every_length(people, text):
    followers, verbs, surnames = people.followers, people.kb.speech_verbs, people.surnames
    follower_lengths = sorted({len(f) for f in followers})
    verb_lengths = sorted({len(v) for v in verbs}, reverse=True)
    for i in range(len(text) + 1):
        assert people._follower_at(text, i) == any(text[i:i + n] in followers for n in follower_lengths)
        assert people._speech_verb_at(text, i) == any(text[i:i + n] in verbs for n in verb_lengths)
        slow_surname = next((n for n in (3, 2) if len(text[i:i + n]) == n and text[i:i + n] in surnames),
                            1 if text[i:i + 1] in surnames else 0)
        assert people._surname_len(text, i) == slow_surname
