"""The knowledge base: people, organisations, event series, products and the
lexicons (surnames, titles, speech verbs, organisation suffixes), all data files
in service/kb/data, loaded once per process.

Every alias is indexed by its `key` form (Simplified, half-width, ASCII lower
case) so one entry serves Traditional, Simplified and English articles.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..yamlfiles import load_yaml

from ..nlp.text import tables
from ..once import Once

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Entry:
    """What one alias names."""
    kind: str          # person | organization | series | product
    id: str
    short: bool = False         # a person's short form: trusted only beside the full name
    dual_product: bool = False  # an organisation's name that also names its product


def _read_yaml(name: str) -> list[dict]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    return load_yaml(path) or []


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


class KnowledgeBase:
    def __init__(self) -> None:
        t = tables()
        self.key = t.key
        self.people = {p["id"]: p for p in _read_yaml("people.yaml")}
        self.organizations = {o["id"]: o for o in _read_yaml("organizations.yaml")}
        self.series = {s["id"]: s for s in _read_yaml("event_series.yaml")}
        self.products = {p["id"]: p for p in _read_yaml("products.yaml")}
        self.surnames = frozenset(t.key(s) for s in _read_lines("surnames.txt"))
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
        lexicon = load_yaml(DATA_DIR / "lexicon.yaml") or {}
        # Word lists of the rules, by name, in key form (see lexicon.yaml).
        self.lex: dict[str, frozenset[str]] = {
            name: frozenset(t.key(str(w)) for w in words)
            for name, words in lexicon.items() if isinstance(words, list)}
        self.time_zones: dict[str, str] = {
            t.key(k): v for k, v in (lexicon.get("time_zones") or {}).items()}
        # Places whose zone 當地時間 means (lexicon.yaml place_zones).
        self.place_zones: dict[str, str] = {
            t.key(k): v for k, v in (lexicon.get("place_zones") or {}).items()}
        cues = load_yaml(DATA_DIR / "quote_cues.yaml") or {}
        # The quote extractor's word lists, by name, in key form (see quote_cues.yaml).
        self.quote_cues: dict[str, frozenset[str]] = {
            name: frozenset(t.key(str(w)) for w in words) for name, words in cues.items()}
        self.aliases: dict[str, list[Entry]] = {}
        self._index()

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
            for a in list(o.get("aliases") or []) + list(o.get("product_names") or []):
                self._add(a, Entry("organization", oid, dual_product=self.key(str(a)) in dual))
        for sid, s in self.series.items():
            for a in s.get("aliases") or []:
                self._add(a, Entry("series", sid))
        for pid, p in self.products.items():
            for a in [p.get("name")] + list(p.get("aliases") or []):
                self._add(a, Entry("product", pid))

    def user_words(self) -> list[tuple[str, str]]:
        """CJK aliases for the segmenter, tagged so that POS rules can read them."""
        tag = {"person": "nr", "organization": "nt", "series": "nz", "product": "nz"}
        return [(k, tag[entries[0].kind]) for k, entries in self.aliases.items()
                if not k.isascii()]

    def title_of(self, form: str) -> str | None:
        return self.titles.get(self.key(form))


# The process's knowledge base, loaded on first use.
knowledge_base: Once[KnowledgeBase] = Once(KnowledgeBase)
