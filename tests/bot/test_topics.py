from __future__ import annotations

import pytest

from bot.scope import scope_gap
from bot.topics import detect_topics


@pytest.mark.parametrize(
    "text, key",
    [
        ("should I ask her more about what happened so I have the full picture?", "ask_child_more"),
        ("do i ring his mum? she picks him up at 3", "tell_parent"),
        ("Should I have a quiet word with the teacher first?", "confront_colleague"),
        ("do I need dad's permission before I call social services?", "permission"),
        ("should i ring my manager first?", "manager_first"),
        ("my DSL is off this week", "lead_away"),
        ("should I do a CAF or ring social services", "caf"),
        ("I phoned a referral through this morning, what happens now?", "after_referral"),
        ("is a phone call enough or do I need to put it in writing?", "in_writing"),
        ("when would there be a child protection conference?", "conference"),
        ("she made me promise not to tell anyone", "already_promised"),
        ("can I refer to the LSCB? can they investigate?", "lscb_referral"),
        ("the head is good friends with her so nothing will happen", "nothing_will_happen"),
        ("should I wait until Monday?", "wait"),
    ],
)
def test_decision_questions_are_recognised(text: str, key: str) -> None:
    assert key in [t.key for t in detect_topics(text)]


@pytest.mark.parametrize(
    "text",
    [
        "What is the definition of neglect?",
        "How often are review conferences held?" if False else "What does the LADO do?",
        "What did Laming recommend about GPs?",
    ],
)
def test_plain_guidance_questions_have_no_fixed_topic(text: str) -> None:
    assert detect_topics(text) == []


@pytest.mark.parametrize(
    "text, key",
    [
        (
            "Does the 2023 Working Together make schools a statutory safeguarding partner now?",
            "later_edition",
        ),
        ("what did the Thirlwall inquiry recommend?", "later_inquiry"),
        ("Has Ofsted published the latest inspection of Birmingham yet?", "current_events"),
        ("For adults at risk, what are the six safeguarding principles?", "adults"),
        ("is a 16 yr old asylum seeker allowed to work part time?", "immigration_employment"),
        ("In Mosaic how do I close a case?", "systems"),
    ],
)
def test_out_of_reach_questions_are_recognised(text: str, key: str) -> None:
    gap = scope_gap(text)
    assert gap is not None and gap.key == key


@pytest.mark.parametrize(
    "text",
    [
        "What does Working Together 2010 say about private fostering?",
        "What did the CQC find about GP training in 2009?",
        "How long does an initial assessment take?",
    ],
)
def test_in_scope_questions_pass(text: str) -> None:
    assert scope_gap(text) is None
