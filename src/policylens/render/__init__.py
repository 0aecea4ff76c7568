"""Renderers: one module per format, one signature per kind of result.

analyze: (reports, failures, out); compare and timeline: (GridSet, out); diff: (Diff, out).
A new format is a new module and one line in a registry below; it touches no pipeline code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TextIO

from policylens.models import Report

if TYPE_CHECKING:
    from policylens.compare import GridSet
    from policylens.reports.diff import Diff

SCHEMA_VERSION = 2

Renderer = Callable[[Iterable[Report], list, TextIO], None]
GridRenderer = Callable[["GridSet", TextIO], None]
DiffRenderer = Callable[["Diff", TextIO], None]

ANALYZE_FORMATS = ("table", "json", "html")
GRID_FORMATS = ("table", "json", "csv", "markdown", "html")
GRID_EVIDENCE = ("json", "html")  # the grid formats that print each cell's evidence
DIFF_FORMATS = ("text", "json", "markdown", "github", "sarif")
# The format an output file asks for by its suffix, when --format is not given.
SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".md": "markdown", ".markdown": "markdown",
                  ".html": "html", ".htm": "html", ".sarif": "sarif", ".txt": "text"}


def analyze_renderers() -> dict[str, Renderer]:
    from policylens.render import json_out, reader_html, table

    return {"table": table.render_reports, "json": json_out.render_reports,
            "html": reader_html.render_reports}


def grid_renderers() -> dict[str, GridRenderer]:
    from policylens.render import csv_out, html_out, json_out, markdown, table

    return {"table": table.render_grids, "json": json_out.render_grids, "csv": csv_out.render_grids,
            "markdown": markdown.render_grids, "html": html_out.render_grids}


def diff_renderers() -> dict[str, DiffRenderer]:
    from policylens.render import github, json_out, markdown, sarif, table

    return {"text": table.render_diff, "json": json_out.render_diff, "markdown": markdown.render_diff,
            "github": github.render_diff, "sarif": sarif.render_diff}
