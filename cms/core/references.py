"""What an object refers to, and its stored content made to refer to other objects.

References are found the way Wagtail's reference index finds them: foreign keys,
StreamField blocks (every chooser block, at any depth), rich text (image embeds, page and
document links) and child relations. A block added later is covered as soon as it declares
its references, which every block built from Wagtail's own does.

`rewrite_field` gives a field's stored value (a StreamField's raw JSON, rich text) with each
reference replaced through a function `remap(model, object_id)`: how content moves between
databases whose ids differ (heroes.archive). Reading the references of the
rewritten object again (`references_of`) proves it was done.
"""

import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import ReferenceIndex
from wagtail.rich_text import get_rewriter
from wagtail.rich_text.rewriters import extract_attrs


@dataclass(frozen=True)
class Reference:
    """One reference of an object: to `model`'s row `object_id`, at `content_path`."""

    model: type
    object_id: str
    model_path: str
    content_path: str

    @property
    def field_name(self):
        return self.content_path.split(".", 1)[0]


def references_of(instance):
    """Every reference `instance` holds, as Wagtail's reference index reads them."""
    references = []
    # The index's own reader, on the object as it is (not as last indexed: a page's index
    # follows its latest draft, and what is wanted here is the object in hand).
    for (
        content_type_id,
        object_id,
        model_path,
        content_path,
    ) in ReferenceIndex._extract_references_from_object(instance):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            references.append(Reference(model, str(object_id), model_path, content_path))
    return references


def rewrite_field(field, raw, remap):
    """`raw` (a StreamField's JSON, or rich text) with every reference passed through
    `remap(model, object_id)`: a new id, or None to drop the reference."""
    if raw is None:
        return raw
    if isinstance(field, StreamField):
        return rewrite_stream(field.stream_block, raw, remap)
    if isinstance(field, RichTextField):
        return rewrite_rich_text(raw, remap)
    return raw


def rewrite_stream(block, raw, remap):
    """The raw JSON of `block`'s value with its references remapped, at any depth."""
    if raw is None:
        return None
    if isinstance(block, blocks.StreamBlock):
        return [_rewrite_stream_child(block, child, remap) for child in raw]
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": rewrite_stream(block.child_block, item["value"], remap)}
            if block._item_is_in_block_format(item)
            else rewrite_stream(block.child_block, item, remap)
            for item in raw
        ]
    if isinstance(block, ImageBlock) and not isinstance(raw, dict):
        return _remap_id(block.child_blocks["image"].model_class, raw, remap)
    if isinstance(block, blocks.StructBlock):
        if not isinstance(raw, dict):
            return raw
        return {
            name: rewrite_stream(block.child_blocks[name], value, remap)
            if name in block.child_blocks
            else value
            for name, value in raw.items()
        }
    if isinstance(block, blocks.ChooserBlock):
        return _remap_id(block.model_class, raw, remap)
    if isinstance(block, blocks.RichTextBlock):
        return rewrite_rich_text(raw, remap)
    return raw


def _rewrite_stream_child(block, child, remap):
    child_block = block.child_blocks.get(child.get("type")) if isinstance(child, dict) else None
    if child_block is None:
        return child
    return {**child, "value": rewrite_stream(child_block, child.get("value"), remap)}


def _remap_id(model, raw, remap):
    if raw in (None, ""):
        return raw
    return remap(model, str(raw))


def rewrite_rich_text(html, remap):
    """Rich text with the ids of its embeds and links remapped. A link whose target is gone
    becomes a plain `<a>`; an embed whose target is gone is dropped."""
    if not html:
        return html
    for rewriter in get_rewriter().rewriters:
        html = rewriter.get_opening_tag_regex().sub(
            lambda match, rewriter=rewriter: _rewrite_tag(rewriter, match, remap), html
        )
    return html


def _rewrite_tag(rewriter, match, remap):
    tag = match.group(0)
    attrs = extract_attrs(match.group(1))
    extractor = rewriter.reference_extractors.get(rewriter.get_tag_type_from_attrs(attrs))
    if extractor is None:
        return tag
    for model, object_id, _model_path, _content_path in extractor(attrs):
        new_id = remap(model, str(object_id))
        if new_id is None:
            return "" if tag.startswith("<embed") else "<a>"
        tag = re.sub(rf'\bid="{re.escape(str(object_id))}"', f'id="{new_id}"', tag, count=1)
    return tag
