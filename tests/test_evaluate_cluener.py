"""The CLUENER2020 scorer: its reading of the data and its span arithmetic on
invented sentences; the real split only when it is present (never committed)."""
from __future__ import annotations

import json

import pytest

from service import evaluate_cluener as ec

LINE = {"text": "浙商银行企业信贷部叶老桂博士说", "label": {"name": {"叶老桂": [[9, 11]]},
                                                 "company": {"浙商银行": [[0, 3]]},
                                                 "position": {"博士": [[12, 13]]}}}
OTHER = {"text": "星辰智能与南湖研究院的孙嘉禾", "label": {"organization": {"南湖研究院": [[5, 9]]},
                                                 "name": {"孙嘉禾": [[11, 13]]}}}


def test_reads_json_lines_pretty_objects_and_arrays():
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in (LINE, OTHER)) + "\n"
    pretty = json.dumps(LINE, ensure_ascii=False, indent=2) + "\n" + json.dumps(OTHER, indent=2)
    array = json.dumps([LINE, OTHER])
    for text in (lines, pretty, array):
        assert [r["text"] for r in ec.records(text)] == [LINE["text"], OTHER["text"]]


def test_gold_spans_are_end_exclusive_and_grouped():
    gold = ec.gold_spans(LINE)
    assert gold == {"person": {(9, 12)}, "organization": {(0, 4)}}
    assert LINE["text"][9:12] == "叶老桂" and LINE["text"][0:4] == "浙商银行"


def test_exact_spans_only_count():
    predictions = {
        LINE["text"]: {"person": {(9, 12), (13, 15)}, "organization": {(0, 2)}},   # one right, one extra; org cut short
        OTHER["text"]: {"person": {(11, 14)}, "organization": {(5, 10), (0, 4)}},
    }
    totals = ec.score([LINE, OTHER], lambda text: predictions[text])
    p, o = totals["person"], totals["organization"]
    assert (p.tp, p.fp, p.fn) == (2, 1, 0)
    assert (o.tp, o.fp, o.fn) == (1, 2, 1)


def test_predicted_spans_come_from_the_result_mentions():
    result = {"participants": [{"mentions": [{"start": 9, "end": 12, "text": "叶老桂"}]}],
              "organizations": [{"mentions": [{"start": 0, "end": 4, "text": "浙商银行"}]}]}
    assert ec.predicted_spans(result) == {"person": {(9, 12)}, "organization": {(0, 4)}}


def test_credited_staff_count_as_names():
    # CLUENER labels a credit's reporter (本报讯（记者马力）) a name; the Result gives them in credited_staff
    result = {"participants": [], "organizations": [],
              "credited_staff": [{"name": "马力", "role": "reporter",
                                  "span": {"start": 6, "end": 8, "text": "马力"}}]}
    assert ec.predicted_spans(result) == {"person": {(6, 8)}, "organization": set()}


def test_absent_data_is_skipped(tmp_path, capsys):
    assert ec.main([str(tmp_path / "train.json")]) == 0
    assert "not found" in capsys.readouterr().out


def test_the_real_split_when_present(capsys):
    path = ec.default_path()
    if not path.is_file():
        pytest.skip(f"CLUENER2020 train split absent ({path}); set CLUENER_TRAIN to score it")
    assert ec.main([str(path), "--split", "dev", "--limit", "200", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sentences"] == 200
    for kind in ("person", "organization"):
        assert report[kind]["tp"] + report[kind]["fn"] > 0


def test_the_split_is_a_fixed_rule_of_position():
    # sha256("zh-news-extract cluener split v1:7") starts 04f4b0ee (even: dev);
    # "...:8" starts 3242c6df (odd: test), checked by hand with sha256sum.
    assert ec.split_of(7) == "dev" and ec.split_of(8) == "test"
    items = [{"text": str(i), "label": {}} for i in range(200)]
    dev, test = ec.select(items, "dev"), ec.select(items, "test")
    assert len(dev) + len(test) == 200 and 60 < len(dev) < 140
    assert not {r["text"] for r in dev} & {r["text"] for r in test}
    assert ec.select(items, "all") == items


# Invented: a government body CLUENER types `government`, a company written with 公司.
BODIES = {"text": "星海国财政部与南湖云图公司签约", "label": {"government": {"星海国财政部": [[0, 5]]},
                                                   "company": {"南湖云图公司": [[7, 12]]}}}


def test_conventions_leave_government_unscored_and_take_the_bare_company_word():
    got = {"person": set(), "organization": {(0, 6), (7, 11)}}   # 星海国财政部, 南湖云图 (公司 dropped)
    mapped = ec.score([BODIES], lambda text: got)["organization"]
    raw = ec.score([BODIES], lambda text: got, raw=True)["organization"]
    assert (mapped.tp, mapped.fp, mapped.fn) == (1, 0, 0)
    assert (raw.tp, raw.fp, raw.fn) == (0, 2, 1)


def test_conventions_never_find_what_was_not_found():
    # A government body is no gold organisation: not found, no miss; a span cut
    # elsewhere than before 公司 stays wrong; a miss stays a miss.
    got = {"person": set(), "organization": {(0, 3), (8, 11)}}   # 星海国 (not the body), 湖云图
    mapped = ec.score([BODIES], lambda text: got)["organization"]
    assert (mapped.tp, mapped.fp, mapped.fn) == (0, 2, 1)
    nothing = ec.score([BODIES], lambda text: {"person": set(), "organization": set()})["organization"]
    assert (nothing.tp, nothing.fp, nothing.fn) == (0, 0, 1)
