# One task runner for people and CI. Every target creates or reuses .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= sqlite:///veedor.db

.PHONY: install system-deps assets demo demo-batch test lint typecheck unit bench eval docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==25.3"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## demo: ingest the bundled sample corpus into veedor.db, print a summary, serve the web app on 127.0.0.1:8000
demo: $(STAMP)
	$(BIN)/veedor --db $(DB) demo

## demo-batch: the same as demo, never serving (for scripts)
demo-batch: $(STAMP)
	$(BIN)/veedor --db $(DB) demo --no-serve

## system-deps: Debian packages for browser tests and PDF reports (chromium, poppler-utils, pango)
system-deps:
	./scripts/system-deps.sh

## assets: re-vendor the pinned front-end packages (npm) into src/veedor/web/static/vendor
assets:
	./scripts/vendor-assets.sh

## test: lint, types and the whole test suite (browser tests included)
test: system-deps lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

## eval: extraction quality on the seed gold standard
eval: $(STAMP)
	$(BIN)/veedor eval --gold ../shared/corpus/seeds/gold.jsonl --docs ../shared/corpus/seeds

## bench: speed and memory benchmarks
bench: $(STAMP)
	$(BIN)/python bench/run.py

## docs: regenerate the CLI reference (docs/cli.md)
docs: $(STAMP)
	$(BIN)/python scripts/gen_cli_docs.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
