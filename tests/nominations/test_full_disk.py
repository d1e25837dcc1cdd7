"""A nomination sent while the disk is full: nothing half-saved, a clear answer, no mail.

The nominations' storage is the one the project configures, made to fill up halfway through
writing the photo (OSError ENOSPC), as a disk with no room left does.
"""

import errno
import os

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from heroes.models import Nomination
from tests.factories import NominatePageFactory
from tests.nominations.test_nominations import form_data, photo_with_gps

pytestmark = pytest.mark.django_db


class HalfWritten(ContentFile):
    """A file whose first half is written, then the disk is full."""

    def chunks(self, chunk_size=None):
        self.seek(0)
        data = self.read()
        yield data[: len(data) // 2]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def full_disk(tmp_path):
    """The nominations' photo storage, of the class the project configures, on a disk that
    fills up while a photo is written. Yields the disk's folder."""
    field = Nomination._meta.get_field("photo")
    configured = field.storage

    class FullDisk(type(configured)):
        def _save(self, name, content):
            content.seek(0)
            return super()._save(name, HalfWritten(content.read(), name=content.name))

    field.storage = FullDisk(location=tmp_path, base_url=None)
    yield tmp_path
    field.storage = configured


def files_in(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def send(client, home_page, kenya, kenya_focal_point, mcd, django_capture_on_commit_callbacks):
    def send(channel):
        url = (
            "/api/v3/nominations/"
            if channel == "api"
            else NominatePageFactory(parent=home_page).url
        )
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = client.post(url, {**form_data(), "photo": photo_with_gps()})
        return response, callbacks

    return send


def test_a_nomination_whose_photo_finds_the_disk_full_is_not_kept_and_the_api_says_503(
    send, full_disk
):
    response, callbacks = send("api")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0
    assert response.json()["status"] == 503
    assert not Nomination.objects.exists()
    assert files_in(full_disk) == []  # not even the half that was written
    assert (callbacks, mail.outbox) == ([], [])


def test_a_nomination_whose_photo_finds_the_disk_full_is_a_form_error_on_the_site(send, full_disk):
    response, callbacks = send("site")

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    form = response.context["form"]
    assert "nothing of it was kept" in " ".join(form.non_field_errors())
    assert form["hero_name"].value() == "Halima Hassan"  # the nominator's words are kept
    assert not Nomination.objects.exists()
    assert files_in(full_disk) == []
    assert (callbacks, mail.outbox) == ([], [])
