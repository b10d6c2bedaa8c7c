"""Extractive answers: the sentences of the best passages that answer a question, quoted
verbatim with their citations, or an honest "I can't find that" when retrieval is unsure."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.citations import currency_note_for, make_citation, short_label, status_label
from bot.messages import BotMessage, Button
from bot.scope import ScopeGap, scope_gap
from knowledge.models import Citation, Hit, Source
from knowledge.search import SearchResult
from knowledge.text import split_sentences, tokenize

FEEDBACK_BUTTONS = (
    Button("👍 Helpful", "/feedback_helpful"),
    Button("👎 Not helpful", "/feedback_not_helpful"),
)

# Retrieval confidence: answer when the best passage is close enough in meaning (cosine of the
# best chunk) AND shares enough of the question's specific words (idf-weighted coverage of the
# top passage). Any one (min_dense, min_coverage) pair suffices. Calibrated on the dev
# questions, short "what is X" questions and out-of-scope questions (docs/benchmarks.md).
CONFIDENCE_RULES: tuple[tuple[float, float], ...] = (
    (0.60, 0.0),
    (0.50, 0.35),
    (0.45, 0.50),
    (0.40, 0.90),
)
SECOND_PASSAGE_RATIO = 0.85
MAX_PASSAGES = 3  # quote a second passage if it scores this close to the first
MAX_QUOTE_CHARS = 600

_FOLLOW_UP = re.compile(
    r"^(?:and|but|so|ok(?:ay)?|what|how|also)?\s*(?:what|how)\s+about\b|^(?:and\s+)?(?:what\s+)?if\s+(?:she|he|they|it|the)\b"
    r"|^(?:and|also)\b|^same\s+(?:for|if)\b|^(?:does|is|would)\s+(?:that|this|it)\b",
    re.IGNORECASE,
)
_ASKS_TIME = re.compile(
    r"\b(?:how long|how soon|how often|when|deadline|timescale|within|by when|how quickly|how many days)\b",
    re.IGNORECASE,
)
_COMPOUND = re.compile(
    r"\?\s+(?=\S)|,?\s+and\s+(?=(?:what|when|how|who|which|where|why|is|are|does|do|can|should|must|would)\b)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fifteen|thirty|forty)\b", re.I)


@dataclass(frozen=True)
class AnswerDecision:
    confident: bool
    reason: str


def contextual_query(text: str, previous_question: str | None) -> str:
    """Fold a short follow-up ("what about if she's 16?") into the previous question."""
    words = text.split()
    if previous_question and len(words) <= 12 and _FOLLOW_UP.search(text.strip()):
        return f"{previous_question} {text}"
    return text


def decide(result: SearchResult) -> AnswerDecision:
    if not result.hits:
        return AnswerDecision(False, result.reason or "no passage matched")
    detail = f"dense {result.top_dense:.2f}, coverage {result.top_coverage:.2f}"
    for min_dense, min_coverage in CONFIDENCE_RULES:
        if result.top_dense >= min_dense and result.top_coverage >= min_coverage:
            return AnswerDecision(True, detail)
    return AnswerDecision(False, f"not confident ({detail})")


def _score_sentence(sentence: str, query_terms: set[str], asks_time: bool) -> float:
    terms = set(tokenize(sentence))
    if not terms:
        return 0.0
    overlap = len(terms & query_terms)
    score = overlap / math.sqrt(len(terms))
    if asks_time and _NUMBER.search(sentence):
        score += 0.5
    return score


def best_sentences(text: str, query: str, limit: int = 2) -> list[str]:
    """Up to ``limit`` sentences of ``text`` that best match ``query``, in text order."""
    sentences = [s for s in split_sentences(text) if len(s) > 20] or [text]
    query_terms = set(tokenize(query))
    asks_time = bool(_ASKS_TIME.search(query))
    scored = sorted(
        range(len(sentences)),
        key=lambda i: (-_score_sentence(sentences[i], query_terms, asks_time), i),
    )
    chosen = sorted(scored[:limit])
    picked: list[str] = []
    for index in chosen:
        sentence = sentences[index]
        if len(sentence) > MAX_QUOTE_CHARS:
            sentence = sentence[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        picked.append(sentence)
    return picked


def _select_hits(hits: Sequence[Hit]) -> list[Hit]:
    first = hits[0]
    chosen = [first]
    for hit in hits[1:3]:
        if hit.score >= SECOND_PASSAGE_RATIO * first.score and hit.passage.passage_id != first.passage.passage_id:
            chosen.append(hit)
            break
    return chosen


def split_question(text: str) -> list[str]:
    """The searches for a question: the question itself, plus each part of a compound
    question ("when must X happen, and how long does it take?"), so no part goes unanswered."""
    parts = [p.strip(" ,;") for p in _COMPOUND.split(text) if p and p.strip(" ,;")]
    parts = [p for p in parts if len(p.split()) >= 3]
    if len(parts) < 2:
        return [text]
    # The whole question first (it keeps the context "it" refers to), then each part.
    return [text, *parts[:2]]


def compose_answer(parts: list[tuple[SearchResult, str]], sources: dict[str, Source]) -> BotMessage:
    """Quote the best sentences of the top passage(s) for each part of the question, labelled
    by status, with citations."""
    lines = ["Here is what the guidance says:"]
    citations: list[Citation] = []
    has_findings = False
    seen: set[str] = set()
    queries = []
    for result, query in parts:
        queries.append(query)
        for hit in _select_hits(result.hits)[: 2 if len(parts) == 1 else 1]:
            if len(seen) >= MAX_PASSAGES:
                break
            passage = hit.passage
            if passage.passage_id in seen:
                continue
            seen.add(passage.passage_id)
            source = sources[passage.doc_id]
            quote = " ".join(best_sentences(passage.text, query))
            citation = make_citation(passage, source, quote)
            citations.append(citation)
            label = status_label(citation.status)
            if citation.status in ("inspection findings", "independent review"):
                has_findings = True
            lines.append(f"• {label} — “{quote}” ({short_label(passage.doc_id, passage.para)})")
    if has_findings:
        lines.append(
            "Inspection reports and reviews describe what was found or proposed at the time, not what you must do."
        )
    note = currency_note_for(citations)
    if note:
        lines.append(f"Note: {note}")
    lines.append("If this doesn't answer your question, ask your designated safeguarding lead.")
    return BotMessage(
        kind="answer",
        text="\n".join(lines),
        citations=tuple(citations),
        buttons=FEEDBACK_BUTTONS,
        extra={"query": " | ".join(queries)},
    )


def abstain_message(lead: str, nspcc: str, gap: ScopeGap | None = None) -> BotMessage:
    """The honest answer when the guidance does not (confidently) cover the question."""
    if gap is not None:
        first = f"I can't answer that from the guidance I have: {gap.reason}."
    else:
        first = (
            "I can't find that in the guidance I have (Working Together 2010, Lord Laming's 2009 "
            "report, the CQC reviews of 2009 and 2016 and the 2008 joint chief inspectors' report), "
            "so I won't guess."
        )
    text = "\n".join(
        [
            first,
            f"Please ask {lead}, or call {nspcc}, which advises professionals and anyone worried about a child.",
            "If a child is in immediate danger, call 999.",
        ]
    )
    return BotMessage(
        kind="abstain",
        text=text,
        extra={"reason": gap.key if gap else "not_found"},
    )


__all__ = [
    "AnswerDecision",
    "FEEDBACK_BUTTONS",
    "abstain_message",
    "best_sentences",
    "compose_answer",
    "contextual_query",
    "split_question",
    "decide",
    "scope_gap",
]
