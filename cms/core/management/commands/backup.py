from django.core.management.base import BaseCommand, CommandError

from cms.core import backups


class Command(BaseCommand):
    help = "Back up the database and both media folders, with a manifest of checksums."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="folder to write the backup in")

    def handle(self, *args, output, **options):
        try:
            folder = backups.backup(output)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
