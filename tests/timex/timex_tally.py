"""The Recognizers-Text DateTime conformance tally, printed by conftest."""
from __future__ import annotations

from tests.conformance.recognizers import Tally

TALLY = Tally(name_width=32, with_total=True)
