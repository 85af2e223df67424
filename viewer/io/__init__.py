"""Reading files into a Dataset: one module per format, chosen here through one table.

``load(path)`` picks the reader from the suffix; where a suffix is shared by several formats
(``.json``) it asks each candidate's sniffer in order. Every reader is ``read(path, **options)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from viewer.io import native
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError
from viewer.paths import bundled_dataset

Reader = Callable[..., Dataset]
Sniffer = Callable[[object], bool]

# suffix -> candidates tried in order: (sniffer of the parsed JSON document or None, reader)
READERS: dict[str, list[tuple[Sniffer | None, Reader]]] = {
    ".json": [(native.looks_native, native.read)],
}
FOLDER_READER: Reader = native.read
MAX_SNIFF_BYTES = 64 * 1024 * 1024


def supported_suffixes() -> list[str]:
    """File suffixes that :func:`load` can open (for file dialogs and help texts)."""
    return sorted(READERS)


def _sniff_json(path: Path) -> object:
    if path.stat().st_size > MAX_SNIFF_BYTES:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LoadError(f"{path}: not readable JSON ({exc})") from exc


def load(path: str | Path | None = None, **options: object) -> Dataset:
    """Read any supported file or folder into a Dataset; with no path, the bundled alliance dataset.

    Raises :class:`LoadError` (naming the file and what was expected) when nothing usable is there.

    >>> import viewer
    >>> ds = viewer.load()
    >>> len(ds.events), len(ds.entities), len(ds.relations)
    (69, 37, 53)
    """
    path = Path(path) if path is not None else bundled_dataset()
    try:
        if not path.exists():
            raise LoadError(f"{path}: no such file or folder")
        if path.is_dir():
            return FOLDER_READER(path, **options)
        if not path.is_file():
            raise LoadError(f"{path}: not a regular file (a device, socket or pipe cannot be opened)")
        candidates = READERS.get(path.suffix.lower())
        if not candidates:
            known = ", ".join(supported_suffixes())
            raise LoadError(f"{path}: unknown file type '{path.suffix}'; expected a dataset folder or one of {known}")
        document = _sniff_json(path) if path.suffix.lower() == ".json" else None
        for sniffer, reader in candidates:
            if sniffer is None or sniffer(document):
                return reader(path, **options)
        raise LoadError(f"{path}: not a format Entente knows; expected a native dataset "
                        "(an object with 'events' and 'entities'/'relations' lists)")
    except PermissionError as exc:
        raise LoadError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
