"""Multipliers: each mission's people who help promote the campaign, private to it and MCD."""

from collections import Counter

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
)

from heroes.admin.forms import MultiplierForm
from heroes.admin.scoping import ScopedViewSetMixin
from heroes.models import Mission, Multiplier


class MultiplierIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("mission")

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_export:
            log_export(self.request, context["object_list"])
        return response


def log_export(request, multipliers):
    """An export (CSV or XLSX) takes people's contacts out: each mission's history says who
    took how many of its own, and in which format."""
    counts = Counter(multiplier.mission_id for multiplier in multipliers)
    for mission in Mission.objects.filter(pk__in=counts):
        log(
            instance=mission,
            action="heroes.multipliers_exported",
            user=request.user,
            data={"format": request.GET.get("export"), "count": counts[mission.pk]},
        )


class MultiplierViewSet(ScopedViewSetMixin, SnippetViewSet):
    """Each mission's list of people who help promote the campaign, exportable for mail-outs."""

    model = Multiplier
    icon = "group"
    menu_label = _("Multipliers")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "kind", "organisation", "mission", "consents_to_contact"]
    list_filter = ["kind", "mission", "consents_to_contact"]
    list_export = ["name", "kind", "organisation", "email", "phone", "consents_to_contact", "notes"]
    export_filename = "multipliers"
    inspect_view_enabled = True
    search_fields = ["name", "organisation"]
    index_view_class = MultiplierIndexView

    def get_form_class(self, for_update=False):
        return self.get_edit_handler().get_form_class()

    def get_edit_handler(self):
        return ObjectList(Multiplier.panels, base_form_class=MultiplierForm).bind_to_model(
            self.model
        )
