"""The unannotated pool (scripts/unannotated_pool.py) on pages and runs written here by hand."""
import json
import shutil
import subprocess

import pytest

from scripts import unannotated_pool as up


def test_only_pages_in_daily_folders_between_the_days_are_taken():
    paths = ["2023-01-31/甲.md", "2023-02-01/乙.md", "2023-03-01/丙.md", "2023-02-10/丁.txt",
             ".github/workflows/x.md", "2023-02-05/sub/戊.md"]
    assert up.pool_paths(paths, "2023-02-01", "2023-02-28") == ["2023-02-01/乙.md"]
    assert up.pool_paths(paths, "2023-01-31", "2023-03-01") == ["2023-01-31/甲.md", "2023-02-01/乙.md",
                                                               "2023-03-01/丙.md"]


def test_several_day_ranges_are_joined():
    paths = ["2023-01-31/甲.md", "2023-02-01/乙.md", "2023-05-02/丙.md", "2023-06-01/丁.md"]
    (first, last), *more = up.day_ranges("2023-02-01:2023-02-28,2023-05-01:2023-05-31")
    assert up.pool_paths(paths, first, last, more) == ["2023-02-01/乙.md", "2023-05-02/丙.md"]


def test_a_text_is_the_headline_then_the_body_without_headings_images_or_the_repeated_headline():
    text = up.pool_text("青嵐科技發布  新晶片", ["青嵐科技發布 新晶片", "# 青嵐科技發布新晶片",
                                            "![](https://img.example/1.png)", "该公司今日宣布量产。", "  "])
    assert text == "青嵐科技發布 新晶片\n该公司今日宣布量产。"


def test_a_topic_needs_two_of_its_words_in_the_opening():
    import re
    topic = re.compile("芯片|手机|晶片")
    assert up.on_topic("某厂新芯片上市\n这款芯片用于手机。", topic)
    assert not up.on_topic("某地举办龙舟赛\n今年有手机直播。", topic)
    assert not up.on_topic("某地举办龙舟赛\n" + "很长的开头。" * 120 + "芯片，手机", topic)
    assert up.on_topic("某地举办龙舟赛", None)


RESULT_A = {
    "event": {"name": "晨曦发布会", "date": "2023-02"},
    "participants": [{"name": "林晓岚", "role": "participant", "organization": "chenxi",
                      "mentions": [{"start": 10, "end": 13, "text": "林晓岚"}]}],
    "organizations": [{"id": "chenxi", "name": "晨曦科技", "mentions": [{"start": 0, "end": 4, "text": "晨曦科技"},
                                                                 {"start": 30, "end": 32, "text": "晨曦"}]}],
    "products": [], "quantitative_facts": [], "quotes": [], "time_expressions": [],
}
RESULT_B = json.loads(json.dumps(RESULT_A))
RESULT_B["event"] = None
RESULT_B["participants"][0]["organization"] = None   # the contract's field for a person's employer
RESULT_B["products"] = [{"name": "晨光X2", "vendor": "chenxi", "mentions": [{"start": 20, "end": 24, "text": "晨光X2"}]}]


def test_a_set_article_is_known_with_other_punctuation_spaces_or_width():
    assert up.same_story_key("晨曦科技：发布 新芯片！") == up.same_story_key("晨曦科技发布新芯片")
    assert up.same_story_key("ＡＢＣ公司 Q1") == up.same_story_key("abc公司q1")
    assert up.same_story_key("晨曦科技发布新芯片") != up.same_story_key("晨曦科技发布新手机")


def test_spans_name_the_item_each_belongs_to():
    assert ("participants", "林晓岚", 10, 13) in up.spans(RESULT_A)
    assert ("organizations", "晨曦科技", 0, 4) in up.spans(RESULT_A)
    assert ("organizations", "晨曦科技", 30, 32) in up.spans(RESULT_A)   # a short mention keeps the item's name
    assert not [s for s in up.spans(RESULT_A) if s[0] == "products"]


def test_changes_list_items_lost_and_gained_per_section():
    per_section, lines = up.changes({"00001": RESULT_A, "00002": RESULT_A}, {"00001": RESULT_B})
    assert per_section == {"event": 1, "participants": 1, "products": 1}
    assert ("00001", "event", "-", "晨曦发布会 [2023-02]") in lines
    assert ("00001", "event", "+", "(none)") in lines
    assert ("00001", "participants", "+", "林晓岚 / participant / None") in lines
    assert ("00001", "products", "+", "晨光X2 / vendor chenxi") in lines
    assert not [line for line in lines if line[0] == "00002"]   # only texts both runs hold


def test_count_shows_what_the_run_found_at_each_match(tmp_path, capsys):
    (tmp_path / "00000.txt").write_text("晨曦科技今日宣布，由林晓岚出任总裁。林晓岚表示满意。", encoding="utf-8")
    (tmp_path / "index.tsv").write_text("00000\t2023-02-01\t晨曦科技人事\n", encoding="utf-8")
    run = tmp_path / "run.jsonl"
    run.write_text(json.dumps({"id": "00000", "day": "2023-02-01", "headline": "x", "out": RESULT_A},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    up.count(tmp_path, "林晓岚", run, show=5)
    printed = capsys.readouterr().out
    assert printed.startswith("2 matches in 1 of 1 texts")
    assert "found: participants:林晓岚" in printed   # the first match, where the run has the person
    assert "found: (nothing)" in printed            # the second, which the run did not mark


def _clone_of_pages(tmp_path, pages):
    """A git clone laid out as qqnews keeps its pages: YYYY-MM-DD/headline.md, the headline as a
    heading twice (as the archive writes it) before the body."""
    clone = tmp_path / "clone"
    for day, name, body in pages:
        (clone / day).mkdir(parents=True, exist_ok=True)
        (clone / day / f"{name}.md").write_text(f"# {name}\n\n# {name}\n\n{body}\n", encoding="utf-8")
    return _committed(clone)


def _pool_index_of_pages(tmp_path, monkeypatch, pages, **options):
    """The index of a pool built from February 2023 of a clone of these pages, no set holding
    any of their headlines; `options` go to build (headline_topic, min_chars …)."""
    clone = _clone_of_pages(tmp_path, pages)
    monkeypatch.setattr(up, "set_headlines", lambda root=None: set())
    up.build(clone, tmp_path / "pool", "2023-02-01", "2023-02-28", **options)
    return up.read_index(tmp_path / "pool")


def _committed(path):
    """The folder made a git repository with one commit of everything in it."""
    git = ["git", "-C", str(path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "fixture"], check=True)
    return path


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_build_takes_one_text_per_headline_and_leaves_out_the_sets_articles(tmp_path, monkeypatch):
    clone = _clone_of_pages(tmp_path, [("2023-02-01", "晨曦科技发布新芯片", "晨曦科技今日发布新芯片，" * 30),
                                       ("2023-02-02", "晨曦科技发布新芯片", "同一篇文章第二天仍在列表上，" * 30),
                                       ("2023-02-02", "太短的文章", "很短。"),
                                       ("2023-03-09", "范围之外的文章", "这一天不在池子的日子里，" * 30),
                                       ("2023-02-03", "已在集合中的文章", "这一篇已被某个集合收录，" * 30)])
    monkeypatch.setattr(up, "set_headlines", lambda root=None: {up.same_story_key("已在集合中的文章！")})
    up.build(clone, tmp_path / "pool", "2023-02-01", "2023-02-28")
    index = up.read_index(tmp_path / "pool")
    assert index == [("00000", "2023-02-01", "晨曦科技发布新芯片")]
    text = (tmp_path / "pool" / "00000.txt").read_text(encoding="utf-8")
    assert text.startswith("晨曦科技发布新芯片\n晨曦科技今日发布新芯片，") and "#" not in text


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_headline_topic_keeps_only_headlines_that_hold_it(tmp_path, monkeypatch):
    index = _pool_index_of_pages(tmp_path, monkeypatch,
                                 [("2023-02-01", "晨曦科技发布新芯片", "公司称芯片将用于手机，" * 30),
                                  ("2023-05-03", "某市举办龙舟赛", "公司赞助，市场热闹，芯片展台也来了，" * 30),
                                  ("2023-07-01", "泓远手机新品上市", "范围之外，" * 60)],
                                 headline_topic="芯片|手机", more_days=[("2023-05-01", "2023-05-31")])
    assert index == [("00000", "2023-02-01", "晨曦科技发布新芯片")]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_pool_drawn_like_the_sets_is_long_enough_no_market_report_and_a_few_a_day(tmp_path, monkeypatch):
    long_body = "晨曦科技今日发布新芯片，" * 40
    index = _pool_index_of_pages(tmp_path, monkeypatch,
                                 [("2023-02-01", "晨曦科技发布新芯片", long_body),
                                  ("2023-02-01", "泓远手机新品上市", long_body),
                                  ("2023-02-01", "青禾芯片工厂投产", long_body),
                                  ("2023-02-02", "港股收评：科技指数涨2％", long_body),
                                  ("2023-02-02", "青禾手机降价", "青禾手机降价五百元。" * 20),
                                  ("2023-02-02", "泓远芯片获奖", long_body)],
                                 min_chars=450, headline_exclude="指数|收评", per_day=2)
    assert [row[1:] for row in index] == [
        ("2023-02-01", "晨曦科技发布新芯片"), ("2023-02-01", "泓远手机新品上市"),   # the day's first two
        ("2023-02-02", "泓远芯片获奖")]   # the market report left out, the short text (200 characters) too


def _clone_of_posts(path, posts):
    """A clone laid out as agora0's monthly archives keep posts: _posts/DAY-OUTLET-slug.html|md,
    a front matter whose title is the headline, then the article (HTML <p>s, or Markdown blocks
    whose blank lines hold a carriage return)."""
    for day, outlet, slug, title, body, html in posts:
        page = (f"---\nlayout: post\ntitle: {title}\ndate: {day} 08:00:00 +08:00\n---\n\n"
                + ("".join(f"<p>{p}</p>" for p in body) if html else "\n\r\n".join(body) + "\n"))
        (path / "_posts").mkdir(parents=True, exist_ok=True)
        (path / "_posts" / f"{day}-{outlet}-{slug}.{'html' if html else 'md'}").write_text(page, encoding="utf-8")
    return _committed(path)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_posts_of_chosen_outlets_in_several_clones_take_their_front_matter_title(tmp_path, monkeypatch):
    para = "（某社台北3日電）晨曦科技今天宣布，新一代晶片將於明年量產，" * 12
    first = _clone_of_posts(tmp_path / "a", [
        ("2024-10-03", "CNA", "chenxi-chip", "晨曦科技：新晶片明年量產", [para, "（編輯：某某）"], True),
        ("2024-10-03", "AJ", "other-feed", "另一家通訊社的晶片報道", [para], True),
        ("2024-09-30", "CNA", "before-the-days", "範圍之外的晶片新聞", [para], True)])
    second = _clone_of_posts(tmp_path / "b", [
        ("2024-12-09", "RTHK", "hongyuan-robot", "泓遠機器人　獲資助擴展研發", [para, "第二段。"], False)])
    monkeypatch.setattr(up, "set_headlines", lambda root=None: set())
    up.build(first, tmp_path / "pool", "2024-10-01", "2024-10-31", layout="posts", outlets={"CNA", "RTHK"},
             also=[second], more_days=[("2024-12-01", "2024-12-31")])
    index = up.read_index(tmp_path / "pool")
    assert index == [("00000", "2024-10-03", "晨曦科技：新晶片明年量產"),
                     ("00001", "2024-12-09", "泓遠機器人 獲資助擴展研發")]   # squeezed like every headline
    assert (tmp_path / "pool" / "00000.txt").read_text(encoding="utf-8") == \
        "晨曦科技：新晶片明年量產\n" + para + "\n（編輯：某某）"
    assert (tmp_path / "pool" / "00001.txt").read_text(encoding="utf-8") == \
        "泓遠機器人 獲資助擴展研發\n" + para + "\n第二段。"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_headline_topic_reads_the_squeezed_headline_not_the_file_name(tmp_path, monkeypatch):
    # `$` meets the headline's end (the file name goes on with .md); a space the name
    # writes as a full-width one is squeezed to a plain one first
    index = _pool_index_of_pages(tmp_path, monkeypatch,
                                 [("2023-02-01", "晨曦科技发布新芯片", "公司称芯片将用于手机，" * 30),
                                  ("2023-02-02", "泓远手机　新品上市", "公司称手机下月开售，" * 30),
                                  ("2023-02-03", "青禾芯片工厂投产", "公司称工厂已经投产，" * 30)],
                                 headline_topic="新芯片$|手机 新品")
    assert [row[2] for row in index] == ["晨曦科技发布新芯片", "泓远手机 新品上市"]


def test_a_title_holding_dashes_stays_whole_in_the_front_matter():
    page = "---\nlayout: post\ntitle: 晨曦科技---新晶片明年量產\n---\n\n<p>第一段。</p><p>第二段。</p>"
    assert up.post_headline_and_paragraphs(page, True) == ("晨曦科技---新晶片明年量產", ["第一段。", "第二段。"])
    crlf = "---\r\ntitle: 泓遠機器人\r\n---\r\n第一段。\n\r\n第二段。\n"
    assert up.post_headline_and_paragraphs(crlf, False)[0] == "泓遠機器人"


def test_outlets_that_name_no_outlet_are_an_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        up.main(["build", str(tmp_path), str(tmp_path / "pool"), "--days", "2024-10-01:2024-10-31",
                 "--layout", "posts", "--outlets", ""])
    assert stop.value.code == 2 and "--outlets" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_recorded_pool_is_rebuilt_exactly_without_the_regexes_that_chose_it(tmp_path, monkeypatch):
    long_body = "晨曦科技今日发布新芯片，" * 40
    clone = _clone_of_pages(tmp_path, [("2023-02-01", "晨曦科技发布新芯片", long_body),
                                       ("2023-02-01", "某市举办龙舟赛", "龙舟赛很热闹，" * 80),
                                       ("2023-02-02", "泓远手机　新品上市", "泓远手机下月开售，" * 60)])
    monkeypatch.setattr(up, "set_headlines", lambda root=None: set())
    up.build(clone, tmp_path / "pool", "2023-02-01", "2023-02-28", headline_topic="芯片|手机")
    listing = tmp_path / "techset.json"
    up.main(["record", str(tmp_path / "pool"), str(listing), "--days", "2023-02-01:2023-02-28",
             "--source", f"someone/news={clone}"])
    recorded = json.loads(listing.read_text(encoding="utf-8"))
    assert [t["name"] for t in recorded["texts"]] == ["00000", "00001"]
    assert "晨曦" not in listing.read_text(encoding="utf-8")      # hashes only: no outlet's text
    assert up.main(["rebuild", str(listing), str(tmp_path / "again"), "--source", f"someone/news={clone}"]) == 0
    for name in ("index.tsv", "00000.txt", "00001.txt"):
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "pool" / name).read_bytes()
    assert not (tmp_path / "again" / "00002.txt").exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_text_the_clone_now_words_otherwise_is_reported_missing_not_taken(tmp_path, monkeypatch, capsys):
    clone = _clone_of_pages(tmp_path, [("2023-02-01", "晨曦科技发布新芯片", "晨曦科技今日发布新芯片，" * 40),
                                       ("2023-02-02", "泓远手机新品上市", "泓远手机下月开售，" * 60)])
    monkeypatch.setattr(up, "set_headlines", lambda root=None: set())
    up.build(clone, tmp_path / "pool", "2023-02-01", "2023-02-28")
    listing = tmp_path / "pool.json"
    up.main(["record", str(tmp_path / "pool"), str(listing), "--days", "2023-02-01:2023-02-28",
             "--source", f"someone/news={clone}"])
    page = clone / "2023-02-02" / "泓远手机新品上市.md"
    page.write_text(page.read_text(encoding="utf-8").replace("下月", "本月"), encoding="utf-8")
    subprocess.run(["git", "-C", str(clone), "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "commit", "-qam", "edited"], check=True)
    assert up.main(["rebuild", str(listing), str(tmp_path / "again"), "--source", f"someone/news={clone}"]) == 1
    printed = capsys.readouterr().out
    assert "not at the recorded commit" in printed and "rebuilt 1 of 2 texts" in printed
    assert up.read_index(tmp_path / "again") == [("00000", "2023-02-01", "晨曦科技发布新芯片")]


def test_rebuild_names_a_source_it_was_not_given(tmp_path, capsys):
    listing = tmp_path / "pool.json"
    listing.write_text(json.dumps({"layout": "daily", "days": "2023-02-01:2023-02-28", "outlets": None,
                                   "sources": [{"repo": "someone/news", "commit": "0" * 40}], "texts": []}),
                       encoding="utf-8")
    assert up.main(["rebuild", str(listing), str(tmp_path / "again")]) == 1
    assert "someone/news" in capsys.readouterr().out
