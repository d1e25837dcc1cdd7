"""A Python client generated from the OpenAPI document reads the public API as it is.

openapi-python-client (pinned in requirements-dev.txt) makes the client from the document
into a temporary directory; the client then reads the whole site (Django's WSGI application,
every middleware) over HTTP without a token. The requests go through httpx's WSGI transport
rather than pytest-django's live_server: a live server needs a transactional database, which
is emptied after the test and would leave --reuse-db's database without Wagtail's root page.
"""

import datetime as dt
import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from ninja.responses import NinjaJSONEncoder

from cms.api import api

GENERATOR = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))
PACKAGE = "migrantheroes_client"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The generated client package, importable; generated once for the module."""
    directory = tmp_path_factory.mktemp("generated")
    document = directory / "openapi.json"
    document.write_text(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))
    config = directory / "config.yaml"
    config.write_text("post_hooks: []\n")  # no formatting of the generated code
    result = subprocess.run(
        [
            *(GENERATOR, "generate", "--path", document, "--config", config, "--meta", "none"),
            *("--output-path", directory / PACKAGE),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    sys.path.insert(0, str(directory))
    try:
        yield lambda name: importlib.import_module(f"{PACKAGE}.{name}")
    finally:
        sys.path.remove(str(directory))
        for module in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[module]


def site_in_the_test_transaction():
    """The site's WSGI application, keeping the test's database connection open (as Django's
    test client does: a request's start and end close the connection otherwise)."""
    application = get_wsgi_application()

    def site(environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                response.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    return site


@pytest.fixture
def client_of(generated):
    """An anonymous client of the generated package, on the whole site over HTTP."""
    return generated("client").Client(
        base_url="http://testserver",
        raise_on_unexpected_status=True,
        httpx_args={"transport": httpx.WSGITransport(app=site_in_the_test_transaction())},
    )


def test_public_operations_take_an_anonymous_client_and_writes_an_authenticated_one(generated):
    for operation in ("stories.stories_list", "pages.pages_detail", "calendar.calendar"):
        signature = generated(f"api.{operation}").sync.__annotations__["client"]
        assert "Client" in str(signature).replace("AuthenticatedClient", ""), operation
    create = generated("api.pages.pages_create").sync.__annotations__["client"]
    assert "AuthenticatedClient" in str(create)
    assert "| Client" not in str(create)


def test_a_generated_client_reads_stories_and_a_typed_story_body_without_a_token(
    generated, client_of, story
):
    models = generated("models")

    stories = generated("api.stories.stories_list").sync(client=client_of)
    detail = generated("api.pages.pages_detail").sync(story.pk, client=client_of)

    assert [card.id for card in stories.items] == [story.pk]
    assert isinstance(detail, models.HeroStoryPageSchema)
    assert detail.hero_name == "Amina Yusuf"
    kinds = [type(block) for block in detail.body]
    assert kinds == [
        models.StoryBodyParagraph,
        models.StoryBodyQuote,
        models.StoryBodyImage,
        models.StoryBodyEmbed,
        models.StoryBodyCallout,
    ]
    quote, image, embed, callout = detail.body[1:]
    assert quote.value.attribution == "Amina"
    assert image.value.image.renditions.share.width == 1200
    assert embed.value.provider_name == "YouTube"
    assert callout.value.link.page.type_ == "heroes.MissionHubPage"


def test_a_generated_client_reads_the_calendar_the_map_and_oembed(
    generated, client_of, story, event
):
    calendar = generated("api.calendar.calendar").sync(
        client=client_of, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30)
    )
    story_map = generated("api.map_.story_map").sync(client=client_of)
    oembed = generated("api.oembed.oembed").sync(client=client_of, url_query=story.full_url)

    assert [item.title for item in calendar.items] == ["Amina's sewing exhibition"]
    assert [feature.id for feature in story_map.features] == ["KE"]
    assert oembed.title.startswith("Amina Yusuf")
