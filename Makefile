# The two commands of the README's quick start. Each creates .venv itself, so a fresh
# machine with only Python 3.11+ and make needs nothing else.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test docs lint typecheck unit bench mutate clean serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the project metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-server

demo: $(VENV)/.installed
	$(BIN)/flexasn demo

# The web service (issue 15) on http://127.0.0.1:8000 (docs at /docs), with the `server`
# extra (FastAPI, uvicorn, icalendar). HOST=0.0.0.0 PORT=8080 WORKERS=2 to change.
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 1
$(VENV)/.installed-server: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[server]'
	touch $@ $(VENV)/.installed

serve: $(VENV)/.installed-server
	$(BIN)/python -m flexasn.server --host $(HOST) --port $(PORT) --workers $(WORKERS)

test: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks docs/gen_pages.py
	$(BIN)/ruff format --check src tests benchmarks docs/gen_pages.py
	$(BIN)/mypy --strict
	$(MAKE) docs
	$(BIN)/pytest --cov --cov-report=term

# The documentation site: generated pages (policy file reference from the schema, legal
# sources from the data, command reference from the parser), then a strict MkDocs build.
# docs/jupyter holds the notebook kernel's Jupyter settings (IPC, not unencrypted TCP).
docs: $(VENV)/.installed-dev
	$(BIN)/python docs/gen_pages.py
	NO_MKDOCS_2_WARNING=1 JUPYTER_CONFIG_PATH=$(CURDIR)/docs/jupyter \
		$(BIN)/mkdocs build --strict --quiet --site-dir site

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_plan.py
	$(BIN)/python benchmarks/bench_national.py
	$(BIN)/python benchmarks/bench_roster.py
	$(BIN)/python benchmarks/bench_server.py

# Mutation testing of the modules that decide (issue 12): slow, so not part of `make test`.
# Each mutant runs only the tests that call the function it changes, stopping at the first
# failure. Each run starts from a clean mutants/ folder: mutmut copies the data files,
# catalogues and tests only when it creates the folder, so a kept one goes stale (30 to 45
# minutes on 2 cores). MUTANTS='flexasn.decide*' runs some mutants only. The report gives
# the score per module and fails on a surviving mutant that tests/mutation-survivors.md does
# not explain.
MUTATE_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
mutate: $(VENV)/.installed-dev
	rm -rf mutants
	$(BIN)/mutmut run --max-children $(MUTATE_JOBS) $(MUTANTS)
	$(BIN)/python scripts/mutation_report.py

clean:
	rm -rf mutants $(VENV) .mypy_cache .pytest_cache .ruff_cache .coverage htmlcov dist build site
