"""Input channels that redact personal data before Rasa sees a message and always answer.

Registered in credentials.yml by module path. Both channels:

- redact names, phone numbers, postcodes, NHS numbers... (bot.redact) from the text before
  the UserMessage is built, so the tracker store, the logs and the actions never see them;
- keep an answer and its citations in ONE message (Rasa's channels split text on blank
  lines and send a custom payload as a separate message);
- never stay silent: if processing raises, produces nothing, or an action fails, the user
  gets a fallback that still carries the 999 line and the safeguarding-lead step.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.redact import redact_text

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 128
# Longer messages keep their start and end (where people put the question) and are cut in
# the middle. The safety reader sees the same text Rasa stores.
MAX_MESSAGE_CHARS = 8000
HEAD_CHARS = 6000
TAIL_CHARS = 1800

FALLBACK_TEXT = (
    "Sorry, part of my answer failed to load. If a child is in immediate danger, call 999 now. "
    "Otherwise, tell your designated safeguarding lead today, and if you think a child may be "
    "suffering significant harm, refer to your local children's social care. "
    "Please send your message again in a moment."
)
EMPTY_TEXT = (
    "I didn't receive any text. Tell me what's worrying you about a child, or ask a question "
    "about the safeguarding guidance. If a child is in immediate danger, call 999."
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]")


@dataclass
class TurnState:
    """What went wrong while Rasa handled one message (collected from Rasa's own logs)."""

    failed_actions: list[str] = field(default_factory=list)


_turn: contextvars.ContextVar[TurnState | None] = contextvars.ContextVar("turn", default=None)


class _ActionFailureFilter(logging.Filter):
    """Notices Rasa's "Encountered an exception while running action" for the current turn.

    Rasa swallows action failures (the turn then ends without the action's messages); the
    log call runs in the same asyncio context as the turn, so a context variable ties it to
    the message being handled."""

    def filter(self, record: logging.LogRecord) -> bool:
        state = _turn.get()
        if state is not None:
            message = record.getMessage()
            if message.startswith("Encountered an exception while running action"):
                state.failed_actions.append(message.split("'")[1] if "'" in message else "?")
        return True


_FILTER_INSTALLED = False


def _install_failure_filter() -> None:
    global _FILTER_INSTALLED
    if not _FILTER_INSTALLED:
        logging.getLogger("rasa.core.processor").addFilter(_ActionFailureFilter())
        _FILTER_INSTALLED = True


def clean_message(raw: Any) -> str:
    """Text a user sent, made safe to process: decoded, control and zero-width characters
    removed, personal data redacted, very long messages cut in the middle."""
    if raw is None:
        return ""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    if not isinstance(raw, str):
        raw = str(raw)
    text = _CONTROL.sub(" ", _ZERO_WIDTH.sub("", raw)).replace("\ufffd", " ")
    # Redact the whole message before cutting, so nothing personal survives at the cut.
    text = redact_text(text).strip()
    if len(text) > MAX_MESSAGE_CHARS:
        text = f"{text[:HEAD_CHARS]} … {text[-TAIL_CHARS:]}"
    return text


def merge_response(recipient_id: str, message: dict[str, Any]) -> dict[str, Any]:
    """One outgoing message: text, buttons and the custom payload together."""
    out: dict[str, Any] = {"recipient_id": recipient_id}
    custom = message.get("custom")
    text = message.get("text")
    if isinstance(custom, dict) and not text and isinstance(custom.get("text"), str):
        text = custom["text"]
    if text:
        out["text"] = text
    buttons = message.get("buttons") or message.get("quick_replies")
    if buttons:
        out["buttons"] = buttons
    if custom:
        out["custom"] = custom
    for key in ("image", "attachment"):
        if message.get(key):
            out[key] = message[key]
    return out


class CombinedCollectingOutputChannel(CollectingOutputChannel):
    """Collects each bot response as one message (no splitting on blank lines)."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        await self._persist_message(merge_response(recipient_id, dict(message)))


def fallback_message(recipient_id: str) -> dict[str, Any]:
    return {
        "recipient_id": recipient_id,
        "text": FALLBACK_TEXT,
        "custom": {"kind": "fallback", "citations": []},
    }


async def handle_safely(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    user_message: UserMessage,
    collector: CombinedCollectingOutputChannel,
) -> list[dict[str, Any]]:
    """Run Rasa on one message and return what to send; never returns an empty list."""
    _install_failure_filter()
    state = TurnState()
    token = _turn.set(state)
    failed = False
    try:
        await on_new_message(user_message)
    except Exception:  # noqa: BLE001 - the user must get an answer whatever broke
        logger.exception("handling a message failed (sender %s)", user_message.sender_id)
        failed = True
    finally:
        _turn.reset(token)
    messages = list(collector.messages)
    if failed or state.failed_actions or not messages:
        if state.failed_actions:
            logger.warning("actions failed this turn: %s; sending the fallback", state.failed_actions)
        messages.append(fallback_message(user_message.sender_id))
    return messages


class SafeRestInput(RestInput):
    """The REST channel (``/webhooks/rest/webhook``) with validation, redaction and no silence."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint("safe_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except Exception:  # noqa: BLE001 - Sanic raises several types for bad JSON
                body = None
            if not isinstance(body, dict):
                return response.json(
                    {"error": 'the body must be a JSON object: {"sender": "...", "message": "..."}'},
                    status=400,
                )
            sender = body.get("sender")
            if not isinstance(sender, str) or not sender.strip():
                return response.json(
                    {"error": "'sender' is required: a conversation id string chosen by the client"},
                    status=400,
                )
            if len(sender) > MAX_SENDER_CHARS or _CONTROL.search(sender):
                return response.json(
                    {"error": f"'sender' must be at most {MAX_SENDER_CHARS} printable characters"},
                    status=400,
                )
            raw = body.get("message", "")
            if raw is not None and not isinstance(raw, str):
                return response.json({"error": "'message' must be a string"}, status=400)
            text = clean_message(raw)
            if not text:
                # Nothing to process: answer without touching the conversation.
                return response.json(
                    [
                        {
                            "recipient_id": sender,
                            "text": EMPTY_TEXT,
                            "custom": {"kind": "empty", "citations": []},
                        }
                    ]
                )
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            message_id = body.get("message_id") if isinstance(body.get("message_id"), str) else None
            collector = CombinedCollectingOutputChannel()
            user_message = UserMessage(
                text,
                collector,
                sender.strip(),
                input_channel=self.name(),
                metadata=_safe_metadata(metadata),
                message_id=message_id or uuid.uuid4().hex,
            )
            return response.json(await handle_safely(on_new_message, user_message, collector))

        return webhook


def _safe_metadata(metadata: dict[str, Any] | None) -> dict[str, Any] | None:
    """Keep only small, non-personal metadata keys (channel hints), never free text."""
    if not metadata:
        return None
    allowed = {"channel", "client", "locale", "trainer_mode"}
    kept = {k: v for k, v in metadata.items() if k in allowed and isinstance(v, (str, bool, int))}
    return kept or None


class SafeSocketIOOutput(SocketIOOutput):
    """Socket.IO output that sends each response as one ``bot_uttered`` event."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        merged = merge_response(recipient_id, dict(message))
        merged.pop("recipient_id", None)
        if "buttons" in merged:
            merged["quick_replies"] = [
                {"content_type": "text", "title": b.get("title"), "payload": b.get("payload")}
                for b in merged["buttons"]
            ]
        await self._send_message(recipient_id, merged)


class SafeSocketIOInput(SocketIOInput):
    """Socket.IO channel for the web widget, with redaction and no silent turns."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        handlers = sio.handlers.get(self.namespace or "/", {})

        async def session_request(sid: str, data: dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not isinstance(session_id, str) or not re.fullmatch(r"[A-Za-z0-9_-]{8,64}", session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                result = sio.enter_room(sid, session_id)
                if hasattr(result, "__await__"):
                    await result
            await sio.emit("session_confirm", session_id, room=sid)

        async def handle_message(sid: str, data: Any) -> None:
            output = SafeSocketIOOutput(sio, self.bot_message_evt)
            if not isinstance(data, dict):
                await sio.emit(self.bot_message_evt, {"text": EMPTY_TEXT}, room=sid)
                return
            sender_id = data.get("session_id") if self.session_persistence else sid
            if not isinstance(sender_id, str) or not sender_id:
                await sio.emit(
                    self.bot_message_evt,
                    {"text": "Your chat session has expired: please reload the page."},
                    room=sid,
                )
                return
            text = clean_message(data.get("message", ""))
            if not text:
                await sio.emit(self.bot_message_evt, {"text": EMPTY_TEXT}, room=sender_id)
                return
            collector = CombinedCollectingOutputChannel()
            message = UserMessage(text, collector, sender_id, input_channel=self.name())
            for outgoing in await handle_safely(on_new_message, message, collector):
                outgoing.pop("recipient_id", None)
                await output.send_response(sender_id, outgoing)

        handlers["session_request"] = session_request
        handlers[self.user_message_evt] = handle_message
        return blueprint
