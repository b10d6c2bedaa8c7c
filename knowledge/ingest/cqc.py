"""Parsers for the two Care Quality Commission reports.

Neither report numbers its paragraphs: a passage is cited by its heading path,
``Chapter heading > Subsection heading`` (curly quotes made straight in headings), or the
chapter heading alone for the text before the first subsection. One ``section`` passage per
(sub)section; boxed case studies, tables, pull quotes and recommendation boxes are passages
of their own; footnotes are ``footnote`` passages; reference markers are removed.

``cqc2009`` - *Safeguarding children: a review of arrangements in the NHS* (2009). Every
line is followed by a blank line, so headings are inferred from the lines themselves: one
to four short lines after the end of a sentence, with no closing punctuation, followed by
the start of a paragraph. The chapter titles are images in the PDF; the summary asks the
same questions in order (``How well trained in safeguarding are NHS staff?``), so the
chapters - each opening with ``What should be in place?`` - take their titles from the
summary's headings (the first question of each; a numbered chapter label such as
``5  How effective is the collaboration between organisations?`` wins where it survived).
Tables run from ``Table n:`` to the next run of three blank lines.

``cqc2016`` - *Not seen, not heard* (2016). Paragraphs are separated by blank lines; bullets
are ``z``; boxed examples have upper-case titles, recased from the body text (``THE CHILD
PROTECTION INFORMATION SHARING (CP-IS) PROJECT`` -> ``The Child Protection Information
Sharing (CP-IS) project``). Each chapter ends with a ``RECOMMENDATIONS`` box; the chapter
titles come from the grouped list of recommendations in the conclusion. Lettered footnotes
(``a.`` ... ``w.``) become ``footnote`` passages.

The front matter's titles (foreword, summary, introduction) are images in both PDFs; their
pages are recognised by their opening words (``_FRONT_2009``, ``_FRONT_2016``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.ingest.reports import (
    Body,
    Casing,
    LetterMarkers,
    PassageBuilder,
    Vocabulary,
    ends_sentence,
    heading_text,
    join_wrapped,
    path,
    strip_reference_markers,
)
from knowledge.models import Passage

_TABLE = re.compile(r"^Table (\d{1,2}):")
_URL = re.compile(r"^(https?://|www\.)\S*")


@dataclass
class _L:
    no: int
    text: str
    page_start: bool
    gap: int  # blank lines before this line


def _content_lines(text: str) -> list[_L]:
    """Non-blank lines with the number of blank lines before each."""
    out = []
    gap = 0
    for no, raw in enumerate(text.replace("\r\n", "\n").split("\n")):
        raw = raw.replace("\t", " ").rstrip()
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        out.append(_L(no, stripped, raw.startswith(" ") and not raw.startswith("  "), gap))
        gap = 0
    return out


@dataclass
class _Unit:
    para: str
    section: str
    kind: str
    body: Body
    order: int
    last: str = ""
    gap: bool = False

    def text(self, text: str, *, width: int) -> None:
        """Add a prose line; a short line that ended a sentence ended its block."""
        if self.last and ends_sentence(self.last) and len(self.last) < 0.8 * width:
            self.body.new_block()
        elif self.body.items and self.body.items[-1].kind == "item" and text[:1].isupper():
            self.body.new_block()
        elif self.gap and self.body.in_bullet:
            self.body.new_block()
        self.body.add(text)
        self.last = text
        self.gap = False

    def bullet(self, text: str) -> None:
        self.body.bullet(text)
        self.last = text
        self.gap = False

    def line(self, text: str) -> None:
        self.body.line(text)
        self.body.new_block()
        self.last = ""
        self.gap = False


@dataclass
class _Out:
    doc_id: str
    vocabulary: Vocabulary
    units: list[_Unit] = field(default_factory=list)

    def unit(self, para: str, section: str = "", kind: str = "section") -> _Unit:
        unit = _Unit(para, section or para, kind, Body(self.vocabulary), len(self.units))
        self.units.append(unit)
        return unit

    def passages(self) -> list[Passage]:
        builder = PassageBuilder(self.doc_id)
        for unit in self.units:
            chapter = unit.section.split(" > ")[0] if unit.section else None
            builder.add(unit.para, unit.body.render(), section=unit.section, kind=unit.kind, chapter=chapter)
        return builder.passages


def _first_question(text: str) -> str:
    """``Who leads ...? How well are they supported?`` -> ``Who leads ...?``."""
    match = re.match(r"^(.*?\?)\s", text + " ")
    return match.group(1) if match else text


def _find(lines: Sequence[_L], pattern: str, start: int = 0) -> int:
    regex = re.compile(pattern)
    for i in range(start, len(lines)):
        if regex.search(lines[i].text):
            return i
    return len(lines)


def _width(lines: Sequence[_L]) -> int:
    lengths = sorted(len(ln.text) for ln in lines)
    return lengths[int(len(lengths) * 0.9)] if lengths else 60


# ======================================================================================
# cqc2009
# ======================================================================================

_FRONT_2009 = (
    ("", r"^The Care Quality Commission is the independent regulator"),  # publisher blurb
    ("Foreword", r"^We have carried out this review at the direct request"),
    ("Summary", r"^This report provides the initial findings"),
    ("Introduction", r"^Background\s*$"),
)
_BULLET_2009 = re.compile(r"^(?:•\s*)?(?:–\s+)?")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}|[a-h])\. \S")
_LABEL = re.compile(r"^(\d)\s{2,}(\S.*)$")
_FOOTER_2009 = re.compile(
    r"^(\d+ Care Quality Commission review: Safeguarding children"
    r"|Care Quality Commission review: Safeguarding children \d+)$"
)


def _is_bullet_2009(text: str) -> bool:
    return text.startswith("•") or bool(re.match(r"^–\s", text))


def _bullet_text_2009(text: str) -> str:
    return re.sub(r"^•?\s*(?:–\s+)?", "", text).strip()


_TRAILING_SMALL_WORDS = frozenset(
    "to the of and in a an with by on at or that was were is are be their its all as "
    "from into than this these those which who whether said between about most".split()
)
_SENTENCE_OPENERS = frozenset("We It They These This There However Thus He She Those".split())


def _heading_2009(lines: Sequence[_L], i: int, after_heading: bool = False) -> int:
    """Number of lines (1-4) of a heading starting at ``i``, or 0: short lines after the end
    of a sentence (or another heading), without closing punctuation, followed by the start
    of a paragraph or a bullet."""
    ln = lines[i]
    text = ln.text
    if (
        not text[:1].isupper()
        or _is_bullet_2009(text)
        or _LIST_ITEM.match(text)
        or _TABLE.match(text)
        or len(text) > 52
    ):
        return 0
    if i > 0 and not after_heading:
        prev = lines[i - 1].text
        if not (
            ends_sentence(prev)
            or prev.endswith("?")
            or ln.gap >= 3
            or ln.page_start
            or prev.endswith(")")
            or re.search(r"[%\d]$", prev)
        ):
            return 0
    k = i
    while k < len(lines) and k - i < 4:
        current = lines[k].text
        closing_quote = current.endswith("’") and "‘" in current
        if (current[-1] in ".,;:!’”" and not closing_quote) or len(current) > 52 or re.search(r"[%“”]", current):
            return 0
        nxt = lines[k + 1].text if k + 1 < len(lines) else ""
        continues = nxt[:1].islower() or nxt.startswith("(")
        if current.endswith("?") and not continues:
            return k - i + 1
        if not continues:
            if not nxt or not (nxt[:1].isupper() or nxt.startswith(("•", "“", "‘"))):
                return 0
            heading = " ".join(lines[x].text for x in range(i, k + 1))
            last_word = heading.split()[-1].lower()
            if last_word in _TRAILING_SMALL_WORDS or len(heading) > 90:
                return 0
            if heading.split()[0] in _SENTENCE_OPENERS:
                return 0
            if re.search(r"[a-z]\. [A-Z]", heading):
                return 0
            return k - i + 1
        k += 1
    return 0


def _labels_2009(lines: list[_L]) -> tuple[dict[int, str], set[int]]:
    """Numbered chapter labels (``5  How effective ...``) and the lines they occupy."""
    labels: dict[int, str] = {}
    used: set[int] = set()
    for i, ln in enumerate(lines):
        match = _LABEL.match(ln.text)
        if not match or not ln.page_start:
            continue
        title = match.group(2).strip()
        used.add(i)
        if not title.endswith("?") and i + 1 < len(lines) and lines[i + 1].text.endswith("?"):
            if len(lines[i + 1].text) <= 60:
                title = f"{title} {lines[i + 1].text}"
                used.add(i + 1)
        labels[int(match.group(1))] = heading_text(title)
    return labels, used


def _table_2009(out: _Out, lines: Sequence[_L], i: int, section: str) -> int:
    """A table from its caption to the next run of three blank lines (or next table)."""
    caption = lines[i].text
    j = i + 1
    while j < len(lines) and lines[j].gap < 3 and not _TABLE.match(lines[j].text):
        j += 1
    title = heading_text(caption)
    unit = out.unit(path(section, title), section)
    for k in range(i + 1, j):
        unit.body.line(lines[k].text)
    return j


def parse_cqc2009(text: str) -> list[Passage]:
    """Cited passages of the CQC's 2009 review of NHS safeguarding arrangements."""
    vocabulary = Vocabulary.of(text)
    lines = [ln for ln in _content_lines(text) if not _FOOTER_2009.match(ln.text)]
    for ln in lines:
        ln.text = strip_reference_markers(ln.text, 20)
    labels, label_lines = _labels_2009(lines)
    lines = [ln for i, ln in enumerate(lines) if i not in label_lines]
    width = _width(lines)
    out = _Out("cqc2009", vocabulary)

    starts = [_find(lines, pattern) for _, pattern in _FRONT_2009]
    chapter_starts = [i for i, ln in enumerate(lines) if ln.text.rstrip() == "What should be in place?"]

    # Chapter titles: the summary's question headings, in order.
    summary_start, intro_start = starts[2], starts[3]
    questions: list[str] = []
    i = summary_start
    while i < intro_start:
        size = _heading_2009(lines, i)
        if size:
            heading = join_wrapped([lines[k].text for k in range(i, i + size)])
            if heading.endswith("?"):
                questions.append(_first_question(heading_text(heading)))
            i += size
        else:
            i += 1
    titles = {n + 1: q for n, q in enumerate(questions)}
    titles.update(labels)

    # The last chapter (``8  Next steps and recommendations``) starts at a heading that
    # begins its label ("Next steps").
    boundaries: list[tuple[int, str]] = [
        (start, titles.get(n + 1, f"Chapter {n + 1}")) for n, start in enumerate(chapter_starts)
    ]
    extra = len(chapter_starts) + 1
    if extra in labels:
        words = labels[extra].split()
        for k in range(chapter_starts[-1] if chapter_starts else 0, len(lines)):
            if lines[k].text.strip() and labels[extra].startswith(lines[k].text.strip()):
                if len(lines[k].text.split()) >= 2 and len(words) > 2:
                    boundaries.append((k, labels[extra]))
                    break

    regions: list[tuple[int, int, str, bool]] = []  # start, end, title, is_chapter
    front = [(s, name) for (name, _), s in zip(_FRONT_2009, starts, strict=True) if s < len(lines)]
    marks = sorted([(s, name, False) for s, name in front] + [(s, t, True) for s, t in boundaries])
    for n, (start, name, is_chapter) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else len(lines)
        regions.append((start, end, name, is_chapter))

    for start, end, name, _ in regions:
        if not name:
            continue  # the publisher's blurb on the cover
        _sections_2009(out, lines, start, end, name, width, headings=name != "Foreword")
    return out.passages()


def _sections_2009(out: _Out, lines: Sequence[_L], start: int, end: int, top: str, width: int, headings: bool) -> None:
    unit = out.unit(top)
    i = start
    after_heading = False
    while i < end:
        ln = lines[i]
        text = ln.text
        if _TABLE.match(text):
            i = _table_2009(out, lines, i, unit.section)
            after_heading = False
            continue
        size = _heading_2009(lines, i, after_heading) if headings else 0
        after_heading = bool(size)
        if size:
            title = heading_text(join_wrapped([lines[k].text for k in range(i, i + size)]))
            if top == "Summary":
                title = _first_question(title)  # "Who leads ...? How well are they supported?"
            unit = out.unit(path(top, title))
            i += size
            continue
        if _is_bullet_2009(text):
            unit.bullet(_bullet_text_2009(text))
        elif _LIST_ITEM.match(text):
            unit.body.item(text)
            unit.last = text
        elif unit.body.in_bullet and not (unit.last and ends_sentence(unit.last) and len(unit.last) < 0.8 * width):
            unit.body.add(text)
            unit.last = text
        else:
            unit.text(text, width=width)
        i += 1


# ======================================================================================
# cqc2016
# ======================================================================================

_FRONT_2016 = (
    ("", r"^Our purpose\s*$"),  # the publisher's blurb
    ("Foreword", r"^Children and young people have the right to be"),
    ("Summary", r"^Children and young people in\s*$"),
    ("Introduction", r"^It is everyone’s responsibility to"),
    ("*", r"^When health and safeguarding"),  # chapter 1
)
_RUNNING_2016 = re.compile(
    r"^(NOT SEEN, NOT HEARD|A REVIEW OF THE ARRANGEMENTS FOR CHILD SAFEGUARDING AND HEALTH CARE"
    r" FOR LOOKED AFTER CHILDREN IN ENGLAND|\d\. [A-Z' ’,:-]+ ?\d+)$"
)
_BULLET_2016 = re.compile(r"^[z−]\s+")
_ROW_BULLET = re.compile(r"^(\S.*?\S)\s{2,}z\s+(\S.*)$")
_LETTER_NOTE = re.compile(r"^([a-w])\. (\S.*)$")
_RECS_2016 = "RECOMMENDATIONS"


@dataclass
class _Block:
    lines: list[_L]

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)

    @property
    def first(self) -> _L:
        return self.lines[0]


def _blocks_2016(lines: Sequence[_L]) -> list[_Block]:
    """Blank-separated blocks (a page start also starts a block)."""
    blocks: list[_Block] = []
    for ln in lines:
        if not blocks or ln.gap or ln.page_start:
            blocks.append(_Block([ln]))
        else:
            blocks[-1].lines.append(ln)
    return blocks


def _is_upper_title(block: _Block) -> bool:
    letters = [c for c in block.text if c.isalpha()]
    return (
        len(letters) >= 6
        and all(c.isupper() for c in letters)
        and len(block.lines) <= 4
        and not _BULLET_2016.match(block.first.text)
        and not block.first.text.startswith(_RECS_2016)
    )


def _norm_title(text: str) -> str:
    text = heading_text(text).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _is_heading_2016(block: _Block, prev: _Block | None, nxt: _Block | None) -> bool:
    texts = [ln.text for ln in block.lines]
    first = texts[0]
    joined = " ".join(texts)
    if (
        len(texts) > 3
        or not first[:1].isupper()
        or _is_upper_title(block)
        or _BULLET_2016.match(first)
        or " z " in joined
        or any(len(t) > 50 for t in texts)
        or any(t.endswith(",") for t in texts)
        or texts[-1][-1] in ".!:;,”’"
        or any(len(t) < 18 for t in texts[:-1])
        or _LETTER_NOTE.match(first)
        or re.search(r"[a-z]\. [A-Z]", joined)
        or joined.split()[-1].lower() in _TRAILING_SMALL_WORDS
        or len(joined) > 90
    ):
        return False
    if nxt is not None and nxt.first.text[:1].islower():
        return False  # a paragraph broken by a blank line
    if prev is not None:
        last = prev.lines[-1].text
        if last[-1:].isalpha() and not _is_upper_title(prev) and not last.isupper():
            return False  # the previous paragraph stops mid-sentence
    return True


def _final_titles(blocks: Sequence[_Block]) -> list[str]:
    """The group headings of the conclusion's list of recommendations: the chapter titles."""
    final = max((n for n, b in enumerate(blocks) if b.first.text.startswith(_RECS_2016)), default=-1)
    if final < 0:
        return []
    titles = []
    rest = [ln.text for ln in blocks[final].lines[1:]]
    if rest:
        titles.append(heading_text(join_wrapped(rest)))
    for block in blocks[final + 1 :]:
        if block.first.page_start and block.first.text.startswith("Appendix"):
            break
        if _BULLET_2016.match(block.first.text):
            continue
        text = block.text
        if len(block.lines) <= 2 and len(text) <= 80 and text.rstrip()[-1] not in ".,;:":
            titles.append(heading_text(join_wrapped([ln.text for ln in block.lines])))
    return titles


def parse_cqc2016(text: str) -> list[Passage]:
    """Cited passages of the CQC's *Not seen, not heard* (2016)."""
    vocabulary = Vocabulary.of(text)
    raw = _content_lines(text)
    letters = LetterMarkers(last="w")
    lines: list[_L] = []
    for ln in raw:
        if _RUNNING_2016.match(ln.text) or _URL.match(ln.text):
            continue
        ln.text = strip_reference_markers(letters.remove(ln.text), 70)
        lines.append(ln)
    width = _width(lines)
    blocks = _blocks_2016(lines)
    casing = Casing(b.text for b in blocks if not _is_upper_title(b))
    out = _Out("cqc2016", vocabulary)

    chapter_titles = [*_final_titles(blocks), "Conclusion and recommendations"]
    label_keys = {_norm_title(t) for t in chapter_titles}

    # Drop page numbers and the chapter labels printed beside them.
    kept: list[_Block] = []
    after_number = False
    for block in blocks:
        if re.fullmatch(r"\d{1,2}", block.text):
            after_number = True
            continue
        label = " ".join(ln.text for ln in block.lines)
        if re.fullmatch(r"\d{1,2}", block.first.text) and len(block.lines) > 1:
            label = " ".join(ln.text for ln in block.lines[1:])
        if after_number and _norm_title(label) in label_keys:
            continue
        after_number = False
        kept.append(block)
    blocks = kept

    starts = [
        next(
            (k for k, b in enumerate(blocks) if b.first.page_start and re.search(p, b.first.text)),
            len(blocks),
        )
        for _, p in _FRONT_2016
    ]
    appendix = next(
        (k for k, b in enumerate(blocks) if b.first.page_start and b.first.text.startswith("Appendix A")),
        len(blocks),
    )
    first_chapter = starts[-1]
    marks = sorted((s, name) for (name, _), s in zip(_FRONT_2016[:-1], starts[:-1], strict=True))
    for n, (start, name) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else first_chapter
        if name and start < first_chapter:
            _Walker(out, casing, width, [name], chapters=False).walk(blocks[start:end])
    _Walker(out, casing, width, chapter_titles, chapters=True).walk(blocks[first_chapter:appendix])
    # Appendices: one passage each.
    unit: _Unit | None = None
    for block in blocks[appendix:]:
        if block.first.page_start and block.first.text.startswith("Appendix"):
            unit = out.unit(heading_text(join_wrapped([ln.text for ln in block.lines])))
            continue
        if unit is None:
            continue
        for ln in block.lines:
            match = _BULLET_2016.match(ln.text)
            if match:
                unit.bullet(ln.text[match.end() :])
            else:
                unit.text(ln.text, width=width)
    return out.passages()


class _Walker:
    """Walks the blocks of the front matter or of the chapters, building passages."""

    def __init__(self, out: _Out, casing: Casing, width: int, titles: Sequence[str], chapters: bool) -> None:
        self.out = out
        self.casing = casing
        self.width = width
        self.titles = list(titles)
        self.chapters = chapters
        self.chapter_no = 1
        self.chapter = self.titles[0] if self.titles else ""
        self.subsection = ""
        self.main = out.unit(self.chapter)
        self.insert: _Unit | None = None
        self.recs: _Unit | None = None
        self.recs_bullets = False
        self.title_keys = {_norm_title(t): t for t in self.titles}

    @property
    def conclusion(self) -> bool:
        return self.chapters and self.chapter_no == len(self.titles)

    def section(self) -> str:
        return path(self.chapter, self.subsection)

    def next_chapter(self) -> None:
        if self.chapter_no < len(self.titles):
            self.chapter_no += 1
            self.chapter = self.titles[self.chapter_no - 1]
            self.subsection = ""
            self.main = self.out.unit(self.chapter)
            self.insert = None

    def group(self, title: str) -> None:
        """A group of the conclusion's list of recommendations."""
        self.recs = self.out.unit(
            path(self.chapter, "Recommendations: " + title), path(self.chapter, "Recommendations")
        )
        self.recs_bullets = False

    def walk(self, blocks: Sequence[_Block]) -> None:
        note_letter = "a"
        prev: _Block | None = None
        n = 0
        while n < len(blocks):
            block = blocks[n]
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            first = block.first.text
            note = _LETTER_NOTE.match(first)
            if note:
                # Lettered footnotes follow on from the previous parts of the report.
                letter = note.group(1)
                unit = self.out.unit(f"footnote {letter}", self.section(), "footnote")
                unit.body.add(note.group(2))
                for ln in block.lines[1:]:
                    unit.body.add(ln.text)
                note_letter = chr(ord(letter) + 1)
                n += 1
                continue
            if self.recs is not None and self._in_recs(block):
                n += 1
                prev = block
                continue
            if self.recs is not None:
                # The box is over: a new chapter begins unless a boxed example follows.
                self.recs = None
                if self.chapters and not _is_upper_title(block) and not self.conclusion:
                    self.next_chapter()
            if first.startswith(_RECS_2016):
                self._start_recs(block)
                n += 1
                prev = block
                continue
            if _is_upper_title(block):
                title = self.casing.recase(join_wrapped([ln.text for ln in block.lines], self.out.vocabulary)).rstrip(
                    " :"
                )
                self.insert = self.out.unit(path(self.chapter, title), self.section())
                n += 1
                prev = block
                continue
            if first.startswith("“"):
                n = self._quote(blocks, n)
                prev = None  # a heading may follow the attribution
                continue
            if _is_heading_2016(block, prev, nxt):
                self.subsection = heading_text(join_wrapped([ln.text for ln in block.lines], self.out.vocabulary))
                self.main = self.out.unit(self.section())
                self.insert = None
                n += 1
                prev = block
                continue
            self._text(block)
            n += 1
            prev = block
        del note_letter

    def _in_recs(self, block: _Block) -> bool:
        """Add ``block`` to the open recommendations box if it belongs there."""
        assert self.recs is not None
        first = block.first.text
        if _BULLET_2016.match(first):
            self.recs_bullets = True
            for ln in block.lines:
                match = _BULLET_2016.match(ln.text)
                if match:
                    self.recs.bullet(ln.text[match.end() :])
                else:
                    self.recs.body.add(ln.text)
            return True
        key = _norm_title(block.text)
        if self.conclusion and key in self.title_keys:
            self.group(self.title_keys[key])
            return True
        if not self.recs_bullets and not _is_upper_title(block):
            for ln in block.lines:
                self.recs.text(ln.text, width=self.width)
            self.recs.body.new_block()
            return True
        return False

    def _start_recs(self, block: _Block) -> None:
        self.insert = None
        rest = [ln.text for ln in block.lines[1:]]
        first_rest = block.first.text[len(_RECS_2016) :].strip()
        if first_rest:
            rest.insert(0, first_rest)
        if self.conclusion and rest and _norm_title(join_wrapped(rest)) in self.title_keys:
            self.group(self.title_keys[_norm_title(join_wrapped(rest))])
            return
        self.recs = self.out.unit(path(self.chapter, "Recommendations"), self.section())
        self.recs_bullets = False
        for text in rest:
            self.recs.text(text, width=self.width)
        self.recs.body.new_block()

    def _quote(self, blocks: Sequence[_Block], n: int) -> int:
        """A pull quote and its attribution; returns the index after them."""
        quote = self.out.unit(self.section(), self.section())
        attribution: list[str] = []
        k = n
        while k < len(blocks) and k - n < 3:
            texts = [ln.text for ln in blocks[k].lines]
            closing = next((x for x in range(len(texts)) if "”" in texts[x]), None)
            if closing is None:
                for text in texts:
                    quote.body.add(text)
                k += 1
                continue
            for text in texts[:closing]:
                quote.body.add(text)
            last = texts[closing]
            cut = last.rfind("”") + 1
            while cut < len(last) and last[cut] in ".,":
                cut += 1
            if last[cut:].strip(" .") == "":
                cut = len(last)
            quote.body.add(last[:cut])
            attribution = [last[cut:].strip(), *texts[closing + 1 :]]
            attribution = [a for a in attribution if a]
            k += 1
            break
        if not attribution and k < len(blocks):
            texts = [ln.text for ln in blocks[k].lines]
            if len(texts) <= 2 and all(len(t) <= 60 for t in texts) and not ends_sentence(texts[-1]):
                attribution = texts
                k += 1
        if attribution:
            quote.line(join_wrapped(attribution))
        return k

    def _text(self, block: _Block) -> None:
        first = block.first.text
        target = self.insert or self.main
        if self.insert is not None and first[:1].islower() and not _BULLET_2016.match(first):
            target = self.main  # the paragraph the box interrupted continues
        for ln in block.lines:
            match = _BULLET_2016.match(ln.text)
            row = _ROW_BULLET.match(ln.text)
            if row:
                # A table row: "Pathways  z Clear pathways ...".
                target.line(row.group(1))
                target.bullet(row.group(2))
            elif match:
                target.bullet(ln.text[match.end() :])
            elif re.match(r"^\d\. \S", ln.text) and not self.chapters:
                target.body.item(ln.text)
                target.last = ln.text
            elif ln is block.first and not first[:1].islower():
                target.body.new_block()
                target.body.add(ln.text)
                target.last = ln.text
            else:
                target.body.add(ln.text)
                target.last = ln.text
        if target is self.insert and first.startswith("Note:"):
            self.insert = None  # a box ends with its note
