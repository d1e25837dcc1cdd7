# MigrantHeroes CMS. `make` or `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves, and so the base of every absolute link (cms/core/sites.py).
BASE_URL ?= http://$(HOST):$(PORT)
PYTEST_ARGS ?=
BENCH_ARGS ?=
# Examples per API operation under `make fuzz`.
FUZZ_EXAMPLES ?= 200

.DEFAULT_GOAL := help
.PHONY: help install run test check lint format pytest migrations demo clean catalogs messages bench fuzz backup restore

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(INSTALLED) ## Create .venv and install the pinned requirements

run: export BASE_URL := $(BASE_URL)
run: install catalogs ## Set up and serve the demo at http://$(HOST):$(PORT)/ (admin / changeme)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --admin
	@echo
	@echo "  Site:  $(BASE_URL)/"
	@echo "  Admin: $(BASE_URL)/admin/   (admin / changeme, demo only;"
	@echo "         also mcd, kenya-editor, kenya-focal-point and a translator per language:"
	@echo "         french-translator, spanish-translator, arabic-translator; same password)"
	@echo "  API:   $(BASE_URL)/api/v3/docs/   (OpenAPI: /api/v3/openapi.json)"
	@echo
	@# Scheduled publishing: publish_scheduled every minute beside the development server.
	@( while sleep 60; do $(PY) manage.py publish_scheduled >/dev/null; done ) & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

demo: export BASE_URL := $(BASE_URL)
demo: install catalogs ## Migrate and load the demo content without serving
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --admin

test: install check lint lint-openapi pytest ## Every gate: Django checks, migrations, ruff, the OpenAPI lint, the whole suite

check: install ## Django's system checks and no missing migration
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run

lint: install ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

pytest: install axe ## The pytest suite alone (PYTEST_ARGS to pass options)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

.PHONY: axe
axe: ## Install axe-core for the browser tests' accessibility checks (tools/a11y, npm ci)
	cd tools/a11y && npm ci --no-audit --no-fund --loglevel=error

.PHONY: lint-openapi
lint-openapi: install ## Lint the API's OpenAPI document with Redocly CLI (tools/openapi, npm ci)
	cd tools/openapi && npm ci --no-audit --no-fund --loglevel=error
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py export_openapi --output tools/openapi/openapi.json
	cd tools/openapi && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
		npx --no-install redocly lint openapi.json --config redocly.yaml --format=summary

bench: install ## Benchmark in-process and over HTTP (gunicorn, nginx, wrk); writes bench-results.json. BENCH_ARGS: --stories N --locales --rebuild --no-http --http-only --duration S --concurrency 4,16 --endpoint NAME --redis-url URL (python -m bench --help)
	$(PY) -m bench $(BENCH_ARGS)

backup: install ## Back up the database and both media folders into backups/ (a folder with a manifest of checksums)
	$(PY) manage.py backup --output backups

restore: install ## Restore BACKUP=backups/<folder> into the configured, empty database and media folders
	@test -n "$(BACKUP)" || { echo "Say which: make restore BACKUP=backups/<folder>"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)"

fuzz: install ## Schemathesis over the whole API at full depth: FUZZ_EXAMPLES per operation, random seed
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_RANDOM=1 \
		$(VENV)/bin/pytest tests/api/test_schema_fuzz.py $(PYTEST_ARGS)

catalogs: install ## Compile the UI translations (locale/*.po → .mo) with polib, no gettext needed
	$(PY) manage.py compile_catalogs

messages: install ## Update locale/*.po from the code and templates (needs GNU gettext)
	$(PY) manage.py makemessages -l fr -l es -l ar --no-location --ignore=.venv --ignore=tests --ignore=staticfiles --ignore=node_modules
	$(PY) manage.py compile_catalogs

migrations: install ## Make migrations after a model change
	$(PY) manage.py makemigrations

clean: ## Remove the demo database, media and the virtualenv
	rm -rf $(VENV) db.sqlite3 media staticfiles
