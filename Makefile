# The two set-up commands: `make run` (API + seed on managed Neo4j) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install web web-check run test check neo4j-stop clean

$(BIN)/peergraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/peergraph

# The browser app into web/dist, which `serve` serves at /; nothing to do without web/.
web:
	@if [ -f web/package.json ]; then cd web && npm ci --no-audit --no-fund && npm run build; fi

# Starts the managed Neo4j unless NEO4J_URI points at another server.
run: install web
	@if [ -z "$$NEO4J_URI" ]; then $(BIN)/peergraph neo4j start; fi
	$(BIN)/peergraph migrate
	$(BIN)/peergraph seed
	$(BIN)/peergraph serve

check: install web-check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# eslint and tsc over web/, whose dependencies web/package-lock.json pins.
web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund

web-check: web/node_modules/.package-lock.json
	cd web && npm run lint && npm run typecheck

test: check web
	$(BIN)/pytest

neo4j-stop: install
	$(BIN)/peergraph neo4j stop

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .import_linter_cache web/node_modules web/dist
