# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test test-slow lint clean venv screenshot bench bench-sizes bench-baseline bench-doc translations
.PHONY: package package-check desktop-check

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

## The interface translations: extract the strings of annotator/qt into the .ts files
## (zh_CN by hand, zh_TW converted from it with OpenCC) and compile the .qm files the app
## loads; lists any string still untranslated (and then fails).
translations: $(STAMP)
	$(BIN)/python tools/make_translations.py

## Benchmarks (not part of the test suite): every figure at full size in one table, saved
## to benchmarks/results/, compared with benchmarks/results/baseline.json (exit 1 when a
## figure is > 25 % worse). Generated data is cached in benchmarks/.cache/. Options via
## BENCH_ARGS, e.g. make bench BENCH_ARGS="--only search,export" (or --quick, --rebuild).
bench: $(STAMP)
	$(BIN)/python benchmarks/suite.py $(BENCH_ARGS)

## The long document on a span axis: 30,000, 100,000 and 300,000 spans in the
## 1,000,000-character document, a table per size, growth exponents and a log-log plot in
## benchmarks/results/doc-axis.{json,png} (~20 minutes). Options via BENCH_ARGS (--quick).
bench-doc: $(STAMP)
	$(BIN)/python benchmarks/doc_axis.py $(BENCH_ARGS)

## The corpus figures at 1,000, 10,000 and 100,000 documents: one table per size, how each
## grows, and the log-log plot benchmarks/results/growth.svg. The data (~15 GB at 100k) is
## cached in $$ANNOTATOR_BENCH_CACHE (default benchmarks/.cache); SIZES=1k,10k for less.
SIZES ?= 1k,10k,100k
bench-sizes: $(STAMP)
	$(BIN)/python benchmarks/suite.py --sizes $(SIZES) $(BENCH_ARGS)

## Run the benchmarks and keep the run as the baseline later runs are compared with.
bench-baseline: $(STAMP)
	$(BIN)/python benchmarks/suite.py --save-baseline $(BENCH_ARGS)

## The self-contained app folder dist/annotator/ (PyInstaller, packaging/annotator.spec),
## then the smoke test: the built program starts offscreen on a fresh default project and
## must show the seed corpus. Prints the build time and the folder's size.
APP_ID      := io.github.annotator.Annotator
PKG_STAMP   := $(VENV)/.installed-package
$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dev,package]'
	touch $(PKG_STAMP)

package: $(PKG_STAMP)
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/annotator.spec || exit 1; \
	echo "built dist/annotator/ in $$(( $$(date +%s) - start )) s:" \
		"$$(du -sh dist/annotator | cut -f1)"
	$(SMOKE)

## The smoke test on the folder built last, and the desktop metadata's validation.
package-check: $(STAMP) desktop-check
	$(SMOKE)
SMOKE = ANNOTATOR_REQUIRE_BUILD=1 $(BIN)/python -m pytest -q -p no:cacheprovider \
	tests/packaging/test_smoke.py

## Validate the .desktop file and the AppStream metainfo (needs Debian's desktop-file-utils
## and appstream; nothing is installed here).
desktop-check:
	@command -v desktop-file-validate >/dev/null 2>&1 || { echo "desktop-check:" \
		"desktop-file-validate is not installed (apt-get install desktop-file-utils)"; exit 1; }
	@command -v appstreamcli >/dev/null 2>&1 || { echo "desktop-check:" \
		"appstreamcli is not installed (apt-get install appstream)"; exit 1; }
	desktop-file-validate packaging/$(APP_ID).desktop
	appstreamcli validate --no-net packaging/$(APP_ID).metainfo.xml
