# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test test-slow lint clean venv screenshot bench bench-baseline

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

venv: $(STAMP)

## Open the app on the default project (the seed corpus on first run).
run: $(STAMP)
	QT_QPA_PLATFORM= $(BIN)/annotator

## The whole suite, headless (slow cases excluded: see test-slow).
test: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -q

## Only the slow cases (very large inputs).
test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow -q

lint: $(STAMP)
	$(BIN)/ruff check annotator tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

## Screenshot of the real window on seed 004 under Xvfb (needs Debian's xvfb and a CJK
## font: apt-get install -y xvfb fonts-noto-cjk libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1)
screenshot: $(STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
		$(BIN)/python tools/screenshot.py docs/screenshot.png

## Benchmarks (not part of the test suite): every figure at full size in one table, saved
## to benchmarks/results/, compared with benchmarks/results/baseline.json (exit 1 when a
## figure is > 25 % worse). Generated data is cached in benchmarks/.cache/. Options via
## BENCH_ARGS, e.g. make bench BENCH_ARGS="--only search,export" (or --quick, --rebuild).
bench: $(STAMP)
	$(BIN)/python benchmarks/suite.py $(BENCH_ARGS)

## Run the benchmarks and keep the run as the baseline later runs are compared with.
bench-baseline: $(STAMP)
	$(BIN)/python benchmarks/suite.py --save-baseline $(BENCH_ARGS)
