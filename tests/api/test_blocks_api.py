"""Story bodies in the API: every block as a front end renders it, without a token."""

import pytest
from pydantic import TypeAdapter

from cms.core.api_fields import IMAGE_RENDITIONS
from cms.core.blocks import StoryBodyBlock
from cms.core.blocks.schema import stream_item_schema
from cms.core.models import PhotoConsent
from cms.core.renditions import RENDITIONS_MADE_AT_PUBLISH
from heroes.models import HeroStoryPage
from tests.factories import (
    DocumentFactory,
    EmbedFactory,
    HeroStoryPageFactory,
    ImageFactory,
    story_body,
)

pytestmark = pytest.mark.django_db


def body_of(client, page):
    return {
        block["type"]: block["value"]
        for block in client.get(f"/api/v3/pages/{page.pk}/").json()["body"]
    }


def test_every_block_of_a_story_body_matches_the_schema_it_declares(client, story):
    body = client.get(f"/api/v3/pages/{story.pk}/").json()["body"]
    item = stream_item_schema(StoryBodyBlock(), model=HeroStoryPage, field_name="body")

    TypeAdapter(list[item]).validate_python(body, strict=False)
    assert [block["type"] for block in body] == ["paragraph", "quote", "image", "embed", "callout"]


def test_a_body_image_whose_consent_is_withdrawn_never_appears(client, story):
    image = next(block.value["image"] for block in story.body if block.block_type == "image")
    image.consent = PhotoConsent.PENDING
    image.save()

    assert body_of(client, story)["image"] == {
        "image": None,
        "caption": "The workshop in Eastleigh",
    }


def test_paragraph_links_are_absolute_urls_not_wagtail_references(client, story):
    paragraph = body_of(client, story)["paragraph"]

    assert "linktype" not in paragraph
    assert 'href="http://localhost/en/missions/iom-kenya/"' in paragraph
    assert 'href="http://localhost/documents/' in paragraph


def test_a_call_out_to_a_page_no_longer_live_keeps_its_text_and_loses_its_link(
    client, story, mission_hub
):
    other = HeroStoryPageFactory(parent=mission_hub, hero_name="Gone Hero")
    story.body = story_body(
        image=ImageFactory(),
        link_page=other,
        document=DocumentFactory(),
        embed=EmbedFactory(),
    )
    story.save_revision().publish()
    other.unpublish()

    callout = body_of(client, story)["callout"]

    assert callout == {
        "heading": "Know a hero like Amina?",
        "text": "Tell us their story.",
        "link": None,
    }


def test_an_embed_unknown_to_the_embed_cache_keeps_its_address_and_fetches_nothing(
    client, story, mission_hub
):
    story.body = [{"type": "embed", "value": "https://www.facebook.com/iom/posts/1"}]
    story.save_revision().publish()

    embed = body_of(client, story)["embed"]

    assert embed["url"] == "https://www.facebook.com/iom/posts/1"
    assert embed["html"] is None and embed["provider_name"] is None


def test_body_images_get_their_renditions_when_the_story_is_published(mission_hub):
    image = ImageFactory()
    story = HeroStoryPageFactory(
        parent=mission_hub,
        draft=True,
        body=story_body(
            image=image, link_page=mission_hub, document=DocumentFactory(), embed=EmbedFactory()
        ),
    )
    assert not image.renditions.exists()

    story.save_revision().publish()

    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(RENDITIONS_MADE_AT_PUBLISH)
    assert set(IMAGE_RENDITIONS.values()) <= made


def test_a_call_out_with_both_a_page_and_an_address_is_refused_clearly(home_page):
    # Was an AttributeError (a 500 in the editor): Wagtail 8 has no blocks.BlockValidationError.
    from wagtail.blocks import StructBlockValidationError

    from cms.core.blocks.callout import CalloutBlock

    block = CalloutBlock()
    value = block.to_python(
        {"heading": "Nominate", "link_page": home_page.pk, "link_url": "https://example.org/"}
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)

    assert "link_url" in refused.value.block_errors
