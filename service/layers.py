"""Every layer a component may write on a Document, named once with its type.

Components declare the layers they `reads` and `writes` (and, for one declared
case, `extends`); `Pipeline` checks the declarations at start-up
(`check_order`): every layer has exactly one writer, every read comes after its
writer, every layer written is registered here. With checking on (the test
suite sets ZNE_CHECK_LAYERS=1), each document's layers are a `CheckedLayers`
that refuses a read or write the running component did not declare and checks
each written layer's type after the component runs; in production they are a
plain dict and cost nothing.

Choices (issue 12):
- `claimed` has one writer. Organisations write `organization_claims` (offsets
  their rules gave to a product or series); products write `claimed`, those
  claims plus every product mention: what later rules must not read as a name.
- The organisations table is *extended* by people (an employer named before a
  title, 星辰智能執行長…, becomes an organisation). People's own rules must see
  it at once, so the extension is declared (`extended_by`) rather than hidden:
  a component that extends a layer it is not registered for is refused, and
  readers that run before the extender (products) see the table without it.
- `quantities`, `bylines` and `governments` were caches written on first use;
  they are declared layers now, each with its one writer.
"""
from __future__ import annotations

import os
import typing

from .layer_spec import Layer  # noqa: F401  (re-exported: components declare added sections with it)
from .extractors.entities import EntityTable
from .extractors.gazetteer import Match
from .extractors.product_layer import Product
from .extractors.records import Event, EventRoles, Fact, Quote, TimeExpression
from .quantities import Quantity
from .timex.model import Timex

# Set to 1 to check every layer access against the running component's declaration.
CHECK_ENV = "ZNE_CHECK_LAYERS"

Span = tuple[int, int]


LAYERS: dict[str, Layer] = {layer.name: layer for layer in (
    Layer("gazetteer", list[Match], "Knowledge-base aliases found in the text, in text order."),
    Layer("credits", list[Span], "The source credit closing an article: no news names in it."),
    Layer("quantities", list[Quantity], "Every number and quantity, in text order."),
    Layer("unread_numbers", list[Span],
          "Tails of sentences holding more numbers than prose does: not read for numbers."),
    Layer("organizations", EntityTable, "Organisations and their mentions.",
          extended_by=("people",)),
    Layer("organization_claims", dict[int, str],
          "Offsets organisations' rules read as a product or series, not a company."),
    Layer("products", list[Product], "Products with vendor, variants and mentions."),
    Layer("claimed", dict[int, str],
          "Offsets claimed by a product or series: no person, event or organiser there."),
    Layer("people", EntityTable, "People, their mentions, titles and employers."),
    Layer("bylines", list[Span], "Bylines (【記者X/台北】): no person found there is news."),
    Layer("governments", dict[str, str], "Government names (美國政府) -> organisation id."),
    Layer("police_force", dict[str, str], "The one police force (警務處) the text names: {\"force\": organisation id}, else empty."),
    Layer("time_expressions", list[TimeExpression], "Dates, times, periods and sets."),
    Layer("dates", list[Timex], "The expressions an event may take its date from."),
    Layer("events", list[Event], "Events, the primary one first."),
    Layer("facts", list[Fact], "Quantitative facts."),
    Layer("quotes", list[Quote], "Direct quotes and their speakers."),
    Layer("roles", EventRoles, "The primary event's participants."),
)}


class LayerOrderError(RuntimeError):
    """A pipeline whose declarations do not hold (raised at start-up)."""


class UndeclaredLayer(LookupError):
    """A component touched a layer it did not declare (raised with checking on)."""


def declared(component, kind: str) -> tuple[str, ...]:
    return tuple(getattr(component, kind, ()))


def registry(components) -> dict[str, Layer]:
    """LAYERS plus the layer each section-adding component registers itself
    (`adds_section`, a Layer named as the Result's section it fills)."""
    layers = dict(LAYERS)
    for c in components:
        added = getattr(c, "adds_section", None)
        if added is None:
            continue
        if added.name in layers:
            raise LayerOrderError(f"component {c.name!r} adds section {added.name!r}, "
                                  "a layer already registered")
        layers[added.name] = added
    return layers


def check_order(components, layers: dict[str, Layer] | None = None) -> None:
    """Raise LayerOrderError unless every layer read is written earlier, each
    written once and registered, and each extension registered."""
    layers = registry(components) if layers is None else layers
    writer: dict[str, str] = {}
    for c in components:
        for name in declared(c, "writes") + declared(c, "reads") + declared(c, "extends"):
            if name not in layers:
                raise LayerOrderError(f"component {c.name!r} declares layer {name!r}, "
                                      "which service/layers.py does not register")
        for name in declared(c, "reads") + declared(c, "extends"):
            if name not in writer:
                later = next((o.name for o in components if name in declared(o, "writes")), None)
                why = f"{later!r} writes it later" if later else "no component writes it"
                raise LayerOrderError(f"component {c.name!r} reads layer {name!r} before it is "
                                      f"written ({why})")
        for name in declared(c, "extends"):
            if c.name not in layers[name].extended_by:
                raise LayerOrderError(f"component {c.name!r} extends layer {name!r}, "
                                      f"whose only writer is {writer[name]!r}")
        for name in declared(c, "writes"):
            if name in writer:
                raise LayerOrderError(f"layer {name!r} has two writers: {writer[name]!r} "
                                      f"and {c.name!r}")
            writer[name] = c.name


def checking() -> bool:
    return os.environ.get(CHECK_ENV, "") not in ("", "0")


class CheckedLayers(dict):
    """doc.layers with checking on: the running component may read only what it
    reads, writes or extends, and write only what it writes. Outside a running
    component (a test poking a document) nothing is checked."""

    __slots__ = ("component", "_reads", "_writes")

    def __init__(self) -> None:
        super().__init__()
        self.run(None)

    def run(self, component) -> None:
        self.component = component
        if component is not None:
            self._writes = frozenset(declared(component, "writes"))
            self._reads = self._writes | set(declared(component, "reads")) \
                | set(declared(component, "extends"))

    def _check(self, name: str, write: bool) -> None:
        if self.component is None:
            return
        if name not in (self._writes if write else self._reads):
            raise UndeclaredLayer(f"component {self.component.name!r} "
                                  f"{'writes' if write else 'reads'} layer {name!r} "
                                  "without declaring it")

    def __getitem__(self, name):
        self._check(name, False)
        return dict.__getitem__(self, name)

    def get(self, name, default=None):
        self._check(name, False)
        return dict.get(self, name, default)

    def __contains__(self, name) -> bool:
        self._check(name, False)
        return dict.__contains__(self, name)

    def __setitem__(self, name, value) -> None:
        self._check(name, True)
        dict.__setitem__(self, name, value)

    def setdefault(self, name, default=None):
        self._check(name, True)
        return dict.setdefault(self, name, default)

    def check_types(self, component, layers: dict[str, Layer] | None = None) -> None:
        """After a component ran: each layer it wrote holds its registered type."""
        layers = registry([component]) if layers is None else layers
        for name in declared(component, "writes"):
            if dict.__contains__(self, name):
                why = layers[name].mismatch(dict.__getitem__(self, name))
                if why is not None:
                    raise TypeError(f"component {component.name!r} wrote layer {name!r}, which {why}")


def _type_name(t) -> str:
    args = typing.get_args(t)
    if not args:
        return getattr(t, "__name__", str(t))
    return f"{typing.get_origin(t).__name__}[{', '.join(_type_name(a) for a in args)}]"


def markdown(components) -> str:
    """The README's tables: each component in order with the layers it reads and
    writes, then each layer with its type and writer (tests/extractors/test_layers.py
    checks that the README is in step: `python -m service.layers` prints them)."""
    rows = ["| # | component | reads | writes |", "|---|---|---|---|"]
    writer: dict[str, str] = {}
    for i, c in enumerate(components, 1):
        writes = [f"`{n}`" for n in declared(c, "writes")]
        writes += [f"`{n}` (extends)" for n in declared(c, "extends")]
        reads = [f"`{n}`" for n in declared(c, "reads") if n not in declared(c, "extends")]
        rows.append(f"| {i} | `{c.name}` | {', '.join(reads) or '—'} | {', '.join(writes)} |")
        writer.update((n, c.name) for n in declared(c, "writes"))
    rows += ["", "| layer | type | written by | holds |", "|---|---|---|---|"]
    for layer in LAYERS.values():
        rows.append(f"| `{layer.name}` | `{_type_name(layer.type)}` | "
                    f"`{writer.get(layer.name, '?')}` | {layer.doc} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    from .pipeline import EXTRACTORS
    print(markdown(EXTRACTORS), end="")
