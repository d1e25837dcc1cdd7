from django.utils.translation import gettext_lazy as _
from typing_extensions import TypedDict
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from cms.core.api_fields import ImageDict, image_representation


class CaptionedImageValue(TypedDict):
    image: ImageDict | None
    caption: str


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text (Wagtail's ImageBlock) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/image.html"

    def get_api_representation(self, value, context=None) -> CaptionedImageValue:
        """The image as the API gives any image (renditions, alt text, credit), with the
        editor's alt text for this use; None when the public may not see it (consent)."""
        image = value.get("image")
        representation = image_representation(image)
        if representation is not None and getattr(image, "contextual_alt_text", None):
            representation["alt"] = image.contextual_alt_text
        return CaptionedImageValue(image=representation, caption=value.get("caption") or "")

    @staticmethod
    def images_in(value):
        """The image this block shows, for the renditions made at publish."""
        image = value.get("image")
        return [image] if image is not None else []
