"""Corpora on Apache Spark: the extractor as one `mapInPandas` stage.

    zh-news-extract spark --input corpus.jsonl --output results/ [--format parquet]
    spark-submit [--archives env.tar.gz#environment ...] service/spark.py --input ... --output ...

(README.md, "Corpora on Apache Spark", says how to ship the package to a cluster.)

`extract_dataframe(df)` turns a DataFrame of (id, text[, reference_date]) into one of
(id, result, error): `result` the Result JSON exactly as `POST /v1/extract` returns it,
or `error` the problem JSON the API would answer for that document (422 for a bad
field or a text over the API's characters limit, 500 if extraction itself failed).
A bad row is a row with an error, never a failed task. `extract_json_lines(df)` does
the same for a DataFrame of raw JSONL lines (`spark.read.text`), so that a line whose
`text` is a number stays an error instead of Spark's JSON reader turning it into "123".

Spark schedules, retries and spreads the work; this module only says what one
partition does. pyspark is an optional extra (`pip install -e '.[spark]'`): nothing
here imports it at module level, so `zh-news-extract --help` works without it.
The pipeline is loaded once per Python worker process, on that worker's first
partition, and reused for every later partition (Spark reuses its Python workers).
"""
from __future__ import annotations

import argparse
import functools
import json
import logging
import math
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)

OUTPUT_SCHEMA = "id string, result string, error string"
FORMATS = ("jsonl", "parquet")
# Rows per output batch: bounds the results a worker holds at once (~50 KB each).
ROWS_PER_BATCH = 128
# A task is tried this often before the job fails: a killed or lost Python worker
# costs one retry of its partition, not the corpus. (Local mode ignores
# spark.task.maxFailures; it takes the count from the master URL, local[N,F].)
MAX_TASK_FAILURES = 4
DEFAULT_LOCAL_MASTER = f"local[*,{MAX_TASK_FAILURES}]"
# Partitions per core when --partitions is not given: small tasks balance the
# cores and make a retry cheap; each costs only a few ms once the pipeline is loaded.
PARTITIONS_PER_CORE = 4


# --- one partition (runs in Spark's Python workers) ------------------------------

def _plain(value):
    """A pandas cell as the plain Python value json.loads would have given."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None  # NaN is pandas' null in a numeric column
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "tolist"):
        return value.tolist()  # numpy scalars and arrays
    return value


def _dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False)


def extract_payload(payload: object, max_text_chars: int | None) -> tuple[str | None, str | None, str | None]:
    """One document as the API's request body -> (id, Result JSON, problem JSON).

    Validation and extraction are the service's own (service.extraction), and the
    problem is built by service.errors as the API builds it, less `instance`
    (there is no request path).
    """
    loaded = _load_payload(payload, max_text_chars)
    return loaded if len(loaded) == 3 else _run(*loaded)


def _load_payload(payload: object, max_text_chars: int | None) -> tuple:
    """(id, loaded request), or the document's row (id, None, problem JSON) when its
    request is invalid."""
    from marshmallow import ValidationError

    from service import errors, extraction

    given_id = payload.get("id") if isinstance(payload, dict) else None
    doc_id = given_id if isinstance(given_id, str) else None
    try:
        return doc_id, extraction.load_request(payload, max_text_chars=max_text_chars)
    except ValidationError as exc:
        return doc_id, None, _dumps(errors.body_of(errors.validation_error(exc.messages)))


def _run(doc_id: str | None, req: dict) -> tuple[str | None, str | None, str | None]:
    from service import errors, extraction

    try:
        return doc_id, _dumps(extraction.run(req)), None
    except Exception:  # one document's failure must not fail its task
        log.exception("Extraction failed for id %r", doc_id)
        return doc_id, None, _dumps(errors.body_of(errors.internal_error()))


def extract_line(raw: bytes | None, max_text_chars: int | None) -> tuple | None:
    """One raw JSONL line -> (id, result, error); None for a blank line (skipped, as
    `extract --jsonl` skips it)."""
    loaded = _load_line(raw, max_text_chars)
    return loaded if loaded is None or len(loaded) == 3 else _run(*loaded)


def _load_line(raw: bytes | None, max_text_chars: int | None) -> tuple | None:
    from service.cli import parse_line

    if raw is None or not bytes(raw).strip():
        return None
    payload, problem = parse_line(bytes(raw))
    if problem is not None:
        return None, None, _dumps(problem)
    return _load_payload(payload, max_text_chars)


# Documents extracted together, stage by stage (Pipeline.extract_many: the same
# Results, less CPU; as `extract --jsonl` extracts its chunks of lines).
DOCUMENTS_PER_BATCH = 16


def _extracted(items: Iterator[tuple | None]) -> Iterator[tuple | None]:
    """The rows of items, in order: a loaded (id, request) is extracted, up to
    DOCUMENTS_PER_BATCH of them together; a finished row (or None) passes as it is."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= DOCUMENTS_PER_BATCH:
            yield from _extract_chunk(chunk)
            chunk = []
    if chunk:
        yield from _extract_chunk(chunk)


def _extract_chunk(chunk: list) -> list:
    """The chunk's requests through extraction.run_many; if that fails, each alone
    (_run), so that each document gets its own row, as extract_payload gives it."""
    from service import extraction

    pending = [i for i, item in enumerate(chunk) if item is not None and len(item) == 2]
    rows = list(chunk)
    results = extraction.run_many_or_none([chunk[i][1] for i in pending])
    for i, result in zip(pending, results or ()):
        rows[i] = (chunk[i][0], _dumps(result), None)
    return [row if row is None or len(row) == 3 else _run(*row) for row in rows]


def _frames(rows: Iterator[tuple]) -> Iterator["pd.DataFrame"]:
    import pandas as pd

    batch: list[tuple] = []
    for row in rows:
        if row is None:
            continue
        batch.append(row)
        if len(batch) >= ROWS_PER_BATCH:
            yield pd.DataFrame(batch, columns=["id", "result", "error"], dtype=object)
            batch = []
    if batch:
        yield pd.DataFrame(batch, columns=["id", "result", "error"], dtype=object)


def _warm_up() -> None:
    # Once per Python worker process: service.pipeline keeps the loaded pipeline in
    # a module-level Once, and Spark reuses the worker for its next partitions.
    from service import extraction
    extraction.warm_up()


def extract_frames(frames: Iterator["pd.DataFrame"], max_text_chars: int | None) -> Iterator["pd.DataFrame"]:
    """mapInPandas function: frames of (id, text, reference_date) -> (id, result, error)."""
    _warm_up()

    def rows():
        for frame in frames:
            columns = [frame[name].tolist() for name in ("id", "text", "reference_date")]
            for doc_id, text, reference_date in zip(*columns):
                payload = {"text": _plain(text), "id": _plain(doc_id),
                           "reference_date": _plain(reference_date)}
                yield _load_payload(payload, max_text_chars)

    yield from _frames(_extracted(rows()))


def extract_line_frames(frames: Iterator["pd.DataFrame"], max_text_chars: int | None) -> Iterator["pd.DataFrame"]:
    """mapInPandas function: frames of raw JSONL lines (binary `value`) -> (id, result, error)."""
    _warm_up()
    yield from _frames(_extracted(_load_line(raw, max_text_chars)
                                  for frame in frames for raw in frame["value"].tolist()))


# --- DataFrames (the driver) ------------------------------------------------------

def _default_max_text_chars() -> int:
    from service.config import DEFAULT_MAX_TEXT_CHARS, MAX_TEXT_CHARS_ENV, positive_int
    value = os.environ.get(MAX_TEXT_CHARS_ENV)
    return positive_int(value, MAX_TEXT_CHARS_ENV) if value else DEFAULT_MAX_TEXT_CHARS


def extract_dataframe(df: "DataFrame", *, max_text_chars: int | None = -1) -> "DataFrame":
    """(id, text[, reference_date]) -> (id, result, error), one output row per input row.

    `max_text_chars` defaults to the HTTP service's limit (ZNE_MAX_TEXT_CHARS, else
    200,000): a longer text is that row's 422, and no single article holds a task for
    long. None removes the limit. An integer `id` column is read as strings and a
    date `reference_date` column as YYYY-MM-DD; any other type is passed on as it is,
    so that a value the API would refuse (a number for `text`) is that row's error.
    """
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    if max_text_chars == -1:
        max_text_chars = _default_max_text_chars()
    fields = {f.name: f.dataType for f in df.schema.fields}
    if "text" not in fields:
        raise ValueError(f"the DataFrame has no text column (columns: {', '.join(fields) or 'none'})")
    if "id" not in fields:
        doc_id = F.lit(None).cast("string")
    elif isinstance(fields["id"], (T.IntegerType, T.LongType, T.ShortType, T.ByteType)):
        doc_id = F.col("id").cast("string")
    else:
        doc_id = F.col("id")
    if "reference_date" not in fields:
        reference_date = F.lit(None).cast("string")
    elif isinstance(fields["reference_date"], T.DateType):
        reference_date = F.date_format("reference_date", "yyyy-MM-dd")
    else:
        reference_date = F.col("reference_date")
    columns = df.select(doc_id.alias("id"), F.col("text"), reference_date.alias("reference_date"))
    return columns.mapInPandas(
        functools.partial(extract_frames, max_text_chars=max_text_chars), OUTPUT_SCHEMA)


def extract_json_lines(df: "DataFrame", *, max_text_chars: int | None = -1) -> "DataFrame":
    """A DataFrame of JSONL lines (`spark.read.text`'s `value`) -> (id, result, error).

    Each line is read as `extract --jsonl` reads it (a bad line is a row with its 400
    or 422 problem; a blank line is skipped).
    """
    from pyspark.sql import functions as F

    if max_text_chars == -1:
        max_text_chars = _default_max_text_chars()
    # Binary, not string: a line that is not UTF-8 must reach Python as its bytes.
    lines = df.select(F.col(df.columns[0]).cast("binary").alias("value"))
    return lines.mapInPandas(
        functools.partial(extract_line_frames, max_text_chars=max_text_chars), OUTPUT_SCHEMA)


def as_json_lines(results: "DataFrame") -> "DataFrame":
    """(id, result, error) -> one `value` line per row:
    {"id": ..., "result": {...} or null, "error": {...} or null}."""
    from pyspark.sql import functions as F

    # to_json of a one-element array escapes the id as JSON; strip the brackets.
    quoted_id = F.expr("substring(to_json(array(id)), 2, length(to_json(array(id))) - 2)")
    return results.select(F.concat(
        F.lit('{"id": '), F.coalesce(quoted_id, F.lit("null")),
        F.lit(', "result": '), F.coalesce(F.col("result"), F.lit("null")),
        F.lit(', "error": '), F.coalesce(F.col("error"), F.lit("null")),
        F.lit("}")).alias("value"))


# --- the command ------------------------------------------------------------------

class SparkUsageError(Exception):
    """A bad argument or path: the command line reports it as a usage error."""


def input_format(path: str) -> str:
    """parquet for NAME.parquet or a local directory of *.parquet files, else jsonl."""
    local = Path(path)
    if path.rstrip("/").endswith(".parquet"):
        return "parquet"
    if local.is_dir() and any(local.glob("*.parquet")):
        return "parquet"
    return "jsonl"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", required=True, metavar="IN",
                        help="a JSONL corpus (file, directory or glob; .gz too) of "
                             '{"text", "id", "reference_date"} objects, or Parquet '
                             "(NAME.parquet, or a directory of .parquet files) with "
                             "columns text, id and optionally reference_date")
    parser.add_argument("--output", required=True, metavar="DIR",
                        help="a directory that must not exist yet: partitioned files, "
                             "one row per input row, with id, result and error")
    parser.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="jsonl: one object per line, result and error as JSON objects; "
                             "parquet: columns id, result, error as JSON strings (default jsonl)")
    parser.add_argument("--master", metavar="URL",
                        help="Spark master; default: spark-submit's, else "
                             f"{DEFAULT_LOCAL_MASTER} (every core, a failed task retried "
                             f"up to {MAX_TASK_FAILURES - 1} times)")
    parser.add_argument("--partitions", type=int, metavar="N",
                        help="split the corpus into N partitions (default: at least "
                             f"{PARTITIONS_PER_CORE} per core)")
    parser.add_argument("--max-text-chars", type=int, metavar="N",
                        help="longer texts are errors, as in the API (default: "
                             "ZNE_MAX_TEXT_CHARS, else 200000; 0: no limit)")


def session(master: str | None = None, app_name: str = "zh-news-extract",
            conf: dict[str, str] | None = None) -> "SparkSession":
    """The SparkSession: spark-submit's when run under it, else a local one."""
    from pyspark.sql import SparkSession

    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    builder = SparkSession.builder.appName(app_name)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    if master or not under_submit:
        master = master or DEFAULT_LOCAL_MASTER
        builder = builder.master(master)
        if master.startswith("local"):
            # Workers run this interpreter (the one with the package installed),
            # not whatever `python3` is first on PATH.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def _spread(df: "DataFrame", spark: "SparkSession", partitions: int | None) -> "DataFrame":
    if partitions:
        return df.repartition(partitions)
    wanted = spark.sparkContext.defaultParallelism * PARTITIONS_PER_CORE
    # A JSONL file under 128 MB is one partition: spread it over the cores.
    return df.repartition(wanted) if df.rdd.getNumPartitions() < wanted else df


def run(spark: "SparkSession", input_path: str, output: str, *, fmt: str = "jsonl",
        partitions: int | None = None, max_text_chars: int | None = -1) -> tuple[int, int]:
    """Extract the corpus at input_path into output; returns (rows, rows with an error)."""
    from pyspark.errors import AnalysisException

    if fmt not in FORMATS:
        raise SparkUsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if partitions is not None and partitions < 1:
        raise SparkUsageError(f"--partitions must be a positive integer, not {partitions}")
    if "://" not in output and Path(output).exists():
        raise SparkUsageError(f"{output} already exists; give a new directory")
    try:
        if input_format(input_path) == "parquet":
            source = spark.read.parquet(input_path)
            source = _spread(source, spark, partitions)
            try:
                results = extract_dataframe(source, max_text_chars=max_text_chars)
            except ValueError as exc:
                raise SparkUsageError(f"{input_path}: {exc}") from None
        else:
            source = _spread(spark.read.text(input_path), spark, partitions)
            results = extract_json_lines(source, max_text_chars=max_text_chars)
        if fmt == "parquet":
            results.write.parquet(output)
            written = spark.read.parquet(output)
        else:
            as_json_lines(results).write.text(output)
            # error read as a string: Spark keeps a JSON object's raw text, and null as null.
            written = spark.read.schema("error string").json(output)
    except AnalysisException as exc:  # a path that does not exist, no text column ...
        raise SparkUsageError(str(exc).splitlines()[0]) from None
    rows = written.count()
    failed = written.where(written.error.isNotNull()).count()
    return rows, failed


def main(argv: list[str] | None = None) -> int:
    """spark-submit's entry point: `spark-submit service/spark.py --input ... --output ...`."""
    from service.cli import EXIT_USAGE, PROG

    parser = argparse.ArgumentParser(
        prog="spark.py", description="Extract a corpus on Apache Spark (zh-news-extract spark).")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return command(args)
    except SparkUsageError as exc:
        parser.exit(EXIT_USAGE, f"{PROG} spark: error: {exc}\n")


def command(args: argparse.Namespace) -> int:
    """The `spark` command: run, report the counts on stderr, return the exit code."""
    from service.cli import EXIT_OK, EXIT_SKIPPED, PROG

    from pyspark.sql import SparkSession

    max_text_chars = -1 if args.max_text_chars is None else (args.max_text_chars or None)
    if args.max_text_chars is not None and args.max_text_chars < 0:
        raise SparkUsageError("--max-text-chars must be 0 (no limit) or a positive integer")
    # A session that already runs (a notebook's, a test's) is used and left running.
    existing = SparkSession.getActiveSession()
    spark = session(args.master)
    try:
        rows, failed = run(spark, args.input, args.output, fmt=args.format,
                           partitions=args.partitions, max_text_chars=max_text_chars)
        # Before stopping: under spark-submit the JVM relays this process's stderr,
        # and may exit before it has relayed what was printed last.
        print(f"{PROG} spark: {rows} rows written to {args.output}, {failed} with an error",
              file=sys.stderr, flush=True)
    finally:
        if existing is None:
            spark.stop()
    return EXIT_SKIPPED if failed else EXIT_OK


if __name__ == "__main__":
    # Under spark-submit this file is the script: drop its own directory from the path
    # (service/errors.py must not shadow anything as a top-level `errors`), and run the
    # installed module, so that Spark pickles functions as service.spark.*, not __main__.*.
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    from service import spark as _module
    sys.exit(_module.main())
