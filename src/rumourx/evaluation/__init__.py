"""Evaluation against gold labels, scored as the corpus README defines."""
