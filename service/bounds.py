"""Bounds on a Result's size, so that a response stays proportionate to its request.

- **Mentions per item**: a person, organisation, product or event lists at most
  `MAX_MENTIONS_PER_ITEM` mentions (and as many aliases), the first in the text;
  news articles have a dozen at most, a text repeating one name thousands of times
  would otherwise return every one.
- **Result size**: the Result's JSON is at most `RESULT_FLOOR_BYTES` plus
  `RESULT_BYTES_PER_TEXT_BYTE` times the text's UTF-8 length (news articles need
  under 11 times). Past it, items are left out from the end of each list, the lists
  filled in this order: organizations, participants, products, events, quotes,
  quantitative_facts, time_expressions (what later lists refer to comes first). The
  primary event is always kept, and an id left naming a removed item becomes null
  (every id still resolves in the Result).

Either way the Result says so in `warnings`. (What is read is bounded too: a
sentence holding more numbers than prose does is read for numbers only up to a cap,
with a warning; see service/nlp/density.py.)
"""
from __future__ import annotations

import json

import orjson

from .deadline import check
from .serialize import drop_dangling_references

MAX_MENTIONS_PER_ITEM = 200
RESULT_FLOOR_BYTES = 64 * 1024
RESULT_BYTES_PER_TEXT_BYTE = 20
WARNING_ROOM = 1024
MENTIONED_SECTIONS = ("participants", "organizations", "products", "events")
SECTIONS_IN_ORDER = ("organizations", "participants", "products", "events", "quotes",
                     "quantitative_facts", "time_expressions")


def result_limit(text: str) -> int:
    """The most bytes of JSON a Result for `text` may take."""
    return RESULT_FLOOR_BYTES + RESULT_BYTES_PER_TEXT_BYTE * len(text.encode("utf-8", "surrogatepass"))


def _size(value) -> int:
    return len(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def _item_size(value) -> int:
    """_size(value), exactly, at a fifth of the cost for the values Results hold: orjson's
    compact encoding plus the space json.dumps writes after every ":" and ","
    (counted by walking the containers). Where the two encodings could differ
    otherwise (a float in exponent form, a subclass, an integer orjson refuses, a lone
    surrogate) json.dumps measures it. A text dense with numbers has thousands of items."""
    spaces = _separator_spaces(value)
    if spaces is not None:
        try:
            return len(orjson.dumps(value)) + spaces
        except TypeError:   # orjson.JSONEncodeError: a lone surrogate, an int past 64 bits
            pass
    return _size(value)


_LEAVES = (str, int, bool, type(None))


def _separator_spaces(value) -> int | None:
    """How many ", " and ": " separators json.dumps writes in `value` (orjson writes
    them without the space), or None if a value might be written differently."""
    t = type(value)
    if t is dict:
        n, values = 2 * len(value) - 1 if value else 0, value.values()
    elif t is list or t is tuple:
        n, values = len(value) - 1 if value else 0, value
    elif t in _LEAVES:
        return 0
    elif t is float:
        return 0 if _plain_float(value) else None
    else:
        return None
    for v in values:
        t = type(v)
        if t in _LEAVES:
            continue
        if t is float:
            if not _plain_float(v):
                return None
            continue
        inner = _separator_spaces(v)
        if inner is None:
            return None
        n += inner
    return n


def _plain_float(x: float) -> bool:
    """repr and orjson write a finite float without an exponent alike (1e-05 is 0.00001
    in orjson)."""
    r = repr(x)
    return "e" not in r and "n" not in r   # inf, nan


def _size_at_most(value, room: int | None = None) -> int:
    """A number of bytes `_size(value)` never exceeds, from orjson's encoding (a tenth of
    json's time). json writes the same strings (no character is escaped longer), the
    same integers and the same floats but for a leading zero in a negative one-digit
    exponent (`1e-09` where orjson writes `1e-9`), and puts a space after every `,`
    and `:` of the structure: counting every `,`, `:` and `e-` byte, those inside
    strings too, can only over-count. A value orjson refuses (a lone surrogate, an
    integer past 64 bits) is sized by json itself. With `room`: when orjson's encoding
    alone is longer than it, that length, without the counts (past room either way; a
    Result dense with numbers is megabytes, and each count a pass over them)."""
    try:
        encoded = orjson.dumps(value)
    except (TypeError, orjson.JSONEncodeError):
        return _size(value)
    size = len(encoded)
    if room is not None:
        if size > room:
            return size
        # Each byte adds at most 1.25 to the counts below (a `,` or `:` one, `e-` one for
        # two bytes, `null` five for four; no byte is in two of them): when that loose
        # bound fits, it is the answer, and the four passes over the bytes need not run.
        loose = size + (5 * size + 3) // 4
        if loose <= room:
            return loose
    # (+5 a null: orjson writes an infinity as null, json as -Infinity)
    return (size + encoded.count(b",") + encoded.count(b":") + encoded.count(b"e-")
            + 5 * encoded.count(b"null"))


def _size_if_within(items: list, room: int) -> int | None:
    """_size(items) when it is at most `room`, else None. A list's JSON is its items'
    and a ", " after each but the last, plus "[]": the sum cap_size's walk counts
    when it keeps them all, so one encoding of the list decides it (a text dense
    with numbers has thousands of items). orjson's compact encoding, a tenth of the
    time, is shorter than json's, so past `room` it spares the exact one."""
    try:
        if len(orjson.dumps(items)) > room:
            return None
    except (TypeError, orjson.JSONEncodeError):
        pass    # a value orjson does not take (a lone surrogate): json decides
    size = _size(items)
    return size if size <= room else None


def cap_mentions(result: dict) -> None:
    capped = 0
    for section in MENTIONED_SECTIONS:
        for item in result.get(section) or ():
            mentions = item.get("mentions")
            if mentions is not None and len(mentions) > MAX_MENTIONS_PER_ITEM:
                item["mentions"] = mentions[:MAX_MENTIONS_PER_ITEM]
                capped += 1
            aliases = item.get("aliases")
            if aliases is not None and len(aliases) > MAX_MENTIONS_PER_ITEM:
                item["aliases"] = aliases[:MAX_MENTIONS_PER_ITEM]
    if capped:
        result["warnings"].append(
            f"{capped} item(s) had more than {MAX_MENTIONS_PER_ITEM} mentions; "
            f"only the first {MAX_MENTIONS_PER_ITEM} of each are listed.")


def cap_size(result: dict, text: str) -> None:
    limit = result_limit(text)
    sections = [s for s in SECTIONS_IN_ORDER if isinstance(result.get(s), list)]
    # Sections a component added (README, "Adding an output section") come last.
    sections += [s for s, v in result.items()
                 if isinstance(v, list) and s not in SECTIONS_IN_ORDER and s != "warnings"]
    # One dump of the whole Result bounds what the loop below would count (it adds
    # two bytes per list for separators it charges but a list's last item lacks):
    # when that fits, nothing is cut, and the per-item dumps need not run.
    room = limit - WARNING_ROOM - 2 * len(sections)
    if _size_at_most(result, room) <= room:
        return
    # Everything but the lists' items, and room for the warning this may add.
    used = _size({**result, **{s: [] for s in sections}}) + WARNING_ROOM
    left_out = []
    for section in sections:
        items, kept = result[section], []
        whole = _size_if_within(items, limit - used) if items else None
        if whole is not None:   # every item fits: what the walk below would count
            used += whole
            continue
        for i, item in enumerate(items):
            check("serialize")
            size = _item_size(item) + 2  # and its ", "
            if section == "events" and i == 0 and result.get("event") is not None:
                used += size
                kept.append(item)
                continue
            if used + size > limit:
                break
            used += size
            kept.append(item)
        if len(kept) < len(items):
            left_out.append(f"{len(items) - len(kept)} of {len(items)} {section}")
            result[section] = kept
    if left_out:
        drop_dangling_references(result)
        result["warnings"].append(
            f"The Result was cut to {limit:,} bytes ({RESULT_FLOOR_BYTES // 1024} KiB plus "
            f"{RESULT_BYTES_PER_TEXT_BYTE} bytes per byte of text): left out "
            + ", ".join(left_out) + ".")


def apply(result: dict, text: str) -> dict:
    """Cap mentions per item, then the Result's size; returns `result`, changed in place."""
    cap_mentions(result)
    cap_size(result, text)
    return result
