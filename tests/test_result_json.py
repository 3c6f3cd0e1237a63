"""The response's projection (service/result_json.py) gives what marshmallow's
ResultSchema().dump gives, and orjson the same JSON as json.dumps."""
from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from service import result_json
from service.pipeline import get_pipeline
from service.schemas import ResultSchema

ROOT = Path(__file__).resolve().parent.parent


def _articles() -> list[tuple[str, Path, dt.date | None]]:
    found = []
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        ref = expected.get("_reference_date")
        found.append((path.stem, path, dt.date.fromisoformat(ref) if ref else None))
    found += [("seed:" + p.stem, p, None) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return found


ARTICLES = _articles()


def test_there_are_articles_to_compare():
    assert len(ARTICLES) >= 20


@pytest.mark.parametrize("name,path,reference", ARTICLES, ids=[a[0] for a in ARTICLES])
def test_projection_is_marshmallows_dump(name, path, reference):
    result = get_pipeline().extract(path.read_text(encoding="utf-8"), doc_id=name,
                                    reference_date=reference)
    dumped = ResultSchema().dump(result)
    projected = result_json.project(result)
    # Same keys in the same order, same values and types (1 is not 1.0, None is not absent).
    assert json.dumps(projected, ensure_ascii=False) == json.dumps(dumped, ensure_ascii=False)
    assert result_json.encode(projected) == result_json.encode(dumped)
    # orjson's bytes are the same JSON as json.dumps's, only without spaces.
    assert result_json.encode(projected) == json.dumps(
        dumped, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def _minimal_result(**changes) -> dict:
    result = get_pipeline().extract("星辰智能執行長孫嘉禾表示:「營收成長30%。」", doc_id="x")
    result.update(changes)
    return result


def test_stray_keys_are_left_out_as_marshmallow_does():
    result = _minimal_result(_private=1)
    result["document"]["extra"] = "x"
    projected = result_json.project(result)
    assert "_private" not in projected and "extra" not in projected["document"]
    assert projected == ResultSchema().dump(result)


def test_values_are_converted_as_marshmallow_converts_them():
    result = _minimal_result()
    result["document"]["chars"] = 12.0        # Integer: int()
    result["document"]["id"] = 7              # String: str()
    assert result_json.project(result) == ResultSchema().dump(result)
    assert result_json.project(result)["document"]["chars"] == 12
    assert type(result_json.project(result)["document"]["chars"]) is int


def test_long_lists_are_projected_in_slices_like_the_rest():
    result = _minimal_result()
    assert result["quantitative_facts"], "the sentence must give a fact"
    result["quantitative_facts"] = result["quantitative_facts"] * (result_json.SLICE * 2 + 3)
    assert result_json.project(result) == ResultSchema().dump(result)


def test_a_nan_fails_loudly_rather_than_leaving_as_null():
    result = _minimal_result()
    fact = result["quantitative_facts"][0]
    fact["value"] = math.nan
    with pytest.raises(ValueError):
        result_json.project(result)


def test_integers_beyond_64_bits_are_still_encoded():
    assert result_json.encode({"value": 10 ** 30}) == b'{"value":1000000000000000000000000000000}'
    with pytest.raises(ValueError):
        result_json.encode({"value": 10 ** 30, "bad": math.inf})
