"""Consistency checks on the knowledge-base data files in service/kb/data/.

These test the DATA only (no loader code): the YAML parses into the documented shape, ids are unique
slugs, cross-file references resolve, no alias names two entries, and every Chinese name is present in
both Traditional and Simplified characters (checked with OpenCC; an item can be exempted with a
`# script: <item> — reason` comment in its file).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "service" / "kb" / "data"

ID_RE = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SCRIPT_NOTE_RE = re.compile(r"^\s*#\s*script:\s*(\S+)", re.MULTILINE)
DOTS = str.maketrans({"\u2027": "·", "\u2022": "·", "\u30fb": "·", "\uff65": "·"})

ORG_TYPES = {"company", "lab", "university", "government", "nonprofit", "media", "party", "other"}
PRODUCT_CATEGORIES = {"model", "service", "platform", "hardware", "software", "app", "initiative", "other"}

FIELDS = {
    "people.yaml": {"id", "name_en", "aliases", "short_aliases", "organization", "title_en", "title_zh"},
    "organizations.yaml": {"id", "name_en", "aliases", "type", "product_names", "parent"},
    "event_series.yaml": {"id", "name_en", "aliases", "organizer", "usual_location", "first_year"},
    "products.yaml": {"id", "name", "aliases", "vendor", "category"},
}
# Fields an entry may add to FIELDS (each file's header says what they mean).
OPTIONAL_FIELDS = {"organizations.yaml": {"word_aliases"}, "people.yaml": {"employment", "concurrent"}}
MIN_COUNTS = {"people.yaml": 60, "organizations.yaml": 80, "event_series.yaml": 25, "products.yaml": 40}
TEXT_FILES = ["surnames.txt", "speech_verbs.txt", "org_suffixes.txt", "org_suffixes_latin.txt"]


# ---------------------------------------------------------------- helpers

@lru_cache(maxsize=None)
def load(name: str) -> list:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{name}: the top level must be a list"
    return data


@lru_cache(maxsize=None)
def text_lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def script_exempt(name: str) -> frozenset[str]:
    return frozenset(SCRIPT_NOTE_RE.findall((DATA / name).read_text(encoding="utf-8")))


def ids(name: str) -> set[str]:
    return {e["id"] for e in load(name)}


def norm(alias: str) -> str:
    """Key under which two aliases count as the same name."""
    return unicodedata.normalize("NFKC", alias).translate(DOTS).casefold().strip()


@lru_cache(maxsize=None)
def converters():
    opencc = pytest.importorskip("opencc")
    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def script_gaps(items, exempt=frozenset()) -> list[str]:
    """Chinese items lacking their Simplified (t2s) form, or Simplified items lacking a Traditional one."""
    t2s, s2t = converters()
    present = set(items)
    gaps = []
    for a in items:
        if not HAN_RE.search(a) or a in exempt:
            continue
        simp = t2s.convert(a)
        if simp != a and simp not in present:
            gaps.append(f"{a}: Simplified form {simp} missing")
        if simp == a and s2t.convert(a) != a and not any(b != a and t2s.convert(b) == a for b in present):
            gaps.append(f"{a}: Traditional form (e.g. {s2t.convert(a)}) missing")
    return gaps


def entry_names(name: str, entry: dict) -> list[str]:
    names = list(entry["aliases"])
    if name == "people.yaml":
        names += entry["short_aliases"]
    return names


# ---------------------------------------------------------------- structure

@pytest.mark.parametrize("name", list(FIELDS))
def test_yaml_shape(name):
    for entry in load(name):
        assert isinstance(entry, dict), f"{name}: {entry!r} is not a mapping"
        assert FIELDS[name] <= set(entry) <= FIELDS[name] | OPTIONAL_FIELDS.get(name, set()), \
            f"{name}: {entry.get('id')} has fields {sorted(entry)}"
        for key, value in entry.items():
            if isinstance(value, list) and key != "employment":   # a list of mappings, checked below
                assert all(isinstance(v, str) and v == v.strip() and v for v in value), \
                    f"{name}: {entry['id']}.{key} has an empty, non-string or unstripped item: {value!r}"


@pytest.mark.parametrize("name", list(FIELDS))
def test_ids_unique_slugs(name):
    seen = set()
    for entry in load(name):
        assert isinstance(entry["id"], str) and ID_RE.match(entry["id"]), f"{name}: bad id {entry['id']!r}"
        assert entry["id"] not in seen, f"{name}: duplicate id {entry['id']}"
        seen.add(entry["id"])


@pytest.mark.parametrize("name", list(MIN_COUNTS))
def test_minimum_counts(name):
    assert len(load(name)) >= MIN_COUNTS[name], f"{name}: only {len(load(name))} entries"


def test_surname_count():
    assert len(text_lines("surnames.txt")) >= 300


# ---------------------------------------------------------------- references

DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def test_dated_employment_is_well_formed():
    """Jobs in order, dates ISO (year, month or day), at most one open job and it
    names the person's organization; every organisation resolves."""
    orgs = ids("organizations.yaml")
    dated = [p for p in load("people.yaml") if "employment" in p]
    assert len(dated) >= 10
    for person in dated:
        jobs = person["employment"]
        assert jobs and all(set(j) == {"organization", "since", "until"} for j in jobs), person["id"]
        for job in jobs:
            assert job["organization"] in orgs, (person["id"], job)
            for key in ("since", "until"):
                assert job[key] is None or DATE_RE.match(str(job[key])), (person["id"], job)
        starts = [str(j["since"]) for j in jobs if j["since"] is not None]
        assert starts == sorted(starts), person["id"]
        open_jobs = [j for j in jobs if j["until"] is None]
        assert len(open_jobs) <= 1, person["id"]
        if open_jobs:
            assert open_jobs[0]["organization"] == person["organization"], person["id"]

def test_concurrent_posts_resolve():
    """A person's concurrent organisations are organisations, none of them the current one."""
    orgs = ids("organizations.yaml")
    for person in load("people.yaml"):
        others = person.get("concurrent") or []
        assert all(o in orgs and o != person["organization"] for o in others), person["id"]
        assert not others or person["organization"] is not None, person["id"]


def test_references_resolve():
    orgs = ids("organizations.yaml")
    refs = [("people.yaml", "organization"), ("products.yaml", "vendor"),
            ("event_series.yaml", "organizer"), ("organizations.yaml", "parent")]
    for name, field in refs:
        for entry in load(name):
            ref = entry[field]
            if field == "vendor":
                assert ref is not None, f"{name}: {entry['id']} has no vendor"
            assert ref is None or ref in orgs, f"{name}: {entry['id']}.{field} = {ref!r} is not an organisation id"


def test_org_parents_acyclic():
    parent = {e["id"]: e["parent"] for e in load("organizations.yaml")}
    for start in parent:
        seen, cur = set(), start
        while cur is not None:
            assert cur not in seen, f"parent cycle through {start}"
            seen.add(cur)
            cur = parent[cur]


# ---------------------------------------------------------------- aliases

@pytest.mark.parametrize("name", list(FIELDS))
def test_aliases_present_and_unambiguous(name):
    owner: dict[str, str] = {}
    for entry in load(name):
        names = entry_names(name, entry)
        assert entry["aliases"], f"{name}: {entry['id']} has no aliases"
        assert len(names) == len(set(names)), f"{name}: {entry['id']} lists an alias twice: {names}"
        for alias in names:
            key = norm(alias)  # case, width and middle-dot variants count as the same name across entries
            other = owner.setdefault(key, entry["id"])
            assert other == entry["id"], f"{name}: alias {alias!r} names both {other} and {entry['id']}"


def test_canonical_name_is_an_alias():
    for name, field in [("people.yaml", "name_en"), ("organizations.yaml", "name_en"),
                        ("event_series.yaml", "name_en"), ("products.yaml", "name")]:
        for entry in load(name):
            assert isinstance(entry[field], str) and entry[field].strip(), f"{name}: {entry['id']} has no {field}"
            if name in ("people.yaml", "products.yaml"):
                assert norm(entry[field]) in {norm(a) for a in entry["aliases"]}, \
                    f"{name}: {entry['id']}: {entry[field]!r} is not among its aliases"


def test_short_aliases():
    for person in load("people.yaml"):
        aliases = {norm(a) for a in person["aliases"]}
        for short in person["short_aliases"]:
            assert len(short) >= 2, f"{person['id']}: short alias {short!r} is shorter than 2 characters"
            assert norm(short) not in aliases, f"{person['id']}: {short!r} is both an alias and a short alias"


def test_word_aliases_are_aliases():
    for org in load("organizations.yaml"):
        for word in org.get("word_aliases") or []:
            assert word in org["aliases"], f"{org['id']}: word alias {word} is not one of its aliases"


def test_product_names():
    orgs = {e["id"]: e for e in load("organizations.yaml")}
    products = load("products.yaml")
    for org in orgs.values():
        aliases = set(org["aliases"])
        family = {org["id"], org["parent"]} | {o["id"] for o in orgs.values() if o["parent"] == org["id"]}
        for pname in org["product_names"]:
            assert pname in aliases, f"{org['id']}: product name {pname!r} is not one of its aliases"
            makers = [p["vendor"] for p in products if norm(pname) in {norm(a) for a in p["aliases"]}]
            assert makers, f"{org['id']}: product name {pname!r} is no product's alias in products.yaml"
            assert set(makers) & family, f"{org['id']}: product {pname!r} is made by {makers}, not by {org['id']}"


# ---------------------------------------------------------------- both scripts

@pytest.mark.parametrize("name", list(FIELDS))
def test_both_scripts_yaml(name):
    exempt = script_exempt(name)
    gaps = []
    for entry in load(name):
        lists = [entry["aliases"]]
        if name == "people.yaml":
            lists += [entry["short_aliases"], entry["title_zh"]]
        for items in lists:
            gaps += [f"{entry['id']}: {g}" for g in script_gaps(items, exempt)]
    assert not gaps, f"{name}:\n" + "\n".join(gaps)


def test_both_scripts_titles():
    exempt = script_exempt("titles.yaml")
    gaps = []
    for title in load("titles.yaml"):
        gaps += [f"{title['title_en']}: {g}" for g in script_gaps(title["forms"], exempt)]
    assert not gaps, "\n".join(gaps)


@pytest.mark.parametrize("name", ["surnames.txt", "speech_verbs.txt", "org_suffixes.txt"])
def test_both_scripts_text(name):
    gaps = script_gaps(text_lines(name), script_exempt(name))
    assert not gaps, f"{name}:\n" + "\n".join(gaps)


def test_usual_location():
    for series in load("event_series.yaml"):
        loc = series["usual_location"]
        assert loc is None or (isinstance(loc, str) and HAN_RE.search(loc)), f"{series['id']}: {loc!r}"


# ---------------------------------------------------------------- per-file fields

def test_org_fields():
    for org in load("organizations.yaml"):
        assert org["type"] in ORG_TYPES, f"{org['id']}: type {org['type']!r}"
        assert isinstance(org["product_names"], list)


def test_product_fields():
    for product in load("products.yaml"):
        assert product["category"] in PRODUCT_CATEGORIES, f"{product['id']}: category {product['category']!r}"


def test_event_series_fields():
    for series in load("event_series.yaml"):
        year = series["first_year"]
        assert year is None or (type(year) is int and 1900 <= year <= 2025), f"{series['id']}: first_year {year!r}"


def test_titles():
    titles = load("titles.yaml")
    assert all(set(t) == {"title_en", "forms"} for t in titles)
    canon = [t["title_en"] for t in titles]
    assert len(canon) == len(set(canon)), "duplicate title_en in titles.yaml"
    owner: dict[str, str] = {}
    for t in titles:
        assert t["forms"] and all(isinstance(f, str) and f.strip() == f and f for f in t["forms"]), t
        for form in t["forms"]:
            other = owner.setdefault(norm(form), t["title_en"])
            assert other == t["title_en"], f"title form {form!r} is under both {other} and {t['title_en']}"


def test_people_titles_known():
    titles = load("titles.yaml")
    canon = {t["title_en"] for t in titles}
    forms = {f for t in titles for f in t["forms"]}
    for person in load("people.yaml"):
        title = person["title_en"]
        assert title in canon or (title.startswith("Former ") and title[len("Former "):] in canon), \
            f"{person['id']}: title_en {title!r} is not in titles.yaml"
        assert person["title_zh"], f"{person['id']}: no title_zh"
        unknown = [f for f in person["title_zh"] if f not in forms]
        assert not unknown, f"{person['id']}: title_zh {unknown} not in titles.yaml"


# ---------------------------------------------------------------- text files

@pytest.mark.parametrize("name", TEXT_FILES)
def test_text_file_lines(name):
    lines = text_lines(name)
    assert lines, f"{name} is empty"
    assert len(lines) == len(set(lines)), f"{name}: duplicates {sorted({l for l in lines if lines.count(l) > 1})}"
    for line in lines:
        assert line == line.strip(), f"{name}: stray whitespace in {line!r}"
        if name != "org_suffixes_latin.txt":
            assert " " not in line, f"{name}: {line!r} contains a space"


def test_surnames_shape():
    for s in text_lines("surnames.txt"):
        assert 1 <= len(s) <= 2 and all(HAN_RE.match(c) for c in s), f"surname {s!r}"
    assert {"張", "张", "歐陽", "欧阳", "司馬", "司马", "諸葛", "诸葛"} <= set(text_lines("surnames.txt"))


def test_latin_suffixes_have_no_chinese():
    for s in text_lines("org_suffixes_latin.txt"):
        assert not HAN_RE.search(s), s


def test_post_verbs_feed_name_stops_and_glue():
    """lexicon.yaml post_verbs (時任, 历任 …) is the one list of the verbs of holding a post: the
    knowledge base joins it to name_stop_words, extractors/context.py to the words it cuts off a
    glued name."""
    from service.extractors.context import GLUED_PREPOSITION_WORDS
    from service.pipeline import get_pipeline

    verbs = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))["post_verbs"]
    assert {"時任", "时任", "改任"} <= set(verbs)
    assert set(verbs) <= GLUED_PREPOSITION_WORDS
    kb = get_pipeline().kb
    assert {kb.key(v) for v in verbs} <= kb.lex["name_stop_words"]
