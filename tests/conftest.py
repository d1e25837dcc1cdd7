"""What every test stands on: a clean cache, no skip in CI, PostgreSQL-only tests, a site.

Content is built with the factories of tests/factories.py; the fixtures here only set up
what Wagtail needs around it (the site and its home page) and a mission to write in.
"""

import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.core.locales import sync_locales
from tests.factories import (
    CalendarPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    HomePageFactory,
    LocaleFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
)

pytest_plugins = ["pytester", "tests.plugins.no_skips", "tests.plugins.postgres_only"]


@pytest.fixture(autouse=True, scope="session")
def _remove_uploaded_media():
    """The test settings upload to a temporary directory of their own: remove it at the end."""
    yield
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.parent == Path(tempfile.gettempdir()) and media_root.name.startswith(
        "migrantheroes-test-media-"
    ):
        shutil.rmtree(media_root, ignore_errors=True)
        shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _restore_migration_data_after_the_last_transactional_test(django_db_setup, django_db_blocker):
    """A transactional test (transaction=True) empties the database when it ends; the next one
    gets the migrations' data back (serialized_rollback), but after the last one nothing
    does, and a run with --reuse-db would then start without Wagtail's root page."""
    yield
    from django.db import connection

    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents and not Page.objects.exists():
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English, whatever language an earlier test left active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    """CI's cache is a Redis shared by every test, and Wagtail caches the sites' root paths."""
    cache.clear()


@pytest.fixture
def root_page(db):
    """The root of Wagtail's page tree (depth 1): home pages are its children."""
    return Page.get_first_root_node()


@pytest.fixture
def site_root(db):
    """The default Site's root page (Wagtail's welcome page unless `home_page` is used first)."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def home_page(root_page):
    """The English HomePage, root of the default site (which answers for any host name).

    Replaces the welcome page that Wagtail's initial migration makes.
    """
    root_page.get_children().delete()  # the welcome page, and with it its Site
    home = HomePageFactory(parent=root_page)
    Site.objects.create(
        hostname="localhost",
        port=80,
        site_name="#MigrantHeroes",
        root_page=home,
        is_default_site=True,
    )
    return home


@pytest.fixture
def french_home_page(home_page, root_page):
    """The French HomePage, a sibling of the English one under the tree root."""
    return HomePageFactory(
        parent=root_page, locale=LocaleFactory(language_code="fr"), title="Héros migrants"
    )


@pytest.fixture
def mission_index(home_page):
    return MissionIndexPageFactory(parent=home_page)


@pytest.fixture
def mission_hub(mission_index):
    """The Kenya mission's hub."""
    return MissionHubPageFactory(parent=mission_index, country="KE", office_name="IOM Kenya")


# The campaign in four languages: `synced_tree` is what a fresh site looks like once
# `sync_locales()` ran: the English pages, and in every other locale an alias of each of
# them, waiting to be translated (as the admin makes them).


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
