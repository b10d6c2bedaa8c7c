"""Index and search with the deterministic fake embedder (fast, no model): contract tests."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from knowledge.embed import HashEmbedder
from knowledge.errors import IndexMismatchError, IndexNotFoundError, QueryError
from knowledge.index import build_index, load_index, stale_reasons
from knowledge.search import FusionConfig, Retriever


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("index") / "index"
    build_index(HashEmbedder(64), out, log=lambda _: None)
    return out


@pytest.fixture(scope="module")
def retriever(built: Path) -> Retriever:
    return Retriever.load(built, embedder=HashEmbedder(64))


def test_manifest_describes_the_index(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["model"] == "hash-64"
    assert manifest["dimension"] == 64
    with (built / "chunks.jsonl").open() as handle:
        assert manifest["chunks"] == sum(1 for _ in handle)
    assert set(manifest["sources"]) == {"wt2010", "laming2009", "cqc2009", "cqc2016", "jci2008"}


def test_index_is_current_for_its_embedder_and_stale_for_another(built: Path) -> None:
    assert stale_reasons(HashEmbedder(64), built) == []
    reasons = stale_reasons(HashEmbedder(32), built)
    assert "the embedding model changed" in reasons


def test_dense_search_matches_brute_force(retriever: Retriever) -> None:
    """FAISS inner product must equal a brute-force cosine over all chunk vectors."""
    data = retriever.data
    vectors = data.faiss_index.reconstruct_n(0, data.faiss_index.ntotal)
    query = retriever.prepare("confirm referral in writing within 48 hours")
    qv = retriever.embedder.embed([query.expanded])[0]
    brute = vectors @ qv
    dense = retriever._dense_scores(retriever._query_vector(query))
    np.testing.assert_allclose(dense, brute, rtol=1e-5, atol=1e-5)


def test_hits_follow_the_contract(retriever: Retriever) -> None:
    result = retriever.search("written confirmation of a phoned referral within 48 hours", k=5)
    assert 1 <= len(result.hits) <= 5
    hit = result.hits[0].to_dict()
    assert set(hit) >= {"passage_id", "doc_id", "para", "title", "section", "text", "score"}
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.passage.passage_id for h in result.hits}) == len(result.hits)


def test_sparse_finds_an_exact_phrase(retriever: Retriever) -> None:
    result = retriever.search("confirm their referrals in writing within 48 hours", k=3, mode="sparse")
    assert any(h.passage.passage_id == "wt2010:5.33" for h in result.hits)


def test_named_document_is_preferred(retriever: Retriever) -> None:
    result = retriever.search("What did Laming recommend about GPs?", k=5)
    assert result.docs == ("laming2009",)
    assert result.hits[0].passage.doc_id == "laming2009"


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("?!?! ... ---", "no words"),
        ("x" * 100_000, "limit"),
    ],
)
def test_unusable_queries_raise_a_clear_error(retriever: Retriever, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        retriever.search(query)


def test_undecodable_bytes_are_searched_not_crashed(retriever: Retriever) -> None:
    result = retriever.search(b"referral \xff\xfe in writing", k=3)
    assert result.hits


def test_foreign_language_gives_an_empty_result_with_a_reason(retriever: Retriever) -> None:
    result = retriever.search("Wie melde ich Kindeswohlgefährdung beim Jugendamt?", k=3)
    assert result.hits == []
    assert "appear in the guidance" in result.reason


def test_rrf_fusion_also_works(built: Path) -> None:
    rrf = Retriever.load(built, embedder=HashEmbedder(64), fusion=FusionConfig(method="rrf"))
    assert rrf.search("initial child protection conference 15 working days", k=3).hits


def test_k_must_be_positive(retriever: Retriever) -> None:
    with pytest.raises(ValueError, match="k must be > 0, got 0"):
        retriever.search("referral", k=0)


def test_missing_index_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="make index"):
        load_index(tmp_path / "nowhere")


def test_corrupt_manifest_says_how_to_rebuild(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(IndexMismatchError, match="make index"):
        load_index(tmp_path)


def test_stale_index_is_refused(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    import shutil

    shutil.copytree(built, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["corpus_hash"] = "0" * 64
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="sources changed"):
        load_index(copy, embedder=HashEmbedder(64))
