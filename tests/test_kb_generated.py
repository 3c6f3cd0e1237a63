"""Checks on the knowledge base built from open data (service/kb/data/generated/).

The DATA and its provenance: the build script and its manifest are present, every
input is pinned with a licence and a hash, the vendored copies still hash as
recorded, SOURCES.json describes the files that are there, share-alike rows stay
in their own file, ids are unique, vendors resolve, no name belongs to two entries
of one kind (curated data included), variants are OpenCC's, and the scale the
issue asks for is reached. The curated YAML files have their own checks in
tests/test_kb_data.py.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from service.nlp.text import tables

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "service" / "kb" / "data"
GEN = DATA / "generated"
MANIFEST = ROOT / "kb" / "sources.yaml"

ID_RE = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ORG_TYPES = {"company", "lab", "university", "government", "nonprofit", "media", "party", "other"}   # (organizations.yaml's types)
PRODUCT_CATEGORIES = {"model", "service", "platform", "hardware", "software", "app", "initiative", "other"}
# (CC-BY-SA-3.0: CC-Canto, whose rows keep a file of their own, cccanto_organizations.tsv)
LICENCES = {"Apache-2.0", "MIT", "BSD-3-Clause", "CC-BY-SA-4.0", "CC-BY-SA-3.0", "CC-BY-4.0", "Unicode-3.0",
            "WTFPL", "CC0-1.0"}
COLUMNS = {
    "organizations.tsv": ["id", "type", "name", "name_en", "aliases", "variants", "plain", "source"],
    "products.tsv": ["id", "category", "vendor", "name", "aliases", "variants", "plain", "source"],
    "people.tsv": ["id", "name_en", "organization", "aliases", "variants", "source"],
    "cedict_people.tsv": ["id", "name_en", "aliases", "variants", "source"],
    "cedict_organizations.tsv": ["id", "type", "name", "name_en", "aliases", "variants", "plain", "source"],
    "cedict_products.tsv": ["id", "category", "vendor", "name", "aliases", "variants", "plain", "source"],
    "cccanto_organizations.tsv": ["id", "type", "name", "name_en", "aliases", "variants", "plain", "source"],
}
KIND = {"organizations.tsv": "organization", "products.tsv": "product", "people.tsv": "person",
        "cedict_people.tsv": "person", "cedict_organizations.tsv": "organization",
        "cccanto_organizations.tsv": "organization",
        "cedict_products.tsv": "product"}
CURATED = {"organization": "organizations.yaml", "product": "products.yaml", "person": "people.yaml"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=None)
def manifest() -> list[dict]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def rows(name: str) -> list[dict]:
    lines = (GEN / name).read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS[name]), f"{name}: {len(cells)} cells in {line!r}"
        out.append(dict(zip(COLUMNS[name], cells)))
    return out


def names(row: dict) -> list[str]:
    return [n for n in (row["aliases"].split("|") + row["variants"].split("|")) if n]


@lru_cache(maxsize=None)
def curated(kind: str) -> list[dict]:
    return yaml.safe_load((DATA / CURATED[kind]).read_text(encoding="utf-8"))


def curated_names(kind: str, entry: dict) -> list[str]:
    out = list(entry.get("aliases") or [])
    if kind == "person":
        out += entry.get("short_aliases") or []
    if kind == "organization":
        out += entry.get("product_names") or []
    if kind == "product":
        out.append(entry["name"])
    return out


# ---------------------------------------------------------------- provenance

def test_build_script_and_manifest_present():
    assert (ROOT / "scripts" / "build_kb.py").is_file()
    assert MANIFEST.is_file()
    assert (ROOT / "THIRD_PARTY_NOTICES").is_file()


def test_every_source_pinned_with_licence_and_hash():
    ids = [s["id"] for s in manifest()]
    assert len(ids) == len(set(ids)), "duplicate source id"
    for src in manifest():
        assert src["kind"] in {"pypi", "npm", "github-vendored", "curated"}, src["id"]
        assert src["licence"] in LICENCES, f"{src['id']}: licence {src['licence']!r} is no SPDX id we accept"
        assert src["attribution"].strip(), src["id"]
        if src["kind"] == "pypi":
            assert src["package"] and re.match(r"^\d", str(src["pin"])), f"{src['id']}: no pinned version"
            if src["id"] != "opencc":   # the installed converter, checked by version at build time
                assert src["archive"] and src["path"] and re.fullmatch(r"[0-9a-f]{64}", src["sha256"]), src["id"]
        if src["kind"] == "github-vendored":
            assert re.fullmatch(r"[0-9a-f]{40}", src["pin"]), f"{src['id']}: pin a commit"
            assert src["repo"] and src["upstream"], src["id"]


@pytest.mark.parametrize("src", [s for s in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
                                 if s["kind"] in ("github-vendored", "curated")], ids=lambda s: s["id"])
def test_repository_inputs_hash_as_recorded(src):
    """A vendored copy or curated seed edited without rebuilding (and recording
    its new hash) would leave the generated data out of date."""
    path = ROOT / src["path"]
    assert path.is_file(), src["path"]
    assert sha256(path) == src["sha256"], f"{src['path']} changed: run scripts/build_kb.py --record"
    if src["kind"] == "github-vendored":
        assert (path.parent / "LICENSE").is_file(), f"{src['id']}: no LICENSE beside the vendored copy"


def test_rebuild_from_the_cached_inputs_gives_the_committed_files():
    """The committed KB is what the pinned sources build: a hand edit of a generated file,
    or a builder change whose rebuild was not committed, fails here. The PyPI and npm inputs
    are downloaded at build time only, so without their cache (a fresh clone, CI) it skips."""
    import subprocess
    import sys

    cache = ROOT / "build" / "kb-cache"
    missing = sorted({s["archive"] for s in manifest()   # (opencc is pinned, not read: no archive)
                      if s["kind"] in ("pypi", "npm") and s.get("archive") and not (cache / s["archive"]).exists()})
    if missing:
        pytest.skip(f"build/kb-cache lacks {', '.join(missing)} (run scripts/build_kb.py once to fetch them)")
    opencc = pytest.importorskip("opencc")
    pin = next(s["pin"] for s in manifest() if s["id"] == "opencc")
    if getattr(opencc, "__version__", "") != pin:
        pytest.skip(f"opencc {pin} is the pinned converter")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_kb.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_sources_json_describes_the_generated_files():
    info = json.loads((DATA / "SOURCES.json").read_text(encoding="utf-8"))
    assert {s["id"] for s in info["sources"]} == {s["id"] for s in manifest()}
    assert set(info["outputs"]) == {f"generated/{n}" for n in COLUMNS} | {
        "generated/cedict_places.tsv", "generated/cedict_capitals.tsv", "generated/cedict_surnames.tsv",
        "generated/japanese_surnames.tsv", "generated/cedict_transliteration.tsv",
        "generated/cedict_everyday_places.tsv"}
    for rel, out in info["outputs"].items():
        path = DATA / rel
        assert sha256(path) == out["sha256"], f"{rel} differs from what the build wrote (edited by hand?)"
        assert len(rows(path.name) if path.name in COLUMNS else places(path.name)) == out["rows"], rel


def places(name: str = "cedict_places.tsv") -> list[list[str]]:
    return [line.split("\t") for line in (GEN / name).read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


def test_transliteration_characters_write_western_names():
    """cedict_transliteration.tsv: each character in two or more CC-CEDICT entries glossed as a
    Western name (叶利钦 Yeltsin, 尤尔钦科 Yurchenko: 钦; 摩根 Morgan: 根); a Japanese or
    Cantonese reading (滨田 Hamada, 恒生 Hang Seng) whose English runs as pinyin syllables counts not."""
    rows_ = places("cedict_transliteration.tsv")
    assert rows_ and all(len(r) == 4 and HAN_RE.search(r[0]) and int(r[2]) >= 2 for r in rows_)
    chars = {c for r in rows_ for c in r[:2] if c}
    assert {"钦", "欽", "根", "坦"} <= chars
    assert not {"滨", "田", "恒"} & chars


def test_everyday_place_tagged_words_are_no_places():
    """cedict_everyday_places.tsv: words jieba tags ns that CC-CEDICT holds only as everyday
    words (加密 'to encrypt', 城市 'city'); a place's name (北京, 美国), a word with a proper
    syllable (南亚 [nan2 Ya4], 古希腊) and one character (北) are not among them."""
    words = {r[0] for r in places("cedict_everyday_places.tsv")}
    assert {"加密", "城市", "上市", "海峡"} <= words
    assert not {"北京", "美国", "上海", "南亚", "古希腊", "北"} & words
    assert all(len(w) >= 2 and HAN_RE.search(w) for w in words)


def test_capitals_are_those_of_countries_and_territories():
    """cedict_capitals.tsv: each row a capital of a state cedict_places.tsv lists (Moscow, Seoul,
    Pyongyang), never a province's seat (南京, capital of Jiangsu) or a word with no capital sense;
    a sense noted as a federal capital names its state in the note (華盛頓 "Washington, D.C. (US
    federal capital)", beside a person's name)."""
    states = {r[2] for r in places()}
    rows_ = places("cedict_capitals.tsv")
    assert rows_ and all(len(r) == 4 and HAN_RE.search(r[0]) and r[3] for r in rows_)
    assert all(r[3] in states for r in rows_ if "D.C." not in r[2])
    by_name = {n: r[3] for r in rows_ for n in r[:2]}
    assert by_name["莫斯科"] == "Russia" and by_name["首爾"] == "South Korea" and by_name["平壤"] == "North Korea"
    assert by_name["華盛頓"] == by_name["华盛顿"] == "US" and "亚伦" not in by_name and "汉密尔顿" not in by_name
    assert "南京" not in by_name and "上海" not in by_name


def surnames_by_name(file: str, *licence_words: str) -> dict[str, str]:
    """A generated surname file's romanisation by each of its two forms, after checking that
    its header credits its source and that every row is a two- or three-character Han name
    with a romanisation."""
    header = (GEN / file).read_text(encoding="utf-8")
    assert all(w in header for w in licence_words), licence_words
    rows_ = places(file)
    assert rows_ and all(len(r) == 3 and 2 <= len(r[0]) <= 3 and HAN_RE.search(r[0]) and r[2] for r in rows_)
    return {n: r[2] for r in rows_ for n in r[:2]}


def test_japanese_surnames_from_cedict_are_surnames_only():
    """CC-CEDICT's Japanese family names, both scripts: a form whose other senses are
    places stays (田中, a town too); one that refers to a person or a
    thing (中山 Sun Yat-sen, 伊藤 a supermarket) or is an everyday word too (清水, 金子, 山口 'mountain pass') goes."""
    by_name = surnames_by_name("cedict_surnames.tsv", "CC-CEDICT", "ShareAlike 4.0")
    assert by_name["中村"] == "Nakamura" and by_name["鈴木"] == by_name["铃木"] == "Suzuki"
    assert by_name["田中"] == "Tanaka" and by_name["佐佐木"] == "Sasaki" and by_name["長谷川"] == "Hasegawa"
    for word in ("中山", "伊藤", "清水", "金子", "山口", "小岛"):
        assert word not in by_name, word


def test_more_japanese_surnames_from_the_dataset_are_surnames_only():
    """japanese-personal-name-dataset's family names (MIT) that CC-CEDICT's list lacks, in
    Chinese characters in both scripts (前澤 / 前泽, from the Japanese 前沢): none that
    CC-CEDICT's list has, none that is an everyday word (根本, 出口, 清水), a word jieba
    counts often (山口, 福田, 中山, 中原) or tags as no name, noun or place (山下 s, 久保 v)."""
    by_name = surnames_by_name("japanese_surnames.tsv", "japanese-personal-name-dataset", "MIT")
    assert by_name["荒木"] == "Araki" and by_name["前澤"] == by_name["前泽"] == "Maezawa"
    assert by_name["豐島"] == by_name["丰岛"] == "Toshima" and by_name["小池"] == "Koike"   # seldom counted by jieba
    cedict = {n for r in places("cedict_surnames.tsv") for n in r[:2]}
    assert not cedict & set(by_name)
    for word in ("根本", "出口", "清水", "山口", "福田", "中山", "中原", "山下", "久保", "前沢"):
        assert word not in by_name, word
    from service.kb import knowledge_base
    kb = knowledge_base()
    assert kb.key("前澤") in kb.japanese_surnames and kb.key("荒木") in kb.japanese_surnames


def test_places_are_countries_and_territories_not_people():
    """CC-CEDICT's countries and territories (a capital's gloss names them), both scripts:
    the ones the segmenter tags as people's names are among them; a name that is also a
    person's (乔丹 'Jordan (name)', 玛丽 'Mary') is not."""
    header = (GEN / "cedict_places.tsv").read_text(encoding="utf-8")
    assert "CC-CEDICT" in header and "ShareAlike 4.0" in header
    rows_ = places()
    assert all(len(r) == 3 and len(r[0]) >= 2 and HAN_RE.search(r[0]) and r[2] for r in rows_)
    by_name = {n: r[2] for r in rows_ for n in r[:2]}
    assert by_name["沙特"] == by_name["沙特阿拉伯"] == "Saudi Arabia"
    assert by_name["烏克蘭"] == "Ukraine" and by_name["南韩"] == "South Korea" and by_name["卡塔尔"] == "Qatar"
    assert "乔丹" not in by_name and "玛丽" not in by_name and "北京" not in by_name
    from service.kb import knowledge_base
    from service.nlp.segment import Segmenter
    kb = knowledge_base()
    tagged = Segmenter(places=kb.places).tag("沙特警方与卡塔尔政府").tagged
    assert ("沙特", "ns") in tagged and ("卡塔尔", "ns") in tagged


def test_notices_name_every_source():
    notices = (ROOT / "THIRD_PARTY_NOTICES").read_text(encoding="utf-8")
    for src in manifest():
        assert f"* {src['id']} " in notices and src["licence"] in notices, src["id"]


@pytest.mark.parametrize("own", ["cedict_people.tsv", "cedict_organizations.tsv", "cedict_products.tsv"])
def test_share_alike_rows_stay_in_their_own_file(own):
    header = "\n".join(l for l in (GEN / own).read_text(encoding="utf-8").splitlines()
                       if l.startswith("#"))
    assert "CC-CEDICT" in header and "ShareAlike 4.0" in header
    assert all(r["source"] == "cc-cedict" for r in rows(own))
    for name in ("organizations.tsv", "products.tsv", "people.tsv"):
        assert not any(r["source"].startswith("cc-cedict") for r in rows(name)), name
    # and never in code: the service reads it as data only
    for py in (ROOT / "service").rglob("*.py"):
        assert "cedict_1_0" not in py.read_text(encoding="utf-8"), py


def test_cc_canto_rows_stay_in_their_own_file():
    """CC-Canto's rows (CC BY-SA 3.0): Hong Kong's government bodies, in a file of their own."""
    header = "\n".join(l for l in (GEN / "cccanto_organizations.tsv").read_text(encoding="utf-8").splitlines()
                       if l.startswith("#"))
    assert "CC-Canto" in header and "ShareAlike 3.0" in header
    assert rows("cccanto_organizations.tsv")
    assert all(r["source"] == "cc-canto-bodies" and r["type"] == "government"
               for r in rows("cccanto_organizations.tsv"))
    for name in ("organizations.tsv", "cedict_organizations.tsv", "products.tsv", "people.tsv"):
        assert not any(r["source"].startswith("cc-canto") for r in rows(name)), name


# ---------------------------------------------------------------- shape

LEGAL_FORMS = ("股份有限公司", "有限公司", "公司")


def org_owners() -> tuple[dict, list[tuple[str, dict]]]:
    """id -> (name keys, English names, type) of the organisations that own their id
    (the curated YAML's entries, then each generated id's first row), and the rows that
    join one of them: (file, row)."""
    key = tables().key
    owners: dict[str, tuple[set[str], set[str], str]] = {}
    for e in curated("organization"):
        own = [e.get("name")] + list(e.get("aliases") or [])
        owners[e["id"]] = ({key(str(a)) for a in own if a},
                           {str(a) for a in [e.get("name_en")] + own if a and not HAN_RE.search(str(a))},
                           e.get("type") or "")
    joining = []
    for file in ("organizations.tsv", "cedict_organizations.tsv"):
        for r in rows(file):
            if r["id"] in owners:
                joining.append((file, r))
            else:
                owners[r["id"]] = ({key(a) for a in names(r)},
                                   {a for a in names(r) if not HAN_RE.search(a)} | {r["name_en"]}, r["type"])
    return owners, joining


def joins(r: dict, owner: tuple[set[str], set[str], str]) -> bool:
    """Is this list row another name of the organisation whose id it has: a legal form
    of one of its names (微软公司), a national body's name without its country
    (商务部 of 中国商务部), or CC-CEDICT's entry of its type under its English name?"""
    keys, english, type_ = owner
    key = tables().key
    han = [key(a) for a in names(r) if HAN_RE.search(a)]
    if han and all(any(k.endswith(f) and k[:-len(f)] in keys for f in LEGAL_FORMS)
                   or r["type"] == "government" == type_ and "中国" + k in keys for k in han):
        return True
    return r["source"] == "cc-cedict" and r["name_en"] in english and r["type"] in (type_, "other")


@pytest.mark.parametrize("name", list(COLUMNS))
def test_ids_unique_slugs_apart_from_curated(name):
    """One row an entity; a list's row may carry another organisation's id only as
    another name of it (微软公司 is Microsoft: see joins)."""
    kind = KIND[name]
    curated_ids = {e["id"] for e in curated(kind)}
    joined = set()
    if kind == "organization":
        owners, joining = org_owners()
        for file, r in joining:
            if file == name:
                assert r["source"] != "curated", r["id"]
                assert joins(r, owners[r["id"]]), f"{name}: {r['id']} ({r['aliases']}) is no other name of it"
                joined.add(id(r))
    seen = set()
    for r in rows(name):
        assert ID_RE.match(r["id"]), f"{name}: bad id {r['id']!r}"
        assert r["aliases"], f"{name}: {r['id']} has no names"
        if id(r) in joined:
            continue
        assert r["id"] not in seen, f"{name}: duplicate id {r['id']}"
        assert r["id"] not in curated_ids, f"{name}: {r['id']} is also a curated {kind}"
        seen.add(r["id"])


def test_legal_forms_and_english_names_join_the_reviewed_organisation():
    """A list's 微软公司 or 腾讯公司 is Microsoft or Tencent, and CC-CEDICT's 奈飞
    'Netflix, American entertainment company' is the curated Netflix: the same id, not a
    second company. A group or holding (联想控股有限公司, Legend Holdings) stays apart."""
    by_name = {n: r for f in ("organizations.tsv", "cedict_organizations.tsv") for r in rows(f) for n in names(r)}
    assert by_name["微软公司"]["id"] == "microsoft"
    assert by_name["腾讯公司"]["id"] == "tencent"
    assert by_name["奈飞"]["id"] == "netflix"
    assert by_name["联想控股有限公司"]["id"] != "lenovo"
    # and a later list's legal form joins an earlier list's company (adata's 上海银行), or
    # the curated one where the reviewed data holds the company (中国银行, w14)
    assert by_name["上海银行股份有限公司"]["id"] == by_name["上海银行"]["id"]
    assert by_name["中国银行股份有限公司"]["id"] == "bank-of-china"
    from service.kb import knowledge_base
    kb = knowledge_base()
    assert [e.id for e in kb.aliases[kb.key("微軟公司")]] == ["microsoft"]
    assert kb.aliases[kb.key("微软")][0].listed is False   # the curated name keeps its entry


def test_a_seed_row_whose_chinese_names_an_entry_holds_is_that_entry():
    """The curated seed's 'Taiwan Ministry of Economic Affairs' (经济部|經濟部) is
    organizations.yaml's 經濟部: no second entry known only by its English name, and a
    person's employer given by that English name is the entry a text names."""
    by_id = {e["id"]: e for e in curated("organization")}
    generated_ids = {r["id"] for r in rows("organizations.tsv")}
    assert "taiwan-ministry-of-economic-affairs" not in generated_ids
    people = {r["id"]: r for r in rows("people.tsv")}
    assert people["kuo-jyh-huei"]["organization"] == "ministry-of-economic-affairs"
    assert "經濟部" in by_id["ministry-of-economic-affairs"]["aliases"]
    for pid, body in (("wu-cheng-wen", "national-science-and-technology-council"),
                      ("huang-yen-nun", "ministry-of-digital-affairs")):
        assert people[pid]["organization"] == body and body in by_id


def test_types_and_categories():
    assert all(r["type"] in ORG_TYPES for r in rows("organizations.tsv"))
    assert all(r["type"] in ORG_TYPES for r in rows("cedict_organizations.tsv"))
    assert all(r["category"] in PRODUCT_CATEGORIES for r in rows("products.tsv"))
    assert all(r["category"] in PRODUCT_CATEGORIES for r in rows("cedict_products.tsv"))


def test_every_vendor_resolves():
    orgs = {e["id"] for e in curated("organization")} | {r["id"] for r in rows("organizations.tsv")}
    for r in rows("products.tsv"):   # an everyday app (Open-AutoGLM's tables) or a brand list's
        # title (simple-icons) may name no maker the KB holds
        assert r["vendor"] in orgs or not r["vendor"] and r["source"].startswith(("open-autoglm", "simple-icons")), \
            f"{r['id']}: vendor {r['vendor']!r} is no organisation"
    orgs |= {r["id"] for r in rows("cedict_organizations.tsv")}
    for r in rows("cedict_products.tsv"):   # a dictionary's game or app may name no maker
        assert not r["vendor"] or r["vendor"] in orgs, f"{r['id']}: vendor {r['vendor']!r} is no organisation"
    for r in rows("people.tsv"):
        assert not r["organization"] or r["organization"] in orgs, f"{r['id']}: {r['organization']!r}"


@pytest.mark.parametrize("kind", ["organization", "product", "person"])
def test_no_name_in_two_entries_of_one_kind(kind):
    """By the service's key form, over the curated file and every generated file
    of the kind (curated entries keep priority)."""
    key = tables().key
    owner: dict[str, str] = {}
    for e in curated(kind):
        for a in curated_names(kind, e):
            owner.setdefault(key(str(a)), e["id"])
    for name in [n for n, k in KIND.items() if k == kind]:
        for r in rows(name):
            for a in names(r):
                other = owner.setdefault(key(a), r["id"])
                assert other == r["id"], f"{name}: {a!r} names both {other} and {r['id']}"


@pytest.mark.parametrize("name", list(COLUMNS))
def test_no_exchange_marks_in_names(name):
    """*ST金泰, 世紀*: trading-status and footnote marks are the exchange's, not the name's."""
    for r in rows(name):
        marked = [a for a in names(r) if "*" in a or re.match(r"^S?\*?ST[\u4e00-\u9fff]", a)]
        assert not marked, f"{name}: {r['id']} has {marked}"


@pytest.mark.parametrize("name", list(COLUMNS))
def test_no_one_character_chinese_name(name):
    for r in rows(name):
        short = [a for a in names(r) if len(a) < 2 and HAN_RE.search(a)]
        assert not short, f"{name}: {r['id']} has {short}"


def test_plain_marks():
    for r in rows("organizations.tsv"):
        plain = [p for p in r["plain"].split("|") if p]
        assert set(plain) <= set(names(r)), r["id"]
        assert all(HAN_RE.search(p) for p in plain), r["id"]
    # a list-only product or person that is an ordinary word is left out, not marked; only a
    # brand list's title spelled as an everyday English word (Steam, LINE) is kept, plain,
    # under that one spelling (scripts/kb_brand_lists.py)
    for r in rows("products.tsv"):
        if r["plain"]:
            assert r["source"].startswith("simple-icons:"), r["id"]
            assert r["plain"] == r["aliases"] == r["name"], r["id"]
            assert re.fullmatch(r"[A-Z][A-Za-z]*", r["plain"]), r["id"]
    assert not any(r["plain"] for r in rows("cedict_products.tsv"))


def test_ordinary_words_are_marked_plain():
    """The brief's examples: exchange short names that are also words."""
    by_name = {n: r for r in rows("organizations.tsv") for n in names(r)}
    for word in ("太阳能", "东方财富", "中国平安"):
        assert word in by_name, word
        assert word in by_name[word]["plain"].split("|"), f"{word} is not marked plain"


def test_list_names_that_cedict_has_as_everyday_words():
    """An exchange's 同花顺 or 万年青 is also 'straight flush' or 'evergreen' by
    CC-CEDICT's lower-case entries, whatever jieba's counts: a company only with
    evidence. At two characters (摩登 'modern', 大量 'a large amount', 联合 'joint')
    the words after such a name read as evidence too often (大量新能源车, 联合实验室):
    the list's name is left out."""
    by_name = {n: r for r in rows("organizations.tsv") for n in names(r)}
    for word in ("同花顺", "万年青"):
        assert word in by_name[word]["plain"].split("|"), f"{word} is not marked plain"
    for word in ("摩登", "高升", "大量", "聯合", "進階"):
        assert word not in by_name, word


def test_two_character_list_words_are_plain_but_curated_brands_are_not():
    """jieba counts 全台 and 進階 3 times (its counts are the mainland's): a list's
    two-character everyday word needs evidence; a reviewed brand (传音) does not."""
    by_name = {n: r for r in rows("organizations.tsv") for n in names(r)}
    for word in ("全台",):
        assert word in by_name[word]["plain"].split("|"), f"{word} is not marked plain"
    for word in ("传音", "滴滴"):
        assert word not in by_name[word]["plain"].split("|"), f"{word} is marked plain"


def test_cedict_bodies_exchanges_and_abbreviations():
    """CC-CEDICT's organisations, committees and exchanges are organisations (联合国,
    世界卫生组织, 纽约证券交易所) and an abbreviation of one is another of its names
    (纽交所); a market or its index (台股, 上证, 上证综合指数) is none."""
    by_name = {n: r for r in rows("cedict_organizations.tsv") for n in names(r)}
    for word in ("联合国", "世界卫生组织", "纽约证券交易所", "联合国安全理事会"):
        assert word in by_name, word
    assert by_name["纽交所"]["id"] == by_name["纽约证券交易所"]["id"]
    for word in ("台股", "上证", "上证综合指数"):
        assert word not in by_name, word


def test_cedict_everyday_glosses_of_firms_bodies_and_services():
    """CC-CEDICT names many firms in everyday words ("Uniqlo, Japanese clothing brand",
    "Crest (brand)"), government bodies as departments, offices and agencies (律政司
    "Department of Justice", 国台办), unions (万国邮政联盟), and services and games
    ("Minecraft (video game)", "Opera (web browser)"): each becomes an entry of its
    kind. Not a brand of goods (利他林 "Ritalin (brand name)"), a landform or a
    spacecraft; a two-character brand the dictionary also has as a word (大众 'the
    masses', 精工 'exquisite') is left out, and one with another sense (福克斯: also
    Ford's Focus) needs evidence."""
    orgs = {n: r for r in rows("cedict_organizations.tsv") for n in names(r)}
    products = {n: r for r in rows("cedict_products.tsv") for n in names(r)}
    assert orgs["优衣库"]["type"] == orgs["佳洁士"]["type"] == "company"
    assert orgs["律政司"]["type"] == orgs["国台办"]["type"] == "government"
    assert orgs["万国邮政联盟"]["type"] == "other"
    assert orgs["陆委会"]["type"] == orgs["澳门立法会"]["type"] == "government"   # "... Council" heads the gloss
    assert "国防部" in orgs["国防部"]["plain"].split("|")   # every country's: the text must say whose
    assert "中南海" not in orgs   # "Zhongnanhai, palace ... headquarters of the ... State Council"
    assert products["我的世界"]["category"] == "other"
    assert products["欧朋"]["category"] == "software"
    assert products["维基百科"]["category"] == "platform"   # "Wikipedia (online encyclopedia)"
    assert "赛扬" not in products   # "Celeron (an Intel chip)": chip families are the grammar's
    for word in ("利他林", "丹霞地貌", "火星快车", "大众", "精工"):
        assert word not in orgs and word not in products, word
    assert "福克斯" in orgs["福克斯"]["plain"].split("|")
    assert "优衣库" not in orgs["优衣库"]["plain"].split("|")


def test_current_state_council_bodies_from_gov_site_list():
    """Bodies set up after HanLP's and CC-CEDICT's lists were made (国家数据局, 2023;
    国家金融监督管理总局, 2023) come from gov-site-list, as government bodies; its
    portal row (中国政府网（国务院）) is a website, no body."""
    by_name = {n: r for r in rows("organizations.tsv") for n in names(r)}
    for word in ("国家数据局", "国家金融监督管理总局", "河北省人民政府"):
        assert by_name[word]["type"] == "government", word
        assert by_name[word]["source"].startswith("gov-site-list"), word
    assert not any("中国政府网" in n for n in by_name)


def test_joined_form_of_a_hyphenated_name():
    """梅赛德斯-奔驰 is also written 梅赛德斯奔驰: one entry, not a second company."""
    by_name = {n: r for r in rows("organizations.tsv") for n in names(r)}
    assert by_name["梅赛德斯奔驰"]["id"] == by_name["梅赛德斯-奔驰"]["id"] == "mercedes-benz"


# A hyphen or middle dot between Chinese characters, as scripts/build_kb.py drops it.
JOINER = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])[-‐‑–·‧・](?=[\u3400-\u4dbf\u4e00-\u9fff])")


@lru_cache(maxsize=None)
def converters():
    opencc = pytest.importorskip("opencc")
    return [opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk", "t2s")]


@pytest.mark.parametrize("name", list(COLUMNS))
def test_variants_are_generated_not_typed(name):
    convs = converters()
    for r in rows(name):
        aliases = [a for a in r["aliases"].split("|") if a]
        forms = aliases + [JOINER.sub("", a) for a in aliases] \
            if name in ("organizations.tsv", "cedict_organizations.tsv") else aliases
        made = set(forms) | {c.convert(a) for a in forms for c in convs}
        typed = [v for v in r["variants"].split("|") if v and v not in made]
        assert not typed, f"{name}: {r['id']}: variants {typed} are no OpenCC conversion of {aliases}"


# ---------------------------------------------------------------- scale

def test_scale():
    orgs = len(curated("organization")) + len(rows("organizations.tsv"))
    products = len(curated("product")) + len(rows("products.tsv"))
    people = len(curated("person")) + len(rows("people.tsv")) + len(rows("cedict_people.tsv"))
    assert orgs >= 1500, orgs
    assert products >= 2000, products
    assert people >= 500, people
    types = {}
    for r in rows("organizations.tsv"):
        types[r["type"]] = types.get(r["type"], 0) + 1
    assert types.get("university", 0) >= 300 and types.get("government", 0) >= 300, types
    assert types.get("media", 0) >= 20 and types.get("other", 0) >= 10, types


# ---------------------------------------------------------------- loader

def test_loader_keeps_curated_priority():
    from service.kb import knowledge_base
    kb = knowledge_base()
    key = kb.key
    # a name both the curated data and a list hold is the curated entry's
    assert [e.id for e in kb.aliases[key("台積電")]] == ["tsmc"]
    assert not kb.aliases[key("台積電")][0].listed
    listed = kb.aliases[key("东方财富")][0]
    assert listed.listed and listed.plain and listed.kind == "organization"
    assert key("东方财富") not in dict(kb.user_words()), "list names must stay out of the segmenter"
    assert any(p.get("source") == "cc-cedict" for p in kb.people.values())


def test_brand_titles_leave_organisations_theirs():
    """simple-icons' titles are products held apart (KnowledgeBase.brand_products): none takes a
    name the KB holds as an organisation, none of them is in the alias index, and none is
    initials of three characters or fewer."""
    from service.kb import knowledge_base
    kb = knowledge_base()
    brands = [r for r in rows("products.tsv") if r["source"].startswith("simple-icons:")]
    assert len(brands) > 1000
    for r in brands:
        names = r["aliases"].split("|")
        assert r["id"] in kb.brand_products and r["id"] not in kb.products
        for n in names:
            assert not any(e.kind == "organization" for e in kb.aliases.get(kb.key(n), ())), n
            assert len(n) >= 4 or not n.isascii(), n


def test_sports_clubs_and_leagues_from_cedict():
    """A first sense naming a football, baseball or basketball club or team, or a league
    ("Serie A, the top division of ... football league system", "UEFA Champions League"),
    is an organisation (type other); a name that is also a word (快船 'fast boat') stays
    plain; a city a club is named after is no row unless its first sense is the club."""
    by_id = {r["id"]: r for r in rows("cedict_organizations.tsv")}
    for id_, name in (("serie-a", "意甲"), ("uefa-champions-league", "欧冠"), ("la-liga", "西甲"),
                      ("new-york-yankees", "洋基队"), ("los-angeles-clippers", "快船")):
        assert id_ in by_id and name in names(by_id[id_]) and by_id[id_]["type"] == "other", id_
    assert "快船" in by_id["los-angeles-clippers"]["plain"].split("|")
    # 湖人 "Los Angeles Lakers/abbr. for 洛杉磯湖人": an abbreviation after its own English name
    assert "湖人" in names(by_id["los-angeles-lakers"])
    every = {n for r in rows("cedict_organizations.tsv") for n in names(r)}
    assert not {"那不勒斯", "拉齐奥", "曼城", "罗马"} & every   # places first


def test_sports_glosses_type_an_organisation():
    """The gloss grammar, on invented entries."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "scripts" / "build_kb.py")
    kb = importlib.util.module_from_spec(spec)
    import sys
    sys.modules.setdefault("build_kb", kb)   # (its dataclasses look their module up)
    spec.loader.exec_module(sys.modules["build_kb"]) if sys.modules["build_kb"] is kb else None
    kb = sys.modules["build_kb"]
    for sense in ("Quarrytown Rovers, Ruritanian football team", "Brightwater Herons (NBA team)",
                  "Eastmarch Owls (US baseball team)", "Zembla Super League (soccer)",
                  "Primera Zembla, the top division of the Zemblan football league system",
                  "Borduria Champions League"):
        assert kb.cedict_org_type(sense) == "other", sense
    for sense in ("football, soccer", "team spirit", "Quarrytown, city in Ruritania",
                  "league table"):
        assert kb.cedict_org_type(sense) is None, sense


def _build_kb_module():
    import importlib.util
    import sys
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "scripts" / "build_kb.py")
    kb = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_kb", kb)   # (its dataclasses look their module up)
    spec.loader.exec_module(sys.modules["build_kb"]) if sys.modules["build_kb"] is kb else None
    return sys.modules["build_kb"]


def test_hanlp_bodies_and_suffixed_nt_rows_come_last_and_resolve():
    """HanLP's hospitals and schools (nth, nts, nit) and its untyped organisations (nt)
    that end in an organisation suffix word are rows after every other list's, so no
    earlier row changes; a few of them resolve, a kind or a unit of a body does not."""
    orgs = rows("organizations.tsv")
    sources = [r["source"].split(":")[0] for r in orgs]
    first_new = min(i for i, s in enumerate(sources) if s in ("hanlp-org-bodies", "hanlp-org-nt-suffixed"))
    assert all(s in ("hanlp-org-bodies", "hanlp-org-nt-suffixed") for s in sources[first_new:])
    by_name = {n: r for r in orgs for n in names(r)}
    for name in ("北京协和医院", "内江市第一人民医院", "史家胡同小学", "中国宋庆龄基金会", "上海市工商业联合会"):
        assert name in by_name, name
    for word in ("宠物医院", "社区医院", "摄影家协会", "国际控股有限公司", "清华大学法学院", "广东分公司"):
        assert word not in by_name, word


@pytest.mark.parametrize("line, kept", [
    ("云杉县第三人民医院 nth 2", True),     # invented names
    ("青禾市第八中学 nts 1", True),
    ("北辰镇中心小学 nit 1", True),
    ("眼科医院 nth 4", False),              # a kind of hospital: an everyday word before 医院
    ("青禾ABC医院 nth 1", False),           # Latin letters
    ("青禾市酒店 ntch 1", False),           # hotels are not taken
])
def test_hanlp_bodies_grammar(line, kept):
    kb = _build_kb_module()
    words = kb.Words(b"\xe7\x9c\xbc\xe7\xa7\x91 500 n\n")   # 眼科, an everyday word
    got = [r.name for r in kb.hanlp_bodies(line.encode("utf-8"), words)]
    assert got == ([line.split()[0]] if kept else [])


@pytest.mark.parametrize("line, kept", [
    ("云杉市羽毛球协会 nt 1", True),        # invented names; 云杉市 is no everyday word
    ("青禾县红十字基金会 nt 2", True),
    ("摄影协会 nt 3", False),               # only everyday words before the suffix
    ("云杉国际控股有限公司 nt 1", False),   # a company word fits any head
    ("青禾大学历史学院 nt 1", False),       # a unit of a university
    ("云杉省交通厅规划研究院 nt 1", False), # a unit of a department
    ("青禾长途客运站 nt 1", False),         # no organisation suffix
])
def test_hanlp_suffixed_nt_grammar(line, kept):
    kb = _build_kb_module()
    words = kb.Words("摄影 800 n\n国际 900 n\n历史 700 n\n".encode("utf-8"))
    suffixes = ["有限公司", "研究院", "基金会", "协会", "学院", "公司"]
    got = [r.name for r in kb.hanlp_nt_bodies(line.encode("utf-8"), words, suffixes)]
    assert got == ([line.split()[0]] if kept else [])


@pytest.mark.parametrize("line, kept", [
    # invented parties, in both scripts
    ("雲杉進步黨 云杉进步党 [Yun2 shan1 Jin4 bu4 dang3] /Yunshan Progress Party, Ruritania/", True),
    ("青禾勞動黨 青禾劳动党 [Qing1 he2 Lao2 dong4 dang3] /Workers' Party of Qinghe (QWP)/", True),
    ("青禾民聯 青禾民联 [Qing1 he2 Min2 lian2] /QDA (Qinghe Democratic Alliance Party, Zembla)/", True),
    ("雲杉之聲 云杉之声 [Yun2 shan1 Zhi1 sheng1] /Voxyun, a pro-labour political party in Zembla/", True),
    # not a party
    ("雲杉黨員 云杉党员 [Yun2 shan1 dang3 yuan2] /Yunshan Party member/", False),
    ("雲杉黨宣言 云杉党宣言 [Yun2 shan1 Dang3 Xuan1 yan2] /Manifesto of the Yunshan Party/", False),
    ("雲杉黨校 云杉党校 [Yun2 shan1 Dang3 xiao4] /Yunshan Party School, training cadres/", False),
    ("青禾明 青禾明 [Qing1 He2 ming2] /Qinghe Ming (1931-2001), Yunshan Progress Party politician/", False),
    ("青禾黨 青禾党 [qing1 he2 dang3] /political party (of any kind)/", False),   # an everyday word
    ("雲黨 云党 [Yun2 dang3] /abbr. for 雲杉進步黨|云杉进步党/", False),
])
def test_cedict_parties_grammar(line, kept):
    import gzip
    kb = _build_kb_module()
    words = kb.Words("进步 900 n\n".encode("utf-8"))
    got = [a for r in kb.cedict_parties(gzip.compress(line.encode("utf-8")), words) for a in r.aliases]
    trad, simp = line.split()[:2]
    assert got == (([simp, trad] if trad != simp else [simp]) if kept else [])


def test_cedict_parties_keep_earlier_rows_and_join_one_english_name():
    import gzip
    kb = _build_kb_module()
    words = kb.Words("进步 900 n\n".encode("utf-8"))
    data = ("雲杉進步黨 云杉进步党 [Yun2 shan1 Jin4 bu4 dang3] /Yunshan Progress Party (YPP)/\n"
            "雲進黨 云进党 [Yun2 jin4 dang3] /Yunshan Progress Party (YPP)/\n"
            "青禾綠黨 青禾绿党 [Qing1 he2 Lu:4 dang3] /Qinghe Green Party/\n").encode("utf-8")
    rows_ = kb.cedict_parties(gzip.compress(data), words, frozenset({"qinghe green party"}))
    assert [r.aliases for r in rows_] == [["云杉进步党", "雲杉進步黨", "云进党", "雲進黨"]]
    assert all(r.type == "party" and r.kind == "organization" for r in rows_)
    # the generated table holds CC-CEDICT's parties, after every earlier row
    by_id = {r["id"]: r for r in rows("cedict_organizations.tsv")}
    assert "亲民党" in names(by_id["people-first-party"])   # (親民黨: the service's key form)
    assert by_id["people-first-party"]["type"] == "party"   # (a member's affiliation, never the employer)


@pytest.mark.parametrize("line, kept", [
    # invented sites and networks a firm runs under its own name, in both scripts
    ("雲杉圈 云杉圈 [Yun2 shan1 Quan1] /Yunquan (microblogging service)/", True),
    ("青禾問答 青禾问答 [Qing1 he2 Wen4 da2] /Qinghe Q&A, Chinese Q&A website, launched in 2015/", True),
    ("星瀾視頻 星澜视频 [Xing1 lan2 Shi4 pin2] /Xinglan, Chinese video hosting platform/", True),
    ("雲杉友 云杉友 [Yun2 shan1 you3] /Yunyou (social networking website)/", True),
    # a portal, an Internet company, a shop, a news site, a parody: no platform of its own
    ("青禾網 青禾网 [Qing1 he2 Wang3] /Qinghe, Chinese web portal and online media company/", False),
    ("雲杉搜 云杉搜 [Yun2 shan1 Sou1] /Yunsou, Internet company and search engine/", False),
    ("星瀾購 星澜购 [Xing1 lan2 Gou4] /Xinglan Mall, China's largest e-commerce platform/", False),
    ("雲杉新聞網 云杉新闻网 [Yun2 shan1 Xin1 wen2 Wang3] /Yunshan News Service website/", False),
    ("偽青禾 伪青禾 [Wei3 Qing1 he2] /Fake Qinghe (satirical website parodying Qinghe Q&A)/", False),
    ("雲杉圈兒 云杉圈儿 [yun2 shan1 quan1 r5] /microblogging/", False),   # an everyday word
])
def test_cedict_sites_grammar(line, kept):
    """A firm's own site or network (CEDICT_SITE) is also a platform product, its maker the
    firm of the same name (the vendor resolved in the build)."""
    import gzip
    kb = _build_kb_module()
    got = kb.cedict_sites(gzip.compress(line.encode("utf-8")))
    trad, simp = line.split()[:2]
    assert [a for r in got for a in r.aliases] == (([simp, trad] if trad != simp else [simp]) if kept else [])
    assert all(r.type == "platform" and r.vendor == simp for r in got)


def test_cedict_sites_are_their_firms_platforms():
    """推特 "Twitter (microblogging service)" is the company and, in cedict_products.tsv, its
    platform; a firm whose app an earlier list holds under its id keeps that app (新浪微博 → 微博)."""
    by_name = {n: r for r in rows("cedict_products.tsv") for n in names(r)}
    assert by_name["推特"]["category"] == "platform" and by_name["推特"]["vendor"] == "twitter"
    assert by_name["知乎"]["vendor"] == "zhihu"
    assert "新浪微博" not in by_name


def test_check_lists_files_the_build_no_longer_writes(tmp_path, monkeypatch):
    """--check names a file in generated/ the build did not write (a dropped source's)."""
    kb = _build_kb_module()
    monkeypatch.setattr(kb, "ROOT", tmp_path)
    (tmp_path / "built.tsv").write_text("a\n", encoding="utf-8")
    (tmp_path / "dropped.tsv").write_text("b\n", encoding="utf-8")
    out = kb.Outputs(check=True)
    out.put(tmp_path / "built.tsv", "a\n")
    assert out.differ == [] and out.stale(tmp_path) == ["dropped.tsv"]
