"""Evaluation against gold annotations: scorers that compare a layer's output with gold data."""
