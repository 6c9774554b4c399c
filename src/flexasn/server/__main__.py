"""``python -m flexasn.server``: run the web service (see `flexasn.server.main`)."""

from __future__ import annotations

from . import main

raise SystemExit(main())
