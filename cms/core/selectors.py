"""What the public may see of pages of any type: the one definition, used everywhere.

A page is public when it is live and no privacy restriction (password, login, groups) hides
it. The campaign's own named queries (heroes.selectors) stand on this one.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def public_pages(queryset=None):
    """The live, public pages of `queryset` (a page queryset of any type; default: all)."""
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().exclude(under_a_restriction())


def searchable_public_pages(queryset=None):
    """`public_pages()` in the form search backends read (they translate a queryset's filters
    into their own and know no EXISTS): Wagtail's own `live().public()`, the same pages."""
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().public()


def under_a_restriction():
    """True for a page that a view restriction covers: on itself or on one of its ancestors.

    The same rule as Wagtail's `PageQuerySet.public()`, said in SQL: Wagtail's reads every
    restriction into Python and builds an OR of their paths on each call (about ten calls a
    page view, a cost that grows with the private pages); this is one EXISTS the database
    answers within the same query.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )
