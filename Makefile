# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed
DB     ?= data/warehouse.duckdb
PORT   ?= 8501

.PHONY: run test install warehouse rebuild demo check lint bench clean help

help:
	@echo "make run        - install, build the warehouse if needed, start the app on http://localhost:$(PORT)"
	@echo "make test       - install, then run the whole test suite"
	@echo "make warehouse  - load data/ into the warehouse (adds only what is new)"
	@echo "make rebuild    - delete the warehouse and build it anew from data/"
	@echo "make demo       - regenerate the demo workbooks in data/demo/"
	@echo "make lint       - ruff check"
	@echo "make bench      - run the benchmarks in bench/"

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

$(DB): $(STAMP)
	$(PY) -m etl --db $(DB) build

warehouse: $(STAMP)
	$(PY) -m etl --db $(DB) build

rebuild: $(STAMP)
	$(PY) -m etl --db $(DB) build --fresh

run: $(STAMP) $(DB)
	DASHBOARD_DB=$(DB) $(PY) -m streamlit run dashboard.py --server.port $(PORT)

test: $(STAMP)
	$(PY) -m pytest -q

demo: $(STAMP)
	$(PY) data/generate_demo.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)
	$(PY) bench/load_throughput.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
