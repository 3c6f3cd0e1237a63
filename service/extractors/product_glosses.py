"""What the article says a product is (名叫NIM的輝達推理微服務, Foo 2.5是一款
多模態大模型, 輝達推理微服務NIM): the description written right after or right
before its name, up to the last category noun of the clause."""
from __future__ import annotations

from ..nlp.document import Document
from .product_lexicon import CLAUSE_END, ProductLexicon
from .product_mention import ProductMention

GLOSS_MAX = 16           # characters of a description
GLOSS_LEFT_MAX = 10      # characters of a description written before the name


class Glosses:
    def __init__(self, lex: ProductLexicon) -> None:
        self.lex = lex

    def after_name(self, doc: Document, start: int, end: int) -> tuple[int, int] | None:
        """名叫NIM的輝達推理微服務 / Foo 2.5是一款多模態大模型."""
        key = doc.key
        before = key[max(0, start - 6):start].rstrip(" ")
        p = end
        if self.lex.naming_verbs.ends(before) and key.startswith("的", p):
            p += 1
        elif self.lex.copulas.starts(key, p + (key[p:p + 1] in ", ")):
            p += 1 + (key[p:p + 1] in ", ")
            determiner = self.lex.determiners.starts(key, p)
            if determiner is None:
                return None   # 是 without 一款/一個 rarely glosses (是否, 是因為)
            p += len(determiner)
        else:
            return None
        seg = key[p:p + GLOSS_MAX]
        stop = CLAUSE_END.search(seg)
        if stop:
            seg = seg[:stop.start()]
        best = None   # the gloss runs to the last category noun in the clause
        pos = 0
        while (m := self.lex.category_nouns.find(seg, pos)) is not None:
            best, pos = m.end(), m.start() + 1
        if best is None or not self.specific(seg[:best]):
            return None
        return p, p + best

    def before_name(self, doc: Document, m: ProductMention) -> tuple[int, int] | None:
        """輝達推理微服務NIM: a compound ending in a category noun right before the name."""
        key = doc.key
        end = m.start
        while end > 0 and key[end - 1] in " -":
            end -= 1
        noun = self.lex.cjk_category_nouns.ends(key, end)
        if noun is None:
            return None
        lo = max(0, end - GLOSS_LEFT_MAX)
        start = end - len(noun)
        while start > lo:
            ch = key[start - 1]
            if CLAUSE_END.match(ch) or ch == " " or ch.isascii():
                break
            if self.lex.gloss_left_stops.ends(key, start):
                break
            start -= 1
        if not self.specific(key[start:end]):
            return None
        return start, end

    def specific(self, gloss: str) -> bool:
        """开源模型 says nothing; 推理微服务 and 多模态大模型 do."""
        rest = gloss[len(self.lex.determiners.starts(gloss) or ""):]
        noun = self.lex.category_nouns.ends(rest)
        if noun:
            rest = rest[:-len(noun)]
        while rest:
            rest = rest.strip("的 ")
            word = self.lex.generic_modifiers.starts(rest)
            if not word:
                break
            rest = rest[len(word):]
        return len(rest) >= 2
