# Two entry points (see README): `make demo` runs the main job on the bundled
# corpus; `make test` runs the test suite.  Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= demo.db

$(BIN)/reviewmine: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# CPU build of torch first: an unpinned torch would pull a multi-GB CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev]"
	touch $(BIN)/reviewmine

install: $(BIN)/reviewmine

demo: install
	$(BIN)/reviewmine ingest corpus --db $(DB)
	$(BIN)/reviewmine docs --db $(DB)
	$(BIN)/reviewmine themes --db $(DB)
	$(BIN)/reviewmine tracker import corpus/tracker.xlsx --db $(DB)
	$(BIN)/reviewmine match --db $(DB) --today 2024-12-31
	mkdir -p out
	$(BIN)/reviewmine report --db $(DB) --today 2024-12-31 -o out/report.html

# Lint and type check (rules and checked files in pyproject.toml); CI runs this before the tests.
lint: install
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

bench: install
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/bench_search.py
	$(BIN)/python benchmarks/bench_report.py

.PHONY: install demo lint test test-fast bench
