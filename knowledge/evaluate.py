"""Retrieval evaluation against gold passages: recall@k and MRR@10 per retrieval mode."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.errors import KnowledgeError
from knowledge.ingest.clean import normalise_for_match
from knowledge.search import MODES, Mode, Retriever

CUTOFFS = (1, 5, 10)


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    quotes: tuple[str, ...]  # normalised gold quotes; any one of them is a hit
    kind: str = ""
    difficulty: str = ""


@dataclass(frozen=True)
class ModeScores:
    mode: str
    recall: dict[int, float]
    mrr10: float
    ranks: dict[str, int | None]  # question id -> first relevant rank (1-based) or None


def load_gold(path: Path) -> list[GoldQuestion]:
    if not path.is_file():
        raise KnowledgeError(f"gold file not found: {path}")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            quotes = tuple(normalise_for_match(g["quote"]) for g in row["gold"])
            questions.append(
                GoldQuestion(
                    str(row["id"]),
                    row["question"],
                    quotes,
                    row.get("kind", ""),
                    row.get("difficulty", ""),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise KnowledgeError(f"{path}:{number}: not a gold question line ({exc})") from exc
    if not questions:
        raise KnowledgeError(f"{path} has no questions")
    return questions


def first_relevant_rank(texts: list[str], quotes: tuple[str, ...]) -> int | None:
    for rank, text in enumerate(texts, start=1):
        normalised = normalise_for_match(text)
        if any(quote in normalised for quote in quotes):
            return rank
    return None


def evaluate(retriever: Retriever, questions: list[GoldQuestion], modes: tuple[Mode, ...] = MODES) -> list[ModeScores]:
    results = []
    depth = max(CUTOFFS)
    for mode in modes:
        ranks: dict[str, int | None] = {}
        for question in questions:
            hits = retriever.search(question.question, k=depth, mode=mode).hits
            ranks[question.id] = first_relevant_rank([h.passage.text for h in hits], question.quotes)
        total = len(questions)
        recall = {cutoff: sum(1 for r in ranks.values() if r is not None and r <= cutoff) / total for cutoff in CUTOFFS}
        mrr = sum(1.0 / r for r in ranks.values() if r is not None and r <= 10) / total
        results.append(ModeScores(mode, recall, mrr, ranks))
    return results


def format_table(scores: list[ModeScores], count: int) -> str:
    header = f"{'mode':<8} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7}   ({count} questions)"
    lines = [header, "-" * len(header)]
    for s in scores:
        lines.append(f"{s.mode:<8} {s.recall[1]:>6.3f} {s.recall[5]:>6.3f} {s.recall[10]:>6.3f} {s.mrr10:>7.3f}")
    return "\n".join(lines)


def scores_to_dict(scores: list[ModeScores]) -> dict[str, Any]:
    return {
        s.mode: {
            "recall@1": s.recall[1],
            "recall@5": s.recall[5],
            "recall@10": s.recall[10],
            "mrr@10": s.mrr10,
        }
        for s in scores
    }
