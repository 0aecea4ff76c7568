"""Renderers: one function per format, all with the same signature (reports, failures, out)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from policylens.models import Report

SCHEMA_VERSION = 1

Renderer = Callable[[list[Report], list, TextIO], None]


def analyze_renderers() -> dict[str, Renderer]:
    from policylens.render import json_out, table

    return {"table": table.render_reports, "json": json_out.render_reports}
