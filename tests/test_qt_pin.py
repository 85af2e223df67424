"""PySide6 6.12.0 on Python 3.11 aborts with `none_dealloc` after a few thousand void Qt calls.

The project pins PySide6 below 6.12 on Python < 3.12; this test makes 100,000 such calls in a
subprocess (a crash there must not take the test run down) and checks the process survives.
"""

import subprocess
import sys

CODE = """
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPen
app = QGuiApplication([])
image = QImage(16, 16, QImage.Format.Format_ARGB32)
painter = QPainter(image)
pen, rect = QPen(), QRect(0, 0, 4, 4)
for _ in range(50_000):
    painter.setPen(pen)
    painter.drawRect(rect)
painter.end()
print("survived")
"""


def test_a_hundred_thousand_void_qt_calls_do_not_crash_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120, check=False,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


def test_the_installed_pyside6_respects_the_pin_for_this_python() -> None:
    import PySide6
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), f"PySide6 {PySide6.__version__} crashes on Python 3.11"
