#!/usr/bin/env python3
"""Run the diff machinery on every consecutive pair of recorded revisions in a git repository of
policy histories (Open Terms Archive's layout: `Service/Privacy Policy.md`, one commit per
recorded change), and say how long each diff took and what it found.

    .venv/bin/python scripts/history_run.py /tmp/ota-histories [--cache-dir DIR] [--json out.json]

Every revision is analysed once (result cache on, worker processes), then each pair is diffed in
a forked child under --pair-timeout, so a diff that hangs is counted, not waited for. Reported:
the slowest pair and the total diff time, the pairs with a core-practice change, the A -> B -> A
flip-flops of core practices, and the degraded captures found (skipped: the previous good
revision is compared with the next good one) and the revisions that return to an earlier
capture's text (compared with it), when the installed policylens knows how.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from policylens.models import Report
from policylens.practices import load_practices
from policylens.reports.diff import diff_reports
from policylens.running.cache import ResultCache, default_cache_dir
from policylens.running.execute import Analysis, AnalysisSpec, Execution
from policylens.running.runner import Failure, Limits

try:  # the history helpers (degraded captures, alternating variants); absent in older versions
    from policylens.reports.history import comparison_bases, good_revisions
except ImportError:  # pragma: no cover - before the history helpers existed
    comparison_bases = good_revisions = None


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True,
                          text=True).stdout


def export_revisions(repo: Path, out: Path) -> dict[str, list[Path]]:
    """Each service's revisions of its privacy policy as files, oldest first."""
    services: dict[str, list[Path]] = {}
    for folder in sorted(p for p in repo.iterdir() if p.is_dir() and not p.name.startswith(".")):
        policy = folder / "Privacy Policy.md"
        if not policy.exists():
            continue
        rel = policy.relative_to(repo).as_posix()
        log = _git(repo, "log", "--follow", "--format=%H %cs", "--", rel).split("\n")
        commits = [line.split() for line in log if line.strip()][::-1]
        files = []
        for k, (commit, date) in enumerate(commits):
            target = out / folder.name / f"{k:04d}@{date}.md"
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                blob = subprocess.run(["git", "-C", str(repo), "show", f"{commit}:{rel}"],
                                      capture_output=True, check=False).stdout
                target.write_bytes(blob)
            files.append(target)
        services[folder.name] = files
    return services


def _timed_diff(old: Report, new: Report, conn: Any) -> None:
    start = time.perf_counter()
    diff = diff_reports(old, new)
    aligned = getattr(diff, "aligned", True)
    conn.send((time.perf_counter() - start, aligned))


def timed_diff(old: Report, new: Report, limit: float) -> tuple[float | None, bool]:
    """Seconds the diff took (None: over the limit, killed) and whether sections were aligned."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_timed_diff, args=(old, new, child))
    proc.start()
    child.close()
    if parent.poll(limit):
        seconds, aligned = parent.recv()
        proc.join()
        return seconds, aligned
    proc.kill()
    proc.join()
    return None, True


def flip_flops(values: list[str], bases: list[int | None]) -> int:
    """A -> B -> A patterns: a revision whose value differs from the one it is compared with,
    and a later revision compared with it that goes back (in sequence: values[k-1] == values[k+1]
    != values[k])."""
    count = 0
    for k, base in enumerate(bases):
        if base is None or values[k] == values[base]:
            continue
        count += any(b == k and values[n] == values[base] for n, b in enumerate(bases))
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--cache-dir", default=default_cache_dir())
    parser.add_argument("--export", type=Path, default=Path(tempfile.gettempdir()) / "policylens-history")
    parser.add_argument("--pair-timeout", type=float, default=60.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write every pair's figures here")
    args = parser.parse_args()

    services = export_revisions(args.repo, args.export)
    spec = AnalysisSpec.create((), "blank:en", 50 * 1024 * 1024)
    cache = ResultCache(args.cache_dir, spec.key)
    analysis = Analysis(spec, Execution(jobs=args.jobs, cache=cache if cache.usable() else None))
    core = [pid for pid, p in load_practices().items() if p.core]
    files = [str(f) for names in services.values() for f in names]
    start = time.perf_counter()
    reports: dict[str, Report] = {}
    for item in analysis.run(files, Limits(timeout=120)):
        if isinstance(item, Failure):
            print(f"error: {item.path}: {item.message}", file=sys.stderr)
        else:
            reports[item.path] = item
    analysed = time.perf_counter() - start
    pairs: list[dict[str, Any]] = []
    totals = {"pairs": 0, "core_change": 0, "flip_flops": 0, "degraded": 0, "returned": 0,
              "not_aligned": 0, "over_limit": 0, "diff_seconds": 0.0}
    for service, names in services.items():
        revisions = [reports[str(f)] for f in names if str(f) in reports]
        if good_revisions is not None:
            kept, degraded = good_revisions(revisions)
            totals["degraded"] += len(degraded)
            for report, why in degraded:
                print(f"degraded: {report.path}: {why}")
        else:
            kept = revisions
        bases: list[int | None] = comparison_bases(kept) if comparison_bases is not None \
            else [None] + list(range(len(kept) - 1))
        totals["returned"] += sum(1 for k, b in enumerate(bases) if b is not None and b != k - 1)
        for practice in core:
            values = [r.practices[practice].value if practice in r.practices else "not-mentioned"
                      for r in kept]
            totals["flip_flops"] += flip_flops(values, bases)
        for k, base in enumerate(bases):
            if base is None:
                continue
            old, new = kept[base], kept[k]
            seconds, aligned = timed_diff(old, new, args.pair_timeout)
            changed = sorted(p for p in core if old.practices[p].value != new.practices[p].value)
            pairs.append({"service": service, "old": old.path, "new": new.path, "seconds": seconds,
                          "aligned": aligned, "core_changes": changed,
                          "values": {p: [old.practices[p].value, new.practices[p].value]
                                     for p in changed}})
            totals["pairs"] += 1
            totals["core_change"] += bool(changed)
            totals["not_aligned"] += not aligned
            if seconds is None:
                totals["over_limit"] += 1
                totals["diff_seconds"] += args.pair_timeout
                print(f"over {args.pair_timeout:g} s: {old.path} -> {new.path}", flush=True)
            else:
                totals["diff_seconds"] += seconds
    timed = [p for p in pairs if p["seconds"] is not None]
    slowest = max(timed, key=lambda p: p["seconds"], default=None)
    print(f"services {len(services)}, revisions {len(reports)} (analysed in {analysed:.1f} s)")
    print(json.dumps(totals, indent=1))
    if slowest:
        print(f"slowest pair: {slowest['seconds']:.2f} s {slowest['old']} -> {slowest['new']}")
    print(f"whole run: {time.perf_counter() - start:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({"totals": totals, "pairs": pairs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
