"""The public site: share links, the map, discoverable feeds, the sitemap's languages, bidi."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest

from cms.core.locales import sync_locales
from tests.factories import EventPageFactory, HeroStoryPageFactory

pytestmark = pytest.mark.django_db

EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe)[^>]*(?:src|href)="(?:https?:)?//(?!testserver/|localhost/)"""
)


@pytest.fixture
def campaign(synced_tree):
    """The English tree with a second story and an event, and its aliases in fr, es and ar."""
    HeroStoryPageFactory(parent=synced_tree.hub, country_of_residence="KE", slug="second")
    EventPageFactory(parent=synced_tree.hub, slug="sewing-day")
    sync_locales()
    return synced_tree


def _share_links(html):
    section = re.search(r'<section class="share".*?</section>', html, re.DOTALL).group(0)
    return dict(re.findall(r'share__link--(\w+)" href="([^"]+)"', section))


def test_every_story_has_plain_share_links_and_no_third_party_script(client, campaign):
    story = campaign.story
    html = client.get(story.url).content.decode()

    links = _share_links(html)
    url = story.get_full_url()
    assert set(links) == {"facebook", "x", "whatsapp", "email", "copy"}
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == [url]
    assert parse_qs(urlsplit(links["x"].replace("&amp;", "&")).query)["url"] == [url]
    whatsapp = parse_qs(urlsplit(links["whatsapp"]).query)["text"][0]
    assert "#MigrantHeroes" in whatsapp and whatsapp.endswith(url)
    assert links["email"].startswith("mailto:?subject=")
    assert links["copy"] == url
    assert EXTERNAL.findall(html) == []


def test_share_texts_are_the_share_kit_api_texts(client, campaign):
    story = campaign.story
    kit = client.get(f"/api/v3/stories/{story.pk}/share/").json()

    links = _share_links(client.get(story.url).content.decode())

    assert links["x"].replace("&amp;", "&") == kit["twitter"]["share_url"]
    whatsapp = parse_qs(urlsplit(links["whatsapp"]).query)["text"][0]
    assert whatsapp.startswith(kit["facebook"]["text"])


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_map_lists_heroes_per_country_in_every_language(client, campaign, language):
    response = client.get(f"/{language}/map/")

    assert response.status_code == 200
    html = response.content.decode()
    kenya = re.search(r'<li id="country-KE">(.*?)</li>', html, re.DOTALL).group(1)
    assert "?country=KE" in kenya
    assert 'class="country-list__count"' in kenya
    assert html.count("<circle") == 1
    assert EXTERNAL.findall(html) == []
    assert f'href="/{language}/map/" aria-current="page"' in html


def test_the_map_counts_stories_and_names_countries_in_the_page_language(client, campaign):
    english = client.get("/en/map/").content.decode()
    arabic = client.get("/ar/map/").content.decode()

    assert re.search(
        r'id="country-KE">\s*<a [^>]*>Kenya</a>\s*<span[^>]*>2 stories</span>', english
    )
    assert re.search(r'id="country-KE">\s*<a [^>]*>كينيا</a>', arabic)


def test_feeds_are_announced_and_linked_on_every_page(client, campaign):
    home = client.get("/fr/").content.decode()
    calendar = client.get(campaign.calendar.url).content.decode()
    hub = client.get(campaign.hub.url).content.decode()

    rss = '<link rel="alternate" type="application/rss+xml"'
    assert rss in home and 'href="/fr/feeds/stories.rss"' in home
    assert '<a href="/fr/feeds/stories.rss" type="application/rss+xml">' in home
    assert '<link rel="alternate" type="text/calendar"' in calendar
    assert 'href="/en/calendar.ics"' in calendar
    assert f'href="/en/feeds/missions/{campaign.hub.slug}/stories.rss"' in hub
    assert f'href="/en/feeds/missions/{campaign.hub.slug}/calendar.ics"' in hub
    for feed in ("/en/feeds/stories.rss", f"/en/feeds/missions/{campaign.hub.slug}/calendar.ics"):
        assert client.get(feed).status_code == 200


def test_the_sitemap_links_each_page_to_its_other_languages(client, campaign):
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own)

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    story_url = campaign.story.get_full_url()
    (entry,) = [u for u in sitemap.findall("s:url", ns) if u.find("s:loc", ns).text == story_url]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
    assert set(alternates) == {"en", "fr", "es", "ar"}
    assert alternates["en"] == story_url
    assert alternates["ar"] == story_url.replace("/en/", "/ar/")


def test_the_hashtag_is_isolated_so_arabic_pages_show_it_the_right_way_round(client, campaign):
    html = client.get("/ar/").content.decode()

    assert "<bdi>#MigrantHeroes</bdi>" in html
    assert re.search(r'class="site-name"[^>]*><bdi>#MigrantHeroes</bdi>', html)


def test_english_words_on_an_arabic_page_are_marked_english(client, campaign):
    arabic_index = campaign.stories.get_translation(campaign.locales["ar"])
    html = client.get(arabic_index.url).content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    cards = re.findall(r'<article class="card story-card"([^>]*)>', html)
    assert cards and all(attrs == ' lang="en" dir="ltr"' for attrs in cards)
    story = campaign.story.get_translation(campaign.locales["ar"])
    story_html = client.get(story.url).content.decode()
    assert '<header class="story__header" lang="en" dir="ltr">' in story_html


def test_english_pages_carry_no_language_marks(client, campaign):
    html = client.get(campaign.stories.url).content.decode()

    assert re.findall(r'<article class="card story-card"([^>]*)>', html) == ["", ""]
