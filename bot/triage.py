"""The concern form's logic: which questions change the advice, and reading the answers."""

from __future__ import annotations

from typing import Any

from bot.signals import read_signals

UNKNOWN = ("", "unknown", None)


def questions_to_ask(
    *,
    skip: bool,
    danger_confirmed: Any,
    disclosure: Any,
    concern_type: Any,
    role: Any,
    child_age: Any,
) -> list[str]:
    """The form slots still worth asking, in order. A detailed first message (kind of concern
    known) skips the danger and disclosure questions: the first steps already carry the 999
    line, and disclosure handling is added when the message shows one."""
    if skip or danger_confirmed is True:
        return []
    slots: list[str] = []
    if concern_type in UNKNOWN:
        if danger_confirmed is None:
            slots.append("danger_confirmed")
        if disclosure is None:
            slots.append("disclosure")
        slots.append("concern_type")
    if role in UNKNOWN:
        slots.append("role")
    if child_age in UNKNOWN:
        slots.append("child_age")
    return slots


ROLE_BUTTON_VALUES = {
    "school": "teacher",
    "health": "nurse",
    "early years": "early_years",
    "voluntary": "volunteer",
}


def normalise_role(value: Any) -> str:
    """A canonical role from a free-text answer ("I'm a school nurse" -> "nurse")."""
    text = str(value or "").strip()
    if not text:
        return "other"
    lowered = text.lower()
    if lowered in ROLE_BUTTON_VALUES:
        return ROLE_BUTTON_VALUES[lowered]
    signals = read_signals(text if " " in text else f"I'm a {text}")
    if signals.role:
        return signals.role
    return lowered.replace(" ", "_") if lowered.replace("_", "").isalpha() and len(lowered) < 30 else "other"


def normalise_concern(value: Any) -> str:
    text = str(value or "").strip()
    if not text:
        return "other"
    signals = read_signals(text)
    if signals.concern_types:
        return signals.concern_types[0]
    lowered = text.lower()
    for key in ("physical", "sexual", "neglect", "emotional"):
        if key in lowered:
            return key
    if "domestic" in lowered:
        return "domestic_violence"
    return "other"
