from django.utils.translation import gettext_lazy as _
from wagtail.embeds.blocks import EmbedBlock


class SocialEmbedBlock(EmbedBlock):
    """A Facebook, YouTube, Twitter/X … post, embedded through Wagtail's oEmbed finders."""

    class Meta:
        icon = "media"
        label = _("Social post or video")
        help_text = _("Paste the address of a Facebook post, YouTube video or similar.")
        template = "blocks/embed.html"
