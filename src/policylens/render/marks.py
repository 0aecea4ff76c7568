"""A sentence with its trigger and polarity cue marked: [[trigger]] and {{cue}} in plain text, also
styled (underlined, bold) on a terminal. Used by `explain` and `rules test`."""

from __future__ import annotations

from rich.text import Text

TRIGGER = ("[[", "]]")
CUE = ("{{", "}}")
LEGEND = "[[trigger]] {{polarity cue}}"


def marked(sentence: str, trigger: tuple[int, int] | None, cue: tuple[int, int] | None,
           limit: int = 600) -> Text:
    """The sentence with markers around the trigger and cue spans (offsets inside `sentence`)."""
    spans = []
    if trigger and trigger[1] > trigger[0]:
        spans.append((trigger[0], trigger[1], TRIGGER, "bold underline"))
    if cue and cue[1] > cue[0] and not (trigger and cue[0] < trigger[1] and trigger[0] < cue[1]):
        spans.append((cue[0], cue[1], CUE, "bold magenta"))
    spans.sort()
    text = Text()
    pos = 0
    for start, end, (left, right), style in spans:
        text.append(sentence[pos:start])
        text.append(left, style="dim")
        text.append(sentence[start:end], style=style)
        text.append(right, style="dim")
        pos = end
    text.append(sentence[pos:])
    if len(text.plain) > limit:
        text.truncate(limit)
        text.append("…")
    return text
