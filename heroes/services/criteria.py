"""The reviewer of a public nomination ticks the criteria of a Migrant Hero the hero meets."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale

from heroes import permissions, selectors


@transaction.atomic
def record_criteria_met(*, user, nomination, criterion_ids):
    """MCD or the hero's mission records which of the campaign's criteria the hero meets.

    `criterion_ids` are ids of the current criteria (a criterion keeps its id in every
    language). Each tick is stored with the nomination's review, in the list's order, with
    the criterion's title in the default language, so the review still reads right once the
    list changes. The nomination's history and the audit log say who ticked what.
    """
    if not permissions.may_review_nomination(user, nomination):
        raise PermissionDenied(_("Only MCD and the hero's mission review this nomination."))
    criteria = selectors.nomination_criteria(locale=Locale.get_default())
    listed = criteria.items if criteria is not None else []
    wanted = set(criterion_ids)
    if wanted - {criterion.id for criterion in listed}:
        raise ValidationError({"criteria": _("Tick criteria of the list only.")})
    nomination.criteria_met = [
        {"id": criterion.id, "title": criterion.title}
        for criterion in listed
        if criterion.id in wanted
    ]
    nomination.save(update_fields=["criteria_met"])
    log(
        instance=nomination,
        action="heroes.nomination_criteria_recorded",
        user=user,
        data={"criteria": [tick["title"] for tick in nomination.criteria_met]},
    )
    return nomination
