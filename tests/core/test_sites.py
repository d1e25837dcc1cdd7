"""One base URL (BASE_URL): the Site record, pages, the API, feeds and emails all use it."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from cms.core.locales import sync_locales
from cms.core.sites import sync_default_site
from heroes.services import missions
from tests.factories import HeroStoryPageFactory, ImageFactory

pytestmark = pytest.mark.django_db

BASE = "https://heroes.example.org"
ELSEWHERE = override_settings(
    BASE_URL=BASE,
    WAGTAILADMIN_BASE_URL=BASE,
    WAGTAILAPI_BASE_URL=BASE,
    ALLOWED_HOSTS=["testserver", "heroes.example.org"],
)
_ABSOLUTE = re.compile(r"""(?:href|content|src)="(https?://[^"]+)\"""")


@pytest.fixture
def story(english_tree):
    story = HeroStoryPageFactory(
        parent=english_tree.hub, slug="halima", photo=ImageFactory(), social_image=ImageFactory()
    )
    sync_locales()  # its aliases in fr, es and ar: an hreflang link each
    return story


def _json_urls(value):
    if isinstance(value, dict):
        return [url for item in value.values() for url in _json_urls(item)]
    if isinstance(value, list):
        return [url for item in value for url in _json_urls(item)]
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return [value]
    return []


def test_the_default_site_follows_the_base_url(home_page):
    with override_settings(BASE_URL="https://heroes.example.org:8443"):
        site, changed = sync_default_site()
    assert changed
    assert (site.hostname, site.port) == ("heroes.example.org", 8443)
    with override_settings(BASE_URL=BASE):
        call_command("sync_locales", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert sync_default_site() == (Site.objects.get(is_default_site=True), False)
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("heroes.example.org", 443, BASE)


@ELSEWHERE
def test_every_absolute_url_in_a_story_page_head_starts_with_the_base_url(client, story):
    sync_default_site()

    head = client.get(story.url).content.decode().split("</head>")[0]

    urls = _ABSOLUTE.findall(head)
    for marker in ('rel="canonical"', 'property="og:url"', 'property="og:image"'):
        assert marker in head
    assert head.count('<link rel="alternate" hreflang=') == 4
    assert [url for url in urls if not url.startswith(BASE + "/")] == []


@ELSEWHERE
def test_every_absolute_url_of_the_api_starts_with_the_base_url(client, story):
    sync_default_site()

    data = client.get(f"/api/v3/pages/{story.pk}/").json()

    urls = _json_urls(data)
    assert data["meta"]["html_url"] in urls
    assert data["meta"]["detail_url"] in urls
    assert any("/media/images/" in url for url in urls)
    assert [url for url in urls if not url.startswith(BASE + "/")] == []


@ELSEWHERE
def test_every_link_of_the_story_feed_starts_with_the_base_url(client, story):
    sync_default_site()

    feed = ET.fromstring(client.get("/en/feeds/stories.rss").content)  # noqa: S314

    links = [element.text for element in feed.iter("link")] + [
        element.get("href") for element in feed.iter("{http://www.w3.org/2005/Atom}link")
    ]
    assert story.get_full_url() in links
    assert [link for link in links if not link.startswith(BASE + "/")] == []


@ELSEWHERE
def test_the_focal_point_invitation_links_to_the_base_url(
    english_tree, django_capture_on_commit_callbacks
):
    sync_default_site()

    with django_capture_on_commit_callbacks(execute=True):  # mail leaves once it is stored
        missions.setup_mission(country="UG", name="Uganda", focal_point_email="okello@example.org")

    (invitation,) = mail.outbox
    links = re.findall(r"https?://\S+", invitation.body)
    assert links
    assert [link for link in links if not link.startswith(BASE + "/admin/")] == []
