from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Collection, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import api_fields
from cms.core.consent import ConsentCheckedMixin
from cms.core.mixins import SocialMixin
from heroes.models.sections import SectionPage


class Mission(models.Model):
    """A country office taking part in the campaign: its people and its room.

    One per country, whatever the language: the office's hub exists once per locale
    (MissionHubPage translations), but its groups, collection and duties are the office's.
    Made by `python manage.py setup_mission`; who belongs to it is heroes.permissions' answer.
    """

    country = CountryField(unique=True, verbose_name=_("country"))
    name = models.CharField(max_length=255, verbose_name=_("name"))
    editors_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("editors' group")
    )
    focal_point_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("focal point's group")
    )
    collection = models.OneToOneField(
        Collection, on_delete=models.PROTECT, related_name="+", verbose_name=_("collection")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("mission")

    def __str__(self):
        return self.name

    @property
    def hubs(self):
        """The mission's hub in every locale."""
        return MissionHubPage.objects.filter(country=self.country, is_headquarters=False)

    @classmethod
    def of_page(cls, page):
        """The mission whose hub holds `page` (the hub itself included), or None (e.g. HQ)."""
        hub = MissionHubPage.objects.ancestor_of(page, inclusive=True).first()
        if hub is None or not hub.country:
            return None
        return cls.objects.filter(country=hub.country).first()


class MissionIndexPage(SectionPage):
    """Every country office taking part in the campaign."""

    subpage_types = ["heroes.MissionHubPage"]

    class Meta:
        verbose_name = _("mission index")

    def get_context(self, request, *args, **kwargs):
        from heroes import selectors

        context = super().get_context(request, *args, **kwargs)
        context["missions"] = selectors.live_missions(locale=self.locale)
        return context


class MissionHubPage(ConsentCheckedMixin, SocialMixin, Page):
    """A country office's room: its stories and calendar entries live beneath it."""

    country = CountryField(
        blank=True,
        verbose_name=_("country"),
        help_text=_("The country of the office. Leave empty for headquarters only."),
    )
    is_headquarters = models.BooleanField(
        default=False,
        verbose_name=_("headquarters"),
        help_text=_("The hub of headquarters' media and communications division (MCD)."),
    )
    office_name = models.CharField(
        max_length=255, verbose_name=_("office name"), help_text=_("e.g. 'IOM Kenya'")
    )
    description = RichTextField(
        blank=True, features=["bold", "italic", "link", "ol", "ul"], verbose_name=_("description")
    )

    focal_point_name = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("focal point"),
        help_text=_(
            "The person coordinating the campaign in this office (ideally the media focal point)."
        ),
    )
    focal_point_contact = models.EmailField(
        blank=True,
        verbose_name=_("public contact email"),
        help_text=_("Published on the hub: use the office's public address, not a personal one."),
    )

    facebook_url = models.URLField(blank=True, verbose_name=_("Facebook page"))
    twitter_url = models.URLField(blank=True, verbose_name=_("Twitter/X account"))
    website_url = models.URLField(blank=True, verbose_name=_("website"))
    newsletter_url = models.URLField(blank=True, verbose_name=_("newsletter sign-up"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("office_name"), FieldPanel("country"), FieldPanel("is_headquarters")],
            heading=_("Office"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("focal_point_name"), FieldPanel("focal_point_contact")],
            heading=_("Focal point"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("twitter_url"),
                FieldPanel("website_url"),
                FieldPanel("newsletter_url"),
            ],
            heading=_("Channels"),
        ),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=6),
    ]
    promote_panels = [*Page.promote_panels, *SocialMixin.social_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("office_name"),
        index.SearchField("description"),
        index.FilterField("country"),
    ]
    api_fields = [
        APIField("country", serializer=api_fields.CountryField("country", source="*")),
        APIField("is_headquarters"),
        APIField("office_name", writable=True),
        APIField("description", writable=True),
        APIField("focal_point_name", writable=True),
        APIField("focal_point_contact", writable=True),
        APIField("facebook_url", writable=True),
        APIField("twitter_url", writable=True),
        APIField("website_url", writable=True),
        APIField("newsletter_url", writable=True),
        APIField(
            "featured",
            serializer=api_fields.PageLinksField(source="get_live_featured_stories"),
        ),
        *SocialMixin.social_api_fields,
        APIField("translations", serializer=api_fields.TranslationsField(source="*")),
    ]

    # The office's words are translated; its country, contact and channels are shared.
    override_translatable_fields = [
        SynchronizedField("country"),
        SynchronizedField("is_headquarters"),
        TranslatableField("office_name"),
        TranslatableField("description"),
        TranslatableField("focal_point_name"),
        SynchronizedField("focal_point_contact"),
        SynchronizedField("facebook_url"),
        SynchronizedField("twitter_url"),
        SynchronizedField("website_url"),
        SynchronizedField("newsletter_url"),
        SynchronizedField("featured_stories"),
        *SocialMixin.social_translatable_fields,
    ]

    parent_page_types = ["heroes.MissionIndexPage"]
    subpage_types = ["heroes.HeroStoryPage", "heroes.EventPage"]

    class Meta:
        verbose_name = _("mission hub")

    def clean(self):
        super().clean()
        if self.is_headquarters and self.country:
            raise ValidationError({"country": _("Headquarters is not tied to one country.")})
        if not self.is_headquarters and not self.country:
            raise ValidationError({"country": _("Choose the country of this office.")})
        if self.country:
            others = MissionHubPage.objects.filter(
                locale_id=self.locale_id, country=self.country
            ).exclude(translation_key=self.translation_key)
            if others.exists():
                raise ValidationError({"country": _("This country already has a mission hub.")})

    def get_live_featured_stories(self):
        from heroes import selectors

        return selectors.featured_stories_of(self)

    def get_context(self, request, *args, **kwargs):
        from heroes import selectors

        context = super().get_context(request, *args, **kwargs)
        context["stories"] = selectors.live_stories(mission=self)[:12]
        context["upcoming_events"] = selectors.upcoming_events(mission=self)[:6]
        context["featured"] = selectors.featured_stories_of(self)
        return context


class MissionFeaturedStory(Orderable):
    """A story a mission puts forward on its hub, in the order the editor chose."""

    hub = ParentalKey(MissionHubPage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "heroes.HeroStoryPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("story")
    )

    panels = [FieldPanel("story")]
