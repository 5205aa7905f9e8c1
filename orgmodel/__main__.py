"""``python -m orgmodel``: the same as the ``orgmodel`` command."""

from .cli import main

raise SystemExit(main())
