"""MCD makes a Migrant Hero an IOM Goodwill Ambassador, changes the mark or removes it.

One mark holds for every copy of the story (heroes.models.ambassadors): these rules keep it
so, whichever language's row MCD edits, and make every page that shows it fresh at once.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from cms.core.cache import invalidate_now_and_on_commit
from cms.core.withdrawal import copies_of, purge_from_front_cache
from heroes import permissions
from heroes.models import AmbassadorsPage, GoodwillAmbassador


def _check_may_mark(user):
    if not permissions.may_mark_goodwill_ambassador(user):
        raise PermissionDenied(_("Only MCD makes a hero an IOM Goodwill Ambassador."))


def _source_story(story):
    """The story a mark is kept on: the page an alias copies, else the story itself."""
    return story.alias_of.specific if story.alias_of_id else story


@transaction.atomic
def save_goodwill_ambassador(*, user, ambassador):
    """MCD marks a hero (`ambassador`, a new GoodwillAmbassador) or changes a mark.

    The mark is kept on the story's source page; its story and date become those of every
    translation of it (the citation stays each language's own). The story's history and the
    audit log record it; every page showing the mark is refreshed. Raises PermissionDenied
    for anyone but MCD, ValidationError for a bad mark (a hero marked already).
    """
    _check_may_mark(user)
    created = ambassador.pk is None
    if ambassador.locale_id is None:
        ambassador.locale = ambassador.get_default_locale()
    ambassador.story = _source_story(ambassador.story)
    ambassador.full_clean()
    ambassador.save()
    GoodwillAmbassador.objects.filter(translation_key=ambassador.translation_key).exclude(
        pk=ambassador.pk
    ).update(story=ambassador.story, story_key=ambassador.story_key, since=ambassador.since)
    log(
        instance=ambassador.story,
        action="heroes.goodwill_ambassador_marked"
        if created
        else "heroes.goodwill_ambassador_changed",
        user=user,
        data={
            "since": ambassador.since.isoformat(),
            "citation": ambassador.citation,
            "language": ambassador.locale.language_code,
        },
    )
    _refresh_pages_showing(ambassador.story)
    return ambassador


@transaction.atomic
def remove_goodwill_ambassador(*, user, ambassador):
    """MCD removes a mark: from every language at once, in the story's history."""
    _check_may_mark(user)
    story = ambassador.story
    GoodwillAmbassador.objects.filter(
        Q(translation_key=ambassador.translation_key) | Q(pk=ambassador.pk)
    ).delete()
    log(
        instance=story,
        action="heroes.goodwill_ambassador_removed",
        user=user,
        data={"since": ambassador.since.isoformat()},
    )
    _refresh_pages_showing(story)


def _refresh_pages_showing(story):
    """The response cache, and the front cache for the story's copies in every language and
    the Ambassadors pages: the mark shows on all of them at the next request."""
    invalidate_now_and_on_commit()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    ids = {story.pk, *copies_of(story).values_list("pk", flat=True)}
    ids.update(AmbassadorsPage.objects.values_list("pk", flat=True))
    # The front cache's backends purge once the change is committed (cms.core.front_cache).
    purge_from_front_cache(Page.objects.filter(pk__in=ids))
