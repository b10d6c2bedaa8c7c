"""Shared state of the action server: the planner, loaded once, warmed up in the background."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from bot.resources import shared
from bot.respond import Planner

logger = logging.getLogger(__name__)
T = TypeVar("T")

_planner: Planner | None = None
_lock = threading.Lock()


def planner() -> Planner:
    global _planner
    with _lock:
        if _planner is None:
            _planner = Planner(shared())
        return _planner


def _warm_up() -> None:
    try:
        shared().warm_up()
        logger.info("knowledge resources loaded")
    except Exception:  # noqa: BLE001 - report and keep serving; each action reports its own failure
        logger.exception("warming up the knowledge resources failed")


def start_warm_up() -> None:
    """Load the model and index in a background thread (once per process)."""
    if os.environ.get("ACTIONS_SKIP_WARMUP") == "1":
        return
    thread = threading.Thread(target=_warm_up, name="knowledge-warm-up", daemon=True)
    thread.start()


async def in_thread(function: Callable[..., T], *args: Any) -> T:
    """Run blocking work (embedding, search) off the event loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, function, *args)
