"""The fast scan for markdown and HTML marks (`markup_matches`) finds exactly the matches of the
full pattern's `finditer`: the same marks stripped, the same offsets kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policylens.structure.blocks import _MARKUP, markup_matches

# pieces that make or nearly make every kind of mark, glued in any order
PIECES = ["a", "word", " ", "  ", "\n", "\t", "\u00a0", "\n  ", "- ", "* ", "1. ", "(iv) ", "a) ",
          "# ", "### ", "> ", "**", "_", "__", "x_y", "\\", "\\*", "[", "]", "(", ")", "![",
          "[link](http://x.test)", "<br>", "<br/>", "<b>", "</span>", "<email>", "&amp;", "&#39;",
          "&nope;", "&", "<", "!", "2\\.", "\u2022 "]


def _spans(matches: object) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_fast_scan_finds_what_finditer_finds(raw: str) -> None:
    assert _spans(markup_matches(raw)) == _spans(_MARKUP.finditer(raw))


def test_marks_at_line_starts_after_a_break() -> None:
    raw = "Intro:\n- first item\n  * nested\n## Heading\n> quoted &amp; [a](b)"
    assert _spans(markup_matches(raw)) == _spans(_MARKUP.finditer(raw))
    assert [m.group(0) for m in markup_matches(raw)][:2] == ["\n", "- "]
