"""One hourly budget of nominations per client, for the site's form and the API together."""

import pytest

from heroes.models import Nomination
from tests.factories import NominatePageFactory
from tests.nominations.test_nominations import form_data

pytestmark = pytest.mark.django_db
API = "/api/v3/nominations/"


@pytest.fixture
def nominate_page(home_page):
    return NominatePageFactory(parent=home_page)


def test_the_site_form_and_the_api_share_one_budget(client, nominate_page, settings):
    settings.NOMINATIONS_PER_HOUR = 2
    assert client.post(nominate_page.url, form_data()).status_code == 302
    # Another hero: the same nomination sent twice would be merged into one.
    assert client.post(API, form_data(hero_name="Amina Yusuf")).status_code == 202

    from_the_api = client.post(API, form_data())
    from_the_site = client.post(nominate_page.url, form_data())

    assert from_the_api.status_code == 429
    assert from_the_site.status_code == 429
    assert 0 < int(from_the_site["Retry-After"]) <= 3600
    assert Nomination.objects.count() == 2


@pytest.mark.parametrize("trusted_proxies", [0, 1])
def test_a_forged_x_forwarded_for_does_not_escape_the_limit(client, settings, trusted_proxies):
    """A client writes what it likes on the left of X-Forwarded-For; our proxy, if any,
    appends the address it really came from."""
    settings.NOMINATIONS_PER_HOUR = 1
    settings.TRUSTED_PROXY_COUNT = trusted_proxies
    proxy = {"REMOTE_ADDR": "10.0.0.1"} if trusted_proxies else {"REMOTE_ADDR": "203.0.113.7"}

    def send(forged):
        forwarded = f"{forged}, 203.0.113.7" if trusted_proxies else forged
        return client.post(API, form_data(), HTTP_X_FORWARDED_FOR=forwarded, **proxy)

    assert send("198.51.100.1").status_code == 202
    assert send("198.51.100.2").status_code == 429
    assert send("198.51.100.3").status_code == 429
    assert Nomination.objects.count() == 1


def test_behind_a_trusted_proxy_two_clients_have_their_own_budgets(client, settings):
    settings.NOMINATIONS_PER_HOUR = 1
    settings.TRUSTED_PROXY_COUNT = 1

    first = client.post(
        API, form_data(), HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="10.0.0.1"
    )
    second = client.post(
        API, form_data(), HTTP_X_FORWARDED_FOR="203.0.113.8", REMOTE_ADDR="10.0.0.1"
    )

    assert (first.status_code, second.status_code) == (202, 202)
