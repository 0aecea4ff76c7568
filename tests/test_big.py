"""Big inputs finish, or stop at the time budget with a clear message, in bounded memory.

Generated at run time (nothing big is committed). Marked slow: `make test-slow` and CI run them.
Each prints its wall time and the worker's peak RSS (pytest -s shows them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent.parent / "corpus"
MAX_RSS_MB = 1500  # 50 MB of text in; the old one-int-per-character offsets peaked at 2.5 GB


def _run(*args: str) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run policylens; (result, wall seconds, peak RSS in MB of its largest process)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "policylens", *args], stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # usage covers the worker it waited for
        elapsed = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(proc.args, proc.returncode, out.read().decode(),
                                             err.read().decode())
    peak_mb = usage.ru_maxrss / 1024
    print(f"\n{' '.join(args[:-1])} <{Path(args[-1]).name}>: {elapsed:.1f} s, peak RSS {peak_mb:.0f} MB")
    return result, elapsed, peak_mb


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
    proc, elapsed, peak_mb = _run("analyze", "-f", "json", str(line))
    assert proc.returncode == 0, proc.stderr
    practices = json.loads(proc.stdout)["policies"][0]["practices"]
    assert practices["data-sale"]["value"] == "yes" and practices["cookies"]["value"] == "yes"
    assert elapsed < 60 and peak_mb < MAX_RSS_MB


@pytest.mark.parametrize("unit", ["[", "_", "\ufffd", "<", "*", "[](", "# ", "\\", "-"])
def test_one_line_of_a_repeated_mark(tmp_path: Path, unit: str):
    path = tmp_path / "marks.md"
    path.write_text((unit * (2 * 1024 * 1024 // len(unit.encode())))[: 2 * 1024 * 1024] + "\n")
    proc, elapsed, _ = _run("analyze", "-f", "json", "--timeout", "30", str(path))
    assert proc.returncode in (0, 2), proc.stderr
    assert "time budget" not in proc.stderr
    assert elapsed < 30
