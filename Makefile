# Two commands set up and run everything: `make serve` and `make test`.
# Each creates .venv and installs the pinned requirements the first time.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
SITE   ?= site
# Material's end-of-life notice (May 2027), printed at every build, is recorded in the
# README (Maintenance notes); a maintainer cannot act on it at each build.
export NO_MKDOCS_2_WARNING := 1
# Zensical (Material's successor) in a venv of its own: its pins are apart from MkDocs'.
ZVENV  := .venv-zensical
ZSTAMP := $(ZVENV)/.installed-$(shell cksum < requirements-zensical.txt | cut -d' ' -f1)

.PHONY: requirements setup setup-zensical build-zensical serve build check lint test pytest browser java pdf bench bench-scale clean sentences release

setup: $(STAMP)

# --require-hashes: every file installed must match a sha256 in requirements.txt, so a
# release replaced on the index (same name, same version) is refused, not installed.
$(STAMP): requirements.txt
	@scripts/setup-venv.sh "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

setup-zensical: $(ZSTAMP)

# --require-hashes, as for requirements.txt above.
$(ZSTAMP): requirements-zensical.txt
	@scripts/setup-venv.sh "$(PYTHON)" "$(ZVENV)"
	$(ZVENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-zensical.txt
	@rm -f $(ZVENV)/.installed-* && touch $@

# Regenerate requirements.txt and requirements-zensical.txt (exact versions and the sha256
# of every file) from requirements.in and requirements-zensical.in, after changing them.
# pip-tools, pinned here, runs in a venv of its own so that it never enters the project's.
# Add --upgrade-package NAME to move one pin.
PIP_TOOLS := pip-tools==7.6.2
PIP_COMPILE = .venv-tools/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links $(PIP_COMPILE_ARGS)
requirements:
	@scripts/setup-venv.sh "$(PYTHON)" .venv-tools
	.venv-tools/bin/pip install --quiet --disable-pip-version-check "$(PIP_TOOLS)"
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-zensical.txt requirements-zensical.in

# The preview: never strict, so that work in progress can be seen; every check problem is
# printed here and shown as a banner on its page (EDITION_PREVIEW, scripts/edition/passes/preview.py).
# It rebuilds on a change to the pages, the report data (reports/) or the theme (overrides/).
PORT ?= 8000
serve: setup
	EDITION_PREVIEW=1 $(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:$(PORT) --livereload --watch reports --watch overrides

build: setup
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

# The same site built with Zensical: checks and pages (prebuild), zensical-i18n, then the
# paragraph links, tooltips and downloads (postbuild). See README, maintenance notes.
# All of it in Zensical's venv: the pipeline needs no MkDocs.
build-zensical: setup-zensical
	$(ZVENV)/bin/python scripts/build_zensical.py --site site-zensical

# The PDFs (Chinese, English, side by side), printed by Chromium from the built site.
pdf: build browser
	$(BIN)/python scripts/make_pdf.py site

# Build, check, page-weight, search and Lighthouse measurements: bench/results.{json,md}.
bench: setup setup-zensical browser
	$(BIN)/python scripts/bench.py

# Build and check times with 10 and 50 synthetic reports, and a profile; the glossary's pages
# with the real glossary and one of 300 terms (in Chromium): bench/scale.{json,md}.
bench-scale: setup browser
	$(BIN)/python scripts/bench.py --scale

check: setup
	$(BIN)/python scripts/check.py

# Write or refresh each report's sentence alignment (reports/SLUG/sentences.yml) after the
# text changed: unchanged sentences keep their pairs and reviews; it lists what awaits review.
sentences: setup
	$(BIN)/python scripts/align_sentences.py

# Cut an edition release of the current text (after `make check`): reports/SLUG/releases.yml
# gains VERSION (its date, YYYY.MM.DD), today's date and NOTES; releases/VERSION.json holds its
# text. Commit both: citations name VERSION from then on, and resolve to that text.
release: setup
	@test -n "$(VERSION)" || { echo 'make release VERSION=YYYY.MM.DD NOTES="what it brings" NOTES_ZH="中文说明"'; exit 2; }
	$(BIN)/python scripts/release.py "$(VERSION)" --notes "$(NOTES)" --notes-zh "$(NOTES_ZH)"

lint: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

browser: node_modules/.installed
	@scripts/ensure-chromium.sh

# The Java runtime of the W3C Nu HTML validator (vnu-jar, from npm), for tests/test_valid_html.py.
java:
	@scripts/ensure-java.sh

# axe-core, Lighthouse and vnu-jar, for the tests, pinned in package-lock.json.
node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || scripts/ensure-npm.sh
	npm ci --no-audit --no-fund --silent
	@touch $@

# The site is built once, by the tests (tests/conftest.py, `make build` into a folder of the
# session's): a failed strict build stops them at once, with what it printed. The tests run
# in one process per core (at most four; pytest-xdist), each with its own browser, a whole
# module to a process, in conftest.py's order; the site is built and crawled once for all.
# `make pytest`: the tests alone, as `make test` runs them, once it has set everything up.
TEST_PROCESSES ?= auto
test: setup setup-zensical java browser check lint
	@$(MAKE) --no-print-directory pytest

pytest:
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --maxprocesses=4 --dist loadfile --no-loadscope-reorder

clean:
	rm -rf site site-zensical build .pytest_cache
