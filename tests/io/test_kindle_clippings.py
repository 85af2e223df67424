"""A Kindle's My Clippings.txt (highlights, notes and bookmarks, each closed by a line of ten '=') opens as its
clippings, in the device's language and order of dates. Before, it was refused ("no date column among …")."""

from __future__ import annotations

from pathlib import Path

import viewer

UK = ("\ufeffThe Great Gatsby (F. Scott Fitzgerald)\n"
      "- Your Highlight on page 5 | Location 70-71 | Added on Monday, 3 June 2019 09:15:02\n\n"
      "In my younger and more vulnerable years my father gave me some advice.\n==========\n"
      "Bad Blood: Secrets and Lies in a Silicon Valley Startup (Carreyrou, John)\n"
      "- Your Note on page 112 | Location 1701 | Added on Wednesday, 12 February 2020 22:01:40\n\n"
      "compare with SEC filing\n==========\n"
      "Bad Blood: Secrets and Lies in a Silicon Valley Startup (Carreyrou, John)\n"
      "- Your Bookmark on page 140 | Location 2133 | Added on Thursday, 13 February 2020 07:45:00\n\n\n"
      "==========\n")
US = ("\ufeffBad Blood (Carreyrou, John)\r\n- Your Note on Location 1701 | Added on Wednesday, February 12, 2020 "
      "10:01:40 PM\r\n\r\ncompare with SEC filing\r\n==========\r\n"
      "Bad Blood (Carreyrou, John)\r\n- Your Highlight on Location 2133-2135 | Added on Friday, March 6, 2020 "
      "12:05:00 AM\r\n\r\nThe board was stacked with statesmen.\r\n==========\r\n")
OTHERS = ("Der Prozess (Franz Kafka)\n- Ihre Markierung bei Position 70-71 | Hinzugefügt am Montag, 3. Juni 2019 "
          "09:15:02\n\nJemand mußte Josef K. verleumdet haben.\n==========\n"
          "Le Petit Prince (Antoine de Saint-Exupéry)\n- Votre surlignement sur la page 12 | emplacement 170-171 | "
          "Ajouté le mardi 4 juin 2019 10:00:00\n\nOn ne voit bien qu'avec le cœur.\n==========\n")


def _opened(tmp_path: Path, text: str, name: str = "My Clippings.txt") -> viewer.Dataset:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return viewer.load(path)


def test_clippings_open_each_at_the_moment_it_was_made(tmp_path: Path) -> None:
    ds = _opened(tmp_path, UK)
    events = ds.events
    assert list(events["category"]) == ["Highlight", "Note", "Bookmark"]
    assert events["title"].iloc[0].startswith("In my younger")
    assert events["title"].iloc[2] == "Bookmark at page 140 of Bad Blood: Secrets and Lies in a Silicon Valley Startup"
    assert [str(t) for t in events["start"]] == ["2019-06-03 09:15:02+00:00", "2020-02-12 22:01:40+00:00",
                                                 "2020-02-13 07:45:00+00:00"]
    assert list(events["actors"]) == ["F. Scott Fitzgerald", "Carreyrou, John", "Carreyrou, John"]
    assert events["attr:Book"].iloc[1] == "Bad Blood: Secrets and Lies in a Silicon Valley Startup"
    assert list(events["row"]) == [1, 6, 11]  # each clipping's first line
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_a_us_kindles_clock_and_line_endings(tmp_path: Path) -> None:
    ds = _opened(tmp_path, US)
    assert [str(t) for t in ds.events["start"]] == ["2020-02-12 22:01:40+00:00", "2020-03-06 00:05:00+00:00"]
    assert ds.events["attr:Location"].iloc[1] == "2133-2135"


def test_a_german_and_a_french_kindle(tmp_path: Path) -> None:
    ds = _opened(tmp_path, OTHERS)
    assert list(ds.events["category"]) == ["Markierung", "surlignement"]
    assert [str(t.date()) for t in ds.events["start"]] == ["2019-06-03", "2019-06-04"]
    assert list(ds.events["actors"]) == ["Franz Kafka", "Antoine de Saint-Exupéry"]


def test_a_clipping_without_its_details_is_said_by_its_line(tmp_path: Path) -> None:
    broken = UK.replace("- Your Note on page 112 | Location 1701 | Added on Wednesday, 12 February 2020 22:01:40\n",
                        "")
    ds = _opened(tmp_path, broken, "clippings.txt")
    assert ds.event_count == 2
    said = [p for p in ds.problems if p.level == "warning"]
    assert said and said[0].row == 6 and "without a line of details" in said[0].message
