"""Views of a report for people: the HTML evidence page and terminal output.

``rumourx.views`` depends only on :mod:`rumourx.core`, so that
:meth:`rumourx.RumourReport.to_html` can use it. The terminal view
(:mod:`rumourx.views.terminal`, which needs ``rich``) is imported on its own.
"""

from rumourx.views.evidence import evidence_page

__all__ = ["evidence_page"]
