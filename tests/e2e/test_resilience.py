"""Safety does not depend on the action server: the 999 line and the first steps are plain
Rasa responses, and a turn whose action fails still gets an answer (never silence)."""

from __future__ import annotations

import os
import signal
import uuid

import pytest

from bot.stack import Stack
from tests.e2e.conftest import Client

pytestmark = pytest.mark.services


def _kinds(reply: list[dict]) -> list[str]:
    return [(m.get("custom") or {}).get("kind") for m in reply]


def test_with_the_action_server_down_safety_steps_still_go_out(stack: Stack, client: Client) -> None:
    actions = stack.processes["actions"]
    os.killpg(actions.pid, signal.SIGKILL)
    actions.wait()
    try:
        reply = client.say(
            f"down-{uuid.uuid4().hex}", "a man with a knife is at the school gate shouting for his daughter"
        )
        assert "999" in reply[0]["text"]
        assert _kinds(reply)[0] == "emergency"
        assert _kinds(reply)[-1] == "fallback"

        reply = client.say(f"down-{uuid.uuid4().hex}", "a girl in my class told me her stepdad hits her")
        assert _kinds(reply)[0] == "first_steps"
        assert "designated safeguarding lead" in reply[0]["text"]

        reply = client.say(f"down-{uuid.uuid4().hex}", "How long does an initial assessment take?")
        assert reply, "silence"
        assert "999" in reply[-1]["text"]
    finally:
        stack.restart_actions()
    reply = client.say(f"up-{uuid.uuid4().hex}", "What is a strategy discussion?")
    assert "fallback" not in _kinds(reply)
