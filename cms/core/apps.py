from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "MigrantHeroes core"

    def ready(self):
        from cms.core import (  # noqa: F401 (preview: admin hooks)
            cache,
            consent,
            preview,
            renditions,
            withdrawal,
        )

        cache.connect_signals()
        consent.connect_signals()
        renditions.connect_signals()
        withdrawal.connect_signals()
