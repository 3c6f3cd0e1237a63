"""Document.latin_word_starts: where a Latin word stands whole in the key view (no ASCII letter
or digit on either side), the index product readers ask per candidate instead of walking the text."""
from __future__ import annotations

import pytest

from service.nlp.document import build_document
from service.pipeline import get_pipeline


def _doc(text):
    return build_document(text, get_pipeline().segmenter)


@pytest.mark.parametrize("text, word, starts", [
    ("影音平台Zorbiq上线后，zorbiq用户破万。", "zorbiq", [4, 14]),        # either case: key is lower-cased
    ("影音平臺zorbiq上線，zorbiqs與zorbiq2不算。", "zorbiq", [4]),          # a longer word is another word
    ("網址xzorbiq與zorbiq.app", "zorbiq", [10]),                           # a letter before it: no; a point after: yes
    ("没有拉丁词的句子。", "zorbiq", []),
])
def test_a_latin_word_is_found_whole_only(text, word, starts):
    assert _doc(text).latin_word_starts(word) == starts


def test_the_index_answers_later_questions_from_the_same_pass():
    doc = _doc("平台qorva与平台velun，qorva再现。")
    assert doc.latin_word_starts("qorva") == [2, 16]
    assert doc.latin_word_starts("velun") == [10]
    assert doc.latin_word_starts("qorv") == []
