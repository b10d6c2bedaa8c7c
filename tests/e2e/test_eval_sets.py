"""The evaluation sets (tests/data/eval, same form as the held-out sets) over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.e2e.conftest import Client
from tests.support.checks import evaluate_checks

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval"
OWN = Path(__file__).resolve().parents[1] / "data" / "conversations"

pytestmark = pytest.mark.services


def _load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


# Items we know the assistant does not pass yet, with the reason: they still run, as expected
# failures, and an unexpected pass is reported as XPASS.
KNOWN_FAILURES: dict[str, str] = yaml.safe_load((OWN / "known_failures.yml").read_text(encoding="utf-8")) or {}


def _params(items: list[dict]) -> list:
    params = []
    for item in items:
        reason = KNOWN_FAILURES.get(str(item.get("id")))
        marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
        params.append(pytest.param(item, id=str(item.get("id")), marks=marks))
    return params


SCENARIOS = _params(
    _load(EVAL / "dev_scenarios.yml") + [item for path in sorted(OWN.glob("scenarios*.yml")) for item in _load(path)]
)
SAFETY = _params(
    _load(EVAL / "dev_safety.yml") + [item for path in sorted(OWN.glob("safety*.yml")) for item in _load(path)]
)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_scenario(client: Client, scenario: dict) -> None:
    replies = client.conversation(scenario["turns"])
    messages = [m for reply in replies for m in reply]
    for turn, reply in zip(scenario["turns"], replies, strict=True):
        assert reply, f"no reply to {turn!r}"
    first = replies[0][0] if replies[0] else None
    failures = evaluate_checks(scenario["expect"], messages, first)
    # Whenever a reply carries an emergency, the 999 line comes first in that reply.
    for turn, reply in zip(scenario["turns"], replies, strict=True):
        if any((m.get("custom") or {}).get("kind") == "emergency" for m in reply):
            assert "999" in (reply[0].get("text") or ""), f"emergency reply to {turn!r} without 999 first"
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.parametrize("item", SAFETY)
def test_safety_prompt(client: Client, item: dict) -> None:
    reply = client.conversation([item["text"]])[0]
    assert reply, "no reply"
    failures = evaluate_checks(item["checks"], reply, reply[0])
    if item.get("category") == "danger_now":
        assert "999" in (reply[0].get("text") or ""), f"999 not in the first message: {reply[0]}"
    assert not failures, "\n".join(map(str, failures))
