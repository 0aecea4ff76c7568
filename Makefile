# Two commands on a fresh machine: `make demo` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check lint bench eval eval-diff clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/policylens analyze corpus/003_31bd11473371562c.txt --format table
	$(BIN)/policylens compare corpus/ --format table

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src

eval: $(STAMP)
	$(BIN)/policylens eval ../shared/devset/policies

# Does `policylens diff` agree with the difference of the labels of each pair of revisions?
eval-diff: $(STAMP)
	$(BIN)/python scripts/diff_agreement.py ../shared/devset/revisions

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
