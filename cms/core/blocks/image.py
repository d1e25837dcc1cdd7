from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from cms.core.api_fields import image_representation


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text (Wagtail's ImageBlock) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/image.html"

    def get_api_representation(self, value, context=None):
        """The image as the API gives any image (renditions, alt text, credit), with the
        editor's alt text for this use; None when the public may not see it (consent)."""
        image = value.get("image")
        representation = image_representation(image)
        if representation is not None and getattr(image, "contextual_alt_text", None):
            representation["alt"] = image.contextual_alt_text
        return {"image": representation, "caption": value.get("caption", "")}
