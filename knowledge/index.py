"""Build, save and load the retrieval index: FAISS (dense) + BM25 (sparse) over chunks.

An index is a folder (pyserini's shape):

- ``index.faiss``   exact inner-product index over L2-normalised chunk embeddings
- ``chunks.jsonl``  row i is vector i: chunk_id, parent_id, text
- ``passages.jsonl`` every passage (the citable units), in source order
- ``bm25/``         the bm25s sparse index over the same rows
- ``glossary.json`` abbreviation -> expansion, from the documents' own glossaries
- ``idf.json``      token idf over the chunks (how specific a question's words are)
- ``headings.json`` / ``headings.npy`` the section headings and their embeddings
- ``query-model/``  the embedding model fine-tuned on the corpus (knowledge/tune.py), which
                    must embed the questions; absent when the index was built without tuning
- ``manifest.json`` format, model, dimension, counts, corpus/parser hashes
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.chunk import MAX_WORDS, Chunk, chunk_passage
from knowledge.embed import Embedder, MiniLMEmbedder
from knowledge.errors import IndexMismatchError, IndexNotFoundError, KnowledgeError
from knowledge.ingest import parser_for
from knowledge.models import Passage, Source
from knowledge.sources import SOURCES_DIR, corpus_hash, load_sources, read_text
from knowledge.text import tokenize_many

logger = logging.getLogger(__name__)

FORMAT_VERSION = 6
PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_INDEX_DIR = Path(os.environ.get("KNOWLEDGE_INDEX_DIR", PACKAGE_DIR.parent / "build" / "index"))
REBUILD_HINT = "run `make index` (or `.venv/bin/python -m knowledge build`) to build it"
# Kinds that are indexed for search. Footnotes are kept as passages but not searched:
# they are references, not guidance.
QUERY_MODEL_DIR = "query-model"
SEARCHABLE_KINDS = frozenset({"paragraph", "recommendation", "section", "flowchart"})
CACHE_DIR = Path(os.environ.get("KNOWLEDGE_CACHE_DIR", PACKAGE_DIR.parent / "build" / "embed-cache"))


def code_hash() -> str:
    """SHA-256 of the code that decides what the index contains (parsers, chunking,
    tokenising, vocabulary), so a change to any of them triggers a rebuild."""
    digest = hashlib.sha256()
    files = sorted((PACKAGE_DIR / "ingest").glob("*.py")) + [
        PACKAGE_DIR / "chunk.py",
        PACKAGE_DIR / "text.py",
        PACKAGE_DIR / "index.py",
        PACKAGE_DIR / "tune.py",
        PACKAGE_DIR / "vocabulary.yml",
    ]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def parse_sources(sources_dir: Path = SOURCES_DIR) -> tuple[list[Source], list[Passage]]:
    """Every passage of every source, in manifest order."""
    sources = load_sources(sources_dir)
    passages: list[Passage] = []
    for source in sources:
        parsed = parser_for(source.doc_id)(read_text(source, sources_dir))
        if not parsed:
            raise KnowledgeError(f"{source.doc_id}: the parser returned no passages")
        passages.extend(parsed)
    ids = [p.passage_id for p in passages]
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        dupes = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
        raise KnowledgeError(f"duplicate passage ids: {dupes[:10]}")
    return sources, passages


def inverse_document_frequencies(token_lists: list[list[str]]) -> dict[str, float]:
    """BM25-style idf of each token over the chunks (used to judge answer coverage)."""
    counts: Counter[str] = Counter()
    for tokens in token_lists:
        counts.update(set(tokens))
    total = len(token_lists)
    return {t: round(math.log(1 + (total - n + 0.5) / (n + 0.5)), 4) for t, n in counts.items()}


def _cache_path(embedder: Embedder) -> Path:
    key = hashlib.sha256(embedder.name.encode()).hexdigest()[:16]
    return CACHE_DIR / f"{key}.npz"


def embed_cached(
    embedder: Embedder,
    texts: list[str],
    *,
    progress: bool = False,
    log: Callable[[str], None] = logger.info,
) -> np.ndarray:
    """Embed ``texts``, reusing vectors of texts embedded before with the same model (a
    rebuild after a parser change then only embeds what changed)."""
    path = _cache_path(embedder)
    cached: dict[str, np.ndarray] = {}
    if path.is_file():
        try:
            with np.load(path) as data:
                cached = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        except (OSError, ValueError, KeyError):
            cached = {}
    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    missing = [i for i, key in enumerate(keys) if key not in cached]
    log(f"embedding {len(missing)} of {len(texts)} chunks ({len(texts) - len(missing)} cached)...")
    if missing:
        fresh = embedder.embed([texts[i] for i in missing], progress=progress)
        for i, vector in zip(missing, fresh, strict=True):
            cached[keys[i]] = vector
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        items = list(cached.items())
        np.savez(tmp, keys=np.array([k for k, _ in items]), vectors=np.stack([v for _, v in items]))
        tmp.replace(path)
    return np.ascontiguousarray(np.stack([cached[key] for key in keys]), dtype=np.float32)


def embedding_text(chunk: Chunk, passage: Passage, source: Source) -> str:
    """What the dense model sees: where the text sits, then the text."""
    heading = passage.section.split(" > ")[-2:] if passage.section else []
    context = " - ".join(h for h in heading if h)
    return f"{context}: {chunk.text}" if context else chunk.text


def sparse_text(chunk: Chunk, passage: Passage) -> str:
    """What BM25 sees: the text plus its nearest heading."""
    heading = passage.section.split(" > ")[-1] if passage.section else ""
    return f"{heading}\n{chunk.text}"


@dataclass
class IndexData:
    """A loaded index."""

    directory: Path
    manifest: dict[str, Any]
    sources: dict[str, Source]
    passages: dict[str, Passage]
    chunks: list[Chunk]
    faiss_index: Any
    bm25: Any
    glossary: dict[str, str]
    idf: dict[str, float]
    headings: list[str]
    heading_vectors: np.ndarray


def heading_of(passage: Passage) -> str:
    """The nearest heading of a passage (the last step of its section path)."""
    return passage.section.split(" > ")[-1] if passage.section else ""


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def expected_manifest(embedder: Embedder, sources_dir: Path = SOURCES_DIR) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "base_model": embedder.name,
        "dimension": embedder.dimension,
        "corpus_hash": corpus_hash(sources_dir),
        "code_hash": code_hash(),
    }


def build_index(
    embedder: Embedder,
    out_dir: Path = DEFAULT_INDEX_DIR,
    sources_dir: Path = SOURCES_DIR,
    *,
    progress: bool = False,
    log: Callable[[str], None] = logger.info,
    max_words: int = MAX_WORDS,
    tune: bool = False,
) -> dict[str, Any]:
    """Parse the sources, chunk, embed and index them into ``out_dir`` (replaced atomically).
    With ``tune``, the embedding model is first fine-tuned on the chunks (knowledge/tune.py)."""
    import bm25s
    import faiss

    started = time.perf_counter()
    sources, passages = parse_sources(sources_dir)
    by_id = {s.doc_id: s for s in sources}
    log(f"parsed {len(passages)} passages from {len(sources)} sources")
    searchable = [p for p in passages if p.kind in SEARCHABLE_KINDS]
    chunks: list[Chunk] = []
    owners: list[Passage] = []
    for passage in searchable:
        for chunk in chunk_passage(passage, max_words):
            chunks.append(chunk)
            owners.append(passage)
    base_name = embedder.name
    tune_seconds = 0.0
    query_model: Path | None = None
    if tune:
        if not isinstance(embedder, MiniLMEmbedder) or embedder.is_tuned:
            raise KnowledgeError(f"only the base MiniLM model can be fine-tuned, not {embedder.name}")
        from knowledge.tune import fine_tune

        items = [(heading_of(p), c.text) for c, p in zip(chunks, owners, strict=True)]
        embedder, tune_seconds = fine_tune(embedder, items, log=log)
        query_model = embedder.path
    texts = [embedding_text(c, p, by_id[p.doc_id]) for c, p in zip(chunks, owners, strict=True)]
    vectors = embed_cached(embedder, texts, progress=progress, log=log)
    if vectors.shape != (len(chunks), embedder.dimension):
        raise KnowledgeError(f"embedder returned shape {vectors.shape}, expected {(len(chunks), embedder.dimension)}")
    dense = faiss.IndexFlatIP(embedder.dimension)
    dense.add(vectors)
    # Section headings, embedded once each: a question that closely paraphrases a heading
    # ("When should a LSCB undertake a Serious Case Review?") points at its paragraphs.
    headings = sorted({heading_of(p) for p in searchable} - {""})
    heading_vectors = embed_cached(embedder, headings, log=lambda _: None)
    log("building BM25...")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    sparse = bm25s.BM25()
    token_lists = tokenize_many([sparse_text(c, p) for c, p in zip(chunks, owners, strict=True)])
    sparse.index(token_lists, show_progress=False)
    idf = inverse_document_frequencies(token_lists)

    from knowledge.ingest.glossary import build_glossary

    glossary = build_glossary({s.doc_id: read_text(s, sources_dir) for s in sources})

    tmp = out_dir.with_name(out_dir.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    faiss.write_index(dense, str(tmp / "index.faiss"))
    np.save(tmp / "headings.npy", heading_vectors)
    (tmp / "headings.json").write_text(json.dumps(headings, ensure_ascii=False), "utf-8")
    _write_jsonl(
        tmp / "chunks.jsonl",
        [{"chunk_id": c.chunk_id, "parent_id": c.parent_id, "text": c.text} for c in chunks],
    )
    _write_jsonl(tmp / "passages.jsonl", [p.to_dict() for p in passages])
    sparse.save(str(tmp / "bm25"))
    (tmp / "glossary.json").write_text(json.dumps(glossary, indent=1, sort_keys=True), "utf-8")
    (tmp / "idf.json").write_text(json.dumps(idf, sort_keys=True), "utf-8")
    if query_model is not None:
        shutil.copytree(query_model, tmp / QUERY_MODEL_DIR)
    manifest = {
        "format": FORMAT_VERSION,
        "base_model": base_name,
        "model": embedder.name,
        "tuned": query_model is not None,
        "tuned_key": query_model.name if query_model is not None else None,  # the cache folder's key
        "tune_seconds": round(tune_seconds, 1),
        "dimension": embedder.dimension,
        "corpus_hash": corpus_hash(sources_dir),
        "code_hash": code_hash(),
        "passages": len(passages),
        "searchable_passages": len(searchable),
        "max_words": max_words,
        "chunks": len(chunks),
        "sources": [s.doc_id for s in sources],
        "build_seconds": round(time.perf_counter() - started, 2),
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2), "utf-8")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    tmp.rename(out_dir)
    log(f"index written to {out_dir} in {manifest['build_seconds']} s")
    return manifest


def read_manifest(index_dir: Path = DEFAULT_INDEX_DIR) -> dict[str, Any]:
    path = index_dir / "manifest.json"
    if not path.is_file():
        raise IndexNotFoundError(f"no index at {index_dir}; {REBUILD_HINT}")
    try:
        manifest: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise IndexMismatchError(f"{path} is corrupt ({exc}); {REBUILD_HINT}") from exc
    return manifest


def stale_reasons(
    embedder: Embedder,
    index_dir: Path = DEFAULT_INDEX_DIR,
    sources_dir: Path = SOURCES_DIR,
    *,
    tuned: bool | None = None,
) -> list[str]:
    """Why the index at ``index_dir`` must be rebuilt (empty when it is current). ``tuned``:
    whether it should have been built with (True) or without (False) a fine-tuned model."""
    try:
        manifest = read_manifest(index_dir)
    except IndexNotFoundError:
        return ["no index has been built"]
    except IndexMismatchError as exc:
        return [str(exc)]
    if manifest.get("format") != FORMAT_VERSION:
        return ["the index format changed"]
    expected = expected_manifest(embedder, sources_dir)
    labels = {
        "format": "the index format changed",
        "base_model": "the embedding model changed",
        "dimension": "the embedding dimension changed",
        "corpus_hash": "the sources changed",
        "code_hash": "the parser, chunking or vocabulary changed",
    }
    reasons = [labels[key] for key, value in expected.items() if manifest.get(key) != value]
    if tuned is not None and bool(manifest.get("tuned")) != tuned:
        reasons.append("it was built with" + ("out" if tuned else "") + " the fine-tuned embedding model")
    return reasons


def query_embedder(index_dir: Path, embedder: Embedder, manifest: dict[str, Any] | None = None) -> Embedder:
    """The embedder that must embed questions for the index at ``index_dir``: the model fine-tuned
    for it when it was built with one, otherwise ``embedder`` itself."""
    manifest = manifest if manifest is not None else read_manifest(index_dir)
    if not manifest.get("tuned") or not isinstance(embedder, MiniLMEmbedder) or embedder.is_tuned:
        return embedder
    path = index_dir / QUERY_MODEL_DIR
    if not (path / "config.json").is_file():
        raise IndexMismatchError(f"index at {index_dir} has lost its fine-tuned model ({path}); {REBUILD_HINT}")
    return MiniLMEmbedder(embedder.threads, path=path, label=str(manifest.get("tuned_key")))


def load_passages(index_dir: Path = DEFAULT_INDEX_DIR) -> dict[str, Passage]:
    """Only the passages of a built index (no FAISS, no BM25): fast, for citation lookups."""
    read_manifest(index_dir)
    path = index_dir / "passages.jsonl"
    if not path.is_file():
        raise IndexMismatchError(f"index at {index_dir} has no passages.jsonl; {REBUILD_HINT}")
    return {row["passage_id"]: Passage.from_dict(row) for row in _read_jsonl(path)}


def load_index(
    index_dir: Path = DEFAULT_INDEX_DIR,
    *,
    embedder: Embedder | None = None,
    sources_dir: Path = SOURCES_DIR,
    check_current: bool = True,
) -> IndexData:
    """Load a built index; raise IndexNotFoundError/IndexMismatchError with the fix in the message."""
    import bm25s
    import faiss

    manifest = read_manifest(index_dir)
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexMismatchError(
            f"index at {index_dir} has format {manifest.get('format')}, "
            f"this code reads format {FORMAT_VERSION}; {REBUILD_HINT}"
        )
    if check_current and embedder is not None:
        reasons = stale_reasons(embedder, index_dir, sources_dir)
        if reasons:
            raise IndexMismatchError(f"index at {index_dir} is out of date ({'; '.join(reasons)}); {REBUILD_HINT}")
    try:
        dense = faiss.read_index(str(index_dir / "index.faiss"))
        chunks = [Chunk(**row) for row in _read_jsonl(index_dir / "chunks.jsonl")]
        passages = {row["passage_id"]: Passage.from_dict(row) for row in _read_jsonl(index_dir / "passages.jsonl")}
        sparse = bm25s.BM25.load(str(index_dir / "bm25"))
        glossary = json.loads((index_dir / "glossary.json").read_text("utf-8"))
        idf = json.loads((index_dir / "idf.json").read_text("utf-8"))
        headings = json.loads((index_dir / "headings.json").read_text("utf-8"))
        heading_vectors = np.load(index_dir / "headings.npy")
    except (OSError, RuntimeError, ValueError, KeyError, TypeError) as exc:
        raise IndexMismatchError(f"index at {index_dir} is incomplete or corrupt ({exc}); {REBUILD_HINT}") from exc
    if dense.ntotal != len(chunks):
        raise IndexMismatchError(
            f"index at {index_dir} has {dense.ntotal} vectors for {len(chunks)} chunks; {REBUILD_HINT}"
        )
    if embedder is not None and dense.d != embedder.dimension:
        raise IndexMismatchError(
            f"index dimension {dense.d} != embedder dimension {embedder.dimension}; {REBUILD_HINT}"
        )
    sources = {s.doc_id: s for s in load_sources(sources_dir)}
    return IndexData(
        index_dir, manifest, sources, passages, chunks, dense, sparse, glossary, idf, headings, heading_vectors
    )
