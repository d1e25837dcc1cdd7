from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import api_fields
from cms.core.blocks import CalloutBlock
from cms.core.consent import ConsentCheckedMixin, validate_consent
from cms.core.mixins import SocialMixin
from cms.core.selectors import public_pages
from heroes import selectors, setup_roles, voting
from heroes.models import CalendarPage, HeroIndexPage


class HomePage(ConsentCheckedMixin, SocialMixin, Page):
    """The campaign's landing page, one per language."""

    banner_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("banner image"),
    )
    banner_heading = models.CharField(max_length=255, verbose_name=_("banner heading"))
    banner_text = models.CharField(max_length=255, blank=True, verbose_name=_("banner text"))
    intro = RichTextField(
        blank=True, features=["bold", "italic", "link", "ol", "ul"], verbose_name=_("intro")
    )
    calls_to_action = StreamField(
        [("call_to_action", CalloutBlock())],
        blank=True,
        max_num=3,
        verbose_name=_("calls to action"),
        help_text=_("Invite the public to nominate a hero, to vote, to share."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("banner_image"), FieldPanel("banner_heading"), FieldPanel("banner_text")],
            heading=_("Banner"),
        ),
        FieldPanel("intro"),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=6),
        FieldPanel("calls_to_action"),
    ]
    promote_panels = [*Page.promote_panels, *SocialMixin.social_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("banner_image", serializer=api_fields.ImageField()),
        APIField("banner_heading", writable=True),
        APIField("banner_text", writable=True),
        APIField("intro"),
        APIField(
            "featured",
            serializer=api_fields.PageLinksField(source="get_live_featured_stories"),
        ),
        APIField("calls_to_action", writable=True),
        *SocialMixin.social_api_fields,
        APIField("translations", serializer=api_fields.TranslationsField(source="*")),
    ]
    # Made at the API's sizes when the page is published (cms.core.renditions).
    rendered_image_fields = ("banner_image",)

    override_translatable_fields = [
        SynchronizedField("banner_image"),
        TranslatableField("banner_heading"),
        TranslatableField("banner_text"),
        TranslatableField("intro"),
        SynchronizedField("featured_stories"),
        TranslatableField("calls_to_action"),
        *SocialMixin.social_translatable_fields,
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "heroes.HeroIndexPage",
        "heroes.MissionIndexPage",
        "heroes.CalendarPage",
        "heroes.NominatePage",
        "heroes.VotePage",
        "heroes.AmbassadorsPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def default_social_image(self):
        return self.banner_image

    def get_live_featured_stories(self):
        return selectors.live_stories_in_order(
            [item.story_id for item in self.featured_stories.all()], locale=self.locale
        )

    def get_context(self, request, *args, **kwargs):
        from home import selectors as home_selectors

        context = super().get_context(request, *args, **kwargs)
        featured = selectors.live_stories_in_order(
            [item.story_id for item in self.featured_stories.all()], locale=self.locale
        )
        context["featured_stories"] = featured
        context["story_of_the_month"] = selectors.story_of_the_month(locale=self.locale)
        context["latest_stories"] = selectors.live_stories(locale=self.locale).exclude(
            pk__in=[s.pk for s in featured]
        )[:6]
        context["upcoming_events"] = selectors.upcoming_events(locale=self.locale)[:4]
        context["materials"] = home_selectors.campaign_material(locale=self.locale)
        context["story_index"] = public_pages(self.get_children().type(HeroIndexPage)).first()
        context["calendar"] = public_pages(self.get_children().type(CalendarPage)).first()
        context["vote"] = voting.home_card(locale=self.locale)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The vote card follows the vote's phase: not cached across its change.
        if voting.phase_changes_within(settings.PUBLIC_CACHE_TIMEOUT):
            add_never_cache_headers(response)
        return response


class HomeFeaturedStory(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "heroes.HeroStoryPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("story")
    )

    panels = [FieldPanel("story")]


class CampaignMaterial(
    WorkflowMixin, TranslatableMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model
):
    """Something that promotes the campaign: the A4 info sheet, a poster, a social visual …

    MCD's material is the campaign's (no mission): on the home page of every language. A
    mission may make its own promotional tools, as the guidelines ask, with MCD's endorsement
    first: its material goes through its focal point, then MCD (`get_workflow`), and is shown
    on its hub once published (home.selectors). Who may write which is
    home.admin.CampaignMaterialPermissionPolicy's answer.

    A social visual is an image, with the image rules of every photo (consent of the pictured
    person, no metadata); every other kind is a document, which may come with an image.
    """

    class Kind(models.TextChoices):
        INFO_SHEET = "info_sheet", _("Info sheet")
        DONOR_SHEET = "donor_sheet", _("Donor info sheet")
        POSTER = "poster", _("Poster")
        LEAFLET = "leaflet", _("Leaflet")
        SOCIAL_VISUAL = "social_visual", _("Social media visual")
        PRESS_KIT = "press_kit", _("Press kit")
        OTHER = "other", _("Other")

    title = models.CharField(max_length=255, verbose_name=_("title"))
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    mission = models.ForeignKey(
        "heroes.Mission",
        null=True,
        blank=True,
        # A mission's own material never becomes the campaign's, nor disappears unseen.
        on_delete=models.PROTECT,
        related_name="campaign_material",
        verbose_name=_("mission"),
        help_text=_(
            "The mission whose own material this is, shown on its hub. "
            "Empty: the campaign's material (MCD's), on the home page."
        ),
    )
    description = models.TextField(blank=True, verbose_name=_("description"))
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("The file to download (PDF …). Required, except for a social media visual."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_(
            "The visual itself for a social media visual (required then); "
            "a preview for other kinds. Its consent must be recorded."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, verbose_name=_("position"), help_text=_("Lower numbers are listed first.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="campaign_material")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="campaign_material",
        for_concrete_model=False,
    )

    # Its visual's sizes are made when it is published (cms.core.renditions), not by a reader.
    rendered_image_fields = ("image",)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("mission"),
        FieldPanel("description"),
        FieldPanel("document"),
        FieldPanel("image"),
        FieldPanel("sort_order"),
    ]
    # Each language may link its own translated document (translators can override it).
    override_translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("kind"),
        SynchronizedField("mission"),
        TranslatableField("description"),
        SynchronizedField("document"),
        SynchronizedField("image"),
        SynchronizedField("sort_order"),
    ]
    api_fields = [
        APIField("title"),
        APIField("kind"),
        APIField("description"),
        APIField("document", serializer=api_fields.DocumentField()),
        APIField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("campaign material")
        verbose_name_plural = _("campaign material")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.kind == self.Kind.SOCIAL_VISUAL and self.image_id is None:
            raise ValidationError({"image": _("A social media visual needs its image.")})
        if self.kind != self.Kind.SOCIAL_VISUAL and self.document_id is None:
            raise ValidationError({"document": _("Choose the document to download.")})
        validate_consent(self)

    def pages_showing(self):
        """The pages that show this material, in every language (home.selectors): its
        mission's hub, else every home page. The front cache purges them when it changes."""
        if self.mission_id is not None:
            return self.mission.hubs
        return HomePage.objects.all()

    def get_workflow(self):
        """A mission's material passes its focal point, then MCD; the campaign's, MCD only."""
        if self.mission_id is not None:
            return setup_roles.mission_endorsement_workflow()
        return super().get_workflow()


# The admin's views of it, scoped to the user's missions (home.admin).
register_snippet(CampaignMaterial, viewset="home.admin.CampaignMaterialViewSet")
