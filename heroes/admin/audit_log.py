"""The campaign's own actions in Wagtail's history and audit log."""

from django.utils.translation import gettext_lazy as _


def register_campaign_log_actions(actions):
    actions.register_action("heroes.mission_set_up", _("Mission set up"), _("Mission set up"))
    actions.register_action(
        "heroes.story_of_the_month_nominated",
        _("Nominated as story of the month"),
        _("Nominated as story of the month"),
    )
    actions.register_action(
        "heroes.story_of_the_month_picked",
        _("Picked as story of the month"),
        _("Picked as story of the month"),
    )
