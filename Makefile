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

.DEFAULT_GOAL := help
.PHONY: help venv html serve linkcheck test clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

# Reinstall when pyproject.toml changes or the venv's interpreter no longer runs.
$(STAMP): pyproject.toml
	@$(BIN)/python -c "" 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $@

venv: $(STAMP)  ## Create or refresh .venv

html: $(STAMP)  ## Build the site into _build/html
	$(SPHINXBUILD) -M html $(SOURCEDIR) $(BUILDDIR) -c . $(SPHINXOPTS)

serve: $(STAMP)  ## Live preview at http://127.0.0.1:8000 (rebuilds on edits to docs/, conf.py, sphinxext/)
	$(BIN)/sphinx-autobuild $(SOURCEDIR) $(BUILDDIR)/html -c . --watch conf.py --watch sphinxext $(SPHINXOPTS)

linkcheck: $(STAMP)  ## Check every external link
	$(SPHINXBUILD) -M linkcheck $(SOURCEDIR) $(BUILDDIR) -c . $(SPHINXOPTS)

test: $(STAMP)  ## Run the whole test suite
	$(BIN)/python -m pytest $(PYTESTOPTS)

clean:  ## Remove build output
	rm -rf $(BUILDDIR)
