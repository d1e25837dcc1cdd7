"""Partners' events proposed by the public for the campaign calendar. Private until published.

The guidelines ask missions to use the migration-related events "organized by IOM or national
partners" (festivals, artistic gatherings, sportive events, concerts …). A partner proposes
one on the site's "Propose an event" form or through the API; the mission of its country and
MCD review it, and accepting it drafts an EventPage in the mission's hub (with nothing of the
organiser's contact), which goes through the mission's endorsement like any other event.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cms.core.models.users import acting_user_field

from .calendar import EventKind, validate_time_zone

#: The kinds of event a partner may propose: partners' events, not the campaign's own.
PARTNER_EVENT_KINDS = (
    EventKind.FESTIVAL,
    EventKind.CONCERT,
    EventKind.SPORTS_EVENT,
    EventKind.ARTISTIC_GATHERING,
    EventKind.PARTNER_EVENT,
)

# What the public fills in: the site's form, the API and the review share it. The first ones
# describe the event (they may become its page); the organiser's are never published.
EVENT_FIELDS = (
    "title",
    "kind",
    "start",
    "end",
    "all_day",
    "time_zone",
    "location",
    "country",
    "description",
    "link",
)
ORGANISER_FIELDS = ("organiser_name", "organiser_email")
#: What the event page drafted from a proposal takes of it: {EventPage field: proposal field}.
#: Nothing of the organiser.
EVENT_PAGE_FIELDS = {
    "title": "title",
    "kind": "kind",
    "start": "start",
    "end": "end",
    "all_day": "all_day",
    "time_zone": "time_zone",
    "location": "location",
    "country": "country",
    "intro": "description",
    "registration_url": "link",
}
SUBMITTED_FIELDS = (*EVENT_FIELDS, *ORGANISER_FIELDS)


class EventProposalStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted: a draft event was made")
    DECLINED = "declined", _("Declined")


class EventProposal(models.Model):
    """A partner's event proposed for the calendar. Personal data: reviewed, never published."""

    # The event
    title = models.CharField(max_length=255, verbose_name=_("name of the event"))
    kind = models.CharField(
        max_length=30,
        choices=[(kind.value, kind.label) for kind in PARTNER_EVENT_KINDS],
        default=EventKind.PARTNER_EVENT,
        verbose_name=_("kind of event"),
    )
    start = models.DateTimeField(verbose_name=_("starts"))
    end = models.DateTimeField(verbose_name=_("ends"))
    all_day = models.BooleanField(
        default=False,
        verbose_name=_("all day"),
        help_text=_("Only the dates count; the times are ignored."),
    )
    time_zone = models.CharField(
        max_length=64,
        validators=[validate_time_zone],
        verbose_name=_("time zone"),
        help_text=_("Where the event takes place: its dates and times are that place's."),
    )
    location = models.CharField(
        max_length=255, verbose_name=_("place"), help_text=_("The venue and the town.")
    )
    country = CountryField(
        verbose_name=_("country"),
        help_text=_("The campaign's office in that country reviews the proposal."),
    )
    description = models.TextField(
        max_length=600,
        verbose_name=_("description"),
        help_text=_("What happens there, and how it celebrates migrants (600 characters)."),
    )
    link = models.URLField(
        blank=True,
        verbose_name=_("link"),
        help_text=_("The event's own page or registration, if any."),
    )
    # The organiser: personal data, never published
    organiser_name = models.CharField(max_length=255, verbose_name=_("your name"))
    organiser_email = models.EmailField(verbose_name=_("your email"))
    # The review
    mission = models.ForeignKey(
        "heroes.Mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_proposals",
        verbose_name=_("mission"),
    )
    language = models.CharField(max_length=10, editable=False, default="en")
    status = models.CharField(
        max_length=20,
        choices=EventProposalStatus.choices,
        default=EventProposalStatus.NEW,
        editable=False,
        verbose_name=_("status"),
    )
    review_note = models.TextField(blank=True, editable=False, verbose_name=_("reason"))
    reviewed_by = acting_user_field(verbose_name=_("reviewed by"))
    reviewed_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("reviewed on")
    )
    event = models.ForeignKey(
        "heroes.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        editable=False,
        verbose_name=_("event drafted from it"),
    )
    submitted_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("submitted on")
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("event proposal")
        verbose_name_plural = _("event proposals")
        permissions = [("review_eventproposal", _("Can review event proposals"))]

    def __str__(self):
        return f"{self.title} ({self.country.name})"
