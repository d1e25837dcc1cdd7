"""A translator's whole path in the admin, through wagtail-localize's own views.

English story → "Translate this page" into French → the strings translated in the editor
(its JSON endpoints) or offline in a PO file → MCD publishes the translation → /fr/ reads it.
Translators never publish: the editor's publish action is refused to them.
"""

import html

import polib
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation

from heroes import permissions, setup_roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FRENCH = {
    "Amina Yusuf": "Amina Yusuf",
    "The sewing circle that became a cooperative": "L’atelier de couture devenu coopérative",
    "Amina started teaching three neighbours to sew in her living room.": (
        "Amina a commencé par apprendre la couture à trois voisines dans son salon."
    ),
}
STORY_URL = "/fr/missions/iom-kenya/amina-yusuf/"


@pytest.fixture
def mcd_user(synced_tree):
    setup_roles.ensure_mcd_group()
    user = UserFactory()
    user.groups.add(Group.objects.get(name=permissions.MCD_GROUP))
    return user


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def start_french_translation(client, story, french, capture_on_commit):
    """The translator's "Translate this page" into French; the French Translation."""
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    form = client.get(submit_url)
    assert list(form.context["form"].fields["locales"].queryset) == [french]

    with capture_on_commit(execute=True):
        response = client.post(submit_url, {"locales": [french.pk]})
    assert response.status_code == 302

    return Translation.objects.get(source__object_id=story.translation_key, target_locale=french)


def put_string(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
    )


def publish_from_the_editor(client, page, capture_on_commit):
    with capture_on_commit(execute=True):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )


def test_a_french_translator_translates_a_story_in_the_editor_and_mcd_publishes_it(
    client, synced_tree, translator_of, mcd_user, django_capture_on_commit_callbacks
):
    story, french = synced_tree.story, synced_tree.locales["fr"]
    translator = translator_of("fr")
    client.force_login(translator)

    translation = start_french_translation(
        client, story, french, django_capture_on_commit_callbacks
    )
    french_story = story.get_translation(french)
    assert french_story.alias_of_id is None
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french_story.pk]))
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]

    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    entered = 0
    for segment in segments:
        if segment.string.data in FRENCH:
            response = put_string(client, translation, segment, FRENCH[segment.string.data])
            assert response.status_code in (200, 201), response.content
            entered += 1
    assert entered >= 3  # title, hero's name, headline and intro

    refused = publish_from_the_editor(client, french_story, django_capture_on_commit_callbacks)
    assert refused.status_code == 302  # Wagtail: "you do not have permission"
    assert refused["Location"] == reverse("wagtailadmin_home")
    assert "L’atelier de couture devenu coopérative" not in read(client, STORY_URL)

    client.force_login(mcd_user)
    response = publish_from_the_editor(client, french_story, django_capture_on_commit_callbacks)
    assert response.status_code == 302

    client.logout()
    page = read(client, STORY_URL)
    assert "L’atelier de couture devenu coopérative" in page
    assert "Amina a commencé par apprendre la couture à trois voisines dans son salon." in page
    assert "The sewing circle that became a cooperative" not in page


def test_a_translator_cannot_edit_the_strings_of_another_languages_translation(
    client, synced_tree, translator_of, django_capture_on_commit_callbacks
):
    story, spanish = synced_tree.story, synced_tree.locales["es"]
    client.force_login(UserFactory(superuser=True))
    translation = start_translation_as_admin(
        client, story, spanish, django_capture_on_commit_callbacks
    )
    segment = StringSegment.objects.filter(source=translation.source).first()

    client.force_login(translator_of("fr"))
    response = put_string(client, translation, segment, "Traduction en français")

    assert response.status_code == 403


def start_translation_as_admin(client, story, locale, capture_on_commit):
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    with capture_on_commit(execute=True):
        client.post(submit_url, {"locales": [locale.pk]})
    return Translation.objects.get(source__object_id=story.translation_key, target_locale=locale)


def test_a_po_file_downloaded_filled_in_and_uploaded_is_published_in_french(
    client, synced_tree, translator_of, mcd_user, django_capture_on_commit_callbacks
):
    story, french = synced_tree.story, synced_tree.locales["fr"]
    client.force_login(translator_of("fr"))
    translation = start_french_translation(
        client, story, french, django_capture_on_commit_callbacks
    )

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(download.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    for entry in po:
        entry.msgstr = FRENCH.get(entry.msgid, "")
    assert sum(bool(entry.msgstr) for entry in po) >= 3

    french_story = story.get_translation(french)
    editor_url = reverse("wagtailadmin_pages:edit", args=[french_story.pk])
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": _po_upload(po), "next": editor_url},
    )
    assert upload.status_code == 302
    assert upload["Location"] == editor_url

    client.force_login(mcd_user)
    publish_from_the_editor(client, french_story, django_capture_on_commit_callbacks)

    client.logout()
    page = read(client, STORY_URL)
    assert "L’atelier de couture devenu coopérative" in page
    assert "The sewing circle that became a cooperative" not in page


def _po_upload(po):
    return SimpleUploadedFile(
        "amina-yusuf-fr.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
