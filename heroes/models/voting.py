"""The public vote: a voting round, its shortlist of ten stories, the ballots, the vote page.

MCD keeps the rounds in the admin (heroes.admin.voting). The public votes on the VotePage of
its language or through the API (heroes.api.voting); the rules (window, shortlist, one
counted ballot per email, confirmation links, counting) are heroes.voting's.
"""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from heroes.models.sections import SectionPage

#: How many stories HQ shortlists for the public vote.
SHORTLIST_SIZE = 10


def default_time_zone():
    return settings.CAMPAIGN_TIME_ZONE


def time_zone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class Phase(models.TextChoices):
    BEFORE = "before", _("Before the vote")
    OPEN = "open", _("Voting is open")
    CLOSED = "closed", _("Closed: Facebook tallies to come")
    RESULTS = "results", _("Results")


class VotingRound(ClusterableModel):
    """A public vote: the ten stories HQ shortlisted, and when the public may vote for them.

    Its rules (window, choices per ballot) and its shortlist are frozen once it opens
    (heroes.voting.check_round_change); after it closes MCD enters the Facebook tallies.
    """

    title = models.CharField(max_length=255, verbose_name=_("title"))
    time_zone = models.CharField(
        max_length=64,
        default=default_time_zone,
        choices=time_zone_choices,
        verbose_name=_("time zone"),
        help_text=_("The opening and closing times are this time zone's wall-clock times."),
    )
    opens_at = models.DateTimeField(verbose_name=_("opens at"))
    closes_at = models.DateTimeField(
        verbose_name=_("closes at"),
        help_text=_("The last minute of the vote: 23:59 keeps it open to the end of the day."),
    )
    max_choices = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(SHORTLIST_SIZE)],
        verbose_name=_("choices per ballot"),
        help_text=_("A ballot names 1 to this many of the shortlisted stories."),
    )
    hashtag = models.CharField(
        max_length=50,
        blank=True,
        default="#MigrantHeroesVote",
        verbose_name=_("vote hashtag"),
        help_text=_("Added to the share kit's posts of the shortlisted stories."),
    )

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("max_choices"),
            ],
            heading=_("Window and rules"),
        ),
        FieldPanel("hashtag"),
        InlinePanel(
            "shortlist",
            label=_("Shortlisted story"),
            heading=_("Shortlist"),
            min_num=SHORTLIST_SIZE,
            max_num=SHORTLIST_SIZE,
        ),
    ]

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("voting round")
        verbose_name_plural = _("voting rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="voting_round_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def phase(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return Phase.BEFORE
        if now <= self.closes_at:
            return Phase.OPEN
        if all(item.facebook_votes is not None for item in self.shortlist.all()):
            return Phase.RESULTS
        return Phase.CLOSED

    def is_open(self, now=None):
        return self.phase(now) == Phase.OPEN

    def has_opened(self, now=None):
        return (now or timezone.now()) >= self.opens_at

    def has_closed(self, now=None):
        return (now or timezone.now()) > self.closes_at

    def next_change(self, now=None):
        """When the round's phase changes next by the clock alone (None once it closed)."""
        now = now or timezone.now()
        if now < self.opens_at:
            return self.opens_at
        if now <= self.closes_at:
            return self.closes_at + dt.timedelta(microseconds=1)
        return None

    def local_opens_at(self):
        return timezone.localtime(self.opens_at, self.tz)

    def local_closes_at(self):
        return timezone.localtime(self.closes_at, self.tz)

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The vote must close after it opens.")})


class ShortlistedStory(Orderable):
    """One of the ten stories of a round, in the source language; its Facebook tally."""

    round = ParentalKey(VotingRound, on_delete=models.CASCADE, related_name="shortlist")
    story = models.ForeignKey(
        "heroes.HeroStoryPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("story"),
    )
    facebook_votes = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("Facebook votes"),
        help_text=_("Entered by MCD once the vote has closed."),
    )

    panels = [FieldPanel("story"), FieldPanel("facebook_votes")]

    class Meta(Orderable.Meta):
        verbose_name = _("shortlisted story")
        verbose_name_plural = _("shortlisted stories")
        constraints = [
            models.UniqueConstraint(fields=["round", "story"], name="story_shortlisted_once")
        ]


class Ballot(models.Model):
    """A voter's choice of 1 to 3 shortlisted stories; it counts once confirmed by email.

    Personal data: `email` is the voter's address as typed (the only place it is kept);
    `email_key` is a keyed hash of its normalised form, for the one-ballot rule.
    """

    round = models.ForeignKey(
        VotingRound, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("round")
    )
    email = models.EmailField(verbose_name=_("email"))
    email_key = models.CharField(max_length=64, editable=False)
    language = models.CharField(max_length=10, default="en", editable=False)
    # Bumped when an unconfirmed ballot is cast again: only the latest link confirms it.
    link_version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            # One ballot per (normalised) email per round, counted or not: a second request
            # from the same address re-sends the link of the unconfirmed one.
            models.UniqueConstraint(
                fields=["round", "email_key"], name="one_ballot_per_voter_per_round"
            )
        ]

    def __str__(self):
        return f"{self.round} #{self.pk}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    story = models.ForeignKey("heroes.HeroStoryPage", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "story"], name="story_chosen_once_a_ballot")
        ]

    def __str__(self):
        return f"{self.ballot_id}: {self.story_id}"


class VotePage(RoutablePageMixin, SectionPage):
    """The current voting round in the page's language: the shortlist, the form, the results.

    Its confirmation route (`confirm/<token>/`) is where the voter's emailed link leads.
    """

    # The round itself (stories, window, phase, results) is GET /api/v3/voting/current/.

    class Meta:
        verbose_name = _("vote page")

    @path("")
    def vote(self, request):
        from heroes.views import serve_vote_page

        return serve_vote_page(self, request)

    @path("confirm/<str:token>/")
    def confirm(self, request, token):
        from heroes.views import serve_vote_confirmation

        return serve_vote_confirmation(self, request, token)
