"""``python -m viewer``: the same as the ``entente`` command."""

import sys

from viewer.start import main

sys.exit(main())
