"""Import spaCy without its command-line package.

`spacy/__init__.py` imports `spacy.cli` for one name (`spacy.info`), and with it weasel, typer,
httpx and some 350 other modules: about 0.2 s of CPU in every process that analyses a policy,
none of it used (policylens builds a blank pipeline and matchers). So while spaCy's package is
first imported, `spacy.cli` and `spacy.cli.info` are stand-ins; they are taken out right after,
so a later `import spacy.cli` (a user's code, a named model) gets the real package, and
`spacy.info` imports the real function when called. If the stand-ins do not fit the installed
spaCy (a release importing more of `spacy.cli`), spaCy is imported the ordinary way.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The spaCy package, imported without `spacy.cli` if it was not imported yet."""
    if "spacy" not in sys.modules:
        cli = types.ModuleType("spacy.cli")
        info = types.ModuleType("spacy.cli.info")
        info.info = _info  # type: ignore[attr-defined]
        cli.info = info  # type: ignore[attr-defined]
        sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
        try:
            import spacy  # noqa: F401
        except Exception:  # noqa: BLE001 - a spaCy the stand-ins do not fit: the ordinary way
            pass
        finally:
            for name, module in zip(_STAND_INS, (cli, info), strict=True):
                if sys.modules.get(name) is module:
                    del sys.modules[name]
    import spacy

    return spacy
