"""Names from the generated lists (listed companies, HanLP, CC-CEDICT) in text:
the evidence rules of service/extractors/organizations.py and people.py.

A list name that is also an ordinary word (太阳能, 浪潮, 荣耀, 中國平安) is a
company only with evidence; a list name never hides a curated one, never cuts a
longer name, never comes from the closing source credit, and a listed person
never cuts a brand. Both scripts.
"""
from __future__ import annotations

import pytest

from service.kb import Entry
from service.nlp.text import tables
from service.pipeline import get_pipeline


def _key(s: str) -> str:
    return tables().key(s)


def _orgs(text: str) -> dict[str, dict]:
    return {_key(m["text"]): o for o in get_pipeline().extract(text)["organizations"]
            for m in o["mentions"]}


def _people(text: str) -> dict[str, dict]:
    return {_key(m["text"]): p for p in get_pipeline().extract(text)["participants"]
            for m in p["mentions"]}


# (text, list names that must be organisations here, list names that must not)
CASES = [
    # a stock code is evidence
    ("東方財富(300059)今日公布第三季財報。", ["東方財富"], []),
    ("东方财富（300059）今日公布第三季财报。", ["东方财富"], []),
    # the same words as plain prose are not
    ("投资人眼中的东方财富神话正在破灭。", [], ["东方财富"]),
    ("太阳能发电量同比增长两成。", [], ["太阳能"]),
    ("太陽能板的轉換效率再創新高。", [], ["太陽能"]),
    ("浪潮席捲全球，各家廠商都在追趕。", [], ["浪潮"]),
    ("荣耀属于每一位参赛者。", [], ["荣耀"]),
    ("平安是福，大家出行注意安全。", [], ["平安"]),
    # exchange names jieba tags as names but uses as words, and a place
    ("這篇報導正文的精華在第二段。", [], ["正文", "精華"]),
    ("黎明前终于看到了曙光。", [], ["曙光"]),
    ("台南的夏天很熱，觀光客仍然很多。", [], ["台南"]),
    # a unit after a number, a numeral
    ("他手上有20个比特币，传输速率是一千比特。", [], ["比特"]),
    ("共計壹千零壹元。", [], ["零壹"]),
    # a company's verb, a title, a joiner, a suffix
    ("榮耀今日發布新款折疊手機。", ["榮耀"], []),
    ("中国平安董事长在会上表示，公司将加大科技投入。", ["中国平安"], []),
    ("華為與榮耀簽署專利交叉授權協議。", ["榮耀"], []),
    # an industry word after an everyday list name is evidence only where it ends the
    # phrase, and a field of work (技術) never is
    ("世界新能源汽車大會今年在海南舉行。", [], ["世界"]),
    ("世界新能源汽车大会今年在海南举行。", [], ["世界"]),
    ("結合相關的材料技術與結構技術，電池壽命更長。", [], ["材料"]),
    ("结合相关的材料技术与结构技术，电池寿命更长。", [], ["材料"]),
    # a list's two-character everyday word of Taiwan (全台, 進階) needs evidence too
    ("業者預定年底完成全台覆蓋，進階方案明年推出。", [], ["全台", "進階"]),
    ("业者预定年底完成全台覆盖，进阶方案明年推出。", [], ["全台", "进阶"]),
    ("全台(3038)今日公布第三季財報。", ["全台"], []),
    # a word that ends a longer name is not the listed company
    ("展会上有18款人形机器人亮相。", [], ["机器人"]),
    # a list name that is not a word needs no evidence
    ("比亞迪、宁德时代与中芯国际的股价上涨。", ["宁德时代"], []),
]


@pytest.mark.parametrize("text,want,not_want", CASES, ids=[c[0][:12] for c in CASES])
def test_listed_organisations(text, want, not_want):
    orgs = _orgs(text)
    for name in want:
        assert _key(name) in orgs, f"{name} not an organisation in {text!r}: {sorted(orgs)}"
    for name in not_want:
        assert _key(name) not in orgs, f"{name} is an organisation in {text!r}"


def test_list_evidence_is_weaker_than_curated():
    orgs = _orgs("东方财富(300059)与台积电今日公布财报。")
    assert orgs[_key("东方财富")]["confidence"] < orgs[_key("台积电")]["confidence"]


def test_source_credit_is_no_organisation():
    text = "台積電今日公布第三季財報，營收創新高。\n\n（來源：數位時代）\n"
    assert _key("數位時代") not in _orgs(text)


def test_list_name_never_hides_a_curated_one():
    # 長安 (an A-share short name) overlaps the curated 安德魯·博斯沃思
    people = _people("「這是最自然的載體，」技術長安德魯·博斯沃思說。")
    assert people[_key("安德魯·博斯沃思")]["id"] == "andrew-bosworth"


# (list name's span and entries, curated matches' spans and entries, is the list name the longer name)
_APP = lambda i: Entry("product", i, listed=True)
_CUR_APP = lambda i: Entry("product", i)
_CUR_ORG = lambda i: Entry("organization", i)
LONGER_PRODUCT_CASES = [
    # 企業星聊 over 星聊: a list's app named with a curated app's name and more, wherever it starts
    ((0, 4, (_APP("qiye-xingliao"),)), [(2, 4, (_CUR_APP("xingliao"),))], True),
    # 星聊企業版 over 星聊: the curated name first
    ((0, 5, (_APP("xingliao-qiye"),)), [(0, 2, (_CUR_APP("xingliao"),))], True),
    # never over an organisation's name inside it (雲杉地圖 over the company 雲杉)
    ((0, 4, (_APP("yunshan-ditu"),)), [(0, 2, (_CUR_ORG("yunshan"),))], False),
    # never over a curated name it only overlaps (甲乙 in 星甲 + 甲乙丙)
    ((0, 2, (_APP("xingjia"),)), [(1, 4, (_CUR_APP("jiayibing"),))], False),
    # a name of a product and a company in the list is no product's name alone
    ((0, 4, (_APP("yunshan-xingliao"), Entry("organization", "yunshan-xingliao", listed=True))),
     [(2, 4, (_CUR_APP("xingliao"),))], False),
]


@pytest.mark.parametrize("listed, curated, longer", LONGER_PRODUCT_CASES)
def test_list_product_name_over_curated_products_inside_it(listed, curated, longer):
    from service.extractors.gazetteer import Gazetteer, Match
    found = [Match(s, e, entries) for s, e, entries in curated]
    assert Gazetteer._extends_curated(Match(*listed), found) is longer


def test_listed_person():
    people = _people("诺贝尔物理学奖得主丁肇中在会上表示，实验将持续十年。")
    person = people.get(_key("丁肇中"))
    assert person is not None and person["name_en"] == "Samuel C. C. Ting"


def test_listed_person_never_cuts_a_brand():
    people = _people("丁肇中基金会今日宣布设立新的奖学金。")
    assert _key("丁肇中") not in people


# A curated alias that is an everyday word (word_aliases in organizations.yaml)
# takes the same evidence as a list name that is one. Invented sentences.
@pytest.mark.parametrize("text,is_org", [
    ("榮耀屬於每一位參賽的工程師。", False),
    ("吉利的日子裡，星辰智能舉辦了開幕式。", False),
    ("荣耀公司今天发布了新款折叠屏手机。", True),
    ("吉利汽車與星辰智能簽署合作協議。", True),
    ("华为与荣耀在海外市场的份额都在上升。", True),
])
def test_curated_everyday_words_need_evidence(text, is_org):
    from service import extract
    ids = {o["id"] for o in extract(text)["organizations"] if not o["inferred"]}
    assert (("honor" in ids) or ("geely" in ids)) == is_org, ids


@pytest.mark.parametrize("text,short", [
    ("中華電信今日宣布新方案，中華電也將擴大5G覆蓋。", "中華電"),
    ("中华电信今日宣布新方案，中华电也将扩大5G覆盖。", "中华电"),
])
def test_exchange_short_name_is_the_named_company(text, short):
    """An exchange's short name (中華電) beside the full name (中華電信) is its short
    form: one organisation with both mentions, not two."""
    orgs = get_pipeline().extract(text)["organizations"]
    assert len(orgs) == 1, [o["name"] for o in orgs]
    assert orgs[0]["id"] == "chunghwa-telecom"
    assert _key(short) in {_key(m["text"]) for m in orgs[0]["mentions"]}


@pytest.mark.parametrize("text,whole,head,body", [
    # a firm's subsidiary or institute, a university's school: bodies the list's name heads
    ("中華電信今天宣布，中華電信日本子公司開業，中華電信日本子公司將服務台商。中華電強調將擴大投資。",
     "chunghwa-telecom", "中華電信", "中華電信日本子公司"),
    ("中华电信今天宣布，中华电信日本子公司开业，中华电信日本子公司将服务台商。中华电强调将扩大投资。",
     "chunghwa-telecom", "中华电信", "中华电信日本子公司"),
    ("宁德时代今天表示，宁德时代香港研究院启用，宁德时代香港研究院将招聘工程师。",
     "catl", "宁德时代", "宁德时代香港研究院"),
    ("复旦大学今天宣布，复旦大学管理学院将扩招，复旦大学管理学院院长称新校区明年启用。",
     "fudandaxue", "复旦大学", "复旦大学管理学院"),
    ("復旦大學今天宣布，復旦大學管理學院將擴招，復旦大學管理學院院長稱新校區明年啟用。",
     "fudandaxue", "復旦大學", "復旦大學管理學院"),
])
def test_a_listed_name_heading_another_body_is_not_its_short_form(text, whole, head, body):
    """The firm or university keeps its id and the body it heads is another organisation (the
    firm was merged into its subsidiary; and a short form whose longer name was merged away
    found no owner: a KeyError); 中華電 is still 中華電信's short form."""
    orgs = _orgs(text)
    assert orgs[_key(head)]["id"] == whole
    assert orgs[_key(body)]["id"] != whole
    if "電" in head or "电" in head:
        assert orgs[_key(head[:3])]["id"] == whole


def test_exchange_short_name_alone_is_the_listed_company():
    assert _orgs("中華電今日宣布新方案。")[_key("中華電")]["id"] == "zhonghuadian-2412"


@pytest.mark.parametrize("text,whole", [
    # 子公司 alone after the firm names no body of its own; a conjunction joins two names
    ("宁德时代今天表示，常州青禾（宁德时代子公司）将扩产，宁德时代也将投资。", "catl"),
    ("寧德時代今天表示，常州青禾（寧德時代子公司）將擴產，寧德時代也將投資。", "catl"),
])
def test_a_bare_subsidiary_word_after_a_listed_name_is_no_body_of_its_own(text, whole):
    orgs = get_pipeline().extract(text)["organizations"]
    assert [o["id"] for o in orgs if "子公司" in o["name"]] == []
    assert any(o["id"] == whole for o in orgs)
