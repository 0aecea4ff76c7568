"""Big inputs finish, or stop at the time budget with a clear message, in bounded memory.

Generated at run time (nothing big is committed). Marked slow: `make test-slow` and CI run them.
Each prints its wall time and the worker's peak RSS (pytest -s shows them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent.parent / "corpus"
MAX_RSS_MB = 1500  # 50 MB of text in; the old one-int-per-character offsets peaked at 2.5 GB


GNU_TIME = "/usr/bin/time"


def _run(*args: str) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run policylens; (result, wall seconds, peak RSS in MB of its largest process).

    The peak comes from GNU time when it is installed: a child forked from pytest inherits
    pytest's own peak, so os.wait4 alone would report at least pytest's size."""
    command = [sys.executable, "-m", "policylens", *args]
    timed = os.path.exists(GNU_TIME)
    if timed:
        command = [GNU_TIME, "-f", "%M", *command]
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=600)
    elapsed = time.monotonic() - started
    peak_kb = 0.0
    if timed:
        lines = err.splitlines(keepends=True)
        peak_kb = float(lines.pop())
        if lines and lines[-1].startswith("Command exited with non-zero status"):
            lines.pop()  # GNU time's own line
        err = "".join(lines)
    result = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    print(f"\n{' '.join(args[:-1])} <{Path(args[-1]).name}>: {elapsed:.1f} s, "
          f"peak RSS {peak_kb / 1024:.0f} MB")
    return result, elapsed, peak_kb / 1024


def test_policy_of_50_mb(tmp_path: Path):
    text = (CORPUS / "003_31bd11473371562c.txt").read_text()
    big = tmp_path / "big.md"
    big.write_text(text * (50 * 1024 * 1024 // len(text.encode())))
    assert big.stat().st_size > 49 * 1024 * 1024
    proc, elapsed, peak_mb = _run("analyze", "-f", "json", "--timeout", "45", str(big))
    if proc.returncode == 0:
        report = json.loads(proc.stdout)["policies"][0]
        assert report["practices"]["data-sale"]["value"] != "not-mentioned"
    else:  # over the budget on a slow machine: a clear message, exit 2, nothing half written
        assert proc.returncode == 2
        assert proc.stderr == (f"policylens: error: {big}: gave up after 45 s, the time budget per "
                               "file (raise it with --timeout; 0 means no budget)\n")
        assert elapsed < 90
    assert peak_mb < MAX_RSS_MB


def test_one_line_of_5_mb(tmp_path: Path):
    line = tmp_path / "line.txt"
    sentence = "Privacy: we may sell your personal information to partners and we use cookies; "
    line.write_text((sentence * (5 * 1024 * 1024 // len(sentence)))[: 5 * 1024 * 1024])
    proc, elapsed, peak_mb = _run("analyze", "-f", "json", "--timeout", "150", str(line))
    assert proc.returncode == 0, proc.stderr  # it finishes (about 35 s here with 21 practices)
    practices = json.loads(proc.stdout)["policies"][0]["practices"]
    assert practices["data-sale"]["value"] == "yes" and practices["cookies"]["value"] == "yes"
    assert peak_mb < MAX_RSS_MB


@pytest.mark.parametrize("unit", ["[", "_", "\ufffd", "<", "*", "[](", "# ", "\\", "-"])
def test_one_line_of_a_repeated_mark(tmp_path: Path, unit: str):
    path = tmp_path / "marks.md"
    path.write_text((unit * (2 * 1024 * 1024 // len(unit.encode())))[: 2 * 1024 * 1024] + "\n")
    proc, elapsed, _ = _run("analyze", "-f", "json", "--timeout", "30", str(path))
    assert proc.returncode in (0, 2), proc.stderr
    assert "time budget" not in proc.stderr
    assert elapsed < 30
