"""spaCy imported without `spacy.cli` (spacy_import.py) is still the whole of spaCy for anyone
who asks for more: the stand-ins are gone after the import, `import spacy.cli` gives the real
package and `spacy.info` the real answer. Each case runs in a fresh interpreter, since the test
session has imported spaCy already."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120)


def test_analysis_imports_no_spacy_cli_and_leaves_no_stand_in() -> None:
    done = _run("""
        import sys
        from policylens.nlp import get_nlp
        doc = get_nlp()("We never sell your data. We share it with processors.")
        assert len(list(doc.sents)) == 2
        assert "spacy.cli" not in sys.modules and "spacy.cli.info" not in sys.modules
        assert not any(name.startswith(("weasel", "typer", "httpx")) for name in sys.modules)
        print("ok")
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_spacy_cli_and_info_still_work_after_it() -> None:
    done = _run("""
        from policylens.spacy_import import import_spacy
        spacy = import_spacy()
        import spacy.cli
        from spacy.cli.info import info
        assert callable(spacy.cli.download)
        found = spacy.info(silent=True)
        assert found == info(silent=True) and found["spacy_version"] == spacy.__version__
        print("ok")
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_an_already_imported_spacy_is_returned_as_it_is() -> None:
    done = _run("""
        import sys
        import spacy
        import spacy.cli
        from policylens.spacy_import import import_spacy
        assert import_spacy() is spacy and sys.modules["spacy.cli"] is spacy.cli
        print("ok")
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
