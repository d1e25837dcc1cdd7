from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Load the demo campaign (missions, stories with locally drawn photos, events, material). "
        "Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create the demo superuser (development settings only: admin / changeme).",
        )
        parser.add_argument(
            "--year", type=int, help="Campaign year of the demo dates (default: this year)."
        )

    def handle(self, *args, admin=False, year=None, **options):
        if admin:
            self._demo_admin()
        created = DemoLoader(
            year=year, stdout=self.stdout if options["verbosity"] > 1 else None
        ).load()
        if created:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded: {len(created)} objects created.")
            )
        else:
            self.stdout.write("Demo content already loaded: nothing changed.")

    def _demo_admin(self):
        username = getattr(settings, "DEMO_ADMIN_USERNAME", None)
        password = getattr(settings, "DEMO_ADMIN_PASSWORD", None)
        if not (username and password):
            raise CommandError(
                "--admin creates the demo login and only works with the development settings "
                "(DEMO_ADMIN_USERNAME and DEMO_ADMIN_PASSWORD are not set here)."
            )
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            return
        User.objects.create_superuser(
            username=username, email="admin@example.org", password=password
        )
        self.stdout.write(f"Demo admin created: {username} / {password}")
