"""SARIF 2.1.0 for code-scanning views: one rule per practice, one result per practice change,
located at the new evidence. Deterministic: no timestamps, sorted keys."""

from __future__ import annotations

import hashlib
from typing import Any, TextIO

from policylens import __version__
from policylens.practices import load_practices
from policylens.render.github import level, line_of, message
from policylens.render.json_out import dumps
from policylens.reports.diff import Diff

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "notice": "note"}


def sarif_log(diff: Diff) -> dict[str, Any]:
    practices = list(load_practices().values())
    index = {p.id: k for k, p in enumerate(practices)}
    rules = [{
        "id": p.id,
        # a readable name that differs from the id, as SARIF asks (3.49.7): what a result means
        "name": "".join(w.capitalize() for w in p.id.split("-")) + "Changed",
        "shortDescription": {"text": p.title},
        "fullDescription": {"text": p.question},
        "defaultConfiguration": {"level": "error" if p.risk else "note"},
        "properties": {"risk": list(p.risk), "values": list(p.values)},
    } for p in practices]
    results = []
    for change in diff.changes:
        pid = change.practice.id
        what = f"{diff.file}|{pid}|{change.old.value}|{change.new.value}"
        if change.attributes:  # (an attribute change of an equal value must not collide)
            what += f"|{change.describe_attributes()}"
        fingerprint = hashlib.sha256(what.encode()).hexdigest()
        results.append({
            "ruleId": pid,
            "ruleIndex": index.get(pid, -1),
            "level": _LEVELS[level(change)],
            "message": {"text": message(change)},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": diff.file.replace("\\", "/")},
                "region": {"startLine": line_of(change)},
            }}],
            "partialFingerprints": {"policylensChange/v1": fingerprint},
            "properties": {"old": change.old.value, "new": change.new.value,
                           "direction": change.direction, "regression": change.regression,
                           "attributes": [a.to_dict() for a in change.attributes]},
        })
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "policylens", "version": __version__,
                                "semanticVersion": __version__, "rules": rules}},
            "results": results,
            # how each text was read: a non-English or degraded capture is not compared as a policy
            "properties": {label: {"path": report.path, "language": report.metadata.language,
                                   "degraded": report.metadata.degraded}
                           for label, report in (("old", diff.old), ("new", diff.new))},
        }],
    }


def render_diff(diff: Diff, out: TextIO) -> None:
    out.write(dumps(sarif_log(diff)))
