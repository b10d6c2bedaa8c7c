"""Was this helpful? Logged (without personal data) for content review."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.feedback import FeedbackRecord, last_answer, record_feedback


class ActionFeedback(Action):
    def name(self) -> str:
        return "action_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        helpful = intent == "feedback_helpful"
        answer = last_answer(tracker.events)
        record_feedback(
            FeedbackRecord.create(
                conversation=tracker.sender_id,
                helpful=helpful,
                query=answer.get("query", "") if answer else "",
                citations=[f"{c.get('doc_id')}:{c.get('para')}" for c in (answer or {}).get("citations", [])],
            )
        )
        if helpful:
            text = "Thanks, that's been noted."
        else:
            text = (
                "Thanks for telling me: that answer has been flagged for review. Try asking in "
                "different words, or ask your designated safeguarding lead."
            )
        dispatcher.utter_message(text=text, json_message={"kind": "feedback", "citations": [], "text": text})
        return []
