"""Wagtail's first migration makes "Editors" and "Moderators" groups with rights on the whole
tree; "Moderators" may publish anything. Here MCD holds the only key to publishing, and
missions, translators and MCD have groups of their own (heroes.setup_roles, cms.core.roles), so the
two default groups are removed while nobody is in them.
"""

from django.db import migrations

DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("heroes", "0003_nominatepage_nomination"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
