# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@ $(VENV)/.installed-runtime

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev,bench]"
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed-runtime

demo: $(VENV)/.installed-runtime
	$(BIN)/dyadwatch demo --out dyadwatch-demo

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench scripts

# pytest exits 5 when it collected no tests: that is a failure here, not a pass.
test: lint
	$(BIN)/python -m pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$status

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/ingest_demo.py
	$(BIN)/python bench/timex_speed.py
	$(BIN)/python bench/actors_speed.py
	$(BIN)/python bench/pipeline_speed.py

clean:
	rm -rf $(VENV) dyadwatch-demo .pytest_cache .ruff_cache
