# Two commands do everything on a fresh machine: `make run` and `make test`.
# Each first creates .venv and installs the project into it (again whenever
# pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLES := $(wildcard samples/*.pdf samples/*.docx)

.PHONY: install run test bench samples clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/vnplan convert $(SAMPLES) -o out
	$(BIN)/vnplan validate out/*.json
	$(BIN)/vnplan load out/*.json

test: install
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/bench_convert.py
	$(BIN)/python bench/bench_batch.py
	$(BIN)/python bench/bench_ocr.py

# Regenerates samples/ from the seed text; needs LibreOffice (see samples/README.md).
samples: install
	$(BIN)/python samples/make_samples.py

clean:
	rm -rf out/*.json out/plans.sqlite .pytest_cache
