"""The Open Graph locale of each content language, from the settings alone."""

import pytest

from cms.core.locales import og_locale


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "en_GB"),  # OG_LOCALES: Facebook has no en_EN
        ("fr", "fr_FR"),
        ("es", "es_ES"),
        ("ar", "ar_AR"),
        ("pt", "pt_PT"),  # a language the settings don't name yet
        ("pt-br", "pt_BR"),
    ],
)
def test_each_content_language_has_facebooks_locale(language, expected):
    assert og_locale(language) == expected
