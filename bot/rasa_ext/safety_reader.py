"""The second reader of every message: a rule-based check that runs after DIET and the
FallbackClassifier, inside the Rasa process, so an emergency is recognised even when the
statistical model is unsure (and without the action server).

- danger now  -> intent ``danger_now`` (confidence 1.0), whatever DIET said;
- who is typing (a child, a parent) -> ``child_help`` / ``parent_help`` when DIET read the
  message as a practitioner's concern or question;
- a request to conceal harm or contact a child secretly -> ``harmful_request``;
- role, child age, kind of concern and disclosure are added as entities when DIET missed them,
  so the concern form does not ask what the message already said.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.signals import Signals, read_signals
from bot.topics import detect_topics

logger = logging.getLogger(__name__)

EXTRACTOR = "SafetyReader"
# Intents that describe a practitioner's case or question: a child or parent typing them
# is re-routed to the child / parent pathway.
_PRACTITIONER_INTENTS = {
    "report_concern",
    "report_disclosure",
    "ask_guidance",
    "ask_verdict",
    "nlu_fallback",
    "inform",
    "allegation_staff",
    "just_tell_me",
    "out_of_scope",
}
# Intents that a rule-based override must never replace (they are unambiguous UI events).
_KEEP = {"feedback_helpful", "feedback_not_helpful", "affirm", "deny", "greet", "thank", "goodbye"}


# DIET intents a rule-based reading can overturn, and the audience that would confirm them.
_AUDIENCE_OR_HARM = {"child_help": "child", "parent_help": "parent", "harmful_request": "harm"}


def _set_intent(message: Message, name: str, reason: str) -> None:
    previous = message.get(INTENT) or {}
    if previous.get(INTENT_NAME_KEY) == name:
        return
    intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
    message.set(INTENT, intent, add_to_output=True)
    ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) != name]
    message.set(INTENT_RANKING_KEY, [intent] + ranking, add_to_output=True)
    logger.info("safety reader: intent %s -> %s (%s)", previous.get(INTENT_NAME_KEY), name, reason)


ROLES = frozenset(
    "teacher teaching_assistant dsl nurse health_visitor midwife gp doctor social_worker police "
    "early_years youth_worker sports_coach volunteer faith_leader residential_worker yot "
    "family_support manager trainer other".split()
)
CONCERNS = frozenset(
    "physical sexual neglect emotional domestic_violence fgm forced_marriage cse trafficking "
    "criminal_exploitation online_abuse substance_misuse parental_mental_illness fii disabled_child "
    "missing_education missing private_fostering self_harm non_mobile_injury was_not_brought "
    "allegation_against_staff underage_sexual_activity radicalisation bullying".split()
)


def _valid(entity: str, value: Any) -> bool:
    """DIET sometimes extracts fragments ("(15", "3:15", "office"): keep only values the
    dialogue can use."""
    text = str(value).strip().lower()
    if entity == "child_age":
        return text.isdigit() and 0 <= int(text) <= 17
    if entity == "role":
        return text in ROLES
    if entity == "concern_type":
        return text in CONCERNS
    return True


def _set_entity(message: Message, entity: str, value: Any) -> None:
    """The rule-based value replaces whatever DIET extracted for ``entity``."""
    entities = [e for e in (message.get(ENTITIES) or []) if e.get("entity") != entity]
    entities.append({"entity": entity, "value": value, "extractor": EXTRACTOR})
    message.set(ENTITIES, entities, add_to_output=True)


def _drop_invalid(message: Message) -> None:
    entities = message.get(ENTITIES) or []
    kept = [e for e in entities if _valid(str(e.get("entity")), e.get("value"))]
    if len(kept) != len(entities):
        message.set(ENTITIES, kept, add_to_output=True)


def _add_entity(message: Message, entity: str, value: Any) -> None:
    entities = list(message.get(ENTITIES) or [])
    if any(e.get("entity") == entity for e in entities):
        return
    entities.append({"entity": entity, "value": value, "extractor": EXTRACTOR})
    message.set(ENTITIES, entities, add_to_output=True)


def apply_signals(message: Message, signals: Signals) -> None:
    """Adjust the parsed message from the rule-based reading (pure: testable without a model)."""
    intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    if signals.danger_now:
        _set_intent(message, "danger_now", ",".join(signals.danger_reasons) or "danger")
    elif (
        intent in _AUDIENCE_OR_HARM
        and signals.audience != _AUDIENCE_OR_HARM[intent]
        and not signals.harmful_request
        and detect_topics(message.get(TEXT) or "")
    ):
        # "do I tell the head?", "should I have a quiet word with the teacher first?": a
        # practitioner's decision question that DIET mistook for a child, a parent or a
        # harmful request. The reviewed answer to that question is the safe reply.
        _set_intent(message, "ask_guidance", "a practitioner's decision question")
    elif signals.harmful_request and intent not in _KEEP:
        _set_intent(message, "harmful_request", signals.harmful_request)
    elif signals.audience == "child" and intent in _PRACTITIONER_INTENTS | {"parent_help"}:
        _set_intent(message, "child_help", "a child is typing")
    elif signals.audience == "parent" and intent in _PRACTITIONER_INTENTS | {"child_help"}:
        _set_intent(message, "parent_help", "a parent is typing")
    _drop_invalid(message)
    if signals.audience in ("child", "parent", "practitioner"):
        _set_entity(message, "audience", signals.audience)
    if signals.role:
        _set_entity(message, "role", signals.role)
    if signals.child_age is not None:
        _set_entity(message, "child_age", str(signals.child_age))
    if signals.concern_types:
        _set_entity(message, "concern_type", signals.concern_types[0])
    if signals.disclosure:
        _add_entity(message, "disclosure", True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyReader(GraphComponent, IntentClassifier):
    """Rule-based second reader (see module docstring)."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyReader:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text: str | None = message.get(TEXT)
            if not text:
                continue
            try:
                signals = read_signals(text)
            except Exception:  # noqa: BLE001 - never lose a message to a reader bug
                logger.exception("safety reader failed; keeping the NLU result")
                continue
            apply_signals(message, signals)
        return messages
