"""What the GUI monkey feeds the window: mouse gestures sent to a widget, and the files it opens
(the test fixtures, the shared real files when present, and a corpus of broken files written here)."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
FIXTURES = [HERE.parent / "io" / "fixtures", HERE.parent / "io" / "fixtures_tables"]
REALDATA = HERE.parents[2].parent / "shared" / "realdata"
REAL_FILE_LIMIT = 300_000  # bytes: the monkey plays with small real files, the loaders' tests read the big ones


def point(widget: QWidget, fx: float, fy: float) -> QPointF:
    """The point at fractions ``fx``, ``fy`` of the widget's size (clamped inside it)."""
    width, height = max(widget.width(), 1), max(widget.height(), 1)
    return QPointF(min(max(fx, 0.0), 0.999) * width, min(max(fy, 0.0), 0.999) * height)


def wheel(widget: QWidget, at: QPointF, delta: int) -> None:
    """One wheel turn of ``delta`` eighths of a degree at ``at``."""
    event = QWheelEvent(at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, delta),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _mouse(widget: QWidget, kind: QEvent.Type, at: QPointF, button: Qt.MouseButton,
           buttons: Qt.MouseButton) -> None:
    global_at = QPointF(widget.mapToGlobal(at.toPoint()))
    QApplication.sendEvent(widget, QMouseEvent(kind, at, global_at, button, buttons, Qt.KeyboardModifier.NoModifier))


def drag(widget: QWidget, start: QPointF, end: QPointF, button: Qt.MouseButton, steps: int = 4) -> None:
    """Press at ``start``, move in ``steps`` to ``end`` with the button held, release there."""
    none = Qt.MouseButton.NoButton
    _mouse(widget, QEvent.Type.MouseMove, start, none, none)
    _mouse(widget, QEvent.Type.MouseButtonPress, start, button, button)
    for i in range(1, steps + 1):
        at = start + (end - start) * (i / steps)
        _mouse(widget, QEvent.Type.MouseMove, at, none, button)
        QApplication.processEvents()
    _mouse(widget, QEvent.Type.MouseButtonRelease, end, button, none)


def click(widget: QWidget, at: QPointF, button: Qt.MouseButton, double: bool = False) -> None:
    """A click (or a double click) at ``at``."""
    none = Qt.MouseButton.NoButton
    _mouse(widget, QEvent.Type.MouseMove, at, none, none)
    _mouse(widget, QEvent.Type.MouseButtonPress, at, button, button)
    _mouse(widget, QEvent.Type.MouseButtonRelease, at, button, none)
    if double:
        _mouse(widget, QEvent.Type.MouseButtonDblClick, at, button, button)
        _mouse(widget, QEvent.Type.MouseButtonRelease, at, button, none)


def good_files() -> list[Path]:
    """Every fixture file and folder, and the small real files when /work/shared/realdata is there."""
    found = [p for folder in FIXTURES for p in sorted(folder.iterdir())]
    if REALDATA.is_dir():
        found += [p for p in sorted(REALDATA.rglob("*")) if p.is_file() and p.suffix not in {".md", ".tsv"}
                  and p.stat().st_size <= REAL_FILE_LIMIT]
    return found


def write_broken_files(folder: Path, sources: list[Path]) -> list[Path]:
    """Broken files in ``folder``: truncated copies, binary garbage, wrong extensions, empty files, a bad folder."""
    rng = random.Random(14)
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        out.append(path)

    for source in [s for s in sources if s.is_file()][:12]:
        data = source.read_bytes()
        put(f"truncated_{source.name}", data[: len(data) // 2])
        put(f"flipped_{source.name}", bytes(b ^ 0xFF if rng.random() < 0.01 else b for b in data))
    garbage = bytes(rng.randrange(256) for _ in range(2048))
    for suffix in (".csv", ".tsv", ".json", ".xlsx", ".parquet", ".timeline", ".ics", ".gexf", ".xml", ".txt", ".js",
                   ".ged", ".ris", ".bib", ".srt", ".vtt", ".docx", ".odt", ".md", ".pdf", ".rtf", ".doc"):
        put(f"garbage{suffix}", garbage)
        put(f"empty{suffix}", b"")
    put("json_as.csv", b'{"events": [{"start": "2020"}]}')
    put("csv_as.json", b"start,title\n2020,a\n")
    put("csv_as.xlsx", b"start,title\n2020,a\n")
    put("csv_as.parquet", b"start,title\n2020,a\n")
    put("nul.csv", b"start,title\n2020,\x00\x00\n")
    bad = folder / "bad_dataset"
    bad.mkdir(exist_ok=True)
    (bad / "events.csv").write_bytes(garbage)
    (bad / "entities.csv").write_bytes(b"id,name,kind\n")
    out.append(bad)
    return out
