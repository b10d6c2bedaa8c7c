"""Split long passages into overlapping chunks that keep their paragraph's id."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.models import Passage
from knowledge.text import split_sentences

MAX_WORDS = 120


@dataclass(frozen=True)
class Chunk:
    """A piece of one passage, the unit that is embedded and scored."""

    chunk_id: str  # "wt2010:5.5" when the passage is one chunk, else "wt2010:5.5#2"
    parent_id: str
    text: str


def _words(text: str) -> int:
    return len(text.split())


def chunk_passage(passage: Passage, max_words: int = MAX_WORDS, overlap: bool = True) -> list[Chunk]:
    """One chunk if the passage is short, otherwise sentence windows of at most
    ``max_words`` words, overlapping by one sentence when ``overlap``."""
    if max_words <= 0:
        raise ValueError(f"max_words must be > 0, got {max_words}")
    if _words(passage.text) <= max_words:
        return [Chunk(passage.passage_id, passage.passage_id, passage.text)]
    sentences = split_sentences(passage.text)
    windows: list[list[str]] = []
    current: list[str] = []
    for sentence in sentences:
        if current and _words(" ".join(current)) + _words(sentence) > max_words:
            windows.append(current)
            # Overlap by the last sentence so a statement split across windows survives.
            current = [current[-1]] if overlap and _words(current[-1]) < max_words // 2 else []
        current.append(sentence)
    if current:
        windows.append(current)
    return [
        Chunk(f"{passage.passage_id}#{number}", passage.passage_id, " ".join(window))
        for number, window in enumerate(windows, start=1)
    ]
