# Two commands on a fresh machine: `make demo` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-slow fuzz ci check lint bench eval eval-diff clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/policylens analyze corpus/003_31bd11473371562c.txt --format table
	$(BIN)/policylens compare corpus/ --format table

# The everyday suite (seconds): everything but the tests marked slow.
test: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

# Big inputs (50 MB policy, 5 MB line): a few minutes on 2 cores.
test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow -s

# 10,000 generated inputs through the whole read-and-analyse path, fixed seed: zero crashes.
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/run_fuzz.py

# What CI runs.
ci: test test-slow fuzz

check: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

# Start-up, one policy cold and cached, throughput and scaling at 1, 2 and all cores, memory,
# the cache and the keyword baseline in the same run, on real text: the shipped sample
# (benchmarks/sample/, 91 policies, 3.8 MB; about 3 minutes on 2 cores) or BENCH_CORPUS=DIR.
# Prints a table and writes benchmarks/results.md.
BENCH_CORPUS ?=
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(if $(BENCH_CORPUS),--corpus "$(BENCH_CORPUS)")

eval: $(STAMP)
	$(BIN)/policylens eval ../shared/devset/policies

# Does `policylens diff` agree with the difference of the labels of each pair of revisions?
eval-diff: $(STAMP)
	$(BIN)/python scripts/diff_agreement.py ../shared/devset/revisions

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
