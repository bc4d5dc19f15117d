# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed
DB     ?= data/warehouse.duckdb
PORT   ?= 8501

.PHONY: run test install warehouse rebuild demo check lint bench clean help browser screenshots office spark nginx antiword

help:
	@echo "make run        - install, build the warehouse if needed, start the app on http://localhost:$(PORT)"
	@echo "make test       - install, then run the whole test suite"
	@echo "make warehouse  - load data/ into the warehouse (adds only what is new)"
	@echo "make rebuild    - delete the warehouse and build it anew from data/"
	@echo "make demo       - regenerate the demo workbooks in data/demo/"
	@echo "make lint       - ruff check"
	@echo "make bench      - run the benchmarks in bench/"
	@echo "make browser    - install Debian's Chromium for the browser tests (apt-get; skipped elsewhere)"
	@echo "make office     - install LibreOffice Calc for the export tests (apt-get; skipped elsewhere)"
	@echo "make spark      - install a Java runtime (apt-get) and pyspark for the Spark test (skipped where impossible)"
	@echo "make nginx      - install Debian's nginx for the two-replica test (apt-get; skipped elsewhere)"
	@echo "make antiword   - install Debian's antiword, which reads old Word reports (.doc) (apt-get; skipped elsewhere)"
	@echo "make screenshots - full-page screenshots of every page into docs/screenshots/"

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

run: $(STAMP) $(DB) antiword
	DASHBOARD_DB=$(DB) $(PY) -m ui.serve --server.port $(PORT)

test: $(STAMP) browser office spark nginx antiword
	$(PY) -m pytest -q

demo: $(STAMP)
	$(PY) data/generate_demo.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)
	$(PY) bench/load_throughput.py

eval: $(STAMP)
	$(PY) bench/eval_extraction.py $(EVAL_ARGS)

# The browser tests (tests/test_browser.py) drive /usr/bin/chromium; without it they skip.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	  echo "browser: no /usr/bin/chromium and no apt-get here: the browser tests will skip"; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "browser: no /usr/bin/chromium; as root: apt-get install chromium (the browser tests skip until then)"; \
	else \
	  apt-get update && apt-get install -y --no-install-recommends chromium \
	  || { echo "browser: installing chromium failed: the browser tests will skip"; [ -z "$$CI" ]; }; \
	fi

# One export test (tests/test_export.py) lets LibreOffice Calc judge the files, and the .doc tests
# (tests/test_report_formats.py) write old Word files with Writer, and the written report
# (tests/test_report_docx.py) is converted to PDF; without soffice they skip.
office:
	@if command -v soffice >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || [ "$$(id -u)" != 0 ]; then :; \
	else \
	  apt-get install -y --no-install-recommends libreoffice-calc libreoffice-writer >/dev/null 2>&1 \
	  || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends libreoffice-calc libreoffice-writer >/dev/null 2>&1; } \
	  || echo "office: installing LibreOffice failed: the LibreOffice tests will skip"; \
	fi

# Old Word reports (.doc) are read with antiword (else LibreOffice, else a message saying so).
antiword:
	@if command -v antiword >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || [ "$$(id -u)" != 0 ]; then :; \
	else \
	  apt-get install -y --no-install-recommends antiword >/dev/null 2>&1 \
	  || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends antiword >/dev/null 2>&1; } \
	  || echo "antiword: installing it failed: old Word reports (.doc) need LibreOffice or a save as .docx"; \
	fi

# tests/test_replicas.py runs two app replicas behind nginx (deploy/nginx.conf); without nginx it skips.
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || ! command -v apt-get >/dev/null 2>&1 || [ "$$(id -u)" != 0 ]; then :; \
	else \
	  apt-get install -y --no-install-recommends nginx >/dev/null 2>&1 \
	  || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends nginx >/dev/null 2>&1; } \
	  || echo "nginx: installing nginx failed: the two-replica test will skip"; \
	fi

# tests/test_engines.py reads the Parquet snapshot with Apache Spark: it needs Java and pyspark
# (about 450 MB, so kept out of requirements-dev.txt). Without them the Spark test skips and says why.
SPARK_STAMP = $(VENV)/.spark
spark: $(SPARK_STAMP)

$(SPARK_STAMP): $(STAMP) requirements-spark.txt
	@if ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get install -y --no-install-recommends default-jre-headless >/dev/null 2>&1 \
	  || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends default-jre-headless >/dev/null 2>&1; } \
	  || echo "spark: installing a Java runtime failed: the Spark test will skip"; \
	fi
	@if command -v java >/dev/null 2>&1; then \
	  $(PY) -m pip install --quiet --disable-pip-version-check -r requirements-spark.txt && touch $(SPARK_STAMP) \
	  || echo "spark: installing pyspark failed: the Spark test will skip"; \
	else echo "spark: no Java runtime: the Spark test will skip"; fi

screenshots: $(STAMP) browser
	$(PY) tools/screenshots.py --db $(DB)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
