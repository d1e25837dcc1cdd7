from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from .missions import Mission


class FocalPointReviewTask(Task):
    """First step of the mission endorsement: the focal point of the page's own mission.

    One task serves every mission: its approvers are found from the page (the hub it sits
    under, in any language), so mission A's focal point never reviews mission B's drafts.
    """

    class Meta:
        verbose_name = _("Focal point review")
        verbose_name_plural = _("Focal point reviews")

    @classmethod
    def get_description(cls):
        return _("The focal point of the mission the page belongs to reviews it")

    def is_reviewer(self, obj, user):
        from heroes.permissions import is_focal_point

        if user.is_superuser:
            return True
        mission = Mission.of_page(obj) if isinstance(obj, Page) else None
        return mission is not None and is_focal_point(user, mission)

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_reviewer(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_reviewer(obj, user)

    def get_actions(self, obj, user):
        if not self.is_reviewer(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from heroes.permissions import missions_with_focal_point

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        hubs = [hub for mission in missions_with_focal_point(user) for hub in mission.hubs]
        if not hubs:
            return TaskState.objects.none()
        under_hubs = Q()
        for hub in hubs:
            under_hubs |= Q(path__startswith=hub.path)
        page_ids = Page.objects.filter(under_hubs).values_list("pk", flat=True)
        return states.filter(workflow_state__object_id__in=[str(pk) for pk in page_ids])

    def reviewers(self, obj):
        """The users who can act on `obj` at this step (its mission's active focal points)."""
        from heroes.permissions import focal_points_of

        mission = Mission.of_page(obj) if isinstance(obj, Page) else None
        return focal_points_of(mission) if mission else []
