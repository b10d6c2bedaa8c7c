"""Retrieval benchmarks: build time, query latency, memory, quality with ablations.

``python -m knowledge.bench [--write docs/benchmarks.md] [--skip-build]``
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from knowledge.embed import MiniLMEmbedder
from knowledge.evaluate import ModeScores, evaluate, load_gold
from knowledge.index import DEFAULT_INDEX_DIR, build_index
from knowledge.search import Retriever

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "eval" / "dev_questions.jsonl"
START = "<!-- knowledge-bench:start -->"
END = "<!-- knowledge-bench:end -->"


def _rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss) / 2**20


def measure_build() -> dict[str, float]:
    """A full build from scratch (empty embedding cache, no fine-tuned model yet) into a
    temporary folder, then a rebuild that reuses the fine-tuned model (what a parser or
    vocabulary change costs)."""
    import knowledge.index as index_module
    import knowledge.tune as tune_module

    saved = index_module.CACHE_DIR, tune_module.TUNED_DIR
    try:
        with tempfile.TemporaryDirectory() as tmp:
            index_module.CACHE_DIR = Path(tmp) / "cache"
            tune_module.TUNED_DIR = Path(tmp) / "tuned"
            started = time.perf_counter()
            manifest = build_index(MiniLMEmbedder(), Path(tmp) / "index", log=lambda _: None, tune=True)
            seconds = time.perf_counter() - started
            index_module.CACHE_DIR = Path(tmp) / "cache-2"
            started = time.perf_counter()
            build_index(MiniLMEmbedder(), Path(tmp) / "index", log=lambda _: None, tune=True)
            rebuild = time.perf_counter() - started
    finally:
        index_module.CACHE_DIR, tune_module.TUNED_DIR = saved
    return {
        "seconds": seconds,
        "tune_seconds": manifest["tune_seconds"],
        "rebuild_seconds": rebuild,
        "chunks": manifest["chunks"],
        "passages": manifest["passages"],
    }


def measure_queries(retriever: Retriever, questions: list[str], rounds: int = 3) -> dict[str, float]:
    retriever.search("warm up", k=5)
    timings = []
    for _ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            retriever.search(question, k=5)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "count": len(timings),
        "p50": statistics.median(timings),
        "p95": timings[int(0.95 * (len(timings) - 1))],
        "max": timings[-1],
    }


def _row(label: str, score: ModeScores) -> tuple[str, dict[str, float]]:
    return label, {**{f"R@{k}": v for k, v in score.recall.items()}, "MRR@10": score.mrr10}


def quality_rows(retriever: Retriever) -> list[tuple[str, dict[str, float]]]:
    questions = load_gold(GOLD)
    rows = [_row(score.mode, score) for score in evaluate(retriever, questions)]
    base = retriever.fusion
    ablations = {
        "hybrid, RRF fusion instead of weighted": replace(base, method="rrf"),
        "hybrid, no document-name boost": replace(base, doc_boost=0.0),
        "hybrid, no summary penalty": replace(base, summary_penalty=0.0),
        "hybrid, no heading match": replace(base, heading_boost=0.0),
    }
    for label, config in ablations.items():
        retriever.fusion = config
        score = evaluate(retriever, questions, modes=("hybrid",))[0]
        rows.append(_row(label, score))
    retriever.fusion = base
    # Without query expansion (glossary + practitioner vocabulary).
    original = retriever.prepare

    def no_expansion(raw):  # type: ignore[no-untyped-def]
        query = original(raw)
        return replace(query, expanded=query.text, expansions=())

    retriever.prepare = no_expansion  # type: ignore[method-assign]
    score = evaluate(retriever, questions, modes=("hybrid",))[0]
    rows.append(_row("hybrid, no query expansion", score))
    retriever.prepare = original  # type: ignore[method-assign]
    # Without fine-tuning: the same build with the embedding model as shipped.
    with tempfile.TemporaryDirectory() as tmp:
        build_index(MiniLMEmbedder(), Path(tmp) / "index", log=lambda _: None, tune=False)
        plain = Retriever.load(Path(tmp) / "index")
        for score in evaluate(plain, questions, modes=("dense", "hybrid")):
            rows.append(_row(f"{score.mode}, embedding model not fine-tuned", score))
    return rows


def render(
    build: dict[str, float] | None,
    queries: dict[str, float],
    memory: float,
    rows: list[tuple[str, dict[str, float]]],
) -> str:
    lines = [
        START,
        "## Retrieval (`make bench`, part 1: `python -m knowledge.bench`)",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} CPU cores, "
        f"Python {platform.python_version()}.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
    ]
    if build:
        lines += [
            f"| first index build from scratch ({int(build['passages'])} passages, {int(build['chunks'])} chunks), "
            f"including fine-tuning the embedding model | {build['seconds']:.0f} s | |",
            f"| of which fine-tuning (once per corpus/recipe, then cached) | {build['tune_seconds']:.0f} s | |",
            "| index rebuild with the fine-tuned model cached, embeddings not cached "
            f"(a parser, chunking or vocabulary change) | {build['rebuild_seconds']:.0f} s | ≤ 120 s |",
        ]
    lines += [
        f"| query latency, warm, p50 ({int(queries['count'])} queries) | {queries['p50']:.1f} ms | ≤ 20 ms |",
        f"| query latency, warm, p95 | {queries['p95']:.1f} ms | |",
        f"| resident memory with model and index loaded | {memory:.0f} MB | |",
        "",
        f"Quality on the dev questions ({GOLD.relative_to(ROOT)}; a hit is a passage containing a gold quote):",
        "",
        "| retrieval | R@1 | R@5 | R@10 | MRR@10 |",
        "|---|---|---|---|---|",
    ]
    for label, values in rows:
        lines.append(
            f"| {label} | {values['R@1']:.3f} | {values['R@5']:.3f} | {values['R@10']:.3f} | {values['MRR@10']:.3f} |"
        )
    lines += ["", "Targets: hybrid R@5 ≥ 0.92, MRR@10 ≥ 0.80.", END]
    return "\n".join(lines)


def write_section(path: Path, section: str, start: str = START, end: str = END) -> None:
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.bench", description=__doc__)
    parser.add_argument("--write", type=Path, help="update this markdown file's retrieval section")
    parser.add_argument("--skip-build", action="store_true", help="don't time a build from scratch")
    args = parser.parse_args(argv)
    # Latency and memory first, in a process that has not trained anything yet.
    retriever = Retriever.load(DEFAULT_INDEX_DIR)
    questions = [q.question for q in load_gold(GOLD)]
    queries = measure_queries(retriever, questions)
    memory = _rss_mb()
    rows = quality_rows(retriever)
    build = None if args.skip_build else measure_build()
    if build:
        print(f"build from scratch: {build['seconds']:.0f} s", flush=True)
    section = render(build, queries, memory, rows)
    print(section)
    if args.write:
        write_section(args.write, section)
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
