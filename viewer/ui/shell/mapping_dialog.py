"""The column-mapping dialog: shown when a table's columns cannot be mapped with certainty.

It previews the first rows, offers a combo per event field, the date order and the encoding, and lists
what reading the first rows with those choices would report, before anything is imported.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.io import compressed, has_own_reader, sqlite, table
from viewer.io.code_pages import NAMES
from viewer.io.dated_text import reads_as_dated_lines
from viewer.io.import_spec import ImportSpec, write_spec
from viewer.io.spec_suggest import SAMPLE_ROWS, TABLE_SUFFIXES, suggest_spec
from viewer.io.table_mapping import Mapping, guess_mapping
from viewer.model.problems import LoadError
from viewer.ui.shell.persistence import FRAME
from viewer.ui.shell.wrapped_list import WrappedList

ROLES = (("start", "Start date *"), ("end", "End date"), ("title", "Title"), ("actors", "Actors"),
         ("category", "Category"), ("description", "Description"), ("url", "Source link"),
         ("time", "Time of day"), ("end_time", "End time of day"), ("duration", "Duration"),
         ("all_day", "All-day flag"), ("timezone", "Time zone"))
NONE = "(none)"
JOINED = " + "  # several actor columns offered as one choice
SPEC_FIELDS = ("start", "end", "title", "actors", "category", "description", "url", "time", "end_time", "duration",
               "all_day", "timezone", "date_order", "encoding", "header")
ORDERS = (("auto", "Detect"), ("dmy", "Day/month/year"), ("mdy", "Month/day/year"), ("ymd", "Year/month/day"))
ENCODINGS = (("auto", "Detect"), ("utf-8", "UTF-8"), ("cp1252", "Western European, Windows-1252"),
             ("latin-1", "Western European, Latin-1"), *((codec, f"{name} ({codec})") for codec, name in NAMES.items()))
Index = QModelIndex | QPersistentModelIndex
COMBO_CHARACTERS = 56  # a column's choice is at most about this many characters wide (its list shows whole names)
PROBLEM_CHARACTERS = 44  # the list of problems keeps room for this many a line when the choices beside it are wide
GRAPH_CHARACTERS = 90  # the offer of ties is cut after this many (its tooltip says it whole): a check box never wraps
FIRST_SIZE = (900, 640)  # the dialog's size at first, where the screen has room (else as tall as it allows)
FEW_FIELDS = 4  # on a screen too short for every field, at least this many are seen at once


class FrameModel(QAbstractTableModel):
    """A read-only table model over a small DataFrame of strings."""

    def __init__(self, frame: pd.DataFrame) -> None:
        super().__init__()
        self._frame = frame.astype(str)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows in the preview."""
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Columns in the preview."""
        return 0 if parent.isValid() else self._frame.shape[1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        """The cell text."""
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return str(self._frame.iat[index.row(), index.column()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> str | None:
        """Column names across, data row numbers down."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self._frame.columns[section])
        return str(section + 1)


def needs_mapping(path: str | Path) -> tuple[table.Preview, ImportSpec | None] | None:
    """A preview (and a suggested spec) when ``path`` is a table to ask about; else None (open directly).

    A table is asked about when its columns cannot be mapped with certainty, or when some of its
    columns name parties (a bank and its acquirer): the user may then make the graph from them.
    """
    path = Path(path)
    if not path.is_file() or (compressed.inner_suffix(path) not in TABLE_SUFFIXES and not sqlite.is_sqlite(path)) or (
            has_own_reader(path)):  # (a chat export, FtM entities: not a table to map)
        return None
    try:
        compressed.check_room(path, table=True)  # a file too big to open is refused before its columns are asked
        preview = table.preview(path)
        if not len(preview.rows):  # columns and no row under them: nothing to map, and the loader says so
            return None
        suggestion = suggest_spec(path, rows=SAMPLE_ROWS)  # (a file of gigabytes is read once, by the loader)
    except (LoadError, OSError, ValueError):
        return None  # the loader will report it properly
    graph = suggestion if suggestion.entities or suggestion.relations else None
    if preview.mapping.certain and graph is None:
        return None
    if preview.mapping.start is None and reads_as_dated_lines(path):  # notes led by dates: no columns to ask about
        return None
    return preview, graph


def describe_graph(spec: ImportSpec) -> str:
    """``Bank Name → Acquiring Institution (acquired_by)``, one per relation; else the entity columns."""
    parts = [f"{r.source} → {r.target} ({f'kind from {r.kinds}' if r.kinds else r.kind.replace('_', ' ')})"
             for r in spec.relations]
    return "; ".join(parts or [f"{e.column} ({e.kind})" for e in spec.entities])


def renamed_spec(spec: ImportSpec, renamed: dict[str, str]) -> ImportSpec:
    """The suggested entity and relation columns under the names a new reading gives them (by place)."""
    def name(column: str | None) -> str | None:
        return None if column is None else renamed.get(column, column)

    entities = tuple(replace(e, column=renamed.get(e.column, e.column)) for e in spec.entities)
    relations = tuple(replace(r, source=renamed.get(r.source, r.source), target=renamed.get(r.target, r.target),
                              valid_from=name(r.valid_from), valid_to=name(r.valid_to), value=name(r.value),
                              kinds=name(r.kinds)) for r in spec.relations)
    return replace(spec, id=name(spec.id), entities=entities, relations=relations,
                   types=tuple((renamed.get(c, c), t) for c, t in spec.types),
                   ignore=tuple(renamed.get(c, c) for c in spec.ignore))


class MappingDialog(QDialog):
    """Choose which column is which event field, the date order and the encoding, then import."""

    def __init__(self, path: str | Path, preview: table.Preview, parent: QWidget | None = None,
                 suggestion: ImportSpec | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.suggestion = suggestion
        self.setWindowTitle(f"Columns of {self.path.name}")
        columns = [str(c) for c in preview.rows.columns]
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the next field (the arrows walk its cells)
        self.table.setModel(FrameModel(preview.rows))
        self.table.setMinimumHeight(180)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        mapping = preview.mapping
        for role, label in ROLES:
            self.combos[role] = self._combo(role, columns, mapping, getattr(suggestion, role, None) == "")
            form.addRow(label, self.combos[role])
        self.order = QComboBox(self)
        for key, text in ORDERS:
            self.order.addItem(text, key)
        self.encoding = QComboBox(self)
        for key, text in ENCODINGS:
            self.encoding.addItem(text, key)
        self.header = QCheckBox("First row holds column names", self)
        self.header.setChecked(bool(preview.header))
        self.order.currentIndexChanged.connect(self._refresh)
        self.encoding.currentIndexChanged.connect(self._reread)
        self.header.toggled.connect(self._reread)
        form.addRow("Date order", self.order)
        form.addRow("Encoding", self.encoding)
        form.addRow("", self.header)
        self.graph = self._graph_box(suggestion)
        form.addRow("", self.graph)
        # a title chosen by its values (no column is named as one) gives way to each row's tie, while ties are made
        self._value_title = mapping.title if guess_mapping(columns).title is None else None
        self.graph.toggled.connect(self._tie_titles)
        self.columns = columns
        self.read_as = QLabel(_read_as(preview), self)
        self.problems = WrappedList(self)  # each line read whole, wrapped to the list's width
        self.problems.setMinimumWidth(self.fontMetrics().averageCharWidth() * PROBLEM_CHARACTERS)
        self.buttons = self._buttons()
        side = QHBoxLayout()
        side.addWidget(self._scrolled(form), 1)
        box = QVBoxLayout()
        box.addWidget(QLabel("What reading the first rows would report:"))
        box.addWidget(self.problems)
        side.addLayout(box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_as)
        layout.addWidget(self.table)
        layout.addLayout(side)
        layout.addWidget(self.buttons)
        self._fit_to_screen(form)
        self._tie_titles(self.graph.isChecked())
        self._refresh()

    def _scrolled(self, form: QFormLayout) -> QScrollArea:
        """The fields in an area that scrolls when the screen is too short to show them all at once."""
        holder = QWidget(self)
        form.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(form)
        self.fields = QScrollArea(self)
        self.fields.setWidget(holder)
        self.fields.setWidgetResizable(True)
        self.fields.setFrameShape(QFrame.Shape.NoFrame)
        self.fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return self.fields

    def _fit_to_screen(self, form: QFormLayout) -> None:
        """Every field shown at once where the screen's free area has room for the dialog; else the dialog as tall as
        that area and its fields scrolled (its 16 rows and the preview made it 700 px tall: on a 1280×720 screen, or
        1920×1080 at 150 %, less a taskbar, Import and Cancel lay below the screen's edge)."""
        whole, bar = form.sizeHint().height(), self.fields.verticalScrollBar().sizeHint().width()
        self.fields.setMinimumSize(form.minimumSize().width() + bar, whole)
        screen = self.screen()
        room = screen.availableGeometry().height() - FRAME.height() if screen is not None else FIRST_SIZE[1]
        short = self.minimumSizeHint().height() - room
        if short > 0:
            self.fields.setMinimumHeight(max(FEW_FIELDS * self.combos["start"].sizeHint().height(), whole - short))
        self.resize(FIRST_SIZE[0], min(FIRST_SIZE[1], room))

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.save_button = buttons.addButton("Save mapping…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setToolTip("Save these choices as a mapping file for `entente … --mapping FILE`")
        self.save_button.clicked.connect(self._save_spec)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _graph_box(self, suggestion: ImportSpec | None) -> QCheckBox:
        box = QCheckBox(self)
        box.setVisible(suggestion is not None)
        if suggestion is not None:
            _describe_on(box, suggestion)
            box.setChecked(True)
        return box

    def _tie_titles(self, ties: bool) -> None:
        """Rows that make ties are named by their tie ("Renault → Nissan (36.8%)") rather than by a column chosen for
        its values ("Renault", "Renault", …): with the ties kept the title is "(none)", without them the guess
        comes back (unless the user chose a title of their own)."""
        if self._value_title is None or self.suggestion is None or not self.suggestion.relations:
            return
        combo = self.combos["title"]
        if ties and combo.currentText() == self._value_title:
            combo.setCurrentText(NONE)
        elif not ties and combo.currentText() == NONE:
            combo.setCurrentText(self._value_title)

    def spec(self) -> ImportSpec:
        """The user's choices as an import spec (with the suggested entities and relations when kept)."""
        chosen = self.options()  # a role set to "(none)" stays "": no column, not even one named for it
        fields = {k: (v if k != "actors" else () if v == "" else tuple(v) if isinstance(v, list | tuple) else (v,))
                  for k, v in chosen.items()}
        base = self.suggestion if self.suggestion is not None and self.graph.isChecked() else ImportSpec()
        return replace(base, **{k: fields.get(k, getattr(ImportSpec(), k)) for k in SPEC_FIELDS})

    def _combo(self, role: str, columns: list[str], mapping: Mapping, unset: bool = False) -> QComboBox:
        """The choice of a role's column, the guessed one chosen (none when the suggestion ``unset`` it: an edge
        list's Source is a party, no link)."""
        combo = QComboBox(self)
        combo.addItems([NONE, *columns])
        # as wide as its column's name up to a cap: a name of 300 letters made the dialog 2,900 px wide
        combo.setMaximumWidth(combo.fontMetrics().averageCharWidth() * COMBO_CHARACTERS)
        current = mapping.actors[0] if role == "actors" and mapping.actors else getattr(mapping, role, None)
        if role == "actors" and len(mapping.actors) > 1:  # ACLED's actor1 … assoc_actor_2: all of them, joined
            combo.insertItem(1, JOINED.join(mapping.actors), list(mapping.actors))
            combo.setCurrentIndex(1)
        elif isinstance(current, str) and current in columns and not unset:
            combo.setCurrentText(current)
        combo.currentTextChanged.connect(self._refresh)
        return combo

    def load_options(self) -> dict[str, Any]:
        """What the loader takes: the plain options, or the whole spec when it makes a graph."""
        return {"mapping": self.spec()} if self.suggestion is not None and self.graph.isChecked() else self.options()

    def _save_spec(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, "Save mapping", str(self.path.with_suffix(".mapping.json")),
                                                "Mapping (*.json)")
        if target:
            try:
                write_spec(self.spec(), target)
            except OSError as exc:
                self.problems.addItem(f"Could not save {target}: {exc.strerror or exc}")

    def options(self) -> dict[str, Any]:
        """The reader options the user chose (for ``table.read``)."""
        chosen: dict[str, Any] = {}
        for role, combo in self.combos.items():  # "(none)" is "": no column, not even one named for the role
            chosen[role] = "" if combo.currentText() == NONE else combo.currentData() or combo.currentText()
        if self.order.currentData() != "auto":
            chosen["date_order"] = self.order.currentData()
        if self.encoding.currentData() != "auto":
            chosen["encoding"] = self.encoding.currentData()
        chosen["header"] = self.header.isChecked()
        return chosen

    def _reread(self) -> None:
        """The first rows read again in the encoding chosen, with or without a row of names, and the column names with
        them: each choice keeps its column by place (its name changes with the encoding: ``Ã‰vÃ©nement`` is
        ``Événement``; with the first row not names, ``Date`` is ``column1``)."""
        chosen = self.encoding.currentData()
        try:
            preview = table.preview(self.path, header=self.header.isChecked(),
                                    **({} if chosen == "auto" else {"encoding": chosen}))
        except (LoadError, OSError, ValueError) as exc:  # (a byte the encoding has no character for)
            self.problems.clear()
            self.problems.addItem(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        renamed = dict(zip(self.columns, (str(c) for c in preview.rows.columns), strict=False))
        self.columns = [str(c) for c in preview.rows.columns]
        self.table.setModel(FrameModel(preview.rows))
        self.read_as.setText(_read_as(preview))
        self._value_title = renamed.get(self._value_title or "", self._value_title)
        if self.suggestion is not None:  # its ties' columns renamed too (Import said "names columns this file lacks")
            self.suggestion = renamed_spec(self.suggestion, renamed)
            _describe_on(self.graph, self.suggestion)
        for combo in self.combos.values():
            combo.blockSignals(True)  # (one trial once all are renamed, not one per combo)
            for i in range(combo.count()):
                names = combo.itemData(i)
                if isinstance(names, list):  # several actor columns joined
                    new = [renamed.get(str(name), str(name)) for name in names]
                    combo.setItemData(i, new)
                    combo.setItemText(i, JOINED.join(new))
                elif combo.itemText(i) != NONE:
                    combo.setItemText(i, renamed.get(combo.itemText(i), combo.itemText(i)))
            combo.blockSignals(False)
        self._refresh()

    def _refresh(self) -> None:
        ok = self.combos["start"].currentText() != NONE
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.problems.clear()
        if not ok:
            self.problems.addItem("Choose the column that holds the start date.")
            return
        try:
            found = table.trial(self.path, **self.options())
        except LoadError as exc:
            found = []
            self.problems.addItem(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.problems.addItems(_shared_columns(self.combos))
        for problem in found:
            self.problems.addItem(f"[{problem.level}] {problem}")
        if not found and self.problems.count() == 0:
            self.problems.addItem("No problems in the first rows.")


def _shared_columns(combos: dict[str, QComboBox]) -> list[str]:
    """One column chosen for several fields, said ("'Date' is chosen for Start date and Title: …"): the dialog said "No
    problems in the first rows." while every field read the same cells."""
    labels = {role: label.rstrip(" *") for role, label in ROLES}
    fields_of: dict[str, list[str]] = {}
    for role, combo in combos.items():
        names = combo.currentData() if isinstance(combo.currentData(), list) else [combo.currentText()]
        for name in names:
            if name != NONE:
                fields_of.setdefault(str(name), []).append(labels[role])
    return [f"[warning] '{name}' is chosen for {', '.join(fields[:-1])} and {fields[-1]}: each reads the same cells"
            for name, fields in fields_of.items() if len(fields) > 1]


def _describe_on(box: QCheckBox, spec: ImportSpec) -> None:
    """The offer of ties on its check box, cut to a length that leaves the dialog on the screen (a column named by
    300 letters made it wider than any screen), and said whole in its tooltip."""
    text = f"Make entities and relations: {describe_graph(spec)}"
    box.setText(text if len(text) <= GRAPH_CHARACTERS else text[:GRAPH_CHARACTERS - 1] + "…")
    box.setToolTip(f"{text}\n\nEach row also ties these parties, from the row's date; placeholders such as "
                   "'No Acquirer', 'n/a' or '-' make no entity")


def _read_as(preview: table.Preview) -> str:
    """How the first rows were read: ``Read as cp932, delimiter ',', dates ymd``."""
    said = f"Read as {preview.encoding}" + (f", delimiter {preview.delimiter!r}" if preview.delimiter else "")
    return said + (f", dates {preview.date_order}" if preview.date_order else "")
