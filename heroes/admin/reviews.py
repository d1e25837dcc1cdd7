"""The admin's review of what the public sent (a nomination, a partner's event proposal): its
listing, its review screen and the decisions posted from it, written once.

Each concern gives its sections and labels (`review_sections`, `review_labels`) and adds its
own context and decisions; who may see which is the scope (heroes.admin.scoping.ToReview).
"""

from django.utils.text import capfirst
from django.utils.translation import gettext
from django.views import View
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin


class ReviewIndexView(generic.IndexView):
    """The listing: a name leads to its review screen, where the decisions are, rather than
    to an edit form."""

    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)


class ReviewInspectView(generic.InspectView):
    """The review screen: the whole of what was sent, in sections under reviewers' labels
    (`sections` in the context, heroes/admin/includes/review_sections.html)."""

    #: [(heading, [field name, …]), …]
    review_sections = ()
    #: {field name: label}, where the model's verbose name is not what a reviewer reads
    review_labels = {}

    def get_page_title(self):
        return gettext("Review")

    def get_field_label(self, field_name, field):
        label = self.review_labels.get(field_name)
        return capfirst(label or super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        return "" if value is None else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = [
            (heading, [self.get_context_for_field(name) for name in names])
            for heading, names in self.review_sections
        ]
        return context


class DecisionView(PermissionCheckedMixin, View):
    """A decision posted from a review screen (POST only); the viewset passes its permission
    policy, the scope and the service say who may take it."""

    http_method_names = ["post"]

    def __init__(self, *, permission_policy, **kwargs):
        super().__init__(**kwargs)
        self.permission_policy = permission_policy
