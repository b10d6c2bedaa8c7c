"""What the assistant sends: a message with plain text, citations and buttons.

Plain text is the rendering every channel can show (citations inline, single newlines so
Rasa never splits an answer from its sources); channel renderers (bot/render.py) start
from the same record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from knowledge.models import Citation


@dataclass(frozen=True)
class Button:
    title: str
    payload: str

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True)
class BotMessage:
    """One message to the user."""

    kind: str  # emergency | steps | pathway | answer | abstain | signpost | refusal | question | chat
    text: str
    citations: tuple[Citation, ...] = ()
    buttons: tuple[Button, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        """The ``custom`` payload (DESIGN.md contract): kind, citations, plain text."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "citations": [c.to_dict() for c in self.citations],
            "text": self.text,
        }
        data.update(self.extra)
        return data

    def to_rasa(self) -> dict[str, Any]:
        """Keyword arguments for ``dispatcher.utter_message``."""
        out: dict[str, Any] = {"text": self.text, "json_message": self.payload()}
        if self.buttons:
            out["buttons"] = [b.to_dict() for b in self.buttons]
        return out
