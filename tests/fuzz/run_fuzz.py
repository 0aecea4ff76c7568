"""Fuzz the whole read-and-analyse path with generated files; count crashes, hangs and broken spans.

    python tests/fuzz/run_fuzz.py                    # 10,000 inputs, seed 6 (what CI runs)
    python tests/fuzz/run_fuzz.py -n 500 --seed 7    # a quick local run

Inputs come from a fixed-seed generator: random bytes, policy-like markdown and HTML built from the
shipped rules' example sentences and markup, the same in legacy encodings, mutations of the corpus
(bit flips, splices, truncation), deep nesting and long runs of one character. Each is written to
a file and run through `runner.analyze_paths`, the code `analyze` uses, with its worker and time
budget. A crash is an internal error; a hang is a file over the budget; a broken span is a finding
whose (start, end) does not map back to its sentence in Document.text. Any of them fails the run;
the offending inputs are saved under bench-results/fuzz/ to reproduce.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

MARKS = ["# ", "## ", "### ", "**", "*", "_", "__", "> ", "- ", "* ", "1. ", "2) ", "\\", "[", "]",
         "(", ")", "](", "[link](http://x.y/z)", "`", "|", "---", "\n", "\n\n", "\r\n", "\r", "\t",
         "PRIVACY POLICY\n", "**Cookies**", "**Sale.** ", "\n1. Information We Collect\n", ":", "\u00a0",
         "\u2019", "\ufffd", "\u00c3\u00a9", "\u00e2\u20ac\u2122", "\x0c", "\x1b[31m", "\x00", "<", ">",
         "&amp;", "\u200b", "\ufeff", "\u202e", "\U0001f600", "\u0301", "\ud7ff"]
TAGS = ["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>",
        "<br>", "<b>", "</b>", "<script>", "</script>", "<style>", "</style>", "<table><tr><td>",
        "</td></tr></table>", "<!-- c -->", "<!--", "-->", "<nav>", "</nav>", "<a href='#'>", "</a>",
        "&nbsp;", "&lt;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<svg>", "<template>", "<pre>"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1",
             "cp1251", "shift_jis", "gb18030"]
UNITS = ["[", "[](", "*", "**", "_", "#", "# ", "\\", " ", "\n", "> ", "1. ", "- ", "<!--", "<", "<div>",
         "a", "A", ".", "\u00c3\u00a9", "\ufffd", "sell ", "not ", "cookies ", "\t", "\r"]


class Generator:
    def __init__(self, seed: int) -> None:
        from policylens.ruleset import load_ruleset

        self.rng = random.Random(seed)
        self.sentences = sorted({ex.text for rule in load_ruleset().rules
                                 for ex in (*rule.match_examples, *rule.no_match_examples)})
        self.corpus = [p.read_bytes() for p in sorted(CORPUS.iterdir())]

    def words(self, n: int) -> str:
        r = self.rng
        return "".join(r.choice([r.choice(self.sentences) + " ", r.choice(MARKS),
                                 "".join(chr(r.randrange(0x20, 0x3000)) for _ in range(r.randrange(8)))])
                       for _ in range(n))

    def markdown(self) -> str:
        return self.words(self.rng.randrange(1, 80))

    def html(self) -> str:
        r = self.rng
        parts = [r.choice([r.choice(TAGS), r.choice(TAGS), self.words(1)]) for _ in range(r.randrange(1, 80))]
        return r.choice(["<html><body>", "<!DOCTYPE html>", "", "<!---->" * r.randrange(50)]) + "".join(parts)

    def sample(self) -> tuple[str, bytes]:
        """(file suffix, content) of one generated input."""
        r = self.rng
        kind = r.choices(["bytes", "markdown", "html", "encoded", "mutant", "repeat", "nested"],
                         weights=[10, 30, 20, 15, 15, 6, 4])[0]
        suffix = r.choice([".txt", ".md", ".html"])
        if kind == "bytes":
            return suffix, r.randbytes(r.randrange(0, 400))
        if kind == "markdown":
            return ".md", self.markdown().encode("utf-8", "surrogatepass")
        if kind == "html":
            return ".html", self.html().encode("utf-8", "surrogatepass")
        if kind == "encoded":
            text = self.markdown() if r.random() < 0.6 else self.html()
            return suffix, text.encode(r.choice(ENCODINGS), errors="replace")
        if kind == "mutant":
            data = bytearray(r.choice(self.corpus))
            for _ in range(r.randrange(1, 20)):
                op = r.randrange(4)
                at = r.randrange(len(data) + 1)
                if op == 0 and data:
                    data[min(at, len(data) - 1)] ^= 1 << r.randrange(8)
                elif op == 1:
                    data[at:at] = r.choice(MARKS + TAGS).encode("utf-8", "surrogatepass")
                elif op == 2:
                    del data[at : at + r.randrange(200)]
                else:
                    other = r.choice(self.corpus)
                    start = r.randrange(len(other))
                    data[at:at] = other[start : start + r.randrange(500)]
            return suffix, bytes(data)
        if kind == "repeat":
            unit = r.choice(UNITS)
            return suffix, (unit * (r.randrange(1000, 60_000) // len(unit))).encode("utf-8")
        depth = r.randrange(100, 5000)
        tag = r.choice(["div", "span", "b", "ul", "li", "table", "p"])
        return ".html", (f"<{tag}>" * depth + r.choice(self.sentences) + f"</{tag}>" * depth).encode()


def _inside(letters: str, span: str) -> bool:
    """Whether the letters occur in the span in order (other characters may lie between)."""
    rest = iter(span)
    return all(ch in rest for ch in letters)


def check_spans(path: Path, report: object) -> str | None:
    """Why a report's findings do not map back into Document.text, or None. The reader decodes
    HTML entities left in markdown ("&lt;" is "<" in the evidence) and writes a table's cell
    borders and `<br>` as "; ", so the span is compared decoded, with those as ";"."""
    import html
    import re
    from types import SimpleNamespace

    from policylens.reading.ingest import load_document

    document = load_document(str(path), path.read_bytes())
    for found in report.findings:  # type: ignore[attr-defined]
        span = re.sub(r"\||<br\s*/?>", ";", html.unescape(document.text[found.start : found.end]), flags=re.I)
        # (the evidence may be decoded already: decoding it again would read "&section", which
        # the text wrote as "&amp;section", as "§ion"; so it fits as it is, or decoded)
        readings = [found.sentence.replace("|", ";"), html.unescape(found.sentence).replace("|", ";")]
        f = SimpleNamespace(start=found.start, end=found.end, line=found.line, sentence=readings[0])
        if not span or not any(span[0] == r[0] and span[-1] == r[-1] for r in readings):
            return f"span {f.start}:{f.end} {span[:40]!r} is not sentence {f.sentence[:40]!r}"
        if not any(_inside(r.replace(" ", ""), span) for r in readings):
            return f"sentence {f.sentence[:40]!r} is not inside span {span[:40]!r}"
        if f.line != document.line_of(f.start):
            return f"line {f.line} != {document.line_of(f.start)}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--timeout", type=float, default=20.0, help="time budget per input (s)")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--save", default=str(ROOT / "bench-results" / "fuzz"))
    args = parser.parse_args(argv)

    from policylens.running.execute import Analysis, AnalysisSpec, Execution
    from policylens.running.runner import INTERNAL, LIMIT, Failure, Limits, analyze_paths

    gen = Generator(args.seed)
    limits = Limits(max_bytes=2_000_000, timeout=args.timeout)
    # One worker process under the time budget, no result cache: every input really analysed.
    analysis = Analysis(AnalysisSpec.create((), "blank:en", limits.max_bytes), Execution(jobs=1))
    counts = {"report": 0, "input error": 0, "crash": 0, "hang": 0, "bad span": 0}
    problems: list[tuple[str, bytes, str]] = []
    slowest = (0.0, "")
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="policylens-fuzz-"))
    try:
        done = 0
        while done < args.examples:
            size = min(args.batch, args.examples - done)
            paths = []
            for i in range(size):
                suffix, data = gen.sample()
                path = work / f"in-{done + i:06d}{suffix}"
                path.write_bytes(data)
                paths.append(path)
            ticks = time.monotonic()
            for path, item in zip(paths, analyze_paths([str(p) for p in paths], analysis, limits),
                                  strict=True):
                now = time.monotonic()
                if now - ticks > slowest[0]:
                    slowest = (now - ticks, path.name)
                ticks = now
                if isinstance(item, Failure):
                    kind = {INTERNAL: "crash", LIMIT: "hang" if "time budget" in item.message
                            else "input error"}.get(item.kind, "input error")
                    counts[kind] += 1
                    if kind in ("crash", "hang"):
                        problems.append((path.name, path.read_bytes(), item.message))
                    continue
                why = check_spans(path, item)
                if why:
                    counts["bad span"] += 1
                    problems.append((path.name, path.read_bytes(), why))
                else:
                    counts["report"] += 1
            for path in paths:
                path.unlink()
            done += size
            print(f"fuzz: {done}/{args.examples} inputs, {time.monotonic() - started:.0f} s, {counts}",
                  file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if problems:
        save = Path(args.save)
        save.mkdir(parents=True, exist_ok=True)
        for name, data, why in problems:
            (save / name).write_bytes(data)
            print(f"fuzz: {save / name}: {why}", file=sys.stderr)
    elapsed = time.monotonic() - started
    print(f"fuzz: seed {args.seed}, {elapsed:.0f} s, slowest input {slowest[0]:.2f} s; "
          f"{counts['report']} reports, {counts['input error']} input errors, {counts['crash']} crashes, "
          f"{counts['hang']} hangs, {counts['bad span']} bad spans")
    failed = counts["crash"] + counts["hang"] + counts["bad span"]
    print(f"fuzz: {args.examples - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
