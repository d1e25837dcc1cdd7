from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "MigrantHeroes core"

    def ready(self):
        from cms.core.blocks import schema as block_schema

        # First, before any app's ready() makes Wagtail build its API schemas.
        block_schema.register()

        from cms.core import (  # noqa: F401 (preview: admin hooks; checks: registered)
            aliases,
            avatars,
            cache,
            checks,
            consent,
            front_cache,
            preview,
            renditions,
            selectors,
            withdrawal,
        )

        avatars.connect_signals()
        aliases.connect_signals()
        cache.connect_signals()
        consent.connect_signals()
        front_cache.connect_signals()
        renditions.connect_signals()
        selectors.connect_signals()
        withdrawal.connect_signals()
