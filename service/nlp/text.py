"""Same-length normalised views of a text.

Every view maps one code point to exactly one code point, so an offset into a
view is an offset into the original. Script conversion is character by
character (OpenCC's t2s applied to each character alone, and hk2s where t2s keeps a
Hong Kong form): phrase-level conversion can change lengths, and what we need here
is matching, not prose.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from itertools import islice
from ..once import Once

CJK_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
# Han characters anywhere (extensions B-H included): names may use rare ones.
HAN_RANGES = CJK_RANGES + ((0x20000, 0x323AF),)
FULLWIDTH_OFFSET = 0xFEE0  # U+FF01..U+FF5E are U+0021..U+007E shifted by this
# A share of the minority script up to this is noise (characters such as 台 or
# 著 that OpenCC converts but both scripts use); above it the text is mixed.
MIXED_SCRIPT_SHARE = 0.05
# script() stops counting one script's characters at this many per character of the
# other (plus one): the other is then a share of the total under MIXED_SCRIPT_SHARE (20).
SIMPLIFIED_PER_TRADITIONAL = round((1 - MIXED_SCRIPT_SHARE) / MIXED_SCRIPT_SHARE) + 1
# script() counts the traditional-only characters to this many first: fewer, it has them
# all and counts the simplified-only ones only as far as they can matter.
FEW_TRADITIONAL = 64


def _convert_with_opencc(chars: list[str]) -> tuple[list[str], list[str]]:
    import opencc

    joined = "\n".join(chars)
    to_simp = opencc.OpenCC("t2s").convert(joined).split("\n")
    # Hong Kong's standard forms that t2s leaves as they are (衞生署, 防衞, 敍述, 枱): their
    # simplified character from hk2s, so they match what the other scripts write (衛, 卫)
    hk = opencc.OpenCC("hk2s").convert(joined).split("\n")
    to_simp = [h if s == c and len(h) == 1 else s for c, s, h in zip(chars, to_simp, hk)]
    return to_simp, opencc.OpenCC("s2t").convert(joined).split("\n")


def _conversions(chars: list[str]) -> tuple[list[str], list[str]]:
    """OpenCC's conversion of every character each way, from the table cache
    (service/tablecache.py) while this file and OpenCC's version are unchanged."""
    from importlib.metadata import version
    from pathlib import Path

    from ..tablecache import cached

    return cached(f"opencc-{version('opencc')}", [Path(__file__)],
                  lambda: _convert_with_opencc(chars))


class ScriptTables:
    """Translation tables, built once per process (about 15 ms)."""

    def __init__(self) -> None:
        chars = [chr(cp) for lo, hi in CJK_RANGES for cp in range(lo, hi + 1)]
        to_simp, to_trad = _conversions(chars)
        self.traditional_only: frozenset[str] = frozenset(
            c for c, s in zip(chars, to_simp) if s != c and len(s) == 1)
        self.simplified_only: frozenset[str] = frozenset(
            c for c, t in zip(chars, to_trad)
            if t != c and len(t) == 1 and c not in self.traditional_only)
        # one C-level scan per script instead of a Python loop over characters
        self._traditional_re = re.compile(_char_class(self.traditional_only))
        self._simplified_re = re.compile(_char_class(self.simplified_only))
        fold = {cp: cp - FULLWIDTH_OFFSET for cp in range(0xFF01, 0xFF5F)}
        fold[0x3000] = 0x20  # ideographic space
        # Targets outside the basic planes (錤 -> U+2B4F9) are unknown to the
        # segmenter's dictionary: keep such characters as they are.
        simplify = {ord(c): s for c, s in zip(chars, to_simp)
                    if s != c and len(s) == 1 and ord(s) <= 0xFFFF}
        # norm: simplified, half-width; the view jieba and the rules read.
        self.norm_table = {**simplify, **fold}
        # key: norm with ASCII lower-cased; the view dictionaries are matched on.
        self.key_table = dict(self.norm_table)
        for cp in range(ord("A"), ord("Z") + 1):
            self.key_table[cp] = cp + 32
        for cp in range(0xFF21, 0xFF3B):  # full-width A..Z
            self.key_table[cp] = cp - FULLWIDTH_OFFSET + 32
        # str.translate looks every character up in its table: a sequence indexed
        # by code point answers twice as fast as a dict. An array of code points,
        # not a list of int objects: inside extraction the table is out of the
        # CPU's caches at every document, and a list's lookup reads a pointer and
        # then an int object scattered over 2 MB (the corpora's normalising 5.5 ms
        # cold, 1.25 warm), the array two bytes of 128 KB (2.9 cold, 1.7 warm).
        # Code points past its end raise IndexError, a LookupError, which
        # translate reads as "unchanged", as it does a dict's KeyError.
        size = max(max(self.norm_table), max(self.key_table)) + 1
        identity = array("H" if size <= 0x10000 else "I", range(size))
        self._norm_list = _lookup_array(self.norm_table, identity)
        self._key_list = _lookup_array(self.key_table, identity)
        # The key view is the norm view with A-Z lower-cased (checked here, for
        # every character either table changes): a document asks for both views
        # of one text, so key() reuses the norm view normalise() just made.
        self._key_is_lowered_norm = all(
            _ascii_lower(_as_str(self.norm_table.get(cp, cp))) == _as_str(k)
            for cp, k in self.key_table.items()) and all(
            cp in self.key_table for cp in self.norm_table)
        self._last: tuple[str, str] = ("", "")   # (text, norm) of the last normalise

    def normalise(self, text: str) -> str:
        norm = text.translate(self._norm_list)
        # One tuple, assigned at once: another thread reads an old pair or this
        # one, never half of each. It keeps the last text alive until the next.
        self._last = (text, norm)
        return norm

    def key(self, text: str) -> str:
        last = self._last
        if last[0] is text and self._key_is_lowered_norm:
            return _ascii_lower(last[1])   # 0.07 ms for the seed, not 0.16
        return text.translate(self._key_list)

    def script(self, text: str) -> str:
        """traditional | simplified | mixed | none (no character tells them apart)."""
        # The minority script decides, and past 20 characters of the other per one of
        # it the answer is settled whatever follows (the minority is then under
        # MIXED_SCRIPT_SHARE of any total): so the majority is counted only that far
        # (a text holds hundreds of its own script's characters; tests/test_nlp_fast_paths.py
        # holds this to counting both in full). The traditional ones first, to a few.
        found = self._traditional_re.finditer(text)
        trad = _count(found, FEW_TRADITIONAL)
        if trad < FEW_TRADITIONAL:    # all of them: simplified, mixed or none
            cap = SIMPLIFIED_PER_TRADITIONAL * trad + 1
            simp = _count(self._simplified_re.finditer(text), cap)
            if simp == cap:
                return "simplified"
        else:
            simp = len(self._simplified_re.findall(text))
            cap = SIMPLIFIED_PER_TRADITIONAL * simp + 1
            if cap <= trad:
                return "traditional"
            trad += _count(found, cap - trad)   # on from where the first count stopped
            if trad == cap:
                return "traditional"
        return script_of_counts(trad, simp)


def script_of_counts(trad: int, simp: int) -> str:
    """The script of a text holding trad traditional-only and simp simplified-only characters."""
    total = trad + simp
    if total == 0:
        return "none"
    if min(trad, simp) <= MIXED_SCRIPT_SHARE * total:
        return "traditional" if trad > simp else "simplified"
    return "mixed"


def _count(matches, cap: int) -> int:
    """How many of matches (an iterator) there are, counting no further than cap."""
    return sum(1 for _ in islice(matches, cap))


def _as_str(value: int | str) -> str:
    """A translate table's value (a code point or a string) as a string."""
    return chr(value) if isinstance(value, int) else value


def _lookup_array(table: dict[int, int | str], identity: array) -> array:
    """table as an array of code points indexed by code point, up to its largest
    key; the characters it does not change map to themselves (identity: an array
    of range(n) for an n past every key, copied). Two bytes an entry while every
    code point fits (the tables map into the basic plane), else four."""
    values = identity[:max(table) + 1]
    for cp, to in table.items():
        to = ord(to) if isinstance(to, str) else to   # (one character each)
        try:
            values[cp] = to
        except OverflowError:   # past two bytes
            values = array("I", values)
            values[cp] = to
    return values


def _ascii_lower(text: str) -> str:
    """text with A-Z lower-cased and nothing else (str.lower also changes
    other scripts, some of them to a different length).

    bytes.lower() changes only the bytes A-Z, and in UTF-8 every byte of a
    character past ASCII is 0x80 or more (lone surrogates too, with
    surrogatepass): three C passes, a third of the time of a substitution that
    calls Python once per run of capitals (0.25 ms where it took 0.85 on the corpora)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _char_class(chars: frozenset[str]) -> str:
    """A regex character class of chars, written as ranges."""
    points = sorted(ord(c) for c in chars)
    parts, i = [], 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        parts.append(chr(points[i]) if i == j else f"{chr(points[i])}-{chr(points[j])}")
        i = j + 1
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


# The process's script tables, built on first use.
tables: Once[ScriptTables] = Once(ScriptTables)


def _in_ranges(ranges: tuple[tuple[int, int], ...]):
    """A test of one character against three ranges, as chained comparisons
    (called per character by the extractors: a generator over the ranges costs
    three times as much)."""
    (lo1, hi1), (lo2, hi2), (lo3, hi3) = ranges

    def test(ch: str) -> bool:
        cp = ord(ch)
        return lo1 <= cp <= hi1 or lo2 <= cp <= hi2 or lo3 <= cp <= hi3
    return test


is_cjk = _in_ranges(HAN_RANGES)
is_cjk.__name__ = is_cjk.__qualname__ = "is_cjk"
is_cjk.__doc__ = "Is ch a Han character (HAN_RANGES)?"


def is_latin_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum())


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
