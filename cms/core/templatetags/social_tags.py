"""Open Graph and Twitter/X card tags, in the language Facebook's crawler asks for.

Facebook scrapes a shared link once per reader language, adding ``fb_locale=fr_FR`` to the
URL (and an ``X-Facebook-Locale`` header). The same URL then answers with the tags of the
page's live translation in that language, so one shared link previews in each reader's
language; ``og:url`` stays the shared page's canonical URL, as Facebook requires.
"""

from django import template
from django.conf import settings
from django.utils import translation

from cms.core.api_fields import SHARE_RENDITION
from cms.core.locales import og_locale
from cms.core.models import CampaignSettings
from cms.core.selectors import public_pages
from cms.core.sites import absolute_url

register = template.Library()


def requested_locale(request):
    """The fb_locale (or X-Facebook-Locale) of a crawler's request, e.g. 'fr_FR', or ''."""
    if request is None:
        return ""
    value = request.GET.get("fb_locale") or request.headers.get("X-Facebook-Locale") or ""
    return value.strip()[:16]


def _shown_page(page, request):
    """The page whose tags answer: its live translation in the requested locale, if any."""
    wanted = requested_locale(request)
    if not wanted:
        return page, og_locale(page.locale.language_code)
    language = wanted.replace("-", "_").split("_")[0].lower()
    if language == page.locale.language_code:
        return page, wanted
    translated = (
        public_pages(page.get_translations()).filter(locale__language_code=language).first()
    )
    if translated is None:
        return page, og_locale(page.locale.language_code)
    return translated.specific, wanted


@register.inclusion_tag("includes/social_meta_tags.html", takes_context=True)
def social_meta(context, page):
    request = context.get("request")
    shown, locale = _shown_page(page, request)
    alternates = [
        og_locale(code)
        for code in public_pages(page.get_translations(inclusive=True))
        .values_list("locale__language_code", flat=True)
        .order_by("locale__language_code")
    ]
    image = rendition = None
    if hasattr(shown, "get_social_image"):
        image = shown.get_social_image()
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
    with translation.override(shown.locale.language_code):
        description = shown.search_description or (
            shown.get_social_text() if hasattr(shown, "get_social_text") else ""
        )
    twitter_handle = CampaignSettings.load(request_or_site=request).twitter_handle
    # A page type with an oEmbed answer says where it is (cms.core names no app's route).
    oembed_url = page.get_oembed_url() if hasattr(page, "get_oembed_url") else ""
    return {
        "title": shown.seo_title or shown.title,
        "description": description,
        "url": page.get_full_url(request),
        "type": getattr(shown, "og_type", "website"),
        "locale": locale,
        "alternates": [code for code in alternates if code != locale],
        "image_url": absolute_url(rendition.url) if rendition else "",
        "image": rendition,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "facebook_app_id": getattr(settings, "FACEBOOK_APP_ID", ""),
        "twitter_site": twitter_handle,
        "oembed_url": oembed_url,
    }
