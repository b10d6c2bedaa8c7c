"""Parser for *Safeguarding children: the third joint chief inspectors' report* (2008).

Structure of the extracted text, and what becomes a passage:

* Page 1 (labelled ``Introduction``) and the executive summary (subsections named after
  the four chapters) -> ``section`` passages (``Executive summary > Child protection``).
* The summary's recommendations, grouped by chapter -> ``section`` passages
  (``Recommendations > The safeguarding framework``).
* Chapters 1-4: numbered paragraphs ``1.`` ... ``335.`` numbered through the whole report
  -> one ``paragraph`` passage each, para ``295``. A number is accepted only when it
  continues the sequence, so ``paragraph\\n25. The lack ...`` stays text. Each chapter
  opens with an ``Introduction`` heading and ends with ``Recommendations`` (addressees and
  bullets, no numbers) -> one ``recommendation`` passage per chapter.
* Boxed examples (``Example(s) of ...``) -> ``section`` passages; figures (``Figure 7:``
  ... ``Source: ...``) -> ``section`` passages of their own, never glued to a paragraph.
* Appendix A, the 2005 report's recommendations ``1.`` ... ``24.`` with the Government's
  response -> ``recommendation`` passages, para ``Recommendations, 7`` (never confused with
  paragraphs 1-24). Appendix B, the inspectorates -> one ``section`` passage each.
* The glossary -> one ``glossary`` passage; the endnotes that survived the extraction ->
  ``footnote`` passages. Footnote markers (``Healthcare Commission.27``, ``SMART93``) are
  removed from the text in document order.
* Running footers (``Executive summary``, ``Chapter 2: ...2``, ``Appendix A: ...``, page
  letters, ``Continued...``), the list of the steering group and bullet glyphs are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.ingest.reports import (
    Body,
    FootnoteMarkers,
    PassageBuilder,
    Vocabulary,
    ends_sentence,
    heading_text,
    join_wrapped,
    path,
)
from knowledge.models import Passage

DOC_ID = "jci2008"

_PARA = re.compile(r"^(\d{1,3})\.(?!\d)\s*(\S.*)?$")
_FIGURE = re.compile(r"^Figure (\d{1,2}):")
_SOURCE = re.compile(r"^Sources?:")
_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_FOOTER = re.compile(
    r"^(Executive summary|Chapter \d+: .*\D\d|\d+ \d+www\.safeguardingchildren\.org\.uk"
    r"|Appendix [AB]: .*|made in Safeguarding children \(2005\)|[AB]|Continued\.\.\."
    r"|Recommendation Action)$"
)
_APPENDIX_A = "Appendix A: Progress against recommendations made in Safeguarding children (2005)"
_APPENDIX_B = "Appendix B: Inspectorates' role and remit"
_ADDRESSEE = re.compile(r"should:\s*$")
_STATUS = re.compile(r"^Recommendation (accepted|rejected|partially accepted|not accepted)")


@dataclass
class _L:
    """A cleaned line: ``bullet`` when it starts a bullet item."""

    no: int
    text: str
    indent: int
    page_start: bool
    bullet: bool = False

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str) -> list[_L]:
    out = []
    for no, raw in enumerate(text.replace("\r\n", "\n").split("\n")):
        raw = raw.replace("\t", " ").rstrip()
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        out.append(_L(no, stripped, indent, bool(stripped) and indent in (1, 3)))
    return out


def _find(lines: Sequence[_L], pattern: str, start: int = 0) -> int:
    regex = re.compile(pattern)
    for i in range(start, len(lines)):
        if regex.search(lines[i].text):
            return i
    return len(lines)


def _prev_content(lines: Sequence[_L], i: int) -> int:
    j = i - 1
    while j >= 0 and lines[j].blank:
        j -= 1
    return j


def _next_content(lines: Sequence[_L], i: int, end: int | None = None) -> int:
    stop = len(lines) if end is None else end
    while i < stop and lines[i].blank:
        i += 1
    return i


# --------------------------------------------------------------------------------------
# Stage 1: footers, bullets, footnote markers
# --------------------------------------------------------------------------------------


def _clean(lines: list[_L], start: int, end: int, markers: FootnoteMarkers | None) -> list[_L]:
    """Lines ``start:end`` without footers, with bullets flagged and markers removed."""
    out: list[_L] = []
    in_list = False
    for i in range(start, end):
        ln = lines[i]
        text = ln.text
        if text.startswith("Continued..."):
            text = text[len("Continued...") :].strip()
            if not text:
                continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        followed_by_page = nxt is not None and nxt.page_start
        if _FOOTER.match(text) or (re.fullmatch(r"\d{1,3}", text) and followed_by_page):
            continue
        if text in ("Introduction", "Recommendations") and followed_by_page:
            prev = lines[i - 1] if i else None
            if prev is not None and prev.blank:
                continue  # the section label at the foot of a page
        if text.startswith("*  In instances where"):
            continue  # the asterisk note, repeated as endnote 5
        if not text:
            out.append(_L(ln.no, "", 0, False))
            continue
        prev_blank = bool(out) and out[-1].blank
        prev_content = next((x for x in reversed(out) if not x.blank), None)
        bullet = ln.indent in (2, 3) and not _PARA.match(text)
        if ln.indent == 1 and prev_blank and prev_content is not None:
            if prev_content.text.endswith(":") or in_list:
                bullet = not _PARA.match(text)
        if bullet:
            in_list = True
        elif prev_blank and not text[:1].islower():
            in_list = False
        if markers is not None:
            text = markers.remove(text)
        out.append(_L(ln.no, text, ln.indent, ln.page_start and not bullet, bullet))
    return out


# --------------------------------------------------------------------------------------
# Stage 2: blocks of text with headings
# --------------------------------------------------------------------------------------


@dataclass
class _Unit:
    """One passage under construction."""

    para: str
    section: str
    kind: str
    chapter: str | None
    body: Body
    order: int
    last: str = ""
    gap: bool = False

    def add(self, ln: _L) -> None:
        body = self.body
        if ln.bullet:
            body.bullet(ln.text)
        elif body.in_bullet and self.gap and not ln.text[:1].islower():
            body.new_block()
            body.add(ln.text)
        else:
            body.add(ln.text)
        self.last = ln.text
        self.gap = False


def _block(lines: Sequence[_L], i: int) -> list[int]:
    """Indexes of the contiguous non-blank lines starting at ``i``."""
    out = []
    while i < len(lines) and not lines[i].blank:
        out.append(i)
        i += 1
    return out


def _heading_block(lines: Sequence[_L], i: int, max_lines: int = 2) -> list[int]:
    """The lines of a heading starting at ``i`` (empty if ``i`` is not a heading)."""
    ln = lines[i]
    if ln.bullet or not ln.text[:1].isupper() or _PARA.match(ln.text):
        return []
    prev = _prev_content(lines, i)
    if prev >= 0 and not (i > 0 and (lines[i - 1].blank or ln.page_start)):
        return []
    if prev >= 0 and not (
        ends_sentence(lines[prev].text) or lines[prev].text.endswith(":") or _is_short_title(lines[prev].text)
    ):
        return []
    block = _block(lines, i)
    if not block or len(block) > max_lines:
        return []
    texts = [lines[k].text for k in block]
    if any(len(t) > 62 for t in texts) or texts[-1][-1] in ".,;:’”" or lines[block[-1]].bullet:
        return []
    if any(lines[k].bullet for k in block):
        return []
    return block


def _is_short_title(text: str) -> bool:
    return len(text) <= 62 and text[-1] not in ".,;:" and text[:1].isupper()


@dataclass
class _Out:
    builder: PassageBuilder
    vocabulary: Vocabulary
    units: list[_Unit] = field(default_factory=list)
    order: int = 0

    def unit(self, para: str, section: str, kind: str, chapter: str | None) -> _Unit:
        self.order += 1
        unit = _Unit(para, section, kind, chapter, Body(self.vocabulary), self.order)
        self.units.append(unit)
        return unit


def _sections(
    out: _Out,
    lines: Sequence[_L],
    top: str,
    known: Sequence[str] = (),
    kind: str = "section",
) -> list[str]:
    """Unnumbered text: a passage per heading (``top > heading``); returns the headings.
    ``known`` headings (normalised) start a new passage even when followed by bullets."""
    headings: list[str] = []
    unit = out.unit(top, top, kind, None)
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.blank:
            unit.gap = True
            i += 1
            continue
        block = _heading_block(lines, i)
        if block:
            title = heading_text(join_wrapped([lines[k].text for k in block]))
            j = _next_content(lines, block[-1] + 1)
            followed_by_prose = j < len(lines) and not lines[j].bullet
            if title.lower() in known or (not known and followed_by_prose):
                headings.append(title)
                unit = out.unit(path(top, title), path(top, title), kind, None)
                i = block[-1] + 1
                continue
            if known:
                # An addressee ("Government") inside a recommendations group.
                unit.body.line(title)
                i = block[-1] + 1
                continue
        unit.add(ln)
        i += 1
    return headings


# --------------------------------------------------------------------------------------
# Stage 3: chapters with numbered paragraphs
# --------------------------------------------------------------------------------------


def _chapters(out: _Out, lines: Sequence[_L], titles: Sequence[str]) -> None:
    chapter = 0
    heading = ""
    last = 0
    main: _Unit | None = None
    insert: _Unit | None = None
    recs: _Unit | None = None

    def chapter_path() -> str:
        title = titles[chapter - 1] if 0 < chapter <= len(titles) else ""
        return heading_text(f"Chapter {chapter}: {title}" if title else f"Chapter {chapter}")

    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        if ln.blank:
            for unit in (insert, recs, main):
                if unit is not None:
                    unit.gap = True
                    break
            i += 1
            continue
        match = _PARA.match(ln.text)
        if match and not ln.bullet and last < int(match.group(1)) <= last + 2:
            number = int(match.group(1))
            if recs is not None:
                recs = None
            insert = None
            last = number
            main = out.unit(str(number), path(chapter_path(), heading), "paragraph", str(chapter))
            if match.group(2):
                main.add(_L(ln.no, match.group(2), 0, False))
            i += 1
            continue
        figure = _FIGURE.match(ln.text)
        if figure:
            i = _figure(out, lines, i, chapter_path(), str(chapter))
            continue
        block = _heading_block(lines, i)
        if block:
            title = heading_text(join_wrapped([lines[k].text for k in block]))
            j = _next_content(lines, block[-1] + 1)
            nxt = lines[j] if j < n else None
            next_para = nxt is not None and _PARA.match(nxt.text) is not None and not nxt.bullet
            if title == "Introduction" and next_para:
                chapter += 1
                heading = ""
                insert = recs = None
                i = block[-1] + 1
                continue
            if title == "Recommendations" and recs is None:
                insert = None
                recs = out.unit(
                    path(chapter_path(), "Recommendations"),
                    chapter_path(),
                    "recommendation",
                    str(chapter),
                )
                i = block[-1] + 1
                continue
            if recs is not None:
                recs.body.line(title)  # an addressee: "Government", "All agencies"
                i = block[-1] + 1
                continue
            if next_para:
                heading = title
                insert = None
                i = block[-1] + 1
                continue
            if nxt is not None and nxt.text[:1] in "‘“":
                # A heading introduced by quotations of the standards it covers.
                heading = title
                insert = out.unit(
                    path(chapter_path(), heading),
                    path(chapter_path(), heading),
                    "section",
                    str(chapter),
                )
                i = block[-1] + 1
                continue
            if nxt is not None and not nxt.bullet:
                # A boxed example between (or inside) paragraphs.
                insert = out.unit(
                    path(chapter_path(), title),
                    path(chapter_path(), heading),
                    "section",
                    str(chapter),
                )
                i = block[-1] + 1
                continue
        target = recs or insert or main
        if (
            insert is not None
            and main is not None
            and target is insert
            and insert.gap
            and ln.text[:1].islower()
            and not ln.bullet
            and ends_sentence(insert.last)
        ):
            insert = None  # the paragraph the box interrupted continues
            target = main
        if target is None:
            target = main = out.unit(chapter_path(), chapter_path(), "section", str(chapter))
        target.add(ln)
        i += 1


def _figure(out: _Out, lines: Sequence[_L], i: int, section: str, chapter: str) -> int:
    """A figure from its caption to its ``Source:`` line; returns the index after it."""
    caption = [lines[i].text]
    j = i + 1
    while j < len(lines) and not lines[j].blank and not _SOURCE.match(lines[j].text):
        caption.append(lines[j].text)
        j += 1
    rows: list[str] = []
    end = j
    limit = min(len(lines), i + 80)
    while end < limit and not _SOURCE.match(lines[end].text):
        if _PARA.match(lines[end].text) and not lines[end].bullet:
            break
        end += 1
    if end < limit and _SOURCE.match(lines[end].text):
        k = end
        while k < len(lines) and not lines[k].blank and not ends_sentence(lines[k].text):
            k += 1
        stop = min(k + 1, len(lines))
    else:
        stop = end
    block: list[str] = []
    for k in range(j, stop):
        text = lines[k].text
        if not text:
            if block:
                rows.append(join_wrapped(block, out.vocabulary))
                block = []
            continue
        block.append(text)
    if block:
        rows.append(join_wrapped(block, out.vocabulary))
    title = heading_text(join_wrapped(caption, out.vocabulary))
    unit = out.unit(path(section, title), section, "section", chapter)
    for row in rows:
        unit.body.line(row)
    return stop


# --------------------------------------------------------------------------------------
# Stage 4: appendices, glossary, endnotes
# --------------------------------------------------------------------------------------


def _appendix_a(out: _Out, lines: Sequence[_L]) -> None:
    intro = out.unit(_APPENDIX_A, _APPENDIX_A, "section", None)
    current: _Unit | None = None
    addressee: list[str] = []
    last = 0
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.blank:
            if current is not None:
                current.gap = True
            i += 1
            continue
        text = ln.text
        match = _PARA.match(text)
        if match and not ln.bullet and last < int(match.group(1)) <= last + 2:
            last = int(match.group(1))
            current = out.unit(f"Recommendations, {last}", _APPENDIX_A, "recommendation", None)
            if addressee:
                current.body.line(join_wrapped(addressee, out.vocabulary))
                addressee = []
            current.body.new_block()
            if match.group(2):
                current.add(_L(ln.no, match.group(2), 0, False))
            i += 1
            continue
        # "The Department for Education and Skills should:" (possibly wrapped) starts the
        # next recommendation's addressee.
        block = _block(lines, i)
        block_text = " ".join(lines[k].text for k in block)
        if len(block) <= 2 and _ADDRESSEE.search(block_text) and text[:1].isupper():
            addressee = [lines[k].text for k in block]
            i = block[-1] + 1
            continue
        if _STATUS.match(text):
            target = current or intro
            target.body.line(text)
            target.body.new_block()
            target.last = ""
            i += 1
            continue
        (current or intro).add(ln)
        i += 1


def _appendix_b(out: _Out, lines: Sequence[_L]) -> None:
    """One passage per inspectorate: each starts a page with its name."""
    unit: _Unit | None = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.blank:
            if unit is not None:
                unit.gap = True
            i += 1
            continue
        if ln.page_start and ln.text[:1].isupper():
            block = _block(lines, i)
            texts = [lines[k].text for k in block]
            if len(block) <= 2 and all(len(t) <= 62 for t in texts) and texts[-1][-1] not in ".,;:":
                title = heading_text(join_wrapped(texts, out.vocabulary))
                unit = out.unit(path(_APPENDIX_B, title), _APPENDIX_B, "section", None)
                i = block[-1] + 1
                continue
        if unit is None:
            unit = out.unit(_APPENDIX_B, _APPENDIX_B, "section", None)
        unit.add(ln)
        i += 1


def _glossary(out: _Out, lines: Sequence[_L]) -> None:
    entries: list[str] = []
    for ln in lines:
        if ln.blank:
            continue
        if entries and (ln.text.startswith("(") or ln.text[:1].islower()) and not ln.bullet:
            entries[-1] += " " + ln.text
        else:
            entries.append(ln.text)
    unit = out.unit("Glossary", "Glossary", "glossary", None)
    for entry in entries:
        unit.body.line(join_wrapped([entry], out.vocabulary))


def _endnotes(out: _Out, lines: Sequence[_L]) -> None:
    heading = ""
    number = 0
    unit: _Unit | None = None
    for ln in lines:
        if ln.blank:
            continue
        match = _NOTE.match(ln.text)
        if match and int(match.group(1)) == number + 1:
            number += 1
            unit = out.unit(f"footnote {number}", heading or "Notes", "footnote", None)
            unit.body.add(match.group(2).lstrip("* ").strip())
            continue
        if ln.page_start or (unit is None) or _is_endnote_heading(ln.text):
            if _is_endnote_heading(ln.text):
                heading = heading_text(ln.text)
                continue
        if unit is not None:
            unit.body.add(ln.text)


def _is_endnote_heading(text: str) -> bool:
    return text in ("Introduction", "Executive summary") or bool(re.match(r"^Chapter \d+: ", text))


# --------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------


def parse(text: str) -> list[Passage]:
    """Cited passages of the joint chief inspectors' report."""
    vocabulary = Vocabulary.of(text)
    raw = _lines(text)
    n = len(raw)
    page2 = next((i for i in range(1, n) if raw[i].page_start), n)
    recs_start = _find(raw, r"^The following recommendations arise", page2)
    numbered = _find(raw, r"^1\. \S", recs_start)
    numbered = _prev_content(raw, numbered) if numbered < n else n  # its "Introduction"
    appendix_a = _find(raw, r"^This appendix has been prepared", numbered)
    last_a_footer = max(
        (i for i in range(appendix_a, n) if raw[i].text.startswith("Appendix A: Progress")),
        default=appendix_a,
    )
    appendix_b = next((i for i in range(last_a_footer + 1, n) if raw[i].page_start), n)
    steering = _find(raw, r"^A steering group was set up", appendix_b)
    glossary = next(
        (i for i in range(steering, n) if re.search(r"\([A-Z][A-Za-z]+\)\s*$", raw[i].text)),
        n,
    )
    notes = next(
        (
            i
            for i in range(glossary, n)
            if raw[i].text == "Introduction" and _NOTE.match(raw[_next_content(raw, i + 1)].text)
        ),
        n,
    )

    markers = FootnoteMarkers()
    out = _Out(PassageBuilder(DOC_ID), vocabulary)

    intro = _clean(raw, 0, page2, markers)
    _sections(out, intro, "Introduction", known=("\u0000",))
    summary = _clean(raw, page2, recs_start, markers)
    titles = _sections(out, summary, "Executive summary")
    known = tuple(t.lower() for t in titles)
    recs = _clean(raw, recs_start, numbered, markers)
    _sections(out, recs, "Recommendations", known=known or ("\u0000",))
    body = _clean(raw, numbered, appendix_a, markers)
    _chapters(out, body, titles)
    _appendix_a(out, _clean(raw, appendix_a, appendix_b, None))
    _appendix_b(out, _clean(raw, appendix_b, steering, None))
    if glossary < notes:
        _glossary(out, _clean(raw, glossary, notes, None))
    _endnotes(out, _clean(raw, notes, n, None))

    for unit in out.units:
        out.builder.add(
            unit.para,
            unit.body.render(),
            section=unit.section,
            kind=unit.kind,
            chapter=unit.chapter,
        )
    return out.builder.passages
