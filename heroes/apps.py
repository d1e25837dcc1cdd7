from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeroesConfig(AppConfig):
    name = "heroes"
    verbose_name = _("Migrant heroes")

    def ready(self):
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from heroes.notifications import focal_point_submission_notifier

        task_submitted.connect(
            focal_point_submission_notifier,
            sender=TaskState,
            dispatch_uid="heroes_focal_point_submitted",
        )
