"""`/api/v3/docs/`: Swagger UI served by the site itself, nothing from a CDN."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db

_RESOURCE = re.compile(r"""(?:src|href)=["']([^"']+)["']""")


def test_the_api_docs_load_every_resource_from_the_site_itself(client):
    response = client.get("/api/v3/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    resources = _RESOURCE.findall(html)
    assert any(url.endswith("swagger-ui-bundle.js") for url in resources)
    external = [url for url in resources if url.startswith(("http:", "https:", "//"))]
    assert external == []
    assert "cdn" not in html.lower()
    for url in resources:
        assert client.get(url).status_code == 200, url


def test_the_api_docs_do_not_call_swagger_validator(client):
    html = client.get("/api/v3/docs/").content.decode()

    settings = re.search(r'id="swagger-settings">(.*?)</script>', html, re.DOTALL).group(1)
    assert json.loads(settings)["validatorUrl"] is None
