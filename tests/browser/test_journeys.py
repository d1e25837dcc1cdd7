"""The campaign's journeys, end to end, in a real browser (Chromium driven by Playwright).

Every request the browser makes is answered by Django's test client inside the test's
transaction (tests/browser/helpers.live_page): people click, type and upload as they would.
"""

import html
import io
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.models import Locale, WorkflowState

from cms.core.locales import sync_locales
from heroes import setup_roles
from heroes.models import Ballot, Nomination
from heroes.models.stories import HeroStoryPage
from heroes.services import missions, story_of_the_month
from tests.browser.helpers import log_in
from tests.factories import HeroStoryPageFactory, VotePageFactory, VotingRoundFactory
from tests.nominations.test_nomination_to_story import sent_by_the_public

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's
SITE = "http://testserver"


@pytest.fixture
def photo():
    """A small JPEG, as a phone would send it, for set_input_files.

    Given as bytes: Chromium leaves a file read from disk out of the request bodies that
    Playwright's routing sees (and so Django would get an empty file); one made in the page's
    memory is sent whole.
    """
    jpeg = io.BytesIO()
    PillowImage.new("RGB", (640, 480), (180, 120, 60)).save(jpeg, "JPEG")
    return {"name": "amina-at-the-market.jpg", "mimeType": "image/jpeg", "buffer": jpeg.getvalue()}


def footer_action(page, name):
    """In the page editor, choose the action `name` in the footer's "More actions" menu."""
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.locator("footer").get_by_role("button", name=name, exact=True).click()


def test_a_story_written_by_a_mission_editor_goes_live_after_both_endorsements(
    kenya, kenya_editor, kenya_focal_point, mcd, photo, open_live
):
    hub = kenya.hubs.get()
    editor = open_live(Client())
    log_in(editor, kenya_editor.username, PASSWORD)
    editor.goto(f"{SITE}/admin/pages/add/heroes/herostorypage/{hub.pk}/")
    editor.fill("#id_title", "Amina Yusuf, tailor")
    editor.fill("#id_hero_name", "Amina Yusuf")
    editor.fill("#id_headline", "The sewing circle that became a cooperative")
    # The photo: uploaded from the image chooser's own "Upload" tab, consent recorded.
    editor.get_by_role("button", name="Choose an image").click()
    modal = editor.locator(".modal-dialog")
    modal.get_by_role("tab", name="Upload").click()
    modal.locator("input[type=file]").set_input_files(photo)
    modal.get_by_label("Title").fill("Amina at the market")
    modal.locator("#id_image-chooser-upload-description").fill("Amina Yusuf at her stall")
    modal.get_by_label("Consent of the pictured person").select_option("written")
    modal.get_by_role("button", name="Upload").click()
    editor.wait_for_selector(".modal-dialog", state="detached")
    editor.select_option("#id_country_of_origin", "SO")
    editor.select_option("#id_country_of_residence", "KE")
    editor.fill("#id_intro", "Amina came to Nairobi with a sewing machine and an idea.")
    footer_action(editor, "Submit to Mission endorsement")
    editor.wait_for_url(f"{SITE}/admin/pages/{hub.pk}/")  # back to the hub's pages
    assert "created and submitted for moderation" in editor.locator(".messages").inner_text()

    story = HeroStoryPage.objects.get(hero_name="Amina Yusuf")
    assert story.photo.title == "Amina at the market"
    assert not story.live

    # The focal point approves; MCD, who can publish, approves and publishes.
    for reviewer, action in ((kenya_focal_point, "Approve"), (mcd, "Approve and Publish")):
        reviewing = open_live(Client())
        log_in(reviewing, reviewer.username, PASSWORD)
        reviewing.goto(f"{SITE}/admin/pages/{story.pk}/edit/")
        footer_action(reviewing, action)
        reviewing.wait_for_url(f"{SITE}/admin/pages/{hub.pk}/")

    story.refresh_from_db()
    assert story.live
    assert WorkflowState.objects.get(object_id=str(story.pk)).status == "approved"
    reader = open_live(Client())
    reader.goto(f"{SITE}{story.url}")
    assert reader.locator("h1").inner_text() != ""
    assert "The sewing circle that became a cooperative" in html.unescape(reader.content())
    assert reader.locator("img[src*='amina']").count() >= 1


@pytest.fixture
def site_with_a_vote(public_site, home_page):
    """The public site (tests/browser/conftest.py) with a vote open on the hub's stories."""
    stories = list(HeroStoryPage.objects.child_of(public_site.hub))
    public_site.vote = VotePageFactory(parent=home_page)
    public_site.round = VotingRoundFactory(stories=stories)
    sync_locales()
    return public_site


def test_a_reader_reads_in_arabic_searches_nominates_with_a_photo_and_votes(
    site_with_a_vote, photo, open_live, django_capture_on_commit_callbacks
):
    site = site_with_a_vote
    arabic = site.story.get_translation(Locale.objects.get(language_code="ar"))
    reader = open_live(Client())

    reader.goto(f"{SITE}{arabic.url}")
    assert reader.locator("html").get_attribute("dir") == "rtl"
    assert reader.locator("html").get_attribute("lang") == "ar"

    reader.locator(".language-switcher a[hreflang=en]").click()
    reader.wait_for_url(f"{SITE}{site.story.url}")
    assert reader.locator("html").get_attribute("dir") == "ltr"

    reader.get_by_role("link", name="Search", exact=True).click()
    reader.fill("#search-query", "Warsame-Hassanovic")
    reader.press("#search-query", "Enter")
    reader.wait_for_url("**/en/search/?query=*")
    reader.locator(f"a[href='{site.story.url}']").first.wait_for()

    reader.goto(f"{SITE}{site.nominate.url}")
    reader.get_by_label("Hero's name").fill("Fatuma Ali")
    reader.locator("#id_country").select_option("KE")
    reader.locator("#id_story").fill("Fatuma teaches Swahili to newcomers every Saturday.")
    reader.locator("#id_photo").set_input_files(photo)
    reader.locator("#id_photo_consent").check()
    reader.locator("#id_nominator_name").fill("Juma Otieno")
    reader.locator("#id_nominator_email").fill("juma@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        reader.get_by_role("button", name="Send the nomination").click()
        reader.locator(".notice--success").wait_for()
    nomination = Nomination.objects.get()
    assert nomination.hero_name == "Fatuma Ali"
    assert nomination.photo

    reader.goto(f"{SITE}{site.vote.url}")
    for checkbox in reader.locator("input[name=stories]").all()[:3]:
        checkbox.check()
    reader.locator("#vote-email").fill("voter@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        reader.get_by_role("button", name="Vote", exact=True).click()
        reader.wait_for_url("**/vote/?sent=1")
    link = next(word for word in mail.outbox[-1].body.split() if "/vote/confirm/" in word)
    # The link is absolute on the site's host name (localhost in tests): the same path here.
    reader.goto(f"{SITE}{urlsplit(link).path}")
    with django_capture_on_commit_callbacks(execute=True):
        reader.get_by_role("button", name="Confirm my vote").click()
        reader.get_by_text("your vote counts").wait_for()
    assert Ballot.objects.get(email="voter@example.org").confirmed_at is not None
    assert reader.external == []


def test_mcd_accepts_a_nomination_into_a_draft_story_and_picks_the_story_of_the_month(
    kenya, kenya_editor, mcd, open_live
):
    # Sent from the public form (the reader's journey above drives it in the browser).
    nomination = sent_by_the_public("KE", kenya)
    story = HeroStoryPageFactory(parent=kenya.hubs.get(), hero_name="Amina Yusuf")
    proposal = story_of_the_month.nominate_story_of_the_month(
        user=kenya_editor, story=story, month=timezone.localdate()
    )
    admin = open_live(Client())
    log_in(admin, mcd.username, PASSWORD)

    admin.get_by_role("link", name="Public nominations").click()
    admin.get_by_role("link", name="Halima Hassan").first.click()
    admin.get_by_role("button", name="Accept", exact=True).click()
    admin.get_by_text("nomination is accepted: a draft story waits in the hub").wait_for()
    nomination.refresh_from_db()
    draft = nomination.hero_story.specific
    assert draft.hero_name == "Halima Hassan"
    assert not draft.live

    admin.get_by_role("link", name="Story of the month").first.click()
    admin.get_by_role("button", name="Pick as story of the month").click()
    admin.get_by_text("is the story of the month of").wait_for()
    proposal.refresh_from_db()
    assert proposal.is_winner
    assert proposal.picked_by == mcd


HEADLINE = "The sewing circle that became a cooperative"
FRENCH_HEADLINE = "L’atelier de couture devenu coopérative"


def test_a_translator_translates_a_story_into_french_and_submits_it_for_endorsement(
    kenya, mission_hub, translator_of, open_live, django_capture_on_commit_callbacks
):
    story = HeroStoryPageFactory(parent=mission_hub, headline=HEADLINE, slug="amina")
    sync_locales()
    missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    )  # the hub's new aliases get the mission's rights and workflow
    translator = translator_of("fr")
    french = Locale.objects.get(language_code="fr")
    page = open_live(Client())
    log_in(page, translator.username, PASSWORD)

    # wagtail-localize's "Translate this page": French, then its translation editor.
    page.goto(f"{SITE}/admin/localize/submit/page/{story.pk}/")
    page.get_by_label("French").check()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Submit").click()
        page.wait_for_url("**/admin/pages/*/edit/")
    segment = page.locator("li", has=page.get_by_text(HEADLINE, exact=True)).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(FRENCH_HEADLINE)
    segment.get_by_role("button", name="Save").click()
    segment.get_by_text(FRENCH_HEADLINE).wait_for()

    # The project's "Submit translation for endorsement", from the French hub's listing.
    french_story = story.get_translation(french)
    page.goto(f"{SITE}/admin/pages/{french_story.get_parent().pk}/")
    row = page.locator("tr", has=page.get_by_text(french_story.title)).first
    row.get_by_role("button", name="More options").click()
    row.get_by_role("link", name="Submit translation for endorsement").click()
    page.get_by_role("button", name="Submit for endorsement").click()
    page.get_by_text("is sent for endorsement").wait_for()

    french_story.refresh_from_db()
    assert french_story.current_workflow_task.name == setup_roles.FOCAL_POINT_TASK
    assert french_story.get_latest_revision_as_object().headline == FRENCH_HEADLINE
    assert french_story.headline != FRENCH_HEADLINE  # the live page waits for endorsement
