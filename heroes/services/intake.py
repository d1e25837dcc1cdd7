"""Nominations from the public, from the site's form or the API: one intake, one rule."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.core import clients
from cms.core.mail import queue_mail
from heroes import permissions
from heroes.forms import NominationForm
from heroes.models import (
    Mission,
    Nomination,
)
from heroes.models.nominations import SUBMITTED_FIELDS
from heroes.services.duplicates import identical_recent_nomination, merge_resubmission

logger = logging.getLogger(__name__)


# What the public sends (a nomination, an event proposal) goes through one intake ------------


class Refused(Exception):
    """Something the public sent that is not taken; each reason below its own type."""


class TooManyRequests(Refused):
    """The client's hourly budget is spent: it may try again in `retry_after` seconds."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


class IsSpam(Refused):
    """A bot filled in the field people don't see: thank it, and keep nothing."""


class Invalid(Refused, ValidationError):
    """What was sent has errors: `form` is the bound form that holds them."""

    def __init__(self, form):
        ValidationError.__init__(self, form.errors.as_data())
        self.form = form


class NotStored(Refused):
    """It could not be stored just now (a photo found the disk full): nothing of it was kept
    and no mail went out; the sender may send it again later."""


def take_public_form(form, *, client, group, per_hour):
    """Check `form` (bound, a heroes.forms.HoneypotForm), sent by `client` (a
    cms.core.clients.client_key).

    The attempt counts first, valid or not, against the client's budget of `per_hour` in
    `group`, shared by the site and the API (TooManyRequests); then the form's rules
    (Invalid); then the bots' trap (IsSpam). Returns the valid form.
    """
    retry_after = clients.seconds_to_wait(client, group=group, per_hour=per_hour)
    if retry_after is not None:
        raise TooManyRequests(retry_after)
    if not form.is_valid():
        raise Invalid(form)
    if form.is_spam:
        raise IsSpam
    return form


# Nominations ---------------------------------------------------------------------------------


def receive_nomination(*, data, photo=None, client, language):
    """Take a hero nominated by the public, from the site's form or the API: one rule.

    `data` holds the submitted fields (a QueryDict or a dict), `photo` the uploaded file if
    any, `client` the sender as cms.core.clients.client_key gives it, `language` the one the
    nominator wrote in. The public intake (take_public_form: NOMINATIONS_PER_HOUR a client,
    NominationForm the one declaration of the fields, the bots' trap); stored whole or not at
    all (NotStored). Returns the stored nomination.
    """
    form = take_public_form(
        NominationForm(data, {"photo": photo} if photo is not None else {}),
        client=client,
        group="heroes.nominations",
        per_hour=settings.NOMINATIONS_PER_HOUR,
    )
    values = {field: form.cleaned_data.get(field) for field in SUBMITTED_FIELDS}
    try:
        with transaction.atomic():
            return _store_nomination(
                values=values, photo=form.cleaned_data.get("photo"), language=language
            )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        raise Invalid(form) from None
    except OSError as error:  # the storage's: no room left for the photo, …
        logger.exception("A nomination could not be stored: its photo could not be written.")
        raise NotStored from error


def _store_nomination(*, values, photo, language):
    """Store a checked nomination privately and tell the people concerned.

    The photo, if any, is the form's: already re-encoded without its metadata. The nominator
    gets an acknowledgement; the mission of the hero's country (its focal points) and MCD
    get a notification. Nothing of it is ever published.
    """
    earlier = identical_recent_nomination(values)
    if earlier is not None:
        return merge_resubmission(earlier, photo=photo)
    nomination = Nomination(
        **values,
        language=language,
        mission=Mission.objects.filter(country=values["country"]).first(),
    )
    if photo:
        nomination.photo = photo
    nomination.full_clean()
    nomination.save()
    transaction.on_commit(lambda: _tell_about_nomination(nomination))
    return nomination


def _tell_about_nomination(nomination):
    review_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "nominations:inspect", args=(nomination.pk,)
    )
    context = {"nomination": nomination, "review_url": review_url}
    with translation.override(nomination.language):
        queue_mail(
            subject=_("Thank you for nominating %(hero)s") % {"hero": nomination.hero_name},
            body=render_to_string("heroes/emails/nomination_received.txt", context),
            to=[nomination.nominator_email],
        )
    reviewers = [user.email for user in permissions.mcd_members() if user.email]
    if nomination.mission is not None:
        reviewers += [
            user.email for user in permissions.focal_points_of(nomination.mission) if user.email
        ]
    if reviewers:
        queue_mail(
            subject=render_to_string("heroes/emails/nomination_to_review_subject.txt", context),
            body=render_to_string("heroes/emails/nomination_to_review.txt", context),
            to=reviewers,
        )
