"""Canvas items: dumb drawings with setters in; they know nothing of the model or commands."""
