"""The campaign in four languages: an English tree synchronised into fr, es and ar.

`synced_tree` is what a fresh site looks like once `sync_locales()` ran: the English pages,
and in every other locale an alias of each of them, waiting to be translated.
"""

from types import SimpleNamespace

import pytest
from wagtail.models import Locale

from cms.core.locales import sync_locales
from cms.core.roles import ensure_translator_groups
from tests.factories import (
    CalendarPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    UserFactory,
)


@pytest.fixture
def english_tree(home_page, mission_index, mission_hub):
    return SimpleNamespace(
        home=home_page,
        stories=HeroIndexPageFactory(parent=home_page, slug="stories"),
        calendar=CalendarPageFactory(parent=home_page, slug="calendar"),
        missions=mission_index,
        hub=mission_hub,
        story=HeroStoryPageFactory(
            parent=mission_hub,
            hero_name="Amina Yusuf",
            slug="amina-yusuf",
            headline="The sewing circle that became a cooperative",
            intro="Amina started teaching three neighbours to sew in her living room.",
        ),
    )


@pytest.fixture
def synced_tree(english_tree):
    """The English tree, with fr, es and ar locales synchronised from it (aliases)."""
    sync_locales()
    english_tree.locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return english_tree


@pytest.fixture
def translator_of(synced_tree):
    """translator_of("fr"): a new user in the French translators' group."""
    groups = ensure_translator_groups()

    def make(language_code):
        user = UserFactory()
        user.groups.add(groups[language_code])
        return user

    return make


@pytest.fixture
def mcd_admin(db):
    """Headquarters' publisher (a superuser until the moderation roles exist)."""
    return UserFactory(superuser=True)
