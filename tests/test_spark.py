"""The extractor on Apache Spark (service/spark.py), in local mode.

One SparkSession for the module (JVM start-up is the slow part), local[2,4]: two
cores, and a failed task retried up to three times, as on a cluster. Skipped where
pyspark or Java is missing, except in CI, where .ci/run installs both.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from service import create_app, extract

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"
MASTER = "local[2,4]"
LONG_TEXT = "字" * 300_000


def _spark_or_skip():
    missing = []
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        missing.append("pyspark (pip install -e '.[spark]')")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        missing.append("java (apt-get install openjdk-17-jre-headless)")
    if missing:
        message = "missing " + " and ".join(missing) + "; .ci/run installs them"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def spark():
    _spark_or_skip()
    from service import spark as zspark
    session = zspark.session(MASTER, "zh-news-extract-tests", conf={
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "4",
    })
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus():
    """The fixture articles as (id, text, reference_date), with their in-process Results."""
    docs = []
    for text_path in sorted(ARTICLES.glob("*.txt")):
        meta = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        ref = meta.get("_reference_date")
        docs.append((text_path.stem, text, ref, extract(text, doc_id=text_path.stem, reference_date=ref)))
    assert len(docs) >= 20
    return docs


@pytest.fixture(scope="module")
def api():
    return create_app({"TESTING": True}).test_client()


def _api_problem(api, body: dict) -> dict:
    """What POST /v1/extract answers for body, less `instance` (Spark has no request path)."""
    response = api.post("/v1/extract", json=body)
    assert response.status_code >= 400, body
    problem = response.get_json()
    del problem["instance"]
    return problem


def _by_id(rows) -> dict:
    out = {}
    for row in rows:
        assert row["id"] not in out, f"two rows for {row['id']}"
        out[row["id"]] = row
    return out


def test_fixture_corpus_gives_the_in_process_results(spark, corpus):
    from service.spark import extract_dataframe

    df = spark.createDataFrame([(i, t, r) for i, t, r, _ in corpus],
                               "id string, text string, reference_date string").repartition(4)
    rows = _by_id(extract_dataframe(df).collect())
    assert sorted(rows) == sorted(i for i, *_ in corpus)
    for doc_id, _, _, expected in corpus:
        assert rows[doc_id]["error"] is None, rows[doc_id]["error"]
        # Whole Results, confidence included.
        assert json.loads(rows[doc_id]["result"]) == expected, doc_id


def test_pipeline_is_loaded_once_per_worker_and_reused(spark, corpus):
    """After the corpus ran, 8 more partitions on the 2 cores find the pipeline loaded
    in each Python worker: workers are reused, and the pipeline with them."""
    def probe(frames):
        import pandas as pd

        from service import pipeline
        for frame in frames:
            yield pd.DataFrame({"pid": [os.getpid()] * len(frame),
                                "loaded": [pipeline.get_pipeline.loaded] * len(frame)})

    rows = spark.range(64).repartition(8).mapInPandas(probe, "pid long, loaded boolean").collect()
    assert all(row["loaded"] for row in rows)
    assert len({row["pid"] for row in rows}) <= 2


def test_bad_rows_are_rows_with_the_api_problem(spark, api, corpus, tmp_path):
    """A JSONL corpus with bad lines completes; each bad document's error is the
    problem POST /v1/extract answers for the same body, and no row is lost."""
    from service import spark as zspark

    good = [{"id": i, "text": t, "reference_date": r} for i, t, r, _ in corpus[:3]]
    bad = [
        {"id": "number", "text": 123},
        {"id": "list", "text": ["黃仁勳"]},
        {"id": "null", "text": None},
        {"id": "missing"},
        {"id": "empty", "text": ""},
        {"id": "blank", "text": " \n\t"},
        {"id": "bad-date", "text": "黃仁勳表示看好。", "reference_date": "2024-02-30"},
        {"id": "datetime", "text": "黃仁勳表示看好。", "reference_date": "2024-02-03T10:00"},
        {"id": "too-long", "text": LONG_TEXT},
        {"id": "x" * 257, "text": "黃仁勳表示看好。"},
    ]
    path = tmp_path / "corpus.jsonl"
    with path.open("wb") as f:
        for doc in good + bad:
            f.write(json.dumps(doc, ensure_ascii=False).encode() + b"\n")
        f.write(b"\n")                         # blank: skipped, as extract --jsonl does
        f.write(b'{"id": "cut", "text": \n')   # not JSON
        f.write(b'["not", "an", "object"]\n')
        f.write(b'{"id": "latin1", "text": "caf\xe9"}\n')
    out = tmp_path / "out"
    rows, failed = zspark.run(spark, str(path), str(out), fmt="jsonl")
    assert (rows, failed) == (len(good) + len(bad) + 3, len(bad) + 3)

    lines = [json.loads(line) for part in sorted(out.glob("part-*"))
             for line in part.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == rows
    assert all(set(line) == {"id", "result", "error"} for line in lines)
    assert all((line["result"] is None) != (line["error"] is None) for line in lines)
    results = {line["id"]: line for line in lines if line["id"] is not None}
    for doc_id, _, _, expected in corpus[:3]:
        assert results[doc_id]["result"] == expected
    for doc in bad:
        assert results[doc["id"]]["error"] == _api_problem(api, doc), doc["id"]
    assert results["too-long"]["error"]["errors"][0]["message"].startswith(
        "Must be at most 200000 characters; got 300000.")
    # Lines that are not a JSON object of UTF-8 carry no id: their problems say why.
    anonymous = sorted(line["error"]["type"].rsplit("/", 1)[1] for line in lines if line["id"] is None)
    assert anonymous == ["invalid-encoding", "invalid-json", "validation-error"]


def test_dataframe_columns_of_other_types(spark, api):
    """An integer id column is read as strings and a date reference_date as YYYY-MM-DD;
    a text column that is not strings makes every row the API's 422."""
    from service.spark import extract_dataframe

    text = "在台北時間2024年7月30日早上6點,黃仁勳在SIGGRAPH上表示:「今天很重要。」"
    dated = spark.createDataFrame([(7, text, dt.date(2024, 7, 30))],
                                  "id long, text string, reference_date date")
    [row] = extract_dataframe(dated).collect()
    assert row["id"] == "7" and row["error"] is None
    assert json.loads(row["result"]) == extract(text, doc_id="7", reference_date="2024-07-30")

    numbers = spark.createDataFrame([("a", 5), ("b", None)], "id string, text long")
    rows = _by_id(extract_dataframe(numbers).collect())
    assert json.loads(rows["a"]["error"]) == _api_problem(api, {"id": "a", "text": 5})
    assert json.loads(rows["b"]["error"]) == _api_problem(api, {"id": "b", "text": None})


def test_parquet_in_and_out_read_back_with_pandas(spark, corpus, tmp_path):
    import pandas as pd

    from service import cli

    source = tmp_path / "corpus.parquet"
    pd.DataFrame([{"id": i, "text": t, "reference_date": r} for i, t, r, _ in corpus[:4]]
                 ).to_parquet(source)
    out = tmp_path / "results"
    code = cli.main(["spark", "--input", str(source), "--output", str(out),
                     "--format", "parquet", "--partitions", "2"])
    assert code == cli.EXIT_OK
    assert len(list(out.glob("part-*.parquet"))) == 2
    read = pd.read_parquet(out)
    assert sorted(read["id"]) == sorted(i for i, *_ in corpus[:4])
    assert read["error"].isna().all()
    for doc_id, _, _, expected in corpus[:4]:
        [result] = read.loc[read["id"] == doc_id, "result"]
        assert json.loads(result) == expected
    # The session was the tests' own: the command left it running.
    assert spark.sparkContext._jsc is not None
    with pytest.raises(SystemExit) as exited:  # never written over
        cli.main(["spark", "--input", str(source), "--output", str(out)])
    assert exited.value.code == cli.EXIT_USAGE
    with pytest.raises(SystemExit) as exited:
        cli.main(["spark", "--input", str(tmp_path / "absent.jsonl"), "--output", str(tmp_path / "o")])
    assert exited.value.code == cli.EXIT_USAGE


def _pyspark_workers() -> list[int]:
    """Our own Spark's Python workers: forks of a pyspark.daemon that descends from us."""
    def parent(pid: int) -> int:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return 0
        return int(stat.rsplit(")", 1)[1].split()[1])

    def is_daemon(pid: int) -> bool:
        try:
            return b"pyspark.daemon" in Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return False

    def ours(pid: int) -> bool:
        for _ in range(6):
            pid = parent(pid)
            if pid == os.getpid():
                return True
            if pid <= 1:
                return False
        return False

    pids = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]
    return [pid for pid in pids if is_daemon(pid) and is_daemon(parent(pid)) and ours(pid)]


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_job_survives_a_killed_python_worker(spark, corpus):
    """SIGKILL one busy Python worker mid-run: Spark retries its task, and every
    input still yields exactly one row, with the in-process Result."""
    from service.spark import extract_dataframe

    copies = 8
    docs = [(f"{i}#{n}", t, r) for n in range(copies) for i, t, r, _ in corpus]
    expected = {i: e for i, _, _, e in corpus}
    df = spark.createDataFrame(docs, "id string, text string, reference_date string").repartition(4)
    # Cached first, so that the only Python work of the job below is the extraction.
    assert df.cache().count() == len(docs)
    group = "kill-a-worker"
    outcome: dict = {}

    def job():
        spark.sparkContext.setJobGroup(group, "a job that loses a worker")
        try:
            outcome["rows"] = extract_dataframe(df).collect()
        except Exception as exc:  # reported by the main thread
            outcome["error"] = exc

    thread = threading.Thread(target=job)
    thread.start()
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and thread.is_alive() and time.monotonic() < deadline:
        before = {pid: _cpu_ticks(pid) for pid in _pyspark_workers()}
        time.sleep(0.3)
        busy = [pid for pid, ticks in before.items() if ticks >= 0 and _cpu_ticks(pid) > ticks]
        if busy:
            killed = busy[0]
            os.kill(killed, signal.SIGKILL)
    thread.join(300)
    df.unpersist()
    assert killed is not None, "the job ended before a busy worker was seen"
    assert "error" not in outcome, outcome.get("error")

    tracker = spark.sparkContext.statusTracker()
    failed_tasks = 0
    for job_id in tracker.getJobIdsForGroup(group):
        for stage_id in tracker.getJobInfo(job_id).stageIds:
            stage = tracker.getStageInfo(stage_id)
            failed_tasks += stage.numFailedTasks if stage else 0
    assert failed_tasks >= 1, "the kill did not fail a task, so no retry was tested"

    rows = _by_id(outcome["rows"])
    assert len(rows) == len(docs)
    for doc_id, row in rows.items():
        assert row["error"] is None, (doc_id, row["error"])
        result = json.loads(row["result"])
        assert result["document"].pop("id") == doc_id
        want = expected[doc_id.split("#")[0]]
        assert result == {**want, "document": {k: v for k, v in want["document"].items() if k != "id"}}


def test_spark_submit_runs_the_module_as_a_script(tmp_path, corpus):
    """`spark-submit service/spark.py ...`: its own JVM, a JSONL corpus in, JSONL out."""
    _spark_or_skip()
    submit = Path(sys.executable).with_name("spark-submit")
    if not submit.exists():
        pytest.skip("no spark-submit beside this Python (pip install -e '.[spark]')")
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t, "reference_date": r},
                                         ensure_ascii=False) + "\n" for i, t, r, _ in corpus[:2])
                      + '{"id": "empty", "text": ""}\n', encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    proc = subprocess.run(
        [str(submit), "--master", "local[1]", "--conf", "spark.ui.enabled=false",
         str(ROOT / "service" / "spark.py"), "--input", str(source), "--output", str(out)],
        capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 3, proc.stderr[-3000:]   # finished, with one row in error
    # spark-submit relays the Python driver's stderr on its own stdout.
    assert "3 rows written" in proc.stdout and "1 with an error" in proc.stdout, proc.stdout
    lines = [json.loads(line) for part in sorted(out.glob("part-*"))
             for line in part.read_text(encoding="utf-8").splitlines()]
    by_id = {line["id"]: line for line in lines}
    assert sorted(by_id) == sorted([corpus[0][0], corpus[1][0], "empty"])
    for doc_id, _, _, expected in corpus[:2]:
        assert by_id[doc_id]["result"] == expected
    assert by_id["empty"]["error"]["status"] == 422
