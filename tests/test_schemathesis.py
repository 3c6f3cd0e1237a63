"""Contract fuzzing: schemathesis generates requests from openapi.yaml, valid and
invalid (positive and negative modes), sends them to the app in-process (WSGI, no
network), and checks every response against the spec.

What must hold for every generated request: no 5xx; the status code is one the
operation documents; the Content-Type is the documented one; the documented headers
are present; the body validates against the documented schema (a Result, a
BatchResponse, a Problem ...); a request valid by the spec is accepted; wrong
methods get a 405 with a correct Allow header.

Not checked: that every request the spec calls invalid is refused. The query
parameters `id` and `reference_date` belong to text/plain bodies only (OpenAPI cannot
tie parameters to a media type, and the description says so): with a JSON body they
are ignored, so a malformed one there is rightly accepted.

The spec $refs schema/extraction.schema.json; schemathesis gets the bundled document
(service.openapi_bundle, the JSON Schema inlined) so that nothing depends on how it
resolves a relative file reference. Bounded: EXAMPLES per operation, ~10 s in all.
"""
from __future__ import annotations

import collections

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    allow_header_conformance, content_type_conformance, positive_data_acceptance,
    response_headers_conformance, response_schema_conformance, status_code_conformance,
    unsupported_method)

from service import create_app  # noqa: E402
from service.openapi_bundle import load_bundle  # noqa: E402

EXAMPLES = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance, positive_data_acceptance,
          unsupported_method, allow_header_conformance]
# Requests sent per operation and the statuses they got, printed at the end (-s).
SENT: collections.Counter = collections.Counter()
STATUSES: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)

schema = schemathesis.openapi.from_dict(load_bundle())
schema.app = create_app({"TESTING": True})
schema.config.generation.update(max_examples=EXAMPLES)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_response_conforms_to_the_spec(case):
    response = case.call_and_validate(checks=CHECKS)
    label = f"{case.method} {case.path}"
    SENT[label] += 1
    STATUSES[label][response.status_code] += 1


def teardown_module(module):
    if SENT:
        print(f"\nschemathesis: {sum(SENT.values())} requests")
        for label, count in sorted(SENT.items()):
            statuses = ", ".join(f"{s}: {n}" for s, n in sorted(STATUSES[label].items()))
            print(f"  {label:40s} {count:4d}  ({statuses})")
