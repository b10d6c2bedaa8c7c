"""Local and national contacts shown in the steps (bot/contacts.yml, overridable)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

BOT_DIR = Path(__file__).resolve().parent
DEFAULT_FILE = BOT_DIR / "contacts.yml"
LOCAL_FILE = BOT_DIR / "contacts.local.yml"

NOT_CONFIGURED = "not configured yet: ask your safeguarding lead or see your local safeguarding procedures"


@dataclass(frozen=True)
class Contact:
    key: str
    label: str  # what the contact is, e.g. "children's social care (front door / MASH)"
    name: str
    phone: str

    @property
    def configured(self) -> bool:
        return bool(self.phone.strip() or self.name.strip())

    def describe(self) -> str:
        """``label: name, phone`` or ``label (number not configured yet: ...)``."""
        if not self.configured:
            return f"{self.label} (number {NOT_CONFIGURED})"
        detail = ", ".join(part for part in (self.name.strip(), self.phone.strip()) if part)
        return f"{self.label} ({detail})"


LABELS = {
    "safeguarding_lead": "your designated safeguarding lead",
    "deputy_lead": "the deputy safeguarding lead",
    "childrens_social_care": "local authority children's social care (front door / MASH)",
    "out_of_hours": "the out-of-hours emergency duty team",
    "designated_officer": "the local authority designated officer (LADO)",
    "police_non_emergency": "the police non-emergency number",
    "emergency": "emergency services",
    "nspcc_helpline": "the NSPCC Helpline",
    "childline": "Childline",
}


@dataclass(frozen=True)
class Contacts:
    organisation: str
    entries: dict[str, Contact]

    def get(self, key: str) -> Contact:
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"unknown contact {key!r}; known: {sorted(self.entries)}") from None

    def describe(self, key: str) -> str:
        return self.get(key).describe()


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        elif value not in (None, ""):
            merged[key] = value
    return merged


def contacts_files() -> list[Path]:
    """The files that define contacts, lowest priority first."""
    files = [DEFAULT_FILE]
    if LOCAL_FILE.is_file():
        files.append(LOCAL_FILE)
    extra = os.environ.get("CONTACTS_FILE")
    if extra:
        files.append(Path(extra))
    return files


@lru_cache(maxsize=1)
def load_contacts() -> Contacts:
    data: dict[str, Any] = {}
    for path in contacts_files():
        if not path.is_file():
            raise FileNotFoundError(f"contacts file {path} (from CONTACTS_FILE) does not exist")
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise ValueError(f"{path} must be a mapping of contacts (see bot/contacts.yml)")
        data = _merge(data, loaded)
    entries: dict[str, Contact] = {}
    for group in ("local", "national"):
        for key, value in (data.get(group) or {}).items():
            value = value or {}
            entries[key] = Contact(
                key=key,
                label=LABELS.get(key, key.replace("_", " ")),
                name=str(value.get("name") or ""),
                phone=str(value.get("phone") or ""),
            )
    return Contacts(organisation=str(data.get("organisation") or ""), entries=entries)
