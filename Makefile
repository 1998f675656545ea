# plangraph — two commands for a newcomer: `make run` and `make test` (see README.md).
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: install system-deps lint-deps page-assets neo4j-server run demo test lint format clean score

# `make run` needs only the runtime packages (progress shown: the first install takes a few minutes);
# `make install` / `make test` add the dev extras on top.
$(VENV)/.runtime: pyproject.toml
	@echo "== installing plangraph and what running it needs into $(VENV) (first run only; a few minutes) =="
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade --progress-bar on pip
	$(BIN)/pip install --progress-bar on -e .
	touch $@

$(VENV)/.installed: $(VENV)/.runtime
	@echo "== installing the development extras (tests, linters, notebooks) =="
	$(BIN)/pip install --progress-bar on -e '.[dev]'
	touch $@

install: $(VENV)/.installed

system-deps:  ## Debian packages the tests need (CJK font, Chromium, FalkorDB's libraries)
	bash scripts/system-deps.sh

tools/cypher-lint/node_modules/.package-lock.json: tools/cypher-lint/package-lock.json
	npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error

# The page's browser libraries (tools/page-assets): cytoscape, whose dist file is vendored in api/static/vendor
# (checked by tests/test_page_assets.py), and axe-core for the page's accessibility test. Idempotent.
tools/page-assets/node_modules/.package-lock.json: tools/page-assets/package-lock.json
	npm ci --prefix tools/page-assets --no-audit --no-fund --loglevel=error

# Refresh the vendored cytoscape after changing its pinned version in tools/page-assets/package.json.
page-assets: tools/page-assets/node_modules/.package-lock.json
	cp tools/page-assets/node_modules/cytoscape/dist/cytoscape.min.js api/static/vendor/cytoscape.min.js

lint-deps: tools/cypher-lint/node_modules/.package-lock.json tools/page-assets/node_modules/.package-lock.json

# The Neo4j 5 test server (tools/neo4j-server): Maven downloads Neo4j once into ~/.m2, later builds are offline.
NEO4J_JAR := tools/neo4j-server/target/neo4j-server.jar
$(NEO4J_JAR): tools/neo4j-server/pom.xml $(wildcard tools/neo4j-server/src/main/java/*/*/*.java)
	@command -v java >/dev/null || { echo "error: no java: the Neo4j test server needs Java 17 (Debian: apt-get install openjdk-17-jdk-headless)"; exit 1; }
	@command -v mvn >/dev/null || { echo "error: no mvn: the Neo4j test server is built with Maven (Debian: apt-get install maven)"; exit 1; }
	cd tools/neo4j-server && mvn -q -B package
	@touch $@

neo4j-server: $(NEO4J_JAR)

run: $(VENV)/.runtime  ## ingest the bundled seeds (unchanged ones skipped), then serve the API; Ctrl-C stops it
	$(BIN)/plangraph demo

test: install system-deps lint-deps neo4j-server  ## the whole test suite (what CI runs; starts Neo4j itself)
	$(BIN)/ruff check .
	$(BIN)/python tools/lint_imports.py
	$(BIN)/pytest -q

# The shared steering material (dev set, seed gold, score.py) sits next to the main checkout; worktrees find it
# through git's common directory. Override with `make score SHARED=/path/to/shared`.
SHARED ?= $(firstword $(wildcard ../shared $(dir $(abspath $(shell git rev-parse --git-common-dir 2>/dev/null)))../shared))
SCORE_SETS := $(if $(SHARED),$(SHARED)/dev/docs:$(SHARED)/dev/gold) data/seeds:$(SHARED)/gold \
	$(if $(wildcard data/dev/docs/* ),$(if $(wildcard data/dev/gold/*.json),data/dev/docs:data/dev/gold))

score: install  ## extraction figures (score.py) on ../shared/dev, the bundled seeds and data/dev
	@if [ -z "$(SHARED)" ] || [ ! -f "$(SHARED)/tools/score.py" ]; then \
		echo "make score: skipped, ../shared (tools/score.py, dev/, gold/) is absent; set SHARED=… to score"; exit 0; fi; \
	for set in $(SCORE_SETS); do \
		docs=$${set%%:*}; gold=$${set#*:}; out=$$(mktemp -d); \
		files=$$(find "$$docs" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.docx' -o -name '*.pdf' -o -name '*.md' \) ! -name INDEX.md ! -name README.md | sort); \
		echo "== $$docs against $$gold"; \
		$(BIN)/plangraph extract $$files --out "$$out" > "$$out.log" 2>&1 || { tail -5 "$$out.log"; }; \
		$(PYTHON) "$(SHARED)/tools/score.py" "$$gold" "$$out"; echo; \
		rm -rf "$$out" "$$out.log"; \
	done

lint: install
	$(BIN)/ruff check .
	$(BIN)/python tools/lint_imports.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) tools/cypher-lint/node_modules tools/page-assets/node_modules tools/neo4j-server/target tests/artifacts
