"""Regular expressions compiled once per install (running/expressions.py): a later process gets
the very patterns Python's own compiler makes; a corrupt or foreign file only means compiling
again."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from policylens.running import expressions
from policylens.running.expressions import kept_compiled

EXPRESSIONS = [
    r"\b(?:sell|rent)s?\s+(?P<what>your\s+(?:personal\s+)?(?:data|information))\b",
    r"(?<![a-z])opt[- ]?out(?:\s+of)?\b",
    r"^\d{1,3}(?:,\d{3})*\s+days?$",
    r"(['\"])(?:(?!\1).)*\1",
    r"[^\W\d_]+(?=\.)",
]
FLAGS = [re.I, 0, re.M, re.S, re.I | re.X]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("POLICYLENS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(expressions, "_state",
                        {"depth": 0, "table": None, "added": False, "original": None})
    yield tmp_path


def _later_process() -> None:
    """What a new process starts from: nothing remembered but the kept file."""
    expressions._state.update(table=None, added=False)


def _compiled() -> list[re.Pattern[str]]:
    re.purge()
    with kept_compiled():
        return [re.compile(e, f) for e, f in zip(EXPRESSIONS, FLAGS, strict=True)]


def _same_as_python(patterns: list[re.Pattern[str]]) -> None:
    re.purge()
    for got, source, flags in zip(patterns, EXPRESSIONS, FLAGS, strict=True):
        want = re.compile(source, flags)
        assert got == want  # the same pattern, flags and compiled code
        assert (got.groups, got.groupindex) == (want.groups, want.groupindex)
        text = "We never sell your personal data. Opt-out of 'it' now. 120 days"
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]


def _kept(cache: Path) -> list[Path]:
    return sorted((cache / "models").glob("expressions-*.json"))


def test_a_later_process_gets_the_same_patterns_from_the_kept_file(cache: Path) -> None:
    _same_as_python(_compiled())
    assert len(_kept(cache)) == 1
    _later_process()
    original = expressions._compiler().compile  # type: ignore[union-attr]

    def not_again(*args: object) -> object:
        raise AssertionError("compiled again")

    expressions._compiler().compile = not_again  # type: ignore[union-attr]
    try:
        patterns = _compiled()
    finally:
        expressions._compiler().compile = original  # type: ignore[union-attr]
    _same_as_python(patterns)


def test_re_compiles_as_usual_outside_the_block(cache: Path) -> None:
    module = expressions._compiler()
    assert module is not None
    before = module.compile
    _compiled()
    assert module.compile is before


@pytest.mark.parametrize("content", [b"not json{", b"[1, 2]", b'{"x": 3}'])
def test_a_corrupt_file_is_compiled_again_and_replaced(cache: Path, content: bytes) -> None:
    _compiled()
    (path,) = _kept(cache)
    path.write_bytes(content)
    _later_process()
    _same_as_python(_compiled())
    assert path.read_bytes() != content


def test_an_entry_with_invalid_code_is_compiled_again(cache: Path) -> None:
    _compiled()
    (path,) = _kept(cache)
    import orjson

    table = orjson.loads(path.read_bytes())
    for entry in table.values():
        entry[1] = [99999, 1, 2, 3]  # code the engine refuses
    path.write_bytes(orjson.dumps(table))
    _later_process()
    _same_as_python(_compiled())


def test_an_invalid_expression_still_raises(cache: Path) -> None:
    re.purge()
    with kept_compiled(), pytest.raises(re.error):
        re.compile(r"(unclosed")
