from django.core.management.base import BaseCommand

from heroes import personal_data


class Command(BaseCommand):
    help = (
        "Let go of personal data kept past its time: declined nominations and their photos "
        "(NOMINATION_RETENTION_DAYS after the decision), voters' addresses "
        "(VOTER_EMAIL_RETENTION_DAYS after the vote closed), sent or failed messages "
        "(MAIL_RETENTION_DAYS). Idempotent; run it daily. Says how many of each kind."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would go, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = personal_data.apply_retention(dry_run=dry_run)
        verb = "would be erased" if dry_run else "erased"
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} {verb}")
