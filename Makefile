# Two commands set up and run everything: `make serve` and `make test`.
# Each creates .venv and installs the pinned requirements the first time.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
# Zensical (Material's successor) in a venv of its own: its pins are apart from MkDocs'.
ZVENV  := .venv-zensical
ZSTAMP := $(ZVENV)/.installed-$(shell cksum < requirements-zensical.txt | cut -d' ' -f1)

.PHONY: setup setup-zensical build-zensical serve build check lint test browser pdf bench bench-scale clean

setup: $(STAMP)

$(STAMP): requirements.txt
	@scripts/setup-venv.sh "$(PYTHON)" "$(VENV)"
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

setup-zensical: $(ZSTAMP)

$(ZSTAMP): requirements-zensical.txt
	@scripts/setup-venv.sh "$(PYTHON)" "$(ZVENV)"
	$(ZVENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	@rm -f $(ZVENV)/.installed-* && touch $@

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: setup
	$(BIN)/mkdocs build --strict --site-dir site

# The same site built with Zensical: checks and pages (prebuild), zensical-i18n, then the
# paragraph links, tooltips and downloads (postbuild). See README, maintenance notes.
build-zensical: setup setup-zensical
	$(BIN)/python scripts/build_zensical.py --site site-zensical

# The PDFs (Chinese, English, side by side), printed by Chromium from the built site.
pdf: build browser
	$(BIN)/python scripts/make_pdf.py site

# Build, check, page-weight, search and Lighthouse measurements: bench/results.{json,md}.
bench: setup setup-zensical browser
	$(BIN)/python scripts/bench.py

# Build and check times with 10 and 50 synthetic reports, and a profile: bench/scale.{json,md}.
bench-scale: setup
	$(BIN)/python scripts/bench.py --scale

check: setup
	$(BIN)/python scripts/check.py

lint: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

browser: node_modules/.installed
	@scripts/ensure-chromium.sh

# axe-core, for the accessibility tests, pinned in package-lock.json.
node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || scripts/ensure-npm.sh
	npm ci --no-audit --no-fund --silent
	@touch $@

test: setup setup-zensical browser check lint build
	$(BIN)/python -m pytest

clean:
	rm -rf site site-zensical build .pytest_cache
