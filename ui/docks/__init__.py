"""The panels around the canvas: analysis, outline, properties."""
