"""``python -m fitness``: see :mod:`fitness.cli`."""

import sys

from fitness.cli import main

sys.exit(main())
