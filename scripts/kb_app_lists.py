"""Everyday apps, services and games from Open-AutoGLM's app tables (Apache-2.0), for
scripts/build_kb.py: the phone agent's maps from an app's display name to its Android,
iOS or HarmonyOS package (微信 -> com.tencent.mm, 小红书 -> com.xingin.xhs, Telegram ->
org.telegram.messenger, 崩坏：星穹铁道 -> com.miHoYo.hkrpg).

The copies under third_party/open-autoglm/ are read as text, never imported: only the
`"name": "package"` lines of the APP_PACKAGES* tables and the `# section` comments
above them. What the source itself says decides every row:

- names sharing a package are one product (番茄小说 | 番茄免费小说, 12306 | 铁路12306);
- a section the source heads as the phone's own system apps (设置, 相机, 信息) is left
  out: those are a device's features, not named products; so is a Latin name made of
  everyday English words alone (File Manager, AudioRecorder) or saying System;
- a section headed "Games" gives the category `other` (games, convention 15), any other
  `app`;
- the maker is the group the section names (`# Tencent Apps (腾讯系)`) or else the
  organisation the package's domain names (com.tencent.*, com.google.*), when the KB
  holds it; else none, as for CC-CEDICT's services.

Names the build must not trust alone are left out here; the Assembler then drops the
Chinese names that are ordinary words (jieba, CC-CEDICT: 设置, 喜马拉雅) as for every
list: a name of digits only (115, 12306: a number in text), a Latin name that is an
everyday English word in CC-CEDICT's glosses (Line, Keep, Watch, Files), and a name the
KB already holds as an organisation that the segmenter's dictionary tags as an institution
(中国银行, 中国移动, 国家税务总局: nt, the bank's or the carrier's account), and a Chinese
name whose pinyin is its package's domain (海底捞 com.haidilao, 阿里巴巴 com.alibaba: the
company). A Latin one is the platform the text uses (Reddit com.reddit, Quora com.quora).
A Latin name the KB holds as an organisation stays the company's (Spotify, LinkedIn: the
press's name of the firm; the product readers read Latin names in runs). Any other name
the KB holds as an organisation (小红书, 爱奇艺: a Chinese brand the company shares
with its app) is kept as the app's, its maker the organisation of that name: the service
indexes it beside the company (service/kb: a dual name), and the text's platform words
(帐户, 在 … 上, 用户) decide which one a mention names.
"""
from __future__ import annotations

import re

TABLE = re.compile(r"^(APP_PACKAGES\w*)\s*(?::[^=]*)?=\s*\{")
ENTRY = re.compile(r'^\s*"([^"]+)"\s*:\s*"([^"]+)"')
SECTION = re.compile(r"^\s*#\s*(?![\"'])(.+?)\s*$")
# The phone's own apps, as the source heads them: Apple Native Apps, HarmonyOS 系统应用.
SYSTEM = re.compile(r"system|native|原生|系统|OHOS", re.I)
GAMES = re.compile(r"\bGames?\b|游戏")
# `# Tencent Apps (腾讯系)`: the group's English and Chinese names.
GROUP = re.compile(r"^([A-Z][A-Za-z]+) Apps\s*(?:\(([\u4e00-\u9fff]+?)系\))?$")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
PACKAGE = re.compile(r"^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+$")


def app_tables(data: bytes) -> list[tuple[str, str, str]]:
    """(name, package, section) of each entry of an APP_PACKAGES table, in order. A Games
    section holds the Chinese names after its header: the Latin names the Android table
    appends after them (AudioRecorder, Booking.com … WhatsApp, in alphabetical order) are
    under no section."""
    out = []
    table = False
    section = ""
    han_before = False
    for line in data.decode("utf-8").splitlines():
        if TABLE.match(line):
            table, section = True, ""
            continue
        if not table:
            continue
        if line.startswith("}"):
            table = False
            continue
        m = ENTRY.match(line)
        if m:
            han = bool(HAN.search(m.group(1)))
            if GAMES.search(section) and han_before and not han:
                section = ""
            han_before = han
            if PACKAGE.match(m.group(2)):
                out.append((m.group(1).strip(), m.group(2), section))
            continue
        s = SECTION.match(line)
        if s:
            section = s.group(1)
    return out


def english_words(entries, is_product_sense) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """From CC-CEDICT's (pinyin, gloss) pairs: the lower-case words of its English glosses
    ('keep', 'files', 'telegram'); and the names a sense of a proper noun consists of
    ('Firefox (web browser)', 'Starbucks, US coffee shop chain'; not 'Line' of 'Line of
    Actual Control'), split by whether is_product_sense(sense) calls the sense a product:
    the dictionary's services (Firefox) and its other names (Starbucks, Twitter's
    microblogging firm)."""
    everyday, products, others = set(), set(), set()
    for pinyin, gloss in entries:
        everyday.update(re.findall(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])", gloss))
        if pinyin[:1].isupper():
            for sense in gloss.split("/"):
                m = PROPER_SENSE.match(sense)
                if m:
                    (products if is_product_sense(sense) else others).add(m.group(1))
    return frozenset(everyday), frozenset(products), frozenset(others - products)


# A sense that is a Latin name, then an explanation or nothing: "Luckin Coffee, chain of …".
PROPER_SENSE = re.compile(r"^([A-Z][A-Za-z0-9.&'+-]*(?: [A-Z][A-Za-z0-9.&'+-]*)*)(?: \(|,|$)")


def open_autoglm_apps(files: dict[str, bytes], english: tuple[frozenset[str], ...],
                      is_org, is_product, is_word, vendor_of, name_key, row_type,
                      is_institution=lambda name: True) -> list:
    """Rows (build_kb.Row, kind product) from the tables of every file, in file order.
    is_org(name) / is_product(name): the KB holds the name as an organisation / product;
    is_word(name): the segmenter's dictionary has it as an everyday word or phrase (会员中心 n,
    应用市场 = 应用 + 市场: then the package's other names go too, 华为应用市场 is the
    product grammar's maker + store word);
    vendor_of(name): the id of the KB organisation of that name, or None; name_key(name):
    its id form (pinyin: 海底捞 -> haidilao); is_institution(name): the segmenter's dictionary
    tags it an institution's name (中国银行 nt), which stays the company's alone."""
    everyday, proper, named = english
    groups: list[dict] = []          # {"names": [...], "packages": set, "section": str, "sid": str}
    by_name: dict[str, dict] = {}
    by_package: dict[str, dict] = {}
    left_out: set[str] = set()       # packages a name of which was left out: all their names are
    for sid, data in files.items():
        for name, package, section in app_tables(data):
            if package in left_out or not _trusted(name, section, everyday, proper, named, is_word,
                                                   lambda n: is_org(n) and (is_institution(n) or not HAN.search(n))):
                left_out.add(package)
                continue
            g = by_package.get(package) or by_name.get(name.lower())
            if g is None:
                g = {"names": [], "packages": set(), "section": section, "sid": sid}
                groups.append(g)
            if name.lower() not in {n.lower() for n in g["names"]}:
                g["names"].append(name)
            g["packages"].add(package)
            by_package[package] = g
            by_name[name.lower()] = g
    rows = []
    for g in groups:
        if any(map(is_product, g["names"])):
            continue   # Gmail | GoogleMail: the KB's product, which a second id would split
        labels = {_domain_label(p) for p in g["packages"]}
        if any(HAN.search(n) and name_key(n).replace("-", "") in labels for n in g["names"]):
            continue   # 海底捞 (com.haidilao), 得物 (com.dewu): the company the press names so
        section = g["section"]
        # 小红书: a name the KB's organisation shares with its app, that organisation its maker
        vendor = next(filter(None, map(vendor_of, g["names"])), None)
        group = GROUP.match(section)
        if group and vendor is None:
            vendor = next((v for v in map(vendor_of, filter(None, group.group(2, 1))) if v), None)
        if vendor is None:
            vendor = next((v for v in map(vendor_of, sorted(labels)) if v), None)
        category = "other" if GAMES.search(section) else "app"
        names = g["names"]
        # The Chinese name leads when there is one (微信 before WeChat).
        names = sorted(names, key=lambda n: not re.search(r"[\u4e00-\u9fff]", n))
        name_en = next((n for n in names if n.isascii()), "")
        rows.append(row_type("product", category, names[0], f"{g['sid']}:{sorted(g['packages'])[0]}",
                             name_en=name_en, vendor=vendor or "", aliases=names))
    return rows


def with_maker_names(rows: list, names_of, key, barred) -> list:
    """An app named as its maker is (哔哩哔哩 of the company 哔哩哔哩) is called by the maker's
    other names too (B站, Bilibili): they join the app's aliases. names_of(vendor id): the
    organisation's own names (its name and English name) and its aliases, or None if
    unknown; only an app named by the maker's own name or English name takes them (an app
    that shares one of the maker's aliases is named otherwise). key(name): the KB's key
    form; barred(key): a name another product holds or a legal form (…有限公司). Group or
    holding names (…集团, …控股, … Holdings, … Inc) stay the company's. A name any app of
    these rows holds, or one that has joined an app, joins no other (two apps of one maker
    take no alias twice)."""
    held = {key(n) for r in rows for n in [r.name, *r.aliases]}
    for r in rows:
        own_names, aliases = (names_of(r.vendor) or ((), ())) if r.vendor else ((), ())
        own = {key(n) for n in [r.name, *r.aliases]}
        if not own & {key(n) for n in own_names if n}:
            continue
        for n in [*own_names, *aliases]:
            k = key(n) if n else ""
            if not k or k in own or k in held or barred(k) or LEGAL_GROUP.search(n):
                continue
            own.add(k)
            held.add(k)
            r.aliases.append(n)
    return rows


LEGAL_GROUP = re.compile(r"(?:集团|集團|控股)$|\b(?:Inc|Ltd|Group|Holdings|Corp|Corporation|Co)\b\.?$", re.I)


def _domain_label(package: str) -> str:
    """The organisation a package's reversed domain names: com.tencent.mm -> tencent,
    tv.danmaku.bili -> danmaku, me.ele -> ele."""
    labels = package.lower().split(".")
    return labels[1] if len(labels) > 2 or labels[0] in ("com", "cn", "org", "net") else labels[0]


def _trusted(name: str, section: str, everyday, proper, named, is_word, is_org) -> bool:
    """May the name stand alone as a product? (see the module's docstring) `proper`: the
    Latin names CC-CEDICT glosses as a service, `named`: as anything else."""
    if SYSTEM.search(section):
        return False   # 设置, 相机: the phone's own apps
    if not re.search(r"[^\d\W]", name):
        return False   # 115, 12306: digits alone are a number in text
    if name in named:
        return False   # Starbucks, Luckin Coffee: a coffee chain by the dictionary, no app
    if re.fullmatch(r"[A-Za-z]+", name) and name.lower() in everyday and name not in proper:
        return False   # Keep, Files, Telegram, Line: an everyday English word
    if not HAN.search(name) and name not in proper and (SYSTEM.search(name) or all(
            w.lower() in everyday for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name))):
        return False   # File Manager, AudioRecorder, AndroidSystemSettings: a phone's utility
    if is_word(name):
        return False   # 会员中心: a dictionary's noun
    return not is_org(name)   # 中国银行, 阿里巴巴: the company's own name
