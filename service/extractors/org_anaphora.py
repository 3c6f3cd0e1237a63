"""該公司 / 该公司: the organisation such a word points back to, for quotes (該公司表示) and
for employment (該公司總裁X). One list of the words, one resolver; each caller says how it
lists the organisations in a span and which of them cannot be meant (an object, a possessor).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..nlp.document import Document

# Key view (該 is 该, 這 is 这): the words that point back to an organisation.
ORG_ANAPHORS = ("该公司", "该集团", "该企业", "这家公司", "此公司")

MAX_ANTECEDENT_SENTENCES = 3   # earlier sentences searched for the organisation pointed back to
# Characters read back from each sentence's end (or from the anaphor, in its own sentence):
# a long sentence is never read whole (4 * quotes.MAX_SUBJECT_SCAN).
MAX_ANTECEDENT_SCAN = 320


def org_antecedent(doc: Document, pos: int, orgs_in: Callable[[int, int], Sequence],
                   rejected: Callable[[object, int], bool], *, own_sentence: bool = False,
                   skip_sentence: Callable[[int, int], bool] | None = None):
    """The organisation the anaphor at pos refers to: in the nearest sentence (its own before
    it when own_sentence, then up to MAX_ANTECEDENT_SENTENCES earlier ones) naming any, the
    first that is not rejected(org, sentence_start) (its subject) — in its own sentence the
    nearest such (英特爾發布新規後，青禾科技回應，該公司…: the clause just before); None when that sentence
    names only rejected ones (微軟起訴了英特爾。該公司…: 英特爾 is an object, 微軟 the subject).
    orgs_in(lo, hi) lists the organisations (with .start, .end) inside [lo, hi) in text order."""
    k = doc.sentence_index(pos)
    for back in range(0 if own_sentence else 1, MAX_ANTECEDENT_SENTENCES + 1):
        if k - back < 0:
            break
        s = doc.sentences[k - back]
        end = min(s.end, pos)
        if end <= s.start or skip_sentence is not None and skip_sentence(s.start, end):
            continue
        orgs = orgs_in(max(s.start, end - MAX_ANTECEDENT_SCAN), end)
        if not orgs:
            continue
        if back == 0:
            orgs = orgs[::-1]
        return next((o for o in orgs if not rejected(o, s.start)), None)
    return None


# Key view: a word right before an organisation that makes it an object, not the subject
# 該公司 points back to (起訴了英特爾, 向英特爾, 與英特爾); 據 makes it a source.
OBJECT_WORDS = frozenset({"向", "对", "给", "跟", "替", "为", "把", "让", "被", "与", "和", "同",
                          "据", "在", "从", "由"})
ASPECT_PARTICLES = frozenset("了过着")


def plainly_not_subject(doc: Document, start: int, end: int, sentence_start: int) -> bool:
    """An organisation at start..end that 該公司 cannot mean: a possessor (英特爾的), or the
    object of the verb or preposition right before it in its sentence (起訴了英特爾)."""
    if doc.key[end:end + 1] == "的":
        return True
    i = doc.token_index_at(start) - 1 if start > 0 else -1
    while i >= 0 and doc.tokens[i].start >= sentence_start and not doc.tokens[i].word.strip():
        i -= 1
    if i > 0 and doc.key[doc.tokens[i].start:doc.tokens[i].end] in ASPECT_PARTICLES:
        i -= 1
    if i < 0 or doc.tokens[i].start < sentence_start:
        return False
    tok = doc.tokens[i]
    return tok.pos.startswith("v") or doc.key[tok.start:tok.end] in OBJECT_WORDS
