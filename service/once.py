"""Heavy state built once per process, on first use, safely from any thread."""
from __future__ import annotations

import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """Call it to get factory's value; the factory runs once (double-checked lock)."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._value: T | None = None
        self._done = False
        self.__doc__ = factory.__doc__

    def __call__(self) -> T:
        if not self._done:
            with self._lock:
                if not self._done:
                    self._value = self._factory()
                    self._done = True
        return self._value  # type: ignore[return-value]

    @property
    def loaded(self) -> bool:
        return self._done
