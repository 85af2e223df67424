"""The command line's own error: a command called with arguments it cannot use (exit code 2). Apart from
:mod:`viewer.cli`, so that the modules it calls (:mod:`viewer.cli_engine`, :mod:`viewer.cli_write`) raise it without
importing the command line back."""

from __future__ import annotations


class UsageError(Exception):
    """A command was called with arguments it cannot use (exit code 2)."""
