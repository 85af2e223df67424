#!/usr/bin/env bash
# Check that Qt can start with the given platform (offscreen | xcb); on Debian/Ubuntu install the
# system libraries PySide6 needs when run as root, or print the exact apt-get line otherwise.
set -euo pipefail
python=${1:?usage: qt-deps.sh PYTHON [offscreen|xcb]}
platform=${2:-offscreen}

offscreen_pkgs="libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6 fonts-dejavu-core"
xcb_pkgs="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0"
pkgs=$offscreen_pkgs
[ "$platform" = xcb ] && pkgs="$offscreen_pkgs $xcb_pkgs"

probe() {
  QT_QPA_PLATFORM=$platform "$python" -c \
    "from PySide6.QtWidgets import QApplication; QApplication([]); print('Qt ok')" >/dev/null 2>&1
}

probe && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Qt cannot start here ($platform). Install your system's OpenGL/EGL, xkbcommon and fontconfig libraries." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  echo "Installing the system libraries Qt needs: $pkgs" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
  probe && exit 0
  echo "Qt still cannot start ($platform) after installing: $pkgs" >&2
  exit 1
fi
echo "Qt cannot start ($platform): system libraries are missing. Run:" >&2
echo "  sudo apt-get install -y $pkgs" >&2
exit 1
