"""`policylens cache info|prune|clear`: what a user sees of the result cache, and what stays on
disk after each command: the current analysis key survives prune, files that are not the cache's
survive clear, a dry run deletes nothing, and cache trouble is one line and exit 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policylens.cli import cli
from policylens.errors import EXIT_INPUT, EXIT_OK
from policylens.reading.ingest import content_hash, load_document
from policylens.running.cache import DAY, LAYOUT, ResultCache
from policylens.running.execute import AnalysisSpec

FIXTURES = Path(__file__).parent / "fixtures"
POLICIES = [FIXTURES / "plain.txt", FIXTURES / "headings.md"]
STALE = "0123456789abcdef0123456789abcdef"  # an analysis key no install of today makes


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    """The CLI with the result cache on (the test session turns it off by default)."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False,
                              env={"POLICYLENS_NO_CACHE": None, **(env or {})})


def files(folder: Path) -> dict[str, int]:
    """Every file under `folder` (relative path -> size): what is on disk."""
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def current_key() -> str:
    return AnalysisSpec.create((), "blank:en", 1).key


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache filled by a real analyze run over two small policies (made once)."""
    folder = tmp_path_factory.mktemp("filled") / "cache"
    result = run("analyze", *POLICIES, "-f", "json", "--jobs", "1", "--cache-dir", folder)
    assert result.exit_code == 0
    return folder


@pytest.fixture
def cache_dir(filled: Path, tmp_path: Path) -> Path:
    """A copy of the filled cache, plus a stale key: the same entries under another key name, as
    an earlier version of policylens would have left them."""
    folder = tmp_path / "cache"
    shutil.copytree(filled, folder)
    shutil.copytree(folder / LAYOUT / current_key(), folder / LAYOUT / STALE)
    return folder


def entries(folder: Path, key: str) -> dict[str, int]:
    return files(folder / LAYOUT / key) if (folder / LAYOUT / key).exists() else {}


# --- info ---------------------------------------------------------------------------------------


def test_info_counts_the_current_and_the_stale_entries_on_disk(cache_dir: Path) -> None:
    current, stale = entries(cache_dir, current_key()), entries(cache_dir, STALE)
    assert len(current) == len(POLICIES) == len(stale)
    result = run("cache", "info", "--cache-dir", cache_dir, "--format", "json")
    assert result.exit_code == EXIT_OK
    data = json.loads(result.stdout)
    assert data["kind"] == "cache-info" and data["folder"] == str(cache_dir) and data["exists"]
    assert data["current_key"] == current_key()
    assert data["current"] == {"entries": 2, "bytes": sum(current.values())}
    assert data["stale"] == {"keys": 1, "entries": 2, "bytes": sum(stale.values())}
    assert (data["entries"], data["bytes"]) == (4, sum(files(cache_dir).values()))
    assert [(k["key"], k["current"]) for k in data["keys"]] == sorted(
        [(current_key(), True), (STALE, False)])
    again = run("cache", "info", "--cache-dir", cache_dir, "--format", "json")
    assert again.stdout == result.stdout  # stable: no timestamps
    table = run("cache", "info", "--cache-dir", cache_dir).stdout
    assert str(cache_dir) in table and current_key() in table
    assert "total    4 entries" in table and "stale    2 entries" in table
    assert "1 older analysis key" in table and "cache prune" in table


def test_info_with_other_rules_sees_the_default_key_as_stale(cache_dir: Path,
                                                             tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("rules: []\n")
    data = json.loads(run("cache", "info", "--cache-dir", cache_dir, "--rules", extra,
                          "-f", "json").stdout)
    assert data["current_key"] != current_key()
    assert data["current"]["entries"] == 0 and data["stale"] == {
        "keys": 2, "entries": 4, "bytes": sum(files(cache_dir).values())}


def test_the_folder_comes_from_the_environment_unless_cache_dir_says_otherwise(
        cache_dir: Path, tmp_path: Path) -> None:
    env = {"POLICYLENS_CACHE_DIR": str(cache_dir)}
    assert json.loads(run("cache", "info", "-f", "json", env=env).stdout)["entries"] == 4
    other = json.loads(run("cache", "info", "-f", "json", "--cache-dir", tmp_path / "other",
                           env=env).stdout)
    assert other["folder"] == str(tmp_path / "other") and other["entries"] == 0


def test_a_missing_folder_is_an_empty_cache_not_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "never-made"
    info = run("cache", "info", "--cache-dir", missing)
    assert info.exit_code == EXIT_OK and "does not exist" in info.stdout
    assert "total    0 entries" in info.stdout
    for command in (["prune"], ["prune", "--older-than", "1"], ["clear"], ["clear", "-n"]):
        result = run("cache", *command, "--cache-dir", missing)
        assert result.exit_code == EXIT_OK and "nothing to remove" in result.stdout, command
    assert not missing.exists()


# --- prune --------------------------------------------------------------------------------------


def test_prune_removes_the_stale_key_and_keeps_the_current_one(cache_dir: Path) -> None:
    current = entries(cache_dir, current_key())
    stale_bytes = sum(entries(cache_dir, STALE).values())
    result = run("cache", "prune", "--cache-dir", cache_dir)
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines()[0] == f"removed 2 entries, {stale_bytes / 1000:.1f} kB " \
                                            f"from {cache_dir}"
    assert f"{LAYOUT}/{STALE}" in result.stdout and "stale analysis key" in result.stdout
    assert not (cache_dir / LAYOUT / STALE).exists()
    assert entries(cache_dir, current_key()) == current
    # what stays is still served: a second analyze reads every report from the cache
    cache = ResultCache(cache_dir, current_key())
    for path in POLICIES:
        assert cache.get(content_hash(path.read_bytes()), path.name) is not None


def test_a_dry_run_says_what_would_go_and_deletes_nothing(cache_dir: Path) -> None:
    before = files(cache_dir)
    for command in (["prune", "-n"], ["prune", "--dry-run", "--older-than", "0"],
                    ["clear", "--dry-run"]):
        result = run("cache", *command, "--cache-dir", cache_dir, "-f", "json")
        assert result.exit_code == EXIT_OK
        data = json.loads(result.stdout)
        assert data["dry_run"] is True and data["removed"]["entries"] >= 2, command
        assert files(cache_dir) == before, command
    text = run("cache", "prune", "--dry-run", "--cache-dir", cache_dir).stdout
    assert text.startswith("would remove 2 entries") and "would keep 2 entries" in text


def test_prune_older_than_removes_only_current_entries_not_used_for_that_long(
        cache_dir: Path) -> None:
    old, recent = sorted(entries(cache_dir, current_key()))
    long_ago = time.time() - 40 * DAY
    os.utime(cache_dir / LAYOUT / current_key() / old, (long_ago, long_ago))
    data = json.loads(run("cache", "prune", "--older-than", "30", "--cache-dir", cache_dir,
                          "-f", "json").stdout)
    assert data["removed"]["entries"] == 3 and data["kept"]["entries"] == 1  # stale 2 + old 1
    assert list(entries(cache_dir, current_key())) == [recent]


def test_a_cache_hit_counts_as_use_for_older_than(cache_dir: Path) -> None:
    key_dir = cache_dir / LAYOUT / current_key()
    long_ago = time.time() - 40 * DAY
    for name in entries(cache_dir, current_key()):
        os.utime(key_dir / name, (long_ago, long_ago))
    assert run("analyze", *POLICIES, "-f", "json", "--jobs", "1",
               "--cache-dir", cache_dir).exit_code == 0
    run("cache", "prune", "--older-than", "30", "--cache-dir", cache_dir)
    assert len(entries(cache_dir, current_key())) == 2  # both were just read: both stay


def test_prune_removes_a_stopped_runs_leftovers_but_not_a_write_in_progress(
        cache_dir: Path) -> None:
    bucket = next((cache_dir / LAYOUT / current_key()).iterdir())
    leftover, writing = bucket / ".tmp-1-aaaaaaaaaaaa", bucket / ".tmp-2-bbbbbbbbbbbb"
    leftover.write_bytes(b"x" * 10)
    writing.write_bytes(b"y" * 10)
    long_ago = time.time() - 2 * 3600
    os.utime(leftover, (long_ago, long_ago))
    run("cache", "prune", "--cache-dir", cache_dir)
    assert not leftover.exists() and writing.exists()
    assert len(entries(cache_dir, current_key())) == 3  # two entries and the write in progress


# --- clear --------------------------------------------------------------------------------------


def test_clear_removes_the_cache_and_nothing_else(cache_dir: Path) -> None:
    """A cache folder pointed at a folder of the user's: only the cache's own names go."""
    (cache_dir / "notes.txt").write_text("mine")
    (cache_dir / LAYOUT / "photos").mkdir()
    (cache_dir / LAYOUT / "photos" / "a.jpg").write_bytes(b"jpg")
    bucket = next((cache_dir / LAYOUT / STALE).iterdir())
    (bucket / "README").write_text("not an entry")
    total = sum(files(cache_dir).values()) - 4 - 3 - 12
    result = run("cache", "clear", "--cache-dir", cache_dir, "-f", "json")
    assert result.exit_code == EXIT_OK
    data = json.loads(result.stdout)
    assert data["removed"] == {"entries": 4, "bytes": total}
    assert data["kept"] == {"entries": 0, "bytes": 0}
    assert files(cache_dir) == {"notes.txt": 4, f"{LAYOUT}/photos/a.jpg": 3,
                                f"{LAYOUT}/{STALE}/{bucket.name}/README": 12}
    assert not (cache_dir / LAYOUT / current_key()).exists()


def test_clear_removes_the_layout_folder_once_empty_and_keeps_the_folder(cache_dir: Path) -> None:
    result = run("cache", "clear", "--cache-dir", cache_dir)
    assert result.stdout.startswith("removed 4 entries") and "kept 0 entries" in result.stdout
    assert cache_dir.is_dir() and list(cache_dir.iterdir()) == []


def test_links_are_never_followed(cache_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(cache_dir / LAYOUT / STALE, elsewhere)
    (cache_dir / LAYOUT / ("f" * 32)).symlink_to(elsewhere, target_is_directory=True)
    before = files(elsewhere)
    run("cache", "clear", "--cache-dir", cache_dir)
    assert files(elsewhere) == before


# --- trouble ------------------------------------------------------------------------------------


def test_an_unreadable_folder_is_one_line_and_exit_2(cache_dir: Path, refuse) -> None:
    layout = cache_dir / LAYOUT
    refuse(os, "scandir", layout)
    for command in ("info", "prune", "clear"):
        result = run("cache", command, "--cache-dir", cache_dir)
        assert result.exit_code == EXIT_INPUT, command
        assert result.stderr.splitlines() == [
            f"policylens: error: {layout}: cannot read the cache folder: Permission denied "
            "(check its permissions, or choose another folder with --cache-dir DIR)"]
        assert result.stdout == ""
    assert len(entries(cache_dir, STALE)) == 2


def test_a_folder_that_cannot_be_changed_is_one_line_and_exit_2(cache_dir: Path,
                                                                monkeypatch) -> None:
    def unlink(path, *args, **kwargs):
        raise OSError(30, "Read-only file system", os.fspath(path))

    monkeypatch.setattr(os, "unlink", unlink)
    result = run("cache", "prune", "--cache-dir", cache_dir)
    assert result.exit_code == EXIT_INPUT
    [line] = result.stderr.splitlines()
    assert line.startswith(f"policylens: error: {cache_dir / LAYOUT / STALE}/")
    assert "cannot delete from the cache folder: Read-only file system" in line


def test_a_file_given_as_the_cache_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = run("cache", "clear", "--cache-dir", tmp_path / "file")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith(f"policylens: error: {tmp_path / 'file'}: not a folder")
    assert (tmp_path / "file").read_text() == "x"


def test_files_that_vanish_or_appear_during_a_prune_are_no_error(cache_dir: Path,
                                                                 monkeypatch) -> None:
    """Another prune deletes each file just before this one does; a run writes a new entry into
    a folder just before this one removes it."""
    real_unlink, real_rmdir = os.unlink, os.rmdir
    added = []

    def unlink(path, *args, **kwargs):
        real_unlink(path)
        return real_unlink(path)  # FileNotFoundError: gone meanwhile

    def rmdir(path, *args, **kwargs):
        if not added:
            added.append(Path(path) / ("a" * 64))
            added[0].write_bytes(b"new")
        return real_rmdir(path)

    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "rmdir", rmdir)
    result = run("cache", "prune", "--cache-dir", cache_dir, "-f", "json")
    assert result.exit_code == EXIT_OK and result.stderr == ""
    assert json.loads(result.stdout)["removed"]["entries"] == 0  # another prune removed them
    assert [p for p in added if p.exists()] == added  # the new entry and its folder stay


def test_prune_while_a_run_writes_entries_breaks_neither(cache_dir: Path, analyzer) -> None:
    """A real writer thread putting reports under the stale key while prune runs repeatedly."""
    reports = [analyzer.analyze(load_document(str(p)), sha256=content_hash(p.read_bytes()))
               for p in POLICIES]
    writer = ResultCache(cache_dir, STALE, warn=lambda message: None)
    stop, problems = threading.Event(), []

    def write() -> None:
        try:
            while not stop.is_set():
                for i, report in enumerate(reports):
                    writer.put(report, f"p{i}-{writer.writes}.txt")
        except Exception as exc:  # noqa: BLE001 (a crash of the writer is what this test finds)
            problems.append(exc)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            assert run("cache", "prune", "--cache-dir", cache_dir).exit_code == EXIT_OK
    finally:
        stop.set()
        thread.join()
    assert problems == [] and writer.writes > 0
    assert len(entries(cache_dir, current_key())) == 2


# --- help and start-up --------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["info"], ["prune"], ["clear"]])
def test_help_shows_examples(command: list[str]) -> None:
    result = run("cache", *command, "--help")
    assert result.exit_code == EXIT_OK
    assert "Examples:" in result.stdout and f"policylens cache {command[0] if command else 'info'}" \
        in result.stdout


def test_cache_info_never_imports_spacy(cache_dir: Path) -> None:
    code = ("import sys\nfrom policylens.cli import cli\n"
            "try:\n    cli(['cache', 'info', '--cache-dir', sys.argv[1], '-f', 'json'])\n"
            "except SystemExit as end:\n    assert end.code == 0, end.code\n"
            "sys.stderr.write('spacy imported: %s' % ('spacy' in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code, str(cache_dir)], capture_output=True,
                          text=True, timeout=60)
    assert json.loads(done.stdout)["entries"] == 4
    assert done.stderr.endswith("spacy imported: False"), done.stderr
