"""Google Earth's KMZ: a ZIP archive of a KML document and the images it shows, as Google Earth saves a place
and Google My Maps exports a map (they were "a binary file, not .kmz data"). The document is the archive's first
``.kml`` file, as Google Earth reads it (``doc.kml`` by custom), parsed as a ``.kml`` is; its size is checked
against free memory before it is unpacked."""

from __future__ import annotations

import xml.etree.ElementTree as StdET
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from viewer.io import compressed, free_memory
from viewer.io.gexf import parse_xml
from viewer.model.problems import LoadError

SUFFIX = ".kmz"


def root(path: Path, expected: str) -> StdET.Element:
    """The root of the archive's KML document; LoadError naming the archive when it holds none or is damaged."""
    held = compressed.members(path)
    documents = [info for info in held if PurePosixPath(info.filename).suffix.lower() == ".kml"]
    if not documents:
        names = [PurePosixPath(info.filename).name for info in held][:5]
        what = f"holding {', '.join(names)}{' …' if len(held) > 5 else ''}" if names else "that cannot be read"
        raise LoadError(f"{path}: a KMZ archive {what}, without a KML document; expected a .kmz as Google Earth "
                        "saves one (a doc.kml and its images)")
    document = documents[0]
    label = f"{path} ({document.filename})"
    free_memory.check(label, document.file_size)
    try:
        with zipfile.ZipFile(path) as archive, archive.open(document.filename) as stream:
            return parse_xml(stream, expected, label)
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise LoadError(f"{label}: the archive is damaged ({exc}); expected a .kmz as Google Earth saves one") \
            from exc
