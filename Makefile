# Everyday tasks. `make` (or `make help`) lists them.

.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

VENV := .venv
PYTHON := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
DJHTML := $(VENV)/bin/djhtml
TEMPLATE_DIRS := accounts/templates clinic/templates pages/templates enquiries/templates claims/templates sitesearch/templates
# Written after a successful install; older than a requirements file means reinstall.
INSTALLED := $(VENV)/.installed

# CI builds the test database afresh; locally pyproject.toml's --reuse-db keeps it.
PYTEST_DB := $(if $(filter true,$(CI)),--create-db)
# Test processes (pytest-xdist), each with a database, a live server and a browser
# of its own: two suit a 2-core machine; TEST_PROCESSES=0 runs in this process alone.
TEST_PROCESSES ?= 2

.PHONY: help install requirements run serve test bench lint format check audit clean

help: ## Show this list
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-8s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(PYTHON):
	python3.11 -m venv $(VENV)

# One environment for running and testing: the dev requirements include the runtime ones.
$(INSTALLED): requirements.txt requirements-dev.txt | $(PYTHON)
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(INSTALLED) ## Create .venv and install the pinned requirements (only when they changed)

# uv keeps every pin already in the .txt files unless its top-level line changed;
# UPGRADE="--upgrade-package NAME" (or "--upgrade") moves transitive ones on.
UV_COMPILE = $(VENV)/bin/uv pip compile --quiet --python $(PYTHON) --annotation-style line $(UPGRADE)
requirements: $(INSTALLED) ## Re-pin requirements*.txt from the top-level requirements*.in files
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements-dev.in -o requirements-dev.txt

run: export DJANGO_SETTINGS_MODULE = clinic.settings.dev
run: $(INSTALLED) ## Migrate, load the demo content, reset the local admin and serve http://127.0.0.1:8000/
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py load_demo_content
	$(PYTHON) manage.py load_demo_canned_answers
	$(PYTHON) manage.py create_local_admin
	$(PYTHON) manage.py runserver 127.0.0.1:8000

serve: $(INSTALLED) ## Serve the site as production does (gunicorn, whitenoise, the task worker) on http://127.0.0.1:8000/
	scripts/serve

# Playwright's sync API runs an event loop in the test thread, which makes Django
# refuse database access from it unless told otherwise.
test: export DJANGO_ALLOW_ASYNC_UNSAFE = true
test: $(INSTALLED) ## Run the tests on PostgreSQL and Chromium (set up if needed); pytest options in ARGS="..."
	scripts/ensure-test-services
	$(VENV)/bin/pytest $(PYTEST_DB) -n $(TEST_PROCESSES) --durations=15 $(ARGS)

bench: $(INSTALLED) ## Measure speed, queries, weight and Lighthouse scores on loopback; writes bench/results.md
	WITH_BENCH=1 scripts/ensure-test-services
	$(PYTHON) bench/run.py

audit: $(INSTALLED) ## Check the pinned packages for known vulnerabilities (pip-audit; exceptions in audit-exceptions.txt)
	scripts/audit

lint: $(INSTALLED) ## Check Python (ruff) and template indentation (djhtml)
	$(RUFF) check .
	$(RUFF) format --check .
	$(DJHTML) --check $(TEMPLATE_DIRS)

format: $(INSTALLED) ## Fix what ruff can fix, format Python, indent templates
	$(RUFF) check --fix --exit-zero .
	$(RUFF) format .
	$(DJHTML) $(TEMPLATE_DIRS)

check: export DJANGO_SETTINGS_MODULE = clinic.settings.dev
check: $(INSTALLED) ## Run Django's system checks (production's deployment checks too) and look for missing migrations
	$(PYTHON) manage.py check
	$(PYTHON) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=clinic.settings.production SECRET_KEY="$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		ALLOWED_HOSTS=www.clinic.example WAGTAILADMIN_BASE_URL=https://www.clinic.example \
		$(PYTHON) manage.py check --deploy --fail-level WARNING

clean: ## Remove caches, collected static files, test output and the install stamp (keeps db.sqlite3, media/)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache staticfiles test-results $(INSTALLED)
