"""Query checking and expansion: what a practitioner typed -> what the index understands."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge.errors import QueryError

MAX_QUERY_CHARS = 4000
VOCABULARY_PATH = Path(__file__).resolve().parent / "vocabulary.yml"

# Which document a question names. A named document is preferred, not required.
DOC_MENTIONS: dict[str, re.Pattern[str]] = {
    "laming2009": re.compile(r"\blaming\b|progress report", re.I),
    "cqc2016": re.compile(r"not seen,? not heard|\bcqc\b.{0,40}\b2016\b|\b2016\b.{0,40}\bcqc\b", re.I),
    "cqc2009": re.compile(
        r"\bcqc\b.{0,40}\b2009\b|\b2009\b.{0,40}\bcqc\b|care quality commission.{0,40}2009|"
        r"(?:cqc|care quality commission).{0,60}\bnhs\b|\bnhs\b.{0,60}\breview\b.{0,20}\b2009\b",
        re.I,
    ),
    "cqc": re.compile(r"\bcqc\b|care quality commission", re.I),
    "jci2008": re.compile(
        r"joint chief inspectors?|chief inspectors'? report|\bjci\b"
        r"|inspectors'? (?:report|review) .{0,20}2008|2008 .{0,30}(?:inspectors|ofsted)",
        re.I,
    ),
    "wt2010": re.compile(r"working together", re.I),
}

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORDS = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Query:
    """A checked query and what expansion added to it."""

    text: str  # cleaned original
    expanded: str  # text plus expansions, for BM25 and the dense model
    expansions: tuple[tuple[str, str], ...]  # (term as typed, expansion)
    docs: tuple[str, ...]  # documents the question names


def clean_query(raw: str | bytes) -> str:
    """Decode, strip control and zero-width characters, collapse whitespace."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    text = unicodedata.normalize("NFKC", raw)
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text).replace("\ufffd", " ")
    return re.sub(r"\s+", " ", text).strip()


def check_query(raw: str | bytes, max_chars: int = MAX_QUERY_CHARS) -> str:
    """The cleaned query, or QueryError saying what is wrong with it."""
    text = clean_query(raw)
    if not text:
        raise QueryError("the query is empty: type a question about the guidance")
    if len(text) > max_chars:
        raise QueryError(
            f"the query is {len(text)} characters long; the limit is {max_chars}: ask one question at a time"
        )
    if not _WORDS.search(text):
        raise QueryError("the query has no words to search for: type a question in English")
    return text


@lru_cache(maxsize=1)
def load_vocabulary(path: Path = VOCABULARY_PATH) -> dict[str, str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in (data.get("terms") or {}).items()}


def _term_pattern(term: str) -> re.Pattern[str]:
    # Abbreviations (all capitals) match case-sensitively, allowing a plural "s";
    # phrases match case-insensitively.
    escaped = re.escape(term)
    if term.isupper() and len(term) <= 6:
        return re.compile(rf"(?<![\w&]){escaped}s?(?![\w&])")
    return re.compile(rf"(?<![\w&]){escaped}(?![\w&])", re.I)


@lru_cache(maxsize=4096)
def _compiled(term: str) -> re.Pattern[str]:
    return _term_pattern(term)


def expand_query(text: str, glossary: dict[str, str], vocabulary: dict[str, str]) -> Query:
    """Append the expansions of abbreviations and practitioner terms found in ``text``."""
    expansions: list[tuple[str, str]] = []
    seen: set[str] = set()
    for table in (vocabulary, glossary):
        for term, expansion in table.items():
            key = term.lower()
            if key in seen or len(term) < 2:
                continue
            if table is glossary and not term.isupper():
                continue
            match = _compiled(term).search(text)
            if match:
                seen.add(key)
                if expansion.lower() not in text.lower():
                    expansions.append((match.group(0), expansion))
    docs = [doc for doc, pattern in DOC_MENTIONS.items() if pattern.search(text)]
    if any(d in docs for d in ("cqc2009", "cqc2016")) and "cqc" in docs:
        docs.remove("cqc")
    expanded = text
    if expansions:
        expanded = f"{text} ({'; '.join(e for _, e in expansions)})"
    return Query(text=text, expanded=expanded, expansions=tuple(expansions), docs=tuple(docs))
