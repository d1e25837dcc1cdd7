"""Query parameters shared by the campaign routers, and their 4xx problem responses.

A bad value raises a Pydantic validation error located at the parameter, which Wagtail's
v3 exception handlers turn into an RFC 7807 ``application/problem+json`` 422 response whose
``errors`` say which parameter was wrong and why.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django_countries import countries
from ninja import Field, Schema
from wagtail.api.v3.errors import as_validation_error
from wagtail.models import Locale

from heroes import selectors

#: The `locale` parameter of every campaign listing: the content languages of the settings.
LOCALE_DESCRIPTION = "Language code ({codes}); default {default}.".format(
    codes=", ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES),
    default=settings.LANGUAGE_CODE,
)


class LocaleFilter(Schema):
    """The `locale` parameter alone: what a listing with no other filter takes."""

    locale: str | None = Field(None, description=LOCALE_DESCRIPTION)


class BadParameter(ValueError):
    pass


def bad_parameter(name, message):
    """A 422 problem naming the query parameter `name`."""
    return as_validation_error(BadParameter(message), message, loc=("query", name))


def get_locale(code):
    """The Locale of `code` (the default locale when empty), or a 422 naming `locale`."""
    if not code:
        return Locale.get_default()
    try:
        return Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        known = ", ".join(sorted(Locale.objects.values_list("language_code", flat=True)))
        raise bad_parameter(
            "locale",
            _("Unknown locale %(code)r; use one of: %(known)s.")
            % {
                "code": code,
                "known": known,
            },
        ) from None


def check_country(code):
    """`code` upper-cased if it is an ISO 3166 country code, else a 422 naming `country`."""
    if not code:
        return ""
    code = code.upper()
    if code not in countries:
        raise bad_parameter(
            "country", _("%(code)r is not an ISO 3166 country code (e.g. KE).") % {"code": code}
        )
    return code


def get_mission(mission_id, *, locale=None):
    """The live, public mission hub `mission_id`, or a 422 naming `mission`."""
    if mission_id is None:
        return None
    hubs = selectors.public_missions()
    if locale is not None:
        hubs = hubs.filter(locale=locale)
    hub = hubs.filter(pk=mission_id).first()
    if hub is None:
        raise bad_parameter(
            "mission", _("No live mission hub has the id %(id)s.") % {"id": mission_id}
        )
    return hub
