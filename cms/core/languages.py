"""The languages people speak, beyond the site's four: codes, names and writing direction.

A migrant's testimony is in the language they speak (Somali, Tigrinya, Pashto, Tagalog …),
rarely one of the site's languages, so a recording's language is any language CLDR names
(through Babel), stored as its BCP 47 tag ("so", "ti", "fa-AF"): what HTML's `lang` and a
caption track's `srclang` take. Names are given in the reader's (or editor's) language, and
the direction of the script for `dir`.
"""

import functools
import re

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language, to_locale

#: CLDR's codes that name no language.
NOT_LANGUAGES = {"und", "zxx"}
_TAG = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]{2,4})?")


def _babel_locale(language):
    try:
        return Locale.parse(to_locale(language or settings.LANGUAGE_CODE))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(to_locale(settings.LANGUAGE_CODE))


@functools.cache
def _choices_in(language):
    names = _babel_locale(language).languages
    site = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    others = sorted(
        (
            (code.replace("_", "-"), capfirst(name))
            for code, name in names.items()
            if _TAG.fullmatch(code) and code not in NOT_LANGUAGES and code not in site
        ),
        key=lambda choice: choice[1].casefold(),
    )
    return [(code, capfirst(names.get(code, code))) for code in site] + others


def language_choices():
    """(BCP 47 tag, name) of every language, the site's first, named in the active language."""
    return _choices_in(get_language() or settings.LANGUAGE_CODE)


def language_name(tag, *, language=None):
    """The name of the language `tag` in `language` (the active one by default)."""
    names = _babel_locale(language or get_language()).languages
    return capfirst(names.get(tag.replace("-", "_"), tag))


def text_direction(tag):
    """ "rtl" or "ltr" for the script `tag` is written in; "auto" when CLDR does not say."""
    try:
        return Locale.parse(tag.replace("-", "_")).text_direction
    except (UnknownLocaleError, ValueError):
        return "auto"


def primary_language(tag):
    """ "fa" for "fa-AF": what two tags must share to be the same language."""
    return (tag or "").split("-", 1)[0].lower()
