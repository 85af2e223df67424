#!/usr/bin/env bash
# Make the Spark path testable: Java 17 (Debian's openjdk-17-jre-headless, installed as root when
# missing) and pyspark in the given Python environment. Exits 0 when both work; otherwise says why
# and exits 1, and the Spark parity test is then skipped with that reason.
set -euo pipefail
python=${1:?usage: spark-deps.sh PYTHON}

have_java() { command -v java >/dev/null 2>&1 && java -version >/dev/null 2>&1; }

if ! have_java; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Java for the Spark tests: openjdk-17-jre-headless" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # the JRE's post-install step expects the man page folder (absent in slim images)
    mkdir -p /usr/share/man/man1
    apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  fi
fi
if ! have_java; then
  echo "Java cannot be installed here: the Spark parity test will be skipped. Run:" >&2
  echo "  sudo apt-get install -y openjdk-17-jre-headless" >&2
  exit 1
fi
if ! "$python" -c "import pyspark" >/dev/null 2>&1; then
  echo "Installing pyspark into $("$python" -c 'import sys; print(sys.prefix)')" >&2
  "$python" -m pip install -q 'ibis-framework[pyspark]>=10'
fi
"$python" -c "import pyspark" >/dev/null
