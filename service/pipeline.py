"""The extraction pipeline: build a Document, run the extractors in order, serialise.

Heavy state (segmenter dictionary, knowledge base, script tables) is loaded
once per process by `get_pipeline()`; after loading nothing in it changes, so
one Pipeline serves every thread.
"""
from __future__ import annotations

import datetime as _dt
import time
from typing import Callable, Sequence

from .extractors.credited_staff import CreditedStaff
from .extractors.credits import Credits
from .extractors.events import Events
from .extractors.facts import Facts
from .extractors.gazetteer import Gazetteer
from .extractors.organizations import Organizations
from .extractors.people import People
from .extractors.products import Products
from .extractors.quantity_scan import Quantities
from .extractors.quotes import Quotes
from .extractors.roles import Roles
from .kb import KnowledgeBase, knowledge_base
from .layers import CheckedLayers, check_order, checking
from .nlp import automata
from .nlp.document import Document, build_document
from .nlp.segment import Segmenter, glued_titles
from .nlp.text import tables
from . import bounds
from .deadline import DeadlineExceeded, check, within  # noqa: F401  (re-exported)
from .once import Once
from . import patterncache
from .timex import TimeExpressions
from .serialize import SCHEMA_VERSION, to_result  # noqa: F401  (re-exported)


# Pipeline.extract_many holds at most this many characters of documents at once
# (the fixture and real-text articles are ~1,000 characters, the seed 5,316): the
# caches' gain is had by a few documents, memory stays that of one long text.
BATCH_CHARS = 65_536

WARM_UP_TEXT = "在台北時間2024年7月30日早上6點,星辰智能執行長孫嘉禾在發布會上表示:「你好。」"

# The extractors in the order they run; each declares the layers it reads and
# writes (registered in service/layers.py), and the order is checked at start-up.
EXTRACTORS = (Gazetteer, Credits, CreditedStaff, Quantities, Organizations, Products, People, TimeExpressions,
              Events, Facts, Quotes, Roles)


class Pipeline:
    def __init__(self, kb: KnowledgeBase | None = None, extractors: tuple = EXTRACTORS) -> None:
        self._observers: tuple[Callable[[str, float], None], ...] = ()
        tables()  # build the script tables now, not on the first request
        self.kb = kb or knowledge_base()
        self.segmenter = Segmenter(self.kb.user_words() + self._lexicon_words(), places=self.kb.places,
                                   glued=self._glued_titles(), split=self._split_kinds())
        self.components = [cls(self.kb, self.segmenter) for cls in extractors]
        self._check_order()
        automata.prepare()   # the shared pass's automaton (~20,000 words), built now
        # Sections components add to the Result beyond the built-in ones (README,
        # "Adding an output section"), in pipeline order.
        self.added_sections = tuple(c.adds_section.name for c in self.components
                                    if getattr(c, "adds_section", None) is not None)
        # Check every layer access against the declarations (the test suite does).
        self.check_layers = checking()
        # First calls compile patterns and fault in dictionaries: pay that now.
        self.process(WARM_UP_TEXT)
        # Start-up's patterns are compiled: the engines back as they were.
        patterncache.finish()

    def _lexicon_words(self) -> list[tuple[str, str]]:
        """Titles and event words, so the segmenter keeps them whole (執行長 孫嘉禾,
        not 執行 長孫 嘉禾)."""
        words = [(form, "n") for form in self.kb.titles]
        words += [(w, "n") for w in self.kb.lex.get("event_suffixes", ())]
        words += [(w, "n") for w in self.kb.lex.get("fact_nouns", ())]
        words += [(w, "n") for w in self.kb.lex.get("joined_body_kinds", ())]   # 审 / 裁处 -> 审裁处
        return words

    def _glued_titles(self) -> set[str]:
        """A body's kind and a title as one word (局局长, 局主席): the segmenter never
        keeps them whole, so a body's name and its title are always read apart."""
        lex = self.kb.lex
        kinds = {*lex.get("public_body_kinds", ()), *lex.get("body_unit_kinds", ()), *lex.get("body_councils", ())}
        return glued_titles(kinds, self.kb.titles)

    def _split_kinds(self) -> set[str]:
        """A body's one-character kind and a function character as one word (署以, 局于,
        局所): cut back into two tokens, so the kind still ends the body's name."""
        lex = self.kb.lex
        return {kind + char for kind in lex.get("split_kind_chars", ())
                for char in lex.get("split_function_chars", ())}

    def _check_order(self) -> None:
        """Every layer read is written by an earlier component, no layer has two
        writers, every layer is registered: else LayerOrderError, naming both."""
        check_order(self.components)

    def observe_components(self, observer: Callable[[str, float], None]) -> None:
        """Call observer(component name, seconds) after every component runs
        (metrics). Set once, at start-up; observers must be thread-safe."""
        self._observers = (*self._observers, observer)

    def process(self, text: str, *, doc_id: str | None = None,
                reference_date: _dt.date | None = None,
                deadline: float | None = None) -> Document:
        """Build the document and run every extractor over it.

        `deadline` is a `time.monotonic()` value: once it has passed,
        `DeadlineExceeded` is raised from the next `service.deadline.check` call,
        which every stage makes inside its loops.
        """
        with within(deadline):
            return self._process(text, doc_id, reference_date)

    def _process(self, text, doc_id, reference_date) -> Document:
        check("document")
        doc = build_document(text, self.segmenter, doc_id=doc_id, reference_date=reference_date)
        if self.check_layers:
            return self._process_checked(doc)
        for component in self.components:
            self._run(component, doc)
        return doc

    def _run(self, component, doc: Document) -> None:
        """One component over one document, timed for the observers when there are any."""
        check(component.name)
        if not self._observers:
            component(doc)
            return
        started = time.perf_counter()
        component(doc)
        elapsed = time.perf_counter() - started
        for observe in self._observers:
            observe(component.name, elapsed)

    def _process_checked(self, doc: Document) -> Document:
        """_process with every layer access checked (see service/layers.py)."""
        doc.layers = layers = CheckedLayers()
        for component in self.components:
            check(component.name)
            layers.run(component)
            started = time.perf_counter()
            try:
                component(doc)
            finally:
                layers.run(None)
            elapsed = time.perf_counter() - started
            layers.check_types(component)
            for observe in self._observers:
                observe(component.name, elapsed)
        return doc

    def extract(self, text: str, *, doc_id: str | None = None,
                reference_date: _dt.date | None = None,
                deadline: float | None = None) -> dict:
        """Return the Result (a plain dict shaped as schema/extraction.schema.json).

        Raises `DeadlineExceeded` once `deadline` (time.monotonic()) has passed.
        """
        with within(deadline):
            doc = self._process(text, doc_id, reference_date)
            check("serialize")
            return bounds.apply(to_result(doc, self.kb, self.added_sections), text)

    def extract_many(self, documents: Sequence[tuple[str, str | None, _dt.date | None]]) -> list[dict]:
        """The Results of several (text, doc_id, reference_date): what `extract` gives
        for each, in order, with no deadline.

        The batch is run stage by stage (every document built, then each component
        over every document, then each serialised), not document by document: a
        stage's tables (the segmenter's dictionary, the automata) and code stay in
        the CPU's caches from one document to the next instead of being evicted by
        the other stages. On the fixture and real-text corpora in batches of 16 that
        is 12-24 % less CPU (benchmarks/PROFILE.md, wave 8). Documents are independent:
        no state passes between them, so the Results are extract's.

        Raises what `extract` raises for a document that fails (which one, when
        several would, is not defined): callers that need each document's own
        outcome retry the batch one document at a time. Documents are held at
        once in groups of at most BATCH_CHARS characters (a longer one alone), so
        memory stays that of one long document.
        """
        results: list[dict] = []
        group: list = []
        size = 0
        for document in documents:
            if group and size + len(document[0]) > BATCH_CHARS:
                results.extend(self._extract_group(group))
                group, size = [], 0
            group.append(document)
            size += len(document[0])
        if group:
            results.extend(self._extract_group(group))
        return results

    def _extract_group(self, documents: list) -> list[dict]:
        with within(None):
            docs = []
            for text, doc_id, reference_date in documents:
                check("document")
                docs.append(build_document(text, self.segmenter, doc_id=doc_id,
                                           reference_date=reference_date))
            if self.check_layers:
                docs = [self._process_checked(doc) for doc in docs]
            else:
                for component in self.components:
                    for doc in docs:
                        self._run(component, doc)
            results = []
            for doc in docs:
                check("serialize")
                results.append(bounds.apply(to_result(doc, self.kb, self.added_sections), doc.text))
            return results


# The process's pipeline, loaded once (thread-safe) on first use.
get_pipeline: Once[Pipeline] = Once(Pipeline)


def is_ready() -> bool:
    return get_pipeline.loaded
