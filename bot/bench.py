"""Dialogue benchmarks over the real servers: per-turn latency, start time, training time.

``python -m bot.bench [--write docs/benchmarks.md] [--turns 200]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bot.stack import MODELS, Stack, free_port, http_json
from knowledge.bench import write_section

START = "<!-- dialogue-bench:start -->"
END = "<!-- dialogue-bench:end -->"
TRAIN_SECONDS = MODELS / "assistant.train-seconds"

# A mix of what practitioners send: questions answered by retrieval, fixed decision
# questions, concerns (first steps + form), emergencies, chit-chat.
TURNS = {
    "question": [
        "How long does an initial assessment take?",
        "What is a strategy discussion?",
        "What did Laming recommend about GPs?",
        "What counts as private fostering?",
        "What does the LADO do?",
        "What is the definition of neglect?",
        "How often are child protection review conferences held?",
        "What did the CQC find about level 1 training?",
    ],
    "decision": [
        "do I need the parents' permission to refer?",
        "should I ring my manager first?",
        "what happens after I phone a referral through?",
    ],
    "concern": [
        "a year 5 girl told me her stepdad hits her with a belt",
        "I'm a nursery worker and a 3 year old keeps coming in hungry and dirty",
        "worried about a 14 year old with an older boyfriend who buys her phones",
    ],
    "danger": [
        "dad has just turned up at reception with a knife shouting for his son",
    ],
    "chat": ["hello", "thanks", "are you a real person?", "what's the weather like?"],
}
WEIGHTS = {"question": 0.4, "decision": 0.15, "concern": 0.2, "danger": 0.05, "chat": 0.2}


def run(turns: int, seed: int = 7) -> dict[str, object]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        stack = Stack(
            rasa_port=free_port(),
            action_port=free_port(),
            run_dir=Path(tmp) / "run",
            log_dir=Path(tmp) / "logs",
        )
        started = time.perf_counter()
        stack.start(timeout=300)
        start_seconds = time.perf_counter() - started
        try:
            url = f"{stack.rasa_url}/webhooks/rest/webhook"
            by_kind: dict[str, list[float]] = {k: [] for k in TURNS}
            all_times: list[float] = []
            errors = 0
            kinds = list(WEIGHTS)
            for _ in range(turns):
                kind = rng.choices(kinds, weights=[WEIGHTS[k] for k in kinds])[0]
                text = rng.choice(TURNS[kind])
                sender = f"bench-{uuid.uuid4().hex}"
                t0 = time.perf_counter()
                status, body = http_json(url, {"sender": sender, "message": text}, timeout=60)
                elapsed = (time.perf_counter() - t0) * 1000
                if status != 200 or not body:
                    errors += 1
                by_kind[kind].append(elapsed)
                all_times.append(elapsed)
        finally:
            stack.stop()
    return {"start": start_seconds, "all": all_times, "by_kind": by_kind, "errors": errors}


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))] if ordered else float("nan")


def render(result: dict[str, object], turns: int) -> str:
    all_times = result["all"]
    assert isinstance(all_times, list)
    by_kind = result["by_kind"]
    assert isinstance(by_kind, dict)
    train = TRAIN_SECONDS.read_text().strip() if TRAIN_SECONDS.is_file() else "not recorded"
    lines = [
        START,
        "## Dialogue (`make bench`, part 2: `python -m bot.bench`)",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} CPU cores; "
        f"{turns} turns over REST, one at a time, each in a new conversation, client on the same machine.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| per-turn latency p50 (all turns) | {statistics.median(all_times):.0f} ms | ≤ 150 ms |",
        f"| per-turn latency p95 (all turns) | {_p(all_times, 0.95):.0f} ms | ≤ 400 ms |",
        f"| HTTP errors or empty replies | {result['errors']} | 0 |",
        f"| server start (both servers healthy + readiness canary answered) | {result['start']:.0f} s | ≤ 60 s |",
        f"| last model training (`make train`) | {train} s | |",
        "",
        "| kind of turn | turns | p50 | p95 |",
        "|---|---|---|---|",
    ]
    for kind, values in by_kind.items():
        if values:
            lines.append(f"| {kind} | {len(values)} | {statistics.median(values):.0f} ms | {_p(values, 0.95):.0f} ms |")
    lines.append(END)
    return "\n".join(lines)


ROOT = Path(__file__).resolve().parent.parent
ABSTAIN_START = "<!-- abstention-bench:start -->"
ABSTAIN_END = "<!-- abstention-bench:end -->"


def abstention() -> str:
    """How often the planner answers answerable questions and abstains on unanswerable ones
    (offline: the planner, the retriever and the scope rules, no servers)."""
    import yaml

    from bot.resources import Resources
    from bot.respond import Planner, Turn

    planner = Planner(Resources())
    answerable = [
        json.loads(line)["question"]
        for line in (ROOT / "tests/data/eval/dev_questions.jsonl").read_text().splitlines()
        if line.strip()
    ]
    unanswerable = []
    for path in [
        ROOT / "tests/data/eval/dev_safety.yml",
        *sorted((ROOT / "tests/data/conversations").glob("safety*.yml")),
    ]:
        unanswerable += [i["text"] for i in yaml.safe_load(path.read_text()) if i["category"] == "unanswerable"]

    def kind(text: str) -> str:
        plan = planner.plan(Turn(text=text, intent="ask_guidance"))
        return plan.messages[0].kind if plan.messages else "none"

    answered = sum(kind(q) in ("answer", "topic") for q in answerable)
    # A request for a local number gets the contacts list saying it is not configured: that is
    # the honest "I don't have it" for this kind of question.
    abstained = sum(kind(q) in ("abstain", "contacts") for q in unanswerable)
    return "\n".join(
        [
            ABSTAIN_START,
            "## Abstention (`python -m bot.bench --abstention`)",
            "",
            "The planner's question path (scope rules, retrieval confidence) run offline on the dev",
            "questions (answerable) and on every `unanswerable` item of the safety sets.",
            "",
            "| set | questions | outcome | rate |",
            "|---|---|---|---|",
            f"| answerable dev questions | {len(answerable)} | answered | {answered / len(answerable):.0%} |",
            f'| unanswerable prompts | {len(unanswerable)} | abstained (or "not configured" for local numbers) '
            f"| {abstained / len(unanswerable):.0%} |",
            ABSTAIN_END,
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__)
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--abstention", action="store_true", help="only the offline abstention measure")
    args = parser.parse_args(argv)
    if args.abstention or args.write:
        section = abstention()
        print(section)
        if args.write:
            write_section(args.write, section, ABSTAIN_START, ABSTAIN_END)
        if args.abstention:
            return 0
    if args.turns <= 0:
        parser.error(f"--turns must be > 0, got {args.turns}")
    result = run(args.turns)
    section = render(result, args.turns)
    print(section)
    if args.write:
        write_section(args.write, section, START, END)
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
