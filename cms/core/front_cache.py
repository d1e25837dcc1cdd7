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


# Snippets the pages show -----------------------------------------------------------------
#
# Wagtail purges a page when it is published. A snippet a page shows (campaign material, a
# Goodwill Ambassador's citation, the nomination criteria) changes that page without
# publishing it: each such model says which pages show it, in every language, with a
# `pages_showing()` method, and they are purged when it is published, unpublished, saved
# (a snippet without drafts is public as saved) or deleted.


def purge_pages_showing(instance, **kwargs):
    """Purge the pages that show `instance` from the front cache, if it says which."""
    from django.conf import settings

    from cms.core.withdrawal import purge_from_front_cache

    if hasattr(instance, "pages_showing") and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_from_front_cache(instance.pages_showing())


def _saved(sender, instance, **kwargs):
    from wagtail.models import DraftStateMixin

    if not isinstance(instance, DraftStateMixin):  # a draft shows when published
        purge_pages_showing(instance)


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import published, unpublished

    for signal in (published, unpublished, post_delete):
        signal.connect(purge_pages_showing, dispatch_uid=f"purge-pages-showing-{id(signal)}")
    post_save.connect(_saved, dispatch_uid="purge-pages-showing-saved")
