"""Template tags of the public site: the menu, the language switcher and absolute URLs."""

from typing import NamedTuple

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from cms.core import consent, sites
from cms.core.selectors import public_pages

register = template.Library()


class LanguageLink(NamedTuple):
    """One entry of the language switcher: `url` is None when there is nothing to link to."""

    code: str
    name: str
    url: str | None


def _request(context):
    return context.get("request")


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _site(context):
    request = _request(context)
    site = Site.find_for_request(request) if request is not None else None
    if site is None and (page := _current_page(context)) is not None:
        site = page.get_site()
    return site


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The site's home page in the active language (or the default one), or None."""
    site = _site(context)
    return site.root_page.localized if site is not None else None


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The live, public children of the localized home page that are shown in menus."""
    home = locale_home(context)
    if home is None:
        return Page.objects.none()
    return public_pages(home.get_children()).in_menu()


@register.filter
def publishable(image):
    """The image if the public may see it (consent recorded), else None: cms.core.consent."""
    return consent.publishable(image)


@register.filter
def in_section(page, item):
    """True when `page` is `item` or one of its descendants (to highlight the menu entry)."""
    if not isinstance(page, Page) or not isinstance(item, Page):
        return False
    return page.path.startswith(item.path)


def _translated_urls(context, page, absolute):
    """{language code: url} of the page's live, public translations (the page included)."""
    request = _request(context)
    urls = {}
    for translation in public_pages(page.get_translations(inclusive=True)).select_related("locale"):
        url = translation.get_full_url(request) if absolute else translation.get_url(request)
        if url:
            urls[translation.locale.language_code] = url
    return urls


def _fallback_urls(context, absolute):
    """Without a page: the same view in each language, else each language's home page."""
    request = _request(context)
    if request is None:
        return {}
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name != "wagtail_serve":
        path = request.get_full_path()
        urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
        if absolute:
            urls = {code: sites.absolute_url(url) for code, url in urls.items()}
        return urls
    site = _site(context)
    if site is None:
        return {}
    urls = {}
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for code, _name in settings.LANGUAGES:
        locale = locales.get(code)
        home = site.root_page.get_translation_or_none(locale) if locale else None
        if home is not None and home.live:
            url = home.get_full_url(request) if absolute else home.get_url(request)
            if url:
                urls[code] = url
    return urls


@register.simple_tag(takes_context=True)
def language_links(context, absolute=False):
    """Each language of settings.LANGUAGES as (code, name in that language, url or None).

    With a page in the context, the url is the page's live translation in that language;
    without one (search, 404), the same view in that language, or its home page.
    """
    page = _current_page(context)
    if page is not None:
        urls = _translated_urls(context, page, absolute)
    else:
        urls = _fallback_urls(context, absolute)
    return [
        LanguageLink(code, get_language_info(code)["name_local"], urls.get(code))
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag
def absolute_url(url):
    """`url` made absolute against BASE_URL (unchanged when already absolute)."""
    return sites.absolute_url(url)


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    """Page numbers around the current one, with the paginator's ellipsis in the gaps."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


@register.filter
def page_type_label(page):
    """The human name of a page's type, e.g. 'hero story' (for search results)."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.verbose_name


@register.simple_tag
def lang_attrs(page):
    """` lang="…" dir="…"` for a page shown inside a page of another language, else "".

    A page not translated yet is an alias in every other language: its words are still
    those of the default language (aliases are made from the default language's tree, see
    cms.core.locales), so an English card or story on /ar/ says so, and screen readers and
    the bidi algorithm read it as English.
    """
    language = content_language(page)
    if language == get_language():
        return ""
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


def content_language(page):
    """The language of `page`'s words: the default language for an alias (see lang_attrs),
    else the language being shown."""
    if isinstance(page, Page) and page.alias_of_id:
        return settings.LANGUAGE_CODE
    return get_language() or settings.LANGUAGE_CODE


@register.simple_tag
def snippet_lang_attrs(instance):
    """` lang="…" dir="…"` for a translatable snippet shown in another language's page (one
    not translated yet, shown in the language it has), else ""."""
    locale = getattr(instance, "locale", None)
    if locale is None or locale.language_code == get_language():
        return ""
    direction = "rtl" if get_language_info(locale.language_code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', locale.language_code, direction)
