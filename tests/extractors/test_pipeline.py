"""Properties of the pipeline as a whole: offsets, scripts, ids, threads, confidence."""
from __future__ import annotations

import copy
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import opencc
import pytest

from service.pipeline import DeadlineExceeded, get_pipeline

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


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


def _twenty_articles() -> list[str]:
    """The seed and the fixture corpus's articles; padded with pieces of the seed
    should the corpus hold fewer than nineteen."""
    texts = [SEED] + [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    step = len(SEED) // 20
    texts += [SEED[i * step:(i + 3) * step] for i in range(20)]
    return texts[:20]


def test_twenty_threads_give_the_same_results_as_one():
    """Twenty threads, each on a different article, all started at once (twice
    each), give exactly what one thread gives."""
    texts = _twenty_articles()
    assert len(set(texts)) == 20
    pipeline = get_pipeline()
    expected = [pipeline.extract(t, doc_id=str(i)) for i, t in enumerate(texts)]
    start = threading.Barrier(len(texts))

    def run(i: int) -> list[dict]:
        start.wait(timeout=60)
        return [pipeline.extract(texts[i], doc_id=str(i)) for _ in range(2)]

    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        got = list(pool.map(run, range(len(texts))))
    for i, results in enumerate(got):
        assert results == [expected[i], expected[i]], f"article {i} differs under threads"


# ---------------------------------------------------------------- the deadline

def _with_components(pipeline, components):
    """A shallow copy of the pipeline (same heavy state) running other components."""
    clone = copy.copy(pipeline)
    clone.components = components
    return clone


class _Stage:
    """A stand-in component that records that it ran and may take its time."""

    reads = writes = ()

    def __init__(self, name: str, ran: list, seconds: float = 0.0):
        self.name, self.ran, self.seconds = name, ran, seconds

    def __call__(self, doc) -> None:
        self.ran.append(self.name)
        time.sleep(self.seconds)


def test_no_deadline_and_a_distant_one_change_nothing():
    p = get_pipeline()
    far = time.monotonic() + 3600
    assert p.extract(SEED, deadline=far) == p.extract(SEED) == p.extract(SEED, deadline=None)


def test_a_passed_deadline_stops_before_the_document_is_built():
    with pytest.raises(DeadlineExceeded) as info:
        get_pipeline().process(SEED, deadline=time.monotonic() - 1)
    assert info.value.stage == "document"
    assert info.value.overrun >= 1


def test_the_deadline_is_checked_between_components():
    ran: list[str] = []
    p = _with_components(get_pipeline(), [_Stage("first", ran), _Stage("slow", ran, 0.2),
                                          _Stage("after", ran)])
    with pytest.raises(DeadlineExceeded) as info:
        p.process("文字", deadline=time.monotonic() + 0.1)
    assert ran == ["first", "slow"]
    assert info.value.stage == "after"


def test_the_deadline_is_checked_before_serialising():
    # A deadline that passes during the last component: no Result is built.
    ran: list[str] = []
    p = _with_components(get_pipeline(), [*get_pipeline().components, _Stage("slow", ran, 0.2)])
    with pytest.raises(DeadlineExceeded) as info:
        p.extract("文字", deadline=time.monotonic() + 0.1)
    assert info.value.stage == "serialize"


def test_observers_still_see_each_component_with_a_deadline():
    seen: list[str] = []
    p = _with_components(get_pipeline(), list(get_pipeline().components))
    p._observers = ()
    p.observe_components(lambda name, seconds: seen.append(name))
    p.extract("星辰智能執行長孫嘉禾表示看好。", deadline=time.monotonic() + 60)
    assert seen == [c.name for c in get_pipeline().components]


def _state(obj, depth: int = 2) -> dict:
    """The attributes of a component (and of the helper objects it holds), by identity."""
    out = {}
    for name, value in vars(obj).items():
        out[name] = id(value)
        if depth and hasattr(value, "__dict__") and not isinstance(value, type):
            out.update({f"{name}.{k}": v for k, v in _state(value, depth - 1).items()})
    return out


def test_components_keep_no_state_of_a_document():
    """One pipeline serves every thread: a component that stored something of the
    document it is reading (the one-off event finder once kept the series' offsets
    on itself) would let one thread's document leak into another's."""
    pipeline = get_pipeline()
    pipeline.extract(SEED)
    before = {c.name: _state(c) for c in pipeline.components}
    for text in _twenty_articles()[:5]:
        pipeline.extract(text)
    after = {c.name: _state(c) for c in pipeline.components}
    assert after == before
