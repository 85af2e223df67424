"""A crowded graph of counted ties (who wrote to whom in a mailbox) labels only its strongest counts, and the node
legend names the kinds the dataset has: 132 ties each labelled "1" … "21" covered the names, and the legend listed
companies, governments and trusts for a mailbox of people."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Tables, build_dataset
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import press


def _correspondents(people: int = 12) -> Tables:
    """Each person wrote to every other one (i + j + 1 messages); one of them holds 40% of a company."""
    entities = [{"id": f"p{i}", "name": f"Person {i}", "kind": "person"} for i in range(people)]
    entities += [{"id": "acme", "name": "Acme", "kind": "company"},
                 {"id": "sub", "name": "Acme Sub", "kind": "company"},
                 {"id": "desk", "name": "News desk", "kind": "newsroom"}]
    relations = [{"id": f"w{i}-{j}", "source": f"p{i}", "target": f"p{j}", "kind": "wrote_to", "value": i + j + 1,
                  "valid_from": "2019-01-01"} for i in range(people) for j in range(people) if i != j]
    relations.append({"id": "stake", "source": "p0", "target": "acme", "kind": "equity_stake", "value": 40.0,
                      "valid_from": "2019-01-01"})
    events = pd.DataFrame({"id": ["e1", "e2"], "start": ["2019-02-01", "2019-03-01"], "title": ["One", "Two"],
                           "actors": ["p0", "p1"]})
    return Tables(events, pd.DataFrame(entities), pd.DataFrame(relations))


def test_a_crowded_graph_labels_its_strongest_counts_and_every_stake(qtbot: QtBot, window: MainWindow) -> None:
    assert [label.text() for label in window.relations.node_legend.labels] == [
        "company", "government", "business unit", "person"]  # the bundled dataset's kinds, no more
    window.state.set_dataset(build_dataset(_correspondents()))
    window.relations.people.click()
    press(qtbot, window, Qt.Key.Key_End)
    panel = window.relations
    qtbot.waitUntil(lambda: len(panel.edge_labels()) == 133, timeout=3000)
    labelled = {key: text for key, text in panel.edge_labels().items() if text}
    assert labelled[("p0", "acme", "equity_stake")] == "40%"  # a stake keeps its value
    counts = sorted((int(text) for key, text in labelled.items() if key[2] == "wrote_to"), reverse=True)
    every = sorted((i + j + 1 for i in range(12) for j in range(12) if i != j), reverse=True)
    assert counts == every[:15]  # the strongest ones
    assert [label.text() for label in panel.node_legend.labels] == ["company", "person", "newsroom"]
