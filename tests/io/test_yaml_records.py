"""YAML lists of records (a site's data file, a list kept by hand, a stream of documents) read as JSON records are:
they were read as a text table and refused for having no date. Aliases that would blow up, a document that refers
to itself and Python's tags are refused by name, nothing made of them."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

JEKYLL = """# _data/timeline.yml
- date: 2018-11-19
  title: Arrest of Carlos Ghosn
  actors: [Nissan, Renault]
  tags:
    - legal
- date: 2019-03-12 10:00:00+09:00
  title: "New governance: board"
  description: >
    A folded
    description.
- null
- date: 2023-02-06
  end: 2023-02-07
  title: London event
"""


def _write(tmp_path: Path, text: str, name: str = "timeline.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_site_s_data_file_is_read_with_each_record_s_line(tmp_path: Path) -> None:
    ds = viewer.load(_write(tmp_path, JEKYLL))
    events = ds.events.sort_values("row")
    assert events["title"].tolist() == ["Arrest of Carlos Ghosn", "New governance: board", "London event"]
    assert events["row"].tolist() == [2, 7, 13]
    assert [str(t) for t in events["start"]] == ["2018-11-19 00:00:00+00:00", "2019-03-12 01:00:00+00:00",
                                                  "2023-02-06 00:00:00+00:00"]
    assert events["actors"].iloc[0] == "Nissan;Renault" and events["tags"].iloc[0] == "legal"
    assert events["description"].iloc[1] == "A folded description."
    (skipped,) = [p for p in ds.problems if "no record" in p.message]
    assert (skipped.row, skipped.level) == (12, "warning")


@pytest.mark.parametrize("text", [
    "name: Alliance\nevents:\n  - start: 2019-01-01\n    title: a\n  - start: 2019-02-01\n    title: b\n",
    "---\ndate: 2019-01-01\ntitle: a\n---\ndate: 2019-02-01\ntitle: b\n...\n",  # a stream, a record each
    "defaults: &d\n  category: legal\nevents:\n  - <<: *d\n    date: 2019-01-01\n    title: a\n"
    "  - <<: *d\n    date: 2019-02-01\n    title: b\n",  # a merge key's defaults
])
def test_records_under_a_key_in_a_stream_or_with_merged_defaults(tmp_path: Path, text: str) -> None:
    ds = viewer.load(_write(tmp_path, text, "events.yaml"))
    assert sorted(ds.events["title"]) == ["a", "b"]
    assert sorted(str(t.date()) for t in ds.events["start"]) == ["2019-01-01", "2019-02-01"]
    if "<<" in text:
        assert set(ds.events["category"]) == {"legal"}


LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))


@pytest.mark.parametrize(("text", "said"), [
    (LAUGHS, "its aliases stand for more than 5,000,000 values"),
    ("&a [*a]\n", "the document refers to itself"),
    ('- !!python/object/apply:os.system ["echo pwned"]\n', "could not determine a constructor"),
    ("- date: 2019-01-01\n\ttitle: a tab\n", "line 2, column 1"),
    ("key: value\nother: 3\n", "YAML that holds no records"),
])
def test_a_hostile_or_unreadable_yaml_is_refused_by_name(tmp_path: Path, text: str, said: str) -> None:
    path = _write(tmp_path, text, "hostile.yaml")
    with pytest.raises(LoadError) as refused:
        viewer.load(path)
    assert str(refused.value).startswith(str(path)) and said in str(refused.value)
