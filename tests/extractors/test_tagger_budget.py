"""people._second_opinion asks the tagger about common words beside a title only when the
windows with them cover every span the windows without them cover (covers_as_much)."""
from service.extractors.people import covers_as_much


def test_spans_no_window_covers_are_no_loss():
    # the windows already at their limit leave (40, 42) out: the wider set loses nothing
    assert covers_as_much([(0, 10), (20, 30)], [(0, 10)], [(1, 3), (40, 42)])


def test_a_span_the_windows_covered_and_the_wider_set_drops_is_a_loss():
    assert not covers_as_much([(20, 30)], [(0, 10)], [(1, 3), (22, 24)])


def test_no_spans():
    assert covers_as_much([], [], [])
