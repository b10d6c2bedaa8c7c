"""Parser for *Working Together to Safeguard Children* (2010): source text -> cited passages.

The text was extracted from the PDF. What this module undoes, in order:

1. Running page headers/footers glued to page numbers (``133A guide to inter-agency ...``,
   ``94 Working Together to Safeguard Children``). The patterns are learnt from the text:
   lines that repeat many times and usually carry a page number.
2. A rotated table (Chapter 4, Table 1) extracted one or two glyphs per line; it is rebuilt
   by concatenating the glyphs and emitted as one passage per target group.
3. Footnotes. A footnote starts with its number and a tab at the bottom of a page and runs
   to the end of the page (a line that starts with a space, or a running header, starts a
   page). Footnotes become their own passages; their reference markers glued to words on
   the same page (``lead social worker82``) are removed. Only numbers that are footnotes on
   that page are touched, so ``section 47`` or ``1989`` are never altered.
4. Structure: executive summary, preface, glossary, chapters 1-12 (numbered paragraphs,
   accepted only when the number continues the chapter's sequence), flow charts, tables,
   boxes and appendices 1-7 (paragraphs numbered ``1.`` ``2.`` ...).

Passage text: prose with hard wraps removed (single spaces), one line per bullet item
(``"• "``), lettered items (``a) ...``) on their own lines, separate prose blocks of one
paragraph on separate lines. Otherwise verbatim (curly quotes kept).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.ingest.clean import repair_ligatures
from knowledge.models import Passage

DOC_ID = "wt2010"

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------
# Line-level patterns
# --------------------------------------------------------------------------------------

_CHAPTER_PARA = re.compile(r"^(\d{1,2})\.(\d{1,3})[\t ]+(?=\S)")
_APPENDIX_PARA = re.compile(r"^(\d{1,2})\.[\t ]+(?=\S)")
_FOOTNOTE_START = re.compile(r"^(\d{1,3})\t\s*")
_BULLET = re.compile(r"^(●●|●|−−|•|\uf0b7|\uf0a7)\s*")
_LETTERED = re.compile(r"^\s*(\(?(?:[a-h]|i{1,3}|iv|v|vi{1,3})\))\t\s*")
_CHAPTER_TITLE = re.compile(r"^Chapter (\d{1,2}) [–-] ")
_APPENDIX_TITLE = re.compile(r"^Appendix (\d{1,2}) [–-] ")
_FLOW_CHART_TITLE = re.compile(r"^Flow chart (\d{1,2}):")
_PART_TITLE = re.compile(r"^Part \d+:")
_TABLE_TITLE = re.compile(r"^Table [A-Z0-9]{1,2}:")
_BOX_TITLE = re.compile(r"^Box \d{1,2}:")
_ACRONYM = re.compile(r"^([A-Za-z&/\- ]{1,20}?)\t\s*(\S.*)$")
# Contact details, addresses and table rows are never headings.
_NOT_HEADING = re.compile(r"www\.|https?:|@|\d{5,}|\d{3,} \d{3,}|\t")

_TERMINAL = ".!?:;"
_CLOSERS = "’”'\")]"

# A line made of one to three glyphs: what a rotated table extracts to.
_GLYPH_MAX = 3
_GLYPH_RUN_MIN = 300


@dataclass
class _Line:
    """One source line. ``text`` has the page-break space removed; trailing space kept."""

    no: int
    text: str
    page_start: bool = False

    @property
    def s(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def wraps(self) -> bool:
        """A line ending with a space is continued by the next non-blank line."""
        return self.text != self.text.rstrip()


@dataclass
class _Item:
    """One logical unit of a paragraph: a prose block, a bullet item or a lettered item."""

    kind: str  # prose | bullet | lettered
    lines: list[_Line] = field(default_factory=list)
    label: str = ""

    def text(self) -> str:
        return _join(self.lines)


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------


def _join(lines: Sequence[_Line]) -> str:
    """Join hard-wrapped lines: a line ending ``-`` right after a letter (no space) is a
    compound split at its hyphen (``inter-`` + ``agency``) and is joined without a space;
    every other line break becomes one space."""
    out = ""
    previous = ""
    for line in lines:
        part = line.s
        if not part:
            continue
        if out and re.search(r"[A-Za-z]-$", previous) and part[0].isalnum():
            out += part
        elif out:
            out += " " + part
        else:
            out = part
        previous = line.text
    return _tidy(out)


def _tidy(text: str) -> str:
    text = text.replace("\ufffd", "").replace("\u00a0", " ").replace("\t", " ")
    text = re.sub(r" {2,}", " ", text).strip()
    return repair_ligatures(text)


def _is_open(text: str) -> bool:
    """True when ``text`` stops mid-sentence (no terminal punctuation)."""
    core = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(core) and core[-1] not in _TERMINAL


def _starts_lower(text: str) -> bool:
    first = text.lstrip(_CLOSERS + "‘“(")[:1]
    return first.islower()


def _render(items: Sequence[_Item]) -> str:
    out: list[str] = []
    for item in items:
        body = item.text()
        if not body:
            continue
        if item.kind == "bullet":
            out.append(f"• {body}")
        elif item.kind == "lettered":
            out.append(f"{item.label} {body}")
        else:
            out.append(body)
    return "\n".join(out)


# --------------------------------------------------------------------------------------
# Stage 1: pages, running headers, glyph tables, footnotes
# --------------------------------------------------------------------------------------


def _running_header_re(raw: Sequence[str]) -> re.Pattern[str] | None:
    """Lines that repeat often and mostly carry a page number are running headers."""
    counts: Counter[str] = Counter()
    numbered: Counter[str] = Counter()
    for line in raw:
        # A page number is glued to the header or separated by one space, never a tab
        # (a number and a tab start a footnote).
        match = re.match(r"^ ?(\d{1,4})? ?([A-Z][^\t]*?)\s*$", line)
        if match is None:
            continue
        body = match.group(2)
        if len(body) < 15:
            continue
        counts[body] += 1
        if match.group(1):
            numbered[body] += 1
    headers = [b for b, n in counts.items() if n >= 5 and numbered[b] * 2 >= n]
    if not headers:
        return None
    logger.debug("wt2010 running headers: %s", headers)
    alternatives = "|".join(re.escape(h) for h in sorted(headers, key=len, reverse=True))
    return re.compile(rf"^ ?\d{{0,4}} ?(?:{alternatives})\s*$")


def _glyph_runs(raw: Sequence[str], header: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Index ranges (inclusive) of rotated tables extracted a few glyphs per line."""
    runs: list[tuple[int, int]] = []
    start = last = -1
    short = gap = 0
    for i, line in enumerate(raw):
        if not line.strip() or (header is not None and header.match(line)):
            continue
        if len(line.strip()) <= _GLYPH_MAX:
            if start < 0:
                start = i
            last, gap = i, 0
            short += 1
        elif start >= 0:
            gap += 1
            if gap > 10:
                if short >= _GLYPH_RUN_MIN:
                    runs.append((start, last))
                start, short, gap = -1, 0, 0
    if start >= 0 and short >= _GLYPH_RUN_MIN:
        runs.append((start, last))
    return runs


@dataclass
class _Prepared:
    lines: list[_Line]
    footnotes: dict[str, str]
    footnote_lines: dict[str, int]
    glyph_tables: list[tuple[int, str]]


def _prepare(text: str) -> _Prepared:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n ").split("\n")
    header = _running_header_re(raw)
    glyph_runs = _glyph_runs(raw, header)
    in_glyph: set[int] = set()
    glyph_tables: list[tuple[int, str]] = []
    for start, end in glyph_runs:
        in_glyph.update(range(start, end + 1))
        parts = [raw[i] for i in range(start, end + 1) if raw[i] and not (header is not None and header.match(raw[i]))]
        glyph_tables.append((start, "".join(parts)))

    # Pages: a running header or a line starting with one space opens a new page.
    pages: list[list[_Line]] = [[]]
    new_page = True
    for i, line in enumerate(raw):
        if i in in_glyph:
            continue
        if header is not None and header.match(line):
            pages.append([])
            new_page = True
            continue
        if line.startswith(" ") and line.strip():
            pages.append([])
            new_page = True
            line = line[1:]
        if not line.strip():
            pages[-1].append(_Line(i, ""))
            continue
        pages[-1].append(_Line(i, line, page_start=new_page))
        new_page = False

    # Footnotes: from the first footnote line of a page to the end of that page.
    footnotes: dict[str, str] = {}
    footnote_lines: dict[str, int] = {}
    body_pages: list[list[_Line]] = []
    page_notes: list[list[str]] = []
    for page in pages:
        cut = next((k for k, ln in enumerate(page) if _FOOTNOTE_START.match(ln.text)), None)
        if cut is None:
            body_pages.append(page)
            page_notes.append([])
            continue
        numbers: list[str] = []
        current: list[_Line] = []
        number = ""
        for ln in page[cut:]:
            match = _FOOTNOTE_START.match(ln.text)
            if match:
                if number:
                    footnotes[number] = _join(current)
                number = match.group(1)
                numbers.append(number)
                footnote_lines[number] = ln.no
                current = [_Line(ln.no, ln.text[match.end() :])]
            elif not ln.blank:
                current.append(ln)
        if number:
            footnotes[number] = _join(current)
        body_pages.append(page[:cut])
        page_notes.append(numbers)

    # Footnote markers glued to a word on the same page (or the page before).
    for index, numbers in enumerate(page_notes):
        for number in numbers:
            if not _remove_marker(body_pages, index, number):
                logger.debug("wt2010: no reference marker found for footnote %s", number)

    lines = [ln for page in body_pages for ln in page]
    return _Prepared(lines, footnotes, footnote_lines, glyph_tables)


def _marker_patterns(number: str) -> list[re.Pattern[str]]:
    """Where a footnote marker can hide, most specific first: glued to a word or to the
    punctuation after a word (``worker82``, ``Report.5``), then after an upper-case word
    (``CAF84``), then glued to a year (``Regulations 2006143``, ``in 2009.134``). A marker is
    never taken from a number such as ``1.5``, ``section 47`` or ``1989``."""
    after = r"(?=[\s,.;:)’”]|$)"
    return [
        re.compile(rf"(?:(?<=[a-z)’”'])|(?<=[a-z)][.,;:])){number}{after}"),
        re.compile(rf"(?:(?<=[A-Z])|(?<=[A-Z][.,;:])){number}{after}"),
        re.compile(rf"(?:(?<=\b(?:19|20)\d\d)|(?<=\b(?:19|20)\d\d[.,;:])){number}{after}"),
    ]


def _remove_marker(pages: list[list[_Line]], index: int, number: str) -> bool:
    """Remove the reference marker of footnote ``number`` (printed on page ``index``) from
    that page, or from the page before when the reference sits at the foot of it."""
    for pattern in _marker_patterns(number):
        for page_index in (index, index - 1):
            if page_index < 0:
                continue
            for ln in pages[page_index]:
                if ln.blank or _FOOTNOTE_START.match(ln.text):
                    continue
                new, count = pattern.subn("", ln.text, count=1)
                if count:
                    ln.text = new
                    return True
    return False


# --------------------------------------------------------------------------------------
# Stage 2: regions
# --------------------------------------------------------------------------------------


@dataclass
class _Region:
    kind: str  # exec | preface | glossary | chapter | flowchart | appendix | part
    key: str  # chapter or appendix number, flow chart number
    start: int  # index into the line list (title line)
    end: int = 0


def _accepted_para_starts(lines: Sequence[_Line], begin: int, end: int) -> dict[int, str]:
    """Line index -> ``"5.5"`` for numbered paragraphs whose number continues the sequence.

    Within a chapter a number must be above the last one (by at most five: a larger jump is a
    cross-reference that happens to start a line). ``N.1`` opens chapter N only after its
    ``Chapter N –`` title, or, without a title, when ``N.2`` follows."""
    candidates = [
        (i, int(m.group(1)), int(m.group(2)))
        for i in range(begin, end)
        if (m := _CHAPTER_PARA.match(lines[i].text)) is not None
    ]
    accepted: dict[int, str] = {}
    chapter, number, last = 0, 0, begin
    for k, (i, c, n) in enumerate(candidates):
        ok = c == chapter and number < n <= number + 5
        if not ok and c == chapter + 1 and n == 1:
            titled = any(
                (m := _CHAPTER_TITLE.match(lines[j].s)) is not None and int(m.group(1)) == c for j in range(last, i)
            )
            ok = titled or any(cc == c and nn == 2 for _, cc, nn in candidates[k + 1 : k + 4])
        if not ok:
            logger.debug("wt2010: rejected false paragraph start %r", lines[i].s[:60])
            continue
        if c == chapter and n > number + 1:
            logger.info("wt2010: paragraphs %d.%d to %d.%d missing", c, number + 1, c, n - 1)
        accepted[i] = f"{c}.{n}"
        chapter, number, last = c, n, i
    return accepted


def _find_regions(lines: Sequence[_Line]) -> tuple[list[_Region], dict[int, str]]:
    def first(pattern: re.Pattern[str], begin: int) -> int:
        """The first page-opening line from ``begin`` that matches ``pattern``."""
        for i in range(begin, len(lines)):
            if lines[i].page_start and pattern.match(lines[i].s):
                return i
        return -1

    regions: list[_Region] = [_Region("exec", "", 0)]
    preface = first(re.compile(r"^Preface$"), 0)
    glossary = first(re.compile(r"^Glossary$"), max(preface, 0))
    part1 = first(_PART_TITLE, max(glossary, preface, 0))
    if preface >= 0:
        regions.append(_Region("preface", "", preface))
    if glossary >= 0:
        regions.append(_Region("glossary", "", glossary))
    body_start = max(part1 if part1 > glossary else glossary, preface, 0)
    appendix1 = first(re.compile(r"^Appendix 1 [–-] "), body_start)
    body_end = appendix1 if appendix1 >= 0 else len(lines)
    paras = _accepted_para_starts(lines, body_start, body_end)

    # Chapter headings: the last "Chapter N – ..." line before paragraph N.1.
    first_para = {p: i for i, p in paras.items() if p.endswith(".1") and p.count(".") == 1}
    for label, index in sorted(first_para.items(), key=lambda kv: kv[1]):
        chapter = label.split(".")[0]
        for j in range(index, body_start - 1, -1):
            match = _CHAPTER_TITLE.match(lines[j].s)
            if match and match.group(1) == chapter:
                regions.append(_Region("chapter", chapter, j))
                break
        else:
            logger.warning("wt2010: no heading found for chapter %s", chapter)
            regions.append(_Region("chapter", chapter, index))
    for i in range(body_start, len(lines)):
        s = lines[i].s
        if not lines[i].page_start:
            continue
        if i > body_start and _PART_TITLE.match(s):
            regions.append(_Region("part", "", i))
        elif (match := _FLOW_CHART_TITLE.match(s)) is not None and i < body_end:
            regions.append(_Region("flowchart", match.group(1), i))
        elif (match := _APPENDIX_TITLE.match(s)) is not None and i >= body_end:
            regions.append(_Region("appendix", match.group(1), i))
    if part1 >= 0:
        regions.append(_Region("part", "", part1))
    regions.sort(key=lambda r: r.start)
    for k, region in enumerate(regions):
        region.end = regions[k + 1].start if k + 1 < len(regions) else len(lines)
    return regions, paras


# --------------------------------------------------------------------------------------
# Stage 3: blocks, items, headings
# --------------------------------------------------------------------------------------


def _title(lines: Sequence[_Line], start: int, end: int) -> tuple[str, int]:
    """A title that wraps over lines ending with a space. Returns (title, next index)."""
    parts = [lines[start]]
    i = start + 1
    while parts[-1].wraps and i < end and not lines[i].blank:
        parts.append(lines[i])
        i += 1
    return _join(parts), i


def _next_content(lines: Sequence[_Line], i: int, end: int) -> int:
    while i < end and lines[i].blank:
        i += 1
    return i


def _is_block_start(lines: Sequence[_Line], i: int, begin: int) -> bool:
    """A non-blank line that opens a block: after a blank line, at a page start, or after
    a line that ends a sentence without wrapping."""
    if lines[i].blank:
        return False
    if i <= begin or lines[i].page_start or lines[i - 1].blank:
        return True
    previous = lines[i - 1]
    return not previous.wraps and not _is_open(previous.s)


def _heading_block(lines: Sequence[_Line], i: int, end: int) -> int:
    """If a heading-shaped block starts at ``i`` return the index after it, else -1."""
    j = i
    block: list[_Line] = []
    while j < end and not lines[j].blank and (j == i or not lines[j].page_start or lines[j - 1].wraps):
        ln = lines[j]
        if j > i and (_CHAPTER_PARA.match(ln.text) or _BULLET.match(ln.s) or _LETTERED.match(ln.text)):
            break
        block.append(ln)
        j += 1
        following = lines[j] if j < end else None
        if ln.wraps:
            continue
        if following is not None and not following.blank and _starts_lower(following.s):
            continue
        break
    lettered = _LETTERED.match(block[0].text) if block else None
    if not block or len(block) > (5 if lettered else 3):
        return -1
    text = _join(block)
    if not text or len(text) > (500 if lettered else 200):
        return -1
    if _BULLET.match(block[0].s) or _NOT_HEADING.search(text):
        return -1
    head = _tidy(block[0].text[lettered.end() :]) if lettered else text
    if not head or not (head[0].isupper() or head[0].isdigit()):
        return -1
    if lettered:
        # A statutory function quoted between paragraphs: "d) Produce and publish ...".
        return j
    if text[-1] in ".,;:" or text.startswith("("):
        return -1
    # A closing citation such as "(Skills for Care and CWDC 2007, page 5)" is not a heading.
    if text.endswith(")") and re.search(r"\([^()]*\d[^()]*\)$", text):
        return -1
    return j


def _heading_run(lines: Sequence[_Line], i: int, end: int, starts: set[int] | None) -> list[tuple[int, int]]:
    """Heading blocks starting at ``i``. With ``starts`` they must be followed by an
    accepted paragraph start; without, by a block of prose (section mode)."""
    found: list[tuple[int, int]] = []
    k = i
    while True:
        k = _next_content(lines, k, end)
        if k >= end:
            return []
        if starts is not None and k in starts:
            return found
        if found and _special_title(lines[k].s):
            return found
        stop = _heading_block(lines, k, end)
        if stop < 0:
            prose = not _BULLET.match(lines[k].s) and not _NOT_HEADING.search(lines[k].s)
            if starts is None and found and prose:
                return found
            return []
        found.append((k, stop))
        k = stop


def _special_title(text: str) -> bool:
    return bool(_TABLE_TITLE.match(text) or _BOX_TITLE.match(text))


def _itemize(lines: Sequence[_Line]) -> list[_Item]:
    """Turn a run of lines with no headings into prose, bullet and lettered items."""
    items: list[_Item] = []
    after_break = True
    for ln in lines:
        if ln.blank:
            after_break = True
            continue
        bullet = _BULLET.match(ln.s)
        lettered = _LETTERED.match(ln.text)
        if bullet:
            items.append(_Item("bullet", [_Line(ln.no, ln.s[bullet.end() :])]))
        elif lettered:
            items.append(_Item("lettered", [_Line(ln.no, ln.text[lettered.end() :])], lettered.group(1)))
        elif not items:
            items.append(_Item("prose", [ln]))
        elif not (after_break or ln.page_start):
            items[-1].lines.append(ln)
        else:
            previous = items[-1].lines[-1].s if items[-1].lines else ""
            if _starts_lower(ln.s) or _is_open(previous):
                items[-1].lines.append(ln)
            else:
                items.append(_Item("prose", [ln]))
        after_break = False
    return items


_LETTER_HEADING = re.compile(r"^\(?(?:[a-h]|i{1,3}|iv|v|vi{1,3})\)")
_ROMAN_HEADING = re.compile(r"^\(?(?:i{1,3}|iv|v|vi{1,3})\)")


def _update_path(path: list[str], run: Sequence[str]) -> list[str]:
    """Heading levels are not in the text. A run of two or more plain headings replaces the
    path; a single plain heading replaces the deepest plain one; lettered headings (the
    statutory functions ``a) ...``) nest under the plain headings."""
    plain = [h for h in run if not _PART_TITLE.match(h) and not _LETTER_HEADING.match(h)]
    lettered = [h for h in run if _LETTER_HEADING.match(h)]
    if not plain and not lettered:
        return path
    base = [h for h in path if not _LETTER_HEADING.match(h)]
    if len(plain) >= 2:
        base = plain
    elif plain:
        base = [*base[:-1], plain[0]]
    elif lettered and _ROMAN_HEADING.match(lettered[0]):
        # "ii) ..." stays under the current "a) ..." function.
        base = [
            *base,
            *(h for h in path if _LETTER_HEADING.match(h) and not _ROMAN_HEADING.match(h)),
        ]
    return [*base, *lettered]


# --------------------------------------------------------------------------------------
# Stage 4: region parsers
# --------------------------------------------------------------------------------------


@dataclass
class _Builder:
    passages: list[tuple[int, Passage]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def add(
        self,
        order: int,
        para: str,
        section: str,
        text: str,
        kind: str,
        chapter: str | None,
    ) -> None:
        text = text.strip()
        if not text:
            return
        base, n = para, 2
        while f"{DOC_ID}:{para}" in self.ids:
            para = f"{base} ({n})"
            n += 1
        passage_id = f"{DOC_ID}:{para}"
        self.ids.add(passage_id)
        passage = Passage(
            passage_id=passage_id,
            doc_id=DOC_ID,
            para=para,
            section=section,
            text=text,
            kind=kind,
            chapter=chapter,
        )
        self.passages.append((order, passage))


def _path(*parts: str) -> str:
    return " > ".join(p for p in parts if p)


def _table_end(lines: Sequence[_Line], start: int, end: int) -> int:
    """A table runs from its title to the first page that does not repeat its first row."""
    first = _next_content(lines, start + 1, end)
    first_row = lines[first].s if first < end else ""
    for i in range(first + 1, end):
        if lines[i].page_start and lines[i].s != first_row:
            return i
    return end


def _table_text(lines: Sequence[_Line], start: int, end: int) -> str:
    rows: list[str] = []
    block: list[_Line] = []
    for ln in lines[start:end]:
        if ln.blank or ln.page_start:
            if block:
                rows.append(_join(block))
            block = [] if ln.blank else [ln]
        else:
            block.append(ln)
    if block:
        rows.append(_join(block))
    return "\n".join(rows)


@dataclass
class _Context:
    lines: Sequence[_Line]
    builder: _Builder


def _emit_table(ctx: _Context, i: int, end: int, label: str, chapter: str | None) -> int:
    title, body = _title(ctx.lines, i, end)
    stop = _table_end(ctx.lines, i, end)
    para = _path(label, title)
    ctx.builder.add(ctx.lines[i].no, para, para, _table_text(ctx.lines, body, stop), "section", chapter)
    return stop


def _parse_sections(
    ctx: _Context,
    start: int,
    end: int,
    label: str,
    chapter: str | None,
    path: list[str] | None = None,
) -> None:
    """Unnumbered text: each heading opens a passage ``label > heading path``."""
    lines = ctx.lines
    heads: list[str] = list(path or [])
    chunk: list[_Line] = []
    order = lines[start].no if start < end else 0

    def flush() -> None:
        nonlocal chunk
        text = _render(_itemize(chunk))
        para = _path(label, *heads)
        ctx.builder.add(order, para, para, text, "section", chapter)
        chunk = []

    i = start
    while i < end:
        ln = lines[i]
        if _is_block_start(lines, i, start):
            closed = not chunk or not _is_open(next((c.s for c in reversed(chunk) if not c.blank), ""))
            if _TABLE_TITLE.match(ln.s):
                flush()
                i = _emit_table(ctx, i, end, _path(label, *heads), chapter)
                order = lines[i].no if i < end else order
                continue
            run = _heading_run(lines, i, end, None) if closed else []
            if run:
                flush()
                heads = _update_path(heads, [_join(lines[a:b]) for a, b in run])
                i = run[-1][1]
                order = lines[i].no if i < end else order
                continue
        chunk.append(ln)
        i += 1
    flush()


def _paragraph_end(lines: Sequence[_Line], i: int, end: int, starts: set[int]) -> int:
    j = i
    while j < end and j not in starts:
        opens = not _starts_lower(lines[j].s) or _LETTERED.match(lines[j].text)
        if j > i and opens and _is_block_start(lines, j, i):
            if _special_title(lines[j].s) or _heading_run(lines, j, end, starts):
                break
        j += 1
    return j


def _parse_numbered(
    ctx: _Context,
    start: int,
    end: int,
    title: str,
    chapter: str,
    starts: dict[int, str],
    label: str,
) -> None:
    """Chapters and appendices: numbered paragraphs, headings between them, tables, boxes."""
    lines = ctx.lines
    start_set = {i for i in starts if start <= i < end}
    path: list[str] = []
    i = start
    while True:
        i = _next_content(lines, i, end)
        if i >= end:
            return
        ln = lines[i]
        if i in start_set:
            stop = _paragraph_end(lines, i + 1, end, start_set)
            number = (_CHAPTER_PARA if "." in starts[i] else _APPENDIX_PARA).match(ln.text)
            body_text = ln.text[number.end() :] if number is not None else ln.text
            first = _Line(ln.no, body_text, ln.page_start)
            text = _render(_itemize([first, *lines[i + 1 : stop]]))
            para = label.format(starts[i])
            ctx.builder.add(ln.no, para, _path(title, *path), text, "paragraph", chapter)
            i = stop
            continue
        if _TABLE_TITLE.match(ln.s):
            i = _emit_table(ctx, i, end, title, chapter)
            continue
        if _BOX_TITLE.match(ln.s):
            box_title, body = _title(lines, i, end)
            stop = _paragraph_end(lines, body, end, start_set)
            _parse_sections(ctx, body, stop, _path(title, box_title), chapter)
            i = stop
            continue
        run = _heading_run(lines, i, end, start_set)
        if run:
            path = _update_path(path, [_join(lines[a:b]) for a, b in run])
            i = run[-1][1]
            continue
        stop = max(_paragraph_end(lines, i, end, start_set), i + 1)
        _parse_sections(ctx, i, stop, title, chapter, path)
        i = stop


def _parse_flow_chart(ctx: _Context, start: int, end: int, key: str, section: str, chapter: str | None) -> None:
    """Title plus the box texts in reading order, one box per line."""
    lines = ctx.lines
    title, i = _title(lines, start, end)
    boxes: list[list[_Line]] = []
    joinable = False
    for ln in lines[i:end]:
        if ln.blank:
            joinable = False
            continue
        if (bullet := _BULLET.match(ln.s)) is not None:
            boxes.append([_Line(ln.no, "• " + ln.s[bullet.end() :])])
            joinable = True
            continue
        previous = boxes[-1][-1] if boxes else None
        continues = (
            previous is not None
            and (joinable or previous.wraps or _starts_lower(ln.s))
            and not previous.s.startswith("• ")
        )
        if continues:
            boxes[-1].append(ln)
        else:
            boxes.append([ln])
        joinable = True
    text = "\n".join([title, *(_join(box) for box in boxes)])
    ctx.builder.add(lines[start].no, f"Flow chart {key}", section, text, "flowchart", chapter)


def _parse_glossary(ctx: _Context, start: int, end: int) -> None:
    """Intro text, then a two-column table: term (short lines) and meaning (long lines)."""
    lines = ctx.lines
    blocks: list[list[_Line]] = []
    for ln in lines[start + 1 : end]:
        if ln.blank:
            if blocks and blocks[-1]:
                blocks.append([])
            continue
        if not blocks or ln.page_start:
            blocks.append([])
        blocks[-1].append(ln)
    blocks = [b for b in blocks if b]
    header = next((k for k, b in enumerate(blocks) if _join(b).lower().startswith("term used")), None)
    if header is None:
        _parse_sections(ctx, start + 1, end, "Glossary", None)
        return
    intro = [ln for b in blocks[:header] for ln in [*b, _Line(b[-1].no, "")]]
    ctx.builder.add(lines[start].no, "Glossary", "Glossary", _render(_itemize(intro)), "section", None)
    entries = blocks[header + 1 :]
    if entries and _join(entries[0]).lower() == "meaning":
        entries = entries[1:]
    term_parts: list[str] = []
    for block in entries:
        if all(len(ln.s) <= 35 for ln in block):
            term_parts.append(_join(block))
            continue
        if term_parts:
            term, meaning = " ".join(term_parts), _join(block)
        else:
            text = _join(block)
            match = re.match(r"^(\S+(?: [a-z]\S*)*) ([A-Z].*)$", text)
            if match is None:
                logger.warning("wt2010: cannot split glossary entry %r", text[:60])
                continue
            term, meaning = match.group(1), match.group(2)
        term_parts = []
        ctx.builder.add(block[0].no, f"Glossary: {term}", "Glossary", f"{term}: {meaning}", "glossary", None)


def _parse_acronyms(ctx: _Context, start: int, end: int, title: str, chapter: str) -> None:
    lines = ctx.lines
    loose: list[_Line] = []
    for ln in lines[start:end]:
        match = _ACRONYM.match(ln.text)
        if match is None:
            if not ln.blank:
                loose.append(ln)
            continue
        acronym, meaning = match.group(1).strip(), _tidy(match.group(2))
        ctx.builder.add(ln.no, f"{chapter}: {acronym}", title, f"{acronym}: {meaning}", "glossary", chapter)
    if loose:
        logger.warning("wt2010: %d lines of %s are not acronym entries", len(loose), chapter)


# --------------------------------------------------------------------------------------
# Rotated table (Chapter 4, Table 1)
# --------------------------------------------------------------------------------------


def _glyph_table_passages(
    builder: _Builder,
    order: int,
    text: str,
    section: str,
    chapter: str | None,
    footnotes: dict[str, str],
) -> list[str]:
    """One passage per row group of a rotated table; returns the footnotes found in it."""
    found: list[str] = []
    text = text.replace("\u00a0", " ")
    title_match = re.match(r"^(Table [A-Z0-9]{1,2}:[^\d]*?[a-z])(\d{1,3})?(?=[A-Z])", text)
    if title_match is None:
        logger.warning("wt2010: rotated table without a title: %r", text[:60])
        return found
    title = title_match.group(1).strip()
    markers = {title_match.group(2)} if title_match.group(2) else set()
    rest = text[title_match.end() :]
    groups = list(re.finditer(r"Group (\d+)", rest))
    if not groups:
        builder.add(order, _path(section, title), _path(section, title), rest, "section", chapter)
        return found
    header = rest[: groups[0].start()]
    for k, match in enumerate(groups):
        stop = groups[k + 1].start() if k + 1 < len(groups) else len(rest)
        body = rest[match.end() : stop]
        if header:
            body = body.replace(header, "")
        note = re.search(r"(?<=[.)\s])(\d{1,3})\t\s*(.+)$", body)
        if note:
            footnotes.setdefault(note.group(1), _tidy(note.group(2)))
            found.append(note.group(1))
            markers.add(note.group(1))
            body = body[: note.start()]
        for marker in markers:
            body = re.sub(rf"(?<=[a-z]){marker}(?=[\s,.;:]|$)", "", body)
        body = re.sub(r"\s*(●●|●)\s*", "\n• ", body)
        body = re.sub(r"(?:(?<=[a-z)][.?:])|(?<=[A-Z]{2}\.))(?=[A-Z])", "\n", body)
        body = re.sub(r"(?<=[a-z)])(?=[A-Z][a-z])", "\n", body)
        body = "\n".join(_tidy(part) for part in body.split("\n") if part.strip())
        para = f"Chapter {chapter}, {title.split(':')[0]}, Group {match.group(1)}"
        builder.add(order + k, para, _path(section, title), body, "section", chapter)
    return found


# --------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------


def parse(text: str) -> list[Passage]:
    """Split the 2010 *Working Together* text into cited passages (see module docstring)."""
    prepared = _prepare(text)
    lines = prepared.lines
    regions, chapter_paras = _find_regions(lines)
    builder = _Builder()
    ctx = _Context(lines, builder)
    # (first source line, section label, chapter) of every region, to place footnotes.
    places: list[tuple[int, str, str | None]] = []
    chapter_section = ""
    chapter_key: str | None = None

    for region in regions:
        start, end = region.start, region.end
        first_line = lines[start].no if start < len(lines) else 0
        if region.kind == "exec":
            places.append((first_line, "Executive summary", None))
            first = _next_content(lines, start, end)
            stop = _heading_block(lines, first, end) if first < end else -1
            is_title = stop > 0 and "executive summary" in _join(lines[first:stop]).lower()
            _parse_sections(ctx, stop if is_title else first, end, "Executive summary", None)
        elif region.kind == "preface":
            places.append((first_line, "Preface", None))
            _parse_sections(ctx, start + 1, end, "Preface", None)
        elif region.kind == "glossary":
            places.append((first_line, "Glossary", None))
            _parse_glossary(ctx, start, end)
        elif region.kind == "part":
            _, body = _title(lines, start, end)
            if _next_content(lines, body, end) < end:
                logger.warning("wt2010: text after %r is not parsed", lines[start].s)
        elif region.kind == "chapter":
            title, body = _title(lines, start, end)
            chapter_section, chapter_key = title, region.key
            places.append((first_line, title, region.key))
            _parse_numbered(ctx, body, end, title, region.key, chapter_paras, "{}")
        elif region.kind == "flowchart":
            _parse_flow_chart(ctx, start, end, region.key, chapter_section, chapter_key)
        elif region.kind == "appendix":
            title, body = _title(lines, start, end)
            key = f"Appendix {region.key}"
            places.append((first_line, title, key))
            _parse_appendix(ctx, body, end, title, key)

    def place(line_no: int) -> tuple[str, str | None]:
        found: tuple[str, str | None] = ("", None)
        for first_line, label, chapter in places:
            if first_line <= line_no:
                found = (label, chapter)
        return found

    footnotes = dict(prepared.footnotes)
    note_lines = dict(prepared.footnote_lines)
    for raw_index, glyph_text in prepared.glyph_tables:
        section, chapter = place(raw_index)
        for number in _glyph_table_passages(builder, raw_index, glyph_text, section, chapter, footnotes):
            note_lines.setdefault(number, raw_index)

    for number, note in footnotes.items():
        order = note_lines.get(number, 0)
        section, chapter = place(order)
        builder.add(order, f"footnote {number}", section, note, "footnote", chapter)

    ordered = sorted(builder.passages, key=lambda op: op[0])
    return [passage for _, passage in ordered]


def _parse_appendix(ctx: _Context, body: int, end: int, title: str, key: str) -> None:
    lines = ctx.lines
    if sum(1 for ln in lines[body:end] if _ACRONYM.match(ln.text)) > 20:
        _parse_acronyms(ctx, body, end, title, key)
        return
    paras: dict[int, str] = {}
    number = 0
    for i in range(body, end):
        match = _APPENDIX_PARA.match(lines[i].text)
        if match and number < int(match.group(1)) <= number + 5:
            number = int(match.group(1))
            paras[i] = str(number)
    if paras:
        _parse_numbered(ctx, body, end, title, key, paras, f"{key}, {{}}")
    else:
        _parse_sections(ctx, body, end, title, key)
