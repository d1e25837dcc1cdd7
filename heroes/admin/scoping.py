"""Admin views that reach only the objects a user may see, written once for every concern.

A view combines a scope (which objects: `OfUsersMissions`, or a concern's own) with how it
applies: an index lists only those objects (`ScopedIndexMixin`); a view of one object (edit,
delete, inspect, history, usage, revisions … or a concern's own) answers 404 for any other,
as if it did not exist (`ScopedObjectMixin`). A viewset with `ScopedViewSetMixin` applies its
`scope_class` to every view it builds, so no view of it can be left unscoped.
"""

from django.http import Http404
from wagtail.admin.views.generic import IndexView

from heroes import permissions


class Scope:
    def scope(self, queryset):
        """The part of `queryset` that `self.request.user` may reach."""
        raise NotImplementedError


class OfUsersMissions(Scope):
    """Objects of the user's own missions; MCD's missions are all of them."""

    def scope(self, queryset):
        return queryset.filter(mission__in=permissions.missions_of(self.request.user))


class ToReview(Scope):
    """What the user reviews of something the public sent (a nomination, an event proposal):
    `to_review(user)`, the permission's queryset of them (heroes.permissions)."""

    to_review = None

    def scope(self, queryset):
        return queryset.filter(pk__in=type(self).to_review(self.request.user))


class ScopedIndexMixin(Scope):
    def get_base_queryset(self):
        return self.scope(super().get_base_queryset())


class ScopedObjectMixin(Scope):
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is None or obj.pk is None:  # a create view's, or a preview while creating
            return obj
        if not self.scope(type(obj)._default_manager.filter(pk=obj.pk)).exists():
            raise Http404
        return obj


class ScopedViewSetMixin:
    """A Wagtail viewset every view of which reaches only the objects of `scope_class`.

    Each view the viewset constructs (Wagtail's and the viewset's own view classes alike) is
    given the scope: an index lists only the scope's objects, any view that looks an object
    up answers 404 for one outside it. A view class that names a scope itself keeps its own.
    """

    scope_class = OfUsersMissions

    def construct_view(self, view_class, **kwargs):
        if not issubclass(view_class, Scope):
            if issubclass(view_class, IndexView):
                applied = ScopedIndexMixin
            elif hasattr(view_class, "get_object"):
                applied = ScopedObjectMixin
            else:
                applied = None
            if applied is not None:
                view_class = type(view_class.__name__, (self.scope_class, applied, view_class), {})
        return super().construct_view(view_class, **kwargs)
