"""Abstract page mixins shared by the campaign's page types."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images import get_image_model_string
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import api_fields
from cms.core.consent import publishable


class SocialMixin(models.Model):
    """What a page looks like when shared on Facebook, Twitter/X or in a newsletter.

    Both fields are optional: a page falls back to its own photo and summary, so editors
    only fill them in to say something different on social media.
    """

    social_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("share image"),
        help_text=_("Shown when the page is shared; cropped to 1200×630 around its focal point."),
    )
    social_text = models.CharField(
        max_length=280,
        blank=True,
        verbose_name=_("share text"),
        help_text=_("A short text for posts and previews (280 characters at most)."),
    )

    # What the content API shows of it: the share image (with its 1200 by 630 crop) and text.
    social_api_fields = [
        APIField("share_image", serializer=api_fields.ImageField(source="get_social_image")),
        APIField("share_text", serializer=api_fields.TextField(source="get_social_text")),
    ]

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Sharing on social media"),
        )
    ]

    # wagtail-localize: the share text is translated; the share image is the same everywhere.
    social_translatable_fields = [
        SynchronizedField("social_image"),
        TranslatableField("social_text"),
    ]

    class Meta:
        abstract = True

    def get_social_image(self):
        """The share image, else the page's own picture; None if the public may not see it."""
        return publishable(self.social_image or self.default_social_image())

    def default_social_image(self):
        """The picture shown when the page is shared without a share image of its own."""
        return None

    def get_social_text(self):
        return self.social_text or self.search_description
