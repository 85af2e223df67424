"""A reader run in a process of its own: a damaged or hostile file can stop, loop in or fill the memory of the
process that reads it, so readers in C (ReadStat) or of formats built to be complex (PDF) run apart, and only
what they read comes back. In the bundle the binary itself is the child, told so by an environment variable
(``packaging/launcher.py``); from the sources, ``python -c`` calls the module's ``child_main``."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def command(module: str, child_env: str, args: list[str]) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run ``module.child_main`` with ``args``.

    Not multiprocessing: its spawn runs the caller's script again where that has no ``__main__`` guard.
    """
    env = dict(os.environ)
    if getattr(sys, "frozen", False):  # the bundle's binary is the child (packaging/launcher.py)
        env[child_env] = "1"
        return [sys.executable, *args], env
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(__file__).parents[2]), env.get("PYTHONPATH")) if p)
    return [sys.executable, "-c", f"from {module} import child_main; child_main()", *args], env
