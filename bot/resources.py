"""Everything the dialogue logic reads: steps, passages, sources, contacts, the retriever.

Loaded once per process (the action server), lazily: building this object costs nothing;
the retriever (embedding model + index) loads on first use or on ``warm_up()``.
"""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from pathlib import Path

from bot.contacts import Contacts, load_contacts
from bot.pathways import Library, contact_values, default_library
from knowledge.index import DEFAULT_INDEX_DIR, load_passages
from knowledge.models import Passage, Source
from knowledge.search import Retriever
from knowledge.sources import sources_by_id

logger = logging.getLogger(__name__)


class Resources:
    def __init__(self, index_dir: Path = DEFAULT_INDEX_DIR) -> None:
        self.index_dir = index_dir
        self._retriever: Retriever | None = None
        self._lock = threading.Lock()

    @cached_property
    def library(self) -> Library:
        return default_library()

    @cached_property
    def contacts(self) -> Contacts:
        return load_contacts()

    @cached_property
    def sources(self) -> dict[str, Source]:
        return sources_by_id()

    @cached_property
    def passages(self) -> dict[str, Passage]:
        if self._retriever is not None:
            return self._retriever.data.passages
        return load_passages(self.index_dir)

    @property
    def retriever(self) -> Retriever:
        with self._lock:
            if self._retriever is None:
                logger.info("loading the retriever from %s", self.index_dir)
                self._retriever = Retriever.load(self.index_dir)
            return self._retriever

    def warm_up(self) -> None:
        """Load everything now (model, index) and embed one query, so the first user
        doesn't wait for it."""
        self.library  # noqa: B018 - load and validate the pathway files
        self.contacts  # noqa: B018
        self.retriever.search("warm up the embedding model", k=1)

    def values(self, role: str | None = None) -> dict[str, str]:
        return contact_values(self.contacts, role)


_shared: Resources | None = None
_shared_lock = threading.Lock()


def shared() -> Resources:
    """The process-wide Resources (created on first call)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Resources()
        return _shared
