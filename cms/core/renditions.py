"""Renditions are made when a page is published, not on the first request that shows them.

Every size a reader's request can ask for is made when the page that shows the image is
published: the content API's and the Open Graph tags' (cms.core.api_fields.IMAGE_RENDITIONS)
and the public site's (`SITE_RENDITIONS`, the filter specs of the templates' `{% image %}`
and `{% srcset_image %}` tags; a test keeps the two lists in step). So no anonymous request
resizes a photo: a viral story's first readers get it as fast as the next ones, and a
listing's query count stays constant.
"""

import logging

from wagtail.fields import StreamField
from wagtail.images.models import SourceImageIOError

from cms.core.api_fields import IMAGE_RENDITIONS

logger = logging.getLogger(__name__)

#: The sizes the public site's templates show (cards, story photo, banner, body images).
SITE_RENDITIONS = (
    "fill-160x120",
    "fill-600x400",
    "fill-1600x700",
    "width-600",
    "width-1000",
    "width-1400",
)

#: Everything made at publish, each once.
RENDITIONS_MADE_AT_PUBLISH = tuple(dict.fromkeys([*IMAGE_RENDITIONS.values(), *SITE_RENDITIONS]))


def images_of(shown):
    """The images a page (or a snippet with drafts) shows: the image fields its model names
    in `rendered_image_fields`, its share image (SocialMixin) and the images of its blocks."""
    images = {getattr(shown, name) for name in getattr(shown, "rendered_image_fields", ())}
    if hasattr(shown, "get_social_image"):
        images.add(shown.get_social_image())
    images.update(images_in_streams(shown))
    return {image for image in images if image is not None}


def images_in_streams(page):
    """The images the blocks of the page's StreamFields show (a block with `images_in`)."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for child in getattr(page, field.name):
                if hasattr(child.block, "images_in"):
                    yield from child.block.images_in(child.value)


def make_renditions(sender, instance, **kwargs):
    """page_published and published (snippets) handler: make every rendition of the images
    the published object shows that a reader may ask for."""
    for image in images_of(getattr(instance, "specific", instance)):
        try:
            image.get_renditions(*RENDITIONS_MADE_AT_PUBLISH)
        except SourceImageIOError:
            logger.warning("Image %s has no readable file: no renditions made.", image.pk)


def connect_signals():
    from wagtail.signals import page_published, published

    page_published.connect(make_renditions, dispatch_uid="make-api-renditions")
    published.connect(make_renditions, dispatch_uid="make-snippet-renditions")
