"""Marshmallow schemas: the request we accept and the Result we send.

The Result schemas mirror schema/extraction.schema.json field for field (a test
holds them equal); dumping through them means a stray key the pipeline adds
never leaks into a response the JSON Schema would reject.
"""
from __future__ import annotations

import re

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validates
from marshmallow.validate import Length, OneOf

from service import DEFAULT_MAX_BATCH_DOCS

MAX_ID_CHARS = 256
# date.fromisoformat also accepts 20240730 and 2024-W31-2; the contract says YYYY-MM-DD.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Closed vocabularies of the contract (the JSON Schema's enums; a test compares them).
SCRIPTS = ("traditional", "simplified", "mixed", "none")
ROLES = ("participant", "mentioned")
CATEGORIES = ("model", "service", "platform", "hardware", "software", "app", "initiative", "other")
FACT_KINDS = ("money", "percentage", "count", "parameters", "context_length", "duration",
              "anniversary", "year", "ratio", "other")


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

class JsonNumber(fields.Number):
    """A JSON number that keeps integers integral: 60900000000 must not dump as 60900000000.0."""

    num_type = float

    def _format_num(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return float(value)


def _str(**kw) -> fields.String:
    return fields.String(required=True, **kw)


def _nullable_str(**kw) -> fields.String:
    return fields.String(required=True, allow_none=True, **kw)


def _nullable_int() -> fields.Integer:
    return fields.Integer(required=True, allow_none=True)


def _confidence() -> JsonNumber:
    return JsonNumber(required=True)


def _list(inner) -> fields.List:
    return fields.List(inner, required=True)


def _spans() -> fields.List:
    return _list(fields.Nested(SpanSchema))


class SpanSchema(Schema):
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = _str()


class DocumentSchema(Schema):
    id = _nullable_str()
    chars = fields.Integer(required=True)
    script = _str(validate=OneOf(SCRIPTS))


class EventSchema(Schema):
    id = _str()
    name = _str()
    series = _nullable_str()
    year = _nullable_int()
    date = _nullable_str()
    time = _nullable_str()
    utc_offset = _nullable_str()
    date_text = fields.Nested(SpanSchema, required=True, allow_none=True)
    location = _nullable_str()
    edition = _nullable_int()
    organizer = _nullable_str()
    participants = _list(fields.String())
    mentions = _spans()


class PersonSchema(Schema):
    id = _str()
    name = _str()
    name_en = _nullable_str()
    aliases = _list(fields.String())
    organization = _nullable_str()
    title = _nullable_str()
    role = _str(validate=OneOf(ROLES))
    mentions = _spans()
    confidence = _confidence()


class OrganizationSchema(Schema):
    id = _str()
    name = _str()
    name_en = _nullable_str()
    aliases = _list(fields.String())
    mentions = _spans()
    confidence = _confidence()


class VariantSchema(Schema):
    name = _str()
    parameters = _nullable_int()


class ContextWindowSchema(Schema):
    tokens = fields.Integer(required=True)
    text = _str()


class ProductSchema(Schema):
    id = _str()
    name = _str()
    vendor = _nullable_str()
    category = _str(validate=OneOf(CATEGORIES))
    variants = _list(fields.Nested(VariantSchema))
    context_window = fields.Nested(ContextWindowSchema, required=True, allow_none=True)
    description = _nullable_str()
    mentions = _spans()
    confidence = _confidence()


class FactSchema(Schema):
    kind = _str(validate=OneOf(FACT_KINDS))
    value = JsonNumber(required=True, allow_none=True)
    approximate = fields.Boolean(required=True)
    # min/max would shadow builtins as attribute names, hence data_key.
    min_ = JsonNumber(required=True, allow_none=True, data_key="min", attribute="min")
    max_ = JsonNumber(required=True, allow_none=True, data_key="max", attribute="max")
    unit = _nullable_str()
    text = _str()
    span = fields.Nested(SpanSchema, required=True)
    subject = _nullable_str()
    entity = _nullable_str()
    sentence = fields.Nested(SpanSchema, required=True)
    confidence = _confidence()


class QuoteSchema(Schema):
    text = _str()
    span = fields.Nested(SpanSchema, required=True)
    speaker = _nullable_str()
    speaker_name = _nullable_str()
    cue = _nullable_str()
    cue_span = fields.Nested(SpanSchema, required=True, allow_none=True)
    speaker_span = fields.Nested(SpanSchema, required=True, allow_none=True)
    confidence = _confidence()


class TimeExpressionSchema(Schema):
    text = _str()
    span = fields.Nested(SpanSchema, required=True)
    kind = _str(validate=OneOf(("date", "time", "datetime", "period", "set")))
    timex = _str()
    value = _nullable_str()
    start = _nullable_str()
    end = _nullable_str()
    utc_offset = _nullable_str()
    grain = _str(validate=OneOf(("year", "quarter", "month", "week", "day", "hour", "minute")))
    fiscal = fields.Boolean(required=True)


class ResultSchema(Schema):
    schema_version = _str()
    document = fields.Nested(DocumentSchema, required=True)
    event = fields.Nested(EventSchema, required=True, allow_none=True)
    events = _list(fields.Nested(EventSchema))
    participants = _list(fields.Nested(PersonSchema))
    organizations = _list(fields.Nested(OrganizationSchema))
    products = _list(fields.Nested(ProductSchema))
    quantitative_facts = _list(fields.Nested(FactSchema))
    quotes = _list(fields.Nested(QuoteSchema))
    time_expressions = _list(fields.Nested(TimeExpressionSchema))
    warnings = _list(fields.String())


# JSON Schema $defs name -> the marshmallow schema that serialises it.
SCHEMAS_BY_DEF = {
    "Span": SpanSchema,
    "Document": DocumentSchema,
    "Event": EventSchema,
    "Person": PersonSchema,
    "Organization": OrganizationSchema,
    "Product": ProductSchema,
    "Variant": VariantSchema,
    "ContextWindow": ContextWindowSchema,
    "Fact": FactSchema,
    "Quote": QuoteSchema,
    "TimeExpression": TimeExpressionSchema,
}
