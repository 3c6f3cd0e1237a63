"""Hostile text through the whole pipeline: every input gives a valid Result whose
Spans are exact slices of the text, for work that grows linearly with length.

Each class of the issue is a test: random Unicode (hypothesis), emoji and the code
points around the surrogates, combining marks, zero-width and bidi controls, NUL
and other control bytes, 1,000,000 characters without a punctuation mark, 200,000
digits, 100,000 quote marks unbalanced every way, 「「「『『 nested 5,000 deep, one
sentence repeated 10,000 times, an English article, a Japanese article, HTML
source, and a text mixing all of them. Lone surrogates cannot arrive (they are not
UTF-8, and the API refuses "\\ud800" escapes with a 422: tests/test_api.py).

No test here is timed (the project's rule: speed lives in benchmarks/, as ratios
measured in one run): test_growth_is_linear counts the calls extraction makes at n and
4n characters, by function (tests/work_count.py), and
benchmarks/test_bench_growth.py times the same inputs. tests/extractors/test_quotes.py
covers the quote extractor alone on marks.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.nlp.document import MAX_SENTENCE_CHARS, split_sentences
from service.pipeline import get_pipeline
from tests.work_count import assert_linear

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
REFERENCE_DATE = dt.date(2024, 7, 30)
PUNCTUATION = set("。！？!?；;…，,、:：「」『』“”‘’\"'()（）《》〈〉【】[]—-.\n\r\t ")


def extract_valid(text: str, assert_valid_result) -> dict:
    result = get_pipeline().extract(text, reference_date=REFERENCE_DATE)
    assert_valid_result(result, text)
    assert result["document"]["chars"] == len(text)
    return result


# --- generated text ----------------------------------------------------------------

# Any code point that can arrive in a UTF-8 body: everything but the surrogates.
ANY_CHAR = st.characters(exclude_categories=("Cs",))
# Pieces that make the extractors fire, to be shuffled with noise: names, titles,
# speech verbs, organisations, events, dates, numbers and units, quote marks.
NEWSY = [
    "黃仁勳", "黄仁勋", "扎克伯格", "孫嘉禾", "林宛蓉", "Jensen Huang", "執行長", "CEO", "教授",
    "表示", "說", "指出:", "輝達", "NVIDIA", "星辰智能", "科技公司", "大學", "Labs",
    "SIGGRAPH", "2025星辰開發者大會", "WAIC", "在台北舉行", "第七屆", "發布會",
    "2024年7月30日", "今天", "昨日", "本週二", "早上6點", "台北時間", "美東時間",
    "35%", "100億美元", "新台幣3,000元", "700億參數", "128K上下文", "十萬", "2.5倍",
    "GPT-4o", "Llama 3.1", "H100", "Apple Intelligence",
    "「", "」", "『", "』", "“", "”", "‘", "’", "\"", "。", "，", ",", "、", "：", "\n", " ",
    "\u200b", "\u202e", "\x00", "e\u0301", "👨\u200d👩\u200d👧", "🇹🇼",
]
NEWSY_TEXT = st.lists(st.one_of(st.sampled_from(NEWSY), st.text(ANY_CHAR, max_size=4)),
                      max_size=120).map("".join)
# database=None: no .hypothesis/ directory in the checkout. The fixture is a pure
# function, so sharing it across examples is safe.
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, database=None,
                             suppress_health_check=[HealthCheck.too_slow,
                                                    HealthCheck.function_scoped_fixture])


@PROPERTY_SETTINGS
@given(st.text(ANY_CHAR, max_size=2000))
def test_any_unicode_text_gives_a_valid_result(assert_valid_result, text):
    extract_valid(text, assert_valid_result)


@PROPERTY_SETTINGS
@given(NEWSY_TEXT)
def test_news_fragments_shuffled_with_noise_give_a_valid_result(assert_valid_result, text):
    result = extract_valid(text, assert_valid_result)
    ids = [p["id"] for p in result["participants"]]
    assert len(ids) == len(set(ids))
    for quote in result["quotes"]:
        assert quote["span"]["text"] == quote["text"]


# --- named hostile inputs ------------------------------------------------------------

def emoji_and_surrogate_neighbours() -> str:
    pieces = [
        "黃仁勳說", "👨\u200d👩\u200d👧\u200d👦", "🇹🇼🇨🇳", "👍🏽", "❤\ufe0f", "☺\ufe0e", "🤖",
        "\ud7ff", "\ue000", "\uf8ff", "\ufffd", "\ufffe", "\uffff", "\U00010000",
        "\U0001f600", "\U000e0041", "\U000f0000", "\U0010fffd", "\U0010ffff", "輝達",
    ]
    return "".join(random.Random(1).choice(pieces) for _ in range(20_000))


def combining_marks() -> str:
    marks = [chr(c) for c in range(0x300, 0x370)] + ["\u20dd", "\u3099", "\u309a"]
    r = random.Random(2)
    return "".join(c + "".join(r.choices(marks, k=r.randint(0, 12)))
                   for c in ("黃仁勳表示e" * 5_000))


def zero_width_and_bidi() -> str:
    controls = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b",
                "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                "\u2060", "\ufeff", "\u00ad", "\u034f", "\u061c", "\u180e"]
    r = random.Random(3)
    return "".join(c + r.choice(controls) for c in SEED * 4)


def nul_and_controls() -> str:
    controls = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xa0)]
    r = random.Random(4)
    return "".join(c + (r.choice(controls) if r.random() < 0.3 else "") for c in SEED * 4)


def no_punctuation(chars: int) -> str:
    """The seed's own words with every punctuation mark and space taken out."""
    han = "".join(c for c in SEED if c not in PUNCTUATION and not c.isspace())
    return (han * (chars // len(han) + 1))[:chars]


def unbalanced_quotes(chars: int = 100_000) -> str:
    marks = "「」『』“”‘’\"'《》〈〉【】"
    return "".join(random.Random(5).choice(marks) for _ in range(chars))


def nested_quotes(closed: bool) -> str:
    opens = "「「「『『" * 1_000   # 5,000 levels
    text = "孫嘉禾說:" + opens + "我們會贏。"
    if closed:
        text += "".join({"「": "」", "『": "』"}[c] for c in reversed(opens))
    return text


# Repeated 10,000 times: one person with 10,000 mentions, an organisation, a title.
# (A sentence with a quote and a fact as well takes ~3x as long, most of it in the
# JSON Schema check of 20,000 items; test_growth_is_linear times that one instead.)
REPEATED_SENTENCE = "星辰智能執行長孫嘉禾表示,公司將推出新模型。"
DENSE_SENTENCE = "星辰智能執行長孫嘉禾7月30日在2025星辰開發者大會上表示:「營收成長了35%。」"

ENGLISH_ARTICLE = """\
SANTA CLARA, Calif., July 30, 2024 -- Nvidia founder and CEO Jensen Huang told the \
SIGGRAPH 2024 audience in Denver on Monday that "everybody will have an AI assistant." \
Speaking with Meta's Mark Zuckerberg, Huang said the company's H100 and Blackwell GPUs \
would power a $3 trillion build-out over the next decade; Zuckerberg added that Llama 3.1, \
with 405 billion parameters and a 128K-token context window, was downloaded 300 million \
times. "It's the iPhone moment of AI," Huang said, repeating a line from GTC 2023. \
Shares rose 12.8% to $117.02, giving the company a market value of about $2.9 trillion. \
Dr. Bill Dally, chief scientist, said 'the next 10x' would come from software. \
""" * 3

JAPANESE_ARTICLE = """\
【東京】エヌビディアのジェンスン・フアンCEOは2024年7月30日、米デンバーで開かれた\
SIGGRAPH 2024の対談で「AIは新しい産業革命だ」と述べた。メタのマーク・ザッカーバーグCEOも\
登壇し、「Llama 3.1」は4050億パラメータで、12万8000トークンの文脈を扱えると説明した。\
同社の株価は前日比12.8%高の117.02ドルで取引を終え、時価総額は約2兆9000億ドルとなった。\
ソフトバンクグループの孫正義会長は「ASIは10年以内に来る」と語った。
""" * 3

HTML_SOURCE = """\
<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">
<title>輝達執行長黃仁勳：AI 工廠時代來臨 | 科技新報</title>
<script>window.__DATA__ = {"author": "林宛蓉", "tags": ["「AI」", '『晶片』'], "n": 1e309};
if (a < b && c > d) { document.write("<p class=\\"x\\">" + '」」' + "</p>"); }</script>
<style>p::before { content: "「"; } .q:after { content: '」' }</style></head>
<body><!-- 孫嘉禾說:「這是註解」 --><![CDATA[ 「未閉合 ]]>
<article data-quote='黃仁勳說:「假的」'><h1>黃仁勳：&ldquo;AI 工廠&rdquo;時代來臨</h1>
<p>在台北時間2024年7月30日早上6點,黃仁勳與扎克伯格在SIGGRAPH上對談。&#x9EC3;&#40644;&amp;</p>
<p>輝達執行長黃仁勳表示:「每個人都會有 AI 助理。」股價上漲 <b>12.8%</b>。</p>
<img src="x.png" alt="「" onerror="alert('」')"><br/><table><tr><td>營收</td><td>300億美元</td></tr></table>
</article></body></html>
""" * 5


def mixed() -> str:
    parts = [SEED, ENGLISH_ARTICLE, JAPANESE_ARTICLE, HTML_SOURCE, emoji_and_surrogate_neighbours()[:3000],
             combining_marks()[:3000], zero_width_and_bidi()[:3000], nul_and_controls()[:3000],
             no_punctuation(20_000), "7" * 20_000, unbalanced_quotes(10_000), nested_quotes(False),
             REPEATED_SENTENCE * 200, DENSE_SENTENCE * 200]
    random.Random(6).shuffle(parts)
    # One part a paragraph: a quote mark left open by one part may not pair with
    # the next part's (quotes never span a line break), as in any article.
    return "\n".join(parts)


HOSTILE = {
    "emoji-and-surrogate-neighbours": emoji_and_surrogate_neighbours,
    "combining-marks": combining_marks,
    "zero-width-and-bidi": zero_width_and_bidi,
    "nul-and-controls": nul_and_controls,
    "1m-chars-no-punctuation": lambda: no_punctuation(1_000_000),
    "200k-digits": lambda: "7" * 200_000,
    "200k-mixed-digits": lambda: "".join(random.Random(7).choice("0123456789.,%萬億") for _ in range(200_000)),
    "100k-unbalanced-quotes": unbalanced_quotes,
    "nested-5000-open": lambda: nested_quotes(False),
    "nested-5000-closed": lambda: nested_quotes(True),
    "sentence-repeated-10000": lambda: REPEATED_SENTENCE * 10_000,
    "english-article": lambda: ENGLISH_ARTICLE,
    "japanese-article": lambda: JAPANESE_ARTICLE,
    "html-source": lambda: HTML_SOURCE,
    "mixed": mixed,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text(name, assert_valid_result):
    text = HOSTILE[name]()
    result = extract_valid(text, assert_valid_result)
    if name == "sentence-repeated-10000":
        # All 10,000 found; the Result lists the first MAX_MENTIONS_PER_ITEM and says so.
        from service.bounds import MAX_MENTIONS_PER_ITEM
        [person] = result["participants"]
        assert person["id"] == "sun-jiahe" and len(person["mentions"]) == MAX_MENTIONS_PER_ITEM
        assert any(f"more than {MAX_MENTIONS_PER_ITEM} mentions" in w for w in result["warnings"])
    if name == "nested-5000-open":
        assert result["quotes"] == []
    if name in ("english-article", "mixed"):
        assert "jensen-huang" in {p["id"] for p in result["participants"]}
    if name == "mixed":
        # The seed's quotes survive the noise around them.
        seed_quotes = {q["text"] for q in get_pipeline().extract(SEED)["quotes"]}
        assert seed_quotes <= {q["text"] for q in result["quotes"]}


def test_sentences_are_capped_so_no_rule_goes_quadratic():
    text = no_punctuation(100_000) + "，" + "a b " * 1_000
    spans = split_sentences(text)
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
    assert max(s.end - s.start for s in spans) <= MAX_SENTENCE_CHARS
    # Where there is a space or comma to cut at, the cut is there.
    assert all(text[s.end - 1] in " ，" for s in spans[-5:-1])


# --- linear growth ------------------------------------------------------------------

def _event_names(chars: int) -> str:
    """Thousands of distinct events with and without years, people and dates in one
    unpunctuated run: the kind of input that made the events extractor quadratic
    (8.5 s at 20,000 characters, 90 s at 80,000) before it indexed its mentions, and
    the people extractor's str.find per name superlinear."""
    r = random.Random(8)
    han = "明華偉芳秀英敏靜麗強磊軍洋勇傑娟濤超輝剛平鵬"
    surnames = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何林羅高"
    out, size = [], 0
    while size < chars:
        name = r.choice(surnames) + r.choice(han) + r.choice(han)
        piece = r.choice([f"{name}開發者大會{r.randint(1990, 2090)}", f"{name}開發者大會",
                          f"執行長{name}", "2024年7月30日", "在台北舉行", "第3屆"])
        out.append(piece)
        size += len(piece)
    return "".join(out)[:chars]


def _oneoff_events(chars: int) -> str:
    """One-off events of every kind, releases and modifiers in one unpunctuated lead:
    the words a one-off event's name walks back over, and thousands of drafts that
    a release looks its host up among."""
    r = random.Random(15)
    pieces = ["蘋果", "台積電", "小米", "發表會", "法說會", "股東會", "黑客松", "全球", "新品", "第三季",
              "2024年", "發布", "推出了", "iPhone 16", "「Glow」", "的開幕式", "在發布會上", "iPad Pro"]
    out, size = [], 0
    while size < chars:
        piece = r.choice(pieces)
        out.append(piece)
        size += len(piece)
    return "".join(out)[:chars]


def _secretary_titles(chars: int) -> str:
    """Offices told only in their heads' titles (財政司司長, 律政司副司長), over and over:
    each office's every mention was looked for in the whole text, at each mention."""
    r = random.Random(30)
    fields = ["財政", "律政", "保安", "政務", "運輸", "創新", "教育", "衛生"]
    out, size = [], 0
    while size < chars:
        piece = r.choice([f"{r.choice(fields)}司司長", f"{r.choice(fields)}司副司長", "周志明表示", "，", "。"])
        out.append(piece)
        size += len(piece)
    return "".join(out)[:chars]


@pytest.mark.parametrize("make", [no_punctuation, _event_names, _oneoff_events, unbalanced_quotes,
                                  lambda n: DENSE_SENTENCE * (n // len(DENSE_SENTENCE)), _secretary_titles],
                         ids=["no-punctuation", "event-names", "oneoff-events", "unbalanced-quotes",
                              "dense-sentence", "secretary-titles"])
def test_growth_is_linear(make):
    # Calls counted, not time: 4x the text, about 4x the calls, and no function's
    # calls growing faster than that (a quadratic step: 16x).
    assert_linear(get_pipeline().extract, make, 10_000, 40_000)


def _growth_input(name: str):
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import test_bench_growth
    return test_bench_growth.INPUTS[name]


# benchmarks/test_bench_growth.py's inputs, counted here (never timed): the seed repeated,
# organisations named in full and abbreviated clause after clause (one entity collecting a
# mention per clause), companies and Latin-named executives, product names. digits are
# compared at 40k and 160k: below that a random run of digits reads as a name only now and
# then (at 10k no person at all), a rule's first firing, not a trend.
@pytest.mark.parametrize("name, small", [("seed", 10_000), ("abbreviations", 10_000),
                                         ("company-clauses", 10_000), ("latin-executives", 10_000),
                                         ("product-names", 10_000), ("digits", 40_000)])
def test_the_benchmarks_growth_inputs_make_linear_calls(name, small):
    assert_linear(get_pipeline().extract, _growth_input(name), small, 4 * small)
