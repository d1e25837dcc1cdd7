"""No image the platform stores or serves carries where it was taken, or any hidden data.

Every path an image comes in by (the admin's single and multiple upload, the write API,
scripts saving the model) stores it stripped of EXIF, XMP, IPTC, ICC profile, comments and
text chunks, upright; its renditions are made from that. Images stored before are stripped by
`manage.py strip_image_metadata`, and originals are never served.
"""

import hashlib
import importlib.util
import io
import struct

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from PIL import Image, ImageCms, ImageOps, PngImagePlugin
from wagtail.models import APIToken, Collection

import cms.urls
from cms.core.image_metadata import MAX_PIXELS, TooManyPixels, strip_metadata
from cms.core.models import CampaignImage
from tests.factories import ImageFactory, UserFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MAKE = 0x010F
ORIENTATION = 0x0112
#: What the hostile test planted: where the photo was taken, and the camera.
SECRETS = (b"48.8584", b"HiddenCam")
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="48.8584N"/></rdf:RDF></x:xmpmeta>'
)
SHARING_RENDITIONS = ("fill-1200x630", "width-400", "max-800x800|format-webp", "original")


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def tagged_exif(orientation=None):
    exif = Image.Exif()
    exif[MAKE] = "HiddenCam"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (48.0, 51.0, 30.24), 3: "E", 4: (2.0, 17.0, 40.2)})
    if orientation:
        exif[ORIENTATION] = orientation
    return exif


def iptc_segment():
    """An APP13 (Photoshop IRB) segment holding IPTC's city field."""
    dataset = b"\x1c\x02\x5a" + struct.pack(">H", 15) + b"Paris 48.8584 N"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(dataset))
    payload = b"Photoshop 3.0\x00" + resource + dataset + b"\x00" * (len(dataset) % 2)
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def tagged_jpeg(size=(1600, 1200), orientation=None):
    """A JPEG as a camera phone makes it: EXIF with GPS and make, XMP, IPTC, ICC, a comment."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(
        buffer,
        format="JPEG",
        exif=tagged_exif(orientation),
        xmp=XMP,
        icc_profile=srgb_profile(),
        comment=b"Taken at 48.8584 N 2.2945 E",
    )
    content = buffer.getvalue()
    return content[:2] + iptc_segment() + content[2:]


def tagged_png(size=(1600, 1200)):
    """A PNG with the place in a tEXt, a zTXt and an iTXt chunk, plus eXIf and iCCP."""
    text = PngImagePlugin.PngInfo()
    text.add_text("comment", "Taken at 48.8584 N")
    text.add_text("Location", "48.8584 N 2.2945 E", zip=True)
    text.add_itxt("GPS", "48.8584 N 2.2945 E", lang="fr", tkey="Lieu")
    buffer = io.BytesIO()
    Image.new("RGBA", size, (30, 90, 200, 255)).save(
        buffer, format="PNG", pnginfo=text, exif=tagged_exif(), icc_profile=srgb_profile()
    )
    return buffer.getvalue()


def assert_bare(content):
    """Nothing in the file but the picture: no EXIF, XMP, IPTC, ICC, comment or text chunk."""
    with Image.open(io.BytesIO(content)) as picture:
        picture.load()
        assert not picture.getexif(), "no EXIF at all"
        assert GPS_IFD not in picture.getexif()
        assert not {"exif", "xmp", "icc_profile", "comment", "photoshop"} & set(picture.info)
        assert not getattr(picture, "text", {}), "no PNG text chunk"
        for application in getattr(picture, "applist", []):
            assert application[0] in {"APP0", "APP14"}, f"no {application[0]} segment"
    # Compressed chunks (zTXt) would hide the words from a search of the bytes: the checks
    # above read them; this one catches what Pillow does not read.
    for secret in SECRETS:
        assert secret not in content
    assert b"zTXt" not in content and b"iTXt" not in content and b"tEXt" not in content


def read_stored(file):
    with default_storage.open(file.name, "rb") as stored:
        return stored.read()


def assert_stored_bare_with_clean_renditions(image):
    original = read_stored(image.file)
    assert_bare(original)
    with Image.open(io.BytesIO(original)) as picture:
        assert (image.width, image.height) == picture.size
    assert image.file_size == len(original)
    assert image.file_hash == hashlib.sha1(original).hexdigest()  # noqa: S324 (Wagtail's hash)
    renditions = image.get_renditions(*SHARING_RENDITIONS)
    for rendition in renditions.values():
        assert_bare(read_stored(rendition.file))
    return original


@pytest.fixture
def superuser():
    return UserFactory(superuser=True)


def upload_form(file, **overrides):
    return {
        "title": "Amina's sewing class",
        "description": "Amina teaching a sewing class in Nairobi",
        "credit": "© IOM 2026 / Jane Doe",
        "consent": "written",
        "collection": Collection.get_first_root_node().pk,
        "file": file,
        **overrides,
    }


def test_an_editors_upload_through_the_admin_is_stored_and_rendered_without_its_metadata(
    client, superuser
):
    client.force_login(superuser)
    upload = SimpleUploadedFile("eiffel.jpg", tagged_jpeg(), content_type="image/jpeg")

    response = client.post(reverse("wagtailimages:add"), upload_form(upload))

    assert response.status_code == 302, response.context["form"].errors
    image = CampaignImage.objects.get()
    assert image.file.name.startswith("original_images/eiffel")
    assert (image.width, image.height) == (1600, 1200)
    assert_stored_bare_with_clean_renditions(image)


def test_replacing_an_images_file_in_the_admin_strips_the_new_file(client, superuser):
    image = ImageFactory()
    client.force_login(superuser)
    upload = SimpleUploadedFile("eiffel.png", tagged_png(), content_type="image/png")

    response = client.post(
        reverse("wagtailimages:edit", args=(image.pk,)), upload_form(upload, title=image.title)
    )

    assert response.status_code == 302, response.context["form"].errors
    image.refresh_from_db()
    assert image.file.name.endswith(".png")
    assert_stored_bare_with_clean_renditions(image)


def test_the_admins_multiple_upload_stores_images_without_their_metadata(client, superuser):
    client.force_login(superuser)
    upload = SimpleUploadedFile("eiffel.jpg", tagged_jpeg(), content_type="image/jpeg")

    # The alt text is required, so Wagtail keeps the upload aside until the editor gives it.
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    uploaded_file_id = response.json()["uploaded_file_id"]
    prefix = f"uploaded-image-{uploaded_file_id}"
    response = client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=(uploaded_file_id,)),
        {
            f"{prefix}-{name}": value
            for name, value in upload_form(None).items()
            if name not in {"file", "collection"}
        },
    )

    assert response.json()["success"], response.json()
    image = CampaignImage.objects.get()
    assert_stored_bare_with_clean_renditions(image)


def test_an_image_created_through_the_write_api_is_stored_without_its_metadata(client, superuser):
    _token, plaintext = APIToken.create_token(user=superuser, name="mission website")
    upload = SimpleUploadedFile("eiffel.jpg", tagged_jpeg(), content_type="image/jpeg")

    response = client.post(
        "/api/v3/images/",
        {key: value for key, value in upload_form(upload).items() if key != "collection"},
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )

    assert response.status_code == 201, response.content
    image = CampaignImage.objects.get(pk=response.json()["id"])
    assert (response.json()["width"], response.json()["height"]) == (image.width, image.height)
    assert_stored_bare_with_clean_renditions(image)


def test_editing_an_images_details_through_the_write_api_keeps_its_file(client, superuser):
    image = ImageFactory(file=ContentFile(tagged_jpeg(), name="eiffel.jpg"))
    stored = read_stored(image.file)
    _token, plaintext = APIToken.create_token(user=superuser, name="mission website")

    response = client.patch(
        f"/api/v3/images/{image.pk}/",
        data='{"title": "Amina at work"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )

    assert response.status_code == 200, response.content
    image.refresh_from_db()
    assert image.title == "Amina at work"
    assert read_stored(image.file) == stored
    assert_bare(stored)


def test_a_png_saved_by_a_script_loses_its_text_chunks_exif_and_profile():
    image = ImageFactory(file=ContentFile(tagged_png(), name="eiffel.png"))

    original = assert_stored_bare_with_clean_renditions(image)

    with Image.open(io.BytesIO(original)) as picture:
        assert picture.format == "PNG"
        assert picture.mode == "RGBA", "transparency is kept"
        assert picture.getpixel((0, 0)) == (30, 90, 200, 255)


def test_the_exif_orientation_is_applied_to_the_pixels_before_it_is_dropped():
    image = ImageFactory(file=ContentFile(tagged_jpeg(size=(2, 1), orientation=6), name="a.jpg"))

    original = read_stored(image.file)
    with Image.open(io.BytesIO(original)) as picture:
        assert picture.size == (1, 2)
        assert ORIENTATION not in picture.getexif()
    assert (image.width, image.height) == (1, 2)


def test_an_upright_picture_looks_the_same_once_stripped():
    picture = Image.new("RGB", (2, 1))
    picture.putdata([(255, 0, 0), (0, 0, 255)])
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", exif=exif)
    expected = ImageOps.exif_transpose(Image.open(io.BytesIO(buffer.getvalue())))

    clean = strip_metadata(buffer.getvalue())

    with Image.open(io.BytesIO(clean.content)) as stored:
        assert list(stored.get_flattened_data()) == list(expected.get_flattened_data())
        assert (clean.width, clean.height) == (1, 2)


def test_bytes_hidden_after_the_end_of_a_jpeg_are_dropped():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="JPEG")
    hidden = buffer.getvalue() + b"HiddenCam at 48.8584 N"  # as motion photos append a video

    clean = strip_metadata(hidden)

    assert clean.stripped
    assert_bare(clean.content)


def test_an_image_without_metadata_is_kept_as_it_is_not_re_encoded():
    once = strip_metadata(tagged_jpeg()).content

    again = strip_metadata(once)

    assert not again.stripped
    assert again.content == once


def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded():
    buffer = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(buffer, format="PNG")  # 50 million pixels, a few KB

    with pytest.raises(TooManyPixels):
        strip_metadata(buffer.getvalue())


def test_the_upload_form_refuses_the_images_stripping_would_refuse(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == MAX_PIXELS


def test_the_command_strips_images_stored_before_and_deletes_their_renditions(
    django_capture_on_commit_callbacks,
):
    image = ImageFactory()
    # An image stored before stripping existed: its file written straight to storage.
    name = image.file.name
    default_storage.delete(name)
    default_storage.save(name, ContentFile(tagged_jpeg(size=(1200, 900))))
    stale = image.get_rendition("fill-1200x630")
    assert b"HiddenCam" in read_stored(stale.file)
    output = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("strip_image_metadata", stdout=output)

    assert f"Image {image.pk} ({name}): metadata stripped, 1 renditions deleted." in (
        output.getvalue()
    )
    assert "1 images stripped, 0 already clean" in output.getvalue()
    assert not default_storage.exists(stale.file.name)
    image = CampaignImage.objects.get(pk=image.pk)
    assert image.file.name == name, "stripped in place"
    assert image.renditions.count() == 0
    stripped = assert_stored_bare_with_clean_renditions(image)
    assert (image.width, image.height) == (1200, 900)

    again = io.StringIO()
    call_command("strip_image_metadata", stdout=again)

    assert "0 images stripped, 1 already clean" in again.getvalue()
    assert read_stored(image.file) == stripped, "a clean image is not re-encoded"
    assert image.renditions.count() == len(SHARING_RENDITIONS), "nor its renditions deleted"


@pytest.fixture
def development_urls():
    """cms/urls.py as the development server loads it (DEBUG on), apart from cms.urls."""
    with override_settings(DEBUG=True):
        spec = importlib.util.spec_from_file_location("development_urls", cms.urls.__file__)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    with override_settings(ROOT_URLCONF=module):
        yield module


def test_the_development_server_serves_renditions_but_never_originals(
    client, development_urls, settings
):
    image = ImageFactory()
    rendition = image.get_rendition("fill-1200x630")

    original = client.get(settings.MEDIA_URL + image.file.name)
    served = client.get(settings.MEDIA_URL + rendition.file.name)

    assert original.status_code == 404
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == read_stored(rendition.file)


def test_the_development_server_does_not_let_a_rendition_path_climb_to_the_originals(
    client, development_urls, settings
):
    image = ImageFactory()

    response = client.get(f"{settings.MEDIA_URL}images/../{image.file.name}")

    assert response.status_code in {400, 404}


def test_a_users_avatar_is_stored_without_its_metadata(db):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(UserFactory())
    profile.avatar = SimpleUploadedFile("me.jpg", tagged_jpeg((400, 400)), "image/jpeg")
    profile.save()

    profile.refresh_from_db()
    with profile.avatar.open("rb") as stored:
        assert_bare(stored.read())
