"""The Recognizers-Text number and unit conformance tally, printed by conftest."""
from __future__ import annotations

from tests.conformance.recognizers import Tally

TALLY = Tally(name_width=42, with_total=False)
