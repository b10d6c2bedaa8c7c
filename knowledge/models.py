"""Typed records shared by ingestion, indexing, search and the bot."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """One guidance document, as described in ``sources/sources.yml``."""

    doc_id: str
    file: str
    title: str
    short_title: str
    publisher: str
    year: int
    status: str
    currency_note: str = ""
    # Optional per-chapter status for documents whose parts differ (wt2010 chapters 9-12).
    status_by_chapter: dict[str, str] = field(default_factory=dict)

    def status_for(self, chapter: str | None) -> str:
        """Status of the part of the document that ``chapter`` (e.g. ``"9"``) belongs to."""
        if chapter is not None and chapter in self.status_by_chapter:
            return self.status_by_chapter[chapter]
        return self.status

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        fields = dict(data)
        fields["status_by_chapter"] = {str(k): str(v) for k, v in (fields.get("status_by_chapter") or {}).items()}
        fields["year"] = int(fields["year"])
        return cls(**fields)


@dataclass(frozen=True)
class Passage:
    """A citable unit of a source: a numbered paragraph, a recommendation, a section, a chunk.

    ``passage_id`` is readable and stable: ``wt2010:5.5``, ``wt2010:5.5#2`` for the second
    chunk of a long paragraph, ``laming2009:Rec 19``, ``cqc2009:Summary > Level 1 training``.
    ``para`` is what a citation shows (``5.5``, ``Appendix 5, 33``, ``Rec 19``, a heading path).
    ``section`` is the heading path the passage sits under (``Chapter 5 > Referrals``).
    """

    passage_id: str
    doc_id: str
    para: str
    section: str
    text: str
    kind: str = "paragraph"  # paragraph | recommendation | section | footnote | flowchart | glossary
    chapter: str | None = None
    chunk: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        return cls(**data)


@dataclass(frozen=True)
class Citation:
    """What an answer shows for a quoted passage."""

    doc_id: str
    para: str
    title: str
    quote: str
    status: str
    currency_note: str = ""
    section: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Hit:
    """A passage returned by a search, with its fused score and per-retriever ranks."""

    passage: Passage
    score: float
    title: str
    status: str
    dense_rank: int | None = None
    sparse_rank: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract in DESIGN.md: passage_id, doc_id, para, title, section, text, score."""
        return {
            "passage_id": self.passage.passage_id,
            "doc_id": self.passage.doc_id,
            "para": self.passage.para,
            "title": self.title,
            "section": self.passage.section,
            "text": self.passage.text,
            "score": round(self.score, 6),
            "status": self.status,
        }
