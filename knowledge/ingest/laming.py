"""Parser for Lord Laming, *The Protection of Children in England: A Progress Report* (2009).

Structure of the extracted text, and what becomes a passage:

* Introduction (unnumbered, no headings) -> one ``section`` passage, para ``Introduction``.
* Chapters 1-8: ``CHAPTER n`` (missing for chapter 6, whose title line is followed by
  its epigraph), the chapter title, an epigraph quote with its attribution (dropped),
  headings and numbered paragraphs ``5.2`` (number alone on its line or followed by the
  text) -> one ``paragraph`` passage each, para ``5.2``. Numbers are accepted only when
  they continue the chapter's sequence, so ``9.5 per cent`` at the start of a line is text.
* ``Recommendation(s)`` blocks inside the chapters repeat the complete list; they are used
  to tell which chapter a listed recommendation belongs to, and are emitted as ``section``
  passages only when the complete list does not contain them.
* Case studies (``Case study A`` + title) and sidebar quotes (a quotation after the end of
  a sentence, with its attribution) -> ``section`` passages of their own; the paragraph
  they interrupt continues after them.
* Chapter 9, the complete list of recommendations ``1.`` ... ``58.``, grouped under the
  chapter titles -> one ``recommendation`` passage each, para ``Rec 34``.
* Footnotes (numbered in one sequence through the report, at the foot of each page)
  -> ``footnote`` passages, para ``footnote 47``; their markers are removed from the text.
* Appendix 2, the glossary of abbreviations -> one ``glossary`` passage.
* Page numbers and running headers (the report title, the chapter title, ``complete list
  of recommendations``) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.ingest.clean import normalise_for_match
from knowledge.ingest.glossary import parse_abbreviation_list
from knowledge.ingest.reports import (
    Body,
    FootnoteMarkers,
    Line,
    PassageBuilder,
    Vocabulary,
    ends_clause,
    ends_sentence,
    heading_text,
    is_page_number,
    join_wrapped,
    next_content,
    path,
    to_lines,
)
from knowledge.models import Passage

DOC_ID = "laming2009"

_CHAPTER = re.compile(r"^CHAPTER (\d{1,2})$")
_PARA = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\s+(\S.*))?$")
_REC = re.compile(r"^(\d{1,2})\.(?:\s+(\S.*))?$")
_FOOTNOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_CASE_STUDY = re.compile(r"^Case study ([A-Z])$")
_RECS_HEADING = re.compile(r"^Recommendations?$")
_REPORT_TITLE = "THE PROTECTION OF CHILDREN IN ENGLAND: A PROGRESS REPORT"
_LIST_TITLE = "COMPLETE LIST OF RECOMMENDATIONS"
_GLOSSARY_TITLE = "GLOSSARY OF ABBREVIATIONS"
_FIGURE = re.compile(r"^Fig(?:ure)? \d+:")
_WIDTH = 70  # typical line length: shorter lines ending a sentence end a prose block
_BULLET = re.compile(r"^●●?\s*")


def _strip_bullet(text: str) -> tuple[bool, str]:
    match = _BULLET.match(text)
    return (True, text[match.end() :]) if match else (False, text)


def _key(text: str) -> str:
    return normalise_for_match(text.replace("\u2011", "-"))


# --------------------------------------------------------------------------------------
# Stage 1: regions, running headers, footnotes and their markers
# --------------------------------------------------------------------------------------


@dataclass
class _Footnote:
    number: int
    lines: list[str]
    position: int  # index in the cleaned body


@dataclass
class _Prepared:
    body: list[Line]
    footnotes: list[_Footnote]
    chapter_titles: dict[int, str]
    list_lines: list[Line]
    glossary_lines: list[Line]


def _find(lines: Sequence[Line], text: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if lines[i].text == text:
            return i
    return len(lines)


def _group_headings(lines: Sequence[Line]) -> list[str]:
    """Headings of the complete list: lines directly followed by a recommendation number."""
    found = []
    for i, ln in enumerate(lines):
        if ln.blank or _REC.match(ln.text) or ln.text.lower() == _LIST_TITLE.lower():
            continue
        j = next_content(lines, i + 1)
        if j < len(lines) and _REC.match(lines[j].text) and not ends_clause(ln.text):
            if len(ln.text) <= 60 and ln.text[:1].isupper():
                found.append(ln.text)
    return found


def _prepare(text: str) -> _Prepared:
    lines = to_lines(text)
    list_start = _find(lines, _LIST_TITLE)
    body_end = list_start
    # "CHAPTER 9" just before the complete list belongs to it.
    k = list_start - 1
    while k >= 0 and (lines[k].blank or _CHAPTER.match(lines[k].text)):
        if _CHAPTER.match(lines[k].text):
            body_end = k
        k -= 1
    appendix = _find(lines, "APPENDIX 1", list_start)
    glossary = _find(lines, _GLOSSARY_TITLE, appendix)
    list_lines = [
        ln
        for ln in lines[list_start + 1 : appendix]
        if not is_page_number(ln.text) and ln.text.lower() != _LIST_TITLE.lower()
    ]

    chapter_titles: dict[int, str] = {}
    for i in range(body_end):
        match = _CHAPTER.match(lines[i].text)
        if match:
            j = next_content(lines, i + 1, body_end)
            chapter_titles[int(match.group(1))] = lines[j].text
    titles = {_key(t) for t in chapter_titles.values()}
    titles |= {_key(t) for t in _group_headings(list_lines)}

    markers = FootnoteMarkers()
    body: list[Line] = []
    footnotes: list[_Footnote] = []
    next_note = 1
    current: _Footnote | None = None
    after_chapter = False
    for i in range(body_end):
        ln = lines[i]
        if ln.blank:
            current = None
            body.append(ln)
            continue
        if current is not None and not ln.page_start:
            note = _FOOTNOTE.match(ln.text)
            if not (note and int(note.group(1)) == next_note and next_note < markers.expected):
                current.lines.append(ln.text)
                continue
        current = None
        if is_page_number(ln.text) or ln.text == _REPORT_TITLE or _FIGURE.match(ln.text):
            continue
        if _CHAPTER.match(ln.text):
            after_chapter = True
            body.append(ln)
            continue
        if _key(ln.text) in titles and not after_chapter and not _starts_chapter(lines, i):
            continue  # running header: the chapter title at the top of a page
        after_chapter = False
        note = _FOOTNOTE.match(ln.text)
        if note and int(note.group(1)) == next_note and next_note < markers.expected and not _PARA.match(ln.text):
            current = _Footnote(next_note, [note.group(2)], len(body))
            footnotes.append(current)
            next_note += 1
            continue
        stripped = markers.remove(ln.raw.strip()) if not _PARA.match(ln.text) else ln.text
        para = _PARA.match(ln.text)
        if para and para.group(3):
            stripped = f"{para.group(1)}.{para.group(2)} {markers.remove(para.group(3))}"
        body.append(Line(ln.no, ln.raw, stripped, ln.page_start))
    glossary_lines = [ln for ln in lines[glossary + 1 :] if ln.text != _GLOSSARY_TITLE]
    return _Prepared(body, footnotes, chapter_titles, list_lines, glossary_lines)


def _starts_chapter(lines: Sequence[Line], i: int) -> bool:
    """A chapter title without its ``CHAPTER n`` line: the epigraph quotation follows."""
    j = next_content(lines, i + 1)
    return j < len(lines) and lines[j].text.startswith("“")


# --------------------------------------------------------------------------------------
# Stage 2: chapters, paragraphs, inserts
# --------------------------------------------------------------------------------------


@dataclass
class _Container:
    kind: str  # intro | paragraph | recs | case | quote
    para: str
    section: str
    chapter: str | None
    body: Body
    order: int
    first_line: int = 0
    last: str = ""
    gap: bool = False  # a blank line since the last text line

    def add_line(self, text: str) -> None:
        is_bullet, rest = _strip_bullet(text)
        body = self.body
        if is_bullet:
            if rest.strip():
                body.bullet(rest.strip())
                self.last = rest
            else:
                body.pending_bullets += 1
            self.gap = False
            return
        if body.pending_bullets and (not body.in_bullet or self.gap or text[:1].isupper() or not body.last_text):
            if body.in_bullet and not body.items[-1].parts:
                body.items[-1].parts.append(text)
            else:
                body.bullet(text)
            body.pending_bullets -= 1
        elif body.in_bullet and self.gap:
            body.new_block()
            body.add(text)
        elif self.last and ends_sentence(self.last) and len(self.last) < 0.8 * _WIDTH:
            body.new_block()
            body.add(text)
        else:
            body.add(text)
        self.last = text
        self.gap = False


@dataclass
class _State:
    vocabulary: Vocabulary
    chapter: int | None = None
    chapter_titles: dict[int, str] = field(default_factory=dict)
    heading: str = ""
    last_para: int = 0
    main: _Container | None = None
    insert: _Container | None = None
    done: list[_Container] = field(default_factory=list)
    order: int = 0
    quote_count: int = 0
    pos: int = 0

    def chapter_section(self) -> str:
        if self.chapter is None:
            return "Introduction"
        title = self.chapter_titles.get(self.chapter, "")
        return heading_text(f"Chapter {self.chapter}: {title}" if title else f"Chapter {self.chapter}")

    def section(self) -> str:
        return path(self.chapter_section(), heading_text(self.heading))

    def new(self, kind: str, para: str, section: str | None = None) -> _Container:
        self.order += 1
        return _Container(
            kind,
            para,
            self.section() if section is None else section,
            None if self.chapter is None else str(self.chapter),
            Body(self.vocabulary),
            self.order,
            self.pos,
        )

    def close_insert(self) -> None:
        if self.insert is not None:
            self.done.append(self.insert)
            self.insert = None

    def close_all(self) -> None:
        self.close_insert()
        if self.main is not None:
            self.done.append(self.main)
            self.main = None


def _para_number(text: str, state: _State) -> tuple[int, int, str] | None:
    """``(chapter, number, rest)`` when ``text`` starts the next numbered paragraph."""
    match = _PARA.match(text)
    if match is None:
        return None
    chapter, number = int(match.group(1)), int(match.group(2))
    rest = match.group(3) or ""
    if state.chapter is not None and chapter == state.chapter:
        if state.last_para < number <= state.last_para + 2:
            return chapter, number, rest
        return None
    expected_next = 1 if state.chapter is None else state.chapter + 1
    if chapter == expected_next and number == 1:
        return chapter, number, rest
    return None


def _heading_like(text: str) -> bool:
    return (
        0 < len(text) <= 75
        and (text[0].isupper() or text[0].isdigit())
        and not text.startswith("“")
        and text[-1] not in ".,;:!’”"
        and not _CASE_STUDY.match(text)
        and not _RECS_HEADING.match(text)
        and not _strip_bullet(text)[0]
    )


def _is_heading(lines: Sequence[Line], i: int, state: _State) -> int:
    """Number of lines (1 or 2) of a heading starting at ``i``, or 0."""
    if not _heading_like(lines[i].text):
        return 0
    for size in (1, 2):
        if size == 2:
            k = i + 1
            if (
                k >= len(lines)
                or not _heading_like(lines[k].text)
                or len(lines[k].text) > 40
                or not lines[i].text[:1].isalpha()
            ):
                return 0
            j = next_content(lines, k + 1)
        else:
            j = next_content(lines, i + 1)
        if j >= len(lines):
            return 0
        nxt = lines[j].text
        if _para_number(nxt, state) or nxt.startswith("“") or _RECS_HEADING.match(nxt):
            return size
    return 0


def _quote_end(lines: Sequence[Line], i: int) -> int:
    """Index of the line that closes the quotation opened at line ``i``."""
    balance = 0
    for k in range(i, min(len(lines), i + 15)):
        text = lines[k].text
        balance += text.count("“") - text.count("”")
        if balance <= 0 and "”" in text:
            return k
    return i


def _attribution(lines: Sequence[Line], start: int, state: _State) -> int:
    """End (exclusive) of the attribution lines after a quotation: the lines directly after
    it (up to three), or, after a blank line, lines that do not head a paragraph."""
    k = start
    taken = 0
    blank_before = False
    while k < len(lines) and taken < 3:
        ln = lines[k]
        if ln.blank:
            if taken:
                break
            blank_before = True
            k += 1
            continue
        text = ln.text
        if (
            (blank_before and _heads_paragraph(lines, k, state))
            or _CHAPTER.match(text)
            or _para_number(text, state)
            or _CASE_STUDY.match(text)
            or _RECS_HEADING.match(text)
            or text.startswith("“")
            or not (text[:1].isupper() or text[:1].isdigit())
            or len(text) > 75
            or ends_sentence(text)
            or (k + 1 < len(lines) and lines[k + 1].text[:1].islower())
        ):
            break
        taken += 1
        k += 1
    return k if taken else start


def _add_quotation(container: _Container, lines: Sequence[Line], i: int, end: int, attribution_end: int) -> None:
    """A quotation as a prose block and its attribution as a line of its own."""
    body = container.body
    body.new_block()
    quoted = [lines[k].text for k in range(i, end + 1)]
    closing = quoted[-1]
    cut = closing.rfind("”")
    attribution = []
    if 0 <= cut < len(closing) - 1 and closing[cut + 1 :].strip():
        quoted[-1] = closing[: cut + 1]
        attribution.append(closing[cut + 1 :].strip())
    for text in quoted:
        body.add(text)
    attribution += [lines[k].text for k in range(end + 1, attribution_end) if not lines[k].blank]
    if attribution:
        body.line(join_wrapped(attribution, body.vocabulary))
    body.new_block()
    container.last = ""


def _quotes_then_paragraph(lines: Sequence[Line], i: int, state: _State) -> bool:
    """Whether the quotations starting at ``i`` are followed by a numbered paragraph."""
    while i < len(lines) and lines[i].text.startswith("“"):
        end = _quote_end(lines, i)
        i = next_content(lines, max(_attribution(lines, end + 1, state), end + 1))
    return i < len(lines) and _para_number(lines[i].text, state) is not None


def _heads_paragraph(lines: Sequence[Line], i: int, state: _State) -> bool:
    """A one-line heading directly followed by a numbered paragraph."""
    if not _heading_like(lines[i].text):
        return False
    j = next_content(lines, i + 1)
    return j < len(lines) and _para_number(lines[j].text, state) is not None


def _structural(lines: Sequence[Line], i: int, state: _State) -> bool:
    text = lines[i].text
    return bool(
        _CHAPTER.match(text)
        or _para_number(text, state)
        or _CASE_STUDY.match(text)
        or _RECS_HEADING.match(text)
        or _is_heading(lines, i, state)
    )


def _parse_body(prepared: _Prepared, vocabulary: Vocabulary) -> tuple[list[_Container], _State]:
    lines = prepared.body
    state = _State(vocabulary, chapter_titles=dict(prepared.chapter_titles))
    known_titles = {_key(t) for t in _known_titles(prepared)}
    state.main = state.new("intro", "Introduction", "Introduction")
    divert: _Container | None = None  # a case-study bullet continued after a para number
    n = len(lines)
    i = next_content(lines, 0)
    if i < n and lines[i].text.upper() == "INTRODUCTION":
        i = _skip_epigraph(lines, i + 1, state)
    while i < n:
        ln = lines[i]
        text = ln.text
        state.pos = i
        if ln.blank:
            if divert is not None and divert.body.last_text and divert.gap is False:
                divert.gap = True
                divert = None
            target = state.insert or state.main
            if target is not None:
                target.gap = True
            i += 1
            continue

        chapter = _CHAPTER.match(text)
        untitled = (
            state.chapter is not None and len(text) <= 60 and _key(text) in known_titles and _starts_chapter(lines, i)
        )
        if chapter or untitled:
            state.close_all()
            if chapter:
                number = int(chapter.group(1))
                j = next_content(lines, i + 1)
                i = j + 1  # the title line
            else:
                number = (state.chapter or 0) + 1
                state.chapter_titles.setdefault(number, text)
                i += 1
            state.chapter = number
            state.heading = ""
            state.last_para = 0
            i = _skip_epigraph(lines, i, state)
            continue

        numbered = _para_number(text, state)
        if numbered is not None:
            if state.insert is not None and state.insert.body.pending_bullets:
                divert = state.insert
            state.close_all()
            chapter_no, para_no, rest = numbered
            if state.chapter != chapter_no:
                state.chapter = chapter_no
                state.heading = ""
            state.last_para = para_no
            state.main = state.new("paragraph", f"{chapter_no}.{para_no}")
            if rest:
                state.main.add_line(rest)
            i += 1
            continue

        if divert is not None:
            divert.add_line(text)
            i += 1
            continue

        pending = state.insert or state.main
        size = 0 if pending is not None and pending.body.pending_bullets else _is_heading(lines, i, state)
        if size:
            k = next_content(lines, i + 1)
            title_lines = [text] if size == 1 else [text, lines[k].text]
            after = next_content(lines, (i if size == 1 else k) + 1)
            if after < n and lines[after].text.startswith("“") and not _quotes_then_paragraph(lines, after, state):
                # A titled sidebar of quotations.
                state.close_insert()
                state.quote_count += 1
                state.insert = state.new("quote", state.section())
                state.insert.body.add(join_wrapped(title_lines, vocabulary))
                state.insert.body.new_block()
                i = after
                continue
            state.close_all()
            state.heading = join_wrapped(title_lines, vocabulary)
            state.main = None
            i = after
            continue

        case = _CASE_STUDY.match(text)
        if case:
            state.close_insert()
            j = i + 1
            title: list[str] = []
            while j < n and len(title) < 3:
                candidate = lines[j].text
                if lines[j].blank or len(candidate) > 55 or candidate.startswith("“"):
                    break
                title.append(candidate)
                j += 1
            label = heading_text(f"Case study {case.group(1)}: {join_wrapped(title)}")
            state.insert = state.new("case", label, state.chapter_section())
            i = j
            continue

        if _RECS_HEADING.match(text):
            state.close_insert()
            state.insert = state.new("recs", path(state.section(), "Recommendations"))
            i += 1
            continue

        target = state.insert or state.main
        if text.startswith("“") and (
            target is None
            or target.kind == "quote"
            or (target.kind != "case" and (not target.body.last_text or ends_sentence(target.body.last_text)))
        ):
            end = _quote_end(lines, i)
            attribution_end = _attribution(lines, end + 1, state)
            if state.insert is None or state.insert.kind != "quote":
                state.close_insert()
                state.quote_count += 1
                state.insert = state.new("quote", state.section())
            _add_quotation(state.insert, lines, i, end, attribution_end)
            i = max(attribution_end, end + 1)
            # The sidebar ends here unless another quotation follows.
            j = next_content(lines, i)
            if j >= n or not lines[j].text.startswith("“"):
                state.close_insert()
            continue

        if text.startswith("“") and target is not None and target.kind == "case":
            end = _quote_end(lines, i)
            attribution_end = _attribution(lines, end + 1, state)
            if attribution_end - next_content(lines, end + 1) > 1:
                attribution_end = end + 1  # only a one-line attribution inside a case study
            _add_quotation(target, lines, i, end, attribution_end)
            i = max(attribution_end, end + 1)
            continue

        # Ordinary text: an insert interrupted by the paragraph continuing after it?
        if (
            state.insert is not None
            and state.main is not None
            and not state.insert.body.pending_bullets
            and (state.insert.gap or ln.page_start)
            and text[:1].islower()
            and ends_sentence(state.insert.body.last_text)
        ):
            state.close_insert()
        target = state.insert or state.main
        if target is None:
            state.main = target = state.new("section", state.section())
        target.add_line(text)
        i += 1
    state.close_all()
    return state.done, state


def _known_titles(prepared: _Prepared) -> list[str]:
    return [*prepared.chapter_titles.values(), *_group_headings(prepared.list_lines)]


def _skip_epigraph(lines: Sequence[Line], i: int, state: _State) -> int:
    """Skip the chapter's epigraph: a quotation and one attribution line."""
    j = next_content(lines, i)
    if j < len(lines) and lines[j].text.startswith("“"):
        end = _quote_end(lines, j)
        k = next_content(lines, end + 1)
        if k < len(lines) and not _para_number(lines[k].text, state):
            return k + 1
        return end + 1
    return i


# --------------------------------------------------------------------------------------
# Stage 3: the complete list of recommendations
# --------------------------------------------------------------------------------------


@dataclass
class _Rec:
    number: int
    group: str
    container: _Container


def _parse_list(lines: Sequence[Line], vocabulary: Vocabulary) -> list[_Rec]:
    recs: list[_Rec] = []
    group = ""
    last = 0
    current: _Container | None = None
    headings = set(_group_headings(lines))
    for ln in lines:
        if ln.blank:
            if current is not None:
                current.gap = True
            continue
        text = ln.text
        match = _REC.match(text)
        if match and last < int(match.group(1)) <= last + 3:
            last = int(match.group(1))
            current = _Container("rec", f"Rec {last}", "", None, Body(vocabulary), len(recs) + 1)
            recs.append(_Rec(last, group, current))
            if match.group(2):
                current.add_line(match.group(2))
            continue
        if text in headings:
            group = text
            continue
        if current is not None:
            current.add_line(text)
    return recs


def _chapter_of(rec: _Rec, titles: dict[int, str], chapter_blocks: list[_Container]) -> int | None:
    if rec.group:
        for number, title in titles.items():
            if _key(title) == _key(rec.group):
                return number
    rec_text = _key(rec.container.body.render())
    start = rec_text[:80]
    for block in chapter_blocks:
        if start and start in _key(block.body.render()) and block.chapter:
            return int(block.chapter)
    # Reworded in the list: the chapter whose recommendations share most of its sentences.
    sentences = [s[:60] for s in re.split(r"(?<=[.;:])\s+", rec_text) if len(s) > 20]
    best, best_share = None, 0.5
    for block in chapter_blocks:
        block_text = _key(block.body.render())
        share = sum(1 for s in sentences if s in block_text) / max(1, len(sentences))
        if share > best_share and block.chapter:
            best, best_share = int(block.chapter), share
    return best


# --------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------


def parse(text: str) -> list[Passage]:
    """Cited passages of the Laming progress report."""
    vocabulary = Vocabulary.of(text)
    prepared = _prepare(text)
    containers, state = _parse_body(prepared, vocabulary)
    recs = _parse_list(prepared.list_lines, vocabulary)
    titles = state.chapter_titles
    chapter_blocks = [c for c in containers if c.kind == "recs"]
    listed = " ".join(_key(r.container.body.render()) for r in recs)

    entries: list[tuple[float, str, str, str, str, str | None]] = []
    for c in containers:
        rendered = c.body.render()
        if not rendered:
            continue
        if c.kind == "recs" and _covered(rendered, listed):
            continue
        kind = {"paragraph": "paragraph"}.get(c.kind, "section")
        para = c.para
        entries.append((c.order, para, c.section, rendered, kind, c.chapter))
    for fn in prepared.footnotes:
        before = [c for c in containers if c.first_line <= fn.position]
        order = max((c.order for c in before), default=0)
        paragraphs = [c for c in before if c.kind == "paragraph"]
        section = paragraphs[-1].section if paragraphs else "Introduction"
        chapter = before[-1].chapter if before else None
        note = join_wrapped(fn.lines, vocabulary)
        entries.append((order + 0.5, f"footnote {fn.number}", section, note, "footnote", chapter))
    base = max((c.order for c in containers), default=0)
    for rec in recs:
        number = _chapter_of(rec, titles, chapter_blocks)
        if number is not None:
            section = heading_text(f"Chapter {number}: {titles.get(number, '')}")
        else:
            section = "Complete list of recommendations"
        entries.append(
            (
                base + rec.number,
                f"Rec {rec.number}",
                section,
                rec.container.body.render(),
                "recommendation",
                None if number is None else str(number),
            )
        )
    glossary = parse_abbreviation_list([ln.text for ln in prepared.glossary_lines])
    if glossary:
        text_lines = [f"{abbr}: {expansion}" for abbr, expansion in glossary]
        entries.append(
            (
                base + 1000,
                "Glossary of abbreviations",
                "Appendix 2",
                "\n".join(text_lines),
                "glossary",
                None,
            )
        )

    builder = PassageBuilder(DOC_ID)
    for _, para, section, body, kind, chapter in sorted(entries, key=lambda e: e[0]):
        builder.add(para, body, section=section, kind=kind, chapter=chapter)
    return builder.passages


def _covered(block: str, listed: str) -> bool:
    """Whether every sentence of a chapter's recommendation block is in the complete list."""
    sentences = [s for s in re.split(r"(?<=[.;:])\s+", _key(block)) if len(s) > 20]
    return bool(sentences) and all(s[:60] in listed for s in sentences)
