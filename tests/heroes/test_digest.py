"""The newsletter digest: a mission's (or the campaign's) new stories and coming events, as
email-safe HTML and plain text, in the admin (with copy buttons) and in the API."""

import datetime as dt
import importlib.util
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail_localize.models import LocaleSynchronization

import cms.urls
from cms.core.locales import sync_trees
from heroes import digest, setup_roles
from heroes.models import HeroStoryPage, StoryOfTheMonth
from heroes.services.missions import setup_mission
from tests.factories import (
    CalendarPageFactory,
    EventPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    HomePageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
    NominatePageFactory,
    UserFactory,
)

Rendition = get_image_model().get_rendition_model()


class Links(HTMLParser):
    """Every href and src of an HTML text."""

    def __init__(self, html):
        super().__init__()
        self.hrefs, self.srcs = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])


def development_urls():
    """cms/urls.py as the development server loads it (DEBUG on: renditions are served)."""
    with override_settings(DEBUG=True):
        spec = importlib.util.spec_from_file_location("development_urls", cms.urls.__file__)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module


def story(hub, name, **kwargs):
    """A story whose photo has the digest's size, as publishing makes it (made here directly:
    publishing makes eight more sizes, which these tests don't need)."""
    page = HeroStoryPageFactory(
        parent=hub,
        hero_name=name,
        title=name,
        photo__file__width=600,
        photo__file__height=400,
        **kwargs,
    )
    page.photo.get_rendition(digest.PHOTO_RENDITION)
    return page


def at_noon(day):
    return dt.datetime.combine(day, dt.time(12), dt.UTC)


class DigestTestCase(TestCase):
    """Kenya and Italy, in English and synchronised into French and Arabic.

    Last month Kenya published Amina (translated into French), Baraka (not translated: the
    French tree shows its English alias) and Grace (Kenya's story of the month, picked by MCD
    for the whole campaign); it also has a draft, a private story and a story two months old.
    Italy published Luca last month. Events: Kenya's meet-up in ten days and its festival in
    a hundred days, a draft event, Italy's concert in five days.
    """

    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        root.get_children().delete()
        home = HomePageFactory(parent=root)
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="MH"
        )
        HeroIndexPageFactory(parent=home, slug="stories")
        CalendarPageFactory(parent=home, slug="calendar")
        NominatePageFactory(parent=home, slug="nominate")
        index = MissionIndexPageFactory(parent=home)
        kenya_hub = MissionHubPageFactory(parent=index, country="KE", office_name="IOM Kenya")
        italy_hub = MissionHubPageFactory(parent=index, country="IT", office_name="IOM Italy")
        # French and Arabic (left to right, right to left) kept in step with English.
        english = Locale.get_default()
        for code in ("fr", "ar"):
            locale, _created = Locale.objects.get_or_create(language_code=code)
            LocaleSynchronization.objects.create(locale=locale, sync_from=english)
        cls.kenya = setup_mission(
            country="KE", name="Kenya", focal_point_email="fp@kenya.example.org", invite=False
        ).mission
        cls.italy = setup_mission(
            country="IT", name="Italy", focal_point_email="fp@italy.example.org", invite=False
        ).mission
        cls.french = Locale.objects.get(language_code="fr")
        cls.arabic = Locale.objects.get(language_code="ar")
        cls.english = english

        cls.period = digest.period()  # the previous month
        last_month = at_noon(cls.period.start + dt.timedelta(days=9))
        amina = story(kenya_hub, "Amina Yusuf", headline="Amina teaches sewing in Nairobi")
        french_amina = amina.copy_for_translation(cls.french)
        french_amina.headline = "Amina enseigne la couture à Nairobi"
        french_amina.save_revision().publish()
        baraka = story(kenya_hub, "Otieno Baraka", headline="Baraka coaches a football team")
        grace = story(kenya_hub, "Grace Akech", headline="Grace opened a bakery")
        old = story(kenya_hub, "Old Hero")
        private = story(kenya_hub, "Private Hero")
        draft = story(kenya_hub, "Draft Hero", draft=True)
        luca = story(italy_hub, "Luca Bianchi", headline="Luca sings in eleven languages")
        now = timezone.now()
        events = {
            "Kenya meet-up": (kenya_hub, now + dt.timedelta(days=10), {}),
            "Kenya festival": (kenya_hub, now + dt.timedelta(days=100), {}),
            "Kenya draft event": (kenya_hub, now + dt.timedelta(days=7), {"draft": True}),
            "Italy concert": (italy_hub, now + dt.timedelta(days=5), {}),
        }
        for title, (hub, start, extra) in events.items():
            EventPageFactory(parent=hub, title=title, start=start, **extra)
        sync_trees()  # the French, Spanish and Arabic aliases of the new pages

        def dated(page, when):
            HeroStoryPage.objects.filter(translation_key=page.translation_key).update(
                first_published_at=when
            )

        for page in (amina, baraka, grace, private, luca):
            dated(page, last_month)
        dated(old, at_noon(cls.period.start - dt.timedelta(days=20)))
        # Privacy on the English page reaches its copies (cms.core.withdrawal).
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        StoryOfTheMonth.objects.create(
            month=cls.period.start, mission=cls.kenya, story=grace, is_winner=True
        )
        cls.amina, cls.baraka, cls.grace, cls.draft = amina, baraka, grace, draft
        cls.kenya_hub = kenya_hub

    def build(self, locale=None, mission="kenya", **kwargs):
        mission = getattr(self, mission) if mission else None
        return digest.build_digest(
            locale=locale or self.french, mission=mission, period=self.period, **kwargs
        )

    def in_locale(self, page, locale):
        return page.get_translation(locale)


class WhatADigestHolds:
    def test_a_missions_french_digest_lists_only_its_new_live_public_stories(self):
        result = self.build()
        html = digest.render_html(result)

        assert {item.page.pk for item in result.stories} == {
            self.in_locale(page, self.french).pk for page in (self.baraka, self.amina)
        }
        assert "Amina enseigne la couture à Nairobi" in html  # the French translation
        assert "Amina teaches sewing" not in html
        assert "Baraka coaches a football team" in html  # the English page, as /fr/ shows it
        for absent in ("Old Hero", "Private Hero", "Draft Hero", "Luca Bianchi"):
            assert absent not in html, absent
        assert all(item.page.locale_id == self.french.pk for item in result.stories)

    def test_the_story_of_the_month_is_shown_once_in_its_own_section(self):
        result = self.build()
        html = digest.render_html(result)

        assert [pick.story.page for pick in result.picks] == [
            self.in_locale(self.grace, self.french)
        ]
        assert result.picks[0].is_winner
        assert html.count("Grace opened a bakery") == 1
        assert html.index("Grace opened a bakery") < html.index("Baraka coaches")

    def test_upcoming_events_are_the_missions_live_ones_of_the_next_six_weeks(self):
        result = self.build()
        html = digest.render_html(result)

        assert [item.page.title for item in result.events] == ["Kenya meet-up"]
        assert result.events[0].page.locale_id == self.french.pk
        assert result.events_until - result.events_from == dt.timedelta(days=41)
        for absent in ("Kenya festival", "Kenya draft event", "Italy concert"):
            assert absent not in html

    def test_the_campaign_digest_has_every_missions_stories_and_events(self):
        result = self.build(mission=None)
        html = digest.render_html(result)

        for present in ("Luca sings in eleven languages", "Amina enseigne", "Italy concert"):
            assert present in html
        assert "IOM Italy" in html  # each story says its mission
        for absent in ("Old Hero", "Private Hero", "Draft Hero", "Kenya festival"):
            assert absent not in html

    def test_the_digest_speaks_the_language_of_its_locale(self):
        french = digest.render_html(self.build())
        arabic = digest.render_html(self.build(locale=self.arabic))

        assert re.search(r'<table [^>]*lang="fr" dir="ltr"', french)
        assert re.search(r'<table [^>]*lang="ar" dir="rtl"', arabic)
        # An untranslated story in the Arabic digest is marked English, left to right.
        assert re.search(r'<h3 [^>]*lang="en" dir="ltr"><a [^>]*>Otieno Baraka', arabic)

    def test_the_text_version_has_the_same_items_and_links(self):
        result = self.build()
        html, text = digest.render_html(result), digest.render_text(result)

        links = Links(html)
        assert set(links.hrefs) == set(re.findall(r"https?://\S+", text))
        for item in [*result.stories, *result.events, *(pick.story for pick in result.picks)]:
            assert item.url in text and item.page.title in text
        assert "<" not in text

    def test_a_digest_runs_the_same_queries_for_2_stories_or_10(self):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                result = self.build(locale=self.english)
                digest.render_html(result)
                digest.render_text(result)
            return len(captured), len(result.stories)

        queries()  # the first one reads what stays cached (the sites' root paths)
        few, shown = queries()
        for number in range(8):
            page = story(self.kenya_hub, f"Extra Hero {number}")
            page.first_published_at = at_noon(self.period.start + dt.timedelta(days=2))
            page.save()
        many, shown_after = queries()

        assert (shown, shown_after) == (2, 10)
        assert many == few


class LinksAndImages:
    def test_every_link_and_image_is_absolute_and_answers(self):
        html = digest.render_html(self.build())
        links = Links(html)

        assert links.hrefs and links.srcs
        with override_settings(ROOT_URLCONF=development_urls()):
            for url in links.hrefs + links.srcs:
                assert url.startswith(settings.BASE_URL + "/"), url
                parts = urlsplit(url)
                response = self.client.get(parts.path, query_string=parts.query)
                assert response.status_code == 200, url

    def test_images_are_sizes_made_at_publish_and_rendering_makes_none(self):
        renditions_before = Rendition.objects.count()

        html = digest.render_html(self.build())

        assert Rendition.objects.count() == renditions_before
        files = {
            settings.BASE_URL + rendition.url: rendition.filter_spec
            for rendition in Rendition.objects.all()
        }
        srcs = Links(html).srcs
        assert len(srcs) == 3  # Amina, Baraka, Grace
        assert {files.get(src) for src in srcs} == {digest.PHOTO_RENDITION}
        assert 'width="600" height="400"' in html

    def test_a_story_whose_size_is_missing_shows_without_a_photo(self):
        bare = HeroStoryPageFactory(
            parent=self.kenya_hub,
            hero_name="Bare Hero",
            first_published_at=at_noon(self.period.start),
            photo__file__width=600,
            photo__file__height=400,
        )

        result = self.build(locale=self.english)
        html = digest.render_html(result)

        item = next(item for item in result.stories if item.page.pk == bare.pk)
        assert item.photo is None and "Bare Hero" in html
        assert not Rendition.objects.filter(image=bare.photo).exists()


class AdminView:
    url = reverse("heroes_digest")

    def member(self, mission):
        user = UserFactory()
        user.groups.add(mission.editors_group)
        return user

    def test_a_mission_editor_previews_and_copies_their_missions_digest(self):
        self.client.force_login(self.member(self.kenya))

        response = self.client.get(self.url, {"locale": "fr"})

        assert response.status_code == 200
        page = response.content.decode()
        assert "Amina enseigne la couture" in page  # in the preview and the textareas
        assert 'id="digest-html"' in page and 'id="digest-text"' in page
        assert 'data-digest-copy="digest-html"' in page
        assert 'data-digest-copy="digest-text"' in page
        assert "js/digest-copy.js" in page
        assert "Luca Bianchi" not in page

    def test_the_copy_script_uses_the_clipboard_api_with_a_fallback(self):
        response = self.client.get("/static/js/digest-copy.js")

        script = b"".join(response.streaming_content).decode()
        assert response.status_code == 200
        assert "navigator.clipboard" in script and 'execCommand("copy")' in script

    def test_another_missions_editor_cannot_see_kenyas_digest(self):
        self.client.force_login(self.member(self.italy))

        other = self.client.get(self.url, {"mission": "KE"})
        campaign = self.client.get(self.url, {"mission": ""})
        own = self.client.get(self.url, {"mission": "IT", "locale": "fr"})

        assert other.status_code == 404
        assert campaign.status_code in (302, 403)  # Wagtail's permission denied
        assert "Amina" not in own.content.decode() and "Luca Bianchi" in own.content.decode()

    def test_mcd_sees_the_campaign_digest(self):
        mcd = UserFactory()
        mcd.groups.add(setup_roles.ensure_mcd_group())
        self.client.force_login(mcd)

        response = self.client.get(self.url, {"mission": "", "locale": "fr"})

        page = response.content.decode()
        assert "Luca Bianchi" in page and "Amina enseigne" in page

    def test_bad_dates_are_form_errors(self):
        self.client.force_login(self.member(self.kenya))

        response = self.client.get(self.url, {"start": "2026-10-31", "end": "2026-10-01"})

        assert response.status_code == 200
        assert "The end date is before the start date." in response.content.decode()
        assert 'id="digest-html"' not in response.content.decode()

    def test_the_missions_dashboard_links_to_its_digest(self):
        self.client.force_login(self.member(self.kenya))

        response = self.client.get(reverse("wagtailadmin_home"))

        assert f"{self.url}?mission=KE" in response.content.decode()


class API:
    def get(self, path, **params):
        return self.client.get(path, params)

    def test_a_missions_digest_as_json(self):
        month = f"{self.period.start:%Y-%m}"

        response = self.get("/api/v3/missions/ke/digest/", locale="fr", month=month)

        assert response.status_code == 200
        data = response.json()
        assert data["mission"]["code"] == "KE" and data["locale"] == "fr"
        assert data["dir"] == "ltr"
        assert {card["hero_name"] for card in data["stories"]} == {"Amina Yusuf", "Otieno Baraka"}
        assert data["stories_count"] == 2
        assert [pick["story"]["hero_name"] for pick in data["stories_of_the_month"]] == [
            "Grace Akech"
        ]
        assert [event["title"] for event in data["events"]] == ["Kenya meet-up"]
        assert data["links"]["nominate"].startswith(settings.BASE_URL)
        assert "public" in response["Cache-Control"]  # anonymous, cached like the other reads

    def test_html_and_text_formats_are_the_digests_own(self):
        html = self.get("/api/v3/missions/KE/digest/", locale="ar", format="html")
        text = self.get("/api/v3/missions/KE/digest/", locale="ar", format="text")

        result = self.build(locale=self.arabic)
        assert html["Content-Type"] == "text/html; charset=utf-8"
        assert html.content.decode() == digest.render_html(result)
        assert text["Content-Type"] == "text/plain; charset=utf-8"
        assert text.content.decode() == digest.render_text(result)
        assert html["Content-Language"] == "ar"

    def test_the_campaign_digest(self):
        response = self.get("/api/v3/digest/", locale="fr")

        assert response.status_code == 200
        assert "Luca Bianchi" in {card["hero_name"] for card in response.json()["stories"]}
        assert response.json()["mission"] is None

    def test_bad_input_is_a_problem_naming_the_parameter(self):
        cases = {
            "end": {"start": "2026-10-31", "end": "2026-10-01"},
            "start": {"end": "2026-10-01"},
            "month": {"month": "2026-13"},
            "locale": {"locale": "xx"},
        }
        for parameter, params in cases.items():
            response = self.get("/api/v3/digest/", **params)
            assert response.status_code == 422, parameter
            assert response["Content-Type"] == "application/problem+json"
            assert parameter in str(response.json()), parameter
        too_long = self.get("/api/v3/digest/", start="2025-01-01", end="2026-01-02")
        both = self.get("/api/v3/digest/", month="2026-10", start="2026-10-01", end="2026-10-02")
        not_a_date = self.get("/api/v3/digest/", start="2026-02-30", end="2026-03-01")
        assert [too_long.status_code, both.status_code, not_a_date.status_code] == [422] * 3
        assert self.get("/api/v3/digest/", start="2025-01-01", end="2026-01-01").status_code == 200

    def test_an_unknown_mission_is_not_found(self):
        for code in ("ZZ", "kenya", "FR"):
            response = self.get(f"/api/v3/missions/{code}/digest/")
            assert response.status_code == 404, code
            assert response["Content-Type"] == "application/problem+json"

    def test_the_endpoints_are_in_the_openapi_document(self):
        document = self.client.get("/api/v3/openapi.json").json()

        mission = document["paths"]["/api/v3/missions/{code}/digest/"]["get"]
        campaign = document["paths"]["/api/v3/digest/"]["get"]
        for operation in (mission, campaign):
            assert set(operation["responses"]["200"]["content"]) == {
                "application/json",
                "text/html",
                "text/plain",
            }
            assert "422" in operation["responses"]
        assert "404" in mission["responses"]


class TestNewsletterDigest(WhatADigestHolds, LinksAndImages, AdminView, API, DigestTestCase):
    """Every test above, on one campaign built once (building it is most of their time)."""
