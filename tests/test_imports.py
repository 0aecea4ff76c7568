"""Every module imports on its own, first: a command that loads a module before the engine (as
`policylens explain` loads the decision functions) must not meet a circular import."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import pytest

import policylens

MODULES = sorted(m.name for m in pkgutil.walk_packages(policylens.__path__, "policylens.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_module_imports_first(name: str) -> None:
    loaded = {k: v for k, v in sys.modules.items() if k == "policylens" or k.startswith("policylens.")}
    for k in loaded:
        del sys.modules[k]
    try:
        importlib.import_module(name)
    finally:
        for k in [k for k in sys.modules if k == "policylens" or k.startswith("policylens.")]:
            del sys.modules[k]
        sys.modules.update(loaded)
