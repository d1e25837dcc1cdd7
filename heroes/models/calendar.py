import datetime as dt
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import api_fields
from cms.core.blocks import StoryBodyBlock
from cms.core.consent import ConsentCheckedMixin
from cms.core.mixins import SocialMixin
from cms.core.selectors import public_pages
from heroes.models.sections import SectionPage


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


def time_zone_choices():
    # Computed when the form is built, not stored in migrations: tzdata changes over time.
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventKind(models.TextChoices):
    HERO_FEATURE = "hero_feature", _("Hero feature")
    CAMPAIGN_EVENT = "campaign_event", _("Campaign event")
    VOTING_WINDOW = "voting_window", _("Voting window")
    FESTIVAL = "festival", _("Festival")
    CONCERT = "concert", _("Concert")
    SPORTS_EVENT = "sports_event", _("Sports event")
    ARTISTIC_GATHERING = "artistic_gathering", _("Artistic gathering")
    PARTNER_EVENT = "partner_event", _("Other partner event")


class CalendarPage(SectionPage):
    """The campaign calendar: every event of its locale, by month or as a list."""

    class Meta:
        verbose_name = _("calendar")

    def get_context(self, request, *args, **kwargs):
        from heroes import calendar
        from heroes.forms import CalendarFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = CalendarFilterForm(request.GET or None, locale=self.locale)
        params = form.valid_data if form.is_bound else {}
        span = calendar.calendar_span(locale=self.locale, today=timezone.localdate())
        month = params.get("month") or span.opening
        if month not in span:
            raise Http404("The calendar goes no further than a year around the campaign.")
        filters = {"country": params.get("country"), "kind": params.get("kind")}
        context["filter_form"] = form
        context["view"] = params.get("view") or "month"
        context["month"] = month
        context["span"] = span
        context["weeks"] = calendar.month_grid(locale=self.locale, month=month, **filters)
        context["events"] = calendar.events_in_month(locale=self.locale, month=month, **filters)
        return context


class EventPage(ConsentCheckedMixin, SocialMixin, Page):
    """A date in the campaign calendar: a hero feature, a campaign event or a partner's event."""

    kind = models.CharField(
        max_length=30,
        choices=EventKind.choices,
        default=EventKind.CAMPAIGN_EVENT,
        verbose_name=_("kind"),
    )
    start = models.DateTimeField(verbose_name=_("starts"))
    end = models.DateTimeField(verbose_name=_("ends"))
    all_day = models.BooleanField(
        default=False,
        verbose_name=_("all day"),
        help_text=_("Only the dates are shown; the times are ignored."),
    )
    time_zone = models.CharField(
        max_length=64,
        validators=[validate_time_zone],
        default="UTC",
        verbose_name=_("time zone"),
        help_text=_("Where the event takes place: its dates and times are shown in this zone."),
    )
    location = models.CharField(max_length=255, blank=True, verbose_name=_("location"))
    country = CountryField(blank=True, verbose_name=_("country"))
    intro = models.TextField(max_length=600, blank=True, verbose_name=_("summary"))
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("details"))
    hero_story = models.ForeignKey(
        "heroes.HeroStoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("hero story"),
        help_text=_("The hero this event features, if any."),
    )
    registration_url = models.URLField(blank=True, verbose_name=_("registration link"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel(
                    [
                        FieldPanel("all_day"),
                        FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
                    ]
                ),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("country")], heading=_("Where")),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("hero_story"),
        FieldPanel("registration_url"),
    ]
    promote_panels = [*Page.promote_panels, *SocialMixin.social_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("location"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("country"),
    ]
    api_fields = [
        APIField("kind", writable=True),
        APIField("start", writable=True),
        APIField("end", writable=True),
        APIField("all_day", writable=True),
        APIField("time_zone", writable=True),
        APIField("location", writable=True),
        APIField("country", serializer=api_fields.CountryField("country", source="*")),
        APIField("intro", writable=True),
        APIField("body", writable=True),
        APIField("hero_story", serializer=api_fields.PageLinkField()),
        APIField("mission", serializer=api_fields.PageLinkField()),
        APIField("registration_url", writable=True),
        *SocialMixin.social_api_fields,
        APIField("translations", serializer=api_fields.TranslationsField(source="*")),
    ]

    # Translators translate the words; when, where (country) and links follow the source.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("all_day"),
        SynchronizedField("time_zone"),
        TranslatableField("location"),
        SynchronizedField("country"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("hero_story"),
        SynchronizedField("registration_url"),
        *SocialMixin.social_translatable_fields,
    ]

    parent_page_types = ["heroes.MissionHubPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("calendar event")
        indexes = [models.Index(fields=["start", "end"])]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @cached_property
    def mission(self):
        """The hub this event belongs to (its parent in the page tree)."""
        from .missions import MissionHubPage

        return public_pages(MissionHubPage.objects.ancestor_of(self)).first()

    @cached_property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tz)

    @property
    def local_dates(self):
        """The first and last calendar day of the event where it takes place.

        An end at midnight is exclusive: an event from 20:00 to 00:00 is on one day only.
        """
        start, end = self.local_start, self.local_end
        last_day = end.date()
        if end.time() == dt.time.min and end > start:
            last_day -= dt.timedelta(days=1)
        return start.date(), last_day

    def default_social_image(self):
        return self.hero_story.photo if self.hero_story else None

    def get_social_text(self):
        return self.social_text or self.intro
