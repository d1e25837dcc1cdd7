from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="site")
class CampaignSettings(BaseGenericSetting):
    """Campaign-wide facts that templates and the API show: hashtag, global accounts, contact."""

    hashtag = models.CharField(max_length=50, default="#MigrantHeroes", verbose_name=_("hashtag"))
    facebook_url = models.URLField(blank=True, verbose_name=_("Facebook page"))
    twitter_handle = models.CharField(
        max_length=50, blank=True, verbose_name=_("Twitter/X handle"), help_text=_("Without @.")
    )
    contact_email = models.EmailField(
        blank=True,
        verbose_name=_("public contact email"),
        help_text=_("Where missions and the public send stories, e.g. the campaign mailbox."),
    )

    panels = [
        FieldPanel("hashtag"),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("twitter_handle"), FieldPanel("contact_email")],
            heading=_("Global accounts"),
        ),
    ]

    class Meta:
        verbose_name = _("campaign settings")
