"""A terminal chat with a running assistant over its REST channel (``make shell``)."""

from __future__ import annotations

import uuid

from bot.stack import http_json

PROMPT = "you> "


def format_reply(message: dict) -> str:
    lines = []
    text = message.get("text")
    if text:
        lines.append(text)
    custom = message.get("custom") or {}
    for number, citation in enumerate(custom.get("citations") or [], start=1):
        quote = citation.get("quote", "")
        if len(quote) > 240:
            quote = quote[:240] + "…"
        lines.append(f"   [{number}] {citation.get('title')} {citation.get('para')}: “{quote}”")
    for button in message.get("buttons") or []:
        lines.append(f"   ( {button.get('title')} )")
    return "\n".join(lines)


def chat_loop(base_url: str) -> None:
    sender = f"shell-{uuid.uuid4().hex[:12]}"
    print(f"Chatting as {sender}. Type your message; Ctrl-D or 'quit' to stop.\n")
    while True:
        try:
            text = input(PROMPT)
        except EOFError:
            print()
            return
        if text.strip().lower() in ("quit", "exit"):
            return
        status, body = http_json(f"{base_url}/webhooks/rest/webhook", {"sender": sender, "message": text}, timeout=60)
        if status != 200 or not isinstance(body, list):
            print(f"bot> (error {status}: {body})")
            continue
        for message in body:
            print("bot> " + format_reply(message).replace("\n", "\n     "))
        print()
