import rumourx

EXPECTED = {
    "Article",
    "BatchError",
    "BatchOutcome",
    "ReportCache",
    "aextract_many",
    "extract_many",
    "ConfigurationError",
    "Evidence",
    "ExtractionError",
    "Extractor",
    "Fee",
    "InputError",
    "ModelRequest",
    "ModelResponse",
    "OutputError",
    "ProviderError",
    "ProviderTimeoutError",
    "RumourReport",
    "RumourxError",
    "Settings",
    "Status",
    "StructuredModel",
    "TransferRumour",
    "TransferType",
    "Usage",
    "__version__",
    "aextract",
    "extract",
    "normalise_club",
    "normalise_outlet",
    "parse_fee",
}


def test_public_api_is_pinned() -> None:
    assert set(rumourx.__all__) == EXPECTED


def test_every_public_name_resolves() -> None:
    for name in rumourx.__all__:
        assert getattr(rumourx, name) is not None


def test_errors_share_one_root_and_input_errors_are_value_errors() -> None:
    for error in (
        rumourx.ConfigurationError,
        rumourx.InputError,
        rumourx.ProviderError,
        rumourx.ProviderTimeoutError,
        rumourx.ExtractionError,
    ):
        assert issubclass(error, rumourx.RumourxError)
    assert issubclass(rumourx.InputError, ValueError)
    assert issubclass(rumourx.ProviderTimeoutError, rumourx.ProviderError)
