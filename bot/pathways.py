"""The library of fixed, reviewed steps (bot/pathways/*.yml) and how they are rendered."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.citations import CiteRef, currency_note_for, one_line, resolve, short_label
from bot.contacts import Contacts
from bot.messages import BotMessage
from knowledge.models import Citation, Passage, Source

PATHWAYS_DIR = Path(__file__).resolve().parent / "pathways"
PLACEHOLDERS = ("lead", "csc", "edt", "lado", "police", "nspcc", "childline")


class PathwayError(ValueError):
    """The pathway files are inconsistent (unknown step, bad placeholder, missing field)."""


@dataclass(frozen=True)
class Step:
    step_id: str
    text: str
    cites: tuple[CiteRef, ...]


@dataclass(frozen=True)
class Pathway:
    key: str
    title: str
    steps: tuple[str, ...]
    concern_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Library:
    steps: dict[str, Step]
    pathways: dict[str, Pathway]

    def step(self, step_id: str) -> Step:
        try:
            return self.steps[step_id]
        except KeyError:
            raise PathwayError(f"unknown step {step_id!r}") from None

    def pathway(self, key: str) -> Pathway:
        try:
            return self.pathways[key]
        except KeyError:
            raise PathwayError(f"unknown pathway {key!r}") from None

    def for_concern(self, concern_type: str) -> Pathway | None:
        for pathway in self.pathways.values():
            if concern_type in pathway.concern_types:
                return pathway
        return None

    def all_refs(self) -> Iterable[tuple[str, CiteRef]]:
        for step in self.steps.values():
            for ref in step.cites:
                yield step.step_id, ref


def _parse_step(step_id: str, data: Any, origin: Path) -> Step:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise PathwayError(f"{origin}: step {step_id} needs a 'text'")
    cites = []
    for raw in data.get("cite") or []:
        try:
            cites.append(CiteRef(str(raw["doc"]), str(raw["para"]), str(raw["contains"])))
        except (KeyError, TypeError) as exc:
            raise PathwayError(f"{origin}: step {step_id} has a bad citation {raw!r}") from exc
    fields = {name for _, name, _, _ in string.Formatter().parse(data["text"]) if name}
    unknown = fields - set(PLACEHOLDERS)
    if unknown:
        raise PathwayError(f"{origin}: step {step_id} uses unknown placeholders {sorted(unknown)}")
    return Step(step_id, one_line(data["text"]), tuple(cites))


def load_library(directory: Path = PATHWAYS_DIR) -> Library:
    steps: dict[str, Step] = {}
    pathways: dict[str, Pathway] = {}
    files = sorted(directory.glob("*.yml"))
    if not files:
        raise PathwayError(f"no pathway files in {directory}")
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for step_id, raw in (data.get("steps") or {}).items():
            if step_id in steps:
                raise PathwayError(f"{path}: step {step_id} is defined twice")
            steps[step_id] = _parse_step(step_id, raw, path)
        for key, raw in (data.get("pathways") or {}).items():
            if key in pathways:
                raise PathwayError(f"{path}: pathway {key} is defined twice")
            pathways[key] = Pathway(
                key=key,
                title=str(raw.get("title") or key),
                steps=tuple(raw.get("steps") or ()),
                concern_types=tuple(raw.get("concern_types") or ()),
            )
    for pathway in pathways.values():
        for step_id in pathway.steps:
            if step_id not in steps:
                raise PathwayError(f"pathway {pathway.key} names unknown step {step_id}")
    return Library(steps, pathways)


@lru_cache(maxsize=1)
def default_library() -> Library:
    return load_library()


UNCONFIGURED_NOTE = (
    "Local contact numbers are not configured in this assistant yet: your local safeguarding "
    "procedures (or your safeguarding lead) have them."
)


def contact_values(contacts: Contacts, role: str | None = None) -> dict[str, str]:
    """Text for each placeholder: the contact's label, with its name and number if configured.

    An unconfigured contact is shown by its label only, and the message then carries
    UNCONFIGURED_NOTE, so a number is never invented."""
    lead = contacts.get("safeguarding_lead")
    lead_text = "your designated safeguarding lead"
    if role in ("nurse", "health_visitor", "midwife", "gp", "doctor"):
        lead_text = "your named nurse or doctor for safeguarding (or your safeguarding lead)"
    elif role in ("social_worker", "police", "yot", "family_support"):
        lead_text = "your manager or safeguarding lead"
    elif role in ("sports_coach", "volunteer", "youth_worker", "faith_leader"):
        lead_text = "your organisation's designated safeguarding (welfare) officer"
    if lead.configured:
        lead_text = f"{lead_text} ({', '.join(p for p in (lead.name, lead.phone) if p)})"

    def short(key: str, label: str) -> str:
        contact = contacts.get(key)
        if not contact.configured:
            return label
        return f"{label} ({', '.join(p for p in (contact.name, contact.phone) if p)})"

    return {
        "lead": lead_text,
        "csc": short("childrens_social_care", "local authority children's social care"),
        "edt": short("out_of_hours", "the emergency duty team"),
        "lado": short("designated_officer", "the local authority designated officer (LADO)"),
        "police": short("police_non_emergency", "the police"),
        "nspcc": short("nspcc_helpline", "the NSPCC Helpline"),
        "childline": short("childline", "Childline"),
    }


_LOCAL_PLACEHOLDERS = {
    "csc": "childrens_social_care",
    "edt": "out_of_hours",
    "lado": "designated_officer",
}


def uses_unconfigured(step: Step, contacts: Contacts) -> bool:
    return any(
        f"{{{name}}}" in step.text and not contacts.get(key).configured for name, key in _LOCAL_PLACEHOLDERS.items()
    )


def citation_labels(citations: list[Citation]) -> str:
    """``Working Together 2010, 5.18 and 5.14; CQC 2009, '...'``: grouped by document."""
    grouped: dict[str, list[str]] = {}
    for citation in citations:
        paras = grouped.setdefault(citation.doc_id, [])
        if citation.para not in paras:
            paras.append(citation.para)
    parts = []
    for doc_id, paras in grouped.items():
        label = short_label(doc_id, paras[0])
        if len(paras) > 1:
            label += "".join(f", {p}" for p in paras[1:-1]) + f" and {paras[-1]}"
        parts.append(label)
    return "; ".join(parts)


def render_step(step: Step, citations: list[Citation], values: Mapping[str, str]) -> str:
    labels = citation_labels(citations)
    text = step.text.format(**values)
    return f"• {text} ({labels})" if labels else f"• {text}"


def build_steps_message(
    steps: Iterable[str],
    *,
    library: Library,
    passages: Mapping[str, Passage],
    sources: Mapping[str, Source],
    contacts: Contacts,
    role: str | None = None,
    heading: str = "",
    kind: str = "steps",
    footer: str = "",
) -> BotMessage:
    """One message: heading, one bullet per step with inline citations, the currency note."""
    values = contact_values(contacts, role)
    lines = [heading] if heading else []
    all_citations: list[Citation] = []
    unconfigured = False
    for step_id in dict.fromkeys(steps):
        step = library.step(step_id)
        unconfigured = unconfigured or uses_unconfigured(step, contacts)
        citations = [resolve(ref, passages, sources) for ref in step.cites]
        lines.append(render_step(step, citations, values))
        for citation in citations:
            if citation not in all_citations:
                all_citations.append(citation)
    note = currency_note_for(all_citations)
    if footer:
        lines.append(footer)
    if unconfigured:
        lines.append(UNCONFIGURED_NOTE)
    if note:
        lines.append(f"Note: {note}")
    return BotMessage(kind=kind, text="\n".join(lines), citations=tuple(all_citations))
