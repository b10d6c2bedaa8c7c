"""Rule-based reading of a user message: danger now, who is typing, the kind of concern.

This is the second reader of every message (the first is the statistical NLU model). It runs
inside the Rasa process (Python 3.10) and in the Python 3.11 application, so it uses the
standard library only and does no work at import time beyond compiling regular expressions.

How it reads a message
----------------------
1. ``normalise`` makes a lower-case copy with straight quotes, contractions resolved ("he'll" ->
   "he will", "won't" -> "wont") and common text-speak rewritten ("14yo" -> "14 year old",
   "cos" -> "because", "2nite" -> "tonight", "Y9" -> "year 9"). Only a bounded amount of text
   is read: the first 20 000 and the last 5 000 characters.
2. Named pattern groups (``_WEAPON``, ``_THREAT``, ``_NOW``, ``_MISSING``...) are readable
   alternations of phrases, all written as if they started with ``\b``. Each group is matched
   once per message; see ``_Group`` for how that is kept fast on long messages.
3. ``_Doc`` cuts the text into sentences and marks the ones that do not describe a live
   situation: hypothetical or policy questions ("what should a nursery do if a parent arrives
   drunk?"), training scenarios (until the writer pivots back: "separately, ..."), and the past
   ("two years ago", "when she was 8", "last year").
4. Small rules combine the groups by sentence. Danger needs a harm signal *and* an immediacy or
   access signal in the same or a neighbouring sentence ("picks her up at 3", "is outside",
   "tonight"), or an inherently immediate signal (a child bleeding or unconscious, a weapon
   with a threat, a child held by men who won't let him leave). Each rule names its reason.

When in doubt about a concrete present situation the rules fire: a missed emergency costs far
more than an unnecessary "call 999". The labelled cases in tests/bot/data/signals_cases.yml and
signals_cases_2.yml are the contract.

Generalisation: the rules are vocabularies, so wording they have not seen slips through. On
batches of 40 freshly written messages (each measured before any change made for it), danger
recall was 40-60% at 86-90% precision, and concern types 41-53% right; roles and audience ~90%.
Treat a miss here as likely and keep the statistical reader and the form questions as backstops.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import add

HEAD_CHARS = 20_000
TAIL_CHARS = 5_000

Span = tuple[int, int]


@dataclass(frozen=True)
class Signals:
    """What a message says, as far as simple rules can tell.

    - ``danger_reasons``: weapon, threat_to_kill, child_injured, suicide_risk,
      medical_emergency, baby_injury, sexual_assault_recent, unsafe_to_go_home,
      drunk_driving_children, ongoing_violence, abduction, missing_with_adult,
      exploitation_now. ``danger_now`` may be true with no named reason (children left alone).
    - ``concern_types``: see ``_CONCERN_ORDER`` (most specific first).
    - ``role``: see ``_ROLE_TERMS`` (teacher, dsl, nurse, health_visitor, ... other).
    - ``harmful_request``: conceal_from_services | contact_child_secretly | vigilante |
      other_harm.
    """

    danger_now: bool = False
    danger_reasons: tuple[str, ...] = ()
    audience: str = "unknown"  # practitioner | child | parent | unknown
    disclosure: bool = False  # a child told the writer of harm (or a child describes their own)
    concern_types: tuple[str, ...] = ()
    child_age: int | None = None  # "Year N" -> N + 4; babies 0; toddlers 2
    role: str | None = None
    verdict_request: bool = False  # "is this abuse? yes or no", "should I refer?"
    harmful_request: str | None = None
    confidentiality_promise: bool = False  # the child asked for (or was promised) secrecy
    wants_steps_now: bool = False  # "just tell me what to do", "skip the questions"
    trainer: bool = False  # a training scenario, demo or role-play


# =============================================================================================
# Normalisation
# =============================================================================================

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
        "\t": " ",
        "\r": "\n",
    }
)

_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
}
_NUM_WORD = "|".join(_NUMBER_WORDS)

# Whole words rewritten (text-speak, spelling variants); matched in one pass.
_WORD_MAP: dict[str, str] = {
    **dict.fromkeys(("cos", "coz", "cuz", "bcos", "becuz", "bc"), "because"),
    "u": "you",
    "ur": "your",
    "youre": "you are",
    "theyll": "they will",
    "youll": "you will",
    "shell": "she will",
    **dict.fromkeys(("2nite", "2night", "tonite", "tnite"), "tonight"),
    "2day": "today",
    **dict.fromkeys(
        ("2moro", "2morrow", "2mrw", "tmrw", "tmr", "tomoz", "tomorow", "tommorow", "tommorrow"),
        "tomorrow",
    ),
    **dict.fromkeys(("pls", "plz", "plse"), "please"),
    "ppl": "people",
    "wanna": "want to",
    "gonna": "going to",
    "dunno": "dont know",
    "atm": "at the moment",
    "rn": "right now",
    "bf": "boyfriend",
    "gf": "girlfriend",
    **dict.fromkeys(("mam", "mom", "mommy", "mummy", "mumma", "mammy"), "mum"),
    **dict.fromkeys(("mams", "moms", "mommys", "mummys", "mammys"), "mums"),
    **dict.fromkeys(("daddy", "dada"), "dad"),
    "daddys": "dads",
    "od": "overdose",
    "ods": "overdoses",
}


def _whole_words(words: Iterable[str]) -> str:
    """An alternation of whole words that the engine can scan for by first letter: the word
    boundary check sits after the first letter (a leading \\b would slow the scan down)."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    alternatives = [
        rf"{re.escape(first)}(?<!\w{re.escape(first)})(?:{'|'.join(rests)})(?!\w)" for first, rests in by_first.items()
    ]
    return "(?:" + "|".join(alternatives) + ")"


_WORD_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_whole_words([w for w, r in _WORD_MAP.items() if r == target])), target)
    for target in dict.fromkeys(_WORD_MAP.values())
)
# (pattern, replacement) pairs applied in order: quotes and contractions first ("he'll" -> "he
# will"), then the word rewrites, then the forms below. Word-boundary checks sit after the first
# character so that the engine can scan for it quickly.
_QUOTE_TABLE: tuple[tuple[str, str], ...] = (
    (r"o\.?d\.?'d\b", "overdosed"),  # before the apostrophe rules turn it into "od would"
    (r"n'?t\b", "nt"),  # contractions: drop the apostrophe ...
    (r"'ll\b", " will"),  # ... and expand the ones that read ambiguously without it
    (r"'d\b", " would"),
    (r"'re\b", " are"),
    (r"'ve\b", " have"),
    (r"'([sm])\b", r"\1"),
    (r"'", " "),
    (r'"', " "),
)
_FORM_TABLE: tuple[tuple[str, str], ...] = (
    (r"s(?<![\w-]s)tep[- ]?(dad|mum|father|mother|brother|sister|son|daughter)", r"step\1"),
    # ages: "14yo", "14 y/o", "14yrs old", "14-year-old" -> "14 year old"; "Y9", "yr 9" -> "year 9"
    (
        r"(\d(?<!\w\d)\d?) ?(?:yo|yos|y/o|y\.o\.?|yrs? ?old|years ?old|yearold|yr|yrs"
        r"|-years?-old|-year)(?!\w)",
        r"\1 year old",
    ),
    (r"(\d(?<!\w\d)\d?) ?-?(?:months?|mths?|mnths?)[- ]?old(?!\w)", r"\1 month old"),
    (r"(\d(?<!\w\d)\d?) ?-?(?:weeks?|wks?)[- ]?old(?!\w)", r"\1 week old"),
    (r"y(?<![\w-]y)(?:rs?\.? ?)?(\d{1,2})(s?)(?!\w)", r"year \1\2"),
    (r"  +", " "),
)
_QUOTE_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in _QUOTE_TABLE
)
_FORM_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in _FORM_TABLE
)
_NUMBER_AGES = (
    re.compile(rf"({_whole_words(_NUMBER_WORDS)})(?=[- ](?:years?|yrs?|months?|weeks?)[- ]?old\b)"),
    re.compile(rf"({_whole_words(('im', 'am', 'aged'))}) ({_NUM_WORD})\b(?! of\b)"),
)


def _bounded(text: str) -> str:
    """The part of a message that is read: its head and its tail."""
    if len(text) <= HEAD_CHARS + TAIL_CHARS:
        return text
    return text[:HEAD_CHARS] + "\n" + text[-TAIL_CHARS:]


def _at_word_start(text: str, start: int) -> bool:
    """Whether a match at ``start`` begins a word (the leading \\b the patterns leave out, so
    that the regex engine can scan for their first letters quickly)."""
    if start == 0:
        return True
    before, first = text[start - 1], text[start : start + 1]
    return not (first and (first.isalnum() or first == "_") and (before.isalnum() or before == "_"))


def _split_top(pattern: str, sep: str = "|") -> list[str]:
    """Split ``pattern`` on ``sep`` outside groups, classes and escapes."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == sep and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _expand(alternative: str) -> list[str]:
    """Rewrite an alternative that opens with a plain group, ``(?:a|b)c``, as ``ac|bc`` so that
    every alternative starts with a literal letter (recursively)."""
    if alternative.startswith("\\b"):
        alternative = alternative[2:]
    if not alternative.startswith("(?:"):
        return [alternative]
    inner = _split_top(alternative[3:], ")")
    if len(inner) < 2:
        return [alternative]
    body, rest = inner[0], ")".join(inner[1:])
    choices = _split_top(body)
    if rest.startswith("?") and not rest.startswith("??"):  # (?:a )?b -> a b | b
        rest = rest[1:]
        choices.append("")
    elif rest[:1] in ("?", "*", "+", "{"):
        return [alternative]
    return [out for choice in choices for out in _expand(choice + rest)]


_LITERAL_HEAD = re.compile(r"[a-z0-9]*")
_DIGITS = "#"  # index key: every word that starts with a digit


def _leading_word(alternative: str) -> tuple[str, bool]:
    """The literal text an alternative starts with, and whether it is a whole word (``False``
    when the word may go on, as in ``kill(?:s|ing)?``). ``("", False)`` when it has none."""
    if (
        alternative[:1].isdigit()
        or alternative.startswith("\\d")
        or (alternative[:1] == "[" and alternative[1:2].isdigit())
    ):
        return _DIGITS, True
    head = _LITERAL_HEAD.match(alternative)
    word = head.group(0) if head else ""
    after = alternative[len(word) : len(word) + 2]
    if not word:
        return "", False
    if after[:1] in ("?", "*", "{"):
        return word[:-1], False
    if alternative[len(word) :].startswith(("(?: ", "(?:\\s")):  # "ta(?: \(...\))?"
        return word, True
    if after[1:2] in ("?", "*", "{"):  # "under ?age": the word may run on
        return word, False
    if after[:1] in ("", " ", "-", ",", "/", "&") or after in ("\\b", "(?!"):
        return word, True
    return word, False


class _Group:
    """A named pattern group, compiled for fast matching.

    Scanning a whole message with a big alternation is slow in CPython, so a group is split into
    its alternatives (leading plain groups expanded: ``(?:a|b) c`` -> ``a c|b c``), and each
    alternative is keyed by the literal word it starts with. ``_Doc`` then tries an alternative
    only where its first word occurs (from a word index), with an anchored match. Alternatives
    that do not start with a literal word (a digit class, an optional group) are searched for.
    A leading ``\\b`` is implied: every match starts at the start of a word.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        words: dict[str, list[str]] = {}
        stems: dict[str, list[str]] = {}
        other: list[str] = []
        for alternative in (out for alt in _split_top(pattern) for out in _expand(alt)):
            word, whole = _leading_word(alternative)
            if len(word) >= 2 or (whole and word):
                (words if whole else stems).setdefault(word, []).append(alternative)
            else:
                other.append(alternative)
        self.words = {w: re.compile("|".join(alts)) for w, alts in words.items()}
        self.keys = frozenset(self.words)
        self.stems = {w: re.compile("|".join(alts)) for w, alts in stems.items()}
        self.other = re.compile("|".join(other)) if other else None


def _rx(pattern: str) -> _Group:
    return _Group(pattern)


def _number_word(match: re.Match[str]) -> str:
    if match.lastindex == 1:
        return _NUMBER_WORDS[match.group(1)]
    return f"{match.group(1)} {_NUMBER_WORDS[match.group(2)]}"


def normalise(text: str) -> str:
    """Lower-case, straight-quoted, text-speak-normalised copy of (a bounded part of) ``text``."""
    out = _bounded(text).translate(_CHAR_MAP).lower()
    for pattern, replacement in _QUOTE_REWRITES:
        out = pattern.sub(replacement, out)
    for pattern, replacement in _WORD_REWRITES:
        out = pattern.sub(replacement, out)
    for pattern in _NUMBER_AGES:
        out = pattern.sub(_number_word, out)
    for pattern, replacement in _FORM_REWRITES:
        out = pattern.sub(replacement, out)
    return out


# =============================================================================================
# Sentences and context
# =============================================================================================

MAX_MATCHES = 2_000  # per pattern: bounds the work on adversarial text
MAX_TRIES = 1_000  # anchored match attempts per pattern and first word (a word rarely
# occurs 1000 times in the 25 000 characters read; repeated-word floods are cut short)
_LONG_SENTENCE = 220  # run-on sentences are cut at commas / "and" after this many characters

_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})
_SENTENCE_END = re.compile(r"(?:[.!?;\n]+(?=[\s\"')-]|$)| - )[\s.!?;\"')-]*")
_WEAK_BREAK = re.compile(r",\s|a(?<!\wa)nd\b|b(?<!\wb)ut\b|s(?<!\ws)o\b")

# Markers that make a sentence hypothetical: a policy question or a generic "if a parent...".
_HYPOTHETICAL = _rx(
    r"\b(?:hypothetical(?:ly)?|in theory|for example|imagine|suppose|supposing|what if"
    r"|(?:may|might|can|could) (?:become|lead to|cause|result in)|first aid (?:training|course)"
    r"|(?:what|how) should i (?:say|teach|cover|include|tell (?:them|staff|people|learners)) about"
    r" (?:a|an|any|children|when|what)"
    r"|(?:what|how) should (?:we|staff|it|they|the \w+|schools?|our \w+) (?:say|include|write|put"
    r"|cover|teach|tell (?:staff|parents|pupils))"
    r"|(?:when|where) (?:a|an|any)\b|the law on|what age"
    r"|(?:what|how|when) (?:should|would|do|does|can|could|must|are|is) (?:a|an|the|we|i|you|staff"
    r"|schools?|nurser(?:y|ies)|practitioners?|teachers?|professionals?|someone|our|my|parents)"
    r"\b[^.?!\n]{0,80}?\b(?:if|when|where)\b"
    r"|what happens (?:if|when)|is there (?:a |any )?(?:guidance|policy|procedure|law)|sample|template|script for"
    r"|(?:a|an|the|our) (?:poster|leaflet|flowchart) (?:for|about|on)|(?:training|educational"
    r"|awareness) (?:film|video|clip)|(?:film|video|clip) (?:we|they) (?:used|watched|showed|show)"
    r"|(?:reflective|essay|assignment|dissertation)"
    r"|(?:our|the|a|new) (?:policy|procedures?|guidance|curriculum|policies|handbook|code of"
    r" conduct|induction)\b)"
)
# A generic "if a parent..." / "if you...": hypothetical, except in a threat that is being
# reported ("if you come near my kids I'll torch the house").
_COND_IF = _rx(
    r"\b(?:(?:if|whether) (?:a|an|any|someone|somebody|anyone|staff|parents|children|pupils"
    r"|young people|you)\b)"
)
# Said of a real situation, these keep a sentence live even with a hypothetical marker in it.
_LIVE_NOW = _rx(
    r"\b(?:right now|just now|at the moment|as we speak|as i (?:type|write)|has just|have just"
    r"|is here now|are here now|(?:\d{1,3}|ten|five|twenty|a few) (?:mins?|minutes) ago|an hour ago"
    r"|just (?:forwarded|texted|messaged|rang|called|sent|told|showed|got))\b"
)
# Markers that open a training scenario; the scenario runs until a sentence that pivots back to
# real life ("separately", "unrelated", "this is real").
_SCENARIO = _rx(
    r"\b(?:scenarios?|case stud(?:y|ies)|role[- ]?play\w*|demo|mock (?:call|disclosure|scenario)"
    r"|vignettes?|pretend (?:you are|youre|to be)|(?:can|could) you (?:play|act as) (?:a|an)"
    r"|(?:lockdown|fire|evacuation|intruder|emergency) drill|simulation|rehearsal"
    r"|made[- ]up|fictional|training exercise|practice exercise)\b"
)
_PIVOT = _rx(
    r"\b(?:separately|separate (?:thing|question|issue)|unrelated"
    r"|on a (?:personal|separate|different) note|by the way|btw|oh and|while im typing"
    r"|this is real|not a (?:scenario|drill)|real life"
    r"|actually happening|happening (?:right )?now)\b"
)
# Markers that put a sentence in the past.
_HISTORIC = _rx(
    r"\b(?:(?:a|one|two|three|four|five|several|many|\d{1,3}|few|couple of)"
    r" (?:years?|months?|weeks?) ago|years ago|months ago|weeks ago"
    r"|last (?:year|month|summer|spring|autumn|winter|term|christmas|week|easter)"
    r"|when (?:she|he|i|they|we) (?:was|were) (?:\d{1,2}|about \d{1,2}|little|young"
    r"|small|a baby|a toddler|younger|pregnant|in year \d{1,2})|used to|last pregnancy"
    r"|(?:during|in) (?:her|my|the) (?:last )?pregnancy|in (?:19|20)\d\d|back in (?:the day|(?:19"
    r"|20)\d\d|\w+ (?:19|20)\d\d|year \d{1,2}|primary|my day)|back then"
    r"|as a (?:child|kid)|historic(?:al)?|in the past|for (?:years|months)|in (?:january|february"
    r"|march|april|june|july"
    r"|august|september|october|november|december)|since (?:19|20)\d\d|healed)\b"
)
_TONIGHT = _rx(r"\b(?:tonight|right now|as we speak|at this moment)\b")
# Markers that the risk has been dealt with or the person is away.
_MITIGATED = _rx(
    r"\b(?:arrested|in custody|on bail|bailed|in prison|remanded|moved out|moved away|not around"
    r"|no longer|lives in another|has left|(?:are|is|now|feels?|be) safe|safe at|not here"
    r"|has since|since moved)\b"
)


class _Doc:
    """A normalised message cut into sentences, with cached pattern matches."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = self._sentence_starts(text)
        self._cache: dict[_Group, list[Span]] = {}
        self.words = self._word_index(text)
        self._sorted_words = sorted(self.words)
        numbers = [self.words[w] for w in self._sorted_words if w[:1].isdigit()]
        self.words[_DIGITS] = sorted(chain.from_iterable(numbers))
        questions = self.sentences(_HYPOTHETICAL)
        conditional = self.sentences(_COND_IF)
        live = self.sentences(_LIVE_NOW)
        scenario = self._scenario_zone()
        # "gave me weed last week and now say I have to come with them tonight": not the past
        self.historic = self.sentences(_HISTORIC) - self.sentences(_TONIGHT)
        self.mitigated = self.sentences(_MITIGATED)
        self.hypothetical = ((questions | conditional) - live) | scenario
        # "if you ..." said in a live report (not a question): a conditional threat is a threat
        self.if_only = {i for i in conditional - questions - scenario - live if "?" not in self.sentence(i)}

    def sentence(self, index: int) -> str:
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end]

    @staticmethod
    def _word_index(text: str) -> dict[str, list[int]]:
        """Where each word starts. Built with C-level string operations (split, accumulate):
        a Python loop over regex matches is several times slower on long messages."""
        words = text.translate(_NON_WORD).split(" ")
        # the word i starts after the i words and i spaces before it
        starts = map(add, accumulate(chain((0,), map(len, words))), count())
        index: defaultdict[str, list[int]] = defaultdict(list)
        # compress() drops the empty strings between consecutive separators (C-level)
        for word, start in zip(compress(words, words), compress(starts, words)):  # noqa: B905
            index[word].append(start)
        return dict(index)

    @staticmethod
    def _sentence_starts(text: str) -> list[int]:
        starts = [0]
        for end in map(re.Match.end, _SENTENCE_END.finditer(text)):
            if end - starts[-1] > _LONG_SENTENCE:  # a run-on sentence: cut it at commas / "and"
                for weak in map(re.Match.start, _WEAK_BREAK.finditer(text, starts[-1], end)):
                    if weak - starts[-1] > _LONG_SENTENCE:
                        starts.append(weak)
            if end < len(text):
                starts.append(end)
        if len(text) - starts[-1] > _LONG_SENTENCE:
            for weak in map(re.Match.start, _WEAK_BREAK.finditer(text, starts[-1])):
                if weak - starts[-1] > _LONG_SENTENCE:
                    starts.append(weak)
        return starts

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def spans(self, group: _Group) -> list[Span]:
        """Where ``group`` matches, each match starting a word (at most MAX_MATCHES places)."""
        found = self._cache.get(group)
        if found is not None:
            return found
        found = []
        text = self.text
        for word in group.keys.intersection(self.words):  # only the first words present
            self._match_at(group.words[word], self.words[word], found)
        for stem, regex in group.stems.items():
            index = bisect_left(self._sorted_words, stem)
            while index < len(self._sorted_words) and self._sorted_words[index].startswith(stem):
                self._match_at(regex, self.words[self._sorted_words[index]], found)
                index += 1
        if group.other is not None:
            pos = 0
            while len(found) < MAX_MATCHES:
                match = group.other.search(text, pos)
                if match is None:
                    break
                start, end = match.span()
                if _at_word_start(text, start):
                    found.append((start, end))
                pos = max(end, start + 1)
        found.sort()
        self._cache[group] = found
        return found

    def _match_at(self, regex: re.Pattern[str], positions: Iterable[int], found: list[Span]) -> None:
        # C-level iteration (map / filter): far faster than a Python loop on long messages
        if len(found) >= MAX_MATCHES:
            return
        hits = filter(None, map(regex.match, repeat(self.text), islice(positions, MAX_TRIES)))
        found.extend(islice(map(re.Match.span, hits), MAX_MATCHES - len(found)))

    def has(self, pattern: _Group) -> bool:
        return bool(self.spans(pattern))

    def sentences(self, pattern: _Group) -> set[int]:
        return {self.sentence_of(start) for start, _ in self.spans(pattern)}

    def _scenario_zone(self) -> set[int]:
        opening = self.sentences(_SCENARIO)
        if not opening:
            return set()
        pivots = self.sentences(_PIVOT)
        zone: set[int] = set()
        inside = False
        for index in range(len(self.starts)):
            if index in opening:
                inside = True
            elif index in pivots:
                inside = False
            if inside:
                zone.add(index)
        return zone

    def live(self, pattern: _Group, *, past_ok: bool = False) -> set[int]:
        """Sentences where ``pattern`` matches outside a hypothetical (and, unless ``past_ok``,
        a historic) sentence."""
        found = self.sentences(pattern) - self.hypothetical
        return found if past_ok else found - self.historic


def _near(first: Iterable[int], second: set[int], distance: int = 1) -> bool:
    """Whether some sentence of ``first`` is within ``distance`` sentences of one of ``second``."""
    if not second:
        return False
    for index in first:
        for other in range(index - distance, index + distance + 1):
            if other in second:
                return True
    return False


# =============================================================================================
# Danger now: harm signals, immediacy signals and the rules that combine them
# =============================================================================================

# ---- immediacy, weapons and threats ------------------------------------------------------

_WEAPON_NOUN = (
    r"(?:knife|knives|machetes?|blades?|guns?|shotguns?|handguns?|pistols?|rifles?|firearms?"
    r"|crossbows?|hammers?|axes?|hatchets?|swords?|cleavers?|(?:baseball|cricket|metal) bats?"
    r"|bats?|metal bars?|crowbars?|broken bottles?|screwdrivers?|acid|weapons?)"
)
# Immediacy, presence and access: the harm is happening now or within hours.
_NOW_WORDS = (
    r"\b(?:right now|just now|now|at the moment|currently|as we speak|as i (?:type|write)"
    r"|tonight|today|this (?:morning|afternoon|evening)|any (?:minute|second)"
    r"|in (?:\d{1,3}|ten|five|a few|twenty|half an) (?:mins?|minutes|hours?)"
    r"|(?:\d{1,3}|ten|five|a few|twenty) (?:mins?|minutes) ago|an hour ago|(?:a couple of|a few|\d)"
    r" hours ago|on (?:his|her|their|the|my) way|still (?:here|there|in|at|with|outside|inside"
    r"|going|shouting|screaming|hitting|bleeding)|(?:is|are|hes|shes|theyre|he is|she is"
    r"|they are|im|i am|we are) (?:here|there|outside|inside|upstairs|downstairs|parked)"
    r"|(?:at|outside|to|on) the (?:front |back |school |main |bedroom )?(?:door|gate|window)"
    r"|in reception|in the (?:playground|car park|waiting room|kitchen|hallway)|outside"
    r"|after school|home time|pick ?up time|at \d{1,2}(?:[:.]\d{2})?(?: ?[ap]m)?"
    r"|\d{1,2}(?:[:.]\d{2})? ?[ap]m|gone \d{1,2}|midnight|tomorrow"
    r"|when (?:he|she|they|dad|mum) gets? (?:home|back|in)|has just|have just|had just"
    r"|about to|going to (?:drive|take|collect|leave)|meant to be (?:driving|taking|collecting)"
    r"|just (?:\w+ed|got|turned|walked|came|come|rang|told|said|texted|called|arrived|put|took"
    r"|left|ran|run|threw|hit|shown|showed|found|seen|sent)|showed me|shown me)\b"
)
# Any present progressive ("he is waving", "she's getting in the car"): a presence signal next
# to a specific harm, too loose on its own for the last-resort rule (_severe_harm_now).
_PROGRESSIVE = r"|\b(?:is|are|hes|shes|theyre|im) (?:\w+ing|stood|sat)\b"
_NOW = _rx(_NOW_WORDS + _PROGRESSIVE)
_NOW_STRICT = _rx(_NOW_WORDS)
_WEAPON = _rx(
    rf"\b(?:with|holding|held|waving|brandishing|wielding|carrying|pulled|pulls|pulling|drew|drawn"
    rf"|grabbed|got|has|showing|pointing|armed with|holding up|took out|takes out)"
    rf" (?:(?:a|an|the|his|her|their|my|some|something that looks like a|what looks like a"
    rf"|kitchen|big|large|huge|real|massive|carving|bread|stanley|sharp|bag of|bag full of"
    rf"|load of|box of|couple of|two|three|several)\s){{0,4}}{_WEAPON_NOUN}"
    rf"(?! crime)\b(?!s? (?:crime|awareness|amnesty|arch))"
    rf"|\b{_WEAPON_NOUN} (?:in (?:his|her|their) (?:hand|hands|bag|pocket|waistband|belt|coat)"
    rf"|tucked|to (?:his|her|my|their|the) (?:\w+ )?(?:throat|neck|head|face))"
    rf"|\b(?:armed(?!\s+forces)|stabbing|shooting at|firing (?:a gun|at|shots))\b"
)
# Idioms and play that read like threats or violence ("my back is killing me", "play fighting").
_IDIOM = _rx(
    r"\b(?:(?:back|head|feet|legs|knees|neck|stomach|tooth|teeth|this|it|work|traffic|heat|shoes)"
    r" (?:is|are) killing me|kill for (?:a|some)|dressed to kill|killing time|to kill time"
    r"|(?:during|in) (?:a |the )?game|as a joke|joking(?<!not joking)(?<!nt joking)|banter"
    r"|play[- ]?fight\w*|messing about"
    r"|mucking about|(?:is|are|its|was)(?<!he is)(?<!she is)(?<!they are)(?<!someone is) killing me"
    r"|killing it|dying (?:to|for)|lol|lmao|haha\w*|jk|figure of speech|not literally|just how"
    r" (?:they|he|she|we|people|kids|lads) (?:talk|speak)|(?:doesnt|didnt|dont) mean it)\b"
    # I could kill them, driving me mad
    r"|\b(?:could (?:\w+ )?(?:kill|murder|strangle) (?:him|her|them|you|the lot|both)|driving me"
    r" (?:mad|crazy|insane|round the bend|up the wall))\b"
)
_NOT_A_WEAPON = _rx(
    r"\b(?:no|not|never|without|isnt|wasnt|nor)\b(?: \w+){0,3} (?:knife|knives|weapon|gun)\b"
    r"|\b(?:replica|toy|air pistol|nerf|water pistol|plastic|pretend|picture|drawing|cartoon"
    r"|(?:video|computer|online) game|film|movie|poster|scene|story|script|novel|murder mystery"
    r"|(?:knife|gun"
    r"|weapons?) (?:crime"
    r"|awareness|amnesty|arch|safety|policy))\b"
    # music and video clips
    r"|\b(?:drill (?:video|music|track)|music video|lyrics|song|rap video)\b"
)
# Who a threat is aimed at: a person (not "the dog", not "himself").
_PERSON = (
    r"(?:him|her|them|me|us|you|everyone|anyone|somebody|someone|all of (?:us|them)|mum|dad"
    r"|(?:the|a|an|another|other|his|her|their|my|our|that|this|your) (?:\w+ ){0,2}?(?:mum|dad"
    r"|kids?|children|child|baby|son|daughter|wife|husband|family|brother|sister|partner|ex"
    r"|mother|father|parent|teacher|head|pupil|boy|girl|man|woman|person|staff|student|lad"
    r"|friend|neighbour|boyfriend|girlfriend|lot)s?)"
)
_THREAT = _rx(
    rf"\b(?:kill|murder|stab|shoot|strangle|knife|shank|merk)(?:s|ing)? {_PERSON}\b"
    r"|\bslit (?:\w+ ){0,3}?throats?\b"
    r"|\bburn (?:the|our|her|his|their|my) (?:house|flat|home|place) down"
    r"|\bburn (?:\w+ ){0,3}?down with (?:us|them|her|him|me)"
    r"|\bfinish (?:her|him|them|me|you) off\b|\b(?:your|you are|hes|shes|theyre|im|they are"
    r"|he is|she is|youre) (?:so |gonna be |going to be )?dead\b"
    r"|\bprice on (?:his|her|my|their) head|\bthrow(?:ing|s)? acid"
    r"|\bset (?:fire to|light to|(?:the |our |her |his )?(?:house|flat|place|home) (?:on fire"
    r"|alight))"
    r"|\bbreak (?:my|your|his|her|their) (?:\w+ )?(?:legs?|arms?|neck|face)\b"
    r"|\bknows? where (?:she|he|you|we|they|i) lives?|\bcom(?:e|ing) after (?:him|her|me|them|us"
    r"|you)|\bsend (?:the baby|him|her|them|my baby|the"
    r" kids) to heaven|\bnever see (?:them|him|her"
    r"|the kids|the children|your kids|your children|the baby) again"
    rf"|\b(?:going to|will|would|gonna|threaten(?:ed|s|ing)? to|coming to|plans? to|planning to)"
    rf" (?:\w+ ){{0,4}}?(?:hurt|harm|batter|beat up|attack|rape|kidnap|burn|throw|drown|smother"
    rf"|suffocate|shake|poison|starve) {_PERSON}\b"
    # finish what he started, smash her face in
    r"|\bfinish what (?:he|she|they|i) started|\b(?:smash|kick|cave|bash|punch) (?:her|his|your"
    r"|my|their) (?:face|head|teeth) in|\b(?:coming|come) (?:round|over|back) to (?:get|sort"
    r"|hurt|deal with|sort out) (?:her|him|them|us|me|you)\b"
    # torch the house, with us all in it
    r"|\b(?:torch|petrol bomb|firebomb) (?:the|our|my|his|her|their|your) (?:house|flat|home|place"
    r"|car)|\bwith (?:all of )?(?:us|them|the kids|you) (?:in it|inside)\b"
    # do us all in
    r"|\bdo (?:us|them|her|him|you|me) (?:all )?in\b"
    # voices telling him to hurt the baby
    r"|\b(?:voices|something) (?:\w+ ){0,3}?(?:telling|tells|told) (?:him|her|me) to (?:hurt|kill"
    r"|harm|drown|smother)\b"
    # cut me tonight, end up in a box, knows where I'm staying
    r"|\b(?:going to|gonna|will|are going to|theyre going to) (?:cut|slash|jump|shank|merk) (?:me|him"
    r"|her|you|them)\b|\bend up in (?:a box|a coffin|the ground)|\bsix feet under"
    r"|\bknows? where (?:she|he|you|we|they|i) (?:is|am|are|im) (?:staying|living)\b"
    # run her over
    r"|\brun (?:her|him|them|you|me) over\b"
)


_GUN = _rx(
    r"\b(?:has|hes got|has got|got|with|carrying|holding|brought|bringing) (?:a |an |his |her"
    r" |their )?(?:real |loaded )?(?:gun|firearm|pistol|rifle|shotgun|handgun)\b"
)


def _weapon(doc: _Doc) -> bool:
    weapon = doc.live(_WEAPON)
    if not weapon:
        return False
    weapon -= doc.sentences(_NOT_A_WEAPON)
    if weapon & (doc.live(_GUN) - _habitual(doc)):  # a gun to hand needs no time word
        return True
    # a weapon with a threat needs no time word: "he has a knife and says he'll kill us"
    return _near(weapon, doc.live(_NOW, past_ok=True) | doc.live(_THREAT), 1)


# Menace that is a threat to life when a weapon is shown or named next to it.
_MENACE = _rx(
    r"\b(?:(?:see|catch|get|find) (?:you|him|her) (?:tonight|later|after school|soon)|(?:his|her"
    r"|your|their) (?:home )?address|(?:youre|you are|hes|he is) next|watch (?:your|his|her) back"
    r"|knows? where (?:you|he|she|they) (?:live|lives))\b"
)
_WEAPON_ANY = _rx(rf"\b{_WEAPON_NOUN}\b")
_WEAPON_TOPIC = _rx(
    r"\b(?:(?:knife|gun|weapons?) (?:crime|awareness|amnesty|arch|safety|policy)|toy|replica"
    r"|nerf|water pistol|(?:video|computer|online) game|film|movie)\b"
)


def _threat_to_kill(doc: _Doc) -> bool:
    weapon_shown = doc.sentences(_WEAPON_ANY) - doc.sentences(_WEAPON_TOPIC)
    if _near(doc.live(_MENACE) - doc.sentences(_IDIOM), weapon_shown, 1):
        return True
    threat = doc.live(_THREAT) | ((doc.sentences(_THREAT) & doc.if_only) - doc.historic)
    threat -= doc.sentences(_IDIOM)
    if not threat:
        return False
    threat = {i for i in threat if not _near([i], doc.mitigated, 1)}
    armed = doc.live(_WEAPON) - doc.sentences(_NOT_A_WEAPON)
    return _near(threat, doc.live(_NOW, past_ok=True) | armed, 1)


# ---- injury, illness, suicide and self-harm ---------------------------------------------

# Explicit times: a narrower immediacy than _NOW (no bare present tense).
_SOON = _rx(
    r"\b(?:right now|just now|now|at the moment|currently|tonight|today|this (?:morning|afternoon"
    r"|evening)|after school|later|tomorrow|at \d{1,2}(?:[:.]\d{2})?(?: ?[ap]m)?"
    r"|in (?:like |about |around )?(?:\d{1,3}|ten|five|a few|twenty|half an|an) (?:mins?"
    r"|minutes|hours?)|an hour ago|(?:a couple of|a few|\d) hours ago|about to"
    r"|any (?:minute|second))\b"
    # minutes ago
    r"|\b(?:(?:\d{1,3}|ten|five|twenty|a few|a couple of) (?:mins?|minutes) ago)\b"
    # half 3, quarter past
    r"|\b(?:at )?(?:half (?:past )?\d{1,2}|quarter (?:past|to) \d{1,2})\b"
    # end of the day
    r"|\b(?:end of (?:the )?(?:day|school|session|club))\b"
)
# A child hurt now: inherently immediate unless historic.
_INJURY_NOW = _rx(
    r"\b(?:still bleeding|bleeding (?:heavily|badly|a lot|from|through|everywhere|loads)"
    r"|(?:is|hes|shes|are|keeps|still|and) bleeding|(?:a lot|lots|loads) of blood"
    r"|blood (?:coming|pouring|dripping|everywhere|all over|from)|covered in blood|gash"
    r"|(?:pouring|gushing|streaming|dripping|soaked) (?:with |in |of )?blood|wont stop bleeding"
    r"|stab wounds?|(?:cant|wont|cannot|unable to|doesnt|does not) (?:move|bend|lift|use|straighten"
    r"|put weight on) (?:his|her|my|their|it)(?: (?:right|left))?(?: (?:arm|leg|wrist|hand|foot"
    r"|ankle|elbow|neck))?|screams? (?:in pain )?when (?:anyone|you|i|we|they|someone|staff)"
    r" (?:touch|touches|lift|lifts|move|moves|pick|picks)|cries when (?:we|i|you|they|anyone"
    r"|someone) (?:lift|lifts|touch|touches|move|moves|pick|picks)|dazed|concuss\w*"
    r"|keeps (?:nodding off|passing out)|nodding off|gone (?:very )?(?:pale|grey)"
    r"|(?:very|really|so) (?:sleepy|drowsy)|swollen head|(?:all|really|very|badly) swollen"
    r"|cant hear properly|broken (?:arm|leg|bone|wrist|nose|ribs?|jaw)|fractured|(?:crying"
    r"|screaming|howling|doubled up) (?:with|in) pain|in (?:a lot of |so much |severe"
    r" |terrible )?(?:pain|agony)|sling|dislocat\w*|(?:cant|unable to) (?:walk|stand up"
    r"|open (?:his|her) eye)|hit by a (?:car|van|bus|lorry)|run over|bent the wrong way"
    r"|bone (?:is )?sticking out|knocked out)\b"
    # blood down her legs, a wrist bent funny
    r"|\b(?:blood (?:all )?down (?:her|his|my|their)|bent (?:funny|weird|wrong|oddly|backwards)"
    r"|at a (?:funny|weird|strange|odd|wrong) angle)\b"
    # wrists bleeding
    r"|\b(?:(?:wrists?|arms?|legs?|head|face|nose) (?:is |are )?(?:bleeding|pouring))\b"
    # scalds and burns
    r"|\b(?:(?:boiling|hot) (?:water|oil|kettle|tea|coffee|pan)|scald\w*|skin (?:is )?(?:peeling"
    r"|coming off|blistering|hanging off)|(?:badly|severely) burn\w*|burns? (?:all over|to (?:her"
    r"|his) (?:face|body|chest|legs?|arms?)))\b"
)
_MEDICAL = _rx(
    r"\b(?:not breathing|isnt breathing|stopped breathing|cant breathe|struggling to breathe"
    r"|breathing is (?:weird|strange|funny|shallow|noisy|wrong|slow)|(?:gone|turned|going|lips"
    r" are|lips have gone) blue|unconscious|barely conscious|not conscious|not responding"
    r"|unresponsive|wont wake(?: up)?|cant wake (?:him|her|them) up|(?:cant|cannot|couldnt) wake"
    r" (?:him|her|them|\w+) (?:up|either)|(?:isnt|is not|not|wont|will not) (?:waking|wake|respond"
    r"|responding|moving)(?! to)|collapsed|(?:is|hes|shes)"
    r" fitting|fitting (?:on|and)|having a (?:fit|seizure)|seizure (?:wont|that wont) stop"
    r"|(?:is|hes|shes|very|gone|really) floppy|passed out|choking|overdosed|had a (?:fit|seizure)"
    r"|(?:isnt|not|hasnt|havent) (?:coming|come) round)\b"
    # limp, hard to rouse, grey
    r"|\b(?:(?:is|hes|shes|gone|very|really|completely|all|and|but) limp|limp and|hard to (?:wake"
    r"|rouse)|difficult to (?:wake|rouse)|(?:wont|cant|not) rouse|barely (?:breathing|responsive)"
    r"|(?:lips|face|skin) (?:are |is )?(?:going |gone |turning )?(?:blue|grey)|(?:grey|blue) and"
    r" (?:floppy|limp)|(?:floppy|limp) and (?:grey|blue))\b"
    # gone red and floppy
    r"|\b(?:(?:red|grey|blue|pale|white|hot) and (?:floppy|limp|unresponsive))\b"
    # grunting, purple lips
    r"|\b(?:grunting|(?:lips|face|skin) (?:\w+ )?(?:purple|blue|grey)|purple lips)\b"
)
_BABY = _rx(
    r"\b(?:baby|babies|newborn|new born|infant|(?:[1-9]|1[01]) month old|\d{1,2} week old"
    r"|non[- ]?mobile|not (?:yet )?mobile|(?:isnt|arent) (?:yet )?(?:mobile|crawling|rolling))\b"
)
_BABY_HURT = _rx(
    r"\b(?:swollen|swelling|(?:wont|doesnt|cant|isnt) (?:move|moving|using) (?:his|her|their)"
    r"(?: (?:right|left))? (?:arm|leg)|screams? when|cries when|burns?|burnt|burned|bleeding"
    r"|blood (?:coming|from)|fractur\w*|broken|floppy|(?:very|really) (?:sleepy|drowsy)"
    r"|not feeding|bulging|fontanelle|shaken|head injury|lump|bump on (?:his|her|the) head"
    r"|hit (?:the |his |her )?(?:babys |babies )?head)\b"
    # a baby limp, not feeding, smothered
    r"|\b(?:limp|(?:wont|isnt|hasnt been|not) (?:feed|feeding|fed)|hard to (?:wake|rouse)"
    r"|(?:pillow|hand|cushion|blanket) over)\b"
    # held upside down
    r"|\b(?:upside down|by (?:the|her|his) (?:legs?|ankles?|arm)|dangl\w*)\b"
)
_PILLS = (
    r"(?:paracetamol|pills|tablets|antidepressants|painkillers|meds|medication|ibuprofen|aspirin"
    r"|insulin|co-?codamol|sleeping pills)"
)
# Pills taken in a quantity ("took 20 paracetamol", "swallowed her mum's tablets"), not a dose.
_OVERDOSE = _rx(
    rf"\b(?:(?:took|taken|had|necked|downed|taking) (?:\d{{1,3}}|a (?:load|lot|bunch|handful"
    rf"|packet|bottle|box|pack|strip|whole (?:packet|bottle|box)) of|loads of|lots of|all (?:of )?"
    rf"(?:her|his|my|the|mums?|dads?)|the whole|(?:her|his|my|mums?|dads?) whole)(?: \w+){{0,3}}"
    rf" {_PILLS}|swallowed (?:\w+ ){{0,7}}?{_PILLS}|(?:took|taken|taking|had) an overdose"
    rf"|overdosed)\b"
)
_SUICIDAL = _rx(
    r"\b(?:(?:going to|will|would|wants? to|want to|about to|plans? to|planning to|threatening to"
    r"|trying to|tried to) (?:\w+ )?(?:kill (?:my|him|her|them)sel(?:f|ves)|end (?:it|(?:my|his"
    r"|her|their) life)|jump|hang (?:my|him|her)self|take (?:them|it|all|an overdose|the pills"
    r"|the tablets)|do it)|(?:says|saying|said|threatening) (?:he|she|i|they) (?:will|would|is"
    r" going to|are going to) (?:jump|do it|kill (?:my|him|her)self|end it)|suicidal|want to die"
    r"|wants to die|this is goodbye|saying goodbye|goodbye (?:note|message|letter|text)"
    r"|(?:note|message|letter|text) saying goodbye|rope in (?:his|her|my) bag|(?:a|the) (?:rope"
    r"|noose)|ending it|end it all|end my life|take (?:my|her|his|their) own life|ending (?:my|her"
    r"|his) life|wont be (?:here|alive) (?:tomorrow|much longer))\b"
)
_LIGATURE = _rx(
    r"\b(?:(?:cord|rope|ligature|belt|scarf|noose|string|lace|lead|wire|tie) (?:tied )?(?:round"
    r"|around) (?:his|her|my|their) neck|tied (?:\w+ ){0,2}?(?:round|around) (?:his|her|my|their)"
    r" neck|(?:made|tied|tying|making) a (?:ligature|noose))\b"
    # a belt tied to the wardrobe
    r"|\b(?:(?:belt|rope|cord|scarf|tie|lead|sheet) tied (?:to|round|around) (?:the|his|her|my)"
    r" (?:wardrobe|door|banister|bed|rail|beam|loft))\b"
)
_MEANS = _rx(
    r"\b(?:tablets|pills|paracetamol|rope|noose|roof|bridge|ledge|edge|cliff|railway|tracks"
    r"|window|blade|razor|goodbye|jump|overdose|(?:got|has|have) a plan|wrists?|posted|message"
    r"|texted|note)\b"
)
_NEVER = _rx(r"\b(?:never (?:do|did) anything|no plan|not going to do anything|wouldnt do it)\b")


_HAZARD = _rx(
    r"\b(?:got hold of|playing with|has found|found|picked up|eating|eaten|swallowed|drunk|drank"
    r"|chewing|sucking) (?:\w+ ){0,3}?(?:needles?|syringes?|drugs|pills|tablets|methadone|bleach"
    r"|batter(?:y|ies)|cleaning (?:stuff|products|fluid)|vodka|gear|cannabis|weed|wrap)\b"
)


_CHRONIC = _rx(
    r"\b(?:for (?:weeks|months|ages|the last (?:few )?(?:weeks|months)|a few weeks|several weeks"
    r"|\d+ weeks|\d+ months)|decay\w*|rotten|toothache)\b"
)


def _child_injured(doc: _Doc) -> bool:
    chronic = doc.sentences(_CHRONIC)
    return any(not _near([i], chronic, 1) for i in doc.live(_INJURY_NOW))


def _medical_emergency(doc: _Doc) -> bool:
    if doc.live(_MEDICAL):
        return True
    return _near(doc.live(_HAZARD), doc.live(_YOUNG, past_ok=True) | doc.live(_BABY), 0)


def _baby_injury(doc: _Doc) -> bool:
    return _near(doc.live(_BABY, past_ok=True), doc.live(_BABY_HURT), 1)


_CRISIS = _rx(
    r"\b(?:cant do this any ?more|cant go on|cant take (?:it|this) any ?more|sorry for everything"
    r"|goodbye everyone|dont want to be (?:here|alive) any ?more|better off without me"
    r"|no point (?:in )?living|ending it all)\b"
    # goodbyes
    r"|\b(?:(?:said|saying|says|posted|posting|sent|sending) (?:\w+ )?goodbyes? to (?:everyone"
    r"|everybody|us|all|her friends|his friends)|tonights the night|(?:final|last) (?:message|post"
    r"|goodbye))\b"
    # the last time she'll talk to anyone
    r"|\b(?:last time (?:\w+ ){0,3}?(?:talk|speak|see|message)|wont see (?:me|her|him) again)\b"
    # an apology or farewell sent with the means
    r"|\b(?:sorry mum|sorry dad|im sorry|love you all|tell (?:everyone|mum|them) i love)\b"
    # bye sir
    r"|\b(?:(?:bye|goodbye) (?:sir|miss|everyone|all|mum|dad))\b"
)
_NO_REPLY = _rx(
    r"\b(?:(?:isnt|not|stopped) (?:replying|answering|responding|picking up)|phone (?:is )?(?:off"
    r"|dead)|gone quiet|no reply)\b"
    # cannot reach her
    r"|\b(?:(?:cant|cannot|can not|couldnt) (?:get hold of|reach|contact|get through to) (?:her|him"
    r"|them))\b"
)
_SUICIDE_PLAN = _rx(
    r"\b(?:(?:going to|gonna|about to|planning to|plans to|plan to|decided to) (?:\w+ )?(?:kill"
    r" (?:my|him|her|them)sel(?:f|ves)|end (?:it|it all|(?:my|his|her|their) life)|take (?:my|his"
    r"|her|their) own life|hang (?:my|him|her)self))\b"
)


_AT_HEIGHT = _rx(
    r"\b(?:(?:on|onto|up on|climbed on|climbed onto|standing on) (?:the|a"
    r"|top of the) (?:\w+ ){0,2}?"
    r"(?:roof|ledge|bridge|edge|balcony|railway line|railway tracks|cliff|window ledge)(?: \w+)"
    r"{0,6}? (?:wont|will not|refusing to|refuses to) (?:come|get) (?:down|back|in))\b"
)


def _suicide_risk(doc: _Doc) -> bool:
    if doc.live(_OVERDOSE) or doc.live(_LIGATURE) or doc.live(_AT_HEIGHT):
        return True
    if doc.live(_SUICIDE_PLAN) - doc.sentences(_NEVER) - _habitual(doc):
        return True
    crisis = doc.live(_CRISIS)
    if _near(crisis, doc.live(_NO_REPLY, past_ok=True) | doc.live(_MEANS) | doc.live(_SOON), 1):
        return True
    intent = doc.live(_SUICIDAL) - doc.sentences(_NEVER) - _habitual(doc)
    return _near(intent, doc.live(_MEANS) | doc.live(_SOON), 1)


# ---- taken, missing, exploited, left alone ----------------------------------------------

# Someone is here / on the way / trying now (presence without an explicit time).
_PRESENT = _rx(
    r"\b(?:(?:is|are|hes|shes|theyre|he is|she is|they are) (?:here|there|outside|at the|in"
    r" reception|in the|on (?:his|her|their) way|driving|trying|getting|still)|(?:turned|turns"
    r"|turning) up|at (?:my|the|our) (?:front )?(?:door|gate)|in reception|has just|have just"
    r"|just now|trying to|right now|on (?:his|her|their) way|already|right behind|behind (?:me|her"
    r"|him|us)|following (?:me|her|him|us)|(?:wont|will not|refuses to|refusing to) leave)\b"
    # someone insisting or waiting now
    r"|\b(?:(?:is|are|hes|shes|theyre|he is|she is|they are|who is) (?:insisting|demanding"
    r"|threatening|waiting|wanting|refusing|saying|asking))\b"
)
_TAKE_CHILD = _rx(
    r"\b(?:taking|take|took|taken|collect|collecting|grab|grabbing|snatch|snatched|leave with"
    r"|leaving with|walked off with|walking off with|run off with|ran off with|drive off with"
    r"|drove off with|driving off with|get|getting|carrying|carried|get one of|flown|flying"
    r"|fly) (?:the |his |her |their |our |my |one of (?:the|our|my) )?(?:\w+ )?(?:kids|children"
    r"|child|daughter|son|baby|boys?|girls?|\d{1,2} year olds?|twins|toddler|him|her|them"
    r"|under \d{1,2}s)\b"
    r"|\b(?:being|been|is|was) (?:taken|flown|sent) (?:to|abroad|out of)"
    r"|\b(?:is|hes|shes|is here|here|come|came|turned up|sent|been sent) to (?:collect|pick up"
    r"|take|get)\b"
)
_TAKE_CONTEXT = _rx(
    r"\b(?:non[- ]?molestation|court order|no contact|(?:not|isnt|wasnt) on (?:the|her|his"
    r"|their) (?:collection |pick ?up |contact )?list|never seen|(?:doesnt|does not|dont|didnt)"
    r" know (?:her|him|them|who)|not (?:allowed|authorised|permitted)|without (?:permission"
    r"|consent|telling)|supervised contact|child protection plan|protection order|injunction"
    r"|(?:getting|is|very|really) (?:angry|aggressive)|insisting|shouting|threatening"
    r"|fire exit|airport|abroad|flown|flight|pakistan|bangladesh|somalia|sudan|nigeria|india"
    r"|yemen|egypt|iraq|afghanistan|gambia|mali|ethiopia|kenya|scotland|cutting|to marry"
    r"|be married|get married|married off|a lift|white van|stranger|claiming"
    r"|history of violence|security|sent anyone"
    r"|dont know|do not know|mum doesnt"
    r" know|knife|drunk)\b"
    # a letter saying he is a risk
    r"|\b(?:unsupervised contact|(?:is|as) a risk to (?:children|the child|him|her|them)|must not"
    r" (?:have|see|collect|take))\b"
    # a stranger hanging round the gates
    r"|\b(?:(?:a|some) (?:bloke|man|guy|woman|stranger) in a (?:\w+ )?(?:car|van)|hanging"
    r" (?:round|around|about) (?:the )?(?:gates?|school|park))\b"
)
_UNAUTHORISED = _rx(
    r"\b(?:(?:not|isnt|wasnt) on (?:the|her|his|their) (?:collection |pick ?up |contact )?list"
    r"|claiming (?:hes|shes|he is|she is|to be)|(?:doesnt|does not|dont|didnt) know (?:her|him"
    r"|them|who (?:he|she) is)|never seen (?:her|him|them|before)|(?:hasnt|has not|didnt|did not"
    r"|not) sent (?:anyone|anybody|him|her)|(?:man|woman|person|someone) (?:we|i|she|mum|they)"
    r" (?:dont|doesnt|do not|does not|didnt) know)\b"
)
_SNATCH = _rx(
    r"\b(?:(?:trying to|tried to|attempting to|attempted to|try to) (?:take|grab|snatch|drag|pull"
    r"|lure|get|entice) (?:\w+ ){0,3}?(?:child|children|baby|kids?|girls?|boys?|toddler|son"
    r"|daughter|pupil)s?|(?:trying to|tried to|attempting to|attempted to|try to) (?:get|lure|take"
    r"|pull|drag|push|bundle|entice) (?:\w+ ){0,3}?(?:into|in) (?:a|his|the|their) (?:car|van"
    r"|taxi|house|flat))\b"
    # luring with sweets
    r"|\b(?:(?:told|asked|asking|telling|offered|offering) (?:him|her|them|me|the kids?) (?:to come"
    r" (?:round|with|over|to)|to get in|sweets|money|a lift)|for sweets)\b"
)
_TRAVEL_SOON = _rx(
    r"\b(?:in the morning|tomorrow|tonight|today|this weekend|flight (?:is|leaves)|flying (?:out"
    r"|tonight|tomorrow|today))\b"
    # on Friday
    r"|\b(?:on|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_FORCED_INTO = _rx(
    r"\b(?:push|pushed|pushing|bundle|bundled|bundling|drag|dragged|dragging|force|forced"
    r"|forcing|shove|shoved|shoving|pull|pulled|pulling|grab|grabbed|grabbing) (?:\w+ ){0,3}?into"
    r" (?:a|the|his|their) (?:car|van|taxi)\b"
)
_MISSING = _rx(
    r"\b(?:(?:is|has been|been|gone|went|go|goes|now|reported) missing(?! (?:school|lessons?"
    r"|afternoons?|mornings?|days|class|classes|appointments|education|meals|out|from education))"
    r"|missing since"
    r"|(?:hasnt|has not|havent|have not|didnt|did not|not) (?:come|came|got|gotten|arrived"
    r"|turned up|returned|been|come back) (?:home|back|in|to school|at school|after)"
    r"|didnt arrive|not back (?:from|yet|home)|(?:run|ran|running) (?:away|off)|gone off with"
    r"|went off with|(?:went|gone) out at|(?:gone|went|left|going) to meet|(?:cant"
    r"|cannot) find (?:her|him)|(?:no one|nobody)"
    r" knows where|last seen|(?:phone|mobile) (?:is |has been )?(?:off|dead|switched off|goes"
    r" straight to voicemail)|not answering|not picking up)\b"
    # gone since 6pm
    r"|\b(?:(?:has been|been|is|was) gone (?:since|for)|(?:not|hasnt|has not) been (?:seen|heard"
    r" from) since|out all night)\b"
)
_BACK_SAFE = _rx(
    r"\b(?:(?:is|shes|hes|are|theyre|now) (?:back|home|safe)|came back|come back (?:on|last)"
    r"|returned|been found|was found|turned up (?:safe|at home))\b"
)
_WITH_ADULTS = _rx(
    r"\b(?:(?:with|into a (?:car|taxi|van) with|in (?:a|his|their) car with|staying with|to meet"
    r"|meet up with|meeting) (?:\w+ ){0,4}?(?:man|men|bloke|blokes|adults?|older (?:man|men|lads"
    r"|boys?|guys?|boyfriend)|strangers?|guys)|(?:man|men|bloke|guy|boyfriend|partner)"
    r" (?:\w+ ){0,3}?(?:in (?:his|their) (?:20s|30s|40s|50s|twenties|thirties|forties|fifties)"
    r"|who is (?:1[89]|[2-9]\d)|aged (?:1[89]|[2-9]\d))|(?:1[89]|[2-9]\d) year old (?:man|bloke"
    r"|guy|boyfriend)|older (?:man|men|lads|boys?|guys|boyfriend)|strangers?|(?:mans|blokes"
    r"|strangers) (?:car|van|house|flat)|met online|(?:talking|chatting"
    r"|speaking) to (?:\w+ ){0,3}?online|in (?:his|their) (?:20s|30s|40s|50s)|(?:not allowed|no)"
    r" contact|court order|non[- ]?molestation|(?:birth|biological) (?:father|dad|mother|mum)"
    r"|met (?:online|on"
    r" \w+)|(?:he is|hes|who is|says hes|told her hes|claims hes) (?:1[89]|[2-9]\d)\b)\b"
    # a man in a car
    r"|\b(?:(?:bloke|man|men|stranger|adult|guy|woman) in a (?:\w+ )?(?:car|van))\b"
    # boyfriend is 20; a man's flat
    r"|\b(?:(?:boyfriend|man|partner|guy) is (?:1[89]|[2-9]\d)|a (?:mans|blokes|grown mans)"
    r" (?:flat|house|car|place)|older (?:guys|teenagers|teens|youths))\b"
)
_HELD = _rx(
    r"\b(?:(?:wont|will not|dont|do not|refuse to|refusing to)(?<!i wont)(?<!we wont)(?<!i dont)"
    r"(?<!we dont) let (?:him|her|me|them) (?:leave|go|come home|go home|out)|(?:not|arent|are"
    r" not|isnt|is not) letting (?:him|her|me|them) (?:leave|go|come home|go home|out)"
    r"|(?:keeping|holding) (?:him|her|me|them) (?:prisoner|hostage|there)|cant (?:get out"
    r"|leave|escape)|trap house|being held|(?:wont|will not|doesnt|does not) let (?:her|him)"
    r" (?:speak|talk|answer|be seen|out of (?:his|her) sight)|(?:man|men|stranger|he|they) (?:is "
    r"|are )?(?:driving"
    r"|taking) (?:her|him|me|them) (?:somewhere|away|off)|wont let (?:her|him|me|them) out"
    r"|(?:wont|will not|not) give (?:me|her|him) (?:my|her|his)"
    r" phone back|held (?:against|hostage|captive|prisoner))\b"
    # locked in a room now
    r"|\b(?:(?:is|are|being) (?:kept )?locked in (?:a|the|her|his|their) (?:\w+ )?(?:bedroom|room"
    r"|cupboard|shed|flat|house))\b"
    # not allowed to leave
    r"|\b(?:(?:not|isnt|arent|is not) allowed to (?:leave|go|come home|go home)|(?:took|taken|take)"
    r" (?:his|her|my) phone (?:off|away)|(?:until|till) (?:hes|shes|he has|she has|i have) (?:sold"
    r"|paid))\b"
)
_ABUSE_LIVE = _rx(
    r"\b(?:(?:telling|asking|making|getting|forcing) (?:her|him|me) (?:to )?(?:take (?:her|his|my"
    r"|their) (?:\w+ )?off|undress|strip|touch (?:her|him|my)self|show (?:her|his|my) (?:\w+ )?"
    r"(?:body|chest|boobs|privates))|taking turns|(?:make|makes|made|making) (?:her|him|me)"
    r" (?:sleep|have sex) with|(?:sex|sleep) (?:with (?:\w+ ){1,2})?for money|(?:pics|photos"
    r"|videos) for money"
    r"|being made to (?:have sex|sleep with|do (?:stuff|things|sexual))"
    r"|exposing (?:him|her)self|flashing (?:at )?(?:the )?(?:children|kids|girls|boys)"
    r"|masturbating|filming (?:the )?(?:children|kids|girls|boys|pupils))\b"
)
_OLDER_MEN_NOW = _rx(
    r"\b(?:with (?:a load of |a group of |some |two |2 |three |3 |loads of |several )?(?:older"
    r"|adult|grown) (?:men|blokes)|(?:party|flat|hotel|house|car) with (?:\w+ ){0,3}?(?:men"
    r"|blokes)|sold all the gear|selling (?:drugs|gear)|(?:man|men|bloke"
    r"|guy|stranger|older (?:man|men|lads|boys?)|adult)(?: \w+){0,6}? (?:is|are) waiting for"
    r" (?:her|him|them)|(?:man|men|bloke|adult|stranger)(?: \w+){0,5}? (?:is|are) (?:in|inside)"
    r" (?:her|his|my|their|the) (?:bedroom|room|bed|tent)|(?:man|men|adult|bloke|stranger|guy"
    r"|older \w+)(?: \w+){0,4}? (?:is|are) (?:picking (?:her|him) up|meeting (?:her|him)"
    r"|coming to (?:get|collect|pick up|pick) (?:her|him))|(?:man|men|stranger|adult|bloke)"
    r" (?:\w+ ){0,3}?in (?:the )?(?:girls|boys|childrens|kids|womens|ladies)? ?(?:changing"
    r" rooms?|toilets|showers|dorm|dormitory|bedroom))\b"
)
# Where exploitation is happening (with older men at a party, given drugs).
_CSE_SETTING = _rx(
    r"\b(?:(?:at|in) (?:a|the|his|their) (?:party|house party|house|flat|hotel|car|trap house)"
    r"|(?:given|giving|gave) (?:her|him|them) (?:\w+ )?(?:drugs|alcohol|vodka|pills|drink)"
    r"|feels? (?:ill|sick|dizzy|weird)|out of it|drunk|high)\b"
)
_ALONE = _rx(
    r"\b(?:(?:are|is|been|left|home|at home|car) (?:\w+ )?(?:alone|on (?:their|his|her|its) own|by"
    r" (?:them|him|her)sel(?:f|ves)|unattended)|locked (?:them|him|her) in|(?:havent"
    r"|hasnt|not) (?:come|came) back|left (?:me|us|them|him|her)(?: and (?:my |our |his |her"
    r" |their )?\w+(?: \w+)?)? (?:at home|alone|on (?:my|our|their|his|her) own|home alone)"
    r"|(?:nobody|no one) (?:has )?(?:collected|come for|picked up)|(?:not|hasnt|havent) been"
    r" (?:collected|picked up)|no adults? (?:anywhere|around|with)|abandoned"
    r"|(?:left|found) on (?:a|the|our) doorstep|(?:been|was|is) left (?:\w+ )"
    r"{0,3}?(?:outside|in the car|alone|on (?:her|his|their) own)|(?:locked|left|shut) in (?:a|the"
    r"|his|her|their) (?:car|van)|wandering (?:\w+ ){0,4}?on"
    r" (?:his|her|their) own|no sign of (?:parents|an adult|any adults|mum|dad|anyone))\b"
    # children on their own, no adult
    r"|\b(?:(?:kids|children|toddlers?|babies|twins|siblings|little ones|year olds?) (?:\(\d[^)]{0,12}\) )?"
    r"(?:\w+ ){0,3}?(?:on their own|alone|by themselves|unattended)|no adults?(?: (?:anywhere"
    r"|around|with|there|present|in sight|home|in))?)\b"
    # walking along a road in pyjamas, mum asleep
    r"|\b(?:(?:walking|wandering|roaming|playing) (?:\w+ ){0,3}?(?:along|on|by|near|in) (?:the|a)"
    r" (?:road|dual carriageway|motorway|street|canal|river|railway)|(?:mum|dad|mummy|daddy"
    r"|parents?) (?:is |are )?(?:asleep|passed out|not home|not in))\b"
    # alone in a car
    r"|\b(?:alone in (?:a|the|her|his|their) (?:car|van))\b"
)
_YOUNG = _rx(
    r"\b(?:baby|babies|toddlers?|twins|little ones|[0-9] year olds?|(?:[1-9]|1[01]) month"
    r" old|infant|newborn)\b"
    # under fives, (5 and 7)
    r"|\b(?:under (?:\d{1,2}|fives?)s?)\b|\((?:[1-9]|1[01])(?:(?:,| and| &) ?\d{1,2})*\)"
    # kids aged about 4
    r"|\b(?:(?:kids|children|boys|girls|toddlers?|twins) (?:aged |of )?(?:about |around )?[1-9])\b"
    # a little girl, maybe 3
    r"|\b(?:(?:little|small) (?:girl|boy|one|kid)|(?:maybe|about|around|aged) [1-9](?!\d))\b"
)
_LATE = _rx(
    r"\b(?:midnight|for hours|all night|right now|tonight|gone \d{1,2}|\d{1,2} ?pm|days ago"
    r"|no food|(?:isnt|not) answering|for (?:\d|two|three|four|several) days|since yesterday"
    r"|overnight|for ages|freezing|(?:its|it is) dark|in the cold|\d{1,2} ?pm|(?:main )?road"
    r"|street|motorway|river|canal|water|no sign of|boiling|(?:so|very|really) hot|crying|screaming"
    r"|(?:\d{1,3}|ten|twenty|thirty|forty) (?:mins?|minutes)|car park"
    r"|(?:nobody|no one) (?:is )?(?:around|about|here|there)|fire|smoke)\b"
    # the small hours; heights
    r"|\b(?:[1-5](?:[:.]\d\d)? ?am|balcony|ledge|window ?sill|roof|open window)\b"
    # dual carriageway
    r"|\b(?:dual carriageway|pyjamas)\b"
    # a hot car
    r"|\b(?:\d{2} degrees|windows (?:up|closed|shut))\b"
)


def _abduction(doc: _Doc) -> bool:
    soon = doc.live(_SOON, past_ok=True) | doc.live(_PRESENT, past_ok=True)
    if doc.live(_FORCED_INTO) or _near(doc.live(_SNATCH), soon, 1):
        return True
    soon |= doc.live(_TRAVEL_SOON, past_ok=True)
    if _near(doc.live(_UNAUTHORISED), soon, 1):
        return True
    take = {i for i in doc.live(_TAKE_CHILD) if not _near([i], doc.mitigated, 1)}
    if not take or not _near(take, doc.live(_TAKE_CONTEXT, past_ok=True), 1):
        return False
    return _near(take, soon, 1)


_TRAVEL_NOW = _rx(
    r"\b(?:(?:at|to|in|from) the airport|flights? (?:is|leaves|at|tonight|tomorrow|today|this"
    r"|booked for)|(?:flying|fly|flies|leaving|leave|going) (?:out |abroad |to \w+ )?(?:tonight"
    r"|tomorrow|today|in the morning|this (?:evening|afternoon|weekend))|(?:bags|suitcases?)"
    r" (?:are )?packed|packed (?:her|his) (?:bags|suitcase))\b"
)


_TRAVEL_VERB = _rx(
    r"\b(?:fly|flying|flies|flight|going|go|take|takes|taking|sent|sending|send|leaving|leave"
    r"|travel\w*|trip|holiday|airport|abroad|back home|home)\b"
)


def _taken_abroad(doc: _Doc) -> bool:
    """A child about to be flown out for a marriage or cutting (the concern words of
    forced_marriage / fgm next to travel within hours)."""
    soon = doc.live(_TRAVEL_SOON, past_ok=True) & doc.sentences(_TRAVEL_VERB)
    travel = doc.live(_TRAVEL_NOW, past_ok=True) | soon
    if not travel:
        return False
    harm = set().union(*(doc.live(_CONCERN_GROUP[name]) for name in ("forced_marriage", "fgm")))
    # taken to a war zone: radicalisation said with the journey
    harm |= doc.live(_CONCERN_GROUP["radicalisation"]) & doc.sentences(_TRAVEL_VERB)
    return _near(harm, travel, 1)


def _missing_with_adult(doc: _Doc) -> bool:
    missing = doc.live(_MISSING)
    missing = {i for i in missing if not _near([i], doc.sentences(_BACK_SAFE), 1)}
    return _near(missing, doc.live(_WITH_ADULTS, past_ok=True), 2)


_GROOMER = _rx(
    r"\b(?:groom\w*|(?:man|adult|stranger|older \w+|guy|bloke) (?:\w+ ){0,4}?met (?:online|on"
    r" \w+))\b"
)


_COERCED = _rx(
    r"\b(?:(?:have|has|had) to (?:come|go|get in|meet|work|do)|(?:making|forcing|made|make|makes)"
    r" (?:me|her|him) (?:to )?(?:come|go|get in|meet|work|do)|(?:i|she|he) owes? (?:them|him|her"
    r"|money)|in debt to)\b"
    # come with me or else
    r"|\b(?:if (?:i|she|he) (?:dont|doesnt|wont) (?:come|go|get in|meet)|send (?:everyone|people|her"
    r" (?:mum|parents)|his (?:mum|parents)|my (?:mum|parents)) (?:the|my|her|his) (?:videos|pics"
    r"|pictures|photos|nudes))\b"
)
# Within hours, or waiting outside (narrower than _SOON: no bare "now", "later").
_URGENT = _rx(
    r"\b(?:tonight|today|right now|this (?:morning|afternoon|evening)|in (?:\d{1,3}|a few|ten|five"
    r"|twenty|half an) (?:mins?|minutes|hours?)|after school|any (?:minute|second)|(?:waiting"
    r" )?outside (?:my|our|the|her|his) (?:house|flat|home|school|door|gate))\b"
    # outside school now
    r"|\b(?:outside (?:school|college|home|the school|the gates?)(?: now)?|straight (?:from|after)"
    r" school)\b"
)
_CSE_PLAN = _rx(
    r"\b(?:party|flat|house|hotel|sleepover|gathering|(?:give|gives|giving) (?:you|her|them|girls)"
    r" (?:free )?(?:vodka|alcohol|drink|drugs|weed)|have to be nice to (?:them|him))\b"
)
_MEET_ADULT = _rx(
    r"\b(?:(?:meeting|meet|meet up with|meeting up with|going to see|sneaking out to (?:see|meet))"
    r" (?:\w+ ){0,3}?(?:man|men|adult|guy|bloke|older (?:man|men|lad|lads|boy|boys)|stranger"
    r"|someone (?:she|he) met))\b"
)
_CCE_LIVE = _rx(
    r"\b(?:(?:going|gone|go|sent|sending|taking (?:him|her)|taken) (?:on|to do) a job|(?:gave"
    r"|given) (?:him|her|them) a (?:knife|blade|gun|weapon)|(?:knife|blade|gun|weapon) (?:that )?"
    r"(?:they|he|the \w+) gave (?:him|her)|(?:car|van) full of (?:older )?(?:men|lads|blokes)"
    r"|going country|(?:sent|sending) (?:him|her) (?:out )?to (?:sell|deliver|drop|run)|(?:doing|do)"
    r" (?:a )?drops?|(?:running|run) (?:a |the )?line)\b"
)


def _exploitation_now(doc: _Doc) -> bool:
    if doc.live(_HELD) - _habitual(doc) or doc.live(_FORCED_INTO):
        return True
    if _near(doc.live(_CCE_LIVE) - _habitual(doc), doc.live(_NOW, past_ok=True), 1):
        return True
    adult = doc.live(_WITH_ADULTS, past_ok=True)
    present = doc.live(_ACCESS) | doc.live(_PRESENT)
    if _near(adult, present, 0) and _near(adult, doc.live(_FEAR, past_ok=True), 1):
        return True
    now = doc.live(_NOW, past_ok=True) | doc.live(_PRESENT, past_ok=True)
    if _near(doc.live(_GROOMER), doc.live(_PRESENT, past_ok=True), 1):
        return True
    told_after = doc.sentences(_PAST_TIME) - doc.sentences(_NOW_STRICT)
    coerced = doc.live(_COERCED)
    if _near(coerced, doc.live(_WITH_ADULTS, past_ok=True), 1) and _near(coerced, doc.live(_URGENT, past_ok=True), 1):
        return True
    party = doc.live(_CSE_PLAN) & doc.sentences(_URGENT)
    if _near(party, doc.live(_WITH_ADULTS, past_ok=True), 1):
        return True
    meet = doc.live(_MEET_ADULT) | doc.live(_GROOMER)
    if _near(meet, doc.live(_SOON, past_ok=True) | doc.live(_PRESENT, past_ok=True), 1):
        return True
    now |= doc.live(_CSE_SETTING, past_ok=True) - told_after
    return _near(doc.live(_ABUSE_LIVE) | (doc.live(_OLDER_MEN_NOW) - told_after), now, 1)


def _children_alone(doc: _Doc) -> bool:
    alone = doc.live(_ALONE)
    return _near(alone, doc.live(_YOUNG, past_ok=True), 1) and _near(alone, doc.live(_LATE), 1)


# ---- assault with the abuser about to have access; unsafe home; drink-driving; violence ---

_SEXUAL_ASSAULT = _rx(
    r"\b(?:raped?|sexually (?:assaulted|abused|touched)|(?:assaulted|abused|attacked) (?:her|him"
    r"|me)|made (?:her|him|me) (?:have sex|do (?:stuff|things|sexual)|touch|suck|give)"
    r"|(?:forced|pressured) (?:her|him|me) (?:to have sex|into)|touched (?:her|his|my) (?:willy"
    r"|penis|privates|private parts|vagina|bum|boobs|breasts|chest|fanny|bottom)|touched (?:him"
    r"|her|me) (?:down there|inside|under)|hurt (?:her|him|me) down there|(?:did|does|do)"
    r" (?:stuff|things|sexual things) to|put (?:his|her) (?:finger|hand)s? (?:in|inside|down)"
    r"|(?:had|have|has) sex with (?:her|him|me))\b"
    # hands in her knickers
    r"|\b(?:puts? (?:his|her) (?:\w+ )?(?:hands?|fingers?) (?:in|inside|down) (?:my|her|his)"
    r"|(?:hands?|fingers?) (?:in|down|inside) (?:my|her|his) (?:knickers|pants|trousers|pyjamas"
    r"|nightie|underwear))\b"
    # held her down
    r"|\b(?:(?:held|pinned) (?:her|him|me) down)\b"
)
_RECENT = _rx(
    r"\b(?:last night|yesterday|this morning|today|earlier|at the weekend|on (?:saturday|sunday"
    r"|friday|thursday|wednesday|tuesday|monday)|this week|just now|an hour ago|hours ago"
    r"|in the tent|tonight|has just|just told|at night)\b"
)
# The alleged abuser is about to have the child again (or is with them now).
_ACCESS = _rx(
    r"\b(?:(?:is |are |hes |shes |he is |she is )?(?:coming|going|due|here|on (?:his|her|their)"
    r" way) to (?:collect|pick (?:her|him|them) up|get (?:her|him|them)|take (?:her|him|them))"
    r"|collects?|collecting|picks? (?:her|him|them|me) up|picking (?:her|him|them|me) up"
    r"|(?:goes|go|going|gets|get|has to go|have to go|has to get|have to get) (?:back )?(?:home )?"
    r"to (?:him|her|them|his|hers)|(?:has|have) to go (?:back|home)|waiting (?:for (?:her|him|them)"
    r" )?(?:at|outside|in) (?:the )?(?:gate|door|reception|car|playground|school)|(?:hes|he is"
    r"|theyre|they are|dads|dad is|mums|mum is|stepdads|boyfriends) (?:waiting|outside|at the"
    r" (?:gate|door)|here|home|back|due (?:home|back)|sat|sitting|in the (?:waiting room"
    r"|common room|car|building"
    r"|house|next room|same room)|still in)|comes? round|coming (?:round|over|back)"
    r"|same (?:tent|room|house|dorm|bed)|works? nights again"
    r"|(?:driving|taking|having) (?:her|him|them) (?:to|home|back|tonight|this)"
    r"|(?:wants|wanting|trying|going) to take (?:her|him|them) (?:home|away|back)"
    r"|(?:staying|sleeping|stopping|going) (?:at|to|round) (?:his|hers|theirs|his house|her house"
    r"|their house|his flat|his place)|staying with (?:him|her|them)"
    r"|(?:get|gets|do|does|happen|happens) (?:it )?again (?:tonight|today|later|when)"
    r"|(?:he|she) will do it again|again tonight|at (?:his|hers|theirs) (?:this|tonight)"
    r"|(?:is|are) still (?:there|here|around|in the|at the))\b"
    # still on site, at home with the baby, babysitting
    r"|\b(?:(?:hes|he is|shes|she is|theyre|they are|is|are) still (?:on|in|at|around|here|there"
    r"|nearby)|(?:at home|alone|on (?:his|her) own|home alone) with (?:her|him|them|the \w+)"
    r"|babysit(?:s|ting)? (?:her|him|them|the kids|the children|tonight)|(?:is|hes|shes)"
    r" babysitting)\b"
)
_ABUSE = _rx(
    r"\b(?:hit|hits|hitting|punched|kicked|slapped|smacked|beat|beats|beaten|battered|belt"
    r"|burnt|burned|burns|on the cooker|lighter to|strangled|threw (?:a|the|his|her) \w+ at"
    r"|hurt (?:her|him|me)|hurts (?:her|him|me)|raped?|touched|touches|does (?:stuff|things) to"
    r"|did (?:stuff|things) to|made (?:her|him|me) (?:do|have sex|touch)|assaulted|abused"
    r"|abusing|fresh bruises|finger in|dragged|did (?:it|this|that)|done (?:it|this)|shook|shaking"
    r"|gave (?:her|him) (?:drugs|alcohol|vodka)|twisted|scalded|under ?water|drown\w*"
    r"|held (?:his|her|my) head|suffocat\w*|smother\w*|choked|bruis\w* on (?:her|his) (?:neck"
    r"|face|head|ear|cheek)|finger ?marks|fingertip|grip marks|hand ?print|slap marks|belt marks"
    r"|bite marks?|cigarette burns?|locked (?:her|him|them|me)"
    r"(?: \w+){0,3} in)\b"
    # smothering; sexual abuse in a child's words
    r"|\b(?:(?:pillow|hand|cushion|blanket|bag) over (?:the |her |his |their )?(?:\w+ )?(?:face"
    r"|mouth|head)|puts? (?:his|her) (?:\w+ )?(?:hands?|fingers?) (?:in|inside|down|up)|(?:hands?"
    r"|fingers?) (?:in|down|inside|up) (?:my|her|his) (?:knickers|pants|trousers|pyjamas|nightie"
    r"|nightdress|underwear)|(?:comes?|came|coming|gets?|got) (?:in|into) (?:my|her|his) (?:bed"
    r"|bedroom|room) at night|(?:tickle|tickling|secret|wriggly|naughty|special) game|tickl\w*"
    r" (?:\w+ ){0,3}?under|touch(?:es|ed|ing) (?:me|her|him) (?:down there|under|at night)"
    r"|hurts? (?:her|his|my) (?:wee-?wee|minnie|front bottom|privates|private parts|willy|fanny"
    r"|bits))\b"
    # sat on his chest
    r"|\b(?:sat on (?:his|her|my) (?:chest|head|face)|(?:couldnt|could not|cant) breathe"
    r"|whip\w*)\b"
    # bruised ears, a torn frenulum
    r"|\b(?:bruis\w* (?:on|to|behind) (?:her|his|the|both) (?:neck|face|head|ears?|cheeks?|eyes?)"
    r"|torn frenulum|frenulum)\b"
)
_UNSAFE_HOME = _rx(
    r"\b(?:(?:too scared|scared|afraid|frightened|terrified|not safe|isnt safe|unsafe) to (?:go"
    r" )?(?:back )?home|(?:dont|do not|please dont) make me go (?:back )?home|begging (?:me )?not"
    r" to make (?:him|her|me) go|nowhere (?:to|else to) (?:sleep|stay|go)|(?:kicked|thrown|threw"
    r"|chucked|locked) (?:him|her|me|them) out|(?:been )?(?:kicked|thrown|chucked) out"
    r"|not allowed (?:back )?home|wont let (?:her|him|me) (?:back )?(?:in|home))\b"
)
_HOME_REFUSAL = _rx(
    r"\b(?:(?:cant|cannot|can not|doesnt want to|dont want to|does not want to|wont|will not"
    r"|refusing to|refuses to) (?:go )?(?:back )?home|refusing to leave|if (?:he|she|i) (?:goes"
    r"|go|gets|get|come|comes|went) (?:back )?(?:home|back)|hiding in the (?:toilets|loos"
    r"|bathroom)|wont come out|(?:cant|cannot) go back)\b"
)
_FEAR = _rx(
    r"\b(?:scared|afraid|frightened|terrified|hurt|hit|batter|kill|dead|beat|break|harm|does"
    r" things|does stuff|finish (?:her|him|me) off|belt|punish)\w*"
)
_INTOXICATED = _rx(
    r"\b(?:drunk|wasted|steaming|hammered|pissed|legless|plastered|off (?:his|her|their) (?:face"
    r"|head|tits)|high as a kite|(?:is|seems|looks|clearly|very|really) high|stoned"
    r"|under the influence|slurring|swaying|unsteady|staggering|stumbling|paralytic|falling over"
    r"|(?:can|could) barely walk|(?:can|could) barely stand|(?:cant|couldnt"
    r"|could not|cannot) stand(?: up)?(?: straight)?|(?:stinks?|stinking|stank|reeks?|reeking"
    r"|smell(?:s"
    r"|ing|ed)?) (?:strongly |really |heavily |badly )?(?:of )?(?:alcohol|booze|drink|beer"
    r"|wine|vodka|cannabis|weed)|smell alcohol|smell it on|pupils"
    r" (?:are )?(?:massive|huge|pinned|like saucers)|out of (?:it|his face|her face))\b"
)
_DRIVING = _rx(
    r"\b(?:driv(?:e|es|ing)|drove|behind the wheel|car keys|keys in (?:his|her) hand"
    r"|(?:into|in|to|towards) (?:the|his|her|their|a) (?:car|van)|drivers (?:side|seat|door)"
    r"|car seat"
    r"|strapped in|school run"
    r"|(?:back|front|passenger) seat|engine (?:is )?running|car engine)\b"
)
_HABITUAL = _rx(
    r"\b(?:sometimes|often|always|every (?:day|night|time|week|weekend)|most (?:days|nights"
    r"|weekends)|all the time|usually|regularly|keeps|when(?:ever)? (?:he|she) has them|whenever"
    r"|every time)\b"
)
# What would happen if: "they beat him up if he doesn't hold stuff for them".
_CONDITIONAL = _rx(r"\b(?:if (?:he|she|they|i|you) (?:doesnt|dont|does not|do not|wont|refuses?|says?|tells?))\b")
_VIOLENCE_NOW = _rx(
    r"\b(?:(?:is|are|hes|shes|theyre|he is|she is|they are|someones|someone is|still)"
    r" (?:\w+ ){0,3}?(?:hitting|punching|kicking|beating|strangling|choking|shoving|attacking"
    r"|battering|stabbing|smashing|throwing (?:things|stuff|chairs|plates)|fighting|dragging"
    r"|slapping|hurting|kicking the door|banging on|trying to (?:get|break) in(?:to)?"
    r"|barricaded (?:him|her|them)sel(?:f|ves) in|shaking"
    r" (?:the baby|him|her|them|the child))|(?:screaming|crying|shouting|yelling) (?:for )?help"
    r"|(?:can|could) hear (?:\w+ ){0,6}?(?:screaming|smashing|shouting|hitting|crying|banging"
    r"|fighting|things breaking)"
    r"|stop (?:dad|mum|hitting|hurting)|please stop (?:hitting|hurting)"
    r"|smashing (?:the place|things|the house|the flat) up"
    r"|(?:just|has just|have just) (?:punched|hit|kicked|slapped|attacked|strangled|stabbed"
    r"|beaten|battered|hurt|thrown|headbutted|assaulted|shot|rammed|smashed|crashed|set fire"
    r"|broken in|broke in|kicked in)|kicking the door in|threw a chair|(?:is|are|hes|shes"
    r"|theyre) being (?:kicked|beaten|attacked|hit|punched|stabbed|battered|strangled"
    r"|assaulted|jumped|beaten up|dragged))\b"
)
_BEEN_HITTING = _rx(
    r"\b(?:has|have|hes|theyve) been (?:hitting|beating|punching|kicking|attacking|hurting"
    r"|battering|strangling|throwing things at) (?:\w+ ){0,3}?(?:all (?:evening|night|day|morning"
    r"|afternoon)|for (?:hours|the last (?:hour|few hours))|since (?:this|he got|she got|they got)"
    r"|tonight|today)\b"
)
_HAS_HURT = _rx(
    r"\b(?:has|have|hes|theyve) (?:just )?(?:hurt|hit|attacked|stabbed|strangled|beaten|battered"
    r"|punched|kicked|injured) (?:her|his|my|their|our) (?:mum|dad|mother|father|sister|brother"
    r"|baby|nan|gran)\b"
)
_FIGHTING = _rx(
    r"\b(?:fighting|smashing|kicking (?:him|her|off)|punching|beating|attacking|throwing"
    r" (?:things|stuff)|banging on|(?:shouting|screaming|yelling) at (?:her|him|them|the kids"
    r"|the children|mum))\b"
)


_JUST_HAPPENED = _rx(
    r"\b(?:just (?:now|happened|been|got|come|came|left|got out)|has just|have just|an hour ago"
    r"|(?:\d{1,3}|ten|twenty|thirty|a few|a couple of) (?:mins?|minutes|hours) ago|earlier (?:today"
    r"|tonight|this (?:morning|afternoon|evening))|(?:is|are|were|we are|were at|im at|shes at)"
    r" (?:\w+ ){0,3}?now)\b"
    # half an hour ago
    r"|\b(?:half an hour ago)\b"
)


def _sexual_assault_recent(doc: _Doc) -> bool:
    assault = doc.live(_SEXUAL_ASSAULT)
    if _near(assault, doc.live(_JUST_HAPPENED, past_ok=True), 1):
        return True
    recent = {i for i in assault if _near([i], doc.live(_RECENT, past_ok=True), 1)}
    return _near(recent, doc.live(_ACCESS) - doc.mitigated, 1)


def _unsafe_to_go_home(doc: _Doc) -> bool:
    if doc.live(_UNSAFE_HOME):
        return True
    if _near(doc.live(_HOME_REFUSAL), doc.live(_FEAR, past_ok=True), 1):
        return True
    # harm seen or told today, and the alleged abuser collects / has the child within hours
    access = doc.live(_ACCESS) - doc.mitigated
    if not access:
        return False
    timed = doc.live(_SOON, past_ok=True) | doc.live(_PRESENT, past_ok=True)
    access = {i for i in access if _near([i], timed, 1)}
    return _near(doc.live(_ABUSE, past_ok=True), access, 3)


_SOBER_DRIVER = _rx(
    r"\b(?:(?:wife|husband|partner|someone else|another adult|nan|gran|grandma|grandad|mum|dad"
    r"|friend) (?:was|is|will be) driving|(?:not|isnt|wasnt) (?:the one )?driving|(?:got|getting"
    r"|took|taking) (?:a )?(?:taxi|bus|train)|walking (?:home|them home))\b"
)


def _drunk_driving_children(doc: _Doc) -> bool:
    drunk = doc.live(_INTOXICATED) - _habitual(doc)
    driving = doc.live(_DRIVING) - _habitual(doc) - doc.sentences(_SOBER_DRIVER)
    drunk = {i for i in drunk if _near([i], driving, 1)}
    return _near(drunk, doc.live(_NOW, past_ok=True) | doc.live(_PRESENT, past_ok=True), 1)


# A report of what happened before ("she was drinking with...", "attended a call last night").
_PAST_TIME = _rx(
    r"\b(?:last night|yesterday|at the weekend|last weekend|over the weekend|the other day"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|attended (?:a|an|the)"
    r"|(?:she|he|they) (?:was|were) (?:\w+ing|with|at|in))\b"
)


def _habitual(doc: _Doc) -> set[int]:
    """Sentences about what usually happens ("he often hits her") unless they also say now."""
    return doc.sentences(_HABITUAL) - doc.sentences(_SOON)


_SELF_DIRECTED = _rx(
    r"\b(?:(?:hitting|punching|kicking|hurting|harming|biting|scratching|banging|slapping)"
    r" (?:him|her|my|them)sel(?:f|ves))\b"
)


def _ongoing_violence(doc: _Doc) -> bool:
    not_real = _habitual(doc) | doc.sentences(_IDIOM) | doc.sentences(_SELF_DIRECTED)
    if doc.live(_VIOLENCE_NOW) - not_real or doc.live(_BEEN_HITTING) - not_real:
        return True
    if _near(doc.live(_HAS_HURT) - not_real, doc.live(_NOW, past_ok=True), 0):
        return True
    return _near(doc.live(_FIGHTING) - not_real, doc.live(_SOON), 0)


# ---- safety nets ------------------------------------------------------------------------

# A safety net for serious harm in words the specific groups miss: an acute injury or assault
# said together with something that puts it in the last hour or so.
_ACUTE_INJURY = _rx(
    r"\b(?:swollen (?:\w+ ){0,2}?(?:eye|face|head)|(?:cant|wont|unable to) open (?:it|his eye"
    r"|her eye"
    r"|their eye)|blood (?:on|all over|down) (?:his|her|their|my) \w+|head injury"
    r"|(?:very|really|extremely) distressed|(?:deep|bad|big) (?:cut|wound|gash)|burns? (?:all"
    r" over|to (?:his|her) face))\b"
)
_ACUTE_VIOLENCE = _rx(
    r"\b(?:by the (?:throat|neck|hair)|strangl\w*|throttl\w*|chok(?:ed|ing) (?:her|him|me)"
    r"|stamped on|beaten up|beat (?:her|him|me) up|(?:punched|kicked|hit|slapped) (?:her|him|me"
    r"|my \w+|his \w+|their \w+) (?:in|on) the (?:face|head|stomach)|out of (?:the|a) window"
    r"|off (?:the|a) (?:balcony|bridge))\b"
    # by her throat, pinned against the wall
    r"|\b(?:by (?:her|his|the|my) (?:throat|neck)|pinn(?:ed|ing) (?:\w+ ){0,3}?against)\b"
)
_RECENTLY = _rx(
    r"\b(?:just|a few minutes ago|(?:\d{1,3}|ten|five|twenty) (?:mins?|minutes) ago|an hour ago"
    r"|still (?:in|here|there|at|with|outside)|as we speak|right now|now|at the moment|tonight"
    r"|today|this (?:morning|afternoon|evening)|is (?:still )?(?:in|at) the|come back|arrived"
    r"|turned up)\b"
)


def _acute_injury(doc: _Doc) -> bool:
    return _near(doc.live(_ACUTE_INJURY), doc.live(_RECENTLY, past_ok=True), 1)


def _acute_violence(doc: _Doc) -> bool:
    recent = doc.live(_RECENTLY, past_ok=True) | doc.live(_NOW, past_ok=True)
    violence = doc.live(_ACUTE_VIOLENCE) - _habitual(doc) - doc.sentences(_CONDITIONAL)
    violence = {i for i in violence if not _near([i], doc.mitigated, 1)}
    return _near(violence, recent, 1)


# The last safety net: a grave harm word said of now ("a man following me home, he's right
# behind me"), in a live, unmitigated sentence. Fires without a named reason.
_SEVERE = _rx(
    r"\b(?:guns?|firearms?|pistols?|rifles?|shotguns?|machetes?|crossbows?|swords?|acid|weapons?"
    r"|kill(?:s|ed|ing)?\b(?! (?:my|him|her|them|your)sel)(?! me\b)(?! time)|murder(?:ed|ing|s)?"
    r"|stab(?:s|bed|bing)?|(?:been|got|was|were) shot|shot (?:him|her|them|at)|shooting"
    r"|strangl\w*|rape[sd]?|raping|sexually assault\w*|molest\w*|bleeding|blood (?:on|everywhere"
    r"|all over|coming|pouring|from)|covered in (?:blood|cuts)|(?:a lot|lots) of blood"
    r"|unconscious|not breathing|overdosed?|suicidal|suicide (?:attempt|note)|attempted suicide"
    r"|noose|following (?:me|her|him|us)|kidnap\w*|abduct\w*|snatched (?:a|the|her|his|my|our)"
    r" (?:child|baby|kid|son|daughter|girl|boy)|on fire|(?:house|flat|kitchen|room|car) (?:is )?"
    r"burning|fire in (?:the|our|my|a) (?:kitchen|house|flat|bedroom|room|home)|drown(?:ing|ed)?"
    r" (?:him|her|them|the baby)|(?:is|hes|shes) drowning|nearly drowned|beaten (?:up|black"
    r"|badly|unconscious)|(?:been|was|were|being) beaten|assaulted|hurt (?:her|him|me) (?:badly"
    r"|bad))\b"
)


def _severe_harm_now(doc: _Doc) -> bool:
    severe = doc.live(_SEVERE) - doc.sentences(_NOT_A_WEAPON) - doc.sentences(_IDIOM)
    severe -= _habitual(doc) | (doc.sentences(_PAST_TIME) - doc.sentences(_NOW_STRICT))
    severe = {i for i in severe if not _near([i], doc.mitigated, 1)}
    now = doc.live(_SOON, past_ok=True) | doc.live(_PRESENT, past_ok=True)
    now |= doc.live(_NOW_STRICT, past_ok=True) | doc.live(_RECENTLY, past_ok=True)
    return _near(severe, now, 1)


# ---- the rule table ----------------------------------------------------------------------

# (reason, rule) in the order the reasons are reported.
_DANGER_RULES: tuple[tuple[str, Callable[[_Doc], bool]], ...] = (
    ("weapon", _weapon),
    ("threat_to_kill", _threat_to_kill),
    ("child_injured", _child_injured),
    ("child_injured", _acute_injury),
    ("suicide_risk", _suicide_risk),
    ("medical_emergency", _medical_emergency),
    ("baby_injury", _baby_injury),
    ("sexual_assault_recent", _sexual_assault_recent),
    ("unsafe_to_go_home", _unsafe_to_go_home),
    ("drunk_driving_children", _drunk_driving_children),
    ("ongoing_violence", _ongoing_violence),
    ("ongoing_violence", _acute_violence),
    ("abduction", _abduction),
    ("abduction", _taken_abroad),
    ("missing_with_adult", _missing_with_adult),
    ("exploitation_now", _exploitation_now),
    ("", _children_alone),  # danger without a named reason
    ("", _severe_harm_now),
)


def _danger_reasons(doc: _Doc) -> tuple[str, ...]:
    return tuple(dict.fromkeys(reason for reason, rule in _DANGER_RULES if rule(doc)))


def _is_danger(reasons: tuple[str, ...]) -> tuple[bool, tuple[str, ...]]:
    return bool(reasons), tuple(reason for reason in reasons if reason)


# =============================================================================================
# Who is typing: role, audience; the child's age
# =============================================================================================

# (role, phrases). Where phrases overlap the longest one found in the text wins ("gp receptionist"
# is "other", not "gp"): see _longest_role_phrase.
# What comes before "teacher" / "tutor" in a job title ("Year 7 tutor", "reception class teacher").
_TEACH_PREFIX = (
    r"(?:pe|reception|class|form|supply|primary|secondary|maths|math|english|music|art|drama"
    r"|science|history|geography|re|rs|computing|ict|french|spanish|german|languages|dt|food"
    r"|food tech|pshe|rse|sen|send|special needs|infant|junior|nursery|sixth form|college|cover"
    r"|lead|year \d{1,2}|ks ?\d|key stage \d)"
)
_ROLE_TERMS: tuple[tuple[str, str], ...] = (
    ("trainer", r"(?:safeguarding |lscb |multi-agency |lead )?trainer|training (?:lead|officer)"),
    (
        "dsl",
        r"dsl|ddsl|deputy dsl|dsp|designated safeguarding (?:lead|officer|person)"
        r"|designated (?:teacher|person)|safeguarding lead|child protection lead",
    ),
    (
        "teaching_assistant",
        r"ta|teaching assistant|lsa|hlta|(?:learning support|classroom)"
        r" assistant|(?:sen |send )?(?:1:1|one to one|1-1) (?:support|ta|assistant)",
    ),
    ("health_visitor", r"hv|health visitor"),
    ("midwife", r"(?:community )?midwife"),
    (
        "nurse",
        r"(?:school|practice|paeds|paediatric|ed|a&e|a and e|sexual health|ward|community"
        r"|mental health|charge|specialist|safeguarding|camhs|dental|district|neonatal|childrens"
        r"|staff|triage|theatre|learning disability) nurse|nurse(?: on the \w+ ward)?",
    ),
    ("gp", r"gp|general practitioner"),
    (
        "doctor",
        r"(?:a&e|a and e|ed|hospital|junior) doctor|doctor|paediatrician|consultant"
        r"|registrar|dentist|psychiatrist",
    ),
    (
        "social_worker",
        r"(?:trainee |student |newly qualified |childrens |locum )?social worker"
        r"|social work (?:assistant|student)|independent reviewing officer|iro|principal social worker"
        r"|(?:personal|leaving care) adviser",
    ),
    (
        "police",
        r"police officer|pc|pcso|detective(?: constable| sergeant| inspector)?|police"
        r"(?: constable| sergeant| inspector| staff)?|sergeant",
    ),
    (
        "early_years",
        r"nursery (?:nurse|worker|practitioner|teacher|key worker|assistant)"
        r"|child ?minder|early years (?:practitioner|worker|teacher|educator|lead)|key (?:person"
        r"|worker)|pre-?school (?:worker|leader|assistant|teacher|practitioner)|nursery|room leader"
        r"|(?:baby|toddler|pre-?school) room (?:leader|practitioner|worker)|nanny|playgroup"
        r" (?:leader|worker)",
    ),
    (
        "youth_worker",
        r"youth (?:worker|leader|club leader|club worker|support worker|officer"
        r"|mentor)|(?:detached|outreach) (?:youth )?worker",
    ),
    (
        "sports_coach",
        r"(?:football|swimming|rugby|cricket|head|assistant|gymnastics|netball|dance"
        r"|tennis|boxing|sports?|athletics|hockey|basketball|judo|karate|martial arts) coach|coach"
        r"|(?:swimming|dance|gymnastics|riding|karate|judo|martial arts) (?:teacher|instructor)"
        r"|instructor|lifeguard",
    ),
    (
        "volunteer",
        r"volunteer(?: at \w+(?: \w+)?)?|(?:scout|cub|brownie|guide|beaver|rainbow"
        r"|explorer|cadet|girlguiding|brigade)s? (?:leader|helper|volunteer|instructor)"
        r"|(?:group|unit|troop|pack|section) leader",
    ),
    (
        "faith_leader",
        r"vicar|curate|imam|priest|pastor|rabbi|minister|faith leader|youth pastor"
        r"|church (?:leader|youth worker)|sunday school(?: teacher| helper| leader)?"
        r"|madrasa teacher",
    ),
    (
        "residential_worker",
        r"residential(?: (?:care |support |childcare )?worker)?|residential"
        r" (?:care|support) worker|(?:work|working) in a childrens home|childrens home worker",
    ),
    (
        "yot",
        r"yot(?: case manager| worker| officer)?|youth offending (?:worker|officer|team"
        r"|case manager)|youth justice (?:worker|officer)",
    ),
    (
        "family_support",
        r"(?:childrens centre|family centre|family hub) (?:worker|practitioner)"
        r"|family support(?: worker)?|early help (?:worker|practitioner|officer"
        r"|coordinator|key worker)|family (?:worker|practitioner|link worker)|parenting"
        r" (?:practitioner|worker)",
    ),
    (
        "manager",
        r"(?:practice|nursery|centre|childrens centre|school business|team|service|office"
        r"|home|registered|deputy) manager|manager|i manage",
    ),
    (
        "teacher",
        rf"(?:{_TEACH_PREFIX} ){{1,2}}(?:teacher|tutor)|teacher|form tutor|college tutor"
        r"|tutor|head of (?:year|key stage|ks ?\d|department|sixth form|house|science|maths|english"
        r"|pe)(?: \d{1,2})?|lecturer|pshe lead|senco|sendco|(?:deputy|assistant) head(?:teacher)?"
        r"|headteacher|head teacher|(?:vice )?principal|cover supervisor",
    ),
    (
        "other",
        r"foster carer|kinship carer|attendance officer|(?:safeguarding )?governor"
        r"|(?:gp |school |dental |practice |surgery |ward |front desk )?receptionist|dinner lady"
        r"|(?:lunchtime|midday|playground) supervisor|(?:school |nursery )?(?:cook|chef|kitchen assistant)|taxi marshal|school office|caretaker"
        r"|(?:minibus|bus|coach|taxi) driver|(?:bus |passenger )?escort|pastoral (?:lead|worker"
        r"|manager|support|officer)|learning mentor|counsellor|play ?worker|support worker"
        r"|school business manager|practice manager|paramedic|ambulance (?:crew|technician"
        r"|clinician|worker)|emergency care assistant|camhs (?:worker|practitioner|clinician"
        r"|therapist)|(?:family |play |speech and language |occupational |art |drama )?therapist"
        r"|psychologist|housing (?:officer|support worker|worker|manager)|probation"
        r" (?:officer|worker)|(?:health ?care|healthcare) assistant|hca|pharmacist|optician"
        r"|physio(?:therapist)?|librarian|cleaner|exam invigilator|school admin",
    ),
)
_ROLE_ANY = "|".join(phrases for _, phrases in _ROLE_TERMS)
# Where someone works or volunteers -> their likely role ("I work in a nursery").
_SETTINGS: tuple[tuple[str, str], ...] = (
    ("early_years", r"nursery|pre-?school|playgroup|creche|childminding"),
    ("residential_worker", r"childrens home|residential (?:home|unit|school)"),
    (
        "sports_coach",
        r"(?:football|rugby|cricket|swimming|sports?|gymnastics|boxing|netball"
        r"|dance|athletics|hockey|tennis|martial arts|judo|karate) (?:club|school|academy|team)"
        r"|(?:under|u) ?\d{1,2}s? (?:team|squad|side)",
    ),
    ("teacher", r"school|academy|college|sixth form|pupil referral unit|pru|alternative provision"),
    ("nurse", r"hospital|ward|a and e|a&e"),
    ("gp", r"gp (?:surgery|practice)"),
    ("doctor", r"dental (?:surgery|practice)|dentists"),
    ("police", r"police"),
    ("social_worker", r"childrens services|social services|social care"),
    ("family_support", r"childrens centre|family hub|early help"),
    ("yot", r"youth offending|youth justice"),
    ("youth_worker", r"youth (?:club|centre|service|project)"),
    ("other", r"camhs|ambulance service|housing association|refuge|probation"),
    (
        "volunteer",
        r"(?:scout|cub|brownie|guide|beaver) (?:group|troop|pack|unit)|food bank"
        r"|charity|holiday club|sunday school|church|mosque|temple|gurdwara|synagogue",
    ),
)
_SETTING_ANY = "|".join(phrases for _, phrases in _SETTINGS)
_SETTING_EXACT = tuple((role, re.compile(rf"(?:{phrases})\Z")) for role, phrases in _SETTINGS)
_ROLE_EXACT = tuple((role, re.compile(rf"(?:{phrases})\Z")) for role, phrases in _ROLE_TERMS)
_ROLE_PREFIX = tuple(re.compile(rf"(?:{phrases})\b") for _, phrases in _ROLE_TERMS)
# Where a role is stated: at the very start ("HV. on a visit now", "nurse on the ward -"),
# "I'm a / as a / I work as ...", or "... here".
_ROLE_LEAD = re.compile(
    rf"\A\W{{0,6}}(?:(?:hi|hello|hey|morning|afternoon|evening)\W{{1,6}})?"
    rf"(?:(?:i am|im|as|i work as) (?:an? |the )?)?"
    rf"(?:new |trainee |student |senior |lead |deputy |assistant |qualified )?(?:school |hospital |college |club |community |council |primary |secondary )?"
    rf"({_ROLE_ANY})(?=\s*(?:here\b|[.,:;!?(-]|$)|\s(?:on|at|in|from|for|with|and|who|based)\s)"
)
_ROLE_STATED = re.compile(
    rf"\b(?:(?:i am|im) (?:an? |the |one of the )?|(?:i work as|working as|just started as"
    rf"|started as|as|i volunteer as) an? )(?:new |trainee |student |senior |lead |deputy"
    rf" |assistant |qualified |newly qualified )?(?:school |hospital |college |club |community |council |primary |secondary )?({_ROLE_ANY})\b"
    rf"|\b({_ROLE_ANY}) here\b|\b(i manage|i volunteer|i coach|i teach|work in a childrens home"
    rf"|i deliver (?:safeguarding )?(?:training|induction)|(?:im )?running a (?:training )?session"
    rf"|i (?:work|volunteer) (?:in|at|for) (?:a |an |the |our )?(?:\w+ )?(?:{_SETTING_ANY})"
    rf"|i (?:run|lead|help (?:at|with|run)) (?:a |an |the |our )?(?:\w+ )?(?:{_SETTING_ANY}))\b"
)
_KEY_CHILD = _rx(r"\b(?:my key (?:child|children|person)|one of my key children)\b")


def _role_name(phrase: str) -> str | None:
    if phrase in ("i volunteer", "i coach", "i teach"):
        return {"i volunteer": "volunteer", "i coach": "sports_coach"}.get(phrase, "teacher")
    if phrase.startswith(("i deliver", "running", "im running")):
        return "trainer"
    if phrase.startswith(("i work", "i volunteer", "i run", "i lead", "i help")):
        for role, exact in _SETTING_EXACT:
            if any(exact.match(phrase, start) for start in range(len(phrase))):
                return role
        return None
    for role, exact in _ROLE_EXACT:
        if exact.match(phrase):
            return role
    return None


def _longest_role_phrase(text: str, start: int) -> str:
    found = (regex.match(text, start) for regex in _ROLE_PREFIX)
    return max((match.group(0) for match in found if match), key=len, default="")


# "nurse on the ward - ..." states a role; "coach at my son's club is messaging him" does not.
_NOT_A_ROLE_PHRASE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|keeps|said|says|told|rang|called|messag\w*|my|our"
    r"|wants?)\b"
)


def _read_role(doc: _Doc) -> str | None:
    lead = _ROLE_LEAD.match(doc.text[:160])
    if lead:
        clause = re.split(r"[.,:;!?(\n-]", doc.text[lead.end() : lead.end() + 60], maxsplit=1)[0]
        if not _NOT_A_ROLE_PHRASE.search(clause):
            return _role_name(_longest_role_phrase(doc.text, lead.start(1)))
    for match in _ROLE_STATED.finditer(doc.text, 0, 4_000):
        if match.group(3):  # "I work in a nursery", "I deliver training"
            role = _role_name(match.group(3))
        else:
            index = 1 if match.group(1) else 2
            role = _role_name(_longest_role_phrase(doc.text, match.start(index)))
        if role:
            return role
    if doc.has(_KEY_CHILD):
        return "early_years"
    return None


# A child or young person typing about themself.
_SELF_AGE = re.compile(
    r"\b(?:im|i am|am|aged|im only|i am only|we are both|were both|we are|im nearly|i turned)"
    r" (\d{1,2})\b(?! ?(?:year old (?:son|daughter|boy|girl|kid|child)|mins?|minutes|hours?|am"
    r"|pm|%|st|nd|rd|th|weeks?|days?|months?|kids|children|miles|times|[:.]\d))"
    r"|\b(?:im|i am|am) in year (\d{1,2})\b"
)
_CHILD_VOICE = _rx(
    r"\b(?:my (?:mum|dad|stepdad|stepmum|mums (?:boyfriend|partner|new partner)|dads"
    r" (?:girlfriend|partner)|parents|foster (?:carer|carers|mum|dad|placement)|carer|nan|gran"
    r"|teacher|big brother|big sister|little brother|little sister|brother (?:hits|hurts)"
    r"|uncle|auntie|aunt)\b(?!-in-law)|(?:hits|hurts|touches"
    r"|touched|hit|abuses|shouts at|locks) me|i want to die|kill myself|i ran away|at my school"
    r"|my boyfriend|my girlfriend)\b"
)
_PARENT_VOICE = _rx(
    r"\b(?:my (?:\d{1,2} (?:year|month|week) old |little |baby |eldest |youngest |oldest |teenage"
    r" |two |three )?(?:son|daughter|child|children|kids|baby|boy|girl|toddler|twins|stepson"
    r"|stepdaughter|little one|teenager)s?|my \d{1,2} (?:year|month|week) olds?|our (?:\d{1,2} year old )?(?:son"
    r"|daughter|baby|little one|toddler|twins|boy|girl)s?|our \d{1,2} year old|(?:im|i am) (?:a |his |her |their )?"
    r"(?:single )?(?:mum|dad|mother|father|parent|stepmum|stepdad)\b|as a (?:parent|mum|dad)"
    r"|my ex(?: husband| wife| partner)?|my kids dad|my childrens dad|their dad)\b"
)
_PRACTICE_CUES = _rx(
    r"\b(?:one of (?:my|our) (?:year \d{1,2} |reception )?(?:pupils|students|children|kids|boys"
    r"|girls|lads|families|young people"
    r"|cubs|scouts|players|patients|residents|year \d{1,2}s|key children|looked after)"
    r"|(?:a|the|one|our) (?:pupil|student|patient|resident|service user|young person|yp)"
    r"|pupil|pupils|in my (?:class|tutor group|form|group|setting|care|team)|my (?:class"
    r"|tutor group|form group|caseload|setting|pupils?|students?|patients?|colleague|manager"
    r"|dsl|head)|on a (?:home )?visit|home visit|our (?:school|nursery|club|setting|centre"
    r"|practice|ward|unit|home|group|after school club|breakfast club|youth club|dsl|pupils"
    r"|staff|volunteers|policy|induction|team|members|families|children|kids|looked after"
    r"|safeguarding)|the (?:dsl|lado|headteacher)|told (?:me|staff|the nurse|a dinner lady"
    r"|her friend|his friend|my colleague)|disclosed|at (?:break|lunch|registration|clinic"
    r"|parents evening|the visit|booking)|staffroom|after school club|breakfast club|in maths"
    r"|in class|in lessons|referral|refer|the family|mum rang|parent rang|rang the school"
    r"|(?:in|from) my (?:\w+ ){1,2}(?:class|tutor group|form|group|set)|(?:our|the) childrens home"
    r"|the school office|in reception|at the school gate|showed me|shown me|key child|came to me"
    r"|confided in"
    r" me|opened up to me|pulled me aside|disclosed to me|our foster (?:son|daughter|child|children"
    r"|kids|placement)|foster (?:son|daughter|child))\b"
)


# "my kids", "one of my girls": a parent, or a practitioner speaking of the children in their
# care; a work setting in the message decides ("Year 7 tutor. One of my girls...").
_PARENT_WEAK = _rx(
    r"\b(?:(?:one|two|three|some|a few|all|most|several|both|none) of )?my (?:kids|children|boys"
    r"|girls|lads|little ones)\b"
)
_WORK_CUES = _rx(
    r"\b(?:(?:one|two|three|some|a few|all|most|several|both|none) of my (?:lads|young people"
    r"|mindees|little ones|students|pupils|players|swimmers|gymnasts|dancers|members|cubs|scouts"
    r"|brownies|guides|beavers|rainbows|tutees|clients|families|service users|residents)"
    r"|my (?:mindees|tutees|young people|clients|families|service users|residents|players|squad"
    r"|form|tutor group|class|caseload|pupils|students|patients|setting|route)"
    r"|(?:in|into) (?:my|our) (?:care|class|setting|group|form|tutor group|club|unit|home)"
    r"|(?:we are|were|we run|im at|i am at|i run|i work at|i work in|running|i manage|i lead) (?:a|an"
    r"|the) (?:\w+ )?"
    r"(?:school|nursery|pre-?school|academy|college|club|centre|setting|home|unit|practice"
    r"|surgery|playgroup|group|team|squad)"
    r"|(?:at|from|to) (?:the|our) (?:youth (?:club|centre)|drop-in|club|gym|scout hut|church hall"
    r"|camp|unit|childrens home|surgery|clinic|practice)|at (?:camp|training|practice|the session)"
    r"|(?:\d{1,3}|the|our|other|some|all the) young people|our (?:governors|head|staff|setting))\b"
)


def _strong_parent(doc: _Doc) -> bool:
    """A parent's voice that is not just "my kids" / "one of my girls"."""
    weak = doc.spans(_PARENT_WEAK)
    starts = [start for start, _ in weak]
    for start, end in doc.spans(_PARENT_VOICE):
        index = bisect_right(starts, start) - 1
        if index < 0 or weak[index][1] < end:
            return True
    return False


def _read_audience(doc: _Doc, role: str | None) -> str:
    if role:
        return "practitioner"
    adult = False  # "I'm 35 and my stepdad abused me as a child": not a child typing
    for match in _SELF_AGE.finditer(doc.text, 0, 6_000):
        if match.group(2) is not None or int(match.group(1)) <= 17:
            return "child"
        adult = True
    if _strong_parent(doc):
        return "parent"
    if doc.has(_PRACTICE_CUES) or doc.has(_WORK_CUES):
        return "practitioner"
    if doc.has(_PARENT_VOICE):
        return "parent"
    if doc.has(_CHILD_VOICE) and not adult:
        return "child"
    return "unknown"


_CHILD_NOUN = (
    r"(?:son|daughter|child|children|kids?|boys?|girls?|lad|friend|brother|sister|baby|twins"
    r"|pupil|student|yp|patient)"
)
# "Year 7 tutor", "Year 5 teacher": the writer's job, not the child's age (unless nothing else
# gives one).
_YEAR_OF_ROLE = (
    r"|(?:class |form )?(?:tutor|teacher|ta|teaching assistant|lead|leader|team|coordinator"
    r"|head)\b"
)
# (pattern, how to read the age from group 1)
_AGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(\d{1,2}) year olds?\b"), "years"),
    (re.compile(r"\b(\d{1,2}) month old\b"), "months"),
    (re.compile(r"\b(\d{1,2}) week old\b"), "zero"),
    (
        re.compile(
            r"\((?:[a-z][a-z -]*, ?)?(?:about |around |approx |roughly |maybe |nearly |aged )?"
            r"(\d{1,2})(?:(?:,| and| &) ?\d{1,2})*\)"
        ),
        "years",
    ),
    (re.compile(r"\b(?:aged|age) (?:about |around )?(\d{1,2})\b"), "years"),
    (re.compile(r"\b(?:sons|daughters) (\d{1,2})\b(?! ?(?:mins?|minutes|hours?|%|times))"), "years"),
    (re.compile(r"\((\d{1,2}) ?(?:months?|mths?)\)"), "months"),
    (
        re.compile(rf"\b{_CHILD_NOUN}, (?:maybe|about|around|roughly|probably|aged) (\d{{1,2}})\b"),
        "years",
    ),
    (
        re.compile(
            rf"\b(?:hes|shes|he is|she is|{_CHILD_NOUN} (?:is|are)|we are both|they are|theyre"
            rf"|who is) (?:only |just |nearly |about |barely |now )?(\d{{1,2}})\b(?! ?(?:mins?|minutes|hours?|am|pm|%|st|nd|rd|th|weeks?"
            rf"|days?|months?|times|miles|[:.]\d))"
        ),
        "years",
    ),
    (re.compile(rf"\b{_CHILD_NOUN} of (?:about |around )?(\d{{1,2}})\b"), "years"),
    (re.compile(r"\blooks? (?:about|around|like (?:she|he) is) (\d{1,2})\b"), "years"),
    (re.compile(rf"\byear (\d{{1,2}})s?\b(?! (?:ago|old|since{_YEAR_OF_ROLE}))"), "school_year"),
    (
        re.compile(
            r"\b(?:(?:boy|girl|child|kid|pupil|children|class|little one|twin)s? in reception"
            r"|reception (?:class|child|children|boy|girl|kid|pupil|teacher|year))\b()"
        ),
        "reception",
    ),
    (
        re.compile(
            r"\b(?:baby|babies|babys|newborn|new born|infant)\b"
            r"(?! (?:school|sister|brother|sisters|brothers|room|cousin|monitor|group))()"
        ),
        "zero",
    ),
    (re.compile(r"\btoddlers?\b()"), "toddler"),
)


# "toddler (18 months)", "baby, 6 weeks old": the number given beats the word.
_EXACT_AFTER = re.compile(r"s? ?[(,] ?(?:aged |about )?(\d{1,2}) ?(months|weeks|year)?")
_ROLE_YEAR = re.compile(r"\byear (\d{1,2}) (?:class |form )?(?:tutor|teacher|ta|teaching assistant)\b")


def _age_value(kind: str, number: str) -> int | None:
    if kind == "zero":
        return 0
    if kind == "toddler":
        return 2
    if kind == "reception":
        return 4
    value = int(number)
    if kind == "months":
        return value // 12
    if kind == "school_year":
        return value + 4 if 1 <= value <= 13 else None
    return value if value <= 17 else None


def _read_age(doc: _Doc, audience: str) -> int | None:
    text = doc.text[:6_000]
    if audience == "child":
        for match in _SELF_AGE.finditer(text):
            if match.group(2) is not None:
                return int(match.group(2)) + 4
            if int(match.group(1)) <= 17:
                return int(match.group(1))
    best: tuple[int, int] | None = None
    for pattern, kind in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            value = _age_value(kind, match.group(1))
            if value is not None and kind in ("zero", "toddler"):
                exact = _EXACT_AFTER.match(text, match.end())
                if exact:
                    unit = {"months": "months", "weeks": "zero"}.get(exact.group(2) or "", "years")
                    value = _age_value(unit, exact.group(1))
            if value is not None:
                best = (match.start(), value)
                break
    if best is None:
        role_year = _ROLE_YEAR.search(text)
        if role_year:
            return _age_value("school_year", role_year.group(1))
    return None if best is None else best[1]


# =============================================================================================
# Kinds of concern
# =============================================================================================

_STAFF = (
    r"(?:colleague|teacher|pe teacher|supply teacher|class teacher|form tutor|ta|teaching assistant"
    r"|coach|coaches|assistant (?:leader|coach)|leader|minibus driver|member of staff|staff member"
    r"|swimming teacher|tutor|youth worker|volunteer|caretaker|dinner lady|lunchtime supervisor"
    r"|head ?teacher|support worker|residential worker|childminder|nursery worker|scout leader"
    r"|priest|imam|vicar|instructor|(?:nursery |school |care |club |home )?staff|practitioner"
    r"|key worker|escort)"
)
_CONCERN_PATTERNS: dict[str, str] = {
    "fgm": r"\b(?:fgm|female genital|the cutting|get cut|be cut|being cut|cut like her"
    r"|circumcis\w*|becomes? a (?:proper )?woman|special (?:party|ceremony|procedure)"
    r"|infibulat\w*)\b",
    "forced_marriage": r"\b(?:forced (?:marriage|to marry|into marriage)|(?:to|going to|have to"
    r"|has to|made to|make her|make him) marry|marry (?:her|him|me) off|marry (?:my|her|his)"
    r" cousin|arranged marriage|engaged to (?:a man|an older|someone|her cousin)|(?:parents"
    r"|family) (?:chose|choose|picked|have chosen)|wedding (?:abroad|back home|over there"
    r"|in (?:pakistan|bangladesh|india|somalia|yemen|afghanistan|iraq|egypt|nigeria|turkey)))\b",
    "trafficking": r"\b(?:traffick\w*|modern slavery|brought (?:him|her|them) (?:over )?from"
    r"|no passport|(?:passport|documents) (?:taken|kept)|nail bar|cannabis farm|car wash"
    r"|debt bondage|smuggled|unaccompanied)\b",
    "cse": r"\b(?:sexual(?:ly)? exploit\w*|cse|older (?:boyfriend|man|men|guys?|lads|partner)"
    r"|(?:boyfriend|partner|man) (?:\w+ )?(?:of |who is |aged )?(?:1[89]|[2-9]\d)\b"
    r"|(?:1[89]|[2-9]\d) year old (?:boyfriend|man|partner)|buys? her (?:\w+ )?(?:vodka|alcohol"
    r"|drinks?|phones?|iphone|clothes|gifts)|gifts|flash car|men who give (?:her|him)|(?:sleep"
    r"|have sex) with (?:his|their) (?:mates|friends)|for money|taking turns|getting into cars"
    r" with|(?:house party|hotel|flat) with (?:\w+ ){0,3}?men|with (?:a load of |some )?older"
    r" men)\b",
    "criminal_exploitation": r"\b(?:county lines|criminal(?:ly)? exploit\w*|cce|deal(?:s|ing)?"
    r" (?:drugs|for)|drug (?:dealing|running|runner|line)|sold all the gear|selling (?:drugs"
    r"|gear)|runs? errands|take a package|(?:carry|carrying|hold|holding|holds) (?:stuff|drugs"
    r"|packages?|a package) for|owes? them|in debt to|trap house|cuckoo\w*|(?:cash|money) and"
    r" (?:a )?(?:second|2|two|new|another) phones?|(?:2|two|second) phones|wad of cash"
    r"|picked up by (?:the )?police in|white powder|going missing for days)\b",
    "fii": r"\b(?:fabricat\w*|induced illness|fii|munchausen\w*|(?:every|all (?:the )?) tests?"
    r" (?:is|are|came back) (?:normal|clear|fine)|(?:nobody|no one) has (?:ever )?seen"
    r"|(?:asking|asked) for a wheelchair)\b",
    "allegation_against_staff": r"\ballegations? against (?:staff|a member of staff|a teacher"
    r"|a colleague)\b",
    "private_fostering": r"\b(?:private(?:ly)? foster\w*|living with (?:his|her|their) (?:mums"
    r"|dads|mothers|fathers|parents) (?:friend|ex|colleague)|(?:living|staying|lives) with (?:a"
    r" |an |her |his |their )?(?:family )?(?:friend|friends|neighbour|lady|woman|couple)(?: \w+)"
    r"{0,6} (?:for|since) (?:the last |the past )?(?:\d+|a few|several|two|three|six) (?:weeks"
    r"|months)|looking after (?:him|her|them) for a while)\b",
    "missing_education": r"\b(?:missing (?:from )?education|cme|home educat\w*|elective home"
    r"|(?:withdrew|withdrawn|taken off) (?:\w+ ){0,3}(?:roll|school|to home)|off (?:the )?roll"
    r"|(?:hasnt|has not|not) been (?:in|to|at) school for|no return date|(?:stopped|not)"
    r" (?:attending|coming to) school|persistent(?:ly)? absen\w*)\b",
    "missing": r"\b(?:(?:is|are|has been|been|gone|going|goes|go|went|reported) missing(?!"
    r" (?:from )?(?:education|school|lessons?|afternoons?|appointments))|missing (?:from (?:home"
    r"|care)|person|since|overnight)|run(?:s|ning)? away|ran away|runaway|return (?:home )?"
    r"interviews?|(?:hasnt|has not|not|didnt) (?:come|came) home)\b",
    "was_not_brought": r"\b(?:was not brought|wasnt brought|were not brought|not brought (?:to"
    r"|in)|(?:missed|misses|missing) (?:\w+ ){0,5}?(?:appointments?|appts?|jabs|immunisations?"
    r"|vaccinations?|check-?ups?|clinics?)|appointments? (?:\w+ )?missed|dna|did not attend"
    r"|(?:always|keeps?) cancel\w*)\b",
    "underage_sexual_activity": r"\b(?:(?:having|had|have|has) sex|under ?age sex\w*"
    r"|sleeping with (?:her|his|my)"
    r" (?:\w+ ){0,3}?(?:boyfriend|girlfriend|partner)|sexually active|morning after"
    r" pill|the pill|contracepti\w*|sti test|sexting)\b",
    "radicalisation": r"\b(?:radicali\w*|extremis\w*|isis|daesh|jihad\w*|far[- ]right"
    r"|swastikas?|nazis?|hitler|race war|white (?:power|supremac\w*)|taking back our country"
    r"|non-?muslims|infidels?|terroris\w*|prevent referral|beheading)\b",
    "online_abuse": r"\b(?:online|on (?:snapchat|snap|instagram|insta|discord|roblox|tiktok"
    r"|whatsapp|facebook|messenger|fortnite|xbox|twitch|omegle|telegram)|snapchats?|instagram"
    r"|insta|discord|roblox|omegle|video call|webcam|nudes?|(?:sending|send|sent|asking for"
    r"|asked for|share|sharing|shared) (?:\w+ ){0,2}?(?:pics?|pictures?|photos?|images?"
    r"|videos?)|sexting|sextortion|groom\w* online|fake profile|keeps? messaging|gift cards)\b",
    "self_harm": r"\b(?:self[- ]?harm\w*|cut(?:ting|s)? (?:my|him|her|them)sel(?:f|ves)"
    r"|cuts on (?:his|her|my) (?:arms?|forearms?|wrists?|legs?|thighs?)|(?:fresh|new|deep) cuts"
    r"|cut (?:her|his|my) (?:arm|wrist|leg)s?|scratch\w* (?:on|at) (?:his|her|my) (?:wrists?"
    r"|arms?)|(?:wrists?|arms?) (?:are |were )?bleeding|bleeding wrists?"
    r"|overdose\w*|took (?:\w+ ){0,3}(?:paracetamol|pills|tablets)|swallowed (?:\w+ )"
    r"{0,4}(?:pills|tablets|antidepressants)|suicid\w*|want(?:s|ed)? to die|kill (?:my|him|her)"
    r"self|end (?:it all|my life|her life|his life)|wants? to disappear|ligature|goodbye (?:note"
    r"|letter|message)|note saying goodbye|this is goodbye|hang (?:my|him|her)self)\b",
    "domestic_violence": r"\b(?:domestic (?:abuse|violence|incident)|a domestic|dv|dva"
    r"|coercive|controlling|checks (?:her|my) phone|took (?:her|my) bank card|(?:partner"
    r"|husband|boyfriend|ex|dad|father|stepdad|fella) (?:\w+ ){0,3}?(?:hit|hits|hitting|punched"
    r"|beat|beats|beating|strangled|strangling|pushed|kicked|slapped|threatened|attacked"
    r"|abused|abusing|assaulted|controls|locked|locks|trapped|grabbed|grabbing|dragged|choked"
    r"|threw) (?:her|mum|my mum|me|his wife)\b|(?:hit|hits|hitting"
    r"|beating|hurt|hurting|hurts|punched|strangling|pushed) (?:my |her |his |their )?(?:mum"
    r"|mother|wife)|(?:mum and dad|my parents|mum and (?:her|his|my) (?:boyfriend|partner"
    r"|stepdad)) (?:\w+ )?(?:shout|fight|argue|row)\w*|refuge|fleeing|injunction|non[- ]?"
    r"molestation|marac|idva|(?:hes|he is|was) violent|violent (?:partner|ex|husband"
    r"|relationship)|threaten\w* to (?:kill|stab|hurt) (?:her|mum|me)|threw (?:a|the) \w+ at"
    r" the wall)\b",
    "substance_misuse": r"\b(?:drunk|drinks? (?:every|a lot|heavily|too much|all day|and drives)"
    r"|drink heavily|drinking|alcohol\w*|booze|cannabis|weed|drugs?|heroin|cocaine|crack|spice"
    r"|ketamine|high as a kite|spaced out|under the influence|rehab|substance (?:misuse|use)"
    r"|off (?:his|her) face|wasted|needles)\b",
    "parental_mental_illness": r"\b(?:sad in bed|(?:mum|dad|mother|father) (?:is|has been|s been)"
    r" (?:really |very |so )?(?:sad|low|down|depressed|crying) (?:\w+ ){0,3}?(?:for|all) (?:days"
    r"|weeks|months|the time)|bipolar|depress\w*|postnatal|psychosis|psychotic"
    r"|schizophreni\w*|mental (?:health|illness)|mentally ill|(?:stopped|not taking|off) (?:her"
    r"|his|their) (?:meds|medication)|seems? (?:very )?low|personality disorder|sectioned"
    r"|(?:doesnt|wont|cant) get out of bed|sleeps all day)\b",
    "disabled_child": r"\b(?:spina bifida|muscular dystrophy|global (?:developmental )?delay"
    r"|wheelchair user|uses a wheelchair|splints|hearing aids?|visually impaired|pmld|autis\w*|asd|non-?verbal|learning (?:difficult|disabilit)\w*"
    r"|disabled|disabilit\w*|deaf|blind|sen school|special (?:needs|school|educational needs)"
    r"|cerebral palsy|downs? syndrome|ehcp)\b",
    "sexual": r"\b(?:sexual(?:ly)? (?:abus|assault)\w*|rap(?:e|ed|ing)|touch(?:es|ed|ing)? (?:me"
    r"|her|him)(?: \w+)? (?:at night|down there|inappropriately|in the bath|under)|touch(?:es"
    r"|ed)? (?:my|her|his) (?:private|willy|penis|vagina|bum|boobs|breasts|chest|fanny|bottom)\w*"
    r"|used to touch|touchy|(?:does|did|do) (?:stuff|things) to|no clothes on|naked|special"
    r" game|rude (?:videos|pictures|photos|things)|porn\w*|finger in (?:my|her|his)|sleeps in"
    r" (?:her|his|my) bed|handsy|inappropriate(?:ly)? touch\w*|walked in (?:on me )?when i was"
    r"|walking in on (?:me|her|him)|sexualised|grop\w*|indecent|exposed himself|molest\w*"
    r"|down there|private (?:area|parts)|made (?:me|her|him) (?:do stuff|touch|have sex))\b",
    "physical": r"\b(?:hit|hits|hitting|punch(?:ed|es|ing)?|kick(?:ed|s|ing)?|slap(?:ped|s|ping)?"
    r"|smack(?:ed|s|ing)?|beat(?:s|en|ing)?|batter(?:ed|s|ing)?|belt(?:ed)?|bruis(?:e|es|ed|ing)"
    r"|finger ?marks|burn(?:t|ed|s)?|scald(?:ed)?|pulled (?:his|her|my) hair|good hiding|hurts?"
    r" (?:me|him|her)|dragged|grabbed (?:\w+ )?(?:by the|his|her) (?:arm|wrist|neck|hair)|threw"
    r" (?:a|the) \w+ at|black eye|injur(?:y|ies|ed)|fractur\w*|broken (?:arm|leg|bone|wrist)"
    r"|wooden spoon|physical(?:ly)? abus\w*|physical (?:harm|punishment|chastisement)"
    r"|strangl\w*|bite marks?)\b",
    "neglect": r"\b(?:neglect\w*|hungry|starving|wolfing|no food|nothing to eat|no breakfast"
    r"|filthy|smells|smelly|teeth are (?:black|rotten)|rotten teeth|nappy rash|soaked through"
    r"|same (?:clothes|nappy)|damp|mould|no beds?|sleeps in a drawer|cant afford (?:nappies"
    r"|food)|left (?:home )?alone|home alone|babysit\w*|lunchbox is just|head lice|unwashed"
    r"|no heating|not being fed|underweight|faltering growth|squalor)\b",
    "emotional": r"\b(?:emotional(?:ly)? abus\w*|emotional harm|calls? (?:her|him|me|them) (?:\w+"
    r" )?(?:fat|thick|stupid|useless|ugly|worthless|names)|calling (?:\w+ ){0,4}?(?:fat|thick"
    r"|stupid|useless|ugly|worthless)|(?:nobody|no one) (?:wants|loves) (?:me|him|her)|belittl\w*"
    r"|humiliat\w*|makes (?:me|her|him) feel (?:horrible|worthless|useless|stupid)|scapegoat\w*)\b",
    "bullying": r"\b(?:bull(?:y|ied|ies|ying)|picked on|picking on|call(?:s|ing)? (?:me|him|her)"
    r" names|push(?:es|ed)? (?:me|him|her) over|(?:made|make|set up) a (?:group|chat|page) (?:just"
    r" )?to (?:laugh|mock)|laugh(?:ing)? at (?:him|her|me)|ganging up)\b",
}
# Everyday words for each kind of concern, added to the patterns above (the way parents,
# children and staff who are not safeguarding specialists put it).
_GENITALS = (
    r"(?:wee-?wee|wee|minnie|front bottom|foo-?foo|tuppence|winkie|willy|privates|private parts"
    r"|private bits|bits|noo-?noo|fanny|vagina|penis|nipples|boobs)"
)
_CONCERN_EVERYDAY: dict[str, str] = {
    "forced_marriage": r"\b(?:nikah|rishta|(?:arranged|arranging|organised|planned) (?:her|his|my)"
    r" (?:marriage|wedding|nikah|engagement)|future (?:husband|wife)|husband (?:back home|abroad)|(?:find|found"
    r"|chosen|picked|choose) (?:her|him) a (?:husband|wife)|(?:to|will|going to|gonna|has to|have"
    r" to) (?:get|be) married|getting married|to be (?:a |his |someones )?(?:wife|bride)|child"
    r" bride|(?:engaged|promised|betrothed) to (?:a |an |her |his |my )?(?:\w+ ){0,3}?(?:man"
    r"|cousin|stranger|older|someone|relative)|married (?:off|abroad|in)|(?:planning|arranging)"
    r" (?:her|his|my|the) wedding|arranged for (?:her|him|me) to (?:be )?marr\w*)\b",
    "sexual": rf"\b(?:watch(?:es|ing|ed)? (?:me|her|him) (?:get(?:ting)? (?:changed|dressed|undressed)"
    rf"|undress|in the (?:shower|bath))|undress(?:ing|ed|es) (?:her|him|me)|(?:makes?|made|making) (?:me|her|him) sit on (?:his|her) (?:lap|knee)"
    rf"|(?:our|their) (?:little )?secret|(?:special|secret|naughty) (?:cuddles?|hugs?|tickles?|kisses|massages?|baths?"
    rf"|time)|(?:touch\w*|hurts?|hurting|rubs?|rubbing|rubbed|lick\w*|kiss\w*|plays? with"
    rf"|pok(?:e|es|ed|ing)) (?:her|his|my|their) {_GENITALS}|(?:hands?|fingers?) (?:in|down|inside"
    r"|up) (?:my|her|his) (?:knickers|pants|trousers|pyjamas|nightie|nightdress|skirt|top"
    r"|underwear|shorts)|under (?:my|her|his) (?:nightie|nightdress|pyjamas|clothes|covers|duvet"
    r"|sleeping bag|skirt|knickers|pants)|(?:tickle|tickling|secret|wriggly|naughty|cuddle|sleepy)"
    r" game|tickl\w* (?:\w+ ){0,3}?under|(?:comes?|came|coming|gets?|got|getting) (?:in|into)"
    r" (?:my|her|his|their) (?:bed|bedroom|room)|(?:in|into) bed with (?:me|her|him|them)|game in"
    r" bed|(?:keeps|kept|been|is|was|started|then|and) touching (?:me|her|him)|touch(?:es|ed)"
    r" (?:me|her|him)(?= ?[.,;!?]| ?$| and| when| while| at night| in | under| there| every| all)"
    r"|(?:makes?|made|making) (?:me|her|him) (?:get )?(?:undress\w*|naked|strip\w*|watch)"
    r"|undress(?:es|ed|ing)? in front of|grown-?up (?:videos|films|pictures|things|stuff|games)"
    r"|adult (?:videos|films|content|pictures|websites)|no clothes on|dirty (?:videos|pictures"
    r"|films|pics)|sex (?:videos|films|tapes)|act(?:s|ing|ed)? out sex\w*|sexual(?:ised)? (?:play"
    r"|behaviour|knowledge)|(?:photos|pictures|pics|videos|filming|films|watches|watching|looks"
    r" at|comes in|walks in) (?:\w+ ){0,4}?(?:getting changed|undress\w*|in the (?:bath|shower)"
    r"|naked|on the toilet)|(?:comes?|coming|came|walks?|walking|barges?|barging) in(?:to)? the"
    r" (?:bathroom|shower|toilet)|(?:when|while) (?:im|i am|shes|she is|hes|he is) in the"
    r" (?:shower|bath)|(?:take|takes|taking|took) (?:her|his|my|their) (?:clothes|pants|knickers"
    r"|trousers|top) off|clothes off)\b",
    "physical": r"\b(?:whip\w*|(?:with|using) (?:a|the|his|her) (?:\w+ )?(?:belt|slipper|cable"
    r"|charger|wire|stick|cane|wooden spoon|hairbrush|shoe|hanger|lead)|throw(?:s|ing)? (?:things|stuff|\w+) at (?:me|her|him)|whack\w*|thump\w*"
    r"|wallop\w*|clout\w*|clip round the ear|hand on the (?:hot|cooker|iron|hob|fire|radiator)"
    r"|hot iron|on the hob|lighter to|cigarettes? (?:on|burns?)|held (?:her|his|my) (?:hand|head)"
    r" (?:on|over|under)|squeez\w* (?:\w+ ){0,2}?(?:hard|really hard|arm|neck)|(?:squeezed|pinched"
    r"|twisted|yanked) (?:it|her|his|my))\b",
    "self_harm": r"\b(?:cut(?:ting|s)? (?:my|his|her) (?:arms?|legs?|wrists?|thighs?|stomach|skin)"
    r"|scratch\w* (?:on |at )?(?:his|her|my) (?:wrists?|arms?|legs?|skin)|scratches on (?:his|her"
    r"|my) \w+|(?:burn\w*|hurt\w*|scratch\w*|harm\w*|punish\w*) (?:him|her|my)sel(?:f|ves)"
    r"|punch\w* (?:the )?walls?|(?:bang\w*|hit\w*) (?:his|her|my) head (?:against|on)|razor"
    r" blades?|sharpener blades?|(?:been|is|was|started|stopped|keeps|kept|still) cutting(?="
    r" ?[.,;!?]| ?$| again| for| since| at)|(?:with|using) (?:a |her |his |my )?(?:compass|razor"
    r"|blade|sharpener))\b",
    "emotional": r"\b(?:(?:she|he|they) hates? (?:him|her|me|them)|(?:given|give|put) (?:him|her|me)"
    r" up for adoption|(?:tells?|told|telling) (?:\w+ ){0,4}?(?:hes|shes|he is|she is|they are|youre"
    r"|you are|im|i am) (?:\w+ )?(?:stupid|useless|worthless|ugly|fat|thick|a waste|a mistake"
    r"|a failure|pathetic|an idiot)|refuses to (?:hug|touch|cuddle|hold)|never (?:hugs|cuddles"
    r"|praises)|never been born|(?:an|a) (?:embarrassment|mistake|disappointment|burden)"
    r"|the bad one|ignores? (?:him|her|me)|(?:wont|doesnt|refuses to) (?:speak|talk) to (?:him|her"
    r"|me) for|silent treatment|(?:away|separately) from the (?:family|rest)|compares? (?:her|him"
    r"|me)|nobody would (?:miss|care|notice)|(?:calls?|called|calling) (?:me|her|him) (?:a |an )?"
    r"(?:\w+ )?(?:slag|bitch|waste of space|mistake|idiot|loser|pig|cow)|waste of space"
    r"|(?:shouts|swears|screams)(?: and (?:swears|shouts|screams))? at (?:the kids|him|her|me"
    r"|them) (?:constantly|all the time|every))\b",
    "domestic_violence": r"\b(?:smash\w* (?:her|my|mums) phone|threat\w* to take the (?:children"
    r"|kids) (?:abroad|away)|(?:ask|asks|asking) (?:his |him |for )?permission|timed (?:her|my)"
    r" (?:trip|walk|journey)|(?:scream|shout|yell|fight)\w* at each other|punched (?:a hole in|holes"
    r" in) (?:the )?(?:door|wall)|wont let (?:her|mum|me) (?:\w+ ){0,4}?see (?:her|my) (?:friends"
    r"|family)|takes? (?:her|my|mums) (?:wages|money|bank card|benefits)|checks? (?:her|my|mums|his wifes|their mums) (?:phone|messages)"
    r"|(?:mum|she|mother) (?:is|was|seems) (?:\w+ )?(?:scared|terrified|frightened|afraid) of"
    r" (?:him|her partner|dad|her husband|his dad|her boyfriend)|(?:he|partner|husband|boyfriend|ex|dad|stepdad)(?: will| would| is"
    r" going to| s going to) (?:kill|hurt|stab|batter) (?:her|mum)|(?:mum|mother|she) (?:\w+ )"
    r"{0,5}?(?:black eye|split lip|bruised face)|controls? (?:all )?(?:the |her )?(?:money"
    r"|finances|phone|bank)|(?:husband|partner|boyfriend|ex|he) (?:\w+ ){0,3}?(?:wont|doesnt|will"
    r" not|does not) let (?:her|me|mum) (?:see (?:her|my) (?:friends|family)|have (?:her|my) own"
    r"|go out|work|leave the house)|(?:goes|going|went) through (?:her|my) (?:phone|messages)"
    r"|(?:makes|made) mum cry|pull(?:s|ed|ing)? (?:mums|her) hair|(?:pushes|kicks|kicked|slaps"
    r"|slapped|shoves|shoved|grabs|grabbed|grabbing|chokes|choked|throttles|strangles|strangled"
    r"|bites|threw|throws things at|pinned) (?:my |her |his |their )?(?:mum|mother|wife)"
    r"|(?:partner|husband|boyfriend|ex|dad|stepdad|fella) (?:\w+ ){0,2}?(?:los(?:t|es|ing) (?:his"
    r"|her) temper|flew into a rage)|when they (?:argue|fight|row)|in front of (?:his|her|my)"
    r" mum|by the throat)\b",
    "neglect": r"\b(?:(?:left|leaves|has) to look after (?:her|his|my|the) (?:\w+ ){0,2}?(?:siblings"
    r"|brothers|sisters|brother|sister)|no money for (?:food|gas|electric|heating)|(?:clothes|blazer|uniform|trousers)"
    r" (?:is |are )?hanging off (?:him|her)|look(?:ing|s)? after (?:his|her|my|the) (?:baby |little |younger )?(?:sister"
    r"|brother|siblings)|nappy (?:\w+ ){0,4}?(?:all night|overnight|full|soaked|heavy|dirty)"
    r"|(?:sour|dirty|unwashed|mouldy) (?:bottles?|milk)|bottles? (?:smell|smells|are) (?:sour|off"
    r"|dirty)|smell(?:s|ing|ed)? (?:of )?(?:sour|wee|urine|poo|damp)|nothing in the (?:fridge"
    r"|cupboards?|house)|(?:no|without a) (?:coat|shoes|socks)|(?:sandals|shorts|t-?shirt) in the"
    r" (?:snow|cold|rain|winter)|tooth decay|decayed teeth|nits|lice|last to be collected"
    r"|(?:collected|picked up) late|(?:taking|takes|steals?|stealing|hiding|hoarding|hides|hoards)"
    r" (?:\w+ ){0,3}?(?:food|bread|snacks)|food (?:from|out of) (?:the )?bins|(?:lost|losing)"
    r" (?:\w+ ){0,2}?weight|only lets? (?:her|him|me|them) eat|leaves? (?:him|her|them|me|us|the"
    r" kids|the children) (?:\w+ ){0,2}?(?:on (?:his|her|their|my|our) own|alone|by (?:him|her"
    r"|them|my|our)sel(?:f|ves)|unattended)|(?:forgets?|forgot|doesnt|dont|never) (?:to )?feed"
    r" (?:us|me|them|him|her|the kids))\b",
    "was_not_brought": r"\b(?:(?:missed|misses|missing) (?:\w+ ){0,4}?(?:reviews?|checks?"
    r"|assessments?|sessions?|follow-?ups?|therapy)|keeps? (?:rearranging|rescheduling|moving)|cancel\w* (?:\w+ ){0,3}?(?:appointments?|appts?|visits?|checks?"
    r"|reviews?|jabs)|(?:not|never|hasnt|havent|didnt|wasnt|werent) (?:been )?(?:brought|taken)"
    r" (?:\w+ ){0,8}?(?:appointments?|appts?|follow-?ups?|reviews?|check-?ups?|checks?|clinics?"
    r"|jabs|vaccinations?|immunisations?|dentist|sessions?|assessments?)|(?:no|not had any|never"
    r" had any) (?:immunisations|vaccinations|jabs|vaccines)|unvaccinated|unimmunised|(?:hasnt"
    r"|has not|havent|not) been seen by (?:the|a|any|his|her) (?:\w+ ){0,3}?(?:team|clinic"
    r"|consultant|nurse|dentist|doctor|gp|specialist|service)|rebook\w*)\b",
    "criminal_exploitation": r"\b(?:(?:looking after|minding|keeping|holding|hiding) (?:a |the"
    r" |some )?(?:bag|package|parcel|stuff|phone) for|new phone every|(?:bus|train) station late at night|(?:seen"
    r"|hanging (?:around|about|round)) (?:\w+ ){0,2}?with older (?:teenagers|teens|lads|boys"
    r"|youths)|(?:do|doing|does|did) (?:a )?runs?|(?:someone|people|a man"
    r"|men|lads) (?:he|she) owes|getting into (?:different|strange|unknown|other peoples)"
    r" cars|designer (?:clothes|jacket|trainers|gear)|(?:says|said) (?:hes|shes|he is|she is)"
    r" working|sold everything|(?:gave|given|give|gives) (?:him|her|them) (?:a |the )?(?:knife"
    r"|blade|phone|package|burner|gun)|owes? (?:\w+ ){0,3}?(?:money|quid|pounds|\d+)|in debt"
    r"|(?:made|forced) to sell|sell(?:s|ing)? (?:drugs|weed|gear|cannabis|coke|crack)"
    r"|disappear\w* for (?:\w+ ){0,3}?(?:days|nights)|calls from (?:a )?(?:work|unknown"
    r"|different) (?:number|phone)|shotting|going country|bando|(?:second|2nd|burner|extra)"
    r" phones?|(?:messages|texts|talk) about (?:\w+ ){0,3}?(?:drops|the line|reloads|trap"
    r"|packages?)|carry\w* for (?:older|them|some|the|other)|(?:hold|holding|holds|carry|carrying"
    r"|carries|keep|keeping|stash\w*|hide|hiding) (?:\w+ ){0,2}?(?:weed|drugs|gear|stuff"
    r"|packages?|knives|a knife|cash|money|bags?) for|(?:bags|wads?|rolls?) of (?:cash|money)"
    r"|(?:cash|money|trainers|clothes|phone|bike|gifts)(?: \w+){0,2} (?:he|she|they) (?:cant"
    r"|cannot|wont|doesnt|wouldnt) explain|from nowhere|work (?:it|the debt) off|(?:stopped"
    r"|found|picked up|arrested) by (?:the )?police (?:\w+ ){0,2}?in (?:another|a different|other)"
    r"|hanging (?:around|about|round) with older (?:boys|lads|men)|a job (?:tonight|for (?:them"
    r"|him))|(?:knife|blade|gun|package|phone) (?:that )?(?:they|he|someone|the \w+) gave (?:him"
    r"|her))\b",
    "cse": r"\b(?:(?:seeing|dating|going out with|sleeping with|meeting|with) (?:a |an )?(?:1[89]"
    r"|[2-9]\d) year old|(?:1[89]|[2-9]\d) year old who|(?:given|gave|buys?|bought|gives) (?:her"
    r" |him |me )?(?:a |an |new )?(?:\w+ )?(?:phone|iphone|clothes|trainers|gifts|money|cash"
    r"|vodka|alcohol|drink|cigarettes|vapes?) (?:by|from) (?:a |an |some |this )?(?:older )?(?:man"
    r"|men|guy|bloke|adult|stranger)|(?:man|men|guy|bloke|adult) (?:\w+ ){0,2}?(?:met|meets) (?:at"
    r" a party|online|in town)|going off to meet (?:him|them|a man))\b",
    "missing_education": r"\b(?:missing from school for|off school for (?:\d+|two|three|four"
    r"|several|a few) weeks|(?:not|never|hasnt|isnt) (?:been )?(?:registered|enrolled|on roll)"
    r" (?:with|at|in) (?:a|any) school|no school place|not in (?:any )?school)\b",
    "fii": r"\b(?:(?:every|all (?:the )?) (?:tests?|specialists?|doctors?|consultants?|scans?"
    r"|investigations?) (?:\w+ ){0,2}?(?:is|are|came back|say|says|said|found) (?:normal|clear"
    r"|fine|nothing|she|he)|insists? (?:\w+ ){0,4}?(?:needs?|feeding tube|wheelchair|is ill|is"
    r" sick)|(?:exaggerat\w*|invent\w*|making up) (?:\w+ ){0,2}?symptoms)\b",
    "bullying": r"\b(?:(?:girls|boys|kids|pupils|children|others|people) in (?:her|his|my|the)"
    r" (?:class|year|form|school) (?:\w+ ){0,4}?(?:calling|call|telling|sending|messag\w*|picking"
    r"|laughing|hitting|pushing)|messages from (?:girls|boys|kids|people) in (?:her|his|my)"
    r" (?:class|year|school)|spat at|spit(?:ting|s)? at|tripp(?:ed|ing) (?:him |her |me )?up|trips"
    r" (?:him|her|me) up|(?:group|gang) of (?:boys|girls|kids|lads|pupils) (?:\w+ ){0,3}?(?:every"
    r"|at|in)|nobody (?:will )?(?:sit|play)s? with|taunt\w*|teas(?:e|ed|es|ing) (?:him|her|me))\b",
    "radicalisation": r"\b(?:(?:to|in) syria|to fight (?:in|for|abroad|jihad)|(?:being|getting)"
    r" replaced|white genocide|militia|accelerationis\w*|kafirs?|kuffar|caliphate|martyr\w*|(?:sent|send) (?:them )?(?:home"
    r"|back) in boats|great replacement|incel\w*|school shooting|(?:travel\w*|go|going) to syria"
    r"|join (?:isis|the fighters))\b",
    "substance_misuse": r"\b(?:stoned|off (?:his|her) head|hungover|nodded off|drinks? (?:from"
    r"|all|first thing|till|until|constantly|cans|vodka|wine|beer)|smells? of (?:weed|cannabis"
    r"|alcohol|booze|drink))\b",
}
for _name, _extra in _CONCERN_EVERYDAY.items():
    _CONCERN_PATTERNS[_name] += "|" + _extra
_STAFF_PERSON = _rx(
    rf"\b(?:(?:a|the|our|my|one of the(?: other)?|another|his|her|their|old) )?{_STAFF}"
    rf"(?: \([^)]{{0,20}}\))?"
)
_STAFF_ACTION = _rx(
    r"\b(?:messag\w*|texting|texted|snapchat\w*|instagram|sending|touch\w*|tickl\w*|slap\w*"
    r"|grab\w*|shut\w*|hit|hits|hitting|kick\w*|shov\w*|push\w*|kept (?:\w+ ){0,3}back"
    r"|lifts?|close|seen in the pub|groom\w*|shouted at|drove (?:her|him) home|raped|kiss\w*"
    r"|showed (?:\w+ ){0,6}?(?:film|video|porn|images)|alone with|restrain\w*|accused"
    r"|allegation|reported (?:by|for)|yank\w*|shak(?:e|es|ing)|shook|pinch\w*|squeez\w*|drag\w*"
    r"|swore at|scream\w* at|shouting in|humiliat\w*|hugs?|hugging|cuddl\w*|sat on|stay behind"
    r"|keeps? (?:\w+ )?(?:asking|messaging|texting|adding)|adding|(?:heart|kiss) emojis"
    r"|gives? (?:\w+ ){0,4}?lifts?|force[- ]?fe\w*|put (?:him|her|them) in|locked (?:him|her|them))\b"
)
_CONCERNS: tuple[tuple[str, _Group], ...] = tuple((name, _rx(pattern)) for name, pattern in _CONCERN_PATTERNS.items())
_CONCERN_GROUP: dict[str, _Group] = dict(_CONCERNS)
_INJURY_MARK = _rx(
    r"\b(?:bruis\w*|marks?|injur\w*|burns?|burnt|swollen|swelling|fractur\w*|broken|bleeding"
    r"|blood|bumps?|scratch\w*|(?:wont|doesnt|cant) move|screams? when|cries when)\b"
)


_UNDERAGE_PREGNANCY = re.compile(
    r"\b(?:1[0-5]|[89]|thirteen|fourteen|fifteen)\s*(?:yo|y/?o|yrs?|years?)?(?: old)?\b[^.!?\n]{0,120}?\bpregnant\b"
    r"|\bpregnant\b[^.!?\n]{0,60}?\b(?:1[0-5]|thirteen|fourteen|fifteen)\s*(?:yo|y/?o|yrs?|years? old)\b"
    r"|\b(?:pupil|student|year (?:[5-9]|1[01])|schoolgirl|teen\w*)\b[^.!?\n]{0,60}?\bpregnant\b"
    r"|\bpregnant\b[^.!?\n]{0,40}?\b(?:pupil|student|year (?:[5-9]|1[01])|schoolgirl)\b"
)
_PARTNER = re.compile(r"\b(?:partner|husband|boyfriend|fella|ex)\b")
_HE_HURT_HER = re.compile(
    r"\bhe(?:'?s| has| had)? (?:\w+ ){0,2}?(?:pushed|hit|punched|kicked|strangled|slapped|beat|beats"
    r"|throttled|choked|shoved|threw|dragged|attacked|assaulted) her\b"
)
_OTHER_ACTOR = re.compile(
    r"\b(?:dad|daddy|mum|mummy|mom|father|mother|step\w*|brother|sister|uncle|aunt\w*|grand\w*"
    r"|nan|boyfriend|girlfriend|partner|cousin|parents?|carers?|neighbour|lodger)\b"
)


# Private fostering: a child lives with someone who is not a parent or close relative ("a family
# friend", "her boyfriend's parents", "an auntie who isn't actually related") for weeks, or
# while the parents are abroad.
_PF_LIVING = _rx(
    r"\b(?:(?:living|staying|lives|live|stays|lived|stayed|stopping|moved in) (?:with|at) (?:a |an"
    r" |her |his |their |my |our |some )?(?:\w+ ){0,2}?(?:friends?|family friends?|neighbours?"
    r"|boyfriends (?:family|parents|house|mum|place|flat)|girlfriends (?:family|parents|house|mum"
    r"|place|flat)|cousins?|couple|lady|woman|man|host family|mates?))\b"
)
_PF_NOT_RELATED = _rx(
    r"\b(?:(?:isnt|is not|not|no) (?:actually |really )?(?:related|a relative|relation|blood"
    r" relation))\b"
)
_PF_AWAY = _rx(
    r"\b(?:(?:parents?|mum|dad|mother|father)(?: \w+){0,3}? (?:went|gone|moved|are|is|still|working"
    r"|works|live|lives|back|returned)(?: back)? (?:to|in|abroad|overseas)|(?:fell|fallen) out with"
    r" (?:her|his) (?:mum|dad|parents)|(?:arrived|came|come|sent) (?:here |over )?from|(?:for"
    r"|since) (?:the last |the past |about |over )?(?:\d+|a few|several|two|three|four|five|six"
    r"|seven|eight|nine|ten)"
    r" (?:weeks|months)|(?:while|because|since) (?:im|i am|i was|were|we are) (?:in hospital|in"
    r" prison|away|abroad|working away)|since (?:christmas|easter|the summer|september|october|november|january"
    r"|february|march|april|may|june|july|august|december|last \w+)|since (?:her|his|their) (?:mum"
    r"|dad|parents?|mother|father) (?:\w+ ){0,3}?(?:went|left|moved|died|was)|(?:parents?|mum|dad"
    r"|mother|father) (?:is|are|went|gone|was) (?:into |in |to )?(?:rehab|prison|hospital|custody"
    r"|jail)|(?:\d+|a few|several|two"
    r"|three|four|five|six) months (?:now|ago)|(?:its|it has) been (?:\d+|a few|several|two|three"
    r"|four|five|six) (?:weeks|months)|about (?:\d+|two|three|four|five|six) months)\b"
)
_LIVES_WITH = _rx(r"\b(?:living|staying|lives|live|stays|stopping)\b")


def _private_fostering(doc: _Doc) -> bool:
    living = doc.sentences(_PF_LIVING)
    living |= doc.sentences(_PF_NOT_RELATED) & doc.sentences(_LIVES_WITH)
    return _near(living, doc.sentences(_PF_AWAY), 2)


def _staff_allegation(doc: _Doc) -> bool:
    """Someone who works with children did something to a child: a staff word followed closely
    by an action, within one clause (no sentence punctuation or dash between them)."""
    actions = doc.spans(_STAFF_ACTION)
    if not actions:
        return False
    starts = [start for start, _ in actions]
    for _, end in doc.spans(_STAFF_PERSON):
        index = bisect_left(starts, end)
        if index < len(starts) and starts[index] - end <= 100:
            gap = doc.text[end : starts[index]]
            # "tells his TA that his dad hits him": the staff member is the listener and
            # someone else (named in between) is the one acting.
            if not any(mark in gap for mark in ".;:!?\n-") and not _OTHER_ACTOR.search(gap):
                return True
    return False


# Most specific first: a baby's injury right after fabricated illness, before staff allegations.
_CONCERN_ORDER: tuple[str, ...] = (
    *tuple(_CONCERN_PATTERNS)[: tuple(_CONCERN_PATTERNS).index("fii") + 1],
    "non_mobile_injury",
    *tuple(_CONCERN_PATTERNS)[tuple(_CONCERN_PATTERNS).index("fii") + 1 :],
)


def _read_concerns(doc: _Doc) -> tuple[str, ...]:
    found = {name for name, group in _CONCERNS if doc.has(group)}
    # Pregnancy means underage sexual activity only when the pregnant girl is a child (an
    # adult at an antenatal booking is not).
    if "pregnan" in doc.text and _UNDERAGE_PREGNANCY.search(doc.text):
        found.add("underage_sexual_activity")
    # "partner stepped out ... she said he pushed her": a partner named, then a man's assault
    # on a woman.
    if " her" in doc.text and _PARTNER.search(doc.text) and _HE_HURT_HER.search(doc.text):
        found.add("domestic_violence")
    if _staff_allegation(doc):
        found.add("allegation_against_staff")
    if _private_fostering(doc):
        found.add("private_fostering")
    if _near(doc.sentences(_BABY), doc.sentences(_INJURY_MARK), 0):
        found.add("non_mobile_injury")
    return tuple(name for name in _CONCERN_ORDER if name in found)


# =============================================================================================
# Disclosure and what the writer asks for
# =============================================================================================

_HARM_TOLD = (
    r"(?:hit|hits|hitting|hurt|hurts|hurting|punch\w*|kick\w*|slap\w*|smack\w*|beat|beats"
    r"|beaten|beating|batter\w*"
    r"|belt\w*|burnt|burned|pulled (?:my|his|her) hair|touch(?:es|ed)? (?:me|her|him)|touches"
    r"|rap(?:e|ed|es|ing)|sexually|abus\w*|threatened|kill|dead|threw (?:a|the) \w+ at (?:me|her|him)|does"
    r" (?:stuff|things) to|sleeps in (?:her|his|my) bed|finger in|handsy|locks? (?:me|her|him) in"
    r"|made (?:me|her|him)|dragged|strangl\w*|bit (?:me|her|him)|wooden spoon|assaulted"
    # everyday words for the same: "whacks him", "squeezed it", "throws things at her"
    r"|touching (?:me|her|him)|throw(?:s|ing)? (?:things|stuff|\w+) at (?:me|her|him)|whack\w*"
    r"|thump\w*|wallop\w*|clout\w*|squeez\w*|pinch\w*|shook (?:me|her|him)|shov\w*|throttl\w*"
    r"|push(?:es|ed)? (?:me|her|him)|chok\w* (?:me|her|him)|grabb?\w* (?:me|her|him)|bites (?:me|her"
    r"|him)|makes? (?:me|her|him) (?:\w+ )?(?:undress|strip|watch|touch|do|sleep|stand|kneel|eat"
    r"|sit|stay|hold|sell|carry)|(?:made|forced|forces|forcing) (?:me |her |him )?to (?:sell"
    r"|carry|hold|deal|have sex|do|watch|touch|undress)|sat on (?:my|his|her) (?:chest|head"
    r"|face)|(?:couldnt|could not|cant) breathe|whip\w*"
    rf"|{_GENITALS}"
    r"|(?:pillow|hand|cushion) over (?:my|her|his) (?:face|mouth)|(?:puts?|putting) (?:his|her|their)"
    r" (?:\w+ )?(?:hands?|fingers?) (?:in|inside|down|up|on)|(?:comes|came|coming|gets|got"
    r"|getting) (?:in|into) (?:my|her|his) (?:bed|bedroom|room)|tickl\w*|(?:tickle|secret|special"
    r"|wriggly|naughty|cuddle) game|(?:our|their) secret|takes? (?:photos|pictures|pics|videos)"
    r" of (?:me|her|him)|shows? (?:me|her|him) (?:\w+ )?(?:videos|pictures|films|photos|porn)"
    r"|what (?:\w+ ){0,3}?(?:does|did) to (?:me|her|him)|calls? (?:me|her|him) (?:a |an )?(?:\w+ )?"
    r"(?:fat|useless|stupid|thick|ugly|worthless|names|waste|slag|bitch|idiot|pig)|lighter to"
    r"|cigarettes? on|hand on the (?:hot|cooker|iron|hob|fire|radiator)|hot iron|on the hob"
    r"|ask(?:s|ed|ing)? (?:me|her|him) (?:to send|for) (?:\w+ )?(?:pics|pictures|photos|nudes"
    r"|videos)|asking (?:for|to see) (?:\w+ )?(?:pics|pictures|photos|nudes|videos)|burns? (?:me"
    r"|her|him)|(?:take|takes|taking|took) (?:her|his|my|their) clothes off"
    r"|(?:sending|sends|sent) (?:me|her|him) (?:\w+ )?(?:messages|pics|pictures|photos"
    r"|videos|nudes)|did (?:it|this|that) to (?:me|her|him)|did (?:it|this|that) (?:this morning"
    r"|last night|yesterday|at the weekend|on purpose)|only lets? (?:me|her|him) eat"
    r"|(?:be|get|being|getting) married|married off|marry (?:him|her|a|an|my|his)|(?:get|be"
    r"|being) cut)"
)
_TELLING = _rx(
    r"\b(?:told|tells|telling|said|says|saying|disclosed|discloses|mentioned|showed me|admitted"
    r"|signs|signed|let slip|opened up|confided|blurted|whispered|revealed|came to me|pulled me"
    r" aside|pointed (?:to|at))\b"
)
_HARM_TOLD_GROUP = _rx(rf"\b{_HARM_TOLD}\b")
_SELF_HARMED = _rx(
    r"\b(?:(?:hit|hits|hurt|hurts|touch(?:es|ed)?|abuse[sd]?|kick(?:s|ed)?|slap(?:s|ped)?"
    r"|punch(?:es|ed)?|beat(?:s)?|raped|batter(?:s|ed)?) me|used to touch me|made me do)\b"
)
_VERDICT = _rx(
    r"\b(?:is (?:it|this|that) (?:forced marriage|fgm|exploitation|cse|radicalisation|a crime"
    r"|sexual abuse|rape|assault|emotional abuse|physical abuse|private fostering|modern slavery"
    r"|trafficking|grooming)|is (?:it|this|that) (?:abuse|neglect|normal|ok|okay|illegal|legal|allowed|safeguarding"
    r"|a safeguarding (?:concern|issue|matter)|serious|enough|significant harm|child abuse"
    r"|grooming|domestic abuse|reportable)|yes or no|yes/no|one word answer|straight answer"
    r"|just tell me (?:if|whether|yes)|am i (?:overreacting|being paranoid|overthinking|paranoid"
    r"|making a fuss|wrong)|should i (?:refer|report|tell|ring|call|contact|be worried|worry|let"
    r"|have a (?:quiet )?word|be passing)|do i (?:have|need) to (?:refer|report|tell|do anything"
    r"|inform|ring|call)|do i actually need to|(?:does|would) this meet (?:the )?threshold"
    r"|meet the threshold|is this (?:something|a safeguarding|worth)|should this go to|should"
    r" (?:we|it) (?:refer|report|go)|is that (?:abuse|normal|illegal|neglect|ok|okay)|(?:does"
    r"|do|would) this count as)\b"
)
_CONCEAL = _rx(
    r"\b(?:(?:get|make|tell) (?:them|him|her|the kids|my kids|the children) (?:to )?say (?:they"
    r"|he|she) (?:fell|tripped|did it)|(?:get|make|tell|teach|coach) (?:my|our) (?:\w+ ){0,3}?to"
    r" (?:say|tell (?:\w+ ){0,3}?)(?:that )?(?:they|he|she) (?:fell|tripped|did it|walked into"
    r"|banged)|not that (?:i|we) (?:hit|hurt|smacked|slapped|kicked|punched)|cover (?:up|over) (?:a |the |his |her )?(?:bruise|bruises"
    r"|marks?|injur\w*)|hide (?:the |a |his |her )?(?:bruise|bruises|marks?|injur\w*)|so (?:the )?"
    r"(?:nursery|school|teachers?|social services|social workers?|they|she|he|nobody|no one)"
    r" (?:wont|doesnt|dont|will not|does not|do not|cant|cannot|never) (?:notice|see|find out"
    r"|ask|know|take (?:my|the|our) (?:kids|children|baby|son|daughter)|get involved|look into"
    r"|investigate|come back|talk to (?:them|the kids|my kids))"
    r"|make the house look (?:ok|okay|good|clean|better)|so (?:they|she|he) (?:go away"
    r"|goes away|leave us alone|close|closes)|(?:close|closes|closing) the case|delete (?:the |a"
    r" |my )?(?:safeguarding )?(?:log|record|entry|concern|note|report)|get rid of (?:it|the"
    r" (?:record|log|entry|note))|dont want (?:her|him|them) (?:talking|speaking) to (?:them|the"
    r" kids|my kids)|lie to (?:social services|the social worker|the police|the school))\b"
)
_SECRET_CONTACT = _rx(
    r"\b(?:without (?:her|his|their) (?:parents|mum|dad|mother|father) (?:knowing|finding out)"
    r"|without (?:telling anyone|anyone knowing|anyone finding out)|so (?:her|his|their)"
    r" (?:parents|mum|dad)(?: and [a-z ]{1,30}?)? (?:dont|wont|do not|will not|never) (?:find"
    r" out|know|see|notice|check|read)|convince (?:her|him) not to tell|not to tell (?:her|his"
    r"|their) (?:parents|mum|dad) (?:we|that we|about us)|on (?:his|her) own without|(?:chat|talk"
    r"|messag|speak)\w* privately (?:with|to) (?:a|the|this|one|that) (?:\w+ ){0,2}?(?:girl|boy"
    r"|child|pupil|student|kid|young person|year old))\b"
)
_VIGILANTE = _rx(
    r"\b(?:fake profile|expose (?:him|her|them) (?:on|to)|name and shame|(?:his|her|their)"
    r" address so (?:people|everyone|we) can|sort (?:him|her|them) out|confront (?:him|her|them)"
    r"|beat (?:him|her|them) up|teach (?:him|her|them) a lesson|paedo ?hunt\w*)\b"
)
_OTHER_HARM = _rx(
    r"\b(?:(?:doesnt|does not|wont|will not|without) leav(?:e|ing) (?:any )?(?:marks|bruises|a"
    r" mark)|find out (?:which|what|where) (?:refuge|safe house|address)|(?:which|what) refuge"
    r"|track (?:her|them|my ex|my wife) down|(?:get|see|buy|download) (?:\w+ ){0,3}?(?:images"
    r"|pictures|pics|videos) of (?:children|kids|young girls|young boys|underage))\b"
)
_PROMISE = _rx(
    r"\b(?:(?:asked|begged|made|makes|told) me (?:to )?(?:promise )?(?:not to|to not|never to)"
    r" tell|made me promise|(?:asked|wants|want) (?:me )?to keep (?:it|this) (?:confidential"
    r"|secret|between us|private)|keep it (?:confidential|secret|between us)|(?:please )?(?:dont"
    r"|do not) tell (?:anyone|anybody|my mum|my dad|her mum|his mum|my parents|no one)|i promised"
    r" (?:not to tell|i would not tell|i wouldnt tell|her|him)|asked me not to tell"
    # "pinky promise", "swore me to secrecy", "I said I wouldn't tell", "kept it between us"
    r"|(?:made|makes|asked|begged|got) me (?:to )?(?:pinky |pinkie |solemnly )?(?:promise|swear)"
    r"|(?:swore|sworn|swear|swearing) (?:me )?to secrecy|cross my heart|(?:i|we) (?:told (?:him"
    r"|her|them)|said|promised(?: (?:him|her|them))?|agreed) (?:that )?(?:i|we) (?:wouldnt|would"
    r" not|wont|will not) (?:tell|say|pass|share)|(?:keep|keeps|keeping|kept) it (?:between"
    r" (?:us|me and \w+|the two of us)|to myself|quiet|a secret)|stay(?:ed|s)? (?:just )?between"
    r" (?:us|the two of us|me and \w+|ourselves)|(?:it|this) (?:would|will|wont go"
    r"|stays?|could) (?:stay )?(?:between (?:us|me and \w+)|secret)|if i promised)\b"
)
# "I couldn't keep secrets", "our policy says never promise": no promise was made.
_NO_PROMISE = _rx(
    r"\b(?:(?:never|not|dont|do not|shouldnt|should not|cant|cannot|couldnt|could not|must not"
    r"|mustnt) (?:\w+ ){0,2}?(?:promise|keep (?:it |a |any )?secrets?|keep (?:it |this )?"
    r"(?:confidential|secret))|policy|training)\b"
)
_STEPS_NOW = _rx(
    r"\b(?:just (?:tell|give) me (?:what to do|the steps|what i do)|skip the questions|no time"
    r" for (?:questions|this|chat)|(?:dont|do not) ask (?:me )?(?:any )?(?:more )?questions"
    r"|i need the steps|give me the steps|just the steps|tell me what to do now|quick(?:ly)? what"
    r" do i do)\b"
)
_TRAINER = _rx(
    r"\b(?:(?:im|i am) (?:a |an )?(?:\w+ )?trainer|training (?:scenario|exercise|session|course"
    r"|day)|role[- ]?play\w*|demo|case stud(?:y|ies)|scenarios?|for (?:our|my|a) (?:\w+ )?training"
    r"|i (?:deliver|run|lead) (?:\w+ ){0,2}(?:training|induction|sessions?)|running a (?:\w+ )?"
    r"(?:session|training)|walk us through|mock (?:disclosure|scenario)|vignettes?|discussion"
    r" questions|i train|(?:im|i am) (?:teaching|delivering|running|leading|facilitating) (?:a |an"
    r" |the |our |some )?(?:\w+ ){0,3}?(?:session|course|training|workshop|module|induction|inset"
    r"|twilight)|course i (?:deliver|run|teach)|practi[cs]e exercise|make (?:one|it|something|a"
    r" \w+) up|(?:so|for) (?:they|staff|volunteers|learners|delegates|students|trainees|them|we)"
    r" (?:can|could) practi[cs]e|(?:can|could) you (?:play|be|act as) (?:a|an)|pretend (?:you"
    r" are|youre|to be)|act as (?:a|an) (?:worried|concerned|\d+ year old|child|parent|teacher))\b"
    # tabletop exercises
    r"|\b(?:tabletop (?:exercise|scenario)|made-?up case|make up a case)\b"
)
_NOT_TRAINING = _rx(r"\b(?:worst|best)[- ]case scenario\b")


def _followed_by(doc: _Doc, first: _Group, then: _Group, within: int) -> bool:
    """Whether a match of ``then`` starts within ``within`` characters after a match of
    ``first``, in the same sentence, outside hypothetical sentences."""
    later = doc.spans(then)
    if not later:
        return False
    starts = [start for start, _ in later]
    for start, end in doc.spans(first):
        sentence = doc.sentence_of(start)
        if sentence in doc.hypothetical:
            continue
        index = bisect_left(starts, end)
        if index < len(starts) and starts[index] - end <= within:
            if doc.sentence_of(starts[index]) == sentence:
                return True
    return False


def _read_disclosure(doc: _Doc, audience: str) -> bool:
    if _followed_by(doc, _TELLING, _HARM_TOLD_GROUP, 120):
        return True
    return audience == "child" and bool(doc.live(_SELF_HARMED, past_ok=True))


def _read_harmful_request(doc: _Doc, audience: str) -> str | None:
    if doc.live(_CONCEAL, past_ok=True):
        return "conceal_from_services"
    if audience != "child" and doc.live(_SECRET_CONTACT, past_ok=True):
        return "contact_child_secretly"
    if doc.live(_VIGILANTE, past_ok=True):
        return "vigilante"
    if doc.live(_OTHER_HARM, past_ok=True):
        return "other_harm"
    return None


# =============================================================================================
# Reading
# =============================================================================================


def danger_now(text: str) -> tuple[bool, tuple[str, ...]]:
    """Whether ``text`` signals danger now, and why (see ``read_signals``)."""
    signals = read_signals(text)
    return signals.danger_now, signals.danger_reasons


# Where the writer says they are, when they don't say who they are ("a girl in my class").
_SETTING_ROLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:my|our|the) (?:year \d{1,2} |reception )?(?:class|classroom|form|tutor group"
            r"|pupils?|students?|lesson)\b"
            r"|\bin (?:my|our) (?:class|school)\b|\bat school\b|\bplayground\b|\breception class\b"
        ),
        "teacher",
    ),
    (
        re.compile(r"\bnursery\b|\bpre-?school\b|\bkey (?:child|children|worker|person)\b|\bearly years\b"),
        "early_years",
    ),
    (re.compile(r"\b(?:clinic|surgery|ward|a&e|my patients?|antenatal|booking (?:appt|appointment))\b"), "nurse"),
    (re.compile(r"\b(?:youth club|scouts?|guides|brownies|cubs|my (?:club|squad|team))\b"), "volunteer"),
    (re.compile(r"\b(?:home visit|caseload|case load)\b"), "social_worker"),
)


def infer_role(text: str) -> str | None:
    """A likely role from the setting a practitioner mentions, or None."""
    lowered = text.lower()
    for pattern, role in _SETTING_ROLES:
        if pattern.search(lowered):
            return role
    return None


def read_signals(text: str) -> Signals:
    """Everything the rules can read from one message (or a conversation joined by newlines)."""
    if not text or not text.strip():
        return Signals()
    doc = _Doc(normalise(text))
    danger, reasons = _is_danger(_danger_reasons(doc))
    role = _read_role(doc)
    audience = _read_audience(doc, role)
    if role is None and audience == "practitioner":
        role = infer_role(doc.text)
    return Signals(
        danger_now=danger,
        danger_reasons=reasons,
        audience=audience,
        child_age=_read_age(doc, audience),
        role=role,
        concern_types=_read_concerns(doc),
        disclosure=_read_disclosure(doc, audience),
        verdict_request=doc.has(_VERDICT),
        harmful_request=_read_harmful_request(doc, audience),
        confidentiality_promise=bool(doc.live(_PROMISE, past_ok=True) - doc.sentences(_NO_PROMISE)),
        wants_steps_now=doc.has(_STEPS_NOW),
        trainer=doc.has(_TRAINER) and not doc.has(_NOT_TRAINING),
    )
