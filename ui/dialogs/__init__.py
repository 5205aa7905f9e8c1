"""Dialogs with options of their own: export settings, import column mapping, work to recover."""
