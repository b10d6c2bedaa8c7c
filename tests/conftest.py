"""Shared fixtures. Paths are relative to this file; nothing is created at import time."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(__file__).resolve().parent / "data" / "eval"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    return EVAL_DIR
