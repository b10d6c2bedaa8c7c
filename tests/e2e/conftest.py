"""End-to-end fixtures: the real action server and Rasa server, started once per session on
free ports (trained model and built index required: `make test` prepares both)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.stack import MODEL_PATH, Stack, free_port, http_json


class Client:
    """Talks to the REST channel like a widget would."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def send(self, sender: str, message: Any, timeout: float = 60.0) -> tuple[int, Any]:
        return http_json(
            f"{self.base_url}/webhooks/rest/webhook",
            {"sender": sender, "message": message},
            timeout,
        )

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        status, body = self.send(sender, message)
        assert status == 200, f"HTTP {status}: {body}"
        assert isinstance(body, list), body
        return body

    def conversation(self, turns: list[str]) -> list[list[dict[str, Any]]]:
        sender = f"test-{uuid.uuid4().hex}"
        return [self.say(sender, turn) for turn in turns]

    def tracker(self, sender: str) -> Any:
        return http_json(f"{self.base_url}/conversations/{sender}/tracker")


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL_PATH.is_file():
        pytest.fail("no trained model: run `make test` (it trains the model first)")
    base = tmp_path_factory.mktemp("stack")
    running = Stack(
        rasa_port=free_port(),
        action_port=free_port(),
        run_dir=base / "run",
        log_dir=base / "logs",
        extra_env={"FEEDBACK_LOG": str(base / "feedback.jsonl")},
    )
    running.start(timeout=240)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def client(stack: Stack) -> Client:
    return Client(stack.rasa_url)


@pytest.fixture(scope="session")
def log_dir(stack: Stack) -> Path:
    return stack.log_dir
