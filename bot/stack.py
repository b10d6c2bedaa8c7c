"""Train, start and stop the whole assistant: ``python -m bot.stack train|run|shell|check``.

`make run` calls ``train`` then ``run``: the action server (Python 3.11, .venv) and the Rasa
server (Python 3.10, .venv-rasa) start as child processes; we wait until both are healthy
and a readiness canary gets a reply, print the URLs, and stop both on Ctrl-C. The end-to-end
tests use the same :class:`Stack` on free ports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import KnowledgeError

ROOT = Path(__file__).resolve().parent.parent
VENV_PY = ROOT / ".venv" / "bin" / "python"
RASA_BIN = ROOT / ".venv-rasa" / "bin" / "rasa"
MODELS = ROOT / "models"
MODEL_NAME = "assistant"
MODEL_PATH = MODELS / f"{MODEL_NAME}.tar.gz"
FINGERPRINT = MODELS / f"{MODEL_NAME}.inputs.sha256"
TRAINING_INPUTS = ("config.yml", "domain", "data")
MAX_BODY_BYTES = 64 * 1024


class StackError(RuntimeError):
    """The assistant could not be trained or started; the message says what to do."""


def _say(message: str) -> None:
    print(message, flush=True)


def _files(paths: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = ROOT / name
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.yml") if p.is_file()))
        elif path.is_file():
            out.append(path)
    return out


def training_fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(b"rasa==3.6.21\n")
    for path in _files(TRAINING_INPUTS):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def model_is_current() -> bool:
    return MODEL_PATH.is_file() and FINGERPRINT.is_file() and FINGERPRINT.read_text().strip() == training_fingerprint()


def rasa_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("LOG_LEVEL_LIBRARIES", "ERROR")
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
    if extra:
        env.update(extra)
    return env


def generate_domain() -> None:
    from bot.domain_gen import write

    changed = write()
    _say(f"safety responses: {'regenerated' if changed else 'up to date'} (domain/safety.generated.yml)")


def train(force: bool = False) -> Path:
    """Train the Rasa model if its inputs changed; return its path."""
    if not RASA_BIN.exists():
        raise StackError(f"{RASA_BIN} not found: run `make install` first")
    generate_domain()
    if not force and model_is_current():
        _say(f"model {MODEL_PATH.relative_to(ROOT)} is up to date (inputs unchanged)")
        return MODEL_PATH
    MODELS.mkdir(exist_ok=True)
    # Fingerprint the inputs as they are now: a file edited during training must retrain.
    fingerprint = training_fingerprint()
    _say("training the Rasa model (about 5-7 minutes on 2 cores; progress below)...")
    started = time.monotonic()
    command = [
        str(RASA_BIN),
        "train",
        "--config",
        "config.yml",
        "--domain",
        "domain",
        "--data",
        "data",
        "--out",
        str(MODELS),
        "--fixed-model-name",
        MODEL_NAME,
    ]
    # Rasa's own output goes straight to the terminal, so its progress bars (DIET and
    # policy epochs) render as they run.
    process = subprocess.Popen(command, cwd=ROOT, env=rasa_env())
    if process.wait() != 0:
        raise StackError("rasa train failed (see the output above)")
    FINGERPRINT.write_text(fingerprint + "\n")
    seconds = time.monotonic() - started
    (MODELS / f"{MODEL_NAME}.train-seconds").write_text(f"{seconds:.0f}\n")
    _say(f"model trained in {seconds:.0f} s: {MODEL_PATH.relative_to(ROOT)}")
    return MODEL_PATH


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_json(url: str, payload: dict | None = None, timeout: float = 10.0) -> tuple[int, object]:
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(
        url,
        data=data,
        headers={"Content-Type": "application/json"},
        method="POST" if data else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback
            body = response.read()
            return response.status, json.loads(body) if body else None
    except urllib.error.HTTPError as exc:
        with exc:  # closes the response's socket
            body = exc.read()
        try:
            return exc.code, json.loads(body)
        except ValueError:
            return exc.code, body.decode(errors="replace")


CANARY_QUESTION = "How long does an initial assessment take?"


def _ready(label: str, payload: dict | None, body: object) -> bool:
    """A health check answered; a canary got a reply (the search canary: an answer or an
    abstention from the search, which means the model and index loaded in the action server)."""
    if payload is None:
        return True
    if not isinstance(body, list) or not body:
        return False
    if "search" in label:
        kinds = {(m.get("custom") or {}).get("kind") for m in body if isinstance(m, dict)}
        if "fallback" in kinds:
            raise StackError(
                "the action server could not answer a guidance question: is the index built and "
                "current? Run `make index` (see logs/actions.log)"
            )
        return bool(kinds & {"answer", "abstain", "topic"})
    return True


@dataclass
class Stack:
    """The action server and the Rasa server as child processes."""

    rasa_port: int = 5005
    action_port: int = 5055
    run_dir: Path = ROOT / "run"
    log_dir: Path = ROOT / "logs"
    model: Path = MODEL_PATH
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    _env: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        # The child keeps its own copy of the file descriptor; ours is closed at once.
        with (self.log_dir / f"{name}.log").open("ab") as log:
            self.processes[name] = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def start(self, timeout: float = 180.0) -> None:
        if not self.model.is_file():
            raise StackError(f"no trained model at {self.model}: run `make train` first")
        self.run_dir.mkdir(parents=True, exist_ok=True)
        env = rasa_env(
            {
                "ACTION_PORT": str(self.action_port),
                "TRACKER_DB": str(self.run_dir / "tracker.db"),
                "SANIC_HOST": "127.0.0.1",
                **self.extra_env,
            }
        )
        self._env = env
        self._spawn_actions()
        # The 64 KB body limit is for users' messages, so only the Rasa server gets it: the
        # action server receives whole conversations and must accept them.
        rasa_process_env = {**env, "SANIC_REQUEST_MAX_SIZE": str(MAX_BODY_BYTES)}
        self._spawn(
            "rasa",
            [
                str(RASA_BIN),
                "run",
                "--model",
                str(self.model),
                "--endpoints",
                "endpoints.yml",
                "--credentials",
                "credentials.yml",
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.rasa_port),
                "--cors",
                "*",
            ],
            rasa_process_env,
        )
        self.wait_ready(timeout)

    def _spawn_actions(self) -> None:
        self._spawn(
            "actions",
            [str(VENV_PY), "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.action_port)],
            self._env,
        )

    def restart_actions(self, timeout: float = 180.0) -> None:
        """Start the action server again (after it died or was stopped) and wait until the
        assistant answers guidance questions again."""
        process = self.processes.pop("actions", None)
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(10)
        self._spawn_actions()
        self.wait_ready(timeout)

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                tail = self.log_tail(name)
                raise StackError(f"the {name} server exited with code {process.returncode}:\n{tail}")

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.log_dir / f"{name}.log"
        if not path.is_file():
            return "(no log)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        stages = [
            ("action server", f"{self.action_url}/health", None),
            ("Rasa server", f"{self.rasa_url}/webhooks/rest/", None),
            (
                "readiness canary (dialogue)",
                f"{self.rasa_url}/webhooks/rest/webhook",
                {"sender": f"readiness-{uuid.uuid4().hex}", "message": "hello"},
            ),
            (
                "readiness canary (guidance search)",
                f"{self.rasa_url}/webhooks/rest/webhook",
                {"sender": f"readiness-{uuid.uuid4().hex}", "message": CANARY_QUESTION},
            ),
        ]
        for label, url, payload in stages:
            while True:
                self._check_alive()
                try:
                    status, body = http_json(url, payload, timeout=60)
                    if status == 200 and _ready(label, payload, body):
                        break
                except (OSError, ValueError):
                    pass
                if time.monotonic() > deadline:
                    raise StackError(f"{label} not ready after {timeout:.0f} s; see {self.log_dir}")
                time.sleep(0.5)

    def stop(self, grace: float = 10.0) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + grace
        for process in self.processes.values():
            remaining = max(0.1, deadline - time.monotonic())
            try:
                process.wait(remaining)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait()
        self.processes.clear()

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _port(name: str, default: int) -> int:
    value = os.environ.get(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise StackError(f"{name} must be a port number, got {value!r}") from None


def run() -> int:
    stack = Stack(rasa_port=_port("RASA_PORT", 5005), action_port=_port("ACTION_PORT", 5055))
    _say("starting the action server and Rasa (about 30-60 s)...")
    started = time.monotonic()
    stopping = False

    def _stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    try:
        stack.start()
        _say(
            f"\nThe assistant is ready ({time.monotonic() - started:.0f} s).\n"
            f"  REST:       POST {stack.rasa_url}/webhooks/rest/webhook\n"
            f"  socket.io:  {stack.rasa_url}/socket.io\n"
            f"  actions:    {stack.action_url}/health\n"
            f"  logs:       {stack.log_dir}/rasa.log, {stack.log_dir}/actions.log\n"
            "Try:\n"
            f"  curl -s -X POST {stack.rasa_url}/webhooks/rest/webhook -H 'Content-Type: application/json' \\\n"
            '       -d \'{"sender": "demo-1", "message": "a pupil told me her stepdad hits her"}\'\n'
            "Press Ctrl-C to stop."
        )
        while not stopping:
            stack._check_alive()
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    except (StackError, KnowledgeError) as exc:
        _say(f"error: {exc}")
        return 1
    finally:
        _say("stopping...")
        stack.stop()
    return 0


def shell() -> int:
    from bot.chat import chat_loop

    stack = Stack(rasa_port=_port("RASA_PORT", 5005), action_port=_port("ACTION_PORT", 5055))
    _say("starting the assistant for a terminal chat...")
    try:
        stack.start()
        chat_loop(stack.rasa_url)
    except (StackError, KnowledgeError) as exc:
        _say(f"error: {exc}")
        return 1
    except (KeyboardInterrupt, EOFError):
        pass
    finally:
        stack.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.stack", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    train_cmd = commands.add_parser("train", help="train the Rasa model if its inputs changed")
    train_cmd.add_argument("--force", action="store_true")
    commands.add_parser("run", help="start everything and wait for Ctrl-C")
    commands.add_parser("shell", help="start everything and chat in this terminal")
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            train(force=args.force)
            return 0
        if args.command == "run":
            return run()
        return shell()
    except (StackError, KnowledgeError) as exc:
        _say(f"error: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
