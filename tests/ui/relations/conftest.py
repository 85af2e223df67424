"""Fixtures the relationship panel's tests share: a big ownership register, and the panel showing it."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared.state import ViewState

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import graph_data  # type: ignore[import-not-found]  # a bench helper, outside what mypy reads


@pytest.fixture(scope="module")
def register() -> Dataset:
    """3,000 companies and their stakes: more than one view can draw."""
    entities, relations = graph_data.ownership(3000)
    return build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), entities, relations))


@pytest.fixture
def big(qtbot: QtBot, register: Dataset) -> RelationshipPanel:
    """The panel on the register: a focused view, "k more" groups among its nodes."""
    state = ViewState(register)
    state.move_cursor("2024-06-01")
    widget = RelationshipPanel(state)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
