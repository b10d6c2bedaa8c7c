"""Feedback on answers ("was this helpful?"), appended to a JSONL log for content review.

Only redacted text reaches the assistant, and the log keeps no message text: just the
search query the answer came from (already redacted), the cited passages, the verdict and a
hash of the conversation id.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LOG = ROOT / "logs" / "feedback.jsonl"
_lock = threading.Lock()


@dataclass(frozen=True)
class FeedbackRecord:
    time: str
    conversation: str  # sha256 prefix of the sender id
    helpful: bool
    query: str
    citations: list[str]

    @classmethod
    def create(cls, conversation: str, helpful: bool, query: str, citations: list[str]) -> FeedbackRecord:
        digest = hashlib.sha256(conversation.encode("utf-8")).hexdigest()[:16]
        return cls(
            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            digest,
            helpful,
            query[:500],
            citations,
        )


def feedback_log() -> Path:
    return Path(os.environ.get("FEEDBACK_LOG", DEFAULT_LOG))


def record_feedback(record: FeedbackRecord, path: Path | None = None) -> Path:
    target = path or feedback_log()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock, target.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
    return target


def last_answer(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The custom payload of the most recent retrieval answer in a conversation."""
    for event in reversed(events):
        if event.get("event") != "bot":
            continue
        custom = (event.get("data") or {}).get("custom") or {}
        if custom.get("kind") == "answer":
            return dict(custom)
    return None
