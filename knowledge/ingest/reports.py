"""Helpers shared by the parsers of the four reports: ``laming``, ``cqc`` and ``jci``.

The reports were extracted from PDF into plain text. What every parser needs:

* :class:`Line` - one source line with its page-start flag (a line that starts with a
  single space starts a new page in these extractions).
* :class:`Body` - accumulates the lines of one passage as prose blocks and bullet items
  and renders them: hard wraps joined with single spaces, compounds split at their hyphen
  re-joined (``asylum-`` + ``seeking``), ligature splits repaired, one ``"• "`` line per
  bullet item, prose blocks on separate lines.
* :class:`FootnoteMarkers` - removes footnote reference markers glued to words
  (``teachers.48``, ``children3``, ``2006, 47 compared``) in document order: a number is
  a marker only when it continues the sequence of markers already seen, so real numbers
  (``9.5 per cent in 2006``, ``section 47``, ``1989``) are never touched.
* :func:`strip_reference_markers` - the same for documents whose markers are reference
  numbers that repeat (the CQC reports): only small numbers glued to a lower-case word or
  to punctuation are removed.
* :class:`PassageBuilder` - builds :class:`~knowledge.models.Passage` objects with unique,
  readable ids.
* :func:`heading_text` / :func:`recase_heading` - heading clean-up: straight quotes,
  collapsed spaces; upper-case box titles given the casing the words have in the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from knowledge.ingest.clean import repair_ligatures
from knowledge.models import Passage

BULLET = "• "
TERMINAL = ".!?"
CLOSERS = "’”'\")]"

_HEADING_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}
)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


# --------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------


@dataclass
class Line:
    """One source line. ``text`` is stripped; ``page_start`` marks the first line of a page."""

    no: int
    raw: str
    text: str
    page_start: bool = False

    @property
    def blank(self) -> bool:
        return not self.text


def to_lines(text: str) -> list[Line]:
    """Split a source text into :class:`Line` objects (page starts: one leading space)."""
    lines = []
    for no, raw in enumerate(text.replace("\r\n", "\n").split("\n")):
        raw = raw.replace("\t", " ").rstrip()
        page_start = raw.startswith(" ") and not raw.startswith("  ") and bool(raw.strip())
        lines.append(Line(no, raw, raw.strip(), page_start))
    return lines


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (``.``/``!``/``?``, possibly inside quotes)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def ends_clause(text: str) -> bool:
    """Whether ``text`` ends with punctuation that closes a clause or sentence."""
    stripped = text.rstrip()
    return bool(stripped) and (stripped[-1] in TERMINAL + ":;," + CLOSERS)


def is_page_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}", text.strip()))


def next_content(lines: Sequence[Line], start: int, end: int | None = None) -> int:
    """Index of the first non-blank line at or after ``start`` (``end`` if none)."""
    stop = len(lines) if end is None else end
    i = start
    while i < stop and lines[i].blank:
        i += 1
    return i


# --------------------------------------------------------------------------------------
# Joining wrapped lines
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """Words of one document, to decide whether ``well-`` + ``being`` keeps its hyphen."""

    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        return cls(frozenset(w.lower() for w in _WORD.findall(repair_ligatures(text))))

    def join_hyphenated(self, left: str, right: str) -> str:
        """``left`` ends with ``-``: keep the hyphen (a compound such as ``multi-agency``)
        unless only the closed-up word is known in the document."""
        head = re.search(r"([A-Za-z]+)-$", left)
        tail = re.match(r"([A-Za-z]+)", right)
        if head and tail:
            closed = (head.group(1) + tail.group(1)).lower()
            hyphenated = f"{head.group(1)}-{tail.group(1)}".lower()
            if closed in self.words and hyphenated not in self.words:
                return left[:-1] + right
        return left + right


def join_wrapped(parts: Iterable[str], vocabulary: Vocabulary | None = None) -> str:
    """Join hard-wrapped lines with single spaces; a line ending with a hyphen right after a
    letter is a compound split at its hyphen and is joined without a space."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and re.search(r"[A-Za-z0-9]-$", out) and part[0].isalpha():
            out = vocabulary.join_hyphenated(out, part) if vocabulary else out + part
        elif out and re.search(r"[A-Za-z]/$", out) and part[0].isalpha():
            out += part  # "developer/" + "provider"
        elif out:
            out += " " + part
        else:
            out = part
    return tidy(out)


def tidy(text: str) -> str:
    """Repair ligature splits and collapse runs of spaces (line breaks kept)."""
    text = repair_ligatures(text)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return text.strip()


@dataclass
class _Item:
    kind: str  # prose | bullet | item | line
    parts: list[str] = field(default_factory=list)


@dataclass
class Body:
    """The text of one passage under construction: prose blocks and bullet items."""

    vocabulary: Vocabulary | None = None
    items: list[_Item] = field(default_factory=list)
    pending_bullets: int = 0

    @property
    def empty(self) -> bool:
        return not any(part.strip() for item in self.items for part in item.parts)

    @property
    def last_text(self) -> str:
        for item in reversed(self.items):
            for part in reversed(item.parts):
                if part.strip():
                    return part.strip()
        return ""

    @property
    def in_bullet(self) -> bool:
        return bool(self.items) and self.items[-1].kind == "bullet"

    def add(self, text: str) -> None:
        """Continue the current block (or start a prose block)."""
        if not self.items or self.items[-1].kind == "line":
            self.items.append(_Item("prose"))
        self.items[-1].parts.append(text)

    def new_block(self) -> None:
        """The next :meth:`add` starts a new prose block."""
        if self.items and self.items[-1].parts:
            self.items.append(_Item("prose"))

    def bullet(self, text: str = "") -> None:
        """Start a bullet item (``text`` may be empty when the glyph stands alone)."""
        item = _Item("bullet")
        if text:
            item.parts.append(text)
        self.items.append(item)

    def line(self, text: str) -> None:
        """A line of its own (a table row, an attribution)."""
        self.items.append(_Item("line", [text]))

    def item(self, text: str) -> None:
        """A numbered or lettered list item (``1. Capacity, ...``), continued by :meth:`add`."""
        self.items.append(_Item("item", [text]))

    def render(self) -> str:
        out: list[str] = []
        for item in self.items:
            text = join_wrapped(item.parts, self.vocabulary)
            if not text:
                continue
            out.append(BULLET + text if item.kind == "bullet" else text)
        return "\n".join(out)


# --------------------------------------------------------------------------------------
# Footnote markers
# --------------------------------------------------------------------------------------


def _glue_ok(text: str, start: int, end: int, exact: bool) -> bool:
    """Reject glued numbers that are part of a real number or a code (``9.5``, ``C2``)."""
    before = text[start - 1]
    if before in ".," and start >= 2 and text[start - 2].isdigit():
        if before == "," and end - start == 3:
            return False  # a thousands separator: "37,000"
        if before == ",":
            return exact  # "2003–05,33 it was found"
        # "2006.11 The findings": only a sequence marker before a new sentence.
        return exact and bool(re.match(r"\s+[A-Z“‘(]|\s*$", text[end:]))
    if before in ".,":
        return True
    if before.isupper():
        word = re.search(r"[A-Za-z]+$", text[:start])
        return exact and word is not None and len(word.group(0)) >= 3
    return True


class FootnoteMarkers:
    """Removes footnote markers that continue the document's marker sequence.

    Feed the body lines in document order to :meth:`remove`. A glued number ``n`` is a
    marker when ``expected <= n <= expected + slack``; ``expected`` then becomes ``n + 1``.
    Numbers that are not glued to a word (``2006, 47 compared``) or that are glued to
    another number (``6,40055``, ``April 200878``, ``Girl, 1630``) are markers only when
    they are exactly the next expected number.
    """

    def __init__(self, slack: int = 2, first: int = 1) -> None:
        self.expected = first
        self.slack = slack
        self.removed: list[tuple[int, str]] = []

    def _accept(self, numbers: list[int]) -> bool:
        if not numbers or not self.expected <= numbers[0] <= self.expected + self.slack:
            return False
        return all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))

    def _marker(self, text: str, kind: str, match: re.Match[str]) -> tuple[int, int, list[int]] | None:
        """``(start, end, numbers)`` of the marker in ``match``, or ``None``."""
        start, end = match.span("marker")
        digits = match.group("marker")
        if kind == "glued":
            numbers = [int(n) for n in digits.split(",")]
            exact = numbers[0] == self.expected
            if not _glue_ok(text, start, end, exact) or not self._accept(numbers):
                return None
            return start, end, numbers
        if int(digits) != self.expected:
            return None
        if kind == "spaced":
            if text[start - 2].isalpha() and text[end:].strip():
                return None  # "for 24 hours": only "Survey 39" at the end of a line
            return start - 1, end, [self.expected]  # with the space before it
        if kind == "suffix" and len(text.strip()) > 40:
            return None
        return start, end, [self.expected]

    def remove(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        for kind, match in _candidates(text):
            if match.start("marker") < pos:
                continue
            found = self._marker(text, kind, match)
            if found is None:
                continue
            start, end, numbers = found
            self.removed.append((numbers[-1], text.strip()))
            self.expected = numbers[-1] + 1
            out.append(text[pos:start])
            pos = end
        out.append(text[pos:])
        return "".join(out)


# A number glued to the end of a word or to punctuation after a word; a list ``5,6,7`` too.
_GLUED_NUMBER = re.compile(r"(?<=[A-Za-z.,;:)\]’”'\"…])(?P<marker>\d{1,3}(?:,\d{1,3})*)(?=[\s.,;:)\]]|$)")
# A number standing alone after punctuation or a word (``in 2006, 47 compared``).
_SPACED_NUMBER = re.compile(r"(?<=[A-Za-z.,;:’”)] )(?P<marker>\d{1,3})(?=\s+[A-Za-z(]|\s*$)")
# ``Girl, 1630``: an age with footnote 30 glued to it, at the end of a short line.
_GLUED_SUFFIX = re.compile(r"(?<=, )\d{1,2}(?P<marker>\d{1,2})(?=\s*$)")
# ``6,40055``: a marker glued to a number written with a thousands separator.
_AFTER_THOUSANDS = re.compile(r"(?<=\d,\d{3})(?P<marker>\d{1,3})(?=[\s.,;:)]|$)")
# ``April 200878``: a marker glued to a year.
_AFTER_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?P<marker>\d{1,3})(?=[\s.,;:)]|$)")

_KINDS = (
    ("glued", _GLUED_NUMBER),
    ("spaced", _SPACED_NUMBER),
    ("suffix", _GLUED_SUFFIX),
    ("thousands", _AFTER_THOUSANDS),
    ("year", _AFTER_YEAR),
)


def _candidates(text: str) -> list[tuple[str, re.Match[str]]]:
    found = [(kind, m) for kind, pattern in _KINDS for m in pattern.finditer(text)]
    return sorted(found, key=lambda km: km[1].start("marker"))


_REFERENCE_MARKER = re.compile(r"(?<=[a-z.,;:)’”])(\d{1,2}(?:,\d{1,2})*)(?=[\s.,;:)]|$)")


def strip_reference_markers(text: str, highest: int) -> str:
    """Remove reference numbers (``deputy.1``, ``them.5,6,7``) up to ``highest`` glued to a
    lower-case word or to punctuation. Numbers after ``9.`` (``9.5``) are left alone."""

    def repl(match: re.Match[str]) -> str:
        start = match.start(1)
        if text[start - 1] in ".,:" and start >= 2 and text[start - 2].isdigit():
            return match.group(0)
        if any(int(n) > highest or int(n) == 0 for n in match.group(1).split(",")):
            return match.group(0)
        return ""

    return _REFERENCE_MARKER.sub(repl, text)


class LetterMarkers:
    """Footnote markers that are letters in sequence (``children.a``, ``care.b``), glued to
    punctuation or standing alone at the end of a line after a full stop."""

    def __init__(self, last: str = "z", slack: int = 2) -> None:
        self.expected = "a"
        self.last = last
        self.slack = slack

    def remove(self, text: str) -> str:
        if self.expected > self.last:
            return text
        window = [chr(c) for c in range(ord(self.expected), ord(self.expected) + self.slack + 1) if chr(c) <= self.last]
        letters = "".join(window)
        pattern = re.compile(rf"(?<=[.,;:)”\d])([{letters}])(?=\s|$)|(?<=[.,;:)”] )([{letters}])(?=\s*$)")
        match = pattern.search(text)
        if match is None:
            return text
        start, end = match.span()
        letter = match.group(1) or match.group(2)
        if match.group(2) is not None:
            start -= 1
        self.expected = chr(ord(letter) + 1)
        return self.remove(text[:start] + text[end:])


# --------------------------------------------------------------------------------------
# Headings
# --------------------------------------------------------------------------------------


def heading_text(text: str) -> str:
    """A heading as cited: straight quotes, single spaces, ligatures repaired."""
    text = repair_ligatures(text.translate(_HEADING_QUOTES))
    return re.sub(r"\s+", " ", text).strip()


def path(*parts: str | None) -> str:
    """Join heading parts with ``" > "``, skipping empty ones."""
    return " > ".join(p for p in parts if p)


class Casing:
    """How words and word sequences are cased in a document's running text, to give an
    upper-case box title (``THE CHILD PROTECTION INFORMATION SHARING (CP-IS) PROJECT``) the
    casing its words have in the body (``The Child Protection Information Sharing (CP-IS)
    project``). The first word of a sentence says nothing about a word's own casing."""

    def __init__(self, body_lines: Iterable[str]) -> None:
        text = repair_ligatures(" ".join(line for line in body_lines if not line.isupper()))
        tokens: list[str] = []
        initial: list[bool] = []
        for sentence in re.split(r"(?<=[.!?:;])\s+", text):
            words = re.findall(r"[A-Za-z][A-Za-z&]*", sentence)
            for k, word in enumerate(words):
                tokens.append(word)
                initial.append(k == 0)
        self.tokens = tokens
        self.initial = initial
        self.lower = [t.lower() for t in tokens]
        self.positions: dict[str, list[int]] = {}
        for i, word in enumerate(self.lower):
            self.positions.setdefault(word, []).append(i)
        counts: dict[str, Counter[str]] = {}
        for token, first in zip(tokens, initial, strict=True):
            if not first:
                counts.setdefault(token.lower(), Counter())[token] += 1
        self.single = {w: c.most_common(1)[0][0] for w, c in counts.items()}

    def _word(self, word: str, original: str) -> str:
        if word in self.single:
            return self.single[word]
        if len(original) <= 4 and original.isupper() and word not in {"a", "an", "the", "of"}:
            return original  # an acronym the body never uses
        return word

    def _longest(self, words: list[str], i: int) -> tuple[int, list[str]]:
        """Longest run ``words[i:j]`` (two words or more) found in the body, in its most
        frequent casing (sentence-initial words recased on their own)."""
        best_len = 1
        found: Counter[tuple[str, ...]] = Counter()
        for start in self.positions.get(words[i], []):
            j, k = i, start
            while j < len(words) and k < len(self.lower) and self.lower[k] == words[j]:
                j += 1
                k += 1
            length = j - i
            if length < 2 or length < best_len:
                continue
            if length > best_len:
                best_len = length
                found = Counter()
            cased = tuple(
                self._word(self.lower[x], self.tokens[x]) if self.initial[x] else self.tokens[x]
                for x in range(start, start + length)
            )
            found[cased] += 1
        if not found:
            return i, []
        return i + best_len, list(found.most_common(1)[0][0])

    def recase(self, heading: str) -> str:
        """``heading`` (upper case) in the casing of the body text."""
        pieces = re.split(r"([A-Za-z][A-Za-z&]*)", heading)
        originals = pieces[1::2]
        words = [p.lower() for p in originals]
        cased: list[str] = []
        i = 0
        while i < len(words):
            j, tokens = self._longest(words, i)
            if tokens:
                cased.extend(tokens)
                i = j
                continue
            cased.append(self._word(words[i], originals[i]))
            i += 1
        for n, word in enumerate(cased):
            pieces[2 * n + 1] = word
        text = "".join(pieces)
        text = text[:1].upper() + text[1:] if text else text
        return heading_text(text)


# --------------------------------------------------------------------------------------
# Passages
# --------------------------------------------------------------------------------------


@dataclass
class PassageBuilder:
    """Collects passages of one document; passage ids stay unique (``... (2)``)."""

    doc_id: str
    passages: list[Passage] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def add(
        self,
        para: str,
        text: str,
        *,
        section: str = "",
        kind: str = "section",
        chapter: str | None = None,
    ) -> Passage | None:
        text = text.strip()
        if not text:
            return None
        base = f"{self.doc_id}:{para}"
        passage_id, n = base, 2
        while passage_id in self.ids:
            passage_id = f"{base} ({n})"
            n += 1
        self.ids.add(passage_id)
        passage = Passage(
            passage_id=passage_id,
            doc_id=self.doc_id,
            para=para,
            section=section,
            text=text,
            kind=kind,
            chapter=chapter,
        )
        self.passages.append(passage)
        return passage
