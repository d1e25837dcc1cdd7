"""A social post or video in a body: the provider's stored HTML, and nothing the site's
Content-Security-Policy would refuse."""

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from cms.core.blocks.embed import SocialEmbedBlock

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=migrantheroes"
IFRAME = '<iframe src="https://www.youtube-nocookie.com/embed/x" width="480" height="270"></iframe>'


def test_an_embedded_video_is_the_providers_html_without_an_inline_style():
    Embed.objects.create(
        url=VIDEO,
        hash=get_embed_hash(VIDEO, None, None),
        type="video",
        html=IFRAME,
        width=480,
        height=270,
    )
    block = SocialEmbedBlock()

    html = block.render(block.to_python(VIDEO))

    assert IFRAME in html
    # Wagtail's responsive wrapper writes style="padding-bottom: …": blocked by the CSP.
    assert "style=" not in html


def test_an_address_no_provider_embedded_is_a_link_and_calls_no_provider(
    django_assert_num_queries,
):
    block = SocialEmbedBlock()
    value = block.to_python("https://unknown.example/post/1")

    with django_assert_num_queries(1):  # the stored embeds, read; no finder run
        html = block.render(value)

    assert 'href="https://unknown.example/post/1"' in html
    assert "<iframe" not in html
