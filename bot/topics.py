"""Recognise the practitioner questions that have a fixed, reviewed answer.

Frontline staff ask the same few decision questions again and again ("should I ask her more
questions?", "do I ring her mum?", "do I need permission?", "should I ring my manager
first?", "what happens now?"). Each is answered by reviewed steps from bot/pathways/, never
by a guess. Anything else goes to retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Topic:
    key: str
    steps: tuple[str, ...]
    heading: str
    pattern: re.Pattern[str]


def _p(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{part})" for part in parts), _FLAGS)


_PARENT = r"(?:mum|mom|mummy|mother|dad|daddy|father|parents?|carers?|step-?(?:dad|mum|father|mother)|nan|gran)"
_ADULT = r"(?:him|her|them|the (?:teacher|colleague|coach|ta|volunteer|leader|carer|nurse|worker)|my colleague|the member of staff)"

TOPICS: tuple[Topic, ...] = (
    Topic(
        "already_promised",
        ("dis_already_promised", "dis_tell_lead_now"),
        "If you already promised to keep it secret:",
        _p(
            r"\b(?:already|had|have|i)\s+(?:\w+\s+){0,2}promised\b",
            r"\bpromised\s+(?:him|her|them|the (?:child|boy|girl))\b",
            r"\bmade me promise\b",
            r"\bsaid i (?:wouldn['’]?t|would not|won['’]?t) tell\b",
        ),
    ),
    Topic(
        "confidentiality",
        ("dis_no_promise",),
        "Keeping it secret:",
        _p(
            r"\b(?:keep|kept)\s+(?:it|this|that)\s+(?:a\s+)?secret\b",
            r"\b(?:asked|begged|told|made) me (?:to )?(?:not to |never )(?:tell|say anything|mention)\b",
            r"\bnot to (?:say anything|mention (?:it|this)) to anyone\b",
            r"\bnot to tell (?:anyone|anybody|her mum|his mum|her dad|his dad)\b",
            r"\bconfidential(?:ity)?\b",
        ),
    ),
    Topic(
        "what_to_say",
        ("dis_listen", "dis_no_promise"),
        "What to say to the child:",
        _p(
            r"\bwhat (?:do|should|can) i (?:say|tell) (?:to )?(?:her|him|them|the (?:child|girl|boy|pupil|kid))\b",
            r"\bhow (?:do|should) i (?:talk|speak|respond) to (?:her|him|them|the (?:child|girl|boy))\b",
            r"\bwhat (?:do|should) i say\b",
        ),
    ),
    Topic(
        "ask_child_more",
        ("dis_dont_investigate", "dis_listen"),
        "Asking the child more:",
        _p(
            r"\b(?:ask|question|quiz|press|interview)\s+(?:him|her|them|the (?:child|boy|girl|pupil|student))\s+(?:\w+\s+){0,3}?(?:more|about|what|further|again|details?|exactly)\b",
            r"\b(?:get|have|find out)\s+(?:the\s+)?(?:full|whole)\s+(?:picture|story)\b",
            r"\bfind out (?:more|what (?:really|actually|exactly) happened|exactly)\b",
            r"\bmore (?:details|detail|questions)\b",
            r"\bshould i (?:ask|question)\b",
            r"\b(?:look at|check|see|photograph|take (?:a )?photos? of) (?:the |her |his )?(?:bruis\w*|marks?|injur\w*)\b",
        ),
    ),
    Topic(
        "tell_parent",
        ("dis_family_caution",),
        "Telling the parents:",
        _p(
            rf"\b(?:ring|call|phone|tell|inform|text|email|speak to|talk to|mention (?:it|this) to|let)\s+(?:the |her |his |their |my |a )?(?:child['’]?s\s+)?{_PARENT}\b",
            rf"\b(?:quiet|friendly|gentle)\s+(?:word|chat)\s+with\s+(?:the |her |his |their )?{_PARENT}\b",
            rf"\b{_PARENT}\s+(?:know|knows|be told)\b",
            r"\bat pick[- ]?up\b.*\?",
        ),
    ),
    Topic(
        "permission",
        ("is_consent_referral", "is_record_decision"),
        "Consent and permission:",
        _p(
            r"\b(?:need|needs|have to|must|should)\s+(?:\w+\s+){0,3}?(?:permission|consent|agreement)\b",
            r"\b(?:permission|consent)\s+(?:from|of|before)\b",
            r"\bbehind (?:her|his|their|the parents['’]?) back\b",
            r"\bwithout (?:telling|asking|their (?:consent|permission)|(?:her|his) (?:consent|permission))\b",
            r"\b(?:doesn['’]?t|does not|don['’]?t|do not|won['’]?t|refuses? to|refused to) (?:want|agree|consent|let)\b[^.?!]{0,40}\b(?:social (?:services|care|workers?)|children['’]?s services|police|referr\w*|involved|anyone (?:to )?know)",
        ),
    ),
    Topic(
        "confront_colleague",
        ("al_dont_tell_subject", "al_report_senior"),
        "Talking to the colleague yourself:",
        _p(
            rf"\b(?:quiet|friendly|gentle)\s+(?:word|chat)\s+with\s+{_ADULT}",
            rf"\b(?:confront|warn|tackle|challenge)\s+{_ADULT}",
            r"\b(?:speak|talk)\s+to\s+the\s+(?:teacher|colleague|coach|volunteer|leader)\s+(?:first|directly|myself)\b",
            r"\bso (?:she|he) (?:isn['’]?t|is not|wasn['’]?t) blindsided\b",
        ),
    ),
    Topic(
        "confront_abuser",
        ("fu_dont_confront",),
        "Confronting the person:",
        _p(
            r"\b(?:have|having) (?:a )?(?:quiet |friendly |stern )?(?:word|chat|it out) with (?:him|her|them|the (?:boyfriend|man|men|lads?|dad|father|stepdad|uncle|neighbour)|those|that)\b",
            r"\b(?:confront|warn|tackle|challenge|ring|call|text|message) (?:him|them|the (?:boyfriend|man|men|lads?|abuser)|those (?:lads|men))\b",
            r"\bgo (?:out |round |over )?(?:\w+ ){0,4}?and (?:have|confront|sort)\b",
            r"\bsort (?:it|this) out (?:within|ourselves|between)\b",
        ),
    ),
    Topic(
        "unsafe_collection",
        ("fu_unsafe_collection",),
        "If the adult collecting isn't safe:",
        _p(
            r"\b(?:drunk|smells? of (?:drink|alcohol)|stinks of (?:drink|alcohol)|high|off (?:his|her) face|wasted|slurring)\b[^.?!]{0,80}\b(?:collect|pick(?:ing)? (?:up|her up|him up|them up)|take (?:her|him|them) home|drive)\b",
            r"\b(?:collect|pick(?:ing)? (?:up|her up|him up|them up))\b[^.?!]{0,80}\b(?:drunk|smells? of (?:drink|alcohol)|slurring|high|wasted)\b",
        ),
    ),
    Topic(
        "resignation",
        ("al_resignation",),
        "If they resign:",
        _p(r"\b(?:resign\w*|hands? in (?:his|her|their) notice|quits?|leaves? (?:the )?(?:job|post|club|school))\b"),
    ),
    Topic(
        "hear_their_side",
        ("al_hear_side",),
        "Hearing their side first:",
        _p(r"\bhear (?:his|her|their) side\b", r"\b(?:speak|talk) to \w+ first\b.*\b(?:before|side)\b"),
    ),
    Topic(
        "nothing_will_happen",
        ("al_alternative", "al_whistleblowing"),
        "If you think it won't be acted on:",
        _p(
            r"\b(?:good |close |best )?(?:friends|mates)\s+with\b",
            r"\bnothing will (?:happen|be done)\b",
            r"\bwon['’]?t do anything\b",
            r"\b(?:cover|brush)\s+(?:it\s+)?(?:up|under)\b",
            r"\bwhistle-?blow",
        ),
    ),
    Topic(
        "manager_first",
        ("fu_manager_first",),
        "Your manager:",
        _p(
            r"\b(?:ring|call|phone|tell|ask|speak to|check with)\s+(?:my|the)\s+(?:line\s+)?(?:manager|boss|supervisor|team leader)\s+first\b",
            r"\b(?:manager|boss|supervisor)\s+first\b",
            r"\bwait for (?:my|the) (?:manager|boss|supervisor|dsl|lead)\b",
        ),
    ),
    Topic(
        "lead_away",
        ("fu_lead_away",),
        "If your lead isn't available:",
        _p(
            r"\b(?:manager|dsl|lead|head|boss|supervisor|safeguarding lead)\s+(?:is\s+|'s\s+|’s\s+)?(?:off|away|absent|on leave|on holiday|not in|off sick|not around|unavailable)\b",
            r"\bcan['’]?t (?:get hold of|reach|find) (?:my|the|our) (?:dsl|lead|manager|head)\b",
        ),
    ),
    Topic(
        "wait",
        ("fu_dont_wait",),
        "Waiting:",
        _p(
            r"\bwait\s+(?:and see|until|till|for (?:monday|tomorrow|next week|a bit|a while))\b",
            r"\bsee how (?:it|things) go",
            r"\b(?:keep an eye|monitor)\b.*\?",
            r"\bleave it (?:for now|a (?:bit|while|few days))\b",
            r"\bjust send another letter\b",
        ),
    ),
    Topic(
        "caf",
        ("fu_caf_or_refer",),
        "CAF or referral:",
        _p(r"\bcaf\b", r"\bearly help\b", r"\bcommon assessment\b"),
    ),
    Topic(
        "in_writing",
        ("nx_confirm_writing", "nx_acknowledge"),
        "Putting it in writing:",
        _p(
            r"\bin writing\b",
            r"\bwritten (?:referral|confirmation)\b",
            r"\bphone call (?:is )?enough\b",
            r"\bsend anything\b",
        ),
    ),
    Topic(
        "after_referral",
        (
            "nx_confirm_writing",
            "nx_acknowledge",
            "nx_decision",
            "nx_feedback",
            "nx_initial_assessment",
            "nx_strategy",
            "nx_icpc",
        ),
        "What happens after a referral:",
        _p(
            r"\bwhat happens (?:now|next|after)\b",
            r"\bhow long (?:do|does|will) (?:they|social (?:care|services)|children['’]?s (?:social care|services)) take\b",
            r"\b(?:phoned|rang|made|sent|put) (?:in |through )?(?:a |the )?referral\b",
            r"\btimescales?\b.*\breferral\b",
        ),
    ),
    Topic(
        "conference",
        ("nx_initial_assessment", "nx_strategy", "nx_icpc"),
        "If it goes further:",
        _p(
            r"\b(?:child protection|case|initial)\s+conference\b",
            r"\bicpc\b",
            r"\bstrategy (?:discussion|meeting)\b",
            r"\bsection 47\b|\bs\.?\s?47\b",
        ),
    ),
    Topic(
        "lscb_referral",
        ("fu_lscb_role",),
        "The LSCB:",
        _p(
            r"\brefer (?:it |them |this )?to the lscb\b",
            r"\blscb\b.*\b(?:investigate|refer|report)\b",
            r"\b(?:investigate|refer|report)\b.*\blscb\b",
        ),
    ),
    Topic(
        "unborn",
        ("fu_unborn",),
        "Unborn babies:",
        _p(r"\bunborn\b", r"\bpregnan(?:t|cy)\b"),
    ),
)


def detect_topics(text: str) -> list[Topic]:
    """The fixed-answer topics a message asks about, in a stable order, without overlaps."""
    lowered = text.lower()
    found = [topic for topic in TOPICS if topic.pattern.search(lowered)]
    keys = {t.key for t in found}
    if "confront_colleague" in keys or "hear_their_side" in keys:
        found = [t for t in found if t.key != "confront_abuser"]
    if "already_promised" in keys:
        found = [t for t in found if t.key != "confidentiality"]
    if "after_referral" in keys:
        found = [t for t in found if t.key not in ("in_writing", "conference")]
    return found
