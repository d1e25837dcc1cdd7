"""The response cache serves every reader their own answer, and every process sees a publish.

Entries are keyed on the URL and on every header the response varies on; the language of
anything outside the /<lang>/ trees follows the URL's `locale`, never Accept-Language.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

NOVEMBER = "/api/v3/calendar/?start=2026-11-01&end=2026-11-30"


def labels(response):
    return [item["kind_label"] for item in response.json()["items"]]


def test_two_languages_through_the_cache_each_get_their_own_labels(client, event):
    french_reader = client.get(f"{NOVEMBER}&locale=en", HTTP_ACCEPT_LANGUAGE="fr")
    english_reader = client.get(f"{NOVEMBER}&locale=en", HTTP_ACCEPT_LANGUAGE="en")

    assert labels(french_reader) == labels(english_reader) == ["Hero feature"]
    assert english_reader["X-Cache"] == "HIT"  # one URL, one language: shared safely


def test_the_labels_of_an_api_response_follow_its_locale(client, event, french_home_page):
    french_event = event.copy_for_translation(french_home_page.locale, copy_parents=True)
    french_event.save_revision().publish()
    for ancestor in french_event.get_ancestors().filter(depth__gt=2).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()

    french = client.get(f"{NOVEMBER}&locale=fr", HTTP_ACCEPT_LANGUAGE="en")
    default = client.get(NOVEMBER, HTTP_ACCEPT_LANGUAGE="fr")

    assert french["Content-Language"] == "fr"
    assert labels(french) == ["Portrait de héros"]
    assert default["Content-Language"] == "en"
    assert labels(default) == ["Hero feature"]
    assert "Accept-Language" not in default.get("Vary", "")


def test_an_error_message_of_the_api_speaks_the_locale_asked_for(client, event):
    response = client.get("/api/v3/calendar/?start=2026-11-30&end=2026-11-01&locale=fr")

    assert response.status_code in (400, 422)
    assert response["Content-Language"] == "fr"


@override_settings(CORS_ALLOWED_ORIGINS=["https://kenya.example.org", "https://mali.example.org"])
def test_a_cors_answer_for_one_origin_is_never_served_to_another(client, story):
    url = f"/api/v3/pages/{story.pk}/"
    kenya = client.get(url, HTTP_ORIGIN="https://kenya.example.org")
    mali = client.get(url, HTTP_ORIGIN="https://mali.example.org")

    assert kenya["Access-Control-Allow-Origin"] == "https://kenya.example.org"
    assert mali["Access-Control-Allow-Origin"] == "https://mali.example.org"
    assert client.get(url, HTTP_ORIGIN="https://mali.example.org")["X-Cache"] == "HIT"


def test_the_crawlers_language_is_part_of_the_key(client, story, french_story):
    english = client.get(story.url)
    french = client.get(story.url, HTTP_X_FACEBOOK_LOCALE="fr_FR")

    assert 'content="Amina Yusuf (fr)"' in french.content.decode()
    assert 'content="Amina Yusuf (fr)"' not in english.content.decode()


def test_an_upload_nothing_uses_keeps_the_cache_and_a_used_image_changed_empties_it(client, story):
    url = f"/api/v3/pages/{story.pk}/"
    client.get(url)

    ImageFactory.create_batch(3)  # a bulk upload of new photos
    assert client.get(url)["X-Cache"] == "HIT"

    story.photo.credit = "© IOM 2026 / New credit"
    story.photo.save()
    assert client.get(url)["X-Cache"] == "MISS"


@pytest.mark.postgres  # the other process must reach the test database (not SQLite's memory)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_by_another_process_is_seen_on_the_next_request(client, story, tmp_path):
    """The demo's server and its publish_scheduled loop share the file cache."""
    file_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
            "KEY_PREFIX": "migrantheroes",
        }
    }
    with override_settings(CACHES=file_cache):  # Django reloads its cache handlers
        url = f"/api/v3/pages/{story.pk}/"
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"

        publish_in_another_process(story.pk, "A headline from another process", tmp_path)

        assert client.get(url).json()["headline"] == "A headline from another process"


def publish_in_another_process(page_id, headline, cache_dir):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": _database_url(database),
        "CACHE_DIR": str(cache_dir),
    }
    env.pop("REDIS_URL", None)
    script = (
        "import django; django.setup()\n"
        "from heroes.models import HeroStoryPage\n"
        f"page = HeroStoryPage.objects.get(pk={page_id})\n"
        f"page.headline = {headline!r}\n"
        "page.save_revision().publish()\n"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        check=True,
        cwd=Path(settings.BASE_DIR),
        timeout=120,
    )


def _database_url(database):
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = database.get("USER") or "postgres"
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{database['NAME']}"
