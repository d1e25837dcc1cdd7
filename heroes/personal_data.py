"""Personal data the campaign holds: where it is, how to export it, erase it, and let it go.

Personal data lives in a few *sources*, each registered here with `register()`: a kind
("nomination", "multiplier", "mail" …), how to find the rows held about an email address,
how to erase one, and, for those kept only for a while, which rows are past their time and
what happens to them then. The admin (heroes.admin.personal_data) and the commands
`personal_data` and `apply_retention` only call `export`, `erase` and `apply_retention`.

- Export: every row of every source held about an address, every field, with its kind.
- Erasure: the rows go, with what hangs on them: a nomination's private photo, the Wagtail
  image made from it and its renditions unless a published page shows it (the photo belongs
  to a published story then: the nomination stays, without the nominator), the nominator's
  credit on stories, search index entries, messages of the mail queue, the labels of the
  rows' audit log entries; cached public responses are made stale.
- Retention (`apply_retention`, run daily): declined nominations and their photos are erased
  NOMINATION_RETENTION_DAYS after the decision; voters' addresses are dropped once the round
  is over (VOTER_EMAIL_RETENTION_DAYS after it closed: the keyed hash of the one-ballot rule
  stays); sent or failed messages leave the mail queue after MAIL_RETENTION_DAYS.

Each export, erasure and retention run is recorded (cms.core PersonalDataRequest) and logged
in Wagtail's audit log without the address: its keyed hash (`subject_key`) proves what was
done for an address given again later.
"""

import datetime as dt
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core import serializers
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, ModelLogEntry, Page, ReferenceIndex
from wagtail.search import index

from cms.core import cache as public_cache
from cms.core.mail import deliver_mail
from cms.core.models import PersonalDataAction, PersonalDataRequest
from heroes.models import (
    Ballot,
    EventProposal,
    EventProposalStatus,
    HeroStoryPage,
    Multiplier,
    Nomination,
    NominationStatus,
)

# Log actions (registered by heroes.admin.personal_data.register_log_actions)
EXPORTED = "heroes.personal_data_exported"
ERASED = "heroes.personal_data_erased"
RETENTION_APPLIED = "heroes.personal_data_retention_applied"


def normalise(address):
    return (address or "").strip().lower()


def subject_key(address):
    """The keyed hash (HMAC-SHA256 under SECRET_KEY) that names a person in the audit log."""
    return salted_hmac(
        "heroes.personal_data.subject", normalise(address), algorithm="sha256"
    ).hexdigest()


# The registry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where personal data lives, and what erasing it and letting it go mean there.

    `find(address)` gives the rows held about an address; `erase(row)` removes the person's
    data from one row (deleting it or blanking its personal fields). `expired(now)` gives the
    rows kept past their time, `expire(row)` what happens to each (default: `erase`).
    """

    kind: str
    label: str
    find: Callable[[str], Iterable[models.Model]]
    erase: Callable[[models.Model], None]
    expired: Callable[[dt.datetime], Iterable[models.Model]] | None = None
    expire: Callable[[models.Model], None] | None = None


SOURCES: dict[str, Source] = {}


def register(source):
    SOURCES[source.kind] = source
    return source


# Export, erasure, retention ---------------------------------------------------------------


def export(address, *, user=None):
    """Everything held about `address`: a dict ready for JSON (DjangoJSONEncoder).

    `records` holds one entry per row: its kind, model, primary key and every field
    (`fields`, as Django's serializers give them: a related row by its primary key, a file by
    its name).
    """
    records = []
    counts = Counter()
    for source in SOURCES.values():
        rows = list(source.find(address))
        counts[source.kind] += len(rows)
        for row in serializers.serialize("python", rows):
            records.append(
                {
                    "kind": source.kind,
                    "model": row["model"],
                    "pk": row["pk"],
                    "fields": row["fields"],
                }
            )
    _record(PersonalDataAction.EXPORT, EXPORTED, address=address, counts=counts, user=user)
    return {"email": address, "exported_at": timezone.now(), "records": records}


def found(address):
    """How many rows of each kind are held about `address` (what an erasure would remove)."""
    return {kind: len(list(source.find(address))) for kind, source in SOURCES.items()}


def erase(address, *, user=None):
    """Erase everything held about `address`; returns how many rows of each kind were erased.

    Atomic: files (the private photo, the image's file and renditions) are deleted once the
    transaction commits, so a failure keeps both rows and files.
    """
    counts = Counter()
    with transaction.atomic():
        for source in SOURCES.values():
            for row in list(source.find(address)):
                source.erase(row)
                counts[source.kind] += 1
        public_cache.invalidate_now_and_on_commit()
        _record(PersonalDataAction.ERASURE, ERASED, address=address, counts=counts, user=user)
    return {kind: counts[kind] for kind in SOURCES}


def apply_retention(*, now=None, dry_run=False):
    """Let go of what is kept past its time; returns how many rows of each kind (idempotent)."""
    now = now or timezone.now()
    counts = Counter()
    with transaction.atomic():
        for source in SOURCES.values():
            if source.expired is None:
                continue
            rows = list(source.expired(now))
            counts[source.kind] += len(rows)
            if dry_run:
                continue
            for row in rows:
                (source.expire or source.erase)(row)
        if not dry_run and sum(counts.values()):
            public_cache.invalidate_now_and_on_commit()
            _record(PersonalDataAction.RETENTION, RETENTION_APPLIED, counts=counts)
    return {kind: counts[kind] for kind, source in SOURCES.items() if source.expired}


def _record(action, log_action, *, counts, address=None, user=None):
    request = PersonalDataRequest.objects.create(
        action=action,
        subject=subject_key(address) if address else "",
        counts=dict(counts),
        requested_by=user if user is not None and user.is_authenticated else None,
    )
    data = {"counts": dict(counts)}
    if address:
        data["subject"] = request.subject
    log(instance=request, action=log_action, user=request.requested_by, data=data)
    return request


def _forget_log_labels(row):
    """The audit log keeps that something happened to an erased row, not its name."""
    ModelLogEntry.objects.filter(
        content_type__app_label=row._meta.app_label,
        content_type__model=row._meta.model_name,
        object_id=str(row.pk),
    ).update(label=f"{row._meta.verbose_name} #{row.pk}", data={})


def _delete(row):
    _forget_log_labels(row)
    row.delete()


# Public nominations ---------------------------------------------------------------------------


def nominations_of(address):
    return Nomination.objects.filter(nominator_email__iexact=normalise(address)).order_by("pk")


def image_made_from(nomination):
    """The Wagtail image made from the nomination's photo when it was accepted, if any.

    heroes.services.review.accept_nomination moves the photo into the story's image, named
    `nomination-<id>.jpg`; an image the reviewer chose from the library is not the nominator's.
    """
    story = nomination.hero_story
    if story is None or story.photo_id is None:
        return None
    name = story.photo.file.name.rsplit("/", 1)[-1]
    return story.photo if re.match(rf"nomination-{nomination.pk}[._]", name) else None


def is_published_use(instance):
    """Whether `instance` (something that refers to an image) is public: a live page or
    snippet, or a model without drafts (a setting) whose saved state is public at once."""
    if isinstance(instance, Page | DraftStateMixin):
        return instance.live
    return True


def used_by_published(image):
    """Whether anything published refers to `image` (Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(image).group_by_source_object()
    return any(is_published_use(instance) for instance, _references in references)


def _delete_private_photo(nomination):
    if not nomination.photo:
        return
    name, storage = nomination.photo.name, nomination.photo.storage
    nomination.photo = ""
    transaction.on_commit(lambda: storage.delete(name))


def _stories_drafted_from(nomination):
    """The story drafted from the nomination, with its translations and aliases."""
    story = nomination.hero_story
    if story is None:
        return HeroStoryPage.objects.none()
    return HeroStoryPage.objects.filter(translation_key=story.translation_key)


def _uncredit(stories):
    """The nominator is no longer named on the stories, nor in their saved revisions."""
    for story in stories:
        if not story.nominator_name and not story.nominator_agreed_to_credit:
            continue
        HeroStoryPage.objects.filter(pk=story.pk).update(
            nominator_name="", nominator_agreed_to_credit=False
        )
        for revision in story.revisions.all():
            content = dict(revision.content)
            if "nominator_name" in content or "nominator_agreed_to_credit" in content:
                content.update(nominator_name="", nominator_agreed_to_credit=False)
                type(revision).objects.filter(pk=revision.pk).update(content=content)


def erase_nomination(nomination):
    """The nominator's data leaves the nomination, and the nomination leaves unless published.

    Its private photo is deleted. A story drafted from it no longer credits the nominator. If
    the image made from the photo is shown by a published page, the photo belongs to that
    story: the image and the nomination stay, without the nominator's name, email, phone and
    relationship. Otherwise the nomination goes, and so do the image made from it, with its
    renditions, and the never-published draft that used it.
    """
    _delete_private_photo(nomination)
    stories = list(_stories_drafted_from(nomination))
    _uncredit(stories)
    image = image_made_from(nomination)
    published = any(story.live for story in stories) or (
        image is not None and used_by_published(image)
    )
    if published:
        Nomination.objects.filter(pk=nomination.pk).update(
            nominator_name="",
            nominator_email="",
            nominator_phone="",
            relationship="",
            agrees_to_be_credited=False,
            photo="",
        )
        return
    _delete(nomination)
    for story in stories:
        if story.first_published_at is None:  # a draft made from the nomination alone
            # Fetched again: deleting one copy may have deleted its aliases already.
            draft = Page.objects.filter(pk=story.pk).first()
            if draft is not None:
                draft.delete()
    if image is not None and not ReferenceIndex.get_references_to(image).exists():
        image.delete()  # its renditions with it; Wagtail deletes the files on commit


def _declined_past_retention(model, declined, now):
    """What the public sent that was declined NOMINATION_RETENTION_DAYS ago or more."""
    limit = now - dt.timedelta(days=settings.NOMINATION_RETENTION_DAYS)
    return model.objects.filter(status=declined, reviewed_at__lt=limit).order_by("pk")


def declined_past_retention(now):
    return _declined_past_retention(Nomination, NominationStatus.DECLINED, now)


register(
    Source(
        kind="nomination",
        label=_("Public nominations"),
        find=nominations_of,
        erase=erase_nomination,
        expired=declined_past_retention,
    )
)


# Partners' event proposals ---------------------------------------------------------------------


def event_proposals_of(address):
    return EventProposal.objects.filter(organiser_email__iexact=normalise(address)).order_by("pk")


def declined_proposals_past_retention(now):
    """Declined proposals are let go as declined nominations are (NOMINATION_RETENTION_DAYS)."""
    return _declined_past_retention(EventProposal, EventProposalStatus.DECLINED, now)


# The proposal goes; an event drafted from it copied nothing of the organiser, and stays.
register(
    Source(
        kind="event_proposal",
        label=_("Event proposals"),
        find=event_proposals_of,
        erase=_delete,
        expired=declined_proposals_past_retention,
    )
)


# Multipliers -------------------------------------------------------------------------------


def multipliers_of(address):
    return Multiplier.objects.filter(email__iexact=normalise(address)).order_by("pk")


def erase_multiplier(multiplier):
    index.remove_object(multiplier)
    _delete(multiplier)


register(
    Source(
        kind="multiplier",
        label=_("Multipliers"),
        find=multipliers_of,
        erase=erase_multiplier,
    )
)


# Voters' ballots ---------------------------------------------------------------------------


def ballots_of(address):
    from heroes import voting

    return voting.ballots_of(address).order_by("pk")


def erase_ballot(ballot):
    """Before the close the ballot goes; after it the count stands, so the ballot stays with
    no address and no key that could lead back to the person."""
    if ballot.round.has_closed():
        Ballot.objects.filter(pk=ballot.pk).update(email="", email_key=f"erased-{uuid.uuid4().hex}")
    else:
        _delete(ballot)


def ballots_past_retention(now):
    limit = now - dt.timedelta(days=settings.VOTER_EMAIL_RETENTION_DAYS)
    return Ballot.objects.filter(round__closes_at__lt=limit).exclude(email="").order_by("pk")


register(
    Source(
        kind="ballot",
        label=_("Ballots"),
        find=ballots_of,
        erase=erase_ballot,
        expired=ballots_past_retention,
        # The address goes; the keyed hash of the one-ballot rule stays with the count.
        expire=lambda ballot: Ballot.objects.filter(pk=ballot.pk).update(email=""),
    )
)


# Messages of the mail queue ------------------------------------------------------------------


def _mail_tasks():
    return DBTaskResult.objects.filter(task_path=deliver_mail.module_path)


def messages_to(address):
    """Messages queued, sent or failed that name the address (recipient, reply-to or body)."""
    return _mail_tasks().filter(args_kwargs__icontains=normalise(address)).order_by("enqueued_at")


def messages_past_retention(now):
    limit = now - dt.timedelta(days=settings.MAIL_RETENTION_DAYS)
    return _mail_tasks().filter(finished_at__lt=limit).order_by("enqueued_at")


register(
    Source(
        kind="mail",
        label=_("Messages in the mail queue"),
        find=messages_to,
        erase=lambda task_result: task_result.delete(),
        expired=messages_past_retention,
    )
)
