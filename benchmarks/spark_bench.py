"""Spark local[1] and local[2] beside the command line's --workers 1 and 2, same run.

    python benchmarks/spark_bench.py [--docs 2000] [--rounds 3] [--partitions 8] [--pin] [--json]

The fixture articles repeated to about --docs documents (JSONL, distinct ids). For
each round, in this order: `extract --jsonl --workers 1`, `--workers 2`, then Spark
local[1] and local[2], each in a fresh Python process of its own (see `--child`).

- Spark's fixed start-up is reported separately: the SparkSession (JVM) start, then a
  warm-up run of the command on 2 documents per partition, which forks the Python workers
  and loads the pipeline in each. Documents per second "after start-up" is then the
  whole corpus through `service.spark.run` (read JSONL, extract, write Parquet, count)
  in that warmed session.
- The command line's documents per second are end to end (its start-up, process spawn
  and pipeline loads included), and its start-up alone is timed on a 1-document corpus,
  so that its rate after start-up is shown too.

Best of the rounds for each figure (the machine is shared and noisy); every round's
figures are printed too. Needs the spark extra and Java.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"


def write_corpus(path: Path, docs: int) -> int:
    articles = []
    for text_path in sorted(ARTICLES.glob("*.txt")):
        meta = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        articles.append((text_path.stem, text_path.read_text(encoding="utf-8"), meta.get("_reference_date")))
    copies = max(1, round(docs / len(articles)))
    with path.open("w", encoding="utf-8") as f:
        for n in range(copies):
            for name, text, ref in articles:
                f.write(json.dumps({"id": f"{name}#{n}", "text": text, "reference_date": ref},
                                   ensure_ascii=False) + "\n")
    return copies * len(articles)


def pinned(cores: int | None) -> list[str]:
    """With --pin: run on CPUs 0..cores-1 only (taskset), so that local[1] and
    --workers 1 get one core, not one core for the work and a second for the JVM or
    the parent process's reading and writing."""
    return ["taskset", "-c", f"0-{cores - 1}"] if cores else []


class CpuMeter:
    """CPU seconds (user + system) used by a process and all its descendants while
    running: /proc sampled every 0.1 s, each process's last reading kept. On a shared
    machine wall-clock time says how loaded it was; CPU time says what the work cost."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.start: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @staticmethod
    def _stat(pid: int) -> tuple[int, int] | None:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None
        return int(fields[1]), int(fields[11]) + int(fields[12])  # ppid, utime + stime

    def _descendants(self) -> dict[int, int]:
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and (stat := self._stat(int(entry.name))):
                stats[int(entry.name)] = stat
        ours, frontier = {self.root}, [self.root]
        children: dict[int, list[int]] = {}
        for pid, (ppid, _) in stats.items():
            children.setdefault(ppid, []).append(pid)
        while frontier:
            for child in children.get(frontier.pop(), ()):
                ours.add(child)
                frontier.append(child)
        return {pid: stats[pid][1] for pid in ours if pid in stats}

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.last.update(self._descendants())

    def __enter__(self) -> "CpuMeter":
        self.start = self._descendants()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.last.update(self._descendants())

    @property
    def seconds(self) -> float:
        ticks = sum(t - self.start.get(pid, 0) for pid, t in self.last.items())
        return ticks / os.sysconf("SC_CLK_TCK")


def cli_run(corpus: Path, workers: int, pin: bool = False) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of `extract --jsonl --workers N`, start-up included."""
    started = time.perf_counter()
    proc = subprocess.Popen([*pinned(workers if pin else None),
                             sys.executable, "-m", "service.cli", "extract", "--jsonl", str(corpus),
                             "--out", os.devnull, "--workers", str(workers), "--no-progress"],
                            cwd=ROOT, stderr=subprocess.DEVNULL)
    with CpuMeter(proc.pid) as meter:
        if proc.wait() != 0:
            raise RuntimeError(f"extract --workers {workers} failed")
    return time.perf_counter() - started, meter.seconds


def spark_child(master: str, corpus: Path, warm: Path, partitions: int, work: Path) -> dict:
    """In this process: start Spark, warm it up, time the corpus. Prints one JSON line."""
    from service import spark as zspark

    started = time.perf_counter()
    session = zspark.session(master, "zh-news-extract-bench", conf={"spark.ui.enabled": "false"})
    session.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - started

    started = time.perf_counter()
    # As many partitions as the timed run, so that every Python worker is forked and
    # has loaded the pipeline, and the JVM has run the same plan once.
    zspark.run(session, str(warm), str(work / "warm"), fmt="parquet", partitions=partitions)
    warm_up_s = time.perf_counter() - started

    started = time.perf_counter()
    with CpuMeter(os.getpid()) as meter:
        rows, failed = zspark.run(session, str(corpus), str(work / "out"), fmt="parquet",
                                  partitions=partitions)
    corpus_s = time.perf_counter() - started
    session.stop()
    assert failed == 0, f"{failed} rows failed"
    return {"master": master, "session_s": session_s, "warm_up_s": warm_up_s,
            "corpus_s": corpus_s, "corpus_cpu_s": meter.seconds, "rows": rows}


def spark_run(master: str, corpus: Path, warm: Path, partitions: int, cores: int | None = None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="zne-spark-bench-"))
    try:
        started = time.perf_counter()
        proc = subprocess.run(
            [*pinned(cores), sys.executable, __file__, "--child", master, "--corpus", str(corpus),
             "--warm", str(warm), "--partitions", str(partitions), "--work", str(work)],
            check=True, cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "PYSPARK_PYTHON": sys.executable})
        total = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    figures["process_s"] = total
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--pin", action="store_true",
                        help="run each N-core measurement on CPUs 0..N-1 only (taskset)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--warm", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(spark_child(args.child, Path(args.corpus), Path(args.warm),
                                     args.partitions, Path(args.work))))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="zne-spark-bench-"))
    try:
        corpus, one, warm = tmp / "corpus.jsonl", tmp / "one.jsonl", tmp / "warm.jsonl"
        docs = write_corpus(corpus, args.docs)
        lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        one.write_text(lines[0], encoding="utf-8")
        warm.write_text("".join(lines[:2 * args.partitions]), encoding="utf-8")
        rounds = []
        for n in range(args.rounds):
            pin = args.pin
            (cli_1_s, cli_1_cpu), (cli_2_s, cli_2_cpu) = cli_run(corpus, 1, pin), cli_run(corpus, 2, pin)
            (cli_1_startup_s, cli_1_startup_cpu), (cli_2_startup_s, cli_2_startup_cpu) = (
                cli_run(one, 1, pin), cli_run(one, 2, pin))
            r = {"cli_1_s": cli_1_s, "cli_2_s": cli_2_s, "cli_1_startup_s": cli_1_startup_s,
                 "cli_2_startup_s": cli_2_startup_s,
                 "cli_1_cpu_s": cli_1_cpu - cli_1_startup_cpu, "cli_2_cpu_s": cli_2_cpu - cli_2_startup_cpu,
                 "load_1min": os.getloadavg()[0],
                 "spark_1": spark_run("local[1]", corpus, warm, args.partitions, 1 if pin else None),
                 "spark_2": spark_run("local[2]", corpus, warm, args.partitions, 2 if pin else None)}
            rounds.append(r)
            print(f"round {n + 1}: " + json.dumps(r), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def best(values):
        return min(values)

    report = {"docs": docs, "partitions": args.partitions, "pinned": args.pin, "rounds": rounds}
    for w in (1, 2):
        total = best(r[f"cli_{w}_s"] for r in rounds)
        startup = best(r[f"cli_{w}_startup_s"] for r in rounds)
        report[f"cli_workers_{w}"] = {
            "docs_per_s_end_to_end": round(docs / total, 1),
            "startup_s": round(startup, 2),
            "docs_per_s_after_startup": round(docs / (total - startup), 1),
            "cpu_ms_per_doc": round(1000 * min(r[f"cli_{w}_cpu_s"] for r in rounds) / docs, 2)}
        runs = [r[f"spark_{w}"] for r in rounds]
        report[f"spark_local_{w}"] = {
            "docs_per_s_after_startup": round(docs / best(x["corpus_s"] for x in runs), 1),
            "session_start_s": round(best(x["session_s"] for x in runs), 2),
            "warm_up_s": round(best(x["warm_up_s"] for x in runs), 2),
            "process_s": round(best(x["process_s"] for x in runs), 2),
            "docs_per_s_end_to_end": round(docs / best(x["process_s"] for x in runs), 1),
            "cpu_ms_per_doc": round(1000 * min(x["corpus_cpu_s"] for x in runs) / docs, 2)}
    report["spark_2_over_1_after_startup"] = round(
        report["spark_local_2"]["docs_per_s_after_startup"]
        / report["spark_local_1"]["docs_per_s_after_startup"], 2)
    report["cli_2_over_1_after_startup"] = round(
        report["cli_workers_2"]["docs_per_s_after_startup"]
        / report["cli_workers_1"]["docs_per_s_after_startup"], 2)
    per_round = [round(r["spark_1"]["corpus_s"] / r["spark_2"]["corpus_s"], 2) for r in rounds]
    report["spark_2_over_1_each_round"] = per_round

    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{docs} documents (fixture articles repeated), {args.partitions} partitions, "
          f"best of {len(rounds)} rounds" + (", each N-core run pinned to N CPUs" if args.pin else ""))
    print("what                     docs/s after start-up  docs/s end to end  start-up")
    for w in (1, 2):
        c = report[f"cli_workers_{w}"]
        print(f"extract --workers {w}       {c['docs_per_s_after_startup']:>10}"
              f"             {c['docs_per_s_end_to_end']:>10}         {c['startup_s']} s")
    for w in (1, 2):
        s = report[f"spark_local_{w}"]
        print(f"spark local[{w}]            {s['docs_per_s_after_startup']:>10}"
              f"             {s['docs_per_s_end_to_end']:>10}         "
              f"{s['session_start_s']} s session + {s['warm_up_s']} s warm-up")
    print(f"local[2] / local[1] after start-up: {report['spark_2_over_1_after_startup']}x "
          f"(each round: {per_round})")
    print(f"--workers 2 / --workers 1 after start-up: {report['cli_2_over_1_after_startup']}x")
    print("CPU ms per document after start-up (all processes): " + ", ".join(
        f"{name} {report[key]['cpu_ms_per_doc']}" for name, key in (
            ("--workers 1", "cli_workers_1"), ("--workers 2", "cli_workers_2"),
            ("local[1]", "spark_local_1"), ("local[2]", "spark_local_2"))))
    print("load average at each round: " + ", ".join(f"{r['load_1min']:.1f}" for r in rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
