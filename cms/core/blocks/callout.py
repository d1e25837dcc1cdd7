from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from typing_extensions import TypedDict
from wagtail import blocks

from cms.core.api_fields import PageReferenceDict, page_reference


class CalloutLinkDict(TypedDict):
    """Where the call-out leads: an address, the text of the button and, for a page of the
    site, the page itself (id and type, to route it in a front end)."""

    url: str
    text: str
    page: PageReferenceDict | None


class CalloutValue(TypedDict):
    heading: str
    text: str
    link: CalloutLinkDict | None


class CalloutBlock(blocks.StructBlock):
    """A highlighted box inviting the reader to act: nominate, vote, share, donate."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    link_page = blocks.PageChooserBlock(required=False, label=_("Link to a page"))
    link_url = blocks.URLBlock(required=False, label=_("…or to an address"))
    link_text = blocks.CharBlock(required=False, max_length=60, label=_("Link text"))

    class Meta:
        icon = "pick"
        label = _("Call-out")
        template = "blocks/callout.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("link_page") and value.get("link_url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "link_url": ValidationError(_("Choose a page or an address, not both."))
                }
            )
        return value

    def get_api_representation(self, value, context=None) -> CalloutValue:
        """As the site shows it (templates/blocks/callout.html): a page link goes to the
        page in the reader's language and only while it is live; no link, no button."""
        return CalloutValue(
            heading=value.get("heading") or "",
            text=value.get("text") or "",
            link=self.link_of(value),
        )

    @staticmethod
    def link_of(value) -> CalloutLinkDict | None:
        page = value.get("link_page")
        if page is not None:
            page = page.localized
        if page is not None and page.live:
            reference = page_reference(page)
            if reference["url"] is not None:
                return CalloutLinkDict(
                    url=reference["url"], text=value.get("link_text") or page.title, page=reference
                )
        if value.get("link_url"):
            url = value["link_url"]
            return CalloutLinkDict(url=url, text=value.get("link_text") or url, page=None)
        return None
