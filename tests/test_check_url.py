"""python -m service.check against a live server: match, differences, --update."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from service import check

ROOT = Path(__file__).resolve().parents[1]
NAME = "000_64c11bc8ba8f458f"


def _fixture_dir(tmp_path: Path) -> Path:
    d = tmp_path / "fixtures"
    d.mkdir()
    shutil.copy(ROOT / "seeds" / f"{NAME}.txt", d / f"{NAME}.txt")
    shutil.copy(ROOT / "fixtures" / "golden" / f"{NAME}.json", d / f"{NAME}.json")
    return d


def test_matching_fixtures_exit_zero(live_server, tmp_path, capsys):
    d = _fixture_dir(tmp_path)
    assert check.main([str(d), "--url", live_server]) == 0
    assert "1 of 1 fixtures match" in capsys.readouterr().out


def test_a_difference_names_field_expected_and_got(live_server, tmp_path, capsys):
    d = _fixture_dir(tmp_path)
    path = d / f"{NAME}.json"
    expected = json.loads(path.read_text(encoding="utf-8"))
    expected["event"]["date"] = "2024-07-31"
    expected["participants"][0]["title"] = "President"
    path.write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    assert check.main([str(d), "--url", live_server]) == 1
    out = capsys.readouterr().out
    assert 'event.date: expected "2024-07-31", got "2024-07-30"' in out
    assert 'participants[jensen-huang].title: expected "President", got "CEO"' in out


def test_update_rewrites_only_when_asked(live_server, tmp_path, capsys):
    d = _fixture_dir(tmp_path)
    path = d / f"{NAME}.json"
    expected = json.loads(path.read_text(encoding="utf-8"))
    expected["event"]["edition"] = 49
    path.write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    assert check.main([str(d), "--url", live_server]) == 1
    assert json.loads(path.read_text(encoding="utf-8"))["event"]["edition"] == 49  # untouched
    assert check.main([str(d), "--url", live_server, "--update"]) == 0
    out = capsys.readouterr().out
    assert f"updated {NAME}: event" in out
    rewritten = json.loads(path.read_text(encoding="utf-8"))
    assert rewritten["event"]["edition"] == 50
    assert set(rewritten) == set(expected)            # still claims the same sections
    assert "confidence" not in json.dumps(rewritten)  # and never confidence
    assert check.main([str(d), "--url", live_server]) == 0


def test_a_service_that_is_down_is_an_error(tmp_path, capsys):
    d = _fixture_dir(tmp_path)
    assert check.main([str(d), "--url", "http://127.0.0.1:9"]) == 2
    assert "ERROR" in capsys.readouterr().out
