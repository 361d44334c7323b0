"""Extraction strategies: ``rules``, ``llm`` and ``hybrid``, behind one interface."""
