import argparse
import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from heroes.archive import ArchiveError
from heroes.archive.export import export_archive


def date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Write the campaign's published, public hero stories (every translation and alias, "
        "their images, documents, transcripts and the images' consent records) as a BagIt "
        "bag with checksums, for posterity. The layout is in the bag's data/README.txt."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a new or empty folder to write the bag in")
        parser.add_argument(
            "--mission", help="only the stories of this mission (its country code, or HQ)"
        )
        parser.add_argument(
            "--since", type=date, help="only stories published on or after this date"
        )

    def handle(self, *args, folder, mission, since, **options):
        try:
            export = export_archive(folder, mission=mission, since=since)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        counts = export.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Archived {counts['stories']} stories ({counts['story_pages']} pages in their "
                f"languages, {counts['aliases']} aliases), {counts['images']} images, "
                f"{counts['documents']} documents and {counts['consent_records']} consent "
                f"records in {export.path}."
            )
        )
