"""Emails of the endorsement workflow that Wagtail does not send by itself.

Wagtail emails the groups of a GroupApprovalTask (MCD's step) and the author on approval
or rejection. The focal point step finds its reviewers from the page, so it has its own
notifier, built on Wagtail's, with Wagtail's own "submitted" email templates.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier


class FocalPointSubmissionEmailNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        from heroes.models import FocalPointReviewTask

        return isinstance(instance.task.specific, FocalPointReviewTask)

    def get_recipient_users(self, task_state, **kwargs):
        page = task_state.workflow_state.content_object
        recipients = get_user_model().objects.filter(
            pk__in=[user.pk for user in task_state.task.specific.reviewers(page)]
        )
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients = recipients | get_user_model().objects.filter(is_superuser=True)
        if (user := kwargs.get("user")) is not None:
            recipients = recipients.exclude(pk=user.pk)
        return recipients


focal_point_submission_notifier = FocalPointSubmissionEmailNotifier()
