# Safeguarding Assistant. `make run` starts everything; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

VENV      := .venv
RASA_VENV := .venv-rasa
PY        := $(VENV)/bin/python
RASA_PY   := $(RASA_VENV)/bin/python
PYTEST_ARGS ?=
export PYTHONPATH := $(CURDIR)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

APP_STAMP  := $(VENV)/.installed
RASA_STAMP := $(RASA_VENV)/.installed

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(APP_STAMP): requirements/app.lock
	@scripts/make_venv.sh 3.11 $(VENV) requirements/app.lock

$(RASA_STAMP): requirements/rasa.lock
	@scripts/make_venv.sh 3.10 $(RASA_VENV) requirements/rasa.lock

install: $(APP_STAMP) $(RASA_STAMP) ## Create both Python environments (.venv 3.11, .venv-rasa 3.10)

index: $(APP_STAMP) ## Build the retrieval index if sources, parser or model changed
	@$(PY) -m knowledge build

train: install index ## Train the Rasa model if its inputs changed
	@$(PY) -m bot.stack train

run: install index train ## Set up everything and start the assistant (Ctrl-C stops it)
	@$(PY) -m bot.stack run

shell: install index train ## Chat with the assistant in this terminal
	@$(PY) -m bot.stack shell

test: install index train ## Run every test (unit, HTTP end-to-end against real servers)
	@$(PY) -m pytest $(PYTEST_ARGS)

test-fast: $(APP_STAMP) ## Unit tests only (no servers, no model)
	@$(PY) -m pytest -m "not slow and not services and not browser" $(PYTEST_ARGS)

eval: index ## Retrieval quality on the dev questions (BM25 vs dense vs hybrid)
	@$(PY) -m knowledge eval --gold tests/data/eval/dev_questions.jsonl

bench: install index train ## Benchmarks: index build, query latency, dialogue latency (docs/benchmarks.md)
	@$(PY) -m knowledge.bench --write docs/benchmarks.md
	@$(PY) -m bot.bench --write docs/benchmarks.md

lint: $(APP_STAMP) ## ruff + mypy
	@$(VENV)/bin/ruff check knowledge bot actions tests
	@$(VENV)/bin/mypy knowledge

lock: ## Re-resolve requirements/*.in into the lock files (needs network)
	@scripts/lock.sh

clean: ## Remove built index, trained models and run state (keeps the environments)
	rm -rf build models .rasa run logs

distclean: clean ## Also remove both environments
	rm -rf $(VENV) $(RASA_VENV)

.PHONY: help install index train run shell test test-fast eval bench lint lock clean distclean
