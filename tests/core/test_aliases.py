"""Translations waiting in another language (aliases) carry their own publication dates."""

import pytest
from wagtail.models import Page

from cms.core.locales import sync_trees
from tests.factories import HeroStoryPageFactory

pytestmark = pytest.mark.django_db


def aliases_of(page):
    return Page.objects.filter(alias_of=page).order_by("locale__language_code")


def test_the_aliases_of_a_newly_published_story_are_dated_when_they_go_live(synced_tree):
    story = HeroStoryPageFactory(parent=synced_tree.hub, hero_name="Samir Haddad", draft=True)
    sync_trees()  # as the admin does when a page is made (wagtail-localize's hook)
    assert [alias.live for alias in aliases_of(story)] == [False, False, False]

    story.save_revision().publish()
    story.refresh_from_db()

    aliases = list(aliases_of(story))
    assert [alias.locale.language_code for alias in aliases] == ["ar", "es", "fr"]
    for alias in aliases:
        assert alias.live
        assert alias.first_published_at is not None
        assert alias.last_published_at == story.last_published_at
