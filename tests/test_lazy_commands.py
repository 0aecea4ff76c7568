"""Commands and renderers are imported when they are used: each registered name is the command's
own, `--help` still lists every command, and `analyze -f json` of one policy imports neither
the other commands nor the table's or the reader view's renderers (nor rich)."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

from click.testing import CliRunner

from policylens.cli import COMMANDS, cli

POLICY = Path(__file__).parent.parent / "corpus" / "003_31bd11473371562c.txt"


def test_each_registered_name_is_the_commands_own() -> None:
    for name, spec in COMMANDS.items():
        module, attribute = spec.split(":")
        assert getattr(import_module(module), attribute).name == name


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = result.output.split("Commands:")[1].split()
    assert set(COMMANDS) <= set(listed)


def test_analyze_json_imports_only_what_it_uses(tmp_path: Path) -> None:
    script = ("import sys\n"
              "from policylens.cli import main\n"
              f"sys.argv = ['policylens', 'analyze', {str(POLICY)!r}, '-f', 'json', '--no-cache',"
              f" '-o', {str(tmp_path / 'out.json')!r}]\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              "print('\\n'.join(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    loaded = set(done.stdout.split())
    assert "policylens.commands.analyze" in loaded and "policylens.render.json_out" in loaded
    assert (tmp_path / "out.json").stat().st_size > 0
    unused = {"rich", "policylens.render.table", "policylens.render.reader_html",
              "policylens.commands.compare", "policylens.commands.diff",
              "policylens.commands.timeline", "policylens.reports.diff", "dask"}
    assert not unused & loaded
