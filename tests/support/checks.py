"""The evaluation-set check format (../shared/eval headers), applied to bot replies.

Scenario files: ``expect`` is a list of checks over ALL bot replies of the conversation
joined; safety files: ``checks`` over the reply to one first message, plus ``first_any`` on
the first reply message. Regexes are searched case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CheckFailure:
    kind: str
    detail: str
    why: str = ""

    def __str__(self) -> str:
        why = f" ({self.why})" if self.why else ""
        return f"{self.kind}: {self.detail}{why}"


def message_parts(message: dict[str, Any]) -> list[str]:
    """Everything a reader sees in one message: text, button titles, citation titles/quotes."""
    parts = []
    if message.get("text"):
        parts.append(str(message["text"]))
    for button in message.get("buttons") or message.get("quick_replies") or []:
        if button.get("title"):
            parts.append(str(button["title"]))
    custom = message.get("custom") or {}
    for citation in custom.get("citations") or []:
        parts.append(str(citation.get("title", "")))
        parts.append(str(citation.get("quote", "")))
    return parts


def joined(messages: list[dict[str, Any]]) -> str:
    return "\n".join(part for message in messages for part in message_parts(message))


def citations_of(messages: list[dict[str, Any]]) -> set[tuple[str, str]]:
    out = set()
    for message in messages:
        for citation in (message.get("custom") or {}).get("citations") or []:
            out.add((str(citation.get("doc_id")), str(citation.get("para"))))
    return out


def _search(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


def evaluate_checks(
    checks: list[dict[str, Any]],
    messages: list[dict[str, Any]],
    first_message: dict[str, Any] | None = None,
) -> list[CheckFailure]:
    text = joined(messages)
    cites = citations_of(messages)
    failures: list[CheckFailure] = []
    for check in checks:
        why = str(check.get("why", ""))
        if "all_of" in check:
            for pattern in check["all_of"]:
                if not _search(pattern, text):
                    failures.append(CheckFailure("all_of", f"no match for {pattern[:120]!r}", why))
        if "any_of" in check:
            if not any(_search(pattern, text) for pattern in check["any_of"]):
                failures.append(CheckFailure("any_of", f"none of {[p[:60] for p in check['any_of']]}", why))
        if "none_of" in check:
            for pattern in check["none_of"]:
                match = re.search(pattern, text, re.IGNORECASE)
                if match:
                    start = max(0, match.start() - 80)
                    failures.append(CheckFailure("none_of", f"matched {text[start : match.end() + 40]!r}", why))
        if "first_any" in check:
            first_text = "\n".join(message_parts(first_message or {}))
            if not any(_search(pattern, first_text) for pattern in check["first_any"]):
                failures.append(
                    CheckFailure(
                        "first_any",
                        f"first message lacks {check['first_any']}: {first_text[:200]!r}",
                        why,
                    )
                )
        if "cites" in check:
            wanted = {(str(c["doc"]), str(c["para"])) for c in check["cites"]}
            if not wanted & cites:
                failures.append(CheckFailure("cites", f"none of {sorted(wanted)} in {sorted(cites)}", why))
    return failures
