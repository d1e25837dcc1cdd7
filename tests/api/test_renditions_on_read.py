"""No anonymous request resizes a photo: every size it may ask for was made at publish."""

import pytest

from cms.core.models import CampaignRendition
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_reading_a_published_story_everywhere_creates_no_rendition(
    client, home_page, story_index, story, event
):
    home_page.banner_image = ImageFactory()
    home_page.save_revision().publish()
    story.save_revision().publish()  # the story, its photo and the images of its body
    before = CampaignRendition.objects.count()

    urls = [
        "/en/",
        story.url,
        story_index.url,
        "/en/search/?query=Amina",
        f"/embed/stories/{story.pk}/",
        f"/api/v3/pages/{story.pk}/",
        "/api/v3/pages/?type=heroes.HeroStoryPage&fields=*",
        "/api/v3/stories/",
        f"/api/v3/stories/{story.pk}/share/",
        f"/api/v3/oembed/?url={story.full_url}&format=json",
        f"/api/v3/pages/{home_page.pk}/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url

    assert CampaignRendition.objects.count() == before
