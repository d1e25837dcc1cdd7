"""A small campaign, built and changed by a process of its own, as an editor's would be.

The deployment tests run it with the app servers' settings and environment (production,
their PostgreSQL database and Redis), never inside the test's own database transaction:

    python -m tests.deploy.campaign build                 a home, a mission hub, a story
    python -m tests.deploy.campaign publish ID HEADLINE   a new headline for story ID, published
    python -m tests.deploy.campaign publish-while-read ID HEADLINE URL HOST
                                                          the same, with a reader before the commit
    python -m tests.deploy.campaign media                 an image, a rendition, a nomination

Each prints its answer as JSON.
"""

import json
import sys

import django


def build():
    from wagtail.models import Page

    from cms.core.sites import sync_default_site
    from tests.factories import (
        HeroStoryPageFactory,
        HomePageFactory,
        MissionHubPageFactory,
        MissionIndexPageFactory,
    )

    root = Page.get_first_root_node()
    root.get_children().delete()  # Wagtail's welcome page, and its Site with it
    home = HomePageFactory(parent=root)
    sync_default_site(root_page=home, site_name="#MigrantHeroes")
    hub = MissionHubPageFactory(
        parent=MissionIndexPageFactory(parent=home), country="KE", office_name="IOM Kenya"
    )
    story = HeroStoryPageFactory(
        parent=hub,
        hero_name="Amina Yusuf",
        slug="amina-yusuf",
        headline="The sewing circle that became a cooperative",
    )
    return {"story_id": story.pk, "story_path": story.url, "headline": story.headline}


def publish(story_id, headline):
    from heroes.models import HeroStoryPage

    story = HeroStoryPage.objects.get(pk=story_id)
    story.headline = headline
    story.save_revision().publish()
    return {"story_id": story.pk, "headline": headline}


def publish_while_read(story_id, headline, url, host):
    """Publish, and before the commit, a reader asks `url` (with Host `host`)."""
    import requests
    from django.db import transaction

    with transaction.atomic():
        published = publish(story_id, headline)
        read = requests.get(url, headers={"Host": host}, timeout=30)
    return {**published, "read_before_commit": headline in read.text}


def media():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from heroes.models import Nomination
    from tests.factories import ImageFactory

    image = ImageFactory(title="Amina at her sewing machine")
    rendition = image.get_rendition("fill-300x200")
    with image.open_file() as original:
        photo = SimpleUploadedFile("amina.jpg", original.read(), content_type="image/jpeg")
    nomination = Nomination.objects.create(
        hero_name="Amina Yusuf",
        country="KE",
        story="She taught her neighbours to sew.",
        photo=photo,
        photo_consent=True,
        nominator_name="Grace",
        nominator_email="grace@example.org",
    )
    return {
        name: {"name": file.name, "url": file.url, "storage": type(file.storage).__name__}
        for name, file in (
            ("original", image.file),
            ("rendition", rendition.file),
            ("nomination_photo", nomination.photo),
        )
    }


COMMANDS = {
    "build": build,
    "publish": publish,
    "publish-while-read": publish_while_read,
    "media": media,
}

if __name__ == "__main__":
    django.setup()
    command, *arguments = sys.argv[1:]
    print(json.dumps(COMMANDS[command](*arguments)))
