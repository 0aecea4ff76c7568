"""Stable JSON: sorted keys, no timestamps, a schema version; two runs are byte-identical."""

from __future__ import annotations

import json
from typing import Any, TextIO

from policylens import __version__
from policylens.models import Report
from policylens.render import SCHEMA_VERSION


def dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def envelope(**fields: Any) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "tool": {"name": "policylens", "version": __version__},
            **fields}


def render_reports(reports: list[Report], failures: list, out: TextIO) -> None:
    payload = envelope(
        policies=[r.to_dict() for r in sorted(reports, key=lambda r: r.path)],
        errors=[f.to_dict() for f in sorted(failures, key=lambda f: f.path)],
    )
    out.write(dumps(payload))
