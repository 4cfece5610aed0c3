# The two commands a newcomer types: `make run` and `make test`.
# Everything else here is what those two need, each step idempotent.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
HOST   ?= 127.0.0.1
STAMP  := $(VENV)/.jobdash-installed

.PHONY: run test setup lock lint format browser bench clean help

help:
	@echo "make run    set up, load the bundled samples, serve the dashboard on http://$(HOST):$(PORT)"
	@echo "make test   set up (browser included), then ruff and every test layer"
	@echo "make lock   regenerate requirements.lock from pyproject.toml"
	@echo "make bench  run the benchmarks (needs ../shared/corpus for the real-data ones)"

run: setup
	$(BIN)/jobdash demo --host $(HOST) --port $(PORT)

test: setup browser lint
	$(BIN)/python -m pytest

setup: $(STAMP)

# Rebuilt only when the lock or the project metadata changed (or the venv is missing).
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Jobdash needs Python 3.11 or newer; set PYTHON=python3.x")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# --no-deps: the lock already lists every dependency, pinned and hashed; letting pip resolve
	# again made it look past the pins (justext's lxml[html_clean] fetched a newer lxml and failed).
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# One documented command; never edit requirements.lock by hand.
lock:
	@test -x $(BIN)/uv || { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); $(BIN)/python -m pip install --quiet uv; }
	$(BIN)/uv pip compile pyproject.toml --group pyproject.toml:dev --universal --python-version 3.11 \
		--generate-hashes --custom-compile-command "make lock" --quiet -o requirements.lock

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# A Chromium for the browser tests: the system one when there is one, Debian's
# package when we are root on Debian, else Playwright's own download.
browser: setup
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
		echo "browser: using $$(command -v chromium || command -v chromium-browser)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "browser: installing Debian's chromium"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else \
		echo "browser: installing Playwright's chromium"; \
		$(BIN)/playwright install chromium; \
	fi

bench: setup
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
