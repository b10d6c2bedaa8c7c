"""The turn planner: what the assistant says, given what was said and what it knows.

Pure logic over :class:`Turn` (read from the tracker by actions/) and :class:`Resources`;
returns messages and slot updates. Safety-critical first messages (999, first steps, no
verdict) are plain Rasa responses sent by rules *before* an action runs; this module adds
what must be computed: steps tailored to role, age, disclosure and kind of concern, fixed
answers to common decision questions, and extractive answers from the guidance.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from bot.answer import abstain_message, compose_answer, contextual_query, decide, split_question
from bot.messages import BotMessage, Button
from bot.pathways import build_steps_message
from bot.resources import Resources
from bot.scope import scope_gap
from bot.signals import Signals, infer_role, read_signals
from bot.topics import Topic, detect_topics
from knowledge.errors import QueryError
from knowledge.search import SearchResult

logger = logging.getLogger(__name__)

SCHOOL_ROLES = {"teacher", "teaching_assistant", "dsl", "senco"}
HEALTH_ROLES = {"nurse", "health_visitor", "midwife", "gp", "doctor"}
SOCIAL_ROLES = {"social_worker", "family_support", "yot", "police", "residential_worker", "manager"}
VOLUNTARY_ROLES = {"sports_coach", "volunteer", "youth_worker", "faith_leader", "other"}

ROLE_LABELS = {
    "teacher": "teacher",
    "teaching_assistant": "teaching assistant",
    "dsl": "designated safeguarding lead",
    "nurse": "nurse",
    "health_visitor": "health visitor",
    "midwife": "midwife",
    "gp": "GP",
    "doctor": "doctor",
    "social_worker": "social worker",
    "police": "police officer",
    "early_years": "early years practitioner",
    "youth_worker": "youth worker",
    "sports_coach": "coach",
    "volunteer": "volunteer",
    "faith_leader": "faith group",
    "residential_worker": "residential care worker",
    "yot": "youth offending team",
    "family_support": "family support worker",
    "manager": "manager",
    "trainer": "trainer",
}

CONCERN_LABELS = {
    "physical": "physical harm",
    "sexual": "sexual abuse",
    "neglect": "neglect",
    "emotional": "emotional harm",
    "domestic_violence": "domestic abuse",
    "fgm": "FGM",
    "forced_marriage": "forced marriage",
    "cse": "sexual exploitation",
    "criminal_exploitation": "criminal exploitation",
    "trafficking": "trafficking",
    "online_abuse": "online abuse",
    "substance_misuse": "a parent's drug or alcohol use",
    "parental_mental_illness": "a parent's mental health",
    "fii": "fabricated or induced illness",
    "disabled_child": "a disabled child",
    "missing_education": "missing education",
    "missing": "a missing child",
    "private_fostering": "private fostering",
    "self_harm": "self-harm",
    "non_mobile_injury": "an injury to a baby who isn't mobile",
    "was_not_brought": "missed health appointments",
    "underage_sexual_activity": "underage sexual activity",
    "radicalisation": "radicalisation",
    "bullying": "bullying",
    "allegation_against_staff": "someone who works with children",
}

# Which pathway (bot/pathways/risks.yml) answers a kind of concern when the names differ.
CONCERN_ALIASES = {"allegation_against_staff": None, "bullying": "emotional"}

NEXT_BUTTONS = (
    Button("What happens after a referral?", "What happens after I make a referral?"),
    Button("Consent and sharing information", "Do I need the parents' consent to share information?"),
)
MENU_BUTTONS = (
    Button("I'm worried about a child", "I'm worried about a child"),
    Button("A child told me something", "A child told me something worrying"),
    Button("What can you do?", "/help"),
)
MAX_PATHWAYS_PER_TURN = 2
_CONTACT_REQUEST = re.compile(
    r"\b(?:phone |telephone |contact )?(?:number|contact details|email address) (?:for|of)\b"
    r"|\bwho do i (?:ring|call|phone|contact)\b|\bwhat(?:'s| is) the number\b",
    re.IGNORECASE,
)
_GIBBERISH_WORD = re.compile(r"[a-z]{2,}", re.IGNORECASE)
_COMMON = {
    "the",
    "a",
    "i",
    "my",
    "is",
    "to",
    "and",
    "of",
    "in",
    "it",
    "what",
    "how",
    "do",
    "you",
    "help",
    "child",
    "kid",
    "about",
    "worried",
    "can",
    "me",
    "he",
    "she",
    "they",
    "her",
    "his",
    "school",
    "no",
    "yes",
    "ok",
    "hi",
    "hello",
    "not",
    "this",
    "that",
    "for",
    "with",
    "should",
}


@dataclass(frozen=True)
class Turn:
    """What the planner knows about the current turn (read from the tracker)."""

    text: str
    intent: str
    role: str | None = None
    child_age: int | None = None
    concern_type: str | None = None
    disclosure: bool | None = None
    audience: str | None = None
    danger_active: bool = False
    danger_confirmed: bool | None = None
    stage: str = "new"
    previous_question: str | None = None
    trainer: bool = False
    shown: tuple[str, ...] = ()  # pathways already shown in this conversation
    history: tuple[str, ...] = ()  # earlier user messages (already redacted)


@dataclass
class Plan:
    messages: list[BotMessage] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)


_SCENARIO_START = re.compile(
    r"\b(?:scenario|demo|role[- ]?play|case study|example)\b[^:\n]{0,40}[:\-–]\s*", re.IGNORECASE
)
_SCENARIO_END = re.compile(
    r"[.!?]\s*(?:(?:can you |please |now )?(?:walk|talk|take) (?:us|me|them) through|what should|show (?:us|me))[^.!?]*[.!?]?\s*$",
    re.IGNORECASE,
)


_LISTENERS = {
    "teaching_assistant": r"ta|teaching assistant|learning support assistant",
    "teacher": r"(?:class |form |pe )?teacher|tutor|head of year",
    "nurse": r"(?:school |practice )?nurse",
    "health_visitor": r"health visitor|hv",
    "midwife": r"midwife",
    "gp": r"gp|doctor",
    "sports_coach": r"coach|swimming teacher|instructor",
    "youth_worker": r"youth worker",
    "early_years": r"key ?worker|key person|nursery worker|childminder",
    "volunteer": r"volunteer|leader",
}
_LISTENER = re.compile(
    r"\b(?:tells?|told|says? to|said to|discloses? to|disclosed to)\s+(?:his|her|their|the|a|an)\s+("
    + "|".join(f"(?:{p})" for p in _LISTENERS.values())
    + r")\b",
    re.IGNORECASE,
)


def listener_role(text: str) -> str | None:
    """In a training scenario, the role of the person the child told ("tells his TA")."""
    match = _LISTENER.search(text)
    if not match:
        return None
    said = match.group(1).lower()
    for role, pattern in _LISTENERS.items():
        if re.fullmatch(pattern, said, re.IGNORECASE):
            return role
    return None


def scenario_text(text: str) -> str:
    """The situation a trainer describes, without the framing ("run a demo: ... walk us
    through it"), so it is read as a case rather than a hypothetical."""
    match = _SCENARIO_START.search(text)
    body = text[match.end() :] if match else text
    body = _SCENARIO_END.sub(".", body).strip()
    body = re.sub(r"^training scenario\s*[:\-–]?\s*", "", body, flags=re.IGNORECASE)
    return body or text


def parse_age(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value)
    text = str(value)
    if re.search(r"\d\s*-?\s*(?:months?|mths?|weeks?|wks?|days?)\b|\bmonths? old\b|\bweeks? old\b", text, re.I):
        return 0
    match = re.search(r"\d{1,2}", text)
    if match:
        return int(match.group(0))
    if re.search(r"baby|newborn|infant|month", str(value), re.I):
        return 0
    if re.search(r"toddler", str(value), re.I):
        return 2
    return None


class Planner:
    def __init__(self, resources: Resources) -> None:
        self.res = resources

    # ------------------------------------------------------------------ helpers
    def steps(self, step_ids: Iterable[str], heading: str, *, role: str | None, kind: str = "steps") -> BotMessage:
        return build_steps_message(
            step_ids,
            library=self.res.library,
            passages=self.res.passages,
            sources=self.res.sources,
            contacts=self.res.contacts,
            role=role,
            heading=heading,
            kind=kind,
        )

    def pathway_message(self, key: str, heading: str, role: str | None, kind: str) -> BotMessage:
        """A whole core pathway (emergency, first steps...) as one message."""
        return self.steps(self.res.library.pathway(key).steps, heading, role=role, kind=kind)

    def topic_message(self, topics: list[Topic], role: str | None) -> BotMessage | None:
        if not topics:
            return None
        messages = [self.steps(t.steps, t.heading, role=role, kind="topic") for t in topics]
        if len(messages) == 1:
            return messages[0]
        text = "\n".join(m.text for m in messages)
        citations = []
        for message in messages:
            for citation in message.citations:
                if citation not in citations:
                    citations.append(citation)
        # One currency note at the end is enough.
        lines = [line for line in text.split("\n") if not line.startswith("Note: ")]
        notes = [line for line in text.split("\n") if line.startswith("Note: ")]
        if notes:
            lines.append(notes[0])
        return BotMessage(kind="topic", text="\n".join(lines), citations=tuple(citations))

    @staticmethod
    def lead_step(role: str | None) -> str | None:
        if role in SCHOOL_ROLES:
            return "lead_school"
        if role == "early_years":
            return "lead_early_years"
        if role in HEALTH_ROLES:
            return "lead_health"
        if role in SOCIAL_ROLES:
            return "lead_social_care"
        if role in VOLUNTARY_ROLES:
            return "lead_voluntary"
        return None

    def context(self, turn: Turn) -> Signals:
        """Signals of the whole conversation so far (earlier messages plus this one)."""
        return read_signals(" \n".join((*turn.history, turn.text)))

    def pathway_keys(self, concern_types: Iterable[str], age: int | None) -> list[str]:
        keys: list[str] = []
        types = list(concern_types)
        if age == 0 and "physical" in types and "non_mobile_injury" not in types:
            types.insert(0, "non_mobile_injury")
        if age is not None and age < 16 and "sexual" in types and "underage_sexual_activity" in types:
            types.remove("sexual")
        for concern in types:
            concern = CONCERN_ALIASES.get(concern, concern) or ""
            pathway = self.res.library.for_concern(concern) if concern else None
            if pathway is not None and pathway.key not in keys:
                keys.append(pathway.key)
        return keys

    def pathway_messages(self, keys: list[str], role: str | None) -> list[BotMessage]:
        out = []
        for key in keys:
            pathway = self.res.library.pathway(key)
            out.append(self.steps(pathway.steps, f"{pathway.title}:", role=role, kind="pathway"))
        return out

    @staticmethod
    def describe(role: str | None, age: int | None, disclosure: bool, concerns: Iterable[str]) -> str:
        parts = []
        if role and role in ROLE_LABELS:
            parts.append(f"as a {ROLE_LABELS[role]}")
        if age is not None:
            parts.append("a baby" if age == 0 else f"a child aged {age}")
        if disclosure:
            parts.append("something the child told you")
        labels = [CONCERN_LABELS[c] for c in concerns if c in CONCERN_LABELS][:2]
        if labels:
            parts.append(" and ".join(labels))
        return f" ({', '.join(parts)})" if parts else ""

    # ------------------------------------------------------------------ entry point
    def plan(self, turn: Turn) -> Plan:
        intent = turn.intent
        if intent == "danger_now":
            return self.plan_danger(turn)
        if intent in ("report_concern", "report_disclosure", "just_tell_me"):
            return self.plan_concern(turn, first=turn.stage == "new")
        if intent == "allegation_staff":
            return self.plan_allegation(turn)
        if intent == "ask_verdict":
            return self.plan_verdict(turn)
        if intent == "trainer_demo":
            return self.plan_trainer(turn)
        if intent == "ask_contacts":
            return self.plan_contacts(turn)
        if intent in ("child_help", "parent_help") and turn.audience == "practitioner":
            return self.plan_question(turn)
        if intent == "parent_help":
            return self.plan_parent(turn)
        if intent == "child_help":
            return Plan(messages=child_extras(read_signals(turn.text)))
        if intent == "harmful_request":
            return Plan()
        return self.plan_question(turn)

    # ------------------------------------------------------------------ danger now
    def plan_danger(self, turn: Turn) -> Plan:
        signals = read_signals(turn.text)
        plan = Plan(slots={"danger_active": True, "stage": "engaged"})
        audience = turn.audience or signals.audience
        if audience == "child":
            return plan
        if audience == "parent":
            plan.messages.extend(self.parent_extras(turn.text, signals))
            return plan
        if not signals.danger_now and (signals.concern_types or signals.disclosure):
            # Only the statistical model saw danger: the 999 message has gone out; now give
            # the full steps for what the message describes.
            follow = (
                self.plan_allegation(turn)
                if "allegation_against_staff" in signals.concern_types
                else self.plan_concern(turn, first=turn.stage == "new")
            )
            return self._merge(plan, follow)
        role = turn.role or signals.role or infer_role(turn.text)
        concerns = list(signals.concern_types)
        steps: list[str] = []
        if "domestic_violence" in concerns or "ongoing_violence" in signals.danger_reasons:
            steps += ["em_dv_police"]
        if signals.disclosure or "sexual_assault_recent" in signals.danger_reasons:
            steps += ["dis_listen", "dis_dont_investigate", "dis_no_promise", "dis_record_words"]
        if "allegation_against_staff" in concerns:
            steps += ["al_serious", "al_report_senior", "al_lado_one_day", "al_dont_tell_subject"]
        lead = self.lead_step(role)
        if lead:
            steps.append(lead)
        topics = [t for t in detect_topics(turn.text) if t.key != "wait"]
        if steps:
            plan.messages.append(self.steps(steps, "While help is on the way:", role=role))
        # Then what the message describes: its specific risks and questions.
        follow = self.plan_concern(turn, first=False, emergency=True)
        plan.messages.extend(follow.messages)
        plan.slots.update({k: v for k, v in follow.slots.items() if k != "stage"})
        if turn.text.count("?") and not topics and len(turn.text) > 300:
            plan.messages.append(
                BotMessage(
                    kind="chat",
                    text="Once the child is safe, ask me your other question again and I'll look it up.",
                )
            )
        return plan

    # ------------------------------------------------------------------ worried about a child
    def plan_concern(self, turn: Turn, *, first: bool, emergency: bool = False) -> Plan:
        now = read_signals(turn.text)
        whole = self.context(turn)
        role = turn.role or now.role or whole.role or infer_role(" ".join((*turn.history, turn.text)))
        # What this message says beats an earlier slot value (a form answer or a DIET guess).
        age = next((a for a in (now.child_age, turn.child_age, whole.child_age) if a is not None), None)
        disclosure = bool(turn.disclosure or now.disclosure or (first and whole.disclosure))
        concerns = list(dict.fromkeys([*now.concern_types, *whole.concern_types]))
        if turn.concern_type and turn.concern_type not in concerns and turn.concern_type != "other":
            concerns.insert(0, turn.concern_type)
        plan = Plan(slots={"stage": "engaged"})
        if turn.danger_confirmed:
            plan.messages.append(
                self.pathway_message("emergency", "Call 999 now: a child may be in danger.", role, "emergency")
            )
            plan.slots["danger_active"] = True
        if "allegation_against_staff" in now.concern_types:
            return self._merge(plan, self.plan_allegation(turn))
        # After triage questions the latest message is an answer ("I'm a teacher"): the
        # questions to answer are in the message that raised the concern.
        topic_text = " ".join((*turn.history[-2:], turn.text)) if first else turn.text
        topics = detect_topics(topic_text)
        new_keys = [k for k in self.pathway_keys(concerns, age) if k not in turn.shown]
        if first or turn.intent == "just_tell_me":
            steps: list[str] = []
            lead = self.lead_step(role)
            if lead:
                steps.append(lead)
            if disclosure:
                promised = (
                    now.confidentiality_promise
                    or whole.confidentiality_promise
                    or any(t.key == "already_promised" for t in topics)
                )
                steps += [
                    "dis_listen",
                    "dis_already_promised" if promised else "dis_no_promise",
                    "dis_dont_investigate",
                    "dis_record_words",
                    "dis_tell_lead_now",
                    "dis_family_caution",
                ]
                topics = [t for t in topics if t.key not in ("already_promised", "confidentiality", "ask_child_more")]
            else:
                steps += ["fs_tell_lead", "fs_refer_if_harm", "fs_record", "fs_discuss_anonymously"]
            heading = f"What to do next{self.describe(role, age, disclosure, concerns)}:"
            message = self.steps(steps, heading, role=role)
            plan.messages.append(replace(message, buttons=NEXT_BUTTONS))
        elif not new_keys and not topics and not emergency:
            plan.messages.append(
                self.steps(
                    ["fs_tell_lead", "fs_refer_if_harm", "fs_record"],
                    "Thank you, that adds to the picture. The same steps apply:",
                    role=role,
                )
            )
        keys = new_keys[:MAX_PATHWAYS_PER_TURN]
        if role == "police" and "domestic_violence" in concerns and "police_dv" not in turn.shown:
            plan.messages.append(self.steps(["dv_police_role"], "Your role at a domestic incident:", role=role))
            keys = [*keys, "police_dv"]
        plan.messages.extend(self.pathway_messages([k for k in keys if k != "police_dv"], role))
        topic_message = self.topic_message(topics, role)
        if topic_message:
            plan.messages.append(topic_message)
        if now.verdict_request and turn.intent != "ask_verdict":
            plan.messages.append(self.steps(["vd_no_verdict", "vd_discuss"], "", role=role, kind="verdict"))
        plan.slots["shown"] = list(turn.shown) + keys
        if role and not turn.role:
            plan.slots["role"] = role
        return plan

    # ------------------------------------------------------------------ allegations
    def plan_allegation(self, turn: Turn) -> Plan:
        signals = read_signals(turn.text)
        role = turn.role or signals.role or infer_role(turn.text)
        plan = Plan(slots={"stage": "engaged"})
        topics = [t for t in detect_topics(turn.text) if t.key not in ("tell_parent", "confront_abuser")]
        if signals.disclosure and "allegation" not in turn.shown:
            plan.messages.append(
                self.steps(
                    ["dis_listen", "dis_no_promise", "dis_dont_investigate", "dis_record_words"],
                    "When a child tells you:",
                    role=role,
                )
            )
        if "allegation" not in turn.shown:
            pathway = self.res.library.pathway("allegation")
            plan.messages.append(self.steps(pathway.steps, f"{pathway.title}:", role=role, kind="pathway"))
            plan.slots["shown"] = [*turn.shown, "allegation"]
        topic_message = self.topic_message(topics, role)
        if topic_message:
            plan.messages.append(topic_message)
        if not plan.messages:
            plan.messages.append(self.steps(["al_report_senior", "al_lado_one_day"], "The key steps again:", role=role))
        return plan

    # ------------------------------------------------------------------ is it abuse?
    def plan_verdict(self, turn: Turn) -> Plan:
        signals = read_signals(turn.text)
        role = turn.role or signals.role or infer_role(" ".join((*turn.history, turn.text)))
        plan = Plan()
        # "Am I overthinking this?" about a concern already described: show its pathway.
        whole = self.context(turn)
        keys = [k for k in self.pathway_keys(whole.concern_types, whole.child_age) if k not in turn.shown]
        keys = keys[:MAX_PATHWAYS_PER_TURN]
        if keys:
            plan.messages.extend(self.pathway_messages(keys, role))
            plan.slots["shown"] = [*turn.shown, *keys]
        definitions = {
            "physical": ("1.33", "Physical abuse may involve"),
            "emotional": ("1.34", "Emotional abuse is the persistent emotional maltreatment"),
            "sexual": ("1.35", "Sexual abuse involves forcing or enticing"),
            "neglect": ("1.36", "Neglect is the persistent failure to meet"),
        }
        wanted = [c for c in signals.concern_types if c in definitions]
        if not wanted and re.search(r"\b(?:alone|left|unsupervised|hungry|dirty|neglect)", turn.text, re.I):
            wanted = ["neglect"]
        if not wanted and re.search(r"\b(?:hit|slap|smack|punch|kick|bruis|shak)", turn.text, re.I):
            wanted = ["physical"]
        lines = []
        citations = []
        from bot.citations import CiteRef, resolve, short_label

        for concern in wanted[:2]:
            para, phrase = definitions[concern]
            citation = resolve(CiteRef("wt2010", para, phrase), self.res.passages, self.res.sources)
            citations.append(citation)
            lines.append(f"• “{citation.quote}” ({short_label('wt2010', para)})")
        if lines:
            lead = self.lead_step(role)
            text = "\n".join(["How the guidance describes it, to help your discussion with your lead:", *lines])
            note = citations[0].currency_note
            if note:
                text += f"\nNote: {note}"
            plan.messages.append(BotMessage(kind="definition", text=text, citations=tuple(citations)))
            if lead:
                plan.messages.append(self.steps([lead], "", role=role))
        return plan

    # ------------------------------------------------------------------ questions
    def plan_question(self, turn: Turn) -> Plan:
        text = turn.text.strip()
        signals = read_signals(text)
        role = turn.role or signals.role
        if self.looks_like_gibberish(text):
            return Plan(
                messages=[
                    BotMessage(
                        kind="clarify",
                        buttons=MENU_BUTTONS,
                        text=(
                            "Sorry, I didn't understand that. Could you tell me a bit more? "
                            "You can tell me what's worrying you about a child, or ask a question "
                            "about the safeguarding guidance. If a child is in immediate danger, call 999."
                        ),
                    )
                ]
            )
        if _CONTACT_REQUEST.search(text):
            return self.plan_contacts(turn)
        topics = detect_topics(text)
        if turn.danger_active and any(t.key == "manager_first" for t in topics):
            topics = [t for t in topics if t.key != "manager_first"]
            message = self.steps(["fu_manager_first", "em_call_999"], "Call 999 first:", role=role, kind="emergency")
            plan = Plan(messages=[message])
            extra = self.topic_message(topics, role)
            if extra:
                plan.messages.append(extra)
            return plan
        if topics:
            message = self.topic_message(topics, role)
            assert message is not None
            plan = Plan(messages=[message])
            # A compound question ("how quickly do they decide, and do I put it in writing?"):
            # the parts no fixed answer covers still go to retrieval.
            uncovered = [part for part in split_question(text)[1:] if not detect_topics(part)]
            found = self.confident_parts(uncovered)
            if found and scope_gap(text) is None:
                plan.messages.append(compose_answer(found, self.res.sources))
            return plan
        gap = scope_gap(text)
        values = self.res.values(role)
        if gap is not None:
            return Plan(messages=[abstain_message(values["lead"], values["nspcc"], gap)])
        query = contextual_query(text, turn.previous_question)
        parts = self.confident_parts(split_question(query))
        if not parts:
            return Plan(messages=[abstain_message(values["lead"], values["nspcc"])])
        answer = compose_answer(parts, self.res.sources)
        return Plan(messages=[answer], slots={"previous_question": query[:500]})

    def confident_parts(self, queries: list[str]) -> list[tuple[SearchResult, str]]:
        """Search each query; keep the results retrieval is confident about."""
        parts: list[tuple[SearchResult, str]] = []
        for part in queries:
            try:
                result = self.res.retriever.search(part, k=5)
            except QueryError as exc:
                logger.info("query rejected: %s", exc)
                continue
            decision = decide(result)
            logger.info("retrieval for %r: %s", part[:80], decision.reason)
            if decision.confident:
                parts.append((result, part))
        return parts

    @staticmethod
    def looks_like_gibberish(text: str) -> bool:
        words = _GIBBERISH_WORD.findall(text.lower())
        if not words:
            return True
        vowelless = sum(1 for w in words if not re.search(r"[aeiouy]", w))
        keyboard = sum(1 for w in words if re.search(r"(?:asdf|qwer|zxcv|jkl|hjk|sdf)", w))
        if len(words) <= 3 and (vowelless + keyboard) >= max(1, len(words) // 2 + 1):
            return True
        return False

    # ------------------------------------------------------------------ trainers
    def plan_trainer(self, turn: Turn) -> Plan:
        scenario = scenario_text(turn.text)
        signals = read_signals(scenario)
        if not (signals.concern_types or signals.disclosure or signals.danger_now):
            return Plan(
                messages=[
                    BotMessage(
                        kind="trainer",
                        text=(
                            "Happy to help with training. Describe the scenario in a sentence or two "
                            "(who the child is, what happened, who they told), or pick one below, and "
                            "I'll walk through what the practitioner should do, with the guidance cited. "
                            "Demo answers are for rehearsal: real cases follow your local procedures."
                        ),
                        buttons=tuple(Button(title, text) for title, text in TRAINER_SCENARIOS),
                    )
                ],
                slots={"trainer": True},
            )
        role = listener_role(scenario) or signals.role or infer_role(scenario)
        demo = replace(
            turn,
            text=scenario,
            intent="report_disclosure" if signals.disclosure else "report_concern",
            role=role,
            stage="new",
        )
        plan = self.plan_concern(demo, first=True)
        if signals.danger_now:
            plan.messages.insert(
                0,
                self.pathway_message("emergency", "Demo: this is an emergency. Call 999 now.", role, "emergency"),
            )
        else:
            plan.messages.insert(
                0,
                self.pathway_message("first_steps", "Training demo. First, right now:", role, "first_steps"),
            )
        plan.slots["trainer"] = True
        return plan

    # ------------------------------------------------------------------ contacts
    def plan_contacts(self, turn: Turn) -> Plan:
        contacts = self.res.contacts
        lines = ["Who to contact:"]
        for key in (
            "emergency",
            "safeguarding_lead",
            "deputy_lead",
            "childrens_social_care",
            "out_of_hours",
            "designated_officer",
            "police_non_emergency",
            "nspcc_helpline",
            "childline",
        ):
            lines.append(f"• {contacts.describe(key)}")
        if not contacts.get("childrens_social_care").configured:
            lines.append(
                "Local numbers have not been configured for this assistant yet: your safeguarding "
                "lead or your local safeguarding procedures will have them."
            )
        return Plan(messages=[BotMessage(kind="contacts", text="\n".join(lines))])

    # ------------------------------------------------------------------ parents
    def plan_parent(self, turn: Turn) -> Plan:
        return Plan(messages=self.parent_extras(turn.text, read_signals(turn.text)))

    def parent_extras(self, text: str, signals: Signals) -> list[BotMessage]:
        lowered = text.lower()
        out: list[BotMessage] = []
        if signals.harmful_request == "vigilante" or re.search(
            r"\b(?:messages?|texts?|chats?|dms?|snap\w*|online|tablet|phone|app)\b", lowered
        ):
            out.append(
                BotMessage(
                    kind="signpost",
                    text=(
                        "About the messages: please don't reply, and don't pretend to be your child "
                        "to catch the person: that can put your child at risk and harm a police "
                        "investigation. Keep everything as it is (take screenshots if you can, without "
                        "deleting anything) and report it to the police: 999 if your child is in "
                        "danger now, otherwise 101. The NSPCC Helpline (0808 800 5000) can advise you."
                    ),
                )
            )
        if {"criminal_exploitation", "cse"} & set(signals.concern_types):
            out.append(
                BotMessage(
                    kind="signpost",
                    text=(
                        "Money or things they can't explain, staying out late, a second phone and "
                        "older friends can be signs that someone is exploiting them (for example "
                        "gangs using children to carry drugs, or older people grooming them). It is "
                        "not your child's fault. Please don't confront the people involved yourself: "
                        "it could put your child and you at risk. Keep the phone and any messages, "
                        "and tell the police (101, or 999 if your child is in danger now). The NSPCC "
                        "Helpline (0808 800 5000) can advise you."
                    ),
                )
            )
        if "missing_with_adult" in signals.danger_reasons or "exploitation_now" in signals.danger_reasons:
            out.append(
                BotMessage(
                    kind="signpost",
                    text=(
                        "Tell the police everything you know: where she might be, the area, the man's "
                        "online accounts and any messages. Calling them is the right thing to do even "
                        "if your child is angry: her safety comes first."
                    ),
                )
            )
        return out

    @staticmethod
    def _merge(first: Plan, second: Plan) -> Plan:
        merged = Plan(messages=first.messages + second.messages, slots={**first.slots, **second.slots})
        return merged


# Extra words for a child or young person, by what they describe. Signposting only: no
# practitioner procedure, no promises of secrecy.
CHILD_EXTRAS = {
    "forced_marriage": (
        "Nobody is allowed to make you marry someone. Forced marriage is abuse, and it is "
        "against the law in the UK. If you think you might be taken abroad, please tell a teacher or "
        "another adult you trust before you go, or call Childline (0800 1111). If you are in danger "
        "right now, call 999."
    ),
    "fgm": (
        "FGM (cutting) is against the law in the UK and nobody has the right to do it to you, here or "
        "abroad. Please tell a teacher, your school nurse or another adult you trust as soon as you "
        "can, or call Childline (0800 1111). If it might happen soon, call 999."
    ),
    "self_harm": (
        "If you have hurt yourself badly or taken tablets or anything else, call 999 or go to A&E "
        "now, even if you feel OK. You can talk to Childline about how you're feeling any time "
        "(0800 1111), and please tell an adult you trust, like your school nurse or a teacher."
    ),
    "cse": (
        "Someone older who gives you presents, wants to keep things secret or pressures you is not "
        "treating you fairly, and none of this is your fault. Childline (0800 1111) can talk it "
        "through with you, and a teacher or school nurse can help too."
    ),
    "online_abuse": (
        "If someone online is asking you for pictures or to keep secrets, you haven't done anything "
        "wrong. Don't send anything else, keep the messages, and tell an adult you trust. You can "
        "also report it to CEOP at ceop.police.uk or talk to Childline (0800 1111)."
    ),
    "sexual": (
        "Nobody is allowed to touch you in a way that makes you uncomfortable, and it is never your "
        "fault, even if they say it's a secret. Please tell an adult you trust, like a teacher or your "
        "school nurse, or call Childline (0800 1111)."
    ),
}


def child_extras(signals: Signals) -> list[BotMessage]:
    for concern in ("forced_marriage", "fgm", "self_harm", "online_abuse", "cse", "sexual"):
        if concern in signals.concern_types or (
            concern == "cse" and "underage_sexual_activity" in signals.concern_types
        ):
            return [BotMessage(kind="signpost", text=CHILD_EXTRAS[concern], extra={"audience": "child"})]
    return []


TRAINER_SCENARIOS = (
    (
        "Disclosure to a TA",
        "Training scenario: a year 4 girl tells her teaching assistant at lunchtime that her mum's boyfriend hurts her",
    ),
    (
        "Bruise on a baby",
        "Training scenario: a health visitor sees a bruise on the cheek of a 4 month old baby who isn't rolling yet",
    ),
    (
        "FGM risk",
        "Training scenario: a year 3 teacher hears a 7 year old girl is going abroad this summer for a special ceremony to become a woman",
    ),
    (
        "Allegation about a coach",
        "Training scenario: a parent tells a club volunteer the coach has been messaging her 13 year old son late at night",
    ),
    (
        "Domestic abuse",
        "Training scenario: a midwife at a booking appointment is told by the woman that her partner pushed her and there is a toddler at home",
    ),
)
