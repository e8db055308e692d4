# Conflict News Workbench: the two commands of the README.
#   make lab   set everything up, build the seeds' tables, open JupyterLab on notebooks/
#   make test  set everything up and run every test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
STORE := build/seeds
HOST := 127.0.0.1
PORT ?= 8888

.PHONY: lab test setup seeds clean bench chromium reports

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[lab,dev]'
	@# JupyterLab must not try to reach the web for news or updates.
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@echo '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' \
	  > $(VENV)/share/jupyter/lab/settings/overrides.json
	@rm -f $(VENV)/.installed-*; touch $@

seeds: $(STAMP)
	$(VENV)/bin/workbench extract seeds --catalog seeds/catalog.csv --out $(STORE)

lab: $(STAMP) seeds
	@token=$$($(PY) -c 'import secrets; print(secrets.token_hex(24))'); \
	echo; echo "JupyterLab: http://$(HOST):$(PORT)/lab?token=$$token"; echo; \
	root=""; [ "$$(id -u)" = 0 ] && root="--allow-root"; \
	exec $(VENV)/bin/jupyter lab --no-browser $$root --notebook-dir=notebooks \
	  --ServerApp.ip=$(HOST) --ServerApp.port=$(PORT) --ServerApp.port_retries=0 \
	  --IdentityProvider.token=$$token

# The browser tests (tests/browser) drive Debian's chromium; Playwright's own download is never used.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  echo "Installing Debian's chromium for the browser tests: $$sudo apt-get install -y chromium"; \
	  { $$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } || { \
	    echo; echo "*** chromium could not be installed: the browser tests (tests/browser) will be SKIPPED."; \
	    echo "*** Install it with 'sudo apt-get install -y chromium' (or set WORKBENCH_CHROMIUM=/path/to/chromium)"; \
	    echo "*** and run 'make test' again."; echo; }; }

test: $(STAMP) chromium
	timeout 1800 $(PY) -m pytest
	@# Every notebook executed as a test; cells marked NBVAL_CHECK_OUTPUT must give the pinned numbers.
	timeout 900 $(PY) -m pytest --nbval-lax --nbval-current-env --nbval-cell-timeout=300 --nbval-sanitize-with notebooks/nbval.cfg \
	  notebooks/ -p no:cacheprovider

# Offline HTML reports of the four notebooks on the seeds (CORPUS=dir for another corpus).
reports: $(STAMP)
	timeout 1200 $(VENV)/bin/workbench report $(if $(CORPUS),--corpus $(CORPUS)) --out build/reports --timeout 600

clean:
	rm -rf build .pytest_cache artifacts

# Speed, memory and accuracy on generated corpora of 1k and 10k articles
# (BENCH_ARGS="--big" adds 100k). Not part of `make test`.
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/bench.py $(BENCH_ARGS)
