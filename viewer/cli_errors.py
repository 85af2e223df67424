"""The command line's own error: a command called with arguments it cannot use (exit code 2), and the exit code of
one Ctrl-C ended. Apart from :mod:`viewer.cli`, so that the modules it calls (:mod:`viewer.cli_engine`,
:mod:`viewer.cli_write`) and its entry point (:mod:`viewer.start`) use them without importing the command line."""

from __future__ import annotations


class UsageError(Exception):
    """A command was called with arguments it cannot use (exit code 2)."""


INTERRUPTED = 130  # the exit code of a command Ctrl-C ended (128 + SIGINT, as a shell reports it)
