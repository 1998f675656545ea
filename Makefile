# plangraph — two commands for a newcomer: `make run` and `make test` (see README.md).
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: install system-deps lint-deps run demo test lint format clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

system-deps:  ## Debian packages the tests need (CJK font, Chromium, FalkorDB's libraries)
	bash scripts/system-deps.sh

tools/cypher-lint/node_modules/.package-lock.json: tools/cypher-lint/package-lock.json
	npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error

lint-deps: tools/cypher-lint/node_modules/.package-lock.json

run: install  ## ingest the bundled seeds into the embedded store, then serve the API
	$(BIN)/plangraph demo

test: install system-deps lint-deps  ## the whole test suite (what CI runs)
	$(BIN)/ruff check .
	$(BIN)/python tools/lint_imports.py
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/python tools/lint_imports.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) tools/cypher-lint/node_modules tests/artifacts
