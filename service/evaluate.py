"""Accuracy of the pipeline on a corpus of hand-checked articles.

    python -m service.evaluate [DIR] [--split dev|test|all] [--json]

DIR (default fixtures/articles) holds NAME.txt beside NAME.json, the expected
Result (format in fixtures/articles/README.md). A DIR with a manifest.json (the
real-text set, fixtures/real/) lists its articles instead: each has a split (dev
or test, fixed once), a reference date and the sha256 of its text, which lives
beside the manifest when its licence allows and otherwise in DIR/texts/ (rebuilt
by scripts/fetch_real_texts.py). Articles whose text or annotation is absent, or
whose text does not match its hash, are skipped with a note; each split is
reported on its own. Matching is on substance:
entities by id, or by name and aliases in any script; facts by kind, value and
unit (in either script; a count's unit may be the measure word or the noun counted,
so an annotated count unit matches our `unit` or our `counted`, or that noun
phrase's head of two or more characters: 16家AI企業 is 家, AI企業 or 企業); quotes by text overlap, then speaker; an event the annotation names by
what happened (no id) by a name or alias sharing at least half its characters
with one of ours. Prints precision, recall and F1 per section, the primary
event, quote-speaker accuracy, the role and employer accuracy of the matched
people, a calibration table of confidence bands and the worst articles.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .nlp.shared_run import longest_shared_run

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "fixtures" / "articles"
SECTIONS = ("events", "participants", "organizations", "products", "quantitative_facts", "quotes",
            "time_expressions")
WORST_SHOWN = 5     # the lowest-scoring articles a report lists with their misses
MISSES_SHOWN = 6    # misses of one section printed per listed article (all with --worst 0)
BANDS = ((0.9, 1.01, "0.9-1"), (0.7, 0.9, "0.7-0.9"), (0.5, 0.7, "0.5-0.7"), (0.0, 0.5, "<0.5"))
QUOTE_OVERLAP = 0.5   # share of the longer quote text that the common part must cover
# An event named by what happened (聯發科天璣9400發表會, DeepSeek-V3发布并开源) has no
# one right wording: a name of ours matches when the common part covers this share.
EVENT_NAME_OVERLAP = 0.5
# A count annotated in the noun it counts matches the head of our noun phrase when the
# annotation's noun is this long (用户 in 智能手机用户; not 组 in 芯片组).
COUNTED_HEAD_MIN = 2


def _key(s: str) -> str:
    from .nlp.text import tables
    return "".join(tables().key(s or "").split())


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleReport:
    name: str
    scores: dict[str, Score] = field(default_factory=dict)
    speaker_right: int = 0
    speaker_total: int = 0
    primary_right: bool | None = None
    role_right: int = 0
    role_total: int = 0
    employer_right: int = 0
    employer_total: int = 0
    confidences: list[tuple[float, bool]] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)

    @property
    def mean_f1(self) -> float:
        return sum(s.f1 for s in self.scores.values()) / max(len(self.scores), 1)


# -- matching ---------------------------------------------------------------
def _names(item: dict) -> set[str]:
    names = {_key(item.get("name", ""))} | {_key(a) for a in item.get("aliases", [])}
    return {n for n in names if n}


def _same_entity(want: dict, got: dict) -> bool:
    if want.get("id") and want["id"] == got.get("id"):
        return True
    return bool(_names(want) & _names(got))


def _event_named(want: dict, got: dict) -> bool:
    """The event under one of the names or mentions the annotation gives (not overlap or day)."""
    if want.get("id"):
        return want["id"] == got.get("id")
    return bool(_names(want) & (_names(got) | {_key(m["text"]) for m in got.get("mentions") or []}))


def _same_event(want: dict, got: dict) -> bool:
    if want.get("id"):
        return want["id"] == got.get("id")
    # A one-off event has no canonical name: the words the text calls it by (its
    # mentions) count as names, a name sharing most of its characters with one of
    # ours matches, and the same day with no other organiser is the same event.
    got_names = _names(got) | {_key(m["text"]) for m in got.get("mentions") or []}
    if _names(want) & got_names:
        return True
    if any(_overlap(w, g) >= EVENT_NAME_OVERLAP for w in _names(want) for g in got_names):
        return True
    same_day = want.get("date") and len(want["date"]) == 10 and want["date"] == got.get("date")
    other_organizer = (want.get("organizer") and got.get("organizer")
                       and want["organizer"] != got["organizer"])
    return bool(same_day) and not other_organizer


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _unit(unit: str | None) -> str | None:
    """A counted unit is the same in either script (28 個州 is counted in 个)."""
    if unit is None:
        return None
    from .nlp.text import tables
    return tables().normalise(unit)


def _counts(want: dict, got: dict) -> bool:
    """A count's unit is the measure word (our unit) or the noun counted (our counted):
    the whole phrase, or its head noun of two or more characters (28亿智能手机用户 counts 用户)."""
    counted, unit = _unit(got.get("counted")), _unit(want["unit"])
    if got.get("kind") != "count" or counted is None or unit is None:
        return False
    return counted == unit or (len(unit) >= COUNTED_HEAD_MIN and counted.endswith(unit))


def _same_fact(want: dict, got: dict) -> bool:
    if want.get("kind") and want["kind"] != got.get("kind"):
        return False
    if "unit" in want and _unit(want["unit"]) != _unit(got.get("unit")) and not _counts(want, got):
        return False
    if want.get("value") is None and ("min" in want or "max" in want):
        return _close(want.get("min"), got.get("min")) and _close(want.get("max"), got.get("max"))
    return _close(want.get("value"), got.get("value"))


def _overlap(a: str, b: str) -> float:
    """Longest common substring over the longer text (linear enough for quotes)."""
    a, b = _key(a), _key(b)
    if not a or not b:
        return 0.0
    return longest_shared_run(a, b) / max(len(a), len(b))


def _same_quote(want: dict, got: dict) -> bool:
    return _overlap(want.get("text", ""), got.get("text", "")) >= QUOTE_OVERLAP


def _right_speaker(want: dict, got: dict) -> bool:
    if want.get("speaker"):
        return want["speaker"] == got.get("speaker")
    if want.get("speaker_name"):
        return _key(want["speaker_name"]) == _key(got.get("speaker_name") or "")
    return got.get("speaker") is None


def _same_time(want: dict, got: dict) -> bool:
    """The same words, the same TIMEX3, and the same resolution where the fixture gives one."""
    if want.get("text") != got.get("text") or want.get("timex") != got.get("timex"):
        return False
    return all(want[k] == got.get(k) for k in ("value", "start", "end", "utc_offset") if k in want)


def _right_employer(want: dict, got: dict, result: dict) -> bool:
    """The employer by id (organization) or, for one the knowledge base lacks, by
    the name of the organisation our id points to (organization_name)."""
    got_id = got.get("organization")
    if "organization" in want and (want["organization"] is not None or "organization_name" not in want):
        return want["organization"] == got_id
    name = want.get("organization_name")
    if name is None:
        return got_id is None
    if got_id is None:
        return False
    from .ids import name_id
    if got_id == name_id(name):
        return True
    org = next((o for o in result.get("organizations", []) if o.get("id") == got_id), None)
    return org is not None and _key(name) in _names(org)


MATCHERS = {
    "events": _same_event, "participants": _same_entity, "organizations": _same_entity,
    "products": _same_entity, "quantitative_facts": _same_fact, "quotes": _same_quote,
    "time_expressions": _same_time,
}


# A pairing by name goes before a looser one of equal count (歐洲技術論壇 pairs with the
# annotated 歐洲技術論壇 rather than with 美國技術論壇 by overlap).
FIRST_PASS = {"events": _event_named}


def _match(wanted: list[dict], got: list[dict], same, first=None) -> list[tuple[dict, dict | None]]:
    """One-to-one matching with the most pairs; unmatched wanted items pair with None.

    Greedy in order first (each wanted item takes the first free item it matches, those
    `first` accepts before the rest), then
    each wanted item left over looks for an augmenting path: an item it matches whose
    holder can move to another it matches (a broad alias such as 技術論壇 taking the one
    name another annotated event needs). Greedy pairs stay unless moving one adds a pair."""
    cache: dict[tuple[int, int], bool] = {}

    def ok(w: int, g: int) -> bool:
        if (w, g) not in cache:
            cache[(w, g)] = bool(same(wanted[w], got[g]))
        return cache[(w, g)]

    holder: dict[int, int] = {}   # got index -> wanted index
    owned: dict[int, int] = {}    # wanted index -> got index
    for test in ((lambda w, g: ok(w, g) and first(wanted[w], got[g])) if first else None, ok):
        for w in range(len(wanted)):
            if test is None or w in owned:
                continue
            hit = next((g for g in range(len(got)) if g not in holder and test(w, g)), None)
            if hit is not None:
                holder[hit], owned[w] = w, hit
    for start in range(len(wanted)):
        if start in owned:
            continue
        # Breadth-first search over alternating paths from this wanted item.
        came: dict[int, int] = {}     # got index -> wanted index it was reached from
        queue, seen_w, end = [start], {start}, None
        while queue and end is None:
            nxt = []
            for w in queue:
                for g in range(len(got)):
                    if g in came or not ok(w, g):
                        continue
                    came[g] = w
                    if g not in holder:
                        end = g
                        break
                    if holder[g] not in seen_w:
                        seen_w.add(holder[g])
                        nxt.append(holder[g])
                if end is not None:
                    break
            queue = nxt
        g = end
        while g is not None:
            w = came[g]
            before = owned.get(w)
            holder[g], owned[w] = w, g
            g = before if w != start else None
    return [(w, got[owned[i]] if i in owned else None) for i, w in enumerate(wanted)]


def _label(section: str, item: dict) -> str:
    if section == "quantitative_facts":
        return f"{item.get('text')} ({item.get('value')} {item.get('unit')})"
    if section == "quotes":
        return f"{(item.get('text') or '')[:20]}… ({item.get('speaker') or item.get('speaker_name')})"
    if section == "time_expressions":
        return f"{item.get('text')} ({item.get('timex')})"
    return str(item.get("id") or item.get("name"))


def evaluate_article(name: str, expected: dict, result: dict) -> ArticleReport:
    report = ArticleReport(name)
    for section in SECTIONS:
        if section not in expected:
            continue
        # An inferred organisation is named nowhere in the text: it is no mention to score.
        wanted = expected[section]
        got = [g for g in result.get(section, []) if not g.get("inferred")]
        pairs = _match(wanted, got, MATCHERS[section], FIRST_PASS.get(section))
        matched_ids = {id(g) for _, g in pairs if g is not None}
        score = Score(tp=len(matched_ids), fn=sum(1 for _, g in pairs if g is None),
                      fp=sum(1 for g in got if id(g) not in matched_ids))
        report.scores[section] = score
        misses = [f"missed {_label(section, w)}" for w, g in pairs if g is None]
        misses += [f"extra {_label(section, g)}" for g in got if id(g) not in matched_ids]
        if section == "quotes":
            for w, g in pairs:
                if g is not None:
                    report.speaker_total += 1
                    if _right_speaker(w, g):
                        report.speaker_right += 1
                    else:
                        misses.append(f"speaker of {_label(section, w)}: got {g.get('speaker')}")
        if section == "participants":
            for w, g in pairs:
                if g is None:
                    continue
                if "role" in w:
                    report.role_total += 1
                    if w["role"] == g.get("role"):
                        report.role_right += 1
                    else:
                        misses.append(f"role of {_label(section, w)}: got {g.get('role')}")
                if "organization" in w or "organization_name" in w:
                    report.employer_total += 1
                    if _right_employer(w, g, result):
                        report.employer_right += 1
                    else:
                        misses.append(f"employer of {_label(section, w)}: got {g.get('organization')}")
        if misses:
            report.misses[section] = misses
        if "confidence" in (got[0] if got else {}):
            right = {id(g): (section != "quotes" or _right_speaker(w, g)) for w, g in pairs if g}
            report.confidences += [(g["confidence"], right.get(id(g), False)) for g in got]
    if "event" in expected:
        # The article's own claim: its primary event, or null for an article about none.
        want, got = expected["event"], result.get("event")
        report.primary_right = (got is None if want is None
                                else got is not None and _same_event(want, got))
    elif expected.get("events"):
        first = result.get("event")
        report.primary_right = bool(first) and _same_event(expected["events"][0], first)
    return report


# -- the corpus ---------------------------------------------------------------
MANIFEST = "manifest.json"
SPLITS = ("dev", "test")


@dataclass
class ManifestCorpus:
    """The articles of a manifest directory that can be scored, and why the rest cannot."""
    items: dict[str, list[tuple[str, str, dict]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def text_path(directory: Path, article: dict) -> Path:
    where = directory if article.get("committed") else directory / "texts"
    return where / f"{article['name']}.txt"


def load_manifest_corpus(directory: Path) -> ManifestCorpus:
    import hashlib
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    corpus = ManifestCorpus(items={s: [] for s in SPLITS})
    for article in manifest["articles"]:
        name = article["name"]
        path, expected_path = text_path(directory, article), directory / f"{name}.json"
        if not path.exists():
            corpus.notes.append(f"{name}: text absent (scripts/fetch_real_texts.py rebuilds it)")
            continue
        text = path.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != article["sha256"]:
            corpus.notes.append(f"{name}: text does not match its sha256; skipped")
            continue
        if not expected_path.exists():
            corpus.notes.append(f"{name}: not annotated yet")
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if not expected.get("_reference_date") and article.get("reference_date"):
            expected["_reference_date"] = article["reference_date"]
        corpus.items[article["split"]].append((name, text, expected))
    return corpus


def load_corpus(directory: Path) -> list[tuple[str, str, dict]]:
    items = []
    for expected_path in sorted(directory.glob("*.json")):
        text_path = expected_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        items.append((expected_path.stem, text_path.read_text(encoding="utf-8"), expected))
    return items


def _score(corpus: list[tuple[str, str, dict]], worst: int = WORST_SHOWN) -> dict:
    from .pipeline import get_pipeline
    pipeline = get_pipeline()
    articles = []
    for name, text, expected in corpus:
        ref = expected.get("_reference_date")
        result = pipeline.extract(text, doc_id=name,
                                  reference_date=dt.date.fromisoformat(ref) if ref else None)
        articles.append(evaluate_article(name, expected, result))
    return summarise(articles, worst)


def evaluate(directory: Path = DEFAULT_DIR, worst: int = WORST_SHOWN) -> dict:
    return _score(load_corpus(directory), worst)


def evaluate_splits(directory: Path, split: str = "all", worst: int = WORST_SHOWN) -> dict:
    """One report per split of a manifest directory, plus the notes on what was skipped."""
    corpus = load_manifest_corpus(directory)
    wanted = SPLITS if split == "all" else (split,)
    return {"splits": {s: _score(corpus.items[s], worst) for s in wanted}, "skipped": corpus.notes}


def summarise(articles: list[ArticleReport], worst: int = WORST_SHOWN) -> dict:
    """Pooled scores; the `worst` lowest-scoring articles listed with their misses (0: all)."""
    totals = {s: Score() for s in SECTIONS}
    speaker_right = speaker_total = primary_right = primary_total = 0
    role_right = role_total = employer_right = employer_total = 0
    confidences: list[tuple[float, bool]] = []
    for a in articles:
        for s, score in a.scores.items():
            totals[s].add(score)
        speaker_right += a.speaker_right
        speaker_total += a.speaker_total
        role_right += a.role_right
        role_total += a.role_total
        employer_right += a.employer_right
        employer_total += a.employer_total
        if a.primary_right is not None:
            primary_total += 1
            primary_right += a.primary_right
        confidences += a.confidences
    calibration = []
    for lo, hi, label in BANDS:
        inside = [ok for c, ok in confidences if lo <= c < hi]
        calibration.append({"band": label, "items": len(inside),
                            "right": round(sum(inside) / len(inside), 3) if inside else None})
    ranked = sorted(articles, key=lambda a: a.mean_f1)
    shown = ranked[:worst] if worst > 0 else ranked
    return {
        "articles": len(articles),
        "sections": {s: {"precision": round(t.precision, 3), "recall": round(t.recall, 3),
                         "f1": round(t.f1, 3), "tp": t.tp, "fp": t.fp, "fn": t.fn}
                     for s, t in totals.items()},
        "primary_event_accuracy": round(primary_right / primary_total, 3) if primary_total else None,
        "quote_speaker_accuracy": round(speaker_right / speaker_total, 3) if speaker_total else None,
        "person_role_accuracy": round(role_right / role_total, 3) if role_total else None,
        "person_employer_accuracy": round(employer_right / employer_total, 3) if employer_total else None,
        "calibration": calibration,
        "worst": [{"name": a.name, "mean_f1": round(a.mean_f1, 3), "misses": a.misses} for a in shown],
    }


def render(report: dict, misses_each: int | None = MISSES_SHOWN) -> str:
    lines = [f"articles: {report['articles']}", "",
             f"{'section':20s} {'precision':>9s} {'recall':>7s} {'F1':>6s}   tp   fp   fn"]
    for s, v in report["sections"].items():
        lines.append(f"{s:20s} {v['precision']:9.3f} {v['recall']:7.3f} {v['f1']:6.3f} "
                     f"{v['tp']:4d} {v['fp']:4d} {v['fn']:4d}")
    lines += ["", f"primary event right: {report['primary_event_accuracy']}",
              f"quote speaker right: {report['quote_speaker_accuracy']}",
              f"person role right: {report['person_role_accuracy']}",
              f"person employer right: {report['person_employer_accuracy']}", "",
              "confidence band   items   right"]
    for row in report["calibration"]:
        right = "-" if row["right"] is None else f"{row['right']:.3f}"
        lines.append(f"{row['band']:15s} {row['items']:7d} {right:>7s}")
    lines += ["", "worst articles:"]
    for w in report["worst"]:
        lines.append(f"  {w['name']}  mean F1 {w['mean_f1']:.3f}")
        for section, misses in w["misses"].items():
            for m in misses[:misses_each]:
                lines.append(f"    {section}: {m}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all",
                        help="which split of a manifest directory to score (default: each)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--worst", type=int, default=WORST_SHOWN, metavar="N",
                        help=f"list the N lowest-scoring articles with their misses (default {WORST_SHOWN}; "
                             "0 lists every article with every miss)")
    args = parser.parse_args(argv)
    if args.worst < 0:
        parser.error("--worst must be 0 or more")
    misses_each = None if args.worst == 0 else MISSES_SHOWN
    if not args.directory.is_dir():
        print(f"not a directory: {args.directory}", file=sys.stderr)
        return 2
    if not (args.directory / MANIFEST).exists():
        report = evaluate(args.directory, args.worst)
        print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else render(report, misses_each))
        return 0
    report = evaluate_splits(args.directory, args.split, args.worst)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    for split, part in report["splits"].items():
        print(f"== {split} split ==")
        print(render(part, misses_each))
        print()
    if report["skipped"]:
        print(f"skipped {len(report['skipped'])}:")
        print("\n".join(f"  {note}" for note in report["skipped"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
