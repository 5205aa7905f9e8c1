"""Run OrgModel from a checkout: ``python main.py [FILE | COMMAND ...]`` (same as ``orgmodel``)."""

from ui.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
