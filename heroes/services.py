"""The campaign's business rules, one place each, called by the admin, the site and the API.

Plain keyword-only functions, atomic where they write. They raise
django.core.exceptions.ValidationError (bad input) or PermissionDenied (wrong person),
which every caller turns into its own kind of answer.
"""

import datetime as dt
import difflib
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.html import linebreaks
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_countries import countries
from django_ratelimit.core import get_usage
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Locale
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText

from cms.core import cache as public_cache
from cms.core.mail import queue_mail
from cms.core.models import PhotoConsent
from heroes import permissions, setup_roles
from heroes.forms import NominationForm
from heroes.models import (
    HeroStoryPage,
    Mission,
    MissionHubPage,
    MissionIndexPage,
    Nomination,
    StoryOfTheMonth,
)
from heroes.models.nominations import SUBMITTED_FIELDS, NominationStatus

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


# Reviewing public nominations: accept, decline, duplicates -----------------------------------

#: A hero nominated again within this time (same country, a similar name) is a likely duplicate.
DUPLICATE_WINDOW = dt.timedelta(days=30)
#: How alike two names must be to be the same hero's (difflib's ratio, case and accents aside).
SIMILAR_NAME_RATIO = 0.85
#: A nominator sending the very same nomination again within this time: kept once.
RESUBMISSION_WINDOW = dt.timedelta(days=1)


def _folded(text):
    """`text` as compared: without case, accents or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def names_are_similar(first, second):
    """The same person's name, give or take a typo, an accent or the order of its words."""
    first, second = _folded(first), _folded(second)
    ratio = max(
        difflib.SequenceMatcher(None, first, second).ratio(),
        difflib.SequenceMatcher(
            None, " ".join(sorted(first.split())), " ".join(sorted(second.split()))
        ).ratio(),
    )
    return ratio >= SIMILAR_NAME_RATIO


def likely_duplicates(nomination, *, among=None):
    """Other nominations of the same hero: the same country, a similar name, within 30 days.

    `among` narrows the candidates (e.g. to those a reviewer may see).
    """
    moment = nomination.submitted_at or timezone.now()
    candidates = (among if among is not None else Nomination.objects.all()).filter(
        country=nomination.country,
        submitted_at__range=(moment - DUPLICATE_WINDOW, moment + DUPLICATE_WINDOW),
    )
    return [
        candidate
        for candidate in candidates.exclude(pk=nomination.pk).order_by("submitted_at")
        if names_are_similar(candidate.hero_name, nomination.hero_name)
    ]


def identical_recent_nomination(values):
    """The nominator's own identical nomination of the last day, if any (a second send).

    Identical: the same email, hero's name, country and story (case and spaces aside).
    The intake merges a second send into the first instead of storing it twice.
    """
    earlier = Nomination.objects.filter(
        nominator_email__iexact=(values.get("nominator_email") or "").strip(),
        country=values.get("country"),
        submitted_at__gte=timezone.now() - RESUBMISSION_WINDOW,
    ).order_by("submitted_at")
    for candidate in earlier:
        if _folded(candidate.hero_name) == _folded(values.get("hero_name")) and _folded(
            candidate.story
        ) == _folded(values.get("story")):
            return candidate
    return None


def merge_resubmission(nomination, *, photo=None):
    """Keep a second send of `nomination` as the first: only a photo the first lacked is added."""
    if photo and not nomination.photo:
        nomination.photo = photo
        nomination.save(update_fields=["photo"])
    return nomination


def _check_may_review(user, nomination):
    if not permissions.may_review_nomination(user, nomination):
        raise PermissionDenied(_("Only MCD and the hero's mission review this nomination."))


def _check_no_story_yet(nomination):
    if nomination.hero_story_id is not None:
        raise ValidationError(
            _("A story has already been drafted from this nomination."), code="has_story"
        )


def _record_decision(nomination, *, user, status, note, fields=()):
    nomination.status = status
    nomination.review_note = note
    nomination.reviewed_by = user
    nomination.reviewed_at = timezone.now()
    nomination.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at", *fields])


def hub_for_nomination(nomination):
    """(mission, hub) where the hero's story is written: the mission of the hero's country,
    else headquarters (mission None). The hub is the source one, in the default locale first."""
    mission = nomination.mission or Mission.objects.filter(country=nomination.country).first()
    if mission is not None:
        hubs = mission.hubs
    else:
        hubs = MissionHubPage.objects.filter(is_headquarters=True)
    hubs = hubs.filter(alias_of__isnull=True)
    hub = hubs.filter(locale=Locale.get_default()).first() or hubs.first()
    if hub is None:
        raise ValidationError(
            _("There is no mission hub to write this story in: set up the mission or HQ's hub.")
        )
    return mission, hub


def _photo_consent_record(nomination):
    """(consent, notes) of a photo sent with `nomination`: pending unless the nominator said
    the pictured person agreed."""
    if nomination.photo_consent:
        return PhotoConsent.WRITTEN, _(
            "Given by the nominator on %(date)s with public nomination #%(id)s."
        ) % {"date": nomination.submitted_at.date().isoformat(), "id": nomination.pk}
    return PhotoConsent.PENDING, _(
        "Not given with public nomination #%(id)s: record the pictured person's consent "
        "before the photo is published."
    ) % {"id": nomination.pk}


def _move_photo_to_collection(nomination, *, collection, alt_text, user):
    """The nomination's private photo as a Wagtail image of `collection`; the private copy is
    deleted once the transaction commits."""
    title = _("Photo of %(hero)s") % {"hero": nomination.hero_name}
    consent, notes = _photo_consent_record(nomination)
    with nomination.photo.open("rb") as private:
        content = private.read()
    image = get_image_model()(
        title=title[:255],
        description=(alt_text or title)[:255],
        collection=collection,
        uploaded_by_user=user,
        consent=consent,
        consent_notes=notes,
        file=ContentFile(content, name=f"nomination-{nomination.pk}.jpg"),
    )
    image._set_image_file_metadata()
    image.save()
    name, storage = nomination.photo.name, nomination.photo.storage
    nomination.photo = ""
    transaction.on_commit(lambda: storage.delete(name))
    return image


def _chosen_image(user, image):
    """An image the reviewer chose for a nomination sent without a photo."""
    if image is None:
        raise ValidationError(
            {"image": _("This nomination has no photo: choose a photo of the hero for the story.")}
        )
    policy = policy_registry.get_by_type(get_image_model())
    if not policy.instances_user_has_permission_for(user, "choose").filter(pk=image.pk):
        raise ValidationError({"image": _("You cannot use this image.")})
    return image


def accept_nomination(*, user, nomination, alt_text="", image=None, note=""):
    """MCD or the hero's mission accepts a nomination: a draft story comes of it.

    The draft `HeroStoryPage` is made in the hub of the hero's country (HQ's when no mission
    covers it), with the hero's name and countries, the nominator's words as the body's first
    paragraph, and the nominator credited only if they agreed. The photo sent with it leaves
    the private storage for the mission's image collection (alt text `alt_text` or "Photo of
    <hero>"; its consent recorded if the nominator gave it, else pending, so it cannot be
    published); a nomination without a photo needs `image`, one the reviewer may choose. The
    hub's endorsement workflow starts, as `user`; nomination and story are linked both ways
    and both histories say so. Returns the story.
    """
    _check_may_review(user, nomination)
    _check_no_story_yet(nomination)
    if len(alt_text) > 255:
        raise ValidationError({"alt_text": _("Keep the alt text under 255 characters.")})
    mission, hub = hub_for_nomination(nomination)
    collection = mission.collection if mission else Collection.get_first_root_node()
    with transaction.atomic():
        if nomination.photo:
            image = _move_photo_to_collection(
                nomination, collection=collection, alt_text=alt_text, user=user
            )
        else:
            image = _chosen_image(user, image)
        credited = nomination.agrees_to_be_credited
        story = HeroStoryPage(
            title=nomination.hero_name,
            hero_name=nomination.hero_name,
            country_of_residence=nomination.country,
            country_of_origin=nomination.country_of_origin,
            photo=image,
            body=[("paragraph", RichText(linebreaks(nomination.story, autoescape=True)))],
            nominator_name=nomination.nominator_name if credited else "",
            nominator_agreed_to_credit=credited,
            owner=user,
            live=False,
            locale=hub.locale,
        )
        # A draft: its headline and intro are the mission's to write before it is published.
        hub.add_child(instance=story)
        story.save_revision(user=user, clean=False)
        log(
            instance=story,
            action="heroes.story_drafted_from_nomination",
            user=user,
            data={"nomination": nomination.pk},
        )
        workflow = story.get_workflow()
        if workflow is not None and workflow.active:
            workflow.start(story, user)
        nomination.hero_story = story
        nomination.mission = mission
        _record_decision(
            nomination,
            user=user,
            status=NominationStatus.ACCEPTED,
            note=note or nomination.review_note,
            fields=["hero_story", "mission", "photo"],
        )
        log(
            instance=nomination,
            action="heroes.nomination_accepted",
            user=user,
            data={"story": {"id": story.pk, "title": story.title}},
        )
    return story


def decline_nomination(*, user, nomination, reason):
    """MCD or the hero's mission declines a nomination, saying why (kept as the review note)."""
    _check_may_review(user, nomination)
    _check_no_story_yet(nomination)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the nomination is declined.")})
    with transaction.atomic():
        _record_decision(nomination, user=user, status=NominationStatus.DECLINED, note=reason)
        log(
            instance=nomination,
            action="heroes.nomination_declined",
            user=user,
            data={"reason": reason},
        )
    return nomination


def mark_nomination_duplicate(*, user, nomination, original, note=""):
    """MCD or the hero's mission marks a nomination as a duplicate of another one (`original`)."""
    _check_may_review(user, nomination)
    _check_no_story_yet(nomination)
    if not permissions.may_review_nomination(user, original):
        raise PermissionDenied(_("Only MCD and the hero's mission review this nomination."))
    first = original
    while first is not None and first.pk != nomination.pk:
        first = first.duplicate_of
    if first is not None:  # the original is the nomination itself, or a duplicate of it
        raise ValidationError(
            {"original": _("A nomination cannot be a duplicate of itself or of its duplicates.")}
        )
    with transaction.atomic():
        nomination.duplicate_of = original
        _record_decision(
            nomination,
            user=user,
            status=NominationStatus.DUPLICATE,
            note=note or nomination.review_note,
            fields=["duplicate_of"],
        )
        log(
            instance=nomination,
            action="heroes.nomination_marked_duplicate",
            user=user,
            data={"original": {"id": original.pk, "hero_name": original.hero_name}},
        )
    return nomination
