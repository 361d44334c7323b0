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


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"timeout": -1}, "timeout must be a finite number greater than 0, got -1"),
        ({"timeout": float("nan")}, "timeout must be a finite number greater than 0, got nan"),
        (
            {"requests_per_minute": float("inf")},
            "requests_per_minute must be a finite number greater than 0, got inf",
        ),
        ({"max_attempts": 0}, "max_attempts must be a whole number from 1 to 10, got 0"),
        ({"temperature": 3}, "temperature must be a finite number from 0 to 2, got 3"),
        ({"strategy": "magic"}, "strategy must be one of 'llm', 'rules', 'hybrid' or 'ensemble', got 'magic'"),
        ({"base_url": "nope"}, "base_url must be an http:// or https:// URL, got 'nope'"),
        ({"colour": "red"}, "colour is not a setting"),
    ],
)
def test_validation_errors_explain_the_setting_and_its_range(
    values: dict[str, object], message: str
) -> None:
    from rumourx.core.settings import explain

    with pytest.raises(ValidationError) as caught:
        Settings(**values)  # type: ignore[arg-type]
    assert explain(caught.value) == message


def test_environment_values_are_checked_with_the_variable_named() -> None:
    from rumourx import ConfigurationError

    with pytest.raises(ConfigurationError, match=r"^RUMOURX_STRATEGY must be one of"):
        Settings().resolved({"RUMOURX_STRATEGY": "bogus"})
    with pytest.raises(ConfigurationError, match=r"^OPENAI_BASE_URL must be an http"):
        Settings().resolved({"OPENAI_BASE_URL": "not a url"})


def test_the_endpoint_variables_are_not_needed_or_checked_for_the_rules() -> None:
    bad = {"OPENAI_BASE_URL": "not a url"}
    assert Settings(strategy="rules").resolved(bad).base_url is None
    assert Settings().resolved({**bad, "RUMOURX_STRATEGY": "rules"}).effective_strategy == "rules"
