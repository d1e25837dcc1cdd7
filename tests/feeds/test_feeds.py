"""RSS of stories and iCalendar of events, read back by independent parsers."""

import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
import pytest

from tests.api.conftest import PRIVATE_NOMINATOR, PRIVATE_NOTES
from tests.factories import EventPageFactory, HeroStoryPageFactory

pytestmark = pytest.mark.django_db


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == "rss" and root.attrib["version"] == "2.0"
    return root.find("channel"), root.findall("channel/item")


def calendar_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_the_story_feed_lists_live_stories_of_its_language(
    client, story, french_story, draft_story, private_story
):
    channel, items = rss_items(client, "/en/feeds/stories.rss")

    assert channel.findtext("language") == "en"
    assert [item.findtext("link") for item in items] == [story.full_url]
    assert items[0].findtext("title") == "Amina Yusuf: Amina teaches sewing in Nairobi"
    assert items[0].findtext("guid") == story.full_url
    assert items[0].findtext("category") == "sewing"
    _channel, french_items = rss_items(client, "/fr/feeds/stories.rss")
    assert [item.findtext("link") for item in french_items] == [french_story.full_url]


def test_a_mission_feed_lists_only_that_mission(client, story, mission_hub, other_mission):
    ugandan = HeroStoryPageFactory(parent=other_mission)

    _channel, items = rss_items(client, f"/en/feeds/missions/{other_mission.slug}/stories.rss")

    assert [item.findtext("link") for item in items] == [ugandan.full_url]
    assert client.get("/en/feeds/missions/no-such-mission/stories.rss").status_code == 404


def test_private_data_never_appears_in_the_feeds(client, story, event):
    for url in ("/en/feeds/stories.rss", "/en/calendar.ics"):
        body = client.get(url).content.decode()
        assert PRIVATE_NOMINATOR not in body
        assert PRIVATE_NOTES not in body


def test_the_calendar_is_valid_icalendar_with_time_zones(client, event):
    calendar = calendar_of(client, "/en/calendar.ics")

    [entry] = calendar.walk("VEVENT")
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert str(entry["SUMMARY"]) == "Amina's sewing exhibition"
    start = entry.decoded("DTSTART")
    assert start == dt.datetime(2026, 11, 5, 9, tzinfo=dt.UTC)
    assert str(start.tzinfo) == "Africa/Nairobi"
    assert entry["DTSTART"].params["TZID"] == "Africa/Nairobi"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Africa/Nairobi"]
    assert str(entry["URL"]) == event.full_url


def test_an_all_day_event_has_dates_and_an_exclusive_end(client, mission_hub):
    EventPageFactory(
        parent=mission_hub,
        all_day=True,
        start=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
        end=dt.datetime(2026, 11, 10, 23, tzinfo=dt.UTC),
    )

    [entry] = calendar_of(client, "/en/calendar.ics").walk("VEVENT")

    assert entry.decoded("DTSTART") == dt.date(2026, 11, 1)
    assert entry.decoded("DTEND") == dt.date(2026, 11, 11)


def test_an_updated_event_keeps_its_uid_and_raises_its_sequence(client, event):
    [before] = calendar_of(client, "/en/calendar.ics").walk("VEVENT")
    event.location = "Mombasa"
    event.save_revision().publish()

    [after] = calendar_of(client, "/en/calendar.ics").walk("VEVENT")

    assert after["UID"] == before["UID"]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert "Mombasa" in str(after["LOCATION"])


def test_drafts_never_appear_in_the_calendar_feed(client, mission_hub, event):
    EventPageFactory(parent=mission_hub, draft=True, title="A draft event")

    calendar = calendar_of(client, "/en/calendar.ics")

    assert [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")] == [
        "Amina's sewing exhibition"
    ]


def test_a_mission_calendar_lists_only_that_mission(client, event, other_mission):
    ugandan = EventPageFactory(parent=other_mission)

    calendar = calendar_of(client, f"/en/feeds/missions/{other_mission.slug}/calendar.ics")

    assert [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")] == [ugandan.title]


def test_the_sitemap_lists_live_pages_of_every_locale(
    client, story, french_story, draft_story, private_story
):
    body = client.get("/sitemap.xml").content.decode()

    assert story.full_url in body
    assert french_story.full_url in body
    assert draft_story.slug not in body
    assert private_story.slug not in body
