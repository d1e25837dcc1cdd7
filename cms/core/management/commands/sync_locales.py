from django.core.management.base import BaseCommand

from cms.core.locales import sync_locales


class Command(BaseCommand):
    help = (
        "Create a Locale for each of WAGTAIL_CONTENT_LANGUAGES and synchronise every locale's "
        "page tree from the default one (untranslated pages become aliases). Idempotent."
    )

    def handle(self, *args, **options):
        created = sync_locales()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Locales created: {', '.join(created)}."))
        else:
            self.stdout.write("Every content language has its locale; trees synchronised.")
