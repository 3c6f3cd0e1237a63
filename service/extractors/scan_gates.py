"""Necessary conditions for whole-text scans, checked in C before the scan.

Several readers run one regular expression over the whole text and find nothing in
most articles (a byline, an edition, a Latin event name, a transliterated name, a
web address). Each test here is true wherever its pattern can match (it holds a
literal the pattern needs, or the characters a case-insensitive match may use), so
a reader skips its scan when the test is false and its result is the same: the
test may say "maybe" where the pattern finds nothing, never "no" where it finds
something. tests/extractors/test_scan_gates.py holds each to its pattern.
"""
from __future__ import annotations

import re

import regex

# Besides A-Z and a-z, what an IGNORECASE ASCII letter of `regex` (and `re`) also
# matches: İ ı ſ K (checked over every code point by the test).
CASEFOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
# The words of a byline (people.BYLINE, key view) and its bracketed form's mark.
BYLINE_WORDS = ("记者", "编辑", "责编", "作者", "撰文", "报导", "【")
# What events.EDITION needs: 第N届 / 首届 (either script) or N周年.
EDITION_WORDS = ("届", "屆", "周年")
# A name's dot between two Han characters (people.TRANSLITERATED).
NAME_DOTS = "·•・‧."
_HAN = regex.compile(r"\p{Han}")


def has_any(text: str, words) -> bool:
    """Does any of words occur in text?"""
    for w in words:
        if w in text:
            return True
    return False


def any_word_finder(words):
    """A one-call test for "does any of words occur in text?" (`finder(text) is not None`):
    one `re` search of the literals' alternation, which skips ahead on their first
    characters, in place of one scan of the text per word (has_any) for a long list."""
    return re.compile("|".join(map(re.escape, words))).search


def has_ascii_word_ignorecase(text: str, lowered_words: tuple[str, ...]) -> bool:
    """Could an IGNORECASE pattern find one of these lower-case ASCII words in text?"""
    if has_any(text, CASEFOLDS_TO_ASCII):
        return True
    low = text.lower()
    return has_any(low, lowered_words)


def has_dot_between_han(norm: str) -> bool:
    """A name dot with a Han character on each side (\\p{Han}, as TRANSLITERATED reads it)."""
    han = _HAN.match
    for dot in NAME_DOTS:
        at = norm.find(dot, 1)
        while at >= 0:
            if han(norm, at - 1) and han(norm, at + 1):
                return True
            at = norm.find(dot, at + 1)
    return False


def first_chars(alternatives) -> str | None:
    """A class ("[...]") of every character a match of any of the `re` alternatives (no flags)
    starts with, or None where one might start otherwise than with a literal or a class of
    literals and ranges (an optional or repeated first item, a group, an alternation, an
    assertion, a category): a pattern opening with a look-behind, tried at every character,
    scans faster behind a look-ahead of this class (benchmarks/PROFILE.md, wave 45)."""
    import re._constants as c
    import re._parser as re_parser
    chars: set[str] = set()
    ranges: set[tuple[int, int]] = set()
    for alt in alternatives:
        try:
            data = re_parser.parse(alt, 0).data
        except re.error:
            return None
        if not data:
            return None
        op, av = data[0]
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.IN and all(o in (c.LITERAL, c.RANGE) for o, _ in av):
            chars.update(chr(v) for o, v in av if o is c.LITERAL)
            ranges.update(v for o, v in av if o is c.RANGE)
        else:
            return None
    if not chars and not ranges:
        return None
    return "[" + "".join(map(re.escape, sorted(chars))) + "".join(
        re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in sorted(ranges)) + "]"
