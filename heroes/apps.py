from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeroesConfig(AppConfig):
    name = "heroes"
    verbose_name = _("Migrant heroes")

    def ready(self):
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from cms.core.consent import consent_withdrawn
        from heroes.notifications import (
            focal_point_submission_notifier,
            tell_about_withdrawn_consent,
        )

        consent_withdrawn.connect(tell_about_withdrawn_consent, dispatch_uid="heroes_consent")

        task_submitted.connect(
            focal_point_submission_notifier,
            sender=TaskState,
            dispatch_uid="heroes_focal_point_submitted",
        )
