"""Turn a rasa-sdk Tracker into the planner's Turn (no logic beyond reading)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.respond import Turn, parse_age

HISTORY_LIMIT = 8


def _bool(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.lower() in ("true", "yes", "1")
    return bool(value)


def user_texts(tracker: Tracker) -> list[str]:
    return [
        str(event.get("text") or "")
        for event in tracker.events
        if event.get("event") == "user" and event.get("text") and not str(event.get("text")).startswith("/")
    ]


def read_turn(tracker: Tracker, intent_override: str | None = None) -> Turn:
    latest = tracker.latest_message or {}
    text = str(latest.get("text") or "")
    intent = intent_override or str((latest.get("intent") or {}).get("name") or "nlu_fallback")
    texts = user_texts(tracker)
    history = tuple(texts[:-1][-HISTORY_LIMIT:]) if texts and texts[-1] == text else tuple(texts[-HISTORY_LIMIT:])
    slot = tracker.get_slot
    return Turn(
        text=text,
        intent=intent,
        role=slot("role") if slot("role") not in ("other", "unknown") else None,
        child_age=parse_age(slot("child_age")),
        concern_type=slot("concern_type"),
        disclosure=_bool(slot("disclosure")),
        audience=slot("audience"),
        danger_active=bool(slot("danger_active")),
        danger_confirmed=_bool(slot("danger_confirmed")),
        stage=slot("stage") or "new",
        previous_question=slot("previous_question"),
        trainer=bool(slot("trainer")),
        shown=tuple(slot("shown") or ()),
        history=history,
    )
