#!/usr/bin/env bash
# Build the PyInstaller one-folder bundle dist/entente/ and smoke-test it.
#   packaging/build.sh            (from anywhere; works in the repo root for `make package`)
#   VENV=/path/to/venv PYTHON=python3.11 packaging/build.sh
# PyInstaller is installed into the venv here only; it is not a dependency of Entente.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
venv=${VENV:-.venv}
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
  echo "== creating $venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
fi
if ! "$venv/bin/python" -c "import viewer, PySide6, pyqtgraph, pandas, pyarrow" >/dev/null 2>&1; then
  echo "== installing Entente into $venv"
  "$venv/bin/python" -m pip install -q -e .
fi
"$venv/bin/python" -m pip install -q 'pyinstaller>=6.10'

echo "== PyInstaller ($("$venv/bin/pyinstaller" --version)) -> dist/entente/"
start=$(date +%s)
"$venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/entente.spec
echo "== built in $(( $(date +%s) - start )) s, bundle size $(du -sh dist/entente | cut -f1)"

# the smoke test runs Qt offscreen: make sure the system libraries it needs are there
packaging/qt-deps.sh "$venv/bin/python" offscreen
packaging/smoke_test.sh dist/entente/entente
