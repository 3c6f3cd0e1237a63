"""Brand-list products that count only with evidence in the text.

A brand list's title (simple-icons: Kubernetes, foodpanda, Ollama, Fortinet, Statista) names
a company as often as an app, a platform or a piece of software, and the list does not say
which. The knowledge base keeps such names apart (`KnowledgeBase.brand_products`): out of
the alias index, so they claim no span an organisation's rules read; BrandNames finds them
as the list writes them (case kept) where no other reading of products or organisations
covers them, and a mention of one is a product only where the text reads it as one,
somewhere in the article:

- a category noun right after it (`Quillbox 平台`, `Tessaflow軟體`, `Vornic App`), or a
  platform's, a service's, an app's or a software's noun right before it (`外送平台Quillbox`,
  `開源框架 Vornic`): a company is not called a platform or a framework;
- its use as a platform (`在Quillbox上`, `Quillbox用户`: product_platform_use.used_as_platform);
- a verb of use, launch or install right before it (`下载Quillbox`, `推出了 Vornic`), or a
  word that sets it as what a thing is made for (`面向Quillbox的`, `兼容 Vornic`);
- a part or a feature of it after 的 (`Quillbox的群組`, `Vornic 的新功能`, `Quillbox的介面`):
  what a company has is staff and results, not groups, features or screens;
- a copula and a product's measure word after it (`Quillbox是一款`, `Vornic 為一套`): a
  company is 一家;
- title marks around it (`《Quillbox》`, `《Vornic：…》`): the title of a work, a game or a
  show, never of a company;
- a list with a product found on other evidence (`Quillbox、Vornic和Windows`), joined by
  a list comma, 和, 与, 及, 或 or a slash.

A company's cue right after it (`Quillbox公司`, `Quillbox執行長`), a company's deed right after
it (`Quillbox宣布收購…`, `Vornic 今日表示`, `Quillbox融資`: the knowledge base's deed, event and
speech verbs) or a company's noun right before it (`科技公司Quillbox`) says the company: that
mention gives no evidence, not even a platform's noun before it (`學習平台 Quillbox 宣布…`). One mention's evidence holds for the name's other mentions.
Anchored matches at each mention's two ends only: linear in the number of mentions.
"""
from __future__ import annotations

import re

import ahocorasick_rs

from ..kb import DATA_DIR
from ..yamlfiles import load_yaml_once
from .product_grammar import alternation
from .product_platform_use import used_as_platform

LEXICON_FILE = "product_lexicon.yaml"     # its `brand_evidence` words
_WORDS = load_yaml_once(DATA_DIR / LEXICON_FILE)["brand_evidence"]
# Verbs of use, launch and install before a product's name (key view, Simplified).
USE_BEFORE = re.compile(rf"(?:{alternation(_WORDS['use_before'])})(?:了|的)? ?\Z")
# A part or a feature of the product after 的 (key view): Quillbox的群组, Vornic 的新功能.
PART_AFTER = re.compile(rf" ?的 ?(?:新)?(?:{alternation(_WORDS['part_after'])})")
# A copula and a product's measure word after the name (key view): Quillbox是一款.
KIND_AFTER = re.compile(rf" ?(?:{alternation(_WORDS['kind_after'])})")
# Title marks before the name (key view): 《Quillbox》, the title of a work.
TITLE_OPEN = frozenset(_WORDS["title_open"])
# A company's cue after the name (key view): the company, not its product.
COMPANY_AFTER = re.compile(rf" ?(?:{alternation(_WORDS['company_after'])}|"
                           rf"(?:{alternation(_WORDS['company_after_latin_words'])})\b)")
# A company's noun right before the name (key view): 科技公司Quillbox, the company.
COMPANY_BEFORE = re.compile(rf"(?:{alternation(_WORDS['company_before'])}) ?\Z")


def _company_deeds() -> re.Pattern:
    """A company's deed right after a name (product_lexicon.yaml: company_deeds), a time adverb
    and a space allowed between: the verbs of the listed slugs of deed_verbs.yaml and
    event_kinds.yaml, the speech verbs of two or more characters and the listed words."""
    spec = _WORDS["company_deeds"]
    verbs = {v for d in load_yaml_once(DATA_DIR / "deed_verbs.yaml")["deeds"]
             if d["slug"] in spec["deed_slugs"] for v in d["verbs"]}
    verbs |= {v for k in load_yaml_once(DATA_DIR / "event_kinds.yaml")["kinds"]
              if k["slug"] in spec["event_slugs"] for v in k["verbs"]}
    lines = (DATA_DIR / "speech_verbs.txt").read_text(encoding="utf-8").splitlines()
    verbs |= {w for w in (ln.split("#")[0].strip() for ln in lines) if len(w) >= 2}
    words = [re.escape(w) + (f"(?![{''.join(spec['not_after'][w])}])" if w in spec["not_after"] else "")
             for w in sorted(verbs | set(spec["words"]), key=lambda w: (-len(w), w))]
    adverbs = alternation(load_yaml_once(DATA_DIR / "lexicon.yaml")["time_adverbs"])
    return re.compile(rf" ?(?:(?:{adverbs}) ?)?(?:{'|'.join(words)})")


COMPANY_DEED = _company_deeds()
# Between two names of one list (key view).
LIST_JOIN = re.compile(rf" ?(?:{alternation(_WORDS['list_joins'])}) ?")
BEFORE_WINDOW = 6
# The categories whose noun before a name says a product (外送平台Quillbox, 開源框架 Vornic); a
# device's or a model's noun before a Latin word is as often a company's (手機Vornic 發表).
SOFT_CATEGORIES = frozenset({"platform", "service", "app", "software"})
LATIN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
LATIN_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
LATIN_PUNCT = frozenset(",.;:!?")   # an English sentence's, half-width, a space after


class BrandNames:
    """A brand list's Latin names as the list writes them (case kept), found in one
    Aho-Corasick pass (leftmost-longest) over the document's norm view."""

    def __init__(self, names: dict[str, str], words: frozenset[str] = frozenset()) -> None:
        """names: a written form -> the product's id; words: the ids whose name is an everyday
        English word's spelling (Steam, LINE), never read inside English prose."""
        self.forms = sorted(names)
        self.ids = [names[f] for f in self.forms]
        self.words = words
        self._automaton = ahocorasick_rs.AhoCorasick(
            self.forms or ["\x00"], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def __bool__(self) -> bool:
        return bool(self.forms)

    def spans(self, norm: str, taken) -> list[tuple[int, int, str]]:
        """(start, end, id) of the names in `norm` that no longer Latin word holds (Quillbox in
        Quillboxes is none), a word's spelling outside English prose (in_latin_prose), and
        where `taken(start, end)` says no other reading covers the span."""
        out = []
        size = len(norm)
        for idx, start, end in self._automaton.find_matches_as_indexes(norm):
            if idx >= len(self.ids):
                continue
            if start > 0 and norm[start - 1] in LATIN_CHARS or end < size and norm[end] in LATIN_CHARS:
                continue
            if self.ids[idx] in self.words and in_latin_prose(norm, start, end):
                continue   # the Steam engine, Line of control: the English word
            if not taken(start, end):
                out.append((start, end, self.ids[idx]))
        return out


def evidenced(key: str, mentions: list, needs_evidence, noun_after, is_word=lambda _id: False,
              noun_before=lambda _start: None) -> list:
    """The mentions to keep: every mention whose id needs no evidence, and a brand's where the
    text gives some (the module's docstring). `key`: the document's key view; `mentions`: with
    .start, .end and .id, sorted by start; `needs_evidence(id)`; `noun_after(end)`: the category
    a noun right after `end` gives, or None; `is_word(id)`: the brand's name is an everyday
    English word's spelling (Steam, LINE), which needs the stronger evidence; `noun_before(start)`:
    the category a noun right before `start` gives, or None."""
    if not any(needs_evidence(m.id) for m in mentions):
        return mentions
    proven: set[str] = set()
    brand = [needs_evidence(m.id) for m in mentions]
    word = [b and is_word(m.id) for m, b in zip(mentions, brand)]
    for i, m in enumerate(mentions):
        if not brand[i] or m.id in proven:
            continue
        if COMPANY_AFTER.match(key, m.end) or COMPANY_DEED.match(key, m.end) \
                or COMPANY_BEFORE.search(key[max(0, m.start - BEFORE_WINDOW):m.start]):
            continue
        if noun_after(m.end) or noun_before(m.start) in SOFT_CATEGORIES \
                or used_as_platform(key, m.start, m.end) \
                or USE_BEFORE.search(key[max(0, m.start - BEFORE_WINDOW):m.start]) \
                or PART_AFTER.match(key, m.end) or KIND_AFTER.match(key, m.end) \
                or m.start and key[m.start - 1] in TITLE_OPEN:
            proven.add(m.id)
    # Lists: the brands of a list (names joined by list words) that holds a product on its own
    # evidence are products too; one pass over the runs.
    run: list[int] = []
    for i, m in enumerate(mentions):
        if run and m.start < mentions[run[-1]].end:
            continue   # another reading of a name in the run (candidates overlap)
        if run and not LIST_JOIN.fullmatch(key[mentions[run[-1]].end:m.start]):
            _prove_run(mentions, run, brand, word, proven)
            run = []
        run.append(i)
    _prove_run(mentions, run, brand, word, proven)
    return [m for m, is_brand in zip(mentions, brand) if not is_brand or m.id in proven]


def _prove_run(mentions: list, run: list[int], brand: list[bool], word: list[bool], proven: set[str]) -> None:
    """A list's brands, its word-spelled ones (Steam) excepted: a list is no evidence for them."""
    if len(run) > 1 and any(not brand[i] or mentions[i].id in proven for i in run):
        proven.update(mentions[i].id for i in run if brand[i] and not word[i])


def in_latin_prose(norm: str, start: int, end: int) -> bool:
    """Does a Latin word or an English sentence's punctuation sit next to the name across one
    space (`the Steam engine`, `Line of control`, `Target, said`)? Then it is the word."""
    before = norm[start - 2:start] if start >= 2 else ""
    after = norm[end:end + 2]
    return (len(before) == 2 and before[1] == " " and (before[0] in LATIN_CHARS or before[0] in LATIN_PUNCT)) \
        or (len(after) == 2 and after[0] == " " and after[1] in LATIN_LOWER) \
        or after[:1] in LATIN_PUNCT and after[1:2] == " "
