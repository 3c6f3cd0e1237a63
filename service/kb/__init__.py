"""The knowledge base: people, organisations, event series, products and the
lexicons (surnames, titles, speech verbs, organisation suffixes), all data files
in service/kb/data, loaded once per process.

Every alias is indexed by its `key` form (Simplified, half-width, ASCII lower
case) so one entry serves Traditional, Simplified and English articles.

The hand-curated YAML files come first; the lists built from open data by
scripts/build_kb.py (data/generated/*.tsv) add what they do not hold. Those
entries are `listed`: an extractor trusts them less, and a `plain` alias (also
an ordinary word: 太阳能, 浪潮) only with evidence in the text.
"""
from __future__ import annotations

from importlib.metadata import version
from operator import itemgetter
from pathlib import Path

from ..yamlfiles import load_yaml, load_yaml_once

from ..nlp.text import tables
from ..once import Once
from ..tablecache import cached

DATA_DIR = Path(__file__).parent / "data"
GENERATED_DIR = DATA_DIR / "generated"
# The kinds whose names joining Latin letters and Chinese characters are also written with a
# space at the seam (SK 海力士, 谷歌 I/O): _spaced_forms.
SPACED_KINDS = frozenset({"organization", "series"})
NATIONAL = "国立"   # key form: a university's name may open with it or not (國立陽明交通大學)
MIN_NATIONAL_REST = 4
# Generated lists whose products count only with evidence in the text: a brand list's title
# names a company as often as its app (service/extractors/product_brand_evidence.py).
EVIDENCE_SOURCES = frozenset({"simple-icons"})   # characters of the rest that can name it (陽明交通大學, not 大學)


class Entry(tuple):
    """What one alias names: (kind, id, short, dual_product, listed, plain).

    A tuple with named fields rather than a dataclass: the table cache unpickles
    ~17,000 of them at every start, which a tuple subclass without a Python
    `__new__` does in C (8 ms) where a slotted dataclass runs its `__setstate__`
    for each (35 ms). Immutable, hashable and equal by value, as before."""
    __slots__ = ()

    def __new__(cls, kind: str, id: str, short: bool = False, dual_product: bool = False,
                listed: bool = False, plain: bool = False) -> "Entry":
        return tuple.__new__(cls, (kind, id, short, dual_product, listed, plain))

    def __reduce__(self):
        # tuple.__new__ (C) rather than __new__ above: see the class docstring.
        return tuple.__new__, (Entry, tuple(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(_ENTRY_FIELDS, self))
        return f"Entry({fields})"

    kind = property(itemgetter(0), doc="person | organization | series | product")
    id = property(itemgetter(1))
    # A person's short form: trusted only beside the full name.
    short = property(itemgetter(2))
    # An organisation's name that also names its product.
    dual_product = property(itemgetter(3))
    # From a generated list, not the curated files.
    listed = property(itemgetter(4))
    # An alias that is also an ordinary word: a company only with evidence.
    plain = property(itemgetter(5))


_ENTRY_FIELDS = ("kind", "id", "short", "dual_product", "listed", "plain")


def _read_yaml(name: str) -> list[dict]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    return load_yaml(path) or []


def _read_tsv(name: str) -> list[list[str]]:
    """Rows of a generated table (comment lines start with #)."""
    path = GENERATED_DIR / name
    if not path.exists():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def _names(cell: str) -> list[str]:
    return cell.split("|") if cell else []


def _read_lines(name: str) -> list[str]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.extend(line.split())
    return out


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _sources() -> list[Path]:
    """What the knowledge base is built from: its data files and the code reading them."""
    here = Path(__file__).parent
    code = [Path(__file__), here.parent / "yamlfiles.py", here.parent / "nlp" / "text.py"]
    return code + [p for p in DATA_DIR.rglob("*") if p.is_file()]


class KnowledgeBase:
    def __init__(self) -> None:
        t = tables()
        # Built from the data files once, then read from the table cache while
        # they (and this code) are unchanged: see service/tablecache.py.
        # The alias keys come from OpenCC's tables, hence its version in the name.
        name = f"knowledge-base-opencc-{version('opencc')}"
        self.__dict__.update(cached(name, _sources(), self._built_state))
        self.key = t.key

    @classmethod
    def _built_state(cls) -> dict:
        kb = cls.__new__(cls)
        kb._build()
        state = dict(kb.__dict__)
        del state["key"]  # a method of the script tables, rebuilt with them
        return state

    def _build(self) -> None:
        t = tables()
        self.key = t.key
        self.people = {p["id"]: p for p in _read_yaml("people.yaml")}
        self.organizations = {o["id"]: o for o in _read_yaml("organizations.yaml")}
        self.series = {s["id"]: s for s in _read_yaml("event_series.yaml")}
        self.products = {p["id"]: p for p in _read_yaml("products.yaml")}
        self.surnames = frozenset(t.key(s) for s in _read_lines("surnames.txt"))
        # Japanese family names of two or three characters (CC-CEDICT, by scripts/build_kb.py),
        # both scripts: 中村, 鈴木, 佐佐木 start names no Chinese surname starts.
        # and more from japanese-personal-name-dataset (MIT, same script): 荒木, 小池, 豐島.
        self.japanese_surnames = frozenset(t.key(n) for f in ("cedict_surnames.tsv", "japanese_surnames.tsv")
                                           for r in _read_tsv(f) for n in r[:2] if n)
        # Characters that write Western names (CC-CEDICT, by scripts/build_kb.py), both scripts:
        # each in two or more entries "Morgan (name)", "surname Stein" (摩根, 斯坦因).
        self.transliteration_chars = frozenset(t.key(n) for r in _read_tsv("cedict_transliteration.tsv")
                                               for n in r[:2] if n)
        # Countries and territories (CC-CEDICT, by scripts/build_kb.py), both scripts: the
        # segmenter tags some as people's names (沙特, 卡塔尔); they are places.
        place_rows, capital_rows = _read_tsv("cedict_places.tsv"), _read_tsv("cedict_capitals.tsv")
        self.places = frozenset(t.key(n) for r in place_rows for n in r[:2] if n)
        # Capitals of countries and territories (CC-CEDICT, by scripts/build_kb.py), both scripts:
        # the press names a state's government by its capital (莫斯科當局, 首尔当局).
        self.capitals = frozenset(t.key(n) for r in capital_rows for n in r[:2] if n)
        # The state each country's or capital's name stands for (CC-CEDICT's English, the same
        # files): 南韓 and 韓國 are South Korea, 柏林 is Germany's capital, so 南韓政府 and
        # 韓國政府, 柏林當局 and 德國政府 are one government.
        self.place_states: dict[str, str] = {
            t.key(n): r[2] for r in place_rows if len(r) > 2 and r[2] for n in r[:2] if n}
        for r in capital_rows:
            if len(r) > 3 and r[3]:
                for n in r[:2]:
                    if n:
                        self.place_states.setdefault(t.key(n), r[3])
        # Everyday words jieba's dictionary tags as places (CC-CEDICT's lower-case-only entries,
        # by scripts/build_kb.py), Simplified as the segmenter tags them: 加密, 城市, 上市 name no place.
        self.everyday_places = frozenset(r[0] for r in _read_tsv("cedict_everyday_places.tsv") if r and r[0])
        self.speech_verbs = frozenset(t.key(v) for v in _read_lines("speech_verbs.txt"))
        self.org_suffixes = frozenset(t.key(s) for s in _read_lines("org_suffixes.txt"))
        self.org_industry_words = frozenset(
            t.key(s) for s in _read_lines("org_industry_words.txt"))
        self.org_suffixes_latin = frozenset(
            t.key(s) for s in _read_lines("org_suffixes_latin.txt"))
        self.titles: dict[str, str] = {}
        for row in _read_yaml("titles.yaml"):
            for form in row.get("forms") or []:
                self.titles.setdefault(t.key(str(form)), row["title_en"])
        lexicon = load_yaml_once(DATA_DIR / "lexicon.yaml") or {}
        # Word lists of the rules, by name, in key form (see lexicon.yaml).
        self.lex: dict[str, frozenset[str]] = {
            name: frozenset(t.key(str(w)) for w in words)
            for name, words in lexicon.items() if isinstance(words, list)}
        # The verbs of holding a post start no name either (lexicon.yaml post_verbs).
        self.lex["name_stop_words"] = self.lex.get("name_stop_words", frozenset()) | self.lex.get("post_verbs", frozenset())
        def keyed(name: str) -> dict[str, str]:
            """A lexicon.yaml map whose keys are words, in key form."""
            return {t.key(k): v for k, v in (lexicon.get(name) or {}).items()}
        self.time_zones: dict[str, str] = keyed("time_zones")
        # Places whose zone 當地時間 means (lexicon.yaml place_zones).
        self.place_zones: dict[str, str] = keyed("place_zones")
        # A legislator's word and the chambers it sits in (lexicon.yaml office_member_bodies).
        self.office_member_bodies: dict[str, tuple[str, ...]] = {
            t.key(m): tuple(t.key(b) for b in bodies)
            for m, bodies in (lexicon.get("office_member_bodies") or {}).items()}
        # A seat named for a place's government and that place (lexicon.yaml government_seats).
        self.government_seats: dict[str, str] = {
            t.key(k): t.key(v) for k, v in (lexicon.get("government_seats") or {}).items()}
        # A source and the places its country goes by (lexicon.yaml source_countries).
        self.source_countries: dict[str, frozenset[str]] = {
            src: frozenset(t.key(str(p)) for p in places)
            for src, places in (lexicon.get("source_countries") or {}).items()}
        # A credit's staff word and the role it gives its names (lexicon.yaml byline_roles).
        self.byline_roles: dict[str, str] = keyed("byline_roles")
        cues = load_yaml(DATA_DIR / "quote_cues.yaml") or {}
        # The quote extractor's word lists, by name, in key form (see quote_cues.yaml).
        self.quote_cues: dict[str, frozenset[str]] = {
            name: frozenset(t.key(str(w)) for w in words) for name, words in cues.items()}
        self.aliases: dict[str, list[Entry]] = {}
        self._index()
        self._index_generated()
        self._national_forms()
        self._spaced_forms()

    def _add(self, alias, entry: Entry) -> None:
        if alias is None:
            return
        k = self.key(str(alias).strip())
        if len(k) < 2 and not k.isascii():
            return  # one CJK character is never safe to match
        if not k:
            return
        entries = self.aliases.setdefault(k, [])
        if entry not in entries:
            entries.append(entry)

    def _index(self) -> None:
        for pid, p in self.people.items():
            for a in p.get("aliases") or []:
                self._add(a, Entry("person", pid))
            for a in p.get("short_aliases") or []:
                self._add(a, Entry("person", pid, short=True))
        for oid, o in self.organizations.items():
            dual = {self.key(str(a)) for a in o.get("product_names") or []}
            words = {self.key(str(a)) for a in o.get("word_aliases") or []}
            for a in list(o.get("aliases") or []) + list(o.get("product_names") or []):
                k = self.key(str(a))
                self._add(a, Entry("organization", oid, dual_product=k in dual, plain=k in words))
        for sid, s in self.series.items():
            for a in s.get("aliases") or []:
                self._add(a, Entry("series", sid))
        for pid, p in self.products.items():
            for a in [p.get("name")] + list(p.get("aliases") or []):
                self._add(a, Entry("product", pid))

    def _add_listed(self, kind: str, rows: list[tuple[str, str, str, str]]) -> None:
        """Generated entries' aliases, (id, aliases, variants, plain) a row, except
        those the curated data (or an earlier list entry) already gives a meaning:
        curated data has priority. Tens of thousands of names at start-up: one
        Entry a row, and no work per name beyond its key."""
        key, setdefault = self.key, self.aliases.setdefault
        for id_, aliases, variants, plain in rows:
            entry = [Entry(kind, id_, listed=True)]
            names = (aliases + "|" + variants).split("|") if variants else aliases.split("|")
            if plain:
                plain_names = set(plain.split("|"))
                for n in names:
                    if n:
                        setdefault(key(n), [Entry(kind, id_, listed=True, plain=True)]
                                   if n in plain_names else entry)
            else:
                for n in names:
                    if n:
                        setdefault(key(n), entry)

    def _share_company_names(self, rows) -> None:
        """小红书 (app, maker xiaohongshu): an app list's name its maker, the organisation of
        that name, shares (scripts/kb_app_lists.py) is a dual name, as an organisation's
        product_names are: the company's entry, marked dual, and the app's beside it; the
        text's platform words decide (organisations extractor, `dual_product`). So is a
        firm's own site or network that CC-CEDICT glosses as one (推特 "Twitter (microblogging
        service)", 知乎 "Q&A website"; scripts/build_kb.py cedict_sites), its maker the firm."""
        for id_, _category, vendor, _name, aliases, variants, _plain, source in rows:
            if not vendor or not source.startswith(("open-autoglm", "cc-cedict")):
                continue
            for n in filter(None, (aliases + "|" + variants).split("|")):
                k = self.key(n)
                held = self.aliases.get(k)
                if held and all(e.kind == "organization" and e.id == vendor for e in held):
                    self.aliases[k] = [Entry(e.kind, e.id, e.short, True, e.listed, e.plain) for e in held] \
                        + [Entry("product", id_, listed=True)]

    def _category_noun(self, name: str) -> bool:
        """創投公司, 微電子有限公司, 網絡大學: a name that is only a kind of organisation — one
        word for a line of business or a kind of body (lexicon.yaml org_kind_nouns, the
        industry and field words) and one organisation suffix — names no organisation in
        particular, whatever list holds it as a row."""
        k = self.key(name)
        suffix = next((x for x in self._suffixes_longest if k.endswith(x) and len(k) > len(x)), None)
        return suffix is not None and k[:-len(suffix)] in self._category_words

    def _index_generated(self) -> None:
        self._suffixes_longest = sorted(self.org_suffixes, key=len, reverse=True)
        self._category_words = self.lex.get("org_kind_nouns", frozenset()) | self.org_industry_words \
            | self.lex.get("field_words", frozenset())
        for file in ("organizations.tsv", "cedict_organizations.tsv",   # the second CC BY-SA, apart
                     "cccanto_organizations.tsv"):   # ...and the third (CC-Canto's Hong Kong bodies)
            # (a row whose every name is a category noun is a list's slip, no organisation)
            rows = [r for r in _read_tsv(file)
                    if not all(self._category_noun(n) for n in _names(r[4]) + _names(r[5]) + [r[2]] if n)]
            for id_, type_, name, name_en, aliases, variants, plain, source in rows:
                if id_ in self.organizations:
                    continue   # a list's other name of an organisation held already (微软公司)
                self.organizations[id_] = {
                    "id": id_, "name_en": name_en or None, "aliases": _names(aliases) + _names(variants),
                    "type": type_, "product_names": [], "parent": None, "source": source}
            # Every row's names, a reviewed organisation's legal forms included; its own
            # names keep their meaning (setdefault).
            self._add_listed("organization", [(r[0], r[4], r[5], r[6]) for r in rows])
        # A brand list's products (EVIDENCE_SOURCES) are held apart, in brand_products: out of
        # the alias index (no gazetteer match, no claim on an organisation's span) and out of
        # `products` (an open-world name of the same id keeps its own reading); the products
        # extractor reads their Latin names in runs and keeps them with evidence only.
        self.brand_products: dict[str, dict] = {}
        for file in ("products.tsv", "cedict_products.tsv"):   # the second CC BY-SA, apart
            rows = [r for r in _read_tsv(file) if r[0] not in self.products]
            for id_, category, vendor, name, aliases, variants, plain, source in rows:
                # A dictionary's service whose maker it does not name has no vendor.
                record = {"id": id_, "name": name, "aliases": _names(aliases) + _names(variants),
                          "vendor": vendor or None, "category": category, "source": source}
                brand = source.split(":")[0] in EVIDENCE_SOURCES
                if brand and plain:
                    record["plain"] = True   # an everyday English word's spelling (Steam): stronger evidence
                (self.brand_products if brand else self.products)[id_] = record
            self._share_company_names(rows)
            self._add_listed("product", [(r[0], r[4], r[5], r[6]) for r in rows
                                         if r[7].split(":")[0] not in EVIDENCE_SOURCES])
        self.evidence_products = frozenset(self.brand_products)
        self.word_brands = frozenset(i for i, r in self.brand_products.items() if r.get("plain"))
        rows = [r for r in _read_tsv("people.tsv") if r[0] not in self.people]
        for id_, name_en, organization, aliases, variants, source in rows:
            self.people[id_] = {"id": id_, "name_en": name_en or None,
                                "aliases": _names(aliases) + _names(variants), "short_aliases": [],
                                "organization": organization or None, "title_en": None,
                                "title_zh": [], "source": source}
        self._add_listed("person", [(r[0], r[3], r[4], "") for r in rows])
        rows = [r for r in _read_tsv("cedict_people.tsv") if r[0] not in self.people]
        for id_, name_en, aliases, variants, source in rows:
            self.people[id_] = {"id": id_, "name_en": name_en or None,
                                "aliases": _names(aliases) + _names(variants), "short_aliases": [],
                                "organization": None, "title_en": None, "title_zh": [], "source": source}
        self._add_listed("person", [(r[0], r[2], r[3], "") for r in rows])

    def _national_forms(self) -> None:
        """國立陽明交通大學 → 陽明交通大學: a university's name opening with 國立 (national)
        is written without it as often; that form is the same university's, unless another
        entry holds it already (清華大學 stays Tsinghua's, not 國立清華大學's)."""
        for k, entries in list(self.aliases.items()):
            if not k.startswith(NATIONAL) or len(k) - len(NATIONAL) < MIN_NATIONAL_REST:
                continue
            ids = {e.id for e in entries}
            if len(ids) != 1 or any(e.kind != "organization" for e in entries) \
                    or (self.organizations.get(next(iter(ids))) or {}).get("type") != "university":
                continue
            self.aliases.setdefault(k[len(NATIONAL):], entries)

    def _spaced_forms(self) -> None:
        """SK 海力士, LG 新能源, 三星 SDI: an organisation's name that joins Latin
        letters and Chinese characters is written with a space there as often as
        without; that form is the same name (generated, one space at one seam; a
        form with another meaning keeps it). A series' name alike: 谷歌 I/O, I/O 大会."""
        for k, entries in list(self.aliases.items()):
            if " " in k or not all(e.kind in SPACED_KINDS for e in entries):
                continue
            seams = [i for i in range(1, len(k)) if _latin(k[i - 1]) != _latin(k[i])
                     and (_latin(k[i - 1]) or k[i - 1] >= "\u3400") and (_latin(k[i]) or k[i] >= "\u3400")]
            if len(seams) != 1:
                continue
            i = seams[0]
            self.aliases.setdefault(k[:i] + " " + k[i:], entries)

    def user_words(self) -> list[tuple[str, str]]:
        """CJK aliases for the segmenter, tagged so that POS rules can read them.
        Listed and plain aliases stay out: thousands of list names as user words
        would change how every ordinary sentence is cut (太阳能 is a word, not a
        firm), and an everyday word (榮耀) must stay one."""
        tag = {"person": "nr", "organization": "nt", "series": "nz", "product": "nz"}
        return [(k, tag[entries[0].kind]) for k, entries in self.aliases.items()
                if not k.isascii() and not entries[0].listed and not entries[0].plain]

    def title_of(self, form: str) -> str | None:
        return self.titles.get(self.key(form))


# The process's knowledge base, loaded on first use.
knowledge_base: Once[KnowledgeBase] = Once(KnowledgeBase)
