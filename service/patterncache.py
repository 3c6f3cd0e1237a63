"""Compiled regular expressions kept from one start-up to the next.

Start-up compiles a few hundred patterns (the rules' alternations of unit words,
numerals, time expressions; flask's and marshmallow's own), ~0.13 s of CPU, the same
patterns every time. Compiling is parsing the pattern and generating the matcher's
code, and the code depends only on the pattern string, its flags and the engine's
version. So while start-up runs (`install()` ... `finish()`), each compile first
looks for the code in a table written at the end of an earlier start-up, and the
engine builds the pattern object from it directly (`_sre.compile` for `re`, the
same call `regex` makes when it unpickles a pattern); patterns not found compile
as usual and are added to the table at `finish()`.

The table is keyed per pattern by its exact string, type and flags, and the file by
the Python and `regex` builds, so a stale entry cannot be used: an edited pattern is
a different key. It lives in the table cache's directory (service/tablecache.py);
none there, or one that cannot be written, means compiling as before. After
`finish()` (at the end of `Pipeline()`, and of the load in service/extraction.py) the
engines are as they were: nothing here runs while serving.
"""
from __future__ import annotations

import pickle
import sys
import threading

from . import tablecache

# Entries beyond this many (patterns of older code) are dropped at the next write.
MAX_ENTRIES = 4096

_lock = threading.Lock()
_state: dict | None = None   # while installed: table, new entries, the originals


def _file_name() -> str:
    import _sre
    import regex
    build = f"{sys.version}|{sys.maxunicode}|{_sre.MAGIC}|{_sre.CODESIZE}|{regex.__version__}"
    return f"patterns-{tablecache.fingerprint(build, [])}.pickle"


def _read_table(path) -> dict:
    """Pattern key -> its pickled compile arguments: each entry is unpickled only
    when its pattern is compiled, so entries this process does not use (other
    entry points' patterns) cost next to nothing."""
    try:
        with open(path, "rb") as f:
            table = pickle.load(f)
        return table if isinstance(table, dict) else {}
    except Exception:  # absent, truncated, from another version: compile as usual
        return {}


def install() -> None:
    """Serve compiles from the table until finish(). Does nothing if already installed."""
    global _state
    with _lock:
        if _state is not None:
            return
        directory = tablecache.cache_dir()
        if directory is None:
            return
        try:
            import _sre
            import re._compiler as re_compiler
            import regex._main as regex_main
            import regex._regex as regex_engine
            path = directory / _file_name()
        except (ImportError, AttributeError, OSError):
            return
        state = {"path": path, "table": _read_table(path), "new": {}, "used": set(),
                 "re": re_compiler.compile, "regex": regex_main._compile}
        re_compile, regex_compile = state["re"], state["regex"]
        table, new, used = state["table"], state["new"], state["used"]
        built: dict = {}   # regex's patterns built from the table, as regex's own cache would keep them

        def compile_re(p, flags=0):
            if not isinstance(p, (str, bytes)) or flags & re_compiler.SRE_FLAG_DEBUG:
                return re_compile(p, flags)
            key = ("re", type(p).__name__, p, flags)
            used.add(key)
            blob = table.get(key)
            if blob is None:
                try:
                    args = _re_args(p, flags)
                except Exception:  # an invalid pattern: re's own compile says why
                    return re_compile(p, flags)
                new[key] = pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                args = pickle.loads(blob)
            return _sre.compile(p, *args)

        def compile_regex(pattern, flags, ignore_unused, kwargs, cache_it):
            if kwargs or not isinstance(pattern, (str, bytes)) or flags & regex_main.LOCALE:
                return regex_compile(pattern, flags, ignore_unused, kwargs, cache_it)
            key = ("regex", type(pattern).__name__, pattern, flags, regex_main.DEFAULT_VERSION)
            used.add(key)
            compiled = built.get(key)   # regex.search(str, ...) calls again and again
            if compiled is not None:
                return compiled
            blob = table.get(key)
            if blob is not None:
                compiled = built[key] = regex_engine.compile(*pickle.loads(blob))
                return compiled
            compiled = regex_compile(pattern, flags, ignore_unused, kwargs, cache_it)
            if not compiled.flags & regex_main.LOCALE:   # an inline (?L): depends on the locale
                new[key] = pickle.dumps(compiled._pickled_data, protocol=pickle.HIGHEST_PROTOCOL)
            return compiled

        if _reproduces_re(re_compile):
            re_compiler.compile = compile_re
        if _regex_signature_known(regex_compile):
            regex_main._compile = compile_regex
        _state = state


_PROBE = r"(?P<year>[0-9]{4})年(?:[一二三]|\d{1,2})月?|[^\s\u4e00-\u9fff]+"


def _reproduces_re(re_compile) -> bool:
    """The engine's internals are what _re_args assumes (this Python's re): a probe
    built from its arguments is the pattern re compiles. Else re is left alone."""
    import _sre
    try:
        flags = 0
        return _sre.compile(_PROBE, *_re_args(_PROBE, flags)) == re_compile(_PROBE, flags)
    except Exception:
        return False


def _regex_signature_known(regex_compile) -> bool:
    import inspect
    try:
        names = list(inspect.signature(regex_compile).parameters)
    except (TypeError, ValueError):
        return False
    return names == ["pattern", "flags", "ignore_unused", "kwargs", "cache_it"]


def _re_args(pattern, flags: int) -> tuple:
    """What re._compiler.compile passes to `_sre.compile` after the pattern (the
    same steps, Python 3.11-3.13): the flags, the code, the groups' numbers."""
    import re._compiler as re_compiler
    import re._parser as re_parser
    parsed = re_parser.parse(pattern, flags)
    # Plain ints: the opcodes are named int constants, which do not pickle.
    code = [int(c) for c in re_compiler._code(parsed, flags)]
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def finish() -> None:
    """Put the engines back and write what was compiled anew (if anything was)."""
    global _state
    with _lock:
        state, _state = _state, None
    if state is None:
        return
    import re._compiler as re_compiler
    import regex._main as regex_main
    re_compiler.compile = state["re"]
    regex_main._compile = state["regex"]
    if not state["new"]:
        return
    table = state["table"]
    if len(table) + len(state["new"]) > MAX_ENTRIES:
        table = {k: v for k, v in table.items() if k in state["used"]}
    table = {**table, **state["new"]}
    path = state["path"]
    try:
        tablecache.store(path.parent, path, table)
    except Exception:
        pass  # a read-only or full disk: compile again at the next start
