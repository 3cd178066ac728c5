# Two commands do everything on a fresh machine: `make run` and `make test`.
# Each first creates .venv and installs into it what it runs (again whenever
# pyproject.toml changes): `make run` the core and the [db] extra (convert,
# validate, load into SQLite); `make test` and the other targets every extra
# ([all]: OCR, diff, Parquet, Dask, PostgreSQL, serve) and the test tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
RUN_STAMP := $(VENV)/.run-stamp
SAMPLES := $(wildcard samples/*.pdf samples/*.docx)

# `make test` leaves out the tests marked slow (a few minutes in all); on CI (CI=true)
# and with `make test-all` everything runs.
ifeq ($(CI),true)
TEST_SELECTION :=
else
TEST_SELECTION := -m "not slow"
endif

.PHONY: install run test test-all bench samples validator clean fuzz serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[db]'
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[all,test]'
	touch $(STAMP)

install: $(STAMP)

run: $(RUN_STAMP)
	$(BIN)/vnplan convert $(SAMPLES) -o out
	$(BIN)/vnplan validate out/*.json
	$(BIN)/vnplan load out/*.json

test: install
	$(BIN)/pytest $(TEST_SELECTION)

test-all: install
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/bench_convert.py
	$(BIN)/python bench/bench_stages.py samples/plan-196-KH-UBND.pdf samples/plan-196-KH-UBND.docx ../shared/fixtures/real/10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf
	$(BIN)/python bench/bench_batch.py
	$(BIN)/python bench/bench_underthesea.py
	$(BIN)/python bench/bench_inspect.py
	$(BIN)/python bench/bench_db.py
	$(BIN)/python bench/bench_ocr.py
	$(BIN)/python bench/bench_headers.py
	$(BIN)/python bench/bench_coverage.py
	$(BIN)/python bench/bench_review_dropped.py
	$(BIN)/python bench/bench_serve.py

# The archive in a browser (docs/serve.md): http://127.0.0.1:8000 over out/plans.sqlite.
# SERVE_ARGS passes options: make serve SERVE_ARGS="--db postgresql+psycopg://... --token T"
serve: install
	$(BIN)/vnplan serve $(SERVE_ARGS)

# Regenerates pipeline/output/plan_validator.py after the schema changed (a test says when).
validator: install
	$(BIN)/python tools/make_validator.py

# More fuzz mutants than CI's 2,000 (tests/fuzz/): failures are copied to tests/fuzz/found/
# to be named and moved into tests/fuzz/regressions/.
FUZZ_COUNT ?= 20000
FUZZ_SEED ?= 1
fuzz: install
	$(BIN)/python tests/fuzz/run.py --count $(FUZZ_COUNT) --seed $(FUZZ_SEED) --keep tests/fuzz/found

# Regenerates samples/ from the seed text; needs LibreOffice (see samples/README.md).
samples: install
	$(BIN)/python samples/make_samples.py

clean:
	rm -rf out/*.json out/plans.sqlite .pytest_cache
