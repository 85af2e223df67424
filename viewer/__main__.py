"""``python -m viewer``: the same as the ``entente`` command."""

import sys

from viewer.cli import main

sys.exit(main())
