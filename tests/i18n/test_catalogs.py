"""The UI speaks every language: complete catalogs, compiled, served, right-to-left in Arabic."""

import contextlib
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

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


# What `make messages` extracts: its makemessages options (see the Makefile) and the files read.
MAKEMESSAGES_IGNORE = [".venv", "tests", "staticfiles", "node_modules"]
SOURCE_SUFFIXES = {".py", ".html", ".txt"}  # makemessages' extensions for the django domain
NOT_SOURCE = {"locale", "media", "private-media", "__pycache__", *MAKEMESSAGES_IGNORE}
GETTEXT_PROGRAMS = ["xgettext", "msguniq", "msgmerge", "msgattrib"]


def _copy_sources(source, destination):
    """Copy the .py, .html and .txt files (makemessages writes work files beside templates)."""

    def ignore(directory, names):
        return {
            name
            for name in names
            if name.startswith(".")
            or name in NOT_SOURCE
            or (Path(directory, name).is_file() and Path(name).suffix not in SOURCE_SUFFIXES)
        }

    shutil.copytree(source, destination, ignore=ignore, symlinks=True)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Every message that `make messages` finds in the code and templates, as a .pot catalog.

    Django's makemessages runs on a temporary copy of the sources, with LOCALE_PATHS pointing
    into that copy: the real locale/ files are never written, and no work file appears in
    the tree that other people are editing.
    """
    missing = [program for program in GETTEXT_PROGRAMS if shutil.which(program) is None]
    if missing:
        pytest.fail(
            f"GNU gettext is needed to extract the UI strings ({', '.join(missing)} not found): "
            "install it, e.g. `apt-get install gettext` (.ci/run does so in CI).",
            pytrace=False,
        )
    project = tmp_path_factory.mktemp("extraction") / "project"
    _copy_sources(settings.BASE_DIR, project)
    locale_dir = project / "locale"
    locale_dir.mkdir()
    with override_settings(LOCALE_PATHS=[locale_dir]), contextlib.chdir(project):
        call_command(
            "makemessages",
            locale=["fr"],
            no_location=True,
            keep_pot=True,
            ignore_patterns=MAKEMESSAGES_IGNORE,
            verbosity=0,
        )
    return polib.pofile(str(locale_dir / "django.pot"))


@pytest.mark.slow
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_marked_for_translation_is_translated_in_the_catalog(code, extracted):
    """A string marked in the code but absent, fuzzy or empty in a catalog shows in English."""
    committed = {(e.msgctxt, e.msgid): e for e in catalog(code) if not e.obsolete}
    problems = []
    for message in extracted:
        entry = committed.get((message.msgctxt, message.msgid))
        if entry is None:
            problems.append(f"missing: {message.msgid!r}")
        elif entry.msgid_plural != message.msgid_plural:
            problems.append(f"plural differs: {message.msgid!r}")
        elif "fuzzy" in entry.flags or not all(
            entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        ):
            problems.append(f"not translated: {message.msgid!r}")

    assert len(extracted) > 200
    assert not problems, (
        f"locale/{code}/LC_MESSAGES/django.po lags behind the code: run `make messages`, "
        "translate the new and fuzzy entries, then `make catalogs`.\n  " + "\n  ".join(problems)
    )


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
