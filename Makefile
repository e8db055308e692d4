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

.PHONY: lab test setup seeds clean bench

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

test: $(STAMP)
	$(PY) -m pytest
	@# Every notebook executed as a test; cells marked NBVAL_CHECK_OUTPUT must give the pinned numbers.
	timeout 900 $(PY) -m pytest --nbval-lax --nbval-current-env --nbval-sanitize-with notebooks/nbval.cfg \
	  notebooks/ -p no:cacheprovider

clean:
	rm -rf build .pytest_cache

# Speed, memory and accuracy on generated corpora of 1k and 10k articles
# (BENCH_ARGS="--big" adds 100k). Not part of `make test`.
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/bench.py $(BENCH_ARGS)
