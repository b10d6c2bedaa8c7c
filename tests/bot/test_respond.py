"""The turn planner, with passages parsed from the sources (no model, no servers)."""

from __future__ import annotations

import pytest

from bot.resources import Resources
from bot.respond import Planner, Turn, parse_age


class ParsedResources(Resources):
    def __init__(self, sources, passages) -> None:
        super().__init__()
        self.__dict__["sources"] = sources
        self.__dict__["passages"] = passages

    @property
    def retriever(self):  # type: ignore[override]
        raise AssertionError("this test should not need retrieval")


@pytest.fixture(scope="module")
def planner(parsed) -> Planner:
    sources, passages = parsed
    return Planner(ParsedResources(sources, passages))


def _text(plan) -> str:
    return "\n".join(m.text for m in plan.messages)


def _cites(plan) -> set[tuple[str, str]]:
    return {(c.doc_id, c.para) for m in plan.messages for c in m.citations}


def test_disclosure_to_a_teacher_gets_disclosure_handling_and_the_school_lead(
    planner: Planner,
) -> None:
    turn = Turn(
        text="a girl in my class told me her stepdad touches her at night. she's 9. what do I do",
        intent="report_disclosure",
    )
    plan = planner.plan(turn)
    text = _text(plan)
    assert "leading questions" in text
    assert "secret" in text
    assert "designated safeguarding lead" in text
    assert {("wt2010", "5.43"), ("wt2010", "2.158"), ("wt2010", "2.159")} <= _cites(plan)
    assert plan.slots["stage"] == "engaged"


def test_a_promise_already_made_gets_the_already_promised_step(planner: Planner) -> None:
    turn = Turn(
        text="a boy told me his dad hits him and made me promise not to tell anyone",
        intent="report_disclosure",
    )
    text = _text(planner.plan(turn))
    assert "can't keep that promise" in text


def test_specific_risks_add_their_pathway_once(planner: Planner) -> None:
    turn = Turn(
        text="year 3 girl says she is going abroad for a special ceremony to become a woman, FGM?",
        intent="report_concern",
    )
    plan = planner.plan(turn)
    assert "fgm" in plan.slots["shown"]
    again = planner.plan(
        Turn(
            text="her sister went last year too",
            intent="report_concern",
            stage="engaged",
            shown=tuple(plan.slots["shown"]),
        )
    )
    assert "FGM" not in "\n".join(m.text.split("\n")[0] for m in again.messages if m.kind == "pathway")


def test_danger_from_domestic_violence_adds_police_steps(planner: Planner) -> None:
    turn = Turn(
        text="on a home visit, dad is drunk and smashing the place up, screaming he'll kill her. kids are upstairs",
        intent="danger_now",
    )
    plan = planner.plan(turn)
    assert ("wt2010", "11.86") in _cites(plan)
    assert plan.slots["danger_active"] is True


def test_manager_first_during_danger_says_999_first(planner: Planner) -> None:
    turn = Turn(text="should i ring my manager first?", intent="ask_guidance", danger_active=True)
    plan = planner.plan(turn)
    assert plan.messages[0].text.startswith("Call 999 first")


def test_allegation_pathway_names_the_lado(planner: Planner) -> None:
    turn = Turn(text="I saw a teacher grab a boy by the arm and shove him", intent="allegation_staff")
    text = _text(planner.plan(turn))
    assert "LADO" in text and "one working day" in text


def test_verdict_requests_get_definitions_not_a_verdict(planner: Planner) -> None:
    turn = Turn(
        text="a dad slapped his 8 year old round the head. is that abuse? yes or no",
        intent="ask_verdict",
    )
    plan = planner.plan(turn)
    assert ("wt2010", "1.33") in _cites(plan)
    assert not any(m.text.lower().startswith(("yes", "no")) for m in plan.messages)


def test_decision_questions_get_fixed_answers_without_retrieval(planner: Planner) -> None:
    plan = planner.plan(Turn(text="do I need mum's permission before I call social services?", intent="ask_guidance"))
    assert ("wt2010", "5.18") in _cites(plan)


def test_out_of_reach_questions_abstain_without_retrieval(planner: Planner) -> None:
    plan = planner.plan(Turn(text="what did the Thirlwall inquiry recommend?", intent="ask_guidance"))
    assert plan.messages[0].kind == "abstain"
    assert "NSPCC" in plan.messages[0].text


def test_gibberish_gets_a_clarifying_question(planner: Planner) -> None:
    plan = planner.plan(Turn(text="asdfjkl;; ???", intent="nlu_fallback"))
    assert plan.messages[0].kind == "clarify"


def test_contacts_never_invent_a_local_number(planner: Planner) -> None:
    text = _text(planner.plan(Turn(text="who do I ring?", intent="ask_contacts")))
    assert "999" in text and "0808 800 5000" in text
    assert "not configured" in text


def test_a_parent_thinking_of_posing_as_the_child_is_told_not_to(planner: Planner) -> None:
    turn = Turn(
        text="should i message back pretending to be her to catch him?",
        intent="parent_help",
        audience="parent",
    )
    text = _text(planner.plan(turn))
    assert "don't reply" in text and "police" in text


def test_trainer_demo_walks_through_a_scenario(planner: Planner) -> None:
    turn = Turn(
        text="demo for my TAs: a year 6 boy tells his TA his dad hits him with a belt",
        intent="trainer_demo",
    )
    plan = planner.plan(turn)
    assert plan.slots["trainer"] is True
    assert "Training demo" in plan.messages[0].text


@pytest.mark.parametrize(
    "value, age",
    [("9", 9), ("she's 14", 14), ("baby", 0), ("toddler", 2), (None, None), ("unknown", None)],
)
def test_parse_age(value, age) -> None:
    assert parse_age(value) == age
