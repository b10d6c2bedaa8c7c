"""Validation of the concern form: ask only what is unknown and changes the advice."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.respond import parse_age
from bot.signals import read_signals
from bot.triage import normalise_concern, normalise_role, questions_to_ask


class ValidateConcernForm(FormValidationAction):
    def name(self) -> str:
        return "validate_concern_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return questions_to_ask(
            skip=bool(tracker.get_slot("skip_questions")),
            danger_confirmed=tracker.get_slot("danger_confirmed"),
            disclosure=tracker.get_slot("disclosure"),
            concern_type=tracker.get_slot("concern_type"),
            role=tracker.get_slot("role"),
            child_age=tracker.get_slot("child_age"),
        )

    def validate_role(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"role": normalise_role(value)}

    def validate_child_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        age = parse_age(value)
        if age is None:
            age_from_text = read_signals(str(value)).child_age
            age = age_from_text
        return {"child_age": str(age) if age is not None else "unknown"}

    def validate_concern_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"concern_type": normalise_concern(value)}
