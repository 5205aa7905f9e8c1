"""Bundled resources: sample models."""
