"""Generate the benchmark corpus: variants of the policies bundled in the repository.

Every variant is built from the bundled corpus (corpus/*.txt) and the test fixtures by one of
three recipes, chosen in turn: a policy with its sections shuffled, two or three policies
concatenated, and a policy made of sections drawn from several policies. Each file gets its own
archive header (a distinct site name), so no two files share their bytes. The random generator
is seeded: the same command writes the same files on every machine.

    python benchmarks/corpus.py OUT_DIR --count 2000 [--seed 1] [--parts 2]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpus").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "revisions").glob("*.md"))
_HEADER = re.compile(r"^> \*The following text is extracted.*?\n", re.S)
_HEADING = re.compile(r"^(?:#{1,6} |\*\*[^*\n]{1,80}\*\*\s*$)", re.M)


def sections(text: str) -> list[str]:
    """A policy's body cut at its headings (markdown or bold lines); the archive header dropped."""
    body = _HEADER.sub("", text, count=1).strip("\n")
    starts = [m.start() for m in _HEADING.finditer(body)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    cuts = starts + [len(body)]
    parts = [body[a:b].strip("\n") for a, b in zip(cuts, cuts[1:], strict=False)]
    parts = [p for p in parts if p.strip()]
    if len(parts) < 3:  # few headings: cut at paragraphs instead
        parts = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    return parts


def header(index: int, rng: random.Random) -> str:
    site = f"site{index:06d}.example"
    date = f"{rng.randint(2005, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return (f"> *The following text is extracted and transformed from the {site} privacy policy "
            f"that was archived on {date}. Please check the [original snapshot on the Wayback "
            f"Machine](https://web.archive.org/web/{date.replace('-', '')}000000id_/http%3A//{site}/"
            f"privacy) for the most accurate reproduction.*\n\n")


def variant(index: int, seeds: list[list[str]], rng: random.Random) -> str:
    recipe = index % 3
    if recipe == 0:  # one policy, sections shuffled
        parts = list(rng.choice(seeds))
        rng.shuffle(parts)
    elif recipe == 1:  # two or three policies back to back
        parts = [p for seed in rng.sample(seeds, rng.randint(2, 3)) for p in seed]
    else:  # sections drawn from several policies
        pool = [p for seed in seeds for p in seed]
        parts = rng.sample(pool, min(len(pool), rng.randint(8, 30)))
    return header(index, rng) + "\n\n".join(parts) + "\n"


def generate(out: Path, count: int, seed: int = 1, parts: int = 1) -> tuple[int, int]:
    """Write `count` variants into `out` (replacing it), in `parts` sub-folders part1, part2...
    of equal size when parts > 1; returns (files, bytes)."""
    rng = random.Random(seed)
    seeds = [sections(p.read_text("utf-8")) for p in SEEDS]
    if out.exists():
        shutil.rmtree(out)
    folders = [out / f"part{k + 1}" for k in range(parts)] if parts > 1 else [out]
    for folder in folders:
        folder.mkdir(parents=True)
    total = 0
    for i in range(count):
        data = variant(i, seeds, rng).encode("utf-8")
        (folders[i * parts // count] / f"v{i:06d}.md").write_bytes(data)
        total += len(data)
    return count, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--parts", type=int, default=1, help="split into this many sub-folders")
    args = parser.parse_args()
    files, size = generate(args.out, args.count, args.seed, args.parts)
    print(f"{files} policies, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
