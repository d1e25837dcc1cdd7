from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from heroes.services import missions


class Command(BaseCommand):
    help = (
        "Open a country office's room: its hub (in every locale), collection, editors' and focal "
        "point's groups, the endorsement workflow, and an invitation to the focal point. "
        "Idempotent: running it again checks and completes what is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--country", required=True, help="ISO 3166 code, e.g. KE")
        parser.add_argument("--name", required=True, help='The mission\'s name, e.g. "Kenya"')
        parser.add_argument(
            "--focal-point-email", required=True, help="Invited if they have no account"
        )

    def handle(self, *args, country, name, focal_point_email, **options):
        try:
            setup = missions.setup_mission(
                country=country, name=name, focal_point_email=focal_point_email
            )
        except ValidationError as error:
            messages = (
                [message for messages in error.message_dict.values() for message in messages]
                if hasattr(error, "error_dict")
                else error.messages
            )
            raise CommandError("\n".join(messages)) from None
        verb = "Set up" if setup.created else "Checked"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} mission {setup.mission.name} ({setup.mission.country}).")
        )
        self.stdout.write(f"  hub: {setup.hub.url_path}")
        self.stdout.write(
            f"  groups: {setup.mission.editors_group.name}; {setup.mission.focal_point_group.name}"
        )
        if setup.invited:
            self.stdout.write(f"  invitation sent to {setup.invited.email}")
