"""Translations go through the same endorsement as missions' drafts.

wagtail-localize's editor lets only publishers publish, and has no "submit for moderation":
a translator who cannot publish submits the translation here instead. It is saved as a
draft revision of the translated page (its live version stays as it is), and that page's
own workflow starts (Mission endorsement under a mission's hub, MCD endorsement
elsewhere): the focal point, then MCD, endorse it, and MCD's approval publishes it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation


def translation_of(page):
    """The wagtail-localize Translation that fills `page`, or None (a source or plain page)."""
    if page.locale_id == Locale.get_default().pk:
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source")
        .first()
    )


def can_submit_translation(*, user, page):
    perms = page.permissions_for_user(user)
    return (
        perms.can_edit()
        and not perms.can_publish()
        and page.get_workflow() is not None
        and translation_of(page) is not None
    )


@transaction.atomic
def submit_translation(*, user, page):
    """Save the translation's strings as a draft of `page` and send it for endorsement."""
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied(_("You cannot edit this page."))
    translation = translation_of(page)
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        raise ValidationError(_("This page is not a translation that needs endorsement."))
    # Not wagtail-localize's save_target(publish=False): it also writes the page's own row,
    # which for a live page is the published content. A revision alone leaves it untouched.
    draft = translation.source.get_ephemeral_translated_instance(page.locale, fallback=True)
    draft.save_revision(user=user, log_action=True)
    page = page.specific_class.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return state
    if state is not None:  # already in review: reviewers must see this latest version
        state.cancel(user=user)
    return workflow.start(page, user)
