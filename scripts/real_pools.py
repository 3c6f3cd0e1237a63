"""Score the real-text sets per article and pool them the way the README reports them.

    python -m scripts.real_pools run OUT.json [SET ...] [--held]
    python -m scripts.real_pools pool RUN.json [GROUP ...]
    python -m scripts.real_pools diff A.json B.json [GROUP ...]

`run` extracts every article of fixtures/real*/ whose text is present and writes
service.evaluate's per-article scores (set -> split -> list) as JSON; the held-out
sets (tests/real_sets.HELD_OUT_SETS) are left out unless --held is given, so a
development run cannot see them. `pool` sums those scores over a group:

  READ      fixtures/real ... real16 whole and the test parts of the later sets in development
  CHECK     the dev parts of real17 and later sets in development (pooled figures only)
  HELD      the held-out sets whole; HELDdev and HELDtest their parts
  SET, SET:split   one set or one part

and prints each section's F1 (tp/fp/fn), the macro mean of the six sections the
README reports (time expressions shown apart), the primary event, quote speakers
and the role and employer of matched people. `diff` lists the misses one run has
and the other has not, per article, and the primary events that changed (READ by default;
CHECK only when named, since its articles are not read to tune on).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MACRO_SECTIONS = ("events", "participants", "organizations", "products", "quantitative_facts", "quotes")
WHOLE_SETS_UP_TO = 16   # real ... real16 were read whole before splits were kept apart


def set_number(name: str) -> int:
    match = re.fullmatch(r"real(\d*)", name)
    if not match:
        raise ValueError(f"not a real-text set: {name}")
    return int(match.group(1) or 1)


def held_out_sets() -> tuple[str, ...]:
    sys.path.insert(0, str(ROOT))
    from tests.real_sets import HELD_OUT_SETS
    return HELD_OUT_SETS


def in_group(group: str, set_name: str, split: str, held: tuple[str, ...]) -> bool:
    n = set_number(set_name)
    developing = set_name not in held
    rules = {
        "READ": developing and (n <= WHOLE_SETS_UP_TO or split == "test"),
        "CHECK": developing and n > WHOLE_SETS_UP_TO and split == "dev",
        "HELD": not developing,
        "HELDdev": not developing and split == "dev",
        "HELDtest": not developing and split == "test",
    }
    if group in rules:
        return rules[group]
    return group in (set_name, f"{set_name}:{split}")


def members(run: dict, group: str, held: tuple[str, ...]) -> list[tuple[str, str, dict]]:
    return [(s, split, article) for s, splits in run.items() for split, articles in splits.items()
            if in_group(group, s, split, held) for article in articles]


def f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pooled(articles: list[tuple[str, str, dict]]) -> tuple[dict, dict]:
    counts: dict[str, list[int]] = {}
    tallies = dict.fromkeys(("speaker_right", "speaker_total", "role_right", "role_total",
                             "employer_right", "employer_total", "primary_right", "primary_total"), 0)
    for _, _, a in articles:
        for section, score in a["scores"].items():
            c = counts.setdefault(section, [0, 0, 0])
            c[0] += score["tp"]; c[1] += score["fp"]; c[2] += score["fn"]
        for key in ("speaker", "role", "employer"):
            tallies[f"{key}_right"] += a[f"{key}_right"]
            tallies[f"{key}_total"] += a[f"{key}_total"]
        if a["primary_right"] is not None:
            tallies["primary_total"] += 1
            tallies["primary_right"] += int(a["primary_right"])
    return counts, tallies


def pool_line(run: dict, group: str, held: tuple[str, ...]) -> str:
    articles = members(run, group, held)
    counts, t = pooled(articles)
    scores = {s: f1(*counts.get(s, (0, 0, 0))) for s in MACRO_SECTIONS}
    macro = sum(scores.values()) / len(MACRO_SECTIONS)
    parts = [f"{group:9s} n={len(articles):3d} macro={macro:.3f}"]
    parts += [f"{s[:5]}={scores[s]:.3f}({'/'.join(map(str, counts.get(s, [0, 0, 0])))})" for s in MACRO_SECTIONS]
    if "time_expressions" in counts:
        parts.append(f"time={f1(*counts['time_expressions']):.3f}")
    parts += [f"primary={t['primary_right']}/{t['primary_total']}",
              f"spk={t['speaker_right']}/{t['speaker_total']}",
              f"role={t['role_right']}/{t['role_total']}",
              f"emp={t['employer_right']}/{t['employer_total']}"]
    return " ".join(parts)


def diff_lines(a_run: dict, b_run: dict, group: str, held: tuple[str, ...]) -> list[str]:
    a_by = {(s, a["name"]): a for s, _, a in members(a_run, group, held)}
    b_by = {(s, a["name"]): a for s, _, a in members(b_run, group, held)}
    out = []
    for key in sorted(a_by.keys() & b_by.keys()):
        a, b = a_by[key], b_by[key]
        where = f"{group} {key[0]}/{key[1]}"
        for section in sorted(a["misses"].keys() | b["misses"].keys()):
            before, after = set(a["misses"].get(section, [])), set(b["misses"].get(section, []))
            out += [f"  {where} {section}: GONE  {m}" for m in sorted(before - after)]
            out += [f"  {where} {section}: NEW   {m}" for m in sorted(after - before)]
        if a["primary_right"] != b["primary_right"]:
            out.append(f"  {where} primary {a['primary_right']} -> {b['primary_right']}")
    return out


def run_sets(out: Path, sets: list[str], with_held: bool) -> int:
    sys.path.insert(0, str(ROOT))
    from service import evaluate
    from service.pipeline import get_pipeline
    held = held_out_sets()
    named_held = [s for s in sets if s in held]
    if named_held and not with_held:
        raise SystemExit(f"held out: {', '.join(named_held)} (only with --held)")
    if not sets:
        sets = sorted((p.name for p in (ROOT / "fixtures").glob("real*") if (p / "manifest.json").exists()),
                      key=set_number)
        sets = [s for s in sets if with_held or s not in held]
    pipeline = get_pipeline()
    result: dict = {}
    for name in sets:
        corpus = evaluate.load_manifest_corpus(ROOT / "fixtures" / name)
        result[name] = {}
        for split, items in corpus.items.items():
            scored = []
            for article, text, expected in items:
                reference = expected.get("_reference_date")
                extracted = pipeline.extract(text, doc_id=article, reference_date=(
                    dt.date.fromisoformat(reference) if reference else None))
                score = dataclasses.asdict(evaluate.evaluate_article(article, expected, extracted))
                score.pop("confidences", None)
                scored.append(score)
            result[name][split] = scored
    out.write_text(json.dumps(result, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote {out}: {sum(len(v) for s in result.values() for v in s.values())} articles")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run"); r.add_argument("out", type=Path); r.add_argument("sets", nargs="*")
    r.add_argument("--held", action="store_true", help="score the held-out sets too")
    p = sub.add_parser("pool"); p.add_argument("run", type=Path); p.add_argument("groups", nargs="*")
    d = sub.add_parser("diff"); d.add_argument("a", type=Path); d.add_argument("b", type=Path)
    d.add_argument("groups", nargs="*")
    args = parser.parse_args(argv)
    if args.command == "run":
        return run_sets(args.out, args.sets, args.held)
    held = held_out_sets()
    if args.command == "pool":
        run = json.loads(args.run.read_text(encoding="utf-8"))
        for group in args.groups or ["READ", "CHECK", "HELD", "HELDdev", "HELDtest"]:
            print(pool_line(run, group, held))
        return 0
    a_run = json.loads(args.a.read_text(encoding="utf-8"))
    b_run = json.loads(args.b.read_text(encoding="utf-8"))
    for group in args.groups or ["READ"]:
        print("A", pool_line(a_run, group, held))
        print("B", pool_line(b_run, group, held))
        print("\n".join(diff_lines(a_run, b_run, group, held)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
