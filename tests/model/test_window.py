"""Navigation is a pure function of the visible window."""

from viewer.model.window import HOUR, TimeWindow


def test_zoom_keeps_the_point_under_the_mouse_in_place() -> None:
    window = TimeWindow(0, 100).zoom(0.5, around=80)
    assert (window.start, window.end) == (40, 90)


def test_pan_moves_both_ends() -> None:
    assert TimeWindow(0, 100).pan(10) == TimeWindow(10, 110)


def test_clamp_refuses_a_window_narrower_than_an_hour() -> None:
    window = TimeWindow(0, 10).clamp(-1e9, 1e9)
    assert window.span == HOUR


def test_clamp_keeps_the_window_inside_the_limits() -> None:
    window = TimeWindow(-5000, 5000).clamp(0, 100_000)
    assert window.start == 0 and window.span == 10_000


def test_between_covers_the_whole_last_day() -> None:
    window = TimeWindow.between("2018-11-19", "2023-02-06")
    assert window.end_time.isoformat().startswith("2023-02-07T00:00")
