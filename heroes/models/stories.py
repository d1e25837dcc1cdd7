from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import api_fields
from cms.core.blocks import StoryBodyBlock
from cms.core.consent import ConsentCheckedMixin
from cms.core.mixins import SocialMixin
from cms.core.selectors import public_pages
from cms.core.sites import absolute_url
from heroes.admin.panels import CriteriaHelpPanel
from heroes.models.ambassadors import GoodwillAmbassadorField
from heroes.models.sections import SectionPage

STORIES_PER_PAGE = 12


@register_snippet
class HeroCategory(TranslatableMixin, models.Model):
    """What kind of hero a story tells of. HQ keeps the list (public figure, artist …)."""

    name = models.CharField(max_length=100, verbose_name=_("name"))
    slug = models.SlugField(max_length=100, verbose_name=_("slug"))
    description = models.CharField(max_length=255, blank=True, verbose_name=_("description"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    # The slug names the category in filters and URLs: the same in every language.
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
    ]
    api_fields = [APIField("name"), APIField("slug"), APIField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("hero category")
        verbose_name_plural = _("hero categories")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class HeroIndexPage(SectionPage):
    """Every live story of its locale, filterable by country, tag and mission."""

    class Meta:
        verbose_name = _("hero story index")

    def get_context(self, request, *args, **kwargs):
        from heroes import selectors
        from heroes.forms import StoryFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = StoryFilterForm(request.GET or None, locale=self.locale)
        filters = form.valid_data if form.is_bound else {}
        stories = selectors.live_stories(locale=self.locale, **filters)
        paginator = Paginator(stories, STORIES_PER_PAGE)
        context["filter_form"] = form
        context["stories"] = paginator.get_page(request.GET.get("page"))
        context["paginator"] = paginator
        return context


class HeroStoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "heroes.HeroStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class HeroStoryPage(ConsentCheckedMixin, SocialMixin, Page):
    """A migrant hero's story, told by the mission of the country they live in."""

    hero_name = models.CharField(max_length=255, verbose_name=_("hero's name"))
    headline = models.CharField(
        max_length=255,
        verbose_name=_("headline"),
        help_text=_("One line that makes people want to read on."),
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("A portrait of the hero. Set its focal point so crops keep the face."),
    )
    country_of_origin = CountryField(verbose_name=_("country of origin"))
    country_of_residence = CountryField(verbose_name=_("country of residence"))
    category = models.ForeignKey(
        HeroCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero category"),
    )
    intro = models.TextField(
        max_length=600,
        verbose_name=_("intro"),
        help_text=_("Two or three sentences, shown in listings and as the story's summary."),
    )
    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("story"))
    tags = ClusterTaggableManager(through=HeroStoryTag, blank=True, verbose_name=_("tags"))

    nominator_name = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("nominated by"),
        help_text=_("Who nominated this hero. Only published if they agreed to be credited."),
    )
    nominator_agreed_to_credit = models.BooleanField(
        default=False, verbose_name=_("the nominator agreed to be credited publicly")
    )

    content_panels = [
        CriteriaHelpPanel(),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_name"),
                FieldPanel("headline"),
                FieldPanel("photo"),
                FieldPanel("category"),
            ],
            heading=_("The hero"),
        ),
        MultiFieldPanel(
            [FieldPanel("country_of_origin"), FieldPanel("country_of_residence")],
            heading=_("Migration"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_stories", label=_("Related stories"), max_num=4),
        MultiFieldPanel(
            [FieldPanel("nominator_name"), FieldPanel("nominator_agreed_to_credit")],
            heading=_("Nomination"),
        ),
    ]
    promote_panels = [*Page.promote_panels, *SocialMixin.social_panels]
    # Indexed in the page's own language (search/backend.py): the hero's name above all,
    # then the headline and title, the facts (tags, category, countries by their names in
    # the page's language, mission), then the story itself.
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_name", boost=5),
        index.SearchField("headline", boost=2),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("country_names", boost=1.5),
        index.SearchField("mission_name", boost=1.5),
        index.AutocompleteField("hero_name"),
        index.RelatedFields("tags", [index.SearchField("name", boost=1.5)]),
        index.RelatedFields("category", [index.SearchField("name", boost=1.5)]),
        index.FilterField("country_of_origin"),
        index.FilterField("country_of_residence"),
    ]
    api_fields = [
        APIField("hero_name", writable=True),
        APIField("headline", writable=True),
        # Written as an image's id (`photo_id`, its consent checked) and country codes.
        *api_fields.read_and_written("photo", api_fields.ImageField()),
        *api_fields.read_and_written(
            "country_of_origin", api_fields.CountryField("country_of_origin", source="*")
        ),
        *api_fields.read_and_written(
            "country_of_residence", api_fields.CountryField("country_of_residence", source="*")
        ),
        APIField("category", serializer=api_fields.SnippetField(("name", "slug"))),
        APIField("intro", writable=True),
        APIField("body", writable=True),
        APIField("tags", writable=True),
        APIField("nominator_credit", serializer=api_fields.TextField()),
        # Set by MCD apart from the story (heroes.models.ambassadors): null for most heroes.
        APIField("goodwill_ambassador", serializer=GoodwillAmbassadorField(source="*")),
        APIField("mission", serializer=api_fields.PageLinkField()),
        APIField(
            "related",
            serializer=api_fields.PageLinksField(source="get_live_related_stories"),
        ),
        *SocialMixin.social_api_fields,
        APIField("translations", serializer=api_fields.TranslationsField(source="*")),
    ]
    # Sharing: an article for Open Graph, with an oEmbed discovery link (cms/core social_tags).
    og_type = "article"
    # Made at the API's sizes when the story is published (cms.core.renditions).
    rendered_image_fields = ("photo",)

    # Translators tell the story in their language; the facts (photo, countries, tags,
    # nomination) follow the source, so an edit to them reaches every translation.
    override_translatable_fields = [
        TranslatableField("hero_name"),
        TranslatableField("headline"),
        SynchronizedField("photo"),
        SynchronizedField("country_of_origin"),
        SynchronizedField("country_of_residence"),
        TranslatableField("category"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
        SynchronizedField("related_stories"),
        SynchronizedField("nominator_name"),
        SynchronizedField("nominator_agreed_to_credit"),
        *SocialMixin.social_translatable_fields,
    ]

    parent_page_types = ["heroes.MissionHubPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("hero story")
        verbose_name_plural = _("hero stories")

    @cached_property
    def mission(self):
        """The hub this story belongs to (its parent in the page tree)."""
        from .missions import MissionHubPage

        return public_pages(MissionHubPage.objects.ancestor_of(self)).first()

    def country_names(self):
        """Both countries by their names in the page's language (for search: "الصومال")."""
        with translation.override(self.locale.language_code):
            names = {str(self.country_of_origin.name), str(self.country_of_residence.name)}
        return " ".join(sorted(name for name in names if name))

    def mission_name(self):
        """The name of the mission hub above the story, live or not (for search)."""
        parent = self.get_parent()
        return parent.title if parent is not None else ""

    @property
    def nominator_credit(self):
        """The nominator's name, only when they agreed to be credited; else an empty string."""
        return self.nominator_name if self.nominator_agreed_to_credit else ""

    def default_social_image(self):
        return self.photo

    def get_live_related_stories(self):
        from heroes import selectors

        return selectors.related_stories(self)

    def get_social_text(self):
        return self.social_text or self.intro

    def get_oembed_url(self):
        """The oEmbed answer for this story, which its page announces for discovery."""
        query = urlencode({"url": self.get_full_url(), "format": "json"})
        return absolute_url(f"{reverse('wagtailapi_v3:oembed')}?{query}")

    def get_context(self, request, *args, **kwargs):
        from heroes import selectors, sharing

        context = super().get_context(request, *args, **kwargs)
        context["share_links"] = sharing.share_links(self, request)
        context["related_stories"] = selectors.related_stories(self)
        context["story_index"] = selectors.story_index(locale=self.locale)
        context["events"] = selectors.upcoming_events(story=self)
        context["goodwill_ambassador"] = selectors.goodwill_ambassador_of(self)
        return context


class RelatedStory(Orderable):
    page = ParentalKey(HeroStoryPage, on_delete=models.CASCADE, related_name="related_stories")
    story = models.ForeignKey(
        HeroStoryPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("story")
    )

    panels = [FieldPanel("story")]
