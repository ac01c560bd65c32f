"""Validation of criteria files: the pipeline, the checks and their registry."""
