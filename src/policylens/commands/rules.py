"""`policylens rules`: the toolkit for rule authors (list, validate, test)."""

from __future__ import annotations

import sys

import click

from policylens.commands.common import err, practice_ids
from policylens.errors import EXIT_GATE, EXIT_INPUT, EXIT_OK


@click.group()
def rules() -> None:
    """List, validate and test rules: the shipped ones, or rule files of your own.

    \b
    Examples:
      policylens rules list
      policylens rules validate my-rules/
      policylens rules test my-rules/ --rule my-cookie-rule
    """


@rules.command(name="list")
@click.option("--rules", "rule_dirs", multiple=True, metavar="PATH",
              help="Extra rule file or folder, on top of the shipped rules (repeatable).")
@click.option("--practice", "-p", "practices", multiple=True, metavar="ID",
              help="Only these practices (repeatable; 'core' for the core six).")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def list_rules(rule_dirs: tuple[str, ...], practices: tuple[str, ...], fmt: str) -> None:
    """Practices and their rules, with counts of examples (match / no_match / todo).

    \b
    Examples:
      policylens rules list
      policylens rules list -p cookies --rules my-rules/ --format json
    """
    from policylens.render import rules_out
    from policylens.ruleset import catalogue

    entries = catalogue(list(rule_dirs))
    wanted = practice_ids(practices) if practices else None
    rules_out.render_list(entries, wanted, fmt, sys.stdout)
    sys.exit(EXIT_OK)


@rules.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "github"]),
              default="text", show_default=True,
              help="text: file:line:col: message (hint); github: workflow annotations.")
@click.option("--strict", is_flag=True, help="Warnings (a rule without examples) fail too.")
def validate(paths: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check rule files and report every problem as file:line:col: message (hint).

    With no PATH, checks the shipped rules. PATH files are checked together with the shipped
    rules, so a duplicate id or a `disable:` entry that names no rule is found too.
    Exit 0 when there is no error, 2 otherwise.

    \b
    Examples:
      policylens rules validate
      policylens rules validate my-rules/ --format github
    """
    from policylens.render import rules_out
    from policylens.ruleset import validate_paths

    result = validate_paths(list(paths))
    rules_out.render_problems(result, fmt, sys.stdout)
    errors = [p for p in result.problems if p.severity == "error" or strict]
    warnings = len(result.problems) - len([p for p in result.problems if p.severity == "error"])
    err(f"{result.files} rule file(s), {result.rules} rule(s): "
        f"{len([p for p in result.problems if p.severity == 'error'])} error(s), "
        f"{warnings} warning(s)")
    sys.exit(EXIT_INPUT if errors else EXIT_OK)


@rules.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option("--rule", "rule_ids", multiple=True, metavar="ID", help="Only this rule (repeatable).")
@click.option("--practice", "-p", "practices", multiple=True, metavar="ID",
              help="Only the rules of this practice (repeatable).")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--verbose", "-v", is_flag=True, help="Also list the examples that pass.")
@click.option("--model", default="blank:en", show_default=True, metavar="NAME",
              help="spaCy pipeline for sentences.")
def test(paths: tuple[str, ...], rule_ids: tuple[str, ...], practices: tuple[str, ...], fmt: str,
         verbose: bool, model: str) -> None:
    """Run every rule's examples through the whole pipeline (sections, sentences, polarity).

    A `match` example must give a finding of its rule (with the value, polarity and attributes
    it states); a `no_match` example must give none. `todo` examples are known misses: reported,
    never failed. With no PATH, tests the shipped rules; with PATH, the rules in those files
    (loaded on top of the shipped ones). Exit 1 when an example fails, 2 when a rule file has
    errors.

    \b
    Examples:
      policylens rules test
      policylens rules test my-rules/ -v
      policylens rules test --rule cookies-use
    """
    from policylens.engine import Analyzer
    from policylens.errors import UsageError
    from policylens.render import rules_out
    from policylens.ruleset import display_names, load_ruleset
    from policylens.ruletest import run_rule_examples

    ruleset = load_ruleset(list(paths))
    chosen = list(ruleset.rules)
    if paths:
        files = display_names(list(paths))
        chosen = [r for r in chosen if r.source in files]
    if rule_ids:
        known = {r.id for r in ruleset.rules}
        unknown = [i for i in rule_ids if i not in known]
        if unknown:
            raise UsageError(f"no rule {unknown[0]!r}", hint="see 'policylens rules list'")
        chosen = [r for r in chosen if r.id in rule_ids]
    if practices:
        wanted = set(practice_ids(practices))
        chosen = [r for r in chosen if r.practice in wanted]
    results = list(run_rule_examples(Analyzer(ruleset, model), chosen))
    rules_out.render_tests(results, fmt, verbose, sys.stdout)
    failed = [r for r in results if not r.passed and r.kind != "todo"]
    sys.exit(EXIT_GATE if failed else EXIT_OK)
