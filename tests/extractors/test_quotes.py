"""Quotes: the hand-written case table (cases/quotes.yaml) through the whole
pipeline, hostile marks through the extractor alone, and the seed's quotes.

A case may carry `known_gap: <reason>`: it then runs as a strict xfail (tests/cases.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from service.extractors.entities import EntityTable
from service.extractors.quotes import MAX_QUOTE_CHARS, Quotes, find_pairs
from service.nlp.document import build_document
from service import serialize
from service.pipeline import get_pipeline
from tests.cases import case_params, load_table
from tests.work_count import assert_linear

CASES = Path(__file__).parent / "cases" / "quotes.yaml"
SEED = (Path(__file__).resolve().parents[2] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")


def _check_quote(result: dict, got: dict, want: dict) -> None:
    assert got["text"] == want["text"]
    text_span = got["span"]
    assert text_span["text"] == got["text"]
    if "speaker" in want and want["speaker"] is None:
        assert got["speaker"] is None, (got["speaker"], got["speaker_name"])
        if "speaker_name" in want:      # an organisation speaks: its name, no person
            assert got["speaker_name"] == want["speaker_name"]
        else:
            assert got["speaker_name"] is None and got["speaker_span"] is None
    elif "speaker" in want:
        assert got["speaker"] == want["speaker"], got["speaker_name"]
    if "speaker_name" in want and want.get("speaker", "") is not None:
        assert got["speaker_name"] == want["speaker_name"], got["speaker"]
        person = next((p for p in result["participants"] if p["id"] == got["speaker"]), None)
        assert person is not None, f"speaker {got['speaker']} is not among the participants"
    if got["speaker"] is not None:
        assert got["speaker"] in {p["id"] for p in result["participants"]}
        assert got["speaker_span"] is not None
    if "speaker_span" in want:
        assert got["speaker_span"]["text"] == want["speaker_span"]
    assert got["cue"] == want["cue"]
    if want["cue"] is None:
        assert got["cue_span"] is None
    else:
        assert got["cue_span"]["text"] == want["cue"]
    assert 0 <= got["confidence"] <= 1


@pytest.mark.parametrize("case", case_params(CASES))
def test_quote_cases(case, assert_valid_result):
    text = case["text"]
    result = get_pipeline().extract(text)
    assert_valid_result(result, text)
    quotes = result["quotes"]
    wanted = case.get("quotes") or []
    assert [q["text"] for q in quotes] == [w["text"] for w in wanted]
    for got, want in zip(quotes, wanted):
        _check_quote(result, got, want)
    for banned in case.get("not_quotes") or []:
        assert banned not in [q["text"] for q in quotes], f"{banned} came out as a quote"


def test_case_table_is_large_and_in_both_scripts():
    opencc = pytest.importorskip("opencc")
    t2s = opencc.OpenCC("t2s")
    cases = load_table(CASES)
    assert len(cases) >= 60
    simplified = sum(1 for c in cases if t2s.convert(c["text"]) == c["text"])
    assert simplified >= len(cases) // 3 and len(cases) - simplified >= len(cases) // 3


# ---------------------------------------------------------------- the seed

SEED_SPEECH = [
    ("未來是一個人人都有自己的AI代理人的時代", None),
    ("扎克看著真健壯", "jensen-huang"),
    ("你看起來也挺男人的。", "mark-zuckerberg"),
    ("你的頭髮變白了,我的頭髮只是變長了。", "mark-zuckerberg"),
    ("你的頭髮明明變捲了。", "jensen-huang"),
    ("能讓所有人使用AI技術。", "jensen-huang"),
    ("讓我談論封閉的平台,我就會生氣。", "mark-zuckerberg"),
    ("開源是智商稅", "robin-li"),
    ("我們為什麼要做大模型?", "robin-li"),
    ("就像我身上穿的皮衣", "jensen-huang"),
]
SEED_SCARE = ["與子同袍", "競技場", "球衣", "淘金鏟子", "外星人", "爐邊談話", "開源", "AI工廠", "智商稅"]


@pytest.fixture(scope="module")
def seed_quotes():
    return get_pipeline().extract(SEED)["quotes"]


def test_seed_quotes_and_speakers(seed_quotes):
    assert len(seed_quotes) == len(SEED_SPEECH)
    for got, (start, speaker) in zip(seed_quotes, SEED_SPEECH):
        assert got["text"].startswith(start)
        assert got["speaker"] == speaker, got["text"]


def test_seed_scare_quotes_are_not_quotes(seed_quotes):
    texts = {q["text"] for q in seed_quotes}
    assert not texts & set(SEED_SCARE)


def test_seed_pronoun_points_at_the_pronoun(seed_quotes):
    robin = next(q for q in seed_quotes if q["text"].startswith("我們為什麼"))
    assert robin["speaker_span"]["text"] == "他"
    assert robin["speaker_name"] == "李彥宏"
    assert robin["cue"] == "還說了一句"


def test_confidence_follows_evidence(seed_quotes):
    """A named speaker beside a colon and a cue is surer than a cue clauses
    away or a pronoun; no constant."""
    conf = {q["text"][:6]: q["confidence"] for q in seed_quotes}
    assert conf["你的頭髮明明"] > conf["我們為什麼要"] > conf["能讓所有人使"]
    assert len(set(conf.values())) > 3


# ---------------------------------------------------------------- hostile input

def _quotes_alone(text: str) -> list[dict]:
    """Run the quote extractor alone (its inputs empty) on a raw document."""
    pipeline = get_pipeline()
    doc = build_document(text, pipeline.segmenter)
    doc.layers["people"] = EntityTable("person")
    doc.layers["organizations"] = EntityTable("organization")
    Quotes(pipeline.kb, pipeline.segmenter)(doc)
    return serialize.quotes(doc, doc.layers["quotes"])


# A name the people table lacks (the extractor alone: no person found) after a job title or a
# noun of a person is the speaker's name: one word the tagger reads as a name, or a
# transliteration it cuts in pieces, joined; a plural or a time word is no name.
@pytest.mark.parametrize("text, name", [
    ("星辰電信偵查員巴特勒指出，「這類簡訊通常就是詐騙的前兆。」", "巴特勒"),
    ("星辰艺术节主办人瓦伦蒂萨表示，“今年的展览会准时开幕。”", "瓦伦蒂萨"),
    ("星辰劇場主持人塔拉諾維奇說：「我們下個月加演兩場。」", "塔拉諾維奇"),
    ("星辰航空乘客巴特勒也說，「我本來以為這輩子都坐不上這班飛機。」", "巴特勒"),
    ("星辰航空的乘客們說，「我們等了三個小時。」", None),
    ("星辰智能執行長今天表示：「明年會推出新模型。」", None),
])
def test_titled_name_no_table_knows(text, name):
    quotes = _quotes_alone(text)
    assert len(quotes) == 1
    assert quotes[0]["speaker"] is None
    assert quotes[0]["speaker_name"] == name


def _valid(quotes: list[dict], text: str) -> None:
    for q in quotes:
        for span in (q["span"], q["cue_span"], q["speaker_span"]):
            if span is not None:
                assert text[span["start"]:span["end"]] == span["text"]
        assert q["span"]["end"] - q["span"]["start"] <= MAX_QUOTE_CHARS


@pytest.mark.parametrize("text", [
    "“" * 100_000,
    "”" * 100_000,
    "「」『』“”‘’\"" * 11_112,
    "」「" * 50_000,
    ("孫嘉禾說:「好" + "“」『" * 3) * 10_000,
], ids=["openers", "closers", "every-mark", "reversed-pairs", "mixed-with-text"])
def test_hostile_unbalanced_marks(text):
    quotes = _quotes_alone(text)
    _valid(quotes, text)


@pytest.mark.parametrize("closed", [False, True], ids=["open", "balanced"])
def test_hostile_deep_nesting(closed):
    opens = "「「「『『" * 1_000
    text = "孫嘉禾說:" + opens + "好。"
    if closed:
        text += "".join({"「": "」", "『": "』"}[c] for c in reversed(opens))
    quotes = _quotes_alone(text)
    _valid(quotes, text)
    if closed:
        assert len(quotes) <= 1


@pytest.mark.parametrize("text", [
    "“" * 100_000,
    "「」『』“”‘’\"" * 11_112,
    "孫嘉禾說:" + "「「「『『" * 1_000 + "好。",
], ids=["openers", "every-mark", "nested-open"])
def test_hostile_marks_through_the_pipeline(text, assert_valid_result):
    result = get_pipeline().extract(text)
    assert_valid_result(result, text)
    assert result["quotes"] == []


# Work, not time: the extractor alone on 4x the marks makes about 4x the calls, no
# function's calls growing faster (tests/work_count.py; benchmarks/test_bench_parts.py
# times it). Each mark pattern repeated to the size asked.
MARK_RUNS = {
    "openers": "“",
    "every-mark": "「」『』“”‘’\"",
    "reversed-pairs": "」「",
    "mixed-with-text": "孫嘉禾說:「好" + "“」『" * 3,
    "nested-open": "「「「『『",
}


@pytest.mark.parametrize("run", MARK_RUNS.values(), ids=MARK_RUNS.keys())
def test_hostile_marks_cost_linear_work(run):
    assert_linear(_quotes_alone, lambda n: run * (n // len(run)), 10_000, 40_000)


def test_hostile_one_open_mark_in_a_megabyte():
    body = "孫嘉禾表示,公司明年會推出新模型。"
    text = "「" + body * (1_000_000 // len(body))
    quotes = _quotes_alone(text)
    assert quotes == []


def test_an_unclosed_mark_does_not_swallow_the_article():
    text = "孫嘉禾說:「我們會贏。" + "市場平靜。" * 200 + "林宛蓉表示:「價格還沒有決定。」"
    quotes = get_pipeline().extract(text)["quotes"]
    assert [q["text"] for q in quotes] == ["價格還沒有決定。"]


@pytest.mark.parametrize("text,pairs", [
    ("「a」", [(0, 2)]),
    ("「a『b』c」", [(0, 6), (2, 4)]),
    ("「a\nb」", []),
    ("」「a」「", [(1, 3)]),
    ('"a"b"', [(0, 2)]),
    ("don’t「x」", [(5, 7)]),
    ("「" + "a" * (MAX_QUOTE_CHARS + 1) + "」", []),
])
def test_find_pairs(text, pairs):
    assert find_pairs(text) == pairs
