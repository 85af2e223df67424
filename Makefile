# make run   - create .venv, install Entente into it and open the window on the bundled dataset
# make test  - create .venv, install Entente with its test tools and run ruff, mypy and pytest
# make package - build the PyInstaller bundle in dist/entente and smoke-test it
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint package bench clean

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

test: $(STAMP) lint
	packaging/qt-deps.sh $(BIN)/python offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

package: $(STAMP)
	packaging/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
