import time

import pytest

from rumourx import ArticleTimeout, RumourxError
from rumourx.core.deadline import Deadline
from tests.cpu import burn


def test_an_unlimited_deadline_never_passes() -> None:
    deadline = Deadline.unlimited()
    burn(0.02)
    deadline.check("anything")
    assert deadline.remaining() is None


def test_a_spent_budget_raises_the_typed_error_naming_the_stage() -> None:
    deadline = Deadline(0.01)
    burn(0.03)
    with pytest.raises(ArticleTimeout, match="while finishing") as caught:
        deadline.check("finishing")
    assert isinstance(caught.value, RumourxError)
    assert caught.value.budget == 0.01
    assert caught.value.stage == "finishing"


def test_time_spent_paused_is_not_counted() -> None:
    deadline = Deadline(0.05)
    with deadline.paused():
        burn(0.1)  # what other work the thread did while a model was awaited
    deadline.check("after a slow model call")
    remaining = deadline.remaining()
    assert remaining is not None and remaining > 0


def test_the_clock_is_the_thread_s_work_not_the_wall_clock() -> None:
    deadline = Deadline(0.05)
    time.sleep(0.1)  # waiting (a loaded machine, a lock) is not work on the article
    deadline.check("after waiting")
