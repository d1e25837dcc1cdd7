from django.utils.translation import gettext_lazy as _
from typing_extensions import TypedDict
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed


class SocialEmbedValue(TypedDict):
    """The post's address and its oEmbed data (null when no provider could embed it)."""

    url: str
    type: str | None
    title: str | None
    author_name: str | None
    provider_name: str | None
    html: str | None
    thumbnail_url: str | None
    width: int | None
    height: int | None


class SocialEmbedBlock(EmbedBlock):
    """A Facebook, YouTube, Twitter/X … post, embedded through Wagtail's oEmbed finders."""

    class Meta:
        icon = "media"
        label = _("Social post or video")
        help_text = _("Paste the address of a Facebook post, YouTube video or similar.")
        template = "blocks/embed.html"

    def get_context(self, value, parent_context=None):
        """The stored oEmbed data (`embed`), as the API gives it: its HTML shown as the
        provider wrote it, without Wagtail's responsive wrapper and its inline style, which
        the site's Content-Security-Policy refuses; and no provider called while rendering."""
        context = super().get_context(value, parent_context=parent_context)
        context["embed"] = self.get_api_representation(value)
        return context

    def get_api_representation(self, value, context=None) -> SocialEmbedValue | None:
        """The oEmbed data Wagtail's embed finders stored when the editor saved the block.

        Read from Wagtail's embed cache only, so an API request never calls a provider; an
        address no finder could embed keeps its URL, with null oEmbed fields.
        """
        if value is None:
            return None
        embed = (
            Embed.objects.filter(hash=get_embed_hash(value.url, value.max_width, value.max_height))
            .only(*SocialEmbedValue.__annotations__)
            .first()
        )
        if embed is None:
            return SocialEmbedValue(
                url=value.url,
                **dict.fromkeys(SocialEmbedValue.__annotations__.keys() - {"url"}),
            )
        return SocialEmbedValue(
            url=value.url,
            type=embed.type,
            title=embed.title,
            author_name=embed.author_name,
            provider_name=embed.provider_name,
            html=embed.html,
            thumbnail_url=embed.thumbnail_url or None,
            width=embed.width,
            height=embed.height,
        )
