"""The same text gives the same Result in every process, whatever its hash seed.

Spark's Python workers run with PYTHONHASHSEED=0 and a plain `python` with a random
seed: a Result that depends on set iteration order (say, a float product of evidence
weights rounded to 3 places) would differ between them.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import json, sys
from pathlib import Path
from service import extract
out = {}
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    out[path.stem] = extract(path.read_text(encoding="utf-8"), doc_id=path.stem,
                             reference_date=meta.get("_reference_date"))
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def _results(seed: int) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "fixtures" / "articles")],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=True)
    return json.loads(proc.stdout)


def test_fixture_corpus_results_do_not_depend_on_the_hash_seed():
    # Seeds 0 and 1 gave 0.885 and 0.884 for one product's confidence before the
    # evidence weights were multiplied in sorted order.
    first, second = _results(0), _results(1)
    assert len(first) >= 20
    for name in first:
        assert first[name] == second[name], name
