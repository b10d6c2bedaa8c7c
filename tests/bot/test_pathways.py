"""The reviewed steps: every citation resolves to a verbatim sentence of its paragraph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.citations import CitationError, CiteRef, quote_for, resolve
from bot.contacts import load_contacts
from bot.pathways import PLACEHOLDERS, build_steps_message, default_library, load_library
from knowledge.ingest.clean import normalise_for_match

LIBRARY = default_library()
REFS = list(LIBRARY.all_refs())


@pytest.mark.parametrize("step_id, ref", REFS, ids=[f"{s}:{r.para}" for s, r in REFS])
def test_every_citation_resolves_to_a_verbatim_quote(parsed, step_id: str, ref: CiteRef) -> None:
    sources, passages = parsed
    citation = resolve(ref, passages, sources)
    passage = passages[ref.passage_id]
    assert citation.quote in passage.text
    assert normalise_for_match(ref.contains) in normalise_for_match(citation.quote)
    assert citation.status in {"statutory guidance", "non-statutory practice guidance"}
    assert "superseded" in citation.currency_note


def test_pathways_name_existing_steps() -> None:
    for pathway in LIBRARY.pathways.values():
        assert pathway.steps, pathway.key
        for step_id in pathway.steps:
            assert step_id in LIBRARY.steps


def test_each_concern_type_has_at_most_one_pathway() -> None:
    seen: dict[str, str] = {}
    for pathway in LIBRARY.pathways.values():
        for concern in pathway.concern_types:
            assert concern not in seen, f"{concern} in {seen.get(concern)} and {pathway.key}"
            seen[concern] = pathway.key


def test_step_texts_only_use_known_placeholders() -> None:
    for step in LIBRARY.steps.values():
        names = set(re.findall(r"\{(\w+)\}", step.text))
        assert names <= set(PLACEHOLDERS), step.step_id


def test_rendered_steps_carry_inline_citations_and_the_currency_note(parsed) -> None:
    sources, passages = parsed
    message = build_steps_message(
        LIBRARY.pathway("after_referral").steps,
        library=LIBRARY,
        passages=passages,
        sources=sources,
        contacts=load_contacts(),
        heading="What happens after a referral:",
    )
    assert "(Working Together 2010, 5.33)" in message.text
    assert "48 hours" in message.text
    assert "superseded" in message.text
    assert "\n\n" not in message.text, "a blank line would split the message in Rasa's channels"
    assert {(c.doc_id, c.para) for c in message.citations} >= {
        ("wt2010", "5.33"),
        ("wt2010", "5.83"),
    }


def test_unconfigured_contacts_say_so_instead_of_inventing_a_number(parsed) -> None:
    sources, passages = parsed
    message = build_steps_message(
        ["fs_refer_if_harm"],
        library=LIBRARY,
        passages=passages,
        sources=sources,
        contacts=load_contacts(),
    )
    assert "not configured" in message.text
    assert not re.search(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", message.text)


def test_a_missing_phrase_is_an_error(parsed) -> None:
    _, passages = parsed
    with pytest.raises(CitationError, match="does not contain"):
        quote_for(passages["wt2010:5.33"], "a phrase that is not there")


def test_unknown_step_in_a_pathway_file_is_reported(tmp_path) -> None:
    (tmp_path / "bad.yml").write_text(
        "steps:\n  a:\n    text: hi\npathways:\n  p:\n    steps: [a, b]\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="unknown step b"):
        load_library(tmp_path)


def _bad_advice_patterns() -> list[str]:
    """Every none_of regex of the evaluation sets (sentence-guarded bad advice)."""
    eval_dir = Path(__file__).resolve().parents[1] / "data" / "eval"
    patterns: list[str] = []
    for item in yaml.safe_load((eval_dir / "dev_safety.yml").read_text(encoding="utf-8")):
        if item["category"] == "child_or_parent":
            continue  # these forbid the practitioner workflow itself, for children and parents
        for check in item["checks"]:
            patterns += check.get("none_of", [])
    for item in yaml.safe_load((eval_dir / "dev_scenarios.yml").read_text(encoding="utf-8")):
        if re.match(r"(?:child|parent)\b", str(item.get("persona", ""))):
            continue
        for check in item["expect"]:
            patterns += check.get("none_of", [])
    return list(dict.fromkeys(patterns))


def test_no_step_gives_advice_the_safety_checks_forbid(parsed) -> None:
    """Rendered with contacts, no step (nor its quotes) may trip any bad-advice check."""
    sources, passages = parsed
    patterns = _bad_advice_patterns()
    assert len(patterns) > 20
    for step_id in LIBRARY.steps:
        message = build_steps_message(
            [step_id], library=LIBRARY, passages=passages, sources=sources, contacts=load_contacts()
        )
        text = "\n".join([message.text, *(c.quote for c in message.citations)])
        for pattern in patterns:
            match = re.search(pattern, text, re.IGNORECASE)
            assert match is None, f"{step_id}: {text[max(0, match.start() - 60) : match.end() + 20]!r}"
