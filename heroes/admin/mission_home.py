"""A mission's own room in the admin: a "Your mission" dashboard panel and the page explorer
opening at its hub, for the mission's editors and focal point (MCD has its own dashboard).
"""

from django.urls import reverse
from django.utils.translation import get_language
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem

from heroes import permissions, selectors


def _home_hub(mission):
    """The mission's hub in the admin's language, else in any language it has."""
    hubs = list(mission.hubs.select_related("locale"))
    language = get_language()
    return next((hub for hub in hubs if hub.locale.language_code == language), None) or (
        hubs[0] if hubs else None
    )


def _missions(user):
    """The missions whose room `user` works in, unless MCD (who sees every mission)."""
    if permissions.is_mcd(user):
        return []
    return list(permissions.missions_of(user))


class MissionDashboardPanel(Component):
    """Per mission: its drafts, its pages awaiting review, and a quick "Add a story"."""

    name = "mission_dashboard"
    template_name = "heroes/admin/mission_dashboard.html"
    order = 50

    def __init__(self, missions):
        self.missions = missions

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        rooms = []
        for mission in self.missions:
            hub = _home_hub(mission)
            if hub is None:
                continue
            rooms.append(
                {
                    "mission": mission,
                    "hub": hub,
                    "drafts": selectors.mission_drafts(mission),
                    "awaiting": selectors.mission_awaiting_review(mission),
                    "add_story_url": reverse(
                        "wagtailadmin_pages:add", args=("heroes", "herostorypage", hub.pk)
                    ),
                    "explore_url": reverse("wagtailadmin_explore", args=(hub.pk,)),
                }
            )
        context["rooms"] = rooms
        return context


def add_mission_dashboard(request, panels):
    missions = _missions(request.user)
    if missions:
        panels.insert(0, MissionDashboardPanel(missions))


class MissionExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's "Pages" menu item, opening at the user's mission hub.

    Wagtail opens the explorer at the deepest page above everything the user may edit: for
    a mission, whose hub exists in every language, that is the root of the whole tree.
    """

    def __init__(self, original, hub):
        super().__init__(
            original.label,
            original.url,
            name=original.name,
            icon_name=original.icon_name,
            classname=original.classname,
            order=original.order,
        )
        self.hub = hub

    def get_context(self, request):
        return {**super().get_context(request), "start_page_id": self.hub.pk}

    def render_component(self, request):
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            self.url,
            self.hub.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


def open_explorer_at_mission_hub(request, menu_items):
    missions = _missions(request.user)
    hub = _home_hub(missions[0]) if len(missions) == 1 else None
    if hub is None:
        return
    menu_items[:] = [
        MissionExplorerMenuItem(item, hub) if item.name == "explorer" else item
        for item in menu_items
    ]
