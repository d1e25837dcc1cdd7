from django.core.management.base import BaseCommand, CommandError

from heroes.archive import ArchiveError
from heroes.archive.restore import import_archive


class Command(BaseCommand):
    help = (
        "Check a story archive (made by export_archive) and put its stories back, live, "
        "with their translations, aliases, images, documents and consent records. A bag "
        "whose checksums fail is refused whole. Importing twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("bag", help="the archive's folder (a BagIt bag)")

    def handle(self, *args, bag, **options):
        try:
            report = import_archive(bag)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        counts = report.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {counts['stories_created']} story pages and "
                f"{counts['aliases_created']} aliases ({counts['stories_present']} already "
                f"here), {counts['images_created']} images ({counts['images_present']} already "
                f"here), {counts['documents_created']} documents ({counts['documents_present']} "
                f"already here), {counts['consent_records']} consent records."
            )
        )
        for name in report.restripped:
            self.stdout.write(
                f"  {name} held hidden metadata: stored without it, as every upload is."
            )
        for skipped in report.skipped:
            self.stdout.write(self.style.WARNING(f"  skipped {skipped}"))
