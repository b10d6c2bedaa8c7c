"""Text repairs shared by every parser: what PDF extraction broke in all five documents."""

from __future__ import annotations

import re

# A ligature (fi, fl, ffi, ffl) was extracted as its own glyph followed by a space:
# "signifi cant", "refl ected", "fi ndings", "staffi ng". Words that really end in "ff"
# ("staff in", "off duty", "Cardiff in") are left alone, so "ff" alone never triggers a join.
_LIGATURE_SPLIT = re.compile(r"(?<![A-Za-z])([A-Za-z]*(?:ffi|ffl|fi|fl)) ([a-z]+)")

# Bullet glyphs left by the extraction: "●●", "−−" (U+2212), "z " (a Wingdings bullet), "•", "".
_BULLET = re.compile(r"^\s*(?:●●|●|−−|–\s|•|\uf0b7|\uf0a7|z(?=\s))\s*", re.MULTILINE)

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb00": "ff",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
    }
)


def repair_ligatures(text: str) -> str:
    """Join words split after a ligature glyph: ``"signifi cant"`` -> ``"significant"``."""
    return _LIGATURE_SPLIT.sub(r"\1\2", text)


def strip_bullet(line: str) -> tuple[bool, str]:
    """Return ``(is_bullet, text)`` for one line, removing a leading bullet glyph."""
    match = _BULLET.match(line)
    if match is None:
        return False, line
    return True, line[match.end() :]


def normalise_for_match(text: str) -> str:
    """Normalise text for gold-quote matching (DESIGN.md): lower case, ASCII quotes and
    dashes, ligature splits repaired, whitespace collapsed."""
    text = text.translate(_QUOTES)
    text = repair_ligatures(text)
    text = re.sub(r"\s+", " ", text)
    return text.strip().lower()


def collapse_whitespace(text: str) -> str:
    """Join hard-wrapped lines and collapse runs of spaces, keeping bullet line breaks."""
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r" *\n *", " ", text).strip()


def dehyphenate(text: str) -> str:
    """Join a word broken across lines with a hyphen (``"pro-\\ntection"``) when the hyphen
    is an artefact, keeping real compounds such as ``"multi-\\nagency"``."""

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if left.lower() in _REAL_HYPHEN_PREFIXES:
            return f"{left}-{right}"
        return f"{left}{right}"

    return re.sub(r"([A-Za-z]+)-\n([a-z]+)", join, text)


_REAL_HYPHEN_PREFIXES = {
    "multi",
    "inter",
    "non",
    "self",
    "co",
    "cross",
    "well",
    "long",
    "short",
    "full",
    "part",
    "re",
    "pre",
    "post",
    "anti",
    "sub",
    "under",
    "over",
    "high",
    "low",
    "wide",
    "child",
    "family",
    "early",
    "follow",
    "decision",
    "age",
    "time",
    "year",
    "one",
    "two",
    "three",
    "four",
    "five",
    "ten",
    "fifteen",
    "twenty",
    "first",
    "second",
    "third",
    "front",
    "line",
    "life",
    "risk",
    "semi",
    "ex",
    "x",
    "e",
    "out",
    "in",
    "on",
    "off",
    "up",
    "down",
    "by",
    "face",
    "day",
    "evidence",
    "school",
    "health",
    "agency",
    "case",
    "joint",
    "young",
    "older",
    "looked",
    "hard",
    "so",
    "large",
    "small",
    "good",
    "best",
    "home",
    "work",
    "care",
    "sex",
    "gender",
    "court",
    # Compounds that wt2010 breaks at the line end: "ill-\ntreatment", "same-\nsex",
    # "new-\nborn", "grant-\naided".
    "ill",
    "same",
    "new",
    "grant",
}
