"""Public responses (the content API, pages, feeds) in the shared cache, and their invalidation.

Responses are stored with Django's cache framework (`learn_cache_key` / `get_cache_key`), so
an entry is keyed on the full URL *and* on every request header the response varies on
(`Vary`: the `X-Facebook-Locale` of Facebook's crawler, the `Origin` of CORS): a French
answer is never served to an English reader. The language of everything outside the
/<lang>/ trees (the API, embeds, the sitemap) comes from the URL (`?locale=`), never from
`Accept-Language` (cms.core.middleware.LocaleMiddleware), so one URL is one language.

Every key carries the current *content generation*, a counter in the configured cache
(Redis in production, shared by every app server; a file cache in the demo, shared by its
processes). Publishing, unpublishing, moving or deleting a page, a privacy change, publishing
a snippet, saving a snippet without drafts (a hero category), a campaign setting or an image
that something shows bumps the counter, so the next request on any app server and process
misses the cache and sees the change. An image nothing uses yet (a bulk upload) keeps the
cache.

Responses also carry an `ETag` and `Cache-Control: public, max-age=0, s-maxage=…,
must-revalidate`: shared caches (a CDN, the front cache) keep them for PUBLIC_CACHE_MAX_AGE
and are purged on change; browsers, which nothing can purge, revalidate each time and get a
304 when nothing changed, so a withdrawn story does not linger in a reader's browser. A CDN
in front is purged by Wagtail's frontend cache app (settings.WAGTAILFRONTENDCACHE).

Only anonymous GET/HEAD requests are cached: a request with a session cookie, an API token
or a preview token always reaches the view.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import (
    get_cache_key,
    get_conditional_response,
    learn_cache_key,
    patch_cache_control,
    patch_vary_headers,
)

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-content-generation"
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/healthz")
PRIVATE_QUERY_PARAMETERS = ("token", "preview")


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate(**kwargs):
    """Make every cached public response stale, on every app server."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache yet (or evicted): any new value is a new generation
        cache.set(GENERATION_KEY, 2, timeout=None)


def invalidate_now_and_on_commit(**kwargs):
    # Now, for this transaction's own later reads; on commit, so a request served between
    # the change and its commit cannot keep the old content cached.
    invalidate()
    transaction.on_commit(invalidate)


def _is_page(sender):
    from wagtail.models import Page

    return isinstance(sender, type) and issubclass(sender, Page)


def _on_delete(sender, **kwargs):
    from wagtail.models import DraftStateMixin, Page

    is_content = isinstance(sender, type) and issubclass(sender, Page | DraftStateMixin)
    if is_content or _shown_without_publishing(sender):
        invalidate_now_and_on_commit()


def _is_shown(instance):
    """Whether anything refers to `instance` (an image): only then can a change show."""
    from wagtail.models import ReferenceIndex

    return ReferenceIndex.get_references_to(instance).exists()


def _shown_without_publishing(sender):
    """Models whose saved state is public at once: images, snippets without drafts, settings.

    Pages (and snippets with drafts) are public when published, which has its own signals;
    saving their draft must not empty the cache.
    """
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images.models import AbstractImage
    from wagtail.models import DraftStateMixin, Page, TranslatableMixin

    if not isinstance(sender, type) or issubclass(sender, Page | DraftStateMixin):
        return False
    return issubclass(
        sender, AbstractImage | TranslatableMixin | BaseGenericSetting | BaseSiteSetting
    )


def _on_save(sender, instance, created=False, **kwargs):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images.models import AbstractImage

    if created and issubclass(sender, BaseGenericSetting | BaseSiteSetting | AbstractImage):
        return  # made with its defaults on first read, or a new upload: nothing shown changes
    if not _shown_without_publishing(sender):
        return
    if issubclass(sender, AbstractImage) and not _is_shown(instance):
        return  # an image no page or snippet uses yet
    invalidate_now_and_on_commit()


def connect_signals():
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate_now_and_on_commit, dispatch_uid=f"public-cache-{id(signal)}")
    post_delete.connect(_on_delete, dispatch_uid="public-cache-delete")
    post_save.connect(_on_save, dispatch_uid="public-cache-image-save")


def _is_cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path_info
    if path.startswith(UNCACHED_PREFIXES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not any(name in request.GET for name in PRIVATE_QUERY_PARAMETERS)


def _key_prefix():
    return f"public-response:{current_generation()}"


def _etag(content):
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


class PublicResponseCacheMiddleware:
    """Serve anonymous GETs of public content from the shared cache, with ETag revalidation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)
        prefix = _key_prefix()
        cached = self._cached(request, prefix)
        if cached is not None:
            conditional = get_conditional_response(request, etag=cached["ETag"])
            if conditional is not None:
                return conditional
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if not self._is_cacheable_response(request, response):
            return response
        if hasattr(response, "render") and callable(response.render):
            response.render()
        response["ETag"] = _etag(response.content)
        # Shared caches (a CDN, the nginx front cache) keep it for PUBLIC_CACHE_MAX_AGE and
        # are purged when it changes; browsers, which nothing can purge, ask again each time
        # (a 304 from the ETag when nothing changed), so a story withdrawn is gone for a
        # reader who saw it a moment ago too.
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.PUBLIC_CACHE_MAX_AGE,
            must_revalidate=True,
        )
        patch_vary_headers(response, ["X-Facebook-Locale"])
        response["X-Cache"] = "MISS"
        timeout = settings.PUBLIC_CACHE_TIMEOUT
        key = learn_cache_key(
            request, response, cache_timeout=timeout, key_prefix=prefix, cache=cache
        )
        cache.set(key, response, timeout=timeout)
        conditional = get_conditional_response(request, etag=response["ETag"])
        return conditional or response

    @staticmethod
    def _cached(request, prefix):
        """The stored response for this request, if any (a HEAD is answered from a GET)."""
        for method in ("GET", "HEAD") if request.method == "HEAD" else ("GET",):
            key = get_cache_key(request, key_prefix=prefix, method=method, cache=cache)
            cached = cache.get(key) if key is not None else None
            if cached is not None:
                return cached
        return None

    @staticmethod
    def _is_cacheable_response(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        if response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            # The page holds a CSRF token (a form): it belongs to this visitor alone.
            return False
        cache_control = response.get("Cache-Control", "")
        return "private" not in cache_control and "no-store" not in cache_control
