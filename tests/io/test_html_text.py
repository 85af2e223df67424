"""HTML fragments to plain text: void elements never swallow what follows them."""

from __future__ import annotations

import pytest

from viewer.io.html_text import to_text

VOID = ["<embed src=v.mp4>", "<embed src=v.mp4 type=video/mp4>", "<EMBED SRC=v.mp4>", "<img src=a.png alt=A>",
        "<source src=a.ogg>", "<track src=a.vtt>", "<wbr>", "<param name=a value=b>", "<area shape=rect>",
        "<col span=2>", "<input type=text value=x>", "<hr>", "<br>", "<link rel=x>", "<meta charset=utf-8>"]


def test_text_after_an_embed_element_is_kept() -> None:
    assert to_text("<p>Before</p><embed src=v.mp4><p>After</p>") == "Before\n\nAfter"


@pytest.mark.parametrize("element", VOID)
def test_text_after_a_void_element_is_kept(element: str) -> None:
    text = to_text(f"<p>Before</p>{element}<p>After</p>")
    assert text.startswith("Before") and text.endswith("After")
    assert "src" not in text and "value" not in text


@pytest.mark.parametrize("element", VOID)
def test_a_self_closed_void_element_keeps_the_text_after_it(element: str) -> None:
    assert to_text(f"Before {element[:-1]} /> After").split() == ["Before", "After"]


def test_void_elements_inside_a_video_go_with_it_and_the_text_after_the_video_stays() -> None:
    html = "<p>Watch</p><video controls><source src=a.mp4><track src=a.vtt>No video</video><p>Then read</p>"
    assert to_text(html) == "Watch\n\nThen read"


def test_an_embed_with_a_stray_end_tag_keeps_everything_else() -> None:
    assert to_text("<p>One</p><embed src=x></embed><p>Two</p>") == "One\n\nTwo"
