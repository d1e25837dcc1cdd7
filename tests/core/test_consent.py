"""No face goes out without consent: one rule for every use of an image.

A page cannot be saved with an image whose consent is pending, in any field (the photo, the
share image, the home banner, an image block in the body); and an image whose consent is
withdrawn later leaves every public output at once, in every language.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.core.models import PhotoConsent
from heroes import setup_roles
from heroes.services import missions
from tests.factories import HeroStoryPageFactory, ImageFactory, UserFactory

pytestmark = pytest.mark.django_db


def image_block(image):
    return [("image", {"image": image, "caption": "At the workshop"})]


def error_fields(page):
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    return set(raised.value.message_dict)


@pytest.fixture
def pending():
    return ImageFactory(title="Pending portrait", consent=PhotoConsent.PENDING)


def test_a_story_cannot_use_a_photo_without_consent(mission_hub, pending):
    story = HeroStoryPageFactory(parent=mission_hub)
    story.photo = pending

    assert error_fields(story) == {"photo"}


def test_a_share_image_without_consent_is_refused(mission_hub, pending):
    story = HeroStoryPageFactory(parent=mission_hub)
    story.social_image = pending

    assert error_fields(story) == {"social_image"}


def test_an_image_block_without_consent_is_refused(mission_hub, pending):
    story = HeroStoryPageFactory(parent=mission_hub)
    story.body = image_block(pending)

    fields = error_fields(story)

    assert fields == {"body"}


def test_a_home_banner_without_consent_is_refused(home_page, pending):
    home_page.banner_image = pending

    assert error_fields(home_page) == {"banner_image"}


def test_the_message_names_the_photo_and_says_what_to_do(mission_hub, pending):
    story = HeroStoryPageFactory(parent=mission_hub)
    story.body = image_block(pending)

    with pytest.raises(ValidationError) as raised:
        story.full_clean()

    (message,) = raised.value.message_dict["body"]
    assert "Pending portrait" in message
    assert "consent" in message


def test_images_with_consent_are_accepted_everywhere(home_page, mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub)
    story.social_image = ImageFactory()
    story.body = image_block(ImageFactory())
    story.full_clean()
    home_page.banner_image = ImageFactory()
    home_page.full_clean()


# Withdrawal -------------------------------------------------------------------------------


@pytest.fixture
def kenya(mission_hub):
    return missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    ).mission


@pytest.fixture
def published(synced_tree, kenya):
    """The story with its photo also in its body and as the home banner, in four languages."""
    story = synced_tree.story
    photo = story.photo
    story.body = image_block(photo)
    story.save_revision().publish()
    home = synced_tree.home
    home.banner_image = photo
    home.save_revision().publish()
    return story


def public_outputs(client, story):
    """Every public response that could show the story's photo, in every language."""
    from cms.core.withdrawal import copies_of

    urls = []
    for copy in [story, *copies_of(story)]:
        urls += [
            copy.url,
            f"/api/v3/pages/{copy.pk}/",
            f"/api/v3/stories/{copy.pk}/share/",
            f"/embed/stories/{copy.pk}/",
            f"/api/v3/oembed/?url={copy.full_url}&format=json",
        ]
    for code in ("en", "fr", "es", "ar"):
        urls += [
            f"/{code}/",
            f"/api/v3/stories/?locale={code}",
            f"/api/v3/pages/?type=home.HomePage&locale={code}&fields=banner_image",
            f"/{code}/stories/",
        ]
    responses = {url: client.get(url) for url in urls}
    assert {url: r.status_code for url, r in responses.items() if r.status_code != 200} == {}
    return {url: r.content.decode() for url, r in responses.items()}


def rendition_names(image):
    return [Path(rendition.file.name).name for rendition in image.renditions.all()]


def test_withdrawn_consent_takes_the_photo_out_of_every_public_output(
    client, published, django_capture_on_commit_callbacks
):
    photo = published.photo
    before = public_outputs(client, published)
    names = rendition_names(photo)
    assert names, "publishing made the photo's renditions"
    assert any(name in body for body in before.values() for name in names)

    with django_capture_on_commit_callbacks(execute=True):  # files go when the change commits
        photo.consent = PhotoConsent.PENDING
        photo.save()

    after = public_outputs(client, published)
    assert {url for url, body in after.items() if any(name in body for name in names)} == set()
    assert not photo.renditions.exists()
    for name in names:
        assert not (Path(settings.MEDIA_ROOT) / "images" / name).exists()
    detail = json.loads(after[f"/api/v3/pages/{published.pk}/"])
    assert detail["photo"] is None
    assert detail["share_image"] is None
    assert detail["body"][0]["value"]["image"] is None


def test_withdrawn_consent_tells_mcd_and_the_missions_that_used_it(
    published, kenya, django_capture_on_commit_callbacks
):
    mcd = UserFactory(email="mcd@hq.example.org")
    mcd.groups.add(setup_roles.ensure_mcd_group())
    editor = UserFactory(email="editor@kenya.example.org")
    editor.groups.add(kenya.editors_group)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):  # mail is queued on commit
        published.photo.consent = PhotoConsent.PENDING
        published.photo.save()

    (message,) = mail.outbox
    assert {"mcd@hq.example.org", "editor@kenya.example.org"} <= set(message.to)
    assert published.photo.title in message.subject
    assert reverse("wagtailadmin_pages:edit", args=(published.pk,)) in message.body


def test_saving_an_image_that_keeps_its_consent_sends_nothing(
    published, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        published.photo.credit = "© IOM 2026 / New credit"
        published.photo.save()

    assert mail.outbox == []
    assert published.photo.renditions.exists()
