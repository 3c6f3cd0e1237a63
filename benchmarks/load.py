"""HTTP load: the production server as the README deploys it (`python -m service
--workers N`: gunicorn with the buffering worker, service/gunicorn_config.py) with 1
and with 2 workers, the seed and the fixture articles, throughput and latency
percentiles; start-up time and memory.

    python benchmarks/load.py [--requests 200] [--concurrency 4] [--json]

Only 127.0.0.1, a bounded number of requests, and it stops by itself. Also
measures in-process extraction of the same texts (for HTTP overhead at p50),
the batch endpoint's documents per second, and the command line's --workers.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from processes import free_port, stop   # benchmarks/, this script's own directory

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
READY_TIMEOUT = 60.0


def texts() -> list[str]:
    found = [(ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")]
    found += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    return found


def post(url: str, body: dict, timeout: float = 60.0) -> float:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"status {response.status}")
    return time.perf_counter() - started


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


class Server:
    def __init__(self, workers: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "service", "--port", str(self.port), "--workers", str(workers)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = started + READY_TIMEOUT
        while time.perf_counter() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.02)
        else:
            self.stop()
            raise RuntimeError("gunicorn did not become ready")
        self.startup = time.perf_counter() - started

    def stop(self) -> None:
        stop(self.process)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_load(server: Server, corpus: list[str], requests: int, concurrency: int) -> dict:
    url = server.base + "/v1/extract"
    bodies = [{"text": corpus[i % len(corpus)]} for i in range(requests)]
    post(url, bodies[0])  # warm
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        latencies = list(pool.map(lambda b: post(url, b), bodies))
    wall = time.perf_counter() - started
    return {"requests": requests, "throughput_rps": round(requests / wall, 2),
            "p50_ms": round(percentile(latencies, 0.50) * 1e3, 2),
            "p95_ms": round(percentile(latencies, 0.95) * 1e3, 2),
            "p99_ms": round(percentile(latencies, 0.99) * 1e3, 2)}


def run_batch(server: Server, corpus: list[str], rounds: int, concurrency: int) -> float:
    url = server.base + "/v1/extract/batch"
    body = {"documents": [{"id": str(i), "text": t} for i, t in enumerate(corpus)]}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(lambda _: post(url, body, timeout=300), range(rounds)))
    return round(rounds * len(corpus) / (time.perf_counter() - started), 2)


def in_process_p50(corpus: list[str], requests: int) -> float:
    sys.path.insert(0, str(ROOT))
    from service import extract
    extract(corpus[0])
    times = []
    for i in range(requests):
        started = time.perf_counter()
        extract(corpus[i % len(corpus)])
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1e3, 2)


def cli_docs_per_second(corpus: list[str], workers: int, documents: int = 1000) -> float:
    """The fixture corpus repeated to `documents` lines through `extract --jsonl`."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for i in range(documents):
                f.write(json.dumps({"id": str(i), "text": corpus[i % len(corpus)]},
                                   ensure_ascii=False) + "\n")
        started = time.perf_counter()
        subprocess.run([str(BIN / "zh-news-extract"), "extract", "--jsonl", str(src), "--out", str(out),
                        "--workers", str(workers)], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return round(documents / (time.perf_counter() - started), 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    corpus = texts()
    report: dict = {"texts": len(corpus), "mean_chars": round(statistics.mean(map(len, corpus)))}
    for workers in (1, 2):
        server = Server(workers)
        try:
            pids = worker_pids(server.process.pid)
            rss_start = sum(rss_kib(p) for p in pids) // max(len(pids), 1)
            load = run_load(server, corpus, args.requests, args.concurrency)
            rss_after = sum(rss_kib(p) for p in pids) // max(len(pids), 1)
            load.update({"startup_s": round(server.startup, 3), "worker_rss_mib_start": round(rss_start / 1024, 1),
                         "worker_rss_mib_after": round(rss_after / 1024, 1),
                         "batch_docs_per_s": run_batch(server, corpus, 3, workers)})
            if workers == 1:  # latency without queueing, for the HTTP overhead
                load["sequential_p50_ms"] = run_load(server, corpus, min(args.requests, 60), 1)["p50_ms"]
            report[f"workers_{workers}"] = load
        finally:
            server.stop()
    report["scaling_2_over_1"] = round(report["workers_2"]["throughput_rps"] / report["workers_1"]["throughput_rps"], 2)
    report["in_process_p50_ms"] = in_process_p50(corpus, min(args.requests, 100))
    report["http_overhead_at_p50"] = round(
        report["workers_1"]["sequential_p50_ms"] / report["in_process_p50_ms"] - 1, 3)
    report["cli_docs_per_s"] = {w: cli_docs_per_second(corpus, w) for w in (1, 2)}
    report["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    print(json.dumps(report, indent=1) if args.json else render(report))
    return 0


def render(r: dict) -> str:
    lines = [f"texts: {r['texts']} (mean {r['mean_chars']} characters)", "",
             "workers  req/s    p50 ms   p95 ms   p99 ms  start-up s  worker RSS MiB (start/after)  batch docs/s"]
    for w in (1, 2):
        x = r[f"workers_{w}"]
        lines.append(f"{w:7d} {x['throughput_rps']:6.1f} {x['p50_ms']:9.1f} {x['p95_ms']:8.1f} {x['p99_ms']:8.1f}"
                     f" {x['startup_s']:11.2f}  {x['worker_rss_mib_start']:8.1f} / {x['worker_rss_mib_after']:<8.1f}"
                     f"          {x['batch_docs_per_s']:8.1f}")
    lines += ["", f"2 workers / 1 worker throughput: {r['scaling_2_over_1']}x",
              f"in-process p50: {r['in_process_p50_ms']} ms",
              f"one request at a time over HTTP, p50: {r['workers_1']['sequential_p50_ms']} ms",
              f"HTTP and JSON over in-process at p50: {1 + r['http_overhead_at_p50']:.2f}x",
              f"command line docs/s on 1,000 documents: {r['cli_docs_per_s']} "
              f"({r['cli_docs_per_s'][2] / r['cli_docs_per_s'][1]:.2f}x)",
              f"load average at the end: {' '.join(r['load_average'])}"]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
