"""`from service import extract`: the HTTP API's dict, from threads and from processes."""
from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import service
from service import InvalidDocument, extract

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = (REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
TEXTS = [SEED, SEED[:1500], "輝達執行長黃仁勳表示看好。", "星辰智能執行長孫嘉禾表示,公司將推出新模型。"]


def test_same_dict_as_the_http_api(client, assert_valid_result):
    got = extract(SEED, doc_id="a-1", reference_date="2024-07-30")
    resp = client.post("/v1/extract", json={"text": SEED, "id": "a-1", "reference_date": "2024-07-30"})
    assert got == resp.get_json()
    assert_valid_result(got, SEED)


def test_reference_date_as_a_date():
    assert extract(SEED, reference_date=dt.date(2024, 7, 30)) == extract(SEED, reference_date="2024-07-30")


@pytest.mark.parametrize("kwargs,field", [
    ({"text": "   "}, "text"), ({"text": 42}, "text"),
    ({"text": "a", "doc_id": "x" * 257}, "id"),
    ({"text": "a", "reference_date": "2024/07/30"}, "reference_date"),
    ({"text": "a", "reference_date": dt.datetime(2024, 7, 30, 8)}, "reference_date"),
])
def test_invalid_input_raises_like_a_422(kwargs, field):
    text = kwargs.pop("text")
    with pytest.raises(InvalidDocument) as info:
        extract(text, **kwargs)
    assert [e["field"] for e in info.value.errors] == [field]
    assert isinstance(info.value, ValueError)


def test_threads_give_the_same_results():
    expected = [extract(t) for t in TEXTS]
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(extract, TEXTS * 3)) == expected * 3


def test_worker_processes_give_the_same_results():
    # spawn: fresh interpreters, as a distributed engine's workers are; each loads the
    # pipeline itself, once, on its first call.
    expected = [extract(t, doc_id="w") for t in TEXTS]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        got = list(pool.map(functools.partial(extract, doc_id="w"), TEXTS * 2))
    assert got == expected * 2


def test_import_service_is_cheap():
    # `import service` must not load the pipeline, Flask's app or prometheus: only extract() does.
    code = ("import sys, service; "
            "heavy = [m for m in ('service.pipeline', 'service.extraction', 'prometheus_client', "
            "'rjieba') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, cwd=REPO_ROOT, check=True).stdout.strip()
    assert out == "[]"
    assert service.__all__ == ["create_app", "extract", "InvalidDocument"]
