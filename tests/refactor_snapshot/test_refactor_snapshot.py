"""Issue 12's guard: the refactor changes no output (see snapshot.py beside this file)."""
from __future__ import annotations

import pytest

from tests.refactor_snapshot import snapshot


def _compare(inputs, recorded: dict) -> None:
    assert sorted(name for name, _, _ in inputs) == sorted(recorded)
    now = snapshot.results(inputs)
    changed = [name for name in recorded if now[name] != recorded[name]]
    assert not changed, f"{len(changed)} Results changed, first: {changed[:5]}"


def test_fixture_results_are_unchanged():
    _compare(snapshot.fixture_inputs(), snapshot.read(snapshot.HERE / "fixtures.json.gz"))


def test_conformance_results_are_unchanged():
    _compare(snapshot.conformance_inputs(), snapshot.read(snapshot.HERE / "conformance.json.gz"))


def test_real_text_results_are_unchanged():
    real = snapshot.real_inputs()
    if not real or not snapshot.REAL_SNAPSHOT.exists():
        pytest.skip("real-text texts or their snapshot are absent")
    _compare(real, snapshot.read(snapshot.REAL_SNAPSHOT))
