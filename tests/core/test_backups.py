"""A backup restores everything: every page, revision, translation, nomination, image and
document, into a fresh database and fresh media folders, the files byte for byte."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from cms.core import backups
from heroes.models import Nomination
from tests.factories import DocumentFactory

pytestmark = [
    pytest.mark.postgres,  # pg_dump and pg_restore need the data committed, in PostgreSQL
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COUNTS = """
import json
from wagtail.models import Page, Revision
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from heroes.models import Nomination
print(json.dumps({
    "pages": sorted(Page.objects.values_list("pk", "locale__language_code", "alias_of_id")),
    "revisions": Revision.objects.count(),
    "nominations": sorted(Nomination.objects.values_list("pk", "nominator_email", "photo")),
    "images": sorted(get_image_model().objects.values_list("pk", "file", "file_hash")),
    "documents": sorted(get_document_model().objects.values_list("pk", "file")),
}))
"""


def files_under(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): backups.sha256(path)
        for path in root.rglob("*")
        if path.is_file()
    }


def run_manage(args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout


def counts(env):
    """What the database of `env` holds, read by a process of its own."""
    return json.loads(run_manage(["shell", "--no-imports", "-c", COUNTS], env))


@pytest.fixture
def campaign(synced_tree):
    """Pages in four languages with a draft revision, a nomination's private photo, a document."""
    story = synced_tree.story
    story.headline = "A draft headline"
    story.save_revision()
    nomination = Nomination.objects.create(
        hero_name="Nominated Hero",
        country="KE",
        story="Runs a football club.",
        nominator_name="Nominator",
        nominator_email="nominator@example.org",
        photo=SimpleUploadedFile("hero.jpg", b"\xff\xd8private photo bytes", "image/jpeg"),
    )
    DocumentFactory(title="Info sheet")
    assert Path(nomination.photo.path).is_file()
    return synced_tree


@pytest.fixture
def fresh_database():
    name = f"mh_restore_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield _url_of(connection, name)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_restore_brings_back_every_row_and_every_file(campaign, fresh_database, tmp_path):
    folder = backups.backup(tmp_path / "backups")
    media, private_media = tmp_path / "media", tmp_path / "private-media"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": fresh_database,
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private_media),
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    env.pop("REDIS_URL", None)

    run_manage(["restore", str(folder)], env)

    original = counts({**env, "DATABASE_URL": _url_of(connection)})
    restored = counts(env)
    assert restored == original
    assert {code for _pk, code, _alias in restored["pages"]} >= {"en", "fr", "es", "ar"}
    assert restored["nominations"] and restored["images"] and restored["documents"]
    assert files_under(media) == files_under(settings.MEDIA_ROOT)
    assert files_under(private_media) == files_under(settings.PRIVATE_MEDIA_ROOT)
    assert files_under(private_media), "the nomination's photo is in the backup"


def test_a_backup_whose_file_changed_is_refused(campaign, tmp_path):
    folder = backups.backup(tmp_path / "backups")
    with open(folder / "media.tar.gz", "ab") as archive:
        archive.write(b"tampered")

    with pytest.raises(backups.BackupError, match="checksum"):
        backups.verify(folder)


def test_a_restore_into_a_database_with_content_is_refused(campaign, tmp_path, settings):
    folder = backups.backup(tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "empty-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "empty-private-media"

    with pytest.raises(backups.BackupError, match="not empty"):
        backups.restore(folder)


def _url_of(connection, name=None):
    """A DATABASE_URL for the server of `connection`, naming `name` (default: its own)."""
    database = connection.settings_dict
    user = database.get("USER") or "postgres"
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{name or database['NAME']}"
