"""The unit lexicon (lexicon.yaml) compiled into the regexes the scanner uses.

Everything here is built once at import. Each regex is an alternation of fixed
strings (longest first, so 个月 wins over 个 and 元人民币 over 元) with at most
a negative lookahead per surface: matching is linear in the text it looks at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..yamlfiles import load_yaml

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
LEXICON = load_yaml(LEXICON_PATH)
MAX_INNER_SPACES = 4   # 个 百 分 点: spaces a spaced-out unit may hold between its characters
CLOCK_WORD = "钟"   # 分钟, 秒钟: 两分多钟 (more than two minutes) and 一分半钟 put 多/半 before it


@dataclass(frozen=True)
class UnitSense:
    """What a unit word after a number means."""
    kind: str            # money, percent, tenths, discount, parameters, tokens, context, duration,
    #                      anniversary, edition, ratio, age, metric, arabic_metric, measure,
    #                      count_noun
    unit: str | None     # ISO code, "percent", "years", "nm", the measure word ...
    factor: float = 1    # to base units: 美分 is 0.01 USD
    about: bool = False  # 3个多月: more than 3 months
    plus: float = 0      # 两个半月: 2.5 months


def _is_latin(surface: str) -> bool:
    return surface[:1].isascii() and surface[:1].isalpha()


def _suffix_senses() -> dict[str, UnitSense]:
    senses: dict[str, UnitSense] = {}
    for cur in LEXICON["currencies"]:
        for word in cur.get("words", []) + cur.get("codes", []):
            senses[word] = UnitSense("money", cur["iso"], cur.get("factor", 1))
    for surface, unit in LEXICON["percent"].items():
        senses[surface] = UnitSense("percent", unit)
    for surface in LEXICON["tenths"]:
        senses[surface] = UnitSense("tenths", "percent")
    for surface in LEXICON["discount"]:
        senses[surface] = UnitSense("discount", "percent")
    for surface in LEXICON["parameters"]:
        senses[surface] = UnitSense("parameters", "parameters")
    for surface in LEXICON["tokens"]:
        senses[surface] = UnitSense("tokens", "tokens")
    for surface in LEXICON["context_words_after_number"]:
        senses[surface] = UnitSense("context", "tokens")
    for surface, unit in LEXICON["durations"].items():   # (CLOCK_WORD: 分钟 and 秒钟 take 多/半 inside)
        senses[surface] = UnitSense("duration", unit)
        # 3个多月 / 两个半月, 一年多 / 一年半
        if surface.startswith("个"):
            senses["个多" + surface[1:]] = UnitSense("duration", unit, about=True)
            senses["个半" + surface[1:]] = UnitSense("duration", unit, plus=0.5)
        else:
            senses[surface + "多"] = UnitSense("duration", unit, about=True)
            senses[surface + "半"] = UnitSense("duration", unit, plus=0.5)
        if len(surface) == 2 and surface.endswith(CLOCK_WORD):   # 两分多钟 / 一分半钟, 十秒多钟
            senses[surface[0] + "多" + CLOCK_WORD] = UnitSense("duration", unit, about=True)
            senses[surface[0] + "半" + CLOCK_WORD] = UnitSense("duration", unit, plus=0.5)
    for surface in LEXICON["anniversary"]:
        senses[surface] = UnitSense("anniversary", None)
    for surface in LEXICON["edition"]:
        senses[surface] = UnitSense("edition", None)
    for surface, unit in LEXICON["ratio"].items():
        senses[surface] = UnitSense("ratio", unit)
    for surface, unit in LEXICON["age"].items():
        senses[surface] = UnitSense("age", unit)
    for surface, unit in LEXICON["metric"].items():
        senses[surface] = UnitSense("metric", unit)
    for surface, (unit, factor) in LEXICON["metric_scaled"].items():
        senses[surface] = UnitSense("metric", unit, factor)
    for surface, unit in LEXICON["arabic_only"].items():
        senses[surface] = UnitSense("arabic_metric", unit)
    for surface in LEXICON.get("arabic_halves", []):
        senses[surface + "半"] = UnitSense("arabic_metric", LEXICON["arabic_only"][surface], plus=0.5)
    for surface in LEXICON["arabic_counts"]:
        senses[surface] = UnitSense("arabic_count", surface)
    for surface in LEXICON["measure_words"]:
        senses.setdefault(surface, UnitSense("measure", surface))
    for surface, unit in LEXICON["count_nouns"].items():
        senses.setdefault(surface, UnitSense("count_noun", unit))
    return senses


def _alternation(surfaces, blockers: dict | None = None, case_insensitive=(), spaced=()) -> str:
    """Fixed strings, longest first; each with its not-followed-by lookahead.

    Plain surfaces are laid out as a trie (`元|元人民币|元台币` -> `元(?:人民币|台币|)`):
    Python's regex tries the branches of an alternation one by one, so a flat list of
    ~300 units costs a failed try per unit at every number; the trie costs one per
    character. Spaced-out and case-insensitive surfaces stay flat branches before it."""
    blockers = blockers or {}
    special = sorted((s for s in surfaces if s in spaced or s in case_insensitive), key=len, reverse=True)
    parts = []
    for surface in special:
        piece = re.escape(surface)
        if surface in spaced:   # 个 百 分 点
            piece = f"[ ]{{0,{MAX_INNER_SPACES}}}".join(map(re.escape, surface))
        if surface in case_insensitive:
            piece = f"(?i:{piece})"
        parts.append(piece + _lookahead(surface, blockers))
    trie = _trie(s for s in surfaces if s not in special)
    if trie:
        parts.append(_bucketed_root(trie, blockers))
    return "|".join(parts)


_BUCKET = 16


def _bucketed_root(trie: dict, blockers: dict) -> str:
    """_trie_pattern(trie), its first characters in buckets: `[c1…c16](?:(?<=c1)rest|…)|…`.
    Python's regex tries the branches of an alternation one by one, each at its own place
    in the compiled code: with ~160 first characters a unit not there walks ~160 of them
    (and as many cache lines, on a cold cache); buckets are skipped by one class test
    each, then a dozen look-behinds of width one pick the character. First characters
    are distinct, so at most one branch can match: the same matches
    (tests/quantities/test_units.py)."""
    firsts = sorted(k for k in trie if k != _END)
    if len(firsts) <= _BUCKET or _END in trie:
        return _trie_pattern(trie, blockers)
    buckets = []
    for i in range(0, len(firsts), _BUCKET):
        bucket = firsts[i:i + _BUCKET]
        buckets.append("[" + "".join(map(re.escape, bucket)) + "](?:" + "|".join(
            f"(?<={re.escape(c)}){_trie_pattern(trie[c], blockers)}" for c in bucket) + ")")
    return "(?:" + "|".join(buckets) + ")"


_END = ""   # the trie key that marks a whole surface (no surface character is empty)


def _trie(surfaces) -> dict:
    root: dict = {}
    for surface in surfaces:
        node = root
        for ch in surface:
            node = node.setdefault(ch, {})
        node[_END] = surface
    return root


def _trie_pattern(node: dict, blockers: dict) -> str:
    """The regex for the rest of every surface below `node`, a longer surface before a
    shorter one on the same path (as the flat longest-first list had it)."""
    branches = [re.escape(ch) + _trie_pattern(child, blockers)
                for ch, child in sorted((k, v) for k, v in node.items() if k != _END)]
    if _END in node:
        branches.append(_lookahead(node[_END], blockers))
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _lookahead(surface: str, blockers: dict) -> str:
    """A unit's not-followed-by test. A blocker written as a mapping blocks except before its
    words (家: {具: [有, 备]}: 16家具 is furniture, 16家具有代表性的企業 counts companies)."""
    after = []
    for b in blockers.get(surface, []):
        if isinstance(b, dict):
            after += [re.escape(w) + "(?!" + "|".join(map(re.escape, unless)) + ")" for w, unless in b.items()]
        else:
            after.append(re.escape(b))
    if _is_latin(surface[-1:]) or surface[-1:].isdigit():
        after.append("[A-Za-z0-9]")
    return "(?!" + "|".join(after) + ")" if after else ""


SUFFIX_UNITS = _suffix_senses()
_CASE_INSENSITIVE = {s for s in SUFFIX_UNITS if s.lower().startswith(("token", "个token"))}
_BLOCKERS = LEXICON["not_followed_by"]
_BLOCKERS[LEXICON["wan_letter"]] = LEXICON["wan_letter_before"]   # 5w+ is 50,000 (numerals.py), not 5 W
for _surface, _sense in list(SUFFIX_UNITS.items()):   # 年多/年半 keep the blockers of 年
    if _sense.kind == "duration" and _surface[:-1] in _BLOCKERS and _surface[-1] in "多半":
        _BLOCKERS.setdefault(_surface, _BLOCKERS[_surface[:-1]])



def suffix_unit_pattern(exclude_kinds: tuple[str, ...] = ()) -> str:
    """The alternation of every unit surface (but those of `exclude_kinds`), as regex source."""
    surfaces = [s for s, sense in SUFFIX_UNITS.items() if sense.kind not in exclude_kinds]
    return _alternation(surfaces, _BLOCKERS, _CASE_INSENSITIVE, spaced=LEXICON["spaced_out"])


# A unit right after a number (spaces allowed before it by the scanner).
SUFFIX_UNIT_RE = re.compile(suffix_unit_pattern())


def suffix_sense(surface: str) -> UnitSense:
    sense = SUFFIX_UNITS.get(surface)
    if sense is None:
        sense = SUFFIX_UNITS.get(surface.replace(" ", ""))
    return sense if sense is not None else SUFFIX_UNITS[surface.lower()]


# Currency before a number: US$5, NT$ 500, USD 5, 人民币1000亿元. Searched in a
# short window that ends at the number (the match must end there).
PREFIX_CURRENCIES: dict[str, str] = {}
for _cur in LEXICON["currencies"]:
    for _surface in _cur.get("symbols", []) + _cur.get("codes", []) + _cur.get("prefix_words", []):
        PREFIX_CURRENCIES.setdefault(_surface, _cur["iso"])
_codes = [s for s in PREFIX_CURRENCIES if s.isascii() and s.isalpha()]
_others = [s for s in PREFIX_CURRENCIES if s not in _codes]
PREFIX_CURRENCY_RE = re.compile(
    "(?:(?<![A-Za-z])(?P<code>" + "|".join(sorted(_codes, key=len, reverse=True)) + ")"
    "|(?P<symbol>" + "|".join(re.escape(s) for s in sorted(_others, key=len, reverse=True)) + "))"
    r"[ ]{0,2}\Z")
PREFIX_WINDOW = max(map(len, PREFIX_CURRENCIES)) + 2
# The character just before a number must be one of these for a prefix search to be worth it.
PREFIX_CURRENCY_LAST_CHARS = frozenset(s[-1] for s in PREFIX_CURRENCIES) | {" "}

# Approximation words before a number (超过100万) and after it (100万左右).
_approx = LEXICON["approximation"]
APPROX_PREFIXES: dict[str, str | None] = dict(_approx["prefix"])
NOT_APPROX_PREFIXES = set(_approx["not_prefix"])
APPROX_PREFIX_RE = re.compile(
    "(?:" + "|".join(sorted(set(APPROX_PREFIXES) | NOT_APPROX_PREFIXES, key=lambda w: (-len(w), w)))
    + r")[ ]{0,1}\Z")
APPROX_PREFIX_WINDOW = max(map(len, list(APPROX_PREFIXES) + list(NOT_APPROX_PREFIXES))) + 1
APPROX_PREFIX_LAST_CHARS = frozenset(w[-1] for w in APPROX_PREFIXES) | {" "}
APPROX_SUFFIXES: dict[str, str | None] = dict(_approx["suffix"])
APPROX_SUFFIX_RE = re.compile(
    r"[ ]{0,1}(?P<word>" + _alternation(APPROX_SUFFIXES, {"上下": _approx["not_suffix_after_上下"]}) + ")")

# After a measure word, these nouns name what is counted (10万颗GPU -> unit GPU).
HARDWARE_NOUN_RE = re.compile(
    "|".join(f"(?P<{unit}>{pattern})" for unit, pattern in LEXICON["hardware_nouns"].items()))

# A bare 128k is a context length when one of these is in its clause.
CONTEXT_CLUE_RE = re.compile("|".join(f"(?i:{re.escape(w)})" if w.isascii() else re.escape(w)
                                      for w in LEXICON["context_clue_words"]))
CLAUSE_LOOKAROUND = 80   # how far to look for the clause's ends

# Any unit at all: find_numbers keeps a lone 一/十 only when one follows.
ANY_UNIT_RE = SUFFIX_UNIT_RE

PARAMETER_CLUE_RE = re.compile("|".join(map(re.escape, LEXICON["parameter_clue_words"])))
PARAMETER_CLUE_WINDOW = 8   # characters before the number, within its clause
# A brand or model name (at most 16 characters, no clause punctuation; or Latin words with
# spaces, NVIDIA Tesla K20X) then a
# generic accelerator noun: bounded, so it cannot backtrack far.
ACCELERATOR_AFTER_NAME_RE = re.compile(
    r"(?:[^\s,，。;；:：、()（）]{1,16}? ?|[A-Za-z][A-Za-z0-9 -]{0,30}?)(?:" + "|".join(map(re.escape, LEXICON["accelerator_nouns"])) + ")")

# 64位DDR4, 32位处理器: a width in bits after a power of two.
BIT_WIDTH_AFTER_RE = re.compile("[A-Za-z]|" + "|".join(map(re.escape, LEXICON["bit_width_words"])))
BIT_WIDTHS = frozenset(2 ** k for k in range(3, 11))

# Units before the number (ISO 100, PPI 773, f/1.8, F2.8): surface -> (unit, decimal only).
PREFIX_UNITS: dict[str, tuple[str, bool]] = {
    **{w: (u, False) for w, u in LEXICON["prefix_units"].items()},
    **{w: (u, True) for w, u in LEXICON["prefix_units_decimal_only"].items()}}
PREFIX_UNITS_LONGEST_FIRST = sorted(PREFIX_UNITS, key=len, reverse=True)
ISO_UNIT = "ISO"
ISO_STANDARD_AFTER_RE = re.compile(r" ?(?:" + "|".join(map(re.escape, LEXICON["iso_standard_words"])) + ")")

# 10亿一台, 5万一套: an amount with 万/亿 and no unit, then 一 and a measure word, is a
# unit price in the reader's currency.
UNIT_PRICE_AFTER_RE = re.compile("一(?:" + "|".join(map(re.escape, LEXICON["unit_price_measure_words"])) + ")")
