"""The table cache (service/tablecache.py): built once, reused while the sources are
unchanged, rebuilt when one changes, and never in the way when it cannot be written."""
from __future__ import annotations

import os

import pytest

from service import tablecache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(tablecache.CACHE_ENV, str(directory))
    return directory


def _counting_build(calls: list):
    def build():
        calls.append(1)
        return {"table": list(range(len(calls) * 3))}
    return build


def test_built_once_then_read_from_the_cache(cache, tmp_path):
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n")
    calls: list = []
    first = tablecache.cached("t", [source], _counting_build(calls))
    second = tablecache.cached("t", [source], _counting_build(calls))
    assert calls == [1] and second == first
    assert len(list(cache.glob("t-*.pickle"))) == 1


def test_a_changed_source_rebuilds_and_the_old_entry_goes_once_stale(cache, tmp_path):
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n")
    calls: list = []
    tablecache.cached("t", [source], _counting_build(calls))
    source.write_text("a: 2\n")
    rebuilt = tablecache.cached("t", [source], _counting_build(calls))
    assert len(calls) == 2 and rebuilt == {"table": list(range(6))}
    # Another checkout may still use the old entry: it stays while recent...
    assert len(list(cache.glob("t-*.pickle"))) == 2
    # ...and goes once a day old, when a table of that name is next written.
    for entry in cache.glob("t-*.pickle"):
        os.utime(entry, (1, 1))
    source.write_text("a: 3\n")
    tablecache.cached("t", [source], _counting_build(calls))
    assert len(list(cache.glob("t-*.pickle"))) == 1


def test_a_corrupt_entry_is_rebuilt(cache, tmp_path):
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n")
    calls: list = []
    tablecache.cached("t", [source], _counting_build(calls))
    (entry,) = cache.glob("t-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert tablecache.cached("t", [source], _counting_build(calls)) == {"table": [0, 1, 2, 3, 4, 5]}
    assert len(calls) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only modes")
def test_an_unwritable_cache_directory_only_means_building(tmp_path, monkeypatch):
    directory = tmp_path / "ro"
    directory.mkdir()
    directory.chmod(0o500)
    monkeypatch.setenv(tablecache.CACHE_ENV, str(directory))
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n")
    calls: list = []
    assert tablecache.cached("t", [source], _counting_build(calls)) == {"table": [0, 1, 2]}


def test_a_cache_directory_that_cannot_exist_only_means_building(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(tablecache.CACHE_ENV, str(blocker / "cache"))  # under a plain file
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n")
    calls: list = []
    assert tablecache.cached("t", [source], _counting_build(calls)) == {"table": [0, 1, 2]}
    assert tablecache.cached("t", [source], _counting_build(calls)) == {"table": [0, 1, 2, 3, 4, 5]}


def test_off_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv(tablecache.CACHE_ENV, "off")
    assert tablecache.cache_dir() is None
    calls: list = []
    tablecache.cached("t", [], _counting_build(calls))
    tablecache.cached("t", [], _counting_build(calls))
    assert len(calls) == 2


def test_the_knowledge_base_from_the_cache_is_the_one_built(cache):
    from service.kb import KnowledgeBase
    built = KnowledgeBase()          # writes the cache
    read = KnowledgeBase()           # reads it
    assert list(cache.glob("knowledge-base-*.pickle"))
    fresh = KnowledgeBase.__new__(KnowledgeBase)
    fresh._build()
    for kb in (built, read):
        assert kb.aliases == fresh.aliases
        assert kb.people == fresh.people and kb.organizations == fresh.organizations
        assert kb.products == fresh.products and kb.lex == fresh.lex
        assert kb.key("ＡＢ臺灣") == fresh.key("ＡＢ臺灣")
        assert set(vars(kb)) == set(vars(fresh))
    for kb in (built, read):
        entry = kb.aliases[next(iter(kb.aliases))][0]
        assert type(entry).__name__ == "Entry" and entry.kind in {"person", "organization", "series", "product"}


def test_the_knowledge_base_is_rebuilt_when_a_data_file_changes(cache, tmp_path, monkeypatch):
    import shutil

    import service.kb as kb_module
    data = tmp_path / "data"
    shutil.copytree(kb_module.DATA_DIR, data)
    monkeypatch.setattr(kb_module, "DATA_DIR", data)
    monkeypatch.setattr(kb_module, "GENERATED_DIR", data / "generated")
    before = kb_module.KnowledgeBase()
    assert "笛卡" not in before.surnames
    with (data / "surnames.txt").open("a", encoding="utf-8") as f:
        f.write("\n笛卡\n")
    after = kb_module.KnowledgeBase()
    assert "笛卡" in after.surnames
    assert len(list(cache.glob("knowledge-base-*.pickle"))) == 2
    assert "笛卡" in kb_module.KnowledgeBase().surnames   # the new entry, read back
