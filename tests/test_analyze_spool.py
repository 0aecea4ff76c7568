"""`analyze` over many policies keeps its reports on disk until it prints them (spool.py), so its
memory does not grow with the corpus; what it prints is the same as when they all fit in memory:
JSON by path with the errors first, the table in the order the files were given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policylens.running import spool

POLICIES = {
    "b-site.md": "# Privacy\n\nWe do not sell your personal information.\n",
    "a-site.md": "# Privacy\n\nWe use cookies to remember you.\n",
    "c-site.md": "# Privacy\n\nWe may share your data with advertisers.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in POLICIES.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def _args(folder: Path, fmt: str) -> list[str]:
    named = [str(folder / name) for name in POLICIES]  # b, a, c: not sorted
    return ["analyze", *named, str(folder / "missing.md"), "-f", fmt, "-j", "1"]


def test_json_lists_reports_by_path_and_the_table_in_the_order_given(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    run = cli(*_args(folder, "json"))
    assert run.code == 2  # the missing file
    payload = json.loads(run.stdout)
    assert [Path(p["path"]).name for p in payload["policies"]] == ["a-site.md", "b-site.md",
                                                                    "c-site.md"]
    assert [Path(e["path"]).name for e in payload["errors"]] == ["missing.md"]
    table = cli(*_args(folder, "table")).stdout
    assert table.index("b-site.md") < table.index("a-site.md") < table.index("c-site.md")


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_reports_spooled_to_disk_print_the_same_bytes(cli, folder: Path, fmt: str,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    in_memory = cli(*_args(folder, fmt))
    monkeypatch.setattr(spool, "BUDGET", 1)  # every report is its own run on disk
    on_disk = cli(*_args(folder, fmt))
    assert (on_disk.code, on_disk.stdout) == (in_memory.code, in_memory.stdout)
    assert in_memory.stdout


def test_practice_filter_applies_to_spooled_reports(cli, folder: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spool, "BUDGET", 1)
    payload = json.loads(cli("analyze", str(folder), "-f", "json", "-p", "data-sale").stdout)
    assert {tuple(p["practices"]) for p in payload["policies"]} == {("data-sale",)}
