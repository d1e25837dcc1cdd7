from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify
from django.utils.translation import get_language_info
from wagtail.coreutils import get_content_languages

from cms.core.roles import translator_group
from heroes import permissions
from heroes.models import Mission
from home.demo.loader import DemoLoader, demo_focal_point_email

# One person of each role, to try the endorsement workflow in the demo.
DEMO_MCD = "mcd"
DEMO_EDITOR = "kenya-editor"
DEMO_FOCAL_POINT = "kenya-focal-point"


def demo_translators():
    """One translator per content language but the default: {"fr": "french-translator", …}."""
    return {
        code: f"{slugify(get_language_info(code)['name'])}-translator"
        for code in get_content_languages()
        if code != settings.LANGUAGE_CODE
    }


class Command(BaseCommand):
    help = (
        "Load the demo campaign (missions, stories with locally drawn photos, events, material). "
        "Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help=(
                "Also create the demo logins (development settings only): admin, mcd, "
                "kenya-editor, kenya-focal-point and a translator per language "
                "(french-translator, …), all with the password changeme."
            ),
        )
        parser.add_argument(
            "--year", type=int, help="Campaign year of the demo dates (default: this year)."
        )

    def handle(self, *args, admin=False, year=None, **options):
        password = self._demo_password() if admin else None
        if admin:
            self._demo_users(password)
        created = DemoLoader(
            year=year, stdout=self.stdout if options["verbosity"] > 1 else None
        ).load()
        if admin:
            self._demo_roles()
        if created:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded: {len(created)} objects created.")
            )
        else:
            self.stdout.write("Demo content already loaded: nothing changed.")

    def _demo_password(self):
        password = getattr(settings, "DEMO_ADMIN_PASSWORD", None)
        if not (getattr(settings, "DEMO_ADMIN_USERNAME", None) and password):
            raise CommandError(
                "--admin creates the demo login and only works with the development settings "
                "(DEMO_ADMIN_USERNAME and DEMO_ADMIN_PASSWORD are not set here)."
            )
        return password

    def _demo_users(self, password):
        """The superuser, one person of each role to try the endorsement workflow, translators."""
        User = get_user_model()
        accounts = [
            (settings.DEMO_ADMIN_USERNAME, "admin@example.org", True),
            (DEMO_MCD, "mcd@example.org", False),
            (DEMO_EDITOR, "editor.kenya@example.org", False),
            (DEMO_FOCAL_POINT, demo_focal_point_email("kenya"), False),
            *(
                (username, f"translator.{code}@example.org", False)
                for code, username in demo_translators().items()
            ),
        ]
        for username, email, superuser in accounts:
            if User.objects.filter(username=username).exists():
                continue
            create = User.objects.create_superuser if superuser else User.objects.create_user
            create(username=username, email=email, password=password)
            self.stdout.write(f"Demo login created: {username} / {password}")

    def _demo_roles(self):
        User = get_user_model()
        User.objects.get(username=DEMO_MCD).groups.add(
            Group.objects.get(name=permissions.MCD_GROUP)
        )
        User.objects.get(username=DEMO_EDITOR).groups.add(
            Mission.objects.get(country="KE").editors_group
        )
        for code, username in demo_translators().items():
            User.objects.get(username=username).groups.add(translator_group(code))
