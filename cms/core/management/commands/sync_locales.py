from django.core.management.base import BaseCommand
from wagtail.models import Site

from cms.core.locales import sync_locales
from cms.core.sites import sync_default_site


class Command(BaseCommand):
    help = (
        "Create a Locale for each of WAGTAIL_CONTENT_LANGUAGES and synchronise every locale's "
        "page tree from the default one (untranslated pages become aliases), and set the "
        "default Site's host and port from BASE_URL. Idempotent."
    )

    def handle(self, *args, **options):
        created = sync_locales()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Locales created: {', '.join(created)}."))
        else:
            self.stdout.write("Every content language has its locale; trees synchronised.")
        if Site.objects.filter(is_default_site=True).exists():
            site, changed = sync_default_site()
            if changed:
                self.stdout.write(f"Default site now at {site.root_url}.")
