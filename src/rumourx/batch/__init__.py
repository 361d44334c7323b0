"""Batch extraction: bounded concurrency, streaming outcomes, cache, cost, resume."""
