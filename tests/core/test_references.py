"""References in stored content are rewritten in blocks of any shape, rich text included:
blocks the site does not have yet (a testimony with audio and captions) as well."""

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from cms.core.references import rewrite_stream

TESTIMONY = blocks.StructBlock(
    [
        ("audio", DocumentChooserBlock()),
        ("captions", DocumentChooserBlock(required=False)),
        ("transcript", blocks.TextBlock()),
    ]
)
BODY = blocks.StreamBlock(
    [
        ("testimony", TESTIMONY),
        ("gallery", blocks.ListBlock(ImageBlock())),
        ("text", blocks.RichTextBlock()),
    ]
)
NEW_IDS = {("document", "1"): 11, ("document", "2"): 12, ("image", "3"): 13}


def remap(model, object_id):
    kind = {get_document_model(): "document", get_image_model(): "image"}.get(model)
    return NEW_IDS.get((kind, object_id))  # None for a page: not there


def test_references_are_rewritten_at_any_depth_and_in_rich_text():
    image = {"image": 3, "decorative": False, "alt_text": "The stall"}
    raw = [
        {
            "type": "testimony",
            "id": "t",
            "value": {"audio": 1, "captions": 2, "transcript": "Track 1, minute 2"},
        },
        {"type": "gallery", "id": "g", "value": [{"type": "item", "id": "i", "value": image}]},
        {
            "type": "text",
            "id": "r",
            "value": (
                '<p><a linktype="document" id="1">audio</a>'
                '<embed alt="stall" embedtype="image" format="left" id="3"/>'
                '<a linktype="page" id="9">a page not archived</a></p>'
            ),
        },
    ]

    assert rewrite_stream(BODY, raw, remap) == [
        {
            "type": "testimony",
            "id": "t",
            "value": {"audio": 11, "captions": 12, "transcript": "Track 1, minute 2"},
        },
        {
            "type": "gallery",
            "id": "g",
            "value": [{"type": "item", "id": "i", "value": {**image, "image": 13}}],
        },
        {
            "type": "text",
            "id": "r",
            "value": (
                '<p><a linktype="document" id="11">audio</a>'
                '<embed alt="stall" embedtype="image" format="left" id="13"/>'
                "<a>a page not archived</a></p>"
            ),
        },
    ]
