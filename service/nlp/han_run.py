"""Where a run of Han characters ends, by one C-level match.

`han_run_end(text, pos, limit)` is the first offset in pos..limit whose character
is not Han (nlp.text.HAN_RANGES), or limit (clipped to the text): the same as
testing `is_cjk` on each character in turn, without a Python call per character
(people's name reader asks it at every surname, for three lengths).
"""
from __future__ import annotations

import re

from .text import HAN_RANGES

HAN_RUN = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in HAN_RANGES) + "]*")


def han_run_end(text: str, pos: int, limit: int) -> int:
    return HAN_RUN.match(text, pos, limit).end()
