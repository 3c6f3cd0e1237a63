"""A part of an app, a model or a maker named by its name and a part word (cases in
tests/extractors/cases/product_names.yaml):

- Gemini App, ChatGPT API, Whisper官方API, LINE社群, LINE官方帳號: a product another reader
  found, then a part word (service/kb/data/product_lexicon.yaml `service_parts`), is a
  product of its own, the part; the found name there is read as the part's.
- 抖音App, 淘宝APP: an app's App is the app itself: after a product the knowledge base holds as
  an app the word joins no part, and the mention stays that product's (Gemini, a model, has one).
- Google助理, 谷歌商店: the same after a company's name the organisations extractor read.
- 微信支付: a part only an app has (`after: app`: its payment service) follows the knowledge
  base's app only, no store or platform (a store's 支付 is its checkout).
- 通訊軟體LINE … LINE社群: a name one reader found once and later readers met again as
  written (short forms, siblings) takes its parts there too (`find_later`).

One part is one product whichever of its words the text writes (ChatGPT API … ChatGPT官方API).
A part word must end a word (社群媒體 is social media, 助理教授 a professor, 助理部長 a minister, 文心一言API接口
an interface), and a store's 商店 is the store itself (Google Play 商店): only a company's
商店 is a part.

One anchored match after each mention: linear in the mentions.
"""
from __future__ import annotations

import re

from ..ids import name_id
from ..nlp.document import Document
from .entities import EntityTable
from .product_grammar import slug
from .product_mention import ProductMention

# 社群媒體, 助理教授, API接口: the part word begins a longer word or names an interface; 用微信支付了,
# 支付给: an aspect mark, a recipient or an amount makes 支付 the verb (key view).
# 助理部长, 助理法务长, 助理院长: 助理 begins a rank's title (an assistant minister, counsel or dean).
LONGER_WORD = re.compile(r" ?(?:媒|网|平台|商|业|费|教授|研究|生|员|接口|key|了|给|宝|[a-z0-9]"
                         r"|[部院署局处司校厅]长|[法财]务长|总监|总裁|总经理|总编|总干事|国务卿|秘书|检察|主任|经理|董事|律师|编辑)")


class ServiceParts:
    def __init__(self, key, parts: dict, apps=frozenset()) -> None:
        self.apps = apps    # the knowledge base's products of category app (ids)
        self.part_of: dict[str, tuple[str, str, str | None]] = {}    # word (key view) -> part, category, after
        for part, spec in parts.items():
            for w in spec.get("words") or []:
                self.part_of[key(str(w))] = (str(part), spec.get("category") or "service", spec.get("after"))
        words = sorted(self.part_of, key=len, reverse=True)
        self.after = re.compile(r"( ?)(" + "|".join(map(re.escape, words)) + r")(?![a-z0-9])") if words else None

    def _part(self, doc: Document, end: int, after: str, app: bool = False):
        """The part word right after a name ending at `end`: (its end, part, category) or None."""
        w = self.after.match(doc.key, end) if self.after is not None else None
        if w is None:
            return None
        part, category, only = self.part_of[w.group(2)]
        if only == "app":      # 微信支付: a part only an app has, after the knowledge base's app
            if not app:
                return None
            only = "product"
        if only is not None and only != after:
            return None
        if LONGER_WORD.match(doc.key, w.end()) or not doc.ends_token(w.end()):
            return None
        if w.group(1) and not (doc.key[end - 1].isascii() or w.group(2).isascii()):
            return None     # 米家 App, Gemini App: a space only beside a Latin word
        return w.end(), part, category

    def find(self, doc: Document, mentions: list[ProductMention], orgs: EntityTable,
             vendor_of) -> list[ProductMention]:
        """The mentions with each product's name a part word follows replaced by the part's, and
        the parts after companies' names (`vendor_of(m)`: a mention's maker)."""
        out: list[ProductMention] = []
        taken = {i for m in mentions for i in range(m.start, m.end)}    # a company's name inside a product's
        for m in mentions:
            hit = self._part(doc, m.end, "product", m.id in self.apps) if m.end == m.name_end else None
            if hit is None:
                out.append(m)
                continue
            end, part, category = hit
            taken.update(range(m.end, end))
            if category == "app" and m.id in self.apps:
                out.append(m)   # 抖音App: the app itself
                continue
            out.append(self._mention(doc, m.start, end, f"{m.id}-{part}", vendor_of(m), category, m.id))
        for ent in orgs.by_id.values():
            for s, e in ent.mentions:
                if s in taken or e - 1 in taken or (hit := self._part(doc, e, "maker")) is None:
                    continue
                end, part, category = hit
                if any(i in taken for i in range(s, end)):
                    continue
                out.append(self._mention(doc, s, end, f"{ent.id}-{part}", ent.id, category))
                taken.update(range(s, end))
        return out

    def find_later(self, doc: Document, mentions: list[ProductMention], seen: set[tuple[int, int]],
                   vendor_of) -> list[ProductMention]:
        """The same for the mentions later readers added (`seen`: the spans `find` was given): a
        name another reader found once (通訊軟體LINE) and then met again as written (LINE社群)."""
        out: list[ProductMention] = []
        for m in mentions:
            hit = self._part(doc, m.end, "product", m.id in self.apps) \
                if (m.start, m.end) not in seen and m.end == m.name_end else None
            if hit is None or (hit[2] == "app" and m.id in self.apps):
                out.append(m)
                continue
            end, part, category = hit
            out.append(self._mention(doc, m.start, end, f"{m.id}-{part}", vendor_of(m), category, m.id))
        return out

    @staticmethod
    def _mention(doc: Document, start: int, end: int, base: str, vendor, category: str,
                 part_of: str | None = None) -> ProductMention:
        text = doc.norm[start:end]
        pid = slug(base) if base.isascii() else name_id(base)
        family = {"name": text, "vendor": vendor, "category": category, "part_of": part_of}
        return ProductMention(start, end, end, pid, family, "gloss-name", category=category)
