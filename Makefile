# make run   - create .venv, install Entente into it and open the window on the bundled dataset
# make test  - create .venv, install Entente with its test tools and run ruff, mypy, lint-imports and pytest
#              (with Java and pyspark for the Spark parity test, installed when missing)
# make package - build the PyInstaller bundle in dist/entente and smoke-test it
# make bench-big - 100M events as partitioned Parquet (made once), queried through DuckDB; one JSON object
# make fuzz  - a long fuzzing run of every loader (1500 cases per property, random seeds)
# make bench-graph - graph layout, label placement and a 5,000-entity relations export (JSON)
# make monkey - a long run of the GUI monkey (random seeds; ENTENTE_MONKEY_EXAMPLES windows of 50 steps)
# make bench-panel - relationship panel redraw on a cursor move: 1,000 visible edges vs the alliance (JSON)
# make bench-compare - Compare two dates on a random graph of 2,000 entities and 4,000 ties: switching, cursor steps (JSON)
# make bench-peer - vis-timeline (headless Chromium, PEER_VIS) and Entente's window on the same data (JSON)
# make bench-dates - a 1M-row table opened in each of 13 ways of writing its dates and 2 typed, beside Arrow's read (JSON)
# make bench-files - a folder of 100 small CSVs opened file by file, as a folder and chosen together (JSON)
# make bench-offshore - ICIJ's Offshore Leaks database at a scale (ENTENTE_BENCH_NODES) opened in the window (JSON)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PEER_VIS ?= ../shared/bench/peer-vis/run.sh

.PHONY: run test lint package fuzz monkey bench bench-graph bench-big bench-panel bench-graph-cursor bench-compare bench-big-graph bench-peer bench-dates bench-offshore bench-files clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then packaging/qt-deps.sh $(BIN)/python xcb; \
	 else packaging/qt-deps.sh $(BIN)/python offscreen; fi
	$(BIN)/entente

lint: $(STAMP)
	$(BIN)/ruff check viewer tests
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(STAMP) lint
	packaging/qt-deps.sh $(BIN)/python offscreen
	@# Java and pyspark for the Spark parity test; once they are in, that test must run, not skip
	if packaging/spark-deps.sh $(BIN)/python; then export ENTENTE_REQUIRE_SPARK=1; fi; \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

fuzz: $(STAMP)
	ENTENTE_FUZZ_EXAMPLES=$${ENTENTE_FUZZ_EXAMPLES:-1500} ENTENTE_FUZZ_RANDOM=1 QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q tests/fuzz

monkey: $(STAMP)
	packaging/qt-deps.sh $(BIN)/python offscreen
	ENTENTE_MONKEY_EXAMPLES=$${ENTENTE_MONKEY_EXAMPLES:-500} ENTENTE_MONKEY_STEPS=$${ENTENTE_MONKEY_STEPS:-50} \
		ENTENTE_MONKEY_RANDOM=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s -p no:cacheprovider \
		tests/ui/test_monkey.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_scale.py

bench-graph: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_graph.py

bench-big: $(STAMP)
	$(BIN)/python tests/bench/bench_big.py $${ENTENTE_BENCH_EVENTS:-100000000}

bench-panel: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_relations_panel.py

bench-graph-cursor: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_graph_cursor.py

bench-compare: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_compare_steps.py

bench-big-graph: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_big_graph_window.py

bench-files: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_files.py

bench-offshore: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_offshore.py

bench-dates: $(STAMP)
	$(BIN)/python tests/bench/bench_dates.py $${ENTENTE_BENCH_ROWS:-1000000}

bench-peer: $(STAMP)
	packaging/qt-deps.sh $(BIN)/python offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/bench_peer.py $(PEER_VIS)

package: $(STAMP)
	packaging/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
