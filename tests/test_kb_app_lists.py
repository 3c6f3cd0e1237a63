"""scripts/kb_app_lists.py: how Open-AutoGLM's app tables become product rows. The tables
here are invented (names, packages and sections alike), in the source's format."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from kb_app_lists import app_tables, english_words, open_autoglm_apps, with_maker_names  # noqa: E402

TABLE = '''"""Invented."""

APP_ABILITIES: dict[str, str] = {
    "com.qingniao.hmos": "MainAbility",
}

APP_PACKAGES: dict[str, str] = {
    # Qingniao Apps (青鸟系)
    "青鸟云盘": "com.qingniao.pan",
    "青鳥雲盤極速版": "com.qingniao.pan",
    "青鸟": "com.qingniao.main",
    # Social & Messaging
    "飞鸽聊聊": "com.feige.chat",
    "Feige": "com.feige.chat",
    # "鹭鸶": "com.lusi.app",  # left out by the source
    "鹭鸶": "com.lusi.app",
    "蓝鲸": "com.lanjing.app",
    # Games
    "星海回响": "com.xinghai.echo",
    "Notebook": "com.notebook.app",
    "Marlin": "org.marlin.messenger",
    "Sesame Roast": "com.sesame.roast",
    "12580": "com.number.app",
    "Setting Manager": "com.util.settings",
    # HarmonyOS 系统应用
    "云图": "com.phone.gallery",
    "鹭鸶": "com.lusi.other",
}
'''


@dataclass
class Row:
    kind: str
    type: str
    name: str
    source: str
    name_en: str = ""
    vendor: str = ""
    aliases: list[str] = field(default_factory=list)


def rows(orgs=("青鸟",), products=(), words=()):
    org_ids = {"青鸟": "qingniao", "feige": "feige-inc"}
    english = english_words([("bi3 ji4 ben3", "notebook/"), ("ma3 lin2", "marlin (fish)/"),
                             ("Ma3 lin2", "Marlin (messaging app)/"), ("x", "setting/manager/"),
                             ("Zhi1 ma5", "Sesame Roast, coffee shop chain/"),
                             ("Lu4 xian4", "Notebook Line of Control/")],
                            lambda sense: "app" in sense)
    return open_autoglm_apps({"t": TABLE.encode()}, english, lambda n: n in orgs, lambda n: n in products,
                             lambda n: n in words, org_ids.get,
                             lambda n: {"青鸟": "qingniao", "蓝鲸": "lanjing"}.get(n, "x"), Row)


def test_reads_only_the_package_tables_with_their_sections():
    entries = app_tables(TABLE.encode())
    assert ("青鸟云盘", "com.qingniao.pan", "Qingniao Apps (青鸟系)") in entries
    assert not any(name.startswith("com.") for name, _, _ in entries)   # the abilities table
    assert [n for n, _, _ in entries].count("鹭鸶") == 2                 # the commented line is no entry
    assert ("星海回响", "com.xinghai.echo", "Games") in entries
    # The Latin names after a Games section's Chinese ones are under no section.
    assert ("Notebook", "com.notebook.app", "") in entries


def test_rows():
    out = {r.name: r for r in rows(words=("云图",))}
    # One product per package, both scripts' spellings as the source wrote them.
    assert out["青鸟云盘"].aliases == ["青鸟云盘", "青鳥雲盤極速版"]
    assert out["青鸟云盘"].vendor == "qingniao"              # the section's group
    assert out["飞鸽聊聊"].aliases == ["飞鸽聊聊", "Feige"]
    assert out["飞鸽聊聊"].vendor == "feige-inc"             # the package's domain (a Latin name
    # that is the domain's, Feige, is the platform: Reddit com.reddit)
    assert out["飞鸽聊聊"].name_en == "Feige"
    assert out["星海回响"].type == "other" and out["飞鸽聊聊"].type == "app"
    assert out["Marlin"].type == "app"                      # a proper noun in the dictionary too
    assert out["鹭鸶"].vendor == ""                          # no maker the KB holds
    # Left out: the KB's organisation, a Chinese name that is its package's maker, an everyday
    # English word (Notebook: heading "Notebook Line of Control" makes it no name), what the
    # dictionary names as no service (a coffee chain), digits, a utility made of everyday
    # words, a system section.
    for name in ("青鸟", "蓝鲸", "Notebook", "Sesame Roast", "12580", "Setting Manager", "云图"):
        assert name not in out, name


def test_an_app_the_kb_holds_is_not_repeated_and_a_word_is_no_name():
    out = {r.name for r in rows(products=("青鳥雲盤極速版",), words=("飞鸽聊聊",))}
    assert "青鸟云盘" not in out          # another name of the KB's product: no second id
    # A package one of whose names is left out loses the others too: Feige would name
    # what 飞鸽聊聊 names.
    assert "飞鸽聊聊" not in out and "Feige" not in out


def test_a_brand_the_company_shares_is_kept_as_its_app_but_an_institution_is_not():
    english = english_words([], lambda sense: False)
    org_ids = {"鹭鸶": "lusi-inc", "Feige": "feige-inc"}

    def build(institutions):
        return {r.name: r for r in open_autoglm_apps(
            {"t": TABLE.encode()}, english, org_ids.__contains__, lambda n: False, lambda n: False,
            org_ids.get, lambda n: {"青鸟": "qingniao", "蓝鲸": "lanjing"}.get(n, "x"), Row,
            lambda n: n in institutions)}
    out = build(())
    # 鹭鸶: the organisation of that name makes the app of that name (a dual name in the service)
    assert out["鹭鸶"].vendor == "lusi-inc"
    # Feige, a Latin name of the company, stays the company's (read in runs)
    assert not any("Feige" in r.aliases for r in out.values())
    # an institution's name (the segmenter's nt: a bank, a carrier) stays the company's
    assert "鹭鸶" not in build(("鹭鸶",))


def test_an_app_named_as_its_maker_takes_the_makers_short_names():
    """鹭鸶 the app of 鹭鸶 the company is also called by the company's short names (a site's
    nickname such as 鹭站, its Latin name); a legal or group form, a name another product holds,
    and the names of a maker whose app is named otherwise do not join. Simplified and
    Traditional names alike."""
    makers = {"lusi-inc": (["鹭鸶", "Lusi"], ["鹭站", "鹭鸶网络科技有限公司", "鹭鸶集团", "Lusi Holdings"]),
              "qingniao": (["青鸟", "Qingniao"], ["青鳥"]),
              "yunque": (["雲雀", ""], ["雲雀站", "Yunque Inc", "雲雀控股"]),
              "hai": (["海鸥", ""], ["鸥站"]),
              # an app named by one of the maker's aliases only (its short name) takes nothing
              "xinghe": (["星河互动", "Xinghe Interactive"], ["星河", "河站"]),
              # two apps of one maker, each named as it: an alias joins the first alone
              "yunying": (["云鹰", "Yunying"], ["鹰站"])}
    taken = {"鹭站"}

    def app(name, vendor):
        return Row("product", "app", name, "t", vendor=vendor, aliases=[name])
    apps = [app("鹭鸶", "lusi-inc"), app("青鸟云盘", "qingniao"), app("雲雀", "yunque"),
            app("海鸥视频", "hai"), app("无主", ""), app("星河", "xinghe"),
            app("云鹰", "yunying"), app("Yunying", "yunying")]
    legal = ("有限公司",)
    out = {r.name: r.aliases for r in with_maker_names(
        apps, makers.get, str.lower, lambda k: k in taken or k.endswith(legal))}
    assert out["鹭鸶"] == ["鹭鸶", "Lusi"]             # 鹭站 another product's; legal/group forms not
    assert out["雲雀"] == ["雲雀", "雲雀站"]           # Traditional: Inc and 控股 stay the company's
    assert out["青鸟云盘"] == ["青鸟云盘"]             # named otherwise than its maker: nothing joins
    assert out["海鸥视频"] == ["海鸥视频"]
    assert out["无主"] == ["无主"]
    assert out["星河"] == ["星河"]                     # the maker's alias, not its name: nothing joins
    assert out["云鹰"] == ["云鹰", "鹰站"]             # Yunying another app's name
    assert out["Yunying"] == ["Yunying"]               # 鹰站 joined 云鹰, 云鹰 is that app's name
