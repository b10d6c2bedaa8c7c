"""Fine-tuning the embedding model on the corpus (knowledge/tune.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from knowledge.embed import HashEmbedder, MiniLMEmbedder
from knowledge.errors import IndexMismatchError, KnowledgeError
from knowledge.index import DEFAULT_INDEX_DIR, QUERY_MODEL_DIR, build_index, query_embedder, read_manifest
from knowledge.tune import RECIPE, fine_tune, training_pairs, tuning_key

ITEMS = [
    (
        "Recording",
        "Practitioners should record what the child said. The record should use the child's own words. "
        "It should be dated and signed by the person who made it.",
    ),
    (
        "Referral",
        "A referral is made to children's social care. Phoned referrals are confirmed in writing within 48 hours.",
    ),
    ("Short", "Too short."),
    ("", "Only one sentence here that is long enough to count as one."),
]


def test_pairs_take_a_sentence_out_of_its_chunk_and_keep_the_heading() -> None:
    pairs = training_pairs(ITEMS)
    assert len(pairs) == 2  # chunks with fewer than two real sentences give no pair
    for query, passage in pairs:
        heading, _, rest = passage.partition(": ")
        assert heading in {"Recording", "Referral"}
        assert query not in rest or rest.count(query) == 1  # only the whole-chunk share keeps it


def test_pairs_and_key_are_deterministic_and_follow_the_recipe() -> None:
    assert training_pairs(ITEMS) == training_pairs(ITEMS)
    base = MiniLMEmbedder()
    pairs = training_pairs(ITEMS)
    assert tuning_key(base, pairs) == tuning_key(base, pairs)
    assert tuning_key(base, pairs) != tuning_key(base, pairs, RECIPE | {"learning_rate": 1e-5})
    assert tuning_key(base, pairs) != tuning_key(base, pairs[:1])


def test_too_little_text_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="too few training pairs"):
        fine_tune(MiniLMEmbedder(), ITEMS, cache_dir=tmp_path, log=lambda _: None)


def test_only_the_shipped_model_can_be_tuned(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="only the base MiniLM model"):
        build_index(HashEmbedder(16), tmp_path / "index", log=lambda _: None, tune=True)


def test_an_untuned_index_is_queried_with_the_embedder_given(tmp_path: Path) -> None:
    out = tmp_path / "index"
    build_index(HashEmbedder(16), out, log=lambda _: None)
    embedder = HashEmbedder(16)
    assert query_embedder(out, embedder) is embedder


@pytest.mark.slow
def test_tuning_trains_saves_and_is_reused(tmp_path: Path) -> None:
    recipe = RECIPE | {"batch_size": 2, "max_seq_length": 32}
    items = ITEMS * 2
    messages: list[str] = []
    tuned, seconds = fine_tune(MiniLMEmbedder(), items, recipe=recipe, cache_dir=tmp_path, log=messages.append)
    assert seconds > 0 and tuned.is_tuned and tuned.path is not None
    assert any("fine-tuning step" in m for m in messages)
    vectors = tuned.embed(["a referral to children's social care"])
    assert vectors.shape == (1, 384) and abs(float(np.linalg.norm(vectors[0])) - 1.0) < 1e-4
    again, seconds_again = fine_tune(MiniLMEmbedder(), items, recipe=recipe, cache_dir=tmp_path, log=messages.append)
    assert seconds_again == 0.0 and again.path == tuned.path and again.name == tuned.name


@pytest.mark.slow
def test_the_built_index_carries_its_fine_tuned_query_model() -> None:
    manifest = read_manifest(DEFAULT_INDEX_DIR)
    assert manifest["tuned"] is True, "`make index` builds with the fine-tuned model"
    embedder = query_embedder(DEFAULT_INDEX_DIR, MiniLMEmbedder(), manifest)
    assert isinstance(embedder, MiniLMEmbedder) and embedder.is_tuned
    assert embedder.path == DEFAULT_INDEX_DIR / QUERY_MODEL_DIR


def test_a_tuned_index_without_its_model_says_how_to_rebuild(tmp_path: Path) -> None:
    out = tmp_path / "index"
    build_index(HashEmbedder(16), out, log=lambda _: None)
    manifest = json.loads((out / "manifest.json").read_text()) | {"tuned": True}
    with pytest.raises(IndexMismatchError, match="make index"):
        query_embedder(out, MiniLMEmbedder(), manifest)
