"""Security headers: a strict Content-Security-Policy on the public site (no inline script or
style), frames for the embed cards only, the admin's own policy, a Permissions-Policy."""

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import get_template

from tests.cms.conftest import PAGE_TYPES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in header.split(";") if part.strip())
    }


def inline_code(html):
    """Inline scripts, style elements, style attributes and event handlers of a page."""
    soup = BeautifulSoup(html, "html.parser")
    found = [str(tag)[:80] for tag in soup.find_all("script") if not tag.get("src")]
    found += [str(tag)[:80] for tag in soup.find_all("style")]
    for tag in soup.find_all(True):
        found += [
            f"<{tag.name} {name}=…>"
            for name in tag.attrs
            if name == "style" or name.startswith("on")
        ]
    return found


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_public_pages_allow_no_inline_script_and_carry_none(client, every_page_type, page_type):
    response = client.get(getattr(every_page_type, page_type).url)

    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert inline_code(response.content) == []


def test_the_policy_is_sent_with_responses_from_the_cache_too(client, every_page_type):
    first = client.get(every_page_type.story.url)
    cached = client.get(every_page_type.story.url)

    assert cached["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert cached["Permissions-Policy"] == first["Permissions-Policy"]


def test_only_the_embed_card_may_be_framed_by_other_sites(client, every_page_type):
    response = client.get(f"/embed/stories/{every_page_type.story.pk}/")

    assert response.status_code == 200
    directives = policy(response)
    assert directives["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in response
    assert directives["script-src"] == ["'self'"]
    assert inline_code(response.content) == []


def test_the_server_error_page_style_is_allowed_by_its_hash_and_nothing_else_inline(client):
    html = get_template("500.html").render({})
    [style] = re.findall(r"<style>(.*?)</style>", html, re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()

    directives = policy(client.get("/healthz"))

    assert f"'sha256-{digest}'" in directives["style-src"]
    assert f"'sha256-{digest}'" == settings.SERVER_ERROR_STYLE_HASH


def test_the_admin_has_its_own_policy_and_its_pages_load(client, every_page_type):
    client.force_login(UserFactory(superuser=True))

    for path in (
        "/admin/",
        f"/admin/pages/{every_page_type.story.pk}/edit/",
        f"/admin/pages/{every_page_type.home.pk}/",
        "/admin/images/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        directives = policy(response)
        assert "'unsafe-inline'" in directives["script-src"], path
        assert directives["frame-ancestors"] == ["'self'"], path
        assert directives["object-src"] == ["'none'"], path


def test_the_admin_login_page_has_the_admins_policy(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize("path", ["/healthz", "/api/v3/stories/", "/en/no-such-page/"])
def test_every_response_denies_the_camera_microphone_and_location(client, home_page, path):
    response = client.get(path)

    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "interest-cohort"):
        assert features[feature] == "()"
