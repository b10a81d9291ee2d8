# kazlit developer commands. Everything runs inside a local .venv; nothing is
# installed globally. `make demo` and `make test` are the README's Quickstart.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kazlit-installed

.PHONY: help venv demo test lint typecheck imports pytest docs package clean glossary bench-translit bench-tm-import bench-align bench-terms

help:
	@echo "make demo   set up .venv and run the main job on the sample corpus"
	@echo "make test   set up .venv and run lint, types, import contracts, tests, docs, packaging"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all,dev]'
	@touch $(STAMP)

venv: $(STAMP)

# The programme termbase: the TBX v3 file is made from the hand-edited TSV.
glossary: $(STAMP)
	$(BIN)/kazlit terms convert --tbx-version 3 glossaries/kazlit-programme.tsv glossaries/kazlit-programme.tbx

# The main job: build the sample project (kazlit.toml, corpora/, glossaries/).
demo: $(STAMP)
	$(BIN)/kazlit build

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

# Transliteration benchmark: kazlit against str.translate, PyICU and turkic-translit.
# The peers live only in .venv-bench (PyICU builds against libicu-dev + pkg-config).
bench-translit:
	@test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	.venv-bench/bin/python -m pip install --quiet -e . pyicu turkic-translit \
		|| echo "kazlit: could not install a peer (PyICU needs: apt-get install -y libicu-dev pkg-config)"
	.venv-bench/bin/python benchmarks/translit.py --mb 10 --repeat 5

# TMX import throughput and peak memory against translate-toolkit (docs/benchmarks/tm-import.md).
bench-tm-import: $(STAMP)
	$(BIN)/python benchmarks/tm_import.py --units 50000 --repeat 3

# Sentence alignment against Gale–Church (NLTK, installed here for the benchmark only).
bench-align: $(STAMP)
	$(BIN)/python -m pip install --quiet nltk
	$(BIN)/python benchmarks/align.py

# Term recognition speed (1,000 concepts, 1M tokens) and accuracy on UD pairs;
# kazlit qa and pofilter on the same QA case set.
bench-terms: $(STAMP)
	$(BIN)/python benchmarks/terms.py --tokens 1000000 --repeat 3
	$(BIN)/python benchmarks/qa_cases.py

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

# First vs second TM look-up: building the fuzzy index vs loading the saved one
# (docs/benchmarks/memory-lookup.md).
.PHONY: bench-tm-lookup
bench-tm-lookup: $(STAMP)
	$(BIN)/python benchmarks/memory_lookup.py --repeat 3

# The PostgreSQL TM against the SQLite store and an exhaustive scan
# (docs/benchmarks/tm-postgres.md). Needs KAZLIT_BENCH_POSTGRES=postgresql://… .
.PHONY: bench-tm-postgres
bench-tm-postgres: $(STAMP)
	$(BIN)/python benchmarks/tm_postgres.py --units 1000000 --queries 200
