"""``python -m postparse``: the same program as the ``postparse`` command."""

import sys

from .cli import main

sys.exit(main())
