"""Public nominations: heroes the public nominated, reviewed by MCD and the hero's mission.

Never published; the nominee's photo has no public address and is shown to reviewers
through `photo_view` only. Not to be confused with a mission's story-of-the-month
proposal (heroes.admin.story_of_the_month).
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from heroes import permissions, services
from heroes.admin.scoping import Scope, ScopedIndexMixin, ScopedObjectMixin
from heroes.models import Nomination
from heroes.models.nominations import SUBMITTED_FIELDS


class ToReview(Scope):
    """The nominations the user reviews (permissions.nominations_to_review)."""

    def scope(self, queryset):
        return queryset.filter(pk__in=permissions.nominations_to_review(self.request.user))


class NominationIndexView(ToReview, ScopedIndexMixin, generic.IndexView):
    pass


class NominationEditView(ToReview, ScopedObjectMixin, generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.review_nomination(
            user=self.request.user,
            nomination=self.object,
            status=data["status"],
            note=data["review_note"],
        )


class NominationInspectView(ToReview, ScopedObjectMixin, generic.InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.photo:
            context["photo_url"] = reverse("nominations:photo", args=(self.object.pk,))
        return context


class NominationDeleteView(ToReview, ScopedObjectMixin, generic.DeleteView):
    pass


class NominationHistoryView(ToReview, ScopedObjectMixin, HistoryView):
    pass


class NominationUsageView(ToReview, ScopedObjectMixin, UsageView):
    pass


class NominationViewSet(ModelViewSet):
    """Nominations the public sent: reviewed by the hero's mission and MCD, never published."""

    model = Nomination
    name = "nominations"
    icon = "user"
    menu_label = _("Public nominations")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["hero_name", "country", "mission", "status", "submitted_at"]
    list_filter = ["status", "country"]
    search_fields = ["hero_name"]
    form_fields = ["status", "review_note"]
    inspect_view_enabled = True
    inspect_view_fields = [
        *SUBMITTED_FIELDS,
        "language",
        "status",
        "review_note",
        "submitted_at",
    ]
    inspect_template_name = "heroes/admin/nomination_inspect.html"
    index_view_class = NominationIndexView
    edit_view_class = NominationEditView
    inspect_view_class = NominationInspectView
    delete_view_class = NominationDeleteView
    history_view_class = NominationHistoryView
    usage_view_class = NominationUsageView

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/photo/", self.photo_view, name="photo")]

    def photo_view(self, request, pk):
        """The nominee's photo, for reviewers only: it has no public address."""
        nomination = get_object_or_404(permissions.nominations_to_review(request.user), pk=pk)
        if not nomination.photo:
            raise Http404
        return FileResponse(nomination.photo.open("rb"), content_type="image/jpeg")


nomination_viewset = NominationViewSet()


def register_nomination_viewset():
    return nomination_viewset
