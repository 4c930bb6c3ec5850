# The C♥LM workshop site. `make html` and `make test` set everything up themselves:
# they (re)create .venv from pyproject.toml when it is missing or stale.

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed-stamp
SOURCEDIR   := docs
BUILDDIR    := _build
SPHINXOPTS  ?=
SPHINXBUILD := $(BIN)/sphinx-build
PYTESTOPTS  ?=
# The HTML and accessibility checkers come from npm; without npm their tests skip
# (outside CI), everything else runs.
NPM         := $(shell command -v npm 2>/dev/null)
NODE_STAMP  := node_modules/.installed-stamp
ifneq ($(NPM),)
TEST_DEPS   := $(NODE_STAMP)
endif

.DEFAULT_GOAL := help
.PHONY: help venv html serve linkcheck test test-compat check lint bench clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

# Reinstall when pyproject.toml changes or the venv's interpreter no longer runs.
$(STAMP): pyproject.toml
	@$(BIN)/python -c "" 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $@

venv: $(STAMP)  ## Create or refresh .venv

# --ignore-scripts: vnu-jar's install script would download a Java runtime; the system's is used.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

html: $(STAMP)  ## Build the site into _build/html
	$(SPHINXBUILD) -M html $(SOURCEDIR) $(BUILDDIR) -c . $(SPHINXOPTS)

# Polling follows files by path, so conf.py is still followed after an atomic save (sed -i,
# git checkout, an editor's safe write) replaces it; inotify on the file would lose it.
# (Polling compares modification times to the second: two saves of the same size within
# one second count as one.)
SERVEOPTS   ?= --host 127.0.0.1 --port 8000
serve: $(STAMP)  ## Live preview at http://127.0.0.1:8000 (rebuilds on edits to docs/, conf.py, sphinxext/)
	WATCHFILES_FORCE_POLLING=1 $(BIN)/sphinx-autobuild $(SOURCEDIR) $(BUILDDIR)/html -c . \
	  --watch conf.py --watch sphinxext --re-ignore '__pycache__' $(SERVEOPTS) $(SPHINXOPTS)

# Without a network every link would be reported "broken"; say what is wrong instead.
LINKCHECK_PROBE ?= neurips.cc:443
linkcheck: $(STAMP)  ## Check every external link (says so when the network is unreachable)
	@$(BIN)/python -c "import socket; host, port = '$(LINKCHECK_PROBE)'.rsplit(':', 1); \
	  socket.create_connection((host, int(port)), timeout=10).close()" 2>/dev/null || { \
	  echo "make linkcheck: cannot reach $(LINKCHECK_PROBE): the network is unreachable (or blocked)," >&2; \
	  echo "so the links were not checked. Run it again with a network connection." >&2; exit 2; }
	$(SPHINXBUILD) -M linkcheck $(SOURCEDIR) $(BUILDDIR) -c . $(SPHINXOPTS)

test: $(STAMP) $(TEST_DEPS)  ## Run the whole test suite
	$(BIN)/python -m pytest $(PYTESTOPTS)

# The oldest Sphinx major that myst-parser, furo and sphinx-design allow, in a venv of its own.
COMPAT_VENV := .venv-sphinx8
COMPAT_TESTS := tests/test_parse.py tests/test_check.py tests/test_directive.py tests/test_calendar_and_event.py \
                tests/test_cli.py tests/test_site.py tests/test_readthedocs.py tests/test_pipeline.py \
                tests/test_agreement.py tests/test_visitors.py tests/test_bad_inputs.py tests/test_never_raises.py

test-compat:  ## The extension's and the site's tests on Sphinx 8.x (make test uses the newest, 9.x)
	@$(COMPAT_VENV)/bin/python -c "" 2>/dev/null || $(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(COMPAT_VENV)/bin/python -m pip install --quiet "sphinx>=8,<9" -e '.[test]'
	$(COMPAT_VENV)/bin/python -c "import sphinx; print('Sphinx', sphinx.__version__)"
	$(COMPAT_VENV)/bin/python -m pytest $(COMPAT_TESTS) $(PYTESTOPTS)

check: $(STAMP)  ## Strict: date check, then a build with warnings as errors; lists every problem
	@status=0; \
	echo "== calm-dates check (accepted findings are listed, new ones fail)"; \
	$(BIN)/calm-dates check || status=1; \
	echo "== strict Sphinx build (-W --keep-going -n)"; \
	$(SPHINXBUILD) -M html $(SOURCEDIR) $(BUILDDIR)/check -c . -E -n -W --keep-going -q $(SPHINXOPTS) || status=1; \
	exit $$status

lint: $(STAMP)  ## The pre-commit hooks on every file (ruff, whitespace, yaml/toml, codespell, calm-dates)
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

bench: $(STAMP)  ## Benchmarks: build overhead, rebuilds, scale, weight (not part of make test)
	$(BIN)/python bench/run.py $(BENCHOPTS)

clean:  ## Remove build output
	rm -rf $(BUILDDIR)
