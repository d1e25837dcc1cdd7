"""Each mission nominates one story a month; MCD picks the global story of the month."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from heroes.models import StoryOfTheMonth
from heroes.services import story_of_the_month
from tests.factories import HeroStoryPageFactory

pytestmark = pytest.mark.django_db
NOVEMBER = dt.date(2026, 11, 1)
# A month already past whatever day the tests run: its winner is the home page's story of the
# month (the latest winner up to today).
PAST_MONTH = dt.date(2025, 11, 1)


def nominate(user, story, month=NOVEMBER, note="A hero of Eastleigh"):
    return story_of_the_month.nominate_story_of_the_month(
        user=user, story=story, month=month, note=note
    )


def test_a_mission_editor_proposes_one_of_their_missions_live_stories(kenya_editor, kenya_story):
    proposal = nominate(kenya_editor, kenya_story, month=dt.date(2026, 11, 17))

    assert proposal.month == NOVEMBER
    assert proposal.mission.country == "KE"
    assert proposal.nominated_by == kenya_editor
    assert PageLogEntry.objects.filter(
        page=kenya_story, action="heroes.story_of_the_month_nominated"
    ).exists()


def test_a_second_proposal_for_the_same_month_is_refused_clearly(kenya_editor, kenya, kenya_story):
    other = HeroStoryPageFactory(parent=kenya.hubs.get())
    nominate(kenya_editor, kenya_story)

    with pytest.raises(ValidationError) as error:
        nominate(kenya_editor, other)

    assert error.value.message_dict["month"] == [
        "Kenya has already nominated a story for November 2026."
    ]
    assert StoryOfTheMonth.objects.count() == 1
    nominate(kenya_editor, other, month=dt.date(2026, 12, 1))  # December is another month


def test_only_stories_of_their_own_mission(kenya_editor, italy_story):
    with pytest.raises(PermissionDenied):
        nominate(kenya_editor, italy_story)
    assert not StoryOfTheMonth.objects.exists()


def test_only_published_stories(kenya_editor, kenya_draft):
    with pytest.raises(ValidationError) as error:
        nominate(kenya_editor, kenya_draft)
    assert "story" in error.value.message_dict


def test_mcd_picks_the_story_of_the_month_and_only_one(
    mcd, kenya_editor, italy_editor, kenya_story, italy_story
):
    kenya_proposal = nominate(kenya_editor, kenya_story)
    italy_proposal = nominate(italy_editor, italy_story)

    story_of_the_month.pick_story_of_the_month(user=mcd, proposal=kenya_proposal)
    story_of_the_month.pick_story_of_the_month(user=mcd, proposal=italy_proposal)

    winners = StoryOfTheMonth.objects.winners()
    assert list(winners) == [italy_proposal]
    assert winners.get().picked_by == mcd


def test_a_mission_cannot_pick_the_story_of_the_month(kenya_editor, kenya_story):
    proposal = nominate(kenya_editor, kenya_story)
    with pytest.raises(PermissionDenied):
        story_of_the_month.pick_story_of_the_month(user=kenya_editor, proposal=proposal)
    proposal.refresh_from_db()
    assert not proposal.is_winner


def test_the_winner_is_shown_on_the_home_page_at_once(
    client, mcd, kenya_editor, kenya_story, django_capture_on_commit_callbacks
):
    proposal = nominate(kenya_editor, kenya_story, month=PAST_MONTH)
    before = client.get("/en/")  # now in the shared response cache
    with django_capture_on_commit_callbacks(execute=True):
        story_of_the_month.pick_story_of_the_month(user=mcd, proposal=proposal)

    response = client.get("/en/")

    assert b"Story of the month" not in before.content
    assert b"Story of the month" in response.content
    assert kenya_story.url.encode() in response.content


class TestInTheAdmin:
    def test_an_editor_nominates_through_the_admin_form(self, client, kenya_editor, kenya_story):
        client.force_login(kenya_editor)
        url = reverse("wagtailsnippets_heroes_storyofthemonth:add")

        response = client.post(url, {"story": kenya_story.pk, "month": "2026-11", "note": "Hero"})

        assert response.status_code == 302
        assert StoryOfTheMonth.objects.get().story_id == kenya_story.pk

    def test_the_admin_form_reports_the_rules(self, client, kenya_editor, italy_story):
        client.force_login(kenya_editor)
        url = reverse("wagtailsnippets_heroes_storyofthemonth:add")

        response = client.post(url, {"story": italy_story.pk, "month": "2026-11", "note": ""})

        assert response.status_code == 200
        assert "You can only nominate stories of your own mission." in response.content.decode()
        assert not StoryOfTheMonth.objects.exists()

    def test_missions_see_only_their_proposals(
        self, client, kenya_editor, italy_editor, kenya_story, italy_story
    ):
        nominate(kenya_editor, kenya_story)
        nominate(italy_editor, italy_story)
        client.force_login(kenya_editor)

        response = client.get(reverse("wagtailsnippets_heroes_storyofthemonth:list"))

        content = response.content.decode()
        assert kenya_story.title in content
        assert italy_story.title not in content

    def test_mcd_sees_the_months_proposals_and_picks_one(
        self, client, mcd, kenya_editor, italy_editor, kenya_story, italy_story
    ):
        proposal = nominate(kenya_editor, kenya_story)
        nominate(italy_editor, italy_story)
        client.force_login(mcd)

        listing = client.get(reverse("wagtailsnippets_heroes_storyofthemonth:list")).content
        client.post(reverse("wagtailsnippets_heroes_storyofthemonth:pick", args=(proposal.pk,)))

        assert kenya_story.title.encode() in listing and italy_story.title.encode() in listing
        proposal.refresh_from_db()
        assert proposal.is_winner

    def test_mcd_picks_with_the_button_on_the_listing(self, mcd, kenya_editor, kenya_story):
        proposal = nominate(kenya_editor, kenya_story)
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(mcd)

        listing = browser.get(reverse("wagtailsnippets_heroes_storyofthemonth:list"))
        form = BeautifulSoup(listing.content, "html.parser").find(
            "form",
            action=reverse("wagtailsnippets_heroes_storyofthemonth:pick", args=(proposal.pk,)),
        )
        token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
        response = browser.post(form["action"], {"csrfmiddlewaretoken": token})

        assert response.status_code == 302
        proposal.refresh_from_db()
        assert proposal.is_winner

    def test_an_editor_sees_no_pick_button(self, client, kenya_editor, kenya_story):
        nominate(kenya_editor, kenya_story)
        client.force_login(kenya_editor)

        listing = client.get(reverse("wagtailsnippets_heroes_storyofthemonth:list")).content

        assert kenya_story.title.encode() in listing
        assert b"Pick as story of the month" not in listing

    @pytest.mark.parametrize("view", ["history", "usage"])
    def test_another_missions_proposal_cannot_be_reached(
        self, client, kenya_editor, italy_editor, italy_story, view
    ):
        proposal = nominate(italy_editor, italy_story)
        client.force_login(kenya_editor)

        url = reverse(f"wagtailsnippets_heroes_storyofthemonth:{view}", args=(proposal.pk,))

        assert client.get(url).status_code == 404

    def test_an_editor_cannot_use_the_pick_action(self, client, kenya_editor, kenya_story):
        proposal = nominate(kenya_editor, kenya_story)
        client.force_login(kenya_editor)

        response = client.post(
            reverse("wagtailsnippets_heroes_storyofthemonth:pick", args=(proposal.pk,))
        )

        # The service's PermissionDenied, which Wagtail answers by sending to the dashboard.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        proposal.refresh_from_db()
        assert not proposal.is_winner

    def test_the_mcd_dashboard_shows_pages_awaiting_endorsement_and_this_months_proposals(
        self, client, mcd, kenya_editor, kenya_draft, kenya_story
    ):
        kenya_draft.get_workflow().start(kenya_draft, kenya_editor)
        nominate(kenya_editor, kenya_story, month=timezone.localdate())  # the dashboard's month
        client.force_login(mcd)

        content = client.get(reverse("wagtailadmin_home")).content.decode()

        assert "Waiting for MCD" in content
        assert kenya_draft.title in content
        assert "Focal point review" in content
        assert kenya_story.title in content


def test_a_private_winner_is_not_shown_on_the_home_page(client, mcd, kenya_editor, kenya_story):
    from wagtail.models import PageViewRestriction

    proposal = nominate(kenya_editor, kenya_story, month=PAST_MONTH)
    story_of_the_month.pick_story_of_the_month(user=mcd, proposal=proposal)
    PageViewRestriction.objects.create(
        page=kenya_story, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get("/en/")

    assert b"Story of the month" not in response.content
