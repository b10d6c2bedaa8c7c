"""The knowledge CLI contract (DESIGN.md), with the real model and the built index."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.index import DEFAULT_INDEX_DIR

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "eval" / "dev_questions.jsonl"

pytestmark = pytest.mark.slow


def _cli(*args: str, index_dir: Path = DEFAULT_INDEX_DIR) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", "--index-dir", str(index_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)},
    )


def test_search_json_has_the_contract_fields() -> None:
    result = _cli("search", "confirm a phoned referral in writing", "-k", "5", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert len(payload["hits"]) == 5
    for hit in payload["hits"]:
        assert set(hit) >= {"passage_id", "doc_id", "para", "title", "section", "text", "score"}
    assert any(hit["passage_id"] == "wt2010:5.33" for hit in payload["hits"])


def test_batch_search_writes_one_line_per_question(tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        "\n".join(
            json.dumps(row)
            for row in [
                {"id": "a", "question": "How long does an initial assessment take?"},
                {"id": "b", "question": ""},
                {"id": "c", "question": "What did Laming recommend about GPs?"},
            ]
        ),
        encoding="utf-8",
    )
    result = _cli("search", "--jsonl", str(questions), "-k", "10")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert len(rows[0]["hits"]) == 10
    assert rows[1]["hits"] == [] and "empty" in rows[1]["error"]


def test_eval_prints_all_three_modes_and_meets_the_floor() -> None:
    result = _cli("eval", "--gold", str(GOLD), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert set(scores) == {"sparse", "dense", "hybrid"}
    # A regression guard well above the generic baseline (recall@5 0.75, MRR 0.56).
    assert scores["hybrid"]["recall@5"] >= 0.88
    assert scores["hybrid"]["mrr@10"] >= 0.72
    assert scores["hybrid"]["recall@5"] >= max(scores["sparse"]["recall@5"], scores["dense"]["recall@5"])


@pytest.mark.parametrize(
    "query, fragment",
    [("", "empty"), ("?!?!", "no words"), ("x" * 100_000, "limit")],
)
def test_bad_queries_get_a_clear_error_not_a_traceback(query: str, fragment: str) -> None:
    result = _cli("search", query)
    assert result.returncode == 1
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_non_utf8_bytes_do_not_crash(tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_bytes(b'{"id": "x", "question": "referral \xff\xfe in writing"}\n')
    result = _cli("search", "--jsonl", str(questions), "-k", "3")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["hits"]


def test_missing_index_says_which_command_builds_it(tmp_path: Path) -> None:
    result = _cli("search", "referral", index_dir=tmp_path / "none")
    assert result.returncode == 2
    assert "make index" in result.stderr
    assert "Traceback" not in result.stderr
