"""Every page type renders, with its content, for an anonymous reader."""

import datetime as dt
import zoneinfo

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    CalendarPageFactory,
    CampaignMaterialFactory,
    EventPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    MissionHubPageFactory,
)

pytestmark = pytest.mark.django_db
NAIROBI = zoneinfo.ZoneInfo("Africa/Nairobi")


def get(client, page_or_url, **params):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def text(soup):
    return " ".join(soup.get_text(" ").split())


def test_the_home_page_shows_featured_and_latest_stories_events_and_material(
    client, home_page, mission_hub
):
    featured = HeroStoryPageFactory(parent=mission_hub, hero_name="Amina Yusuf")
    latest = HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech")
    home_page.featured_stories.create(story=featured)
    event = EventPageFactory(parent=mission_hub, title="Eastleigh Cultural Festival")
    material = CampaignMaterialFactory(title="#MigrantHeroes donor info sheet")
    material.save_revision().publish()

    soup = get(client, "/en/")

    assert soup.h1.get_text(strip=True) == home_page.banner_heading
    page_text = text(soup)
    for expected in ("Amina Yusuf", "Grace Akech", event.title, material.title):
        assert expected in page_text
    assert soup.find("a", href=material.document.url)
    assert soup.find("html")["lang"] == "en"
    assert soup.find("a", class_="skip-link")["href"] == "#main"
    assert soup.find("main", id="main")
    assert latest.url in {a["href"] for a in soup.find_all("a", href=True)}


def test_a_story_page_shows_the_hero_with_photo_credit_and_alt_text(client, mission_hub):
    story = HeroStoryPageFactory(
        parent=mission_hub,
        hero_name="Amina Yusuf",
        headline="The sewing circle that became a cooperative",
        country_of_origin="SO",
        body=[("paragraph", "<p>She shared her sewing machine.</p>")],
        tags=["livelihoods"],
    )

    soup = get(client, story)

    assert soup.h1.get_text(strip=True) in {"Amina Yusuf", story.headline}
    page_text = text(soup)
    for expected in (story.headline, "Somalia", "Kenya", "She shared her sewing machine."):
        assert expected in page_text
    assert story.photo.credit in page_text
    assert soup.find("img", alt=story.photo.description)
    assert soup.find("meta", property="og:image")["content"].startswith("http://testserver/")
    assert "livelihoods" in page_text


def test_a_story_credits_its_nominator_only_when_they_agreed(client, mission_hub):
    credited = HeroStoryPageFactory(
        parent=mission_hub, nominator_name="Joseph Otieno", nominator_agreed_to_credit=True
    )
    private = HeroStoryPageFactory(
        parent=mission_hub, nominator_name="Mary Wambui", nominator_agreed_to_credit=False
    )

    assert "Joseph Otieno" in text(get(client, credited))
    assert "Mary Wambui" not in text(get(client, private))


def test_a_mission_hub_shows_its_office_focal_point_channels_and_stories(client, mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub, hero_name="Jean-Paul Habimana")
    draft = HeroStoryPageFactory(parent=mission_hub, hero_name="Not Yet Endorsed", draft=True)

    soup = get(client, mission_hub)

    page_text = text(soup)
    assert mission_hub.office_name in page_text
    assert mission_hub.focal_point_name in page_text
    assert soup.find("a", href=f"mailto:{mission_hub.focal_point_contact}")
    assert soup.find("a", href=mission_hub.facebook_url)
    assert story.hero_name in page_text
    assert draft.hero_name not in page_text


def test_the_mission_index_lists_live_hubs(client, mission_index, mission_hub):
    MissionHubPageFactory(parent=mission_index, country="IT", office_name="IOM Italy", draft=True)

    page_text = text(get(client, mission_index))

    assert mission_hub.office_name in page_text
    assert "IOM Italy" not in page_text


def test_an_event_page_shows_its_dates_where_it_takes_place(client, mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub, hero_name="Grace Akech")
    event = EventPageFactory(
        parent=mission_hub,
        title="Kakuma girls' race",
        start=dt.datetime(2026, 11, 14, 9, 0, tzinfo=NAIROBI),
        end=dt.datetime(2026, 11, 14, 12, 0, tzinfo=NAIROBI),
        time_zone="Africa/Nairobi",
        location="Kakuma",
        hero_story=story,
        registration_url="https://example.org/register",
    )

    soup = get(client, event)

    page_text = text(soup)
    assert "Kakuma girls' race" in page_text
    # Shown at its local time (09:00 in Nairobi), not converted to the site's UTC (06:00).
    assert soup.find("time", datetime="2026-11-14T09:00:00+03:00")
    assert "Africa/Nairobi" in page_text
    assert soup.find("a", href="https://example.org/register")
    assert soup.find("a", href=story.url)


class TestStoryIndex:
    @pytest.fixture
    def index(self, home_page):
        return HeroIndexPageFactory(parent=home_page)

    @pytest.fixture
    def stories(self, mission_index, mission_hub):
        italy = MissionHubPageFactory(parent=mission_index, country="IT")
        return {
            "kenya": HeroStoryPageFactory(
                parent=mission_hub, hero_name="Amina Yusuf", country_of_origin="SO", tags=["women"]
            ),
            "italy": HeroStoryPageFactory(
                parent=italy, hero_name="Ousmane Diallo", country_of_origin="SN", tags=["music"]
            ),
            "draft": HeroStoryPageFactory(parent=mission_hub, hero_name="Draft Hero", draft=True),
        }

    def test_lists_every_live_story_and_no_draft(self, client, index, stories):
        page_text = text(get(client, index))
        assert "Amina Yusuf" in page_text
        assert "Ousmane Diallo" in page_text
        assert "Draft Hero" not in page_text

    @pytest.mark.parametrize(
        ("params", "shown", "hidden"),
        [
            ({"country": "KE"}, "Amina Yusuf", "Ousmane Diallo"),
            ({"country": "SN"}, "Ousmane Diallo", "Amina Yusuf"),  # country of origin
            ({"tag": "music"}, "Ousmane Diallo", "Amina Yusuf"),
        ],
    )
    def test_filters_by_country_and_tag(self, client, index, stories, params, shown, hidden):
        page_text = text(get(client, index, **params))
        assert shown in page_text
        assert hidden not in page_text

    def test_filters_by_mission(self, client, index, stories, mission_hub):
        page_text = text(get(client, index, mission=mission_hub.pk))
        assert "Amina Yusuf" in page_text
        assert "Ousmane Diallo" not in page_text

    def test_a_bad_filter_value_is_reported_and_ignored_not_a_500(self, client, index, stories):
        soup = get(client, index, country="ZZ", tag="music")
        page_text = text(soup)
        assert "Ousmane Diallo" in page_text  # the valid filter still applies
        assert "Amina Yusuf" not in page_text
        assert "ZZ is not one of the available choices" in page_text

    def test_paginates_twelve_stories_a_page(self, client, index, mission_hub):
        HeroStoryPageFactory.create_batch(13, parent=mission_hub)
        first = get(client, index)
        second = get(client, index, page=2)
        assert len(first.select(".card-grid > li")) == 12
        assert len(second.select(".card-grid > li")) == 1


class TestCalendar:
    @pytest.fixture
    def calendar(self, home_page):
        return CalendarPageFactory(parent=home_page)

    def test_month_view_places_events_on_their_local_day(self, client, calendar, mission_hub):
        EventPageFactory(
            parent=mission_hub,
            title="Late-night concert",
            start=dt.datetime(2026, 12, 1, 1, 0, tzinfo=NAIROBI),  # 30 November in UTC
            end=dt.datetime(2026, 12, 1, 3, 0, tzinfo=NAIROBI),
            time_zone="Africa/Nairobi",
        )

        november = text(get(client, calendar, month="2026-11"))
        december = get(client, calendar, month="2026-12")

        assert "Late-night concert" not in november
        assert "Late-night concert" in text(december)
        assert december.find("table")

    def test_list_view_filters_by_country_and_kind(
        self, client, calendar, mission_index, mission_hub
    ):
        italy = MissionHubPageFactory(parent=mission_index, country="IT")
        start = dt.datetime(2026, 11, 14, 20, 0, tzinfo=dt.UTC)
        EventPageFactory(parent=mission_hub, title="Nairobi festival", kind="festival", start=start)
        EventPageFactory(parent=italy, title="Turin concert", kind="concert", start=start)

        by_country = text(get(client, calendar, month="2026-11", view="list", country="IT"))
        by_kind = text(get(client, calendar, month="2026-11", view="list", kind="festival"))

        assert "Turin concert" in by_country
        assert "Nairobi festival" not in by_country
        assert "Nairobi festival" in by_kind
        assert "Turin concert" not in by_kind

    def test_a_bad_month_is_reported_not_a_500(self, client, calendar):
        assert "Enter a month as YYYY-MM" in text(get(client, calendar, month="2026-13"))

    @pytest.fixture
    def campaign_2026(self, mission_hub):
        """A campaign in 2026 only: the calendar pages from January 2025 to December 2027."""
        EventPageFactory(parent=mission_hub, start=dt.datetime(2026, 11, 14, 20, 0, tzinfo=dt.UTC))

    @staticmethod
    def month_links(soup):
        """The previous and next month links, by their rel: {"prev": <a>, "next": <a>}."""
        return {a["rel"][0]: a for a in soup.select(".calendar-nav__months a")}

    @pytest.mark.parametrize("month", ["2024-12", "2028-01", "2200-12"])
    def test_a_month_beyond_a_year_around_the_campaign_is_not_found(
        self, client, calendar, campaign_2026, month
    ):
        for view in ("month", "list"):
            assert client.get(calendar.url, {"month": month, "view": view}).status_code == 404

    def test_the_last_month_in_bounds_has_no_next_link(self, client, calendar, campaign_2026):
        links = self.month_links(get(client, calendar, month="2027-12"))

        assert set(links) == {"prev"}
        assert links["prev"]["href"] == "?month=2027-11"

    def test_the_first_month_in_bounds_has_no_previous_link(self, client, calendar, campaign_2026):
        links = self.month_links(get(client, calendar, month="2025-01"))

        assert set(links) == {"next"}
        assert links["next"]["href"] == "?month=2025-02"

    def test_month_and_view_links_ask_robots_not_to_follow_them(
        self, client, calendar, campaign_2026
    ):
        soup = get(client, calendar, month="2026-11", country="KE")

        links = soup.select(".calendar-nav a")
        assert len(links) == 4  # previous, next, month view, list view
        assert all("nofollow" in link["rel"] for link in links)

    def test_after_the_campaign_the_calendar_opens_on_its_last_month(
        self, client, calendar, mission_hub
    ):
        """Today is long after a campaign in 2000: the calendar opens on October 2000."""
        EventPageFactory(parent=mission_hub, start=dt.datetime(2000, 3, 8, 10, 0, tzinfo=dt.UTC))
        EventPageFactory(parent=mission_hub, start=dt.datetime(2000, 10, 1, 10, 0, tzinfo=dt.UTC))

        soup = get(client, calendar)

        assert soup.find("caption").get_text(strip=True) == "October 2000"
        assert set(self.month_links(soup)) == {"prev", "next"}


def test_search_finds_live_stories_only(client, home_page, mission_hub):
    HeroStoryPageFactory(parent=mission_hub, hero_name="Hala Al-Masri", headline="Coding club")
    HeroStoryPageFactory(
        parent=mission_hub, hero_name="Hidden Draft", headline="Coding", draft=True
    )

    page_text = text(get(client, "/en/search/", query="coding"))

    assert "Hala Al-Masri" in page_text
    assert "Hidden Draft" not in page_text


def test_an_unknown_page_is_a_404_with_the_site_layout(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert b"skip-link" in response.content


def test_the_500_page_renders_without_a_database_or_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "<html" in html
