"""該公司 / 该公司: one list and one resolver for quotes and employment (org_anaphora)."""
from __future__ import annotations

from pathlib import Path

import yaml

from service.extractors.org_anaphora import MAX_ANTECEDENT_SCAN, ORG_ANAPHORS
from service.pipeline import get_pipeline


def test_one_list():
    """The quote cues keep no list of their own: quotes and employment read ORG_ANAPHORS."""
    from service.extractors import employment, quotes
    assert employment.ORG_ANAPHORS is ORG_ANAPHORS and quotes.ORG_ANAPHORS is ORG_ANAPHORS
    cues = yaml.safe_load((Path(quotes.__file__).parents[1] / "kb" / "data" / "quote_cues.yaml").read_text("utf-8"))
    assert "org_anaphors" not in cues


def _employer(text: str, name: str):
    result = get_pipeline().extract(text)
    return next(p for p in result["participants"] if p["name"] == name)["organization"]


def test_the_backward_scan_is_capped():
    """A company named further back than MAX_ANTECEDENT_SCAN characters in one long
    sentence is not read: the scan of each sentence is bounded."""
    filler = "，".join(["工厂又扩建了一座厂房"] * (MAX_ANTECEDENT_SCAN // 10 + 2))
    near = "青禾科技周二发布了新款芯片。该公司总裁林远航表示，产能充足。"
    far = "青禾科技周二" + filler + "。该公司总裁林远航表示，产能充足。"
    assert _employer(near, "林远航") == "qinghekeji"
    assert _employer(far, "林远航") is None
