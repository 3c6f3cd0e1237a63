"""openapi-python-client generates a client from GET /openapi.yaml of a live server,
unedited, and that client extracts the seed with typed models in and out.

This is what a client author types first (`openapi-python-client generate --url
http://HOST/openapi.yaml`), so it is what the suite runs: no bundling step, no file
beside the URL. It proves the served document is self-contained and precise enough
for code generation: named component schemas, an operationId on every operation,
nullable fields marked. The TypeScript client is tests/test_typescript_client.py.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import attrs
import pytest

from contract_change import with_new_section

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = (REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
PACKAGE = "zne_generated_client"
GENERATOR_TIMEOUT_S = 180
# What the generator cannot express, and says so: it skips the alternative text/plain
# body of POST /v1/extract (JSON stays) and the YAML response of GET /openapi.yaml.
# Any other warning means the spec lost precision.
KNOWN_WARNINGS = {
    "WARNING parsing POST /v1/extract within extraction.",
    "WARNING parsing GET /openapi.yaml within contract.",
}


def generate(url: str, workdir: Path, package: str) -> None:
    """Run the generator on the URL, as a client author would; fail on any new warning."""
    generator = Path(sys.executable).parent / "openapi-python-client"
    assert generator.exists(), "openapi-python-client is in the test extra"
    proc = subprocess.run(
        [str(generator), "generate", "--url", url, "--meta", "none",
         "--output-path", str(workdir / package)],
        cwd=workdir, capture_output=True, text=True, timeout=GENERATOR_TIMEOUT_S,
        stdin=subprocess.DEVNULL)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    warnings = {line.strip() for line in output.splitlines() if line.startswith("WARNING")}
    assert warnings == KNOWN_WARNINGS, output


@contextlib.contextmanager
def imported(workdir: Path, package: str, names: list[str]):
    sys.path.insert(0, str(workdir))
    try:
        yield {name.rsplit(".", 1)[-1] or "package": importlib.import_module(package + name)
               for name in names}
    finally:
        sys.path.remove(str(workdir))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def api(tmp_path_factory, live_server):
    """Generate the client from the live server's URL into a temp dir and import it:
    {module name: module}."""
    workdir = tmp_path_factory.mktemp("client")
    generate(f"{live_server}/openapi.yaml", workdir, PACKAGE)
    names = ["", ".client", ".models", ".api.extraction.extract",
             ".api.extraction.extract_batch", ".api.extraction.get_sample_article",
             ".api.operations.get_health", ".api.operations.get_metrics"]
    with imported(workdir, PACKAGE, names) as modules:
        yield modules
@pytest.fixture
def client(api, live_server):
    return api["client"].Client(base_url=live_server, raise_on_unexpected_status=True,
                                timeout=60)


def raw_post(base: str, path: str, payload: dict) -> dict:
    req = urllib.request.Request(base + path, data=json.dumps(payload).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())


def assert_seed_typed(models, result, doc_id: str) -> None:
    """The seed's Result read through typed models: the fields a client author reads
    first, with values checked by hand against fixtures/golden/000_64c11bc8ba8f458f.json."""
    assert isinstance(result, models.Result)
    assert result.document.id == doc_id and result.document.chars == len(SEED)
    assert isinstance(result.document.script, models.DocumentScript)

    event = result.event
    assert isinstance(event, models.Event)
    assert event.date == "2024-07-30"
    assert isinstance(event.date_text, models.Span)
    assert SEED[event.date_text.start:event.date_text.end] == event.date_text.text

    person = result.participants[0]
    assert isinstance(person, models.Person)
    assert person.id == "jensen-huang" and person.id in event.participants
    assert isinstance(person.role, models.PersonRole)
    assert all(isinstance(m, models.Span) for m in person.mentions)

    assert all(isinstance(q, models.Quote) for q in result.quotes)
    speakers = [q.speaker for q in result.quotes]
    assert "jensen-huang" in speakers and "mark-zuckerberg" in speakers
    ids = {p.id for p in result.participants}
    for quote in result.quotes:
        assert quote.speaker is None or quote.speaker in ids
        assert SEED[quote.span.start:quote.span.end] == quote.span.text

    assert all(isinstance(f, models.Fact) for f in result.quantitative_facts)
    money = [f for f in result.quantitative_facts if f.kind == models.FactKind.MONEY]
    assert any(f.value == 60_900_000_000 and f.unit == "USD" for f in money)
    assert all(isinstance(p, models.Product) for p in result.products)


def test_extract_seed_through_typed_models(api, client, live_server):
    models = api["models"]
    result = api["extract"].sync(client=client, body=models.ExtractRequest(
        text=SEED, id="seed-000", reference_date=dt.date(2024, 7, 30)))
    assert_seed_typed(models, result, "seed-000")

    # The models hold everything the server sent, nothing more or less.
    raw = raw_post(live_server, "/v1/extract",
                   {"text": SEED, "id": "seed-000", "reference_date": "2024-07-30"})
    assert result.to_dict() == raw


def test_validation_problem_is_a_typed_problem(api, client):
    models = api["models"]
    problem = api["extract"].sync(client=client, body=models.ExtractRequest(text="   "))
    assert isinstance(problem, models.Problem)
    assert problem.status == 422
    assert problem.type_ == "https://zh-news-extract.dev/problems/validation-error"
    assert [e.field for e in problem.errors] == ["text"]


def test_batch_through_the_client(api, client):
    models = api["models"]
    body = models.BatchRequest(documents=[
        models.ExtractRequest(text=SEED, id="seed", reference_date=dt.date(2024, 7, 30)),
        models.ExtractRequest(text=" \n ", id="blank"),
        models.ExtractRequest(text="輝達執行長黃仁勳表示看好。", id="short"),
    ])
    response = api["extract_batch"].sync(client=client, body=body)
    assert isinstance(response, models.BatchResponse)
    first, bad, short = response.results
    assert_seed_typed(models, first, "seed")
    assert isinstance(bad, models.Problem) and bad.status == 422
    assert [e.field for e in bad.errors] == ["text"]
    assert isinstance(short, models.Result)
    assert [p.id for p in short.participants] == ["jensen-huang"]


def test_operations_through_the_client(api, client):
    assert api["get_health"].sync(client=client).status == "ok"
    assert api["get_sample_article"].sync(client=client) == SEED
    assert "zne_http_requests_total" in api["get_metrics"].sync(client=client)


def test_a_section_added_to_the_json_schema_reaches_the_client(tmp_path, live_server_for_schema):
    # The only edit is to the JSON Schema; the server bundles it and the generator types it.
    schema = json.loads((REPO_ROOT / "schema" / "extraction.schema.json").read_text(encoding="utf-8"))
    url = live_server_for_schema(with_new_section(schema))
    generate(f"{url}/openapi.yaml", tmp_path, "zne_gadget_client")
    with imported(tmp_path, "zne_gadget_client", [".models"]) as modules:
        models = modules["models"]
        assert "gadgets" in attrs.fields_dict(models.Result)
        assert set(attrs.fields_dict(models.Gadget)) == {"name", "span", "grams"}
        assert "nickname" in attrs.fields_dict(models.Person)
        gadget = models.Gadget.from_dict({"name": "x", "span": {"start": 0, "end": 1, "text": "x"},
                                          "grams": 1.5})
        assert isinstance(gadget.span, models.Span) and gadget.grams == 1.5
