"""The Nominate a hero page in the API: a headless site renders its form, in each language."""

import re

import pytest

from cms.core.locales import sync_locales
from heroes.models.nominations import SUBMITTED_FIELDS
from tests.factories import NominatePageFactory

pytestmark = pytest.mark.django_db

#: A label and a help text of the form in each language (from locale/*.po).
EXPECTED = {
    "en": ("Hero's name", "The campaign's office in that country reviews the nomination."),
    "fr": ("Nom du héros ou de l’héroïne", "Le bureau de la campagne dans ce pays examine"),
    "es": ("Nombre de la persona protagonista", "La oficina de la campaña en ese país revisa"),
    "ar": ("اسم البطل", "يراجع مكتب الحملة في ذلك البلد الترشيح."),
}


@pytest.fixture
def nominate_pages(home_page):
    english = NominatePageFactory(
        parent=home_page, slug="nominate", thank_you="<p>Thank you, we read every one.</p>"
    )
    sync_locales()  # its aliases in fr, es and ar, as the admin makes them
    return {page.locale.language_code: page for page in english.get_translations(inclusive=True)}


def _fields(client, page):
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    data = response.json()
    return data, {field["name"]: field for field in data["form_fields"]}


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_nomination_form_fields_come_labelled_in_the_page_language(
    client, nominate_pages, language
):
    data, fields = _fields(client, nominate_pages[language])

    label, help_text = EXPECTED[language]
    assert fields["hero_name"]["label"] == label
    assert fields["country"]["help_text"].startswith(help_text)
    assert data["intro"].startswith("<p>Do you know a migrant")
    assert data["thank_you"] == "<p>Thank you, we read every one.</p>"


def test_each_field_says_its_type_whether_required_and_its_maximum_length(client, nominate_pages):
    _data, fields = _fields(client, nominate_pages["en"])

    assert set(fields) == {"photo", *SUBMITTED_FIELDS}
    assert fields["hero_name"] | {"label": None} == {
        "name": "hero_name",
        "type": "text",
        "required": True,
        "max_length": 255,
        "label": None,
        "help_text": "",
        "choices": None,
        "accept": None,
    }
    assert (fields["story"]["type"], fields["story"]["max_length"]) == ("textarea", 5000)
    assert (fields["nominator_email"]["type"], fields["nominator_email"]["required"]) == (
        "email",
        True,
    )
    assert (fields["nominator_phone"]["required"], fields["nominator_phone"]["max_length"]) == (
        False,
        50,
    )
    assert fields["photo"]["type"] == "file"
    assert fields["photo"]["accept"] == "image/jpeg,image/png,image/webp"
    assert fields["agrees_to_be_credited"]["type"] == "checkbox"


def test_countries_are_choices_named_in_the_page_language(client, nominate_pages):
    _data, fields = _fields(client, nominate_pages["fr"])

    countries = {choice["value"]: choice["label"] for choice in fields["country"]["choices"]}
    assert fields["country"]["type"] == "select"
    assert countries["KE"] == "Kenya"
    assert countries["DE"] == "Allemagne"
    assert "" not in countries


def test_the_api_describes_the_same_fields_as_the_site_form(client, nominate_pages):
    _data, fields = _fields(client, nominate_pages["en"])

    html = client.get(nominate_pages["en"].url).content.decode()
    site_names = set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html))
    assert site_names - {"csrfmiddlewaretoken", "website"} == set(fields)
