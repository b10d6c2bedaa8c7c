"""Adapt the embedding model to the corpus: one pass of inverse-cloze fine-tuning.

A sentence taken from a chunk plays the practitioner's question; the rest of that chunk,
under its heading, is the passage that answers it; every other chunk in the batch is a
wrong answer (multiple-negatives ranking loss, as sentence-transformers trains its models).
The model learns the guidance's vocabulary and the way its paragraphs are written without
seeing a single evaluation question. Measured effect on the dev questions is in
docs/benchmarks.md (`make bench`).

The tuned model is cached under ``build/tuned-model/<key>``; the key covers the recipe, the
base model and every training pair, so it is trained again only when the corpus, the
parsing/chunking or the recipe changes. A build copies it into the index folder, which is
then self-contained.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from knowledge.embed import MiniLMEmbedder
from knowledge.errors import KnowledgeError
from knowledge.text import split_sentences

logger = logging.getLogger(__name__)

TUNED_DIR = Path(
    os.environ.get("KNOWLEDGE_TUNED_DIR", Path(__file__).resolve().parent.parent / "build" / "tuned-model")
)
Recipe = dict[str, float | int | str]
RECIPE: Recipe = {
    "task": "inverse-cloze",
    "version": 1,
    "epochs": 1,
    "batch_size": 32,
    "learning_rate": 2e-5,
    "max_seq_length": 128,
    "min_sentence_words": 5,
    "whole_chunk_share": 0.1,  # sometimes the positive keeps the sentence, as real answers do
    "scale": 20.0,
    "seed": 0,
}


def training_pairs(items: Sequence[tuple[str, str]], recipe: Recipe = RECIPE) -> list[tuple[str, str]]:
    """(query, passage) pairs from (heading, chunk text) items: one sentence of each chunk
    with two or more real sentences, against the chunk (under its heading) without it."""
    rng = random.Random(int(recipe["seed"]))
    min_words = int(recipe["min_sentence_words"])
    pairs = []
    for heading, text in items:
        sentences = [s for s in split_sentences(text) if len(s.split()) >= min_words]
        if len(sentences) < 2:
            continue
        chosen = rng.randrange(len(sentences))
        if rng.random() < float(recipe["whole_chunk_share"]):
            rest = text
        else:
            rest = " ".join(sentences[:chosen] + sentences[chosen + 1 :])
        pairs.append((sentences[chosen], f"{heading}: {rest}" if heading else rest))
    return pairs


def tuning_key(base: MiniLMEmbedder, pairs: Sequence[tuple[str, str]], recipe: Recipe = RECIPE) -> str:
    digest = hashlib.sha256(json.dumps(recipe, sort_keys=True).encode())
    digest.update(base.name.encode())
    for query, passage in pairs:
        digest.update(query.encode("utf-8") + b"\0" + passage.encode("utf-8") + b"\0")
    return digest.hexdigest()[:16]


def fine_tune(
    base: MiniLMEmbedder,
    items: Sequence[tuple[str, str]],
    *,
    recipe: Recipe = RECIPE,
    cache_dir: Path | None = None,
    log: Callable[[str], None] = logger.info,
) -> tuple[MiniLMEmbedder, float]:
    """The base model tuned on ``items`` (from the cache when it was tuned before) and the
    seconds spent training (0 on a cache hit)."""
    cache_dir = cache_dir or TUNED_DIR
    pairs = training_pairs(items, recipe)
    if len(pairs) < int(recipe["batch_size"]):
        raise KnowledgeError(f"too few training pairs to fine-tune ({len(pairs)}); is the corpus empty?")
    key = tuning_key(base, pairs, recipe)
    target = cache_dir / key
    if (target / "config.json").is_file():
        log(f"using the embedding model fine-tuned before ({target})")
        return MiniLMEmbedder(path=target, label=key, threads=base.threads), 0.0
    started = time.perf_counter()
    _train(base, pairs, recipe, target, log)
    return MiniLMEmbedder(path=target, label=key, threads=base.threads), time.perf_counter() - started


def _train(
    base: MiniLMEmbedder,
    pairs: list[tuple[str, str]],
    recipe: Recipe,
    target: Path,
    log: Callable[[str], None],
) -> None:
    import torch

    torch.manual_seed(int(recipe["seed"]))
    torch.set_num_threads(base.threads or os.cpu_count() or 1)
    model = base.fresh_model()
    model.max_seq_length = int(recipe["max_seq_length"])
    model.train()
    optimiser = torch.optim.AdamW(model.parameters(), lr=float(recipe["learning_rate"]))
    batch_size = int(recipe["batch_size"])
    order = list(range(len(pairs)))
    random.Random(int(recipe["seed"])).shuffle(order)
    batches = [order[i : i + batch_size] for i in range(0, len(order) - batch_size + 1, batch_size)]
    total = len(batches) * int(recipe["epochs"])
    scale = float(recipe["scale"])
    log(f"fine-tuning the embedding model on {len(pairs)} passages of the corpus ({total} steps, once per corpus)...")
    started = time.perf_counter()
    step = 0
    for _ in range(int(recipe["epochs"])):
        for batch in batches:
            queries = model.preprocess([pairs[i][0] for i in batch])
            passages = model.preprocess([pairs[i][1] for i in batch])
            q = torch.nn.functional.normalize(model(queries)["sentence_embedding"], dim=-1)
            p = torch.nn.functional.normalize(model(passages)["sentence_embedding"], dim=-1)
            loss = torch.nn.functional.cross_entropy(scale * q @ p.T, torch.arange(len(batch)))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            step += 1
            if step % 10 == 0 or step == total:
                elapsed = time.perf_counter() - started
                left = elapsed / step * (total - step)
                log(f"  fine-tuning step {step}/{total}, loss {loss.item():.3f}, about {left / 60:.0f} min left")
    model.eval()
    tmp = target.with_name(target.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(tmp))
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)
    log(f"fine-tuned model saved to {target} in {time.perf_counter() - started:.0f} s")
