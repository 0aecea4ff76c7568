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


def _lazy(module: str, name: str) -> Callable[..., None]:
    """A renderer whose module is imported when it is called: a run imports the one format it
    prints (the table's rich, the reader view's HTML are not imported to print JSON)."""

    def render(*args: object) -> None:
        from importlib import import_module

        getattr(import_module(f"policylens.render.{module}"), name)(*args)

    render.__name__ = render.__qualname__ = name
    return render


def analyze_renderers() -> dict[str, Renderer]:
    return {"table": _lazy("table", "render_reports"), "json": _lazy("json_out", "render_reports"),
            "html": _lazy("reader_html", "render_reports")}


def grid_renderers() -> dict[str, GridRenderer]:
    return {"table": _lazy("table", "render_grids"), "json": _lazy("json_out", "render_grids"),
            "csv": _lazy("csv_out", "render_grids"), "markdown": _lazy("markdown", "render_grids"),
            "html": _lazy("html_out", "render_grids")}


def diff_renderers() -> dict[str, DiffRenderer]:
    return {"text": _lazy("table", "render_diff"), "json": _lazy("json_out", "render_diff"),
            "markdown": _lazy("markdown", "render_diff"), "github": _lazy("github", "render_diff"),
            "sarif": _lazy("sarif", "render_diff")}
