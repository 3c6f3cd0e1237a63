"""Apps, platforms, services and software from simple-icons' brand list (CC0-1.0), for
scripts/build_kb.py: `data/simple-icons.json` of the npm package, one record per brand
icon with its `title` (Kubernetes, Steam, foodpanda, iMessage), other names
(`aliases.aka`) and localised names (`aliases.loc`: 大众点评 for zh-CN).

A brand title names a company as often as a product (Kodak, Turkish Airlines, Siemens);
what the source itself and the KB say decides every row:

- a name the KB already holds as an organisation (or an organisation's English name) is
  the company's: the whole record is left out (a product of that name would split it);
- a name the KB holds as a product already is left out (the KB's record keeps it);
- a title whose words say a company, a body or a medium (… Airlines, … Bank, … Motors,
  … University, … Corporation, … News) is left out, and so is a title of three characters
  or fewer (AMD, F1, NEAR: initials, too often another thing's);
- a Latin name made of everyday English words alone (Keep, Photon, Effect, Twenty,
  Obtainium is no word but Keep a Changelog is) is left out, as Open-AutoGLM's are
  (kb_app_lists._trusted): no rule could tell the word from the name. Except a title
  of one word written as no English sentence writes a word in its midst (Steam, LINE:
  a capital it keeps, WORD_TITLE): it is kept under that spelling alone, as `plain`,
  and the service keeps its mentions only on the stronger evidence such names need
  (service/extractors/product_brand_evidence.py);
- a Chinese localised name the segmenter's dictionary has as an everyday word is left out
  (the Assembler drops it too).

The category is `software` (the list does not say which of app, platform or service);
no maker (the list names none).
"""
from __future__ import annotations

import json
import re

from kb_app_lists import HAN, _trusted

# A title's word that makes it a company's, a body's or a medium's name.
ORG_WORDS = re.compile(
    r"\b(?:Airlines?|Airways|Air|Bank|Banco|Motors?|Automotive|Group|Corporation|Corp|Inc|Ltd|GmbH|"
    r"Company|Co|University|Institute|College|School|Foundation|Association|Society|Council|"
    r"Agency|Ministry|Department|Government|Party|News|Radio|TV|Television|Times|Post|Magazine|"
    r"Press|Media|Records|Studios?|Games|Labs?|Technologies|Systems|Semiconductor|Electronics?|"
    r"Telecom|Mobile|Railways?|Club|League|Federation|Network|Project)\b")
MIN_LATIN = 4   # characters of a Latin name: AMD, F1, NEAR, KTM are initials or words
# A one-word title with a capital: a name when the text writes it so (Steam, LINE); an
# all-lower-case title (keep) is the word as every sentence writes it.
WORD_TITLE = re.compile(r"[A-Z][A-Za-z]*")
LOCALES = ("zh-CN", "zh-TW", "zh-HK")


def brand_names(record: dict) -> list[str]:
    """The title, its other names and its Chinese localised names, in that order."""
    aliases = record.get("aliases") or {}
    loc = aliases.get("loc") or {}
    names = [record["title"]] + list(aliases.get("aka") or []) + [loc[k] for k in LOCALES if k in loc]
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def simple_icons_products(data: bytes, english: tuple[frozenset[str], ...], is_org, is_product,
                          is_word, row_type) -> list:
    """Rows (build_kb.Row, kind product) of the brands the module's docstring keeps.
    is_org(name) / is_product(name): the KB holds the name as an organisation / product;
    is_word(name): the segmenter's dictionary has it as an everyday word."""
    rows = []
    for record in json.loads(data.decode("utf-8")):
        names = brand_names(record)
        if any(map(is_org, names)) or any(map(is_product, names)):
            continue   # the company's or the KB's product: one record keeps the name
        if ORG_WORDS.search(record["title"]):
            continue   # Turkish Airlines, Nordic Semiconductor, Yamaha Corporation
        kept = [n for n in names if (HAN.search(n) or len(n) >= MIN_LATIN)
                and _trusted(n, "", *english, is_word, is_org)]
        title = record["title"]
        if title not in kept:
            if (WORD_TITLE.fullmatch(title) and len(title) >= MIN_LATIN
                    and _trusted(title, "", frozenset(), *english[1:], is_word, is_org)):
                # An everyday English word alone (Steam, Slack, LINE): that spelling only,
                # plain (the stronger evidence); its other names are no safer.
                rows.append(row_type("product", "software", title, f"simple-icons:{record['slug']}",
                                     name_en=title, aliases=[title], common=True))
            continue   # the title itself is a word or initials: its other names are no safer
        kept = sorted(kept, key=lambda n: not HAN.search(n))   # 大众点评 before Dianping
        name_en = record["title"]
        rows.append(row_type("product", "software", kept[0], f"simple-icons:{record['slug']}",
                             name_en=name_en, aliases=kept))
    return rows
