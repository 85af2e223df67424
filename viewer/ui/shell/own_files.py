"""The files the open dataset was read from, which no export may write over (a part would replace the whole)."""

from __future__ import annotations

from pathlib import Path

from viewer.model.dataset import DatasetMeta


def opened(meta: DatasetMeta) -> list[Path]:
    """The files and folders the dataset was read from: the file itself, its sources and each of the files opened
    together as one."""
    return [Path(p) for p in (meta.path, *meta.sources, *meta.parts) if p]


def read_from(meta: DatasetMeta, path: Path) -> bool:
    """Whether ``path`` is a file the dataset was read from (its folder's tables, the file itself, or each of the
    files opened together as one)."""
    opened_from = opened(meta)
    try:
        target = path.resolve()
        read = {p.resolve() for p in opened_from if p.is_file()}
        read |= {f.resolve() for p in opened_from if p.is_dir() for f in p.iterdir() if f.is_file()}
    except OSError:
        return False
    return target in read
