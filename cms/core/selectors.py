"""What the public may see of pages of any type: the one definition, used everywhere.

A page is public when it is live and no privacy restriction (password, login, groups) hides
it. The campaign's own named queries (heroes.selectors) stand on this one.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction


def public_pages(queryset=None):
    """The live, public pages of `queryset` (a page queryset of any type; default: all)."""
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().exclude(under_a_restriction())


def searchable_public_pages(queryset=None):
    """`public_pages()` in the form search backends read (they translate a queryset's filters
    into their own, on indexed fields): on PostgreSQL the same list of covered paths, else
    Wagtail's own `live().public()`, which knows no EXISTS. The same pages."""
    if queryset is None:
        queryset = Page.objects.all()
    if connection.vendor == "postgresql":
        return queryset.live().exclude(path__in=covered_paths())
    return queryset.live().public()


def under_a_restriction():
    """True for a page that a view restriction covers: on itself or on one of its ancestors.

    The same rule as Wagtail's `PageQuerySet.public()`, said in SQL. Wagtail's reads every
    restriction into Python and tests each page against an OR of their paths. On PostgreSQL
    the covered pages are listed first, in one small query (each restricted subtree a range
    of the path index), and each page is then tested against that list by hash: the cost per
    page stays the same whatever the number of pages or of restrictions, and the planner,
    knowing the list, walks the ordering index of a listing instead of sorting every page.
    Elsewhere (the SQLite demo), one EXISTS per page.
    """
    if connection.vendor == "postgresql":
        return Q(path__in=covered_paths())
    return Q(
        Exists(
            PageViewRestriction.objects.filter(
                page__path=Substr(OuterRef("path"), 1, Length("page__path"))
            )
        )
    )


def covered_paths():
    """The paths of every page a view restriction covers (PostgreSQL): the restricted pages
    and their descendants. A page's descendants are the paths that start with its own and go
    on in treebeard's alphabet (0-9, A-Z), all below "~" byte-wise.

    Read once per request (a page view asks about ten times), and again after any page or
    restriction is saved or deleted in it (a move saves the page moved); outside a request
    (commands, tasks), every time.
    """
    memo = _request_memo.get()
    if memo is not None and "covered" in memo:
        return memo["covered"]
    with connection.cursor() as cursor:
        cursor.execute(_COVERED_PATHS_SQL)
        paths = [path for (path,) in cursor.fetchall()]
    if memo is not None:
        memo["covered"] = paths
    return paths


#: What this request has read already (a dict while a request runs, else None).
_request_memo = ContextVar("public_pages_request_memo", default=None)


def _request_started(**kwargs):
    _request_memo.set({})


def _request_finished(**kwargs):
    _request_memo.set(None)


def _forget(sender, **kwargs):
    memo = _request_memo.get()
    if memo and isinstance(sender, type) and issubclass(sender, Page | PageViewRestriction):
        memo.clear()


def connect_signals():
    request_started.connect(_request_started, dispatch_uid="public-pages-request-started")
    request_finished.connect(_request_finished, dispatch_uid="public-pages-request-finished")
    post_save.connect(_forget, dispatch_uid="public-pages-forget-save")
    post_delete.connect(_forget, dispatch_uid="public-pages-forget-delete")


_PAGES, _RESTRICTIONS = Page._meta.db_table, PageViewRestriction._meta.db_table
_COVERED_PATHS_SQL = f"""
    SELECT DISTINCT covered.path
    FROM {_RESTRICTIONS} restriction
    JOIN {_PAGES} restricted ON restricted.id = restriction.page_id
    JOIN {_PAGES} covered
      ON covered.path::text ~>=~ restricted.path::text
     AND covered.path::text ~<~ (restricted.path::text || '~')
"""  # noqa: S608 (table names from the models, no input)
