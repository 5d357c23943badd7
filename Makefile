# Two commands on a fresh machine (Python 3.11 + pip): `make report` and `make test`.
# Both create .venv when missing and (re)install the package when pyproject.toml changes, each with the
# extras it needs: `report` the notebooks extra, `test` the test extra (which includes the notebooks').
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CORPUS ?=

.PHONY: setup report test validate benchmark clean

setup: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0  # the CPU build (a bare torch pulls CUDA)

# The package (with the trained backend's extra), and with the extra a target needs: one pip run each.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[trained]"
	touch $@

$(VENV)/.%-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[trained,$*]"
	touch $@

## Analyse the embedded demo corpus (or CORPUS="path ...") and write reports/*.html and the evidence explorer
## (all or none; progress per notebook on stderr)
report: $(VENV)/.notebooks-stamp
	$(BIN)/python -m toolkit report $(if $(CORPUS),--corpus $(CORPUS))

## Unit tests, shared-data tests (skipped when ../shared is absent) and notebook execution, on every core
## (pytest-xdist; each worker analyses into a cache folder of its own; the tests reading the one report run
## start first, on one worker, tests/conftest.py)
test: $(VENV)/.test-stamp
	$(BIN)/python -m pytest -q -n auto

## Score every measure against the gold data under ../shared (real news first)
validate: $(STAMP)
	$(BIN)/python -m toolkit validate real
	$(BIN)/python -m toolkit validate labels
	$(BIN)/python -m toolkit validate quotes
	$(BIN)/python -m toolkit validate sentiment
	$(BIN)/python -m toolkit validate hedging

clean:
	rm -rf reports .pytest_cache
