import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.api.rich_text import APIRichText
from wagtail.models import Site

PARAGRAPH_FEATURES = ["bold", "italic", "h2", "h3", "ol", "ul", "link", "document-link"]

#: Site-relative links in expanded rich text (href="/en/…"), not protocol-relative ones.
_RELATIVE_HREF = re.compile(r'href="(/(?!/)[^"]*)"')


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph.html"

    def get_api_representation(self, value, context=None) -> str:
        """The paragraph as HTML whose page and document links are absolute URLs.

        A request may ask for another of the API's formats (`?rich_text_format=markdown`);
        without one, paragraphs are HTML a front end can show as it is (not Wagtail's
        database HTML with its `linktype` references).
        """
        request = (context or {}).get("request")
        requested = request.GET.get("rich_text_format") if request is not None else None
        rich_text_format = APIRichText.resolve_format(requested or APIRichText.FORMAT_HTML)
        text = APIRichText.serialize(value.source, format=rich_text_format, features=self.features)
        if rich_text_format == APIRichText.FORMAT_HTML:
            root_url = site_root_url()
            text = _RELATIVE_HREF.sub(lambda m: f'href="{root_url}{m.group(1)}"', text)
        return text


def site_root_url():
    """The root URL site-relative links are relative to.

    Wagtail writes a page's link relative (/en/…) only when there is one site, and full
    otherwise; documents are served by the same site.
    """
    root_paths = Site.get_site_root_paths()
    return root_paths[0].root_url if root_paths else ""
