"""ISO-4217 currency codes in circulation."""

__all__ = ["ISO_4217", "currency_or_none"]

ISO_4217: frozenset[str] = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
    BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP
    ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
    IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
    LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
    NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
    SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
    USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
    """.split()
)


_SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD", "EURO": "EUR", "EUROS": "EUR", "POUNDS": "GBP"}


def currency_or_none(value: str | None) -> str | None:
    """An ISO-4217 code for ``value`` ("£", "eur", "GBP"), or None if unknown."""
    if not value:
        return None
    code = value.strip().upper()
    code = _SYMBOLS.get(code, code)
    return code if code in ISO_4217 else None
