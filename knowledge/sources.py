"""The sources manifest: which documents the assistant quotes, and what each one is."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from knowledge.errors import SourceError
from knowledge.models import Source

SOURCES_DIR = Path(__file__).resolve().parent / "sources"
MANIFEST_NAME = "sources.yml"


def load_sources(directory: Path = SOURCES_DIR) -> list[Source]:
    """Read ``sources.yml`` in ``directory`` and check every listed file exists."""
    manifest = directory / MANIFEST_NAME
    if not manifest.is_file():
        raise SourceError(f"sources manifest not found: {manifest}")
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourceError(f"{manifest} is not valid YAML: {exc}") from exc
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise SourceError(f"{manifest} must have a non-empty 'sources' list")
    sources = []
    for entry in entries:
        try:
            source = Source.from_dict(entry)
        except (TypeError, KeyError, ValueError) as exc:
            raise SourceError(f"bad entry in {manifest}: {entry!r} ({exc})") from exc
        if not (directory / source.file).is_file():
            raise SourceError(f"{source.doc_id}: file {source.file} listed in {manifest} is missing")
        sources.append(source)
    ids = [s.doc_id for s in sources]
    if len(set(ids)) != len(ids):
        raise SourceError(f"duplicate doc_id in {manifest}: {ids}")
    return sources


def read_text(source: Source, directory: Path = SOURCES_DIR) -> str:
    """The text of ``source``, decoded as UTF-8."""
    return (directory / source.file).read_text(encoding="utf-8")


def sources_by_id(directory: Path = SOURCES_DIR) -> dict[str, Source]:
    return {source.doc_id: source for source in load_sources(directory)}


def corpus_hash(directory: Path = SOURCES_DIR) -> str:
    """SHA-256 over the manifest and every source file, in manifest order."""
    digest = hashlib.sha256()
    digest.update((directory / MANIFEST_NAME).read_bytes())
    for source in load_sources(directory):
        digest.update(source.file.encode())
        digest.update((directory / source.file).read_bytes())
    return digest.hexdigest()
