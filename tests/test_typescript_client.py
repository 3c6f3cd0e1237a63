"""openapi-typescript generates types from GET /openapi.yaml of a live server, unedited,
and a small script calls that server through openapi-fetch with them: it must pass
`tsc --strict` and read the seed's typed fields (clients/typescript/).

The npm packages are pinned in clients/typescript/package.json and its lockfile and
installed with `npm ci`. Skipped when node or npm is absent, except in CI (`CI` set),
where .ci/run installs Debian's nodejs and npm.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from contract_change import with_new_section

REPO_ROOT = Path(__file__).resolve().parent.parent
CLIENT_DIR = REPO_ROOT / "clients" / "typescript"
SEED = (REPO_ROOT / "seeds" / "000_64c11bc8ba8f458f.txt").read_text(encoding="utf-8")
STEP_TIMEOUT_S = 300


def _node_or_skip() -> None:
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    if missing:
        message = f"{' and '.join(missing)} not found: apt-get install nodejs npm (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def run(*args: str, env: dict | None = None) -> str:
    proc = subprocess.run(list(args), cwd=CLIENT_DIR, capture_output=True, text=True,
                          timeout=STEP_TIMEOUT_S, stdin=subprocess.DEVNULL,
                          env={**os.environ, **(env or {})})
    assert proc.returncode == 0, f"{' '.join(args)}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def installed():
    """node_modules from the lockfile, exactly (npm ci), and no output of an earlier run."""
    _node_or_skip()
    for stale in ("generated", "dist"):
        shutil.rmtree(CLIENT_DIR / stale, ignore_errors=True)
    run("npm", "ci", "--no-audit", "--no-fund")
    return CLIENT_DIR / "node_modules" / ".bin"


def raw_post(base: str, path: str, payload: dict) -> dict:
    req = urllib.request.Request(base + path, data=json.dumps(payload).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())


def test_typescript_client_extracts_the_seed(installed, live_server):
    env = {"ZNE_URL": live_server}
    run("npm", "run", "--silent", "generate", env=env)
    generated = (CLIENT_DIR / "generated" / "api.d.ts").read_text(encoding="utf-8")
    assert "export interface paths" in generated and "Quote: {" in generated
    run("npm", "run", "--silent", "typecheck")  # tsc --strict, on the generated types
    lines = run("node", "dist/src/check-seed.js", env=env).strip().splitlines()
    seen = json.loads(lines[-1])

    # What the script read through its typed client is what the API sent.
    raw = raw_post(live_server, "/v1/extract",
                   {"text": SEED, "id": "seed-ts", "reference_date": "2024-07-30"})
    single = seen["single"]
    assert single["document_id"] == "seed-ts" and single["chars"] == len(SEED)
    assert single["event_date"] == raw["event"]["date"] == "2024-07-30"
    assert single["participant_ids"] == [p["id"] for p in raw["participants"]]
    assert single["first_role"] == raw["participants"][0]["role"]
    assert single["quote_speakers"] == [q["speaker"] for q in raw["quotes"]]
    assert single["facts"] == [
        {"kind": f["kind"], "value": f["value"], "unit": f["unit"],
         "start": f["span"]["start"], "end": f["span"]["end"]} for f in raw["quantitative_facts"]]
    assert seen["problem_status"] == 422 and seen["batch_problem_status"] == 422


def test_a_section_added_to_the_json_schema_reaches_the_types(installed, live_server_for_schema,
                                                               tmp_path):
    schema = json.loads((REPO_ROOT / "schema" / "extraction.schema.json").read_text(encoding="utf-8"))
    url = live_server_for_schema(with_new_section(schema))
    out = tmp_path / "api.d.ts"
    run(str(installed / "openapi-typescript"), f"{url}/openapi.yaml", "--output", str(out))
    generated = out.read_text(encoding="utf-8")
    assert 'gadgets: components["schemas"]["Gadget"][];' in generated
    assert 'span: components["schemas"]["Span"];' in generated and "grams: number | null;" in generated
    assert "nickname: string | null;" in generated
