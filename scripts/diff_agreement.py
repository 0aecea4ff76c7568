#!/usr/bin/env python3
"""Does `policylens diff` agree with the labels? For each pair of revisions of a site in a
labelled folder (site@YYYY-MM-DD.md files and labels.yaml), compare the practice changes diff
reports with the difference of the two revisions' labels, and the exit code diff would give
with the one the risk order gives for the labels.

A disagreement is a *verdict error* when analyze got one of the two revisions' values wrong
(diff can only be as right as the verdicts), and a *diff error* when both verdicts match their
labels and diff still disagrees (a fault in diff itself; expected: none).

    .venv/bin/python scripts/diff_agreement.py ../shared/devset/revisions
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from policylens.commands.common import analyzer_factory
from policylens.evaluate import load_labels
from policylens.models import PracticeVerdict
from policylens.practices import load_practices
from policylens.reports.diff import diff_reports, direction
from policylens.running.runner import Failure, analyze_paths


def pairs_of(labels: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    by_site: dict[str, list[str]] = {}
    for name in sorted(labels):
        by_site.setdefault(name.split("@", 1)[0], []).append(name)
    return [(a, b) for names in by_site.values() for a, b in zip(names, names[1:], strict=False)]


def main(directory: str) -> int:
    labels = load_labels(directory)
    practices = load_practices()
    reports = {}
    for item in analyze_paths([str(Path(directory) / n) for n in sorted(labels)],
                              analyzer_factory((), "blank:en")):
        if isinstance(item, Failure):
            print(f"error: {item.path}: {item.message}", file=sys.stderr)
            return 2
        reports[Path(item.path).name] = item
    pairs = pairs_of(labels)
    agree = exit_agree = checked = right = verdict_errors = diff_errors = 0
    for old, new in pairs:
        labelled = sorted(set(labels[old]) & set(labels[new]) & set(practices))
        diff = diff_reports(reports[old], reports[new], fail_on=labelled)
        got = {c.practice.id: (c.old.value, c.new.value) for c in diff.changes
               if c.practice.id in labelled and c.value_changed}
        want = {p: (labels[old][p], labels[new][p]) for p in labelled
                if labels[old][p] != labels[new][p]}
        want_regression = any(direction(practices[p], a, b) == "worse" for p, (a, b) in want.items())
        ok = got == want
        agree += ok
        exit_agree += diff.regression == want_regression
        print(f"{'agree   ' if ok else 'DISAGREE'} {old} -> {new}: labels {want or '{}'}; diff {got or '{}'}"
              f"; exit {1 if diff.regression else 0} (labels say {1 if want_regression else 0})")
        for p in labelled:
            checked += 1
            if got.get(p) == want.get(p):
                right += 1
                continue
            wrong = [f"{n} {p}: labelled {labels[n][p]}, verdict {reports[n].practices[p].value}"
                     for n in (old, new) if reports[n].practices[p].value != labels[n][p]]
            if wrong:
                verdict_errors += 1
                print("    verdict error: " + "; ".join(wrong))
            else:
                diff_errors += 1
                print(f"    DIFF ERROR: {p}: verdicts match the labels but diff says {got.get(p)}")
    print(f"\npairs whose practice changes agree with the labels: {agree}/{len(pairs)}")
    print(f"practice-pairs agreeing: {right}/{checked} "
          f"(disagreements: {verdict_errors} from verdict errors, {diff_errors} from diff itself)")
    print(f"exit code follows the risk order of the labels: {exit_agree}/{len(pairs)}")
    # The same pairs with the labels standing in for the verdicts: what diff's own logic gives
    # when the rules are right.
    oracle = oracle_exit = 0
    for old, new in pairs:
        labelled = sorted(set(labels[old]) & set(labels[new]) & set(practices))
        a, b = (replace(reports[n], practices={p: PracticeVerdict(p, labels[n][p]) for p in labelled})
                for n in (old, new))
        diff = diff_reports(a, b, practices={p: practices[p] for p in labelled})
        want = {p: (labels[old][p], labels[new][p]) for p in labelled if labels[old][p] != labels[new][p]}
        oracle += {c.practice.id: (c.old.value, c.new.value) for c in diff.changes
                   if c.value_changed} == want
        oracle_exit += diff.regression == any(direction(practices[p], x, y) == "worse"
                                              for p, (x, y) in want.items())
    print(f"with the labels as verdicts: {oracle}/{len(pairs)} pairs agree, "
          f"exit code right for {oracle_exit}/{len(pairs)}")
    return 0 if diff_errors == 0 and oracle == len(pairs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/devset/revisions"))
