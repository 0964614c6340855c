# Nashra: `make serve` runs the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NASHRA := $(BIN)/nashra
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: help serve test lint format messages check browsers bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

serve: $(STAMP) ## Prepare (migrate, demo, admin) and serve http://127.0.0.1:8000
	$(NASHRA) serve 127.0.0.1:8000

test: $(STAMP) lint check ## Run the whole suite (lint, checks, unit and browser tests)
	$(BIN)/python -m pytest --durations=20

lint: $(STAMP) ## ruff format --check, ruff check, and the import contracts (#13)
	$(BIN)/ruff format --check . scripts/cluster
	$(BIN)/ruff check . scripts/cluster
	$(BIN)/lint-imports

format: $(STAMP) ## Reformat and fix what ruff can
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(STAMP) ## Django system checks, migrations up to date, catalogues compile
	$(NASHRA) compile_catalogues
	$(NASHRA) check --fail-level WARNING
	$(NASHRA) makemigrations --check --dry-run
	SECRET_KEY=deploy-check-$$$$-not-a-real-key-0123456789-abcdefghijklmnopqrstuvwxyz \
	  ALLOWED_HOSTS=news.example NASHRA_HTTPS=1 NASHRA_HSTS_SECONDS=31536000 \
	  NASHRA_HSTS_SUBDOMAINS=1 NASHRA_HSTS_PRELOAD=1 \
	  $(NASHRA) check --deploy --fail-level WARNING

messages: $(STAMP) ## Refresh the message catalogues (needs GNU gettext)
	cd nashra && ../$(NASHRA) makemessages -l ar -l en --no-obsolete --no-location \
	  --ignore 'tests/*'
	$(NASHRA) compile_catalogues

bench: $(STAMP) ## How to run the benchmarks
	@cat bench/README.md

clean: ## Remove the virtualenv and runtime state (var/)
	rm -rf $(VENV) var
