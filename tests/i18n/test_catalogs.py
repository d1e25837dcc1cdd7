"""The UI speaks every language: complete catalogs, compiled, served, right-to-left in Arabic."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
from django.conf import settings

from cms.core.management.commands.compile_catalogs import catalogs, compile_catalog

LANGUAGES = ["fr", "es", "ar"]
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


def catalog(code):
    return polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po")
    )


def messages(code):
    for entry in catalog(code):
        if entry.obsolete:
            continue
        values = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        yield entry, values


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_of_the_catalog_is_translated(code):
    untranslated = [
        entry.msgid for entry, values in messages(code) if not all(values) or "fuzzy" in entry.flags
    ]

    assert len(catalog(code)) > 200
    assert untranslated == []


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_translations_are_not_copies_of_the_english(code):
    entries = list(messages(code))
    copies = [entry.msgid for entry, values in entries if values == [entry.msgid]]

    # Only brand names and words spelt alike in both languages (Facebook, image, Festival …).
    assert len(copies) < len(entries) * 0.1, copies


def test_the_arabic_catalog_is_written_in_arabic():
    not_arabic = [
        entry.msgid
        for entry, values in messages("ar")
        if not all(ARABIC_LETTER.search(value) for value in values)
    ]

    assert not_arabic == ["YYYY-MM"]


def test_the_arabic_catalog_has_the_six_plural_forms_of_arabic():
    assert catalog("ar").metadata["Plural-Forms"].startswith("nplurals=6;")
    for entry, values in messages("ar"):
        if entry.msgid_plural:
            assert len(values) == 6


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_committed_compiled_catalog_is_up_to_date(code, tmp_path):
    """The .mo files are committed (no gettext needed); they must say what the .po says."""
    po_path = Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"
    fresh = tmp_path / "django.po"
    fresh.write_bytes(po_path.read_bytes())

    compiled = polib.mofile(str(compile_catalog(fresh)))
    committed = polib.mofile(str(po_path.with_suffix(".mo")))

    assert {(e.msgid, e.msgstr, tuple(e.msgstr_plural.items())) for e in committed} == {
        (e.msgid, e.msgstr, tuple(e.msgstr_plural.items())) for e in compiled
    }


def test_every_catalog_of_locale_paths_is_found_by_the_compiler():
    assert {path.parent.parent.name for path in catalogs()} >= set(LANGUAGES)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "skip_link", "search"),
    [
        ("fr", "Aller au contenu principal", "Rechercher"),
        ("es", "Ir al contenido principal", "Buscar"),
        ("ar", "الانتقال إلى المحتوى الرئيسي", "بحث"),
    ],
)
def test_the_site_speaks_the_readers_language(client, synced_tree, code, skip_link, search):
    response = client.get(f"/{code}/stories/")

    assert response.status_code == 200
    assert skip_link in response.content.decode()
    assert f">{search}</a>" in response.content.decode()


@pytest.mark.django_db
def test_a_form_error_is_shown_in_the_readers_language(client, synced_tree):
    response = client.get("/es/calendar/", {"month": "noviembre"})

    assert "Introduzca un mes con el formato AAAA-MM" in response.content.decode()


@pytest.mark.django_db
def test_arabic_pages_are_right_to_left_and_the_others_left_to_right(client, synced_tree):
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/").content.decode()
    for code in ("en", "fr", "es"):
        assert f'<html lang="{code}" dir="ltr">' in client.get(f"/{code}/").content.decode()


@pytest.mark.django_db
def test_the_stylesheet_uses_logical_properties_so_arabic_mirrors(client):
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()

    physical = re.findall(
        r"(?:margin|padding|border)-(?:left|right)\s*:|text-align:\s*(?:left|right)", css
    )
    assert physical == []


@pytest.mark.django_db
def test_every_hreflang_alternate_of_a_story_resolves(client, synced_tree):
    response = client.get("/en/missions/iom-kenya/amina-yusuf/")
    alternates = dict(
        re.findall(
            r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', response.content.decode()
        )
    )

    assert set(alternates) == {"en", "fr", "es", "ar"}
    for code, url in alternates.items():
        page = client.get(urlsplit(url).path)
        assert page.status_code == 200, url
        assert f'<html lang="{code}"' in page.content.decode()
