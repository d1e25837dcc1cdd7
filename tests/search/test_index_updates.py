"""The index follows the page tree without a rebuild: publish, unpublish, move, delete and a
translation's publication each change what a search finds at once, though the same search,
made just before, is kept in the cache (search.selectors._found_once)."""

import pytest
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from search.selectors import search_public_pages
from tests.factories import HeroCategoryFactory, HeroStoryPageFactory, MissionHubPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def found(query, language_code="en"):
    locale = Locale.objects.get(language_code=language_code)
    return [page.title for page in search_public_pages(query, locale=locale).results]


def test_publishing_a_new_headline_makes_it_findable(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech", headline="A baker")
    assert found("baker") == ["Grace Akech"]
    assert found("beekeeper") == []
    story.headline = "A beekeeper"
    story.save_revision().publish()

    assert found("beekeeper") == ["Grace Akech"]
    assert found("baker") == []


def test_an_unpublished_story_is_no_longer_found(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech")
    assert found("Akech") == ["Grace Akech"]
    story.unpublish()

    assert found("Akech") == []


def test_a_moved_story_is_found_under_its_new_mission(mission_hub, mission_index):
    story = HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech")
    uganda = MissionHubPageFactory(parent=mission_index, country="UG", office_name="IOM Uganda")
    before = search_public_pages("Akech", locale=Locale.objects.get(language_code="en"))
    assert [value.label for value in before.facets["mission"]] == [mission_hub.title]
    story.move(uganda, pos="last-child")

    outcome = search_public_pages("Akech", locale=Locale.objects.get(language_code="en"))
    assert [value.label for value in outcome.facets["mission"]] == ["IOM Uganda"]


def test_a_story_made_private_is_no_longer_found(mission_hub):
    HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech")
    assert found("Akech") == ["Grace Akech"]

    PageViewRestriction.objects.create(
        page=mission_hub, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    assert found("Akech") == []


def test_kept_matches_never_show_a_page_made_private_behind_the_caches_back(mission_hub):
    HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech")
    assert found("Akech") == ["Grace Akech"]  # its matches are kept now

    # A bulk write sends no signal: the content generation stays, and so do the kept matches.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=mission_hub, restriction_type="password", password="x")]
    )

    assert found("Akech") == []


def test_a_renamed_category_is_counted_under_its_new_name(mission_hub):
    category = HeroCategoryFactory(name="Baker")
    HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech", category=category)
    outcome = search_public_pages("Akech", locale=Locale.objects.get(language_code="en"))
    assert [value.label for value in outcome.facets["category"]] == ["Baker"]

    category.name = "Beekeeper"
    category.save()

    outcome = search_public_pages("Akech", locale=Locale.objects.get(language_code="en"))
    assert [value.label for value in outcome.facets["category"]] == ["Beekeeper"]


def test_a_deleted_story_leaves_the_index(mission_hub):
    from wagtail.search.models import IndexEntry

    story = HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech")
    pk = story.pk
    assert found("Akech") == ["Grace Akech"]
    story.delete()

    assert found("Akech") == []
    assert not IndexEntry.objects.filter(object_id=str(pk)).exists()


def test_a_published_translation_is_found_in_its_language_stemmed_there(
    synced_tree, django_capture_on_commit_callbacks
):
    french = synced_tree.locales["fr"]
    assert found("couturières", "fr") == []  # the alias: English words, not found in French
    source, _created = TranslationSource.get_or_create_from_instance(synced_tree.story)
    translation = Translation.objects.create(source=source, target_locale=french)
    segment = source.stringsegment_set.get(context__path="headline")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=french,
        context=segment.context,
        data="La couturière devenue coopérative",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    assert found("couturières", "fr") == ["Amina Yusuf"]
