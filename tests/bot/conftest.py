from __future__ import annotations

import pytest

from knowledge.index import parse_sources
from knowledge.models import Passage, Source


@pytest.fixture(scope="session")
def parsed() -> tuple[dict[str, Source], dict[str, Passage]]:
    """Sources and passages parsed straight from the texts (no index or model needed)."""
    sources, passages = parse_sources()
    return {s.doc_id: s for s in sources}, {p.passage_id: p for p in passages}
