# Videre. Two commands on a fresh machine: `make serve` and `make test`.
# Both create .venv and install the versions in uv.lock on first run (and again when the lock changes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installeret
# uv installs the exact versions and hashes in uv.lock; it lives in its own small venv, itself pinned by hash.
TOOLS  := .tools
UV     := $(TOOLS)/bin/uv
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
CHROMIUM := /usr/lib/chromium/chromium
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the output (sitemap, gzip headers) come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

# The editor at /redaktion/ (Sveltia CMS) comes from npm, installed exactly as package-lock.json says.
NODE_STAMP := node_modules/.installeret
REDAKTION_PORT ?= 8081

.PHONY: serve build test format bench mutation valider skemaer chromium opdater clean redaktion

$(UV): requirements/uv.txt
	test -x $(TOOLS)/bin/python || $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/uv.txt
	touch $(UV)

# --locked: stop if uv.lock does not match pyproject.toml, instead of quietly resolving anew.
# --compile-bytecode: the installed packages' .pyc files are written once here. Where PYTHONDONTWRITEBYTECODE
# is set (as on the CI machines), Python would otherwise compile MkDocs, Material and the rest from source in
# every process: 0.9 s of a 3.8 s build of the real data, measured.
$(STAMP): uv.lock pyproject.toml Makefile $(UV)
	$(UV) sync --locked --compile-bytecode --extra test --python $(PYTHON)
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "Mangler npm (Node.js). Installér Debians pakker 'nodejs' og 'npm'."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## serve: build and serve the site on http://127.0.0.1:8000, rebuilding when data/ changes
serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## build: write the static site to site/
build: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs build --strict

## test: Ruff's lint and format check, then the whole suite, browser tests in headless Chromium included (WORKERS=3 to try a third process)
WORKERS ?= 2
test: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile

## format: let Ruff sort imports, fix what it can and format the code, as make test expects it
format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## bench: national-scale benchmark; prints a table and writes bench/results.json
bench: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/python -m bench

## mutation: mutation testing of the core modules against the tests beside them (minutes; not part of test)
mutation: $(STAMP)
	$(UV) sync --locked --compile-bytecode --extra test --extra mutation --inexact --python $(PYTHON)
	$(BIN)/python tools/mutation.py $(MODULER)

## redaktion: the editor on http://127.0.0.1:8000/redaktion/, saving to a local stand-in for GitHub (offline; token "lokal")
redaktion: $(STAMP) $(NODE_STAMP)
	@echo "Redaktionen: http://127.0.0.1:8000/redaktion/ (log ind med tokenet 'lokal'; udgivne forslag skrives i data/)"
	$(BIN)/python -m tests.helpers.forge $(CURDIR) --port $(REDAKTION_PORT) & server=$$!; \
	  trap "kill $$server" EXIT INT TERM; \
	  VIDERE_REDAKTION_LOKAL=http://127.0.0.1:$(REDAKTION_PORT) \
	  $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## valider: check every record in data/
valider: $(STAMP)
	$(BIN)/videre valider

## skemaer: regenerate the published JSON Schemas in docs/schemas/
skemaer: $(STAMP)
	$(BIN)/videre skemaer

## chromium: Debian's Chromium for browser tests (installed with apt-get when missing and allowed)
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installerer Debians chromium …"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Mangler $(CHROMIUM). Installér Debians pakke 'chromium' (sudo apt-get install chromium)."; exit 1; \
	  fi; \
	fi

## opdater: take the newest allowed versions into uv.lock, then run the whole suite on them
opdater: $(UV)
	$(UV) lock --upgrade --python $(PYTHON)
	$(MAKE) test

clean:
	rm -rf site .pytest_cache
