"""Wagtail's front cache backends (wagtail.contrib.frontend_cache), purging after the commit.

Wagtail purges a page when it is published or unpublished, and cms.core.withdrawal when it is
withdrawn, from inside the transaction that changes it. A reader whose request reached the
front cache between that purge and the commit would have the old page fetched and stored
again, and served for its max-age after the change. These backends send each purge once the
change is committed (at once outside a transaction), so the next request after the commit
is a miss. settings.WAGTAILFRONTENDCACHE names them.
"""

from functools import partial

from django.db import transaction
from wagtail.contrib.frontend_cache import backends


class PurgeAfterCommitMixin:
    def purge(self, url):
        transaction.on_commit(partial(super().purge, url))

    def purge_batch(self, urls):
        transaction.on_commit(partial(super().purge_batch, list(urls)))


class HTTPBackend(PurgeAfterCommitMixin, backends.HTTPBackend):
    """A PURGE request to FRONTEND_CACHE_PURGE_URL (nginx of deploy/nginx/, Varnish)."""


class CloudflareBackend(PurgeAfterCommitMixin, backends.CloudflareBackend):
    """Cloudflare's purge API."""
