import datetime as dt
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site
from wagtail_localize.models import StringTranslation, TranslationLog, TranslationSource

from heroes.models import EventKind, EventPage, HeroCategory, HeroStoryPage, MissionHubPage
from home.management.commands.load_demo import demo_translators
from home.models import CampaignMaterial, HomePage

PROJECT_ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the loader could write, counted, plus the newest revision."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "log_entries": PageLogEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "materials": CampaignMaterial.objects.count(),
        "categories": HeroCategory.objects.count(),
        "tags": Tag.objects.count(),
        "sites": Site.objects.count(),
        "translation_sources": sorted(
            TranslationSource.objects.values_list("pk", "last_updated_at")
        ),
        "string_translations": StringTranslation.objects.count(),
        "translation_logs": TranslationLog.objects.count(),
    }


def test_load_demo_builds_the_demo_campaign():
    call_command("load_demo", year=2026, verbosity=0)

    home = HomePage.objects.get(locale=Locale.get_default())
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    hubs = MissionHubPage.objects.live().filter(locale=home.locale)
    assert hubs.filter(is_headquarters=False).count() >= 5
    assert hubs.filter(is_headquarters=True).count() == 1
    stories = HeroStoryPage.objects.live().filter(locale=home.locale)
    assert stories.count() >= 15
    assert all(story.photo and story.photo.description for story in stories)
    assert {"Jasmine Lee", "Cécile Kyenge"} <= set(stories.values_list("hero_name", flat=True))
    assert all(story.tags.exists() for story in stories)
    assert all(story.category for story in stories)

    voting = EventPage.objects.get(kind=EventKind.VOTING_WINDOW, locale=home.locale)
    assert voting.local_dates == (dt.date(2026, 11, 1), dt.date(2026, 11, 10))
    months = {event.local_start.month for event in EventPage.objects.live()}
    assert {10, 11} <= months

    kinds = set(CampaignMaterial.objects.filter(live=True).values_list("kind", flat=True))
    assert {"info_sheet", "donor_sheet"} <= kinds
    for material in CampaignMaterial.objects.all():
        with material.document.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"


def test_a_second_load_demo_changes_nothing():
    call_command("load_demo", year=2026, verbosity=0)
    before = snapshot()

    call_command("load_demo", year=2026, verbosity=0)

    assert snapshot() == before


def a_closed_port():
    """A local TCP port nothing listens on (the system's pick, released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_load_demo_needs_no_mail_server():
    """The production mail settings with no SMTP server answering: loading sends no email."""
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=a_closed_port(),
        EMAIL_TIMEOUT=5,
    ):
        call_command("load_demo", year=2026, verbosity=0)

    assert MissionHubPage.objects.filter(locale=Locale.get_default()).count() >= 6


def test_the_demo_has_a_translator_for_every_content_language_but_the_default():
    languages = [("en", "English"), ("fr", "French"), ("pt", "Portuguese"), ("sw", "Swahili")]

    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        translators = demo_translators()

    assert translators == {
        "fr": "french-translator",
        "pt": "portuguese-translator",
        "sw": "swahili-translator",
    }


def test_the_demo_admin_is_refused_outside_the_development_settings():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="development settings"):
        call_command("load_demo", admin=True, verbosity=0)


@pytest.mark.slow
def test_make_run_pieces_work_on_an_empty_sqlite_database(tmp_path):
    """What `make run` does before serving: migrate, then load the demo with its admin."""
    database = tmp_path / "demo.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput"], ["load_demo", "--admin"], ["load_demo", "--admin"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    assert "nothing changed" in result.stdout

    with sqlite3.connect(database) as connection:
        (admins,) = connection.execute(
            "SELECT count(*) FROM core_user WHERE username = 'admin' AND is_superuser"
        ).fetchone()
        (stories,) = connection.execute("SELECT count(*) FROM heroes_herostorypage").fetchone()
    assert admins == 1
    assert stories >= 15
    assert any((tmp_path / "media").rglob("*.jpg"))
