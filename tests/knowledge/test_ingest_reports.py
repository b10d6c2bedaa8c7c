"""Parsing the four reports (Laming 2009, CQC 2009, CQC 2016, joint chief inspectors 2008)
into cited passages."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from knowledge.ingest import parser_for
from knowledge.ingest.clean import normalise_for_match
from knowledge.ingest.reports import FootnoteMarkers, strip_reference_markers
from knowledge.models import Passage

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "knowledge" / "sources"
FILES = {
    "laming2009": "laming-progress-report-2009.txt",
    "cqc2009": "cqc-nhs-safeguarding-review-2009.txt",
    "cqc2016": "cqc-not-seen-not-heard-2016.txt",
    "jci2008": "joint-chief-inspectors-2008.txt",
}
DEV_QUESTIONS = REPO / "tests" / "data" / "eval" / "dev_questions.jsonl"
KINDS = {"paragraph", "recommendation", "section", "footnote", "glossary"}
RUNNING_HEADERS = (
    "THE PROTECTION OF CHILDREN IN ENGLAND: A PROGRESS REPORT",
    "complete list of recommendations",
    "NOT SEEN, NOT HEARD",
    "A REVIEW OF THE ARRANGEMENTS FOR CHILD SAFEGUARDING",
    "Care Quality Commission review: Safeguarding children",
    "Continued...",
    "Recommendation Action",
)
BULLET_GLYPHS = ("●", "−−", "\uf0b7", "\uf0a7", "\ufffd")
LIGATURE_SPLIT = re.compile(r"\b\w*(fi|fl) [a-z]")


def _norm(text: str) -> str:
    return normalise_for_match(text)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {doc: (SOURCES / name).read_text(encoding="utf-8") for doc, name in FILES.items()}


@pytest.fixture(scope="module")
def parsed(texts: dict[str, str]) -> dict[str, list[Passage]]:
    return {doc: parser_for(doc)(text) for doc, text in texts.items()}


def _by_para(passages: list[Passage]) -> dict[str, list[Passage]]:
    out: dict[str, list[Passage]] = {}
    for p in passages:
        out.setdefault(p.para, []).append(p)
    return out


def _one(passages: list[Passage], para: str) -> Passage:
    found = [p for p in passages if p.para == para]
    assert len(found) == 1, f"{para}: {len(found)} passages"
    return found[0]


# --- shape ------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", sorted(FILES))
def test_passages_are_well_formed(parsed: dict[str, list[Passage]], doc: str) -> None:
    passages = parsed[doc]
    assert len(passages) > 20
    ids = [p.passage_id for p in passages]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for p in passages:
        assert p.doc_id == doc
        assert p.passage_id.startswith(f"{doc}:{p.para}")
        assert p.para and p.para == p.para.strip()
        assert p.text and p.text == p.text.strip(), p.passage_id
        assert p.kind in KINDS, p.kind
        assert "\n\n" not in p.text and "  " not in p.text, p.passage_id
        for line in p.text.split("\n"):
            assert line.strip(), p.passage_id


@pytest.mark.parametrize("doc", sorted(FILES))
def test_headings_use_straight_quotes(parsed: dict[str, list[Passage]], doc: str) -> None:
    for p in parsed[doc]:
        assert not re.search("[‘’“”]", p.para), p.para
        assert not re.search("[‘’“”]", p.section), p.section


@pytest.mark.parametrize("doc", sorted(FILES))
def test_no_running_headers_glyphs_or_ligature_splits(parsed: dict[str, list[Passage]], doc: str) -> None:
    for p in parsed[doc]:
        for header in RUNNING_HEADERS:
            assert header not in p.text, (p.passage_id, header)
        for glyph in BULLET_GLYPHS:
            assert glyph not in p.text, (p.passage_id, glyph)
        assert not LIGATURE_SPLIT.search(p.text), (p.passage_id, LIGATURE_SPLIT.search(p.text))
        assert not re.search(r"^(z|−|●)\s", p.text, re.MULTILINE), p.passage_id
        assert not re.search(r"\d+ \d+www\.", p.text), p.passage_id  # "20 21www..." footer


@pytest.mark.parametrize("doc", sorted(FILES))
def test_bullets_are_lines_of_their_own(parsed: dict[str, list[Passage]], doc: str) -> None:
    bullets = [line for p in parsed[doc] for line in p.text.split("\n") if "•" in line]
    assert bullets
    for line in bullets:
        assert line.startswith("• ") and line.count("•") == 1, line[:80]


def test_parsing_is_fast_and_deterministic(texts: dict[str, str]) -> None:
    started = time.perf_counter()
    first = {doc: parser_for(doc)(text) for doc, text in texts.items()}
    assert time.perf_counter() - started < 10
    second = {doc: parser_for(doc)(text) for doc, text in texts.items()}
    assert first == second


# --- gold citations from the dev set -----------------------------------------------------


def _gold_items() -> list[tuple[str, str, str, str]]:
    if not DEV_QUESTIONS.exists():
        return []
    items = []
    for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        for gold in record.get("gold", []):
            if gold.get("doc") in FILES:
                items.append((record["id"], gold["doc"], gold["para"], gold["quote"]))
    return items


@pytest.mark.skipif(not DEV_QUESTIONS.exists(), reason="dev eval set not available")
@pytest.mark.parametrize(("qid", "doc", "para", "quote"), _gold_items())
def test_gold_quote_is_in_its_passage(
    parsed: dict[str, list[Passage]], qid: str, doc: str, para: str, quote: str
) -> None:
    candidates = _by_para(parsed[doc]).get(para, [])
    assert candidates, f"{qid}: no {doc} passage with para {para!r}"
    assert any(_norm(quote) in _norm(p.text) for p in candidates), f"{qid}: quote not in {para}"


def test_dev_set_covers_all_four_reports() -> None:
    if not DEV_QUESTIONS.exists():
        pytest.skip("dev eval set not available")
    assert {doc for _, doc, _, _ in _gold_items()} == set(FILES)


# --- laming2009 -------------------------------------------------------------------------


def test_laming_recommendations_1_to_58_each_once(parsed: dict[str, list[Passage]]) -> None:
    # 29, 44 and 53 start a page in the extraction (" 29."); they are recovered.
    recs = [p for p in parsed["laming2009"] if p.kind == "recommendation"]
    assert [p.para for p in recs] == [f"Rec {n}" for n in range(1, 59)]
    assert all(p.passage_id == f"laming2009:{p.para}" for p in recs)
    rec34 = _one(recs, "Rec 34")
    assert rec34.text.startswith("The Department of Health should promote the statutory duty")
    assert rec34.section == "Chapter 5: Children's Workforce" and rec34.chapter == "5"
    for n in (29, 44, 53):
        assert len(_one(recs, f"Rec {n}").text) > 100


def test_laming_recommendation_bullets(parsed: dict[str, list[Passage]]) -> None:
    rec24 = _one(parsed["laming2009"], "Rec 24")
    assert rec24.text.startswith("The Social Work Task Force should:\n• develop the basis")
    assert rec24.text.count("\n• ") == 4


def test_laming_paragraph_numbers_are_complete(parsed: dict[str, list[Passage]]) -> None:
    paras = [p for p in parsed["laming2009"] if p.kind == "paragraph"]
    numbers = [tuple(int(x) for x in p.para.split(".")) for p in paras]
    sizes = {1: 11, 2: 15, 3: 19, 4: 9, 5: 27, 6: 22, 7: 7, 8: 11}
    expected = [(c, n) for c, size in sizes.items() for n in range(1, size + 1)]
    assert numbers == expected
    for p in paras:
        assert p.passage_id == f"laming2009:{p.para}"
        assert p.chapter == p.para.split(".")[0]
    assert _one(paras, "5.2").section == "Chapter 5: Children's Workforce > Progress so far"
    assert _one(paras, "6.1").section == "Chapter 6: Improvement and challenge"


def test_laming_footnotes_are_separate(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["laming2009"]
    notes = [p for p in passages if p.kind == "footnote"]
    assert [p.para for p in notes] == [f"footnote {n}" for n in range(1, 82)]
    assert _one(notes, "footnote 47").text.startswith("Children’s, Young People’s and Families’")
    body = {p.para: p.text for p in passages if p.kind != "footnote"}
    assert "Workforce Survey" not in body["5.2"]
    assert "Children in Need Census" not in body["1.10"]
    assert "Herbert Hoover" not in body["2.2"]
    assert "Louis Pasteur" not in body["3.1"] and "When I approach a child" not in body["3.1"]
    assert "Juvenal" not in body["1.1"] and "Be gentle with the young" not in body["1.1"]
    assert "Hodding Carter" not in body["6.1"]
    assert not body["Introduction"].startswith(("INTRODUCTION", "“Children become"))


def test_laming_footnote_markers_removed_numbers_kept(parsed: dict[str, list[Passage]]) -> None:
    by_para = {p.para: p.text for p in parsed["laming2009"]}
    assert "stood at 9.5 per cent in 2006, compared with 0.7 per cent for teachers. Turnover" in by_para["5.2"]
    assert "since 2006. In some authorities" in by_para["5.2"]
    assert "Section 17 of the Children Act 1989" in by_para["Rec 14"]
    assert "with 6,400 registered" in by_para["5.16"]
    assert "was issued in April 2008 that sets" in by_para["8.3"]  # "April 200878"
    assert "evidence. The view of the Judiciary" in by_para["8.7"]  # "evidence. 81 The view"
    assert "60,000 children were looked after" in by_para["1.10"]


def test_laming_sidebars_and_case_studies(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["laming2009"]
    cases = [p.para for p in passages if p.para.startswith("Case study")]
    assert [c.split(":")[0] for c in cases] == [f"Case study {x}" for x in "ABCDEF"]
    case_a = _one(passages, "Case study A: A common approach to managing referral and assessment")
    assert "• Precision – making sure" in case_a.text
    assert "• Visibility of action" in case_a.text
    # The sidebar quotation after 4.7 is not glued to 4.7 or 4.8.
    for para in ("4.7", "4.8"):
        assert "The key factors in deciding" not in _one(passages, para).text
    quote = next(p for p in passages if "The key factors in deciding" in p.text)
    assert quote.kind == "section"
    assert quote.text.endswith("Information sharing: Guidance for practitioners and managers HM Government (2008)")
    # Chapter-level recommendation blocks repeat the complete list; none is left over as
    # paragraph text.
    assert "Recommendation" not in _one(passages, "2.2").text


def test_laming_glossary_passage(parsed: dict[str, list[Passage]]) -> None:
    glossary = _one(parsed["laming2009"], "Glossary of abbreviations")
    assert glossary.kind == "glossary"
    assert "LSCB: Local Safeguarding Children Board" in glossary.text.split("\n")
    assert "SOLACE: Society of Local Authority Chief Executives and Senior Managers" in glossary.text.split("\n")


# --- jci2008 ----------------------------------------------------------------------------


def test_jci_paragraphs_strictly_increasing_each_once(parsed: dict[str, list[Passage]]) -> None:
    paras = [p for p in parsed["jci2008"] if p.kind == "paragraph"]
    numbers = [int(p.para) for p in paras]
    assert numbers == list(range(1, 336))
    assert all(p.passage_id == f"jci2008:{p.para}" for p in paras)
    chapters = Counter(p.chapter for p in paras)
    assert chapters == {"1": 41, "2": 74, "3": 155, "4": 65}  # 1-41, 42-115, 116-270, 271-335
    assert _one(paras, "7").section == (
        "Chapter 1: The safeguarding framework > Structure, membership and participation"
    )


def test_jci_recommendations_are_not_paragraphs(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["jci2008"]
    recs = [p for p in passages if p.para.startswith("Recommendations, ")]
    assert [p.para for p in recs] == [f"Recommendations, {n}" for n in range(1, 25)]
    assert all(p.kind == "recommendation" for p in recs)
    rec7 = _one(recs, "Recommendations, 7")
    assert rec7.text.startswith("The Youth Justice Board should:\nSupport youth offending teams")
    assert "Recommendation accepted as good practice" in rec7.text
    chapter_recs = [p for p in passages if p.para.endswith("> Recommendations")]
    assert len(chapter_recs) == 4


def test_jci_figures_boxes_and_footnotes_are_separate(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["jci2008"]
    by_para = {p.para: p.text for p in passages}
    assert "Figure 1" not in by_para["7"] and "Sources:" not in by_para["7"]
    assert "Directors of Children’s Services 48% 40%" not in by_para["8"]
    figure = next(p for p in passages if "Figure 1: Findings of surveys" in p.para)
    assert "Directors of Children’s Services 48% 40%" in figure.text.split("\n")
    assert "In Stockport, quarterly safeguarding" not in by_para["8"]
    assert any("In Stockport, quarterly safeguarding" in t for t in by_para.values())
    notes = [p for p in passages if p.kind == "footnote"]
    assert notes and all(p.para.startswith("footnote ") for p in notes)
    assert "Children who are in the care of a local authority." == by_para["footnote 1"]


def test_jci_markers_removed_numbers_kept(parsed: dict[str, list[Passage]]) -> None:
    by_para = {p.para: p.text for p in parsed["jci2008"]}
    assert "monitored by the Healthcare Commission. Nearly all trusts" in by_para["50"]
    assert "(in 2006–07, 377 out of 394 – 95%)" in by_para["50"]
    assert "detained for 24 hours" in by_para["38"]
    assert "• SMART recommendations for future action." in by_para["295"]
    assert "(see paragraph 230)" in by_para["38"]
    assert "as described in paragraph 25. The lack of job security" in by_para["136"]


# --- cqc2009 ----------------------------------------------------------------------------


def test_cqc2009_sections(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["cqc2009"]
    paras = {p.para for p in passages}
    chapters = [
        "Who leads the work of NHS trusts on the safeguarding of children?",
        "How well trained in safeguarding are NHS staff?",
        "What policies do trusts have in place for safeguarding and child protection?",
    ]
    for chapter in chapters:
        assert f"{chapter} > What should be in place?" in paras
        assert f"Summary > {chapter}" in paras
    assert "Next steps and recommendations > Recommendations" in paras
    assert all(p.kind == "section" for p in passages)
    level1 = _one(passages, "How well trained in safeguarding are NHS staff? > Level 1 training")
    assert level1.text.startswith("Safeguarding training at level 1 is, according to national")
    assert "Training for locum" not in level1.text


def test_cqc2009_tables_are_separate(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["cqc2009"]
    tables = [p for p in passages if " > Table " in p.para]
    assert len(tables) == 13
    table1 = next(p for p in tables if "Table 1:" in p.para)
    assert "Primary care trust Designated doctor 1.2" in table1.text.split("\n")
    protected = _one(
        passages,
        "Who leads the work of NHS trusts on the safeguarding of children? > Protected time for safeguarding duties",
    )
    assert "Designated doctor 1.2" not in protected.text
    assert "protected time is available for those filling nurse" in protected.text


def test_cqc2009_reference_markers_removed(parsed: dict[str, list[Passage]]) -> None:
    summary = _one(
        parsed["cqc2009"],
        "Summary > Who leads the work of NHS trusts on the safeguarding of children?",
    )
    assert summary.text.endswith("should have a safeguarding lead and deputy.")
    assert "8.5% said “none” had a lead" in summary.text


# --- cqc2016 ----------------------------------------------------------------------------


def test_cqc2016_chapters_and_boxes(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["cqc2016"]
    chapters = [
        "The child's voice: the silence is deafening",
        "The 'so what' factor: improving outcomes for children",
        "Quality of information sharing in multi-agency working",
        "The five 'P's that support multi-agency working",
        "Finding the hidden child",
        "Transitions and access",
        "Leadership",
        "Conclusion and recommendations",
    ]
    sections = {p.section.split(" > ")[0] for p in passages}
    assert set(chapters) <= sections
    for chapter in chapters[:7]:
        assert f"{chapter} > Recommendations" in {p.para for p in passages}
        assert f"Conclusion and recommendations > Recommendations: {chapter}" in {p.para for p in passages}
    box = _one(
        passages,
        "The five 'P's that support multi-agency working > The Child Protection Information Sharing (CP-IS) project",
    )
    assert box.text.startswith("CP-IS is a national project")
    assert "Lack of GP engagement in child protection" in " ".join(p.para for p in passages)


def test_cqc2016_footnotes_and_markers(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["cqc2016"]
    notes = [p for p in passages if p.kind == "footnote"]
    assert [p.para for p in notes] == [f"footnote {c}" for c in "abcdefghijklmnopqrstuvw"]
    intro = next(p for p in passages if p.para == "Introduction")
    assert "In this report a child is defined" not in intro.text
    assert intro.text.startswith("It is everyone’s responsibility to safeguard children. Although")
    assert "Health and Social Care Act 2008." in intro.text
    primary = _one(passages, "Quality of information sharing in multi-agency working > Primary care")
    assert "strengthen arrangements. In many cases" in primary.text
    assert "• Lack of awareness of responsibilities" in primary.text


def test_cqc2016_pull_quotes_are_separate(parsed: dict[str, list[Passage]]) -> None:
    passages = parsed["cqc2016"]
    quotes = [p for p in passages if p.text.startswith("“")]
    assert len(quotes) >= 8
    for quote in quotes:
        body = [p for p in passages if p.para == quote.para and not p.text.startswith("“")]
        for other in body:
            assert quote.text.split("\n")[0] not in other.text


# --- helpers ----------------------------------------------------------------------------


def test_footnote_markers_follow_the_sequence() -> None:
    markers = FootnoteMarkers()
    assert markers.remove("Juvenal1") == "Juvenal"
    assert markers.remove("in 2006, 2 compared with 0.7 per cent for teachers.3") == (
        "in 2006, compared with 0.7 per cent for teachers."
    )
    assert markers.remove("section 47 of the Children Act 1989 applies") == (
        "section 47 of the Children Act 1989 applies"
    )
    assert markers.remove("stood at 9.5 per cent in 2006") == "stood at 9.5 per cent in 2006"
    assert markers.remove("children4 and 37,000 children5") == "children and 37,000 children"
    assert markers.remove("with 6,4006 registered") == "with 6,400 registered"
    assert markers.remove("in April 20087 that") == "in April 2008 that"
    assert markers.remove("inquiries.8,9 The") == "inquiries. The"


def test_reference_markers() -> None:
    assert strip_reference_markers("lead and deputy.1", 20) == "lead and deputy."
    assert strip_reference_markers("matters most to them.5,6,7", 20) == "matters most to them."
    assert strip_reference_markers("level 1 training at 9.5% (C2)", 20) == ("level 1 training at 9.5% (C2)")
    assert strip_reference_markers("£19,613. Comparatively", 20) == "£19,613. Comparatively"
