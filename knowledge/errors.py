"""Error hierarchy for the knowledge library."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class for every error raised by :mod:`knowledge`."""


class SourceError(KnowledgeError):
    """A source text or the sources manifest is missing or malformed."""


class IndexNotFoundError(KnowledgeError):
    """No built index exists where one was expected."""


class IndexMismatchError(KnowledgeError):
    """A built index exists but does not match the current sources, parser or model."""


class QueryError(KnowledgeError):
    """A query cannot be searched (empty, too long, undecodable...)."""
