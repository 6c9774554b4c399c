# The two commands of the README's quick start. Each creates .venv itself, so a fresh
# machine with only Python 3.11+ and make needs nothing else.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test docs lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the project metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/flexasn demo

test: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks docs/gen_pages.py
	$(BIN)/ruff format --check src tests benchmarks docs/gen_pages.py
	$(BIN)/mypy --strict
	$(MAKE) docs
	$(BIN)/pytest --cov --cov-report=term

# The documentation site: generated pages (policy file reference from the schema, legal
# sources from the data, command reference from the parser), then a strict MkDocs build.
docs: $(VENV)/.installed-dev
	$(BIN)/python docs/gen_pages.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_plan.py
	$(BIN)/python benchmarks/bench_national.py
	$(BIN)/python benchmarks/bench_roster.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .coverage htmlcov dist build site
