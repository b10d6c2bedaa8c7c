"""Citations: from a (document, paragraph, phrase) reference to the verbatim quote shown."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from knowledge.ingest.clean import normalise_for_match
from knowledge.models import Citation, Passage, Source
from knowledge.text import split_sentences

# Short labels used inline in answers: "(Working Together 2010, 5.13)".
SHORT_NAMES = {
    "wt2010": "Working Together 2010",
    "laming2009": "Laming 2009",
    "cqc2009": "CQC 2009",
    "cqc2016": "CQC 2016 (Not seen, not heard)",
    "jci2008": "Joint chief inspectors 2008",
}

# How an answer introduces a quote, by the status of its source.
STATUS_LABELS = {
    "statutory guidance": "Statutory guidance",
    "non-statutory practice guidance": "Practice guidance (non-statutory)",
    "independent review": "Review recommendation/finding (not a duty)",
    "inspection findings": "Inspection finding (what inspectors found then, not a duty)",
}


class CitationError(LookupError):
    """A reference names a paragraph or phrase that the guidance does not contain."""


@dataclass(frozen=True)
class CiteRef:
    doc_id: str
    para: str
    contains: str

    @property
    def passage_id(self) -> str:
        return f"{self.doc_id}:{self.para}"


def short_label(doc_id: str, para: str) -> str:
    name = SHORT_NAMES.get(doc_id, doc_id)
    if doc_id in ("cqc2009", "cqc2016"):
        return f"{name}, '{para}'"
    return f"{name}, {para}"


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.capitalize())


def quote_for(passage: Passage, phrase: str) -> str:
    """The sentence(s) of ``passage`` that contain ``phrase``, verbatim."""
    target = normalise_for_match(phrase)
    sentences = split_sentences(passage.text)
    normalised = [normalise_for_match(s) for s in sentences]
    for size in (1, 2, 3):
        for start in range(0, len(sentences) - size + 1):
            if target in " ".join(normalised[start : start + size]):
                return " ".join(sentences[start : start + size])
    if target in normalise_for_match(passage.text):
        return passage.text
    raise CitationError(f"{passage.passage_id} does not contain {phrase!r}")


def make_citation(passage: Passage, source: Source, quote: str) -> Citation:
    return Citation(
        doc_id=passage.doc_id,
        para=passage.para,
        title=source.short_title,
        quote=quote,
        status=source.status_for(passage.chapter),
        currency_note=source.currency_note if passage.doc_id == "wt2010" else "",
        section=passage.section,
    )


def resolve(ref: CiteRef, passages: Mapping[str, Passage], sources: Mapping[str, Source]) -> Citation:
    """The citation for ``ref``; CitationError if the paragraph or the phrase is missing."""
    passage = passages.get(ref.passage_id)
    if passage is None:
        raise CitationError(f"no passage {ref.passage_id} in the guidance index")
    source = sources.get(ref.doc_id)
    if source is None:
        raise CitationError(f"unknown document {ref.doc_id!r}")
    return make_citation(passage, source, quote_for(passage, ref.contains))


def currency_note_for(citations: list[Citation]) -> str:
    """One currency/status note for a set of citations (empty if none needed)."""
    notes = []
    seen: set[str] = set()
    for citation in citations:
        if citation.currency_note and citation.doc_id not in seen:
            seen.add(citation.doc_id)
            notes.append(citation.currency_note)
    return " ".join(notes)


_SPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
