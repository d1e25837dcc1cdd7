"""Translator roles: one Wagtail group per language, scoped to that language's page tree.

A translator of French may open the admin, start the translation of a page into French
(wagtail-localize), translate its segments and save drafts in the French tree, and nowhere
else: not in the source (English) tree, not in another language's tree. Publishing is not
theirs: a translation goes through the same endorsement as the missions' drafts.

Groups are named after the language ("Translators — French") and made from the settings
(`WAGTAIL_CONTENT_LANGUAGES`), so a new language gets its translators without code.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import get_language_info
from wagtail.coreutils import get_content_languages
from wagtail.models import GroupPagePermission, Locale, Site

# What a translator may do in their own tree: create translated pages (a translation of a
# page whose parent is not translated yet creates the parent too) and edit them.
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
TRANSLATOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
)


def translator_group_name(language_code):
    """'Translators — French' for "fr" (the language's English name, stable across UIs)."""
    return f"Translators — {get_language_info(language_code)['name']}"


def translator_group(language_code):
    """The translators' group of a language, or None when it does not exist yet."""
    return Group.objects.filter(name=translator_group_name(language_code)).first()


def languages_translated_by(user):
    """The content languages whose translators' group `user` is in."""
    if not user.is_authenticated:
        return set()
    names = set(user.groups.values_list("name", flat=True))
    return {code for code in get_content_languages() if translator_group_name(code) in names}


def _translated_snippet_permissions():
    """Change and view of the snippets translators translate (settings.TRANSLATED_SNIPPETS):
    wagtail-localize's editor opens a snippet's translation for whoever may change it. Which
    copies a translator reaches is the snippet's admin's to say (its own language's only)."""
    models = [apps.get_model(label) for label in getattr(settings, "TRANSLATED_SNIPPETS", ())]
    return Permission.objects.filter(
        content_type__in=ContentType.objects.get_for_models(*models).values(),
        codename__regex=r"^(change|view)_",
    )


def _locale_home(locale):
    """The default site's home page in `locale` (the root of that language's tree), or None."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


@transaction.atomic
def ensure_translator_groups():
    """Create (or complete) one translators' group per non-default content language.

    Each group gets the admin login, wagtail-localize's "submit translation", add/change
    permissions on its language's home page, which covers that language's whole tree, and
    change on the snippets of settings.TRANSLATED_SNIPPETS. Idempotent; returns the groups
    by language code.
    """
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in TRANSLATOR_PERMISSIONS
    ]
    permissions += list(_translated_snippet_permissions())
    page_permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=TRANSLATOR_PAGE_PERMISSIONS
        )
    )
    groups = {}
    for code in get_content_languages():
        if code == settings.LANGUAGE_CODE:
            continue
        group, _created = Group.objects.get_or_create(name=translator_group_name(code))
        group.permissions.add(*permissions)
        locale = Locale.objects.filter(language_code=code).first()
        home = _locale_home(locale) if locale is not None else None
        if home is not None:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
        groups[code] = group
    return groups
