"""``python -m orgmodel``: the same as the ``orgmodel`` command."""

from orgmodel.cli import main

raise SystemExit(main())
