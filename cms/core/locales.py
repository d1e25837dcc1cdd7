"""The content languages, from settings to database: one Locale each, trees kept in step.

`WAGTAIL_CONTENT_LANGUAGES` (with `LANGUAGES` and the catalogs in `locale/`) is the only
place a language is declared. `sync_locales()` turns it into what Wagtail and
wagtail-localize need: a `Locale` per language and, for every language but the default, a
wagtail-localize "synchronise from" setting pointing at the default locale. wagtail-localize
then keeps every tree the same shape: a page that is not translated yet exists in each
locale as an alias of its source, and becomes a real page when a translator translates it.

Idempotent: a second call creates nothing.
"""

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree


def default_locale():
    """The Locale of LANGUAGE_CODE, created if missing."""
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return locale


@transaction.atomic
def sync_locales():
    """Create the missing locales and align every tree with the default one.

    Returns the language codes of the locales created by this call.
    """
    source = default_locale()
    created = []
    for code in get_content_languages():
        if code == source.language_code:
            continue
        locale, is_new = Locale.objects.get_or_create(language_code=code)
        if is_new:
            created.append(code)
        # Saving a new synchronisation makes wagtail-localize copy the tree into the locale.
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
    sync_trees()
    return created


def sync_trees():
    """Give every synchronised locale an alias of each source page it does not have yet.

    Pages made in the admin get their aliases at once (wagtail-localize's after_create_page
    hook); this catches the ones made in code, such as the demo's.
    """
    synchronizations = LocaleSynchronization.objects.select_related("locale", "sync_from")
    page_index = None
    for synchronization in synchronizations:
        if page_index is None:
            page_index = PageIndex.from_database().sort_by_tree_position()
        synchronize_tree(synchronization.sync_from, synchronization.locale, page_index=page_index)


def og_locale(language_code):
    """The Open Graph locale of a content language, as Facebook spells it (ll_CC).

    OG_LOCALES names the exceptions (en: en_GB); a code with a region gives it (pt-br:
    pt_BR); else the language's own country (fr: fr_FR, pt: pt_PT, ar: ar_AR, Facebook's
    code for Arabic). A new language in WAGTAIL_CONTENT_LANGUAGES needs nothing more.
    """
    configured = getattr(settings, "OG_LOCALES", {})
    if language_code in configured:
        return configured[language_code]
    language, _dash, region = language_code.replace("_", "-").partition("-")
    return f"{language.lower()}_{(region or language).upper()}"
