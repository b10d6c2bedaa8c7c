"""Hybrid retrieval: dense (FAISS) + sparse (BM25) over chunks, fused per passage."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from knowledge.embed import Embedder, MiniLMEmbedder
from knowledge.errors import QueryError
from knowledge.index import DEFAULT_INDEX_DIR, IndexData, heading_of, load_index, query_embedder
from knowledge.models import Hit, Passage
from knowledge.query import Query, check_query, expand_query, load_vocabulary
from knowledge.text import tokenize

logger = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "sparse"]
_SUMMARY = re.compile(r"^(?:Executive summary|Foreword|Introduction)\b")
MODES: tuple[Mode, ...] = ("sparse", "dense", "hybrid")


@dataclass(frozen=True)
class FusionConfig:
    """How the two rankings are combined. Defaults chosen on the dev set (docs/benchmarks.md)."""

    method: Literal["rrf", "weighted"] = "weighted"
    rrf_k: int = 60
    dense_weight: float = 0.7  # weighted: share of the dense cosine vs normalised BM25 (0.6 before fine-tuning)
    doc_boost: float = 0.15  # added to passages of a document the question names
    summary_penalty: float = 0.1  # taken from summaries/forewords that restate the body
    heading_boost: float = 0.1  # added when the question closely paraphrases the heading
    heading_threshold: float = 0.8  # cosine between question and heading counted as "closely"
    candidates: int = 100  # passages taken from each retriever before fusion


@dataclass(frozen=True)
class SearchResult:
    """Hits for one query, with what the confidence decision needs."""

    query: str
    hits: list[Hit]
    expanded_query: str = ""
    reason: str = ""  # why hits is empty, when it is
    top_dense: float = 0.0  # best cosine similarity of any chunk
    top_sparse: float = 0.0  # best raw BM25 score of any chunk
    known_terms: float = 0.0  # share of query tokens that occur in the corpus
    top_coverage: float = 0.0  # idf-weighted share of the question words in the top passage
    docs: tuple[str, ...] = field(default_factory=tuple)


class Retriever:
    """Loads an index once and answers queries. Thread-safe for concurrent ``search`` calls."""

    def __init__(
        self,
        data: IndexData,
        embedder: Embedder,
        fusion: FusionConfig | None = None,
    ) -> None:
        self.data = data
        self.embedder = embedder
        self.fusion = fusion or FusionConfig()
        self._lock = threading.Lock()
        self._vocabulary = load_vocabulary()
        self._parent_rows = self._group_rows()
        self._known = set(getattr(data.bm25, "vocab_dict", {}) or {})
        self._summary = self._summary_mask()
        position = {heading: i for i, heading in enumerate(data.headings)}
        self._heading_rows = np.array(
            [position.get(heading_of(data.passages[p]), 0) for p in self._parent_rows[0]],
            dtype=np.int64,
        )
        self._has_heading = np.array(
            [heading_of(data.passages[p]) in position for p in self._parent_rows[0]], dtype=np.float32
        )

    @classmethod
    def load(
        cls,
        index_dir: Path = DEFAULT_INDEX_DIR,
        embedder: Embedder | None = None,
        fusion: FusionConfig | None = None,
        *,
        check_current: bool = True,
    ) -> Retriever:
        embedder = embedder or MiniLMEmbedder()
        data = load_index(index_dir, embedder=embedder, check_current=check_current)
        return cls(data, query_embedder(index_dir, embedder, data.manifest), fusion)

    def _group_rows(self) -> tuple[list[str], np.ndarray]:
        """Parent passage ids, and for each chunk row the index of its parent."""
        parents: list[str] = []
        position: dict[str, int] = {}
        owner = np.empty(len(self.data.chunks), dtype=np.int64)
        for row, chunk in enumerate(self.data.chunks):
            if chunk.parent_id not in position:
                position[chunk.parent_id] = len(parents)
                parents.append(chunk.parent_id)
            owner[row] = position[chunk.parent_id]
        return parents, owner

    def passage(self, passage_id: str) -> Passage | None:
        return self.data.passages.get(passage_id)

    def prepare(self, raw: str | bytes) -> Query:
        return expand_query(check_query(raw), self.data.glossary, self._vocabulary)

    def _per_parent(self, chunk_scores: np.ndarray) -> np.ndarray:
        parents, owner = self._parent_rows
        best = np.full(len(parents), -np.inf, dtype=np.float32)
        np.maximum.at(best, owner, chunk_scores.astype(np.float32))
        return best

    def _dense_scores(self, vector: np.ndarray) -> np.ndarray:
        count = self.data.faiss_index.ntotal
        with self._lock:  # faiss search is thread-safe, but keep one big search at a time
            scores, rows = self.data.faiss_index.search(vector, count)
        out = np.full(count, -1.0, dtype=np.float32)
        valid = rows[0] >= 0  # FAISS pads with -1 when it returns fewer rows
        out[rows[0][valid]] = scores[0][valid]
        return out

    def _query_vector(self, query: Query) -> np.ndarray:
        vector: np.ndarray = self.embedder.embed([query.expanded])
        return vector

    def _heading_match(self, vector: np.ndarray) -> np.ndarray:
        """1.0 for passages whose heading the question closely paraphrases, else 0.0."""
        if not len(self.data.headings):
            return np.zeros(len(self._parent_rows[0]), dtype=np.float32)
        similarity = self.data.heading_vectors @ vector[0]
        close = (similarity >= self.fusion.heading_threshold).astype(np.float32)
        return close[self._heading_rows]

    def _sparse_scores(self, tokens: list[str]) -> np.ndarray:
        if not tokens:
            return np.zeros(len(self.data.chunks), dtype=np.float32)
        return np.asarray(self.data.bm25.get_scores(tokens), dtype=np.float32)

    def search(self, raw: str | bytes, k: int = 5, mode: Mode = "hybrid") -> SearchResult:
        """Top ``k`` passages for a query. Raises QueryError for unusable queries."""
        if k <= 0:
            raise ValueError(f"k must be > 0, got {k}")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        query = self.prepare(raw)
        tokens = tokenize(query.expanded)
        original_tokens = tokenize(query.text)
        known = sum(1 for t in original_tokens if t in self._known) / len(original_tokens) if original_tokens else 0.0
        if not tokens or (original_tokens and known == 0.0):
            return SearchResult(
                query=query.text,
                hits=[],
                expanded_query=query.expanded,
                reason="none of the words in the question appear in the guidance",
                known_terms=known,
                docs=query.docs,
            )
        vector = self._query_vector(query) if mode != "sparse" else None
        dense = self._per_parent(self._dense_scores(vector)) if vector is not None else None
        sparse = self._per_parent(self._sparse_scores(tokens)) if mode != "dense" else None
        fused = self._fuse(dense, sparse, query)
        if vector is not None and mode == "hybrid" and self.fusion.heading_boost:
            boost = self.fusion.heading_boost
            if self.fusion.method == "rrf":
                boost /= self.fusion.rrf_k + 1
            fused = fused + boost * self._heading_match(vector) * self._has_heading
        order = np.argsort(-fused, kind="stable")[:k]
        parents, _ = self._parent_rows
        dense_rank = _ranks(dense) if dense is not None else None
        sparse_rank = _ranks(sparse) if sparse is not None else None
        hits = []
        for index in order:
            passage = self.data.passages[parents[index]]
            source = self.data.sources[passage.doc_id]
            hits.append(
                Hit(
                    passage=passage,
                    score=float(fused[index]),
                    title=source.short_title,
                    status=source.status_for(passage.chapter),
                    dense_rank=int(dense_rank[index]) if dense_rank is not None else None,
                    sparse_rank=int(sparse_rank[index]) if sparse_rank is not None else None,
                )
            )
        return SearchResult(
            query=query.text,
            hits=hits,
            expanded_query=query.expanded,
            top_coverage=self.coverage(original_tokens, hits[0].passage) if hits else 0.0,
            top_dense=float(dense.max()) if dense is not None else 0.0,
            top_sparse=float(sparse.max()) if sparse is not None else 0.0,
            known_terms=known,
            docs=query.docs,
        )

    def coverage(self, tokens: list[str], passage: Passage) -> float:
        """Idf-weighted share of ``tokens`` that occur in ``passage`` (text and headings).

        Low coverage means the best passage shares the topic but not the specifics of the
        question: a sign that the guidance does not answer it."""
        wanted = set(tokens)
        if not wanted:
            return 0.0
        present = set(tokenize(f"{passage.section}\n{passage.text}"))
        idf = self.data.idf
        default = max(idf.values(), default=1.0)
        total = sum(idf.get(t, default) for t in wanted)
        found = sum(idf.get(t, default) for t in wanted & present)
        return found / total if total else 0.0

    def _fuse(self, dense: np.ndarray | None, sparse: np.ndarray | None, query: Query) -> np.ndarray:
        config = self.fusion
        if dense is None and sparse is None:
            raise ValueError("nothing to fuse")
        if config.method == "rrf" and dense is not None and sparse is not None:
            fused = _rrf(dense, config.rrf_k, config.candidates) + _rrf(sparse, config.rrf_k, config.candidates)
            boost_scale = 1.0 / (config.rrf_k + 1)
        else:
            parts = []
            if dense is not None:
                weight = config.dense_weight if sparse is not None else 1.0
                parts.append(weight * np.clip(dense, 0.0, None))
            if sparse is not None:
                weight = 1.0 - config.dense_weight if dense is not None else 1.0
                top = float(sparse.max())
                parts.append(weight * (sparse / top if top > 0 else sparse))
            fused = np.sum(parts, axis=0)
            boost_scale = 1.0
        if query.docs and config.doc_boost:
            fused = fused + boost_scale * config.doc_boost * self._doc_mask(query.docs)
        if config.summary_penalty:
            fused = fused - boost_scale * config.summary_penalty * self._summary
        return fused

    def _summary_mask(self) -> np.ndarray:
        """1.0 for passages that summarise or introduce rather than state (executive
        summaries, forewords, introductions): the numbered paragraph that says the same
        thing in full is the better citation."""
        parents, _ = self._parent_rows
        return np.array(
            [
                1.0 if self.data.passages[p].kind == "section" and _SUMMARY.match(self.data.passages[p].para) else 0.0
                for p in parents
            ],
            dtype=np.float32,
        )

    def _doc_mask(self, docs: tuple[str, ...]) -> np.ndarray:
        parents, _ = self._parent_rows
        wanted = set(docs)
        if "cqc" in wanted:
            wanted |= {"cqc2009", "cqc2016"}
        return np.array(
            [1.0 if self.data.passages[p].doc_id in wanted else 0.0 for p in parents],
            dtype=np.float32,
        )


def _ranks(scores: np.ndarray) -> np.ndarray:
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty_like(order)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def _rrf(scores: np.ndarray, k: int, candidates: int) -> np.ndarray:
    ranks = _ranks(scores).astype(np.float32)
    contribution = 1.0 / (k + ranks)
    contribution[ranks > candidates] = 0.0
    return contribution


__all__ = ["FusionConfig", "Mode", "QueryError", "Retriever", "SearchResult"]
