"""product_brand_evidence: a brand list's names are products only where the text reads them so.
Invented brands (Quillbox, Vornic, Tessa Flow) in both scripts; Windows stands for a product
found on other evidence."""
from dataclasses import dataclass

import pytest

from service.extractors.product_brand_evidence import BrandNames, evidenced
from service.nlp.text import tables

BRANDS = {"quillbox": "quillbox", "vornic": "vornic", "tessaflow": "tessa-flow", "lantern": "lantern"}
# Lantern: a brand whose name is an everyday English word's spelling (the list's Steam, LINE).
WORDS = frozenset({"lantern"})
NAMES = BrandNames({"Quillbox": "quillbox", "Vornic": "vornic", "TessaFlow": "tessa-flow",
                    "Tessa Flow": "tessa-flow", "Lantern": "lantern"}, WORDS)
NOUNS = ("平台", "软件", "软体", "应用", "app")
# Nouns before a name (key view) and the category each gives: a device's is no evidence.
NOUNS_BEFORE = {"平台": "platform", "框架": "software", "应用": "app", "手机": "hardware"}


@dataclass
class M:
    start: int
    end: int
    id: str


def _mentions(text: str) -> list[M]:
    """The brands' mentions and Windows's in a text, in order (the views share offsets)."""
    out = [M(s, e, pid) for s, e, pid in NAMES.spans(text, lambda s, e: False)]
    at = text.find("Windows")
    if at >= 0:
        out.append(M(at, at + len("Windows"), "windows"))
    return sorted(out, key=lambda m: m.start)


def _kept(text: str) -> set[str]:
    """The brands evidenced() keeps."""
    key = tables().key(text)
    noun_after = lambda end: next((n for n in NOUNS if key.startswith(n, end + (key[end:end + 1] == " "))), None)
    noun_before = lambda start: next((c for n, c in NOUNS_BEFORE.items()
                                      if key.endswith(n, 0, start - (key[start - 1:start] == " "))), None)
    brands = set(BRANDS.values())
    return {m.id for m in evidenced(key, _mentions(text), brands.__contains__, noun_after,
                                    WORDS.__contains__, noun_before)} & brands


CASES = [
    # (text, brands kept)
    ("工程師可以下載Quillbox後自行部署。", {"quillbox"}),           # a use verb before it
    ("开发者可以下载 Quillbox 后自行部署。", {"quillbox"}),
    ("Quillbox平台本月改版。", {"quillbox"}),                      # a category noun after it
    ("Quillbox 軟體本月改版。", {"quillbox"}),
    ("前員工隨後開發了 Vornic。", {"vornic"}),                      # a making verb before it
    ("这家公司研发的Quillbox本月上线。", {"quillbox"}),
    ("外送平台Quillbox本月漲價。", {"quillbox"}),                  # a platform's noun before it
    ("开源框架 Vornic 发布新版。", {"vornic"}),
    ("這款社交應用Vornic走紅。", {"vornic"}),
    ("手机Vornic宣布裁员。", set()),                                # a device's noun: none
    ("平台 的 Quillbox宣布裁員。", set()),                          # not right before it
    ("在Quillbox上，用戶可以分享照片。", {"quillbox"}),             # its use as a platform
    ("Quillbox用户突破一亿。", {"quillbox"}),
    ("Quillbox公司宣布裁員。", set()),                              # a company's cue
    # A company's deed after it or a company's noun before it: the mention gives no evidence,
    # not even a platform's noun before it.
    ("美國線上學習平台 Quillbox 宣布收購一家新創。", set()),
    ("在线学习平台Vornic今日表示将裁员。", set()),
    ("外送平台Quillbox收購了一家物流公司。", set()),
    ("开源框架 Vornic 完成B轮融资。", {"vornic"}),                  # the deed is not right after it
    ("开源框架 Vornic 融资两亿元。", set()),
    ("社交應用Vornic稱用戶資料未外洩。", set()),
    ("社交应用Vornic称为年轻人的首选。", {"vornic"}),              # 称为: a gloss, not a speech
    ("社交應用Quillbox指出，新版將於下月推出。", set()),
    ("串流平台 Quillbox 赴美上市。", set()),
    ("科技公司 Quillbox 推出了 Vornic。", {"vornic"}),             # a company's noun before it
    ("集團Vornic上線新服務。", set()),
    ("Quillbox執行長表示營收成長。", set()),
    ("Quillbox宣布裁员。", set()),                                  # no evidence
    ("他同時使用Windows、Vornic和Quillbox。", {"vornic", "quillbox"}),  # a list with a product
    ("Vornic與Quillbox宣布合併。", set()),                          # a list of brands alone
    ("Quillbox平台改版。Quillbox宣布裁員。", {"quillbox"}),          # one mention's evidence holds
    ("Quillbox是一款記帳應用程式。", {"quillbox"}),                 # a product's measure word after a copula
    ("Vornic 为一套开源工具。", {"vornic"}),
    ("Quillbox是一家新創公司。", set()),                             # a company's: none
    ("面向Quillbox的插件本月上架。", {"quillbox"}),                  # what a thing is made for
    ("这款工具兼容 Vornic。", {"vornic"}),
    ("騙徒會引導你加入Quillbox的群組。", {"quillbox"}),             # a part or feature after 的
    ("Vornic 的新功能本週上線。", {"vornic"}),
    ("Quillbox的介面改版了。", {"quillbox"}),
    ("Quillbox的員工宣布罷工。", set()),                            # a company's staff: no part
    ("Vornic的营收下滑。", set()),
    ("他最近在玩《Quillbox》。", {"quillbox"}),                      # title marks: a work
    ("《Vornic：無盡之旅》將於明年推出。", {"vornic"}),
    ("Quillbox》的報導指出", set()),                                 # a closing mark alone is none
    # A word's spelling (Lantern): its own evidence only, never inside English prose.
    ("玩家可以在Lantern上購買遊戲。", {"lantern"}),
    ("下载 Lantern 后即可登录。", {"lantern"}),
    ("Lantern的新功能本周上线。", {"lantern"}),
    ("Lantern宣布裁員。", set()),                                  # no evidence
    ("他同時使用Windows、Vornic和Lantern。", {"vornic"}),            # a list is none for a word
    ("標語寫著 a Lantern in the dark 平台", set()),                  # English prose around it
    ("下载 Lantern, the app 后", set()),
    ("The Lantern 平台", set()),
]


@pytest.mark.parametrize("text, kept", CASES)
def test_evidence(text, kept):
    assert _kept(text) == kept


def test_brand_names_as_written():
    norm = "Quillbox 与 quillbox，Quillboxes、Tessa Flow 和 TessaFlow Pro"
    got = [(norm[s:e], pid) for s, e, pid in NAMES.spans(norm, lambda s, e: False)]
    # the list's case only (quillbox in lower case is no brand name), no part of a longer
    # Latin word (Quillboxes), the list's spaced form too
    assert got == [("Quillbox", "quillbox"), ("Tessa Flow", "tessa-flow"), ("TessaFlow", "tessa-flow")]


def test_a_word_brand_is_not_read_in_english_prose():
    norm = "用 Lantern 玩。Red Lantern 與 Lantern lights, Lantern. Then"
    got = [s for s, e, pid in NAMES.spans(norm, lambda s, e: False)]
    assert got == [norm.index("Lantern")]


def test_brand_names_leave_taken_spans():
    norm = "Vornic Quillbox"
    taken = lambda s, e: s == 0
    assert [pid for _, _, pid in NAMES.spans(norm, taken)] == ["quillbox"]
