"""Stable ids for entities the knowledge base does not hold.

The id depends only on the name's key form (Simplified, half-width, lower
case), so 孫嘉禾 and 孙嘉禾 share one. Chinese characters become toneless pinyin,
surname first: 孙嘉禾 -> sun-jiahe; Latin names are slugged: Priya Raman ->
priya-raman.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
import unicodedata
from functools import lru_cache

from .nlp.text import is_cjk, tables
from .once import Once

_NON_SLUG = re.compile(r"[^a-z0-9]+")
def _load_readings() -> dict[str, str]:
    """pypinyin's per-character readings, read straight from its data file:
    importing the package itself also loads its phrase model (0.3 s)."""
    spec = importlib.util.find_spec("pypinyin")
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    return json.loads(path.read_text(encoding="utf-8"))


_readings: Once[dict[str, str]] = Once(_load_readings)


@lru_cache(maxsize=8192)   # a pure function of the character; names repeat their characters
def syllable(ch: str) -> str:
    reading = _readings().get(str(ord(ch)))
    if not reading:
        return f"u{ord(ch):x}"
    first = reading.split(",", 1)[0]
    plain = "".join(c for c in unicodedata.normalize("NFD", first)
                    if not unicodedata.combining(c))
    return plain.replace("ü", "v").lower()


def slugify(text: str) -> str:
    s = _NON_SLUG.sub("-", text.lower()).strip("-")
    return s or "x"


def name_id(name: str, surname_len: int = 0) -> str:
    """Id for a person's or organisation's name in any script."""
    key = tables().key(name)
    parts: list[str] = []
    latin = []
    cjk_run: list[str] = []

    def flush_cjk() -> None:
        if cjk_run:
            parts.append("".join(cjk_run))
            cjk_run.clear()

    for i, ch in enumerate(key):
        if is_cjk(ch):
            if latin:
                parts.append("".join(latin))
                latin.clear()
            cjk_run.append(syllable(ch))
            if surname_len and i == surname_len - 1:
                flush_cjk()
        else:
            flush_cjk()
            latin.append(ch)
    flush_cjk()
    if latin:
        parts.append("".join(latin))
    return slugify("-".join(parts))
