"""A page's copies, and the rule that withdrawing one copy withdraws them all.

wagtail-localize keeps one page per locale for every page of the source tree: a translation,
or an alias that follows its source. Each is a page in its own right, with its own view
restrictions and live state, so out of the box a story made private, unpublished or deleted
in English stays public in French, Spanish and Arabic. Here, for every way in (the admin,
the write API, scheduled expiry, code):

- **Privacy.** A view restriction set, changed or removed on any copy is set, changed or
  removed on every other copy, groups and password included. (Copies made later inherit it
  from Wagtail, which copies a page's restrictions into its new aliases and translations.)
- **Moving** a page moves its copies under the new parent's copy in each locale, so they
  stand under the same, mirrored, privacy.
- **Unpublishing** any copy unpublishes every other live copy (Wagtail itself only follows
  a page's aliases, not its translations).
- **Deleting** a page unpublishes the copies that are not deleted with it (Wagtail would turn
  the aliases of a deleted page into ordinary live pages). The admin's delete view deletes
  all copies at once (`construct_translated_pages_to_cascade_actions`).

Whatever changes here empties the public response cache at once (see cms.core.cache) and
purges the changed pages from the front cache or CDN, when one is configured.
"""

import logging
import threading
from contextlib import contextmanager

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

logger = logging.getLogger(__name__)

_state = threading.local()


@contextmanager
def _propagating():
    """Changes made while propagating one change are not propagated again."""
    _state.busy = True
    try:
        yield
    finally:
        _state.busy = False


def _is_propagating():
    return getattr(_state, "busy", False)


def _pages_being_deleted():
    if not hasattr(_state, "deleting"):
        _state.deleting = {}
    return _state.deleting


def copies_of(page):
    """Every other copy of `page`: its translations and aliases, in every locale.

    A translation shares the page's translation key; so does an alias made into another
    locale. An alias made elsewhere in the same locale has a key of its own and points to
    its source with `alias_of`.
    """
    from wagtail.models import Page

    keys = {page.translation_key}
    if page.alias_of_id:
        source_key = Page.objects.filter(pk=page.alias_of_id).values_list(
            "translation_key", flat=True
        )
        keys.update(source_key)
    return Page.objects.filter(
        Q(translation_key__in=keys) | Q(alias_of__translation_key__in=keys)
    ).exclude(pk=page.pk)


# Privacy -------------------------------------------------------------------------------


def _mirror_restriction(restriction, pages):
    """Give each of `pages` a restriction equal to `restriction` (replacing its own)."""
    from wagtail.models import PageViewRestriction

    groups = list(restriction.groups.all())
    for page in pages:
        mirror = PageViewRestriction.objects.filter(page=page).first()
        if mirror is None:
            mirror = PageViewRestriction(page=page)
        elif (mirror.restriction_type, mirror.password) == (
            restriction.restriction_type,
            restriction.password,
        ):
            mirror.groups.set(groups)
            continue  # already equal: no save, no audit log entry
        mirror.restriction_type = restriction.restriction_type
        mirror.password = restriction.password
        mirror.save()
        mirror.groups.set(groups)


def _restriction_saved(sender, instance, **kwargs):
    if _is_propagating():
        return
    with _propagating():
        _mirror_restriction(instance, copies_of(instance.page))
    _withdrawn([instance.page_id])


def _restriction_groups_changed(sender, instance, action, **kwargs):
    if _is_propagating() or action not in ("post_add", "post_remove", "post_clear"):
        return
    from wagtail.models import PageViewRestriction

    if not isinstance(instance, PageViewRestriction):
        return
    groups = list(instance.groups.all())
    with _propagating():
        for mirror in PageViewRestriction.objects.filter(page__in=copies_of(instance.page)):
            mirror.groups.set(groups)
    _withdrawn([instance.page_id])


def _restriction_deleted(sender, instance, **kwargs):
    """Privacy removed from one copy is removed from all; a deleted page's restriction is not."""
    if _is_propagating() or instance.page_id in _pages_being_deleted():
        return
    from wagtail.models import Page, PageViewRestriction

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    with _propagating():
        for mirror in PageViewRestriction.objects.filter(page__in=copies_of(page)):
            mirror.delete()
    _withdrawn([page.pk])


def _page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A page moved in one locale is moved in every locale, under the new parent's copy there.

    So its copies stand where it stands, under the same (mirrored) privacy. The admin's move
    view moves copies only through this, never twice.
    """
    if _is_propagating() or parent_page_before.pk == parent_page_after.pk:
        return
    from wagtail.actions.move_page import MovePageAction
    from wagtail.models import Page

    destinations = {
        page.locale_id: page for page in [parent_page_after, *copies_of(parent_page_after)]
    }
    with _propagating():
        for copy in copies_of(instance):
            destination = destinations.get(copy.locale_id)
            if destination is None or copy.get_parent().pk == destination.pk:
                continue
            copy = Page.objects.get(pk=copy.pk)  # fresh tree position
            MovePageAction(copy, destination, pos="last-child").execute(skip_permission_checks=True)
    _withdrawn([instance.pk])


# Unpublishing and deleting ---------------------------------------------------------------


def _unpublish(pages):
    from wagtail.actions.unpublish_page import UnpublishPageAction

    with _propagating():
        for page in pages:
            UnpublishPageAction(page).execute(skip_permission_checks=True)


def _page_unpublished(sender, instance, **kwargs):
    if _is_propagating():
        return
    _unpublish(copies_of(instance).live().specific())


def _page_about_to_be_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    # A page is deleted as rows of its specific model, then of Page: the Page row goes last,
    # after its view restrictions.
    if sender is not Page:
        return
    # Read now: deleting the page detaches its aliases (alias_of is set to NULL).
    _pages_being_deleted()[instance.pk] = list(copies_of(instance).values_list("pk", flat=True))


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if sender is not Page:
        return
    deleting = _pages_being_deleted()
    copy_ids = deleting.get(instance.pk, [])
    remaining = Page.objects.filter(pk__in=copy_ids).exclude(pk__in=deleting.keys())
    try:
        if not _is_propagating():
            _unpublish(remaining.live().specific())
    finally:
        deleting.pop(instance.pk, None)
    _withdrawn(copy_ids)


def translations_to_cascade(pages, action):
    """Wagtail's `construct_translated_pages_to_cascade_actions` hook: a delete in the admin
    takes every copy along. (Unpublishing and moving reach them through the signals.)"""
    if action != "delete":
        return None
    return {page: copies_of(page) for page in pages}


# The caches ------------------------------------------------------------------------------


def _withdrawn(page_ids):
    """Empty the public cache now, and purge the pages, their copies and everything below
    them from the front cache."""
    from django.conf import settings
    from wagtail.models import Page

    from cms.core.cache import invalidate_now_and_on_commit

    invalidate_now_and_on_commit()
    if not page_ids or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    ids = set(page_ids)
    for page in Page.objects.filter(pk__in=page_ids):
        ids.update(copies_of(page).values_list("pk", flat=True))
    below = Q()
    for path in Page.objects.filter(pk__in=ids).values_list("path", flat=True):
        below |= Q(path__startswith=path)
    purge_from_front_cache(Page.objects.filter(below))


def purge_from_front_cache(pages):
    """Purge the URLs of `pages` (a queryset) from the configured front cache or CDN."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages.specific())
    try:
        batch.purge()
    except Exception:  # a CDN outage must not undo a withdrawal
        logger.exception("Could not purge withdrawn pages from the front cache.")


def connect_signals():
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_unpublished, post_page_move

    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="mirror-privacy")
    post_delete.connect(
        _restriction_deleted, sender=PageViewRestriction, dispatch_uid="mirror-privacy-removal"
    )
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="mirror-privacy-groups",
    )
    post_page_move.connect(_page_moved, dispatch_uid="privacy-follows-move")
    page_unpublished.connect(_page_unpublished, dispatch_uid="unpublish-every-copy")
    pre_delete.connect(_page_about_to_be_deleted, dispatch_uid="withdraw-copies-of-deleted-page")
    post_delete.connect(_page_deleted, dispatch_uid="withdraw-copies-of-deleted-page")
