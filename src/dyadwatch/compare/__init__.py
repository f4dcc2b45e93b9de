"""Comparison of how different documents reported the same words (statements.py)."""
