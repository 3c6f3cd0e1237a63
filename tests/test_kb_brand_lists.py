"""scripts/kb_brand_lists.py: which brand titles of simple-icons' list become products.
Invented records (Quillbox, Vornic Airlines, Tessa Flow); the English-word gate's inputs stubbed."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from build_kb import Row  # noqa: E402
from kb_brand_lists import brand_names, simple_icons_products  # noqa: E402

EVERYDAY = frozenset({"keep", "flow", "tessa", "box", "lantern", "kettle"})
ENGLISH = (EVERYDAY, frozenset(), frozenset())


def _titles(records, orgs=(), products=()) -> list[list[str]]:
    data = json.dumps(records).encode()
    rows = simple_icons_products(data, ENGLISH, lambda n: n in orgs, lambda n: n in products,
                                 lambda n: False, Row)
    return [r.aliases for r in rows]


def _record(title, **aliases):
    return {"title": title, "slug": title.lower().replace(" ", ""), "aliases": aliases} if aliases \
        else {"title": title, "slug": title.lower().replace(" ", "")}


def test_a_plain_brand_is_a_product_with_its_chinese_name_first():
    assert _titles([_record("Quillbox", aka=["Quill Box"], loc={"zh-CN": "羽盒"})]) == [["羽盒", "Quillbox", "Quill Box"]]


def test_what_the_list_cannot_say_is_left_out():
    assert _titles([_record("Vornic Airlines"),      # a company's word in the title
                    _record("keep"),                 # an everyday English word as any sentence writes it
                    _record("Tessa Flow"),           # everyday words alone
                    _record("VRN"),                  # initials
                    _record("Quillbox")], orgs={"Quillbox"}) == []   # the KB's organisation


def _rows(records, orgs=()):
    data = json.dumps(records).encode()
    return simple_icons_products(data, ENGLISH, lambda n: n in orgs, lambda n: False, lambda n: False, Row)


def test_an_everyday_word_title_is_kept_as_written_and_common():
    rows = _rows([_record("Lantern", aka=["Lantern App"], loc={"zh-CN": "灯笼"}),   # that spelling only
                  _record("KETTLE"),
                  _record("Quillbox")])
    assert [(r.aliases, r.common) for r in rows] == [(["Lantern"], True), (["KETTLE"], True),
                                                    (["Quillbox"], False)]


def test_an_everyday_word_title_the_kb_holds_as_a_company_stays_out():
    assert [r.aliases for r in _rows([_record("Lantern"), _record("Keep")], orgs={"Lantern"})] == [["Keep"]]


def test_a_known_product_keeps_its_record():
    assert _titles([_record("Quillbox")], products={"Quillbox"}) == []


def test_brand_names_order():
    assert brand_names(_record("Quillbox", aka=["QBX"], loc={"zh-TW": "羽盒", "ja-JP": "クイル"})) == ["Quillbox", "QBX", "羽盒"]
