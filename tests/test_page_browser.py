"""The page at GET /, in a real headless Chromium (Debian's package, driven by Playwright).

Loads the page, extracts the seed through the live server, and checks that what is
highlighted, and which quote points at which speaker, is exactly the API's Result;
then the same with a crafted Result that has every section, markup in the text and
an astral character before the spans. Screenshots go to the test's tmp_path and to
test-output/ at the repository root.
"""
from __future__ import annotations

import json
import os
import shutil
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = REPO_ROOT / "test-output"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Headless and offline: nothing but the page's own origin is contacted.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STEP_TIMEOUT_MS = 20_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
TYPE_SECTIONS = {"event": "events", "person": "participants", "org": "organizations",
                 "product": "products"}


def _chromium_or_skip():
    if not Path(CHROMIUM).exists():
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    _chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh user-data-dir
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport=DESKTOP, timeout=STEP_TIMEOUT_MS * 3)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    page.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def save_screenshot(page, tmp_path: Path, name: str, full_page: bool = True) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=full_page)
    OUTPUT_DIR.mkdir(exist_ok=True)
    shutil.copy(path, OUTPUT_DIR / name)
    return path


def api_extract(base: str, text: str) -> dict:
    req = urllib.request.Request(f"{base}/v1/extract", data=json.dumps({"text": text}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def positions(spans) -> set[int]:
    return {i for s in spans for i in range(s["start"], s["end"])}


def expected_by_type(result: dict) -> dict[str, set[int]]:
    want = {t: positions(m for item in result[section] for m in item["mentions"])
            for t, section in TYPE_SECTIONS.items()}
    want["fact"] = positions(f["span"] for f in result["quantitative_facts"])
    want["quote"] = positions(q["span"] for q in result["quotes"])
    want["time"] = positions(t["span"] for t in result.get("time_expressions", []))
    want["staff"] = positions(c["span"] for c in result.get("credited_staff", []))
    return want


def dom_pieces(page) -> list[dict]:
    return page.eval_on_selector_all("#article .hl", """nodes => nodes.map(n => ({
        start: +n.dataset.start, end: +n.dataset.end, text: n.textContent,
        types: n.dataset.types.split(' '), refs: n.dataset.refs.split(' '),
        speaker: n.dataset.speaker === undefined ? null : n.dataset.speaker,
        classes: [...n.classList]}))""")


def covered(pieces, predicate) -> set[int]:
    return {i for p in pieces if predicate(p) for i in range(p["start"], p["end"])}


def assert_page_matches_result(page, text: str, result: dict) -> list[dict]:
    assert page.text_content("#article") == text  # every character shown, as text
    pieces = dom_pieces(page)
    code_points = list(text)
    for p in pieces:  # each highlighted piece sits at its code-point offsets
        assert "".join(code_points[p["start"]:p["end"]]) == p["text"]
    for kind, want in expected_by_type(result).items():
        assert covered(pieces, lambda p: kind in p["types"]) == want, kind
    # Each entity's own mentions, not just its type's.
    for kind, section in TYPE_SECTIONS.items():
        for i, item in enumerate(result[section]):
            ref = f"{kind}:{i}"
            assert covered(pieces, lambda p: ref in p["refs"]) == positions(item["mentions"]), ref
    # Every piece of a quote carries its speaker.
    for i, quote in enumerate(result["quotes"]):
        quoted = [p for p in pieces if f"quote:{i}" in p["refs"]]
        assert quoted and all((quote["speaker"] or "") in p["speaker"].split(" ") for p in quoted)
    return pieces


def extract_in_page(page):
    page.click("#extract")
    page.wait_for_selector("body[data-state=done]")


def load_seed_and_extract(page, base: str) -> str:
    page.goto(base + "/")
    page.wait_for_selector("body[data-state=ready]")
    page.click("#load-sample")
    # Not wait_for_function: the page's CSP forbids eval, which it would need.
    page.wait_for_selector("body[data-state=sample-loaded]")
    extract_in_page(page)
    return page.input_value("#text")


def test_seed_highlights_match_the_api(page, live_server, tmp_path):
    page.set_viewport_size(DESKTOP)
    text = load_seed_and_extract(page, live_server)
    result = api_extract(live_server, text)
    pieces = assert_page_matches_result(page, text, result)
    assert pieces, "nothing highlighted"
    # The legend names every type with its count, and each table has a row per item.
    labels = page.eval_on_selector_all("#legend label", "ns => ns.map(n => n.textContent)")
    assert labels == [f"Events ({len(result['events'])})", f"People ({len(result['participants'])})",
                      f"Organisations ({len(result['organizations'])})",
                      f"Products ({len(result['products'])})",
                      f"Facts ({len(result['quantitative_facts'])})", f"Quotes ({len(result['quotes'])})",
                      f"Times ({len(result['time_expressions'])})",
                      f"Credited staff ({len(result['credited_staff'])})"]
    for section in ("participants", "organizations", "events", "products", "quantitative_facts", "quotes",
                    "time_expressions", "credited_staff"):
        rows = page.locator(f"[data-section={section}] tbody tr").count()
        assert rows == len(result[section]), section
    # Choosing a person in the table outlines exactly that person's mentions.
    page.click("[data-section=participants] button[data-ref='person:0']")
    active = covered(dom_pieces(page), lambda p: "is-active" in p["classes"])
    assert active == positions(result["participants"][0]["mentions"])
    save_screenshot(page, tmp_path, "page-desktop.png")


def test_phone_width_has_no_sideways_scroll(page, live_server, tmp_path):
    page.set_viewport_size(PHONE)
    load_seed_and_extract(page, live_server)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide at {PHONE['width']}px"
    save_screenshot(page, tmp_path, "page-phone.png")
    # What a person sees on the screen: the highlighted article, then the tables.
    page.evaluate("document.getElementById('found-heading').scrollIntoView()")
    save_screenshot(page, tmp_path, "page-phone-article.png", full_page=False)
    page.evaluate("document.getElementById('tables-heading').scrollIntoView()")
    save_screenshot(page, tmp_path, "page-phone-tables.png", full_page=False)


# --- a crafted Result: every section, markup in the text, an astral character ------

PREFIX = '🤖<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
BODY = ("台北時間2024年7月30日,黃仁勳在SIGGRAPH 2024上表示:“AI工廠來了。”"
        "輝達營收609億美元。Meta發佈Llama 3.1,支援128k上下文。黃仁勳說:“<b>加速</b>。”(記者林小雯)")
CRAFTED_TEXT = PREFIX + BODY


def _span(needle: str, nth: int = 0) -> dict:
    cps = list(CRAFTED_TEXT)
    target = list(needle)
    hits = [i for i in range(len(cps)) if cps[i:i + len(target)] == target]
    start = hits[nth]
    return {"start": start, "end": start + len(target), "text": needle}


def crafted_result() -> dict:
    event = {"id": "siggraph-2024", "name": "SIGGRAPH 2024", "series": "SIGGRAPH", "year": 2024,
             "date": "2024-07-30", "time": None, "utc_offset": "+08:00",
             "date_text": _span("台北時間2024年7月30日"), "location": None, "edition": None,
             "organizer": None, "participants": ["jensen-huang"], "mentions": [_span("SIGGRAPH 2024")]}
    return {
        "schema_version": "1.0",
        "document": {"id": None, "chars": len(CRAFTED_TEXT), "script": "traditional"},
        "event": event, "events": [event],
        "participants": [{"id": "jensen-huang", "name": "黃仁勳", "name_en": "Jensen Huang",
                          "aliases": ["黃仁勳"], "organization": "nvidia", "title": "CEO",
                          "role": "participant", "mentions": [_span("黃仁勳"), _span("黃仁勳", 1)],
                          "confidence": 0.95}],
        "organizations": [
            {"id": "nvidia", "name": "輝達", "name_en": "NVIDIA", "aliases": ["輝達"],
             "mentions": [_span("輝達")], "confidence": 0.93, "inferred": False},
            {"id": "meta", "name": "Meta", "name_en": "Meta", "aliases": [],
             "mentions": [], "confidence": 0.9, "inferred": True},
            # A name that is markup: must show as text, never become an element.
            {"id": "script-corp", "name": "<script>", "name_en": None, "aliases": ["<script>"],
             "mentions": [_span("<script>")], "confidence": 0.2, "inferred": False}],
        "products": [{"id": "llama-3.1", "name": "Llama 3.1", "vendor": "meta", "category": "model",
                      "variants": [], "context_window": {"tokens": 128000, "text": "128k"},
                      "description": None, "mentions": [_span("Llama 3.1")], "confidence": 0.9}],
        "quantitative_facts": [{
            "kind": "money", "value": 60900000000, "approximate": False, "min": None, "max": None,
            "unit": "USD", "counted": None, "text": "609億美元", "span": _span("609億美元"), "subject": "輝達營收",
            "entity": "nvidia", "sentence": _span("輝達營收609億美元。"), "confidence": 0.875}],
        "quotes": [
            {"text": "AI工廠來了。", "span": _span("AI工廠來了。"), "speaker": "jensen-huang",
             "speaker_name": "黃仁勳", "cue": "表示", "cue_span": _span("表示"),
             "speaker_span": _span("黃仁勳"), "confidence": 0.92},
            {"text": "<b>加速</b>。", "span": _span("<b>加速</b>。"), "speaker": "jensen-huang",
             "speaker_name": "黃仁勳", "cue": "說", "cue_span": _span("說"),
             "speaker_span": _span("黃仁勳", 1), "confidence": 0.9}],
        "time_expressions": [{
            "text": "台北時間2024年7月30日", "span": _span("台北時間2024年7月30日"), "kind": "date",
            "timex": "2024-07-30", "value": "2024-07-30", "start": None, "end": None,
            "utc_offset": "+08:00", "grain": "day", "fiscal": False}],
        "credited_staff": [{"name": "林小雯", "role": "reporter", "span": _span("林小雯")}],
        "warnings": ['<img src=x onerror="window.__pwned=3">'],
    }


def test_crafted_result_renders_safely_and_links_quotes(page, live_server, tmp_path,
                                                        assert_valid_result):
    result = crafted_result()
    assert_valid_result(result, CRAFTED_TEXT)  # a Result the API could have sent
    page.set_viewport_size(DESKTOP)
    page.route("**/v1/extract", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(result, ensure_ascii=False)))
    page.goto(live_server + "/")
    page.wait_for_selector("body[data-state=ready]")
    page.fill("#text", CRAFTED_TEXT)
    page.focus("#text")
    page.keyboard.press("Control+Enter")  # extract from the keyboard
    page.wait_for_selector("body[data-state=done]")

    assert_page_matches_result(page, CRAFTED_TEXT, result)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#article img, #article script, #article b, #tables img, #tables b").count() == 0
    assert "<script>" in page.text_content("[data-section=organizations]")
    # An inferred organisation says so where a named one counts its mentions.
    meta_row = page.locator("[data-section=organizations] tbody tr").nth(1).text_content()
    assert "Meta" in meta_row and "inferred" in meta_row
    assert '<img src=x onerror="window.__pwned=3">' in page.text_content("[data-section=warnings]")

    # The credited reporter is shown apart from the people of the news.
    staff_row = page.locator("[data-section=credited_staff] tbody tr").nth(0).text_content()
    assert "林小雯" in staff_row and "reporter" in staff_row
    assert "林小雯" not in page.text_content("[data-section=participants]")

    # Keyboard: from the last legend checkbox, Tab reaches the first quote, which then
    # names its speaker and outlines the speaker's mentions.
    page.focus("#show-staff")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.quote") == "0"
    info = page.locator("#quote-info")
    assert info.get_attribute("data-speaker") == "jensen-huang"
    assert "Speaker: 黃仁勳" in info.text_content()
    pieces = dom_pieces(page)
    person = result["participants"][0]
    assert covered(pieces, lambda p: "is-speaker" in p["classes"]) == positions(person["mentions"])
    assert covered(pieces, lambda p: "is-quote" in p["classes"]) == positions([result["quotes"][0]["span"]])
    save_screenshot(page, tmp_path, "page-quote-focus.png")

    # Tab again: the second quote, whose text is markup, shown as text.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.quote") == "1"
    assert "<b>加速</b>" in info.text_content()

    # The legend's checkboxes work from the keyboard: Space hides people.
    page.focus("#show-person")
    page.keyboard.press("Space")
    assert "hide-person" in page.get_attribute("#article", "class")
    page.keyboard.press("Space")
    assert "hide-person" not in page.get_attribute("#article", "class")


def test_a_section_the_page_does_not_know_still_shows(page, live_server, tmp_path):
    # A section and a field added to the JSON Schema, and nothing else: the page shows
    # the section as a table of its fields, and every field in the Result's JSON.
    result = crafted_result()
    result["gadgets"] = [{"name": "<i>x</i>", "span": _span("Llama 3.1"), "grams": 1250,
                          "tags": ["a", "b"], "approximate": True}]
    result["participants"][0]["nickname"] = "老黃"
    page.set_viewport_size(DESKTOP)
    page.route("**/v1/extract", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(result, ensure_ascii=False)))
    page.goto(live_server + "/")
    page.wait_for_selector("body[data-state=ready]")
    page.fill("#text", CRAFTED_TEXT)
    extract_in_page(page)

    section = "[data-section=gadgets]"
    assert page.text_content(f"{section} caption") == "Gadgets"
    headers = page.eval_on_selector_all(f"{section} th", "ns => ns.map(n => n.textContent)")
    assert headers == ["name", "span", "grams", "tags", "approximate"]
    cells = page.eval_on_selector_all(f"{section} tbody td", "ns => ns.map(n => n.textContent)")
    assert cells == ["<i>x</i>", "Llama 3.1", "1,250", "a, b", "yes"]
    assert page.locator("#tables i").count() == 0  # markup stays text
    # Known sections keep their own tables, once each.
    assert page.locator("[data-section=participants]").count() == 1
    assert '"nickname": "老黃"' in page.text_content("[data-section=json] pre")
    assert_page_matches_result(page, CRAFTED_TEXT, result)
