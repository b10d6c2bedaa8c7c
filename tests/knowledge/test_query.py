from __future__ import annotations

import pytest

from knowledge.errors import QueryError
from knowledge.query import check_query, clean_query, expand_query, load_vocabulary

GLOSSARY = {"LSCB": "Local Safeguarding Children Board", "SCR": "serious case review"}


def test_abbreviations_are_expanded_from_glossary_and_vocabulary() -> None:
    query = expand_query("When does the LSCB start an SCR? And the LADO?", GLOSSARY, load_vocabulary())
    expansions = dict(query.expansions)
    assert "Local Safeguarding Children Board" in query.expanded
    assert "serious case review" in query.expanded
    assert "local authority designated officer" in expansions["LADO"]


def test_plural_abbreviations_expand() -> None:
    query = expand_query("how many LSCBs had independent chairs", GLOSSARY, {})
    assert "Local Safeguarding Children Board" in query.expanded


def test_lower_case_words_do_not_trigger_abbreviations() -> None:
    query = expand_query("the scr of paint", GLOSSARY, {})
    assert query.expansions == ()


def test_s47_is_section_47() -> None:
    query = expand_query("what happens in s47 enquiries", {}, load_vocabulary())
    assert "section 47" in query.expanded


@pytest.mark.parametrize(
    "text, doc",
    [
        ("What did Laming recommend about GPs?", "laming2009"),
        ("What did Not seen, not heard find about GPs?", "cqc2016"),
        ("CQC 2009 level 1 training", "cqc2009"),
        ("the joint chief inspectors report on LSCBs", "jci2008"),
    ],
)
def test_named_documents_are_detected(text: str, doc: str) -> None:
    assert doc in expand_query(text, {}, {}).docs


def test_clean_query_strips_control_and_zero_width() -> None:
    assert clean_query("re\u200bferral\x00 in\twriting") == "referral in writing"


def test_check_query_errors_name_the_problem() -> None:
    with pytest.raises(QueryError, match="empty"):
        check_query("")
    with pytest.raises(QueryError, match="limit is 4000"):
        check_query("a " * 5000)
