"""``python -m lineage``: parse arguments and run a command (see :mod:`lineage.cli`)."""

import sys

from lineage.cli import main

if __name__ == "__main__":
    sys.exit(main())
