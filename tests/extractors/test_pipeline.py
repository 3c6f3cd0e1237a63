"""Properties of the pipeline as a whole: offsets, scripts, ids, threads, confidence."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import opencc
import pytest

from service.pipeline import get_pipeline

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")


def test_views_keep_length():
    doc = get_pipeline().process("ＡＢＣ１２３，黃仁勳　說")
    assert len(doc.norm) == len(doc.key) == len(doc.text)
    assert doc.norm == "ABC123,黄仁勋 说"


@pytest.mark.parametrize("text,script", [
    ("輝達執行長黃仁勳表示,這是新時代。", "traditional"),
    ("英伟达首席执行官黄仁勋表示,这是新时代。", "simplified"),
    ("輝達執行長黃仁勳表示,这是新时代的开始,我们会继续努力。", "mixed"),
    ("NVIDIA CEO Jensen Huang said so.", "none"),
])
def test_script(text, script):
    assert get_pipeline().extract(text)["document"]["script"] == script


def test_both_scripts_give_the_same_ids():
    """The seed in Simplified (OpenCC t2s) gives the same entities and events."""
    simplified = opencc.OpenCC("t2s").convert(SEED)
    assert len(simplified) == len(SEED)
    trad = get_pipeline().extract(SEED)
    simp = get_pipeline().extract(simplified)
    for section in ("participants", "organizations", "events"):
        assert [x["id"] for x in simp[section]] == [x["id"] for x in trad[section]], section
    assert simp["document"]["script"] == "simplified"


def test_open_world_ids_do_not_depend_on_script():
    a = get_pipeline().extract("星辰智能執行長孫嘉禾表示,公司將推出新模型。")
    b = get_pipeline().extract("星辰智能执行长孙嘉禾表示,公司将推出新模型。")
    assert [p["id"] for p in a["participants"]] == [p["id"] for p in b["participants"]] == ["sun-jiahe"]
    assert a["participants"][0]["name"] == "孫嘉禾" and b["participants"][0]["name"] == "孙嘉禾"


def test_confidence_follows_evidence():
    """A knowledge-base person named with a title outranks a name that only
    the segmenter's tag suggested."""
    result = get_pipeline().extract("輝達執行長黃仁勳表示看好。會後,吳志明和朋友去吃飯。")
    conf = {p["name"]: p["confidence"] for p in result["participants"]}
    assert conf["黃仁勳"] > 0.9
    assert conf.get("吳志明", 0) < conf["黃仁勳"]
    assert len(set(conf.values())) == len(conf)


def test_threads_give_the_same_results_as_one():
    texts = [SEED, SEED[:2000], SEED[2000:], "星辰智能執行長孫嘉禾表示,公司將推出新模型。"] * 5
    pipeline = get_pipeline()
    expected = [pipeline.extract(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(pipeline.extract, texts))
    assert got == expected
