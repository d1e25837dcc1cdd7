"""The OpenAPI schema of a StreamField, from the blocks' own `get_api_representation`.

Wagtail's v3 schema generator types every StreamField as a list of anything. A block here
declares the shape of its API value by the return annotation of its
`get_api_representation` (a TypedDict next to the code that builds it), so the schema and
the output cannot drift apart; a stream is then a list of `oneOf` typed items with `type`
as their discriminator:

    {"type": "quote", "value": {"quote": "…", "attribution": "…"}, "id": "…"}

`register()` plugs this into Wagtail's read schema generator through its
`register_field_schema` extension point (called from CoreConfig.ready()).
"""

from typing import Annotated, Any, Literal, Union, get_type_hints

from django.core.exceptions import ImproperlyConfigured
from pydantic import Field
from typing_extensions import TypedDict
from wagtail import blocks


def api_schema_of(block) -> Any:
    """The type of `block`'s API value: its `get_api_representation` return annotation."""
    try:
        return get_type_hints(type(block).get_api_representation).get("return", Any)
    except NameError:
        return Any


def _camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


#: Item unions already built, by name, so a stream block used by several fields (a story's
#: and an event's body) is one set of schemas in the document.
_item_unions = {}


def _stream_item_union(prefix, stream_block):
    if prefix not in _item_unions:
        members = tuple(
            TypedDict(
                f"{prefix}{_camel(name)}",
                {"type": Literal[name], "value": api_schema_of(child_block), "id": str},
            )
            for name, child_block in stream_block.child_blocks.items()
        )
        _item_unions[prefix] = (
            members[0]
            if len(members) == 1
            else Annotated[Union[members], Field(discriminator="type")]  # noqa: UP007
        )
    return _item_unions[prefix]


def stream_item_schema(stream_block, *, model, field_name):
    """The union of the typed items of `stream_block` (a StreamField's block).

    Named after the StreamBlock class when the stream is declared as one (StoryBodyBlock →
    StoryBodyParagraph, StoryBodyQuote …, shared by every field using it), else after the
    model and field (HomePage.calls_to_action → HomePageCallsToActionCallToAction).
    """
    if type(stream_block) is blocks.StreamBlock:
        prefix = f"{model._meta.object_name}{_camel(field_name)}"
    else:
        prefix = type(stream_block).__name__.removesuffix("Block")
    return _stream_item_union(prefix, stream_block)


def typed_streamfield_schema(generator, field):
    """Wagtail's StreamField read schema (its resolver), typed item by item."""
    from wagtail.api.v3.schemas.generators.read import streamfield_schema

    _annotation, default, resolver = streamfield_schema(generator, field)
    item = stream_item_schema(field.stream_block, model=field.model, field_name=field.name)
    return list[item], default, resolver


def register():
    """Use the typed StreamField schema for every page and snippet read schema.

    Wagtail builds those schemas once, when wagtail.api.v3.registry is first imported (by
    the apps' ready(), after cms.core's: cms.core comes first in INSTALLED_APPS).
    """
    import sys

    if "wagtail.api.v3.registry" in sys.modules:
        raise ImproperlyConfigured(
            "cms.core must come before wagtail.api.v3 and every app mounting a v3 router in "
            "INSTALLED_APPS: the typed StreamField schemas must be registered first."
        )
    from wagtail.api.v3.schemas.generators.read import read_generator
    from wagtail.fields import StreamField

    read_generator.register_field_schema(StreamField, typed_streamfield_schema)


__all__ = ["api_schema_of", "register", "stream_item_schema"]
