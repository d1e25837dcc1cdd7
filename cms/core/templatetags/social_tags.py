"""Open Graph and Twitter/X card tags, in the language Facebook's crawler asks for.

Facebook scrapes a shared link once per reader language, adding ``fb_locale=fr_FR`` to the
URL (and an ``X-Facebook-Locale`` header). The same URL then answers with the tags of the
page's live translation in that language, so one shared link previews in each reader's
language; ``og:url`` stays the shared page's canonical URL, as Facebook requires.
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator

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


#: Text fields a page's summary is read from when it has no share text (in this order).
SUMMARY_FIELDS = ("intro", "description", "banner_text")
#: Characters of a summary in og:description.
SUMMARY_LENGTH = 300


def _summary(page):
    """The page's description: its search description, share text, or the first of its texts."""
    own = page.search_description or (
        page.get_social_text() if hasattr(page, "get_social_text") else ""
    )
    if own:
        return own
    for name in SUMMARY_FIELDS:
        text = " ".join(strip_tags(str(getattr(page, name, "") or "")).split())
        if text:
            return Truncator(text).chars(SUMMARY_LENGTH)
    return ""


def _share_image(page):
    return page.get_social_image() if hasattr(page, "get_social_image") else None


def _home_of(page):
    """The home page of the page's site in the page's language: whose share image and summary
    every page without its own falls back to (the campaign banner and its words)."""
    site = page.get_site()
    if site is None:
        return None
    home = site.root_page
    if home.locale_id != page.locale_id:
        home = home.get_translation_or_none(page.locale) or home
    return home.specific if home.pk != page.pk else None


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
    rendition = None
    with translation.override(shown.locale.language_code):
        image = _share_image(shown)
        description = _summary(shown)
        if image is None or not description:
            home = _home_of(shown)
            if home is not None:
                image = image or _share_image(home)
                description = description or _summary(home)
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
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
