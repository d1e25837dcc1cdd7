"""How the campaign's shared values appear in the content API (Wagtail v3).

Wagtail's v3 schema generator types an ``APIField(serializer=…)`` from the return annotation
of the serializer's ``to_representation``, so each field below returns a ``TypedDict``: the
OpenAPI document then describes images, countries and translations exactly.

Private data stays out by construction: an image gives its alt text, credit and renditions,
never its consent record.
"""

from django.conf import settings
from django.utils import translation
from django_countries import countries
from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.api import APIField
from wagtail.images.models import SourceImageIOError

from cms.core.consent import publishable
from cms.core.selectors import public_pages

#: Facebook's and Twitter/X's large card, cropped around the focal point: the share image of
#: the API and of the Open Graph tags.
SHARE_RENDITION = "fill-1200x630"
#: Renditions every image in the API comes with (made when the page is published, see
#: cms/core/renditions.py, so no API request pays for them).
IMAGE_RENDITIONS = {
    "thumbnail": "fill-600x400",
    "large": "max-1600x1200",
    "share": SHARE_RENDITION,
}


def absolute_url(url):
    """`url` made absolute against WAGTAILAPI_BASE_URL (media may already be absolute)."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + url


class RenditionDict(TypedDict):
    url: str
    width: int
    height: int


class ImageRenditionsDict(TypedDict):
    thumbnail: RenditionDict
    large: RenditionDict
    share: RenditionDict


class ImageDict(TypedDict):
    id: int
    title: str
    alt: str
    credit: str
    width: int
    height: int
    renditions: ImageRenditionsDict | None


def image_representation(image) -> ImageDict | None:
    """An image: alt text, credit, size and its renditions (absolute URLs).

    None for an image the public may not see (no recorded consent, cms.core.consent).
    """
    if publishable(image) is None:  # also when there is no image
        return None
    try:
        by_spec = image.get_renditions(*IMAGE_RENDITIONS.values())
    except SourceImageIOError:
        renditions = None
    else:
        renditions = {
            name: RenditionDict(
                url=absolute_url(by_spec[spec].url),
                width=by_spec[spec].width,
                height=by_spec[spec].height,
            )
            for name, spec in IMAGE_RENDITIONS.items()
        }
    return ImageDict(
        id=image.pk,
        title=image.title,
        alt=image.default_alt_text or "",
        credit=getattr(image, "credit", ""),
        width=image.width,
        height=image.height,
        renditions=renditions,
    )


class ImageField(Field):
    """A campaign image with its renditions (``APIField("photo", serializer=ImageField())``)."""

    def to_representation(self, image) -> ImageDict | None:
        return image_representation(image)


class CountryDict(TypedDict):
    code: str
    name: str


class CountryField(Field):
    """A country as its ISO 3166 code and its name in the language of the page.

    Bind with ``source="*"`` and the name of the model's country field::

        APIField("country_of_origin", serializer=CountryField("country_of_origin", source="*"))
    """

    def __init__(self, field_name, **kwargs):
        self.country_field = field_name
        super().__init__(**kwargs)

    def to_representation(self, obj) -> CountryDict | None:
        locale = getattr(obj, "locale", None)
        language = locale.language_code if locale is not None else settings.LANGUAGE_CODE
        return country_representation(getattr(obj, self.country_field), language)


def country_representation(code, language) -> CountryDict | None:
    """A country code and its name in `language`; None for no country."""
    code = str(code or "")
    if not code:
        return None
    with translation.override(language):
        name = str(countries.name(code))
    return CountryDict(code=code, name=name)


class PageLinkDict(TypedDict):
    id: int
    title: str
    locale: str
    url: str | None


class PageReferenceDict(TypedDict):
    id: int
    type: str
    url: str | None


def page_reference(page) -> PageReferenceDict:
    """A page a block links to: its id, its page type (as in `meta.type`) and public URL."""
    return PageReferenceDict(
        id=page.pk, type=page.specific_class._meta.label, url=page.get_full_url()
    )


def page_link(page) -> PageLinkDict:
    """A page as a link: id, title, locale and public URL. The one way the API links a page."""
    return PageLinkDict(
        id=page.pk,
        title=page.title,
        locale=page.locale.language_code,
        url=page.get_full_url(),
    )


def live_page_link(page) -> PageLinkDict | None:
    """A link to `page`; None when there is no page or it is not live."""
    if page is None or not page.live:
        return None
    return page_link(page)


class TranslationsField(Field):
    """The live, public translations of a page (bind with ``source="*"``)."""

    def to_representation(self, page) -> list[PageLinkDict]:
        translations = (
            public_pages(page.get_translations())
            .select_related("locale")
            .order_by("locale__language_code")
        )
        return [page_link(other) for other in translations]


class PageLinkField(Field):
    """A related page as a link: id, title, locale and public URL; null if not live."""

    def to_representation(self, page) -> PageLinkDict | None:
        return live_page_link(page)


class PageLinksField(Field):
    """A list of pages as links (bind with the ``source`` of a method returning live pages)."""

    def to_representation(self, pages) -> list[PageLinkDict]:
        return [page_link(page) for page in pages]


class TextField(Field):
    """A plain string read from an attribute or a method (``source=``)."""

    def to_representation(self, value) -> str:
        return str(value or "")


class SnippetDict(TypedDict):
    id: int
    name: str
    slug: str


class SnippetField(Field):
    """A chosen snippet (e.g. a hero category): id, name and slug."""

    def __init__(self, fields=("name", "slug"), **kwargs):
        self.name_field, self.slug_field = fields
        super().__init__(**kwargs)

    def to_representation(self, obj) -> SnippetDict:
        return SnippetDict(
            id=obj.pk, name=getattr(obj, self.name_field), slug=getattr(obj, self.slug_field)
        )


class DocumentDict(TypedDict):
    id: int
    title: str
    url: str
    file_extension: str
    file_size: int | None


def document_representation(document) -> DocumentDict:
    """A document: title, absolute download URL, extension and size in bytes (None when the
    file cannot be read)."""
    return DocumentDict(
        id=document.pk,
        title=document.title,
        url=absolute_url(document.url),
        file_extension=document.file_extension,
        file_size=document.get_file_size(),
    )


class DocumentField(Field):
    """A document: title, its absolute download URL and size."""

    def to_representation(self, document) -> DocumentDict:
        return document_representation(document)


def read_and_written(name, serializer):
    """The declarations of a field the API shows through `serializer` and also takes.

    Wagtail's v3 write schema leaves out every APIField that has a serializer (an API v2
    serializer only reads), and its read schema keeps the last declaration of a name. A field
    shown in a shape of its own (an image with its renditions, a country with its name) and
    written as its plain value is therefore declared twice: writable first, then read through
    `serializer`. A foreign key is written as `<name>_id` (an image's id: `photo_id`), as
    every foreign key of Wagtail's write API; other fields by their name (a country's code).
    """
    return [APIField(name, writable=True), APIField(name, serializer=serializer)]
