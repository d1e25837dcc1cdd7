"""The sections of the site: pages that stand once under each home page, in every locale.

The stories, the missions, the calendar, the nomination form and the vote each open with a
title and a short intro, then show what their section is about.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from cms.core.consent import ConsentCheckedMixin

INTRO_FEATURES = ["bold", "italic", "link"]


class SectionPage(ConsentCheckedMixin, Page):
    """A section of the site: once under each home page, an intro, then its own content."""

    intro = RichTextField(blank=True, features=INTRO_FEATURES, verbose_name=_("intro"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    override_translatable_fields = [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
