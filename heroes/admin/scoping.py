"""Admin views that reach only the objects a user may see, written once for every concern.

A view combines a scope (which objects: `OfUsersMissions`, or a concern's own) with how it
applies: an index lists only those objects (`ScopedIndexMixin`); a view of one object (edit,
delete, inspect, history, usage, or a concern's own) answers 404 for any other, as if it did
not exist (`ScopedObjectMixin`).
"""

from django.http import Http404

from heroes import permissions


class Scope:
    def scope(self, queryset):
        """The part of `queryset` that `self.request.user` may reach."""
        raise NotImplementedError


class OfUsersMissions(Scope):
    """Objects of the user's own missions; MCD's missions are all of them."""

    def scope(self, queryset):
        return queryset.filter(mission__in=permissions.missions_of(self.request.user))


class ScopedIndexMixin(Scope):
    def get_base_queryset(self):
        return self.scope(super().get_base_queryset())


class ScopedObjectMixin(Scope):
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.scope(type(obj)._default_manager.filter(pk=obj.pk)).exists():
            raise Http404
        return obj
