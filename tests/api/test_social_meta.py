"""Open Graph and Twitter/X card tags, as Facebook's crawler reads them."""

from html.parser import HTMLParser

import pytest

from tests.api.conftest import PRIVATE_NOMINATOR, PRIVATE_NOTES
from tests.factories import EventPageFactory, ImageFactory

pytestmark = pytest.mark.django_db

# What Facebook's sharing debugger requires or warns about for a large-image preview.
REQUIRED = ["og:title", "og:description", "og:image", "og:url", "og:type", "og:locale"]


class MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.properties = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.properties.setdefault(key, []).append(attrs.get("content"))


def tags(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    parser = MetaParser()
    parser.feed(response.content.decode())
    return {
        key: values if len(values) > 1 else values[0] for key, values in parser.properties.items()
    }


def test_a_story_has_every_tag_facebook_requires_with_absolute_urls(client, story):
    meta = tags(client, story.url)

    for name in REQUIRED:
        assert meta.get(name), name
    assert meta["og:type"] == "article"
    assert meta["og:url"] == "http://localhost/en/missions/iom-kenya/amina-yusuf/"
    assert meta["og:image"].startswith("http://testserver/media/images/")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Amina teaching a sewing class"
    assert meta["og:site_name"] == "#MigrantHeroes"
    assert meta["og:locale"] == "en_GB"
    assert meta["twitter:card"] == "summary_large_image"


def test_hub_event_and_home_pages_have_open_graph_tags(client, mission_hub, home_page):
    event = EventPageFactory(parent=mission_hub, social_image=ImageFactory())
    for page in (mission_hub, event, home_page):
        meta = tags(client, page.url)
        assert meta["og:title"] == page.title
        assert meta["og:url"].startswith("http://")
        assert meta["og:type"] == "website"
    assert tags(client, event.url)["og:image"].startswith("http://")


def test_fb_locale_switches_the_tags_to_the_translation(client, story, french_story):
    english = tags(client, story.url)
    french = tags(client, f"{story.url}?fb_locale=fr_FR")
    by_header = tags(client, story.url, HTTP_X_FACEBOOK_LOCALE="fr_FR")

    assert english["og:title"] == "Amina Yusuf"
    assert english["og:locale:alternate"] == "fr_FR"
    assert french["og:title"] == "Amina Yusuf (fr)"
    assert french["og:locale"] == "fr_FR"
    assert french["og:locale:alternate"] == "en_GB"
    assert french["og:url"] == english["og:url"]  # the one shared link
    assert by_header["og:title"] == "Amina Yusuf (fr)"


def test_fb_locale_without_a_translation_keeps_the_page_own_tags(client, story):
    meta = tags(client, f"{story.url}?fb_locale=ar_AR")

    assert meta["og:title"] == "Amina Yusuf"
    assert meta["og:locale"] == "en_GB"


def test_a_draft_translation_never_shows_in_the_tags(client, story, french_story):
    french_story.unpublish()  # and with it the English (cms.core.withdrawal) ...
    story.save_revision().publish()  # ... which alone is published again

    meta = tags(client, f"{story.url}?fb_locale=fr_FR")

    assert meta["og:title"] == "Amina Yusuf"
    assert "og:locale:alternate" not in meta


def test_private_data_never_appears_in_the_tags(client, story):
    page = client.get(story.url).content.decode()

    assert PRIVATE_NOTES not in page
    assert PRIVATE_NOMINATOR not in page
