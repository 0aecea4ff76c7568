"""Command line: options, choice of renderer, exit codes. No NLP here; heavy imports are lazy."""

from __future__ import annotations

import sys
from typing import Any

import click

from policylens import __version__
from policylens.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    PolicylensError,
    Terminated,
    interrupt,
    raise_if_stopped,
    terminate,
)

EXIT_CODES_HELP = """\b
Exit codes:
  0  done; nothing at the gate
  1  the gate tripped (a regression, --fail-on hit, a rule example failed)
  2  usage, input or configuration error (also: some input files could not be read)
  3  internal error (rerun with --debug for the traceback)
  130  interrupted (Ctrl-C), 143 terminated (SIGTERM); no output file is left

\b
Commands that read many files try every file (a bad one never stops the run),
report each failure on stderr as 'policylens: error: FILE: what went wrong',
and exit 2 if any failed (3 if policylens itself failed on one);
--fail-fast stops at the first. Guards per file: --max-bytes, --timeout."""


def _err(message: str) -> None:
    click.echo(f"policylens: {message}", err=True)


class _Group(click.Group):
    """Turns every expected error into one line on stderr and a documented exit code. Commands
    are imported when they are named (COMMANDS): `analyze` does not import compare's, diff's or
    timeline's modules, and `--help` imports them all to list them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            from importlib import import_module

            module, name = COMMANDS[cmd_name].split(":")
            self.add_command(getattr(import_module(module), name), cmd_name)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                raise_if_stopped()  # (a Ctrl-C or SIGTERM whose exception was dropped: 130, 143)
        except PolicylensError as exc:
            for line in exc.lines():
                _err(f"error: {line}")
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Terminated:
            _err("terminated")
            ctx.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:
            _err("interrupted")
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            _quiet_broken_pipe()
            ctx.exit(EXIT_OK)
        except Exception as exc:  # a bug: never a traceback unless asked
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _err(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)")
            ctx.exit(EXIT_INTERNAL)


def _quiet_broken_pipe() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


@click.group(cls=_Group, epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policylens")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """policylens: find what a privacy policy says about selling data, cookies, children,
    ads, sharing and mergers, with the sentence that decides each answer.

    \b
    Examples:
      policylens analyze corpus/                     # every policy in a folder
      policylens analyze policy.html --format json   # machine output
      echo "We do not sell your data." | policylens analyze -
      policylens compare corpus/ -o report.html      # heatmap of policies by practices
      policylens diff old.md new.md                  # exit 1 when a practice got worse
      policylens diff --git origin/main..HEAD privacy.md --format github
      policylens timeline revisions/                 # site@YYYY-MM-DD.md, oldest first
      policylens eval labelled/                       # accuracy against labelled/labels.yaml
      policylens cache info                          # what the result cache holds; prune, clear
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


# Each subcommand lives in its own module, imported when the command is run (_Group); add one
# line here to register a new one: its name on the command line, then module:function.
COMMANDS = {
    "analyze": "policylens.commands.analyze:analyze",
    "eval": "policylens.commands.evaluate:evaluate",
    "compare": "policylens.commands.compare:compare",
    "diff": "policylens.commands.diff:diff",
    "timeline": "policylens.commands.timeline:timeline",
    "rules": "policylens.commands.rules:rules",
    "explain": "policylens.commands.explain:explain",
    "cache": "policylens.commands.cache:cache",
}


def _on_sigterm(signum: int, frame: object) -> None:
    terminate()


def _on_sigint(signum: int, frame: object) -> None:
    interrupt()


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # (not SIG_IGN: nohup, &)
        signal.signal(signal.SIGINT, _on_sigint)
    if sys.stdout is None:  # started with stdout closed: a clear error if anything is printed
        from policylens.output import ClosedStdout

        sys.stdout = ClosedStdout()
    try:
        cli(prog_name="policylens")
    except BrokenPipeError:
        _quiet_broken_pipe()
        sys.exit(EXIT_OK)
    except Terminated:
        _err("terminated")
        sys.exit(EXIT_TERMINATED)
    except KeyboardInterrupt:  # outside a command (while parsing options): still no traceback
        _err("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except PolicylensError as exc:  # outside a command: --help or --version with stdout closed
        for line in exc.lines():
            _err(f"error: {line}")
        sys.exit(exc.exit_code)


def run() -> None:
    """The `policylens` command (and `python -m policylens`): `main`, then an exit that skips
    tearing the interpreter down. Freeing spaCy's and the rules' objects one by one costs about
    0.15 s of CPU after an analysis; the operating system frees the process at once. What an
    ordinary exit would still do is done first: the atexit handlers (worker processes, cache
    files) and flushing stdout and stderr. With another thread still running (a Dask client),
    the ordinary exit waits for it."""
    _one_math_thread()
    try:
        main()
        code: Any = EXIT_OK
    except SystemExit as exc:
        code = exc.code
    _leave(code)


# the thread pools of numpy's linear-algebra libraries (OpenBLAS, MKL, OpenMP)
MATH_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


def _one_math_thread() -> None:
    """One linear-algebra thread per process, unless the user set otherwise. numpy (imported with
    spaCy) starts OpenBLAS with a thread per core, which spin while the language model's few
    small products run: about 0.1 s of CPU in a cold start, and a pool in every worker on a
    machine of many cores, where `--jobs` already uses them all."""
    import os

    for name in MATH_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def _leave(code: Any) -> None:
    import atexit
    import os
    import threading

    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    others = [t for t in threading.enumerate()
              if t is not threading.current_thread() and not t.daemon]
    if run_exit_functions is None or others:
        sys.exit(code)
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):  # what sys.exit does with a message
        _write_err(f"{code}\n")
        code = 1
    run_exit_functions()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            _quiet_broken_pipe()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _write_err(text: str) -> None:
    try:
        sys.stderr.write(text)
    except (OSError, ValueError, AttributeError):
        pass
