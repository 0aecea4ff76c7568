"""The keyword baseline: a handful of compiled regular expressions per practice, run over every
file. It is what a quick script would do, and the yardstick that holds from one machine to the
next: `make bench` reports policylens' time as a multiple of this script's time on the same files
in the same run.

Per practice, four expressions built from the shipped rules' own trigger words (so the baseline
grows with the rule set, as policylens does): any trigger word; a negation, a hedge, and a
condition shortly before one. Each file is read, decoded and lowercased, and every expression is
searched for; the value is a crude guess (negated -> no, else mentioned -> yes).

    python benchmarks/baseline.py FILE_OR_DIR...
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Iterable
from typing import Any

NEGATION = r"(?:not|never|no|n't|neither|nor)"
HEDGE = r"(?:may|might|could|can|sometimes|occasionally)"
CONDITION = r"(?:if|unless|when|where|provided|only)"


def practice_words() -> dict[str, set[str]]:
    """The words each practice's trigger patterns list (token sets and phrases), read from the
    shipped rule files with plain PyYAML (no validation, no spaCy: a quick script's start-up)."""
    from importlib import resources

    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    words: dict[str, set[str]] = {}
    for entry in sorted(resources.files("policylens.rules").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".yaml", ".yml")):
            continue
        for rule in (yaml.load(entry.read_text("utf-8"), Loader=loader) or {}).get("rules") or []:
            bucket = words.setdefault(str(rule.get("practice")), set())
            for pattern in rule.get("patterns") or []:
                if "phrase" in pattern:
                    phrases = pattern["phrase"]
                    bucket.update(str(t).lower() for t in
                                  (phrases if isinstance(phrases, list) else [phrases]))
                for token in pattern.get("tokens") or []:
                    spec = token.get("LOWER") if isinstance(token, dict) else None
                    if isinstance(spec, str):
                        bucket.add(spec.lower())
                    elif isinstance(spec, dict) and isinstance(spec.get("IN"), list):
                        bucket.update(str(w).lower() for w in spec["IN"])
    return {p: {w for w in ws if w.strip()} for p, ws in words.items() if ws}


def compile_baseline(words: dict[str, set[str]]) -> dict[str, list[re.Pattern[str]]]:
    out = {}
    for practice, ws in sorted(words.items()):
        alt = "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
        near = r"\W+(?:\w+\W+){0,4}?" + f"(?:{alt})"
        out[practice] = [re.compile(rf"\b(?:{alt})\b"),
                         re.compile(rf"\b{NEGATION}{near}"),
                         re.compile(rf"\b{HEDGE}{near}"),
                         re.compile(rf"\b{CONDITION}{near}")]
    return out


def classify(text: str, regexes: dict[str, list[re.Pattern[str]]]) -> dict[str, str]:
    verdicts = {}
    for practice, (mention, negated, hedged, conditional) in regexes.items():
        if not mention.search(text):
            verdicts[practice] = "not-mentioned"
            continue
        hedge = hedged.search(text) is not None
        cond = conditional.search(text) is not None
        verdicts[practice] = "no" if negated.search(text) and not hedge else \
            ("yes" if hedge or not cond else "conditional")
    return verdicts


def files_of(paths: Iterable[str]) -> list[str]:
    files: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names)
                             if n.endswith((".txt", ".md", ".html", ".htm")))
        else:
            files.append(p)
    return files


def run(files: list[str], regexes: dict[str, list[re.Pattern[str]]]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for path in files:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", errors="replace").lower()
        for practice, value in classify(text, regexes).items():
            key = f"{practice}={value}"
            counts[key] = counts.get(key, 0) + 1
    return counts


def main() -> None:
    start = time.perf_counter()
    regexes = compile_baseline(practice_words())
    files = files_of(sys.argv[1:])
    counts = run(files, regexes)
    elapsed = time.perf_counter() - start
    for key in sorted(counts):
        print(f"{key}\t{counts[key]}")
    patterns = sum(len(v) for v in regexes.values())
    print(f"{len(files)} files, {len(regexes)} practices, {patterns} expressions, {elapsed:.2f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
