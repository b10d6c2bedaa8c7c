"""Dialogue behaviour over HTTP against the real servers."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest

from bot.stack import Stack
from tests.e2e.conftest import Client

pytestmark = pytest.mark.services

CITATION_FIELDS = {"doc_id", "para", "title", "quote", "status", "currency_note"}


def _sender() -> str:
    return f"dlg-{uuid.uuid4().hex}"


def _kinds(reply: list[dict]) -> list[str]:
    return [(m.get("custom") or {}).get("kind") for m in reply]


def test_guidance_answers_follow_the_message_contract(client: Client) -> None:
    reply = client.say(_sender(), "What is the definition of neglect?")
    answer = next(m for m in reply if (m.get("custom") or {}).get("kind") == "answer")
    citations = answer["custom"]["citations"]
    assert citations and all(CITATION_FIELDS <= set(c) for c in citations)
    wt = [c for c in citations if c["doc_id"] == "wt2010"]
    assert wt and all("superseded" in c["currency_note"] for c in wt)
    for citation in citations:
        # Citations are inline in the plain text too, and the quote is verbatim guidance.
        assert citation["para"] in answer["text"]
    assert "\n\n" not in answer["text"]
    assert [b["payload"] for b in answer["buttons"]] == ["/feedback_helpful", "/feedback_not_helpful"]


def test_inspection_findings_are_labelled_as_findings(client: Client) -> None:
    reply = client.say(_sender(), "What did the CQC find about level 1 safeguarding training in NHS trusts in 2009?")
    text = "\n".join(m.get("text") or "" for m in reply)
    assert "Inspection finding" in text
    assert "not a duty" in text or "not what you must do" in text


def test_feedback_is_logged_without_message_text(client: Client, stack: Stack) -> None:
    sender = _sender()
    client.say(sender, "How often are child protection review conferences held?")
    reply = client.say(sender, "/feedback_not_helpful")
    assert "flagged for review" in reply[0]["text"]
    log = Path(stack.extra_env["FEEDBACK_LOG"])
    for _ in range(20):
        if log.is_file():
            break
        time.sleep(0.25)
    records = [json.loads(line) for line in log.read_text().splitlines()]
    record = records[-1]
    assert record["helpful"] is False
    assert record["citations"]
    assert sender not in json.dumps(records)  # the conversation id is hashed


def test_a_vague_concern_asks_only_what_changes_the_advice_then_gives_steps(client: Client) -> None:
    sender = _sender()
    first = client.say(sender, "I'm worried about a child")
    assert "999" in first[0]["text"]  # the first steps always carry the 999 line
    assert any("immediate danger" in (m.get("text") or "") for m in first)
    client.say(sender, "/deny")
    client.say(sender, "/deny")
    client.say(sender, "neglect, he's always hungry and his clothes are filthy")
    client.say(sender, "I'm a teacher")
    last = client.say(sender, "he's 7")
    text = "\n".join(m.get("text") or "" for m in last)
    assert "designated safeguarding lead" in text
    assert "Neglect" in text or "neglect" in text


def test_just_tell_me_skips_the_questions(client: Client) -> None:
    sender = _sender()
    client.say(sender, "I'm worried about a child")
    reply = client.say(sender, "/just_tell_me")
    text = "\n".join(m.get("text") or "" for m in reply)
    assert "What to do next" in text
    assert "significant harm" in text


def test_danger_mid_conversation_gets_999_first(client: Client) -> None:
    sender = _sender()
    client.say(sender, "What is a strategy discussion?")
    reply = client.say(sender, "sorry - her dad has just come into the nursery with a knife and is grabbing her")
    assert "999" in reply[0]["text"]
    assert _kinds(reply)[0] == "emergency"


def test_follow_up_questions_use_the_context(client: Client) -> None:
    sender = _sender()
    client.say(sender, "A 14 year old is having sex with her boyfriend, what does the guidance say?")
    reply = client.say(sender, "what about if she's 16?")
    cited = {c["para"] for m in reply for c in (m.get("custom") or {}).get("citations", [])}
    assert "5.31" in cited, cited


def test_are_you_human_gets_an_honest_answer(client: Client) -> None:
    reply = client.say(_sender(), "am I talking to a real person?")
    assert "not a human" in reply[0]["text"]


def test_a_child_typing_is_signposted_not_given_the_workflow(client: Client) -> None:
    reply = client.say(_sender(), "im 13 and my stepdad hits me when mum is at work")
    text = "\n".join(m.get("text") or "" for m in reply)
    assert "Childline" in text and "0800 1111" in text
    assert "designated safeguarding lead" not in text


def test_a_disclosure_gets_the_no_secrets_step_before_any_triage_question(client: Client) -> None:
    reply = client.say(_sender(), "a year 4 boy told me at pickup his uncle touches him and not to tell anyone")
    first = reply[0]["text"]
    assert "Don't promise to keep it a secret" in first
    assert "Don't investigate or question the child in depth" in first
    assert "999" in first


def test_a_compound_question_gets_the_fixed_answer_and_retrieval_for_the_rest(client: Client) -> None:
    reply = client.say(
        _sender(),
        "How quickly must social care decide what to do after I make a referral, and do I need to put a "
        "phone referral in writing?",
    )
    assert _kinds(reply)[:2] == ["topic", "answer"]
    cited = {(c["doc_id"], c["para"]) for m in reply for c in (m.get("custom") or {}).get("citations", [])}
    assert {("wt2010", "5.33"), ("wt2010", "5.34")} <= cited
