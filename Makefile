# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean model

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

# The dependency parser shipped in src/dyadwatch/models/en_ewt_parser (docs/events.md, "Parser"):
# trained on the UD English Web Treebank, on CPU, in about half an hour. Nothing else trains.
UD ?= ../shared/data/ud
MODEL_BUILD ?= build/model
MODEL_DIR := src/dyadwatch/models/en_ewt_parser

model: $(VENV)/.installed-bench
	rm -rf $(MODEL_BUILD) && mkdir -p $(MODEL_BUILD)/corpus
	for split in train dev test; do \
	  $(BIN)/python -m spacy convert $(UD)/en_ewt-ud-$$split.conllu $(MODEL_BUILD)/corpus \
	    --converter conllu --n-sents 10 || exit 1; done
	$(BIN)/python -m spacy train training/config.cfg --output $(MODEL_BUILD)/output --gpu-id -1 \
	  --paths.train $(MODEL_BUILD)/corpus/en_ewt-ud-train.spacy \
	  --paths.dev $(MODEL_BUILD)/corpus/en_ewt-ud-dev.spacy
	$(BIN)/python -m spacy evaluate $(MODEL_BUILD)/output/model-best \
	  $(MODEL_BUILD)/corpus/en_ewt-ud-test.spacy --output $(MODEL_BUILD)/test-scores.json
	$(BIN)/python training/package_model.py $(MODEL_BUILD)/output/model-best $(MODEL_DIR) \
	  $(MODEL_BUILD)/test-scores.json

clean:
	rm -rf $(VENV) dyadwatch-demo .pytest_cache .ruff_cache
