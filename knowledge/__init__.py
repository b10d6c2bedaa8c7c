"""Retrieval over the safeguarding guidance: sources -> passages -> dense + BM25 index -> search.

Pure Python library: never imports rasa, rasa_sdk, actions or bot. Nothing is loaded at
import time; see :class:`knowledge.search.Retriever`.
"""

from knowledge.errors import (
    IndexMismatchError,
    IndexNotFoundError,
    KnowledgeError,
    QueryError,
    SourceError,
)
from knowledge.models import Citation, Hit, Passage, Source

__all__ = [
    "Citation",
    "Hit",
    "IndexMismatchError",
    "IndexNotFoundError",
    "KnowledgeError",
    "Passage",
    "QueryError",
    "Source",
    "SourceError",
]
