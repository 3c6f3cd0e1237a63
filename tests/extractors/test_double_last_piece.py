"""People._last_pieces: a double-barrelled last piece (罗莎·费兰-奥尔蒂): the piece written
again later (费兰-奥尔蒂, 费兰- 奥尔蒂) or either half alone (奥尔蒂) is the same person, not a
person of their own; two people sharing a half leave it to neither. Invented names and texts."""
from __future__ import annotations

import pytest

from service.pipeline import get_pipeline

CASES = [
    # (note, text, the people expected: each as its name, forms that must not be a person of their own)
    ("the double piece repeated (Simplified)",
     "渔业协会会长罗莎·费兰-奥尔蒂周三宣布新规。费兰-奥尔蒂（Ferran-Orti）表示规则下月生效。",
     ["罗莎·费兰-奥尔蒂"], ["费兰", "奥尔蒂"]),
    ("the double piece repeated with a space (Traditional)",
     "漁業協會會長羅莎·費蘭-奧爾蒂週三宣布新規。費蘭- 奧爾蒂表示規則下月生效。",
     ["羅莎·費蘭-奧爾蒂"], ["費蘭", "奧爾蒂"]),
    ("the second half alone (Simplified)",
     "植物学家托马斯·巴格雷-内维尔发现新种兰花。内维尔称，花期只有三天。",
     ["托马斯·巴格雷-内维尔"], ["内维尔"]),
    ("the second half alone (Traditional)",
     "植物學家托馬斯·巴格雷-內維爾發現新種蘭花。內維爾稱，花期只有三天。",
     ["托馬斯·巴格雷-內維爾"], ["內維爾"]),
]


@pytest.mark.parametrize("note,text,names,not_alone", CASES, ids=[c[0] for c in CASES])
def test_double_last_piece(note, text, names, not_alone):
    found = get_pipeline().extract(text)["participants"]
    got = [p["name"] for p in found]
    for name in names:
        assert name in got, (note, got)
    for form in not_alone:
        assert form not in got, (note, got)


@pytest.mark.parametrize("text,both", [
    ("调查员莉娜·卡索-布朗与律师马克·韦斯-布朗出庭。", ["莉娜·卡索-布朗", "马克·韦斯-布朗"]),
    ("調查員莉娜·卡索-布朗與律師馬克·韋斯-布朗出庭。", ["莉娜·卡索-布朗", "馬克·韋斯-布朗"]),
])
def test_two_people_sharing_a_half_stay_two(text, both):
    """(negative) a half two people's names share merges neither into the other"""
    got = [p["name"] for p in get_pipeline().extract(text)["participants"]]
    for name in both:
        assert name in got, got
