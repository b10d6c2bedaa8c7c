"""Abbreviations defined by the guidance documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.ingest.glossary import build_glossary, extract_glossary, parse_abbreviation_list

SOURCES = Path(__file__).resolve().parents[2] / "knowledge" / "sources"
FILES = {
    "wt2010": "working-together-2010.txt",
    "laming2009": "laming-progress-report-2009.txt",
    "cqc2009": "cqc-nhs-safeguarding-review-2009.txt",
    "cqc2016": "cqc-not-seen-not-heard-2016.txt",
    "jci2008": "joint-chief-inspectors-2008.txt",
}
LIGATURE_SPLIT = re.compile(r"\b\w*(fi|fl) [a-z]")


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {doc: (SOURCES / name).read_text(encoding="utf-8") for doc, name in FILES.items()}


@pytest.fixture(scope="module")
def glossary(texts: dict[str, str]) -> dict[str, str]:
    return build_glossary(texts)


@pytest.mark.parametrize(
    ("abbr", "expansion"),
    [
        ("LSCB", "Local Safeguarding Children Board"),
        ("SCR", "Serious Case Review"),
        ("CAF", "Common Assessment Framework"),
        ("FII", "Fabricated or induced illness"),
        ("FGM", "Female Genital Mutilation"),
        ("CSE", "Child sexual exploitation"),
        ("LADO", "Local authority Designated Officer"),
        ("CAMHS", "Child and Adolescent Mental Health Services"),
        ("DfES", "Department for Education and Skills"),
        ("Cafcass", "Children and Family Court Advisory and Support Service"),
        ("NSPCC", "National Society for the Prevention of Cruelty to Children"),
        ("A&E", "Accident and Emergency"),
        ("CDOP", "Child Death Overview Panel"),
        ("IRO", "Independent Reviewing Officer"),
        ("PCT", "Primary Care Trust"),
        ("YOT", "Youth Offending Team"),
        ("DCSF", "Department for Children, Schools and Families"),
        ("WNB", "was not brought"),
    ],
)
def test_abbreviations_resolve(glossary: dict[str, str], abbr: str, expansion: str) -> None:
    assert glossary[abbr].lower() == expansion.lower()


def test_glossary_shape(glossary: dict[str, str]) -> None:
    assert len(glossary) > 120
    for key, value in glossary.items():
        assert key == key.strip() and value == value.strip() and value
        assert not re.fullmatch(r"[A-Z&]{2,}s", key), key  # plurals are made singular
        assert not LIGATURE_SPLIT.search(value), value
        assert "  " not in value and "\n" not in value
    # Bracketed words that are not abbreviations are not taken.
    for word in ("England", "Overseas", "Amendment", "General", "Date"):
        assert word not in glossary
    # ICPC is never defined in these documents.
    assert "ICPC" not in glossary


def test_plurals_are_made_singular(texts: dict[str, str]) -> None:
    cqc2016 = extract_glossary("cqc2016", texts["cqc2016"])
    assert cqc2016["SCR"] == "serious case review"  # "serious case reviews (SCRs)"
    assert "SCRs" not in cqc2016
    jci = extract_glossary("jci2008", texts["jci2008"])
    assert jci["LSCB"].lower() == "local safeguarding children board"
    assert jci["YOT"] == "Youth Offending Team"


def test_printed_lists_win(texts: dict[str, str]) -> None:
    laming = extract_glossary("laming2009", texts["laming2009"])
    assert laming["SOLACE"] == "Society of Local Authority Chief Executives and Senior Managers"
    assert laming["SWTF"] == "Social Work Task Force"
    assert laming["CLG/DCLG"] == "Communities and Local Government"
    assert laming["DA(FCY)"] == "Domestic Affairs (Families, Children and Young People)"
    wt2010 = extract_glossary("wt2010", texts["wt2010"])
    assert wt2010["CDOP"] == "Child Death Overview Panel"
    assert wt2010["HMI Probation"] == "Her Majesty’s Inspectorate of Probation"
    jci = extract_glossary("jci2008", texts["jci2008"])
    assert jci["ACPO"] == "Association of Chief Police Officers"  # "Offi cers" repaired


def test_every_document_defines_something(texts: dict[str, str]) -> None:
    for doc, text in texts.items():
        assert extract_glossary(doc, text), doc


def test_parse_abbreviation_list() -> None:
    lines = [
        "ACPO",
        "",
        "Association of Chief Police Officers",
        "SOLACE",
        "Society of Local",
        "Authority Chief Executives",
        "CLG/DCLG Communities and Local Government",
    ]
    assert parse_abbreviation_list(lines) == [
        ("ACPO", "Association of Chief Police Officers"),
        ("SOLACE", "Society of Local Authority Chief Executives"),
        ("CLG/DCLG", "Communities and Local Government"),
    ]


def test_in_text_definitions() -> None:
    text = (
        "Local Safeguarding Children Boards\n(LSCBs) were set up. The Department for\n"
        "Education and Skills (DfES) said so. In England (England) too. A child in need "
        "(CIN) is one. This is not (XYZ)."
    )
    found = extract_glossary("other", text)
    assert found == {
        "LSCB": "Local Safeguarding Children Board",
        "DfES": "Department for Education and Skills",
        "CIN": "child in need",
    }
