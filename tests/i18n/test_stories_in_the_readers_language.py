"""Editors' story lists (featured, related) show each story in the reader's language.

wagtail-localize copies these lists into every locale with the English story ids; the
selectors swap each one for its translation in the page's locale, or its alias there.
"""

import html

import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.locales import sync_trees
from heroes import selectors
from heroes.models import RelatedStory
from home.models import HomeFeaturedStory
from tests.factories import HeroStoryPageFactory

pytestmark = pytest.mark.django_db

FRENCH_HEADLINE = "L’atelier de couture devenu coopérative"


@pytest.fixture
def translate_into_french(synced_tree, django_capture_on_commit_callbacks):
    """translate_into_french(story): its French translation, headline translated, published."""
    french = synced_tree.locales["fr"]

    def translate(story, headline=FRENCH_HEADLINE):
        source, _created = TranslationSource.get_or_create_from_instance(story)
        translation = Translation.objects.create(source=source, target_locale=french)
        segment = source.stringsegment_set.get(context__path="headline")
        StringTranslation.objects.create(
            translation_of=segment.string, locale=french, context=segment.context, data=headline
        )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return story.get_translation(french).specific

    return translate


@pytest.fixture
def second_story(synced_tree):
    story = HeroStoryPageFactory(parent=synced_tree.hub, hero_name="Grace Akech")
    story.save_revision().publish()
    sync_trees()  # its aliases in fr, es and ar, as the admin's page creation makes them
    return story


def test_stories_are_given_in_the_locale_asked_translation_or_alias_in_the_order_chosen(
    synced_tree, second_story, translate_into_french, django_assert_max_num_queries
):
    french = synced_tree.locales["fr"]
    translated = translate_into_french(synced_tree.story)
    alias = second_story.get_translation(french)

    with django_assert_max_num_queries(4):
        stories = selectors.live_stories_in_order(
            [second_story.pk, synced_tree.story.pk], locale=french
        )

    assert [story.pk for story in stories] == [alias.pk, translated.pk]
    assert stories[1].headline == FRENCH_HEADLINE


def test_without_a_locale_the_stories_chosen_are_given_as_they_are(
    synced_tree, translate_into_french
):
    translate_into_french(synced_tree.story)

    stories = selectors.live_stories_in_order([synced_tree.story.pk])

    assert stories == [synced_tree.story]


def test_a_story_with_no_version_in_the_locale_is_given_as_it_is(synced_tree):
    french = synced_tree.locales["fr"]
    lonely = HeroStoryPageFactory(parent=synced_tree.hub)  # made after the sync: no alias yet
    lonely.get_translations().delete()

    assert selectors.live_stories_in_order([lonely.pk], locale=french) == [lonely]


def test_the_french_home_page_features_the_french_translation_of_a_featured_story(
    client, synced_tree, second_story, translate_into_french
):
    home = synced_tree.home
    home.featured_stories = [
        HomeFeaturedStory(story=synced_tree.story),
        HomeFeaturedStory(story=second_story),
    ]
    home.save_revision().publish()  # reaches the French home, an alias, with the same ids
    translate_into_french(synced_tree.story)

    response = client.get("/fr/")

    page = html.unescape(response.content.decode())
    assert FRENCH_HEADLINE in page
    assert "/fr/missions/iom-kenya/amina-yusuf/" in page
    assert "/en/missions/iom-kenya/" not in page


def test_a_french_story_relates_to_the_french_versions_of_its_related_stories(
    synced_tree, second_story, translate_into_french
):
    french = synced_tree.locales["fr"]
    related_target = translate_into_french(synced_tree.story)
    second_story.related_stories = [RelatedStory(story=synced_tree.story)]
    second_story.save_revision().publish()
    french_second = translate_into_french(second_story, headline="Courir pour les filles")

    related = selectors.related_stories(french_second)

    assert related == [related_target]
    assert all(story.locale == french for story in related)


def test_a_french_hub_features_the_french_versions_of_its_featured_stories(
    synced_tree, translate_into_french
):
    french = synced_tree.locales["fr"]
    hub = synced_tree.hub
    hub.featured_stories = [hub.featured_stories.model(story=synced_tree.story)]
    hub.save_revision().publish()
    translated = translate_into_french(synced_tree.story)

    assert selectors.featured_stories_of(hub.get_translation(french).specific) == [translated]
