"""Write the content API's OpenAPI document to a file (or stdout), e.g. for a linter or a
client generator: `python manage.py export_openapi --output openapi.json`."""

import json

from django.core.management.base import BaseCommand
from ninja.responses import NinjaJSONEncoder


class Command(BaseCommand):
    help = "Write the content API's OpenAPI document (as /api/v3/openapi.json serves it)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, output=None, **options):
        from django.urls import reverse

        from cms.api import api

        reverse("wagtailapi_v3:openapi-json")  # the URLs are built, as when it is served
        document = json.dumps(
            api.get_openapi_schema(), cls=NinjaJSONEncoder, indent=2, ensure_ascii=False
        )
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(document + "\n")
        else:
            self.stdout.write(document)
