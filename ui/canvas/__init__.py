"""The diagram: scene, view, items, legend, and rendering for export."""
