"""The code that runs inside the Rasa process (Python 3.10): the safety reader and the
channels' helpers, exercised in the real Rasa environment."""

from __future__ import annotations

import json
import subprocess
import textwrap

import pytest

from bot.stack import ROOT, rasa_env

pytestmark = pytest.mark.services

RASA_PY = ROOT / ".venv-rasa" / "bin" / "python"


def _run(code: str) -> dict:
    result = subprocess.run(
        [str(RASA_PY), "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=rasa_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_safety_reader_overrides_intent_and_cleans_entities() -> None:
    out = _run(
        """
        import json
        from rasa.shared.nlu.training_data.message import Message
        from bot.rasa_ext.safety_reader import SafetyReader

        reader = SafetyReader({})
        def parse(text, intent, entities=()):
            m = Message(data={"text": text})
            m.set("intent", {"name": intent, "confidence": 0.6}, add_to_output=True)
            m.set("intent_ranking", [{"name": intent, "confidence": 0.6}], add_to_output=True)
            m.set("entities", list(entities), add_to_output=True)
            reader.process([m])
            return {"intent": m.get("intent")["name"], "entities": {e["entity"]: e["value"] for e in m.get("entities")}}

        print(json.dumps({
            "danger": parse("dad is in reception with a knife shouting for his son", "report_concern"),
            "child": parse("im 14 and my mums boyfriend hits me when shes at work", "report_concern"),
            "bad_age": parse("teacher here, a girl in year 5 told me her stepdad hits her", "report_disclosure",
                             [{"entity": "child_age", "value": "(15"}, {"entity": "role", "value": "office"}]),
            "decision": parse("should I have a quiet word with the teacher first?", "harmful_request"),
            "plain": parse("hello", "greet"),
        }))
        """
    )
    assert out["danger"]["intent"] == "danger_now"
    assert out["child"]["intent"] == "child_help"
    assert out["child"]["entities"]["audience"] == "child"
    assert out["bad_age"]["entities"].get("child_age") == "9"
    assert out["bad_age"]["entities"].get("role") in ("teacher", None)
    assert out["decision"]["intent"] == "ask_guidance"
    assert out["plain"]["intent"] == "greet"


def test_channel_cleaning_redacts_and_bounds_messages() -> None:
    out = _run(
        """
        import json
        from bot.rasa_ext.channels import clean_message, merge_response, MAX_MESSAGE_CHARS
        long = "worried about a child. " * 2000 + "call me on 07700 900123"
        print(json.dumps({
            "redacted": clean_message("Jayden Smith, 07700 900123, LS6 2AB"),
            "nul": clean_message("a\\x00b\\u200bc"),
            "long_len": len(clean_message(long)),
            "long_tail": clean_message(long)[-40:],
            "merged": merge_response("u1", {"text": "hi", "custom": {"kind": "answer", "citations": []}, "buttons": [{"title": "t", "payload": "p"}]}),
            "max": MAX_MESSAGE_CHARS,
        }))
        """
    )
    assert "07700" not in out["redacted"] and "Jayden" not in out["redacted"]
    assert out["nul"] == "a bc"
    assert out["long_len"] <= out["max"] + 10
    assert "[phone]" in out["long_tail"]
    assert out["merged"] == {
        "recipient_id": "u1",
        "text": "hi",
        "buttons": [{"title": "t", "payload": "p"}],
        "custom": {"kind": "answer", "citations": []},
    }
