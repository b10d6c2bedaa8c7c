"""Tests for bot.redact: the personal-data redactor used by the Rasa input channels.

Corpus targets (row B7 of the test matrix), measured on ``data/pii_corpus.jsonl`` (336
synthetic practitioner messages) and ``data/guidance_questions.txt`` (275 questions
without personal data):

* structured identifiers (every kind except names): recall >= 99%
* names: recall >= 90%
* false positives: <= 2% of guidance questions get any redaction
* no raw identifier value of 4+ characters survives in the redacted text

Recall counts an identifier as found when every occurrence of its value in the message is
fully covered by redaction spans.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.redact import PLACEHOLDERS, Redaction, RedactionResult, redact, redact_mapping, redact_text

DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "pii_corpus.jsonl"
QUESTIONS = DATA / "guidance_questions.txt"
MODULE = Path(__file__).resolve().parents[2] / "bot" / "redact.py"

KINDS = {"phone", "postcode", "nhs_number", "date", "email", "nino", "name", "address", "card"}


# ---------------------------------------------------------------------------
# Helpers and fixtures
# ---------------------------------------------------------------------------


def covered(text: str, result: RedactionResult, value: str) -> bool:
    """Every occurrence of ``value`` in ``text`` lies inside redaction spans."""
    mask = [False] * len(text)
    for r in result.redactions:
        for i in range(r.start, r.end):
            mask[i] = True
    start = text.find(value)
    if start < 0:
        return False
    while start >= 0:
        if not all(mask[start : start + len(value)]):
            return False
        start = text.find(value, start + 1)
    return True


def redacted_kinds(text: str) -> list[str]:
    return [r.kind for r in redact(text).redactions]


def spans(text: str) -> list[tuple[str, str]]:
    """(kind, original text) of each redaction."""
    return [(r.kind, text[r.start : r.end]) for r in redact(text).redactions]


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def corpus_results(corpus: list[dict[str, Any]]) -> list[tuple[dict[str, Any], RedactionResult]]:
    return [(rec, redact(rec["text"])) for rec in corpus]


@pytest.fixture(scope="module")
def questions() -> list[str]:
    with QUESTIONS.open(encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip()]


def recall_by_kind(
    corpus_results: list[tuple[dict[str, Any], RedactionResult]],
) -> tuple[Counter[str], Counter[str], list[str]]:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[str] = []
    for rec, result in corpus_results:
        for ident in rec["identifiers"]:
            total[ident["kind"]] += 1
            if covered(rec["text"], result, ident["value"]):
                found[ident["kind"]] += 1
            else:
                misses.append(f"{rec['id']} {ident['kind']} {ident['value']!r} -> {result.text!r}")
    return found, total, misses


# ---------------------------------------------------------------------------
# The corpus itself
# ---------------------------------------------------------------------------


def test_corpus_is_well_formed(corpus: list[dict[str, Any]], questions: list[str]) -> None:
    assert len(corpus) >= 300
    assert len(questions) >= 200
    ids = [rec["id"] for rec in corpus]
    assert len(ids) == len(set(ids))
    for rec in corpus:
        assert rec["identifiers"], rec["id"]
        for ident in rec["identifiers"]:
            assert ident["kind"] in KINDS, (rec["id"], ident)
            assert ident["value"] in rec["text"], (rec["id"], ident)


def test_corpus_file_matches_its_generator() -> None:
    spec = importlib.util.spec_from_file_location("make_pii_corpus", DATA / "make_pii_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render(module.build()) == CORPUS.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# Corpus targets (B7)
# ---------------------------------------------------------------------------


def test_structured_identifier_recall(
    corpus_results: list[tuple[dict[str, Any], RedactionResult]],
) -> None:
    found, total, misses = recall_by_kind(corpus_results)
    kinds = [k for k in total if k != "name"]
    recall = sum(found[k] for k in kinds) / sum(total[k] for k in kinds)
    detail = {k: f"{found[k]}/{total[k]}" for k in sorted(kinds)}
    structured_misses = [m for m in misses if " name " not in m]
    assert recall >= 0.99, (recall, detail, structured_misses)
    for kind in kinds:  # no kind may be systematically missed
        assert found[kind] / total[kind] >= 0.95, (kind, detail, structured_misses)


def test_name_recall(corpus_results: list[tuple[dict[str, Any], RedactionResult]]) -> None:
    found, total, misses = recall_by_kind(corpus_results)
    recall = found["name"] / total["name"]
    assert recall >= 0.90, (recall, [m for m in misses if " name " in m])


def test_no_raw_identifier_survives(
    corpus_results: list[tuple[dict[str, Any], RedactionResult]],
) -> None:
    leaks = [
        (rec["id"], ident["value"], result.text)
        for rec, result in corpus_results
        for ident in rec["identifiers"]
        if len(ident["value"]) >= 4 and ident["value"] in result.text
    ]
    assert leaks == []


def test_false_positives_on_guidance_questions(questions: list[str]) -> None:
    flagged = [(q, redact_text(q)) for q in questions if redact(q).changed]
    assert len(flagged) / len(questions) <= 0.02, flagged


def test_corpus_redactions_are_placeholders_at_original_positions(
    corpus_results: list[tuple[dict[str, Any], RedactionResult]],
) -> None:
    for rec, result in corpus_results:
        text = rec["text"]
        rebuilt, pos = [], 0
        previous_end = 0
        for r in result.redactions:
            assert r.kind in KINDS
            assert previous_end <= r.start < r.end <= len(text), (rec["id"], r)
            rebuilt += [text[pos : r.start], PLACEHOLDERS[r.kind]]
            pos = previous_end = r.end
        rebuilt.append(text[pos:])
        assert "".join(rebuilt) == result.text


# ---------------------------------------------------------------------------
# Phones and the helpline allow-list
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "07700900123",
        "07700 900123",
        "07700 900 123",
        "07700-900-123",
        "0770 090 0123",
        "(0113) 496 0000",
        "0113 496 0000",
        "01134960000",
        "020 7946 0000",
        "0207 946 0000",
        "+44 20 7946 0000",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "0044 7700 900123",
        "01632 960 000",
        "(01632) 960000",
        "0161 496 0000",
        "07911 123456",
        "0\u200b7700 900\u200b123",
    ],
)
def test_phone_numbers(number: str) -> None:
    text = f"mum's number is {number}, ring after 6"
    assert spans(text) == [("phone", number)]
    assert redact_text(text) == "mum's number is [phone], ring after 6"


@pytest.mark.parametrize(
    "text",
    [
        "If a child is in danger call 999",
        "Ring 101 for the police, or 111 for NHS advice",
        "Samaritans are on 116 123",
        "Childline is 0800 1111",
        "Childline: 0800 11 11",
        "The NSPCC helpline is 0808 800 5000",
        "NSPCC on 0808 800 5000 or the Domestic Abuse Helpline 0808 2000 247",
        "Crimestoppers 0800 555 111",
    ],
)
def test_helplines_and_service_numbers_are_kept(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    "text",
    ["There were 12345 678901 visits", "ref 0044 12", "0412 345 6789", "0612 345 678", "call 05 about it"],
)
def test_not_phone_numbers(text: str) -> None:
    assert "phone" not in redacted_kinds(text)


# ---------------------------------------------------------------------------
# Postcodes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "postcode",
    [
        "LS6 2AB",
        "ls6 2ab",
        "LS62AB",
        "ls62ab",
        "Ls6 2ab",
        "SW1A 1AA",
        "EC1A 1BB",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "GIR 0AA",
        "gir0aa",
        "BT12 7BH",
    ],
)
def test_postcodes(postcode: str) -> None:
    assert spans(f"she lives in {postcode} now") == [("postcode", postcode)]


@pytest.mark.parametrize(
    "text",
    [
        "Which schools in LS6 have a DSL?",
        "the M1 motorway",
        "my Y6 2nd term report",
        "Form 7B is on the A1 road",
        "KS2 SATs",
    ],
)
def test_not_postcodes(text: str) -> None:
    assert "postcode" not in redacted_kinds(text)


# ---------------------------------------------------------------------------
# NHS numbers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["943 476 5919", "943-476-5919", "9434765919"])
def test_nhs_numbers_with_valid_check_digit(number: str) -> None:
    assert spans(f"it is {number} on the letter") == [("nhs_number", number)]


@pytest.mark.parametrize(
    "text",
    ["NHS no 943 476 5918", "NHS No: 9434765918", "nhs number is 943-476-5918", "NHS - 943 476 5918", "NHS 9434765918"],
)
def test_nhs_numbers_with_a_typo_after_nhs_words(text: str) -> None:
    assert redacted_kinds(text) == ["nhs_number"]
    assert "5918" not in redact_text(text)


@pytest.mark.parametrize("text", ["ref 943 476 5918", "order 9434765918 shipped", "0000000000"])
def test_ten_digits_failing_modulus_11_are_not_nhs_numbers(text: str) -> None:
    assert "nhs_number" not in redacted_kinds(text)


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    [
        "03/04/2017",
        "3/4/17",
        "3.4.17",
        "03.04.2017",
        "3-4-2017",
        "2017-04-03",
        "3rd April 2017",
        "3 April 2017",
        "3 Apr 17",
        "3 Sept 2016",
        "April 3, 2017",
        "April 3rd 2017",
        "12th of May 2015",
        "13/4/98",
        "1970-01-04",
    ],
)
def test_dates(date: str) -> None:
    assert spans(f"DOB {date} - worried") == [("date", date)]
    assert spans(f"seen on {date} by the GP") == [("date", date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("born on the 12th of May 2015", "born on [date]"),
        ("DOB 3 Apr 17", "DOB [date]"),
        ("her birthday's 18 January", "her birthday's [date]"),
        ("birthday is the 3rd of July", "birthday is [date]"),
        ("DOB May 17th (year not known)", "DOB [date] (year not known)"),
        ("her birthday's 26/07 and she'll be 18", "her birthday's [date] and she'll be 18"),
        ("born in May 2015", "born in [date]"),
        # without a year and without a birth word: day+month in words only
        ("the meeting on 5 November", "the meeting on [date]"),
        ("see you on 4/12", "see you on 4/12"),
        ("in May 2015 the LSCB met", "in May 2015 the LSCB met"),
    ],
)
def test_dates_without_a_year(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "What changed in 2010?",
        "the Children Act 1989",
        "Working Together 2010 and 2018",
        "within 48 hours",
        "within 15 working days",
        "What does paragraph 5.33 say?",
        "Can you explain para 11.13?",
        "What is in Appendix 5, 33 of the guidance?",
        "section 5.1.12 of the procedures",
        "version 1.2.3",
        "A Year 5 pupil",
        "it happened at 3:15",
        "pick up at 5.30pm",
        "between 10-11-12 year olds",
        "we may 3 times a week",
        "she scored 3/4 in the test",
        "the 26 week limit",
        "Monday 3rd",
        "192.168.1.10",
    ],
)
def test_not_dates(text: str) -> None:
    assert "date" not in redacted_kinds(text), redact_text(text)


# ---------------------------------------------------------------------------
# Emails, NI numbers, card numbers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    [
        "jo.bloggs@gmail.com",
        "Rukhsana.cooper+school@stmarys.leeds.sch.uk",
        "xmickx64@btinternet.com",
        "a_b_1990@hotmail.co.uk",
        "j@x.io",
    ],
)
def test_emails(email: str) -> None:
    assert spans(f"email ({email}) today") == [("email", email)]


@pytest.mark.parametrize("text", ["twitter @jayden", "a@b", "user@localhost", "see @ 3pm"])
def test_not_emails(text: str) -> None:
    assert "email" not in redacted_kinds(text)


@pytest.mark.parametrize(
    "nino",
    ["AB123456C", "AB 12 34 56 C", "ab123456c", "NP 119707 C", "QQ 12 34 56 C", "TS003394A"],
)
def test_national_insurance_numbers(nino: str) -> None:
    assert spans(f"her NI is {nino} ok") == [("nino", nino)]


def test_national_insurance_number_without_suffix_needs_ni_words() -> None:
    assert redacted_kinds("NI number AB123456") == ["nino"]
    assert redacted_kinds("order AB123456 shipped") == []


@pytest.mark.parametrize(
    "text",
    [
        "DA123456C",
        "FA 12 34 56 A",
        "AO123456B",
        "BG123456C",
        "GB123456A",
        "NK123456A",
        "TN123456A",
        "ZZ123456A",
        "AB123456E",
    ],
)
def test_invalid_ni_prefixes_and_suffixes(text: str) -> None:
    assert "nino" not in redacted_kinds(f"ref {text}")


@pytest.mark.parametrize(
    "card",
    ["4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5500 0000 0000 0004", "3714 496353 98431"],
)
def test_card_numbers(card: str) -> None:
    assert spans(f"paid with {card} yesterday") == [("card", card)]


@pytest.mark.parametrize("text", ["4111 1111 1111 1112", "1234567890123"])
def test_not_card_numbers(text: str) -> None:
    assert "card" not in redacted_kinds(text)


# ---------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "14 Acacia Road",
        "14a Acacia Avenue",
        "Flat 3, 12 High Street",
        "Flat 2, Beckett House, 140 Cheetham Hill Ave",
        "25c St Mary's Hill",
        "74c princess rd",
        "48 The Green",
        "3 Pennine View",
        "110 Moss Close",
        "7 Sandringham Rd",
    ],
)
def test_addresses(address: str) -> None:
    assert spans(f"they live at {address}, near the park") == [("address", address)]


def test_address_after_number_word() -> None:
    assert redact_text("they live at number 26 Church Grove") == "they live at number [address]"


@pytest.mark.parametrize(
    "text",
    [
        "a 15 year old walk in clinic",
        "the 2 of them walk home",
        "What duties does section 10 of the 2004 Act place on agencies?",
        "Section 47 Road map",
        "She has 3 brothers at the school",
        "meet at 10:30 Park Lane side",
    ],
)
def test_not_addresses(text: str) -> None:
    assert "address" not in redacted_kinds(text), redact_text(text)


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my son Jayden is being bullied", "Jayden"),
        ("My daughter Amira came home late", "Amira"),
        ("her son Jayden has a bruise", "Jayden"),
        ("a boy called Tyler in my class", "Tyler"),
        ("the child's name is Amira Khan", "Amira Khan"),
        ("Pupil Jayden Smith in Year 4", "Jayden Smith"),
        ("I spoke to Mrs Smith today", "Mrs Smith"),
        ("Mr. O'Connor shouted at him", "Mr. O'Connor"),
        ("Ms Da Silva rang", "Ms Da Silva"),
        ("Dr Okonkwo is the GP", "Dr Okonkwo"),
        ("Tyler (age 7) said", "Tyler"),
        ("Oisin (7) said", "Oisin"),
        ("Dovydas (age 6) keeps falling asleep", "Dovydas"),
        ("Tyler, aged 9, said", "Tyler"),
        ("Poppy who is 4 has had 14 absences", "Poppy"),
        ("Freddie's mum turned up drunk", "Freddie"),
        ("Yonatan's mum said he was away", "Yonatan"),
        ("Morwenna told me her step-dad hits her", "Morwenna"),
        ("The Llewellyn family moved", "Llewellyn"),
        ("Jayden Smith is off school", "Jayden Smith"),
        ("worried about Lily-Rose Harper-Lowe", "Lily-Rose Harper-Lowe"),
        ("her dad (Ricky Nowak) is outside", "Ricky Nowak"),
        ("Mum: Kerry Smith", "Kerry Smith"),
        ("Name - Bianca Walker", "Bianca Walker"),
        ("I'm Donna, mum of Elijah", "Donna"),
        ("can the LA stop supporting Precious then?", "Precious"),
        ("Dawid Hall attended with burns", "Dawid Hall"),
        ("JAYDEN SMITH DOB unknown", "JAYDEN SMITH"),
    ],
)
def test_names(text: str, name: str) -> None:
    result = redact(text)
    assert covered(text, result, name), result.text
    assert all(r.kind == "name" for r in result.redactions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my daughter jade is 14", "my daughter [name] is 14"),
        ("a lad called tyler keeps running off", "a lad called [name] keeps running off"),
        ("my nephew archie told me", "my nephew [name] told me"),
        ("hi, tia in my tutor group said", "hi, [name] in my tutor group said"),
        ("the childs name is ebere okoro", "the childs name is [name]"),
    ],
)
def test_lower_case_names_in_strong_contexts(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "What did Lord Laming recommend in 2009?",
        "How did the Baby Peter case change inspections?",
        "What lessons were learned from the death of Victoria Climbié?",
        "What did the review of Peter Connelly in Haringey find?",
        "What lessons came from the case of Daniel Pelka in Coventry?",
        "What did Eileen Munro recommend in her review?",
        "What is Sarah's Law and Clare's Law?",
        "What does Fraser competence mean?",
        "What did the Casey report find in Rotherham?",
        "Is the Wood review still relevant?",
    ],
)
def test_public_names_in_the_guidance_are_kept(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Mum said she would come",
        "Dad has turned up",
        "Our Nan picks them up",
        "The Head says no",
        "Miss said I could go",
        "It's Monday morning",
        "Since Christmas",
        "in May",
        "on Friday",
        "We are in Birmingham",
        "Hull thresholds",
        "Leeds MASH",
        "Norfolk",
        "Lewisham",
        "NSPCC",
        "Ofsted",
        "CQC",
        "LSCB",
        "MASH",
        "CAMHS",
        "Working Together",
        "Childline",
        "I think so",
        "What is Channel?",
        "What is Prevent?",
    ],
)
def test_role_words_places_and_organisations_are_not_names(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Will the LA help?",
        "May I ask something?",
        "June is best for a visit",
        "Grace period?",
        "Hope this helps",
        "Faith groups",
        "Bill them later",
        "Mark the register",
        "Rose garden",
        "Summer term",
        "Sky News reported it",
        "Jack up the car",
    ],
)
def test_first_names_that_are_words_need_a_name_context(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my son Will is 9", "Will"),
        ("Will Hartley (12) is missing", "Will Hartley"),
        ("her daughter Hope has gone", "Hope"),
        ("Summer Singh is in year 7", "Summer Singh"),
        ("Grace Kelly rang", "Grace Kelly"),
        ("Mrs May rang", "Mrs May"),
        ("a girl called Summer", "Summer"),
    ],
)
def test_first_names_that_are_words_in_name_contexts(text: str, name: str) -> None:
    assert covered(text, redact(text), name), redact_text(text)


# ---------------------------------------------------------------------------
# API, idempotence, placeholders
# ---------------------------------------------------------------------------


def test_redaction_result_api() -> None:
    text = "Jayden Smith (DOB 03/04/2017) at 14 Acacia Road, LS6 2AB, mum 07700 900123"
    result = redact(text)
    assert isinstance(result, RedactionResult)
    assert result.changed
    assert result.counts() == {"name": 1, "date": 1, "address": 1, "postcode": 1, "phone": 1}
    assert result.text == "[name] (DOB [date]) at [address], [postcode], mum [phone]"
    assert [text[r.start : r.end] for r in result.redactions] == [
        "Jayden Smith",
        "03/04/2017",
        "14 Acacia Road",
        "LS6 2AB",
        "07700 900123",
    ]
    assert all(isinstance(r, Redaction) for r in result.redactions)
    with pytest.raises(AttributeError):
        result.redactions[0].kind = "x"  # type: ignore[misc]


def test_brief_example() -> None:
    text = (
        "I'm worried about Jayden Smith (DOB 03/04/2017) at 14 Acacia Road, LS6 2AB, "
        "mum's mobile is 07700 900123, NHS no 943 476 5919"
    )
    assert redact_text(text) == (
        "I'm worried about [name] (DOB [date]) at [address], [postcode], mum's mobile is [phone], NHS no [NHS number]"
    )


def test_placeholders() -> None:
    assert PLACEHOLDERS == {
        "phone": "[phone]",
        "postcode": "[postcode]",
        "nhs_number": "[NHS number]",
        "date": "[date]",
        "email": "[email]",
        "nino": "[NI number]",
        "name": "[name]",
        "address": "[address]",
        "card": "[card number]",
    }
    assert redact_text("card 4111 1111 1111 1111, NI AB123456C, jo@x.com") == (
        "card [card number], NI [NI number], [email]"
    )


def test_nothing_to_redact() -> None:
    result = redact("What does section 47 say about strategy discussions?")
    assert not result.changed
    assert result.counts() == {}
    assert result.redactions == ()
    assert result.text == "What does section 47 say about strategy discussions?"


def test_idempotent(corpus: list[dict[str, Any]], questions: list[str]) -> None:
    for text in [rec["text"] for rec in corpus] + questions:
        once = redact_text(text)
        assert not redact(once).changed, (text, once, redact_text(once))
    every_placeholder = " ".join(PLACEHOLDERS.values())
    assert redact_text(every_placeholder) == every_placeholder


def test_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        redact(b"07700 900123")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        redact(None)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Odd input
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "\x00" * 50,
        "\ufffd\ufffd",
        "😢" * 20,
        "\u202e\u202d",
        "\u200b" * 10,
        "\n\n\t",
        "שלום עולם",
        "مرحبا",
        "a" * 10,
        "[",
        "@",
        "'",
        "-" * 30,
    ],
)
def test_safe_on_odd_input(text: str) -> None:
    result = redact(text)
    assert isinstance(result.text, str)
    for r in result.redactions:
        assert 0 <= r.start < r.end <= len(text)


def test_control_characters_emoji_rtl_and_replacement_characters() -> None:
    text = "\u202bmum \U0001f622 07700\x00900123 \ufffd Jayden Smith \u202c"
    assert redact_text(text) == "\u202bmum \U0001f622 [phone] \ufffd [name] \u202c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call 0770\u200b0 900123 now", "call [phone] now"),
        ("call 07\u200c700\u200d 900\u2060123", "call [phone]"),
        ("LS6\u200b 2\ufeffAB", "[postcode]"),
        ("Jay\u200bden Sm\u00adith said", "[name] said"),
        ("943\u200b 476 5919", "[NHS number]"),
        ("jo\u200b@gmail.com", "[email]"),
    ],
)
def test_zero_width_characters_do_not_hide_identifiers(text: str, expected: str) -> None:
    result = redact(text)
    assert result.text == expected
    # positions are in the original text (zero-width characters included)
    for r in result.redactions:
        assert text[r.start] not in "\u200b\u200c\u200d\u2060\ufeff\u00ad"
        assert text[r.end - 1] not in "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def test_non_ascii_digits_and_dashes() -> None:
    assert redact_text("\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13") == "[phone]"
    assert redact_text("07700\u2013900\u2013123") == "[phone]"
    assert redact_text("O\u2019Connor\u2019s mum, Mrs O\u2019Connor") == "[name]\u2019s mum, [name]"


# ---------------------------------------------------------------------------
# redact_mapping
# ---------------------------------------------------------------------------


def test_redact_mapping() -> None:
    data = {
        "sender": "07700 900123",
        "text": "call 07700 900123",
        "metadata": {"message": "Jayden Smith, LS6 2AB", "count": 3, "ok": True, "none": None},
        "events": [
            {"event": "user", "text": "my son Jayden", "parse_data": {"text": "my son Jayden"}},
            {"event": "bot", "text": None},
            "Jayden Smith",
        ],
        "message": ["my son Tyler", {"deep": "Mrs Smith"}],
    }
    original = json.loads(json.dumps(data))
    out = redact_mapping(data)
    assert out == {
        "sender": "07700 900123",  # not under a redacted key
        "text": "call [phone]",
        "metadata": {"message": "[name], [postcode]", "count": 3, "ok": True, "none": None},
        "events": [
            {"event": "user", "text": "my son [name]", "parse_data": {"text": "my son [name]"}},
            {"event": "bot", "text": None},
            "Jayden Smith",
        ],
        "message": ["my son [name]", {"deep": "[name]"}],
    }
    assert data == original  # not modified in place


def test_redact_mapping_keys_and_scalars() -> None:
    assert redact_mapping({"body": "Mrs Smith", "text": "Mrs Smith"}, keys=("body",)) == {
        "body": "[name]",
        "text": "Mrs Smith",
    }
    assert redact_mapping("Mrs Smith") == "Mrs Smith"
    assert redact_mapping([{"text": "Mrs Smith"}]) == [{"text": "[name]"}]
    assert redact_mapping(42) == 42


# ---------------------------------------------------------------------------
# Performance: linear time on adversarial input
# ---------------------------------------------------------------------------

MB = 10**6


@pytest.mark.parametrize(
    "make",
    [
        lambda: "a" * MB,
        lambda: "1 " * (MB // 2),
        lambda: "Mr " * 300_000,
        lambda: "1" * MB,
        lambda: "@" * MB,
        lambda: "Aa-" * (MB // 3),
        lambda: "a\u200b" * (MB // 2),
        lambda: "NHS" + " " * MB + "1",
        lambda: "my son " * (MB // 7),
    ],
    ids=["a", "1-space", "Mr", "digits", "at", "hyphenated", "zero-width", "spaces", "my-son"],
)
def test_one_megabyte_of_adversarial_input_is_fast(make: Callable[[], str]) -> None:
    text = make()
    best = float("inf")
    for _ in range(3):  # CPU time; retried because shared CI machines are noisy
        start = time.process_time()
        redact(text)
        best = min(best, time.process_time() - start)
        if best < 1.0:
            break
    assert best < 1.0, f"{best:.2f}s"


def test_text_full_of_identifiers_is_linear() -> None:
    line = "Jayden Smith (DOB 03/04/2017) at 14 Acacia Road, LS6 2AB, 07700 900123. "
    small, large = line * (MB // len(line) // 32), line * (MB // len(line) // 4)

    def cost(text: str) -> float:
        start = time.process_time()
        result = redact(text)
        elapsed = time.process_time() - start
        assert len(result.redactions) == 5 * text.count("Jayden")
        return elapsed

    # 8x the text must not cost much more than 8x the time (a quadratic pattern would
    # cost 64x).
    ratio = min(cost(large) / max(cost(small), 1e-3) for _ in range(2))
    assert ratio < 20, ratio


# ---------------------------------------------------------------------------
# The module: standard library only, no print, runs on Python 3.10
# ---------------------------------------------------------------------------


def test_module_uses_only_the_standard_library_and_never_prints() -> None:
    tree = ast.parse(MODULE.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id != "print", node.lineno
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}, imported


def _python310() -> list[str] | None:
    exe = shutil.which("python3.10")
    if exe is None:
        return None
    env = {**os.environ, "PYENV_VERSION": os.environ.get("PYENV_VERSION", "3.10.13")}
    try:
        out = subprocess.run(
            [exe, "-c", "import sys; print(sys.version_info[:2] == (3, 10))"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return [exe] if out.stdout.strip() == "True" else None


def test_same_results_on_python_310(corpus: list[dict[str, Any]]) -> None:
    python = _python310()
    if python is None:
        pytest.skip("python3.10 is not available")
    texts = [rec["text"] for rec in corpus[:60]] + ["0770\u200b0 900123", "\x00Jayden\x00"]
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(MODULE.parents[1])!r})\n"
        "from bot.redact import redact\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([[redact(t).text, [[r.kind, r.start, r.end] for r in redact(t).redactions]]"
        " for t in texts]))\n"
    )
    env = {**os.environ, "PYENV_VERSION": os.environ.get("PYENV_VERSION", "3.10.13")}
    out = subprocess.run(
        [*python, "-c", script],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    expected = [[redact(t).text, [[r.kind, r.start, r.end] for r in redact(t).redactions]] for t in texts]
    assert json.loads(out.stdout) == expected
