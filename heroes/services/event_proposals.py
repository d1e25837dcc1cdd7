"""Partners' events proposed for the calendar: taken from the public, reviewed by the missions.

Business rules, called by the site's "Propose an event" form, the API and the admin alike.
Plain keyword-only functions, atomic where they write; they raise ValidationError (bad input)
or PermissionDenied (wrong person), or one of the intake's refusals below.

A proposal goes through the public intake every form the public sends goes through
(heroes.services.intake.take_public_form: the client's hourly budget, the form's rules, the
bots' trap), with its refusals.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.core.mail import queue_mail
from heroes import permissions
from heroes.forms_events import EventProposalForm
from heroes.models import EventPage, EventProposalStatus, Mission
from heroes.models.event_proposals import EVENT_PAGE_FIELDS
from heroes.services import intake, missions

# Proposals from the public --------------------------------------------------------------------


def receive_event_proposal(*, data, client, language):
    """Take a partner's event proposed by the public, from the site's form or the API.

    `data` holds the submitted fields (a QueryDict or a dict), `client` the sender as
    cms.core.clients.client_key gives it, `language` the one the proposer wrote in. The
    proposal is stored privately, filed with the mission of the event's country; the
    proposer gets an acknowledgement, that mission's focal points and MCD a notice.
    Returns it; raises TooManyRequests, Invalid or IsSpam.
    """
    form = intake.take_public_form(
        EventProposalForm(data),
        client=client,
        group="heroes.event_proposals",
        per_hour=settings.EVENT_PROPOSALS_PER_HOUR,
    )
    proposal = form.save(commit=False)
    proposal.language = language
    proposal.mission = Mission.objects.filter(country=proposal.country).first()
    with transaction.atomic():
        proposal.save()
        _tell_about_proposal(proposal)
    return proposal


def review_url(proposal):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "event_proposals:inspect", args=(proposal.pk,)
    )


def _tell_about_proposal(proposal):
    """The acknowledgement and the reviewers' notice, queued once the proposal is stored."""
    context = {"proposal": proposal, "review_url": review_url(proposal)}
    with translation.override(proposal.language):
        queue_mail(
            subject=_("Thank you for proposing %(event)s") % {"event": proposal.title},
            body=render_to_string("heroes/emails/event_proposal_received.txt", context),
            to=[proposal.organiser_email],
        )
    reviewers = [user.email for user in permissions.mcd_members()]
    if proposal.mission is not None:
        reviewers += [user.email for user in permissions.focal_points_of(proposal.mission)]
    queue_mail(
        subject=render_to_string("heroes/emails/event_proposal_to_review_subject.txt", context),
        body=render_to_string("heroes/emails/event_proposal_to_review.txt", context),
        to=reviewers,
    )


# The review: accept into a draft event, or decline -------------------------------------------


def _check_may_review(user, proposal):
    if not permissions.may_review_event_proposal(user, proposal):
        raise PermissionDenied(_("Only MCD and the mission of the event's country review it."))


def _check_undecided(proposal):
    if proposal.status != EventProposalStatus.NEW:
        raise ValidationError(_("This proposal has already been decided."), code="decided")


def _record_decision(proposal, *, user, status, note="", fields=()):
    proposal.status = status
    proposal.review_note = note
    proposal.reviewed_by = user
    proposal.reviewed_at = timezone.now()
    proposal.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at", *fields])


def accept_event_proposal(*, user, proposal):
    """MCD or the mission of the event's country accepts a proposal: a draft event comes of it.

    The draft EventPage is made in the hub of that mission (HQ's when no mission covers the
    country) with the event's fields; nothing of the organiser is copied. It is a draft: the
    mission reads it, completes it and submits it to its endorsement like any other event.
    Returns the event.
    """
    _check_may_review(user, proposal)
    _check_undecided(proposal)
    mission, hub = missions.hub_for(proposal)
    with transaction.atomic():
        event = EventPage(
            **{field: getattr(proposal, source) for field, source in EVENT_PAGE_FIELDS.items()},
            owner=user,
            live=False,
            locale=hub.locale,
        )
        hub.add_child(instance=event)
        event.save_revision(user=user)
        log(
            instance=event,
            action="heroes.event_drafted_from_proposal",
            user=user,
            data={"proposal": proposal.pk},
        )
        proposal.event = event
        proposal.mission = mission
        _record_decision(
            proposal, user=user, status=EventProposalStatus.ACCEPTED, fields=["event", "mission"]
        )
        log(
            instance=proposal,
            action="heroes.event_proposal_accepted",
            user=user,
            data={"event": {"id": event.pk, "title": event.title}},
        )
    return event


def decline_event_proposal(*, user, proposal, reason):
    """MCD or the mission of the event's country declines a proposal, saying why (for
    reviewers only: the proposer is not told the reason)."""
    _check_may_review(user, proposal)
    _check_undecided(proposal)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the proposal is declined.")})
    with transaction.atomic():
        _record_decision(proposal, user=user, status=EventProposalStatus.DECLINED, note=reason)
        log(
            instance=proposal,
            action="heroes.event_proposal_declined",
            user=user,
            data={"reason": reason},
        )
    return proposal
