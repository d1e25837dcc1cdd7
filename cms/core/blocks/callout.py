from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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
                    "link_url": blocks.BlockValidationError(
                        _("Choose a page or an address, not both.")
                    )
                }
            )
        return value
