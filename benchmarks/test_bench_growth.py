"""Linear growth: whole extraction of the seed concatenated 1x, 4x, 16x and 64x,
and of pathological inputs of the same sizes, reported as time per character.

Run: python -m pytest benchmarks/test_bench_growth.py --benchmark-only -s
Time per character must not grow with size: the table printed at the end shows it
per input and size, with the 64x/1x ratio (1 is linear; a quadratic step would show
~64). The test suite runs each once (--benchmark-disable) and fails on a ratio over 4.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
SIZES = (1, 4, 16, 64)   # multiples of the seed's length (5,316 characters)
# One-shot timings in CI are noisy, and 1x carries the fixed cost per document:
# a ratio over 4 still means per-character time grew with size.
MAX_RATIO = 4.0
PUNCTUATION = set("。！？!?；;…，,、:：「」『』“”‘’\"'()（）《》〈〉【】[]—-.")
SECONDS_PER_CHAR: dict[tuple[str, int], float] = {}


def _fill(pieces, chars: int, seed: int) -> str:
    r = random.Random(seed)
    out, size = [], 0
    while size < chars:
        piece = pieces(r)
        out.append(piece)
        size += len(piece)
    return "".join(out)[:chars]


def seed_text(chars: int) -> str:
    return (SEED * (chars // len(SEED) + 1))[:chars]


def no_punctuation(chars: int) -> str:
    han = "".join(c for c in SEED if c not in PUNCTUATION and not c.isspace())
    return (han * (chars // len(han) + 1))[:chars]


def unbalanced_quotes(chars: int) -> str:
    return _fill(lambda r: r.choice("「」『』“”‘’\"《》"), chars, 1)


def event_names(chars: int) -> str:
    """Distinct events with and without years, people and dates in one unpunctuated
    run (what once made the events extractor quadratic)."""
    han, surnames = "明華偉芳秀英敏靜麗強磊軍洋勇傑娟濤超輝剛平鵬", "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何林羅高"

    def piece(r):
        name = r.choice(surnames) + r.choice(han) + r.choice(han)
        return r.choice([f"{name}開發者大會{r.randint(1990, 2090)}", f"{name}開發者大會",
                         f"執行長{name}", "2024年7月30日", "在台北舉行", "第3屆"])
    return _fill(piece, chars, 2)


def oneoff_events(chars: int) -> str:
    """One-off events of every kind, releases and modifiers in one unpunctuated lead: the
    words a one-off event's name walks back over, and thousands of drafts that a release
    looks its host up among (tests/test_hostile_text.py counts its calls)."""
    return _fill(lambda r: r.choice(["蘋果", "台積電", "小米", "發表會", "法說會", "股東會", "黑客松", "全球",
                                     "新品", "第三季", "2024年", "發布", "推出了", "iPhone 16", "「Glow」",
                                     "的開幕式", "在發布會上", "iPad Pro"]), chars, 15)


def dense_dates(chars: int) -> str:
    """Time expressions of every shape back to back, unpunctuated (tests/timex counts its
    calls)."""
    return _fill(lambda r: r.choice(["2024年7月30日早上6點", "台北時間", "7月30日至8月2日", "第三季",
                                     "下午5:00到6:00", "過去三年", "每周一", "二〇二四年十二月三日", "29日"]),
                 chars, 16)


def dense_sentence(chars: int) -> str:
    s = "星辰智能執行長孫嘉禾7月30日在2025星辰開發者大會上表示:「營收成長了35%。」"
    return (s * (chars // len(s) + 1))[:chars]


def digits(chars: int) -> str:
    return _fill(lambda r: r.choice("0123456789.,%萬億元"), chars, 3)


def number_unit(chars: int) -> str:
    """A number and a unit again and again without punctuation: a quantity every two
    characters (what once made the facts stage cost ~115 us per character)."""
    return _fill(lambda r: r.choice(["1年", "1個", "1倍", "3%", "5元"]), chars, 4)


def product_names(chars: int) -> str:
    """Distinct product names (brand, series, code, suffix), their short forms, sibling
    codes and quoted names: every one a new form for the product grammar to look for."""
    def piece(r):
        n = r.randint(1, 9999)
        return r.choice([f"三星Galaxy S{n} Ultra", f"OPPO發表Find X{n} Pro,X{n} Pro", f"小米{n % 99 + 1}",
                         f"尼康Z{n % 9 + 1}", f"M{n % 9 + 1}晶片", f"推出名為「星{n % 97}」的手機", "與", "。"])
    return _fill(piece, chars, 4)


def company_clauses(chars: int) -> str:
    """Clause after clause naming a new company by an industry word and its executive
    speaking (廠XXXX電子總經理王大明表示，): the organisations' suffix walk once rebuilt the
    strings of every name found so far at each industry word (7x the time per character
    at 16x the length)."""
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    return _fill(lambda r: f"廠{''.join(r.choice(letters) for _ in range(4))}電子總經理王大明表示，", chars, 5)


def latin_executives(chars: int) -> str:
    """Clause after clause of a new Latin-named company and its executive speaking
    (Xxxxx Labs的CEO Yyyy說，): people's employers once looked for a company written
    the same way by reading every mention of every organisation (1.8x the time per
    character at 16x the length)."""
    def word(r, n):
        return r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(r.choice("aeioulnrstkm") for _ in range(n))
    return _fill(lambda r: f"{word(r, 5)} Labs的{r.choice(['CEO', 'CTO'])} {word(r, 4)}說，", chars, 6)


ABBREVIATION_HAN = sorted({c for c in SEED if "\u4e00" <= c <= "\u9fff"} - set("會電交易委員"))


def abbreviations(chars: int) -> str:
    """One unpunctuated run of new organisations named in full (XY交易委員會, XYZW電子) and
    their abbreviations before titles (XW會副主委…說, XZ電總經理…表示): people's employers once
    read every mention of every organisation for each abbreviation length, and the
    organisations' bare and short-placed bodies every name for each body (organisations
    2.75x the time per character at 16x the length)."""
    def piece(r):
        a, b, c, d = (r.choice(ABBREVIATION_HAN) for _ in range(4))
        return r.choice([f"{a}{b}交易委員會", f"{a}{d}會副主委王大明說", f"{a}{b}{c}{d}電子",
                         f"{a}{c}電總經理林小華表示", f"與{b}{c}光電"])
    return _fill(piece, chars, 7)


INPUTS = {
    "seed": seed_text,
    "product-names": product_names,
    "no-punctuation": no_punctuation,
    "unbalanced-quotes": unbalanced_quotes,
    "event-names": event_names,
    "oneoff-events": oneoff_events,
    "dense-dates": dense_dates,
    "dense-sentence": dense_sentence,
    "digits": digits,
    "number-unit": number_unit,
    "company-clauses": company_clauses,
    "latin-executives": latin_executives,
    "abbreviations": abbreviations,
}


@pytest.mark.benchmark(group="growth")
@pytest.mark.parametrize("times", SIZES, ids=[f"{n}x" for n in SIZES])
@pytest.mark.parametrize("kind", INPUTS)
def test_growth(benchmark, pipeline, kind, times):
    text = INPUTS[kind](len(SEED) * times)
    runs: list[float] = []

    def extract():
        # CPU time, not wall time: on a shared machine other processes' load would
        # otherwise show up as per-character time.
        started = time.process_time()
        result = pipeline.extract(text)
        runs.append(time.process_time() - started)
        return result

    result = benchmark.pedantic(extract, rounds=3, iterations=1, warmup_rounds=0)
    assert result["document"]["chars"] == len(text)
    SECONDS_PER_CHAR[(kind, times)] = min(runs) / len(text)
    if times == SIZES[-1] and (kind, SIZES[0]) in SECONDS_PER_CHAR:
        base = min(SECONDS_PER_CHAR[(kind, n)] for n in SIZES[:-1] if (kind, n) in SECONDS_PER_CHAR)
        ratio = SECONDS_PER_CHAR[(kind, times)] / base
        assert ratio < MAX_RATIO, (
            f"{kind}: {ratio:.1f}x the time per character at {times}x the seed's length")


def teardown_module(module):
    if not SECONDS_PER_CHAR:
        return
    print("\nwhole extraction, microseconds of CPU time per character "
          f"(sizes: {', '.join(f'{n}x = {n * len(SEED):,}' for n in SIZES)} characters):")
    print(f"  {'input':18s}" + "".join(f"{f'{n}x':>9s}" for n in SIZES) + f"   {SIZES[-1]}x/1x")
    for kind in INPUTS:
        row = [SECONDS_PER_CHAR.get((kind, n)) for n in SIZES]
        cells = "".join(f"{v * 1e6:9.2f}" if v else f"{'-':>9s}" for v in row)
        ratio = f"{row[-1] / row[0]:9.2f}" if row[0] and row[-1] else ""
        print(f"  {kind:18s}{cells}{ratio}")
