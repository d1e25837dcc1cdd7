"""Backups of the whole campaign: the database and both media folders, with a manifest.

A backup is a folder holding:

- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite's
  online backup API, consistent while the site runs);
- `media.tar.gz` (MEDIA_ROOT: originals and renditions) and `private-media.tar.gz`
  (PRIVATE_MEDIA_ROOT: nominations' photos);
- `manifest.json`: when, from which database vendor, and each file's size and SHA-256.

A restore checks every checksum first and refuses a backup that does not match, then loads
the database into the configured one (which must be empty: a fresh database after
`createdb`, or a new SQLite file) and unpacks both media folders into the configured, empty
folders. `python manage.py backup` / `restore` (and `make backup` / `make restore`) call these.
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"
MEDIA_ARCHIVES = {"media.tar.gz": "MEDIA_ROOT", "private-media.tar.gz": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    """A backup or a restore that cannot be done as asked; the message says why."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _postgres_environment(database):
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if database.get(key):
            env[name] = str(database[key])
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return env


def _run(command, env):
    # The PostgreSQL client tools, with the configured database's name: no shell, no user input.
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def _dump_database(folder):
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        target = folder / "database.dump"
        _run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", database["NAME"]],
            _postgres_environment(database),
        )
    elif connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"No backup for a {connection.vendor} database.")
    return target


def _pack(source, target):
    with tarfile.open(target, "w:gz") as archive:
        if Path(source).is_dir():
            archive.add(source, arcname=".")
    return target


def backup(output_dir):
    """Write a backup into a new folder under `output_dir`; return its path."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = Path(output_dir) / f"migrantheroes-backup-{stamp}"
    folder.mkdir(parents=True)
    files = [_dump_database(folder)]
    for name, setting in MEDIA_ARCHIVES.items():
        files.append(_pack(getattr(settings, setting), folder / name))
    manifest = {
        "created": dt.datetime.now(dt.UTC).isoformat(),
        "database_vendor": connection.vendor,
        "files": {
            path.name: {"bytes": path.stat().st_size, "sha256": sha256(path)} for path in files
        },
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def verify(folder):
    """The manifest of the backup in `folder`, once every file matches its checksum."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} has no readable {MANIFEST}: {error}") from error
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file() or sha256(path) != expected["sha256"]:
            raise BackupError(f"{name} is missing or does not match its checksum: not restored.")
    return manifest


def _empty(folder):
    return not Path(folder).exists() or not any(Path(folder).iterdir())


def _database_is_empty():
    return not connection.introspection.table_names()


def _load_database(folder, manifest):
    database = connection.settings_dict
    if manifest["database_vendor"] != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest['database_vendor']} database; "
            f"this one is {connection.vendor}."
        )
    if not _database_is_empty():
        raise BackupError("The database is not empty: restore into a new one.")
    if connection.vendor == "postgresql":
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={database['NAME']}",
                str(folder / "database.dump"),
            ],
            _postgres_environment(database),
        )
    else:
        connection.close()
        shutil.copyfile(folder / "database.sqlite3", database["NAME"])


def _unpack(archive, target):
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as source:
        source.extractall(target, filter="data")


def restore(folder):
    """Restore the backup in `folder` into the configured, empty database and media folders."""
    folder = Path(folder)
    manifest = verify(folder)
    for setting in MEDIA_ARCHIVES.values():
        if not _empty(getattr(settings, setting)):
            raise BackupError(f"{setting} ({getattr(settings, setting)}) is not empty.")
    _load_database(folder, manifest)
    for name, setting in MEDIA_ARCHIVES.items():
        _unpack(folder / name, getattr(settings, setting))
    return manifest
