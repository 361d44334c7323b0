"""Core data types, errors, settings and interfaces.

Nothing in ``rumourx.core`` imports a provider, a strategy, instructor or openai:
import-linter enforces it (see ``pyproject.toml``).
"""
