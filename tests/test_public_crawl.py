"""The crawler: nothing private in any public output, in any language.

It plants what must never be public — a draft revision, a private story with its
translation and aliases, a photo whose consent was withdrawn, a nominator's contact and a
multiplier's contact — then follows every link of every public output in every locale (the
site, the API with its absolute links, feeds, the sitemap, embeds and oEmbed) as an
anonymous visitor, and looks for them in every response.
"""

import datetime as dt
import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.locales import sync_trees
from cms.core.models import PhotoConsent
from heroes.models import Multiplier, Nomination
from heroes.services import missions
from tests.factories import EventPageFactory, HeroStoryPageFactory, ImageFactory, UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es", "ar")
OWN_HOSTS = {"", "testserver", "localhost"}
NOT_CRAWLED = ("/admin/", "/static/", "/documents/")
MAX_REQUESTS = 1500

SECRETS = {
    "draft revision": "Unendorsed draft headline Xq7",
    "private story": "Private Hero Vexley",
    "private story's French translation": "Héros privé Vexley",
    "withdrawn photo": "Withdrawn consent portrait Kw3",
    "nominator's email": "nominator.secret@example.org",
    "nominator's phone": "+254 711 000 999",
    "multiplier's email": "multiplier.secret@example.org",
    "multiplier's phone": "+254 722 000 888",
    "consent notes": "Consent by phone to Jane, +254 733 000 777",
}


@pytest.fixture
def planted(synced_tree, django_capture_on_commit_callbacks):
    hub, locales = synced_tree.hub, synced_tree.locales
    mission = missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    ).mission

    # A live story with an unendorsed draft revision.
    live = synced_tree.story
    live.photo.consent_notes = SECRETS["consent notes"]
    live.photo.save()
    live.headline = SECRETS["draft revision"]
    live.save_revision()

    # A private story, translated into French, with its aliases; made private in the admin.
    private = HeroStoryPageFactory(
        parent=hub, hero_name=SECRETS["private story"], slug="private-hero"
    )
    sync_trees()
    source, _created = TranslationSource.get_or_create_from_instance(private)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    segment = source.stringsegment_set.get(context__path="hero_name")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locales["fr"],
        context=segment.context,
        data=SECRETS["private story's French translation"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    # A story whose photo's consent is withdrawn after publishing, with an event about it.
    withdrawn = ImageFactory(title=SECRETS["withdrawn photo"])
    shown = HeroStoryPageFactory(parent=hub, hero_name="Shown Hero", photo=withdrawn)
    shown.save_revision().publish()
    EventPageFactory(
        parent=hub,
        title="Shown Hero's concert",
        start=dt.datetime(2026, 11, 5, 9, 0, tzinfo=dt.UTC),
        end=dt.datetime(2026, 11, 5, 17, 0, tzinfo=dt.UTC),
        hero_story=shown,
    )
    sync_trees()
    withdrawn_renditions = [r.file.name.rsplit("/", 1)[-1] for r in withdrawn.renditions.all()]
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.consent = PhotoConsent.PENDING
        withdrawn.save()

    # Personal data of the public and of the mission's partners.
    Nomination.objects.create(
        hero_name="Nominated Hero",
        country="KE",
        story="Runs a football club.",
        nominator_name="Nominator",
        nominator_email=SECRETS["nominator's email"],
        nominator_phone=SECRETS["nominator's phone"],
        mission=mission,
    )
    Multiplier.objects.create(
        mission=mission,
        name="Local radio",
        kind="media",
        email=SECRETS["multiplier's email"],
        phone=SECRETS["multiplier's phone"],
    )
    return {**SECRETS, **{f"rendition {n}": n for n in withdrawn_renditions}}


def seeds():
    urls = ["/sitemap.xml", "/api/v3/map/", "/api/v3/materials/"]
    urls += ["/api/v3/calendar/?start=2026-10-01&end=2026-12-31"]
    for code in LANGUAGES:
        urls += [
            f"/{code}/",
            f"/{code}/feeds/stories.rss",
            f"/{code}/calendar.ics",
            f"/{code}/search/?query=hero",
            f"/api/v3/pages/?locale={code}&limit=50",
            f"/api/v3/stories/?locale={code}&limit=50",
            f"/api/v3/calendar/?start=2026-10-01&end=2026-12-31&locale={code}",
            f"/api/v3/story-of-the-month/?locale={code}",
        ]
    return urls


def links_in(url, response):
    """Every URL a crawler would follow from a response: HTML, XML or JSON."""
    content_type = response.get("Content-Type", "")
    text = response.content.decode(errors="replace")
    found = set()
    if "json" in content_type:

        def walk(value):
            if isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, str) and value.startswith(("http://", "https://", "/")):
                found.add(value)

        data = json.loads(text)
        walk(data)
        # Links inside HTML snippets (oEmbed's iframe), and what a front end asks for next:
        # a page's oEmbed, a story's share kit.
        found.update(re.findall(r'src=\\?"([^"\\]+)', text))
        for page_url in re.findall(r'"html_url": ?"([^"]+)"', text):
            found.add(f"/api/v3/oembed/?url={page_url}&format=json")
        if url.startswith("/api/v3/stories/"):
            for item in data.get("items", []):
                found.add(f"/api/v3/stories/{item['id']}/share/")
    elif "xml" in content_type or "rss" in content_type:
        found.update(re.findall(r"<(?:loc|link)>([^<]+)</(?:loc|link)>", text))
        found.update(re.findall(r'href="([^"]+)"', text))
    elif "html" in content_type:
        soup = BeautifulSoup(text, "html.parser")
        for tag in soup.find_all(True):
            for attribute in ("href", "src", "content"):
                value = tag.get(attribute)
                if isinstance(value, str) and value.startswith(("http", "/")):
                    found.add(value)
            for candidate in (tag.get("srcset") or "").split(","):
                if candidate.strip():
                    found.add(candidate.split()[0])
    elif "calendar" in content_type:
        found.update(re.findall(r"^URL[^:]*:(\S+)", text, flags=re.MULTILINE))
    return {urljoin(f"http://testserver{url}", link) for link in found}


def crawl(client):
    seen, queue, responses = set(), list(seeds()), {}
    while queue and len(responses) < MAX_REQUESTS:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.hostname not in OWN_HOSTS and parts.netloc:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path in seen or parts.path.startswith(NOT_CRAWLED):
            continue
        seen.add(path)
        response = client.get(path)
        responses[path] = response
        if response.status_code == 200:
            queue.extend(links_in(path, response))
    return responses


def test_no_public_output_in_any_language_shows_anything_private(client, planted, synced_tree):
    responses = crawl(client)

    leaks = {
        (what, path)
        for path, response in responses.items()
        for what, secret in planted.items()
        if secret in response.content.decode(errors="replace")
    }
    assert leaks == set()
    assert {path: r.status_code for path, r in responses.items() if r.status_code >= 500} == {}
    # The crawl did reach the places where a leak would show, in every language.
    crawled = set(responses)
    for code in LANGUAGES:
        assert f"/{code}/missions/iom-kenya/amina-yusuf/" in crawled
        assert f"/{code}/missions/iom-kenya/shown-hero/" in crawled
    story_details = [p for p in crawled if re.fullmatch(r"/api/v3/pages/\d+/", p)]
    assert len(story_details) >= 12
    assert any(p.startswith("/embed/stories/") for p in crawled)
    assert any(p.startswith("/api/v3/oembed/") for p in crawled)
    assert any("/media/images/" in p for p in crawled)


def test_the_planted_secrets_are_where_their_owners_can_see_them(client, planted):
    """The crawl proves something only if the secrets exist: MCD sees them in the admin."""
    client.force_login(UserFactory(superuser=True))

    nominations = client.get(reverse("nominations:index")).content.decode()

    assert "Nominated Hero" in nominations
    assert Multiplier.objects.filter(email=SECRETS["multiplier's email"]).exists()
