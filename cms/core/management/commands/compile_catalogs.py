"""Compile the gettext catalogs of LOCALE_PATHS with polib: no GNU gettext needed.

Django's `compilemessages` calls `msgfmt`, which a fresh machine may not have; polib (a
dependency of wagtail-localize) writes the same .mo files. Only catalogs whose .po is newer
than their .mo are written, unless --force.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogs():
    """Every django.po under LOCALE_PATHS."""
    for locale_path in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_path).glob("*/LC_MESSAGES/django.po"))


def compile_catalog(po_path):
    """Write the .mo next to `po_path`; fuzzy and untranslated entries are left out."""
    catalog = polib.pofile(str(po_path))
    mo_path = po_path.with_suffix(".mo")
    catalog.save_as_mofile(str(mo_path))
    return mo_path


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/django.po into .mo files with polib (no gettext)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rewrite every .mo file.")

    def handle(self, *args, force=False, **options):
        found = False
        for po_path in catalogs():
            found = True
            mo_path = po_path.with_suffix(".mo")
            if (
                not force
                and mo_path.exists()
                and mo_path.stat().st_mtime >= po_path.stat().st_mtime
            ):
                continue
            compile_catalog(po_path)
            self.stdout.write(f"Compiled {mo_path.relative_to(settings.BASE_DIR)}")
        if not found:
            raise CommandError("No catalog found under LOCALE_PATHS.")
