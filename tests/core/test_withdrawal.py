"""Whatever withdraws a page withdraws every copy of it, in every language, at once.

The tree is the one the admin makes: an English story with its aliases in fr, es and ar
(`synced_tree`), and where a test needs one, a real French translation.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.locales import sync_locales, sync_trees
from cms.core.withdrawal import copies_of
from tests.factories import HeroStoryPageFactory, MissionHubPageFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADLINE = "The sewing circle that became a cooperative"
FRENCH_HEADLINE = "L’atelier de couture devenu coopérative"


@pytest.fixture
def mcd(db):
    return UserFactory(superuser=True)


@pytest.fixture
def french_translation(synced_tree, django_capture_on_commit_callbacks):
    """The story's French alias turned into a real, live translation (wagtail-localize)."""
    french = synced_tree.locales["fr"]
    source, _created = TranslationSource.get_or_create_from_instance(synced_tree.story)
    translation = Translation.objects.create(source=source, target_locale=french)
    segment = source.stringsegment_set.get(context__path="headline")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=french, context=segment.context, data=FRENCH_HEADLINE
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    page = synced_tree.story.get_translation(french).specific
    assert page.alias_of_id is None and page.live
    return page


def every_copy(page):
    return [page, *copies_of(page)]


def set_privacy(client, user, page, **data):
    client.force_login(user)
    response = client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), data)
    assert response.status_code == 200
    client.logout()


def story_urls(story):
    """The story's page in every language, its API detail for each copy, each listing."""
    urls = []
    for copy in every_copy(story):
        urls += [copy.url, f"/api/v3/pages/{copy.pk}/"]
    for code in ("en", "fr", "es", "ar"):
        urls += [
            f"/api/v3/stories/?locale={code}",
            f"/api/v3/pages/?type=heroes.HeroStoryPage&locale={code}",
            f"/{code}/feeds/stories.rss",
            f"/{code}/missions/iom-kenya/",
        ]
    return urls


def shown_anywhere(client, story, text):
    return [url for url in story_urls(story) if text in client.get(url).content.decode()]


def test_a_story_made_private_in_english_is_private_in_every_language(client, synced_tree, mcd):
    story = synced_tree.story
    assert shown_anywhere(client, story, HEADLINE)  # public before, in every language

    set_privacy(client, mcd, story, restriction_type="password", password="s3cret-pass")

    for copy in every_copy(story):
        restriction = PageViewRestriction.objects.get(page=copy)
        assert restriction.restriction_type == "password"
        assert restriction.password == "s3cret-pass"
    assert shown_anywhere(client, story, HEADLINE) == []
    assert (
        client.get(
            f"/api/v3/pages/{story.get_translation(synced_tree.locales['ar']).pk}/"
        ).status_code
        == 404
    )


def test_privacy_set_on_a_translation_reaches_the_source_and_the_other_copies(
    client, synced_tree, french_translation, mcd
):
    set_privacy(client, mcd, french_translation, restriction_type="login")

    assert PageViewRestriction.objects.filter(page__in=every_copy(synced_tree.story)).count() == 4
    assert shown_anywhere(client, synced_tree.story, HEADLINE) == []
    assert shown_anywhere(client, synced_tree.story, FRENCH_HEADLINE) == []


def test_groups_of_a_restriction_are_kept_in_step_on_every_copy(client, synced_tree, mcd):
    editors = Group.objects.create(name="Readers of private stories")
    set_privacy(client, mcd, synced_tree.story, restriction_type="groups", groups=[editors.pk])

    for copy in every_copy(synced_tree.story):
        restriction = PageViewRestriction.objects.get(page=copy)
        assert restriction.restriction_type == "groups"
        assert list(restriction.groups.all()) == [editors]


def test_privacy_removed_from_one_copy_is_removed_from_every_copy(
    client, synced_tree, french_translation, mcd
):
    story = synced_tree.story
    set_privacy(client, mcd, story, restriction_type="login")

    set_privacy(client, mcd, french_translation, restriction_type="none")

    assert not PageViewRestriction.objects.filter(page__in=every_copy(story)).exists()
    assert FRENCH_HEADLINE in client.get(french_translation.url).content.decode()
    assert HEADLINE in client.get(story.url).content.decode()


def test_privacy_change_empties_the_public_cache_at_once(client, synced_tree, mcd):
    spanish = synced_tree.story.get_translation(synced_tree.locales["es"])
    api_detail = f"/api/v3/pages/{spanish.pk}/"
    for url in (spanish.url, api_detail, "/api/v3/stories/?locale=es"):
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"

    set_privacy(client, mcd, synced_tree.story, restriction_type="login")

    assert HEADLINE not in client.get(spanish.url).content.decode()
    assert client.get(api_detail).status_code == 404
    assert HEADLINE not in client.get("/api/v3/stories/?locale=es").content.decode()


def test_a_copy_made_after_the_restriction_is_private_too(client, synced_tree, mcd):
    set_privacy(client, mcd, synced_tree.story, restriction_type="login")
    languages = [("en", "English"), ("fr", "French"), ("es", "Spanish"), ("ar", "Arabic")]
    languages.append(("pt", "Portuguese"))

    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        assert sync_locales() == ["pt"]
        portuguese = synced_tree.story.get_translation(Locale.objects.get(language_code="pt"))

        assert PageViewRestriction.objects.filter(page=portuguese).exists()
        assert HEADLINE not in client.get(portuguese.url).content.decode()


def test_a_story_moved_under_a_private_hub_is_private_in_every_language(client, synced_tree, mcd):
    private_hub = MissionHubPageFactory(
        parent=synced_tree.missions, country="UG", office_name="IOM Uganda"
    )
    sync_trees()  # its aliases in fr, es and ar, as the admin's page creation makes them
    PageViewRestriction.objects.create(page=private_hub, restriction_type="login")
    story = synced_tree.story

    story.move(private_hub, pos="last-child")
    assert {copy.get_parent().specific.country for copy in copies_of(story)} == {"UG"}

    for copy in copies_of(story):
        assert copy.get_view_restrictions().exists(), copy.locale.language_code
    assert shown_anywhere(client, Page.objects.get(pk=story.pk).specific, HEADLINE) == []


def test_unpublishing_the_english_story_unpublishes_its_translations_and_aliases(
    client, synced_tree, french_translation
):
    synced_tree.story.unpublish()

    assert not Page.objects.filter(
        pk__in=[p.pk for p in every_copy(synced_tree.story)], live=True
    ).exists()
    assert shown_anywhere(client, synced_tree.story, FRENCH_HEADLINE) == []


def test_unpublishing_a_translation_unpublishes_the_source_and_every_copy(
    client, synced_tree, french_translation, mcd
):
    client.force_login(mcd)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[french_translation.pk]))
    assert response.status_code == 302
    client.logout()

    assert not Page.objects.filter(
        pk__in=[p.pk for p in every_copy(synced_tree.story)], live=True
    ).exists()
    assert shown_anywhere(client, synced_tree.story, HEADLINE) == []


def test_deleting_a_story_outside_the_admin_leaves_no_copy_public(client, synced_tree):
    story = synced_tree.story
    copy_ids = [copy.pk for copy in copies_of(story)]

    Page.objects.get(pk=story.pk).delete()

    remaining = Page.objects.filter(pk__in=copy_ids)
    assert remaining.exists()  # Wagtail keeps the aliases, detached from their source ...
    assert not remaining.filter(live=True).exists()  # ... but none of them stays public
    for code in ("fr", "es", "ar"):
        assert HEADLINE not in client.get(f"/api/v3/stories/?locale={code}").content.decode()
        assert client.get(f"/{code}/missions/iom-kenya/amina-yusuf/").status_code == 404


def test_deleting_a_story_in_the_admin_deletes_every_copy(client, synced_tree, mcd):
    story = synced_tree.story
    copy_ids = [copy.pk for copy in copies_of(story)]
    client.force_login(mcd)

    response = client.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))

    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[story.pk, *copy_ids]).exists()


def test_deleting_a_private_page_keeps_its_copies_private(synced_tree):
    story = synced_tree.story
    PageViewRestriction.objects.create(page=story, restriction_type="login")
    copies = list(copies_of(story))

    Page.objects.get(pk=story.pk).delete()

    assert PageViewRestriction.objects.filter(page__in=copies).count() == len(copies)


class RecordingBackend(BaseBackend):
    """A front cache that writes down what it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@override_settings(WAGTAILFRONTENDCACHE={"test": {"BACKEND": f"{__name__}.RecordingBackend"}})
def test_privacy_change_purges_every_copy_from_the_front_cache(client, synced_tree, mcd):
    RecordingBackend.purged.clear()

    set_privacy(client, mcd, synced_tree.story, restriction_type="login")

    for code in ("en", "fr", "es", "ar"):
        assert f"http://localhost/{code}/missions/iom-kenya/amina-yusuf/" in RecordingBackend.purged


def test_a_new_story_still_gets_its_public_aliases(synced_tree):
    """The rules above withdraw; they never make an unrelated page private or unpublished."""
    story = HeroStoryPageFactory(parent=synced_tree.hub, hero_name="Grace Akech")
    PageViewRestriction.objects.create(page=synced_tree.story, restriction_type="login")

    assert not story.get_view_restrictions().exists()
    assert story.live
