from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "MigrantHeroes core"

    def ready(self):
        from cms.core import cache, renditions

        cache.connect_signals()
        renditions.connect_signals()
