import time

import pytest

from rumourx import ArticleTimeout, RumourxError
from rumourx.core.deadline import Deadline


def test_an_unlimited_deadline_never_passes() -> None:
    deadline = Deadline.unlimited()
    time.sleep(0.01)
    deadline.check("anything")
    assert deadline.remaining() is None


def test_a_spent_budget_raises_the_typed_error_naming_the_stage() -> None:
    deadline = Deadline(0.01)
    time.sleep(0.03)
    with pytest.raises(ArticleTimeout, match="while finishing") as caught:
        deadline.check("finishing")
    assert isinstance(caught.value, RumourxError)
    assert caught.value.budget == 0.01
    assert caught.value.stage == "finishing"


def test_time_spent_paused_is_not_counted() -> None:
    deadline = Deadline(0.05)
    with deadline.paused():
        time.sleep(0.1)
    deadline.check("after a slow model call")  # the 0.1 s wait was not the article's work
    remaining = deadline.remaining()
    assert remaining is not None and remaining > 0
