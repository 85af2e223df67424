"""Text shown as written where Qt would read it as HTML: a tooltip whose first line holds a tag (a name ``<b>x</b>``,
a link ``https://example.org/<img src=x>``) is taken by Qt for rich text, and showed a bold "x" or a broken picture.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as written: escaped (its lines and spaces kept) when Qt would take it for HTML,
    else left as it is."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre) if Qt.mightBeRichText(text) else text
