import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email

from heroes import personal_data


class Command(BaseCommand):
    help = (
        "Export (JSON on stdout) or erase everything held about one email address: public "
        "nominations, multipliers, ballots, messages of the mail queue. Logged in the audit "
        "log with a keyed hash of the address, never the address."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")

    def handle(self, *args, action, email, **options):
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"“{email}” is not an email address.") from None
        if action == "export":
            data = personal_data.export(email)
            self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False))
            return
        counts = personal_data.erase(email)
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} erased")
        self.stdout.write(
            self.style.SUCCESS(f"Logged as {personal_data.subject_key(email)} (keyed hash).")
        )
