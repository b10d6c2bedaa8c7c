"""Abbreviations the guidance documents define: abbreviation -> expansion.

Sources, in order of authority:

1. Lists of abbreviations the documents print: Laming's *Glossary of abbreviations*
   (Appendix 2: the abbreviation on one line, its expansion on the next), wt2010's
   Appendix 7 *A guide to acronyms* (abbreviation, a tab, the expansion) and the
   joint chief inspectors' glossary (``Crown Prosecution Service (CPS)`` one per line).
2. Definitions in running text, in every document: ``Local Safeguarding Children Boards
   (LSCBs)``. The words before the bracket are accepted as the expansion only when their
   initials spell the abbreviation (small words such as ``and``/``of``/``for`` may be
   skipped or used: ``Department for Education and Skills (DfES)``).

Keys are the abbreviation as written, singular (``LSCBs`` -> ``LSCB``); values are the
expansion with ligature splits repaired and the plural made singular when the
abbreviation was plural (``Local Safeguarding Children Board``).

wt2010's *Glossary* (before Chapter 1) defines terms, not abbreviations ("Child: anyone
who has not yet reached their 18th birthday"), so it contributes nothing here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from knowledge.ingest.clean import repair_ligatures

_ABBR_LINE = re.compile(r"^([A-Z][A-Za-z0-9/()&\-]*[A-Z)][a-z]?)(?:\s+(\S.*))?$")
_TAB_ENTRY = re.compile(r"^\s?([A-Za-z&/\- ]{1,20}?)\t\s*(\S.*)$")
_BRACKET = re.compile(r"\(([A-Z][A-Za-z&]{1,11})\)")
_FULL_LINE_ENTRY = re.compile(r"^([A-Z][^()]{3,120}?)\s*\(([A-Z][A-Za-z&]{1,11})\)$")
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "in", "on", "to", "with", "a", "an", "&", "at"})
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’']*|&")
_MAX_WORDS = 14


def _tidy(text: str) -> str:
    text = repair_ligatures(text)
    text = re.sub(r"(?<=[A-Za-z])-\s+(?=[a-z])", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _is_abbreviation(token: str) -> bool:
    capitals = sum(1 for c in token if c.isupper())
    return capitals >= 2 and capitals >= sum(1 for c in token if c.islower())


def _singular_key(abbr: str) -> tuple[str, bool]:
    """``LSCBs`` -> (``LSCB``, plural); ``CAMHS`` stays (its S is a word)."""
    if len(abbr) >= 3 and abbr.endswith("s") and abbr[-2].isupper():
        return abbr[:-1], True
    return abbr, False


def _singular_phrase(phrase: str) -> str:
    words = phrase.split(" ")
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        words[-1] = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        words[-1] = last[:-1]
    return " ".join(words)


# --------------------------------------------------------------------------------------
# Printed lists
# --------------------------------------------------------------------------------------


def parse_abbreviation_list(lines: Sequence[str]) -> list[tuple[str, str]]:
    """Entries of a list where each abbreviation stands on its own line (or is followed by
    its expansion on the same line) and the expansion follows, possibly wrapped."""
    entries: list[tuple[str, list[str]]] = []
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        first = text.split()[0]
        match = _ABBR_LINE.match(text)
        if match and _is_abbreviation(first) and first == match.group(1):
            entries.append((match.group(1), [match.group(2)] if match.group(2) else []))
        elif entries:
            entries[-1][1].append(text)
    return [(abbr, _tidy(" ".join(parts))) for abbr, parts in entries if parts]


def _tab_list(text: str) -> list[tuple[str, str]]:
    """wt2010 Appendix 7: ``CAF<tab>Common Assessment Framework``."""
    start = re.search(r"A guide to\s*\n?\s*acronyms", text)
    if start is None:
        return []
    entries = []
    for raw in text[start.end() :].split("\n"):
        match = _TAB_ENTRY.match(raw)
        if match:
            entries.append((match.group(1).strip(), _tidy(match.group(2))))
    return entries


def _bracket_list(text: str) -> list[tuple[str, str]]:
    """Glossary lines ``Crown Prosecution Service (CPS)`` (a wrapped bracket is joined)."""
    lines = [ln.strip() for ln in text.split("\n")]
    entries = []
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and re.fullmatch(r"\([A-Z][A-Za-z&]{1,11}\)", lines[i + 1]):
            line = f"{line} {lines[i + 1]}"
        match = _FULL_LINE_ENTRY.match(line)
        if match:
            expansion = _match_initials(_tokens(match.group(1)), match.group(2))
            if expansion:
                entries.append((match.group(2), expansion))
    return entries


def _explicit(doc_id: str, text: str) -> list[tuple[str, str]]:
    if doc_id == "laming2009":
        start = text.find("GLOSSARY OF ABBREVIATIONS")
        if start < 0:
            return []
        body = text[start:].replace("GLOSSARY OF ABBREVIATIONS", "")
        return parse_abbreviation_list(body.split("\n"))
    if doc_id == "wt2010":
        return _tab_list(text)
    if doc_id == "jci2008":
        # The glossary sits after the appendices: one entry per line.
        return _bracket_list(text[int(len(text) * 0.85) :])
    return []


# --------------------------------------------------------------------------------------
# Definitions in running text
# --------------------------------------------------------------------------------------


def _tokens(phrase: str) -> list[tuple[str, str]]:
    """``(word, text it came from)`` for each word; hyphenated words count as several."""
    out = []
    for token in _TOKEN.findall(phrase.replace("-", " ")):
        out.append((token.lower().replace("’", "'"), token))
    return out


def _match_initials(tokens: Sequence[tuple[str, str]], abbr: str) -> str | None:
    """The shortest tail of ``tokens`` whose initials spell ``abbr`` (small words may be
    skipped or used), as text; ``None`` if there is none."""
    key, _ = _singular_key(abbr)
    letters = [c.lower() for c in key if c.isalpha() or c == "&"]
    letters = [c for c in letters if c != "&"]
    if len(letters) < 2:
        return None
    words = [w for w, _ in tokens]

    def fits(start: int) -> bool:
        # Can words[start:] consume letters exactly?
        memo: dict[tuple[int, int], bool] = {}

        def go(w: int, k: int) -> bool:
            """Whether ``words[w:]`` spell ``letters[k:]``."""
            if (w, k) in memo:
                return memo[(w, k)]
            if w == len(words):
                result = k == len(letters)
            else:
                word = words[w]
                result = False
                if k < len(letters) and word[0] == letters[k]:
                    result = go(w + 1, k + 1)
                if not result and word in _SMALL_WORDS:
                    result = go(w + 1, k)
            memo[(w, k)] = result
            return result

        return words[start][0] == letters[0] and words[start] not in _SMALL_WORDS and go(start, 0)

    for start in range(len(words) - 1, max(-1, len(words) - _MAX_WORDS - 1), -1):
        if start < len(words) and fits(start):
            return " ".join(text for _, text in tokens[start:]).replace(" ’s", "’s")
    return None


def _in_text(text: str) -> list[tuple[str, str]]:
    flat = _tidy(text)
    found = []
    for match in _BRACKET.finditer(flat):
        abbr = match.group(1)
        if not (_is_abbreviation(abbr) or abbr[:1].isupper() and len(abbr) >= 4):
            continue
        before = flat[max(0, match.start() - 200) : match.start()]
        # The phrase cannot run across a sentence end or another bracket.
        before = re.split(r"[.;:()!?“”]|\s[–—-]\s", before)[-1]
        tokens = _tokens(before)[-_MAX_WORDS:]
        expansion = _match_initials(tokens, abbr)
        if expansion is not None:
            # Keep the words exactly as written (hyphens, apostrophes) when possible.
            exact = _exact_span(before, expansion)
            found.append((abbr, exact or expansion))
    return found


def _exact_span(before: str, expansion: str) -> str | None:
    words = expansion.split(" ")
    pattern = r"[\s\-]+".join(re.escape(w) for w in words)
    matches = list(re.finditer(pattern, before))
    return matches[-1].group(0) if matches else None


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def _choose(candidates: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One expansion per abbreviation: the most frequent wording (ties: more capitals)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for abbr, expansion in candidates:
        key, plural = _singular_key(abbr)
        expansion = _tidy(expansion).strip(" ,‘’'\"")
        expansion = re.sub(r"^The (?=[A-Z])", "", expansion)
        if plural:
            expansion = _singular_phrase(expansion)
        if expansion:
            by_key[key].append(expansion)
    chosen = {}
    for key, expansions in by_key.items():
        counts = Counter(e.lower() for e in expansions)
        top = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        variants = [e for e in expansions if e.lower() == top]
        chosen[key] = max(variants, key=lambda e: sum(c.isupper() for c in e))
    return chosen


def extract_glossary(doc_id: str, text: str) -> dict[str, str]:
    """Abbreviation -> expansion for one document: its printed list first, then the
    definitions in its running text for abbreviations the list does not have."""
    glossary = _choose(_explicit(doc_id, text))
    for key, expansion in _choose(_in_text(text)).items():
        glossary.setdefault(key, expansion)
    return glossary


def build_glossary(texts: dict[str, str]) -> dict[str, str]:
    """Merge the glossaries of all documents (``doc_id -> text``): printed lists win over
    running-text definitions; among lists, documents in the order given."""
    explicit: dict[str, str] = {}
    for doc_id, text in texts.items():
        for key, expansion in _choose(_explicit(doc_id, text)).items():
            explicit.setdefault(key, expansion)
    in_text = _choose(pair for text in texts.values() for pair in _in_text(text))
    merged = dict(explicit)
    for key, expansion in in_text.items():
        merged.setdefault(key, expansion)
    return dict(sorted(merged.items(), key=lambda kv: kv[0].upper()))
