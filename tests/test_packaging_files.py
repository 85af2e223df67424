"""The icon, desktop file, AppStream metainfo and PyInstaller files are well formed.

The freedesktop validators run when they are installed (desktop-file-utils, appstream) and are
skipped otherwise; the rest needs nothing beyond the standard library and PySide6.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PACKAGING = ROOT / "packaging"
APP_ID = "org.entente.Entente"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SIZES = (16, 24, 32, 48, 64, 128, 256)
MIME_TYPES = {
    "application/json", "text/csv", "text/tab-separated-values", "text/calendar",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.apache.parquet",
    "application/xml", "application/gexf+xml", "application/vnd.ms-excel",
    "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.sqlite3", "application/x-sqlite3",
    "application/geo+json", "application/graphml+xml", "application/x-spss-sav", "application/x-spss-por",
    "application/x-stata-dta", "application/x-sas-data", "application/x-sas-xport", "application/mbox",
    "message/rfc822",
}


def png_header(path: Path) -> tuple[int, int, int]:
    """Width, height and colour type from a PNG's IHDR chunk."""
    data = path.read_bytes()[:26]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height, data[25]


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_svg_master_parses_as_a_square_svg() -> None:
    root = ET.parse(ICONS / "entente.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


def test_qt_renders_the_svg_master() -> None:
    from PySide6.QtSvg import QSvgRenderer
    renderer = QSvgRenderer(str(ICONS / "entente.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 256


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_has_its_size_and_a_transparent_corner(size: int) -> None:
    path = ICONS / f"entente-{size}.png"
    width, height, colour_type = png_header(path)
    assert (width, height) == (size, size)
    assert colour_type == 6, "expected RGBA"
    from PySide6.QtGui import QImage
    image = QImage(str(path))
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_desktop_file_names_the_app_its_icon_and_formats() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Name"] == "Entente"
    assert entry["Exec"] == "entente %F" and entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID and entry["StartupWMClass"] == "entente"
    assert set(filter(None, entry["MimeType"].split(";"))) == MIME_TYPES
    assert entry["Categories"].endswith(";")


def test_metainfo_matches_the_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "entente"
    assert root.findtext("metadata_license") == "CC0-1.0" and root.findtext("project_license") == "MIT"
    release = root.find("releases/release")
    assert release is not None and release.get("version") == "0.1.0"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_file_validate_passes() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_appstreamcli_validate_passes() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_spec_bundles_resources_where_paths_looks_for_them() -> None:
    spec = (PACKAGING / "entente.spec").read_text(encoding="utf-8")
    compile(spec, "entente.spec", "exec")
    assert '"viewer/resources"' in spec and 'name="entente"' in spec and "console=True" in spec
    assert "launcher.py" in spec


@pytest.mark.parametrize("script", ["build.sh", "smoke_test.sh"])
def test_packaging_scripts_are_executable_bash(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111
    subprocess.run(["bash", "-n", str(path)], check=True)
