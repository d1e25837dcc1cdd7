"""What the public may see of pages of any type: the one definition, used everywhere.

A page is public when it is live and no privacy restriction (password, login, groups) hides
it. The campaign's own named queries (heroes.selectors) stand on this one.
"""

from wagtail.models import Page


def public_pages(queryset=None):
    """The live, public pages of `queryset` (a page queryset of any type; default: all)."""
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().public()
