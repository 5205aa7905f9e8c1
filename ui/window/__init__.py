"""The main window and the flows it runs: import and export, safety prompts."""
