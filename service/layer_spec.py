"""A layer's declaration: its name, type and meaning. It sits under everything so that
a component can declare the section it adds (`adds_section = Layer(...)`) without
importing the pipeline's registry (service.layers, which imports the components)."""
from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Layer:
    name: str
    type: Any                 # a class, or list[X] / dict[K, V] / tuple[...]
    doc: str
    extended_by: tuple[str, ...] = ()   # components allowed to add to it after its writer

    def mismatch(self, value) -> str | None:
        """Why value is not of this layer's type (None when it is)."""
        origin = typing.get_origin(self.type) or self.type
        if not isinstance(value, origin):
            return f"is a {type(value).__name__}, not {self.type}"
        args = typing.get_args(self.type)
        if origin is list and args:
            item = typing.get_origin(args[0]) or args[0]
            bad = next((v for v in value if not isinstance(v, item)), None)
            if bad is not None:
                return f"holds a {type(bad).__name__}, not {args[0]}"
        return None
