"""Compiled patterns kept between start-ups (service/patterncache.py): a pattern
served from the table is the pattern the engine compiles, an edited pattern (as when
a data file it is built from changes) is compiled anew, and a cache that cannot be
written or is turned off only means compiling as before."""
from __future__ import annotations

import os
import pickle
import re
import re._compiler as re_compiler

import pytest
import regex

from service import patterncache, tablecache


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """The cache in a directory of its own; the engines as they were afterwards."""
    patterncache.finish()  # this process's own start-up, if still under way
    monkeypatch.setenv(tablecache.CACHE_ENV, str(tmp_path / "cache"))
    yield tmp_path / "cache"
    patterncache.finish()


def _unique(tmp_path) -> str:
    # A pattern no earlier compile in this process has put in re's own cache.
    return rf"(?P<word>{re.escape(tmp_path.name)})[0-9]{{2,4}}(?:年|月)?|x[a-z]+"


def _start(table_entries: int | None = None) -> dict:
    patterncache.install()
    state = patterncache._state
    assert state is not None
    if table_entries is not None:
        assert len(state["table"]) == table_entries
    return state


def test_a_pattern_is_compiled_once_then_served_from_the_table(fresh, tmp_path):
    pattern = _unique(tmp_path)
    state = _start(table_entries=0)
    first = re.compile(pattern, re.IGNORECASE)
    assert list(state["new"]) == [("re", "str", pattern, int(re.IGNORECASE))]
    patterncache.finish()
    assert len(list(fresh.glob("patterns-*.pickle"))) == 1

    re.purge()
    state = _start(table_entries=1)
    second = re.compile(pattern, re.IGNORECASE)
    assert not state["new"]                       # served from the table
    assert second == first == re_compiler.compile(pattern, re.IGNORECASE)
    assert second.groupindex == {"word": 1}
    assert second.fullmatch(tmp_path.name.upper() + "2024年").group("word") == tmp_path.name.upper()


def test_an_edited_pattern_is_compiled_anew(fresh, tmp_path):
    """A data file that changes changes the patterns built from it: a new key."""
    pattern = _unique(tmp_path)
    _start()
    re.compile(pattern)
    patterncache.finish()
    re.purge()
    state = _start(table_entries=1)
    edited = re.compile(pattern + "|y[0-9]+")
    assert list(state["new"]) == [("re", "str", pattern + "|y[0-9]+", 0)]
    assert edited.fullmatch("y12") and edited == re_compiler.compile(pattern + "|y[0-9]+", 0)


def test_regex_patterns_too(fresh, tmp_path):
    pattern = r"(?<![a-z])" + re.escape(tmp_path.name) + r"\p{Han}{2}(?P<n>\d+)"
    _start()
    first = regex.compile(pattern, regex.IGNORECASE)
    patterncache.finish()
    regex.purge()
    state = _start(table_entries=1)
    second = regex.compile(pattern, regex.IGNORECASE)
    assert not state["new"]
    assert second._pickled_data == first._pickled_data
    assert second.search("..." + tmp_path.name + "北京42").group("n") == "42"


def test_every_pattern_of_a_start_up_is_the_engines_own(fresh):
    """What the pipeline's start-up stored is what the engines compile today."""
    from service import pipeline
    re.purge()
    regex.purge()
    state = _start()
    pipeline.Pipeline()
    assert patterncache._state is None   # Pipeline() ends start-up: the engines are back
    table = dict(state["new"])
    assert len(table) > 50
    for key, blob in table.items():
        stored = pickle.loads(blob)
        if key[0] == "re":
            _, _, pattern, flags = key
            assert patterncache._re_args(pattern, flags) == stored
            assert re_compiler.compile(pattern, flags) == __import__("_sre").compile(pattern, *stored)
        else:
            _, _, pattern, flags, _version = key
            regex.purge()
            assert regex.compile(pattern, flags)._pickled_data == stored


def test_a_regex_pattern_from_the_table_is_built_once(fresh, tmp_path):
    """regex.search(pattern_string, ...) compiles at every call: while start-up runs,
    each call gets the one object, as regex's own cache would give it."""
    pattern = re.escape(tmp_path.name) + r"\d+"
    _start()
    regex.compile(pattern)
    patterncache.finish()
    regex.purge()
    _start()
    assert regex.compile(pattern) is regex.compile(pattern)
    assert regex.search(pattern, "." + tmp_path.name + "7")


def test_turned_off_it_does_nothing(monkeypatch):
    patterncache.finish()
    monkeypatch.setenv(tablecache.CACHE_ENV, "off")
    patterncache.install()
    assert patterncache._state is None
    assert re_compiler.compile.__module__ == "re._compiler" and regex.compile("a+").match("aa")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only modes")
def test_an_unwritable_directory_only_means_compiling(tmp_path, monkeypatch):
    patterncache.finish()
    directory = tmp_path / "ro"
    directory.mkdir()
    directory.chmod(0o500)
    monkeypatch.setenv(tablecache.CACHE_ENV, str(directory))
    _start()
    assert re.compile(_unique(tmp_path)).search("x" + "abc")
    patterncache.finish()
    assert not list(directory.iterdir())


def test_a_directory_that_cannot_exist_only_means_compiling(tmp_path, monkeypatch):
    patterncache.finish()
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(tablecache.CACHE_ENV, str(blocker / "cache"))
    _start()
    assert re.compile(_unique(tmp_path)).search("xabc")
    patterncache.finish()   # the write fails quietly
    re.purge()
    _start(table_entries=0)
    patterncache.finish()


def test_a_corrupt_table_is_ignored(fresh, tmp_path):
    _start()
    re.compile(_unique(tmp_path))
    patterncache.finish()
    (table,) = fresh.glob("patterns-*.pickle")
    table.write_bytes(b"not a pickle")
    re.purge()
    state = _start(table_entries=0)
    assert re.compile(_unique(tmp_path)).search("xyz") and state["new"]


def test_finish_puts_the_engines_back(fresh):
    import regex._main as regex_main
    before = (re_compiler.compile, regex_main._compile)
    patterncache.install()
    assert (re_compiler.compile, regex_main._compile) != before
    patterncache.finish()
    assert (re_compiler.compile, regex_main._compile) == before


def test_an_invalid_pattern_fails_as_it_always_did(fresh):
    _start()
    with pytest.raises(re.error, match="missing \\)"):
        re.compile("(unclosed")
    with pytest.raises(regex.error):
        regex.compile("(unclosed")


def test_an_engine_other_than_assumed_is_left_alone(fresh, monkeypatch):
    """Another Python's re internals: the probe fails, re keeps its own compile."""
    import regex._main as regex_main

    def other_internals(pattern, flags):
        raise AttributeError("no such field in this Python")
    monkeypatch.setattr(patterncache, "_re_args", other_internals)
    before = re_compiler.compile
    patterncache.install()
    assert re_compiler.compile is before
    assert regex_main._compile.__qualname__.startswith("install.")  # regex still served
    assert re.compile(r"[0-9]+号").match("12号")
