"""Reading the project's YAML data files fast.

PyYAML's pure-Python loader takes ~0.6 s for the knowledge base; its libyaml
loader (shipped in PyYAML's wheels) is about ten times faster and parses the
same safe subset. Fall back to the pure loader where libyaml is missing.
"""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (safe loader)


@functools.cache
def load_yaml_once(path: Path):
    """A data file several components read, parsed once per process; callers only read it."""
    return load_yaml(path)
