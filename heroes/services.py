"""The campaign's business rules, one place each, called by the admin, the site and the API.

Plain keyword-only functions, atomic where they write. They raise
django.core.exceptions.ValidationError (bad input) or PermissionDenied (wrong person),
which every caller turns into its own kind of answer.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_countries import countries
from django_ratelimit.core import get_usage
from wagtail.log_actions import log
from wagtail.models import Collection, Locale

from cms.core import cache as public_cache
from cms.core.mail import queue_mail
from heroes import permissions, setup_roles
from heroes.forms import NominationForm
from heroes.models import (
    Mission,
    MissionHubPage,
    MissionIndexPage,
    Nomination,
    StoryOfTheMonth,
)
from heroes.models.nominations import SUBMITTED_FIELDS

# Missions ---------------------------------------------------------------------------------


@dataclass
class MissionSetup:
    mission: Mission
    hub: MissionHubPage
    created: bool
    invited: object | None  # the focal point user, when an invitation was sent


def setup_mission(*, country, name, focal_point_email, user=None, invite=True):
    """Open a country office's room, or check an existing one: idempotent.

    Creates (when missing) the mission, its hub and the hub's aliases in every locale, its
    collection, its editors' and focal point's groups with exactly their rights, the
    endorsement workflow on the hub, and invites the focal point. Refuses, changing
    nothing, a country code that isn't one, or a country or name another mission has.

    With `invite=False` (the demo loader) no email is sent: a new focal point's account is
    made, inactive, and opens only once someone gives it a password.
    """
    code, name, email = (country or "").strip().upper(), (name or "").strip(), focal_point_email
    errors = {}
    if code not in countries:
        errors["country"] = _("“%(code)s” is not an ISO 3166 country code (e.g. KE).") % {
            "code": country
        }
    if not name:
        errors["name"] = _("Give the mission a name, e.g. “Kenya”.")
    try:
        email = get_user_model().objects.normalize_email((email or "").strip())
        validate_email(email)
    except ValidationError:
        errors["focal_point_email"] = _("“%(email)s” is not an email address.") % {
            "email": focal_point_email
        }
    if errors:
        raise ValidationError(errors)

    existing = Mission.objects.filter(country=code).first()
    if existing and existing.name != name:
        raise ValidationError(
            {
                "country": _("%(code)s already has a mission: “%(name)s”.")
                % {"code": code, "name": existing.name}
            }
        )
    if Mission.objects.filter(name__iexact=name).exclude(country=code).exists():
        raise ValidationError(
            {"name": _("Another mission is already called “%(name)s”.") % {"name": name}}
        )

    with transaction.atomic():
        mission = existing or _create_mission(code=code, name=name)
        hub = _ensure_hub(mission)
        _ensure_hub_aliases(hub)
        setup_roles.ensure_mission_roles(mission)
        invited = _ensure_focal_point(mission, email, invite=invite)
        if existing is None:
            log(instance=hub, action="heroes.mission_set_up", user=user, data={"country": code})
    return MissionSetup(mission=mission, hub=hub, created=existing is None, invited=invited)


def _create_mission(*, code, name):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    editors, _created = Group.objects.get_or_create(name=f"Mission editors — {name}")
    focal_point, _created = Group.objects.get_or_create(name=f"Mission focal point — {name}")
    return Mission.objects.create(
        country=code,
        name=name,
        collection=collection,
        editors_group=editors,
        focal_point_group=focal_point,
    )


def _ensure_hub(mission):
    locale = Locale.get_default()
    hub = MissionHubPage.objects.filter(locale=locale, country=mission.country).first()
    if hub is not None:
        return hub
    index = MissionIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise ValidationError(
            _(
                "There is no missions page to put the hub under: "
                "create the site's Missions page first."
            )
        )
    hub = MissionHubPage(
        title=mission.name, office_name=mission.name, country=mission.country, locale=locale
    )
    index.add_child(instance=hub)
    hub.save_revision().publish()
    return hub


def _ensure_hub_aliases(hub):
    """The hub exists in every locale whose missions page exists: as an alias until translated."""
    for locale in Locale.objects.exclude(pk=hub.locale_id):
        if hub.has_translation(locale):
            continue
        if not hub.get_parent().has_translation(locale):
            continue
        hub.copy_for_translation(locale, alias=True)


def _ensure_focal_point(mission, email, *, invite):
    """Put the focal point in their group; invite them (if `invite`) if they have no account yet."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    new = user is None
    if new:
        user = User.objects.create_user(username=email, email=email, is_active=False)
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(mission.focal_point_group)
    if new and invite:
        send_invitation(user=user, mission=mission)
        return user
    return None


def invitation_url(user):
    path = reverse(
        "mission_invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(*, user, mission):
    context = {"user": user, "mission": mission, "url": invitation_url(user)}
    queue_mail(
        subject=render_to_string("heroes/emails/invitation_subject.txt", context),
        body=render_to_string("heroes/emails/invitation.txt", context),
        to=[user.email],
    )


def activate_invited_user(user):
    """The focal point has chosen a password: their account opens."""
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])


# Story of the month ----------------------------------------------------------------------------


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


# Public nominations ------------------------------------------------------------------------------


class NominationRefused(Exception):
    """A nomination the public sent that is not taken; each reason below its own type."""


class TooManyNominations(NominationRefused):
    """The client has sent NOMINATIONS_PER_HOUR already: it may try again in `retry_after` s."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


class NominationIsSpam(NominationRefused):
    """A bot filled in the field people don't see: thank it, and keep nothing."""


class InvalidNomination(NominationRefused, ValidationError):
    """The nomination has errors: `form` is the bound NominationForm that holds them."""

    def __init__(self, form):
        ValidationError.__init__(self, form.errors.as_data())
        self.form = form


def receive_nomination(*, data, photo=None, client, language):
    """Take a hero nominated by the public, from the site's form or the API: one rule.

    `data` holds the submitted fields (a QueryDict or a dict), `photo` the uploaded file if
    any, `client` the sender as cms.core.clients.client_key gives it, `language` the one the
    nominator wrote in. Every attempt counts against the client's hourly budget, shared by
    the site and the API (TooManyNominations); the fields are checked by NominationForm, the
    one declaration of them (InvalidNomination); a bot's nomination is dropped
    (NominationIsSpam). Returns the stored nomination.
    """
    usage = get_usage(
        None,
        group="heroes.nominations",
        key=lambda _group, _request: client,
        rate=f"{settings.NOMINATIONS_PER_HOUR}/h",
        increment=True,
    )
    if usage is not None and usage["should_limit"]:
        raise TooManyNominations(retry_after=max(1, usage["time_left"]))
    form = NominationForm(data, {"photo": photo} if photo is not None else {})
    if not form.is_valid():
        raise InvalidNomination(form)
    if form.is_spam:
        raise NominationIsSpam
    values = {field: form.cleaned_data.get(field) for field in SUBMITTED_FIELDS}
    try:
        return _store_nomination(
            values=values, photo=form.cleaned_data.get("photo"), language=language
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        raise InvalidNomination(form) from None


def _store_nomination(*, values, photo, language):
    """Store a checked nomination privately and tell the people concerned.

    The photo, if any, is the form's: already re-encoded without its metadata. The nominator
    gets an acknowledgement; the mission of the hero's country (its focal points) and MCD
    get a notification. Nothing of it is ever published.
    """
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


def review_nomination(*, user, nomination, status, note=""):
    """MCD or the mission of the hero's country records its decision on a nomination."""
    if not permissions.may_review_nomination(user, nomination):
        raise PermissionDenied(_("Only MCD and the hero's mission review this nomination."))
    nomination.status = status
    nomination.review_note = note
    nomination.reviewed_by = user
    nomination.reviewed_at = timezone.now()
    nomination.full_clean()
    nomination.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
    return nomination
