"""MCD's dashboard on the admin's home page: what waits for MCD."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from heroes import permissions, selectors
from heroes.models import Nomination, NominationStatus


class MCDDashboardPanel(Component):
    """Pages in endorsement per mission, new public nominations, this month's proposals."""

    name = "mcd_dashboard"
    template_name = "heroes/admin/mcd_dashboard.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        context.update(
            new_nominations=Nomination.objects.filter(status=NominationStatus.NEW).count(),
            awaiting=selectors.awaiting_endorsement(),
            proposals=selectors.story_of_the_month_proposals(month=today),
            month=today.replace(day=1),
            csrf_token=parent_context.get("csrf_token"),
            request=parent_context["request"],
        )
        return context


def add_mcd_dashboard(request, panels):
    if permissions.is_mcd(request.user):
        panels.insert(0, MCDDashboardPanel())
