"""Line counts and record lines, as a text editor numbers them."""

from __future__ import annotations

import pytest

from viewer.io import lines


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\nb", "\n\n", "x" * 300_000 + "\n" + "y\n" * 200_000 + "z",
                                  "\n" * (1 << 18) + "tail", "é\nü\n中"])
def test_bytes_and_text_count_lines_alike(text: str) -> None:
    expected = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    assert lines.line_count(text) == expected
    assert lines.line_count(text.encode("utf-8")) == expected


def test_records_on_their_lines_when_a_quoted_field_spans_two() -> None:
    data = b'id,title\n1,"two\nlines"\n2,plain\n'
    assert lines.record_lines(data, ",", 2, True, 2).tolist() == [2, 4]
    assert lines.record_lines(b"id,title\n1,a\n2,b\n", ",", 2, True, 2).tolist() == [2, 3]
