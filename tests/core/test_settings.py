import pickle

import pytest
from pydantic import SecretStr, ValidationError

from rumourx import Settings


def test_explicit_values_win_over_the_environment() -> None:
    env = {
        "OPENAI_API_KEY": "sk-env",
        "OPENAI_BASE_URL": "http://env:1/v1",
        "RUMOURX_MODEL": "m-env",
    }
    settings = Settings(api_key=SecretStr("sk-arg"), base_url="http://arg:2/v1", model="m-arg")
    resolved = settings.resolved(env)
    assert resolved.api_key is not None and resolved.api_key.get_secret_value() == "sk-arg"
    assert (resolved.base_url, resolved.model) == ("http://arg:2/v1", "m-arg")


def test_environment_fills_what_is_unset() -> None:
    resolved = Settings().resolved(
        {"OPENAI_API_KEY": "sk-env", "OPENAI_BASE_URL": "http://env:1/v1/", "RUMOURX_MODEL": "m"}
    )
    assert resolved.base_url == "http://env:1/v1"
    assert resolved.model == "m"
    assert resolved.effective_strategy == "ensemble"


def test_without_an_endpoint_the_default_is_rules_and_the_local_model() -> None:
    resolved = Settings().resolved({})
    assert resolved.effective_strategy == "rules"
    assert resolved.model == "smollm2-135m-instruct"
    assert not resolved.has_endpoint


def test_the_key_never_shows_and_settings_pickle() -> None:
    settings = Settings(api_key=SecretStr("sk-secret-value-123"), model="m")
    assert "sk-secret-value-123" not in repr(settings)
    assert "sk-secret-value-123" not in str(settings)
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_settings_are_frozen_and_checked() -> None:
    settings = Settings()
    with pytest.raises(ValidationError):
        settings.model = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Settings(base_url="ftp://nope")
    with pytest.raises(ValidationError):
        Settings(strategy="magic")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Settings(max_attempts=0)
