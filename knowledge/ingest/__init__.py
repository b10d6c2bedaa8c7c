"""Ingestion: from a source text to citable passages.

Each document has its own parser module exposing ``parse(text: str) -> list[Passage]``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from knowledge.errors import SourceError
from knowledge.models import Passage

_PARSERS = {
    "wt2010": "knowledge.ingest.wt2010",
    "laming2009": "knowledge.ingest.laming",
    "cqc2009": "knowledge.ingest.cqc",
    "cqc2016": "knowledge.ingest.cqc",
    "jci2008": "knowledge.ingest.jci",
}


def parser_for(doc_id: str) -> Callable[[str], list[Passage]]:
    """The ``parse`` function for ``doc_id``."""
    try:
        module_name = _PARSERS[doc_id]
    except KeyError:
        raise SourceError(f"no parser for doc_id {doc_id!r}; known: {sorted(_PARSERS)}") from None
    module = import_module(module_name)
    parse: Callable[[str], list[Passage]]
    if doc_id.startswith("cqc"):
        parse = getattr(module, f"parse_{doc_id}")
    else:
        parse = module.parse
    return parse
