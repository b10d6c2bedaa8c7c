"""Tokenising and sentence splitting shared by BM25, chunking and answer extraction."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Words that carry meaning in this domain although general stop lists drop them.
_KEEP = {"not", "no", "never", "without", "under", "over", "alone", "first", "before", "after"}
_WORD = re.compile(r"[a-z0-9]")

_SENTENCE_END = re.compile(r"(?<=[.!?;:])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9•])|\n+")


@lru_cache(maxsize=1)
def _nlp() -> Language:
    import spacy

    return spacy.blank("en")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w for w in STOP_WORDS if w not in _KEEP)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free, Snowball-stemmed word tokens (spaCy's tokenizer)."""
    stop = _stop_words()
    words = []
    for token in _nlp().tokenizer(text.lower()):
        word = token.text.strip("'’.-")
        if not word or not _WORD.search(word) or word in stop:
            continue
        words.append(word)
    stems: list[str] = _stemmer().stemWords(words)
    return stems


def tokenize_many(texts: list[str]) -> list[list[str]]:
    return [tokenize(text) for text in texts]


def split_sentences(text: str) -> list[str]:
    """Split passage text into sentences and bullet items, keeping their exact wording."""
    parts = (part.strip() for part in _SENTENCE_END.split(text))
    return [part for part in parts if part]
