"""What the person edits: the Document (model, undo stack, live analysis), its undo
commands, the Qt signals that mirror model events, the selection, and autosave."""
