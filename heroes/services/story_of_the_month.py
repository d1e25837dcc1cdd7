"""Each mission proposes a story of the month; MCD picks the winners."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.core import cache as public_cache
from heroes import permissions
from heroes.models import (
    Mission,
    StoryOfTheMonth,
)


def first_of_month(day):
    return dt.date(day.year, day.month, 1)


def check_story_of_the_month_proposal(*, user, story, month):
    """The rules of a mission's proposal, without writing: returns the proposing mission."""
    month = first_of_month(month)
    mission = Mission.of_page(story)
    if not permissions.may_propose_story_of_the_month(user, mission):
        raise PermissionDenied(_("You can only nominate stories of your own mission."))
    if not story.live:
        raise ValidationError({"story": _("Only a published story can be nominated.")})
    if StoryOfTheMonth.objects.filter(mission=mission, month=month).exists():
        raise _already_nominated(mission, month)
    return mission


def _already_nominated(mission, month):
    return ValidationError(
        {
            "month": _("%(mission)s has already nominated a story for %(month)s.")
            % {"mission": mission.name, "month": month.strftime("%B %Y")}
        }
    )


def nominate_story_of_the_month(*, user, story, month, note=""):
    """A mission's editor or focal point puts one of its live stories forward for a month.

    One proposal per mission per month; only the mission's own, published stories.
    """
    month = first_of_month(month)
    story = story.specific
    mission = check_story_of_the_month_proposal(user=user, story=story, month=month)
    try:
        with transaction.atomic():
            proposal = StoryOfTheMonth.objects.create(
                month=month, mission=mission, story=story, note=note, nominated_by=user
            )
    except IntegrityError:  # the same proposal, sent twice at once
        raise _already_nominated(mission, month) from None
    log(
        instance=story,
        action="heroes.story_of_the_month_nominated",
        user=user,
        data={"month": month.isoformat(), "note": note},
    )
    return proposal


def pick_story_of_the_month(*, user, proposal):
    """MCD picks the global story of the month among that month's proposals."""
    if not permissions.may_pick_story_of_the_month(user):
        raise PermissionDenied(_("Only MCD picks the story of the month."))
    with transaction.atomic():
        StoryOfTheMonth.objects.select_for_update().filter(month=proposal.month).update(
            is_winner=False, picked_by=None, picked_at=None
        )
        proposal.is_winner = True
        proposal.picked_by = user
        proposal.picked_at = timezone.now()
        proposal.save(update_fields=["is_winner", "picked_by", "picked_at"])
        # The home page and the API show the winner: cached public responses are stale now.
        public_cache.invalidate_now_and_on_commit()
    log(
        instance=proposal.story,
        action="heroes.story_of_the_month_picked",
        user=user,
        data={"month": proposal.month.isoformat()},
    )
    return proposal
