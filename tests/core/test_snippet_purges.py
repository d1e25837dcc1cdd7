"""A snippet the pages show, changed, purges those pages from the front cache in every
language: campaign material (home pages, or its mission's hub), a Goodwill Ambassador's mark
(every copy of the story, the Ambassadors page) and the nomination criteria (the nomination
pages). Wagtail purges only the pages it publishes; before, these stayed in a CDN for their
max-age after the change."""

import datetime as dt

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from cms.core.locales import sync_locales
from heroes.models import GoodwillAmbassador, NominationCriteria
from heroes.models.ambassadors import AmbassadorsPage
from heroes.services import missions
from tests.factories import CampaignMaterialFactory, NominatePageFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "es", "ar")


class RecordingBackend(BaseBackend):
    """A front cache that writes down what it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def purged():
    RecordingBackend.purged.clear()
    with override_settings(
        WAGTAILFRONTENDCACHE={"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    ):
        yield RecordingBackend.purged


def in_every_language(path):
    return {f"http://localhost/{code}/{path}" for code in LANGUAGES}


def test_the_campaigns_material_purges_every_home_page_when_published_not_as_a_draft(
    synced_tree, purged
):
    material = CampaignMaterialFactory(live=False)
    material.save_revision()
    assert purged == []  # a draft shows nowhere

    material.get_latest_revision().publish()
    assert in_every_language("") <= set(purged)

    purged.clear()
    material.refresh_from_db()
    material.unpublish()
    assert in_every_language("") <= set(purged)


def test_a_missions_material_purges_its_hub_in_every_language(synced_tree, purged):
    kenya = missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    ).mission
    poster = CampaignMaterialFactory(mission=kenya, kind="poster", live=False)
    poster.save_revision().publish()

    assert in_every_language("missions/iom-kenya/") <= set(purged)
    assert not in_every_language("") & set(purged)  # not the campaign's


def test_a_goodwill_ambassadors_mark_purges_every_copy_of_the_story_and_the_ambassadors_page(
    synced_tree, purged
):
    synced_tree.home.add_child(
        instance=AmbassadorsPage(title="Goodwill Ambassadors", slug="ambassadors")
    )
    sync_locales()  # its aliases in fr, es and ar
    purged.clear()

    mark = GoodwillAmbassador.objects.create(
        story=synced_tree.story, since=dt.date(2026, 10, 1), citation="For the cooperative."
    )
    story = in_every_language("missions/iom-kenya/amina-yusuf/")
    assert story <= set(purged)
    assert in_every_language("ambassadors/") <= set(purged)

    purged.clear()
    mark.delete()
    assert story <= set(purged)

    GoodwillAmbassador.objects.create(
        story=synced_tree.story, since=dt.date(2026, 10, 1), citation="For the cooperative."
    )
    synced_tree.story.delete()  # the mark goes with it
    assert not GoodwillAmbassador.objects.exists()


def test_the_nomination_criteria_purge_the_nomination_page_of_every_language(synced_tree, purged):
    NominatePageFactory(parent=synced_tree.home, slug="nominate")
    sync_locales()  # its aliases in fr, es and ar
    purged.clear()

    NominationCriteria.objects.create(
        heading="Who is a Migrant Hero?",
        criteria=[("criterion", {"title": "A migrant", "explanation": "Lives abroad."})],
    )

    assert in_every_language("nominate/") <= set(purged)
