"""split_pieces: each piece's key, separator and letter start (invented names)."""
import pytest

from service.extractors.product_pieces import split_pieces


@pytest.mark.parametrize("text, expected", [
    ("Zorak2.5-70B", [("zorak", "", True), ("2.5", "", False), ("70b", "-", False)]),
    ("Quill 7 Pro+", [("quill", "", True), ("7", " ", False), ("pro+", " ", True)]),
    ("9x Velta_X", [("9x", "", False), ("velta", " ", True), ("x", "_", True)]),
    ("4o", [("4o", "", False)]),
])
def test_pieces(text, expected):
    pieces = split_pieces(text, 10)
    assert [(p.key, p.sep, p.letters) for p in pieces] == expected
    assert pieces[0].start == 10 and pieces[-1].end == 10 + len(text.rstrip())


def test_letters_is_alpha_of_first_character():
    for text in ("a1 B2-c3", "0zed 1.2.3x Yo+", "Mx_9 8k"):
        assert all(p.letters == p.key[:1].isalpha() for p in split_pieces(text))
