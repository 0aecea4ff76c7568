"""`compare DIR --format html -o out/`: the heatmap as out/index.html and beside it the reader
view of every policy, each written as its report passes (then slimmed for the grid), so a run
over many policies never holds their texts."""

from __future__ import annotations

import os
from collections.abc import Iterator

from policylens.errors import UsageError
from policylens.models import Report


def views_folder(output: str | None, fmt: str | None) -> str | None:
    """The folder `-o` names (an existing folder, or a path ending in a slash), else None. Views
    are HTML: another --format with a folder is a usage error."""
    if not output or output == "-" or not (output.endswith(("/", os.sep)) or os.path.isdir(output)):
        return None
    if fmt not in (None, "html"):
        raise UsageError(f"-o {output} is a folder: only --format html writes a folder "
                         "(index.html and a reader view per policy)")
    try:
        os.makedirs(output, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{output}: cannot make the folder: {exc.strerror}") from None
    return output


def write_views(reports: Iterator[Report], folder: str,
                evidence_for: frozenset[str]) -> Iterator[Report]:
    """Write each report's reader view into `folder` (atomically), then pass it on slimmed to
    what the grid reads."""
    from policylens.output import atomic_output
    from policylens.render.reader_html import render_view, view_name
    from policylens.serialize import slim

    for report in reports:
        with atomic_output(os.path.join(folder, view_name(report.path))) as out:
            render_view(report, out)
        yield slim(report, evidence_for)
