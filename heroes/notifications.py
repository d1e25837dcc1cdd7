"""Emails of the endorsement workflow that Wagtail does not send by itself.

Wagtail emails the groups of a GroupApprovalTask (MCD's step) and the author on approval
or rejection. The focal point step finds its reviewers from the page, so it has its own
notifier, built on Wagtail's, with Wagtail's own "submitted" email templates.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier

from cms.core.mail import queue_mail
from heroes import permissions


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


def tell_about_withdrawn_consent(sender, image, pages, **kwargs):
    """cms.core.consent: a photo in use lost its consent. Tell MCD and the pages' missions.

    The photo is already gone from every public output; the mail says where it was used, so
    the missions can choose another photo. It goes through the mail queue: the withdrawal has
    happened whatever the mail server does.
    """
    from heroes.models import Mission

    people = [permissions.mcd_members()]
    for mission in {Mission.of_page(page) for page in pages} - {None}:
        people.append(permissions.members_of(mission))
    recipients = {user.email for users in people for user in users if user.email}
    if not recipients:
        return
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "image": image,
        "image_url": base_url + reverse("wagtailimages:edit", args=(image.pk,)),
        "pages": [
            {
                "page": page,
                "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            }
            for page in pages
        ],
    }
    queue_mail(
        subject=render_to_string("heroes/emails/consent_withdrawn_subject.txt", context),
        body=render_to_string("heroes/emails/consent_withdrawn.txt", context),
        to=recipients,
    )
