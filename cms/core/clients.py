"""Who is asking: the client's address behind the site's own proxies, for rate limits.

Each proxy in front of the site appends the address it was reached from to
X-Forwarded-For; everything to the left of what our own proxies wrote is the client's to
write, and so cannot be believed. With TRUSTED_PROXY_COUNT proxies, the client is the
address the outermost one saw: the right-most entry that no proxy of ours stands behind.
With no trusted proxy (the default), the header is ignored and REMOTE_ADDR counts.
"""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac
from django_ratelimit.core import get_usage

#: A client with IPv6 holds a whole /64 network: it is counted as one.
IPV6_PREFIX = 64


def client_address(request):
    """The address of the client: the right-most X-Forwarded-For hop no trusted proxy wrote."""
    address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return address
    return hops[-min(trusted, len(hops))]


def client_key(request):
    """A client as an opaque key for counting: its address is never stored as is."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        pass  # not an address (a misconfigured proxy): counted as the string it is
    else:
        if ip.version == 6:
            address = str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False))
    return salted_hmac("cms.core.clients", address).hexdigest()[:32]


def seconds_to_wait(client, *, group, per_hour):
    """Count one attempt of `client` (a client_key) against its hourly budget in `group`.

    The budget is django-ratelimit's, kept in the cache and shared by every process and by
    the site and the API alike. Returns None while the budget lasts; once it is spent, the
    seconds until the client may try again (at least 1: the Retry-After to answer).
    """
    usage = get_usage(
        None,
        group=group,
        key=lambda _group, _request: client,
        rate=f"{per_hour}/h",
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, usage["time_left"])
