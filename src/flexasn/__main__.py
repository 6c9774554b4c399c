"""``python -m flexasn``: the ``flexasn`` command ([`flexasn.cli.main`][flexasn.cli.main])."""

import sys

from flexasn.cli import main

if __name__ == "__main__":  # pragma: no cover - run as a program (tested in a subprocess)
    sys.exit(main())
