from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from cms.core.image_metadata import UnsafeImage, has_hidden_data
from cms.core.models.images import FILE_FIELDS


class Command(BaseCommand):
    help = (
        "Strip every stored image of its metadata (EXIF and GPS, XMP, IPTC, ICC profile, "
        "comments, text chunks), in place, and delete the renditions made from it so they are "
        "made again, clean. Images already clean are left alone. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list the images that carry metadata; change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        stripped = clean = failed = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            label = f"Image {image.pk} ({image.file.name})"
            try:
                if dry_run:
                    with image.open_file() as stored:
                        carries = has_hidden_data(stored.read())
                else:
                    carries = image.strip_file_metadata()
            except (OSError, UnsafeImage) as error:
                self.stderr.write(f"{label}: skipped, its file cannot be read ({error}).")
                failed += 1
                continue
            if not carries:
                clean += 1
            elif dry_run:
                self.stdout.write(f"{label}: carries metadata.")
                stripped += 1
            else:
                image.save(update_fields=FILE_FIELDS)
                renditions, _ = image.renditions.all().delete()
                self.stdout.write(f"{label}: metadata stripped, {renditions} renditions deleted.")
                stripped += 1
        verb = "would be stripped" if dry_run else "stripped"
        self.stdout.write(
            self.style.SUCCESS(
                f"{stripped} images {verb}, {clean} already clean, {failed} unreadable."
            )
        )
