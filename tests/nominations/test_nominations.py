"""The public nominates heroes; their data stays private and reaches only its reviewers."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from cms.urls import SERVED_MEDIA
from heroes.models import Nomination, NominationStatus
from tests.core.test_image_metadata import development_urls  # noqa: F401
from tests.factories import ImageFactory, NominatePageFactory

pytestmark = pytest.mark.django_db
GPS_TAG = 0x8825


def photo_with_gps(name="hero.jpg", size=(800, 600)):
    """A JPEG as phones make them: with the place it was taken in its EXIF."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[GPS_TAG] = {1: "S", 2: (1.0, 17.0, 0.0), 3: "E", 4: (36.0, 49.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def form_data(**overrides):
    return {
        "hero_name": "Halima Hassan",
        "country": "KE",
        "country_of_origin": "SO",
        "story": "Halima teaches forty children to read every evening in Eastleigh.",
        "photo_consent": "true",
        "nominator_name": "Joseph Otieno",
        "nominator_email": "joseph@example.org",
        "nominator_phone": "+254 711 000 000",
        "relationship": "Neighbour",
        "website": "",
        **overrides,
    }


@pytest.fixture
def nominate_page(home_page):
    return NominatePageFactory(parent=home_page)


def test_a_nomination_with_a_photo_is_stored_privately_without_its_metadata(
    client, nominate_page, kenya, kenya_focal_point, mcd
):
    response = client.post(nominate_page.url, {**form_data(), "photo": photo_with_gps()})

    assert response.status_code == 302
    assert response["Location"].endswith("?sent=1")
    nomination = Nomination.objects.get()
    assert nomination.mission == kenya
    assert nomination.status == NominationStatus.NEW
    assert nomination.language == "en"
    path = nomination.photo.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT) + "/")
    with Image.open(path) as stored:
        exif = stored.getexif()
        assert GPS_TAG not in exif and 0x010F not in exif
        assert stored.size == (800, 600)


def photo_with_hidden_text(kind):
    """A photo whose metadata is not EXIF: a JPEG comment, or a PNG text chunk."""
    image = Image.new("RGB", (800, 600), (200, 120, 40))
    buffer = io.BytesIO()
    if kind == "JPEG":
        image.save(buffer, format="JPEG", comment=b"Taken at 1.2833 S 36.8167 E")
    else:
        text = PngImagePlugin.PngInfo()
        text.add_text("comment", "Taken at 1.2833 S 36.8167 E")
        image.save(buffer, format="PNG", pnginfo=text)
    return SimpleUploadedFile(f"hero.{kind.lower()}", buffer.getvalue())


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_nomination_photo_keeps_no_comment_or_text_chunk(client, nominate_page, kenya, kind):
    client.post(nominate_page.url, {**form_data(), "photo": photo_with_hidden_text(kind)})

    nomination = Nomination.objects.get()
    with nomination.photo.open("rb") as stored:
        content = stored.read()
    assert b"36.8167" not in content
    with Image.open(io.BytesIO(content)) as stored:
        assert stored.format == "JPEG"
        assert "comment" not in stored.info
        assert [segment for segment, _ in stored.applist] == ["APP0"]


def test_the_nominator_and_the_reviewers_are_told(
    client, nominate_page, kenya_focal_point, mcd, django_capture_on_commit_callbacks
):
    mail.outbox.clear()  # the focal point's invitation
    with django_capture_on_commit_callbacks(execute=True):
        client.post(nominate_page.url, form_data())

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert "Halima Hassan" in by_recipient[("joseph@example.org",)].subject
    (review,) = [m for m in mail.outbox if m.to != ["joseph@example.org"]]
    assert set(review.to) == {kenya_focal_point.email, mcd.email}
    assert "/admin/nominations/" in review.body


def test_the_thank_you_page_follows(client, nominate_page):
    response = client.get(nominate_page.url, {"sent": "1"})
    assert b"Thank you" in response.content
    assert b"<form" not in response.content.split(b"<main")[1]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"hero_name": ""}, "hero_name", "This field is required."),
        ({"country": "XX"}, "country", "Select a valid choice."),
        ({"nominator_email": "not-an-email"}, "nominator_email", "Enter a valid email address."),
        ({"photo_consent": ""}, "photo_consent", "Confirm that the person in the photo agreed"),
    ],
)
def test_bad_input_gets_form_errors_and_stores_nothing(
    client, nominate_page, overrides, field, message, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            nominate_page.url, {**form_data(**overrides), "photo": photo_with_gps()}
        )

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Nomination.objects.exists()
    assert mail.outbox == []


def test_a_file_that_is_not_a_photo_is_refused(client, nominate_page):
    fake = SimpleUploadedFile("hero.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")

    response = client.post(nominate_page.url, {**form_data(), "photo": fake})

    assert response.status_code == 200
    assert "not a photo we can read" in " ".join(response.context["form"].errors["photo"])
    assert not Nomination.objects.exists()


def test_bots_filling_the_hidden_field_are_thanked_and_ignored(client, nominate_page):
    response = client.post(nominate_page.url, form_data(website="http://spam.example"))

    assert response.status_code == 302
    assert not Nomination.objects.exists()


def test_too_many_nominations_from_one_client_get_429_with_retry_after(
    client, nominate_page, settings
):
    settings.NOMINATIONS_PER_HOUR = 2
    for hero in ("Halima Hassan", "Amina Yusuf"):  # two heroes: the same one twice is merged
        assert client.post(nominate_page.url, form_data(hero_name=hero)).status_code == 302

    response = client.post(nominate_page.url, form_data(hero_name="Grace Akech"))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert b"try again later" in response.content
    assert Nomination.objects.count() == 2


def test_nominations_are_never_published(client, nominate_page, kenya):
    client.post(nominate_page.url, {**form_data(), "photo": photo_with_gps()})
    assert Nomination.objects.count() == 1  # stored, and yet nowhere public
    secrets = [b"Halima Hassan", b"joseph@example.org", b"+254 711 000 000", b"Joseph Otieno"]

    outputs = [
        client.get("/en/").content,
        client.get("/en/search/", {"query": "Halima"}).content,
        client.get("/api/v3/pages/").content,
        client.get("/api/v3/openapi.json").content,
        client.get("/sitemap.xml").content,
    ]
    for output in outputs:
        for secret in secrets:
            assert secret not in output


@pytest.mark.usefixtures("development_urls")
def test_a_nominations_photo_has_no_address_even_where_media_is_served(
    client, nominate_page, kenya, settings
):
    client.post(nominate_page.url, {**form_data(), "photo": photo_with_gps()})
    photo = Nomination.objects.get().photo.name
    rendition = ImageFactory().get_rendition("fill-100x100")
    private_folder = Path(settings.PRIVATE_MEDIA_ROOT).name

    served = client.get(settings.MEDIA_URL + rendition.file.name)
    not_found = [
        client.get(settings.MEDIA_URL + photo),
        *[client.get(f"{settings.MEDIA_URL}{folder}/{photo}") for folder in SERVED_MEDIA],
    ]
    climbing = [
        client.get(f"{settings.MEDIA_URL}{folder}/../../{private_folder}/{photo}")
        for folder in SERVED_MEDIA
    ]

    assert served.status_code == 200  # media is served here, as the development server does
    assert [response.status_code for response in not_found] == [404] * len(not_found)
    # A path out of a served folder is a suspicious operation: Django answers 400.
    assert [response.status_code for response in climbing] == [400] * len(climbing)


class TestReview:
    @pytest.fixture
    def nomination(self, client, nominate_page, kenya):
        client.post(nominate_page.url, {**form_data(), "photo": photo_with_gps()})
        client.logout()
        return Nomination.objects.get()

    @pytest.fixture
    def italy_nomination(self, client, nominate_page, italy):
        client.post(nominate_page.url, form_data(hero_name="Luca Bianchi", country="IT"))
        return Nomination.objects.get(country="IT")

    def test_the_missions_people_review_their_countrys_nominations(
        self, client, kenya_editor, nomination, italy_nomination
    ):
        client.force_login(kenya_editor)

        listing = client.get(reverse("nominations:index")).content.decode()
        client.post(
            reverse("nominations:edit", args=(nomination.pk,)),
            {"status": "accepted", "review_note": "We will interview her."},
        )

        assert "Halima Hassan" in listing
        assert "Luca Bianchi" not in listing
        nomination.refresh_from_db()
        assert nomination.status == NominationStatus.ACCEPTED
        assert nomination.reviewed_by == kenya_editor

    def test_another_mission_cannot_read_or_review_it(self, client, italy_editor, nomination):
        client.force_login(italy_editor)
        for view in ("inspect", "edit", "history", "usage", "photo"):
            response = client.get(reverse(f"nominations:{view}", args=(nomination.pk,)))
            assert response.status_code == 404, view

    def test_reviewers_see_the_photo_through_the_admin_only(self, client, mcd, nomination):
        client.force_login(mcd)

        page = client.get(reverse("nominations:inspect", args=(nomination.pk,)))
        photo = client.get(reverse("nominations:photo", args=(nomination.pk,)))

        assert b"joseph@example.org" in page.content
        assert photo.status_code == 200
        assert photo["Content-Type"] == "image/jpeg"

    def test_mcds_dashboard_counts_new_nominations(self, client, mcd, nomination):
        client.force_login(mcd)
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "1 new nomination waits for review." in content
