"""StreamField blocks shared by every page type, one module per block."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .callout import CalloutBlock
from .embed import SocialEmbedBlock
from .image import CaptionedImageBlock
from .paragraph import ParagraphBlock
from .quote import QuoteBlock
from .testimony import TestimonyBlock


class StoryBodyBlock(blocks.StreamBlock):
    """The body of a story, a hub or an event."""

    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    embed = SocialEmbedBlock()
    callout = CalloutBlock()
    testimony = TestimonyBlock()

    class Meta:
        label = _("Body")


__all__ = [
    "CalloutBlock",
    "CaptionedImageBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "SocialEmbedBlock",
    "StoryBodyBlock",
    "TestimonyBlock",
]
