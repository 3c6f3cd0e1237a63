"""Marshmallow schemas: the request we accept and the Result we send.

The Result schemas are derived from schema/extraction.schema.json field for field
(service/result_schema.py; a test holds all three of them, and the served spec,
equal); dumping through them means a stray key the pipeline adds never leaks into
a response the JSON Schema would reject.
"""
from __future__ import annotations

import re

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validates
from marshmallow.validate import Length

from service.config import DEFAULT_MAX_BATCH_DOCS

MAX_ID_CHARS = 256
# date.fromisoformat also accepts 20240730 and 2024-W31-2; the contract says YYYY-MM-DD.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# --- request -----------------------------------------------------------------

def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("Must not be empty or whitespace only.")


def _no_lone_surrogates(value: str) -> None:
    # JSON escapes can smuggle in "\ud800"; such a string cannot be encoded as UTF-8,
    # so it would fail only later, when the response is written.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError("Must not contain unpaired surrogate code points.") from exc


class IsoDate(fields.Date):
    """A calendar date written exactly YYYY-MM-DD."""

    default_error_messages = {"invalid": "Must be a calendar date written YYYY-MM-DD."}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class ExtractRequestSchema(Schema):
    class Meta:
        # Unknown fields are ignored so that clients built for a later minor version
        # of the API keep working (documented in openapi.yaml).
        unknown = EXCLUDE

    text = fields.String(required=True, validate=[_not_blank, _no_lone_surrogates])
    # null is treated as absent for the optional fields.
    id = fields.String(load_default=None, allow_none=True,
                       validate=[Length(max=MAX_ID_CHARS), _no_lone_surrogates])
    reference_date = IsoDate(load_default=None, allow_none=True)

    def __init__(self, *, max_text_chars: int | None = None, **kwargs):
        """`max_text_chars`: the longest `text` accepted, in code points (None: no limit)."""
        super().__init__(**kwargs)
        self.max_text_chars = max_text_chars

    @validates("text")
    def _at_most_max_text_chars(self, value: str, **kwargs) -> None:
        if self.max_text_chars is not None and len(value) > self.max_text_chars:
            raise ValidationError(
                f"Must be at most {self.max_text_chars} characters; got {len(value)}. "
                "Split the article.")


class BatchRequestSchema(Schema):
    """The batch envelope. Each document is loaded on its own with ExtractRequestSchema,
    so that one bad document is reported in its place instead of failing the batch."""

    class Meta:
        unknown = EXCLUDE

    documents = fields.List(fields.Raw(allow_none=True), required=True)

    def __init__(self, *, max_documents: int = DEFAULT_MAX_BATCH_DOCS, **kwargs):
        super().__init__(**kwargs)
        self.max_documents = max_documents

    @validates("documents")
    def _at_most_max_documents(self, value, **kwargs) -> None:
        if len(value) > self.max_documents:
            raise ValidationError(f"At most {self.max_documents} documents per request; "
                                  f"got {len(value)}. Split the batch.")


# --- result ------------------------------------------------------------------
# Derived from schema/extraction.schema.json at import (service/result_schema.py), so
# a section or field added there is dumped with no edit here.
from service.result_schema import JsonNumber, ResultSchema, SCHEMAS_BY_DEF  # noqa: E402,F401
