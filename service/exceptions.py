"""The exceptions of the public Python API (re-exported by `service`)."""
from __future__ import annotations


class InvalidDocument(ValueError):
    """The input `extract()` was given is invalid, as the HTTP API would answer 422.

    `errors` lists {"field", "message"} like the problem's `errors` member.
    """

    def __init__(self, errors: list[dict[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))
