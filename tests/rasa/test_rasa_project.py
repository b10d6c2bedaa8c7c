"""Rasa's own checks on the training data and the dialogue flows (real Rasa CLI)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bot.stack import MODEL_PATH, RASA_BIN, ROOT, rasa_env

pytestmark = pytest.mark.services

# Rasa's validator does not know that a form asks its questions with utter_ask_<slot>
# responses, so it reports them as unused; every other warning fails the test.
KNOWN_FORM_QUESTIONS = re.compile(r"The utterance 'utter_ask_\w+' is not used in any story or rule")


def _rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RASA_BIN), *args],
        cwd=ROOT,
        env=rasa_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_rasa_data_validate_is_clean() -> None:
    result = _rasa("data", "validate", "--config", "config.yml", "--domain", "domain", "--data", "data")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    warnings = [line for line in output.splitlines() if "UserWarning" in line and not KNOWN_FORM_QUESTIONS.search(line)]
    assert not warnings, "\n".join(warnings)


def test_rasa_test_stories_have_no_prediction_errors(tmp_path: Path) -> None:
    assert MODEL_PATH.is_file(), "no trained model: run `make train`"
    result = _rasa(
        "test",
        "core",
        "--model",
        str(MODEL_PATH),
        "--stories",
        "tests/conversations",
        "--out",
        str(tmp_path),
        "--fail-on-prediction-errors",
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.is_file() else ""
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:] + "\n" + details
