"""Who is asking: the client's address behind the site's own proxies (cms.core.clients)."""

import pytest
from django.test import RequestFactory

from cms.core.clients import client_address, client_key


def request_from(remote_addr, forwarded=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **headers)


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("trusted", "forwarded", "client"),
    [
        # The client wrote the left-most entries itself; our proxy appended what it saw.
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        (1, "203.0.113.7", "203.0.113.7"),
        # Two proxies of ours: the second appended the first's address, after the client's.
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        # Fewer hops than proxies: the client reached an inner proxy directly.
        (2, "203.0.113.7", "203.0.113.7"),
    ],
)
def test_behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client(
    settings, trusted, forwarded, client
):
    settings.TRUSTED_PROXY_COUNT = trusted
    assert client_address(request_from("10.0.0.1", forwarded)) == client


def test_behind_a_proxy_that_sent_no_header_the_proxy_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.1")) == "10.0.0.1"


def test_the_key_keeps_no_address_and_counts_an_ipv6_network_as_one_client(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    key = client_key(request_from("2001:db8:1:2::10"))

    assert "2001" not in key
    assert key == client_key(request_from("2001:db8:1:2:ffff::1"))
    assert key != client_key(request_from("2001:db8:1:3::10"))
