"""Renditions are made when a page is published, not on the first request that shows them.

The content API and the Open Graph tags give every image at the sizes of
cms.core.api_fields.IMAGE_RENDITIONS; making them at publish time keeps API requests from
resizing photos (and a listing's query count constant).
"""

import logging

from wagtail.fields import StreamField
from wagtail.images.models import SourceImageIOError

from cms.core.api_fields import IMAGE_RENDITIONS

logger = logging.getLogger(__name__)


def images_of(page):
    """The images a page shows: the image fields its model names in `rendered_image_fields`,
    its share image (SocialMixin) and the images of its blocks."""
    images = {getattr(page, name) for name in getattr(page, "rendered_image_fields", ())}
    if hasattr(page, "get_social_image"):
        images.add(page.get_social_image())
    images.update(images_in_streams(page))
    return {image for image in images if image is not None}


def images_in_streams(page):
    """The images the blocks of the page's StreamFields show (a block with `images_in`)."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for child in getattr(page, field.name):
                if hasattr(child.block, "images_in"):
                    yield from child.block.images_in(child.value)


def make_renditions(sender, instance, **kwargs):
    """page_published handler: make the API's renditions of the page's images."""
    for image in images_of(instance.specific):
        try:
            image.get_renditions(*IMAGE_RENDITIONS.values())
        except SourceImageIOError:
            logger.warning("Image %s has no readable file: no renditions made.", image.pk)


def connect_signals():
    from wagtail.signals import page_published

    page_published.connect(make_renditions, dispatch_uid="make-api-renditions")
