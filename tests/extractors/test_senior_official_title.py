"""長官/长官 (titles.yaml) is a senior official's title, no Minister's: a ministry's (交通部長官)
as much as an army's (軍方長官) or a unit's (部隊長官). Invented names."""
from __future__ import annotations

import pytest

from service.kb import knowledge_base as get_kb
from service.pipeline import get_pipeline


@pytest.mark.parametrize("form", ["長官", "长官"])
def test_the_form_is_a_senior_officials_title(form):
    kb = get_kb()
    assert kb.title_of(form) == "Senior Official"
    assert kb.title_of("部長" if form == "長官" else "部长") == "Minister"


@pytest.mark.parametrize("text,title,org", [
    ("星河國軍方長官王志明12日表示，演習將照常舉行。", "長官", "xingheguojunfang"),
    ("星河国部队长官王志明昨日表示，演习将照常举行。", "长官", "xingheguobudui"),
])
def test_a_military_officer_keeps_the_title_read_in_the_text(text, title, org):
    people = get_pipeline().extract(text)["participants"]
    assert [(p["name"], p["title"], p["organization"]) for p in people] == [("王志明", title, org)]
    assert get_kb().title_of(people[0]["title"]) != "Minister"
