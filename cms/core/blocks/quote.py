from django.utils.translation import gettext_lazy as _
from typing_extensions import TypedDict
from wagtail import blocks


class QuoteValue(TypedDict):
    quote: str
    attribution: str


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        required=False, max_length=255, label=_("Who said it"), help_text=_("e.g. the hero's name")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"

    def get_api_representation(self, value, context=None) -> QuoteValue:
        return QuoteValue(
            quote=value.get("quote") or "", attribution=value.get("attribution") or ""
        )
