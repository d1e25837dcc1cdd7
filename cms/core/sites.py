"""The default Site follows BASE_URL, so `page.full_url` and the settings agree.

Wagtail builds a page's absolute URL from its Site's host name and port; the API, emails
and feeds read `BASE_URL` (through WAGTAILADMIN_BASE_URL and WAGTAILAPI_BASE_URL). Setting
the Site from the same value keeps one base for every absolute link.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def base_url_host():
    """(host name, port) of settings.BASE_URL; the scheme's own port when none is given."""
    parts = urlsplit(settings.BASE_URL)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"BASE_URL must be an http(s) URL (https://example.org), not {settings.BASE_URL!r}."
        )
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def absolute_url(path):
    """`path` made absolute against BASE_URL (unchanged when it is absolute already)."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.BASE_URL.rstrip("/") + path


def sync_default_site(*, root_page=None, site_name=None):
    """Create or update the default Site: host and port from BASE_URL, and `root_page`.

    Returns (site, changed). Idempotent: nothing is saved when the Site already matches.
    """
    hostname, port = base_url_host()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        if root_page is None:
            raise ImproperlyConfigured("There is no default Site yet: give it a root page.")
        site = Site(is_default_site=True, root_page=root_page)
    wanted = {"hostname": hostname, "port": port}
    if root_page is not None:
        wanted["root_page_id"] = root_page.pk
    if site_name is not None:
        wanted["site_name"] = site_name
    changed = site.pk is None or any(getattr(site, key) != value for key, value in wanted.items())
    if changed:
        for key, value in wanted.items():
            setattr(site, key, value)
        site.save()
    return site, changed
