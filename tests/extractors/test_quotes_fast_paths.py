"""The quotes extractor's fast paths give what the general steps they stand before give.

- `Quotes._inside_word` answers "no" at once for a span that is one token exactly
  (most cue verbs); the general step walks the tokens overlapping the span. Checked on
  every span of one to three characters of the fixture articles, and with tokens that
  are a plain list (no `ends` column), where the fast path must not apply.
- `_SURNAME_NAME` is the old test: two to four characters, each in U+3400-U+9FFF.
"""
from __future__ import annotations

import random
from pathlib import Path

from service.extractors import quotes as Q
from service.nlp.document import build_document
from service.nlp.spans import tokens_in
from service.pipeline import get_pipeline

ROOT = Path(__file__).resolve().parents[2]


def _general(q: Q.Quotes, doc, start: int, end: int) -> bool:
    return any((tok.start < start or tok.end > end) and q.in_dictionary(tok.word)
               and not (tok.end == end and start - tok.start == 1
                        and doc.key[tok.start] in Q.GLUED_POSTPOSITIONS)
               for tok in tokens_in(doc, start, end))


def _quotes() -> Q.Quotes:
    return next(c for c in get_pipeline().components if c.name == "quotes")


def test_inside_word_fast_path_is_the_general_answer():
    q = _quotes()
    segmenter = get_pipeline().segmenter
    checked = one_token = 0
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))[:8]:
        doc = build_document(path.read_text(encoding="utf-8"), segmenter)
        for start in range(len(doc.text) - 3):
            for size in (1, 2, 3):
                want = _general(q, doc, start, start + size)
                assert q._inside_word(doc, start, start + size) == want, (path.name, start, size)
                checked += 1
        one_token += sum(1 for s, e in zip(doc.tokens.starts, doc.tokens.ends) if e - s <= 3)
    assert checked > 10_000 and one_token > 1_000   # the fast path was taken


def test_inside_word_without_token_columns():
    q = _quotes()
    doc = build_document("张三表示，小说和问题都在采访时说了。", get_pipeline().segmenter)
    want = {(s, s + n): _general(q, doc, s, s + n) for s in range(len(doc.text) - 2) for n in (1, 2)}
    doc.tokens = list(doc.tokens)   # a plain Sequence[Token]: no ends column
    for (s, e), answer in want.items():
        assert q._inside_word(doc, s, e) == answer


def test_surname_name_is_the_character_test():
    rnd = random.Random(13)
    pool = ["\u33ff", "\u3400", "\u9fff", "\ua000", "张", "a", "1", " ", "\n", "們", "\U00020000"]
    for _ in range(5000):
        name = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 6)))
        old = 2 <= len(name) <= 4 and all("\u3400" <= c <= "\u9fff" for c in name)
        assert bool(Q._SURNAME_NAME(name)) == old, repr(name)


def test_find_pairs_skips_only_idle_line_breaks():
    """find_pairs passes a line break with no mark open; run at every line break
    (the step it skips), it finds the same pairs on random texts of marks and breaks."""
    import inspect
    import textwrap
    source = textwrap.dedent(inspect.getsource(Q.find_pairs))
    guard = "if stack:   # (nothing open: nothing to close, nothing to forget)"
    assert source.count(guard) == 1
    space = dict(vars(Q))
    exec(source.replace(guard, "if True:"), space)
    every_break = space["find_pairs"]
    rnd = random.Random(7)
    pool = list("“”「」『』‘’\"\n\n。.ab说 ") + ["\n\n", "。\n", "好的。"]
    for _ in range(4000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 40)))
        assert Q.find_pairs(text) == every_break(text), repr(text)
    long = "“" + "字" * 700 + "。\n" + "”" + "\n" * 50 + "「" + "话" * 900 + "」\n"
    assert Q.find_pairs(long) == every_break(long)


def test_cue_gates_and_inlined_token_bounds_change_nothing():
    """_cue tries its complements and prefixes only beside a character one of them has
    there, and _scan reads token bounds inline: forced open, and with the document's
    own starts_token / ends_token, the fixture articles give the same cues, vetoes and
    mentions."""
    import copy
    q = _quotes()
    assert q.complement_firsts and q.prefix_lasts   # the gates are in use
    open_q = copy.copy(q)
    open_q.complement_firsts = open_q.prefix_lasts = None
    segmenter = get_pipeline().segmenter
    found = 0
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        doc = build_document(path.read_text(encoding="utf-8"), segmenter)
        cues, vetoes, mentions = q._scan(doc)
        open_cues, open_vetoes, open_mentions = open_q._scan(doc)
        assert (cues, vetoes, mentions) == (open_cues, open_vetoes, open_mentions), path.name
        # the vetoes and mentions with token bounds as the document tells them
        want_vetoes, want_mentions = {}, []
        for idx, start, end in q.finder.find_matches_as_indexes(doc.key):
            kind = q.kind_of[idx]
            if kind in ("cue", "attitude"):
                if doc.key[start:end] not in q.owner_voices:
                    continue
                kind = Q.UNNAMED   # 聲明: a cue verb, and a voice its owner speaks through
            if not (doc.starts_token(start) and doc.ends_token(end)):
                continue
            if kind in ("naming", "reference"):
                want_vetoes[end] = kind
            else:
                want_mentions.append((start, end, kind))
        assert vetoes == want_vetoes
        assert [(m.start, m.end, m.kind) for m in mentions] == want_mentions
        # every cue the open lists widen, the gated ones widen alike
        for start in range(1, len(doc.key) - 2):
            for end in (start + 1, start + 2):
                assert q._cue(doc, start, end, "cue") == open_q._cue(doc, start, end, "cue")
        found += len(cues)
    assert found > 50


def test_cue_gates_on_every_prefix_and_complement():
    """Each prefix before a verb of saying and each complement after it: the gated
    lists widen the cue as the open ones do (and some do widen it)."""
    import copy
    q = _quotes()
    open_q = copy.copy(q)
    open_q.complement_firsts = open_q.prefix_lasts = None
    segmenter = get_pipeline().segmenter
    widened = 0
    for pre in [""] + list(q.prefixes):
        for comp in [""] + list(q.complements):
            for verb in ("说", "表示", "称"):
                text = f"张三{pre}{verb}{comp}，“我们会赢。”"
                doc = build_document(text, segmenter)
                start = 2 + len(pre)
                end = start + len(verb)
                got = q._cue(doc, start, end, "cue")
                assert got == open_q._cue(doc, start, end, "cue"), text
                widened += got is not None and (got.start, got.end) != (start, end)
    assert widened > 20
