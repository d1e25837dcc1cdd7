from django.core.management.base import BaseCommand, CommandError

from cms.core import backups


class Command(BaseCommand):
    help = (
        "Restore a backup (made by `backup`) into the configured database and media folders, "
        "which must be empty, after checking every checksum."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup's folder")

    def handle(self, *args, folder, **options):
        try:
            manifest = backups.restore(folder)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created']}.")
