"""Command line: ``python -m knowledge build|search|eval|status``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from knowledge.errors import KnowledgeError, QueryError


def _build(args: argparse.Namespace) -> int:
    from knowledge.embed import MiniLMEmbedder
    from knowledge.index import build_index, stale_reasons

    embedder = MiniLMEmbedder()
    reasons = stale_reasons(embedder, args.index_dir, tuned=not args.no_tune)
    if not reasons and not args.force:
        print(f"index at {args.index_dir} is up to date (use --force to rebuild)")
        return 0
    print(f"building index at {args.index_dir}: {'; '.join(reasons) or 'forced'}", flush=True)
    build_index(
        embedder,
        args.index_dir,
        progress=sys.stderr.isatty() or args.progress,
        log=lambda message: print(message, flush=True),
        tune=not args.no_tune,
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    from knowledge.embed import MiniLMEmbedder
    from knowledge.index import REBUILD_HINT, stale_reasons

    reasons = stale_reasons(MiniLMEmbedder(), args.index_dir)
    if reasons:
        print(f"index at {args.index_dir} needs rebuilding: {'; '.join(reasons)}; {REBUILD_HINT}")
        return 1
    print(f"index at {args.index_dir} is up to date")
    return 0


def _retriever(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from knowledge.search import Retriever

    return Retriever.load(args.index_dir)


def _search(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.jsonl is None):
        print("error: give either a question or --jsonl FILE", file=sys.stderr)
        return 2
    retriever = _retriever(args)
    if args.jsonl is not None:
        return _search_batch(retriever, args)
    try:
        result = retriever.search(args.query, k=args.k, mode=args.mode)
    except QueryError as exc:
        if args.json:
            print(json.dumps({"query": args.query, "hits": [], "error": str(exc)}))
        else:
            print(f"cannot search: {exc}", file=sys.stderr)
        return 1
    if args.json:
        payload = {
            "query": result.query,
            "expanded_query": result.expanded_query,
            "hits": [hit.to_dict() for hit in result.hits],
        }
        if result.reason:
            payload["reason"] = result.reason
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not result.hits:
        print(f"no results: {result.reason}")
        return 0
    if result.expanded_query != result.query:
        print(f"(searched for: {result.expanded_query})\n")
    for rank, hit in enumerate(result.hits, start=1):
        text = hit.passage.text if len(hit.passage.text) < 600 else hit.passage.text[:600] + "…"
        print(f"{rank}. [{hit.score:.3f}] {hit.passage.doc_id} {hit.passage.para} — {hit.title}")
        print(f"   {hit.passage.section}")
        print(f"   {text}\n")
    return 0


def _search_batch(retriever, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    path: Path = args.jsonl
    if not path.is_file():
        raise KnowledgeError(f"--jsonl file not found: {path}")
    out = sys.stdout
    failures = 0
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            qid, question = row["id"], row["question"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            print(f"{path}:{number}: skipped, not {{'id', 'question'}} JSON ({exc})", file=sys.stderr)
            failures += 1
            continue
        record: dict[str, object] = {"id": qid}
        try:
            result = retriever.search(question, k=args.k, mode=args.mode)
            record["hits"] = [hit.to_dict() for hit in result.hits]
            if result.reason:
                record["reason"] = result.reason
        except QueryError as exc:
            record["hits"] = []
            record["error"] = str(exc)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failures else 0


def _eval(args: argparse.Namespace) -> int:
    from knowledge.evaluate import evaluate, format_table, load_gold, scores_to_dict

    questions = load_gold(args.gold)
    retriever = _retriever(args)
    scores = evaluate(retriever, questions)
    if args.json:
        print(json.dumps(scores_to_dict(scores), indent=2))
    else:
        print(format_table(scores, len(questions)))
        if args.misses:
            hybrid = next(s for s in scores if s.mode == "hybrid")
            for q in questions:
                rank = hybrid.ranks[q.id]
                if rank is None or rank > 5:
                    print(f"  miss {q.id} (rank {rank}): {q.question}")
    return 0


def main(argv: list[str] | None = None) -> int:
    from knowledge.index import DEFAULT_INDEX_DIR
    from knowledge.search import MODES

    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__)
    parser.add_argument("--index-dir", type=Path, default=DEFAULT_INDEX_DIR, help="index folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="parse the sources and build the index if stale")
    build.add_argument("--force", action="store_true", help="rebuild even if up to date")
    build.add_argument("--progress", action="store_true", help="always show the progress bar")
    build.add_argument(
        "--no-tune",
        action="store_true",
        help="use the embedding model as shipped, without fine-tuning it on the corpus (faster, less accurate)",
    )
    build.set_defaults(run=_build)

    status = commands.add_parser("status", help="exit 0 if the index is current, 1 if not")
    status.set_defaults(run=_status)

    search = commands.add_parser("search", help="search the guidance")
    search.add_argument("query", nargs="?", help="the question")
    search.add_argument("-k", type=int, default=5, help="number of passages (default 5)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--jsonl", type=Path, help='batch: lines of {"id", "question"}')
    search.add_argument("--mode", choices=MODES, default="hybrid")
    search.set_defaults(run=_search)

    evaluation = commands.add_parser("eval", help="recall@1/5/10 and MRR@10 per retrieval mode")
    evaluation.add_argument("--gold", type=Path, required=True, help="gold questions (JSONL)")
    evaluation.add_argument("--json", action="store_true", help="print JSON")
    evaluation.add_argument("--misses", action="store_true", help="list hybrid misses at 5")
    evaluation.set_defaults(run=_eval)

    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if getattr(args, "k", 1) <= 0:
        parser.error(f"-k must be > 0, got {args.k}")
    try:
        return int(args.run(args))
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
