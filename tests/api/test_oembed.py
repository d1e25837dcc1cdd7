"""The oEmbed provider and the embed card, read as a consumer would."""

import json
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from tests.api.helpers import assert_matches_expected, assert_problem, normalise

pytestmark = pytest.mark.django_db

STORY_URL = "http://localhost/en/missions/iom-kenya/amina-yusuf/"


class IframeParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.iframes = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.iframes.append(dict(attrs))


def oembed(client, url, **params):
    query = "&".join([f"url={quote(url, safe='')}", *(f"{k}={v}" for k, v in params.items())])
    return client.get(f"/api/v3/oembed/?{query}")


def test_the_oembed_of_a_story_matches_the_stored_json(client, story, mission_hub):
    response = oembed(client, STORY_URL, format="json")

    assert response.status_code == 200
    ids = {story.pk: "story"}
    assert_matches_expected("oembed", normalise(json.loads(response.content), ids))


def test_the_oembed_is_a_rich_iframe_of_the_embed_card(client, story):
    data = json.loads(oembed(client, STORY_URL).content)

    assert data["version"] == "1.0"
    assert data["type"] == "rich"
    parser = IframeParser()
    parser.feed(data["html"])
    [iframe] = parser.iframes
    assert iframe["src"] == f"http://testserver/embed/stories/{story.pk}/"
    assert (int(iframe["width"]), int(iframe["height"])) == (data["width"], data["height"])
    card = client.get(f"/embed/stories/{story.pk}/")
    assert card.status_code == 200
    assert "X-Frame-Options" not in card  # other sites may frame it
    assert "Amina teaches sewing in Nairobi" in card.content.decode()


def test_maxwidth_and_maxheight_are_honoured(client, story):
    data = json.loads(oembed(client, STORY_URL, maxwidth=320, maxheight=250).content)

    assert data["width"] <= 320
    assert data["height"] <= 250
    assert 'width="320"' in data["html"]
    assert "thumbnail_url" not in data or data["thumbnail_width"] <= 320


def test_the_embed_card_url_and_a_translation_url_are_embeddable_too(client, story, french_story):
    by_card = oembed(client, f"http://testserver/embed/stories/{story.pk}/")
    by_french_url = oembed(client, "http://localhost/fr/missions/iom-kenya/amina-yusuf/")

    assert by_card.status_code == 200
    assert by_french_url.status_code == 200
    assert f"/embed/stories/{french_story.pk}/" in json.loads(by_french_url.content)["html"]


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/en/missions/iom-kenya/nobody/",
        "http://evil.example/en/missions/iom-kenya/amina-yusuf/",
        "not a url",
        "http://localhost/en/missions/iom-kenya/",  # a hub, not a story
    ],
)
def test_an_unknown_url_answers_404(client, story, url):
    assert_problem(oembed(client, url), 404)


def test_drafts_and_private_stories_are_not_embeddable(client, draft_story, private_story):
    for page in (draft_story, private_story):
        assert_problem(oembed(client, f"http://testserver/embed/stories/{page.pk}/"), 404)
        assert client.get(f"/embed/stories/{page.pk}/").status_code == 404


def test_the_xml_format_answers_501(client, story):
    assert_problem(oembed(client, STORY_URL, format="xml"), 501)


def test_a_missing_url_or_a_bad_size_answers_a_problem(client, story):
    assert_problem(client.get("/api/v3/oembed/"), 422, parameter="url")
    assert_problem(oembed(client, STORY_URL, maxwidth="wide"), 422, parameter="maxwidth")


def test_story_pages_announce_their_oembed(client, story):
    page = client.get(story.url).content.decode()

    assert (
        '<link rel="alternate" type="application/json+oembed" '
        f'href="http://testserver/api/v3/oembed/?url={quote(STORY_URL, safe="")}'
        '&amp;format=json"'
    ) in page
