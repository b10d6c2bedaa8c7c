"""The actions that speak: action_respond (any turn) and action_concern_steps (after triage)."""

from __future__ import annotations

import logging
from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.runtime import in_thread, planner, start_warm_up
from actions.tracker_reading import read_turn
from bot.respond import Plan

logger = logging.getLogger(__name__)

SORRY = (
    "Sorry, I couldn't look that up just now. If a child is in immediate danger, call 999. "
    "Otherwise, tell your designated safeguarding lead today and, if you think a child may be "
    "suffering significant harm, refer to your local children's social care."
)

start_warm_up()


def dispatch(dispatcher: CollectingDispatcher, plan: Plan) -> list[EventType]:
    for message in plan.messages:
        dispatcher.utter_message(**message.to_rasa())
    return [SlotSet(name, value) for name, value in plan.slots.items()]


class _Speaking(Action, metaclass=ABCMeta):
    """Shared run(): read the turn, plan off the event loop, send, set slots.

    Abstract, so rasa-sdk does not register it as an action of its own."""

    intent_override: str | None = None

    @abstractmethod
    def name(self) -> str: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        turn = read_turn(tracker, self.intent_override)
        try:
            plan = await in_thread(planner().plan, turn)
        except Exception:  # noqa: BLE001 - the user gets the safe steps, the log gets the trace
            logger.exception("planning failed for intent %s", turn.intent)
            dispatcher.utter_message(text=SORRY, json_message={"kind": "fallback", "citations": [], "text": SORRY})
            return []
        return dispatch(dispatcher, plan)


class ActionRespond(_Speaking):
    def name(self) -> str:
        return "action_respond"


class ActionConcernSteps(_Speaking):
    """After the concern form: the steps tailored to what the practitioner told us."""

    intent_override = "report_concern"

    def name(self) -> str:
        return "action_concern_steps"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = await super().run(dispatcher, tracker, domain)
        return events + [SlotSet("requested_slot", None)]
