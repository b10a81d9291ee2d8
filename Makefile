# kazlit developer commands. Everything runs inside a local .venv; nothing is
# installed globally. `make demo` and `make test` are the README's Quickstart.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kazlit-installed

.PHONY: help venv demo test lint typecheck imports pytest docs package clean

help:
	@echo "make demo   set up .venv and run the main job on the sample corpus"
	@echo "make test   set up .venv and run lint, types, import contracts, tests, docs, packaging"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all,dev]'
	@touch $(STAMP)

venv: $(STAMP)

# Until the pipeline (`kazlit build`) lands, the demo runs what exists and says so.
demo: $(STAMP)
	@$(BIN)/kazlit --version
	@$(BIN)/kazlit languages
	@echo "kazlit: the main job (kazlit build on the sample corpus) is not implemented yet;"
	@echo "kazlit: this demo ran the commands that exist so far."

test: lint typecheck imports pytest docs package
	@echo "kazlit: all checks passed"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks docs/conf.py
	$(BIN)/ruff format --check src tests benchmarks docs/conf.py

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

imports: $(STAMP)
	$(BIN)/lint-imports --no-cache

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

docs: $(STAMP)
	$(BIN)/sphinx-build -q -W --keep-going -b html docs docs/_build/html

# Build the sdist and wheel, install the wheel into a fresh venv and run it from
# there, so that package data missing from the wheel fails here.
package: $(STAMP)
	rm -rf dist build/wheel-venv
	$(BIN)/python -m build --no-isolation --outdir dist . > /dev/null
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/python -m pip install --quiet dist/*.whl
	cd build && wheel-venv/bin/kazlit --version
	cd build && wheel-venv/bin/python ../tests/wheel_check.py

clean:
	rm -rf $(VENV) dist build docs/_build .mypy_cache .ruff_cache .pytest_cache

# DAISY Ace and EPUBCheck on every edition kind. Ace is installed with npm into
# ACE_DIR (outside the repository) without its Electron/Chromium downloads; it runs
# headless with Debian's chromium. Results: docs/benchmarks/epub.md.
ACE_DIR ?= $(abspath ../ace)
.PHONY: ace bench-epub
ace: $(STAMP)
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)
	test -x $(ACE_DIR)/node_modules/.bin/ace-puppeteer || (mkdir -p $(ACE_DIR) && cd $(ACE_DIR) \
	  && ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund @daisy/ace)
	KAZLIT_ACE=$(ACE_DIR)/node_modules/.bin/ace-puppeteer PUPPETEER_EXECUTABLE_PATH=$$(command -v chromium) \
	  $(BIN)/python benchmarks/epub_check.py

# The EPUB build benchmark (200 works, about 1,000 pages) against pandoc.
bench-epub: $(STAMP)
	$(BIN)/python benchmarks/epub.py
