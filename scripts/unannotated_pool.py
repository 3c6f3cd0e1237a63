"""An unannotated pool of real news text, to count a pattern before writing a rule for it.

    python -m scripts.unannotated_pool build CLONE OUT_DIR --days 2022-12-27:2023-04-30[,FIRST:LAST …]
        [--topic REGEX] [--headline-topic REGEX] [--headline-exclude REGEX] [--min-chars N]
        [--per-day N] [--layout daily|posts --outlets CNA,RTHK --also CLONE …]
    python -m scripts.unannotated_pool record OUT_DIR LIST.json --days … [--layout … --outlets …]
        --source OWNER/NAME=CLONE …
    python -m scripts.unannotated_pool rebuild LIST.json OUT_DIR --source OWNER/NAME=CLONE …
    python -m scripts.unannotated_pool run OUT_DIR RUN.jsonl [--limit N]
    python -m scripts.unannotated_pool count OUT_DIR REGEX [--run RUN.jsonl] [--show N]
    python -m scripts.unannotated_pool changes A.jsonl B.jsonl [SECTION ...] [--show N]

Rules chosen from one annotated miss at a time fit the article they came from and rarely
recur (wave 34 kept a dozen that changed nothing on 48 unseen articles). A pool of a few
thousand unannotated articles answers the questions an annotated set is too small for: how
often a construction occurs (`count`), what the service does at each occurrence (`count
--run`), and what a change does across the pool (`changes`: items gained and lost, to be
judged by hand against fixtures/articles/README.md).

`build` reads a clone laid out as daily folders of Markdown pages (YYYY-MM-DD/headline.md,
as nuz007/qqnews keeps them), or with `--layout posts` a news aggregator's Jekyll posts
(_posts/YYYY-MM-DD-OUTLET-slug.html|md under a front matter whose title is the headline, as
agora0's monthly archives keep them; `--also` adds more such clones, `--outlets` picks the
feeds), and writes one text per distinct headline in the given days: the headline line, then
the body's paragraphs. `--min-chars`, `--headline-exclude` and `--per-day` draw a pool the way
the sets' builders choose articles (long enough, no market report, a few a day). It leaves out every article a real set
holds (by headline), so a held-out set never enters the pool; a held-out set must in turn
not draw on the pool's days. The texts are the outlets' copyrighted text: the pool lives
outside the repository and is never committed. `record` writes what a pool holds as a list
the repository can keep (fixtures/pools/: each text's day and the hashes of its headline and
text, the clones' commits and the days, layout and outlets read), and `rebuild` draws exactly
that pool again from the clones, so a pool is the same on every machine whatever regexes first
chose it.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = ("event", "participants", "organizations", "products", "quantitative_facts", "quotes",
            "time_expressions")
_DAY_FOLDER = re.compile(r"(\d{4}-\d\d-\d\d)/[^/]+\.md")
_POST = re.compile(r"_posts/(\d{4}-\d\d-\d\d)-([A-Za-z]+)-[^/]+\.(?:html|md)")


def day_ranges(spec: str) -> list[tuple[str, str]]:
    """'FIRST:LAST[,FIRST:LAST …]' as (first, last) pairs of ISO days."""
    return [tuple(part.split(":")) for part in spec.split(",")]


def pool_paths(paths, first: str, last: str, more: list[tuple[str, str]] = ()) -> list[str]:
    """The Markdown pages in daily folders from first to last, or in any further range (ISO days,
    both included)."""
    ranges = [(first, last), *more]
    chosen = []
    for path in paths:
        match = _DAY_FOLDER.fullmatch(path)
        if match and any(a <= match.group(1) <= b for a, b in ranges):
            chosen.append(path)
    return sorted(chosen)


def post_paths(paths, first: str, last: str, more: list[tuple[str, str]] = (),
               outlets: set[str] | None = None) -> list[str]:
    """The Jekyll posts (_posts/YYYY-MM-DD-OUTLET-slug.html|md) from first to last, or in any
    further range, of the given outlets (all when None)."""
    ranges = [(first, last), *more]
    chosen = []
    for path in paths:
        match = _POST.fullmatch(path)
        if (match and any(a <= match.group(1) <= b for a, b in ranges)
                and (outlets is None or match.group(2) in outlets)):
            chosen.append(path)
    return sorted(chosen)


def post_headline_and_paragraphs(page: str, html: bool) -> tuple[str, list[str]]:
    """A Jekyll post's front-matter title and its body's paragraphs (the <p> texts of an HTML
    post; the blank-line blocks of a Markdown one, whose blank lines may hold a carriage return)."""
    from scripts.fetch_real_texts import markdown_crlf_paragraphs, paragraphs
    front, body = _front_matter(page)
    title = next((line[len("title:"):].strip() for line in front.splitlines() if line.startswith("title:")), "")
    if len(title) > 1 and title[0] == title[-1] and title[0] in "'\"":
        title = title[1:-1]
    return title, [p.strip() for p in (paragraphs(body) if html else markdown_crlf_paragraphs(body))]


def _front_matter(page: str) -> tuple[str, str]:
    """A page's front matter and body, split on the lines that are '---' alone (a title that
    holds --- stays whole); no front matter when the page does not open with such a line."""
    lines = page.split("\n")
    if lines[0].rstrip("\r \t") != "---":
        return "", page
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r \t") == "---"), None)
    if close is None:
        return "", page
    return "\n".join(lines[1:close]), "\n".join(lines[close + 1:])


def _squeeze(line: str) -> str:
    return " ".join(line.split())


def same_story_key(headline: str) -> str:
    """A headline without punctuation, spaces or case (NFKC), so a set's article filed again with
    other punctuation is still known (tests/real_sets.normalised_headline also strips outlets'
    prefixes; a page's file name carries none)."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", headline)).lower()


def pool_text(headline: str, paragraphs: list[str]) -> str:
    """The headline, then the body: headings, images and repeats of the headline left out."""
    body = [p for p in paragraphs
            if p.strip() and not p.startswith(("#", "![")) and _squeeze(p) != _squeeze(headline)]
    return "\n".join([_squeeze(headline)] + body)


def set_headlines(root: Path = ROOT) -> set[str]:
    """The headlines of every article a real set holds."""
    held = set()
    for manifest in (root / "fixtures").glob("real*/manifest.json"):
        for article in json.loads(manifest.read_text(encoding="utf-8")).get("articles", []):
            if article.get("headline"):
                held.add(same_story_key(article["headline"]))
    return held


def _blobs(clone: Path) -> dict[str, str]:
    listing = subprocess.run(["git", "-C", str(clone), "ls-tree", "-r", "-z", "HEAD"],
                             capture_output=True, check=True).stdout.decode("utf-8")
    return {entry.split("\t", 1)[1]: entry.split()[2] for entry in listing.split("\0") if "\t" in entry}


def on_topic(text: str, topic: re.Pattern | None, opening: int = 600, at_least: int = 2) -> bool:
    """No topic, or its words occur at least twice in the opening (the headline and lead)."""
    return topic is None or len(topic.findall(text[:opening])) >= at_least


def _pages(clone: Path, paths: list[str], blobs: dict[str, str]):
    """(path, page text) of each path, read through one `git cat-file --batch`."""
    reader = subprocess.Popen(["git", "-C", str(clone), "cat-file", "--batch"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for path in paths:
        reader.stdin.write(f"{blobs[path]}\n".encode()); reader.stdin.flush()
        answer = reader.stdout.readline().split()
        if len(answer) != 3:    # (<object> missing: the listing and the store disagree)
            continue
        page = reader.stdout.read(int(answer[2])).decode("utf-8", "replace"); reader.stdout.read(1)
        yield path, page
    reader.stdin.close(); reader.wait()


def _daily_articles(clone: Path, first: str, last: str, more_days, in_headline, keep=None):
    """(day, headline, paragraphs) of each daily-folder page, the headline from its file name;
    keep(day, headline), when given, chooses the pages to read."""
    from scripts.fetch_real_texts import markdown_unwrapped_paragraphs
    blobs = _blobs(clone)
    # (the headline-topic filter reads the squeezed headline, as build() does: not the file's
    # name, whose .md and spaces would make `$` or a space in the regex miss)
    paths = [p for p in pool_paths(blobs, first, last, more_days)
             if (not in_headline or in_headline.search(_file_headline(p)))
             and (keep is None or keep(p[:10], _file_headline(p)))]
    for path, page in _pages(clone, paths, blobs):
        yield path[:10], _file_headline(path), markdown_unwrapped_paragraphs(page)


def _file_headline(path: str) -> str:
    """A daily-folder page's headline: its file name without the folder and .md, squeezed."""
    name = path.split("/", 1)[1]
    return _squeeze(name[:-len(".md")] if name.endswith(".md") else name)


def _post_articles(clone: Path, first: str, last: str, more_days, outlets):
    """(day, headline, paragraphs) of each Jekyll post, the headline from its front matter."""
    blobs = _blobs(clone)
    for path, page in _pages(clone, post_paths(blobs, first, last, more_days, outlets), blobs):
        headline, paragraphs = post_headline_and_paragraphs(page, path.endswith(".html"))
        yield path[len("_posts/"):][:10], _squeeze(headline), paragraphs


def build(clone: Path, out: Path, first: str, last: str, topic: str | None = None,
          min_chars: int = 300, max_chars: int = 8000, headline_topic: str | None = None,
          more_days: list[tuple[str, str]] = (), headline_exclude: str | None = None,
          per_day: int | None = None, layout: str = "daily", outlets: set[str] | None = None,
          also: list[Path] = ()) -> int:
    """headline_topic, when given, must occur in the headline itself: the stricter filter a pool of
    one kind of news needs (an opening's 公司 or 市场 lets general news in); headline_exclude
    leaves out a kind (market reports); per_day keeps the first texts of each day that pass."""
    sys.path.insert(0, str(ROOT))
    taken = set_headlines()
    out.mkdir(parents=True, exist_ok=True)
    rows, seen, per = [], set(), collections.Counter()
    in_headline = headline_topic and re.compile(headline_topic)
    excluded = headline_exclude and re.compile(headline_exclude)
    articles = (_daily_articles(c, first, last, more_days, in_headline) if layout == "daily"
                else _post_articles(c, first, last, more_days, outlets) for c in [clone, *also])
    for day, headline, paragraphs in (a for clone_articles in articles for a in clone_articles):
        if headline in seen or same_story_key(headline) in taken:
            continue
        if (in_headline and not in_headline.search(headline)) or (excluded and excluded.search(headline)):
            continue
        seen.add(headline)
        text = pool_text(headline, paragraphs)
        if (min_chars <= len(text) <= max_chars and on_topic(text, topic and re.compile(topic))
                and (per_day is None or per[day] < per_day)):
            per[day] += 1
            name = f"{len(rows):05d}"
            (out / f"{name}.txt").write_text(text, encoding="utf-8")
            rows.append(f"{name}\t{day}\t{headline}")
    (out / "index.tsv").write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} texts to {out}")
    return 0


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _head_commit(clone: Path) -> str:
    return subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True,
                          check=True, text=True).stdout.strip()


def record(pool: Path, out: Path, days: str, layout: str, outlets: set[str] | None,
           sources: list[tuple[str, Path]]) -> int:
    """The pool as a list to commit: no text, only what finds each one again and checks it."""
    texts = [{"name": name, "day": day, "headline_sha256": _sha(headline),
              "sha256": _sha((pool / f"{name}.txt").read_text(encoding="utf-8"))}
             for name, day, headline in read_index(pool)]
    listing = {"layout": layout, "days": days, "outlets": sorted(outlets) if outlets else None,
               "sources": [{"repo": repo, "commit": _head_commit(clone)} for repo, clone in sources],
               "texts": texts}
    # one text a line, so a diff of two recordings reads line by line
    head = json.dumps({k: v for k, v in listing.items() if k != "texts"}, ensure_ascii=False, indent=1)
    lines = ",\n".join("  " + json.dumps(t, ensure_ascii=False) for t in texts)
    out.write_text(head[:-2] + ',\n "texts": [\n' + lines + "\n ]\n}\n", encoding="utf-8")
    print(f"recorded {len(texts)} texts of {pool} in {out}")
    return 0


def rebuild(listing_path: Path, out: Path, clones: dict[str, Path]) -> int:
    """The recorded pool drawn again: each text found by its day and headline's hash in the
    recorded clones and kept only when its own hash matches. Returns 1 when any is missing."""
    listing = json.loads(listing_path.read_text(encoding="utf-8"))
    missing_clones = [s["repo"] for s in listing["sources"] if s["repo"] not in clones]
    if missing_clones:
        print(f"no clone given for {', '.join(missing_clones)} (--source OWNER/NAME=PATH)")
        return 1
    for source in listing["sources"]:
        if _head_commit(clones[source["repo"]]) != source["commit"]:
            print(f"note: {source['repo']} is not at the recorded commit {source['commit'][:12]}; "
                  "texts are kept only where their hashes match")
    wanted = {(t["day"], t["headline_sha256"]): t for t in listing["texts"]}
    (first, last), *more = day_ranges(listing["days"])
    outlets = set(listing["outlets"]) if listing.get("outlets") else None
    out.mkdir(parents=True, exist_ok=True)
    found = {}
    for source in listing["sources"]:
        clone = clones[source["repo"]]
        articles = (_daily_articles(clone, first, last, more, None,
                                    keep=lambda day, headline: (day, _sha(headline)) in wanted)
                    if listing["layout"] == "daily" else _post_articles(clone, first, last, more, outlets))
        for day, headline, paragraphs in articles:
            entry = wanted.get((day, _sha(headline)))
            if entry is None or entry["name"] in found:
                continue
            text = pool_text(headline, paragraphs)
            if _sha(text) == entry["sha256"]:
                (out / f"{entry['name']}.txt").write_text(text, encoding="utf-8")
                found[entry["name"]] = (day, headline)
    rows = [f"{t['name']}\t{found[t['name']][0]}\t{found[t['name']][1]}" for t in listing["texts"]
            if t["name"] in found]
    (out / "index.tsv").write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    lost = len(listing["texts"]) - len(rows)
    print(f"rebuilt {len(rows)} of {len(listing['texts'])} texts in {out}" + (f"; {lost} not found" if lost else ""))
    return 1 if lost else 0


def read_index(pool: Path) -> list[tuple[str, str, str]]:
    return [tuple(line.split("\t")) for line in (pool / "index.tsv").read_text(encoding="utf-8").splitlines()]


def run(pool: Path, out: Path, limit: int | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from service.pipeline import get_pipeline
    pipeline = get_pipeline()
    rows = read_index(pool)[:limit]
    with out.open("w", encoding="utf-8") as sink:
        for name, day, headline in rows:
            text = (pool / f"{name}.txt").read_text(encoding="utf-8")
            result = pipeline.extract(text, doc_id=name, reference_date=dt.date.fromisoformat(day))
            sink.write(json.dumps({"id": name, "day": day, "headline": headline, "out": result},
                                  ensure_ascii=False, default=str) + "\n")
    print(f"wrote {out}: {len(rows)} texts")
    return 0


def load_run(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as lines:
        return {row["id"]: row["out"] for row in map(json.loads, lines)}


def spans(result: dict) -> list[tuple[str, str, int, int]]:
    """(section, item label, start, end) of every span the output holds (sentences left out).
    The label is the section item's own name (or id, or text), never a mention's text."""
    found = []

    def walk(node, section, label):
        if isinstance(node, dict):
            if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
                found.append((section, str(label), node["start"], node["end"]))
            for key, value in node.items():
                if key != "sentence":
                    walk(value, section, label)
        elif isinstance(node, list):
            for value in node:
                walk(value, section, label)

    for section in ("events",) + SECTIONS[1:]:
        for item in result.get(section) or []:
            if isinstance(item, dict):
                walk(item, section, item.get("name") or item.get("id") or item.get("text"))
    return found


def count(pool: Path, pattern: str, run_path: Path | None, show: int, context: int = 40) -> int:
    regex = re.compile(pattern)
    results = load_run(run_path) if run_path else {}
    hits = []
    for name, _, _ in read_index(pool):
        text = (pool / f"{name}.txt").read_text(encoding="utf-8")
        hits += [(name, m.start(), m.end(), text) for m in regex.finditer(text)]
    print(f"{len(hits)} matches in {len({h[0] for h in hits})} of {len(read_index(pool))} texts")
    for name, start, end, text in random.Random(0).sample(hits, min(show, len(hits))):
        shown = f"{text[max(0, start - context):start]}【{text[start:end]}】{text[end:end + context]}"
        print(f"--- {name}@{start}: …{shown}…".replace("\n", "⏎"))
        if name in results:
            touching = sorted({(s, label) for s, label, a, b in spans(results[name]) if a < end and b > start})
            print("    found:", "; ".join(f"{s}:{label}" for s, label in touching) or "(nothing)")
    return 0


def items(result: dict, section: str) -> set[str]:
    """One line per item of a section, with the fields a change is judged on."""
    value = result.get(section)
    if section == "event":
        return {f"{value.get('name')} [{value.get('date')}]"} if value else {"(none)"}
    lines = set()
    for item in value or []:
        if section == "participants":
            lines.add(f"{item.get('name')} / {item.get('role')} / {item.get('organization')}")
        elif section == "products":
            lines.add(f"{item.get('name')} / vendor {item.get('vendor')}")
        elif section == "quantitative_facts":
            lines.add(f"{(item.get('span') or {}).get('text')} = {item.get('value')} {item.get('unit')} "
                      f"({item.get('kind')})")
        elif section == "quotes":
            lines.add(f"{(item.get('text') or '')[:30]}… / speaker {item.get('speaker')}")
        elif section == "time_expressions":
            lines.add(f"{item.get('text')} = {item.get('value') or item.get('timex')}")
        else:
            lines.add(str(item.get("name") or item.get("id")))
    return lines


def changes(a_run: dict, b_run: dict, sections=SECTIONS) -> tuple[collections.Counter, list[tuple]]:
    """Texts changed per section, and every (text, section, '-'|'+', item) between two runs."""
    per_section, lines = collections.Counter(), []
    for name in sorted(set(a_run) & set(b_run)):
        for section in sections:
            before, after = items(a_run[name], section), items(b_run[name], section)
            if before != after:
                per_section[section] += 1
                lines += [(name, section, "-", v) for v in sorted(before - after)]
                lines += [(name, section, "+", v) for v in sorted(after - before)]
    return per_section, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build"); b.add_argument("clone", type=Path); b.add_argument("out", type=Path)
    b.add_argument("--days", required=True,
                   help="FIRST:LAST, ISO days, both included; several ranges joined by commas")
    b.add_argument("--topic", help="a regex of topic words; keep texts whose opening holds two")
    b.add_argument("--headline-topic", help="a regex that must match in the headline itself")
    b.add_argument("--headline-exclude", help="a regex whose match in the headline leaves the article out")
    b.add_argument("--min-chars", type=int, default=300, help="shortest text kept (headline included)")
    b.add_argument("--per-day", type=int, help="at most this many texts a day, the first that pass")
    b.add_argument("--layout", choices=("daily", "posts"), default="daily",
                   help="daily: YYYY-MM-DD/headline.md folders; posts: Jekyll _posts with front matter")
    b.add_argument("--outlets", help="posts layout: the outlets' tags to keep, comma-separated (CNA,RTHK)")
    b.add_argument("--also", type=Path, action="append", default=[], help="a further clone of the same layout")
    for name in ("record", "rebuild"):
        p = sub.add_parser(name)
        p.add_argument("first", type=Path); p.add_argument("second", type=Path)
        p.add_argument("--source", action="append", default=[],
                       help="OWNER/NAME=PATH of a clone (record: every clone the pool was built from)")
        if name == "record":
            p.add_argument("--days", required=True); p.add_argument("--outlets")
            p.add_argument("--layout", choices=("daily", "posts"), default="daily")
    r = sub.add_parser("run"); r.add_argument("pool", type=Path); r.add_argument("out", type=Path)
    r.add_argument("--limit", type=int)
    c = sub.add_parser("count"); c.add_argument("pool", type=Path); c.add_argument("regex")
    c.add_argument("--run", type=Path); c.add_argument("--show", type=int, default=15)
    d = sub.add_parser("changes"); d.add_argument("a", type=Path); d.add_argument("b", type=Path)
    d.add_argument("sections", nargs="*"); d.add_argument("--show", type=int, default=40)
    args = parser.parse_args(argv)
    if args.command == "build" and args.outlets is not None and not any(map(str.strip, args.outlets.split(","))):
        parser.error("--outlets names no outlet (it would keep nothing); leave it out to keep all")
    if args.command == "build":
        (first, last), *more = day_ranges(args.days)
        return build(args.clone, args.out, first, last, args.topic, min_chars=args.min_chars,
                     headline_topic=args.headline_topic, more_days=more,
                     headline_exclude=args.headline_exclude, per_day=args.per_day, layout=args.layout,
                     outlets=args.outlets and {o.strip() for o in args.outlets.split(",") if o.strip()},
                     also=args.also)
    if args.command in ("record", "rebuild"):
        sources = [(repo, Path(path)) for repo, _, path in (s.partition("=") for s in args.source)]
        if args.command == "rebuild":
            return rebuild(args.first, args.second, dict(sources))
        if not sources:
            parser.error("record needs the --source of every clone the pool was built from")
        outlets = args.outlets and {o.strip() for o in args.outlets.split(",") if o.strip()}
        return record(args.first, args.second, args.days, args.layout, outlets, sources)
    if args.command == "run":
        return run(args.pool, args.out, args.limit)
    if args.command == "count":
        return count(args.pool, args.regex, args.run, args.show)
    a_run, b_run = load_run(args.a), load_run(args.b)
    per_section, lines = changes(a_run, b_run, tuple(args.sections) or SECTIONS)
    print(f"{len(set(a_run) & set(b_run))} texts compared; texts changed per section: {dict(per_section) or 'none'}")
    for line in sorted(random.Random(1).sample(lines, min(args.show, len(lines)))):
        print(f"{line[0]} {line[2]} {line[1]}: {line[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
