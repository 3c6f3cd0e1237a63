"""The `zh-news-extract` command: extract from files and corpora, serve, check fixtures."""
from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Iterable, Iterator

PROG = "zh-news-extract"

EXIT_OK = 0
EXIT_FAILED = 1       # check: results differ from the fixtures; extract: the document is invalid
EXIT_USAGE = 2        # bad arguments, or an input/output file that cannot be opened
EXIT_SKIPPED = 3      # extract --jsonl: finished, but skipped one or more bad lines
EXIT_INTERRUPTED = 130

EXIT_CODES = f"""\
exit codes:
  {EXIT_OK}    success: every document extracted, or every fixture matches
  {EXIT_FAILED}    extract FILE: the document is invalid (blank, not UTF-8, bad --id or
       --reference-date) and nothing was printed; check: a fixture differs
  {EXIT_USAGE}    usage error: bad arguments, a file that cannot be read or written,
       no fixtures to check
  {EXIT_SKIPPED}    extract --jsonl: finished, but one or more lines were bad and skipped
       (each reported on stderr, and in --errors if given); spark: finished, and
       one or more rows have an error (in their place in the output)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)
"""

EXAMPLES = f"""\
examples:
  {PROG} extract seeds/000_64c11bc8ba8f458f.txt --reference-date 2024-07-30 --pretty
  cat article.txt | {PROG} extract -
  {PROG} extract --jsonl corpus.jsonl --out results.jsonl --workers 4 --errors bad.jsonl
  {PROG} serve --port 8000
  {PROG} check
  {PROG} spark --input corpus.jsonl --output results/ --master 'local[2,4]'
"""

JSONL_HELP = """\
--jsonl reads one JSON object per line, {"text": ..., "id": ..., "reference_date": ...}
as in POST /v1/extract (id and reference_date optional, unknown keys ignored), and
writes one Result per good line, in input order. Give each line an id to join
results to inputs: a bad line (invalid JSON, UTF-8 or fields, or an extraction that
fails) is reported on stderr with its line number and skipped, never fatal. Blank
lines are skipped silently.
"""


class UsageError(Exception):
    pass


# --- one JSONL line (runs in worker processes) ---------------------------------

def _problem(status: int, slug: str, title: str, detail: str, errors=None) -> dict:
    from service.errors import problem_body
    return problem_body(status, slug, title, detail, errors)


def parse_line(raw: bytes) -> tuple[object, dict | None]:
    """One non-blank JSONL line -> (its JSON value, None), or (None, the 400 problem
    for bad UTF-8 or bad JSON). Shared with service/spark.py."""
    from service import extraction

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, _problem(400, "invalid-encoding", "Invalid encoding",
                              f"Not valid UTF-8 (byte {exc.start} of the line).")
    try:
        return json.loads(line.removeprefix("\ufeff"),
                          parse_constant=extraction.reject_json_constant), None
    except json.JSONDecodeError as exc:
        return None, _problem(400, "invalid-json", "Invalid JSON",
                              f"Not valid JSON: {exc.msg} (column {exc.colno}).")
    except RecursionError:
        return None, _problem(400, "invalid-json", "Invalid JSON",
                              "The JSON is nested too deeply.")
    except ValueError as exc:  # NaN, Infinity, an integer over 4300 digits
        return None, _problem(400, "invalid-json", "Invalid JSON",
                              f"Not valid JSON: {extraction.json_value_error(exc)}.")


def process_line(item: tuple[int, bytes]) -> tuple[int, str | None, dict | None]:
    """(line number, raw line) -> (line number, the Result as a JSON line or None,
    the problem or None). Neither for a blank line."""
    loaded = _load_line(item)
    if len(loaded) == 3:
        return loaded
    return _run_line(*loaded)


def _load_line(item: tuple[int, bytes]):
    """(line number, raw line) -> (line number, loaded request), or the line's
    outcome (as process_line) when it is blank or no valid request."""
    from marshmallow import ValidationError

    from service import errors, extraction

    lineno, raw = item
    if not raw.strip():
        return lineno, None, None
    payload, problem = parse_line(raw)
    if problem is not None:
        return lineno, None, problem
    try:
        return lineno, extraction.load_request(payload)
    except ValidationError as exc:
        problem = errors.validation_error(exc.messages, f"Line {lineno}")
        body = errors.body_of(problem)
        if isinstance(payload, dict) and isinstance(payload.get("id"), str):
            body["id"] = payload["id"][:256]
        return lineno, None, body


def _run_line(lineno: int, req: dict) -> tuple[int, str | None, dict | None]:
    from service import extraction, result_json

    try:
        result = extraction.run(req)
        return lineno, result_json.encode(result).decode("utf-8"), None
    except Exception as exc:  # reported and skipped like any bad line
        body = _problem(500, "internal-error", "Internal Server Error",
                        f"Extraction failed: {type(exc).__name__}: {exc}")
        if req["id"] is not None:
            body["id"] = req["id"]
        return lineno, None, body


def _init_worker() -> None:
    # Ctrl-C is the parent's to handle; workers just stop when it shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _process_lines(chunk: list[tuple[int, bytes]]) -> list[tuple]:
    """process_line of each line of chunk, the chunk's valid requests extracted
    together, stage by stage (`extraction.run_many`: the same Results, 12-24 % less
    CPU); if that fails, each request alone, for each line's own outcome."""
    from service import extraction, result_json

    loaded = [_load_line(item) for item in chunk]
    pending = [i for i, line in enumerate(loaded) if len(line) == 2]
    results = extraction.run_many_or_none([loaded[i][1] for i in pending])
    for i, result in zip(pending, results or ()):
        loaded[i] = (loaded[i][0], result_json.encode(result).decode("utf-8"), None)
    return [line if len(line) == 3 else _run_line(*line) for line in loaded]


def _chunks(items: Iterable[tuple[int, bytes]], size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Lines per task sent to a worker: fewer round trips through the pool's queues
# (16 rather than 4: the parent, which competes with its workers for the cores,
# spent ~0.14 s less CPU on 1,000 documents), while a slow line holds up at most
# this many behind it.
CHUNK_LINES = 16


def _results(items: Iterable[tuple[int, bytes]], workers: int,
             chunk_lines: int = CHUNK_LINES) -> Iterator[tuple]:
    """process_line over items, in input order, in this process or in `workers` processes,
    `chunk_lines` lines at a time."""
    from service import extraction
    # Loaded once, here: forked workers share it rather than each loading it again.
    extraction.warm_up()
    if workers == 1:
        for chunk in _chunks(items, chunk_lines):
            yield from _process_lines(chunk)
        return
    # The loaded pipeline is frozen (extraction.warm_up): the collector leaves its
    # pages alone, so the forked workers share them rather than copy them.
    context = multiprocessing.get_context("fork")
    window = workers * 4  # bounded look-ahead in chunks: memory stays flat on any corpus
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker) as pool:
        pending: collections.deque = collections.deque()
        for chunk in _chunks(items, chunk_lines):
            pending.append(pool.submit(_process_lines, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


# --- commands --------------------------------------------------------------------

def _read_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    # Bytes, split on \n only: a bad byte spoils its own line, not the file.
    for lineno, raw in enumerate(stream, 1):
        yield lineno, raw.rstrip(b"\r\n")


def _count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _open_out(path: str | None) -> IO[str]:
    if path in (None, "-"):
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def _describe(problem: dict) -> str:
    slug = problem["type"].rsplit("/", 1)[-1]
    fields = "; ".join(f"{e['field']}: {e['message']}" for e in problem.get("errors", ()))
    return f"{slug}: {problem['detail']}" + (f" ({fields})" if fields else "")


def cmd_extract_jsonl(args) -> int:
    from tqdm import tqdm

    source = args.jsonl
    if source == "-":
        stream, total = sys.stdin.buffer, None
    else:
        path = Path(source)
        try:
            stream = path.open("rb")
            total = _count_lines(path)
        except OSError as exc:
            raise UsageError(f"cannot read {source}: {exc.strerror}") from None
    out = _open_out(args.out)
    errors_out = _open_out(args.errors) if args.errors else None
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    done = skipped = 0
    bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=not progress,
               dynamic_ncols=True, desc="extract")
    try:
        # Someone typing lines gets each answer at once, not after sixteen lines.
        chunk_lines = 1 if stream.isatty() else CHUNK_LINES
        for lineno, output, problem in _results(_read_lines(stream), args.workers, chunk_lines):
            if output is not None:
                out.write(output + "\n")
                done += 1
            elif problem is not None:
                skipped += 1
                tqdm.write(f"{PROG}: line {lineno}: skipped: {_describe(problem)}", file=sys.stderr)
                if errors_out is not None:
                    errors_out.write(json.dumps({"line": lineno, **problem},
                                                ensure_ascii=False) + "\n")
            bar.update(1)
            if skipped:
                bar.set_postfix(skipped=skipped, refresh=False)
    except BrokenProcessPool:
        bar.close()
        print(f"{PROG}: a worker process died (out of memory?); "
              f"{done} documents written before it did", file=sys.stderr)
        return EXIT_FAILED
    finally:
        bar.close()
        if stream is not sys.stdin.buffer:
            stream.close()
        for f in (out, errors_out):
            if f is not None and f is not sys.stdout:
                f.close()
        sys.stdout.flush()
    print(f"{PROG}: {done} extracted, {skipped} skipped", file=sys.stderr)
    return EXIT_SKIPPED if skipped else EXIT_OK


def cmd_extract(args) -> int:
    if args.jsonl is not None:
        if args.file is not None:
            raise UsageError("give FILE or --jsonl, not both")
        if args.id is not None or args.reference_date is not None or args.pretty:
            raise UsageError("--id, --reference-date and --pretty go with FILE; "
                             "with --jsonl each line carries its own id and reference_date")
        return cmd_extract_jsonl(args)
    if args.file is None:
        raise UsageError("give FILE (or - for stdin), or --jsonl IN")
    if args.out not in (None, "-") or args.errors is not None or args.workers != 1:
        raise UsageError("--out, --errors and --workers go with --jsonl")

    from service.exceptions import InvalidDocument
    from service.extraction import extract

    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror}") from None
    try:
        # Verbatim (BOM and CRLF kept), as POST /v1/extract takes a text/plain body:
        # the Result's offsets are into exactly these characters.
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        print(f"{PROG}: {args.file} is not valid UTF-8 (byte offset {exc.start})", file=sys.stderr)
        return EXIT_FAILED
    try:
        result = extract(text, doc_id=args.id, reference_date=args.reference_date)
    except InvalidDocument as exc:
        print(f"{PROG}: invalid document: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(result, ensure_ascii=False, allow_nan=False,
                     indent=2 if args.pretty else None))
    return EXIT_OK


def cmd_serve(args) -> int:
    from service.__main__ import serve
    serve(args)
    return EXIT_OK


def cmd_spark(args) -> int:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise UsageError("pyspark is not installed: pip install -e '.[spark]'") from None
    from service import spark

    try:
        return spark.command(args)
    except spark.SparkUsageError as exc:
        raise UsageError(str(exc)) from None


def cmd_check(args) -> int:
    from service import check

    golden = Path(args.golden)
    if not sorted(golden.glob("*.json")):
        raise UsageError(f"no fixtures (*.json) in {golden}")
    extract = check.http_extract(args.url) if args.url else None
    reports = check.run_check(golden, Path(args.seeds), extract, update=args.update)
    print(check.format_report(reports, verbose=args.verbose))
    for r in reports:
        if r.updated:
            print(f"updated {r.name}: " + ", ".join(s.name for s in r.sections if not s.ok))
    if any(r.error for r in reports):
        return EXIT_USAGE
    return EXIT_OK if all(r.ok for r in reports) or args.update else EXIT_FAILED


# --- arguments -------------------------------------------------------------------

def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per CPU) or a positive integer, not {value!r}")
    return n or (os.cpu_count() or 1)


def build_parser() -> argparse.ArgumentParser:
    from service import check
    from service.__main__ import add_server_arguments

    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG, formatter_class=fmt,
        description="Extract the event, people, organisations, products, quantitative facts "
                    "and quotes from Chinese tech-news articles.",
        epilog=EXAMPLES + "\n" + EXIT_CODES)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ex = _command(sub, "extract", cmd_extract, "extract from one article, or a JSONL corpus",
                  "Print the Result (the JSON POST /v1/extract returns) for one article, "
                  "or process a JSONL corpus.\n\n" + JSONL_HELP)
    ex.add_argument("file", nargs="?", metavar="FILE",
                    help="the article as UTF-8 text, or - for stdin; taken verbatim")
    ex.add_argument("--id", help="echoed as document.id (FILE only)")
    ex.add_argument("--reference-date", metavar="YYYY-MM-DD",
                    help="publication date that 今天, 昨日 resolve against (FILE only)")
    ex.add_argument("--pretty", action="store_true", help="indent the JSON (FILE only)")
    ex.add_argument("--jsonl", metavar="IN", help="a JSONL corpus, or - for stdin")
    ex.add_argument("--out", metavar="OUT", help="where --jsonl writes Results (default stdout)")
    ex.add_argument("--errors", metavar="ERRORS",
                    help="also write each skipped line's problem, with its line number, as JSONL")
    ex.add_argument("--workers", type=_workers, default=1, metavar="N",
                    help="processes for --jsonl (default 1; 0 = one per CPU), "
                         "forked once the pipeline has loaded")
    ex.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bar on stderr (default: when stderr is a terminal)")

    sv = sub.add_parser("serve", help="start the HTTP service (the production server; --dev: Flask's)",
                        description="Serve the HTTP API and the page at / with the production "
                                    "server (gunicorn, service/gunicorn_config.py); --dev for "
                                    "Flask's development server.")
    add_server_arguments(sv)
    sv.set_defaults(handler=cmd_serve)

    ck = _command(sub, "check", cmd_check, "compare extraction with the golden fixtures",
                  "Extract each seeds/NAME.txt and compare it with fixtures/golden/NAME.json, "
                  "on the sections the fixture claims (its keys), ignoring confidence. "
                  "Prints every difference.")
    ck.add_argument("--golden", default=str(check.GOLDEN_DIR), metavar="DIR",
                    help="the fixtures (default: the checkout's fixtures/golden)")
    ck.add_argument("--seeds", default=str(check.SEEDS_DIR), metavar="DIR",
                    help="the articles (default: the checkout's seeds)")
    ck.add_argument("--url", help="check a running service (e.g. http://127.0.0.1:8000) "
                                  "instead of extracting in-process")
    ck.add_argument("--update", action="store_true",
                    help="rewrite the claimed sections that differ with what is returned now")
    ck.add_argument("-v", "--verbose", action="store_true", help="show every difference")

    from service import spark
    sp = _command(sub, "spark", cmd_spark, "extract a corpus on Apache Spark (pip install -e '.[spark]')",
                  "Extract every document of a JSONL or Parquet corpus on Spark (local, or a "
                  "cluster under spark-submit): one output row per input row, with its Result "
                  "or, for a bad row, the problem the API would answer.")
    spark.add_arguments(sp)
    return parser


def _command(sub, name: str, handler, help: str, description: str) -> argparse.ArgumentParser:
    """A subcommand with the usual formatter, the exit codes as its epilog, and its handler."""
    command = sub.add_parser(name, formatter_class=argparse.RawDescriptionHelpFormatter,
                             help=help, description=description, epilog=EXIT_CODES)
    command.set_defaults(handler=handler)
    return command


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"{PROG} {args.command}: error: {exc}\n")
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # e.g. `| head`: stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
