"""``python -m rumourx``."""

import sys

from rumourx.cli import main

sys.exit(main())
