"""A cache of tables built from data files, keyed by the files' contents.

Start-up builds the same tables from the same files every time (the knowledge base:
~0.2-0.3 s of YAML, TSV and indexing). `cached(name, sources, build)` returns what
`build()` returns, from a pickle written on the first start and reused while the
sha256 of every source file (data files and the code that reads them) is unchanged;
any change, a missing or unreadable cache, or an unwritable cache directory means
build() runs, so a fresh clone, CI and a read-only install work as before.

The cache lives outside the package, never in the repository: $ZNE_CACHE_DIR, else
$XDG_CACHE_HOME/zh-news-extract, else ~/.cache/zh-news-extract. ZNE_CACHE_DIR=off
turns it off. Only this process's user writes there; the pickles are as trusted as
the rest of that user's files.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
CACHE_ENV = "ZNE_CACHE_DIR"
# Bumped when the format of what is cached changes in a way the sources do not show.
FORMAT = 1
# An entry of a table that another has replaced is removed once it is this old.
STALE_SECONDS = 24 * 3600


def cache_dir(environ=os.environ) -> Path | None:
    configured = environ.get(CACHE_ENV)
    if configured:
        return None if configured.lower() == "off" else Path(configured)
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zh-news-extract"


def fingerprint(name: str, sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{name}\0{FORMAT}\0{sys.version}\0".encode())
    for path in sorted(set(sources)):
        digest.update(str(path.name).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _load(path: Path):
    # Unpickling hundreds of thousands of objects with the collector on costs
    # three times as much: nothing it could free exists yet.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    finally:
        if enabled:
            gc.enable()


def store(directory: Path, path: Path, value) -> None:
    """Write value to path (in directory) atomically."""
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new
    except BaseException:
        os.unlink(tmp)
        raise


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    directory = cache_dir()
    if directory is None:
        return build()
    try:
        path = directory / f"{name}-{fingerprint(name, sources)}.pickle"
    except OSError:
        return build()
    try:
        return _load(path)
    except Exception:  # absent, truncated, from another version: build it again
        pass
    value = build()
    try:
        store(directory, path, value)
        _remove_stale(directory, name, path)
    except OSError:
        pass  # a read-only or full disk: serve anyway, built each start
    return value


def _remove_stale(directory: Path, name: str, keep: Path) -> None:
    """Drop the other entries of this table not written for a day. Not at once:
    two checkouts with different data may share the cache, and would otherwise
    delete each other's entries at every start."""
    now = time.time()
    for old in directory.glob(f"{name}-*.pickle"):
        try:
            if old != keep and now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink(missing_ok=True)
        except OSError:
            pass
