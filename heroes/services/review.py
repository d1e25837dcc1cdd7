"""MCD or the hero's mission reviews a public nomination: accept into a draft story, decline, or
mark as a duplicate."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText

from cms.core.models import PhotoConsent
from heroes import permissions
from heroes.models import (
    HeroStoryPage,
)
from heroes.models.nominations import NominationStatus
from heroes.services import missions


def review_nomination(*, user, nomination, status, note=""):
    """MCD or the mission of the hero's country records its decision on a nomination."""
    _check_may_review(user, nomination)
    _record_decision(nomination, user=user, status=status, note=note, validate=True)
    return nomination


def _check_may_review(user, nomination):
    if not permissions.may_review_nomination(user, nomination):
        raise PermissionDenied(_("Only MCD and the hero's mission review this nomination."))


def _check_no_story_yet(nomination):
    if nomination.hero_story_id is not None:
        raise ValidationError(
            _("A story has already been drafted from this nomination."), code="has_story"
        )


def _record_decision(nomination, *, user, status, note, fields=(), validate=False, logged=None):
    """Store the reviewer's decision (and the other changed `fields`); `logged`, an audit log
    action and its data, goes in Wagtail's log beside it."""
    nomination.status = status
    nomination.review_note = note
    nomination.reviewed_by = user
    nomination.reviewed_at = timezone.now()
    if validate:
        nomination.full_clean()
    nomination.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at", *fields])
    if logged is not None:
        action, data = logged
        log(instance=nomination, action=action, user=user, data=data)


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
    mission, hub = missions.hub_for(nomination)
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
            logged=(
                "heroes.nomination_accepted",
                {"story": {"id": story.pk, "title": story.title}},
            ),
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
        _record_decision(
            nomination,
            user=user,
            status=NominationStatus.DECLINED,
            note=reason,
            logged=("heroes.nomination_declined", {"reason": reason}),
        )
    return nomination


def mark_nomination_duplicate(*, user, nomination, original, note=""):
    """MCD or the hero's mission marks a nomination as a duplicate of another one (`original`)."""
    _check_may_review(user, nomination)
    _check_no_story_yet(nomination)
    _check_may_review(user, original)
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
            logged=(
                "heroes.nomination_marked_duplicate",
                {"original": {"id": original.pk, "hero_name": original.hero_name}},
            ),
        )
    return nomination
