"""The ``rumourx`` command: one module per subcommand, assembled in :mod:`.app`.

Exit codes: 0 success; 1 the model endpoint or the extraction failed; 2 bad input
or usage. Errors are one line on stderr; ``--debug`` adds the traceback.
"""

from rumourx.cli.app import main

__all__ = ["main"]
