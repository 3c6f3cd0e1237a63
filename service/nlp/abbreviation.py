"""Whether a short form could abbreviate a name: its characters stand in the name in order."""
from __future__ import annotations


def in_order(short: str, name: str) -> bool:
    """Are short's characters in name, in order (貿委會 in 聯邦貿易委員會)?"""
    at = 0
    for c in short:
        at = name.find(c, at) + 1
        if at == 0:
            return False
    return True
