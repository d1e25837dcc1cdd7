"""What translators translate, and what follows the source into every translation."""

import datetime as dt

import pytest
from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    DraftStateMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from cms.core.locales import sync_locales
from heroes.models import (
    CalendarPage,
    EventPage,
    HeroCategory,
    HeroIndexPage,
    HeroStoryPage,
    MissionHubPage,
    MissionIndexPage,
)
from home.models import CampaignMaterial, HomePage
from tests.factories import EventPageFactory, ImageFactory

pytestmark = pytest.mark.django_db

CAMPAIGN_MODELS = [
    HomePage,
    CampaignMaterial,
    HeroCategory,
    HeroIndexPage,
    HeroStoryPage,
    MissionIndexPage,
    MissionHubPage,
    CalendarPage,
    EventPage,
]


# Publishing and translation bookkeeping of Wagtail's own mixins, not content.
WAGTAIL_MIXIN_FIELDS = {
    field.name
    for mixin in (DraftStateMixin, RevisionMixin, TranslatableMixin)
    for field in mixin._meta.local_fields
}


def marking(model):
    fields = get_translatable_fields(model)
    return (
        {field.field_name for field in fields if isinstance(field, TranslatableField)},
        {field.field_name for field in fields if isinstance(field, SynchronizedField)},
    )


@pytest.mark.parametrize("model", CAMPAIGN_MODELS, ids=lambda model: model.__name__)
def test_every_field_of_the_campaign_models_says_what_translators_do_with_it(model):
    """A new field must be declared translatable or synchronised, not left to a guess."""
    own_fields = {
        field.name
        for field in model._meta.get_fields()
        if field.concrete
        and field.editable
        and not field.auto_created
        and (not issubclass(model, Page) or field.model is not Page)
        and field.model is model
        and field.name not in WAGTAIL_MIXIN_FIELDS
        and not isinstance(field, models.AutoField)
    }
    own_fields |= {
        relation.name
        for relation in get_all_child_relations(model)
        if relation.name != COMMENTS_RELATION_NAME
    }
    declared = {field.field_name for field in model.override_translatable_fields}

    assert own_fields - declared == set()


def test_a_storys_words_are_translated_and_its_facts_synchronised():
    translated, synchronized = marking(HeroStoryPage)

    assert {"title", "hero_name", "headline", "intro", "body", "social_text"} <= translated
    assert "category" in translated  # points at the category's translation
    assert {
        "photo",
        "country_of_origin",
        "country_of_residence",
        "tags",
        "related_stories",
        "social_image",
        "nominator_agreed_to_credit",
    } <= synchronized


def test_an_events_dates_place_and_links_are_synchronised():
    translated, synchronized = marking(EventPage)

    assert {"title", "location", "intro", "body"} <= translated
    assert {
        "kind",
        "start",
        "end",
        "all_day",
        "time_zone",
        "country",
        "hero_story",
        "registration_url",
    } <= synchronized


def test_the_snippets_the_public_sees_are_translatable():
    assert marking(HeroCategory) == ({"name", "description"}, {"slug"})
    translated, synchronized = marking(CampaignMaterial)
    assert {"title", "description"} <= translated
    assert {"document", "kind", "sort_order"} <= synchronized


def translate_into_french(page, locales, translations=None):
    """Translate `page` into French as wagtail-localize's admin does, and publish it."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = (translations or {}).get(segment.string.data)
        if text:
            segment.string.translations.create(
                locale=locales["fr"], context=segment.context, data=text
            )
    translation.save_target(publish=True)
    return translation


HEADLINE = "The sewing circle that became a cooperative"


def test_an_edit_to_the_source_photo_reaches_the_french_translation(
    synced_tree, django_capture_on_commit_callbacks
):
    story = synced_tree.story
    with django_capture_on_commit_callbacks(execute=True):
        translation = translate_into_french(
            story,
            synced_tree.locales,
            {HEADLINE: "Le cercle de couture devenu coopérative"},
        )
    french = story.get_translation(synced_tree.locales["fr"])
    assert french.alias_of_id is None
    assert french.headline == "Le cercle de couture devenu coopérative"

    new_photo = ImageFactory()
    story.photo = new_photo
    story.save_revision().publish()
    # "Sync translated pages": wagtail-localize re-reads the source and updates translations.
    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    french.refresh_from_db()
    assert french.photo_id == new_photo.pk
    assert french.headline == "Le cercle de couture devenu coopérative"


def test_a_new_date_of_an_event_reaches_every_untranslated_locale(synced_tree):
    event = EventPageFactory(parent=synced_tree.hub)
    sync_locales()
    new_start = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
    event.start, event.end = new_start, new_start + dt.timedelta(hours=3)
    event.save_revision().publish()

    for alias in EventPage.objects.filter(alias_of=event):
        assert alias.start == new_start
