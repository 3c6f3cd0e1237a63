"""Open-world Latin product names decided over evidence (cases in
tests/extractors/cases/product_open_names.yaml).

The other readers find a name a list, the grammar or one fixed cue vouches for. What is
left are Latin names no list holds and no single cue introduces: `Foo Glass Victus`
after 覆盖, `Zentrix 365中`, `回顧（Qrecall）`, `“ZMAGE”` after 品牌, `Lyra LHP（…）高阶智驾方案`.
A reader weighs what tells it a product: the noun after or before it (系统, 平台, 模型,
芯片, 技术), a verb of launching or carrying before it, quotes or brackets around it, a
gloss beside it, a list it shares with a product, a maker right before it, its use
(在 … 中, 用户), repetition, and its shape (a model code, CamelCase, capitals). The
weights are a small logistic model fitted by scripts/train_product_open_names.py on the
project's own annotations (the weights file holds feature names and numbers only).

Never a company's name (the knowledge base's or one the text names as an organisation),
a generic word or abbreviation (AI, GPU, API), a tier alone, a standard, a unit, a web
address, or a stretch of English longer than a name.

One precompiled regex pass over the text and bounded look-ups around each hit: linear in
the length of the text.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

from .. import deadline
from ..nlp.document import Document
from .product_grammar import slug
from .product_lexicon import WordSet
from .product_mention import ProductMention

WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "kb" / "data" / "product_open_weights.json"

WORD = r"[A-Za-z][A-Za-z0-9]*(?:[.\-+][A-Za-z0-9]+)*\+?"
NUMBER = r"[0-9]+(?:\.[0-9]+)*[A-Za-z]{0,2}"
# A run of Latin words (a number may follow the first word: Zentrix 365, ISOCELL 2.0).
LATIN_RUN = re.compile(rf"(?<![A-Za-z0-9_.\-/@#&'’])({WORD}(?: (?:{WORD}|{NUMBER}))*)(?![A-Za-z0-9_@\-])")
MAX_WORDS = 4           # longer runs are English prose or a title, not one name
MAX_CANDIDATES = 200    # per text: bounded work on a text of English
OPENERS = "“「『《〝\"'‘（("
CLOSERS = {"“": "”", "「": "」", "『": "』", "《": "》", "〝": "〞", '"': '"', "'": "'", "‘": "’",
           "（": "）", "(": ")"}
QUOTES = "“「『《〝\"'‘"
LIST_MARKS = re.compile(r" ?(?:、|和|与|及|以及|或|,|，) ?")
LIST_BEFORE = re.compile(r"(?:、|和|与|及|以及|或|,|，) ?\Z")
# Verbs and prepositions before a product in use (key view): 搭载, 基于, 通过, 导入, 支持 …
USE_VERBS = ("搭载", "配备", "采用", "内置", "内建", "基于", "通过", "使用", "导入", "整合", "集成", "支持", "支援",
             "运行", "接入", "借助", "利用", "安装", "下载", "打开", "升级", "兼容", "覆盖", "配合", "以")
NAMING = ("名为", "命名为", "叫做", "称为", "代号", "品牌", "新品牌")
USE_AFTER = re.compile(r" ?(?:中|上|里|内)(?:[，,。、]|开放|推出|运行|使用|提供|上线)|"
                       r" ?(?:的)?(?:用户|玩家|账号|版本|新版|更新|测试|跑分|生态|功能)")
TECH_NOUNS = ("技术", "架构", "方案", "系统", "引擎", "框架", "工艺", "制程", "协议", "认证", "标准", "计划", "api", "sdk")
ORG_AFTER = re.compile(r" ?(?:公司|集团|团队|创始人|ceo|首席|总裁|董事|股份|官方|旗下|工作室|实验室|研究院|大学|基金)")
CAMEL = re.compile(r"[a-z][A-Z]")
DIGIT = re.compile(r"[0-9]")
SENTENCE_END = re.compile(r"[。！？!?\n]")
# A person's words or an occasion's after the name (key view): 表示, 开幕, 大会.
SPEECH_AFTER = re.compile(r" ?(?:表示|说|指出|称|认为|透露|强调|坦言|回应|接受|在接受|先后|于\d|出席|上任|离职|加盟|致词|:|：)")
EVENT_AFTER = re.compile(r" ?(?:大会|开发者大会|展会|展览|展上|发表会|发布会|峰会|开幕|登场|举行|举办|主题演讲|论坛|活动|大赛|比赛|联赛|世界冠军|冠军|期间|上正式|上发布|上宣布)")
EVENT_BEFORE = re.compile(r"(?:大会|展览会|电脑展|峰会|展会|发表会|科技日|车展|论坛|举办|举行)[(（]?\Z")
YEAR_WORD = re.compile(r"(?:19|20)[0-9]{2}\Z")
DOT_BEFORE = re.compile(r"[·・．•‧]")
REACH = 6


class OpenNames:
    """Candidates and their evidence; `decide` keeps those the weights vouch for."""

    def __init__(self, lex, kb, grammar_data: dict) -> None:
        self.lex, self.kb = lex, kb
        self.not_letter = frozenset(str(w).lower() for w in grammar_data.get("not_letter_codes") or ())
        self.standards = [re.compile(p + r"\Z") for p in grammar_data.get("not_products") or ()]
        model = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")) if WEIGHTS_FILE.exists() else None
        self.weights: dict[str, float] = (model or {}).get("weights") or {}
        self.bias: float = (model or {}).get("bias", -10.0)
        self.threshold: float = (model or {}).get("threshold", 1.0)
        self.titles = WordSet(kb.titles)
        self.event_words = frozenset(str(w).lower() for w in grammar_data.get("event_words") or ())

    # -------------------------------------------------------------- the words
    def _is_org(self, word_key: str) -> str | None:
        for e in self.kb.aliases.get(word_key, ()):
            if e.kind == "organization":
                return e.id
        return None

    def _generic(self, w: str) -> bool:
        return w in self.lex.generic_latin or w in self.lex.tiers or w in self.not_letter

    # -------------------------------------------------------------- candidates
    def candidates(self, doc: Document, taken: set[int], orgs, products_at) -> list[dict]:
        """Latin runs no other reader took, each with its evidence features.
        `products_at`: offsets (start, end) of the products already found."""
        norm, key = doc.norm, doc.key
        out: list[dict] = []
        starts = {s for s, _ in products_at}
        ends = {e for _, e in products_at}
        named = {key[s:e] for s, e in products_at}     # a found product's other mentions are its own
        counts: dict[str, int] = {}
        org_ends = {e for ent in orgs.by_id.values() for _, e in ent.mentions}
        runs = []
        for m in LATIN_RUN.finditer(norm):
            deadline.check("products")
            if len(runs) >= MAX_CANDIDATES:
                break
            runs.append((m.start(1), m.end(1)))
        for s, e in runs:
            counts[key[s:e]] = counts.get(key[s:e], 0) + 1
        for s, e in runs:
            deadline.check("products")
            words = norm[s:e].split(" ")
            if len(words) > MAX_WORDS:
                continue
            vendor = None
            # a maker's Latin name before the name is its vendor (OpenAI Foo, NVIDIA Bar)
            while len(words) > 1:
                w = words[0]
                org = self._is_org(w.lower())
                ent = orgs.covering(s, s + len(w))
                if org is None and ent is None:
                    break
                vendor = org or ent.id
                s += len(w) + 1
                words = words[1:]
            if any(i in taken for i in range(s, e)):
                continue
            k = key[s:e]
            if k in named:
                continue
            wkeys = [w.lower() for w in words]
            if all(self._generic(w) or w.isdigit() for w in wkeys) or self._is_org(k) or orgs.covering(s, e):
                continue
            if any(p.match(k) for p in self.standards) or "://" in norm[e:e + 3] or norm[s - 1:s] == "@":
                continue
            if len(words) == 1 and not DIGIT.search(k) and (len(k) <= 2 or k.islower() and norm[s:e].islower()):
                continue     # a letter or two, or a lowercase English word: no name
            f = self._features(doc, s, e, words, wkeys, starts, ends, counts.get(key[s:e], 1), org_ends)
            if vendor is not None:
                f["maker_latin_before"] = 1.0
            out.append({"start": s, "end": e, "vendor": vendor, "features": f})
        return out

    def _features(self, doc, s, e, words, wkeys, starts, ends, count, org_ends=frozenset()) -> dict[str, float]:
        norm, key = doc.norm, doc.key
        f: dict[str, float] = {}
        text = norm[s:e]
        # shape
        if DIGIT.search(text):
            f["has_digit"] = 1.0
            if text[0].isalpha() and any(c.isdigit() for c in words[0]):
                f["code_word"] = 1.0
        if CAMEL.search(text):
            f["camel"] = 1.0
        letters = [c for c in text if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            f["all_caps"] = 1.0
            if len(letters) <= 3 and not DIGIT.search(text):
                f["short_caps"] = 1.0
        if len(words) > 1:
            f["multi_word"] = 1.0
            if all(w[:1].isupper() or w[:1].isdigit() for w in words):
                f["title_words"] = 1.0
        if text[:1].islower():
            f["lower_start"] = 1.0
        if any(self._generic(w) for w in wkeys):
            f["has_generic"] = 1.0
        if any(self._is_org(w) for w in wkeys):
            f["has_org_word"] = 1.0
        if count > 1:
            f["repeated"] = 1.0
        if len(words) > 1 and YEAR_WORD.match(words[-1]) or any(w in self.event_words for w in wkeys):
            f["event_word"] = 1.0
        if len(words) in (2, 3) and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
            f["person_shape"] = 1.0
        # the words after it
        p = e + (key[e:e + 1] == " ")
        if self.lex.noun_after(doc, e) is not None:
            f["category_after"] = 1.0
        elif key.startswith("系列", p):
            f["series_after"] = 1.0
        if any(key.startswith(n, p) or key.startswith(n, p + 2) and key[p:p + 2] in ("官方", "应用")
               for n in TECH_NOUNS):
            f["tech_after"] = 1.0
        if USE_AFTER.match(key, e):
            f["use_after"] = 1.0
        if ORG_AFTER.match(key, e):
            f["org_after"] = 1.0
        if SPEECH_AFTER.match(key, e) or SPEECH_AFTER.match(key, e + 1) and key[e:e + 1] in ")）":
            f["speech_after"] = 1.0
        if EVENT_AFTER.match(key, e) or EVENT_AFTER.match(key, e + 1) and key[e:e + 1] in ")）”」":
            f["event_after"] = 1.0
        # the words before it
        b = s - (key[s - 1:s] == " ")
        before = key[max(0, b - REACH):b]
        if self.lex.cjk_category_nouns.ends(key, b) is not None:
            f["category_before"] = 1.0
        if self.lex.launch_verbs.ends(key, b) is not None or self.lex.making_verbs.ends(key, b) is not None:
            f["launch_before"] = 1.0
        if any(before.endswith(v) for v in USE_VERBS) or self.lex.carry_verbs.ends(key, b) is not None:
            f["use_before"] = 1.0
        if any(n in before for n in NAMING):
            f["naming_before"] = 1.0
        if self.titles.ends(key, b) is not None or self.titles.ends(key, b - 1) is not None and key[b - 1] in "(（":
            f["title_before"] = 1.0
        if b in org_ends or key[b - 1:b] == "的" and b - 1 in org_ends or key[b - 2:b] == "旗下" and b - 2 in org_ends:
            f["org_before"] = 1.0
        if DOT_BEFORE.search(key, max(0, b - 8), b):
            f["dot_before"] = 1.0
        if EVENT_BEFORE.search(key, max(0, b - 6), b):
            f["event_before"] = 1.0
        if b in ends or b - 1 in ends and key[b - 1] == "的":
            f["product_before"] = 1.0
        # quotes and brackets
        o = norm[s - 1:s]
        if o and o in OPENERS and norm[e:e + 1] == CLOSERS[o]:
            f["quoted" if o in QUOTES else "bracketed"] = 1.0
        elif norm[e:e + 1] in ("(", "（") and "\u4e00" <= norm[e + 1:e + 2] <= "\u9fff":
            f["gloss_after"] = 1.0
        if o in ("(", "（") and "\u4e00" <= norm[s - 2:s - 1] <= "\u9fff":
            f["glossing"] = 1.0
        # a list it shares with a product
        lm = LIST_MARKS.match(key, e)
        if lm is not None and lm.end() in starts:
            f["listed_with_product"] = 1.0
        lb = LIST_BEFORE.search(key, max(0, b - 4), b)
        if lb is not None and (lb.start() in ends or lb.start() - 1 in ends):
            f["listed_with_product"] = 1.0
        if doc.sentences and s < doc.sentences[0].end:
            f["headline"] = 1.0
        # a name's shape and a cue that says what it is, together
        shaped = "camel" in f or "code_word" in f or "title_words" in f or "all_caps" in f and "short_caps" not in f
        cued = any(k in f for k in ("use_before", "use_after", "category_after", "tech_after", "product_before",
                                    "naming_before", "quoted", "launch_before", "category_before", "org_before"))
        person = any(k in f for k in ("title_before", "dot_before", "speech_after", "event_after", "event_before", "event_word"))
        if shaped and cued and not person:
            f["shape_and_cue"] = 1.0
        return f

    # -------------------------------------------------------------- decision
    def score(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def mentions(self, doc: Document, taken: set[int], orgs, products_at) -> tuple[list[ProductMention], list[dict]]:
        """The candidates kept: a name one of whose mentions the weights vouch for is kept at
        every mention (its evidence is the text's, not one sentence's)."""
        cands = self.candidates(doc, taken, orgs, products_at)
        best: dict[str, float] = {}
        for c in cands:
            c["p"] = self.score(c["features"])
            k = doc.key[c["start"]:c["end"]]
            best[k] = max(best.get(k, 0.0), c["p"])
        out = []
        vendors: dict[str, str] = {}
        for c in cands:
            if c["vendor"]:
                vendors.setdefault(doc.key[c["start"]:c["end"]], c["vendor"])
        for c in cands:
            s, e = c["start"], c["end"]
            k = doc.key[s:e]
            if best[k] < self.threshold:
                continue
            text = doc.norm[s:e]
            family = {"name": text, "vendor": vendors.get(k), "category": "other"}
            out.append(ProductMention(s, e, e, slug(text), family, "open-name", category=_category(self.lex, doc, e)))
        return out, cands


def _category(lex, doc: Document, end: int) -> str:
    return lex.noun_after(doc, end) or "other"
