"""Parsing *Working Together to Safeguard Children* (2010) into cited passages."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from knowledge.ingest.clean import normalise_for_match
from knowledge.ingest.wt2010 import parse
from knowledge.models import Passage

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "knowledge" / "sources" / "working-together-2010.txt"
DEV_QUESTIONS = REPO / "tests" / "data" / "eval" / "dev_questions.jsonl"

RUNNING_HEADERS = (
    "A guide to inter-agency working to safeguard and promote the welfare of children",
    "Working Together to Safeguard Children",
)
BULLET_GLYPHS = ("●", "−−", "\uf0b7", "\uf0a7", "\ufffd")
LIGATURE_SPLIT = re.compile(r"\b\w*(fi|fl) [a-z]")
CHAPTER_SIZES = {1: 36, 2: 193, 3: 112, 4: 55, 5: 161, 6: 66, 7: 96, 8: 56, 9: 66, 10: 29}
CHAPTER_SIZES |= {11: 117, 12: 71}
APPENDIX_SIZES = {1: 19, 2: 3, 3: 10, 4: 7, 5: 46}


@pytest.fixture(scope="module")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def passages(source_text: str) -> list[Passage]:
    return parse(source_text)


@pytest.fixture(scope="module")
def by_para(passages: list[Passage]) -> dict[str, Passage]:
    return {p.para: p for p in passages}


def _paragraphs(passages: list[Passage]) -> list[Passage]:
    return [p for p in passages if p.kind == "paragraph"]


def _norm(text: str) -> str:
    return normalise_for_match(text)


# --- identity and shape ---------------------------------------------------------------


def test_passages_are_well_formed(passages: list[Passage]) -> None:
    assert passages
    ids = [p.passage_id for p in passages]
    assert len(ids) == len(set(ids)), "passage ids must be unique"
    for p in passages:
        assert p.doc_id == "wt2010"
        assert p.passage_id == f"wt2010:{p.para}"
        assert p.text.strip() == p.text and p.text
        assert p.kind in {"paragraph", "section", "footnote", "flowchart", "glossary"}
        assert p.chunk == 0


def test_parse_is_fast(source_text: str) -> None:
    started = time.perf_counter()
    parse(source_text)
    assert time.perf_counter() - started < 2.0


def test_paragraph_fields(by_para: dict[str, Passage]) -> None:
    p = by_para["5.5"]
    assert (p.passage_id, p.kind, p.chapter) == ("wt2010:5.5", "paragraph", "5")
    a = by_para["Appendix 5, 33"]
    assert (a.passage_id, a.kind, a.chapter) == (
        "wt2010:Appendix 5, 33",
        "paragraph",
        "Appendix 5",
    )


# --- paragraph numbering ---------------------------------------------------------------


def test_every_paragraph_number_in_the_text_exists_exactly_once(source_text: str, passages: list[Passage]) -> None:
    counts = Counter(p.para for p in _paragraphs(passages))
    assert all(n == 1 for n in counts.values()), [k for k, n in counts.items() if n > 1]
    expected = {f"{c}.{n}" for c, size in CHAPTER_SIZES.items() for n in range(1, size + 1)}
    expected |= {f"Appendix {a}, {n}" for a, size in APPENDIX_SIZES.items() for n in range(1, size + 1)}
    assert set(counts) == expected
    # Every "N.M<tab>" paragraph start of the source is one of them.
    in_text = {f"{m[1]}.{m[2]}" for m in re.finditer(r"(?m)^ ?(\d{1,2})\.(\d{1,3})\t", source_text)}
    assert in_text <= set(counts)


def test_paragraph_numbers_increase_within_each_chapter(passages: list[Passage]) -> None:
    last: dict[str, int] = {}
    for p in _paragraphs(passages):
        number = int(p.para.split(", ")[1] if p.para.startswith("Appendix") else p.para.split(".")[1])
        assert p.chapter is not None
        assert number == last.get(p.chapter, 0) + 1, p.para
        last[p.chapter] = number
    assert p.chapter == "Appendix 5"


def test_false_paragraph_starts_are_not_paragraphs(passages: list[Passage]) -> None:
    # Cross-references that happen to start a line ("5.56). It may, also, ...",
    # "6.32 to 6.42 and Appendix 5), ...", "7.2 and footnote 118);") stay in their paragraph.
    holders = {
        phrase: [p.para for p in _paragraphs(passages) if phrase in p.text]
        for phrase in (
            "(see paragraph 5.56). It may, also, be appropriate",
            "(see paragraphs 6.32 to 6.42 and Appendix 5)",
            "(see paragraph 7.2 and footnote 118);",
        )
    }
    assert all(len(paras) == 1 for paras in holders.values()), holders
    assert holders["(see paragraph 5.56). It may, also, be appropriate"][0] != "5.56"
    for p in _paragraphs(passages):
        assert not re.match(r"^\d+\.\d+[ )]", p.text), p.para


# --- paragraph content -----------------------------------------------------------------


def test_principles_paragraph_keeps_its_eleven_bullets_and_no_footnote(
    by_para: dict[str, Passage],
) -> None:
    text = by_para["5.5"].text
    bullets = [line for line in text.split("\n") if line.startswith("• ")]
    assert len(bullets) == 11
    names = [
        "Child centred",
        "Rooted in child development",
        "Focused on outcomes for children",
        "Holistic in approach",
        "Ensuring equality of opportunity",
        "Involving of children and families",
        "Building on strengths as well as identifying difficulties",
        "Integrated in approach",
        "A continuing process not an event",
        "Providing and reviewing services",
        "Informed by evidence",
    ]
    for bullet, name in zip(bullets, names, strict=True):
        assert bullet.startswith(f"• {name}")
    assert text.startswith("Work to safeguard and promote the welfare of children should be:")
    assert "Local authority children’s social care is required by the Children Act 1989" not in text
    assert "as amended by section 53" not in text
    assert "by the lead social worker in addition to all other professionals" in text
    assert "worker82" not in text


@pytest.mark.parametrize(
    ("para", "phrases"),
    [
        ("5.33", ["confirm their referrals in writing within 48 hours"]),
        ("5.39", ["within a maximum of ten working days of the date of referral"]),
        ("5.83", ["within 15 working days of the strategy discussion"]),
        ("5.136", ["within three months of the initial child protection conference"]),
        ("8.23", ["completed within six months from the date of the decision to proceed"]),
        ("1.34", ["cyberbullying"]),
        ("Appendix 5, 33", ["designated office", "1 working day"]),
        ("2.86", ["child protection conferences"]),
        ("2.71", ["GP"]),
        ("11.13", ["28 days or more"]),
        ("3.52", ["independent of the local agencies"]),
    ],
)
def test_key_paragraphs(by_para: dict[str, Passage], para: str, phrases: list[str]) -> None:
    text = _norm(by_para[para].text)
    for phrase in phrases:
        assert _norm(phrase) in text


def test_sections_carry_the_heading_path(by_para: dict[str, Passage]) -> None:
    chapter5 = "Chapter 5 – Managing individual cases where there are concerns about a child’s safety and welfare"
    assert by_para["5.33"].section == (f"{chapter5} > Response of local authority children’s social care to a referral")
    assert by_para["5.83"].section == f"{chapter5} > The initial child protection conference > Timing"
    assert by_para["5.5"].section == (
        f"{chapter5} > Principles underpinning work to safeguard and promote the welfare of children"
    )
    assert by_para["1.1"].section.startswith(
        "Chapter 1 – Introduction: working together to safeguard and promote the welfare of children and families"
    )
    assert by_para["Appendix 5, 33"].section.startswith(
        "Appendix 5 – Procedures for managing allegations against people who work with children"
    )
    assert by_para["3.34"].section.endswith(
        "d) Produce and publish an annual report on the effectiveness of safeguarding in the local area"
    )


def test_no_paragraph_text_starts_with_or_contains_a_heading(
    by_para: dict[str, Passage], passages: list[Passage]
) -> None:
    headings: set[str] = set()
    for p in _paragraphs(passages):
        headings.update(h for h in p.section.split(" > ")[1:] if len(h) > 12)
    for p in _paragraphs(passages):
        first = p.text.split("\n")[0]
        assert first not in headings, p.para
        for line in p.text.split("\n"):
            assert line not in headings, (p.para, line)
    # Headings sitting between paragraphs stay out of both neighbours.
    assert "Response of local authority" not in by_para["5.32"].text
    assert "Initial assessment" not in by_para["5.37"].text.split("\n")[-1]


# --- artefacts -------------------------------------------------------------------------


def test_no_running_headers_bullets_ligature_splits_or_page_numbers(
    passages: list[Passage],
) -> None:
    for p in passages:
        for header in RUNNING_HEADERS:
            assert not re.search(rf"\d{{1,3}} ?{re.escape(header)}", p.text), p.para
            if header.startswith("A guide"):
                assert header not in p.text, p.para
        for glyph in BULLET_GLYPHS:
            assert glyph not in p.text, (p.para, glyph)
        assert not re.search(r"(?m)^z ", p.text), p.para
        assert not LIGATURE_SPLIT.search(p.text), (p.para, LIGATURE_SPLIT.search(p.text))
        assert "\t" not in p.text


def test_hyphenated_compounds_are_kept(by_para: dict[str, Passage]) -> None:
    # "inter-\nagency" in the source stays "inter-agency".
    assert "intra- and/or inter-agency working" in by_para["8.2"].text


# --- footnotes -------------------------------------------------------------------------


def test_footnotes_are_passages_and_never_inside_paragraphs(
    passages: list[Passage], by_para: dict[str, Passage]
) -> None:
    notes = {p.para: p for p in passages if p.kind == "footnote"}
    assert {f"footnote {n}" for n in range(1, 274)} <= set(notes)
    assert notes["footnote 82"].passage_id == "wt2010:footnote 82"
    assert notes["footnote 82"].text.startswith(
        "Local authority children’s social care is required by the Children Act 1989"
    )
    assert notes["footnote 82"].text.endswith("when determining what (if any) services to provide.")
    assert notes["footnote 80"].text.startswith("Safeguarding Children and Young People: Roles")
    samples = [notes[f"footnote {n}"].text for n in (3, 9, 81, 82, 92, 143, 195, 273)]
    for p in passages:
        if p.kind == "footnote":
            continue
        for sample in samples:
            assert sample not in p.text, (p.para, sample)
    assert "Section 53 of the Children Act 2004 amended" not in by_para["1.17"].text


def test_footnote_markers_removed_but_real_numbers_kept(by_para: dict[str, Passage]) -> None:
    assert "National Minimum Standards. Children living" in by_para["5.9"].text
    assert "Progress Report on 12 March 2009" in by_para["1.7"].text
    assert "section 47 of the Children Act 1989. In these" in by_para["5.62"].text
    assert "10 years will start drinking" in by_para["9.53"].text
    assert "Section 17(10) states" in by_para["Appendix 1, 10"].text
    assert "48 hours" in by_para["5.33"].text
    assert "Children Act 1989" in by_para["5.9"].text
    assert "primary legislation and regulations." in by_para["3.3"].text


# --- other kinds -----------------------------------------------------------------------


def test_front_matter_glossary_flow_charts_and_appendices(passages: list[Passage], by_para: dict[str, Passage]) -> None:
    kinds = Counter(p.kind for p in passages)
    assert kinds["flowchart"] == 6
    assert kinds["glossary"] >= 7
    assert by_para["Executive summary > Introduction"].kind == "section"
    assert (
        "Chapter 5 provides guidance"
        in by_para[
            "Executive summary > Chapter 5 – Managing individual cases where there are concerns "
            "about a child’s safety and welfare"
        ].text
    )
    assert by_para["Preface > When does the guidance apply?"].text.startswith(
        "The guidance comes into force upon publication"
    )
    assert by_para["Glossary: Child"].text == (
        "Child: Anyone who has not yet reached their 18th birthday – see paragraph 1.19"
    )
    assert "Glossary: ‘Children’s social care’ or ‘local authority children’s social care’" in by_para
    flow = by_para["Flow chart 1"]
    assert flow.kind == "flowchart" and flow.chapter == "5"
    assert flow.text.startswith("Flow chart 1: Referral\n")
    assert "following up in writing within 48 hours" in flow.text
    assert "within 15 working days" in by_para["Flow chart 4"].text
    group2 = by_para["Chapter 4, Table 1, Group 2"]
    assert "GP receptionists" in by_para["Chapter 4, Table 1, Group 1"].text
    assert "including all health clinical staff, who may be in a position" in group2.text
    assert by_para["Appendix 7: LADO"].text == "LADO: Local authority Designated Officer"


# --- gold quotes -----------------------------------------------------------------------


def _gold_items() -> list[tuple[str, str, str]]:
    if not DEV_QUESTIONS.exists():
        return []
    items: list[tuple[str, str, str]] = []
    for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        for gold in record.get("gold", []):
            if gold.get("doc") == "wt2010":
                items.append((record["id"], gold["para"], gold["quote"]))
    return items


@pytest.mark.parametrize(("qid", "para", "quote"), _gold_items())
def test_gold_quote_is_in_its_paragraph(by_para: dict[str, Passage], qid: str, para: str, quote: str) -> None:
    assert para in by_para, f"{qid}: no passage {para}"
    assert _norm(quote) in _norm(by_para[para].text), f"{qid}: quote not in {para}"


# --- a synthetic page exercising every repair ------------------------------------------

SYNTHETIC = (
    "Chapter 1 – A test chapter with a title that \n"
    "wraps\n"
    "Introduction\n"
    "\n"
    "1.1\t The signifi cant harm was refl ected in the fi ndings of the lead social worker82 \n"
    "in addition to inter-\n"
    "agency partners:\n"
    "\n"
    "●● a first item that \n"
    "wraps; and\n"
    "\n"
    "−− a sub item.\n"
    "\n"
    "82\t A footnote that \n"
    "continues on a second line.\n"
    " 1.2\t Enquiries under section 47 start within 48 hours, as in 1989 \n"
    "(see paragraph \n"
    "1.1 and footnote 82).\n"
    "\n"
    "A heading that wraps over \n"
    "two lines\n"
    "\n"
    "1.3\t The last paragraph.\n"
)


def test_synthetic_page() -> None:
    got = {p.para: p for p in parse(SYNTHETIC)}
    assert set(got) == {"1.1", "1.2", "1.3", "footnote 82"}
    assert got["1.1"].text == (
        "The significant harm was reflected in the findings of the lead social worker in "
        "addition to inter-agency partners:\n• a first item that wraps; and\n• a sub item."
    )
    assert got["1.1"].section == "Chapter 1 – A test chapter with a title that wraps > Introduction"
    assert got["footnote 82"].text == "A footnote that continues on a second line."
    assert got["footnote 82"].kind == "footnote"
    assert got["1.2"].text == (
        "Enquiries under section 47 start within 48 hours, as in 1989 (see paragraph 1.1 and footnote 82)."
    )
    assert got["1.3"].section.endswith(" > A heading that wraps over two lines")
    assert got["1.3"].text == "The last paragraph."
