import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from cms.core.models import CampaignImage, PhotoConsent
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_a_campaign_image_needs_alt_text():
    image = ImageFactory()
    image.description = ""

    with pytest.raises(ValidationError) as refused:
        image.full_clean()

    assert set(refused.value.message_dict) == {"description"}


def test_a_campaign_image_with_alt_text_is_valid():
    image = ImageFactory(description="Amina teaching a sewing class in Nairobi")

    image.full_clean()


def test_the_alt_text_of_a_campaign_image_is_its_description():
    image = ImageFactory(description="Amina teaching a sewing class in Nairobi")

    assert image.default_alt_text == "Amina teaching a sewing class in Nairobi"
    assert image.alt_text == "Amina teaching a sewing class in Nairobi"


def test_a_campaign_image_is_cropped_to_the_size_of_a_facebook_share():
    image = ImageFactory(file__width=1600, file__height=1200)

    rendition = image.get_rendition("fill-1200x630")

    assert (rendition.width, rendition.height) == (1200, 630)
    assert rendition.alt == image.description
    with rendition.file.open() as file, Image.open(file) as picture:
        assert picture.size == (1200, 630)


def test_a_rendition_is_made_once_and_reused():
    image = ImageFactory()

    first = image.get_rendition("fill-600x400")
    again = image.get_rendition("fill-600x400")

    assert again.pk == first.pk
    assert image.renditions.count() == 1


@pytest.mark.parametrize(
    ("consent", "publishable"),
    [
        (PhotoConsent.WRITTEN, True),
        (PhotoConsent.VERBAL, True),
        (PhotoConsent.PUBLIC_FIGURE, True),
        (PhotoConsent.NO_PERSON, True),
        (PhotoConsent.PENDING, False),
    ],
)
def test_a_photo_may_be_published_once_consent_is_obtained(consent, publishable):
    assert ImageFactory.build(consent=consent).has_publishable_consent is publishable


def test_a_new_photo_waits_for_consent():
    assert CampaignImage().consent == PhotoConsent.PENDING
