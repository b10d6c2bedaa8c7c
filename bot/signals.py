"""Rule-based reading of a user message: danger now, who is typing, the kind of concern.

This is the second reader of every message (the first is the statistical NLU model). It runs
inside the Rasa process (Python 3.10) and in the Python 3.11 application, so it uses the
standard library only and does no work at import time beyond compiling regular expressions.

How it reads a message
----------------------
1. ``normalise`` makes a lower-case copy with straight quotes, expanded contractions and common
   text-speak rewritten ("14yo" -> "14 year old", "cos" -> "because", "2nite" -> "tonight").
   Only a bounded amount of text is read: the first 20 000 and the last 5 000 characters.
2. Named pattern groups (``_WEAPON``, ``_THREAT``, ``_IMMEDIATE``...) are each run once over the
   whole normalised text; every group is written as a readable alternation of phrases.
3. Small rules combine the groups by sentence: danger needs a harm signal *and* an immediacy or
   access signal in the same or a neighbouring sentence, or an inherently immediate signal (a
   weapon drawn, a child bleeding or unconscious, a child missing with adults). Sentences that
   are hypothetical ("what should a school do if a parent arrives drunk?"), part of a training
   scenario, or about the past ("two years ago", "when she was 8") do not count.

When in doubt about a concrete present situation the rules fire: a missed emergency costs far
more than an unnecessary "call 999".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

HEAD_CHARS = 20_000
TAIL_CHARS = 5_000

Span = tuple[int, int]


@dataclass(frozen=True)
class Signals:
    """What a message says, as far as simple rules can tell."""

    danger_now: bool = False
    danger_reasons: tuple[str, ...] = ()
    audience: str = "unknown"  # practitioner | child | parent | unknown
    disclosure: bool = False
    concern_types: tuple[str, ...] = ()  # most specific first
    child_age: int | None = None
    role: str | None = None
    verdict_request: bool = False
    harmful_request: str | None = None  # conceal_from_services | contact_child_secretly | ...
    confidentiality_promise: bool = False
    wants_steps_now: bool = False
    trainer: bool = False


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
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
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
}


def _whole_words(words: Iterable[str]) -> str:
    """An alternation of whole words that the engine can scan for by first letter: the word
    boundary check sits after the first letter (a leading \\b would slow the scan down)."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    alternatives = [
        rf"{re.escape(first)}(?<!\w{re.escape(first)})(?:{'|'.join(rests)})(?!\w)"
        for first, rests in by_first.items()
    ]
    return "(?:" + "|".join(alternatives) + ")"


_WORD_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_whole_words([w for w, r in _WORD_MAP.items() if r == target])), target)
    for target in dict.fromkeys(_WORD_MAP.values())
)
# (pattern, replacement) pairs applied in order; none starts with \b (see _Doc.spans).
_REWRITE_TABLE: tuple[tuple[str, str], ...] = (
    (r"n'?t\b", "nt"),  # contractions: drop the apostrophe ...
    (r"'ll\b", " will"),  # ... and expand the ones that read ambiguously without it
    (r"'d\b", " would"),
    (r"'re\b", " are"),
    (r"'ve\b", " have"),
    (r"'([sm])\b", r"\1"),
    (r"'", " "),
    (r'"', " "),
    (r"s(?<![\w-]s)tep[- ]?(dad|mum|father|mother|brother|sister|son|daughter)", r"step\1"),
    # ages: "14yo", "14 y/o", "14yrs old", "14-year-old" -> "14 year old"; "Y9", "yr 9" -> "year 9"
    (
        r"(\d(?<!\w\d)\d?) ?(?:yo|yos|y/o|y\.o\.?|yrs? ?old|years? ?old|yr|yrs|-years?-old"
        r"|-year)(?!\w)",
        r"\1 year old",
    ),
    (r"(\d(?<!\w\d)\d?) ?-?(?:months?|mths?|mnths?)[- ]?old(?!\w)", r"\1 month old"),
    (r"(\d(?<!\w\d)\d?) ?-?(?:weeks?|wks?)[- ]?old(?!\w)", r"\1 week old"),
    (r"y(?<![\w-]y)(?:ear|r)? ?(\d{1,2})(s?)(?!\w)", r"year \1\2"),
    (r"  +", " "),
)
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in _REWRITE_TABLE
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
    if rest[:1] in ("?", "*", "+", "{"):
        return [alternative]
    return [out for choice in _split_top(body) for out in _expand(choice + rest)]


_LITERAL_HEAD = re.compile(r"[a-z0-9]*")


def _leading_word(alternative: str) -> tuple[str, bool]:
    """The literal text an alternative starts with, and whether it is a whole word (``False``
    when the word may go on, as in ``kill(?:s|ing)?``). ``("", False)`` when it has none."""
    head = _LITERAL_HEAD.match(alternative)
    word = head.group(0) if head else ""
    after = alternative[len(word) : len(word) + 2]
    if not word:
        return "", False
    if after[:1] in ("?", "*", "{"):
        return word[:-1], False
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
    for pattern, replacement in _REWRITES[:8]:  # apostrophes first: "he'll" -> "he will"
        out = pattern.sub(replacement, out)
    for pattern, replacement in _WORD_REWRITES:
        out = pattern.sub(replacement, out)
    for pattern in _NUMBER_AGES:
        out = pattern.sub(_number_word, out)
    for pattern, replacement in _REWRITES[8:]:
        out = pattern.sub(replacement, out)
    return out


# =============================================================================================
# Sentences and context
# =============================================================================================

MAX_MATCHES = 2_000  # per pattern: bounds the work on adversarial text
_LONG_SENTENCE = 220  # run-on sentences are cut at commas / "and" after this many characters

_TOKEN = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?;\n]+(?=[\s\"')-]|$)| - ")
_WEAK_BREAK = re.compile(r",\s|a(?<!\wa)nd\b|b(?<!\wb)ut\b|s(?<!\ws)o\b")

# Markers that make a sentence hypothetical: a policy question or a generic "if a parent...".
_HYPOTHETICAL = _rx(
    r"\b(?:hypothetical(?:ly)?|in theory|for example|imagine|suppose|supposing|what if"
    r"|(?:if|when|where|whether) (?:a|an|any|someone|somebody|anyone|staff|parents|children"
    r"|pupils|young people|you)\b"
    r"|(?:what|how|when) (?:should|would|do|does|can|could|must|are|is) (?:a|an|the|we|i|you|staff"
    r"|schools?|nurser(?:y|ies)|practitioners?|teachers?|professionals?|someone|our|my|parents)"
    r"\b[^.?!\n]{0,80}?\b(?:if|when|where)\b"
    r"|what happens (?:if|when)|is there (?:a |any )?(?:guidance|policy|procedure|law)"
    r"|(?:our|the|a|new) (?:policy|procedures?|guidance|training|workshop|curriculum|lessons?"
    r"|policies|handbook|code of conduct|induction)\b)"
)
# Markers that open a training scenario; the scenario runs until a sentence that pivots back to
# real life ("separately", "unrelated", "this is real").
_SCENARIO = _rx(
    r"\b(?:scenario|case study|role[- ]?play|demo|mock (?:call|disclosure|scenario)|vignette"
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
    r"|small|a baby|a toddler|younger|pregnant|in year \d{1,2})|used to|in (?:19|20)\d\d|back in"
    r"|as a (?:child|kid)|historic(?:al)?|in the past|in (?:january|february|march|april|june|july"
    r"|august|september|october|november|december)|since (?:19|20)\d\d|healed)\b"
)
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
        self.words: dict[str, list[int]] = {}
        for match in _TOKEN.finditer(text):
            self.words.setdefault(match.group(0), []).append(match.start())
        self._sorted_words = sorted(self.words)
        hyp = self.sentences(_HYPOTHETICAL)
        self.historic = self.sentences(_HISTORIC)
        self.mitigated = self.sentences(_MITIGATED)
        self.hypothetical = hyp | self._scenario_zone()

    @staticmethod
    def _sentence_starts(text: str) -> list[int]:
        starts = [0]
        for match in _SENTENCE_END.finditer(text):
            end = match.end()
            if end - starts[-1] > _LONG_SENTENCE:  # a run-on sentence: cut it at commas / "and"
                for weak in _WEAK_BREAK.finditer(text, starts[-1], match.start()):
                    if weak.start() - starts[-1] > _LONG_SENTENCE:
                        starts.append(weak.start())
            if end > starts[-1] and end < len(text):
                starts.append(end)
        if len(text) - starts[-1] > _LONG_SENTENCE:
            for weak in _WEAK_BREAK.finditer(text, starts[-1]):
                if weak.start() - starts[-1] > _LONG_SENTENCE:
                    starts.append(weak.start())
        return starts

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def sentence_text(self, index: int) -> str:
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end]

    def spans(self, group: _Group) -> list[Span]:
        """Where ``group`` matches, each match starting a word (at most MAX_MATCHES places)."""
        found = self._cache.get(group)
        if found is not None:
            return found
        found = []
        text = self.text
        for word, regex in group.words.items():
            self._match_at(regex, self.words.get(word, ()), found)
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

    def _match_at(
        self, regex: re.Pattern[str], positions: Iterable[int], found: list[Span]
    ) -> None:
        match = regex.match
        for pos in positions:
            if len(found) >= MAX_MATCHES:
                return
            hit = match(self.text, pos)
            if hit is not None:
                found.append(hit.span())

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

_KID = (
    r"(?:child|children|kids?|baby|babies|toddlers?|sons?|daughters?|boys?|girls?|lad|pupils?"
    r"|students?|twins|little ones|\d{1,2} year olds?|young person|yp|teen(?:ager)?s?|brother"
    r"|sister|siblings)"
)
_WEAPON_NOUN = (
    r"(?:knife|knives|machete|blade|gun|shotgun|handgun|pistol|rifle|firearm|crossbow|hammer"
    r"|axe|hatchet|sword|cleaver|(?:baseball|cricket|metal) bat|bat|metal bar|crowbar"
    r"|broken bottle|screwdriver|acid|weapon)"
)
# Immediacy, presence and access: the harm is happening now or within hours.
_NOW = _rx(
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
    r"|just (?:\w+ed|got|turned|walked|came|come|rang|told|said|texted|called|arrived|put|took"
    r"|left|ran|run|threw|hit|shown|showed|found|seen|sent)"
    r"|(?:is|are|hes|shes|theyre|im) (?:\w+ing|stood|sat))\b"
)
_WEAPON = _rx(
    rf"\b(?:with|holding|held|waving|brandishing|wielding|carrying|pulled|pulls|pulling|drew|drawn"
    rf"|grabbed|got|has|showing|pointing|armed with|holding up|took out|takes out)"
    rf" (?:(?:a|an|the|his|her|their|my|some|something that looks like a|what looks like a"
    rf"|kitchen|big|large|huge|real|massive|carving|bread|stanley|sharp)\s){{0,4}}{_WEAPON_NOUN}"
    rf"(?! crime)\b(?!s? (?:crime|awareness|amnesty|arch))"
    rf"|\b{_WEAPON_NOUN} (?:in (?:his|her|their) (?:hand|hands|bag|pocket|waistband|belt|coat)"
    rf"|tucked|to (?:his|her|my|their|the) (?:\w+ )?(?:throat|neck|head|face))"
    rf"|\b(?:armed|stabbing|shooting at|firing)\b"
)
_NOT_A_WEAPON = _rx(
    r"\b(?:no|not|never|without|isnt|wasnt|nor)\b(?: \w+){0,3} (?:knife|knives|weapon|gun)\b"
    r"|\b(?:replica|toy|air pistol|nerf|water pistol|plastic|pretend)\b"
)
_THREAT = _rx(
    r"\b(?:kill|murder|stab|shoot|strangle|knife)(?:s|ing)? (?:him|her|them|me|us|you|everyone"
    r"|anyone|all of (?:us|them)|the (?:kids|children|baby|head|teacher|family|lot)"
    r"|(?:his|her|their|my|our) (?:\w+ ){0,2}?(?:mum|dad|kids|children|baby|son|daughter|wife"
    r"|family|brother|sister|partner|ex|mother|father)|mum|dad)\b"
    r"|\bslit (?:\w+ ){0,3}?throats?\b"
    r"|\bburn (?:the|our|her|his|their|my) (?:house|flat|home|place) down"
    r"|\bburn (?:\w+ ){0,3}?down with (?:us|them|her|him|me)"
    r"|\bfinish (?:her|him|them|me|you) off\b|\b(?:your|you are|hes|shes|theyre|im|they are"
    r"|he is|she is|youre) (?:so |gonna be |going to be )?dead\b"
    r"|\bprice on (?:his|her|my|their) head"
    r"|\bbreak (?:my|your|his|her|their) (?:\w+ )?(?:legs?|arms?|neck|face)\b"
    r"|\bsend (?:the baby|him|her|them|my baby|the kids) to heaven"
    r"|\b(?:going to|will|would|gonna|threaten(?:ed|s|ing)? to|coming to) (?:\w+ )?(?:hurt|harm"
    r"|batter|beat up|get) (?:the baby|the kids|the children|him|her|them|me|us)\b"
)


def _weapon(doc: _Doc) -> bool:
    weapon = doc.live(_WEAPON)
    if not weapon:
        return False
    negated = doc.sentences(_NOT_A_WEAPON)
    weapon -= negated
    return _near(weapon, doc.live(_NOW, past_ok=True), 1)


def _threat_to_kill(doc: _Doc) -> bool:
    threat = doc.live(_THREAT)
    if not threat:
        return False
    threat = {i for i in threat if not _near([i], doc.mitigated, 1)}
    return _near(threat, doc.live(_NOW, past_ok=True), 1)


# (reason, rule) in the order the reasons are reported.
_DANGER_RULES: tuple[tuple[str, Callable[[_Doc], bool]], ...] = (
    ("weapon", _weapon),
    ("threat_to_kill", _threat_to_kill),
)


def _danger_reasons(doc: _Doc) -> tuple[str, ...]:
    return tuple(reason for reason, rule in _DANGER_RULES if rule(doc))


# =============================================================================================
# Reading
# =============================================================================================


def danger_now(text: str) -> tuple[bool, tuple[str, ...]]:
    """Whether ``text`` signals danger now, and why (see ``read_signals``)."""
    signals = read_signals(text)
    return signals.danger_now, signals.danger_reasons


def read_signals(text: str) -> Signals:
    """Everything the rules can read from one message (or a conversation joined by newlines)."""
    if not text or not text.strip():
        return Signals()
    doc = _Doc(normalise(text))
    reasons = _danger_reasons(doc)
    return Signals(danger_now=bool(reasons), danger_reasons=reasons)
